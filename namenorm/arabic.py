"""Arabic names in Latin letters: one spelling for the ways English writes the same compound.

An Arabic name of servitude joins ʿabd, "servant", to the article and one of God's names: عبد
الرحمن is written "Abd al-Rahman", "Abdul Rahman", "Abdel Rahman", "Abdulrahman", "Abd ar-Rahman"
and "Abdurrahman" (the article's l taking the next consonant's sound), and عبد الله "Abdullah",
"Abdallah" and "Abd Allah". "Son of" is "bin" or "ibn". Each way is one name, two to four words
apart from the others however a similarity counts them. ``arabic_spelling`` writes all of them
alike, in the query and in the gallery (``romanize.native_spellings``,
``index.forms.native_forms``), as ``korean`` does for the two Korean systems: the servant's word
and the name it joins run together without the article ("abdrahman", "abdlah"), and "ibn" as
"bin".
"""

from __future__ import annotations

import re

from unidecode import unidecode

__all__ = ["arabic_spelling"]

_ARTICLES = frozenset({"al", "el", "ul", "il", "ol", "ar", "er", "ur", "as", "es", "us", "ad", "ed", "ud",
                       "at", "et", "ut", "az", "ez", "uz", "an", "en", "un", "ash", "esh", "ush", "ath",
                       "adh"})
"""The article as English writes it between "Abd" and the name it joins, its l written as the
consonant that follows where Arabic says it so (ar-Rahman, as-Salam, an-Nasir)."""
_JOINED = re.compile(r"abd(?:[aeiou]l|oul|[aeiou](?=([rsztdn])\1))?([a-z]{3,})")
"""One word of servitude: "abdulrahman", "abdelaziz", "abdallah", "abdurrahman" (the article's l
written as the doubled consonant after it)."""
_APART = re.compile(r"abd(?:[aeiou]l|oul|[aeiou][rsztdn])")
"""The servant's word with the article joined, apart from its name: "Abdul Rahman", "Abdur
Rahman"."""
_GOD = frozenset({"allah", "ullah", "illah", "lah"})
"""God's name itself, written with its article in every spelling: Abdullah, Abd Allah."""


def _servant_of(name: str) -> str:
    """The name a servant's word joins, as ``arabic_spelling`` writes it: without its article."""
    if name in _GOD:
        return "lah"
    return name[1:] if len(name) > 3 and name[0] == name[1] else name


def arabic_spelling(text: str) -> str | None:
    """One spelling of an Arabic name's servitude compounds and "son of", whichever way a Latin
    name writes them; None where the name has none.

    >>> arabic_spelling("Abd al-Rahman Al Thani"), arabic_spelling("Abdulrahman Al-Thani")
    ('abdrahman al thani', 'abdrahman al thani')
    >>> arabic_spelling("Abdurrahman Wahid"), arabic_spelling("Abdur Rahman Wahid")
    ('abdrahman wahid', 'abdrahman wahid')
    >>> arabic_spelling("Abdullah II"), arabic_spelling("Abd Allah"), arabic_spelling("Abdallah")
    ('abdlah ii', 'abdlah', 'abdlah')
    >>> arabic_spelling("Muhammad ibn Salman"), arabic_spelling("Ibn Battuta"), arabic_spelling("Abdi Farah")
    ('muhammad bin salman', None, None)
    """
    words = re.sub(r"[^a-z]+", " ", unidecode(text).lower()).split()
    out: list[str] = []
    k = 0
    while k < len(words):
        word = words[k]
        rest = words[k + 1:]
        if word == "abd" and len(rest) >= 2 and rest[0] in _ARTICLES and len(rest[1]) >= 3:
            out.append("abd" + _servant_of(rest[1]))
            k += 3
            continue
        if (word == "abd" or _APART.fullmatch(word)) and rest and len(rest[0]) >= 3 and rest[0] not in _ARTICLES:
            out.append("abd" + _servant_of(rest[0]))
            k += 2
            continue
        joined = _JOINED.fullmatch(word)
        if joined and joined.group(2) not in _ARTICLES:
            out.append("abd" + _servant_of(joined.group(2)))
        else:
            out.append("bin" if word == "ibn" and out else word)
        k += 1
    spelled = " ".join(out)
    return spelled if spelled != " ".join(words) else None
