from __future__ import annotations

import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namenorm import packed
from namenorm.keys import PackedWordKeys, word_keys
from namenorm.packed import KeyTable, PackedRecords, PackedStrings, Ragged, StringIds, StringSet

_keys = st.text(alphabet="abcdeéж\x01\x02", max_size=6)
_texts = st.lists(st.text(alphabet="ab é\U0001f600\ud800", max_size=5), max_size=30)
_tables = st.dictionaries(_keys, st.lists(st.integers(0, 2**32 - 1), min_size=1, max_size=5, unique=True).map(sorted), max_size=40)
_rows = st.lists(st.lists(st.integers(0, 2**32 - 1), max_size=4), max_size=30)


def _round_trips(table: object) -> list[Any]:
    """``table`` read back as a cache reads it (out-of-band, read-only buffers), as a worker
    process receives it (protocol 4) and pickled in-band (protocol 5)."""
    buffers: list[pickle.PickleBuffer] = []
    with packed.buffers_out_of_band():
        stream = pickle.dumps(table, protocol=5, buffer_callback=buffers.append)
    mapped = pickle.loads(stream, buffers=[memoryview(bytes(b.raw())) for b in buffers])
    return [mapped, pickle.loads(pickle.dumps(table, protocol=4)), pickle.loads(pickle.dumps(table, protocol=5))]


@given(_tables, st.lists(_keys, max_size=10))
def test_packed_table_answers_as_the_dict_it_was_built_from(table: dict[str, list[int]], others: list[str]) -> None:
    keyed = KeyTable.build(table)
    assert len(keyed) == len(table)
    for key in [*table, *others]:
        assert list(keyed.get(key)) == table.get(key, [])


@given(_tables)
def test_packed_table_survives_pickling(table: dict[str, list[int]]) -> None:
    keyed = KeyTable.build(table)
    for restored in _round_trips(keyed):
        assert {key: list(restored.get(key)) for key in table} == {key: list(keyed.get(key)) for key in table}


@given(_tables)
def test_keys_that_share_a_hash_share_their_members(table: dict[str, list[int]]) -> None:
    original = packed._digest
    packed._digest = lambda key: len(key).to_bytes(8, "little")  # every key of one length collides
    try:
        keyed = KeyTable.build(table)
        by_length: dict[int, set[int]] = {}
        for key, members in table.items():
            by_length.setdefault(len(key), set()).update(members)
        assert len(keyed) == len(by_length)
        for key in table:
            assert list(keyed.get(key)) == sorted(by_length[len(key)])
    finally:
        packed._digest = original


@given(_texts, st.lists(st.text(alphabet="abé", max_size=4), max_size=5))
def test_packed_strings_and_their_ids_answer_as_a_list_and_a_dict(texts: list[str], others: list[str]) -> None:
    first = {}
    for i, text in enumerate(texts):
        first.setdefault(text, i)
    strings = StringIds.build(PackedStrings.build(texts))
    names = StringSet.build(texts)
    for ids, words in [(strings, names), *zip(_round_trips(strings), _round_trips(names))]:
        assert list(ids.strings) == texts and len(ids.strings) == len(texts)
        assert [ids.strings[i] for i in range(-len(texts), len(texts))] == texts + texts
        assert dict(ids) == first and len(ids) == len(first)
        assert set(words) == set(texts) and len(words) == len(first)
        for text in [*texts, *others]:
            assert ids.get(text) == first.get(text)
            assert (text in words) == (text in first)
        with pytest.raises(IndexError):
            ids.strings[len(texts)]
        with pytest.raises(KeyError):
            ids["not" * 3]


def test_texts_whose_hashes_collide_are_told_apart_by_their_text() -> None:
    original = packed._text_hash
    packed._text_hash = lambda text: 7  # every text one hash
    try:
        ids = StringIds.build(PackedStrings.build(["ann", "bob", "cy", "bob"]))
        assert [ids.get(t) for t in ("ann", "bob", "cy", "dee")] == [0, 1, 2, None]
    finally:
        packed._text_hash = original


@given(_rows)
def test_ragged_rows_read_back_as_tuples(rows: list[list[int]]) -> None:
    for table in [Ragged.build(rows), *_round_trips(Ragged.build(rows))]:
        assert list(table) == [tuple(row) for row in rows]
        assert [table.width(i) for i in range(len(rows))] == [len(row) for row in rows]


def test_records_and_word_keys_read_back_as_they_were() -> None:
    records = [("koeln", "Köln", ("Cologne",), {"wikidata": "Q365"}, None, 3), ()]
    for table in [PackedRecords.build(records), *_round_trips(PackedRecords.build(records))]:
        assert list(table) == records and table[-1] == ()
    words = ["perdue", "köln", "李", "raffensperger"]
    keyed = PackedWordKeys.build(PackedStrings.build(words))
    for table in [keyed, *_round_trips(keyed)]:
        assert list(table) == [word_keys(w) for w in words] and table[-1] == word_keys("raffensperger")


def test_tables_pickle_in_band_unless_asked() -> None:
    """Another pickler that asks for buffers (Dask's) gets bytes: a PickleBuffer over a memoryview
    left in a reference loop crashes the garbage collector of Pythons before 3.13."""
    buffers: list[pickle.PickleBuffer] = []
    stream = pickle.dumps(Ragged.build([[1, 2]]), protocol=5, buffer_callback=buffers.append)
    assert buffers == [] and list(pickle.loads(stream)) == [(1, 2)]
    with packed.buffers_out_of_band():
        pickle.dumps(Ragged.build([[1, 2]]), protocol=5, buffer_callback=buffers.append)
    assert len(buffers) == 2


def test_packed_tables_read_out_of_range_and_set_operations_as_lists_and_frozensets_do() -> None:
    names = StringSet.build(["ann", "bob"])
    assert names | {"cy"} == frozenset({"ann", "bob", "cy"}) and names & {"bob", "dee"} == {"bob"}
    assert hash(names) == hash(frozenset({"ann", "bob"}))
    rows = Ragged.build([[1], [2, 3]])
    assert rows.width(-1) == 2 and rows[-2] == (1,)
    keyed = PackedWordKeys.build(PackedStrings.build(["aa", "bb"]))
    for table in (rows, keyed, PackedStrings.build(["aa", "bb"]), PackedRecords.build([1, 2])):
        for outside in (2, -3):
            with pytest.raises(IndexError):
                table[outside]
    with pytest.raises(IndexError):
        rows.width(2)
