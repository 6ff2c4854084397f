from __future__ import annotations

from namenorm.romanize import drops_final_r, romanize


def test_hangul_by_jamo_with_loanword_finals():
    assert romanize("래펜스퍼거") == "raepenseupeogeo"
    assert romanize("라펜스퍼거") == "rapenseupeogeo"
    assert romanize("데이빗") == "deibit"
    assert romanize("찰스") == "chalseu"


def test_kana_hepburn_long_vowels_and_small_tsu():
    assert romanize("デービッド・パーデュー") == "debido padeyu"
    assert romanize("ジョー・バイデン") == "jo baiden"
    assert romanize("ケリー・レフラー") == "keri refura"
    assert romanize("チャーチル") == "chachiru"


def test_cyrillic_soft_sign_and_greek_digraphs():
    assert romanize("Пердью") == "Perdiu"
    assert romanize("Хиллари") == "Hillari"
    assert romanize("Ντόναλντ Τραμπ") == "Donald Tramb"
    assert romanize("Μπόρις") == "Boris"


def test_han_runs_are_one_word_of_pinyin():
    assert romanize("习近平").split() == ["shijinping"]
    assert romanize("唐纳德·特朗普").split() == ["tangnade", "telangpu"]


def test_latin_passes_through():
    assert romanize("Raffensperger") == "Raffensperger"
    assert romanize("Köln") == "Koln"


def test_scripts_that_drop_final_r():
    assert drops_final_r("퍼듀") and drops_final_r("パーデュー") and drops_final_r("珀杜")
    assert not drops_final_r("Пердью") and not drops_final_r("بيردو") and not drops_final_r("Perdue")
