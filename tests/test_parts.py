"""A person's name in parts: which word is the given name, the surname, the suffix."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namenorm.parts import (
    GENERATIONAL,
    PARTICLES,
    given_name_sex,
    parse_person,
    surname_start,
    title_sex,
)


def _roles(name: str, given: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    return [(p.text, p.role) for p in parse_person(name.split(), given)]


@pytest.mark.parametrize("name,expected", [
    ("brad raffensperger", [("brad", "given"), ("raffensperger", "surname")]),
    ("ludwig van beethoven", [("ludwig", "given"), ("van", "particle"), ("beethoven", "surname")]),
    ("johannes van der berg", [("johannes", "given"), ("van", "particle"), ("der", "particle"),
                               ("berg", "surname")]),
    ("gabriel garcia marquez", [("gabriel", "given"), ("garcia", "surname"), ("marquez", "surname")]),
    ("h w bush", [("h", "initial"), ("w", "initial"), ("bush", "surname")]),
    ("madonna", [("madonna", "surname")]),
])
def test_roles_of_real_names(name, expected):
    assert _roles(name) == expected


def test_a_known_given_name_never_starts_a_double_surname():
    assert _roles("donald john trump jr", frozenset({"john"})) == [
        ("donald", "given"), ("john", "middle"), ("trump", "surname"), ("jr", "suffix")]
    # Martin Luther King: "luther" is a given name here, so King alone is the surname.
    assert _roles("martin luther king jr", frozenset({"luther"})) == [
        ("martin", "given"), ("luther", "middle"), ("king", "surname"), ("jr", "suffix")]
    assert surname_start(["maria", "jon", "halvorsen"], {"jon"}) == 2


def test_a_lone_suffix_word_is_a_name_not_a_suffix():
    assert _roles("v") == [("v", "surname")]
    assert _roles("jr sr") == [("jr", "surname"), ("sr", "suffix")]


def test_odd_names_get_one_role_per_word():
    for name in ("van der", "al", "de la cruz", "j r r tolkien", "x"):
        assert [text for text, _ in _roles(name)] == name.split()
    assert _roles("") == []


_WORDS = st.lists(st.sampled_from(sorted(PARTICLES | GENERATIONAL) + ["anna", "b", "cruz", "lee", "o"]),
                  max_size=6)


@given(_WORDS)
def test_every_word_gets_one_role_and_one_surname_ends_the_name(words):
    parts = parse_person(words)
    assert [p.text for p in parts] == words
    core = [p for p in parts if p.role != "suffix"]
    if core:
        assert core[-1].role == "surname"  # the last word that is not a suffix is the surname
    roles = [p.role for p in parts]
    assert roles == sorted(roles, key=lambda r: r in ("particle", "surname", "suffix"))


def test_sexes_of_titles_and_given_names_come_from_the_tables():
    assert (title_sex(["mrs"]), title_sex(["ms"]), title_sex(["queen"]), title_sex(["sir"])) == ("f", "f", "f", "m")
    assert title_sex(["senator"]) == title_sex(["mr", "mrs"]) == title_sex([]) == ""
    assert (given_name_sex("brad"), given_name_sex("kamala"), given_name_sex("kim")) == ("m", "f", "")
    assert given_name_sex("no such name") == ""
