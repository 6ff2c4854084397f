"""Read-only tables packed into a few flat blocks, as a stored index holds them.

A compiled gallery of a million names is tens of millions of small strings, tuples and dict
entries. Made again one object at a time, they took a stored index 16 s to read back. Packed,
each table is one string of its texts or a few arrays of numbers:

- ``PackedStrings``: texts as one string and where each starts;
- ``StringIds``: text -> its position in a ``PackedStrings``, through sorted hashes, each
  match checked against the text itself;
- ``StringSet``: a set of texts, the same way;
- ``Ragged``: rows of numbers as one array and where each row starts;
- ``KeyTable``: key -> numbers, through 64-bit hashes alone, for candidate keys (two keys that
  share a hash share their members; a candidate more is scored like any other);
- ``PackedRecords``: small pickled records, each unpickled when it is first read.

Inside ``buffers_out_of_band`` a table hands its arrays to pickle as ``pickle.PickleBuffer``
objects (protocol 5), so a pickle written with ``buffer_callback`` keeps them out of its stream
and a reader that maps the file into memory reads them back without a copy (``cache``); a few
small parts (word lengths, tiers, letter bags) pickle as plain bytes and are copied.
Elsewhere, as to worker processes, they travel as bytes.

An index packs its tables when it is pickled and answers from them as it did from the dicts
and lists it was built with: the same keys, the same values, in the same order.
"""

from __future__ import annotations

import contextvars
import hashlib
import itertools
import operator
import pickle
import sys
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from typing import Any, TypeVar, overload

__all__ = ["RECENT", "KeyTable", "PackedRecords", "PackedSequence", "PackedStrings", "Ragged", "StringIds",
           "StringSet", "buffers_out_of_band", "packed_view", "position_in", "remember"]

_T = TypeVar("_T")
_EMPTY = memoryview(array("I"))


def packed_view(raw: Any, typecode: str) -> memoryview:
    """``raw`` (bytes, an array, a memory map's slice) as a flat view of ``typecode`` items."""
    view = memoryview(raw)
    if view.format == typecode and view.ndim == 1:
        return view
    return view.cast("B").cast(typecode)  # type: ignore[call-overload,no-any-return]


def _numbers(typecode: str, values: Iterable[int]) -> memoryview:
    return memoryview(array(typecode, values))


_OUT_OF_BAND: contextvars.ContextVar[bool] = contextvars.ContextVar("namenorm_out_of_band", default=False)


@contextmanager
def buffers_out_of_band() -> Iterator[None]:
    """Within it, packed tables give pickle their arrays as ``pickle.PickleBuffer`` objects, for a
    pickler with a ``buffer_callback`` to keep out of its stream; elsewhere they pickle as bytes.

    Only where asked: in Pythons without the fix for CPython gh-77894 (3.11 among them), a
    garbage collection that breaks a loop holding a PickleBuffer over a memoryview crashes the
    interpreter, and other picklers that ask for buffers (Dask's) leave such loops behind.
    """
    token = _OUT_OF_BAND.set(True)
    try:
        yield
    finally:
        _OUT_OF_BAND.reset(token)


def _out_of_band(view: memoryview, protocol: int) -> object:
    """A view as pickle should carry it: out of the stream where asked (``buffers_out_of_band``)."""
    return pickle.PickleBuffer(view) if protocol >= 5 and _OUT_OF_BAND.get() else view.tobytes()


def _rebuild(cls: type[_T], typecodes: str, *raws: Any) -> _T:
    """A packed table from its pickled parts: ``typecodes`` says how to read each buffer
    (``"s"`` for a part that is pickled as itself)."""
    return cls(*(raw if code == "s" else packed_view(raw, code) for code, raw in zip(typecodes, raws)))


class _Packed:
    """What every packed table shares: its parts, and how they pickle."""

    __slots__ = ()

    def _parts(self) -> tuple[Any, ...]:
        """The constructor's arguments: memoryviews, and plain objects pickled as themselves."""
        raise NotImplementedError

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, ...]:
        parts = self._parts()
        typecodes = "".join(part.format if isinstance(part, memoryview) else "s" for part in parts)
        return _rebuild, (type(self), typecodes,
                          *(_out_of_band(part, protocol) if isinstance(part, memoryview) else part for part in parts))


RECENT = 1 << 18
"""Lookups a packed table remembers before it starts afresh (``remember``): a query asks after
the same words and rows many times, and a dict answers in a tenth of the time a lookup takes."""
_K = TypeVar("_K")
_V = TypeVar("_V")


def remember(memo: dict[_K, _V], key: _K, value: _V) -> _V:
    """Keep ``value`` in ``memo`` under ``key``, emptying the memo once it holds ``RECENT``."""
    if len(memo) >= RECENT:
        memo.clear()
    memo[key] = value
    return value


def position_in(i: int, size: int) -> int:
    """``i`` as a position in ``0..size-1``, counting back from the end where negative, as a
    list reads it; IndexError outside."""
    if i < 0:
        i += size
    if not 0 <= i < size:
        raise IndexError("index out of range")
    return i


def _starts_of(sizes: Iterable[int]) -> memoryview:
    """Where each of items of these sizes starts when laid one after another, and where the last
    ends: four bytes each where they fit, else eight."""
    starts = array("Q", [0])
    starts.extend(itertools.accumulate(sizes))
    return memoryview(array("I", starts) if starts[-1] < 2**32 else starts)


class PackedSequence(_Packed, Sequence[_T]):
    """A packed table read by position, slices and positions from the end as a list reads them;
    a subclass gives ``__len__`` and ``_item``."""

    __slots__ = ()

    def _item(self, i: int) -> _T:
        """Item ``i``, for ``0 <= i``; IndexError past the end."""
        raise NotImplementedError

    @overload
    def __getitem__(self, i: int) -> _T: ...
    @overload
    def __getitem__(self, i: slice) -> list[_T]: ...

    def __getitem__(self, i: int | slice) -> _T | list[_T]:
        if isinstance(i, slice):
            return [self._item(k) for k in range(*i.indices(len(self)))]
        return self._item(i if i >= 0 else position_in(i, len(self)))


class _Rows(PackedSequence[_T]):
    """Items laid one after another, with where each starts (``_starts``)."""

    __slots__ = ("_starts",)

    def __init__(self, starts: memoryview) -> None:
        self._starts = starts
        """Where each item starts, and one past the last one's end."""

    def __len__(self) -> int:
        return len(self._starts) - 1


class PackedStrings(_Rows[str]):
    """Texts, in order, as one string and the offset where each starts.

    >>> words = PackedStrings.build(["perdue", "", "köln"])
    >>> words[0], words[2], words[-1], len(words), list(words)
    ('perdue', 'köln', 'köln', 3, ['perdue', '', 'köln'])
    """

    __slots__ = ("_text",)

    def __init__(self, text: str, starts: memoryview) -> None:
        super().__init__(starts)
        self._text = text
        """Every text, one after another."""

    @classmethod
    def build(cls, texts: Iterable[str]) -> PackedStrings:
        texts = list(texts)
        return cls("".join(texts), _starts_of(map(len, texts)))

    def _parts(self) -> tuple[Any, ...]:
        return self._text, self._starts

    def _item(self, i: int) -> str:
        starts = self._starts
        return self._text[starts[i]:starts[i + 1]]

    def __iter__(self) -> Iterator[str]:
        starts = self._starts
        return map(self._text.__getitem__, map(slice, starts, starts[1:]))




def _text_hash(text: str) -> int:
    """A 32-bit hash of ``text`` that is the same in every process; a lookup checks the text too."""
    return zlib.crc32(text.encode("utf-8", "surrogatepass"))


class StringIds(_Packed, Mapping[str, int]):
    """Text -> its first position in a ``PackedStrings``: a dict of the strings' positions.

    >>> ids = StringIds.build(PackedStrings.build(["koeln", "paris", "koeln"]))
    >>> ids["paris"], ids.get("koeln"), ids.get("lyon"), "lyon" in ids, len(ids)
    (1, 0, None, False, 2)
    """

    __slots__ = ("_hashes", "_order", "_recent", "_size", "_strings")

    def __init__(self, strings: PackedStrings, hashes: memoryview, order: memoryview, size: int) -> None:
        self._strings = strings
        self._hashes = hashes
        """Each listed position's text hash, ascending."""
        self._order = order
        """The positions, in the order of their hashes (first position first where hashes tie)."""
        self._size = size
        """Distinct texts."""
        self._recent: dict[str, int] = {}
        """Texts looked up lately, with their positions (-1: not held; ``remember``)."""

    @classmethod
    def build(cls, strings: PackedStrings) -> StringIds:
        first: dict[str, int] = {}
        for position, text in enumerate(strings):
            first.setdefault(text, position)
        hashes = list(map(_text_hash, first))
        positions = list(first.values())
        # A stable sort of positions in ascending order: where hashes tie, the first comes first.
        order = sorted(range(len(hashes)), key=hashes.__getitem__)
        return cls(strings, _numbers("I", map(hashes.__getitem__, order)),
                   _numbers("I", map(positions.__getitem__, order)), len(first))

    def _parts(self) -> tuple[Any, ...]:
        return self._strings, self._hashes, self._order, self._size

    @property
    def strings(self) -> PackedStrings:
        """The texts, in order, repeats and all."""
        return self._strings

    def position(self, key: object) -> int:
        """The first position of ``key``, or -1."""
        if not isinstance(key, str):
            return -1
        found = self._recent.get(key)
        return remember(self._recent, key, self._look_up(key)) if found is None else found

    def _look_up(self, key: str) -> int:
        key_hash = _text_hash(key)
        hashes, order, strings = self._hashes, self._order, self._strings
        i = bisect_left(hashes, key_hash)
        while i < len(hashes) and hashes[i] == key_hash:
            if strings[order[i]] == key:
                return order[i]
            i += 1
        return -1

    def get(self, key: object, default: Any = None) -> Any:
        found = self.position(key)
        return default if found < 0 else found

    def __getitem__(self, key: str) -> int:
        found: int | None = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        found = self._recent.get(key) if isinstance(key, str) else -1  # inline: asked in loops
        return (found if found is not None else self.position(key)) >= 0

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[str]:
        return (self._strings[p] for p in sorted(self._order))


class StringSet(_Packed, AbstractSet[str]):
    """A frozen set of texts, packed.

    >>> names = StringSet.build(["ann", "bob", "ann"])
    >>> "ann" in names, "eve" in names, len(names), sorted(names)
    (True, False, 2, ['ann', 'bob'])
    """

    __slots__ = ("_ids",)

    def __init__(self, ids: StringIds) -> None:
        self._ids = ids

    @classmethod
    def build(cls, texts: Iterable[str]) -> StringSet:
        return cls(StringIds.build(PackedStrings.build(sorted(set(texts)))))

    def _parts(self) -> tuple[Any, ...]:
        return (self._ids,)

    @classmethod
    def _from_iterable(cls, texts: Iterable[Any]) -> frozenset[Any]:
        """What ``|``, ``&`` and ``-`` give: a frozenset, as a built index's sets are."""
        return frozenset(texts)

    def __hash__(self) -> int:
        return self._hash()

    def __contains__(self, text: object) -> bool:
        return text in self._ids

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)


class Ragged(_Rows[tuple[int, ...]]):
    """Rows of numbers (0 to 2**32 - 1), as one array and where each row starts.

    >>> rows = Ragged.build([[3, 1], [], [7]])
    >>> rows[0], rows[1], rows[-1], len(rows), rows.width(0)
    ((3, 1), (), (7,), 3, 2)
    """

    __slots__ = ("_members", "_recent")

    def __init__(self, starts: memoryview, members: memoryview) -> None:
        super().__init__(starts)
        self._members = members
        self._recent: dict[int, tuple[int, ...]] = {}
        """Rows read lately (``remember``)."""

    @classmethod
    def build(cls, rows: Iterable[Iterable[int]]) -> Ragged:
        packed = [tuple(row) for row in rows]
        return cls(_starts_of(map(len, packed)), _numbers("I", list(itertools.chain.from_iterable(packed))))

    def _parts(self) -> tuple[Any, ...]:
        return self._starts, self._members

    def _item(self, i: int) -> tuple[int, ...]:
        found = self._recent.get(i)
        if found is None:
            starts = self._starts
            found = remember(self._recent, i, tuple(self._members[starts[i]:starts[i + 1]]))
        return found

    def width(self, i: int) -> int:
        """How many numbers row ``i`` holds, without making the row."""
        i = position_in(i, len(self))
        return self._starts[i + 1] - self._starts[i]


class PackedRecords(_Rows[Any]):
    """Small records (tuples of plain values), each pickled on its own and read back on demand.

    >>> records = PackedRecords.build([("koeln", 1), ("paris", None)])
    >>> records[1], len(records)
    (('paris', None), 2)
    """

    __slots__ = ("_blob",)

    def __init__(self, blob: memoryview, starts: memoryview) -> None:
        super().__init__(starts)
        self._blob = blob

    @classmethod
    def build(cls, records: Iterable[Any]) -> PackedRecords:
        pickled = [pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL) for record in records]
        return cls(memoryview(b"".join(pickled)), _starts_of(map(len, pickled)))

    def _parts(self) -> tuple[Any, ...]:
        return self._blob, self._starts

    def _item(self, i: int) -> Any:
        starts = self._starts
        return pickle.loads(self._blob[starts[i]:starts[i + 1]])


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


class KeyTable(_Packed):
    """Key -> the numbers filed under it, in the order given.

    The keys themselves are not kept: the candidate keys of a gallery's words (every one-letter
    deletion, phonetic and skeleton keys) run to about fifteen a word, and a 64-bit hash
    tells them apart but for about one chance in a million at ten million keys.

    >>> table = KeyTable.build({"rafe": [1, 3], "rfe": [2]})
    >>> list(table.get("rafe")), list(table.get("rfe")), list(table.get("nobody"))
    ([1, 3], [2], [])
    >>> len(table)
    2
    """

    __slots__ = ("_hashes", "_members", "_starts")

    def __init__(self, hashes: memoryview, starts: memoryview, members: memoryview) -> None:
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
        hashes = list(map(key_hashes.__getitem__, order))
        filed = list(map(unordered.__getitem__, order))
        if any(map(operator.eq, hashes, hashes[1:])):  # two keys, one hash: their numbers merge
            merged: dict[int, list[int]] = {}
            for key_hash, numbers in zip(hashes, filed):
                merged.setdefault(key_hash, []).extend(numbers)
            hashes, filed = list(merged), [sorted(set(numbers)) for numbers in merged.values()]
        return cls(_numbers("q", hashes), _starts_of(map(len, filed)), _numbers("I", itertools.chain.from_iterable(filed)))

    def _parts(self) -> tuple[Any, ...]:
        return self._hashes, self._starts, self._members

    def get(self, key: str, default: object = None) -> Sequence[int]:
        """The numbers filed under ``key``, empty when there are none. ``default`` is taken and
        not used, so that callers may write ``table.get(key, ())`` of a dict or a table alike."""
        key_hash = _key_hash(key)
        i = bisect_left(self._hashes, key_hash)
        if i == len(self._hashes) or self._hashes[i] != key_hash:
            return _EMPTY
        return self._members[self._starts[i]:self._starts[i + 1]]

    def __len__(self) -> int:
        return len(self._hashes)
