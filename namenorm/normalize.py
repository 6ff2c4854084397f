"""Turn any string into the comparable form every lookup uses.

``normalize_name`` folds Unicode compatibility forms, drops invisible format and
control characters, transliterates to Latin (``romanize``, which keeps
unidecode behind one module so it can be swapped), casefolds, drops possessive ``'s`` and the
apostrophes that stand for a letter (``join_soft_signs``), and turns punctuation into single
spaces. It holds no name data: stripping titles such as "Mr." or "Secretary of State" needs a
title list, so ``strip_titles`` takes one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .apostrophes import APOSTROPHES
from .romanize import ARABIC_ARTICLE, romanize

__all__ = [
    "HYPHENED_ARTICLES",
    "MAX_NAME_CHARS",
    "NAME_DOTS",
    "TitleSet",
    "folded_script",
    "is_latin",
    "join_soft_signs",
    "leading_article",
    "normalize_name",
    "reorder_comma_name",
    "script_of",
    "silent_in_words",
    "strip_titles",
    "word_breaks",
    "writes_unspaced",
    "written_span",
    "written_words",
]

MAX_NAME_CHARS = 256
"""Longest input considered when resolving; longer names are truncated before scoring."""

_ASCII_FOLD = str.maketrans(
    {c: " " for c in map(chr, range(128)) if not c.isalnum()}
    | {c: c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
)
_DIGIT = re.compile("[01]")
_DIGIT_IN_WORD = re.compile(r"(?<=[a-z])[01]+(?=[a-z])")
_DIGIT_LOOKALIKES = str.maketrans("01", "ol")
"""A 0 or 1 inside a word is an o or l misread or mistyped as the digit it looks like (Mi11er,
C1ifford, J0hn: optical character recognition and typists confuse them). Other digits stay: in
G4S, H2O and B2B they are the name's own."""
_POSSESSIVE = re.compile(r"(?<=[A-Za-z])['\u2019\u02bc]s\b")
_INVISIBLE = {"Cf", "Cc", "Cs", "Co", "Cn"}
_LINE_BREAKS = "\t\n\r\x0b\x0c\x85\u2028\u2029"
_INSIDE_WORDS = frozenset("\u00ad\u200c\u200d")
"""Invisible characters that belong inside a word: the soft hyphen, and the zero-width
(non-)joiner that Persian and Indic spelling needs."""
_SILENT_MARKS = ((0x034F, 0x034F), (0x17B4, 0x17B5), (0x180B, 0x180F), (0xFE00, 0xFE0F), (0xE0100, 0xE01EF))
"""Ignorable marks that modify the letter before them and are read as nothing, inside the
word: the grapheme joiner, Khmer inherent vowels, the Mongolian variation selectors and vowel
separator, and the variation selectors that pick a kanji's glyph (葛\U000e0100城)."""
_FILLERS = ((0x115F, 0x1160), (0x3164, 0x3164), (0xFFA0, 0xFFA0))
"""Hangul fillers: blank letters, written where a space would be."""
_FORMAT_BLOCKS = ((0x0000, 0xFFFF), (0x11000, 0x13FFF), (0x1BC00, 0x1BCFF), (0x1D100, 0x1D1FF), (0xE0000, 0xE007F))
"""Where format characters live: the BMP, and the supplementary blocks that hold any."""
_STACKED_MARKS = ((0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0x2DE0, 0x2DFF),
                  (0xFE20, 0xFE2F))
"""Combining diacritics left over after NFKC composed what it could: accents stacked on a
letter (zalgo text) or the medieval superscript letters, which are not letters of the name."""


def _code_points(ranges: tuple[tuple[int, int], ...]) -> frozenset[str]:
    return frozenset(chr(cp) for first, last in ranges for cp in range(first, last + 1))


@lru_cache(maxsize=1)
def silent_in_words() -> frozenset[str]:
    """Invisible characters read as nothing inside a word: ``_INSIDE_WORDS`` and ``_SILENT_MARKS``.

    >>> "\u00ad" in silent_in_words(), "\ufe0f" in silent_in_words(), "\u200b" in silent_in_words()
    (True, True, False)
    """
    return _INSIDE_WORDS | _code_points(_SILENT_MARKS)


@lru_cache(maxsize=1)
def word_breaks() -> frozenset[str]:
    """Invisible characters that separate words: the zero-width space, direction marks, word
    joiners, Hangul fillers and every other format character, except those read as nothing
    inside a word (``silent_in_words``).

    An invisible character between two letters means either a word break or nothing to
    read; taking it as a break keeps "Joe\u200bBiden" two words and never fuses two names.
    Controls, private-use and unassigned characters break words too (``_drop_invisible``), as
    punctuation does in ASCII.
    """
    found = {chr(cp) for first, last in _FORMAT_BLOCKS for cp in range(first, last + 1)
             if unicodedata.category(chr(cp)) == "Cf"}
    return frozenset(found | _code_points(_FILLERS)) - silent_in_words()


def _reading_of_invisible(ch: str) -> str | None:
    """What an invisible or ignorable character becomes: nothing inside a word, else a space."""
    return None if ch in silent_in_words() else " "


@lru_cache(maxsize=1)
def _invisible_table() -> dict[int, str | None]:
    """Every invisible character of the BMP, and the marks read as nothing, to what it becomes."""
    table: dict[int, str | None] = {
        cp: _reading_of_invisible(chr(cp)) for cp in range(0x10000) if unicodedata.category(chr(cp)) in _INVISIBLE}
    table.update((ord(ch), _reading_of_invisible(ch)) for ch in word_breaks() | silent_in_words())
    return table


@lru_cache(maxsize=1)
def _stacked_marks_table() -> dict[int, None]:
    return {cp: None for first, last in _STACKED_MARKS for cp in range(first, last + 1)}


def _drop_invisible(text: str) -> str:
    """Turn invisible characters into word breaks, except the few read as nothing inside a word
    (so "José\x00Biden" is two words, as "Jose\x00Biden" is)."""
    text = text.translate(_invisible_table())
    if max(text, default=" ") > "\uffff":
        silent, breaks = silent_in_words(), word_breaks()
        text = "".join("" if ch in silent else " " if ch in breaks or unicodedata.category(ch) in _INVISIBLE else ch
                       for ch in text)
    return text


_LONE_SURROGATES = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (half of a UTF-16 pair, which no encoding writes alone) a
    space, as ``normalize_name`` reads one: readings of a name as written never meet it, nor does
    unidecode, which warns of each.

    >>> without_lone_surrogates("Brad\\udad4Raffensperger"), without_lone_surrogates("Köln")
    ('Brad Raffensperger', 'Köln')
    """
    return _LONE_SURROGATES.sub(" ", text) if not text.isascii() else text


def normalize_name(text: str) -> str:
    """Return the folded, space-separated form of a name.

    Args:
        text: any string; lone surrogates and control characters are dropped.

    Returns:
        Lower-case ASCII words separated by single spaces ('' when nothing is left).

    >>> normalize_name("  Brad  RAFFENSPERGER's ")
    'brad raffensperger'
    >>> normalize_name("Köln\u200b-Süd")
    'koln sud'
    >>> normalize_name("Joe\u200bBiden"), normalize_name("R\u0363affensperger")
    ('joe biden', 'raffensperger')
    >>> normalize_name("O’Brien"), normalize_name("Luhans’k"), normalize_name("Terent`ev")
    ('o brien', 'luhansk', 'terentev')
    >>> normalize_name("Robert Mi11er"), normalize_name("Area 51"), normalize_name("A380")
    ('robert miller', 'area 51', 'a380')
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize_name() needs a str, not {type(text).__name__}")
    if not text.isascii():
        text = unicodedata.normalize("NFKC", _drop_invisible(text)).translate(_stacked_marks_table())
        text = join_soft_signs(_POSSESSIVE.sub("", text))
        text = romanize(text)
    elif "'" in text or "`" in text:
        text = join_soft_signs(_POSSESSIVE.sub("", text))
    text = text.translate(_ASCII_FOLD)
    if _DIGIT.search(text):
        text = _DIGIT_IN_WORD.sub(lambda m: m.group().translate(_DIGIT_LOOKALIKES), text)
    return " ".join(text.split())


_APOSTROPHE = re.compile(rf"(?<=[A-Za-z\u00c0-\u024f\u0400-\u04ff])[{APOSTROPHES}](?=[A-Za-z\u00c0-\u024f\u0400-\u04ff])")
"""One of ``apostrophes.APOSTROPHES`` between two Latin or Cyrillic letters (in Hebrew the geresh of
ג'ו marks a letter's sound; it is no soft sign)."""
_ELIDED = frozenset({"o", "d", "д"})
"""Words an apostrophe follows before any letter: Irish O' (O'Brien), and d' (D'Souza; Кот д'Ивуар)."""
_ELIDED_BEFORE_VOWELS = frozenset({"l", "dell", "dall", "nell", "sull", "all", "sant", "quell",
                                   "qu", "j", "c", "m", "n", "s", "t", "un", "bell"})
"""French and Italian words that lose their vowel before one: L'Aquila, dell'Orto, Sant'Angelo."""
_VOWELS_OR_H = frozenset("aeiouyhàâäéèêëíìîïóòôöúùûü")


def _elides(text: str, at: int) -> bool:
    """True when the apostrophe at ``at`` ends an elided word rather than standing for a letter."""
    start = at
    while start and text[start - 1].isalpha():
        start -= 1
    before = text[start:at].lower()
    return before in _ELIDED or (before in _ELIDED_BEFORE_VOWELS and text[at + 1].lower() in _VOWELS_OR_H)


def join_soft_signs(text: str) -> str:
    """Drop the apostrophes inside words that stand for a letter, not for an elided vowel
    (possessive ``'s`` aside).

    Transliterations write a Cyrillic soft sign or hard sign as an apostrophe (Luhans'k,
    Zelens'kyj, L'viv, Mar'iana): the word is one word, and normalizing would split it at
    the apostrophe. An elided word keeps its apostrophe (O'Brien, L'Aquila, dell'Orto).

    >>> join_soft_signs("Chmel'nyc'kyj"), join_soft_signs("Lʹviv"), join_soft_signs("L'Aquila")
    ('Chmelnyckyj', 'Lviv', "L'Aquila")
    >>> join_soft_signs("Conor O'Brien"), join_soft_signs("Raffensperger's")
    ("Conor O'Brien", "Raffensperger's")
    """
    return _APOSTROPHE.sub(lambda m: m.group() if _elides(text, m.start()) or _POSSESSIVE.match(text, m.start())
                           else "", text)


def is_latin(text: str) -> bool:
    """True when ``text`` is written in the Latin script: more of its letters are Latin than not
    (or it has none). A Cyrillic і or Greek ο typed among Latin letters ("Solomіya", where the
    keyboard was switched for one letter) leaves a name in Latin letters; unidecode reads the
    stray letter.

    >>> is_latin("Raffensperger"), is_latin("Erdoğan"), is_latin("래펜스퍼거"), is_latin("Трамп")
    (True, True, False, False)
    >>> is_latin("Solomіya"), is_latin("ナイジェリz")
    (True, False)
    """
    if text.isascii() or max(text) < "\u0250":
        return True
    letters = [unicodedata.name(ch, "").startswith("LATIN") for ch in text if ch.isalpha()]
    return 2 * sum(letters) > len(letters) or not letters


_UNSPACED_SCRIPTS = frozenset({"CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "IDEOGRAPHIC",
                               "THAI", "LAO", "KHMER", "MYANMAR"})
"""Scripts whose languages write no space between words, by the first word of their letters'
Unicode names (the long-vowel mark of パーデュー is KATAKANA-HIRAGANA, 々 IDEOGRAPHIC)."""


NAME_DOTS = re.compile("[\u00b7\u30fb]")
"""The middle dots between the words of a name transcribed into Chinese or Japanese."""


def written_words(text: str) -> list[str]:
    """The words of ``text`` as its writer set them apart: by spaces, or by the middle dots
    between the words of a name transcribed into Chinese or Japanese.

    >>> written_words("ドナルド・トランプ"), written_words("迈克·蓬佩奥"), written_words("Моңғолия")
    (['ドナルド', 'トランプ'], ['迈克', '蓬佩奥'], ['Моңғолия'])
    """
    return NAME_DOTS.sub(" ", text).split()


def writes_unspaced(text: str) -> bool:
    """True when every character of ``text`` is a letter of a script written without spaces
    between words (Chinese, Japanese, Thai...): such a name is found inside a longer run of
    letters, not as a word of its own.

    >>> writes_unspaced("习近平"), writes_unspaced("ドナルド・トランプ"), writes_unspaced("트럼프")
    (True, False, False)
    """
    return bool(text) and not text.isascii() and all(
        ch.isalpha() and unicodedata.name(ch, "").split(" ", 1)[0] in _UNSPACED_SCRIPTS for ch in text)


@lru_cache(maxsize=65536)
def script_of(text: str) -> str:
    """The script of the first letter of ``text``, as Unicode names it ('' with no letter).

    >>> script_of("Oman"), script_of("오만"), script_of("オマーン"), script_of("Оман"), script_of("42")
    ('LATIN', 'HANGUL', 'KATAKANA', 'CYRILLIC', '')
    """
    for ch in text:
        if ch.isalpha():
            return unicodedata.name(ch, "").split(" ", 1)[0]
    return ""


def folded_script(text: str) -> str:
    """``script_of`` the text as a reader sees it, folded by NFKC: full-width Ｗｉｅｎ is Latin.

    >>> script_of("Ｗｉｅｎ"), folded_script("Ｗｉｅｎ")
    ('FULLWIDTH', 'LATIN')
    """
    return script_of(unicodedata.normalize("NFKC", text))


def reorder_comma_name(text: str) -> str | None:
    """Turn "Last, First" into "First Last"; None when the text is not of that shape.

    >>> reorder_comma_name("Raffensperger, Brad")
    'Brad Raffensperger'
    >>> reorder_comma_name("Brad Raffensperger") is None
    True
    """
    if text.count(",") != 1:
        return None
    last, first = (part.strip() for part in text.split(","))
    if not last or not first or len(last.split()) > 3 or len(first.split()) > 3:
        return None
    return f"{first} {last}"


class TitleSet:
    """Titles and roles that may precede a name, stored as normalized token tuples.

    >>> titles = TitleSet(["Mr.", "Secretary of State"])
    >>> strip_titles("mr secretary of state brad raffensperger".split(), titles)
    ['brad', 'raffensperger']
    """

    def __init__(self, titles: Iterable[str] = ()) -> None:
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for title in titles:
            self.add(title)

    def add(self, title: str) -> None:
        """Add one title; it is normalized like every name."""
        tokens = tuple(normalize_name(title).split())
        if not tokens:
            return
        options = self._by_first.setdefault(tokens[0], [])
        if tokens not in options:
            options.append(tokens)
            options.sort(key=len, reverse=True)

    def match_at(self, tokens: Sequence[str], start: int) -> int:
        """Length in tokens of the longest title starting at ``tokens[start]`` (0 if none)."""
        for title in self._by_first.get(tokens[start], ()):
            if tuple(tokens[start:start + len(title)]) == title:
                return len(title)
        return 0

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_first.values())

    def __iter__(self):  # type: ignore[no-untyped-def]
        for options in self._by_first.values():
            for title in options:
                yield " ".join(title)


HYPHENED_ARTICLES = frozenset({"i", "il", "l", "is", "it", "ir", "in", "ix", "iz", "id", "ic", "al", "el"})
"""Articles written joined to the name by a hyphen: Maltese il-, l- and their assimilated forms
(is-Sudan, it-Tokelau, in-Nikaragwa, iż-Żimbabwe), Zulu i- (i-Estonia), Arabic al-, el-; and
the Arabic article written in Arabic letters, joined to its word (القاهرة, Cairo)."""
_HYPHENED = re.compile(r"\s*(\w{1,2})[-\u2010\u2011](?=\w)")


def leading_article(name: str) -> str | None:
    """The article a name begins with, joined to it by a hyphen, normalized; None when it has none.

    "il-Qatar" is Qatar: the article is no word of the name a gallery knows it by.

    >>> leading_article("il-Qatar"), leading_article("I-Estonia"), leading_article("Ilha")
    ('il', 'i', None)
    >>> leading_article("Ho-Chi-Minh-Stadt") is None, leading_article("القاهرة")
    (True, 'al')
    """
    if ARABIC_ARTICLE.match(name.lstrip()):  # the article romanize reads as a word of its own
        return "al"
    match = _HYPHENED.match(name)
    if match is None:
        return None
    article = normalize_name(match.group(1))
    return article if article in HYPHENED_ARTICLES else None


def strip_titles(tokens: Sequence[str], titles: TitleSet) -> list[str]:
    """Drop leading titles, keeping at least one token.

    A title of two or more words ("secretary of state", "prime minister") may
    follow one or two qualifying words ("georgia secretary of state"), because
    such phrases do not occur inside names; a one-word title must lead.

    >>> titles = TitleSet(["President", "Secretary of State", "Sen."])
    >>> strip_titles("georgia secretary of state brad raffensperger".split(), titles)
    ['brad', 'raffensperger']
    >>> strip_titles(["president"], titles)
    ['president']
    >>> strip_titles("martin luther president".split(), titles)
    ['martin', 'luther', 'president']
    """
    out = list(tokens)
    while len(out) > 1:
        size = titles.match_at(out, 0)
        if size and size < len(out):
            out = out[size:]
            continue
        for lead in (1, 2):
            size = titles.match_at(out, lead) if lead < len(out) else 0
            if size >= 2 and lead + size < len(out):
                out = out[lead + size:]
                break
        else:
            break
    return out


def written_span(name: str, words: int, *, last: bool = False) -> str:
    """The words of ``name`` as written that normalize to its first ``words`` words (its last,
    where ``last``), or "" where a written word straddles them: "IBM" of "IBM Inc." before a legal
    form, "AMLO" of "Mr. AMLO" after a title, whose capitals say whether it is an acronym.

    >>> written_span("IBM Inc.", 1), written_span("Grupo Foo, S.A. de C.V.", 2), written_span("A.B Ltd", 1)
    ('IBM', 'Grupo Foo,', '')
    >>> written_span("Mr. AMLO", 1, last=True), written_span("Sen. David Perdue", 2, last=True)
    ('AMLO', 'David Perdue')
    >>> written_span("Mr.AMLO", 1, last=True)
    ''
    """
    written = name.split()
    if last:
        written.reverse()
    kept: list[str] = []
    count = 0
    for word in written:
        if count >= words:
            break
        kept.append(word)
        count += len(normalize_cached(word).split())
    if last:
        kept.reverse()
    return " ".join(kept) if count == words else ""


@lru_cache(maxsize=65536)
def normalize_cached(text: str) -> str:
    """``normalize_name`` memoized, for the short repeated strings of alias files and text."""
    return normalize_name(text)
