"""namenorm add: forms land in the entity's own list, and every other byte of the file stays."""

from __future__ import annotations

import codecs
import os
import pickle
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from namenorm import edit
from namenorm.aliases import bundled_path, parse_alias_file, read_alias_file
from namenorm.cli import main
from namenorm.edit import AddResult, add_forms, add_forms_to_text
from namenorm.errors import AliasFileError, EditError, RefusedEditError

ROOT = Path(__file__).resolve().parent.parent

KOELN = """\
# Cities of the Rhineland.
entities:
  - id: koeln            # the city, not the district
    name: Köln
    kind: place
    aliases: [Cologne, "Cöln"]   # Cöln: the old spelling

  - id: bonn
    name: Bonn
    kind: place
    aliases:
      - Bonna   # Roman
      - 'Bonn am Rhein'
    # more to come
    weak: [BN]
"""


def write(tmp_path: Path, text: str, name: str = "my.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_flow_list_gets_the_forms_and_nothing_else_changes(tmp_path):
    path = write(tmp_path, KOELN)
    result = add_forms(path, "koeln", ["Kölle", "Colonia Agrippina"])
    assert result == AddResult(str(path), "koeln", "added", ("Kölle", "Colonia Agrippina"))
    assert path.read_text(encoding="utf-8") == KOELN.replace(
        'aliases: [Cologne, "Cöln"]', 'aliases: [Cologne, "Cöln", Kölle, Colonia Agrippina]')


def test_block_list_gets_lines_in_its_own_style(tmp_path):
    path = write(tmp_path, KOELN)
    add_forms(path, "bonn", ["Castra Bonnensia", "Bonn, Germany"])
    assert path.read_text(encoding="utf-8") == KOELN.replace(
        "      - 'Bonn am Rhein'\n",
        "      - 'Bonn am Rhein'\n      - Castra Bonnensia\n      - Bonn, Germany\n")


def test_forms_are_quoted_only_where_yaml_needs_it(tmp_path):
    path = write(tmp_path, KOELN)
    add_forms(path, "koeln", ["No", "K, Köln", "007", "Köln: Altstadt", "O'Köln"])
    assert path.read_text(encoding="utf-8") == KOELN.replace(
        'aliases: [Cologne, "Cöln"]',
        """aliases: [Cologne, "Cöln", 'No', 'K, Köln', '007', 'Köln: Altstadt', O'Köln]""")
    aliases = read_alias_file(path).entities[0].aliases
    assert aliases[2:] == ("No", "K, Köln", "007", "Köln: Altstadt", "O'Köln")


def test_weak_forms_go_to_weak(tmp_path):
    path = write(tmp_path, KOELN)
    result = add_forms(path, "bonn", ["BON"], weak=True)
    assert str(result) == f"{path}: added 'BON' to bonn (weak)"
    assert path.read_text(encoding="utf-8") == KOELN.replace("weak: [BN]", "weak: [BN, BON]")


def test_a_missing_list_is_created_after_the_keys_before_it(tmp_path):
    path = write(tmp_path, KOELN)
    add_forms(path, "koeln", ["K"], weak=True)
    assert path.read_text(encoding="utf-8") == KOELN.replace(
        "# Cöln: the old spelling\n", "# Cöln: the old spelling\n    weak: [K]\n")


def test_a_missing_list_in_a_block_styled_entity_is_a_block_list(tmp_path):
    text = "entities:\n  - id: bonn\n    name: Bonn\n    weak:\n      - BN\n"
    path = write(tmp_path, text)
    add_forms(path, "bonn", ["Bonna"])
    assert path.read_text(encoding="utf-8") == (
        "entities:\n  - id: bonn\n    name: Bonn\n    aliases:\n      - Bonna\n    weak:\n      - BN\n")


def test_flow_mapping_entity(tmp_path):
    text = "entities:\n  - {id: koeln, name: Köln, kind: place}  # one line\n  - {id: bonn, name: Bonn, aliases: []}\n"
    path = write(tmp_path, text)
    add_forms(path, "koeln", ["Cologne"])
    add_forms(path, "bonn", ["Bonna"])
    assert path.read_text(encoding="utf-8") == (
        "entities:\n  - {id: koeln, name: Köln, kind: place, aliases: [Cologne]}  # one line\n"
        "  - {id: bonn, name: Bonn, aliases: [Bonna]}\n")


@pytest.mark.parametrize("eol", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends_are_kept(tmp_path, eol):
    path = tmp_path / "crlf.yaml"
    path.write_bytes(KOELN.replace("\n", eol).encode("utf-8"))
    add_forms(path, "bonn", ["Castra Bonnensia"])
    add_forms(path, "cologne-cathedral", ["Kölner Dom"], name="Cologne Cathedral", kind="place")
    expected = KOELN.replace("      - 'Bonn am Rhein'\n", "      - 'Bonn am Rhein'\n      - Castra Bonnensia\n")
    expected += ("  - id: cologne-cathedral\n    name: Cologne Cathedral\n    kind: place\n    aliases:\n"
                 "      - Kölner Dom\n")  # block lists, as the entry before it has
    assert path.read_bytes() == expected.replace("\n", eol).encode("utf-8")


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16"])
def test_byte_order_mark_and_encoding_are_kept(tmp_path, codec):
    path = tmp_path / "bom.yaml"
    path.write_bytes(KOELN.encode(codec))
    add_forms(path, "koeln", ["Kölle"])
    data = path.read_bytes()
    assert data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    assert data.decode(codec) == KOELN.replace('"Cöln"]', '"Cöln", Kölle]')


def test_a_file_without_a_final_line_end_keeps_none(tmp_path):
    path = write(tmp_path, "entities:\n  - id: bonn\n    name: Bonn\n    aliases:\n      - Bonna")
    add_forms(path, "bonn", ["Castra Bonnensia"])
    assert path.read_text(encoding="utf-8") == (
        "entities:\n  - id: bonn\n    name: Bonn\n    aliases:\n      - Bonna\n      - Castra Bonnensia")


def test_through_a_symlink_the_target_changes_and_the_link_stays(tmp_path):
    (tmp_path / "data").mkdir()
    target = write(tmp_path / "data", KOELN, "real.yaml")
    link = tmp_path / "link.yaml"
    link.symlink_to(Path("data") / "real.yaml")
    add_forms(link, "koeln", ["Kölle"])
    assert link.is_symlink() and os.readlink(link) == str(Path("data") / "real.yaml")
    assert "Kölle" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["real.yaml"]


def test_permission_bits_are_kept(tmp_path):
    path = write(tmp_path, KOELN)
    path.chmod(0o640)
    add_forms(path, "koeln", ["Kölle"])
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_crash_before_the_rename_leaves_the_file_and_no_temporary(tmp_path, monkeypatch):
    path = write(tmp_path, KOELN)
    before = path.read_bytes()

    def crash(src: object, dst: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(EditError, match="cannot write the edited file: Input/output error; the file is unchanged"):
        add_forms(path, "koeln", ["Kölle"])
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["my.yaml"]


def test_concurrent_adds_all_land(tmp_path):
    path = write(tmp_path, KOELN)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    forms = [f"Colonia {n}" for n in range(20)]
    procs = [subprocess.Popen([sys.executable, "-m", "namenorm", "add", "koeln", form, "--file", str(path)],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for form in forms]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    aliases = read_alias_file(path).entities[0].aliases
    assert sorted(aliases[2:]) == sorted(forms)
    assert path.read_text(encoding="utf-8").replace(", ".join(["", *aliases[2:]]), "", 1) == KOELN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my.yaml"]


def test_a_form_the_entity_has_is_a_no_op(tmp_path):
    path = write(tmp_path, KOELN)
    before = path.stat().st_mtime_ns
    result = add_forms(path, "koeln", ["cologne", "KOLN"])
    assert result.action == "unchanged" and result.present == ("cologne", "KOLN")
    assert str(result) == (f"{path}: koeln already has 'cologne'; nothing to do for it\n"
                           f"{path}: koeln already has 'KOLN'; nothing to do for it")
    assert path.stat().st_mtime_ns == before


def test_a_form_another_entity_claims_is_refused_unless_forced(tmp_path):
    path = write(tmp_path, KOELN)
    with pytest.raises(RefusedEditError) as info:
        add_forms(path, "koeln", ["Kölle", "bonna"])
    assert str(info.value) == f"{path}: 'bonna' is already claimed by bonn ({path}:8:5); --force adds it anyway"
    assert path.read_text(encoding="utf-8") == KOELN  # nothing written, not even Kölle
    add_forms(path, "koeln", ["bonna"], force=True)
    assert read_alias_file(path).entities[0].aliases[-1] == "bonna"


def test_forms_of_the_bundled_file_count_with_default(tmp_path):
    bundled = read_alias_file(bundled_path()).entities[0]
    path = write(tmp_path, KOELN)
    add_forms_check = add_forms(path, "koeln", [bundled.name])  # only this file counts: accepted
    assert add_forms_check.added == (bundled.name,)
    path = write(tmp_path, KOELN)
    with pytest.raises(RefusedEditError, match=f"already claimed by {bundled.id} "):
        add_forms(path, "koeln", [bundled.name], with_default=True)


@pytest.mark.parametrize("form", ["!!!", "  ", "—", "two\nlines"])
def test_forms_with_nothing_to_match_on_are_refused(tmp_path, form):
    path = write(tmp_path, KOELN)
    with pytest.raises(RefusedEditError):
        add_forms(path, "koeln", [form])
    assert path.read_text(encoding="utf-8") == KOELN


def test_an_excluded_form_is_refused(tmp_path):
    path = write(tmp_path, "entities:\n  - id: perdue\n    name: David Perdue\n    exclude: [Purdue University]\n")
    with pytest.raises(RefusedEditError, match="'purdue university' is excluded from perdue"):
        add_forms(path, "perdue", ["purdue university"])


def test_a_new_entity_is_appended_in_the_style_of_the_last(tmp_path):
    path = write(tmp_path, KOELN)
    result = add_forms(path, "aachen", ["Aix-la-Chapelle", "Aquisgrana"], name="Aachen", kind="place")
    assert str(result) == f"{path}: created aachen with 'Aix-la-Chapelle', 'Aquisgrana'"
    assert path.read_text(encoding="utf-8") == KOELN + (
        "  - id: aachen\n    name: Aachen\n    kind: place\n    aliases:\n      - Aix-la-Chapelle\n"
        "      - Aquisgrana\n")


def test_a_new_entity_without_kind_leaves_the_default(tmp_path):
    path = write(tmp_path, "titles: [Poll Worker]  # no entities yet\n")
    add_forms(path, "acme", ["ACME Corp"], name="Acme")
    assert path.read_text(encoding="utf-8") == (
        "titles: [Poll Worker]  # no entities yet\nentities:\n  - id: acme\n    name: Acme\n"
        "    aliases: [ACME Corp]\n")
    assert read_alias_file(path).entities[0].kind == "other"


def test_an_id_of_the_bundled_file_gets_an_extends_entry(tmp_path):
    bundled = read_alias_file(bundled_path()).entities[0]
    path = write(tmp_path, KOELN)
    result = add_forms(path, bundled.id, ["Zzyzx Qwerty"])
    assert result.action == "extended"
    assert path.read_text(encoding="utf-8") == KOELN + (
        f"  - extends: {bundled.id}\n    aliases:\n      - Zzyzx Qwerty\n")
    add_forms(path, bundled.id, ["Zzyzx Q."], weak=True)  # the entry now exists: it grows
    assert path.read_text(encoding="utf-8") == KOELN + (
        f"  - extends: {bundled.id}\n    aliases:\n      - Zzyzx Qwerty\n    weak:\n      - Zzyzx Q.\n")


def test_extends_against_a_given_base():
    base = parse_alias_file("entities:\n  - {id: koeln, name: Köln, aliases: [Cologne]}\n", "base.yaml")
    text = "entities: []  # mine\n"
    new, result = add_forms_to_text(text, "koeln", ["Kölle", "cologne"], base=[base])
    assert new == "entities: [{extends: koeln, aliases: [Kölle]}]  # mine\n"
    assert result.present == ("cologne",)


def test_unknown_id_without_a_name(tmp_path):
    path = write(tmp_path, KOELN)
    with pytest.raises(EditError, match="no entity has id 'koelm'; did you mean 'koeln'"):
        add_forms(path, "koelm", ["Kölle"])


def test_name_for_an_existing_entity_must_agree(tmp_path):
    path = write(tmp_path, KOELN)
    with pytest.raises(EditError, match="koeln already exists as 'Köln'"):
        add_forms(path, "koeln", ["Kölle"], name="Cologne")


def test_the_safety_net_refuses_an_edit_that_reads_back_wrong(tmp_path, monkeypatch):
    path = write(tmp_path, KOELN)
    monkeypatch.setattr(edit, "yaml_scalar", lambda value, flow: "Something Else")
    with pytest.raises(EditError, match="would not read back as the old one plus the new forms"):
        add_forms(path, "koeln", ["Kölle"])
    assert path.read_text(encoding="utf-8") == KOELN


def test_an_entity_the_reader_would_refuse_is_not_written(tmp_path):
    path = write(tmp_path, KOELN)
    with pytest.raises(RefusedEditError) as info:
        add_forms(path, "Bad Id", ["Somewhere"], name="Somewhere")
    assert str(info.value) == (f"{path}: not written: the edited file would not be valid: id 'Bad Id' must be "
                               "a slug of letters, digits and . _ : / -, e.g. 'brad-raffensperger'")
    assert path.read_text(encoding="utf-8") == KOELN


def test_an_invalid_file_is_not_touched(tmp_path):
    path = write(tmp_path, "entities:\n  - id: koeln\n    nmae: Köln\n")
    with pytest.raises(AliasFileError, match="unknown key 'nmae'"):
        add_forms(path, "koeln", ["Kölle"])


def test_errors_pickle():
    err = RefusedEditError("my.yaml", ["'x' is claimed"])
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is RefusedEditError and str(again) == str(err) == "my.yaml: 'x' is claimed"


def test_command_line(tmp_path, capsys):
    path = write(tmp_path, KOELN)
    assert main(["add", "koeln", "Kölle", "--file", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: added 'Kölle' to koeln\n"
    assert main(["add", "koeln", "Bonna", "!!", "--file", str(path)]) == 1
    assert capsys.readouterr().err == (
        f"namenorm: {path}: '!!' has no letters or digits to match on; leave it out\n")
    assert main(["add", "koeln", "Bonna", "--file", str(path)]) == 1
    assert capsys.readouterr().err.startswith(f"namenorm: {path}: 'Bonna' is already claimed by bonn")
    assert main(["add", "koeln", "Bonna", "--force", "--file", str(path)]) == 0
    assert main(["add", "koeln", "x", "--file", str(tmp_path / "missing.yaml")]) == 2
    assert "cannot read file" in capsys.readouterr().err
    broken = write(tmp_path, "entities: [\n", "broken.yaml")
    assert main(["add", "koeln", "x", "--file", str(broken)]) == 2
    assert capsys.readouterr().err.startswith(f"namenorm: {broken}:")


def test_the_example_in_the_docs_prints_and_writes_what_it_shows(tmp_path, monkeypatch, capsys):
    import re
    import shlex

    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    block = re.search(r"^```console\n(.*?)^```", doc, re.DOTALL | re.MULTILINE)
    assert block is not None
    monkeypatch.chdir(tmp_path)
    steps = re.findall(r"^\$ (.*)\n((?:(?!\$ ).*\n)*)", block.group(1), re.MULTILINE)
    (first, content), *steps = steps
    assert first == "cat my.yaml"
    Path("my.yaml").write_text(content, encoding="utf-8")
    for command, shown in steps:
        if command == "cat my.yaml":
            assert Path("my.yaml").read_text(encoding="utf-8") == shown
            continue
        main(shlex.split(command)[1:])
        printed = capsys.readouterr()
        assert printed.out + printed.err == shown, command


def test_name_for_an_entity_only_extended_here_is_refused():
    base = parse_alias_file("entities:\n  - {id: koeln, name: Köln}\n", "base.yaml")
    text = "entities:\n  - {extends: koeln, aliases: [Cologne]}\n"
    with pytest.raises(EditError, match="defined in another file .*leave --name and --kind out"):
        add_forms_to_text(text, "koeln", ["Kölle"], name="Köln", base=[base])
    assert add_forms_to_text(text, "koeln", ["Kölle"], base=[base])[0] == (
        "entities:\n  - {extends: koeln, aliases: [Cologne, Kölle]}\n")


def test_a_bundled_id_is_never_created_again_and_a_new_name_must_be_free(tmp_path):
    path = write(tmp_path, KOELN)
    with pytest.raises(EditError, match="defined in another file"):
        add_forms(path, "ryan-germany", ["R. G."], name="Ryan Germany", kind="person")
    with pytest.raises(RefusedEditError, match="the name 'Köln' is already claimed by koeln"):
        add_forms(path, "koeln-2", ["Kölle am Rhein"], name="Köln")
    assert path.read_text(encoding="utf-8") == KOELN
    created = add_forms(path, "aachen", ["Aachen"], name="Aachen")
    assert str(created).endswith(": created aachen")  # its one form is its name: no empty list
