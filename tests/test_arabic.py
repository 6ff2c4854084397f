"""Arabic names in Latin letters: the ways English writes one servitude compound ("Abd al-Rahman",
"Abdulrahman", "Abdur Rahman") and "son of" (bin, ibn) are one name."""

from __future__ import annotations

import pytest

from namenorm import Entity, Resolver
from namenorm.arabic import arabic_spelling
from namenorm.normalize import normalize_name


@pytest.mark.parametrize("one, other", [
    ("Abd al-Rahman", "Abdulrahman"), ("Abd al-Rahman", "Abdul Rahman"), ("Abd ar-Rahman", "Abdurrahman"),
    ("Abdel Rahman", "Abdur Rahman"), ("Abd al-Aziz", "Abdelaziz"), ("Abd al-Aziz", "Abdul-Aziz"),
    ("Abdullah", "Abdallah"), ("Abd Allah", "Abdullah"), ("Abd as-Salam", "Abdussalam"),
    ("Abd al-Qadir", "Abdulqadir"), ("Muhammad ibn Salman", "Muhammad bin Salman"),
])
def test_every_spelling_of_a_compound_is_one_name(one, other):
    def spelled(name: str) -> str:  # the name as written where it has nothing to respell
        return arabic_spelling(name) or normalize_name(name)

    assert spelled(one) == spelled(other) and normalize_name(one) != normalize_name(other)


@pytest.mark.parametrize("name", ["Abdi Farah", "Ibn Battuta", "Abdul", "Abdomen Smith", "Benjamin Netanyahu",
                                  "Abdrahman Al Thani", ""])
def test_a_name_with_nothing_to_respell_has_no_arabic_spelling(name):
    # "Abdi" is a name of its own, "Ibn" leading a name has no other spelling, a lone "Abdul"
    # joins nothing, and a name written so already stays as it is.
    assert arabic_spelling(name) is None


def test_a_gallery_name_is_found_by_every_spelling_of_its_compounds():
    resolver = Resolver([Entity("thani", "Abdulrahman Al-Thani", "person"),
                         Entity("wahid", "Abdurrahman Wahid", "person"),
                         Entity("mbs", "Mohammed bin Salman", "person"),
                         Entity("bouteflika", "Abd al-Aziz Bouteflika", "person")])
    for query, expected in [("Abd al-Rahman Al Thani", "thani"), ("Abdul Rahman Al-Thani", "thani"),
                            ("Abd ar-Rahman Wahid", "wahid"), ("Abdelaziz Bouteflika", "bouteflika"),
                            ("Abdul Aziz Bouteflika", "bouteflika"), ("Muhammad ibn Salman", "mbs")]:
        match = resolver.resolve(query)
        assert match is not None and match.id == expected, query
    # Another servant's name is another person's.
    assert resolver.resolve("Abd al-Rahman Bouteflika") is None


def test_an_honorific_before_the_name_is_a_title():
    resolver = Resolver([Entity("khamenei", "Ali Khamenei", "person"),
                         Entity("geelani", "Syed Ali Shah Geelani", "person")])
    for query in ("Seyed Ali Khamenei", "Sayyid Ali Khamenei", "Grand Ayatollah Ali Khamenei"):
        assert resolver.resolve(query).id == "khamenei"
    assert resolver.resolve("Syed Ali Shah Geelani").id == "geelani"  # a name that begins with one
