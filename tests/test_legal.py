"""An organisation is named with its legal form or without it, abbreviated or spelled out."""

from __future__ import annotations

import pytest

from namenorm import Entity, Resolver
from namenorm.legal import legal_forms, without_legal_form
from namenorm.normalize import normalize_name


@pytest.fixture(scope="module")
def bodies() -> Resolver:
    return Resolver([Entity("vw", "Volkswagen AG", "org"), Entity("siemens", "Siemens", "org"),
                     Entity("rosneft", "Rosneft Oil Company", "org"),
                     Entity("huawei", "Huawei Technologies Co., Ltd.", "org"),
                     Entity("jordan", "Jordan", "place")])


def _bare(name: str) -> str:
    return " ".join(without_legal_form(normalize_name(name).split()))


def test_legal_forms_are_read_off_the_end_and_the_start():
    assert _bare("Siemens Aktiengesellschaft") == "siemens"
    assert _bare("ООО Ромашка") == "romashka"  # the Russian LLC leads
    assert _bare("Grupo Foo, S.A. de C.V.") == "grupo foo"  # a form of several words
    assert _bare("Holding AG") == "holding"  # never every word
    assert _bare("Bank of America") == "bank of america"
    assert {"gmbh", "plc", "pjsc", "public joint stock company"} <= legal_forms()
    assert {"se", "s e", "nv", "spa"} <= legal_forms()  # "SE" as often as "S.E."
    assert _bare("Amazon EU") == "amazon eu"  # a region, however cleanco lists "E.U."


@pytest.mark.parametrize(("query", "expected"), [
    ("Volkswagen", "vw"),                      # the gallery's form has a legal form, the query none
    ("Volkswagen GmbH", "vw"),                 # another legal form
    ("Siemens AG", "siemens"),                 # the query has one, the gallery's form none
    ("Siemens Aktiengesellschaft", "siemens"),
    ("PJSC Rosneft Oil Company", "rosneft"),
    ("Rosneft Oil", "rosneft"),
    ("Huawei Technologies Limited", "huawei"),
    ("Volkswagn AG", "vw"),                    # with a typo
    ("Siemens SE", "siemens"),                 # a form of initials written without its points
    ("Siemens S.E.", "siemens"),
])
def test_a_body_is_found_with_or_without_its_legal_form(bodies, query, expected):
    match = bodies.resolve(query)
    assert match is not None and match.id == expected, bodies.candidates(query)


def test_a_form_read_off_the_start_is_one_written_there():
    # "S.C." and "A.G." begin S.C. Johnson and A.G. Edwards as initials; ООО begins a Russian LLC.
    assert _bare("S.C. Johnson") == "s c johnson" and _bare("A.G. Edwards") == "a g edwards"
    resolver = Resolver([Entity("scj", "S.C. Johnson", "org"), Entity("smith", "Smith Ltd", "org"),
                         Entity("gm", "General Motors", "org"), Entity("motors", "Motors Inc", "org")])
    # "S.C." is no legal form, so "Johnson" is no form of S.C. Johnson, only like it.
    assert not [c for c in resolver.candidates("Johnson") if c.method in ("exact", "weak", "surname")]
    assert resolver.resolve("General Motors LLC").id == "gm"  # "General" is a title's word too


def test_a_bare_name_that_is_a_persons_name_is_weighed_as_a_lone_surname():
    # "Hawkins, Inc." is called Hawkins among companies; beside a person of that surname,
    # "Hawkins" alone names either.
    bodies = Resolver([Entity("hawkins", "Hawkins, Inc.", "org"), Entity("smith", "Smith Ltd", "org")])
    match = bodies.resolve("Hawkins")
    assert match is not None and (match.id, match.method) == ("hawkins", "surname")
    mixed = Resolver([Entity("hawkins", "Hawkins, Inc.", "org"), Entity("jh", "Jack Hawkins", "person")])
    assert mixed.resolve("Hawkins") is None
    assert {c.id for c in mixed.candidates("Hawkins") if c.method == "surname"} == {"hawkins", "jh"}


def test_a_name_in_capitals_is_read_so_before_a_legal_form_that_is_not():
    bodies = Resolver([Entity("ibm", "IBM", "org"), Entity("3m", "3M", "org"), Entity("sap", "SAP", "org"),
                       Entity("us", "United States", "place", aliases=("US",))])
    for name, expected in (("IBM Inc.", "ibm"), ("3M Company", "3m"), ("SAP SE", "sap"), ("ibm inc", "ibm")):
        match = bodies.resolve(name)
        assert match is not None and match.id == expected, name
    for name in ("Sap SE", "sap se", "US Inc"):  # a word; a country has no legal form
        assert bodies.resolve(name) is None, name


def test_a_name_of_two_capitals_is_known_without_its_legal_form_in_capitals():
    # "BP plc" is called BP; "bp" in lower case is two letters that name too much.
    bodies = Resolver([Entity("bp", "BP plc", "org"), Entity("f5", "F5, Inc.", "org"), Entity("bd", "Bd Ltd", "org")])
    for name, expected in (("BP", "bp"), ("F5", "f5"), ("BP p.l.c.", "bp")):
        match = bodies.resolve(name)
        assert match is not None and match.id == expected, name
    for name in ("bp", "f5", "Bd", "BD"):  # lower case; a name not written in capitals
        assert bodies.resolve(name) is None, name


def test_only_a_body_has_a_legal_form(bodies):
    # Read off "Jordan Ltd", "Ltd" leaves the name of a country, which has none.
    assert bodies.resolve("Jordan Ltd") is None
    assert bodies.resolve("Jordan") is not None and bodies.resolve("Jordan").id == "jordan"


@pytest.mark.parametrize(("query", "expected"), [
    ("Siemens Icn.", "siemens"), ("Siemens pcl", "siemens"),
    ("Siemens, Inv.", "siemens"), ("Siemens, Inf.", "siemens"),  # set apart where a legal form stands
])
def test_a_legal_form_typed_with_a_slip_is_read_as_one(bodies, query, expected):
    match = bodies.resolve(query)
    assert match is not None and match.id == expected, bodies.candidates(query)


def test_a_word_one_slip_from_a_legal_form_is_no_legal_form():
    # "Inn" and "Ink" are words; a gallery word is the name's own.
    resolver = Resolver([Entity("holiday", "Holiday Inc.", "org"), Entity("ink", "Acme Ink", "org")])
    assert resolver.resolve("Holiday Inn") is None
    assert resolver.resolve("Acme Ink").id == "ink"
    assert resolver.resolve("Holiday Icn").id == "holiday"
    # An abbreviation English writes is a legal form's slip only after a comma, where a legal form
    # stands, and only of one written there: no state, title or given name after a comma is one.
    assert resolver.resolve("Holiday Inv") is None
    others = Resolver([Entity("springfield", "Springfield", "org"), Entity("smith-co", "John Smith", "org"),
                       Entity("john-smith", "John Smith", "person")])
    for name in ("John Smith, Esq.", "Smith, Ina"):
        assert others.resolve(name) is None, (name, others.candidates(name))
    slipped = others.resolve("Springfield, Inv.")
    assert slipped is not None and slipped.id == "springfield" and slipped.method == "exact"
    # "Ill." is left as a word the name lacks, for the match model to weigh: never the name itself.
    (state,) = others.candidates("Springfield, Ill.")
    assert state.method != "exact" and state.similarity < 1.0 and state.score < slipped.score


@pytest.fixture(scope="module")
def businesses() -> Resolver:
    return Resolver([
        Entity("huawei", "Huawei Technologies Co., Ltd.", "org"), Entity("sberbank", "Sberbank of Russia", "org"),
        Entity("rosneft", "Rosneft Oil Company", "org"), Entity("hsbc", "HSBC Holdings plc", "org"),
        Entity("wagner", "Wagner Group", "org"), Entity("boc", "Bank of China", "org"),
        Entity("mitsui-chemicals", "Mitsui Chemicals", "org"), Entity("mitsui-mining", "Mitsui Mining", "org"),
        Entity("resona", "Resona Holdings", "org"), Entity("world-bank", "World Bank", "org"),
        Entity("who", "World Health Organization", "org"), Entity("john-smith", "John Smith", "person")])


@pytest.mark.parametrize("query, expected", [
    ("Huawei", "huawei"), ("Sberbank", "sberbank"), ("PAO Sberbank", "sberbank"), ("Rosneft", "rosneft"),
    ("HSBC", "hsbc"), ("Resona", "resona"),
])
def test_an_organisation_is_found_without_the_words_that_say_what_it_does(businesses, query, expected):
    match = businesses.resolve(query)
    assert match is not None and match.id == expected, businesses.candidates(query)


@pytest.mark.parametrize("query", [
    "Wagner",   # a surname: alone, likelier a person
    "China", "Bank",  # a country, a business word
    "Mitsui",   # the name of two of them
    "Resonac",  # one letter from one of them, and another company's name: read as a whole only
    "World",    # no word of its own: the World Health Organization's too
])
def test_a_name_left_without_its_business_words_that_names_something_else_is_no_answer(businesses, query):
    assert businesses.resolve(query) is None, businesses.candidates(query)
