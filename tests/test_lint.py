"""`namenorm check` and `Resolver.check()`: every finding kind, its exact message and place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import namenorm
from namenorm.cli import main
from namenorm.lint import CODES, Finding

WARNINGS = str(Path(__file__).parent / "fixtures" / "lint_warnings.yaml")


def test_each_warning_points_at_the_form_s_own_line_and_column(capsys):
    assert main(["check", "--no-cache", WARNINGS]) == 1
    assert capsys.readouterr().out.splitlines() == [
        (f"{WARNINGS}:11:9: warning[clash]: exact form 'Senator Perdue' of sonny-perdue is also claimed by "
        f"david-perdue ({WARNINGS}:6:15); keep it on one entity, or list it under shared_forms if they share it "
        "on purpose"),
        (f"{WARNINGS}:15:12: warning[shadowed-weak]: weak form 'David Perdue' of kelly-loeffler never counts: it is "
        f"a strong form of david-perdue ({WARNINGS}:4:11); remove it, or make it strong on the entity it names"),
        (f"{WARNINGS}:15:26: note[redundant-weak]: weak form 'KELLY LOEFFLER' of kelly-loeffler is also one of its "
        "strong forms once normalized; remove it from weak"),
        (f"{WARNINGS}:22:33: warning[confusable]: alias 'Jon Osoff' of raphael-warnock is 1 letter from "
        f"jon-ossoff's name 'Jon Ossoff' ({WARNINGS}:17:11); check that it belongs here, or list it under "
        "shared_forms"),
        "5 entities, 12 forms: 0 errors, 3 warnings, 1 note",
    ]


ERRORS = [
    ("unreadable", b"entities:\n  - {id: a, name: Caf\xe9}\n",
     "{p}:2:22: error[unreadable]: bytes e9 are not valid UTF-8; save the file as UTF-8", 2),
    ("syntax", b"entities:\n  - {id: a, name: [Alpha}\n",
     ("{p}:2:25: error[syntax]: while parsing a flow sequence: did not find expected ',' or ']'; "
     "fix the YAML syntax"), 2),
    ("schema", b"entities:\n  - {id: a, kind: person}\n",
     "{p}:2:5: error[schema]: entity has no 'name'; every entity needs an id and a name", 1),
    ("empty-form", b"entities:\n  - {id: a, name: Alpha, aliases: ['...']}\n",
     "{p}:2:36: error[empty-form]: '...' in aliases has no letters or digits to match on; remove it", 1),
    ("duplicate-id", b"entities:\n  - {id: a, name: Alpha}\n  - {id: a, name: Beta}\n",
     ("{p}:3:5: error[duplicate-id]: id 'a' is already defined at line 2; ids must be unique "
     "(use 'extends:' to add forms)"), 1),
    ("duplicate-key", b"entities:\n  - {id: a, name: Alpha, name: Beta}\n",
     "{p}:2:26: error[duplicate-key]: duplicate key 'name' in an entity (first at line 2); keep one", 1),
    ("unknown-extends", b"entities:\n  - {extends: alpah, aliases: [Alf]}\n  - {id: alpha, name: Alpha}\n",
     "{p}:2:5: error[unknown-extends]: extends 'alpah': no such entity; did you mean 'alpha'?", 1),
    ("unknown-related", b"entities:\n  - {id: a, name: Alpha, related: [b]}\n",
     "{p}:2:5: error[unknown-related]: entity 'a' lists unknown related id 'b'", 1),
    ("excludes-own-name", b"entities:\n  - {id: a, name: Alpha, exclude: [ALPHA]}\n",
     ("{p}:2:36: error[excludes-own-name]: exclude 'ALPHA' is one of the entity's own names, which it would "
     "make unreachable; remove it from exclude"), 1),
]


@pytest.mark.parametrize(("code", "content", "expected", "status"), ERRORS, ids=[e[0] for e in ERRORS])
def test_each_error_kind_has_its_code_place_and_fix(tmp_path, capsys, code, content, expected, status):
    path = tmp_path / "g.yaml"
    path.write_bytes(content)
    assert main(["check", "--no-cache", str(path)]) == status
    assert capsys.readouterr().out.splitlines() == [expected.replace("{p}", str(path))]
    assert CODES[code] == "error"


def test_every_code_is_exercised_by_a_fixture():
    warned = {"clash", "shadowed-weak", "confusable", "redundant-weak"}
    assert set(CODES) == {e[0] for e in ERRORS} | warned


def test_json_findings_are_one_object_a_line(capsys):
    assert main(["check", "--no-cache", "--json", WARNINGS]) == 1
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["code"] for r in records] == ["clash", "shadowed-weak", "redundant-weak", "confusable"]
    assert records[0] == {"path": WARNINGS, "line": 11, "column": 9, "severity": "warning", "code": "clash",
                          "message": records[0]["message"]}


def test_notes_alone_fail_only_under_strict(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("entities:\n  - {id: a, name: Alpha Beta, weak: [alpha beta]}\n", encoding="utf-8")
    assert main(["check", "--no-cache", str(path)]) == 0
    assert main(["check", "--no-cache", "--strict", str(path)]) == 1


def test_marking_a_form_shared_silences_its_clash_and_confusion(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("shared_forms: [Senator Perdue, Jon Osoff]\n" + Path(WARNINGS).read_text(encoding="utf-8"),
                    encoding="utf-8")
    codes = [f.code for f in namenorm.load(path, cache=False).check([path])]
    assert codes == ["shadowed-weak", "redundant-weak"]


def test_the_library_returns_the_same_findings_without_the_files_at_entity_lines():
    resolver = namenorm.load(WARNINGS, cache=False)
    with_places = resolver.check([WARNINGS])
    without = resolver.check()
    assert sorted(f.code for f in with_places) == sorted(f.code for f in without)
    assert all(isinstance(f, Finding) for f in without)
    (clash,) = [f for f in without if f.code == "clash"]
    assert (clash.line, clash.column) == (7, 5)  # sonny-perdue's own mapping: no file to point into


def test_a_multi_line_error_prefixes_every_line(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "g.yaml"
    path.write_text("entities:\n  - {id: a, nmae: A}\n  - {id: b, name: B, kind: thing}\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "namenorm", "resolve", "x", "--aliases", str(path)],
                          capture_output=True, text=True, check=False)
    lines = proc.stderr.splitlines()
    assert proc.returncode == 2 and len(lines) == 3
    assert all(line.startswith(f"namenorm: {path}:") for line in lines)


def test_a_clash_with_the_bundled_file_is_reported_in_the_user_s_file(tmp_path, capsys):
    mine = tmp_path / "mine.yaml"  # a path that sorts before the bundled file's
    mine.write_text("entities:\n  - id: other-raff\n    name: Other Raff\n    kind: person\n"
                    "    aliases: [Brad Raffensperger]\n", encoding="utf-8")
    assert main(["check", "--no-cache", "--with-default", str(mine)]) == 1
    (clash,) = [line for line in capsys.readouterr().out.splitlines() if "[clash]" in line]
    assert clash.startswith(f"{mine}:5:15: warning[clash]: exact form 'Brad Raffensperger' of other-raff")


def test_a_weak_form_spelled_like_the_name_points_at_the_weak_item(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("entities:\n  - id: sonny-perdue\n    name: Sonny Perdue\n    kind: person\n"
                    "    weak: [Sonny Perdue]\n", encoding="utf-8")
    (note,) = namenorm.load(path, cache=False).check([path])
    assert (note.code, note.line, note.column) == ("redundant-weak", 5, 12)


def test_an_alias_two_letters_off_that_sounds_the_same_is_confusable(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("entities:\n  - {id: kathy, name: Kathy Smith, kind: person}\n"
                    "  - {id: other, name: Catherine Jones, kind: person, aliases: [Cathy Smyth]}\n", encoding="utf-8")
    (finding,) = namenorm.load(path, cache=False).check([path])
    assert finding.code == "confusable" and "is 2 letters from kathy's name 'Kathy Smith'" in finding.message
