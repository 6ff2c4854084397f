"""The only test module that reads data/aliases.yaml: it lints the bundled file."""

from __future__ import annotations

import pytest

import namenorm
from namenorm.aliases import bundled_path

# Forms deliberately shared by two real entities; any other clash is a data bug.
INTENDED_CLASHES = {
    "georgia": {"georgia-us-state", "georgia-country"},
    "jojia": {"georgia-us-state", "georgia-country"},
    "new york": {"new-york-state", "new-york-city"},
    "washington": {"washington-state", "washington-dc"},
    "congo": {"dr-congo", "republic-of-the-congo"},
}


@pytest.fixture(scope="module")
def bundled() -> namenorm.Resolver:
    return namenorm.load()


def test_bundled_file_loads_and_is_well_formed(bundled):
    assert bundled_path().is_file()
    kinds = {}
    for entity in bundled:
        assert entity.name.strip() == entity.name and entity.name
        kinds[entity.kind] = kinds.get(entity.kind, 0) + 1
    assert kinds["place"] >= 193 + 50
    assert kinds["person"] >= 20 and kinds["org"] >= 20


def test_no_unintended_clashes(bundled):
    assert bundled.clashes == []  # the file lists every form it shares on purpose
    found = {c.form: {e.id for e in c.entities} for c in bundled.index.tables.clashes}
    assert found == INTENDED_CLASHES


@pytest.mark.parametrize("query,expected", [
    ("Brad Rafensperger", "brad-raffensperger"),
    ("Brad Rappensperger", "brad-raffensperger"),
    ("Ryan Germanie", "ryan-germany"),
    ("David Purdue", "david-perdue"),
    ("Kelly Loeffler", "kelly-loeffler"),
    ("Joe Biden", "joe-biden"),
    ("Fulton County", "fulton-county-georgia"),
    ("래펜스퍼거", "brad-raffensperger"),
    ("트럼프", "donald-trump"),
    ("Purdue", "purdue-university"),
])
def test_seed_story_names(bundled, query, expected):
    match = bundled.resolve(query)
    assert match is not None and match.id == expected


def test_a_bare_surname_with_a_title_is_likely_its_person_but_not_certain(bundled):
    best = bundled.candidates("President Trump")[0]
    assert best.id == "donald-trump" and 0.8 <= best.score < 1.0
    assert bundled.resolve("President Trump", score_cutoff=0.8).id == "donald-trump"


@pytest.mark.parametrize("query", ["Perdue", "Georgia", "and", "can", "in", "who", "us", "Ted Cruz",
                                   "hit", "man", "chain", "grease",
                                   # names people have, one letter from Brasil (Brazil) and Chapan (Japan)
                                   "Basil", "Chapman"])
def test_ambiguous_or_unknown_abstain(bundled, query):
    assert bundled.resolve(query) is None


def test_module_level_resolve_uses_the_bundled_file():
    assert namenorm.resolve("Brad Rafensperger").id == "brad-raffensperger"


def test_bundled_file_passes_check_strict(capsys):
    from namenorm.cli import main

    assert main(["check", "--strict", "--no-cache"]) == 0, capsys.readouterr().out
    assert capsys.readouterr().out.endswith(" 0 errors, 0 warnings, 0 notes\n")


def test_a_form_marked_weak_in_korean_stays_weak_in_korean(bundled):
    # 수단 is "means" in Korean: weak in Hangul, though Sudan is strong in Latin and kana.
    assert bundled.resolve("수단").method == "weak"
    assert bundled.resolve("Sudan").method == bundled.resolve("スーダン").method == "exact"


@pytest.mark.parametrize("text,expected", [
    ("문재인 대통령은 오늘 발표했다.", "moon-jae-in"),
    ("래펜스퍼거 장관은 말했다.", "brad-raffensperger"),
    ("トランプ大統領は述べた。", "donald-trump"),
    ("习近平 主席 说。", "xi-jinping"),
    ("Вчера Трамп заявил.", "donald-trump"),
    ("昨日、菅首相とバイデン大統領が電話で会談した。", "joe-biden"),
    ("Σήμερα ο Μητσοτάκης συναντήθηκε με τον Ερντογάν.", "recep-tayyip-erdogan"),
])
def test_scan_finds_names_in_text_of_other_scripts(bundled, text, expected):
    assert expected in {m.match.id for m in bundled.scan(text)}
