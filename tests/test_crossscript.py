"""Names written in other scripts resolve to entities known by their Latin names, and back."""

from __future__ import annotations

import pickle
from collections import Counter

import pytest
from conftest import data_rows as _rows

from namenorm import Entity, Resolver
from namenorm.keys import cross_script_similarity, loan_key
from namenorm.packed import KeyTable
from namenorm.romanize import labial_readings, native_spellings


def assert_resolves(resolver: Resolver, expected: list[tuple[str, str]], *, similarity: float | None = None) -> None:
    """Each name resolves to its entity (and, where given, at that similarity)."""
    for name, entity in expected:
        match = resolver.resolve(name)
        assert match is not None and match.id == entity, name
        assert similarity is None or match.similarity == similarity, name


@pytest.fixture(scope="module")
def latin_only() -> Resolver:
    """Entities known only by their Latin names: every other script must go across."""
    people = ["Brad Raffensperger", "Donald Trump", "Joe Biden", "Kelly Loeffler", "David Perdue",
              "Sonny Perdue", "Mike Pence"]
    return Resolver([Entity(n.lower().replace(" ", "-"), n, "person") for n in people])


@pytest.mark.parametrize("query,expected", [
    ("브래드 래펜스퍼거", "brad-raffensperger"),
    ("켈리 뢰플러", "kelly-loeffler"),
    ("데이비드 퍼듀", "david-perdue"),
    ("ドナルド・トランプ", "donald-trump"),
    ("Дональд Трамп", "donald-trump"),
    ("دونالد ترامب", "donald-trump"),
    ("乔·拜登", "joe-biden"),
])
def test_seed_names_in_other_scripts(latin_only, query, expected):
    match = latin_only.resolve(query)
    assert match is not None and match.id == expected
    assert match.method in ("cross-script", "transliteration")


def test_chinese_name_in_han_matches_its_pinyin_spelling():
    resolver = Resolver([Entity("li-keqiang", "Li Keqiang", "person"), Entity("yao-ming", "Yao Ming", "person")])
    assert [(m.id, m.method) for m in map(resolver.resolve, ["李克强", "姚明"])] == [
        ("li-keqiang", "transliteration"), ("yao-ming", "transliteration")]
    assert resolver.resolve("李鹏") is None


def test_korean_name_in_hangul_matches_its_usual_latin_spelling():
    resolver = Resolver([Entity("son", "Son Heung-min", "person"), Entity("moon", "Moon Jae-in", "person")])
    assert [(m.id, m.method) for m in map(resolver.resolve, ["손흥민", "문재인"])] == [
        ("son", "transliteration"), ("moon", "transliteration")]


def test_han_characters_read_as_in_names():
    # 卡 is "ka" in transliterated names; unidecode's first reading is "qia".
    resolver = Resolver([Entity("kamala-harris", "Kamala Harris", "person")])
    match = resolver.resolve("卡玛拉·哈里斯")
    assert match is not None and match.id == "kamala-harris"


@pytest.mark.parametrize("query,expected", [("唐纳德·特朗普", "donald-trump"),
                                            ("特朗普", "donald-trump"), ("트럼프", "donald-trump"),
                                            ("바이든", "joe-biden"),
                                            ("래펜스퍼거", "brad-raffensperger"),
                                            ("라펜스퍼거", "brad-raffensperger")])
def test_coarse_readings_point_at_their_person(latin_only, query, expected):
    best = latin_only.candidates(query)[0]
    assert best.id == expected and 0.1 <= best.score < 1.0  # the nearest, never certain from a reading alone


@pytest.mark.parametrize("query", ["ウラジーミル・プーチン", "弗拉基米尔·普京"])
def test_kana_and_han_chi_and_ji_are_read_as_the_ti_and_di_they_borrow(query):
    """プーチン is "puchin" and 普京 "pujing" read as written; Putin is what they borrow."""
    gallery = Resolver([Entity("putin", "Vladimir Putin", "person"), Entity("beijing", "Beijing", "place"),
                        Entity("pushkin", "Alexander Pushkin", "person"), Entity("vladivostok", "Vladivostok", "place")])
    assert gallery.resolve(query).id == "putin"


def test_vowelless_arabic_is_not_held_to_the_vowels_it_does_not_write():
    resolver = Resolver([Entity("angela-merkel", "Angela Merkel", "person"),
                         Entity("karl-marx", "Karl Marx", "person")])
    best = [resolver.candidates(q)[0] for q in ["أنجيلا ميركل", "كارل ماركس"]]
    assert [m.id for m in best] == ["angela-merkel", "karl-marx"]
    assert all(m.score >= 0.8 for m in best)


CITIES = ["Boston", "Chimbote", "Alexandria", "Wuppertal", "Bahir Dar", "Munich", "Beijing", "Lagos",
          "Denver", "Houston", "Madrid", "Tokyo", "Seoul", "Kyiv", "Moscow"]


def test_the_long_vowels_arabic_and_hebrew_write_must_agree_with_the_form():
    resolver = Resolver([Entity(c.lower().replace(" ", "-"), c, "place") for c in CITIES])
    assert [resolver.resolve(q).id for q in ["بوسطن", "مدريد", "מדריד", "موسكو", "لاغوس"]] == [
        "boston", "madrid", "madrid", "moscow", "lagos"]


def test_pasadena_in_hebrew_is_not_boston():
    # Hebrew writes p (פ) and b (ב) with letters of their own: פסדינה begins on Pasadena's p,
    # where Boston has a b, though its other consonants are Boston's classes.
    resolver = Resolver([Entity(c.lower().replace(" ", "-"), c, "place") for c in CITIES])
    assert resolver.resolve("פסדינה") is None


def test_hebrew_reads_its_b_as_v_and_its_p_as_f_as_latin_spellings_write_them():
    # ב is b or v, פ p or f: Stephen's ph sounds v (סטיבן), Tel Aviv's v is a ב, Florida's f a פ.
    resolver = Resolver([Entity("stephen-hawking", "Stephen Hawking", "person"),
                         Entity("tel-aviv", "Tel Aviv", "place"), Entity("florida", "Florida", "place")],
                        place_names=())
    assert [m.id if m else None for m in map(resolver.resolve, ["סטיבן הוקינג", "תל אביב", "פלורידה"])] == [
        "stephen-hawking", "tel-aviv", "florida"]


def test_cyrillic_names_match_their_passport_spellings():
    resolver = Resolver([Entity("hryhorii-skovoroda", "Hryhorii Skovoroda", "person"),
                         Entity("yevhen-hutsalo", "Yevhen Hutsalo", "person"),
                         Entity("sergey-lavrov", "Sergey Lavrov", "person")])
    assert [(m.id, m.method) for m in map(resolver.resolve, ["Григорій Сковорода", "Євген Гуцало",
                                                           "Сергей Лавров"])] == [
        ("hryhorii-skovoroda", "transliteration"), ("yevhen-hutsalo", "transliteration"),
        ("sergey-lavrov", "transliteration")]


def test_cyrillic_names_spelled_by_their_passport_system_may_still_carry_a_typo():
    # Грушевський is "Hrushevskyi" by Ukraine's system and "Hrushevsky" in the gallery; as
    # unidecode reads it ("grushevskii") it is too far from either.
    resolver = Resolver([Entity("hrushevsky", "Mykhailo Hrushevsky", "person"),
                         Entity("franko", "Ivan Franko", "person")])
    assert resolver.resolve("Михайло Грушевський").id == "hrushevsky"
    assert resolver.resolve("Михайло Шевченко") is None


def test_soft_signs_written_as_apostrophes_keep_the_word_whole():
    # Scholarly and ISO 9 transliterations write the soft sign as an apostrophe or a prime.
    resolver = Resolver([Entity(c.lower(), c, "place") for c in ("Lviv", "Luhansk", "Kyiv")]
                        + [Entity("zelenskyy", "Volodymyr Zelenskyy", "person")])
    assert [resolver.resolve(q).id for q in ("L'viv", "L\u02b9viv", "Luhans\u2019k", "Volodymyr Zelens'kyj")] == [
        "lviv", "lviv", "luhansk", "zelenskyy"]


def test_latin_names_in_slavic_schemes_find_their_english_spellings():
    # ISO 9, scholarly and Polish spellings of the names the gallery holds as English writes them.
    resolver = Resolver([Entity("tymoshenko", "Yuliia Tymoshenko", "person"),
                         Entity("khmelnytskyi", "Khmelnytskyi", "place"),
                         Entity("gorbachev", "Mikhail Gorbachev", "person")])
    assert [resolver.resolve(q).id for q in ("Julija Tymošenko", "Chmel\u02b9nyc\u02b9kyj", "Michail Gorbačëv",
                                             "Ûlìâ Timošenko")] == [
        "tymoshenko", "khmelnytskyi", "gorbachev", "tymoshenko"]
    assert resolver.resolve("Julija Szymańska") is None


def test_the_j_of_gost_and_scholarly_schemes_reads_as_english_y():
    # GOST 16876 and the scholarly schemes write й, and the y of я ю є ї, as j; no mark tells
    # them, only a j after a vowel (Kyjiv) or softening a consonant (Tetjana).
    resolver = Resolver([Entity("kyiv", "Kyiv", "place"), Entity("mykolaiv", "Mykolaiv", "place"),
                         Entity("konoplyanka", "Yevhen Konoplyanka", "person")])
    assert [resolver.resolve(q).id for q in ("Kyjiv", "Jevhen Konopljanka")] == ["kyiv", "konoplyanka"]
    raya = Resolver([Entity("raya", "Raya", "place")])
    assert raya.resolve("Raja") is None or raya.resolve("Raja").method != "transliteration"  # Raja's own j


@pytest.mark.parametrize("query, expected", [
    ("Charkiw", "kharkiv"), ("Saporischschja", "zaporizhzhia"), ("Michail Gorbatschow", "gorbachev"),  # German
    ("Chevtchenko", "shevchenko"), ("Gueorgui Joukov", "zhukov"),  # French, and Russia's passports in French
    ("Tixonov", "tikhonov"), ("Shherbakov", "shcherbakov"), ("Samojjlov", "samoylov"),  # GOST 7.79 system B
    ("Terent`ev", "terentyev"),  # its backquote for the soft sign
    ("Lesj Cymbal", "tsymbal"), ("Jevğen Konopljanka", "konoplyanka"), ("Ghlib Ghajda", "haida"),  # DSTU 9112
    ("Egor Ermolaev", "yermolayev"), ("Iuliia Tymoshenko", "tymoshenko"),  # E, Iu for the Ye, Yu English writes
    ("Liubomir Shiriaev", "shiryayev"),  # the passports' iu and ia inside a word
    ("Georgi Zjoekov", "zhukov"), ("Michail Gorbatjov", "gorbachev"),  # Dutch, Scandinavian
])
def test_slavic_names_in_each_transliteration_scheme_find_their_english_spelling(query, expected):
    resolver = Resolver([Entity(c.lower(), c, "place") for c in ("Kharkiv", "Zaporizhzhia", "Kherson")] + [
        Entity(id_, name, "person") for id_, name in (
            ("gorbachev", "Mikhail Gorbachev"), ("shevchenko", "Taras Shevchenko"), ("zhukov", "Georgy Zhukov"),
            ("tikhonov", "Viktor Tikhonov"), ("shcherbakov", "Shcherbakov"), ("samoylov", "Samoylov"),
            ("terentyev", "Terentyev"), ("tsymbal", "Les Tsymbal"), ("konoplyanka", "Yevhen Konoplyanka"),
            ("haida", "Hlib Haida"), ("yermolayev", "Yegor Yermolayev"), ("tymoshenko", "Yuliya Tymoshenko"),
            ("shiryayev", "Lyubomir Shiryayev"), ("walmart", "Walmart"), ("ritchie", "Guy Ritchie"))])
    assert resolver.resolve(query).id == expected


def test_russian_places_in_dutch_and_scandinavian_spelling_find_their_english_one():
    # Dutch writes ч tsj and у oe (Tsjita, Jakoetsk), Swedish and Norwegian ч tj (Tjita).
    cities = ("Chita", "Yakutsk", "Irkutsk", "Chelyabinsk", "Khandyga", "Kamchatka", "Vladivostok", "Krasnoyarsk",
              "Barnaul", "Ulyanovsk", "Omsk", "Tomsk", "Magadan", "Anadyr", "Novosibirsk", "Samara", "Kirov")
    resolver = Resolver([Entity(c.lower(), c, "place") for c in cities], place_names=("words",))
    for name, city in [("Tsjita", "chita"), ("Tjita", "chita"), ("Jakoetsk", "yakutsk"), ("Irkoetsk", "irkutsk")]:
        match = resolver.resolve(name)
        assert match is not None and match.id == city, name
    # The oe of a name that does not look Slavic is no Dutch у: Joel is not read "jul".
    joel = Resolver([Entity("jl", "Jul Smith", "person")]).resolve("Joel Smith")
    assert joel is None or joel.method != "transliteration"


def test_a_gallery_that_lists_people_by_a_transliteration_scheme_finds_their_english_spelling():
    # Records written by ISO 9, the French table or with E for the Ye English writes.
    resolver = Resolver([Entity("zaytsev", "Lûbomir Zajcev", "person"), Entity("lukin", "Foma Loukine", "person"),
                         Entity("markov", "Evsei Markov", "person"), Entity("kharkiv", "Charkiw", "place")])
    assert [resolver.resolve(q).id for q in ("Lyubomir Zaytsev", "Foma Lukin", "Yevsey Markov")] == [
        "zaytsev", "lukin", "markov"]
    # A place's Latin name is its own language's, a German one's sch a German sch: neither is read.
    assert resolver.resolve("Kharkiv") is None
    assert [m.form for m in Resolver([Entity("schon", "Will Schon", "person")]).candidates("Vill Shon")] == [
        "will schon"]


def test_english_names_are_not_read_as_a_transliteration_scheme():
    # The w of Walmart, Barlow and Andrew and the tch of Ritchie are English; read as German or
    # French they would be "valmart", "barlov", "andrev" and "riche".
    assert [native_spellings(name) for name in ("Walmart", "Guy Ritchie", "Barlow", "Andrew")] == [[], [], [], []]
    # nor Ian as Yan, Henry VIII's numeral as a passport's ii, Dijkstra's j as a й, Christina as Slavic
    assert [native_spellings(name) for name in ("Ian Smith", "Henry VIII", "Edsger Dijkstra", "Christina Rousseau")] == [
        [], [], [], []]
    assert Resolver([Entity("yan", "Yan Smith", "person")]).resolve("Ian Smith") is None
    assert Resolver([Entity("valmet", "Valmet", "org")]).resolve("Walmat") is None
    # nor the x of Nixon as GOST's х or the rz of Esparza as Polish ż: a name people have is no
    # scheme's spelling (Nixon was Nihon, Japan, at 0.94, read "nikhon").
    places = Resolver([Entity("japan", "Japan", "place", aliases=("Nihon",)),
                       Entity("spain", "Spain", "place", aliases=("Espanha",))])
    assert [places.search_forms(name) for name in ("Nixon", "Esparza")] == [("nixon",), ("esparza",)]
    assert [places.resolve(name) for name in ("Nixon", "Esparza")] == [None, None]
    # A name beside one a scheme writes keeps its x: Maxim's is no х beside Tixonov's.
    assert places.search_forms("Tixonov") == ("tixonov", "tikhonov")
    assert places.search_forms("Maxim Tixonov") == ("maxim tixonov", "maxim tikhonov")
    # Its other letters are the scheme's: Jaroslav, a listed name, is Yaroslav beside Batjuk.
    assert "yaroslav batyuk" in places.search_forms("Jaroslav Batjuk")


def test_a_slavic_surname_in_cyrillic_is_not_a_listed_surname_of_the_same_consonants():
    # Парасюк reads "parasiuk" as its people spell it; Vlasiuk only shares its consonant classes.
    resolver = Resolver([Entity(name.lower().replace(" ", "-"), name, "person") for name in (
        "Illia Vlasiuk", "Solomon Andriichuk", "Leon Drozdenko", "Yulia Timoshenko", "Boris Johnson",
        "Mykhailo Hrushevsky", "Lora Isayeva")])
    assert [resolver.resolve(q) for q in ("Ілля Парасюк", "Соломон Андрощук", "Леон Атрощенко")] == [None] * 3
    # spelled as its people spell it, bar the ending, or no Slavic surname at all: found as before
    assert [resolver.resolve(q).id for q in ("Ілля Власюк", "Юлія Тимошенко", "Михайло Грушевський",
                                             "Борис Джонсон", "Лора Исаева")] == [
        "illia-vlasiuk", "yulia-timoshenko", "mykhailo-hrushevsky", "boris-johnson", "lora-isayeva"]
    # surnames their bearers spell otherwise than a Ukrainian reading does
    others = Resolver([Entity(name.lower().replace(" ", "-"), name, "person") for name in (
        "Robert Lewandowski", "Sergei Rachmaninoff", "Noam Chomsky", "Giacomo Casanova", "Michail Gorbatschow")])
    assert [others.resolve(q).id for q in ("Роберт Левандовский", "Сергей Рахманинов", "Ноам Хомский",
                                           "Джакомо Казанова", "Михаил Горбачёв")] == [
        "robert-lewandowski", "sergei-rachmaninoff", "noam-chomsky", "giacomo-casanova", "michail-gorbatschow"]


def test_a_latin_name_with_one_cyrillic_letter_is_read_as_latin():
    # "Solomіya" with a Cyrillic і: a keyboard switched for one letter, not a name in Cyrillic
    # to be read across scripts (where it came out as Solomiia Chumak).
    resolver = Resolver([Entity("chumak", "Solomiia Chumak", "person"),
                         Entity("khomenko", "Solomiya Khomenko", "person")])
    assert resolver.resolve("Solom\u0456ya Khomenko").id == "khomenko"
    assert resolver.resolve("Solom\u0456ya Kharchenko") is None


def test_a_latin_key_left_in_a_kana_word_is_a_slip_not_a_sound():
    # ナイジェリz is ナイジェリア with the z beside the a struck: read across scripts with its
    # z, it shared Niger's consonants ("nigeris") and went there.
    resolver = Resolver([Entity("nigeria", "Nigeria", "place"), Entity("niger", "Niger", "place"),
                         Entity("missouri", "Missouri", "place")])
    for name in ("ナイジェリz", "ナイジェリアz", "zナイジェリア"):
        found = resolver.resolve(name)
        assert found is not None and found.id == "nigeria", name
    assert resolver.resolve("ナイジェリア").id == "nigeria"
    assert resolver.resolve("ニジェール").id == "niger"


def test_two_word_name_does_not_match_a_surname_on_one_word():
    # ジョー・マンチン (Joe Manchin) has the consonants of "Johnson" taken whole.
    resolver = Resolver([Entity("boris-johnson", "Boris Johnson", "person")])
    assert resolver.resolve("ジョー・マンチン") is None
    assert resolver.resolve("ボリス・ジョンソン").id == "boris-johnson"


def test_words_written_apart_are_not_read_as_a_one_word_name():
    # Two ordinary Korean words ("clause", "vehicle") share the consonants of the pinyin of 新西兰;
    # Моңғолия is one word that normalizing splits at its Kazakh letters.
    resolver = Resolver([Entity("new-zealand", "New Zealand", "place", aliases=("新西兰",)),
                         Entity("mongolia", "Mongolia", "place")])
    assert resolver.resolve("조항 차량") is None
    assert resolver.resolve("Моңғолия").id == "mongolia"
    assert resolver.resolve("新西兰").id == "new-zealand"


def test_shared_surname_stays_ambiguous_across_scripts(latin_only):
    assert latin_only.resolve("퍼듀") is None
    assert {m.id for m in latin_only.candidates("퍼듀")} >= {"david-perdue", "sonny-perdue"}


def test_explain_shows_both_keys(latin_only):
    text = latin_only.resolve("데이비드 퍼듀").explain()
    assert "cross-script" in text and "tptpt~tptpt" in text


def test_latin_typos_are_not_loosened_by_cross_script_keys(latin_only):
    # "Dovid Pordy" shares the loanword key of David Perdue but is two Latin typos away.
    assert latin_only.resolve("Dovid Pordy") is None or latin_only.resolve("Dovid Pordy").method != "cross-script"


def test_entity_known_only_in_hangul_is_found_from_latin():
    resolver = Resolver([Entity("seoul", "서울특별시", "place"), Entity("joe-biden", "Joe Biden", "person")])
    match = resolver.resolve("Seoul Teukbyeolsi")
    assert match is not None and (match.id, match.method) == ("seoul", "cross-script")
    assert resolver.resolve("Joe Bidden").method == "phonetic"


def test_accuracy_on_real_cross_script_pairs(real_pairs_gallery):
    """Floors under the measured figures at the default threshold (the wiki_cross_script dev set of
    bench/bench_calibration.py reports them on its report split)."""
    pairs, absent = _rows("cross_script_pairs.tsv"), _rows("cross_script_absent.tsv")
    resolver = real_pairs_gallery
    ids = {e.name: e.id for e in resolver}
    right, total, false, tried = Counter(), Counter(), Counter(), Counter()
    for row in pairs:
        match = resolver.resolve(row["native"])
        total[row["script"]] += 1
        right[row["script"]] += bool(match and match.id == ids[row["latin"]])
    for row in absent:
        tried[row["script"]] += 1
        false[row["script"]] += resolver.resolve(row["native"]) is not None
    accuracy = {s: right[s] / total[s] for s in total}
    assert accuracy["hangul"] >= 0.8 and accuracy["kana"] >= 0.75 and accuracy["cyrillic"] >= 0.9
    assert accuracy["han"] >= 0.6 and accuracy["arabic"] >= 0.65
    assert accuracy["thai"] >= 0.85 and accuracy["georgian"] >= 0.85 and accuracy["armenian"] >= 0.85
    assert sum(false.values()) / sum(tried.values()) <= 0.03


def test_candidates_of_a_name_in_another_script_are_weighed_by_their_spelling_too():
    from namenorm.romanize import other_readings
    from namenorm.spelling import spelling_agreement

    resolver = Resolver([Entity("jobs", "Steve Jobs", "person"), Entity("trump", "Donald Trump", "person")])
    engine = resolver.engine
    for name in ("Στέφανος Τσιτσιπάς", "Трамп", "트럼프"):
        query = engine.prepare(name)
        weighed = engine.weigh(engine.similar_hits(query), query, False)
        assert weighed, name
        # the agreement of the reading that agrees best: as read, as its people spell it, or another
        readings = (query.form, *query.spelled, *other_readings(query.text, query.form))
        for match, evidence in weighed:
            assert evidence.spelling_agreement == max(
                spelling_agreement(reading, match.form, query.script) for reading in readings), name
            assert evidence.spelling_agreement < 0.5 or match.id == "trump", name
    # Stefanos Tsitsipas shares consonant classes with Steve Jobs, not his spelling.
    assert resolver.resolve("Στέφανος Τσιτσιπάς") is None


def test_a_country_the_gallery_does_not_hold_is_not_taken_for_a_city_it_resembles():
    # Τζιμπουτί is Djibouti in Greek; the fifteen cities hold Chimbote, whose reading is close.
    resolver = Resolver([Entity(c.lower().replace(" ", "-"), c, "place") for c in CITIES])
    assert resolver.resolve("Τζιμπουτί") is None
    assert resolver.resolve("Laos") is None  # a country, not a misspelled Lagos
    assert resolver.resolve("Lagoss").id == "lagos"
    # A gallery place that is the country under another English name still takes its names.
    islands = Resolver([Entity("svalbard", "Svalbard & Jan Mayen", "place"), *[
        Entity(c.lower().replace(" ", "-"), c, "place") for c in CITIES]])
    assert islands.resolve("Svalbard og Jan Mayen").id == "svalbard"
    # The same from a stored index, which carries the countries' names packed.
    stored, engine = pickle.loads(pickle.dumps((resolver, resolver.compiled())))
    stored.use_compiled(engine)
    assert isinstance(engine.index.tables.name_rows("countries"), KeyTable)
    assert stored.resolve("Τζιμπουτί") is None and stored.resolve("Laos") is None
    assert stored.candidates("Τζιμπουτί") == resolver.candidates("Τζιμπουτί")


def test_a_name_written_with_middle_dots_is_read_as_several_words():
    # Japanese and Chinese write ・ and · between the words of a transcribed name, where other
    # scripts write a space: the dotted name is weighed as the spaced one, and is no one-word
    # place that shares its letters.
    resolver = Resolver([Entity("charles-darwin", "Charles Darwin", "person"), Entity("darwin", "Darwin", "place"),
                         Entity("charleston", "Charleston", "place")])
    dotted, spaced = resolver.decide("チャールズ・ダーウィン"), resolver.decide("チャールズ ダーウィン")
    assert [(m.id, m.score) for m in dotted.matches] == [(m.id, m.score) for m in spaced.matches]
    assert dotted.matches[0].id == "charles-darwin"
    assert "charleston" not in [m.id for m in dotted.matches if m.score > 0.01]
    assert resolver.resolve("查尔斯·达尔文").id == "charles-darwin"


def test_a_w_written_as_v_is_read_as_w():
    # Cyrillic and the Brahmic scripts write an English w with their v: विनीपेग is Winnipeg.
    resolver = Resolver([Entity("winnipeg", "Winnipeg", "place"), Entity("nippon", "Nippon", "place"),
                         Entity("winston-churchill", "Winston Churchill", "person")], place_names=())
    assert_resolves(resolver, [("विनीपेग", "winnipeg"), ("Виннипег", "winnipeg"), ("विंस्टन चर्चिल", "winston-churchill")])


def test_a_soft_g_is_read_as_the_j_other_scripts_write():
    # George is Джордж, جورج and ジョージ: the g of an English spelling before e or i may be a j.
    resolver = Resolver([Entity("george-washington", "George Washington", "person"),
                         Entity("gordon-brown", "Gordon Brown", "person"), Entity("algiers", "Algiers", "place"),
                         Entity("colombia", "Colombia", "place", aliases=("哥伦比亚",))], place_names=())
    assert_resolves(resolver, [("Джордж Вашингтон", "george-washington"), ("جورج واشنطن", "george-washington"),
                               ("ジョージ・ワシントン", "george-washington"), ("अल्जियर्स", "algiers")])
    # A romanized form sounds as it was read: the pinyin "ge" of 哥伦比亚 is no j, so a reading
    # "jilongpo" (吉隆坡, Kuala Lumpur) is compared with "gelunbiya" as it is.
    found = {h.form: h for h in resolver.index.cross.hits("jilongpo", rhotic=False, latin_query=False)}
    assert found["gelunbiya"].score == cross_script_similarity("jilongpo", "gelunbiya")
    assert cross_script_similarity("jilongpo", "jelunbiya") > cross_script_similarity("jilongpo", "gelunbiya")


def test_a_german_ch_is_read_as_the_kh_other_scripts_write():
    # Bucharest is Բուխարեստ and بخارست, as Munich is Мюнхен: not the ch of Chile (Чили).
    resolver = Resolver([Entity("zurich", "Zurich", "place"), Entity("bucharest", "Bucharest", "place"),
                         Entity("chile", "Chile", "place"), Entity("munster", "Münster", "place")], place_names=())
    for name, entity, similarity in [("Բուխարեստ", "bucharest", 1.0), ("بخارست", "bucharest", 1.0)]:
        match = resolver.resolve(name)
        assert match is not None and (match.id, match.similarity) == (entity, similarity), name
    assert resolver.resolve("Чили").id == "chile"


def test_a_small_tsu_is_read_as_the_double_consonant_it_writes():
    # マーク・ザッカーバーグ is Zuckerberg and サッチャー Thatcher: the small ッ doubles the consonant
    # after it, as the Latin spelling doubles it ("ck", "tch").
    resolver = Resolver([Entity("mark-zuckerberg", "Mark Zuckerberg", "person"),
                         Entity("margaret-thatcher", "Margaret Thatcher", "person"),
                         Entity("mark-sanford", "Mark Sanford", "person"),
                         Entity("margaret-chase-smith", "Margaret Chase Smith", "person")], place_names=())
    assert_resolves(resolver, [("マーク・ザッカーバーグ", "mark-zuckerberg"), ("マーガレット・サッチャー", "margaret-thatcher")])


def test_an_x_is_read_as_the_k_and_s_other_scripts_write():
    # Alexandria is Александрия and אלכסנדריה; read as a lone k it had the consonants of
    # القنيطرة (al-Qunaytirah, Kenitra), which then took it at 0.97.
    resolver = Resolver([Entity(c.lower().replace(" ", "-"), c, "place") for c in [*CITIES, "Mexico City"]])
    assert_resolves(resolver, [("Александрия", "alexandria"), ("אלכסנדריה", "alexandria"), ("מקסיקו סיטי", "mexico-city")])
    assert resolver.resolve("القنيطرة") is None


def test_the_unknown_cities_of_the_decision_issue_abstain():
    # Djibouti in Greek, Kenitra in Arabic, Pavlodar in Hebrew: none is in the fifteen cities, and
    # each resembles one of them; a misspelled Lagos is still found. (Pasadena in Hebrew:
    # test_pasadena_in_hebrew_is_not_boston.)
    resolver = Resolver([Entity(c.lower().replace(" ", "-"), c, "place") for c in CITIES])
    assert [resolver.resolve(q) for q in ["Τζιμπουτί", "القنيطرة", "פבלודר"]] == [None] * 3
    assert resolver.resolve("Lagoss").id == "lagos"
    people = Resolver([Entity("aleksandar-vucic", "Aleksandar Vucic", "person"),
                       Entity("anna-rosendahl", "Anna Rosendahl", "person")])
    assert people.resolve("אלכסנדר") is None  # a given name alone is no one in particular


def test_greek_names_are_found_as_greeks_spell_them():
    # Ευθύμιος reads "euthumios" letter by letter; the Greek standard spells it Efthymios, and
    # Μητσοτάκης Mitsotakis: the spelling matches the gallery's form as written.
    resolver = Resolver([Entity("kyriakos-mitsotakis", "Kyriakos Mitsotakis", "person"),
                         Entity("efthymios-kaloudis", "Efthymios Kaloudis", "person"),
                         Entity("syria", "Syria", "place")], place_names=())
    assert_resolves(resolver, [("Κυριάκος Μητσοτάκης", "kyriakos-mitsotakis"), ("Ευθύμιος Καλούδης", "efthymios-kaloudis"),
                               ("Συρία", "syria")], similarity=1.0)
    assert resolver.resolve("Κυριάκος Καλούδης") is None  # one's given name, the other's surname


def test_serbian_and_bulgarian_names_in_cyrillic_find_their_latin_spelling():
    # Вучић alone was no candidate: read as Russian it is "vuchich", and Serbian writes Vučić;
    # Търново, read as Russian, is "trnovo", and Bulgaria writes Tarnovo.
    resolver = Resolver([Entity("aleksandar-vucic", "Aleksandar Vučić", "person"),
                         Entity("novak-djokovic", "Novak Đoković", "person"),
                         Entity("cacak", "Čačak", "place"), Entity("veliko-tarnovo", "Veliko Tarnovo", "place")],
                        place_names=())
    assert_resolves(resolver, [("Вучић", "aleksandar-vucic"), ("Новак Ђоковић", "novak-djokovic"), ("Чачак", "cacak"),
                               ("Велико Търново", "veliko-tarnovo")])


def test_malayalam_names_keep_the_consonants_of_their_chillu_letters():
    resolver = Resolver([Entity("argentina", "Argentina", "place"), Entity("brazil", "Brazil", "place"),
                         Entity("gibraltar", "Gibraltar", "place"), Entity("armenia", "Armenia", "place")],
                        place_names=())
    assert_resolves(resolver, [("അർജന്റീന", "argentina"), ("ബ്രസീൽ", "brazil"), ("ജിബ്രാൾട്ടർ", "gibraltar")])


def test_a_v_before_l_or_r_is_the_u_kana_writes_for_it():
    # ウラジーミル is Vladimir: kana writes the V of Vl- as the vowel u, which no key keeps.
    resolver = Resolver([Entity("vladimir-putin", "Vladimir Putin", "person"),
                         Entity("vladivostok", "Vladivostok", "place")], place_names=())
    match = resolver.resolve("ウラジーミル・プーチン")
    assert match is not None and match.id == "vladimir-putin" and match.similarity >= 0.85


def test_thai_and_amharic_names_are_read_in_spoken_order():
    # แคเมอรูน, Cameroon, was "aekhem`ruun": the vowels Thai writes first came first.
    resolver = Resolver([Entity(n.lower(), n, "place") for n in ["Austria", "Mongolia", "Greenland", "Iran", "Brunei",
                                                                 "Laos", "Monaco"]], place_names=())
    assert_resolves(resolver, [("ออสเตรีย", "austria"), ("มองโกเลีย", "mongolia"), ("ግሪንላንድ", "greenland"),
                               ("ኢራን", "iran"), ("ብሩኒ", "brunei")])


def test_georgian_and_armenian_names_read_as_their_national_systems_spell_them():
    # კობახიძე read "kobaxiz'e" (two words, x for kh); as Georgia spells it, Kobakhidze.
    resolver = Resolver([Entity("nikol-pashinyan", "Nikol Pashinyan", "person"),
                         Entity("irakli-kobakhidze", "Irakli Kobakhidze", "person")], place_names=())
    assert_resolves(resolver, [("Նիկոլ Փաշինյան", "nikol-pashinyan"), ("ირაკლი კობახიძე", "irakli-kobakhidze")],
                    similarity=1.0)
    alone = resolver.candidates("კობახიძე")[0]  # a surname alone: his, just under the threshold
    assert (alone.id, alone.similarity) == ("irakli-kobakhidze", 1.0)


def test_a_georgian_name_is_read_without_the_nominative_ending_it_adds():
    # Georgian ends a name that ends in a consonant with -ი: ბანგკოკი is Bangkok, მანაუსი Manaus.
    resolver = Resolver([Entity(n.lower(), n, "place") for n in ("Bangkok", "Manaus", "Irkutsk", "Tbilisi")],
                        place_names=())
    assert_resolves(resolver, [("ბანგკოკი", "bangkok"), ("მანაუსი", "manaus"), ("ირკუტსკი", "irkutsk"),
                               ("თბილისი", "tbilisi")], similarity=1.0)  # a name that ends in -i keeps it
    assert resolver.resolve("ბათუმი") is None  # Batumi, no place here
    # Only the last word takes the ending: ჯიმი კარტერი may be Jimmy Carter, never surely Jim Karter
    # (read "jim karter" with both i's dropped, it was Jim Karter at 0.9995).
    people = Resolver([Entity("jimmy-carter", "Jimmy Carter", "person"), Entity("jim-karter", "Jim Karter", "person")],
                      place_names=())
    match = people.resolve("ჯიმი კარტერი")
    assert match is None or match.id == "jimmy-carter"


def test_a_georgian_name_in_running_text_is_read_without_its_case_ending():
    # Georgian declines a name: ბაიდენმა (ergative, "Biden said"), ბაიდენის (of Biden), ბაიდენთან
    # (with Biden). A surname's own -ძე ("dze") is no postposition -ზე ("ze").
    resolver = Resolver([Entity("joe-biden", "Joe Biden", "person"),
                         Entity("irakli-kobakhidze", "Irakli Kobakhidze", "person")], place_names=())
    assert_resolves(resolver, [("ჯო ბაიდენმა", "joe-biden"), ("ჯო ბაიდენის", "joe-biden"),
                               ("ჯო ბაიდენთან", "joe-biden"), ("ირაკლი კობახიძემ", "irakli-kobakhidze")])
    assert native_spellings("კობახიძე") == []  # read as written, "kobakhidze": no ending to leave out


def test_thai_lao_and_khmer_write_the_k_and_vowels_of_foreign_names():
    # Thai ค and Lao ຄ write the k of Cuba, Kenya and Canada, which unidecode spells kh (the kh of
    # Khon Kaen): read as k too, the name's consonants agree.
    resolver = Resolver([Entity(n.lower(), n, "place") for n in ("Cuba", "Kenya", "Canada", "Algeria", "Australia",
                                                                 "Japan")], place_names=())
    assert_resolves(resolver, [("เคนยา", "kenya"), ("ເຄນຢາ", "kenya"), ("ແຄນາດາ", "canada"),
                               ("ອັລຈິເຣຍ", "algeria"), ("អូស្ត្រាលី", "australia")])  # Khmer's អ is no q
    # A name of four letters stays near the threshold (คิวบา 0.89 under the model of 0.9033, 0.92
    # under that of 0.9075): the reading makes Cuba its one candidate, which is what is asked here.
    assert [m.id for m in resolver.candidates("คิวบา")] == ["cuba"]


def test_serbian_and_macedonian_j_is_read_as_the_y_of_english_spellings():
    # Serbian Cyrillic writes New York Њујорк, Serbian Latin Njujork; a name English spells with
    # that j (Jordan, Sarajevo) is still found as written.
    resolver = Resolver([Entity(n.lower().replace(" ", "-"), n, "place") for n in (
        "New York", "Kenya", "Jordan", "Sarajevo", "Gambia", "Oman")], place_names=())
    assert_resolves(resolver, [("Њујорк", "new-york"), ("Јордан", "jordan"), ("Сарајево", "sarajevo")])
    assert resolver.candidates("Кенија")[0].id == "kenya"


def test_greek_writes_the_b_and_d_of_foreign_names_with_two_letters_after_a_vowel_too():
    # Μπάιντεν is Biden: ντ after a vowel writes d, as μπ writes b; in Σάντερς (Sanders) it is nd.
    resolver = Resolver([Entity(n.lower().replace(" ", "-"), n, "person") for n in (
        "Joe Biden", "Bernie Sanders", "Kamala Harris", "Rand Paul", "Lindsey Graham")], place_names=())
    assert_resolves(resolver, [("Τζο Μπάιντεν", "joe-biden"), ("Μπέρνι Σάντερς", "bernie-sanders"),
                               ("Ραντ Πολ", "rand-paul")])


def test_an_alphabet_that_writes_m_and_n_apart_keeps_them_apart():
    # Канарські (the Canaries) shares Komorski's consonant classes only where n counts as m, as
    # kana counts it; Cyrillic writes the two with letters of their own.
    assert cross_script_similarity("kanarski", "komorski", alphabet=True) < cross_script_similarity(
        "kanarski", "komorski")
    assert cross_script_similarity("komorski", "komorski", alphabet=True) == cross_script_similarity(
        "komorski", "komorski")


def test_names_with_an_ayin_are_read_as_one_word():
    resolver = Resolver([Entity("saeed-jalili", "Saeed Jalili", "person"),
                         Entity("masoud-pezeshkian", "Masoud Pezeshkian", "person")], place_names=())
    assert_resolves(resolver, [("سعيد جليلي", "saeed-jalili"), ("סעיד ג'לילי", "saeed-jalili"),
                               ("مسعود پزشکیان", "masoud-pezeshkian")], similarity=1.0)


def test_the_arabic_article_is_a_word_the_latin_spelling_may_leave_out():
    # القاهرة (al-Qahira, Cairo) read as one word "alqahra" had Algeria's consonants (0.97);
    # الكويت and البحرين found no Kuwait or Bahrain.
    resolver = Resolver([Entity(n.lower().replace(" ", "-"), n, "place") for n in ["Kuwait", "Bahrain", "Algeria", "Manama"]]
                        + [Entity("omar-al-bashir", "Omar al-Bashir", "person")], place_names=())
    assert_resolves(resolver, [("البحرين", "bahrain"), ("المنامة", "manama"), ("البشير", "omar-al-bashir")])
    # Kuwait is read right and alone, held just under the threshold (0.908 under the model of 0.912)
    assert [m.id for m in resolver.candidates("الكويت")] == ["kuwait"]
    assert resolver.resolve("القاهرة") is None


def test_a_final_ng_that_kana_writes_with_a_vowel_is_the_ng_of_the_latin_name():
    # ホーキング is "hokingu": the u after the final ng is kana's, not a consonant of Hawking's.
    assert loan_key("sutivun hokingu") == loan_key("stephen hawking")
    resolver = Resolver([Entity("stephen-hawking", "Stephen Hawking", "person"),
                         Entity("stephen-harper", "Stephen Harper", "person")], place_names=())
    assert_resolves(resolver, [("スティーヴン・ホーキング", "stephen-hawking")])


def test_an_english_re_ends_the_word_on_the_r_non_rhotic_scripts_leave_out():
    # シェイクスピア and 셰익스피어 write no r for Shakespeare's final -re; Pierre keeps its r (ピエール).
    resolver = Resolver([Entity("william-shakespeare", "William Shakespeare", "person"),
                         Entity("pierre-curie", "Pierre Curie", "person"),
                         Entity("william-wordsworth", "William Wordsworth", "person")], place_names=())
    assert_resolves(resolver, [("ウィリアム・シェイクスピア", "william-shakespeare"), ("윌리엄 셰익스피어", "william-shakespeare"),
                               ("ピエール・キュリー", "pierre-curie")])


def test_an_r_a_non_rhotic_script_writes_before_a_consonant_is_the_names_own():
    # Hangul and kana leave out the r English does not sound (카터, Carter), but write the one a
    # name sounds: 모차르트 and アムステルダム are Mozart and Amsterdam, r and all.
    resolver = Resolver([Entity("mozart", "Wolfgang Amadeus Mozart", "person"),
                         Entity("carter", "Jimmy Carter", "person"),
                         Entity("amsterdam", "Amsterdam", "place"),
                         Entity("nome", "Nome", "place")], place_names=())
    assert_resolves(resolver, [("볼프강 아마데우스 모차르트", "mozart"), ("ヴォルフガング・アマデウス・モーツァルト", "mozart"),
                               ("アムステルダム", "amsterdam"), ("암스테르담", "amsterdam"),
                               ("지미 카터", "carter"), ("ジミー・カーター", "carter")])


def test_burmese_names_are_read_syllable_by_syllable():
    resolver = Resolver([Entity(n.lower(), n, "place") for n in ["Tajikistan", "Pakistan", "Zimbabwe", "Finland"]],
                        place_names=())
    assert_resolves(resolver, [("တာဂျီကစ္စတန်", "tajikistan"), ("ပါကစ္စတန်", "pakistan"), ("ဇင်ဘာဘွေ", "zimbabwe")])


def test_a_name_in_han_resembles_a_form_in_han_only_through_a_shared_character():
    # 校长 (a headmaster, "xiaozhang") reads like 朝鲜 (Korea, "chaoxian") by its loanword key,
    # but shares no character with it; 普丁 and 普京, two renderings of Putin, share 普, and
    # 朝鮮 is 朝鲜 in traditional characters.
    resolver = Resolver([Entity("kp", "North Korea", "place", aliases=("朝鲜",)),
                         Entity("putin", "Vladimir Putin", "person", aliases=("普京",))], place_names=())
    assert "kp" not in {m.id for m in resolver.candidates("校长")}
    assert "putin" in {m.id for m in resolver.candidates("普丁")}
    assert resolver.resolve("朝鮮").id == "kp"
    # A query in another script is compared by reading as before.
    assert "kp" in {m.id for m in resolver.candidates("초선")}


def test_another_name_spelled_in_a_letter_for_letter_alphabet_is_another_person():
    # Олена and Iryna share their consonant classes (l and r are one class, vowels are left
    # out), but Cyrillic writes every letter: "olena" is a name people have, and not Iryna.
    resolver = Resolver([Entity("kuleba", "Iryna Kuleba", "person"), Entity("usyk", "Oleksandr Usyk", "person"),
                         Entity("lomachenko", "Vasyl Lomachenko", "person"),
                         Entity("zelenskyy", "Volodymyr Zelenskyy", "person")])
    assert resolver.resolve("Олена Кулеба") is None
    assert resolver.resolve("Олександр Ломаченко") is None  # a surname of the gallery, another person's
    assert resolver.resolve("Олександр Шевченко") is None  # the в of Шевченко is no w
    assert resolver.resolve("Ірина Кулеба").id == "kuleba"
    assert resolver.resolve("Владимир Зеленский").id == "zelenskyy"  # Vladimir: Volodymyr in Russian
    # A reading that is some name by chance does not bar a name others write otherwise.
    borrowed = Resolver([Entity("bush", "George Bush", "person")])
    assert borrowed.resolve("Жорж Буш").id == "bush"


def test_a_word_of_another_listed_persons_name_is_no_word_of_this_one():
    # Ньютон, "niuton", shares no consonant class with Putin but one; it spells Isaac Newton's
    # surname, so Vladimir Newton is someone else, in Cyrillic as in Armenian.
    resolver = Resolver([Entity("putin", "Vladimir Putin", "person"), Entity("newton", "Isaac Newton", "person")])
    assert resolver.resolve("Владимир Ньютон") is None
    assert resolver.resolve("Վլադիմիր Նյուտոն") is None
    assert resolver.resolve("Владимир Путин").id == "putin"
    assert resolver.resolve("Исаак Ньютон").id == "newton"


def test_an_english_final_e_that_an_alphabet_leaves_out_is_no_other_name():
    # Armenian and Georgian write Joe as "jo", which is also a name people have; the e English
    # writes and does not sound makes it no other person's.
    resolver = Resolver([Entity("biden", "Joe Biden", "person"), Entity("pence", "Mike Pence", "person"),
                         Entity("kuleba", "Iryna Kuleba", "person")])
    assert resolver.resolve("Ջո Բայդեն").id == "biden"
    assert resolver.resolve("ჯო ბაიდენი").id == "biden"
    assert resolver.resolve("Մայք Փենս").id == "pence"
    assert resolver.resolve("Ջոն Բայդեն") is None  # John is another given name
    assert resolver.resolve("Олена Кулеба") is None


def test_an_alphabet_that_writes_l_and_r_apart_keeps_them_apart(real_pairs_gallery):
    # Жириновский shares Volodymyr Zelenskyy's consonant classes only where l counts as r, as
    # kana and Hangul count it; Cyrillic writes the two with letters of their own.
    assert cross_script_similarity("zhirinovskii", "zelenskyy", alphabet=True) < 0.7 < cross_script_similarity(
        "zhirinovskii", "zelenskyy")
    assert cross_script_similarity("zelenskii", "zelenskyy", alphabet=True) == cross_script_similarity(
        "zelenskii", "zelenskyy")
    assert real_pairs_gallery.resolve("Владимир Жириновский") is None
    assert real_pairs_gallery.resolve("Владимир Зеленский").name == "Volodymyr Zelenskyy"
    # Kana's r is also an l: the lone surname reads as Zelenskyy's, first of its candidates. (A
    # lone surname across scripts sits near the threshold: 0.91 with the model of the round before
    # this test was loosened, 0.84 after its refit; what this test holds is the reading.)
    assert real_pairs_gallery.candidates("ゼレンスキー")[0].name == "Volodymyr Zelenskyy"


def test_a_long_a_or_o_in_kana_is_read_as_the_r_english_writes_there():
    # Japanese borrows from English spoken without an r after a vowel: ピーター is "pita" as read,
    # Peter as spelt. The reading with the r spells the Latin form letter by letter.
    people = ["Peter Turner", "Bernard Sumner", "Bernie Sanders", "Joe Biden", "Donald Trump"]
    resolver = Resolver([Entity(n.lower().replace(" ", "-"), n, "person") for n in people])
    assert resolver.resolve("ピーター・ターナー").id == "peter-turner"
    assert resolver.resolve("バーナード・サムナー").id == "bernard-sumner"
    assert resolver.resolve("ジョー・バイデン").id == "joe-biden"  # a long o that writes no r
    assert resolver.resolve("ピーター・パーカー") is None  # Peter Parker is no one here


def test_a_kana_long_vowel_read_as_r_is_compared_with_the_r_spelt():
    # ハーヴェイ "havei" keeps one consonant of Harvey, too few to find it by; read "harvei", it
    # keeps the r too, and is compared with Harvey as Harvey is spelt.
    names = Resolver([Entity(n.lower(), n, "person") for n in ("Harvey", "Carter", "Parker", "Avery", "Harry", "Hayes")])
    assert_resolves(names, [("ハーヴェイ", "harvey"), ("カーター", "carter"), ("パーカー", "parker")])


def test_an_english_th_is_the_s_hangul_kana_and_han_write_for_it():
    # Smith is 스미스, スミス and 史密斯; Anthony 앤서니, アンソニー and 安东尼.
    people = ["Anthony Hopkins", "Matthew Perry", "Thomas Mann", "John Smith", "Kathleen Turner"]
    resolver = Resolver([Entity(n.lower().replace(" ", "-"), n, "person") for n in people])
    assert_resolves(resolver, [("앤서니 홉킨스", "anthony-hopkins"), ("アンソニー・ホプキンス", "anthony-hopkins"),
                               ("安东尼·霍普金斯", "anthony-hopkins"), ("매슈 페리", "matthew-perry"),
                               ("존 스미스", "john-smith"), ("ジョン・スミス", "john-smith"), ("约翰·史密斯", "john-smith"),
                               ("キャスリーン・ターナー", "kathleen-turner")])
    # An alphabet writes the t (Смит), and its s is no th: Джеймс is James, not Thomas read "somas".
    names = Resolver([Entity(n.lower(), n, "person") for n in ("James", "Thomas", "Smith")])
    assert [m.id for m in names.candidates("Джеймс")] == ["james"]
    assert names.candidates("スミス")[0].id == "smith"


def test_han_writes_a_v_with_a_character_of_w_and_is_weighed_by_the_letters_its_characters_write():
    # 卡尔文 "kaerwen" is Calvin, whose v Mandarin writes with 文 "wen"; read by consonant classes
    # alone, it was Green's at 0.98. 凯文 is Kevin, not Cain.
    names = Resolver([Entity(n.lower(), n, "person") for n in ("Calvin", "Green", "Kevin", "Cain", "Karen")])
    assert names.candidates("卡尔文")[0].id == "calvin"
    assert all(m.id != "green" or m.score < 0.5 for m in names.candidates("卡尔文"))
    assert names.candidates("凯文")[0].id == "kevin"
    # Hangul and kana write the v with a b, as Kevin's key keeps it: 케빈, ケビン.
    assert names.candidates("케빈")[0].id == names.candidates("ケビン")[0].id == "kevin"


def test_a_gh_may_be_the_g_other_scripts_write():
    places = Resolver([Entity(n.lower(), n, "place") for n in ("Baghdad", "Pittsburgh", "Edinburgh", "Bangladesh")],
                      place_names=())
    assert_resolves(places, [("バグダッド", "baghdad"), ("바그다드", "baghdad"), ("ピッツバーグ", "pittsburgh")])
    names = Resolver([Entity(n.lower(), n, "person") for n in ("Gallagher", "Gregory", "Galloway")])
    assert_resolves(names, [("ギャラガー", "gallagher")])
    # A lone surname read across scripts sits near the threshold, on one side or the other as the
    # model is refitted: the reading is Gallagher's, far ahead of the other two.
    top, *rest = names.candidates("갤러거")
    assert top.id == "gallagher" and top.score > 0.85 and all(m.score < 0.05 for m in rest)


def test_a_korean_given_name_is_also_read_as_koreans_usually_spell_it(real_pairs_gallery):
    # 이명박 is "Lee Myeong-bak" by the Revised Romanization and Lee Myung-bak as he spells it; 김연아
    # "Kim Yeon-a", Kim Yuna; 윤석열 keeps one syllable as RR writes it (Yoon Suk Yeol).
    for query, name in [("이명박", "Lee Myung-bak"), ("김연아", "Kim Yuna"), ("반기문", "Ban Ki-moon"),
                        ("윤석열", "Yoon Suk Yeol")]:
        match = real_pairs_gallery.resolve(query)
        assert match is not None and match.name == name, query
    assert real_pairs_gallery.resolve("이명희") is None  # Lee Myung-hee is someone else


def test_han_is_also_read_as_the_sounds_chinese_writes_foreign_names_with():
    # 斯 "si" writes the s of Stephen, 霍 "huo" the Ho of Hawking, 金 "jin" Kin: pinyin alone made
    # 斯蒂芬·霍金 "sidifen huojin" closer to Saddam Hussein.
    people = ["Stephen Hawking", "Saddam Hussein", "Nikola Tesla", "Joe Biden"]
    resolver = Resolver([Entity(n.lower().replace(" ", "-"), n, "person") for n in people])
    assert resolver.candidates("斯蒂芬·霍金")[0].id == "stephen-hawking"
    places = Resolver([Entity(n.lower(), n, "place") for n in ("Kinshasa", "Minsk", "Colombia", "Norway")],
                      place_names=())
    assert places.resolve("金夏沙").id == "kinshasa"  # 金 "jin" writes Kin
    assert places.resolve("吉隆坡") is None  # Kuala Lumpur, whose 吉 is no g of Colombia


def test_russian_writes_an_english_h_with_its_g():
    # Гарри is Harry Truman's given name as Russian writes it, and Garry Kasparov's as his own:
    # a word-initial г is read both ways, and the surname tells them apart.
    resolver = Resolver([Entity(n.lower().replace(" ", "-"), n, "person") for n in (
        "Harry Truman", "Garry Kasparov", "Gordon Brown", "Herbert Hoover")], place_names=())
    assert_resolves(resolver, [("Гарри Трумэн", "harry-truman"), ("Гарри Каспаров", "garry-kasparov"),
                               ("Гордон Браун", "gordon-brown"), ("Герберт Гувер", "herbert-hoover")])


def test_greek_writes_an_english_h_with_its_chi():
    # Χάρι is Harry as Greek writes it; read "khari" alone, Harry Truman had no candidate. Greek
    # names keep their ch (Χρήστος, Christos).
    resolver = Resolver([Entity(n.lower().replace(" ", "-"), n, "person") for n in (
        "Harry Truman", "Christos Papadopoulos", "Gordon Brown")], place_names=())
    assert_resolves(resolver, [("Χάρι Τρούμαν", "harry-truman"), ("Χρήστος Παπαδόπουλος", "christos-papadopoulos")])


def test_devanagari_names_are_read_with_the_vowel_their_consonants_carry():
    # कमला is Kamala: read bare ("kmlaa"), its spelling agreed too little with Kamala's to answer.
    names = ["Sachin", "Kamala", "Virat", "Rahul", "Narendra", "Priyanka", "Donald", "Angela"]
    resolver = Resolver([Entity(n.lower(), n, "person") for n in names], place_names=())
    assert_resolves(resolver, [("कमला", "kamala"), ("सचिन", "sachin"), ("नरेंद्र", "narendra")])


def test_greek_writes_a_word_initial_w_with_ou_or_gou():
    # Γουάτσον is Watson, as Ουάσιγκτον is Washington: English w before a vowel.
    resolver = Resolver([Entity(n.lower().replace(" ", "-"), n, "person") for n in (
        "Emma Watson", "Emma Thompson", "George Washington")], place_names=())
    assert_resolves(resolver, [("Έμμα Γουάτσον", "emma-watson"), ("Τζορτζ Ουάσιγκτον", "george-washington")])


def test_the_candra_vowels_of_devanagari_and_gujarati_are_the_o_and_a_of_english_names():
    # ॉ and ॅ write the vowels of English "Boston" and "Batman"; they are no nasal o and e.
    resolver = Resolver([Entity(n.lower().replace(" ", "-"), n, "place") for n in (
        "Moscow", "Boston", "Washington", "Manhattan", "Monterrey")]
        + [Entity("harry-potter", "Harry Potter", "person"), Entity("robert-downey", "Robert Downey", "person")],
        place_names=())
    assert_resolves(resolver, [("बॉस्टन", "boston"), ("वॉशिंगटन", "washington"),
                               ("બૉસ્ટન", "boston"), ("हॅरी पॉटर", "harry-potter"),
                               ("रॉबर्ट डाउनी", "robert-downey")])
    # "mosko" is read as Moscow and nothing else, but agrees with its spelling too little for an
    # answer (0.85 under the model of 0.912, which weighs the lead in spelling over the rivals)
    assert [m.id for m in resolver.candidates("मॉस्को")] == ["moscow"]


def test_a_persons_name_in_the_querys_own_script_is_compared_as_spelled():
    # The gallery lists Zelenskyy's Russian name: a slip in it is a slip, found by spelling, and
    # another name in the same script is not found by sounding like it. A place's names in one
    # script are several languages' and are read across scripts all the same.
    resolver = Resolver([
        Entity("volodymyr-zelenskyy", "Volodymyr Zelenskyy", "person", aliases=("Владимир Зеленский",)),
        Entity("vladimir-putin", "Vladimir Putin", "person"), Entity("za", "South Africa", "place")])
    assert_resolves(resolver, [("Владимер Зеленский", "volodymyr-zelenskyy"),
                               ("Владимир Зеленскй", "volodymyr-zelenskyy"),
                               ("Південно-Африканська Республіка", "za")])
    # Serbian's name reads like the Russian one the country table lists, and ends otherwise: found
    # first, at 0.87 since places have trees of their own (0.96 before).
    assert resolver.candidates("Јужноафриканска Република")[0].id == "za"
    assert resolver.resolve("Владимир Жириновский") is None
    # So too where the gallery also lists that name in Latin letters as its romanization reads.
    spelled_too = Resolver([Entity("volodymyr-zelenskyy", "Volodymyr Zelenskyy", "person",
                                   aliases=("Владимир Зеленский", "Vladimir Zelenskii")),
                            Entity("vladimir-putin", "Vladimir Putin", "person")])
    assert spelled_too.resolve("Владимир Жириновский") is None
    assert spelled_too.resolve("Владимер Зеленский").id == "volodymyr-zelenskyy"


def test_a_name_that_only_reads_like_an_entitys_own_name_in_its_script_is_doubted():
    # Zelenskyy's Russian name is Владимир Зеленский: Владимир Жириновский, in the same script,
    # reads like it by consonant classes only, and is someone else. His name as Ukrainian and
    # Greek write it, which the gallery does not list, still finds him.
    resolver = Resolver([
        Entity("volodymyr-zelenskyy", "Volodymyr Zelenskyy", "person", aliases=("Владимир Зеленский",)),
        Entity("vladimir-putin", "Vladimir Putin", "person"), Entity("joe-biden", "Joe Biden", "person"),
        Entity("sendai", "Sendai", "place", aliases=("仙台",)), Entity("nagoya", "Nagoya", "place")],
        place_names=())
    assert resolver.resolve("Владимир Жириновский") is None
    assert_resolves(resolver, [("Володимир Зеленський", "volodymyr-zelenskyy"),
                               ("Βολοντίμιρ Ζελένσκι", "volodymyr-zelenskyy")])
    # 京都 (Kyoto) read in Mandarin has Sendai's consonants; Sendai's own name is 仙台.
    assert resolver.resolve("京都") is None


def test_a_word_without_consonants_does_not_misalign_a_name_read_across_scripts():
    # "Ho" has no consonant a loanword key keeps: Хо Ши Мин lines up with Ho Chi Minh by its other
    # words, as Ху Цзиньтао does with Hu Jintao.
    resolver = Resolver([Entity("hcmc", "Ho Chi Minh City", "place"), Entity("hanoi", "Hanoi", "place"),
                         Entity("hu-jintao", "Hu Jintao", "person"), Entity("xi-jinping", "Xi Jinping", "person")],
                        place_names=())
    assert_resolves(resolver, [("Хо Ши Мин", "hcmc"), ("Ху Цзиньтао", "hu-jintao")])
    assert cross_script_similarity("ho shi min", "ho chi minh", alphabet=True) > 0.85


def test_a_consonant_vav_is_read_as_the_v_it_writes():
    # Hebrew doubles a vav that writes v or w (מונטווידאו), and a word's first vav is one too
    # (ונצואלה); a single one inside a word is the o or u it mostly is (בוגוטה, Bogotá).
    resolver = Resolver([Entity("montevideo", "Montevideo", "place"), Entity("venezuela", "Venezuela", "place"),
                         Entity("bogota", "Bogotá", "place"), Entity("lima", "Lima", "place")], place_names=())
    assert_resolves(resolver, [("מונטווידאו", "montevideo"), ("ונצואלה", "venezuela"), ("בוגוטה", "bogota")])


def test_serbian_yod_and_v_are_read_together_as_y_and_w():
    # Гвајакил: its в the w of Guayaquil's gu, its ј the y, in the one reading.
    resolver = Resolver([Entity("guayaquil", "Guayaquil", "place"), Entity("quito", "Quito", "place"),
                         Entity("portugal", "Portugal", "place")], place_names=())
    assert_resolves(resolver, [("Гвајакил", "guayaquil")])


def test_belarusian_hard_i_is_read_as_the_i_of_a_borrowed_name():
    # Belarusian writes the i of Chita and Cambridge ы after a hard consonant, where Russian writes
    # и: read only as Russian's y, Чыта and Кембрыдж-Бей were left under the threshold.
    resolver = Resolver([Entity(n.lower().replace(" ", "-"), n, "place") for n in (
        "Chita", "Cambridge Bay", "Tirana", "Riga", "Paris", "Kolkata", "Denver", "Madrid", "Tokyo")],
        place_names=("words",))
    assert_resolves(resolver, [("Чыта", "chita"), ("Кембрыдж-Бей", "cambridge-bay"), ("Тырана", "tirana")])


def test_russian_e_after_a_consonant_is_read_as_the_short_a_of_english_names():
    # Russian writes the a of Brad and Pam э (Брэд, Пэм), read by letters as an e: "bred" was
    # Bread's before Brad's, and Пэм was left under the threshold.
    resolver = Resolver([Entity(n.lower(), n, "person") for n in (
        "Brad", "Bread", "Brady", "Pam", "Perry", "David", "Hank", "Jack")], place_names=())
    assert resolver.candidates("Брэд")[0].id == "brad"
    assert_resolves(resolver, [("Пэм", "pam"), ("Дэвид", "david")])


def test_an_anusvara_before_a_labial_is_the_m_it_sounds():
    # मुंबई, कोलंबो, कंबोडिया write the m of Mumbai, Colombo and Cambodia with an anusvara, which
    # is an n before other letters (हिंदी, Hindi; रांची, Ranchi).
    resolver = Resolver([Entity("mumbai", "Mumbai", "place"), Entity("colombo", "Colombo", "place"),
                         Entity("cambodia", "Cambodia", "place"), Entity("ranchi", "Ranchi", "place")],
                        place_names=())
    assert_resolves(resolver, [("मुंबई", "mumbai"), ("कोलंबो", "colombo"), ("कंबोडिया", "cambodia"),
                               ("रांची", "ranchi")])


def test_arabic_and_hebrew_are_read_with_l_and_r_apart():
    # Arabic and Hebrew write l and r, m and n, with letters of their own: ريما and רימה (Rima)
    # are not Lima, as Рима is not in Cyrillic. Kana, which writes both with one, still folds them.
    resolver = Resolver([Entity("lima", "Lima", "place"), Entity("nairobi", "Nairobi", "place")], place_names=())
    assert_resolves(resolver, [("ليما", "lima"), ("לימה", "lima"), ("リマ", "lima")])
    assert resolver.resolve("ريما") is None
    assert resolver.resolve("רימה") is None


def test_georgian_and_armenian_write_an_english_w_with_their_v_or_u(real_pairs_gallery):
    # Darwin is დარვინი and Դարվին, William უილიამ and Ուիլյամ: a v before a vowel, or a word's
    # first u before one, is the w of the name they borrow, as in Russian (Дарвин, Уильям).
    assert labial_readings("დარვინი", "darvini") == ("darwini",)
    assert labial_readings("Ուիլյամ", "uilyam") == ("wilyam",)
    assert labial_readings("ვაშინგტონი", "vashingtoni") == ("washingtoni",)
    assert real_pairs_gallery.resolve("ჩარლზ დარვინი").name == "Charles Darwin"
    assert real_pairs_gallery.resolve("Չարլզ Դարվին").name == "Charles Darwin"
