"""Korean names in Latin letters: the Revised Romanization, McCune-Reischauer and the spellings
Koreans use for their surnames, one name whichever is written."""

from __future__ import annotations

import pytest

import namenorm
from namenorm.korean import hangul_syllable, korean_spelling
from namenorm.normalize import normalize_name


@pytest.mark.parametrize("one, other", [
    ("Park Geun-hye", "Pak Kun-hye"), ("Park Geun-hye", "Pak Kŭn-hye"), ("Park Geun-hye", "Bak Geun-hye"),
    ("Roh Moo-hyun", "No Mu-hyun"),
    ("Kim Yo-jong", "Kim Yeo-jeong"), ("Ri Pyong-chol", "Lee Byeong-cheol"), ("Choe Ryong-hae", "Choi Ryong-hae"),
    ("Kim Dae-jung", "Kim Tae-chung"), ("Moon Jae-in", "Mun Chae-in"), ("Ban Ki-moon", "Pan Ki-mun"),
])
def test_both_systems_spell_a_korean_name_alike(one, other):
    def spelled(name: str) -> str:  # "" for a name written so already
        return korean_spelling(name) or normalize_name(name)

    assert spelled(one) == spelled(other) and normalize_name(one) != normalize_name(other)


@pytest.mark.parametrize("name", ["John Smith", "Kim Morgan", "Lee Ann", "Park Avenue Hotel", "Jo", "Kim Jong Un Sr"])
def test_a_name_that_is_no_korean_name_or_reads_two_ways_has_no_korean_spelling(name):
    assert korean_spelling(name) == ""


def test_a_given_name_written_as_one_word_is_not_read():
    # "ewing" reads as two Korean syllables, "jongun" as two ways of two.
    assert korean_spelling("Jo Ewing") == korean_spelling("Kim Jongun") == korean_spelling("Park Geunhye") == ""


def test_hangul_syllables_by_the_revised_romanization():
    assert [hangul_syllable(ch) for ch in "박근혜"] == ["bak", "geun", "hye"]


@pytest.fixture(scope="module")
def koreans() -> namenorm.Resolver:
    return namenorm.Resolver([
        namenorm.Entity("park", "Park Geun-hye", "person"), namenorm.Entity("roh", "Roh Moo-hyun", "person"),
        namenorm.Entity("ri", "Ri Pyong-chol", "person"), namenorm.Entity("moon", "Moon Jae-in", "person"),
        namenorm.Entity("pak-pong-ju", "Pak Pong-ju", "person"), namenorm.Entity("smith", "John Smith", "person"),
        namenorm.Entity("jo-ewing", "Jo Ewing", "person")])


@pytest.mark.parametrize("query, expected", [
    ("Pak Kun-hye", "park"), ("Bak Geun-hye", "park"), ("박근혜", "park"), ("No Mu-hyun", "roh"),
    ("Lee Byeong-cheol", "ri"), ("Yi Pyong-chol", "ri"), ("Mun Chae-in", "moon"), ("Moon Jaein", "moon"),
    ("Park Bong-ju", "pak-pong-ju"),
    ("Jo Ewing", "jo-ewing"),
    ("Geun-hye Park", "park"), ("Jae-in Moon", "moon"),  # given name first, its syllables in order
])
def test_a_korean_name_in_either_system_finds_its_person(koreans, query, expected):
    match = koreans.resolve(query)
    assert match is not None and match.id == expected, koreans.candidates(query)


@pytest.mark.parametrize("query", ["Park Geun-ho", "Pak Kun-hyok", "Ri Pyong-son", "Moon Jae-hyun", "Cho Ewing",
                                   "Moon Injae",  # its syllables in another order
                                   "Park Hye-geun", "Pak Hye-kun", "Moon In-jae", "Hye-geun Park"])
def test_another_korean_name_in_either_system_is_a_stranger(koreans, query):
    assert koreans.resolve(query) is None, koreans.candidates(query)
