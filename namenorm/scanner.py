"""Find every name in running text, with offsets into the caller's own string.

The text is split into word tokens (letters, digits and combining marks; an invisible
character such as a zero-width space or a direction mark breaks words), each normalized on its own, so
every candidate span maps back to exact offsets. Scanning goes left to right and
takes the longest span that resolves:

* any span may match a strong or weak alias exactly, but a span in lower case
  must be two or more words ("trump card" stays a card game, "who" a word);
* capitalized spans may also match a derived surname, or phonetically or by
  fuzzy similarity — except a single capitalized word at the start of a
  sentence, where the capital is no evidence;
* a leading title ("Secretary of State", "Sen.") is kept out of the span.

Every span is decided by the same engine as ``resolve`` (``decide.Engine``): the
scanner only chooses which spans to ask about. A second pass reads the text as a
document: a bare surname links to a person named in full elsewhere in it (a word
only similar to it is decided as that full name with the word in its place), and
a form two entities share (Georgia) is decided by the ``related`` ids of the
entities the text mentions (``Decision.given``: the candidates the text rules
out drop away); otherwise it is left out rather than guessed.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
import weakref
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from functools import lru_cache

from .decide import EXACT_METHODS, SIMILARITY_FLOOR, Cache, Engine
from .endings import bare_endings
from .index import SCAN_WORDS, SURNAME, FormTables, query_allows
from .japanese import KANJI, japanese_spellings, surname_starts
from .keys import cross_script_similarity
from .model import Decision, Match, Mention
from .normalize import (
    NAME_DOTS,
    is_latin,
    join_soft_signs,
    normalize_cached,
    silent_in_words,
    word_breaks,
    written_words,
)
from .parts import FUNCTION_WORDS
from .places import unspaced_place_names
from .romanize import (
    GERESH_SOUNDS,
    GERESHES,
    KANA_RUN,
    foreign_name_characters,
    han_characters,
    native_spellings,
    other_readings,
    surname_syllable,
)
from .scoring import common_words, in_word_lists, known_names

__all__ = ["Question", "rewrite_text", "scan_text", "scan_with_questions", "tokenize"]

_MAX_REMEMBERED = 100_000
"""Span answers a scan keeps for the same text written again (a name recurs in a document)."""
_KOREAN_PARTICLES = ("에서는", "에게서", "으로는", "께서는", "께서", "에서", "에게", "으로", "까지", "부터", "처럼",
                     "보다", "와의", "과의", "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "로",
                     "만")
"""Korean case particles and postpositions that follow a name in running text, longest first."""
_HANGUL_FIRST, _HANGUL_LAST = "\uac00", "\ud7a3"
_CYRILLIC_FIRST, _CYRILLIC_LAST = "\u0400", "\u04ff"
_GENITIVE_ENDINGS = ("s",)
"""The ending German, Dutch and the Scandinavian languages join to a person's name that owns the
next word (Putins Krieg, Merkels Erbe, Trumps advokat): it ends the name."""
_GENITIVE_STEM = 4
"""Fewest letters of a name cut from its genitive: "Ross" and "Lars" stay as written."""
_PROCLITICS = ("וב", "ול", "ומ", "וה", "וכ", "וש", "שב", "של", "שמ", "ב", "ל", "מ", "ה", "ו", "ש", "כ",
               "وب", "ول", "وك", "فب", "فل", "و", "ب", "ل", "ف", "ك")
"""Letters Hebrew and Arabic join to the front of the word they govern, alone or two together
(and, in, to, from, the, that, as: לביידן, to Biden; وبايدن, and Biden), longest first."""
_ABJAD_FIRST, _ABJAD_LAST = "\u0590", "\u06ff"
"""Hebrew's and Arabic's letters."""
_CHINESE_FUNCTION_CHARACTERS = frozenset("的和与了在是说")
"""Characters Chinese writes between words (possessive, and, with, the aspect mark, at, is, says):
never the sound that begins or ends a foreign name, though two places' names hold 的 or 和."""
_CHINESE_NAME_CHARS = (4, 3)
"""Lengths of the Chinese names read out of running Chinese by their spelling (``_chinese_name_pieces``):
a name of two characters reads as too many pairs of other words (里朋 as Li Peng's "li peng")."""
_JAPANESE_NAME_CHARS = 6
"""Most characters of a Japanese name in kanji read out of running Japanese (小泉純一郎: five)."""
_HAN_NAME_CHARS = 6
"""Most characters of one word of a foreign name written in Han (弗拉基米尔, Vladimir: five)."""
_MAX_TOKEN_CHARS = 40
"""Longer runs of letters (unspaced CJK text, base64) are not name words."""
_JOINERS = frozenset({"of", "the", "do", "y", "and", "for", "on", "e"})
"""Lower-case words a name may hold besides surname particles ("Bank of America")."""
_NOT_NAMES = FUNCTION_WORDS | frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "september", "october",
    "november", "december",
})
"""Single words never read as a name on their own in running text."""
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "jr", "sr", "sen", "gov", "rep", "gen", "col",
                            "lt", "sgt", "capt", "prof", "rev", "hon", "pres", "amb", "no", "vs", "mt"})
"""Words whose period does not end a sentence ("Sen. Kelly Loeffler")."""
_SENTENCE_END = re.compile(r"[.!?:;\u3002\uff01\uff1f]")
_GEORGIAN = frozenset(map(chr, range(0x10D0, 0x1100)))
"""Georgian's letters: lower case to Unicode, which added capitals that running text never uses."""
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})
"""The gaps that join two words into one hyphened word ("Duk-soo")."""
_BREAK = re.compile(r"[^\s\-\u2010\u2011'\u2019.\u00b7\u30fb]|\n\s*\n")
"""A gap between words that a name never spans: other punctuation (the middle dots of
ドナルド・トランプ and 唐纳德·特朗普 join a name's words) or a blank line."""


_INSIDE_WORDS = frozenset({"Mn", "Mc", "Me", "Cf"})
"""Categories of the characters a word holds besides letters and digits."""


@lru_cache(maxsize=1)
def _token_pattern() -> re.Pattern[str]:
    """Word characters plus combining marks and the invisible characters that belong inside a
    word; every other invisible character is a word break (``normalize.word_breaks``)."""
    breaks = word_breaks()
    extra = sorted({ch for ch in map(chr, range(0x20000))
                    if unicodedata.category(ch) in _INSIDE_WORDS and ch not in breaks} | silent_in_words())
    ranges: list[list[str]] = []
    for ch in extra:
        if ranges and ord(ch) == ord(ranges[-1][1]) + 1:
            ranges[-1][1] = ch
        else:
            ranges.append([ch, ch])
    body = "".join(re.escape(a) if a == b else f"{re.escape(a)}-{re.escape(b)}" for a, b in ranges)
    return re.compile(rf"[\w{body}]+")


@lru_cache(maxsize=1)
def _unseen() -> dict[int, None]:
    """Invisible word breaks, taken out of the gap between two words before it is read."""
    return dict.fromkeys(map(ord, word_breaks()))


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
    """Only spaces, hyphens or an initial's period separate it from the previous token, and that
    token ends with no possessive ("Putin's Russia" is two names, not one)."""
    caseless: bool = False
    """Written in a script without case (Hangul, Han, Arabic...), where every word looks capitalized."""
    hyphened: bool = False
    """Only a hyphen separates it from the previous token: "soo" in "Duk-soo"."""
    after_comma: bool = False
    """Only a comma separates it from the previous token: a form of the gallery may span it
    ("Washington, D.C.", "Beulah, North Dakota"), a name read by similarity does not."""


def tokenize(text: str, *, lines: bool = False) -> list[_Token]:
    """Split text into word tokens with offsets and the facts scanning needs; with ``lines``, a
    line break separates names as a blank line does.

    >>> [(t.norm, t.capital) for t in tokenize("Sen. Kelly Loeffler's win")]
    [('sen', True), ('kelly', True), ('loeffler', True), ('win', False)]
    """
    tokens: list[_Token] = []
    prev_end = 0
    prev_short = False
    possessive = False  # the token before ended with a possessive 's, which ends a name
    for m in _token_pattern().finditer(text):
        start, end = m.span()
        word = m.group()
        gap = text[prev_end:start]
        if not gap.isascii():
            gap = gap.translate(_unseen()) or " "
        if tokens and word in ("s", "S") and gap in ("'", "\u2019"):
            prev_end = end  # possessive 's stays outside every span
            possessive = True
            continue
        # The marks of GERESHES are the apostrophes that are no word characters (ʹ and ʻ are letters
        # to a word pattern) and Hebrew's geresh: between two words they may join them into one.
        if tokens and gap in GERESHES and tokens[-1].norm:
            whole = text[tokens[-1].start:end]
            # A soft sign ("L'viv" and "Zelens'kyj" are one word each), or the geresh a Hebrew
            # letter takes for a sound Hebrew lacks (צ'רצ'יל, Churchill; ג'ו, Joe).
            if join_soft_signs(whole) != whole or text[tokens[-1].end - 1] in GERESH_SOUNDS:
                tokens[-1] = replace(tokens[-1], end=end, norm=normalize_cached(whole))
                prev_end = end
                continue
        norm = normalize_cached(word) if _letters(word) <= _MAX_TOKEN_CHARS else ""
        first = word[0]
        caseless = first.isalpha() and ((not first.isupper() and not first.islower()) or first in _GEORGIAN)
        capital = first.isupper() or caseless
        if gap == " ":
            sentence_start, broken = not tokens, False
        else:
            sentence_start = not tokens or bool(_SENTENCE_END.search(gap) and not prev_short)
            broken = bool(_BREAK.search(gap)) or (("." in gap) and not prev_short) or (lines and "\n" in gap)
        tokens.append(_Token(start, end, norm, capital, sentence_start,
                             bool(tokens) and not broken and not possessive, caseless,
                             bool(tokens) and gap in _HYPHENS, bool(tokens) and gap.strip() == ","))
        prev_end = end
        possessive = False
        # An initial ("J.") or an abbreviation ("Sen.", "St.") does not end a sentence.
        prev_short = (len(word) == 1 and first.isupper()) or norm in _ABBREVIATIONS
    return tokens


def _letters(word: str) -> int:
    """Length of a word without its combining marks: accents stacked on a name (zalgo text)
    do not make it too long to be one."""
    if len(word) <= _MAX_TOKEN_CHARS:
        return len(word)
    return sum(1 for ch in word if not unicodedata.category(ch).startswith("M"))


_is_kanji = re.compile(f"[{KANJI}]").fullmatch


_JAPANESE_NAME_STARTS: weakref.WeakKeyDictionary[FormTables, frozenset[str]] = weakref.WeakKeyDictionary()


def _japanese_name_starts(tables: FormTables) -> frozenset[str]:
    """The kanji a Japanese name the gallery spells in Latin letters may begin with
    (``japanese.surname_starts`` of the gallery's words): none for most galleries, which leaves
    Chinese and Japanese text as it was cut. Remembered for as long as the gallery lives."""
    starts = _JAPANESE_NAME_STARTS.get(tables)
    if starts is None:
        starts = _JAPANESE_NAME_STARTS[tables] = surname_starts(tables.vocab_ids.__contains__)
    return starts


def _is_katakana(ch: str) -> bool:
    return "\u30a0" <= ch <= "\u30ff" or "\u31f0" <= ch <= "\u31ff" or "\uff66" <= ch <= "\uff9f"


def _runs(word: str, start: int, end: int, member: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Bounds of the runs of ``word[start:end]`` whose letters are ``member`` and of those that are not.

    >>> _runs("トランプ大統領は", 0, 8, _is_katakana)
    [(0, 4), (4, 8)]
    """
    runs: list[tuple[int, int]] = []
    for k in range(start + 1, end + 1):
        if k == end or member(word[k]) != member(word[start]):
            runs.append((start, k))
            start = k
    return runs


def _pieces(start: int, end: int, piece_at: Callable[[int], int]) -> list[tuple[int, int]]:
    """[start, end) cut from the left around the pieces ``piece_at`` finds: the length of the
    piece that begins at a position (0 for none), the letters between pieces kept as they are."""
    pieces: list[tuple[int, int]] = []
    gap = pos = start
    while pos < end - 1:
        size = piece_at(pos)
        if not size:
            pos += 1
            continue
        if pos > gap:
            pieces.append((gap, pos))
        pieces.append((pos, pos + size))
        gap = pos = pos + size
    if gap < end:
        pieces.append((gap, end))
    return pieces


def _dictionary_pieces(word: str, start: int, end: int, forms: AbstractSet[str], longest: int
                       ) -> list[tuple[int, int]]:
    """``word[start:end]`` cut around the known ``forms`` it holds, longest first from the left."""
    return _pieces(start, end, lambda pos: next(
        (n for n in range(min(longest, end - pos), 1, -1) if word[pos:pos + n] in forms), 0))


@lru_cache(maxsize=8)
def _known_unspaced(forms: frozenset[str], place_tables: tuple[str, ...]) -> tuple[frozenset[str], int]:
    """The gallery's forms in scripts without spaces (``FormTables.unspaced_forms``) and the names
    of every place of its tables written so (``places.unspaced_place_names``), and the letters of
    the longest place name: a run of such text is cut around all of them, longest first, so a
    name the gallery does not hold is read whole, not as a shorter one inside it."""
    places = unspaced_place_names(place_tables)
    return forms | places, max(map(len, places), default=0)


def _word_pieces(word: str, start: int, end: int, forms: AbstractSet[str], longest: int,
                 dots: tuple[bool, bool] = (False, False)) -> list[tuple[int, int]]:
    """``_dictionary_pieces``, but a run of katakana is one word unless known forms spell it
    whole (ドナルドトランプ): Japanese writes a loanword in it, and a name inside one is no name of
    the text (タイ, Thailand, in ネクタイ, a necktie; チリ, Chile, in チリソース). A known form at an
    end of the word that a middle dot joins to another is cut out all the same (``dots``, before
    and after the word): the dot says a name's word ends there (ビル・クリントンフロント)."""
    pieces = _dictionary_pieces(word, start, end, forms, longest)
    if not _is_katakana(word[start]) or all(word[a:b] in forms for a, b in pieces):
        return pieces
    kept = [(a, b) for a, b in pieces if word[a:b] in forms
            and ((a == 0 and dots[0]) or (b == len(word) and dots[1]))]
    cuts = sorted({start, end, *(k for piece in kept for k in piece)})
    return list(itertools.pairwise(cuts))


def _is_name_word(token: _Token) -> bool:
    return token.capital and bool(token.norm) and not token.norm[0].isdigit()


def _in_name(token: _Token) -> bool:
    """A capitalized word, or the lower-case part of a hyphened one ("Duk-soo", "Sye-kyun"):
    a Korean given name writes its second syllable so, and a misspelled one is read whole."""
    return _is_name_word(token) or (token.hyphened and bool(token.norm) and token.norm[0].isalpha())


_Found = tuple[int, int, Decision, bool]
"""Token span [i, j), its decision (with a winner), and whether it was decided in context."""
_Open = tuple[int, int, Decision]
"""Token span [i, j) that did not resolve alone, with its decision."""


@lru_cache(maxsize=65_536)
def _no_name_people_have(word: str, norm: str) -> bool:
    """Whether ``word`` (``norm`` normalized) is no name people have (``known_names``), as written
    or as its people spell it: remembered, for a text's capitalized words repeat (a sentence's
    first word, a title), and each spelling of them reads the word by every scheme of its script."""
    names = known_names()
    return norm not in names and not any(s in names for s in native_spellings(word))


class _Scan:
    """One pass over one text."""

    def __init__(self, engine: Engine, text: str, kind: str | None, score_cutoff: float | None,
                 lines: bool = False) -> None:
        self.engine = engine
        self.index = engine.index
        self.text = text
        self.kind = kind
        self.cutoff = score_cutoff
        self.read_scores: dict[str, float] = {}
        self.tokens = self.without_particles(self.split_unspaced(tokenize(text, lines=lines)))
        self.cache: Cache = {}
        self.decisions: dict[tuple[str, str | None], Decision] = {}
        self.pairable: dict[str, bool] = {}
        self.lower_words = {t.norm for t in self.tokens if not t.capital}
        self.unnamed: list[tuple[int, int]] = []
        """Runs of two or more capitalized words the first pass found no one for: people or
        places the text names in full that the gallery does not hold (``second_pass``)."""
        self.titles: dict[int, str] = {}
        """Where a title stands before a span ("Mr. Jordan", "Mrs. Biden"): the span's first token
        -> the title as written, which the span is decided with (a person's name, of the sex the
        title says)."""
        self.may_stand_alone: dict[int, bool] = {}
        """Lone words opening a sentence that no word list has, and whether each stands in a run
        of capitalized words: the text's own names come first, then the word alone."""
        # One word more than the longest form: a name written with a space it does not have
        # ("Leonardo Di Caprio", "Леонардо Ди Каприо") is read as it is by resolve.
        self.longest = min(SCAN_WORDS, self.index.tables.longest_form + 1)
        self.particles = _JOINERS | self.index.tables.particles
        self.struck_at = frozenset(
            k for k, t in enumerate(self.tokens)
            if not t.capital and len(t.norm) > 1 and t.norm.isalpha() and t.norm not in self.particles
            and t.norm not in FUNCTION_WORDS and not self.may_be_a_word(t))
        """Tokens in lower case that may be a name's word with its first letter struck, and its
        capital with it ("uordes Purificación Segarra", "Julie uud"): words in Latin letters that
        no word list has, and no particle or function word."""

    def split_unspaced(self, tokens: list[_Token]) -> list[_Token]:
        """Runs of Chinese, Japanese or Thai letters split into the words a name can be, as
        those languages write no space after a name ("トランプ大統領は", President Trump): around
        the gallery's forms in those scripts and the names of the places of its tables written so
        (``_known_unspaced``), longest first from the left, as a dictionary scanner reads them, in
        Japanese around each run of katakana, the script it writes foreign names in (read across
        scripts when the gallery has them in Latin letters only; one word unless known forms
        spell it whole, ``_word_pieces``), and in Chinese around the foreign names Han may write
        (``_han_name_pieces``). The pieces are words of their own."""
        tables = self.index.tables
        forms, longest = _known_unspaced(tables.unspaced_forms, tuple(tables.place_tables))
        longest = max(longest, tables.unspaced_longest)
        japanese_starts = _japanese_name_starts(tables)
        out: list[_Token] = []
        for token in tokens:
            word = self.text[token.start:token.end]
            if not token.caseless or len(word) < 3:
                out.append(token)
                continue
            dots = (NAME_DOTS.fullmatch(self.text[token.start - 1:token.start]) is not None,
                    NAME_DOTS.fullmatch(self.text[token.end:token.end + 1]) is not None)
            pieces = [(*piece, True) for a, b in _runs(word, 0, len(word), _is_katakana)
                      for piece in _word_pieces(word, a, b, forms, longest, dots)]
            if japanese_starts:  # Japanese names in kanji (安倍晋三首相は; 安倍晋三首相、 holds no kana)
                pieces = [cut for a, b, named in pieces
                          for cut in self._japanese_name_pieces(word, a, b, named, forms, japanese_starts)]
            if not KANA_RUN.search(word):  # Chinese: Japanese writes foreign names in katakana
                pieces = [cut for a, b, named in pieces
                          for cut in ([(a, b, named)] if japanese_starts and self._japanese_name(word[a:b])
                                      else self._chinese_pieces(word, a, b, forms))]
            if len(pieces) == 1:
                out.append(token)
                continue
            for k, (a, b, named) in enumerate(pieces):
                piece = word[a:b]
                norm = normalize_cached(piece) if named and _letters(piece) <= _MAX_TOKEN_CHARS else ""
                out.append(replace(token, start=token.start + a, end=token.start + b, norm=norm,
                                   sentence_start=token.sentence_start and k == 0,
                                   joined=token.joined and k == 0))
        return out

    def without_particles(self, tokens: list[_Token]) -> list[_Token]:
        """Hangul words with a case particle glued on ("트럼프는", "래펜스퍼거의") cut to the name
        they hold, where the word is no known form but the name without the particle is; the
        particle ends the name, so the next word is not joined to it. A Cyrillic word that ends a
        name with a case ending (``endings.bare_endings``: "с Трампом", with Trump) is cut to the
        known form it holds so too; the words before it in a name are read as written ("Дональда
        Трампа" declines both, and is read as "Дональда Трамп"). A Hebrew or Arabic word that
        begins with the letters of "and", "in" or "to" (``_PROCLITICS``: لبايدن, to Biden) is cut
        to the known form after them. A capitalized Latin word that is a gallery person's whole
        form (a surname, a full name) with the genitive's "s" (``_GENITIVE_ENDINGS``: "Putins
        Krieg") is cut to that form, which it ends; a place's is not ("the Americas", and
        "States" of "United States" beside a "State of ..." form)."""
        known = self.index.tables.prefixes
        out: list[_Token] = []
        cut = False
        for k, token in enumerate(tokens):
            if cut:
                token = replace(token, joined=False)
                cut = False
            word = self.text[token.start:token.end]
            stem = ""
            if token.norm in known:
                pass
            elif token.caseless and _HANGUL_FIRST <= word[0] <= _HANGUL_LAST:
                stem = self._known_stem(word, _KOREAN_PARTICLES, 2)
                cut = bool(stem)
            elif _CYRILLIC_FIRST <= word[0] <= _CYRILLIC_LAST and not (
                    k + 1 < len(tokens) and tokens[k + 1].joined and tokens[k + 1].capital):
                # The last word of a name only: a span is read as written, its inner endings too.
                stem = self._known_stem(word, bare_endings("CYRILLIC"), 3)
            elif token.capital and word.isalpha() and is_latin(word):
                stem = self._known_stem(word, _GENITIVE_ENDINGS, _GENITIVE_STEM)
                if stem and not self._persons_form(normalize_cached(stem)):
                    stem = ""  # "United States", "the Americas", "Johns Hopkins": no person's genitive
                cut = bool(stem)
            elif _ABJAD_FIRST <= word[0] <= _ABJAD_LAST:
                rest = self._known_stem(word, _PROCLITICS, 2, front=True)
                if rest:
                    token = replace(token, start=token.end - len(rest), norm=normalize_cached(rest))
            if stem:
                token = replace(token, end=token.start + len(stem), norm=normalize_cached(stem))
            out.append(token)
        return out

    def _persons_form(self, form: str) -> bool:
        """``form`` is a whole form of gallery people only, not a place's or a first word's."""
        owned = self.index.tables.owners(form, ~0)
        return owned is not None and all(self.index.tables.entities[e].kind == "person" for e in owned[1])

    def _known_stem(self, word: str, affixes: tuple[str, ...], shortest: int, *, front: bool = False) -> str:
        """``word`` without the first of ``affixes`` it ends with (begins with, where ``front``)
        that leaves a known form of at least ``shortest`` letters ("" where none does)."""
        known = self.index.tables.prefixes
        lower = word.lower()
        for affix in affixes:
            has, stem = (lower.startswith(affix), word[len(affix):]) if front else (
                lower.endswith(affix), word[:-len(affix)])
            if has and len(stem) >= shortest and normalize_cached(stem) in known:
                return stem
        return ""

    def span_form(self, i: int, j: int) -> str:
        return " ".join(t.norm for t in self.tokens[i:j] if t.norm)

    def span_text(self, i: int, j: int) -> str:
        return self.text[self.tokens[i].start:self.tokens[j - 1].end]

    def exact_ends(self, i: int) -> list[int]:
        """Ends of spans from ``i`` whose text is a known form, walking the form-prefix set (across
        a comma too: only a form written with one continues there)."""
        tokens, prefixes, ends = self.tokens, self.index.tables.prefixes, []
        form = ""
        j = i
        while (j < len(tokens) and j - i < self.longest
               and (j == i or tokens[j].joined or tokens[j].after_comma)):
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
            if _in_name(tokens[j]) or j in self.struck_at:
                last = j + 1
            elif tokens[j].norm not in self.particles:
                break
            j += 1
        return last

    def could_pair(self, i: int, j: int) -> bool:
        """Whether a span of several words has a form that pairs each of its words (besides
        particles): only such a span can be a similar form's misspelling (``acceptable``). A
        span in another script may also be read whole, across scripts, where some form's
        loanword key is close to its own."""
        text = self.span_text(i, j)
        known = self.pairable.get(text)
        if known is None:
            if len(self.pairable) >= _MAX_REMEMBERED:
                self.pairable.clear()
            form = self.span_form(i, j)
            words = [w for w in form.split() if w not in self.particles]
            known = self.pairable[text] = self.index.search.holds_every_word(words, self.cache) or (
                not is_latin(text) and self._read_across_scripts(text, form))
        return known

    def _chinese_pieces(self, word: str, start: int, end: int, forms: AbstractSet[str]) -> list[tuple[int, int, bool]]:
        """``word[start:end]`` cut around the Chinese names it holds (``_chinese_name_pieces``), and
        the rest around the foreign names Han may write (``_han_name_pieces``)."""
        return [cut for a, b, named in self._chinese_name_pieces(word, start, end, forms)
                for cut in ([(a, b, named)] if named else self._han_name_pieces(word, a, b, forms))]

    def _chinese_name_pieces(self, word: str, start: int, end: int, forms: AbstractSet[str]
                             ) -> list[tuple[int, int, bool]]:
        """``word[start:end]`` cut around the Chinese names it holds that the gallery lists in Latin
        letters (尤其习近平柬埔寨 holds Xi Jinping): pieces of three or four characters that its
        people spell in pinyin as a form of the gallery (``romanize.native_spellings``: "xi
        jinping"; a name the gallery spells only in Wade-Giles, Tsai Ing-wen, is not read so),
        longest first from the left. Those pieces say they are names; the rest is left to
        ``_han_name_pieces`` (False)."""
        if word[start:end] in forms:
            return [(start, end, False)]
        prefixes, owners = self.index.tables.prefixes, self.index.tables.owners
        named: dict[int, int] = {}  # position -> length of the name found there

        def name_at(pos: int) -> int:
            if surname_syllable(word[pos]) not in prefixes:  # no form begins with this surname
                return 0
            named[pos] = next((n for n in _CHINESE_NAME_CHARS if pos + n <= end
                               and any(owners(spelled) for spelled in native_spellings(word[pos:pos + n]))), 0)
            return named[pos]

        return [(a, b, named.get(a) == b - a) for a, b in _pieces(start, end, name_at)]

    def _japanese_name_pieces(self, word: str, start: int, end: int, named: bool, forms: AbstractSet[str],
                              starts: frozenset[str]) -> list[tuple[int, int, bool]]:
        """``word[start:end]`` (a piece that is ``named`` or not) cut around the Japanese names in
        kanji it holds that the gallery lists in Latin letters (安倍晋三首相は holds Shinzo Abe):
        runs of kanji from one of ``starts`` (``_japanese_name_starts``) whose spellings
        (``japanese.japanese_spellings``) are a form of the gallery, longest first from the left;
        left whole where it holds none, or is a form of the gallery itself (小泉純一郎記念館)."""
        if word[start:end] in forms:
            return [(start, end, named)]

        def name_at(pos: int) -> int:
            if word[pos] not in starts:
                return 0
            kanji = next((k for k in range(pos + 1, min(pos + _JAPANESE_NAME_CHARS, end)) if not _is_kanji(word[k])),
                         min(pos + _JAPANESE_NAME_CHARS, end))
            return next((n for n in range(kanji - pos, 2, -1) if self._japanese_name(word[pos:pos + n])), 0)

        pieces = _pieces(start, end, name_at)
        return [(start, end, named)] if len(pieces) == 1 else [(a, b, True) for a, b in pieces]

    def _japanese_name(self, piece: str) -> bool:
        """Whether a spelling of ``piece`` as a Japanese name is a form of the gallery."""
        owners = self.index.tables.owners
        return any(owners(spelled) for spelled in japanese_spellings(piece))

    def _han_name_pieces(self, word: str, start: int, end: int, forms: AbstractSet[str]
                         ) -> list[tuple[int, int, bool]]:
        """``word[start:end]``, where it is Chinese that no form of the gallery spells, cut where a
        foreign name written in Han may stand (美国总统特朗普周二表示): around the runs of
        characters Chinese writes such names with, and inside a run around the pieces some form
        may be read as, longest first from the left. Each piece says whether it may be a name:
        a run of other characters is not (its words are no sounds)."""
        if end - start < 3 or word[start:end] in forms or not han_characters(word[start:end]):
            return [(start, end, True)]
        sounds = foreign_name_characters() - _CHINESE_FUNCTION_CHARACTERS
        if end - start == len(word) <= _HAN_NAME_CHARS and all(ch in sounds for ch in word):
            return [(start, end, True)]  # a word of its own between dots or stops: 查尔斯·达尔文
        pieces: list[tuple[int, int, bool]] = []
        for a, b in _runs(word, start, end, sounds.__contains__):
            if word[a] not in sounds:
                pieces.append((a, b, False))
            elif b - a >= 3:
                pieces += self._best_read_pieces(word, a, b)
            else:
                pieces.append((a, b, True))
        return pieces

    def _best_read_pieces(self, word: str, start: int, end: int) -> list[tuple[int, int, bool]]:
        """A run of the characters Chinese writes foreign names with, cut from the left where a
        piece reads best as some form across scripts (``_read_score``): the longest readable
        piece would swallow the characters around a name whenever some form is near them."""
        def best_at(pos: int) -> int:
            score, size = max((self._read_score(word[pos:pos + n]), n)
                              for n in range(min(_HAN_NAME_CHARS, end - pos), 1, -1))
            return size if score > 0.0 else 0

        return [(a, b, True) for a, b in _pieces(start, end, best_at)]

    def _read_score(self, piece: str) -> float:
        """The best similarity across scripts of some form and a reading of a piece of Han (0.0
        where no form's loanword key is near), remembered for the scan."""
        score = self.read_scores.get(piece)
        if score is None:
            if len(self.read_scores) >= _MAX_REMEMBERED:
                self.read_scores.clear()
            form = normalize_cached(piece)
            score = self.read_scores[piece] = max(
                (h.score for reading in (form, *other_readings(piece, form))
                 for h in self.index.cross.hits(reading, rhotic=False, latin_query=False)[:1]), default=0.0)
        return score

    def _read_across_scripts(self, text: str, form: str) -> bool:
        """Whether some form's loanword key is close to one reading of the span's text."""
        spaced = len(written_words(text)) > 1
        return any(self.index.cross.candidates(reading, rhotic=rhotic, spaced=spaced)
                   for reading in (form, *other_readings(text, form)) for rhotic in (True, False))

    def decide(self, i: int, j: int) -> Decision:
        """The engine's decision on the span's text, asked once per distinct text in a scan, with
        the title before it ("Mr. Jordan" is a person, "Mrs. Biden" not Joe Biden)."""
        text, title = self.span_text(i, j), self.titles.get(i)
        decision = self.decisions.get((text, title))
        if decision is None:
            if len(self.decisions) >= _MAX_REMEMBERED:
                self.decisions.clear()
            decision = self.decisions[text, title] = self.engine.decide(
                text, kind=self.kind, score_cutoff=self.cutoff, cache=self.cache, title=title)
        return decision

    def acceptable(self, i: int, j: int, decision: Decision, in_run: bool) -> bool:
        """Whether the span's answer stands as a name in running text.

        A span in lower case must be an exact form of two or more words ("trump card"
        stays a card game, "who" a word). A similar form must come from a run of
        capitalized words and pair every one of its words: "When President Trump" is
        not a fuzzy "President Trump", the shorter span is.
        """
        winner = decision.winner
        if winner is None:
            return False
        span = self.span_form(i, j)
        if (winner.form if winner.method in EXACT_METHODS else decision.form) != span:
            return False  # the engine set a title inside the span aside: the shorter span is the name
        tokens = self.tokens[i:j]
        if winner.method in EXACT_METHODS:
            return not self.lower(i, j) or (j - i >= 2 and winner.method != "surname")
        lower = self.lower(i, j)
        if (lower or not in_run or self._joins_two_names(tokens, winner)
                or self._struck_as_initial(i, j, winner)):
            return False
        needed = sum(1 for t in tokens if t.norm and t.norm not in self.particles)
        if winner.method == "cross-script" or not winner.pairs:
            if needed > len(winner.form.split()) or self._shorter_reads_as_well(i, j, winner):
                # More words than the name has, particles aside ("אמר יכלו אליי" as Marie Curie),
                # or words the name reads as well without ("डोनाल्ड ट्रंप ने कहा"): the other
                # words are the sentence's.
                return False
            # Read whole, with no word paired: a form written out inside the span ("어제 김정은",
            # yesterday Kim Jong-un) means the other words are not the name, unless each of them
            # reads as a word of the name ("Ντόναλντ Τραμπ" where "Τραμπ" is a form: Donald).
            own = {winner.form, *map(normalize_cached, (*winner.entity.forms, *winner.entity.weak))}
            name_words = winner.form.split()
            return not any(self.span_form(a, b) in own and not all(
                self._reads_as_one_of(t.norm, name_words) for t in (*self.tokens[i:a], *self.tokens[b:j]))
                for a in range(i, j) for b in range(a + 1, j + 1))
        return sum(1 for p in winner.pairs if p.query and p.query not in self.particles) >= needed

    def _struck_as_initial(self, i: int, j: int, winner: Match) -> bool:
        """Whether a word of the span in lower case, read as a name's word with its first letter
        struck (``struck_at``), pairs with an initial: a struck first letter leaves nothing an
        initial could stand for ("a rencontré Joe Biden" is no "Joseph R. Biden")."""
        struck = {self.tokens[k].norm for k in range(i, j) if k in self.struck_at}
        return bool(struck) and any(p.query in struck and len(p.form) == 1 for p in winner.pairs)

    @staticmethod
    def _joins_two_names(tokens: Sequence[_Token], winner: Match) -> bool:
        """Whether a word that joins names ("and", "of": ``_JOINERS``) inside the span is neither a
        word of the winner's form nor paired with one: "Brad and Raffensperger" names two people
        (or one twice), not Brad Raffensperger with a word left over; "Trinidad and Tobaggo" is
        one place."""
        words = set(winner.form.split()) | {p.query for p in winner.pairs if p.form}
        return any(t.norm in _JOINERS and t.norm not in words for t in tokens[1:-1])

    def _shorter_reads_as_well(self, i: int, j: int, winner: Match) -> bool:
        """Whether the span without its first or last word reads as the same entity, at least as
        likely, and that word reads as no word of the name: then it is the sentence's, not the
        name's ("ने कहा", said, after ट्रंप). A listed surname may be surer alone than with the given
        name read across scripts before it (Τραμπ, listed, and Ντόναλντ Τραμπ), but "Ντόναλντ" is
        Donald, a word of the name."""
        if j - i < 2:
            return False
        name_words = winner.form.split()
        for a, b, dropped in ((i, j - 1, j - 1), (i + 1, j, i)):
            shorter = self.decide(a, b).winner
            if (shorter is not None and shorter.id == winner.id and shorter.score >= winner.score
                    and not self._reads_as_one_of(self.tokens[dropped].norm, name_words)):
                return True
        return False

    @staticmethod
    def _reads_as_one_of(word: str, name_words: list[str]) -> bool:
        """Whether a word of a span read across scripts is close enough to some word of the name to
        make it a candidate (Hebrew's "donld" for Donald, 0.97; Korean's "eoje", yesterday, for
        no word of Kim Jong-un)."""
        return not word or any(cross_script_similarity(word, w) >= SIMILARITY_FLOOR for w in name_words)

    def lost_capital(self, i: int) -> bool:
        """Whether a lower-case word may be the first word of the capitalized name that follows,
        its capital struck with its first letter (``struck_at``)."""
        tokens = self.tokens
        return i in self.struck_at and i + 1 < len(tokens) and tokens[i + 1].joined and _is_name_word(tokens[i + 1])

    def may_be_a_word(self, token: _Token) -> bool:
        """Whether a word may be other than a name: a common word or a name people have, or a word
        in another script than Latin, which those lists do not know."""
        return in_word_lists(token.norm) or not is_latin(self.text[token.start:token.end])

    def someone_else(self, token: _Token, best: Match | None) -> bool:
        """Whether a lone word only resembles a place or an organisation while being a given name
        or surname people have: "Chapman told reporters" names a person, not Japan misspelled.
        Such a word is linked only through the text, as a lone word opening a sentence is."""
        return (best is not None and best.method not in EXACT_METHODS and best.kind != "person"
                and token.norm in known_names() and is_latin(self.text[token.start:token.end]))

    def lower(self, i: int, j: int) -> bool:
        """Whether a span is written as ordinary words: not capitalized, or holding a lower-case
        word that is no particle and no hyphened part of the word before (``_in_name``). A word
        that may have lost its capital with its first letter (``struck_at``) is read as capitalized."""
        first = i + 1 if j > i + 1 and self.lost_capital(i) else i
        return not self.tokens[first].capital or not all(
            _in_name(t) or t.norm in self.particles or k in self.struck_at
            for k, t in enumerate(self.tokens[first:j], first))

    def _names_beside(self, i: int, j: int, titles: set[int], taken: set[int], exact: bool) -> bool:
        """A lone word joined to another capitalized word is part of a name we do not know.

        In a script without case every word looks capitalized, so there a neighbour is no
        evidence against a word that is a known form exactly ("트럼프 대통령은": Trump, then
        "President" with its particle), unless a middle dot joins them into one name; nor is a
        word capitalized because it opens the sentence, in a language whose function words we do
        not list ("Вчера Трамп заявил": Yesterday, Trump). A derived surname is no known form here: "John Smith" is not Will
        Smith."""
        tokens = self.tokens

        def no_evidence(t: _Token) -> bool:
            """A capital that says nothing here: no script case, or a sentence's first word
            outside the Latin script, whose function words ``FUNCTION_WORDS`` does not list."""
            if t.caseless:
                return tokens[i].caseless
            if not t.sentence_start or is_latin(self.text[t.start:t.end]):
                return False
            owned = self.index.tables.owners(self.span_form(i, j), ~0)
            return owned is not None and owned[0] != SURNAME

        def dotted(k: int) -> bool:
            """Whether a middle dot joins the word to the span: the text writes them as one name
            (ミシェル・オバマ, Michelle Obama, is no Barack Obama)."""
            gap = self.text[tokens[k].end:tokens[i].start] if k < i else self.text[tokens[j - 1].end:tokens[k].start]
            return NAME_DOTS.fullmatch(gap.strip()) is not None

        def other_name(k: int) -> bool:
            t = tokens[k]
            return (_is_name_word(t) and t.norm not in FUNCTION_WORDS and t.norm not in self.lower_words
                    and k not in titles and k not in taken and not (exact and no_evidence(t) and not dotted(k))
                    and not ((k < i or self.reads_as_no_name(tokens[i])) and self.reads_as_no_name(t)))

        before = i > 0 and tokens[i].joined and other_name(i - 1)
        after = j < len(tokens) and tokens[j].joined and other_name(j) and not self.skip_title(j) > j
        return before or after

    def reads_as_no_name(self, token: _Token) -> bool:
        """Whether a capitalized word in a cased script other than Latin reads as no name people
        have (``known_names``), as written or as its people spell it: before a name, a sentence's
        first word, a title or a place ("Вчера Трамп заявил", "В Москве Путин"), which the Latin
        lists of function words and titles do not hold. "Мелания" before "Трамп" reads as a name,
        so Трамп there is not Donald Trump alone. After a word that reads as a given name, an
        unknown word is more likely its surname ("Στέφανος Τσιτσιπάς") and still joins it; after
        a place, it is the next name ("в Москве Путин")."""
        if token.caseless or not token.capital:
            return False
        word = self.text[token.start:token.end]
        return not is_latin(word) and _no_name_people_have(word, token.norm)

    def spelled_forms(self, i: int) -> frozenset[str]:
        """The forms of the gallery that token ``i``, in a script without case, is spelled as by
        its people exactly (习近平 "xi jinping", 문재인 "moon jae in"): a name so spelled is a name
        wherever it stands, as a known form is, and its neighbours say nothing against it."""
        token = self.tokens[i]
        if not token.caseless:
            return frozenset()
        owners = self.index.tables.owners
        return frozenset(s for s in native_spellings(self.text[token.start:token.end]) if owners(s))

    def skip_title(self, i: int) -> int:
        """Index of the first token after a title starting at ``i`` (``i`` if none)."""
        words = [t.norm for t in self.tokens[i:i + 6]]
        if not words or not words[0]:
            return i
        size = self.index.tables.titles.match_at(words, 0)
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
            if start != i and any(self.index.tables.owners(self.span_form(i, j), ~0) for j in self.exact_ends(i)):
                start = i
            titles.update(range(i, start))
            if start != i:
                self.titles[start] = self.span_text(i, start)
            matched = False
            exact_ends = self.exact_ends(start)
            headless = start == i and self.lost_capital(start)  # read with the name that follows
            run_end = self.name_run_end(start + 1 if headless else start)
            for j in range(max(exact_ends[-1] if exact_ends else start, run_end), start, -1):
                if headless and j - start == 1:
                    break
                spelled = self.spelled_forms(start) if j - start == 1 else frozenset()
                if j - start == 1 and self._names_beside(start, j, titles, taken, j in exact_ends or bool(spelled)):
                    break
                single = j - start == 1
                if single and tokens[start].norm in _NOT_NAMES:
                    break
                in_run = j <= run_end and (_in_name(tokens[j - 1]) or j - 1 in self.struck_at)
                if not in_run and (j not in exact_ends or self.index.tables.owners(
                        self.span_form(start, j), query_allows(self.span_text(start, j))) is None):
                    continue  # words in lower case are a name only as a known form, exactly
                if j - start > 1 and j not in exact_ends and not self.could_pair(start, j):
                    continue
                decision = self.decide(start, j)
                best = decision.matches[0] if decision.matches else None
                exact = best is not None and best.method in EXACT_METHODS
                common = tokens[start].norm in self.lower_words
                if single and (tokens[start].sentence_start or self.someone_else(tokens[start], best)) and (
                        not exact or (best is not None and best.method == "surname" and common)) and not (
                        best is not None and best.form in spelled):
                    # A lone capitalized word opening a sentence is no evidence of a name by
                    # itself where it is also a word ("Chain said": not China), nor is a name
                    # people have that only resembles a place or a body (``someone_else``), nor a surname
                    # the text also writes as a lower-case word: only the second pass may link
                    # it to a name in the text. A word in Latin letters that is neither a word
                    # nor a name people have ("Rafensperger said"; not "Small", a surname too)
                    # stands alone where the text names no one it may be; the lists are of Latin
                    # words, so a word in another script is not known to be neither. A name in a
                    # script without case that its people spell as the form exactly (习近平 "xi
                    # jinping") is that name wherever it stands.
                    if best is not None:
                        open_questions.append((start, j, decision))
                        if not exact and not common and not self.may_be_a_word(tokens[start]):
                            self.may_stand_alone[start] = in_run
                    continue
                if self.acceptable(start, j, decision, in_run):
                    # Decided in context where the title before it ruled a candidate out ("Mrs.
                    # Clinton"): the span's text alone says less.
                    found.append((start, j, decision, bool(decision.ruled_out)))
                    taken.update(range(start, j))
                    i = j
                    matched = True
                    break
                if decision.winner is None and not single and j == run_end and not self.lower(start, j):
                    self.unnamed.append((start, j))  # the whole run: its last word is a surname
                if decision.winner is None and not self.lower(start, j) and len(decision.matches) > (
                        0 if single else 1):
                    open_questions.append((start, j, decision))
            if not matched:
                i = start + 1 if start > i else i + 1
        return found, open_questions

    def second_pass(self, found: list[_Found], open_questions: list[_Open]) -> list[_Found]:
        """Link bare surnames and shared forms to entities the text names elsewhere, in full or
        by a word that stands alone.

        A bare word the text also writes as the last word of a name it names in full and the
        gallery does not hold is that stranger's as much as anyone's, and is left out, found or
        open: in "Raisa Gorbacheva and Mikhail Gorbachev arrived. Gorbacheva spoke." the last
        word is not Mikhail's, nor "Obama" Barack's where the text names Michelle Obama too."""
        named = {d.winner.id: d.winner.entity for _, _, d, _ in found if d.winner is not None}
        related_ids = {r for entity in named.values() for r in entity.related}
        taken = {k for i, j, _, _ in found for k in range(i, j)}
        strangers: dict[str, list[tuple[int, int]]] = {}  # a stranger's last word -> the runs naming them
        for a, b in self.unnamed:
            if taken.isdisjoint(range(a, b)):
                strangers.setdefault(self.tokens[b - 1].norm, []).append((a, b))

        def strangers_word(i: int) -> bool:
            return any(not a <= i < b for a, b in strangers.get(self.tokens[i].norm, ()))

        found = [f for f in found if not (f[1] - f[0] == 1 and f[2].winner is not None
                                          and f[2].winner.kind == "person" and strangers_word(f[0]))]
        # The people the text names. A word that stands alone names its person as surely as a
        # full name would ("Rafensperger refused"): the questions still open are asked again
        # in the light of the people such words name.
        people = {d.winner.id for _, _, d, _ in found if d.winner is not None and d.winner.kind == "person"}
        extra: list[_Found] = []
        pending = open_questions
        while pending:
            known_people, still_open = len(people), []
            for i, j, decision in pending:
                if any(k in taken for k in range(i, j)):
                    continue
                if j - i == 1 and strangers_word(i):
                    continue
                # The text rules out every candidate it does not name: a bare word for one of the
                # people it names, or a form two entities share for the one related to what it
                # names. Where the word is that entity's own form (its surname), the text rules
                # out a stranger too; a word only similar to it keeps the stranger in its score and
                # stands when it is more likely that entity than a stranger.
                in_context = self.in_context(decision, people)
                if in_context is None or in_context.winner is None:
                    related = {m.id for m in decision.matches
                               if m.id in related_ids or named.keys() & set(m.entity.related)}
                    in_context = self.in_context(decision, related, similar=False)
                if in_context is None or in_context.winner is None:
                    if i in self.may_stand_alone and self.acceptable(i, j, decision, self.may_stand_alone[i]):
                        assert decision.winner is not None
                        extra.append((i, j, decision, bool(decision.ruled_out)))
                        taken.update(range(i, j))
                        if decision.winner.kind == "person":
                            people.add(decision.winner.id)
                    else:
                        still_open.append((i, j, decision))
                    continue
                extra.append((i, j, in_context, True))
                taken.update(range(i, j))
            pending = still_open if len(people) > known_people else []
        return sorted(found + extra, key=lambda x: x[0])

    def in_context(self, decision: Decision, ids: set[str], *, similar: bool = True) -> Decision | None:
        """The decision with every candidate but ``ids`` ruled out, and a stranger too where the
        one candidate left is found by its own form; a word only similar to a person's name is
        read as that person's full name with the word in its place (``as_full_name``), unless
        not ``similar``. None when no candidate, or a tie, is left."""
        alone = decision.given(ids)
        if not alone.matches:
            return None
        best = alone.matches[0]
        if len(alone.matches) > 1 and alone.matches[1].score >= best.score:
            return None  # two people the text names share the word: still ambiguous
        if best.method in EXACT_METHODS:
            return decision.given(ids, known=True)
        return self.as_full_name(best) if similar else None

    def as_full_name(self, best: Match) -> Decision | None:
        """A word only similar to the surname of a person the text names in full, decided as that
        full name with the word in its place: "Rappensperger" after "Brad Raffensperger" is
        asked as "Brad Rappensperger", so the same model weighs it, now with the given name the
        text supplies. None unless that decision is this person."""
        words = normalize_cached(best.entity.name).split()
        swaps = {p.form: p.query for p in best.pairs if p.query and p.form in words}
        if best.method == "cross-script" or not swaps or len(swaps) == len(words):
            return None
        if any(w in self.lower_words or w in common_words() for w in swaps.values()):
            return None  # "Money" opening a sentence is the word, not Laetitia Monney's surname misspelled
        decision = self.engine.decide(" ".join(swaps.get(w, w) for w in words), kind=self.kind,
                                      score_cutoff=self.cutoff, cache=self.cache)
        return decision if decision.winner is not None and decision.winner.id == best.id else None

    def mentions(self) -> tuple[list[Mention], list[Question]]:
        """The mentions, and the spans left out because several entities claim them."""
        found, open_questions = self.first_pass()
        if open_questions or self.unnamed:
            found = self.second_pass(found, open_questions)
        out = []
        for i, j, decision, in_context in found:
            assert decision.winner is not None
            start, end = self.tokens[i].start, self.tokens[j - 1].end
            out.append(Mention(start, end, self.text[start:end], decision.winner, in_context))
        taken = {k for i, j, _, _ in found for k in range(i, j)}
        questions = [(self.tokens[i].start, self.tokens[j - 1].end, decision) for i, j, decision in open_questions
                     if len(decision.matches) > 1 and not taken.intersection(range(i, j))]
        return out, questions


def scan_text(engine: Engine, text: str, *, kind: str | None = None,
              score_cutoff: float | None = None, lines: bool = False) -> list[Mention]:
    """Every mention of a known entity in ``text``, in order, non-overlapping.

    ``score_cutoff`` is the lowest probability a mention needs (default: the engine's threshold);
    with ``lines``, no name runs from one line into the next (a list, a table, a log).
    """
    return scan_with_questions(engine, text, kind=kind, score_cutoff=score_cutoff, lines=lines)[0]


Question = tuple[int, int, Decision]
"""Start and end offsets of a span the scan left out as ambiguous, and its decision."""


def scan_with_questions(engine: Engine, text: str, *, kind: str | None = None, score_cutoff: float | None = None,
                        lines: bool = False) -> tuple[list[Mention], list[Question]]:
    """``scan_text``'s mentions, and the spans it left out because several entities claim them
    and the text does not say which (for ``namenorm suggest``)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return _Scan(engine, text, kind, score_cutoff, lines).mentions()


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
