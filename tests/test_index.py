

def test_a_weak_form_in_one_script_stays_weak_there_when_other_scripts_spell_it_strongly():
    from namenorm import Resolver
    from namenorm.model import Entity

    resolver = Resolver([Entity("oman", "Oman", "place", aliases=("オマーン",), weak=("오만",))])
    assert resolver.resolve("오만").method == "weak"  # "arrogance" in Korean
    assert resolver.resolve("Oman").method == resolver.resolve("オマーン").method == "exact"
    both = Resolver([Entity("oman", "Oman", "place", aliases=("오만",), weak=("오만",))])
    assert both.resolve("오만").method == "exact"  # strong in Hangul too


def test_a_word_is_as_rare_under_many_spellings_of_one_entity():
    from namenorm.index import Index
    from namenorm.model import Entity

    places = [Entity("abidjan", "Abidjan", "place", aliases=("Abidjan City", "Ville d'Abidjan")),
              Entity("san-jose", "San Jose", "place"), Entity("san-juan", "San Juan", "place"),
              Entity("lagos", "Lagos", "place")]
    index = Index.build(places)
    assert index.tables.word_rarity("abidjan") == index.tables.word_rarity("lagos") == 1.0
    assert index.tables.word_rarity("san") < 1.0  # two entities share it
    assert index.tables.word_rarity("nowhere") == 1.0


def test_a_place_of_several_words_is_found_written_as_one():
    from namenorm import Resolver
    from namenorm.model import Entity

    resolver = Resolver([Entity("st", "Sachsen-Anhalt", "place"), Entity("nh", "Noord-Holland", "place"),
                         Entity("am", "Anna Maria Lopez", "person")])
    for text, place in [("SachsenAnhalt", "st"), ("NoordHolland", "nh"), ("Sachsenanhallt", "st")]:
        match = resolver.resolve(text)
        assert match is not None and match.id == place, text
    # A person's words are not stored joined; the query's missing space is read as a slip.
    match = resolver.resolve("AnnaMaria Lopez")
    assert match is not None and match.id == "am" and match.method != "exact"
    assert resolver.clashes == []


def test_a_gallery_in_cyrillic_finds_the_latin_spellings_of_its_names():
    from namenorm import Resolver
    from namenorm.model import Entity

    resolver = Resolver([Entity("chernihiv", "Чернігів", "place"),
                         Entity("hrushevsky", "Михайло Грушевський", "person"),
                         Entity("putin", "Владимир Путин", "person")])
    assert [resolver.resolve(q).id for q in ("Chernihiv", "Mykhailo Hrushevskyi", "Vladimir Putin")] == [
        "chernihiv", "hrushevsky", "putin"]
    assert resolver.resolve("Chernivtsi") is None


def test_a_name_in_another_script_is_matched_as_written_only_from_its_own_script():
    # Мэн, Maine in Russian, reads "men", as Hindi's में ("in") and Bulgarian's Мен do.
    from namenorm import Resolver
    from namenorm.model import Entity

    resolver = Resolver([Entity("maine", "Maine", "place", aliases=("Мэн", "メイン州")),
                         Entity("chernihiv", "Чернігів", "place")])
    assert resolver.resolve("Мэн").id == resolver.resolve("Мен").id == "maine"
    assert resolver.resolve("メイン州").id == "maine"
    assert all(m.method != "exact" for m in resolver.candidates("में"))
    assert resolver.resolve("में") is None
    assert resolver.resolve("Chernihiv").id == "chernihiv"  # its Latin spelling, from Latin letters
    assert [(m.text, m.match.id) for m in resolver.scan("भारत में चुनाव हुए। Вчера в Мэн.") if m.match] == [("Мэн", "maine")]


def test_a_latin_spelling_of_another_script_that_is_an_english_word_names_nothing():
    # Read as their people spell them, Мэн is "Men", Пенс "Pens" and ЕС "Yes" or "Es".
    from namenorm import Resolver
    from namenorm.model import Entity

    resolver = Resolver([Entity("maine", "Maine", "place", aliases=("Мэн",)),
                         Entity("pence", "Mike Pence", "person", aliases=("Майк Пенс", "Пенс")),
                         Entity("eu", "European Union", "org", weak=("ЕС",))])
    assert [resolver.resolve(q) for q in ("Men", "pens", "Yes", "Es")] == [None, None, None, None]
    assert [resolver.resolve(q).id for q in ("Мэн", "Пенс", "ЕС", "Mike Pence")] == ["maine", "pence", "eu", "pence"]
    assert resolver.scan("Men and women voted. Yes, they bought pens.") == []
    # An acronym's letters are no spelling of it: ЕС is the EU, and "Es" opens German and Spanish
    # sentences.
    assert resolver.scan("Es ist kalt. Es la verdad.") == []


def test_a_rare_query_word_the_right_form_lacks_does_not_hide_it():
    # "jomfruøyene" is rarer than "de" and "britiske", and only the form of another entity holds
    # it: intersecting from it first would never see "De britiske jomfruøyer".
    from namenorm import Resolver
    from namenorm.model import Entity

    resolver = Resolver([Entity("vg", "De britiske jomfruøyer", "place"),
                         Entity("vi", "Jomfruøyene (USA)", "place"), Entity("de", "De forente stater", "place"),
                         Entity("gb", "De britiske øyer", "place")], place_names=())
    words = resolver.search_forms("De britiske jomfruøyene")[-1].split()
    fast = resolver.index.search.hits(words, score_cutoff=0.7)
    slow = [h for h in resolver.index.search.brute_force(words) if h.score >= 0.7]
    assert [(h.entity, h.score) for h in fast[:1]] == [(h.entity, h.score) for h in slow[:1]]
    assert resolver.index.tables.entities[fast[0].entity].id == "vg"


def test_a_slip_in_a_linking_word_between_agreeing_words_costs_little():
    from namenorm import Resolver
    from namenorm.model import Entity

    resolver = Resolver([Entity("bas", "Bath and North East Somerset", "place"),
                         Entity("dol", "Dol pri Ljubljani", "place"), Entity("dos", "Dos Hermanas", "place"),
                         Entity("li-na", "Li Na", "person")],
                        place_names=())
    for text, place in [("Bath adn North East Somerset", "bas"), ("Dol ori Ljubljani", "dol")]:
        match = resolver.resolve(text)
        assert match is not None and match.id == place, text
    # The search finds what scoring every form finds, a short query word that is itself a
    # gallery word ("dos") included.
    for text in ["Bath adn North East Somerset", "Dol dos Ljubljani", "Dol ori Ljubljanj"]:
        words = resolver.search_forms(text)[-1].split()
        fast = resolver.index.search.hits(words, score_cutoff=0.7)
        slow = [h for h in resolver.index.search.brute_force(words) if h.score >= 0.7]
        assert [(h.entity, h.score) for h in fast] == [(h.entity, h.score) for h in slow], text
    # Only a middle word between two words spelled exactly slips: not a name's last word
    # ("Li Ma" is someone else), nor one beside a misspelled word.
    assert resolver.resolve("Li Ma") is None
    assert "ori~pri" not in resolver.decide("Dol ori Ljubljanj").matches[0].explain()


def test_a_dropped_last_letter_is_a_slip_where_the_gallery_lacks_the_shorter_word():
    from namenorm.index import Index
    from namenorm.keys import DERIVED_WORD
    from namenorm.model import Entity

    index = Index.build([Entity("er", "Everett Robinson", "person"), Entity("mr", "Martin Robins", "person"),
                         Entity("ml", "Martine Lopez", "person")])
    assert index.words.similarity("robinso", "robinson")[0] > 0.9  # a slip: "robinso" is no word here
    # The gallery's own words built on one another stay apart, as known words weigh less.
    assert index.words.similarity("martin", "martine")[0] <= DERIVED_WORD
