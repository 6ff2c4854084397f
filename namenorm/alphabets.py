"""Names in Latin letters as other languages' alphabets write them, read as English spells the
same sounds: Azerbaijani writes Chicago "Çikaqo" and Banjul "Bancul", Albanian Banjul "Banxhul"
and Riga "Rigë", Hungarian Krasnoyarsk "Krasznojarszk" (``_data/latin_alphabets.tsv``).

A name is read by a language only where it holds one of the letters that tell that language (its
marks: ç, ş, ə, xh, sz...); its other letters are then read too (Azerbaijani c as j). The
transliteration schemes of Cyrillic into Latin letters (š, cz, a final -yj) are ``romanize``'s."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .apostrophes import TYPED_APOSTROPHES
from .datafiles import data_lines

__all__ = ["alphabet_spellings"]

_APOSTROPHES = str.maketrans(dict.fromkeys(TYPED_APOSTROPHES, "'"))
"""The marks Uzbek writes its oʻ and gʻ with, typed as they come (the turned comma, a quote)."""


@dataclass(frozen=True, slots=True)
class _Alphabet:
    letters: dict[str, str]
    """Letters as written -> as English spells their sound; a word's ending keyed with its "-"."""
    marks: frozenset[str]
    """The keys of ``letters`` that tell the language."""
    pattern: re.Pattern[str]
    """Finds the letters, longest first, an ending only at a word's end."""

    def spelling(self, text: str) -> str:
        """``text`` read by this alphabet, or "" where it holds none of its marks."""
        found = [self._key(m) for m in self.pattern.finditer(text)]
        if self.marks.isdisjoint(found):
            return ""
        return self.pattern.sub(lambda m: self.letters[self._key(m)], text)

    @staticmethod
    def _key(match: re.Match[str]) -> str:
        return "-" + match.group() if match.lastgroup == "end" else match.group()


@lru_cache(maxsize=1)
def _alphabets() -> tuple[_Alphabet, ...]:
    rows: dict[str, list[tuple[str, str, bool]]] = {}
    for line in data_lines("latin_alphabets.tsv"):
        language, written, read, mark = (line.split("\t") + ["", "", ""])[:4]
        rows.setdefault(language, []).append(
            (unicodedata.normalize("NFC", written), read, mark.strip() == "mark"))
    alphabets = []
    for letters in rows.values():
        ends = sorted((w[1:] for w, _, _ in letters if w.startswith("-")), key=len, reverse=True)
        inner = sorted((w for w, _, _ in letters if not w.startswith("-")), key=len, reverse=True)
        parts = [f"(?P<end>{'|'.join(map(re.escape, ends))})(?![^\\W\\d_])"] if ends else []
        parts += [re.escape(w) for w in inner]
        alphabets.append(_Alphabet({w: r for w, r, _ in letters}, frozenset(w for w, _, m in letters if m),
                                   re.compile("|".join(parts))))
    return tuple(alphabets)


@lru_cache(maxsize=1)
def _any_mark() -> re.Pattern[str]:
    marks = {m.lstrip("-") for alphabet in _alphabets() for m in alphabet.marks}
    return re.compile("|".join(map(re.escape, sorted(marks, key=len, reverse=True))))


def alphabet_spellings(text: str) -> list[str]:
    """A name in Latin letters read by each alphabet whose marks it holds, in lower case with the
    letters that alphabet does not change as written (normalizing reads them further).

    >>> alphabet_spellings("Çikaqo"), alphabet_spellings("Banxhul"), alphabet_spellings("Rigë")
    (['chikaqo', 'chikago', 'chikacho'], ['banjul'], ['riga'])
    >>> alphabet_spellings("Krasznojarszk"), alphabet_spellings("Oʻzbekiston"), alphabet_spellings("Jacques Chirac")
    (['krasnoyarsk'], ['ozbekiston'], [])
    """
    lower = unicodedata.normalize("NFC", text.lower()).translate(_APOSTROPHES)
    if not _any_mark().search(lower):
        return []
    spellings = (alphabet.spelling(lower) for alphabet in _alphabets())
    return [s for s in dict.fromkeys(spellings) if s and s != lower]
