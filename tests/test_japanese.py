from __future__ import annotations

from namenorm import Entity, Resolver
from namenorm.japanese import japanese_spellings
from namenorm.romanize import native_spellings

PEOPLE = ("Shinzo Abe", "Fumio Kishida", "Junichiro Koizumi", "Haruki Murakami", "Akira Kurosawa",
          "Shohei Ohtani", "Xi Jinping", "Tsai Ing-wen", "Moon Jae-in", "Kazuo Ishiguro")


def test_a_japanese_name_in_kanji_is_spelled_given_name_first_and_surname_first():
    assert japanese_spellings("田中角栄") == ["kakuei tanaka", "tanaka kakuei"]
    assert japanese_spellings("田中 角栄") == japanese_spellings("田中角栄")  # Japanese text may space them
    # A long vowel the table's glosses write twice (Kondou) is also written once, as the press does.
    assert {"isamu kondou", "isamu kondo"} <= set(japanese_spellings("近藤勇"))


def test_kanji_that_split_into_no_listed_names_get_no_japanese_spelling():
    assert japanese_spellings("中华人民共和国") == []
    assert japanese_spellings("Tanaka") == []
    # Two kanji are as often a word or a Chinese name that a listed surname and given name spell
    # too: 北京 was Takashi Kita, 王毅 Takeshi Wang, in a gallery that held them.
    resolver = Resolver([Entity("kita", "Takashi Kita", "person"), Entity("wang", "Takeshi Ou", "person"),
                         Entity("li", "Akira Ri", "person")], place_names=())
    for text in ("北京", "王毅", "李明", "東京"):
        assert japanese_spellings(text) == [], text
        assert resolver.resolve(text) is None, text


def test_a_name_spaced_with_a_full_width_space_is_read_too():
    resolver = Resolver([Entity("abe", "Shinzo Abe", "person")], place_names=())
    for text in ("安倍晋三", "安倍 晋三", "安倍\u3000晋三"):
        match = resolver.resolve(text)
        assert match is not None and match.id == "abe", text


def test_a_chinese_name_keeps_its_pinyin_first():
    assert native_spellings("习近平")[0] == "xi jinping"
    assert native_spellings("李克强")[:2] == ["li keqiang", "li ko chiang"]


def test_japanese_people_written_in_kanji_find_their_latin_names():
    # Read as Mandarin, 安倍晋三 is "an bei jin san": before the table, none of these had a candidate.
    resolver = Resolver([Entity(n.lower().replace(" ", "-"), n, "person") for n in PEOPLE], place_names=())
    for kanji, name in (("安倍晋三", "shinzo-abe"), ("岸田文雄", "fumio-kishida"), ("小泉純一郎", "junichiro-koizumi"),
                        ("村上春樹", "haruki-murakami"), ("黒澤明", "akira-kurosawa"), ("大谷翔平", "shohei-ohtani"),
                        ("习近平", "xi-jinping"), ("蔡英文", "tsai-ing-wen")):
        match = resolver.resolve(kanji)
        assert match is not None and match.id == name, kanji
    # A Japanese name the gallery does not hold is no one's.
    assert resolver.resolve("田中角栄") is None


def test_a_gallery_written_in_kanji_is_found_by_the_latin_name():
    resolver = Resolver([Entity("abe", "安倍晋三", "person"), Entity("kishida", "岸田文雄", "person")], place_names=())
    for name, entity in (("Shinzo Abe", "abe"), ("Abe Shinzo", "abe"), ("Fumio Kishida", "kishida")):
        match = resolver.resolve(name)
        assert match is not None and match.id == entity, name


def test_a_full_name_in_kanji_is_weighed_as_the_full_name_it_reads_as():
    # 今井功 is one word to the tokenizer, but read "isao imai" it names a given name and a
    # surname: its evidence is that of a two-word name, not of a surname asked alone (weighed as
    # one, Japanese people in kanji fell under the threshold in a gallery of 2,800).
    resolver = Resolver([Entity(n.lower().replace(" ", "-"), n, "person") for n in (*PEOPLE, "Isao Imai")],
                        place_names=())
    engine = resolver.engine
    for text, name in (("今井功", "isao-imai"), ("安倍晋三", "shinzo-abe"), ("习近平", "xi-jinping")):
        query, hits, exact = engine.gather(text)
        assert query is not None
        (best, evidence), *_ = engine.weigh(hits, query, exact)
        assert (best.id, evidence.words) == (name, 2), text
    query, hits, exact = engine.gather("Imai")
    assert query is not None and engine.weigh(hits, query, exact)[0][1].words == 1
