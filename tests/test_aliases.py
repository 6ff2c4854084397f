from __future__ import annotations

import json
import pickle
import time
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import namenorm
from namenorm.aliases import _has_words, merge, parse_alias_file, parse_jsonl, read_alias_file
from namenorm.errors import AliasFileError, ConflictError, Issue
from namenorm.model import Source
from namenorm.normalize import normalize_name

FIXTURES = Path(__file__).parent / "fixtures"


def test_fixture_loads_with_lines_and_meta():
    parsed = read_alias_file(FIXTURES / "aliases_small.yaml")
    koeln = next(e for e in parsed.entities if e.id == "koeln")
    assert koeln.aliases == ("Cologne", "Cöln")
    assert koeln.weak == ("Koln",)
    assert koeln.meta == {"wikidata": "Q365"}
    assert koeln.source.line == 61
    assert parsed.titles == ("Poll Worker",)


def test_every_problem_of_a_file_is_reported_with_line_and_column():
    path = str(FIXTURES / "broken_keys.yaml")
    with pytest.raises(AliasFileError) as info:
        read_alias_file(path)
    assert str(info.value) == "\n".join([
        f"{path}:4:5: unknown key 'alias' in an entity; did you mean 'aliases'?",
        f"{path}:7:5: duplicate key 'name' in an entity (first at line 6); keep one",
        f"{path}:8:11: kind 'persn' is not one of person, org, place, other",
        (f"{path}:9:5: id 'brad-raffensperger' is already defined at line 2; ids must be unique "
         "(use 'extends:' to add forms)"),
        f"{path}:11:5: entity has no 'id'; every entity needs an id and a name",
        f"{path}:12:14: aliases must be a list, e.g. aliases: [Raffensperger]",
    ])
    assert info.value.path == path and info.value.line == 4


def test_yaml_syntax_error_names_file_line_and_column():
    path = str(FIXTURES / "broken_syntax.yaml")
    with pytest.raises(AliasFileError) as info:
        read_alias_file(path)
    message = str(info.value)
    assert message.startswith(f"{path}:4:1: ")
    assert message.endswith("; fix the YAML syntax")


def test_errors_pickle_round_trip():
    err = AliasFileError([Issue("a.yaml", 3, 7, "unknown key 'x'")])
    again = pickle.loads(pickle.dumps(err))
    assert str(again) == str(err) == "a.yaml:3:7: unknown key 'x'"
    conflict = pickle.loads(pickle.dumps(ConflictError([Issue("b.yaml", 1, 0, "dup")])))
    assert isinstance(conflict, ConflictError) and str(conflict) == "b.yaml:1: dup"
    unknown = pickle.loads(pickle.dumps(namenorm.UnknownEntityError("nowhere")))
    assert unknown.entity_id == "nowhere" and isinstance(unknown, KeyError)


def test_scalars_stay_strings():
    parsed = parse_alias_file("entities:\n  - {id: n, name: Null, aliases: [No, 007, true, 1e3, null]}\n")
    entity = parsed.entities[0]
    assert entity.name == "Null"
    assert entity.aliases == ("No", "007", "true", "1e3", "null")


def test_yaml_aliases_and_merge_keys_are_refused():
    with pytest.raises(AliasFileError, match=r"<string>:3:\d+: YAML aliases"):
        parse_alias_file("entities:\n  - &a {id: x, name: X}\n  - *a\n")
    with pytest.raises(AliasFileError, match="unknown key '<<'"):
        parse_alias_file("entities:\n  - {<<: {id: x}, name: X}\n")


def test_billion_laughs_fails_fast():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20))
    start = time.perf_counter()
    with pytest.raises(AliasFileError):
        parse_alias_file(bomb)
    assert time.perf_counter() - start < 5


def test_deep_nesting_fails_cleanly():
    with pytest.raises(AliasFileError, match="nesting too deep|fix the YAML"):
        parse_alias_file("entities: " + "[" * 100_000 + "]" * 100_000)


def test_missing_file_and_wrong_shapes():
    with pytest.raises(AliasFileError, match=r"nowhere\.yaml: cannot read file"):
        read_alias_file("nowhere.yaml")
    with pytest.raises(AliasFileError, match="file is empty"):
        parse_alias_file("")
    with pytest.raises(AliasFileError, match=r"<string>:1:1: the file must be a mapping"):
        parse_alias_file("- just a list\n")
    with pytest.raises(AliasFileError, match="has no letters or digits"):
        parse_alias_file("entities:\n  - {id: x, name: X, aliases: ['!!!']}\n")
    with pytest.raises(AliasFileError, match="must be a slug"):
        parse_alias_file("entities:\n  - {id: 'two words', name: X}\n")


def test_invalid_utf8_is_an_alias_file_error():
    with pytest.raises(AliasFileError) as err:
        parse_alias_file(b"entities:\n  - {id: x, name: \xff\xfe\xfa}\n")
    assert str(err.value) == "<string>:2:19: bytes ff are not valid UTF-8; save the file as UTF-8"


def test_later_file_extends_earlier_one(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("entities:\n  - extends: ryan-germany\n    aliases: [R. Germany]\n"
                     "  - {id: brian-kemp, name: Brian Kemp, kind: person}\n", encoding="utf-8")
    resolver = namenorm.load(FIXTURES / "aliases_small.yaml", extra)
    assert resolver["ryan-germany"].aliases == ("R. Germany",)
    assert resolver.resolve("R. Germany").id == "ryan-germany"
    assert resolver.resolve("Brian Kemp").id == "brian-kemp"


def test_extends_of_unknown_id_suggests_the_near_one(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("entities:\n  - extends: ryan-germani\n    aliases: [R. Germany]\n", encoding="utf-8")
    with pytest.raises(AliasFileError) as info:
        namenorm.load(FIXTURES / "aliases_small.yaml", extra)
    assert str(info.value) == f"{extra}:2:5: extends 'ryan-germani': no such entity; did you mean 'ryan-germany'?"


def test_same_id_in_two_files_follows_on_conflict(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("entities:\n  - {id: ryan-germany, name: Ryan Germany Sr., kind: person}\n",
                     encoding="utf-8")
    small = FIXTURES / "aliases_small.yaml"
    with pytest.raises(ConflictError) as info:
        namenorm.load(small, extra)
    assert str(info.value) == (f"{extra}:2:5: id 'ryan-germany' is already defined at {small}:11:5; "
                               "rename one, or use 'extends:' to add forms")
    with pytest.warns(UserWarning, match="replaces it"):
        assert namenorm.load(small, extra, on_conflict="warn")["ryan-germany"].name == "Ryan Germany Sr."
    assert namenorm.load(small, extra, on_conflict="ignore")["ryan-germany"].name == "Ryan Germany Sr."
    with pytest.raises(ValueError, match="on_conflict"):
        merge([], on_conflict="overwrite")  # type: ignore[arg-type]


def test_given_names_groups_load_and_merge():
    parsed = parse_alias_file("given_names:\n  - [William, Bill, Liam]\n  - [Edward, Ned]\n")
    assert parsed.given_names == (("William", "Bill", "Liam"), ("Edward", "Ned"))
    assert merge([parsed]).given_names == [("William", "Bill", "Liam"), ("Edward", "Ned")]
    with pytest.raises(AliasFileError, match="<string>:2:5: a given_names group needs two or more names"):
        parse_alias_file("given_names:\n  - [William]\n")


def test_particles_load_and_merge():
    first = parse_alias_file("particles: [ap, verch]\n")
    second = parse_alias_file("particles: [do]\nentities:\n  - {id: x, name: X}\n")
    assert first.particles == ("ap", "verch")
    assert merge([first, second]).particles == ["ap", "verch", "do"]
    with pytest.raises(AliasFileError, match="<string>:1:12: particles must be a list"):
        parse_alias_file("particles: ap\n")
    with pytest.raises(AliasFileError, match=r"<string>:1:13: 'de la' in particles is several words; "
                                             r"list each one: \[de, la\]"):
        parse_alias_file("particles: [de la]\n")


def test_unknown_related_id_is_reported():
    with pytest.raises(AliasFileError, match="unknown related id 'nowhere'"):
        merge([parse_alias_file("entities:\n  - {id: x, name: X, related: [nowhere]}\n")])


def test_pure_python_parser_reads_what_libyaml_reads(monkeypatch):
    """Where PyYAML was built without libyaml, the same file gives the same entities and errors."""
    fast = read_alias_file(FIXTURES / "aliases_small.yaml")
    monkeypatch.setattr(yaml, "__with_libyaml__", False)
    assert read_alias_file(FIXTURES / "aliases_small.yaml") == fast
    with pytest.raises(AliasFileError, match=r"^<string>:2:19: the tag '!!int' is not allowed"):
        parse_alias_file("entities:\n  - {id: a, name: !!int 5}\n")


def test_json_lines_give_the_entities_the_yaml_file_gives(tmp_path):
    """A gallery exported from a database as JSON Lines reads as its alias file does."""
    from_yaml = read_alias_file(FIXTURES / "aliases_small.yaml")
    lines = []
    for entity in from_yaml.entities:
        record = {"id": entity.id, "name": entity.name, "kind": entity.kind, "aliases": list(entity.aliases),
                  "weak": list(entity.weak), "exclude": list(entity.exclude), "related": list(entity.related),
                  "meta": entity.meta}
        lines.append(json.dumps(record, ensure_ascii=False))
    path = tmp_path / "gallery.jsonl"
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    from_jsonl = read_alias_file(path)
    assert [replace(e, source=None) for e in from_jsonl.entities] == [
        replace(e, source=None) for e in from_yaml.entities]
    assert from_jsonl.entities[1].source == Source(str(path), 2)
    resolver = namenorm.load(path)
    assert resolver.resolve("Ryan Germanie").id == "ryan-germany"


def test_json_lines_errors_name_the_line():
    text = ('{"id": "a", "name": "Alpha"}\n'
            '{"id": "b", "name": 5}\n'
            '{"id": "c", "name": "Gamma", "name": "Again"}\n'
            '{"id": "a", "name": "Alpha Two"}\n'
            '{"id": "d", "name": "Delta",}\n'
            '{"id": "e", "name": "Epsilon", "meta": {"n": ' + "9" * 5000 + '}}\n'
            '{"extends": "a", "aliases": ["Alf"], "meta": {"population": 12, "capital": true}}\n')
    with pytest.raises(AliasFileError) as err:
        parse_jsonl(text, "g.jsonl")
    assert str(err.value).splitlines() == [
        "g.jsonl:2: name must be a single string",
        "g.jsonl:3: duplicate key 'name' in an entity (first at line 3); keep one",
        "g.jsonl:4: id 'a' is already defined at line 1; ids must be unique (use 'extends:' to add forms)",
        "g.jsonl:5:29: Expecting property name enclosed in double quotes; fix the JSON on this line",
        "g.jsonl:6: a number too long to read; names and ids are strings",
    ]
    extension = parse_jsonl(text.splitlines()[-1]).extensions[0]
    assert extension.meta == {"population": 12, "capital": True}


def test_a_reference_to_a_bundled_entity_says_to_load_the_bundled_file(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("entities:\n  - extends: ryan-germany\n    aliases: [R. Germany]\n"
                    "  - {id: x, name: Xavier Quint, related: [georgia-us-state]}\n", encoding="utf-8")
    with pytest.raises(AliasFileError) as info:
        namenorm.load(mine, cache=False)
    hint = "the bundled file defines it: load it first (with_default=True, namenorm --with-default)"
    assert str(info.value).splitlines() == [
        f"{mine}:2:5: extends 'ryan-germany': no such entity; {hint}",
        f"{mine}:4:5: entity 'x' lists unknown related id 'georgia-us-state'; {hint}",
    ]
    assert namenorm.load(mine, with_default=True, cache=False).resolve("R. Germany").id == "ryan-germany"


def test_excluding_an_entitys_own_name_is_an_error_at_that_item():
    text = "entities:\n  - id: foo\n    name: Foo Bar\n    aliases: [Foo]\n    exclude: [Baz, 'FOO']\n"
    with pytest.raises(AliasFileError) as info:
        parse_alias_file(text, "my.yaml")
    assert str(info.value) == ("my.yaml:5:20: exclude 'FOO' is one of the entity's own names, which it would "
                               "make unreachable; remove it from exclude")


def test_json_lines_read_directly_give_what_the_reader_gives(monkeypatch):
    import random

    from namenorm import aliases

    rng = random.Random(5)
    values = ['"Köln"', '" Bonn "', '""', '"..."', "5", "null", '["A"]', '"a b"', '"O\'Brien"', '"x"']
    lines = []
    for k in range(400):
        fields = {"id": rng.choice([f'"e{k}"'] * 9 + ['"bad id"', "7", '" e1 "', f'"e{k // 2}"']),
                  "name": rng.choice(values)}
        for key in rng.sample(["kind", "aliases", "weak", "exclude", "meta"], rng.randrange(3)):
            fields[key] = (rng.choice(['"person"', '"place"', '"thing"', "3"]) if key == "kind" else
                           '{"a": 1}' if key == "meta" else
                           "[" + ", ".join(rng.choice(values) for _ in range(rng.randrange(3))) + "]")
        pairs = [f'"{key}": {value}' for key, value in fields.items()]
        # A repeated key, written as itself or escaped, is an error the direct reading must see too.
        pairs += rng.choice([[]] * 8 + [['"name": "Dup"'], ['"na\\u006de": "Esc"'], ['"kind": "place"']])
        lines.append("{" + ", ".join(pairs) + "}")

    def read(text: str) -> object:
        try:
            parsed = parse_jsonl(text, "g.jsonl")
        except AliasFileError as exc:
            return str(exc)
        return [(e, str(e.source)) for e in parsed.entities], parsed.extensions

    def loads(line: str) -> bool:
        return not isinstance(read(line), str)

    good = [line for line in lines if loads(line)]
    assert 80 < len(good) < 350
    good = list({aliases._JSON.decode(line)[0][1].strip(): line for line in good}.values())  # one line an id
    files = ["\n".join(good)] + ["\n".join(lines[k:k + 20]) for k in range(0, len(lines), 20)]
    for text in files:
        direct = read(text)
        with monkeypatch.context() as patch:
            patch.setattr(aliases, "_plain_entity", lambda value, path, line: None)
            assert read(text) == direct
    assert not isinstance(read(files[0]), str)  # a file that loads is compared entity by entity


@given(st.text())
def test_the_quick_check_for_words_agrees_with_normalizing(text):
    assert _has_words(text) == bool(normalize_name(text))
