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
    assert japanese_spellings("东京") == []
    assert japanese_spellings("Tanaka") == []


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
