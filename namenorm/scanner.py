"""Find every name in running text, with offsets into the caller's own string.

The text is split into word tokens (letters, digits and combining marks, with
invisible format characters kept inside words), each normalized on its own, so
every candidate span maps back to exact offsets. Scanning goes left to right and
takes the longest span that resolves:

* any span may match a strong or weak alias exactly, but a span in lower case
  must be two or more words ("trump card" stays a card game, "who" a word);
* capitalized spans may also match a derived surname, or phonetically or by
  fuzzy similarity — except a single capitalized word at the start of a
  sentence, where the capital is no evidence;
* a leading title ("Secretary of State", "Sen.") is kept out of the span.

A second pass reads the text as a document: a bare surname links to a person
named in full elsewhere in it (with a higher score than alone), and a form two
entities share (Georgia) is decided by the ``related`` ids of the entities the
text mentions; otherwise it is left out rather than guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .index import SURNAME, TIER_TRUST, Hit, query_allows
from .model import Mention
from .normalize import normalize_cached

if TYPE_CHECKING:
    from .resolver import Resolver

__all__ = ["rewrite_text", "scan_text", "tokenize"]

_MAX_SPAN = 6
"""Longest span tried, in words."""
_MAX_TOKEN_CHARS = 40
"""Longer runs of letters (unspaced CJK text, base64) are not name words."""
_COREF_BONUS = 0.03
"""Added to a bare surname's score when the text names that person in full."""
_COREF_FLOOR = 0.80
"""Lowest score searched for a bare word that may link to a person the text names in full."""
_COREF_SLACK = 0.05
"""A bare word inside a sentence links to a person named in full at threshold - 0.05;
one opening a sentence needs the full threshold, unless its spelling is exact."""
_JOINERS = frozenset({"of", "the", "do", "y", "and", "for", "on", "e"})
"""Lower-case words a name may hold besides surname particles ("Bank of America")."""
_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "in", "on", "at", "by", "for", "from", "to",
    "with", "of", "and", "or", "but", "if", "when", "while", "after", "before", "as", "since",
    "he", "she", "it", "we", "they", "i", "you", "his", "her", "its", "our", "their", "my", "your",
    "mr", "mrs", "ms", "dr", "yesterday", "today", "tomorrow", "meanwhile", "however", "also",
    "later", "earlier", "then", "now", "still", "so", "thus", "instead", "even", "only", "here",
    "there", "said", "says", "asked", "both", "all", "not", "no", "yes", "why", "how", "what",
})
"""Capitalized function words that do not make a neighbouring word part of another name
(besides any word the same text also writes in lower case)."""
_NOT_NAMES = _FUNCTION_WORDS | frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "september", "october",
    "november", "december",
})
"""Single words never read as a name on their own in running text."""
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "jr", "sr", "sen", "gov", "rep", "gen", "col",
                            "lt", "sgt", "capt", "prof", "rev", "hon", "pres", "amb", "no", "vs", "mt"})
"""Words whose period does not end a sentence ("Sen. Kelly Loeffler")."""
_SENTENCE_END = re.compile(r"[.!?:;\u3002\uff01\uff1f]")
_BREAK = re.compile(r"[^\s\-\u2010\u2011'\u2019.]|\n\s*\n")
"""A gap between words that a name never spans: other punctuation or a blank line."""


@lru_cache(maxsize=1)
def _token_pattern() -> re.Pattern[str]:
    """Word characters plus combining marks and invisible format characters."""
    extra = [chr(cp) for cp in range(0x20000)
             if unicodedata.category(chr(cp))[0] == "M" or unicodedata.category(chr(cp)) == "Cf"]
    ranges: list[list[str]] = []
    for ch in extra:
        if ranges and ord(ch) == ord(ranges[-1][1]) + 1:
            ranges[-1][1] = ch
        else:
            ranges.append([ch, ch])
    body = "".join(re.escape(a) if a == b else f"{re.escape(a)}-{re.escape(b)}" for a, b in ranges)
    return re.compile(rf"[\w{body}\U000e0100-\U000e01ef]+")


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    norm: str
    """Normalized text ('' for words with nothing to match, such as emoji)."""
    capital: bool
    """Starts with a capital or a letter of a script without case."""
    sentence_start: bool
    """First word of a sentence (or of the text)."""
    joined: bool
    """Only spaces, hyphens or an initial's period separate it from the previous token."""


def tokenize(text: str) -> list[_Token]:
    """Split text into word tokens with offsets and the facts scanning needs.

    >>> [(t.norm, t.capital) for t in tokenize("Sen. Kelly Loeffler's win")]
    [('sen', True), ('kelly', True), ('loeffler', True), ('win', False)]
    """
    tokens: list[_Token] = []
    prev_end = 0
    prev_short = False
    for m in _token_pattern().finditer(text):
        start, end = m.span()
        word = m.group()
        gap = text[prev_end:start]
        if tokens and word in ("s", "S") and gap in ("'", "\u2019"):
            prev_end = end  # possessive 's stays outside every span
            continue
        norm = normalize_cached(word) if len(word) <= _MAX_TOKEN_CHARS else ""
        first = word[0]
        capital = first.isupper() or (first.isalpha() and not first.islower())
        if gap == " ":
            sentence_start, broken = not tokens, False
        else:
            sentence_start = not tokens or bool(_SENTENCE_END.search(gap) and not prev_short)
            broken = bool(_BREAK.search(gap)) or (("." in gap) and not prev_short)
        tokens.append(_Token(start, end, norm, capital, sentence_start,
                             bool(tokens) and not broken))
        prev_end = end
        # An initial ("J.") or an abbreviation ("Sen.", "St.") does not end a sentence.
        prev_short = (len(word) == 1 and first.isupper()) or norm in _ABBREVIATIONS
    return tokens


def _is_name_word(token: _Token) -> bool:
    return token.capital and bool(token.norm) and not token.norm[0].isdigit()


_Found = tuple[int, int, Hit, bool]
"""Token span [i, j), the hit, and whether it was an exact form."""
_Open = tuple[int, int, "list[Hit] | None", bool]
"""Token span [i, j) that did not resolve alone, with its contenders (None: not yet searched)."""


class _Scan:
    """One pass over one text."""

    def __init__(self, resolver: Resolver, text: str, kind: str | None, min_score: float) -> None:
        self.resolver = resolver
        self.index = resolver.index
        self.text = text
        self.kind = kind
        self.min_score = min_score
        self.tokens = tokenize(text)
        self.cache: dict[str, dict[int, tuple[float, str]]] = {}
        self.lower_words = {t.norm for t in self.tokens if not t.capital}
        self.longest = min(_MAX_SPAN, self.index.longest_form)
        self.particles = _JOINERS | self.index.particles

    def span_form(self, i: int, j: int) -> str:
        return " ".join(t.norm for t in self.tokens[i:j] if t.norm)

    def allows(self, i: int, j: int) -> int:
        """Restricted forms the span may match: acronyms if in capitals, foreign forms if not Latin."""
        return query_allows(self.text[self.tokens[i].start:self.tokens[j - 1].end])

    def _allowed(self, e_idx: int) -> bool:
        return self.kind is None or self.index.entities[e_idx].kind == self.kind

    def exact_ends(self, i: int) -> list[int]:
        """Ends of spans from ``i`` whose text is a known form, walking the form-prefix set."""
        tokens, prefixes, ends = self.tokens, self.index.prefixes, []
        form = ""
        j = i
        while j < len(tokens) and j - i < self.longest and (j == i or tokens[j].joined):
            norm = tokens[j].norm
            j += 1
            if not norm:
                continue
            form = f"{form} {norm}" if form else norm
            if form not in prefixes:
                break
            ends.append(j)
        return ends

    def name_run_end(self, i: int) -> int:
        """End of the run of capitalized words (particles allowed inside) starting at ``i``."""
        tokens = self.tokens
        if not _is_name_word(tokens[i]):
            return i
        j = last = i + 1
        while j < len(tokens) and j - i < self.longest and tokens[j].joined:
            if _is_name_word(tokens[j]):
                last = j + 1
            elif tokens[j].norm not in self.particles:
                break
            j += 1
        return last

    def exact(self, i: int, j: int) -> list[Hit]:
        tokens = self.tokens[i:j]
        form = self.span_form(i, j)
        owned = self.index.owners(form, self.allows(i, j))
        if owned is None:
            return []
        tier, owners = owned
        lower = not all(_is_name_word(t) or t.norm in self.particles for t in tokens) or not tokens[0].capital
        if lower and (j - i < 2 or tier == SURNAME):
            return []
        return [Hit(e, TIER_TRUST[tier], form, tier) for e in owners if self._allowed(e)]

    def fuzzy(self, i: int, j: int) -> list[Hit]:
        """Phonetic and fuzzy hits for a span of capitalized words (checked by the caller)."""
        words = self.span_form(i, j).split()
        if any(not self.index.token_candidates(w, self.cache) for w in words if w not in self.particles):
            return []
        needed = sum(1 for w in words if w not in self.particles)
        # Every word of the span must line up with the form: "When President Trump"
        # is not a fuzzy "President Trump", the shorter span is.
        cutoff = min(_COREF_FLOOR, self.resolver.threshold - self.resolver.margin)
        return [h for h in self.index.search(words, self.cache, allowed=self.allows(i, j),
                                             score_cutoff=cutoff)
                if self._allowed(h.entity)
                and sum(1 for p in h.pairs if p.query not in self.particles) >= needed]

    def _names_beside(self, i: int, j: int, titles: set[int], taken: set[int]) -> bool:
        """A lone word joined to another capitalized word is part of a name we do not know."""
        tokens = self.tokens

        def other_name(k: int) -> bool:
            t = tokens[k]
            return (_is_name_word(t) and t.norm not in _FUNCTION_WORDS and t.norm not in self.lower_words
                    and k not in titles and k not in taken)

        before = i > 0 and tokens[i].joined and other_name(i - 1)
        after = j < len(tokens) and tokens[j].joined and other_name(j) and not self.skip_title(j) > j
        return before or after

    def decide(self, hits: list[Hit], exact: bool) -> Hit | None:
        if not hits:
            return None
        if exact:
            return hits[0] if len(hits) == 1 else None
        threshold = max(self.resolver.threshold, self.min_score)
        if hits[0].score < threshold:
            return None
        if len(hits) > 1 and hits[0].score - hits[1].score < self.resolver.margin:
            return None
        return hits[0]

    def skip_title(self, i: int) -> int:
        """Index of the first token after a title starting at ``i`` (``i`` if none)."""
        words = [t.norm for t in self.tokens[i:i + 6]]
        if not words or not words[0]:
            return i
        size = self.index.titles.match_at(words, 0)
        if size and i + size < len(self.tokens) and all(t.joined for t in self.tokens[i + 1:i + size + 1]):
            return i + size
        return i

    def first_pass(self) -> tuple[list[_Found], list[_Open]]:
        """Confident spans, and spans left open: claimed by several entities, or a bare word."""
        found: list[_Found] = []
        open_questions: list[_Open] = []
        tokens = self.tokens
        titles: set[int] = set()
        taken: set[int] = set()
        i = 0
        while i < len(tokens):
            if not tokens[i].norm:
                i += 1
                continue
            # A title is kept out of the span, unless title and name together are a known
            # form ("DR Congo", "Maj-Britt Bertilsson", "President Trump" as an alias).
            start = self.skip_title(i)
            if start != i and any(self.index.owners(self.span_form(i, j), ~0) for j in self.exact_ends(i)):
                start = i
            titles.update(range(i, start))
            matched = False
            exact_ends = self.exact_ends(start)
            run_end = self.name_run_end(start)
            for j in range(max(exact_ends[-1] if exact_ends else start, run_end), start, -1):
                if j - start == 1 and self._names_beside(start, j, titles, taken):
                    break
                single = j - start == 1
                if single and tokens[start].norm in _NOT_NAMES:
                    break
                hits = self.exact(start, j) if j in exact_ends else []
                exact = bool(hits)
                common = tokens[start].norm in self.lower_words
                if single and tokens[start].sentence_start and (
                        not exact or (hits[0].tier == SURNAME and common)):
                    # A lone capitalized word opening a sentence is no evidence of a name by
                    # itself (nor is a surname the text also writes as a lower-case word):
                    # only the second pass may link it to a name in the text.
                    if exact or j <= run_end:
                        open_questions.append((start, j, hits if exact else None, exact))
                    continue
                if not exact and j <= run_end and _is_name_word(tokens[j - 1]):
                    hits = self.fuzzy(start, j)
                hit = self.decide(hits, exact)
                if hit is not None and hit.score >= self.min_score:
                    found.append((start, j, hit, exact))
                    taken.update(range(start, j))
                    i = j
                    matched = True
                    break
                if exact and len(hits) > 1 or (not exact and hits and j - start == 1):
                    open_questions.append((start, j, hits, exact))
            if not matched:
                i = start + 1 if start > i else i + 1
        return found, open_questions

    def near_named(self, i: int, j: int, wanted: set[int]) -> bool:
        """Whether every word of the span is close to a word (id) of a person the text names in full."""
        return bool(wanted) and all(
            wanted.intersection(self.index.token_candidates(w, self.cache))
            for w in self.span_form(i, j).split())

    def second_pass(self, found: list[_Found], open_questions: list[_Open]) -> list[_Found]:
        """Link bare surnames and shared forms to entities the text names elsewhere."""
        entities = self.index.entities
        named = {hit.entity for _, _, hit, _ in found}
        full_people = {hit.entity for i, j, hit, _ in found
                       if entities[hit.entity].kind == "person" and j - i >= 2}
        vocab_ids = self.index.vocab_ids
        full_words = {vocab_ids[w] for _, _, hit, _ in found if hit.entity in full_people
                      for w in hit.form.split() if w in vocab_ids}
        related_ids: set[str] = set()
        for e in named:
            related_ids.update(entities[e].related)
        named_ids = {entities[e].id for e in named}
        taken = {k for i, j, _, _ in found for k in range(i, j)}
        extra: list[_Found] = []
        for i, j, maybe_hits, exact in open_questions:
            if any(k in taken for k in range(i, j)):
                continue
            if maybe_hits is None and not self.near_named(i, j, full_words):
                continue
            hits = self.fuzzy(i, j) if maybe_hits is None else maybe_hits
            floor = self.resolver.threshold - (0.0 if self.tokens[i].sentence_start else _COREF_SLACK)
            people = [h for h in hits if h.entity in full_people and (exact or h.score >= floor)]
            if len(people) == 1:
                hit = people[0]
                extra.append((i, j, replace(hit, score=min(1.0, hit.score + _COREF_BONUS)), exact))
            else:
                context = [h for h in hits if (exact or h.score >= self.resolver.threshold)
                           and (entities[h.entity].id in related_ids
                                or named_ids & set(entities[h.entity].related))]
                if len(context) != 1:
                    continue
                extra.append((i, j, context[0], exact))
            taken.update(range(i, j))
        return sorted(found + extra, key=lambda x: x[0])

    def mentions(self) -> list[Mention]:
        found, open_questions = self.first_pass()
        if open_questions:
            found = self.second_pass(found, open_questions)
        out = []
        for i, j, hit, exact in found:
            start, end = self.tokens[i].start, self.tokens[j - 1].end
            match = self.resolver._match(hit, self.span_form(i, j), exact)
            out.append(Mention(start, end, self.text[start:end], match))
        return out


def scan_text(resolver: Resolver, text: str, *, kind: str | None = None,
              min_score: float | None = None) -> list[Mention]:
    """Every mention of a known entity in ``text``, in order, non-overlapping."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return _Scan(resolver, text, kind, min_score or 0.0).mentions()


def rewrite_text(text: str, mentions: list[Mention]) -> str:
    """Replace each mention with its entity's canonical name; everything else stays."""
    parts: list[str] = []
    pos = 0
    for m in mentions:
        parts.append(text[pos:m.start])
        parts.append(m.match.name)
        pos = m.end
    parts.append(text[pos:])
    return "".join(parts)
