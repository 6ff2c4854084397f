"""Korean names in Latin letters: Hangul by the Revised Romanization, the spellings Koreans use
for their surnames, and one spelling that the Revised Romanization and McCune-Reischauer share.

South Korea writes 박근혜 "Bak Geun-hye" by the Revised Romanization (RR) and she writes herself
Park Geun-hye; North Korea and older writing use McCune-Reischauer (MR), "Pak Kŭn-hye", whose
breves and apostrophes English drops: "Pak Kun-hye". The two systems part on a few letters only:
MR writes k, t, p and ch where RR writes g, d, b and j at a syllable's start, o and u for RR's eo
and eu. ``korean_spelling`` writes a Latin Korean name with those letters folded together, and
the surname as its Hangul reads, so that every spelling of one name is one spelling.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

__all__ = ["KOREAN_SURNAMES", "hangul_syllable", "korean_spelling", "usual_syllables"]

_HANGUL_INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch",
                    "k", "t", "p", "h")
_HANGUL_VOWELS = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
                  "wo", "we", "wi", "yu", "eu", "ui", "i")
_HANGUL_FINALS = ("", "k", "k", "k", "n", "n", "n", "t", "l", "l", "l", "l", "l", "l", "l", "l",
                  "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t")
"""Finals as loanwords sound them: 데이빗 is "deibit" (David), not "deibis"."""


def hangul_syllable(ch: str) -> str:
    """Revised Romanization of one syllable by its jamo, the final consonant as pronounced.

    >>> hangul_syllable("박"), hangul_syllable("근")
    ('bak', 'geun')
    """
    code = ord(ch) - 0xAC00
    return _HANGUL_INITIALS[code // 588] + _HANGUL_VOWELS[code % 588 // 28] + _HANGUL_FINALS[code % 28]


KOREAN_SURNAMES = {
    "김": ("kim",), "이": ("lee", "yi", "rhee"), "박": ("park", "pak"), "최": ("choi",),
    "정": ("jung", "chung", "jeong"), "강": ("kang",), "조": ("cho", "jo"), "윤": ("yoon", "yun"),
    "장": ("jang", "chang"), "임": ("lim", "im"), "한": ("han",), "오": ("oh",), "서": ("seo", "suh"),
    "신": ("shin",), "권": ("kwon",), "황": ("hwang",), "안": ("ahn",), "송": ("song",),
    "류": ("ryu", "yoo"), "유": ("yoo", "yu"), "홍": ("hong",), "전": ("jeon", "chun"), "고": ("ko", "koh"),
    "문": ("moon",), "양": ("yang",), "손": ("son", "sohn"), "배": ("bae",), "백": ("baek", "paik"),
    "허": ("heo", "huh"), "노": ("roh", "noh"), "남": ("nam",), "심": ("shim",), "하": ("ha",),
    "곽": ("kwak",), "성": ("sung",), "차": ("cha",), "주": ("joo", "ju"), "우": ("woo",), "구": ("koo",),
    "민": ("min",), "진": ("jin",), "나": ("na",), "반": ("ban",), "봉": ("bong",), "변": ("byun",),
    "추": ("choo",), "도": ("do",), "마": ("ma",), "방": ("bang",), "표": ("pyo",), "여": ("yeo",),
}
"""How Korean surnames are usually spelled in Latin letters (Kim, not the Revised Romanization "gim")."""
_NORTH_KOREAN_SURNAMES = {"이": ("ri",), "류": ("ryu",), "임": ("rim",), "노": ("ro",)}
"""The initial r North Korea keeps where South Korea drops it (Ri Pyong-chol, Rim Chun-il)."""

_INITIAL = "(kk|tt|pp|ss|jj|tch|ch|sh|[gkndtrlmbpsjh])?"
_VOWEL = "(yae|yeo|wae|weo|eui|ae|ya|eo|yo|ye|wa|oe|wo|we|wi|yu|eu|ui|oo|ee|a|o|e|u|i)"
_FINAL = "(ng|[knlmpt])?"
_SYLLABLE = re.compile(f"{_INITIAL}{_VOWEL}{_FINAL}")
_FOLDED_INITIALS = {"g": "k", "d": "t", "b": "p", "j": "ch", "jj": "tch", "l": "r", "sh": "s"}
_FOLDED_VOWELS = {"eo": "o", "yeo": "yo", "weo": "wo", "eu": "u", "oo": "u", "ee": "i", "eui": "ui"}
"""MR writes ŏ and ŭ, o and u once its breves are dropped; English writes oo and ee for u and i."""


def _respelled(syllable: str, initials: dict[str, str], vowels: dict[str, str]) -> str | None:
    """One syllable with its initial and vowel written as these tables write them; None where it
    is no Korean syllable."""
    found = _SYLLABLE.fullmatch(syllable)
    if found is None:
        return None
    initial, vowel, final = (part or "" for part in found.groups())
    return initials.get(initial, initial) + vowels.get(vowel, vowel) + final


def _folded_syllable(syllable: str) -> str | None:
    """One syllable with the letters RR and MR write apart folded together; None where it is
    no Korean syllable."""
    return _respelled(syllable, _FOLDED_INITIALS, _FOLDED_VOWELS)


_USUAL_INITIALS = {"g": "k"}
_USUAL_VOWELS = {"eo": "u", "yeo": "yu", "u": "oo"}
"""How Koreans usually spell a given name's syllables where the Revised Romanization writes
otherwise: Ki-moon (기문, RR "gi-mun"), Myung-bak (명박, "myeong-bak"), Suk (석, "seok"), Joon-ho
(준호, "jun-ho"), Yuna (연아, "yeon-a")."""


def usual_syllables(syllable: str) -> tuple[str, ...]:
    """A given-name syllable as the Revised Romanization writes it (``hangul_syllable``), and as
    Koreans usually spell it where that differs.

    >>> usual_syllables("gi"), usual_syllables("myeong"), usual_syllables("mun"), usual_syllables("hye")
    (('gi', 'ki'), ('myeong', 'myung'), ('mun', 'moon'), ('hye',))
    """
    usual = _respelled(syllable, _USUAL_INITIALS, _USUAL_VOWELS)
    return (syllable,) if usual is None or usual == syllable else (syllable, usual)


@lru_cache(maxsize=1)
def _surname_keys() -> dict[str, str]:
    """A surname's Latin spellings (and their folded ones) -> its Hangul read by RR, folded; a
    spelling two surnames share ("yoo") is left out."""
    claims: dict[str, set[str]] = {}
    for hangul, spellings in KOREAN_SURNAMES.items():
        key = _folded_syllable(hangul_syllable(hangul)) or hangul_syllable(hangul)
        for spelling in (*spellings, *_NORTH_KOREAN_SURNAMES.get(hangul, ()), hangul_syllable(hangul)):
            for written in {spelling, _folded_syllable(spelling) or spelling}:
                claims.setdefault(written, set()).add(key)
    return {written: next(iter(keys)) for written, keys in claims.items() if len(keys) == 1}


def _given_syllables(words: list[str]) -> list[str] | None:
    """The two syllables of a given name written in two parts, hyphened or not ("geun-hye"),
    folded; None where it is not so. A given name written as one word reads as two Korean
    syllables too often to be read so ("Jo Ewing"), and it may read two ways ("jongun": jong-un
    or jon-gun)."""
    folded = [_folded_syllable(word) for word in words]
    return [syllable for syllable in folded if syllable] if len(folded) == 2 and None not in folded else None


_FIRST_WORD = re.compile(r"[^\W\d_]+")


def _ascii_letters(word: str) -> str:
    """A word's letters as ``korean_spelling`` reads the whole name: transliterated, a-z only."""
    return word if word.isascii() else re.sub(r"[^a-z]+", "", unidecode(word).lower())


@lru_cache(maxsize=4096)
def korean_spelling(name: str) -> str:
    """A Latin name that reads as a Korean one (a known surname first, then a given name of two
    syllables written in two parts, as most are), spelled so that RR and MR spell it alike; ""
    for any other name, and for one written so already.

    >>> korean_spelling("Park Geun-hye"), korean_spelling("Bak Geunhye"), korean_spelling("Pak Kun-hye")
    ('pak kun hye', '', '')
    >>> korean_spelling("Ri Pyong-chol") == korean_spelling("Lee Byeong-cheol"), korean_spelling("John Smith")
    (True, '')
    >>> korean_spelling("Jo Ewing")
    ''
    """
    first = _FIRST_WORD.search(name.lower().replace("'", ""))
    if first is None or _ascii_letters(first.group()) not in _surname_keys():  # most names: read no further
        return ""
    words = re.sub(r"[^a-z]+", " ", unidecode(name).lower().replace("'", "")).split()  # MR's ŏ and ŭ too
    if len(words) != 3:
        return ""
    surname = _surname_keys().get(words[0])
    given = _given_syllables(words[1:]) if surname else None
    folded = f"{surname} {' '.join(given)}" if given else ""
    return folded if folded != " ".join(words) else ""
