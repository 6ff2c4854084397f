"""`namenorm suggest`: the garbles planted in our own articles are proposed, plain prose gives
nothing, and the output pastes into an alias file or runs as `namenorm add`."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest

import namenorm
from namenorm.cli import main
from namenorm.suggest import Miner, Suggestion, add_commands, yaml_snippet

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
SMALL = Path(__file__).parent / "fixtures" / "aliases_small.yaml"

PLANTED = {
    ("brad-raffensperger", "Brad Rapensperger"), ("brad-raffensperger", "Rapensperger"),
    ("ryan-germany", "Ryan Jermany"), ("ryan-germany", "Jermany"),
    ("david-perdue", "David Perdew"), ("david-perdue", "Perdew"), ("kelly-loeffler", "Kelly Loefler"),
}
"""Every garbled name the two articles write in Latin letters (and no correct one)."""
PLANTED_IN_HANGUL = ("brad-raffensperger", "레펜스퍼거")
"""The Hangul garble, between two Hangul words: the scan does not weigh a lone word that is
only similar to a form there, since in a script without case every neighbour looks like a name."""


@pytest.fixture(scope="module")
def mined(small) -> list[Suggestion]:
    miner = Miner(small)
    for path in sorted(ARTICLES.glob("*.txt")):
        miner.feed(path.read_text(encoding="utf-8"), path.name)
    return miner.suggestions()


def test_the_planted_garbles_are_proposed_for_their_entities(mined):
    assert PLANTED <= {(s.entity.id, s.form) for s in mined}


def test_nothing_but_the_planted_garbles_is_proposed(mined):
    assert {(s.entity.id, s.form) for s in mined} == PLANTED


@pytest.mark.xfail(strict=True, reason="a lone Hangul word similar to a form is not weighed between Hangul words")
def test_the_hangul_garble_is_proposed(mined):
    assert PLANTED_IN_HANGUL in {(s.entity.id, s.form) for s in mined}


def test_plain_prose_proposes_nothing(small):
    miner = Miner(small)
    miner.feed((ARTICLES / "plain_prose.txt").read_text(encoding="utf-8"), "plain_prose.txt")
    assert miner.suggestions() == []


def test_each_suggestion_says_how_often_how_likely_and_where(mined):
    (seen,) = [s for s in mined if s.form == "Ryan Jermany"]
    assert seen.count == 2 and seen.score >= 0.9 and seen.method == "phonetic" and seen.weak
    assert seen.seen.startswith("korean_press.txt:4: ") and "Ryan Jermany said" in seen.seen
    hangul = Suggestion(seen.entity, "레펜스퍼거", 1, 0.99, "cross-script", "")
    assert not hangul.weak  # a reading in another script is an alias, not a misspelling


def test_the_yaml_snippet_extends_the_file_with_exactly_the_suggested_forms(mined, tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text(yaml_snippet(mined, 3), encoding="utf-8")
    grown = namenorm.load(SMALL, mine, cache=False)
    for entity_id, form in PLANTED:
        match = grown.resolve(form)
        assert match is not None and match.id == entity_id and match.method in ("exact", "weak"), form


def test_the_add_commands_run_and_add_the_forms(mined, tmp_path, capsys):
    target = tmp_path / "gallery.yaml"
    shutil.copy(SMALL, target)
    for line in add_commands(mined, str(target)).splitlines():
        assert main(shlex.split(line)[1:]) == 0
    capsys.readouterr()
    grown = namenorm.load(target, cache=False)
    assert {(entity_id, form) for entity_id, form in PLANTED
            if grown.resolve(form).method in ("exact", "weak")} == PLANTED


def test_the_command_reads_files_and_filters_by_count(capsys):
    files = [str(p) for p in sorted(ARTICLES.glob("*.txt"))]
    assert main(["suggest", "--no-cache", "--aliases", str(SMALL), "--min-count", "2", *files]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Suggested by namenorm suggest from 3 texts")
    assert "- Ryan Jermany  # 2x" in out and "Kelly Loefler" not in out
