from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from namenorm import keytable
from namenorm.keytable import KeyTable

_keys = st.text(alphabet="abcdeéж\x01\x02", max_size=6)
_tables = st.dictionaries(_keys, st.lists(st.integers(0, 2**32 - 1), min_size=1, max_size=5, unique=True).map(sorted), max_size=40)


@given(_tables, st.lists(_keys, max_size=10))
def test_packed_table_answers_as_the_dict_it_was_built_from(table: dict[str, list[int]], others: list[str]) -> None:
    packed = KeyTable.build(table)
    assert len(packed) == len(table)
    for key in [*table, *others]:
        assert list(packed.get(key)) == table.get(key, [])


@given(_tables)
def test_packed_table_survives_pickling(table: dict[str, list[int]]) -> None:
    packed = KeyTable.build(table)
    restored = pickle.loads(pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL))
    assert {key: list(restored.get(key)) for key in table} == {key: list(packed.get(key)) for key in table}


@given(_tables)
def test_keys_that_share_a_hash_share_their_members(table: dict[str, list[int]]) -> None:
    original = keytable._digest
    keytable._digest = lambda key: len(key).to_bytes(8, "little")  # every key of one length collides
    try:
        packed = KeyTable.build(table)
        by_length: dict[int, set[int]] = {}
        for key, members in table.items():
            by_length.setdefault(len(key), set()).update(members)
        assert len(packed) == len(by_length)
        for key in table:
            assert list(packed.get(key)) == sorted(by_length[len(key)])
    finally:
        keytable._digest = original
