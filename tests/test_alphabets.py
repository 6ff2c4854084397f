"""Names in Latin letters as other languages' alphabets write them (``namenorm.alphabets``)."""

from __future__ import annotations

import pytest

import namenorm
from namenorm.alphabets import alphabet_spellings
from namenorm.datafiles import data_lines

_CITIES = ("Chicago", "Banjul", "Krasnoyarsk", "Riga", "Kamchatka", "Shanghai", "Lagos", "Muscat",
           "Djibouti", "Bujumbura", "Ho Chi Minh City", "Istanbul", "Zurich", "Tashkent")


@pytest.fixture(scope="module")
def cities() -> namenorm.Resolver:
    return namenorm.Resolver([namenorm.Entity(name.lower().replace(" ", "-"), name, "place") for name in _CITIES],
                             place_names=())


@pytest.mark.parametrize(("written", "meant"), [
    ("Çikago", "chicago"),  # Turkish and Azerbaijani ç: ch
    ("Çikaqo", "chicago"),  # Azerbaijani q: g
    ("Şanxay", "shanghai"),  # ş: sh, and Azerbaijani x: kh
    ("Banxhul", "banjul"),  # Albanian xh: j
    ("Buxhumburë", "bujumbura"),  # Albanian final ë where English writes a
    ("Rigë", "riga"),
    ("Krasznojarszk", "krasnoyarsk"),  # Hungarian sz: s, j: y
    ("Maszkat", "muscat"),
    ("Kamtxatka", "kamchatka"),  # Basque tx: ch
    ("Ho-Çi-Min", "ho-chi-minh-city"),
])
def test_a_place_written_by_another_latin_alphabet_is_found(cities: namenorm.Resolver, written: str,
                                                             meant: str) -> None:
    match = cities.resolve(written)
    assert match is not None and match.id == meant


def test_only_a_name_with_a_language_s_marks_is_read_by_its_alphabet() -> None:
    assert alphabet_spellings("Banxhul") == ["banjul"]
    assert alphabet_spellings("Oʻzbekiston") == alphabet_spellings("O'zbekiston") == ["ozbekiston"]
    # c is Azerbaijani's j only in a name that bears Azerbaijani's letters
    assert alphabet_spellings("Cuno") == []
    assert "jeyhun shahin" in alphabet_spellings("Ceyhun Şahin")
    # the q of "qu" and of pinyin's "qi" is no Azerbaijani or Albanian q
    assert alphabet_spellings("Jacques Chirac") == alphabet_spellings("Li Keqiang") == []


def test_a_name_of_another_alphabet_is_no_closer_to_a_stranger() -> None:
    # Read as Azerbaijani, "Qala" is "gala": no reason to answer it as Gaza or Galati.
    r = namenorm.Resolver([namenorm.Entity("gaza", "Gaza", "place"), namenorm.Entity("galati", "Galati", "place")],
                          place_names=())
    assert r.resolve("Qala") is None


def test_every_rule_of_the_table_is_well_formed_and_every_language_has_a_mark() -> None:
    marked: dict[str, bool] = {}
    for line in data_lines("latin_alphabets.tsv"):
        fields = line.split("\t")
        assert len(fields) == 4 and fields[3] in ("", "mark"), line
        language, written, _, mark = fields
        assert written.strip("-") and written == written.lower(), line
        marked[language] = marked.get(language, False) or mark == "mark"
    assert marked and all(marked.values()), marked
