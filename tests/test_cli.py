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


@pytest.mark.parametrize("argv", [["resolve", "x", "--candidates", "-1"], ["resolve", "x", "--candidates", "two"],
                                  ["scan", "-", "--min-score", "2"], ["resolve", "x", "--encoding", "klingon"],
                                  ["resolve", "x", "--json", "--tsv"], ["check", "--max-bytes", "0"]])
def test_usage_errors_exit_2(argv):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2


def test_check_reports_clashes(capsys):
    assert main(["check", "--no-cache", SMALL]) == 1
    out = capsys.readouterr().out
    assert "warning[clash]: exact form 'Georgia' of georgia-country is also claimed by georgia-us-state" in out


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
    assert lines == [f"{text_file}:1:11\tRyan Germanie\tryan-germany\t{germany.score:.2f}\tphonetic",
                     f"{text_file}:3:7\tBrad Rappensperger\tbrad-raffensperger\t{brad.score:.2f}\tphonetic"]
    assert main(["scan", str(text_file), "--json", "--aliases", SMALL]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["start"], r["end"], r["id"]) for r in records] == [
        (10, 23, "ryan-germany"), (38, 56, "brad-raffensperger")]
    assert main(["scan", str(text_file), "--rewrite", "--aliases", SMALL]) == 0
    assert capsys.readouterr().out == "Yesterday Ryan Germany spoke.\n\nLater Brad Raffensperger left.\n"


def test_scan_places_are_lines_and_columns_across_blocks(monkeypatch, tmp_path, capsys):
    from namenorm import cli
    monkeypatch.setattr(cli, "_BLOCK_LINES", 3)
    text = ("Filler words here.\n" * 10) + "Then Ryan Germany spoke.\n" + ("More filler.\n" * 10)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["scan", str(path), "--json", "--aliases", SMALL]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (record["line"], record["column"]) == (11, 6)
    assert text[record["start"]:record["end"]] == "Ryan Germany"


def test_scan_missing_file_exits_2(capsys):
    assert main(["scan", "no/such/file.txt", "--aliases", SMALL]) == 2
    assert capsys.readouterr().err.startswith("namenorm: no/such/file.txt: ")


def run_cli(*args, data=b"", env=None):
    import os
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "namenorm", *args], input=data, capture_output=True,
                          check=False, env=full_env)


def test_resolve_reads_stdin_without_a_dash_one_record_a_line():
    proc = run_cli("resolve", "--json", "--aliases", SMALL, data=b"Ryan Germanie\n\nRafensperger\n   \n")
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["query"] for r in records] == ["Ryan Germanie", "", "Rafensperger", ""]
    assert records[1] == {"query": "", "id": None}


def test_fail_flag_exits_1_when_a_name_is_unresolved():
    assert run_cli("resolve", "-e", "Ryan Germanie", "--aliases", SMALL).returncode == 0
    assert run_cli("resolve", "-e", "Ryan Germanie", "Nobody Atall", "--aliases", SMALL).returncode == 1
    assert run_cli("resolve", "Nobody Atall", "--aliases", SMALL).returncode == 0


def test_a_stray_latin1_line_is_read_alone_with_a_warning():
    proc = run_cli("resolve", "--json", "--aliases", SMALL, data="래펜스퍼거\n".encode() + b"Garc\xeda\n")
    queries = [json.loads(line)["query"] for line in proc.stdout.decode().splitlines()]
    assert queries == ["래펜스퍼거", "García"]
    assert proc.stderr.decode() == ("namenorm: warning: <stdin>:2: not valid UTF-8; read as Latin-1 "
                                    "(choose with --encoding)\n")


def test_utf16_without_a_byte_order_mark_needs_and_takes_an_encoding():
    data = "Ryan Germanie\nBrad Rafensperger\n".encode("utf-16-le")
    proc = run_cli("resolve", "--json", "--encoding", "utf-16-le", "--aliases", SMALL, data=data)
    assert [json.loads(line)["id"] for line in proc.stdout.decode().splitlines()] == [
        "ryan-germany", "brad-raffensperger"]


def test_stdin_named_twice_in_utf16_is_read_once_and_left_open():
    data = "Ryan Germanie\n".encode("utf-16")
    proc = run_cli("resolve", "--json", "--aliases", SMALL, "-", "-", data=data)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["id"] for line in proc.stdout.decode().splitlines()] == ["ryan-germany"]


def test_an_encoding_of_bytes_to_bytes_is_refused_at_the_command_line():
    proc = run_cli("resolve", "--encoding", "base64", "--aliases", SMALL, data=b"x\n")
    assert proc.returncode == 2
    assert "not a text encoding: 'base64'" in proc.stderr.decode()
    assert "Traceback" not in proc.stderr.decode()


def test_output_never_crashes_on_an_encoding_that_cannot_show_a_name():
    proc = run_cli("resolve", "래펜스퍼거", "--aliases", SMALL, env={"PYTHONIOENCODING": "latin-1"})
    assert proc.returncode == 0, proc.stderr
    assert b"brad-raffensperger" in proc.stdout and b"\\ub798" in proc.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="select() on pipes is POSIX")
def test_a_coprocess_gets_each_answer_before_it_writes_the_next_name():
    import select

    proc = subprocess.Popen([sys.executable, "-m", "namenorm", "resolve", "--tsv", "--aliases", SMALL],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def answer(name: bytes) -> list[bytes]:
        proc.stdin.write(name + b"\n")
        proc.stdin.flush()
        ready, _, _ = select.select([proc.stdout], [], [], 60)
        assert ready, "no answer while the input stays open"
        line = proc.stdout.readline()
        if line.startswith(b"query\t"):
            line = proc.stdout.readline()
        return line.split(b"\t")[:2]

    try:
        assert answer(b"Ryan Germanie") == [b"Ryan Germanie", b"ryan-germany"]
        assert answer(b"Nobody Atall") == [b"Nobody Atall", b"-"]
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)


def test_explain_works_with_json_and_says_why_a_name_was_left_out(capsys):
    assert main(["resolve", "Perdue", "--json", "--explain", "--aliases", SMALL]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["id"] is None
    assert record["explain"].startswith("'Perdue': ")
    assert "david-perdue" in record["explain"] and "sonny-perdue" in record["explain"]


def test_scan_keeps_each_line_of_a_list_apart(tmp_path, capsys):
    path = tmp_path / "list.txt"
    path.write_text("Ryan Germany\nKelly Loeffler\nBrad\nRaffensperger\n", encoding="utf-8")
    assert main(["scan", str(path), "--aliases", SMALL]) == 0
    places = [line.split("\t")[:2] for line in capsys.readouterr().out.splitlines()]
    assert places[:2] == [[f"{path}:1:1", "Ryan Germany"], [f"{path}:2:1", "Kelly Loeffler"]]
    assert all("Brad" not in text or "Raffensperger" not in text for _, text in places)


def test_help_is_plain_text():
    out = run_cli("--help").stdout.decode()
    assert "``" not in out and out.startswith("usage: namenorm")


def test_utf16_without_a_byte_order_mark_is_noticed():
    proc = run_cli("resolve", "--json", "--aliases", SMALL, data="Ryan Germanie\n".encode("utf-16-le"))
    assert "holds NUL bytes: UTF-16 without a byte-order mark?" in proc.stderr.decode()


def test_check_list_prints_the_ids_alone(capsys):
    assert main(["check", SMALL, "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t")[0] == "brad-raffensperger"
    assert all(len(line.split("\t")) == 3 for line in lines)


def test_explain_shows_the_decision_the_keys_and_where_the_winner_is_defined(capsys):
    assert main(["explain", "Brad Rafensperger", "Perdue", "--aliases", SMALL]) == 0
    out = capsys.readouterr().out
    small = namenorm.load(SMALL)
    assert small.decide("Brad Rafensperger").explain() in out
    assert small.decide("Perdue").explain() in out  # the abstention, with both candidates
    assert "normalized: 'brad rafensperger'; keys: brad BRT/prt, rafensperger RFNSPRJR/rpnsprsr" in out
    assert f"brad-raffensperger is defined at {SMALL}:5:5\n" in out


def test_explain_points_at_the_line_and_column_of_the_form_that_matched(capsys):
    assert main(["explain", "래펜스퍼거", "--aliases", SMALL, "--no-cache"]) == 0
    assert (f"brad-raffensperger is defined at {SMALL}:5:5; its form '래펜스퍼거' is written at {SMALL}:8:39"
            in capsys.readouterr().out)
    assert main(["explain", "Brad R.", "--aliases", SMALL, "--no-cache"]) == 0
    assert (f"brad-raffensperger is defined at {SMALL}:5:5; its form 'Brad R.' is written at {SMALL}:9:12"
            in capsys.readouterr().out)


def test_check_strict_leaves_out_the_forms_a_file_shares_on_purpose(tmp_path, capsys):
    path = tmp_path / "shared.yaml"
    path.write_text("shared_forms: [Georgia]\nentities:\n"
                    "  - {id: ga, name: Georgia, kind: place}\n  - {id: ge, name: Georgia, kind: place}\n"
                    "  - {id: a, name: Alpha, kind: place}\n  - {id: b, name: Beta, kind: place, aliases: [Alpha]}\n",
                    encoding="utf-8")
    assert main(["check", "--strict", "--no-cache", str(path)]) == 1
    out = capsys.readouterr().out
    assert "warning[clash]: exact form 'Alpha' of b" in out and "'Georgia'" not in out
    assert namenorm.load(path, cache=False).resolve("Georgia") is None  # still ambiguous
