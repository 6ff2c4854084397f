"""Turn any string into the comparable form every lookup uses.

``normalize_name`` folds Unicode compatibility forms, drops invisible format and
control characters, transliterates to Latin (``romanize``, which keeps
unidecode behind one module so it can be swapped), casefolds, drops possessive ``'s`` and turns
punctuation into single spaces. It holds no name data: stripping titles such as
"Mr." or "Secretary of State" needs a title list, so ``strip_titles`` takes one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .romanize import romanize

__all__ = ["MAX_NAME_CHARS", "TitleSet", "is_latin", "normalize_name", "reorder_comma_name", "strip_titles"]

MAX_NAME_CHARS = 256
"""Longest input considered when resolving; longer names are truncated before scoring."""

_ASCII_FOLD = str.maketrans(
    {c: " " for c in map(chr, range(128)) if not c.isalnum()}
    | {c: c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
)
_POSSESSIVE = re.compile(r"(?<=[A-Za-z])['\u2019\u02bc]s\b")
_INVISIBLE = {"Cf", "Cc", "Cs", "Co", "Cn"}
_LINE_BREAKS = "\t\n\r\x0b\x0c\x85\u2028\u2029"


@lru_cache(maxsize=1)
def _invisible_table() -> dict[int, str | None]:
    """Format, control, surrogate and private-use characters of the BMP: dropped (breaks: a space)."""
    table: dict[int, str | None] = {}
    for cp in range(0x10000):
        if unicodedata.category(chr(cp)) in _INVISIBLE:
            table[cp] = " " if chr(cp) in _LINE_BREAKS else None
    return table


def _drop_invisible(text: str) -> str:
    """Remove format, control, surrogate and unassigned characters (zero-width space, bidi marks)."""
    text = text.translate(_invisible_table())
    if max(text, default=" ") > "\uffff":
        text = "".join(ch for ch in text if unicodedata.category(ch) not in _INVISIBLE)
    return text


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
    >>> normalize_name("O’Brien")
    'o brien'
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", _drop_invisible(text))
        text = _POSSESSIVE.sub("", text)
        text = romanize(text)
    elif "'" in text:
        text = _POSSESSIVE.sub("", text)
    return " ".join(text.translate(_ASCII_FOLD).split())


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is in the Latin script (or there are none).

    >>> is_latin("Raffensperger"), is_latin("Erdoğan"), is_latin("래펜스퍼거"), is_latin("Трамп")
    (True, True, False, False)
    """
    return text.isascii() or max(text) < "\u0250" or all(
        unicodedata.name(ch, "").startswith("LATIN") for ch in text if ch.isalpha())


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


@lru_cache(maxsize=65536)
def normalize_cached(text: str) -> str:
    """``normalize_name`` memoized, for the short repeated strings of alias files and text."""
    return normalize_name(text)
