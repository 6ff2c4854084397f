"""The learned letter costs between a romanized name and its Latin spelling (namenorm.spelling)."""

from __future__ import annotations

import json
from importlib import resources

from conftest import bench_script
from hypothesis import given, settings
from hypothesis import strategies as st

from namenorm.normalize import normalize_name, script_of
from namenorm.spelling import (
    alignment,
    han_agreement,
    kana_agreement,
    kana_units,
    letter_costs,
    spelling_agreement,
)


def _agreement(native: str, latin: str) -> float:
    return spelling_agreement(normalize_name(native), normalize_name(latin), script_of(native))


def test_the_usual_spelling_agrees_more_than_another_name_with_the_same_consonants() -> None:
    # Each native name against its own Latin spelling and a name its loanword key confuses it with.
    cases = [
        ("Чикаго", "Chicago", "Santiago"),
        ("Уиндхук", "Windhoek", "Windsor"),
        ("Τζιμπουτί", "Djibouti", "Chimbote"),
        ("פסדינה", "Pasadena", "Boston"),
        ("القنيطرة", "Kenitra", "Alexandria"),
        ("Жириновский", "Zhirinovsky", "Zelenskyy"),
    ]
    for native, own, other in cases:
        assert _agreement(native, own) > 3 * _agreement(native, other), (native, own, other)


def test_a_double_letter_costs_nothing_whether_the_script_writes_it_once_or_twice() -> None:
    # ケリー writes Kelly's ll once, Келли twice; a double tells no name from another.
    assert _agreement("ケリー", "Kelly") == _agreement("ケリー", "Kely")
    assert _agreement("Келли", "Kelly") == _agreement("Кели", "Kelly")
    assert _agreement("켈리", "Kelly") > 3 * _agreement("켈리", "Karen")


@given(st.text("aeiklnrstyz ", max_size=14), st.text("aeiklnrstyz ", max_size=14),
       st.sampled_from(["CYRILLIC", "KATAKANA", "ARABIC", "NO SUCH SCRIPT"]))
def test_agreement_stays_in_the_unit_interval_whatever_the_letters_doubled(romanized: str, form: str,
                                                                         script: str) -> None:
    assert 0.0 <= spelling_agreement(romanized, form, script) <= 1.0


def test_agreement_is_a_bounded_score_and_empty_names_agree_with_nothing() -> None:
    assert spelling_agreement("", "boston", "HEBREW") == 0.0
    assert 0.0 < _agreement("Москва", "Moscow") <= 1.0


def test_each_script_with_enough_names_has_its_own_table_and_others_share_the_pooled_one() -> None:
    data = json.loads(resources.files("namenorm").joinpath("_data", "spelling_costs.json").read_text("utf-8"))
    assert data["_generated"].startswith("by bench/fit_spelling.py")
    assert {"*", "CYRILLIC", "GREEK", "ARABIC", "HEBREW", "HANGUL", "CJK"} <= data["scripts"].keys()
    assert letter_costs("NO SUCH SCRIPT") is letter_costs("*")
    assert letter_costs("CYRILLIC") is not letter_costs("*")


def test_the_letter_costs_were_learned_from_the_pairs_todays_readings_give() -> None:
    # The costs are learned from the countries' names as namenorm reads them: when a reading
    # changes, the costs file is stale until bench/fit_spelling.py is rerun.
    fit_spelling = bench_script("fit_spelling")
    data = json.loads(resources.files("namenorm").joinpath("_data", "spelling_costs.json").read_text("utf-8"))
    assert data["_pairs_sha256"] == fit_spelling.pairs_digest(fit_spelling.training_pairs()), (
        "namenorm/_data/spelling_costs.json is stale: rerun python bench/fit_spelling.py")


@given(st.text("abcdekhstuvwxyz", max_size=12), st.text("abcdekhstuvwxyz", max_size=12))
def test_an_alignment_spells_out_both_names_and_costs_what_its_edits_cost(source: str, target: str) -> None:
    costs = letter_costs("CYRILLIC")
    total, edits = alignment(source, target, costs)
    assert "".join(a for a, _ in edits) == source
    assert "".join(b for _, b in edits) == target
    paid = sum(costs.edit(a, b) for a, b in edits)
    assert abs(paid - total) < 1e-6


def test_a_han_name_agrees_with_the_name_it_transcribes_more_than_with_one_of_its_consonants() -> None:
    # 卡尔文 reads "kaerwen"; Green has its consonant classes, Calvin its letters.
    assert han_agreement("卡尔文", "calvin") > 0.5
    assert han_agreement("卡尔文", "green") < 0.1
    assert han_agreement("凯文", "kevin") > han_agreement("凯文", "cain")
    # A surname alone agrees with the surname of a full name, not with the whole of it.
    assert han_agreement("布什", "george bush") == han_agreement("布什", "bush")
    assert han_agreement("Буш", "bush") == 1.0  # no Han: nothing to weigh


def test_a_kana_name_agrees_with_the_name_it_transcribes_more_than_with_a_look_alike() -> None:
    # ボルゴグラード reads "borugogurado": Belgrade has its consonants in order, Volgograd its sounds.
    assert kana_agreement("ボルゴグラード", "volgograd") > 0.5
    assert kana_agreement("ボルゴグラード", "belgrade") < 0.1
    assert kana_agreement("ウラジオストク", "vladivostok") > kana_agreement("ウラジオストク", "radstock")
    # A surname alone agrees with the surname of a full name, not with the whole of it.
    assert kana_agreement("ブッシュ", "george bush") == kana_agreement("ブッシュ", "bush")
    assert kana_agreement("Буш", "bush") == 1.0  # no kana: nothing to weigh


def test_a_kana_may_write_no_letter_where_the_kana_beside_it_writes_the_sound() -> None:
    # アイザック: "ai" is Isaac's one i, which イ writes; ア writes nothing, as no Han character may.
    assert kana_agreement("アイザック", "isaac") > 0.1


def test_kana_are_weighed_a_mora_at_a_time() -> None:
    # A small kana and a long vowel belong to the kana before them, a small tsu to the one it doubles.
    assert kana_units("ジョージ") == ("ジョー", "ジ")
    assert kana_units("ブラッド・ピット") == ("ブ", "ラ", "ッド", "ピ", "ット")
    assert kana_units("ーッ東京") == ()  # no kana to attach the marks to, and Han is no kana


@settings(max_examples=60, deadline=None)
@given(st.text("ジョーブラッドィスヴェンソンーア", min_size=1, max_size=8), st.text("abcdegiklmnoprstuvw ", max_size=14))
def test_kana_agreement_stays_in_the_unit_interval(text: str, form: str) -> None:
    assert 0.0 <= kana_agreement(text, form) <= 1.0


def test_a_han_character_with_no_reading_and_no_counts_is_weighed_not_a_crash() -> None:
    # 㐀 (CJK Extension A) has no pinyin in the tables and wrote no name of the counts.
    assert 0.0 <= han_agreement("㐀縥", "anna") <= 1.0
    assert 0.0 <= han_agreement("㐀", "a") <= 1.0


@settings(max_examples=60, deadline=None)
@given(st.text("斯特朗普布什凯文卡尔", min_size=1, max_size=5), st.text("abcdegiklmnoprstuvw ", max_size=14))
def test_han_agreement_stays_in_the_unit_interval(text: str, form: str) -> None:
    assert 0.0 <= han_agreement(text, form) <= 1.0
