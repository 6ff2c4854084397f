"""Person names have structure: nicknames, initials, order, particles and suffixes."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import namenorm

PEOPLE = Path(__file__).parent / "fixtures" / "people.yaml"


@pytest.fixture(scope="module")
def people() -> namenorm.Resolver:
    return namenorm.load(PEOPLE)


@pytest.mark.parametrize("query,expected", [
    ("Bill Clinton", "william-clinton"),
    ("Ned Foley", "edward-foley"),
    ("B. Raffensperger", "brad-raffensperger"),
    ("Raffensperger, Brad", "brad-raffensperger"),
    ("RAFFENSPERGER Brad", "brad-raffensperger"),
    ("Brad R.", "brad-raffensperger"),
    ("Donald J. Trump", "donald-trump"),
    ("Donald John Trump Jr.", "donald-trump-jr"),
    ("Donald Trump Jr", "donald-trump-jr"),
    ("Donald Trump", "donald-trump"),
    ("Martin Luther King Jr.", "mlk"),
    ("Martin Luther King", "mlk"),
    ("van Beethoven", "beethoven"),
    ("al Baghdadi", "baghdadi"),
    ("García Márquez", "garcia-marquez"),
    ("Aznar López", "aznar"),
    ("Bob Clinton", None),
    ("Clinton", None),
])
def test_person_name_patterns(people, query, expected):
    match = people.resolve(query)
    assert (match.id if match else None) == expected, people.candidates(query)


@pytest.mark.parametrize("query,expected", [("Beethoven", "beethoven"), ("Baghdadi", "baghdadi")])
def test_a_bare_surname_points_at_its_one_person(people, query, expected):
    best = people.candidates(query)[0]
    assert (best.id, best.method) == (expected, "surname") and best.score >= 0.5


def test_a_common_surname_alone_is_less_surely_its_one_person_than_a_rare_one():
    # Both surnames have six letters and one holder in the gallery; only how many people at large
    # share them tells the two apart: a lone "Miller" is more often a stranger than "Perdue".
    people = ["David Perdue", "Glenn Miller", "Kenji Sato", "Olga Ivanova", "Amara Okafor"]
    resolver = namenorm.Resolver([namenorm.Entity(name.lower().replace(" ", "-"), name, "person")
                                  for name in people])
    perdue, miller = resolver.candidates("Perdue")[0], resolver.candidates("Miller")[0]
    assert (perdue.id, miller.id) == ("david-perdue", "glenn-miller")
    assert perdue.score > miller.score


def test_a_suffix_the_name_lacks_leaves_the_person_a_candidate_not_the_answer():
    # Donald Trump Jr. is his father's son, not Donald Trump: the name has no word for "Jr.".
    resolver = namenorm.Resolver([namenorm.Entity("donald-trump", "Donald Trump", "person",
                                                  aliases=("Donald J. Trump",))])
    assert resolver.resolve("Donald Trump Jr.") is None
    assert resolver.candidates("Donald Trump Jr.")[0].id == "donald-trump"
    # "Jr." is no initial of the "J." of Donald J. Trump.
    assert all(p.query != "jr" for p in resolver.candidates("Donald Trump Jr.")[0].pairs)


def test_a_suffix_the_query_leaves_out_costs_little():
    resolver = namenorm.Resolver([namenorm.Entity("mlk", "Martin Luther King Jr.", "person")])
    assert resolver.resolve("Martin Luther King").id == "mlk"


@pytest.mark.parametrize("query", ["Martin Luther King Sr.", "Martin Luther King III"])
def test_another_suffix_is_another_person(query):
    resolver = namenorm.Resolver([namenorm.Entity("mlk", "Martin Luther King Jr.", "person")])
    assert resolver.candidates(query) == []


def test_an_initial_that_spells_a_suffix_is_no_suffix():
    # "V." opening a name is an initial, not the fifth: Victor Smith Jr. stays a candidate.
    resolver = namenorm.Resolver([namenorm.Entity("victor-smith", "Victor Smith Jr.", "person")])
    assert [c.id for c in resolver.candidates("V. Smith")] == ["victor-smith"]


def test_a_chinese_name_written_surname_first_is_found_by_its_first_word():
    # Yao Ming's surname is Yao; "Ming", and 明 (bright) in Chinese text, are no lone name of his.
    # Mike Pence spells pinyin syllables too, but Mike is no Chinese surname.
    r = namenorm.Resolver([namenorm.Entity("yao-ming", "Yao Ming", "person"),
                           namenorm.Entity("mike-pence", "Mike Pence", "person")])
    assert [(c.id, c.method) for c in r.candidates("Yao")][:1] == [("yao-ming", "surname")]
    assert r.resolve("Ming") is None and r.scan("他很聪明。") == []
    assert [(c.id, c.method) for c in r.candidates("Pence")][:1] == [("mike-pence", "surname")]


def test_nickname_shows_in_explain(people):
    text = people.resolve("Bill Clinton").explain()
    assert "bill~william" in text and "given name" in text


def test_explain_labels_the_parts_of_the_name(people):
    text = people.resolve("B. Raffensperger").explain()
    assert "b~brad 0.90 key=initial [given]" in text and "raffensperger~raffensperger 1.00 [surname]" in text


def test_explain_labels_a_surname_form(people):
    assert "van~van 1.00 [particle], beethofen~beethoven" in people.resolve("Van Beethofen").explain()
    assert "[given]" not in people.decide("Garcia Markez").matches[0].explain()


def test_short_form_no_group_lists_finds_its_person():
    # Zbigniew Brzezinski went by "Zbig"; the given-name groups do not list it.
    resolver = namenorm.Resolver([namenorm.Entity("zb", "Zbigniew Brzezinski", "person"),
                                  namenorm.Entity("db", "Danuta Brown", "person")])
    match = resolver.resolve("Zbig Brzezinski")
    assert match is not None and match.id == "zb" and "short form" in match.explain()
    assert resolver.resolve("Zbig Kowalski") is None
    # "Dan" is a known given name (Daniel's group), so it is not guessed to be Danuta.
    assert resolver.resolve("Dan Brown") is None
    # Only a word that starts a person's name is guessed at, not a street's.
    streets = namenorm.Resolver([namenorm.Entity("austin-street", "Austin Street", "place")])
    assert streets.resolve("Aus Street") is None


def test_a_short_form_that_keeps_the_end_of_a_name_finds_its_person():
    # English shortens names from the front as often: Lina for Angelina, Delia for Cordelia.
    resolver = namenorm.Resolver([namenorm.Entity("av", "Angelina Vance", "person"),
                                  namenorm.Entity("cb", "Cordelia Barnett", "person")])
    for name, person in [("Lina Vance", "av"), ("Delia Barnett", "cb")]:
        match = resolver.resolve(name)
        assert match is not None and match.id == person and "short form" in match.explain(), name
    assert resolver.resolve("Lina Barnett") is None
    # Three letters end too many names (Angelina, Christina, Regina) to stand for one.
    assert resolver.resolve("Ina Vance") is None


def test_a_gallery_given_name_spelled_otherwise_takes_its_nicknames():
    # The groups list Margareta, not Margaretta; Daisy and Peggy are Margaret's nicknames.
    resolver = namenorm.Resolver([namenorm.Entity("mw", "Margaretta Whittemore", "person"),
                                  namenorm.Entity("dw", "Dorotha Wells", "person")])
    for nickname in ("Daisy Whittemore", "Peggy Whittemore"):
        match = resolver.resolve(nickname)
        assert match is not None and match.id == "mw", nickname
    assert resolver.resolve("Daisy Wells") is None  # Dorotha spells Dorothea, whose group holds no Daisy
    # A spelling keeps the name's first letter: Sharri is no Harri (Henry's group).
    sharri = namenorm.Resolver([namenorm.Entity("sw", "Sharri Wells", "person"),
                                namenorm.Entity("hw", "Henry Walsh", "person")])
    assert sharri.resolve("Henry Wells") is None


def test_user_particles_join_the_surname(tmp_path):
    # Welsh "ap" (son of) belongs to the surname after it once an alias file says so.
    extra = tmp_path / "welsh.yaml"
    extra.write_text("particles: [ap]\nentities:\n"
                     "  - {id: owain, name: Owain Glyndwr ap Gruffydd, kind: person}\n", encoding="utf-8")
    resolver = namenorm.load(extra)
    match = resolver.candidates("Glyndwr ap Gruffydd")[0]
    assert (match.id, match.method) == ("owain", "surname")
    assert "ap~ap 1.00 [particle]" in resolver.resolve("Owain Glyndwr ap Grufydd").explain()
    without = namenorm.Resolver(list(resolver))
    assert without.candidates("Glyndwr ap Gruffydd")[0].method != "surname"


def test_user_given_names_groups_extend_the_default(tmp_path):
    extra = tmp_path / "groups.yaml"
    extra.write_text("given_names:\n  - [Bradford, Brad, Braddy]\n", encoding="utf-8")
    resolver = namenorm.load(PEOPLE, extra)
    assert resolver.resolve("Braddy Raffensperger").id == "brad-raffensperger"


def test_an_initial_never_chooses_the_candidates():
    resolver = namenorm.Resolver([namenorm.Entity("dylan-brady", "Dylan Brady", "person"),
                                  namenorm.Entity("dario", "Dario d'Angelo", "person")])
    assert resolver.resolve("D. Brady").id == "dylan-brady"


def test_a_middle_name_used_as_a_first_name_is_not_half_a_surname():
    resolver = namenorm.Resolver([namenorm.Entity("ml", "Manuella Stephany Leão", "person"),
                                  namenorm.Entity("sr", "Stephany Rocha", "person")])
    by_middle_name = resolver.resolve("Stephany Leão")  # may be her, by similarity; never her surname
    assert by_middle_name is None or by_middle_name.method not in ("exact", "surname")
    assert "stephany leao" not in {c.form for c in resolver.candidates("Stephany Leão") if c.method == "surname"}
    assert resolver.resolve("Manuella Leão").id == "ml"


def test_a_middle_name_the_query_adds_costs_a_third_of_its_length():
    # A person is written with middle names the gallery leaves out; not with another middle name
    # where the gallery has one, and a place's words are all its name's.
    resolver = namenorm.Resolver([namenorm.Entity("jfk", "John Kennedy", "person"),
                                  namenorm.Entity("bashir", "Omar al-Bashir", "person"),
                                  namenorm.Entity("bouteflika", "Abd al-Aziz Bouteflika", "person"),
                                  namenorm.Entity("ny", "New York", "place")])
    # Weighed in full, the middle name left John Kennedy at 0.69 and no candidate at all.
    kennedy = resolver.candidates("John Fitzgerald Kennedy")[0]
    assert kennedy.id == "jfk" and kennedy.similarity > 0.85
    assert resolver.resolve("Omar Hassan al-Bashir").id == "bashir"
    assert resolver.candidates("Omar Hassan Ahmad al-Bashir")[0].id == "bashir"  # found, if not sure
    assert resolver.resolve("Abd al-Rahman Bouteflika") is None
    assert resolver.candidates("John Fitzgerald Kennedy")[0].similarity > resolver.candidates("New Big York")[0].similarity


def test_a_given_name_the_person_does_not_have_is_no_spare_word():
    # George Papandreou is not Andreas Papandreou with a word to spare, in any script; a bare
    # surname and a surname of two words still find their person.
    resolver = namenorm.Resolver([namenorm.Entity("andreas-papandreou", "Andreas Papandreou", "person"),
                                  namenorm.Entity("aznar", "José María Aznar López", "person")])
    for query in ["George Papandreou", "Giorgos Papandreou", "Γιώργος Παπανδρέου"]:
        assert resolver.resolve(query) is None, resolver.candidates(query)
    for query, expected in [("Andreas Papandreu", "andreas-papandreou"), ("Aznar Lopes", "aznar")]:
        match = resolver.resolve(query)
        assert match is not None and match.id == expected, query
    assert [m.id for m in resolver.candidates("Papandreou")] == ["andreas-papandreou"]


@pytest.mark.parametrize("query,expected", [
    ("Brad Raffen sperger", "brad-raffensperger"),   # a space typed inside a word
    ("Edward Fo ley", "edward-foley"),
    ("BradRaffensperger", "brad-raffensperger"),     # the space between two words left out
    ("Ludwig vanBeethoven", "beethoven"),
    ("Gabriel GarcíaMárquez", "garcia-marquez"),
])
def test_a_space_typed_or_left_out_is_one_slip(people, query, expected):
    assert_a_slip_of(people, query, expected)


def assert_a_slip_of(resolver: namenorm.Resolver, query: str, expected: str) -> None:
    """``query`` resolves to ``expected``, less surely than the entity's own name does."""
    match = resolver.resolve(query)
    assert (match.id if match else None) == expected, resolver.candidates(query)
    exact = resolver.resolve(resolver[expected].name)
    assert exact is not None and match is not None and match.score < exact.score  # a slip, not the name


@pytest.fixture(scope="module")
def records() -> namenorm.Resolver:
    # Ukrainian records write surname, given name, patronymic.
    return namenorm.Resolver([
        namenorm.Entity("petrenko", "Petrenko Mykola Ivanovych", "person"),
        namenorm.Entity("bondarenko", "Bondarenko Olha Petrivna", "person"),
        namenorm.Entity("kovalchuk", "Oleksandr Kovalchuk", "person"),
        namenorm.Entity("sydorenko", "Ivan Serhiiovych Sydorenko", "person"),
        namenorm.Entity("hnatiuk", "Hnatiuk Dmytro Serhiiovych", "person")])


@pytest.mark.parametrize("query, expected", [
    ("Mykola Petrenko", "petrenko"), ("Petrenko Mykola", "petrenko"),
    ("Mykola Ivanovych Petrenko", "petrenko"), ("Петренко Микола", "petrenko"),
    ("Olga Bondarenko", "bondarenko"), ("Bondarenko Olga Petrovna", "bondarenko"),
    # a patronymic where the gallery has none is the same person's
    ("Kovalchuk Oleksandr Mykolaiovych", "kovalchuk"), ("Ковальчук Олександр Миколайович", "kovalchuk"),
    # the Russian form of the name: г is g, the patronymic ends -evich
    ("Petrenko Nikolai Ivanovich", "petrenko"), ("Sidorenko Ivan Sergeevich", "sydorenko"),
    ("Гнатюк Дмитрий Сергеевич", "hnatiuk"), ("Gnatyuk Dmitry Sergeevich", "hnatiuk"),
])
def test_a_name_with_a_patronymic_in_any_order_finds_its_person(records, query, expected):
    assert records.resolve(query).id == expected


def test_a_surname_alone_is_first_of_its_candidates(records):
    # A surname alone is weaker evidence than a name: in a gallery of five it is Petrenko's, first
    # of the candidates, under the threshold (0.916 against 0.924 for the committed model).
    assert [m.id for m in records.candidates("Petrenko")] == ["petrenko"]


def test_a_patronymic_is_no_part_of_the_surname(records):
    text = records.resolve("Petrenko Mykolla Ivanovych").explain()
    assert "petrenko~petrenko 1.00 [surname]" in text and "mykolla~mykola 0.96 key=MKL [given]" in text
    # another father's son is someone else, though given name and surname agree
    assert records.resolve("Petrenko Mykola Stepanovych") is None
    assert records.resolve("Sydorenko Ivan Petrovych") is None


def test_a_name_whose_surname_ends_like_a_patronymic_is_read_given_first():
    # Rabinovich is a surname: Anna Maria Rabinovich is no record of a Ms Anna.
    resolver = namenorm.Resolver([namenorm.Entity("r", "Anna Maria Rabinovich", "person"),
                                  namenorm.Entity("p", "Paul John", "person")])
    assert [m.id for m in resolver.candidates("Rabinovich")] == ["r"]
    assert resolver.resolve("Maria Anna") is None and resolver.resolve("John Paul Jankovich") is None


@pytest.fixture(scope="module")
def east_asian() -> namenorm.Resolver:
    return namenorm.Resolver([
        namenorm.Entity("kim-jong-un", "Kim Jong-un", "person"),
        namenorm.Entity("moon-jae-in", "Moon Jae-in", "person"),
        namenorm.Entity("ban-ki-moon", "Ban Ki-moon", "person"),
        namenorm.Entity("ho-chi-minh", "Ho Chi Minh", "person"),
        namenorm.Entity("john-smith", "John Smith", "person")])


@pytest.mark.parametrize("query, expected", [
    ("Kim Jongun", "kim-jong-un"), ("Kimjongun", "kim-jong-un"), ("Moonjaein", "moon-jae-in"),
    ("Ban Kimoon", "ban-ki-moon"), ("Hochiminh", "ho-chi-minh"), ("Ho Chiminh", "ho-chi-minh"),
])
def test_syllables_written_together_are_the_name_they_spell(east_asian, query, expected):
    # A two-letter syllable is read out of a word only where a form holds it beside the rest.
    assert_a_slip_of(east_asian, query, expected)


@pytest.mark.parametrize("query", ["Kim Jongin", "Kim Unjong", "Moon Injae", "John Kimoon"])
def test_syllables_no_form_holds_together_are_someone_else(east_asian, query):
    assert east_asian.resolve(query) is None, east_asian.candidates(query)


def test_a_stored_index_reads_syllables_written_together_as_the_built_one_does(east_asian):
    stored, engine = pickle.loads(pickle.dumps((east_asian, east_asian.compiled())))
    stored.use_compiled(engine)
    for query in ("Kimjongun", "Ban Kimoon"):
        assert stored.resolve(query) == east_asian.resolve(query) is not None


def test_a_hyphened_given_name_read_in_the_other_order_is_another_name():
    # Whole words may change places ("Sartre Jean-Paul"); the words one hyphen joins may not:
    # Paul-Jean is another given name, as Mary-Kate is not Kate-Mary.
    resolver = namenorm.Resolver([namenorm.Entity("sartre", "Jean-Paul Sartre", "person"),
                                  namenorm.Entity("olsen", "Mary-Kate Olsen", "person")], place_names=())
    assert resolver.resolve("Sartre Jean-Paul").id == "sartre"
    assert resolver.resolve("Jean Paul Sartre").id == "sartre"
    assert resolver.resolve("Mary-Kate Olsen").id == "olsen"
    for stranger in ("Paul-Jean Sartre", "Paul Jean Sartre", "Kate-Mary Olsen"):
        assert resolver.resolve(stranger) is None, resolver.candidates(stranger)


def test_a_chinese_or_korean_name_with_a_hyphened_given_name_is_known_by_its_first_word():
    # Tsai Ing-wen and Moon Jae-in write the surname first: "Moon" alone is his surname, "Jae-in"
    # alone is a given name many share, and 英文 ("ying wen", the English language) in Chinese
    # text is no mention of Tsai Ing-wen. A double surname stays the surname (Zeta-Jones).
    resolver = namenorm.Resolver([namenorm.Entity("tsai", "Tsai Ing-wen", "person"),
                                  namenorm.Entity("moon", "Moon Jae-in", "person"),
                                  namenorm.Entity("czj", "Catherine Zeta-Jones", "person")], place_names=())
    assert [(c.id, c.method) for c in resolver.candidates("Moon")][:1] == [("moon", "surname")]
    assert [(c.id, c.method) for c in resolver.candidates("Zeta-Jones")][:1] == [("czj", "surname")]
    assert all(c.method != "surname" for name in ("Jae-in", "Ing-wen") for c in resolver.candidates(name))
    assert resolver.scan("他说英文很难。") == []



_LISTED_NAMES = (
    "Thomas", "Sarah", "Watson", "Lindgren", "Garcia", "Martin", "Olga", "Hiroyuki", "James",
    "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Barbara",
    "David", "Susan", "Richard", "Jessica", "Joseph", "Karen", "Charles", "Nancy", "Daniel", "Lisa",
    "Matthew", "Betty", "Anthony", "Margaret", "Mark", "Sandra", "Donald", "Ashley", "Steven",
    "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle", "Kenneth", "Carol",
    "Kevin", "Amanda", "Brian", "Melissa", "George", "Deborah", "Smith", "Johnson", "Williams",
    "Brown", "Jones", "Miller", "Davis", "Rodriguez", "Wilson", "Anderson", "Taylor", "Moore",
    "Jackson", "Lee", "Harris", "Clark", "Lewis", "Walker", "Hall", "Allen", "Young", "King",
    "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell",
    "Roberts", "Carter", "Phillips", "Evans", "Turner", "Torres", "Parker", "Collins", "Edwards",
    "Stewart", "Morris", "Murphy", "Cook",
)
"""A hundred common English given names and surnames, each listed alone."""


@pytest.fixture(scope="module")
def listed_names() -> namenorm.Resolver:
    return namenorm.Resolver([namenorm.Entity(n.lower(), n, "person") for n in _LISTED_NAMES])


@pytest.mark.parametrize("query,expected", [
    # (Джеймс, James, and マイケル, Michael, are read right and held under the threshold: 0.78 and
    # 0.80 under the model of 0.9232; kana are weighed by the letters they write in names, and
    # no ケ learned writes Michael's "chae")
    ("Томас", "thomas"), ("Дэвид", "david"), ("Уилсон", "wilson"),
    ("ワトソン", "watson"), ("エヴァンズ", "evans"), ("Τέρνερ", "turner"), ("ヒロユキ", "hiroyuki"),
    ("ジョージ", "george"),  # "jorji", its long o read as George's r as spelt
])
def test_a_list_of_names_answers_a_name_read_across_scripts(listed_names, query, expected):
    # The word read is the whole name the gallery lists, not one word of a person's name that
    # strangers share: answered as a one-word place name is.
    match = listed_names.resolve(query)
    assert (match.id if match else None) == expected, listed_names.candidates(query)


def test_a_name_whose_letter_reads_two_ways_is_surest_of_its_own_reading(listed_names):
    # Гарсия read with Ukrainian's h is "harsyia", near Harris: Garcia stays the top candidate, far
    # ahead, but the rival holds it near the threshold, answered or not as the model is refitted.
    top, second = listed_names.candidates("Гарсия", limit=2)
    assert (top.id, second.id) == ("garcia", "harris") and top.score > 0.8 and top.score > 5 * second.score


@pytest.mark.parametrize("query,expected", [
    ("アレン", "allen"), ("ハリス", "harris"), ("モリス", "morris"), ("해리스", "harris"),
    ("Χάρις", "harris"), ("Μίτσελ", "mitchell"),
])
def test_a_double_letter_the_script_writes_once_costs_the_name_nothing(listed_names, query, expected):
    # Kana, Hangul and Greek write Harris's rr once ("harisu"); compared letter for letter, the
    # spelling lacked a letter, and アレン was Karen's before Allen's. The name leads every other
    # by far, near the threshold or over it (해리스 and Μίτσελ are 0.90 and 0.88 under the model
    # of 0.9075, where the others are answered): how near is the model's to say.
    candidates = listed_names.candidates(query)
    assert candidates and candidates[0].id == expected and candidates[0].score > 0.85, candidates
    assert all(other.score < candidates[0].score / 10 for other in candidates[1:]), candidates


def test_a_surname_alone_is_surer_as_a_listed_name_than_as_part_of_a_persons_name(listed_names):
    people = namenorm.Resolver([namenorm.Entity(n.lower(), f"Anna {n}", "person") for n in _LISTED_NAMES])
    listed, part = listed_names.candidates("ワトソン")[0], people.candidates("ワトソン")[0]
    assert (listed.id, part.id) == ("watson", "watson")
    # As part of a person's name it is a surname alone, no surer than "Watson" written so.
    assert listed.score > part.score and part.score <= people.candidates("Watson")[0].score
    assert people.resolve("ワトソン") is None


def test_a_word_that_joins_names_is_never_an_initial():
    # "and" once paired with the initial of "David A. Perdue": "Perdue and David" was him at 0.99.
    r = namenorm.Resolver([namenorm.Entity("david-perdue", "David Perdue", "person", aliases=("David A. Perdue",)),
                           namenorm.Entity("bank-of-america", "Bank of America", "org")])
    assert r.resolve("Perdue and David") is None
    assert r.resolve("David Alan Perdue").id == "david-perdue"   # a name's word still is
    assert r.resolve("David A. Perdue").id == "david-perdue"
    assert r.resolve("Bank of Amerika").id == "bank-of-america"
    # A name's own "in" may still be written as its initial.
    moon = namenorm.Resolver([namenorm.Entity("moon-jae-in", "Moon Jae-in", "person")])
    assert moon.resolve("Moon Jae-i").id == "moon-jae-in"
