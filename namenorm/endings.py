"""Names as another language declines them: Lithuanian and Latvian give a borrowed name the
nominative ending of a noun of their own (Donaldas Trampas, Vladimirs Putins; Dakaras and Dakara
for Dakar), and Russian and Ukrainian running text puts a name in the case the sentence asks
(Дональда Трампа, в Лондоне, Германии), so a name in Latin or Cyrillic letters is also read
without such endings, language by language (``_data/name_endings.tsv``).

A word that is itself a name people have (Jonas, Markus, Thomas: ``known_names``) or a common
English word (Change, Price) is read as written, not as another name with an ending (Jon, Mark,
Thom; Chang)."""

from __future__ import annotations

import unicodedata
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from .datafiles import data_lines
from .normalize import normalize_cached, script_of

__all__ = ["bare_endings", "without_endings"]

_SHORTEST_STEM = 3
"""Fewest letters left of a word once its ending is read off: "Adis" (Addis) keeps its -is."""
_VOWELS = frozenset("aeiouyąęėįųūāēīōаеёиоуыэюяіїє")
_STRESS_MARKS = {0x0300: None, 0x0301: None}
_SCRIPTS = frozenset({"LATIN", "CYRILLIC"})
"""The scripts the table's languages are written in."""


@dataclass(frozen=True, slots=True)
class _Ending:
    letters: str
    read: str
    """What the ending is read as: the nominative's ending (Германии as Германия), or nothing."""
    after: str
    """What must stand before it: "consonant", the letters one of which must, or "" (anything)."""

    def reading(self, word: str) -> str:
        """``word`` with this ending read as ``read``, or "" where it has none."""
        stem = word[:-len(self.letters)]
        if not word.endswith(self.letters) or len(stem) < _SHORTEST_STEM or not stem[-1].isalpha():
            return ""
        if stem[-1] == self.letters[0] or not self._may_follow(stem[-1]):
            return ""  # (a letter typed twice, "Lagoss", is no ending)
        return stem + self.read

    def _may_follow(self, letter: str) -> bool:
        if self.after == "consonant":
            return letter not in _VOWELS
        return not self.after or letter in self.after


@dataclass(frozen=True, slots=True)
class _Language:
    endings: tuple[_Ending, ...]
    """Longest first."""
    letters: tuple[tuple[str, str], ...]
    """Letters and what they are read as (dž as j)."""

    def stems(self, word: str) -> tuple[str, str]:
        """``word`` with its longest ending read off and with its shortest (as written where it has
        none)."""
        readings = [r for ending in self.endings if (r := ending.reading(word))] or [word]
        return readings[0], readings[-1]

    def respelled(self, words: list[str]) -> str:
        reading = " ".join(words)
        for written, read in self.letters:
            reading = reading.replace(written, read)
        return reading


@lru_cache(maxsize=1)
def _languages() -> tuple[_Language, ...]:
    endings: dict[str, list[_Ending]] = {}
    letters: dict[str, list[tuple[str, str]]] = {}
    for line in data_lines("name_endings.tsv"):
        language, written, read, after = (line.split("\t") + ["", "", ""])[:4]
        written = unicodedata.normalize("NFC", written)
        if written.startswith("-"):
            endings.setdefault(language, []).append(_Ending(written[1:], unicodedata.normalize("NFC", read),
                                                            after.strip()))
        else:
            letters.setdefault(language, []).append((written, read))
    return tuple(_Language(tuple(sorted(rows, key=lambda e: -len(e.letters))), tuple(letters.get(language, ())))
                 for language, rows in endings.items())


def _readings(text: str, kept: AbstractSet[str]) -> tuple[str, ...]:
    # A stress mark (Тра́мпа, as dictionaries and primers write it) is no letter of the ending.
    words = unicodedata.normalize("NFC", text.lower().translate(_STRESS_MARKS)).split()
    as_written = [normalize_cached(word) in kept for word in words]
    readings = []
    for language in _languages():
        stems = [(word, word) if keep else language.stems(word) for word, keep in zip(words, as_written)]
        # Every word is declined, but a word that ends in a vowel, which these languages may leave
        # as it is (Džo, Джо), and is no kept word: in "Stephen Scoggins" and "Jose Bowne", English
        # names beside them, "Scoggins" and "Bowne" are no Latvian "Scoggin" and "Bown".
        declined = [pair[0] != word for pair, word in zip(stems, words)]
        if not any(declined) or not all(d or (not keep and word[-1] in _VOWELS)
                                        for d, keep, word in zip(declined, as_written, words)):
            continue
        for which in (0, 1):
            readings.append(language.respelled([pair[which] for pair in stems]))
    return tuple(dict.fromkeys(readings))


def without_endings(text: str, kept: AbstractSet[str] = frozenset()) -> tuple[str, ...]:
    """A name in Latin or Cyrillic letters read without the endings each language of
    ``name_endings.tsv`` gives a name, each word with its longest and its shortest read off, where every
    word has one of that language's endings but a word that ends in a vowel and is not one of
    ``kept`` (normalized words read as written: names people have, common words), in lower case
    with its marks (Šolcas, Scholz, is "šolc": a Slavic scheme's reading of it spells it further);
    none for a name in another script.

    >>> without_endings("Donaldas Trampas"), without_endings("Olafas Šolcas")
    (('donald tramp',), ('olaf šolc',))
    >>> without_endings("Дональда Трампа"), without_endings("Германии")
    (('дональд трамп',), ('германия',))
    >>> without_endings("Nairobis"), without_endings("Bandžula")
    (('nairob', 'nairobi'), ('banjul',))
    >>> without_endings("Jonas", kept=frozenset({"jonas"})), without_endings("Stephen Scoggins", {"stephen"})
    ((), ())
    """
    if script_of(text) not in _SCRIPTS:
        return ()
    return _readings(text, kept)


@lru_cache(maxsize=4)
def bare_endings(script: str) -> tuple[str, ...]:
    """The endings of the table's languages written in ``script`` (``normalize.script_of``) that
    are read as nothing (Трамп-ом, Лондон-е), longest first: what ``scan`` cuts a declined name's
    last word to a known form with.

    >>> bare_endings("CYRILLIC")[:2], "ом" in bare_endings("CYRILLIC"), bare_endings("HANGUL")
    (('еві', 'ові'), True, ())
    """
    endings = {e.letters for language in _languages() for e in language.endings
               if not e.read and script_of(e.letters) == script}
    return tuple(sorted(endings, key=lambda e: (-len(e), e)))
