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

from .model import Role

__all__ = ["GENERATIONAL", "PARTICLES", "NamePart", "Role", "parse_person", "parse_surname", "surname_start"]

GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})
"""Generational suffixes: "Donald Trump Jr." is not "Donald Trump" when both are known."""
PARTICLES = frozenset({"van", "von", "de", "da", "di", "del", "della", "der", "den", "du", "la", "le",
                       "al", "el", "bin", "ibn", "bint", "abu", "ter", "ten", "dos", "das", "st"})
"""Words that belong to the surname after them ("van Beethoven", "al-Baghdadi")."""


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
    unless that word is a given name (``given``) or an initial. ``particles``
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
    if len(words) >= 3 and len(before) > 1 and before not in given:
        return start - 1
    return start


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
    """
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
