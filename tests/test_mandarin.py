"""Chinese names in pinyin and in Wade-Giles: each read as the other spells it."""

from __future__ import annotations

import pytest

import namenorm
from namenorm.datafiles import data_lines
from namenorm.mandarin import as_pinyin, as_wade_giles, wade_giles_syllables


@pytest.mark.parametrize("wade_giles, pinyin", [
    ("Mao Tse-tung", "mao zedong"), ("Mao Tsetung", "mao zedong"), ("Mao Tse Tung", "mao zedong"),
    ("Teng Hsiao-p'ing", "deng xiaoping"), ("Teng Hsiao-ping", "deng xiaoping"),  # the apostrophe left out
    ("Chou En-lai", "zhou enlai"), ("Chiang Ching-kuo", "jiang jingguo"), ("Kuang-chou", "guangzhou"),
])
def test_a_name_in_wade_giles_reads_as_pinyin(wade_giles, pinyin):
    assert pinyin in as_pinyin(wade_giles)


@pytest.mark.parametrize("pinyin, wade_giles", [
    ("Cai Yingwen", "tsai ying wen"), ("Xi Jinping", "hsi chin ping"), ("Jiang Jingguo", "chiang ching kuo"),
])
def test_a_name_in_pinyin_reads_as_wade_giles(pinyin, wade_giles):
    assert as_wade_giles(pinyin) == wade_giles


@pytest.mark.parametrize("name", ["John Smith", "Anna Chen", "Chen", "Pan", "Tina Turner", "Lee Teng-hui", "Diane Lee",
                                  "Li Na", "Xi Jinping"])
def test_a_name_either_system_spells_alike_or_neither_spells_has_no_wade_giles_reading(name):
    assert as_pinyin(name) == ()


@pytest.mark.parametrize("name", ["John Smith", "Anna Chen", "Chen", "Lee Teng-hui", "Diane Lee", "Mao Tse-tung",
                                  "Rubin", "Beijing"])  # one word is as often an English one
def test_a_name_that_is_no_run_of_pinyin_syllables_has_no_pinyin_reading(name):
    assert as_wade_giles(name) == ""


def test_a_long_name_of_ambiguous_syllables_is_read_a_few_ways_only():
    # Sixteen syllables of up to four readings each: billions of ways, of which four are read.
    name = "Chu Chu-chu-chu-chu Chu-chu-chu-chu Chu-chu-chu-chu"
    assert 1 <= len(as_pinyin(name)) <= 4


def test_every_syllable_of_the_table_reads_back():
    # Written with its apostrophe or without, a Wade-Giles syllable may be read as its own pinyin.
    for pinyin, wade_giles in (line.split("\t") for line in data_lines("wade_giles.tsv")):
        for written in {wade_giles, wade_giles.replace("'", "")}:
            readings = wade_giles_syllables(written)
            assert readings is not None and pinyin in readings[0][0], (pinyin, written)


@pytest.fixture(scope="module")
def leaders() -> namenorm.Resolver:
    return namenorm.Resolver([
        namenorm.Entity("mao", "Mao Zedong", "person"), namenorm.Entity("deng", "Deng Xiaoping", "person"),
        namenorm.Entity("tsai", "Tsai Ing-wen", "person"), namenorm.Entity("chiang", "Chiang Ching-kuo", "person"),
        namenorm.Entity("lai", "Lai Ching-te", "person"), namenorm.Entity("smith", "John Smith", "person")])


@pytest.mark.parametrize("query, expected", [
    ("Mao Tse-tung", "mao"), ("Mao Tsetung", "mao"), ("Teng Hsiao-p'ing", "deng"), ("Teng Hsiao-ping", "deng"),
    ("Cai Yingwen", "tsai"), ("Jiang Jingguo", "chiang"), ("Lai Qingde", "lai"),
    ("蔡英文", "tsai"), ("蒋经国", "chiang"), ("赖清德", "lai"),  # Han, read in Wade-Giles too
])
def test_a_chinese_name_in_either_system_finds_its_person(leaders, query, expected):
    match = leaders.resolve(query)
    assert match is not None and match.id == expected, leaders.candidates(query)


@pytest.mark.parametrize("query", ["Mao Tse-min", "Teng Hsiao-hua", "Cai Yingjie", "Chiang Kai-shek", "Lai Qingfeng"])
def test_another_chinese_name_in_either_system_is_a_stranger(leaders, query):
    assert leaders.resolve(query) is None, leaders.candidates(query)


def test_each_common_chinese_surname_is_one_pinyin_syllable():
    # The table is read as pinyin (mandarin.surname_first): a line that is no syllable is a typo.
    from namenorm.mandarin import _pinyin_syllables

    surnames = [line.strip() for line in data_lines("chinese_surnames.txt")]
    assert len(surnames) == len(set(surnames)) > 50
    assert [s for s in surnames if _pinyin_syllables(s) != (s,)] == []
