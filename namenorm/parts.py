"""A person's name in parts: given name, middle names, initials, particles, surname, suffix.

Matching compares names word by word; the parts say what each word is, so
that a lone surname can find its person ("García Márquez", "al-Baghdadi"), a
suffix can tell a father from his son ("Donald Trump Jr."), and ``explain()``
can say which part of the name each query word stood for. The tables are
small and kept here as data.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .datafiles import data_lines
from .model import Role

__all__ = ["CONJUNCTIONS", "FUNCTION_WORDS", "GENERATIONAL", "PARTICLES", "PATRONYMIC_ENDINGS", "NamePart",
           "Role", "given_first", "given_name_sex", "is_patronymic", "parse_person", "parse_surname",
           "surname_start", "title_sex", "without_patronymic"]

GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})
"""Generational suffixes: "Donald Trump Jr." is not "Donald Trump" when both are known."""
CONJUNCTIONS = frozenset({"and", "or", "und", "oder", "et", "ou", "och", "og", "en", "vs", "versus"})
"""Words that join two names into a list ("Kelly and Loeffler", "Trump vs Biden"), in English and
the languages news writes most in Latin letters; the one-letter ones (Spanish y, o, e; Catalan i)
are left out, for they are initials as often."""
FUNCTION_WORDS = frozenset(data_lines("function_words.txt"))
"""Words that join names or stand before them in a sentence, in English and the languages news
writes most in Latin letters ("Perdue and David", "In New York", "Según Raffensperger";
``_data/function_words.txt``): never a name's word written out, so never the full word of an
initial ("and" is no "A.", "in" no "I."), and in running text never a word of a name nobody
knows beside a known one."""
PARTICLES = frozenset({"van", "von", "de", "da", "di", "del", "della", "der", "den", "du", "la", "le",
                       "al", "el", "bin", "ibn", "bint", "abu", "ter", "ten", "dos", "das", "st"})
"""Words that belong to the surname after them ("van Beethoven", "al-Baghdadi")."""
PATRONYMIC_ENDINGS = ("ovych", "evych", "ovich", "evich", "ovitch", "evitch", "ovytch", "ovyc", "evyc", "ovic",
                      "evic", "owitsch", "ewitsch", "owytsch", "ewytsch", "avich", "ovna", "evna", "ivna", "ichna",
                      "auna")
"""Endings of East Slavic patronymics, as the transliteration schemes write them (Ivanovych,
Ivanovich, Ivanovitch, ISO 9's Ivanovič, Iwanowitsch, Belarusian Ivanavich; Ivanivna, Ivanovna,
Illichna, Belarusian Ivanauna)."""
_WOMENS_PATRONYMIC_ENDINGS = ("ovna", "evna", "ivna", "ichna", "auna")
"""The endings of a woman's patronymic, which no surname has."""
_MIN_PATRONYMIC = 7
"""Fewest letters of a patronymic (Ilyich, the shortest, ends otherwise)."""


@dataclass(frozen=True, slots=True)
class NamePart:
    """One word of a person's name and the part it plays."""

    text: str
    """The normalized word."""
    role: Role
    """given (the first given name), middle, initial, particle, surname or suffix."""


def surname_start(words: Sequence[str], given: Container[str] = (),
                  particles: Container[str] = PARTICLES) -> int:
    """Index of the first word of the surname in a name written given names first.

    The last word, with the particles before it ("van der Berg"); in a name of
    three or more words also the word before the last ("García Márquez"),
    unless that word is a given name (``given``), an initial or a patronymic (Ivanovych). ``particles``
    defaults to ``PARTICLES``; alias files add to it.

    >>> surname_start(["gabriel", "garcia", "marquez"]), surname_start(["ludwig", "van", "beethoven"])
    (1, 1)
    >>> surname_start(["martin", "luther", "king"], given={"luther"})
    2
    """
    start = len(words) - 1
    if start < 1:
        return max(start, 0)
    if words[start - 1] in particles:
        while start > 1 and words[start - 1] in particles:
            start -= 1
        return start
    before = words[start - 1]
    if len(words) >= 3 and len(before) > 1 and before not in given and not is_patronymic(before):
        return start - 1
    return start


def is_patronymic(word: str) -> bool:
    """True for a word with the ending of an East Slavic patronymic (``PATRONYMIC_ENDINGS``).

    >>> is_patronymic("oleksandrovych"), is_patronymic("petrivna"), is_patronymic("shostakovich")
    (True, True, True)
    """
    return len(word) >= _MIN_PATRONYMIC and word.endswith(PATRONYMIC_ENDINGS)


def given_first(words: Sequence[str], given: Container[str] = ()) -> list[str]:
    """The words of a name in the order given name, patronymic, surname.

    Ukrainian and Russian records write surname, given name, patronymic ("Petrenko Mykola
    Ivanovych"): three words, the last a patronymic and the middle not. A man's patronymic ends
    as some surnames do (Rabinovich), so where the first word is a given name (``given``) the
    name is given-first already ("Anna Maria Rabinovich"); a woman's (-ovna, -ivna) is no surname.
    Every other name is left as written ("Dmitri Dmitrievich Shostakovich").

    >>> given_first("petrenko mykola ivanovych".split()), given_first("dmitri dmitrievich shostakovich".split())
    (['mykola', 'ivanovych', 'petrenko'], ['dmitri', 'dmitrievich', 'shostakovich'])
    >>> given_first("anna maria rabinovich".split(), given={"anna", "maria"})
    ['anna', 'maria', 'rabinovich']
    """
    if (len(words) == 3 and is_patronymic(words[2]) and not is_patronymic(words[1])
            and (words[2].endswith(_WOMENS_PATRONYMIC_ENDINGS) or words[0] not in given)):
        return [words[1], words[2], words[0]]
    return list(words)


def without_patronymic(words: Sequence[str], given: Container[str] = ()) -> list[str] | None:
    """A three-word name with a patronymic as its given name and surname, given-first
    (``given_first``); None for any other name.

    >>> without_patronymic("petrenko mykola ivanovych".split()), without_patronymic("mykola petrenko".split())
    (['mykola', 'petrenko'], None)
    """
    if len(words) != 3:
        return None
    ordered = given_first(words, given)
    if not is_patronymic(ordered[1]):
        return None
    return [ordered[0], ordered[2]]


def parse_person(words: Sequence[str], given: Container[str] = (),
                 particles: Container[str] = PARTICLES) -> tuple[NamePart, ...]:
    """Label each word of a normalized person name written given names first.

    Args:
        words: the normalized words, titles already set aside.
        given: words known to be given names, which never start a double surname.
        particles: words that belong to the surname after them.

    >>> [(p.text, p.role) for p in parse_person("donald j trump jr".split())]
    [('donald', 'given'), ('j', 'initial'), ('trump', 'surname'), ('jr', 'suffix')]
    >>> [p.role for p in parse_person("abu bakr al baghdadi".split())]
    ['given', 'middle', 'particle', 'surname']

    A name written surname first with a patronymic last (``given_first``) is read so:

    >>> [p.role for p in parse_person("petrenko mykola ivanovych".split())]
    ['surname', 'given', 'middle']
    """
    if given_first(words, given) != list(words):
        return NamePart(words[0], "surname"), NamePart(words[1], "given"), NamePart(words[2], "middle")
    end = len(words)
    while end > 1 and words[end - 1] in GENERATIONAL:
        end -= 1
    core = words[:end]
    start = surname_start(core, given, particles)
    parts = [NamePart(word, "initial" if len(word) == 1 else "given" if i == 0 else "middle")
             for i, word in enumerate(core[:start])]
    parts.extend(parse_surname(core[start:], particles))
    parts.extend(NamePart(word, "suffix") for word in words[end:])
    return tuple(parts)


def parse_surname(words: Sequence[str], particles: Container[str] = PARTICLES) -> tuple[NamePart, ...]:
    """Label the words of a surname: particles before its last word, surname words the rest.

    >>> [p.role for p in parse_surname("van der berg".split())]
    ['particle', 'particle', 'surname']
    """
    last = len(words) - 1
    return tuple(NamePart(word, "particle" if word in particles and i < last else "surname")
                 for i, word in enumerate(words))


@lru_cache(maxsize=1)
def _title_sexes() -> dict[str, str]:
    return dict(line.split("\t") for line in data_lines("title_sexes.tsv"))


@lru_cache(maxsize=1)
def _given_name_sexes() -> dict[str, str]:
    return dict(line.split("\t") for line in data_lines("given_name_sexes.tsv"))


def title_sex(words: Sequence[str]) -> str:
    """The sex that the title words before a name say, "m" or "f" (``_data/title_sexes.tsv``),
    or "" where they say none, or both.

    >>> title_sex(["mrs"]), title_sex(["prime", "minister"]), title_sex(["mr", "president"])
    ('f', '', 'm')
    """
    table = _title_sexes()
    sexes = {table[word] for word in words if word in table}
    return sexes.pop() if len(sexes) == 1 else ""


def given_name_sex(word: str) -> str:
    """The sex of the people who have a given name, "m" or "f", where every list that holds it
    holds it for one sex (``_data/given_name_sexes.tsv``, from Faker's locales); else "".

    >>> given_name_sex("joe"), given_name_sex("jill"), given_name_sex("andrea")
    ('m', 'f', '')
    """
    return _given_name_sexes().get(word, "")
