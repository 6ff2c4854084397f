from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import namenorm
from namenorm.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
SMALL = str(FIXTURES / "aliases_small.yaml")
BROKEN = str(FIXTURES / "broken_syntax.yaml")


def test_resolve_table(capsys):
    assert main(["resolve", "Brad Rafensperger", "Nobody Atall", "--aliases", SMALL]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["QUERY", "ID", "NAME", "KIND", "SCORE", "METHOD"]
    assert out[1].split()[:3] == ["Brad", "Rafensperger", "brad-raffensperger"]
    assert out[2].split()[:3] == ["Nobody", "Atall", "-"]


def test_table_columns_line_up_for_wide_scripts(capsys):
    assert main(["resolve", "브래드 래펜스퍼거", "Brad Rafensperger", "--aliases", SMALL]) == 0
    out = capsys.readouterr().out.splitlines()
    # Hangul takes two terminal columns a character: the ID column starts at one column in every row.
    starts = {line.index("brad-raffensperger") + sum(ch >= "\uac00" for ch in line) for line in out[1:]}
    assert len(starts) == 1


def test_resolve_json_lines(capsys):
    assert main(["resolve", "David Purdue", "Perdue", "--json", "--aliases", SMALL]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines[0]["id"] == "david-perdue" and lines[0]["method"] == "phonetic"
    assert lines[1] == {"query": "Perdue", "id": None}


def test_resolve_candidates_json(capsys):
    assert main(["resolve", "Perdue", "--candidates", "3", "--json", "--aliases", SMALL]) == 0
    record = json.loads(capsys.readouterr().out)
    assert [c["id"] for c in record["candidates"]][:2] == ["david-perdue", "sonny-perdue"]


def test_resolve_reads_stdin_in_any_encoding():
    data = "Ryan Germanie\nKöln\n\n".encode("latin-1") + b"\xff\xfe junk\n"
    proc = subprocess.run([sys.executable, "-m", "namenorm", "resolve", "-", "--json", "--aliases", SMALL],
                          input=data, capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr
    ids = [json.loads(line)["id"] for line in proc.stdout.decode().splitlines()]
    assert ids[:2] == ["ryan-germany", "koeln"]


def test_broken_alias_file_exits_2_with_message(capsys):
    assert main(["resolve", "x", "--aliases", BROKEN]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"namenorm: {BROKEN}:4:1: ")


def test_usage_error_exits_2():
    with pytest.raises(SystemExit) as info:
        main(["resolve"])
    assert info.value.code == 2


def test_check_reports_clashes(capsys):
    assert main(["check", SMALL]) == 0
    out = capsys.readouterr().out
    assert "clash: exact form 'georgia' is claimed by georgia-us-state" in out
    assert main(["check", SMALL, "--strict"]) == 1


def test_survives_a_closed_pipe():
    names = "\n".join(["Rafensperger"] * 5000).encode()
    proc = subprocess.run(
        f"{sys.executable} -m namenorm resolve - --aliases {SMALL} | head -1",
        shell=True, input=names, capture_output=True, check=False)
    assert proc.returncode == 0
    assert b"Traceback" not in proc.stderr


def test_scan_prints_mentions_json_and_rewrite(tmp_path, capsys):
    text_file = tmp_path / "story.txt"
    text_file.write_text("Yesterday Ryan Germanie spoke.\n\nLater Brad Rappensperger left.\n", encoding="utf-8")
    assert main(["scan", str(text_file), "--aliases", SMALL]) == 0
    lines = capsys.readouterr().out.splitlines()
    small = namenorm.load(SMALL)
    germany, brad = small.resolve("Ryan Germanie"), small.resolve("Brad Rappensperger")
    assert lines == [f"{text_file}:10\tRyan Germanie\tryan-germany\t{germany.score:.2f}\tphonetic",
                     f"{text_file}:38\tBrad Rappensperger\tbrad-raffensperger\t{brad.score:.2f}\tphonetic"]
    assert main(["scan", str(text_file), "--json", "--aliases", SMALL]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["start"], r["end"], r["id"]) for r in records] == [
        (10, 23, "ryan-germany"), (38, 56, "brad-raffensperger")]
    assert main(["scan", str(text_file), "--rewrite", "--aliases", SMALL]) == 0
    assert capsys.readouterr().out == "Yesterday Ryan Germany spoke.\n\nLater Brad Raffensperger left.\n"


def test_scan_offsets_are_global_across_chunks(monkeypatch, tmp_path, capsys):
    from namenorm import cli
    monkeypatch.setattr(cli, "_CHUNK_CHARS", 64)
    text = ("Filler words here.\n" * 10) + "Then Ryan Germany spoke.\n" + ("More filler.\n" * 10)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["scan", str(path), "--json", "--aliases", SMALL]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert text[record["start"]:record["end"]] == "Ryan Germany"


def test_scan_missing_file_exits_2(capsys):
    assert main(["scan", "no/such/file.txt", "--aliases", SMALL]) == 2
    assert capsys.readouterr().err.startswith("namenorm: no/such/file.txt: ")
