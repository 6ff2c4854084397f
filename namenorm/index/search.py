"""Forms similar to a query, found through the words they share.

``FormSearch.hits`` takes each query word's candidate words (``words``), proposes
the forms holding them, narrows by intersecting their postings (rarest word first),
bounds each form's score from its words' similarities, and aligns only the forms
whose bound can reach the cutoff. Nothing scans the whole gallery; ``brute_force``
scores every form, as the reference the search must agree with.
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..keys import (
    DERIVED_WORD,
    INITIAL,
    WordKeys,
    short_slip_ceiling,
    short_word_slip,
    similarity_ceilings,
    word_keys,
)
from ..model import TokenPair
from ..parts import FUNCTION_WORDS, GENERATIONAL
from .forms import TIER_TRUST
from .tables import FormTables
from .words import TOKEN_FLOOR, Candidates, WordCandidates

__all__ = ["FormSearch", "Hit", "score_alignment", "unkeyed_bound"]

_INTERIOR_WEIGHT = 1 / 3
"""Weight of a form's middle word that the query leaves out, relative to its length."""
_OUT_OF_ORDER = 0.97
"""Factor for alignments that reorder tokens ("Raffensperger Brad")."""
_SUFFIX_MISMATCH = 0.98
"""Factor for a form whose generational suffix differs from the query's."""
_SUFFIX_LOSES = 0.9
"""Factor when another candidate agrees with the query's suffix: two people, not one."""
_SINGLE_WORD_CUTOFF = 0.8
"""From this cutoff up, a one-word query is compared with one-word forms only."""
_BOUND_SLACK = 1e-9
"""Rounding room between a form's score bound and its score, so equal scores are never cut."""
_MAX_UNKEYED_FORMS = 2000
"""Most forms a query word that no key paired is bounded against, word by word. Beyond this the
other words of the query are common ones ("John Imivuez" in a million people: 30,000 forms hold
a John), the word no key caught cannot single one out, and only keyed pairs are scored: such a
query took a quarter of a million-person benchmark's time and was answered right once in 13."""


@dataclass(frozen=True, slots=True)
class Hit:
    """One scored entity for a query, before the decision engine weighs it."""

    entity: int
    score: float
    form: str
    tier: int
    pairs: tuple[TokenPair, ...] = ()
    phonetic: bool = False
    cross: bool = False
    """Found by comparing loanword keys across scripts."""
    words: tuple[str, ...] = ()
    """The query words it was found with, where they are not the query's own: its native
    spelling, or its words with a leading title kept (``decide.Query.titled``)."""


def score_alignment(q_lens: Sequence[int], f_lens: Sequence[int],
                    sims: Sequence[Sequence[tuple[float, str]]],
                    slip: Callable[[int, int], float] | None = None, optional: Sequence[bool] = ()
                    ) -> tuple[float, list[tuple[int, int, float, str]]]:
    """Align query and form tokens greedily by similarity and score the alignment.

    ``sims[i][j]`` is the similarity and shared key of query token i and form
    token j. Each aligned pair contributes its similarity weighted by the two
    tokens' lengths; unaligned tokens contribute nothing but still weigh, so a
    missing first name costs in proportion to its length, a missing middle word a
    third of that: one of the form's, or one of the query's that ``optional`` marks (a name's
    word, not "and") where the form has no middle word unpaired. Reordered alignments pay a
    small factor. A middle word of the form left over between two words the query spells
    exactly, with a query word left over between them, is paired with it at ``slip(i, j)``
    where that is above 0 (the ``keys.short_word_slip`` of a linking word: "adn" for "and").

    >>> one, none = (1.0, ""), (0.0, "")
    >>> score_alignment([4, 6], [4, 6], [[one, none], [none, one]])[0]
    1.0
    >>> round(score_alignment([6], [4, 6], [[none, one]])[0], 2)
    0.75
    >>> query = [[one, none], [none, none], [none, one]]
    >>> round(score_alignment([4, 10, 7], [4, 7], query, optional=[True] * 3)[0], 2)
    0.87
    >>> round(score_alignment([4, 10, 7], [4, 7], query)[0], 2)
    0.69
    """
    options = [(s, i, j, key) for i, row in enumerate(sims) for j, (s, key) in enumerate(row)
               if s >= TOKEN_FLOOR]
    if not options:
        return 0.0, []
    options.sort(reverse=True)
    used_q: set[int] = set()
    used_f: set[int] = set()
    pairs: list[tuple[int, int, float, str]] = []
    total = 0.0
    for s, i, j, key in options:
        if i in used_q or j in used_f:
            continue
        used_q.add(i)
        used_f.add(j)
        pairs.append((i, j, s, key))
        total += s * (q_lens[i] + f_lens[j])
    if slip is not None and len(f_lens) > 2 and len(used_f) < len(f_lens):
        partner = {j: i for i, j, s, _ in pairs if s == 1.0}
        for j in range(1, len(f_lens) - 1):
            before, after = partner.get(j - 1), partner.get(j + 1)
            if j in used_f or before is None or after != before + 2 or before + 1 in used_q:
                continue
            s = slip(before + 1, j)
            if s > 0.0:
                used_q.add(before + 1)
                used_f.add(j)
                pairs.append((before + 1, j, s, ""))
                total += s * (q_lens[before + 1] + f_lens[j])
    # A middle word one side leaves out ("Manuella Leão" for Manuella Stephany Leão, "John
    # Fitzgerald Kennedy" for John Kennedy) weighs a third of its length; a missing first or last
    # word weighs in full, and so does a middle word of the query where the form has another
    # ("Abd al-Rahman Bouteflika" for Abd al-Aziz Bouteflika).
    interior = sum(f_lens[j] for j in range(1, len(f_lens) - 1) if j not in used_f)
    if not interior:
        interior = sum(q_lens[i] for i in range(1, min(len(q_lens) - 1, len(optional))) if i not in used_q and optional[i])
    score = total / (sum(q_lens) + sum(f_lens) - interior * (1 - _INTERIOR_WEIGHT))
    pairs.sort()
    if any(a[1] > b[1] for a, b in itertools.pairwise(pairs)):
        score *= _OUT_OF_ORDER
    return score, pairs


def unkeyed_bound(a: int, b: int) -> float:
    """Highest similarity two tokens of these lengths can have without sharing a key.

    Sharing no deletion key means at least two edits (tokens of 4+ letters),
    so Damerau-Levenshtein similarity is at most ``1 - max(2, |a-b|) / L``;
    Jaro-Winkler is at most 1, and no phonetic bonus applies.
    """
    if min(a, b) == 1:
        return INITIAL
    if min(a, b) < 3:
        return 0.0
    longest = max(a, b)
    return max(1.0 - max(2, abs(a - b)) / (2 * longest), DERIVED_WORD)


def _slip(token: str, word: str) -> float:
    """``keys.short_word_slip``, never between generational suffixes ("Jr." is not "Sr.")."""
    return 0.0 if token in GENERATIONAL or word in GENERATIONAL else short_word_slip(token, word)


def _may_slip(tokens: Sequence[str]) -> list[bool]:
    """Which query words may be the slip of a short linking word (``score_alignment``): a middle
    word of two or three letters, and no generational suffix ("Jr." is never "Sr.")."""
    last = len(tokens) - 1
    return [0 < k < last and 2 <= len(t) <= 3 and t not in GENERATIONAL for k, t in enumerate(tokens)]


def _optional(tokens: Sequence[str]) -> list[bool]:
    """The query words a form may lack in the middle at a third of their weight
    (``score_alignment``): a name's words, not a word that joins two names ("Perdue and David");
    empty where no middle word may be lacked, so the search need not ask whose a form is.

    >>> _optional(["perdue", "and", "david"]), _optional(["john", "f", "kennedy"]), _optional(["joe", "biden"])
    ([], [True, True, True], [])
    """
    optional = [t not in FUNCTION_WORDS for t in tokens]
    return optional if any(optional[1:-1]) else []


def _weigh_suffixes(tokens: Sequence[str], hits: list[Hit]) -> list[Hit]:
    """A generational suffix one side leaves out costs a little, or a lot where another hit
    agrees; one that contradicts the other's is another person.

    "Donald Trump Jr." has Donald Trump as a candidate when no Jr. is known (the match
    model weighs the suffix the name lacks), but not when Donald Trump Jr. is in the
    gallery too; "Martin Luther King Sr." never finds Martin Luther King Jr., his son.
    """
    wanted = GENERATIONAL.intersection(tokens)
    if not hits or not (wanted or any(GENERATIONAL.intersection(h.form.split()) for h in hits)):
        return hits
    # Only a word after the first is a suffix there ("V. Castro" opens with an initial).
    written = GENERATIONAL.intersection(tokens[1:])
    hits = [h for h in hits if not (written and GENERATIONAL.intersection(h.form.split()[1:]) - written)]
    agree = [GENERATIONAL.intersection(h.form.split()) == wanted for h in hits]
    factor = _SUFFIX_LOSES if any(agree) else _SUFFIX_MISMATCH
    weighed = [h if ok else replace(h, score=h.score * factor) for h, ok in zip(hits, agree)]
    return sorted(weighed, key=lambda h: (-h.score, h.entity))


class FormSearch:
    """Scores the forms of ``tables`` that share candidate words with a query."""

    def __init__(self, tables: FormTables, words: WordCandidates) -> None:
        self.tables = tables
        self.words = words

    def holds_every_word(self, words: Sequence[str], cache: dict[str, Candidates] | None = None,
                         *, slips: int = 1) -> bool:
        """Whether some form holds a word close to each of ``words`` but at most ``slips`` (words
        no key finds, which ``hits`` scores on demand): a span of text that no form pairs is
        not a misspelling of any, and is not worth scoring."""
        postings = self.tables.postings
        forms: set[int] | None = None
        for word in sorted(words, key=len, reverse=True):  # long words have the fewest holders
            if len(word) < 2:
                continue  # an initial pairs with any word it begins
            holders = {f for t in self.words.candidates(word, cache) for f in postings[t]}
            narrowed = holders if forms is None else forms & holders
            if narrowed:
                forms = narrowed
            elif slips:
                slips -= 1
            else:
                return False
        return True

    def hits(self, tokens: Sequence[str], cache: dict[str, Candidates] | None = None,
             *, allowed: int = 0, script: str = "", score_cutoff: float = 0.0, limit: int | None = None,
             accept: Callable[[int], bool] | None = None) -> list[Hit]:
        """Score the forms that share keys with the query tokens; best hit per entity.

        Forms whose score cannot reach ``score_cutoff`` are skipped before any
        similarity is computed for them. With ``limit``, forms are scored highest
        bound first and the search stops once no form left can enter the best
        ``limit`` entities: the first ``limit`` hits are those of the full search.
        ``accept`` leaves out entities the caller would drop anyway (another kind). ``allowed``
        and ``script`` are the query's, as ``FormTables.owners`` takes them.
        """
        tables = self.tables
        cands = [self.words.candidates(tok, cache) for tok in tokens]
        if len(tokens) == 1 and score_cutoff >= _SINGLE_WORD_CUTOFF:
            # One word cannot reach the cutoff against a form with other words; an entity
            # known by a longer name is found through its one-word forms (a surname).
            forms: set[int] = set()
            complete = True
            for t in cands[0]:
                forms.update(tables.single_word.get(tables.vocab[t], ()))
        else:
            forms, complete = self._candidate_forms(tokens, cands)
        restricted = tables.restricted
        if restricted:
            forms = {f for f in forms if not restricted.get(f, 0) & ~allowed}
        if script and tables.written_scripts:  # few forms are written in other scripts alone: only those are asked
            forms = forms - {f for f in tables.written_scripts.keys() & forms if not tables.written_in(f, script)}
        words = sum(len(t) > 1 and t not in GENERATIONAL for t in tokens)
        if words > 1:
            forms = {f for f in forms if not tables.surname_too_short(f, words)}
        # Where some query token found no keyed partner (two slips no key caught,
        # "bradley" for "brad"), pairs are bounded and scored on demand, as the brute-force
        # reference scores them; where every token has one, keyed pairs decide.
        keyed_tokens = None if complete or len(forms) > _MAX_UNKEYED_FORMS else [word_keys(token) for token in tokens]
        slips = _may_slip(tokens)
        optional = _optional(tokens)
        bounded = self._bounded_forms(tokens, cands, forms, keyed_tokens, slips, optional, score_cutoff)
        # In a fixed order, so ties fall the same way in every process; best bound first
        # where the search may stop early.
        bounded.sort(key=(lambda bf: (-bf[0], bf[1])) if limit else (lambda bf: bf[1]))
        q_lens = [len(t) for t in tokens]
        may_slip = any(slips)
        vocab, lengths = tables.vocab, tables.vocab_lengths
        form_owner, form_tokens, form_tier = tables.form_owner, tables.form_tokens, tables.form_tier
        wanted = GENERATIONAL.intersection(tokens)
        best: dict[int, tuple[float, int, Hit]] = {}
        # Best scores of entities whose best form agrees with the query's generational suffix:
        # no later step lowers them, so ``limit`` of them bound what is still worth scoring.
        settled: dict[int, float] = {}
        cutoff = score_cutoff
        unkeyed: dict[tuple[int, int], tuple[float, str]] = {}
        none = (0.0, "")
        for bound, f in bounded:
            if bound < cutoff - _BOUND_SLACK:
                break
            owner = form_owner[f]
            if accept is not None:
                owner = tuple(e for e in owner if accept(e))
            if not owner:
                continue
            f_tokens = form_tokens[f]
            sims = []
            for i, row in enumerate(cands):
                sim_row = []
                for t in f_tokens:
                    found = row.get(t)
                    if found is None:
                        if keyed_tokens is None:
                            found = none
                        else:
                            found = unkeyed.get((i, t))
                            if found is None:
                                found = unkeyed[(i, t)] = self.words.keyed_similarity(keyed_tokens[i], vocab[t])
                    sim_row.append(found)
                sims.append(sim_row)
            slip = None if not may_slip else (
                lambda i, j, f_tokens=f_tokens: _slip(tokens[i], vocab[f_tokens[j]]))
            score, pairs = score_alignment(q_lens, [lengths[t] for t in f_tokens], sims, slip,
                                           optional if optional and self.persons_form(f) else ())
            score *= TIER_TRUST[form_tier[f]]
            if score <= 0.0 or score < score_cutoff:
                continue
            hit: Hit | None = None
            for e_idx in owner:
                held = best.get(e_idx)
                if held is None or score > held[0] or (score == held[0] and f < held[1]):
                    if hit is None:
                        token_pairs = tuple(TokenPair(tokens[i], vocab[f_tokens[j]], s, key)
                                            for i, j, s, key in pairs)
                        phonetic = (len(pairs) == len(tokens) == len(f_tokens)
                                    and all(p.keys or p.similarity == 1.0 for p in token_pairs))
                        hit = Hit(e_idx, score, tables.forms[f], form_tier[f], token_pairs, phonetic)
                    best[e_idx] = (score, f, replace(hit, entity=e_idx) if hit.entity != e_idx else hit)
                    if limit:
                        if GENERATIONAL.intersection(hit.form.split()) == wanted:
                            settled[e_idx] = score
                        else:
                            settled.pop(e_idx, None)
            if limit and hit is not None and len(settled) >= limit:
                cutoff = max(score_cutoff, heapq.nlargest(limit, settled.values())[-1])
        hits = sorted((h for _, _, h in best.values()), key=lambda h: (-h.score, h.entity))
        return _weigh_suffixes(tokens, hits)

    def persons_form(self, f: int) -> bool:
        """Whether a person claims form ``f``: only a person's name has middle names a query may
        add ("John Fitzgerald Kennedy"); a place's or a body's words are all its name's."""
        entities = self.tables.entities
        return any(entities[e].kind == "person" for e in self.tables.form_owner[f])

    def _bounded_forms(self, tokens: Sequence[str], cands: list[Candidates],
                       forms: set[int], keyed_tokens: Sequence[WordKeys] | None,
                       slips: Sequence[bool], optional: Sequence[bool], score_cutoff: float) -> list[tuple[float, int]]:
        """Each form's highest possible score with the query, for those that may reach ``score_cutoff``.

        Each query word pairs at best with its most similar form word, over the smallest
        denominator the alignment can have (every middle word left out: the form's, and against a
        person's form the query's too). ``keyed_tokens``, the query words' keys, is None where
        every word has a keyed partner, and only keyed pairs count; ``slips`` marks the words that
        may be a linking word's slip (``_may_slip``), ``optional`` those a person's form may lack
        in the middle (``_optional``).
        """
        q_lens = [len(t) for t in tokens]
        q_whole = sum(q_lens)
        q_person = q_whole - (1 - _INTERIOR_WEIGHT) * sum(n for n, may in zip(q_lens[1:-1], optional[1:-1]) if may)
        lengths = self.tables.vocab_lengths
        form_tokens, form_tier = self.tables.form_tokens, self.tables.form_tier
        # Per query word, each form word's highest similarity with it: the keyed ones, and where
        # some query word found no keyed partner, a bound for every other word of these forms.
        highest = [{t: s for t, (s, _) in row.items()} for row in cands]
        form_words = set().union(*map(form_tokens.__getitem__, forms))
        if keyed_tokens is not None:
            for token, keyed_token, similar in zip(tokens, keyed_tokens, highest):
                unpaired = list(form_words.difference(similar))
                similar.update(zip(unpaired, self._unkeyed_ceilings(token, keyed_token, unpaired)))
        # A short query word may be a linking word's slip (``score_alignment``).
        for token, similar, may_slip in zip(tokens, highest, slips):
            if may_slip:
                for t in form_words:
                    ceiling = short_slip_ceiling(len(token), lengths[t])
                    if ceiling > similar.get(t, 0.0):
                        similar[t] = ceiling
        # Weighed by the two words' lengths as the alignment weighs them, once however many
        # forms hold the word.
        weighed = [{t: similar.get(t, 0.0) * (lq + lengths[t]) for t in form_words}
                   for lq, similar in zip(q_lens, highest)]
        bounded = []
        for f in forms:
            f_tokens = form_tokens[f]
            f_lens = [lengths[t] for t in f_tokens]
            lightest = sum(f_lens) - (1 - _INTERIOR_WEIGHT) * sum(f_lens[1:-1])
            trust = TIER_TRUST[form_tier[f]] / ((q_person if optional and self.persons_form(f) else q_whole) + lightest)
            bound = 0.0
            for row in weighed:
                best = 0.0
                for t in f_tokens:
                    # A comparison, not max(): this runs for every word of every candidate form.
                    if row[t] > best:  # noqa: PLR1730
                        best = row[t]
                bound += best
            if bound * trust >= score_cutoff:
                bounded.append((bound * trust, f))
        return bounded

    def _unkeyed_ceilings(self, token: str, keyed_token: WordKeys, words: Sequence[int]) -> list[float]:
        """Highest similarity of a query word and each vocabulary word of ``words`` that no key
        paired: by their lengths, then by their letters and keys (``_bounded_forms``)."""
        lengths, keyed_vocab = self.tables.vocab_lengths, self.tables.keyed_vocab
        size = len(token)
        sizes = [lengths[t] for t in words]
        by_size = {length: unkeyed_bound(size, length) for length in set(sizes)}
        found = [by_size[length] for length in sizes]
        if size < 3:
            return found
        lettered = [k for k, length in enumerate(sizes) if length >= 3]
        keyed = [keyed_vocab[words[k]] for k in lettered]
        # A ceiling at or above the bound by length (itself at least TOKEN_FLOOR) leaves that
        # bound as it is, whatever the two words' name relation.
        below = [(k, ceiling, word_keyed[0])
                 for k, word_keyed, ceiling in zip(lettered, keyed, similarity_ceilings(keyed_token, keyed))
                 if ceiling < found[k]]
        related = self.words.name_relations(token, [word for _, _, word in below])
        for (k, ceiling, _), (relation, _) in zip(below, related):
            ceiling = max(ceiling, relation)
            found[k] = min(found[k], ceiling) if ceiling >= TOKEN_FLOOR else 0.0
        return found

    def _candidate_forms(self, tokens: Sequence[str], cands: list[Candidates]
                         ) -> tuple[set[int], bool]:
        """Forms worth scoring, and whether each has a keyed partner for every query token.

        Postings are intersected rarest token first. Where a token's candidates
        would empty the intersection (a typo no key caught, a word the form lacks),
        the rarest token may be the one the right form lacks ("de britiske
        jomfruøyene" beside "De britiske jomfruøyer"): with three searchable tokens
        or more, the forms are then those holding candidates of the most tokens, and the
        result is incomplete.
        """
        postings, form_tokens = self.tables.postings, self.tables.form_tokens
        # An initial says too little to choose forms by: it is scored, never searched by.
        searchable = [k for k, c in enumerate(cands) if c and len(tokens[k]) > 1]
        sized = sorted((sum(len(postings[t]) for t in cands[k]), k) for k in searchable)
        complete = len(sized) == len(cands)
        passed_over = False
        forms: set[int] = set()
        for size, k in sized:
            c = cands[k]
            if not forms:
                for t in c:
                    forms.update(postings[t])
                continue
            if size < 2 * len(forms):
                other: set[int] = set()
                for t in c:
                    other.update(postings[t])
                narrowed = forms & other
            else:
                held = c.keys()
                narrowed = {f for f in forms if not held.isdisjoint(form_tokens[f])}
            if narrowed:
                forms = narrowed
            else:
                complete, passed_over = False, True
        if passed_over and len(sized) > 2:
            forms = self._most_covered([cands[k] for _, k in sized]) or forms
        return forms, complete

    def _most_covered(self, cands: Sequence[Candidates]) -> set[int]:
        """The forms that hold a candidate of the most of these query tokens, where that is at
        least two (one is any form of any of them: too many to score)."""
        postings = self.tables.postings
        covered: Counter[int] = Counter()
        for c in cands:
            holding: set[int] = set()
            for t in c:
                holding.update(postings[t])
            covered.update(holding)
        most = max(covered.values(), default=0)
        return {f for f, n in covered.items() if n == most} if most > 1 else set()

    def brute_force(self, tokens: Sequence[str], *, allowed: int = 0) -> list[Hit]:
        """Score every form with no candidate generation: the reference ``hits`` must agree with."""
        tables = self.tables
        q_lens = [len(t) for t in tokens]
        may_slip = any(_may_slip(tokens))
        optional = _optional(tokens)
        best: dict[int, Hit] = {}
        for f, form in enumerate(tables.forms):
            if tables.restricted.get(f, 0) & ~allowed:
                continue
            f_words = form.split()
            sims = [[self.words.similarity(token, word) for word in f_words] for token in tokens]
            slip = None if not may_slip else (
                lambda i, j, f_words=f_words: _slip(tokens[i], f_words[j]))
            score, _ = score_alignment(q_lens, [len(w) for w in f_words], sims, slip,
                                       optional if optional and self.persons_form(f) else ())
            score *= TIER_TRUST[tables.form_tier[f]]
            for e_idx in tables.form_owner[f]:
                if score > 0 and (e_idx not in best or score > best[e_idx].score):
                    best[e_idx] = Hit(e_idx, score, form, tables.form_tier[f])
        return sorted(best.values(), key=lambda h: (-h.score, h.entity))
