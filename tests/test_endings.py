"""Names as Lithuanian, Latvian, Russian and Ukrainian decline them (``namenorm.endings``)."""

from __future__ import annotations

import pytest

from namenorm import Entity, Resolver
from namenorm.endings import without_endings
from namenorm.scoring import known_names

PEOPLE = [Entity("donald-trump", "Donald Trump", "person"), Entity("vladimir-putin", "Vladimir Putin", "person"),
          Entity("emmanuel-macron", "Emmanuel Macron", "person"), Entity("jon-smith", "Jon Smith", "person")]
# As a news file lists them, with the Russian press's names beside the English.
WRITTEN_IN_CYRILLIC_TOO = [Entity("joe-biden", "Joe Biden", "person", aliases=("Джо Байден",)),
                           Entity("olaf-scholz", "Olaf Scholz", "person", aliases=("Олаф Шольц",))]
# Cities the bundled tables would name in Lithuanian and Latvian are read without them.
CITIES = [Entity("dakar", "Dakar", "place"), Entity("nairobi", "Nairobi", "place"),
          Entity("banjul", "Banjul", "place"), Entity("london", "London", "place"),
          Entity("lagos", "Lagos", "place")]


@pytest.mark.parametrize(("name", "expected"), [
    ("Donaldas Trampas", "donald-trump"),        # Lithuanian
    ("Donalds Tramps", "donald-trump"),          # Latvian
    ("Vladimiras Putinas", "vladimir-putin"), ("Vladimirs Putins", "vladimir-putin"),
    ("Emanuelis Makronas", "emmanuel-macron"), ("Emanuels Makrons", "emmanuel-macron"),
])
def test_a_person_is_found_by_the_name_the_baltic_press_writes(name: str, expected: str) -> None:
    match = Resolver(PEOPLE, place_names=()).resolve(name)
    assert match is not None and match.id == expected, name


@pytest.mark.parametrize(("name", "expected"), [
    ("Džo Baidenas", "joe-biden"), ("Džo Baidens", "joe-biden"),   # "Džo" takes no ending
    ("Olafas Šolcas", "olaf-scholz"), ("Olafs Šolcs", "olaf-scholz"),
])
def test_the_stem_is_spelled_as_a_slavic_scheme_spells_its_letters(name: str, expected: str) -> None:
    # Šolc, Baiden: the sounds of Scholz and Biden as the Baltic languages spell them, which the
    # Russian press's names spell alike (Шольц "sholts").
    match = Resolver(WRITTEN_IN_CYRILLIC_TOO, place_names=()).resolve(name)
    assert match is not None and match.id == expected, name


@pytest.mark.parametrize(("name", "expected"), [
    ("Dakaras", "dakar"), ("Dakara", "dakar"),          # Lithuanian, Latvian
    ("Nairobis", "nairobi"),                              # Lithuanian's -s after an i
    ("Bandžulis", "banjul"), ("Bandžula", "banjul"),
    ("Londonas", "london"), ("Londona", "london"),
])
def test_a_city_is_found_by_its_baltic_name(name: str, expected: str) -> None:
    match = Resolver(CITIES, place_names=()).resolve(name)
    assert match is not None and match.id == expected, name


def test_a_name_people_have_is_read_as_written() -> None:
    # Jonas, Markus and Thomas are names of their own, not Jon, Mark and Thom declined.
    for name in ["Jonas", "Markus", "Thomas"]:
        assert without_endings(name, known_names()) == (), name
    # Nor is an English surname beside an English given name read as a Latvian one: Scoggins is
    # no Scoggin, Bowne no Bown.
    for name in ["Stephen Scoggins", "Jose Bowne", "David Towns"]:
        assert without_endings(name, known_names()) == (), name


def test_a_letter_typed_twice_is_no_ending() -> None:
    assert without_endings("Lagoss") == ()
    match = Resolver(CITIES, place_names=()).resolve("Lagoss")
    assert match is not None and match.method != "transliteration"


@pytest.mark.parametrize(("name", "expected"), [
    ("Дональда Трампа", "donald-trump"), ("Дональдом Трампом", "donald-trump"),   # of, with Donald Trump
    ("Владимира Путина", "vladimir-putin"), ("Владимиром Путиным", "vladimir-putin"), ("Путиным", "vladimir-putin"),
    ("Дональдові Трампові", "donald-trump"),                                         # Ukrainian: to Donald Trump
])
def test_a_person_is_found_in_the_case_russian_and_ukrainian_text_put_them_in(name: str, expected: str) -> None:
    match = Resolver(PEOPLE, place_names=()).resolve(name)
    assert match is not None and match.id == expected, name


@pytest.mark.parametrize(("name", "expected"), [
    ("Лондоне", "london"), ("Лондона", "london"), ("Дакаре", "dakar"),   # in London, of London
    ("Германии", "germany"), ("Франції", "france"),                   # the country table's Германия, Франція
])
def test_a_place_is_found_in_the_case_russian_and_ukrainian_text_put_it_in(name: str, expected: str) -> None:
    resolver = Resolver([*CITIES, Entity("germany", "Germany", "place"), Entity("france", "France", "place")])
    match = resolver.resolve(name)
    assert match is not None and match.id == expected, name


def test_a_russian_womans_name_is_read_as_written() -> None:
    # Анна and Мартина are names of their own, not Ann and Martin declined.
    assert without_endings("Анна", known_names()) == without_endings("Мартина", known_names()) == ()


def test_only_latin_and_cyrillic_names_are_read_so() -> None:
    assert without_endings("東京") == without_endings("서울") == ()
    assert without_endings("Trump") == without_endings("Трамп") == ()


def test_a_stress_mark_is_no_letter_of_the_ending() -> None:
    # Dictionaries and primers mark the stress: Тра́мпа is Трампа.
    assert without_endings("Тра́мпа") == without_endings("Трампа") == ("трамп",)


def test_a_common_english_word_is_read_as_written() -> None:
    # "Change" opening a sentence is no Latvian "Chang" declined: scanned, it was Chung Sye-kyun's.
    engine = Resolver(PEOPLE, place_names=()).engine
    assert engine.prepare("Change").undeclined == engine.prepare("Price").undeclined == ()
    assert engine.prepare("Trampas").undeclined == ("tramp",)
