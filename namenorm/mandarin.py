"""Chinese names as pinyin and as Wade-Giles spell them.

English text writes a Chinese name in either system: Mao Zedong is "Mao Tse-tung" in older
writing, Deng Xiaoping "Teng Hsiao-p'ing", and Taiwan's people write their own names in Wade-Giles
(Tsai Ing-wen, whom pinyin spells Cai Yingwen). The two spell the same syllables with other
letters, so a name in one is no misspelling of the other; each is read here as the other writes
it, syllable by syllable (``_data/wade_giles.tsv``, written by ``bench/build_wade_giles.py``).

Wade-Giles marks an aspirated consonant with an apostrophe (ch'i is pinyin qi, chi is ji), which
English often leaves out: a syllable written without one is read both ways, its own reading first.
Wade-Giles joins a given name's syllables with a hyphen, pinyin writes them as one word.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Container
from functools import lru_cache

from unidecode import unidecode

from .apostrophes import TYPED_APOSTROPHES
from .datafiles import data_lines

__all__ = ["as_pinyin", "as_wade_giles", "surname_first", "wade_giles_syllables"]

_MAX_READINGS = 4
"""Readings of one name at most: each syllable written without its apostrophe doubles them."""
_MAX_SYLLABLES = 4
"""Syllables of one word at most: a longer word is no Chinese name's."""
_LONGEST_SYLLABLE = 7
"""Letters of the longest syllable of either system (Wade-Giles' ch'iung)."""
_APOSTROPHES = re.compile(f"[{TYPED_APOSTROPHES}]")
_WORDS = re.compile(r"[^\s,]+")
_NOT_A_LETTER = re.compile(r"[^a-z']")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Pinyin syllable -> its Wade-Giles spelling without the apostrophe (as a normalized name
    writes it), and a syllable as Wade-Giles may be written -> the pinyin syllables it may stand
    for, its own first."""
    pairs = [line.split("\t") for line in data_lines("wade_giles.tsv")]
    to_wade_giles = {pinyin: wade_giles.replace("'", "") for pinyin, wade_giles in pairs}
    to_pinyin: dict[str, list[str]] = {}
    for pinyin, wade_giles in pairs:
        to_pinyin.setdefault(wade_giles, []).append(pinyin)
    for pinyin, wade_giles in pairs:  # written without its apostrophe: the unaspirated reading first
        if "'" in wade_giles:
            to_pinyin.setdefault(wade_giles.replace("'", ""), []).append(pinyin)
    return to_wade_giles, {written: tuple(dict.fromkeys(readings)) for written, readings in to_pinyin.items()}


def _syllables(text: str) -> list[list[str]] | None:
    """The words of a Latin name, each as the syllables its hyphens part, lower case, marks
    folded but for the apostrophe; None where it holds anything else than letters."""
    words = []
    for word in _WORDS.findall(_APOSTROPHES.sub("'", text)):
        syllables = [unidecode(s.replace("\u00fc", "u")).lower() for s in word.split("-") if s]
        if not syllables or any(_NOT_A_LETTER.search(s) for s in syllables):
            return None
        words.append(syllables)
    return words or None


def wade_giles_syllables(text: str) -> list[list[tuple[str, ...]]] | None:
    """The pinyin each syllable of a name written in Wade-Giles may stand for, word by word
    (a hyphened word's syllables, or after the first word those it spells written together:
    "Mao Tsetung"); None where some part is none of Wade-Giles' syllables.

    >>> wade_giles_syllables("Mao Tse-tung")
    [[('mao',)], [('ze', 'ce'), ('dong', 'tong')]]
    >>> wade_giles_syllables("Ch'iang"), wade_giles_syllables("Mao Tsetung")[1], wade_giles_syllables("Smith")
    ([[('qiang',)]], [('ze', 'ce'), ('dong', 'tong')], None)
    """
    words = _syllables(text)
    return None if words is None else _wade_giles_readings(words)


def _wade_giles_readings(words: list[list[str]]) -> list[list[tuple[str, ...]]] | None:
    """``wade_giles_syllables`` of a name's words, already parted (``_syllables``)."""
    readings = _tables()[1]
    found = []
    for k, word in enumerate(words):
        syllables = []
        for part in word:
            # Only a given name is written with its syllables together ("Mao Tsetung"); a first
            # word of several syllables is no surname ("Anna Chen").
            parts = (part,) if part in readings else _wade_giles_syllables(part) if k else None
            if parts is None:
                return None
            syllables += [readings[syllable] for syllable in parts]
        found.append(syllables)
    return found


@lru_cache(maxsize=4096)
def as_pinyin(text: str) -> tuple[str, ...]:
    """A name written in Wade-Giles as pinyin writes it (a hyphened given name as one word),
    normalized; () where a syllable is none of Wade-Giles' or pinyin spells it the same.

    Three words of one syllable each are also read as a surname and a given name of two
    ("Mao Tse Tung" as "mao zedong").

    >>> as_pinyin("Mao Tse-tung")[:2], as_pinyin("Chou En-lai"), as_pinyin("Teng Hsiao-p'ing")
    (('mao zedong', 'mao zetong'), ('zhou enlai',), ('deng xiaoping', 'teng xiaoping'))
    >>> as_pinyin("Mao Tse Tung")[:2], as_pinyin("Li Na"), as_pinyin("John Smith")
    (('mao ze dong', 'mao zedong'), (), ())
    """
    written_words = _syllables(text)
    words = None if written_words is None else _wade_giles_readings(written_words)
    if written_words is None or words is None or not _syllable_count_allowed([len(word) for word in words]):
        return ()
    choices = [reading for word in words for reading in word]
    readings = []
    given_apart = len(words) == 3 and all(len(word) == 1 for word in words)
    for picked in _fewest_changes(choices):
        syllables = iter(picked)
        spelled = ["".join(next(syllables) for _ in word) for word in words]
        readings.append(" ".join(spelled))
        if given_apart:
            readings.append(f"{spelled[0]} {spelled[1]}{spelled[2]}")
    as_written = "".join(map("".join, written_words)).replace("'", "")
    return tuple(r for r in dict.fromkeys(readings) if r.replace(" ", "") != as_written)[:_MAX_READINGS]


@lru_cache(maxsize=1)
def _common_surnames() -> frozenset[str]:
    """The pinyin of the commonest Chinese surnames (``_data/chinese_surnames.txt``)."""
    return frozenset(line.strip() for line in data_lines("chinese_surnames.txt"))


def surname_first(name: str) -> bool:
    """Whether a name in Latin letters reads as a Chinese one written surname first, as Chinese
    writes it: a common Chinese surname, then a given name of one or two pinyin syllables.

    Many English names spell pinyin syllables too ("Mike Pence" is mi ke pen ce), but few begin
    with a Chinese surname.

    >>> surname_first("Yao Ming"), surname_first("Deng Xiaoping"), surname_first("Mike Pence")
    (True, True, False)
    >>> surname_first("Lin Wood"), surname_first("Jackie Chan"), surname_first("Zhou")
    (False, False, False)
    """
    words = name.split()
    if len(words) != 2 or not all(word.isascii() and word.isalpha() for word in words):
        return False
    given = _pinyin_syllables(words[1].lower())
    return words[0].lower() in _common_surnames() and given is not None and len(given) <= 2


def _syllable_count_allowed(per_word: list[int]) -> bool:
    """Whether words of these numbers of syllables may be a Chinese name read in the other
    system: two syllables at least (one is as often an English word, "Chen", "Pan", "Tang"), and
    no more than ``_MAX_SYLLABLES`` words or syllables in a word."""
    return sum(per_word) >= 2 and len(per_word) <= _MAX_SYLLABLES and max(per_word) <= _MAX_SYLLABLES


def _fewest_changes(choices: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The first ``_MAX_READINGS`` picks of one reading per syllable, those with fewer other
    readings than the first first, the last syllables' changed first. Only those are built: a
    name of sixteen syllables of three readings each has 43 million picks.

    >>> _fewest_changes([("ze", "ce"), ("dong", "tong")])
    [('ze', 'dong'), ('ze', 'tong'), ('ce', 'dong'), ('ce', 'tong')]
    """
    found: list[tuple[str, ...]] = []
    ambiguous = [k for k in reversed(range(len(choices))) if len(choices[k]) > 1]
    for changes in range(len(ambiguous) + 1):
        for where in itertools.combinations(ambiguous, changes):
            for others in itertools.product(*(choices[k][1:] for k in where)):
                pick = [c[0] for c in choices]
                for k, reading in zip(where, others):
                    pick[k] = reading
                found.append(tuple(pick))
                if len(found) == _MAX_READINGS:
                    return found
    return found


@lru_cache(maxsize=4096)
def as_wade_giles(text: str) -> str:
    """A name of two words or more written in pinyin as Wade-Giles writes it, its syllables apart
    as a hyphened name normalizes, without apostrophes; "" where a word is no run of pinyin
    syllables or Wade-Giles spells it the same.

    >>> as_wade_giles("Cai Yingwen"), as_wade_giles("Xi Jinping"), as_wade_giles("Anna Chen")
    ('tsai ying wen', 'hsi chin ping', '')
    >>> as_wade_giles("Lee Teng-hui"), as_wade_giles("Rubin"), as_wade_giles("Chen")
    ('', '', '')
    """
    words = _syllables(text)
    if words is None or len(words) < 2:  # a word alone is as often an English one ("Rubin", "along")
        return ""
    spelled = []
    for word in words:
        syllables = _pinyin_syllables("".join(word).replace("'", ""))
        if syllables is None:
            return ""
        spelled.append(" ".join(_tables()[0][s] for s in syllables))
    if not _syllable_count_allowed([len(word.split()) for word in spelled]):
        return ""
    reading = " ".join(spelled)
    return reading if reading.replace(" ", "") != "".join(map("".join, words)).replace("'", "") else ""


@lru_cache(maxsize=65536)
def _pinyin_syllables(word: str) -> tuple[str, ...] | None:
    """A word as the fewest pinyin syllables that spell it ("xian" is one, not "xi an"); None
    where none do (``_fewest_syllables``)."""
    return _fewest_syllables(word, _tables()[0])


@lru_cache(maxsize=65536)
def _wade_giles_syllables(word: str) -> tuple[str, ...] | None:
    """A word written without the hyphens of Wade-Giles as the fewest of its syllables
    ("tsetung" is "tse tung"); None where none do (``_fewest_syllables``)."""
    return _fewest_syllables(word, _tables()[1])


def _fewest_syllables(word: str, known: Container[str]) -> tuple[str, ...] | None:
    """``word`` as the fewest syllables of ``known`` that spell it, or None where none do or
    more than ``_MAX_SYLLABLES`` would. Pinyin writes an apostrophe before a syllable that begins
    with a, e or o inside a word (Xi'an), so none begins one here: "lee" is no "le e"."""
    best: list[tuple[str, ...] | None] = [()] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - _LONGEST_SYLLABLE), end):
            head, found = best[start], best[end]
            if (head is not None and (not start or word[start] not in "aeo") and word[start:end] in known
                    and (found is None or len(head) + 1 < len(found))):
                best[end] = (*head, word[start:end])
    found = best[len(word)]
    return found if found and len(found) <= _MAX_SYLLABLES else None
