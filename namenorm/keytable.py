"""A read-only map from string keys to small sets of numbers, packed into three arrays.

The candidate keys of a gallery's words (every one-letter deletion, phonetic and skeleton keys)
run to about fifteen per word: 400,000 for the bundled file, millions for a large gallery. As a
dict of lists they cost one string and one list per key, and a compiled index spends most of its
load time making them again. Packed, a key is a 64-bit hash in a sorted array and its members a
slice of one flat array, so a stored index reads the table back as three blocks of bytes.

Two keys whose hashes agree share their members. With 64-bit hashes that is about one chance in
a million for a gallery of ten million keys, and costs only an extra candidate, which is then
scored like any other.
"""

from __future__ import annotations

import hashlib
import itertools
import operator
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["KeyTable"]

_EMPTY = array("I")


def _key_hash(key: str) -> int:
    """A hash of ``key`` that is the same in every process (``hash`` is salted per process)."""
    return int.from_bytes(_digest(key), "little", signed=True)


def _digest(key: str) -> bytes:
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()


def _key_hashes(keys: Iterable[str]) -> array[int]:
    """``_key_hash`` of each key, made as one block of bytes (faster for millions of keys)."""
    hashes = array("q")
    hashes.frombytes(b"".join(map(_digest, keys)))
    if sys.byteorder != "little":
        hashes.byteswap()
    return hashes


class KeyTable:
    """Key -> the numbers filed under it, in the order given.

    >>> table = KeyTable.build({"rafe": [1, 3], "rfe": [2]})
    >>> list(table.get("rafe")), list(table.get("rfe")), list(table.get("nobody"))
    ([1, 3], [2], [])
    >>> len(table)
    2
    """

    __slots__ = ("_hashes", "_members", "_starts")

    def __init__(self, hashes: array[int], starts: array[int], members: array[int]) -> None:
        self._hashes = hashes
        """Each key's hash, ascending."""
        self._starts = starts
        """Where each key's members start in ``_members``, and one past the last key's end."""
        self._members = members
        """Every key's members, key after key."""

    @classmethod
    def build(cls, table: Mapping[str, Sequence[int]]) -> KeyTable:
        """Pack ``table``; keys with one hash have their numbers merged."""
        key_hashes = _key_hashes(table).tolist()
        unordered = list(table.values())
        order = sorted(range(len(key_hashes)), key=key_hashes.__getitem__)  # ints sort fast; pairs do not
        hashes = [key_hashes[i] for i in order]
        filed = [unordered[i] for i in order]
        if any(map(operator.eq, hashes, hashes[1:])):  # two keys, one hash: their numbers merge
            merged: dict[int, list[int]] = {}
            for key_hash, numbers in zip(hashes, filed):
                merged.setdefault(key_hash, []).extend(numbers)
            hashes, filed = list(merged), [sorted(set(numbers)) for numbers in merged.values()]
        starts = array("I", [0])
        starts.extend(itertools.accumulate(map(len, filed)))
        return cls(array("q", hashes), starts, array("I", list(itertools.chain.from_iterable(filed))))

    def get(self, key: str) -> Sequence[int]:
        """The numbers filed under ``key``, empty when there are none."""
        key_hash = _key_hash(key)
        i = bisect_left(self._hashes, key_hash)
        if i == len(self._hashes) or self._hashes[i] != key_hash:
            return _EMPTY
        return self._members[self._starts[i]:self._starts[i + 1]]

    def __len__(self) -> int:
        return len(self._hashes)

    def __getstate__(self) -> tuple[array[int], array[int], array[int]]:
        return self._hashes, self._starts, self._members

    def __setstate__(self, state: tuple[array[int], array[int], array[int]]) -> None:
        self._hashes, self._starts, self._members = state
