"""Read alias files into validated entities: the only module that imports yaml.

Files are parsed into YAML nodes, never into Python objects, so every value
keeps its line and column, every scalar stays a string (``No``, ``Null`` and
``007`` are names, not booleans or numbers) and YAML aliases, merge keys,
duplicate keys and unknown keys are rejected with a message that says where.
All problems in a file are reported together in one ``AliasFileError``.
"""

from __future__ import annotations

import codecs
import difflib
import json
import os
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Union

from .errors import AliasFileError, ConflictError, Issue
from .memory import paused_collection
from .model import KINDS, Entity, Source
from .normalize import normalize_name

if TYPE_CHECKING:
    import yaml

__all__ = [
    "MAX_FILE_BYTES",
    "AliasFile",
    "Extension",
    "FormPlaces",
    "Merged",
    "OnConflict",
    "bundled_path",
    "byte_order_mark",
    "cannot_read",
    "data_path",
    "default_given_names",
    "default_titles",
    "files_to_load",
    "form_places",
    "merge",
    "parse_alias_file",
    "parse_file_bytes",
    "parse_jsonl",
    "read_alias_file",
    "read_file_bytes",
    "yaml_loader",
]

MAX_FILE_BYTES = 128 * 1024 * 1024
"""Largest alias file read by default (over a million entities): a guard against endless or
hostile input, raised with ``max_bytes=``."""
_MAX_DEPTH = 6
"""Alias files nest at most: top mapping > entities list > entity > meta > value."""
_MAX_NESTING = 32
"""Deeper YAML is refused while it is read, before composing it costs seconds of recursion."""
_PLAIN_TAGS = frozenset({None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"})
"""Tags an alias file may carry: none, or the ones that say "plain text, list, mapping"."""
_NOT_YAML_TEXT = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters YAML text may not hold (controls, lone surrogates, U+FFFE and U+FFFF)."""
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))

OnConflict = Literal["raise", "warn", "ignore"]
PathLike = Union[str, "os.PathLike[str]"]  # a runtime alias

_ENTITY_KEYS = ("id", "name", "kind", "aliases", "weak", "exclude", "related", "meta")
_EXTENSION_KEYS = ("extends", "aliases", "weak", "exclude", "related", "meta")
_LIST_KEYS = ("aliases", "weak", "exclude", "related")
_TOP_KEYS = ("entities", "titles", "given_names", "particles", "shared_forms")
_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]*$")


@dataclass(frozen=True)
class Extension:
    """An ``extends:`` entry: forms to add to an entity defined earlier."""

    target: str
    aliases: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)
    source: Source = field(default_factory=lambda: Source("<memory>"))


@dataclass(frozen=True)
class AliasFile:
    """One parsed alias file, before merging."""

    path: str
    entities: tuple[Entity, ...] = ()
    extensions: tuple[Extension, ...] = ()
    titles: tuple[str, ...] = ()
    given_names: tuple[tuple[str, ...], ...] = ()
    particles: tuple[str, ...] = ()
    shared_forms: tuple[str, ...] = ()
    """Forms that several entities claim on purpose ("Georgia"): not reported as clashes."""


FormPlaces = dict[tuple[str, str, bool], tuple[str, int, int]]
"""(entity id, form as written, whether weak) to (file, line, column): where ``check`` points."""


@dataclass(frozen=True)
class Merged:
    """Several alias files merged in order."""

    entities: list[Entity]
    titles: list[str]
    given_names: list[tuple[str, ...]]
    particles: list[str] = field(default_factory=list)
    shared_forms: list[str] = field(default_factory=list)


def data_path(name: str) -> Path:
    """A file of data/: inside the installed package, else in the source tree."""
    packaged = resources.files("namenorm") / "_data" / name
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "data" / name


def bundled_path() -> Path:
    """Path of the bundled alias file, data/aliases.yaml."""
    return data_path("aliases.yaml")


def files_to_load(paths: Sequence[PathLike], with_default: bool) -> list[PathLike]:
    """The alias files a load reads, in order: the bundled one first when asked, or alone when
    no file is named."""
    return [bundled_path(), *paths] if with_default or not paths else list(paths)


@lru_cache(maxsize=1)
def default_given_names() -> tuple[tuple[str, ...], ...]:
    """Groups of equivalent given names (William, Bill, Liam...) from data/given_names.yaml.

    Read once per process: parsing its thousands of names would otherwise cost every
    new Resolver a quarter of a second.
    """
    path = data_path("given_names.yaml")
    return read_alias_file(path).given_names if path.is_file() else ()


@lru_cache(maxsize=1)
def default_titles() -> tuple[str, ...]:
    """Titles and roles stripped from the front of a query, from ``namenorm/_data/titles.txt``."""
    text = (resources.files("namenorm") / "_data" / "titles.txt").read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


@lru_cache(maxsize=1)
def _refused() -> type[yaml.MarkedYAMLError]:
    """The error for YAML that an alias file may not hold, its message saying what to write
    instead: a ``yaml.MarkedYAMLError``, so reported like one. Made on first use, as yaml is
    imported only to read YAML: importing it was a tenth of a cached command-line call."""
    import yaml

    class Refused(yaml.MarkedYAMLError):
        pass

    return Refused


class _Node:
    """A YAML value with the place it starts at (1-based); lighter than PyYAML's nodes."""

    __slots__ = ("column", "line", "value")

    def __init__(self, value: Any, line: int, column: int) -> None:
        self.value = value
        self.line = line
        self.column = column


class _Scalar(_Node):
    value: str


class _Sequence(_Node):
    value: list[_Node]


class _Mapping(_Node):
    value: list[tuple[_Node, _Node]]


def yaml_loader() -> Any:
    """libyaml's safe loader where PyYAML was built with it (it reads ten times faster), else
    PyYAML's own; both give the same events and nodes, with line and column."""
    import yaml

    return yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader


_IN_SEQUENCE = _Node(None, 0, 0)
"""Stands in ``_compose``'s key stack for an open sequence, which takes values without keys."""


def _refuse_or_open(event: Any, depth: int) -> _Node:
    """The node an event other than a plain scalar or an end opens, or ``_refused()`` where an
    alias file may not have it."""
    import yaml

    mark = event.start_mark
    problem = None
    if isinstance(event, yaml.AliasEvent):
        problem = "YAML aliases (*name) are not allowed in alias files; write the value out"
    elif event.tag not in _PLAIN_TAGS:
        tag = event.tag.replace("tag:yaml.org,2002:", "!!")
        problem = f"the tag {tag!r} is not allowed in alias files; write the value as plain text"
    elif isinstance(event, yaml.ScalarEvent):
        return _Scalar(event.value, mark.line + 1, mark.column + 1)
    elif depth >= _MAX_NESTING:
        problem = "nesting too deep for an alias file"
    if problem is not None:
        raise _refused()(problem=problem, problem_mark=mark)
    if isinstance(event, yaml.SequenceStartEvent):
        return _Sequence([], mark.line + 1, mark.column + 1)
    return _Mapping([], mark.line + 1, mark.column + 1)


def _compose(text: str) -> _Node | None:
    """The single document of ``text`` as a tree of ``_Node``, built from parser events without
    recursion.

    Refuses, where they are written, what an alias file never needs and an attacker might:
    YAML aliases, tags other than the plain ones (``!!binary``, ``!!int``, ``!foo``), and
    nesting deeper than any alias file has.
    """
    import yaml

    parser = yaml_loader()(text)
    try:
        parser.get_event()  # stream start
        if parser.check_event(yaml.StreamEndEvent):
            return None
        parser.get_event()  # document start
        root: _Node | None = None
        open_nodes: list[_Node] = []
        keys: list[_Node | None] = []  # per open mapping, the key waiting for its value
        get_event = parser.get_event
        while True:
            event = get_event()
            kind = type(event)  # compared by identity: this loop runs a dozen times an entity
            if kind is yaml.ScalarEvent and event.tag is None:
                mark = event.start_mark
                node: _Node = _Scalar(event.value, mark.line + 1, mark.column + 1)
            elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                open_nodes.pop()
                keys.pop()
                continue
            elif kind is yaml.DocumentEndEvent:
                break
            else:
                node = _refuse_or_open(event, len(open_nodes))
            if not open_nodes:
                root = node
            elif keys[-1] is _IN_SEQUENCE:
                open_nodes[-1].value.append(node)
            elif keys[-1] is None:
                keys[-1] = node
            else:
                open_nodes[-1].value.append((keys[-1], node))
                keys[-1] = None
            if kind is not yaml.ScalarEvent:
                open_nodes.append(node)
                keys.append(_IN_SEQUENCE if kind is yaml.SequenceStartEvent else None)
        if not parser.check_event(yaml.StreamEndEvent):
            raise yaml.MarkedYAMLError(problem="an alias file holds one YAML document; remove the '---' after the first",
                                       problem_mark=parser.peek_event().start_mark)
        return root
    finally:
        parser.dispose()


class _Reader:
    """Walks one file's node tree, collecting issues instead of stopping at the first."""

    def __init__(self, path: str, places: FormPlaces | None = None) -> None:
        self.path = path
        self.issues: list[Issue] = []
        self.places = places

    def issue(self, node: _Node | None, message: str, code: str = "schema") -> None:
        line, column = (node.line, node.column) if node is not None else (0, 0)
        self.issues.append(Issue(self.path, line, column, message, code))

    def mapping(self, node: _Node, allowed: tuple[str, ...], what: str) -> dict[str, tuple[_Node, _Node]]:
        if not isinstance(node, _Mapping):
            self.issue(node, f"{what} must be a mapping of keys to values")
            return {}
        out: dict[str, tuple[_Node, _Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, _Scalar):
                self.issue(key_node, f"{what} keys must be plain words")
                continue
            key = key_node.value
            if key in out:
                first = out[key][0].line
                self.issue(key_node, f"duplicate key {key!r} in {what} (first at line {first}); keep one",
                           "duplicate-key")
                continue
            if key not in allowed:
                hint = difflib.get_close_matches(key, allowed, n=1)
                fix = f"did you mean {hint[0]!r}?" if hint else f"allowed keys: {', '.join(allowed)}"
                self.issue(key_node, f"unknown key {key!r} in {what}; {fix}")
                continue
            out[key] = (key_node, value_node)
        return out

    def text(self, node: _Node, what: str) -> str | None:
        if not isinstance(node, _Scalar):
            self.issue(node, f"{what} must be a single string")
            return None
        value: str = node.value.strip()
        if not value:
            self.issue(node, f"{what} is empty")
            return None
        return value

    def texts(self, node: _Node, what: str, *, names: bool = True,
              single_words: bool = False) -> tuple[str, ...]:
        if not isinstance(node, _Sequence):
            self.issue(node, f"{what} must be a list, e.g. {what.split()[-1]}: [{node.value if isinstance(node, _Scalar) else '...'}]")
            return ()
        out: dict[str, None] = {}  # ordered, and a repeat costs no scan of the list
        entry = f"an entry of {what}"
        for item in node.value:
            value = self.text(item, entry)
            if value is None:
                continue
            if names and not _has_words(value):
                self.issue(item, f"{value!r} in {what} has no letters or digits to match on; remove it",
                           "empty-form")
                continue
            if single_words:
                words = normalize_name(value).split()
                if len(words) > 1:
                    self.issue(item, f"{value!r} in {what} is several words; list each one: [{', '.join(words)}]")
                    continue
            out.setdefault(value)
        return tuple(out)

    def groups(self, node: _Node) -> tuple[tuple[str, ...], ...]:
        """``given_names:``: a list of groups, each a list of two or more equivalent names."""
        if not isinstance(node, _Sequence):
            self.issue(node, "given_names must be a list of groups, e.g. - [William, Bill, Liam]")
            return ()
        out = []
        for item in node.value:
            group = self.texts(item, "a given_names group")
            if len(group) >= 2:
                out.append(group)
            elif group:
                self.issue(item, "a given_names group needs two or more names")
        return tuple(out)

    def plain(self, node: _Node, depth: int) -> Any:
        if depth > _MAX_DEPTH:
            self.issue(node, "nesting too deep for an alias file")
            return None
        if isinstance(node, _Sequence):
            return [self.plain(item, depth + 1) for item in node.value]
        if not isinstance(node, _Mapping):
            return node.value  # a string, or a JSON number, true, false or null
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, _Scalar):
                self.issue(key_node, "meta keys must be strings")
                continue
            key = key_node.value
            if key in result:
                self.issue(key_node, f"duplicate key {key!r} in meta; keep one", "duplicate-key")
            else:
                result[key] = self.plain(value_node, depth + 1)
        return result

    def entry(self, node: _Node) -> Entity | Extension | None:
        is_extension = isinstance(node, _Mapping) and any(
            isinstance(k, _Scalar) and k.value == "extends" for k, _ in node.value
        )
        allowed = _EXTENSION_KEYS if is_extension else _ENTITY_KEYS
        fields = self.mapping(node, allowed, "an extends entry" if is_extension else "an entity")
        if not fields:
            return None
        source = Source(self.path, node.line, node.column)
        values: dict[str, Any] = {}
        for key in _LIST_KEYS:
            if key in fields:
                values[key] = self.texts(fields[key][1], f"{key}", names=key != "related")
        if "meta" in fields:
            meta_node = fields["meta"][1]
            if isinstance(meta_node, _Mapping):
                values["meta"] = self.plain(meta_node, 3)
            else:
                self.issue(meta_node, "meta must be a mapping, e.g. meta: {wikidata: Q42}")
        if is_extension:
            target = self.text(fields["extends"][1], "extends")
            if target and self.places is not None:
                self.record_places(target, fields)
            return Extension(target, source=source, **values) if target else None
        ok = True
        for key in ("id", "name"):
            if key not in fields:
                self.issue(node, f"entity has no {key!r}; every entity needs an id and a name")
                ok = False
                continue
            value = self.text(fields[key][1], key)
            if value is None:
                ok = False
            values[key] = value
        entity_id = values.get("id")
        if entity_id and not _ID_PATTERN.match(entity_id):
            self.issue(fields["id"][1], f"id {entity_id!r} must be a slug of letters, digits and . _ : / -, e.g. 'brad-raffensperger'")
            ok = False
        if values.get("name") and not _has_words(values["name"]):
            self.issue(fields["name"][1], f"name {values['name']!r} has no letters or digits to match on", "empty-form")
            ok = False
        if "kind" in fields:
            kind = self.text(fields["kind"][1], "kind")
            if kind not in KINDS:
                if kind is not None:
                    self.issue(fields["kind"][1], f"kind {kind!r} is not one of {', '.join(KINDS)}")
                ok = False
            values["kind"] = kind
        if ok and "exclude" in fields:
            self.own_names_excluded(fields["exclude"][1], values)
        if ok and self.places is not None:
            self.record_places(values["id"], fields)
        return Entity(source=source, **values) if ok else None

    def record_places(self, owner: str, fields: dict[str, tuple[_Node, _Node]]) -> None:
        """Note where each name, alias and weak form of ``owner`` is written."""
        assert self.places is not None
        for key in ("name", "aliases", "weak"):
            node = fields[key][1] if key in fields else None
            for item in node.value if isinstance(node, _Sequence) else [node] if node is not None else []:
                if isinstance(item, _Scalar):
                    place = (self.path, item.line, item.column)
                    self.places.setdefault((owner, item.value.strip(), key == "weak"), place)

    def own_names_excluded(self, node: _Node, values: dict[str, Any]) -> None:
        """An ``exclude`` that is one of the entity's own names would make that name unreachable."""
        own = {normalize_name(f) for f in (values["name"], *values.get("aliases", ()), *values.get("weak", ()))}
        for item in node.value if isinstance(node, _Sequence) else ():
            if isinstance(item, _Scalar) and normalize_name(item.value) in own:
                self.issue(item, f"exclude {item.value!r} is one of the entity's own names, which it would make "
                                 "unreachable; remove it from exclude", "excludes-own-name")

    def document(self, root: _Node | None) -> AliasFile:
        if root is None:
            self.issues.append(Issue(self.path, 0, 0, "file is empty; an alias file starts with 'entities:'"))
            return AliasFile(self.path)
        top = self.mapping(root, _TOP_KEYS, "the file")
        titles = self.texts(top["titles"][1], "titles") if "titles" in top else ()
        given = self.groups(top["given_names"][1]) if "given_names" in top else ()
        particles = (self.texts(top["particles"][1], "particles", single_words=True)
                     if "particles" in top else ())
        shared = self.texts(top["shared_forms"][1], "shared_forms") if "shared_forms" in top else ()
        tables_only = AliasFile(self.path, titles=titles, given_names=given, particles=particles,
                                shared_forms=shared)
        if "entities" not in top:
            if not self.issues and not (titles or given or particles or shared):
                self.issue(root, "no 'entities:' list; an alias file starts with 'entities:'")
            return tables_only
        entries = top["entities"][1]
        if not isinstance(entries, _Sequence):
            self.issue(entries, "'entities' must be a list of entities, each starting with '- id:'")
            return tables_only
        entities, extensions = self.entries(entries.value)
        return AliasFile(self.path, entities, extensions, titles, given, particles, shared)

    def entries(self, items: Iterable[_Node | Entity]) -> tuple[tuple[Entity, ...], tuple[Extension, ...]]:
        """The entities and ``extends:`` entries of a list, each id defined once; an item may be
        an entity already read (``_plain_entity``)."""
        entities: list[Entity] = []
        extensions: list[Extension] = []
        first_line: dict[str, int] = {}
        for item in items:
            parsed = item if isinstance(item, Entity) else self.entry(item)
            if isinstance(parsed, Extension):
                extensions.append(parsed)
            elif parsed is not None:
                if parsed.id in first_line:
                    message = (f"id {parsed.id!r} is already defined at line {first_line[parsed.id]}; "
                               "ids must be unique (use 'extends:' to add forms)")
                    self.issues.append(Issue(self.path, parsed.source.line, parsed.source.column, message,
                                             "duplicate-id"))
                    continue
                first_line[parsed.id] = parsed.source.line
                entities.append(parsed)
        return tuple(entities), tuple(extensions)


def parse_alias_file(text: str | bytes, path: str = "<string>", *, places: FormPlaces | None = None) -> AliasFile:
    """Parse alias-file text; ``path`` is only used in messages. Where each form is written
    goes into ``places`` when one is given (for ``namenorm check``; a load keeps no such table).

    Raises:
        AliasFileError: listing every problem, each as ``path:line:column: message``.

    >>> f = parse_alias_file("entities:\\n  - {id: koeln, name: Köln, kind: place, aliases: [Cologne]}\\n")
    >>> f.entities[0].aliases
    ('Cologne',)
    >>> parse_alias_file("entities:\\n  - {id: koeln, nmae: Köln}\\n", "my.yaml")
    Traceback (most recent call last):
    ...
    namenorm.errors.AliasFileError: my.yaml:2:5: entity has no 'name'; every entity needs an id and a name
    my.yaml:2:17: unknown key 'nmae' in an entity; did you mean 'name'?
    """
    import yaml

    reader = _Reader(path, places)
    if isinstance(text, bytes):
        text = _decode(text, path)
    unreadable = _NOT_YAML_TEXT.search(text)
    if unreadable is not None:
        line, column = _place(text, unreadable.start())
        raise AliasFileError([Issue(path, line, column, f"the character U+{ord(unreadable.group()):04X} is not "
                                                        "allowed in YAML text; remove it", "unreadable")])
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = exc.problem or "invalid YAML"
        if not isinstance(exc, _refused()):
            problem = f"{exc.context}: {problem}; fix the YAML syntax" if exc.context else f"{problem}; fix the YAML syntax"
        raise AliasFileError([Issue(path, line, column, problem, "syntax")]) from None
    except yaml.YAMLError as exc:
        raise AliasFileError([Issue(path, 0, 0, f"cannot read YAML: {exc}", "syntax")]) from None
    parsed = reader.document(root)
    if reader.issues:
        raise AliasFileError(sorted(reader.issues, key=lambda i: (i.line, i.column)))
    return parsed


def parse_jsonl(text: str | bytes, path: str = "<string>", *, places: FormPlaces | None = None) -> AliasFile:
    """Parse JSON Lines: one entity (or ``extends`` entry) a line, with the fields and checks of
    an alias file; blank lines are skipped. For galleries written by a program, such as a
    database export.

    Raises:
        AliasFileError: listing every problem, each as ``path:line: message``.

    >>> f = parse_jsonl('{"id": "koeln", "name": "Köln", "kind": "place", "aliases": ["Cologne"]}\\n')
    >>> f.entities[0].aliases
    ('Cologne',)
    >>> parse_jsonl('{"id": "koeln", "name": "Köln"}\\n{"id": "bonn", "name": 5}\\n', "my.jsonl")
    Traceback (most recent call last):
    ...
    namenorm.errors.AliasFileError: my.jsonl:2: name must be a single string
    """
    reader = _Reader(path, places)
    if isinstance(text, bytes):
        text = _decode(text, path)
    nodes: list[_Node | Entity] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            value = _JSON.decode(line)
            plain = _plain_entity(value, path, number) if places is None else None
            nodes.append(plain if plain is not None else _json_node(value, number))
        except json.JSONDecodeError as exc:
            reader.issues.append(Issue(path, number, exc.colno, f"{exc.msg}; fix the JSON on this line", "syntax"))
        except ValueError:  # an integer of thousands of digits
            reader.issues.append(Issue(path, number, 0, "a number too long to read; names and ids are strings",
                                       "syntax"))
        except RecursionError:
            reader.issues.append(Issue(path, number, 0, "nesting too deep for an alias file", "syntax"))
    entities, extensions = reader.entries(nodes)
    if reader.issues:
        raise AliasFileError(sorted(reader.issues, key=lambda i: (i.line, i.column)))
    return AliasFile(path, entities, extensions)


_PLAIN_KEYS = frozenset({"id", "name", "kind", "aliases", "weak"})
"""The fields of the entities a database export writes, read without building a node tree."""


def _plain_entity(value: Any, path: str, line: int) -> Entity | None:
    """The entity of a JSON Lines record that passes every check ``_Reader.entry`` makes, read
    directly (a million records load in half the time); None sends the record through the
    reader, which says what is wrong with it, or reads its other fields.

    >>> koeln = _plain_entity(_JSON.decode('{"id": "koeln", "name": " Köln ", "aliases": ["Cologne"]}'), "g.jsonl", 3)
    >>> koeln.name, koeln.kind, koeln.aliases, str(koeln.source)
    ('Köln', 'other', ('Cologne',), 'g.jsonl:3')
    >>> _plain_entity(_JSON.decode('{"id": "koeln", "name": 5}'), "g.jsonl", 3) is None
    True
    """
    if not isinstance(value, _Pairs):
        return None
    fields = dict(value)
    if len(fields) != len(value) or not fields.keys() <= _PLAIN_KEYS:
        return None
    entity_id, name, kind = fields.get("id"), fields.get("name"), fields.get("kind", "other")
    if not (isinstance(entity_id, str) and isinstance(name, str) and kind in KINDS):
        return None
    entity_id, name = entity_id.strip(), name.strip()
    if not _ID_PATTERN.match(entity_id) or not _has_words(name):
        return None
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("aliases", "weak"):
        items = fields.get(key, [])
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            return None
        forms = [item.strip() for item in items]
        if not all(form and _has_words(form) for form in forms):
            return None
        lists[key] = tuple(dict.fromkeys(forms))
    return Entity(entity_id, name, kind, lists["aliases"], lists["weak"], source=Source(path, line))


_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def _has_words(text: str) -> bool:
    """Whether anything of ``text`` is left to match once normalized; an ASCII letter or digit
    always is, which spares normalizing the names of a large export just to check them."""
    return _ASCII_WORD.search(text) is not None or bool(normalize_name(text))


class _Pairs(list[tuple[str, Any]]):
    """A JSON object as its key-value pairs, repeats kept, so that a duplicate key is reported."""


_JSON = json.JSONDecoder(object_pairs_hook=_Pairs)


def _json_node(value: Any, line: int) -> _Node:
    """A parsed JSON value as the nodes ``_Reader`` checks; all of one line, so no column."""
    if isinstance(value, str):
        return _Scalar(value, line, 0)
    if isinstance(value, _Pairs):
        return _Mapping([(_Scalar(k, line, 0), _json_node(v, line)) for k, v in value], line, 0)
    if isinstance(value, list):
        return _Sequence([_json_node(v, line) for v in value], line, 0)
    return _Node(value, line, 0)  # a number, true, false or null: not text


def _place(text: str, position: int) -> tuple[int, int]:
    """Line and column (from 1) of a character index."""
    line_start = text.rfind("\n", 0, position) + 1
    return text.count("\n", 0, position) + 1, position - line_start + 1


def cannot_read(name: str, exc: OSError) -> AliasFileError:
    """The error for an alias file the system will not let us read."""
    return AliasFileError([Issue(name, 0, 0, f"cannot read file: {exc.strerror or exc}", "unreadable")])


def byte_order_mark(data: bytes) -> tuple[bytes, str]:
    """The byte-order mark a file starts with (``b""`` when none) and the codec of the rest.

    >>> byte_order_mark("\ufeffKöln".encode("utf-16-le")), byte_order_mark(b"K")
    ((b'\xff\xfe', 'utf-16-le'), (b'', 'utf-8'))
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return bom, codec
    return b"", "utf-8"


def _decode(data: bytes, path: str) -> str:
    """The file's text: UTF-8, or UTF-8 or UTF-16 with a byte-order mark."""
    bom, codec = byte_order_mark(data)
    data = data[len(bom):]
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        before = data[:exc.start].decode(codec, errors="replace")
        line, column = _place(before, len(before))
        bad = data[exc.start:exc.end].hex(" ")
        raise AliasFileError([Issue(path, line, column, f"bytes {bad} are not valid {codec.upper()}; "
                                                        "save the file as UTF-8", "unreadable")]) from None


def _read_at_most(path: PathLike, limit: int) -> bytes:
    """The file's first ``limit + 1`` bytes: enough to tell it is too big, from any kind of file
    (``/dev/zero`` never ends; ``stat`` tells nothing of pipes). A FIFO that nobody writes to
    reads as empty instead of waiting for a writer."""
    nonblock = getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, os.O_RDONLY | nonblock)
    with os.fdopen(fd, "rb") as stream:
        if nonblock:
            os.set_blocking(fd, True)
        # In pieces: one read of ``limit + 1`` bytes sets that much memory aside first, which a
        # generous limit (max_bytes=10**12) turns into a MemoryError however small the file.
        chunks, wanted = [], limit + 1
        while wanted > 0:
            chunk = stream.read(min(wanted, _READ_CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            wanted -= len(chunk)
        return b"".join(chunks)


_READ_CHUNK = 64 * 1024 * 1024


def read_alias_file(path: PathLike, *, max_bytes: int = MAX_FILE_BYTES) -> AliasFile:
    """Read and parse one alias file from disk: a ``.jsonl`` file as JSON Lines (``parse_jsonl``),
    any other as YAML (``parse_alias_file``).

    Raises:
        AliasFileError: when the file is missing, too large, not UTF-8, or invalid.
    """
    return parse_file_bytes(read_file_bytes(path, max_bytes=max_bytes), str(path))


def read_file_bytes(path: PathLike, *, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """An alias file's bytes, refused past ``max_bytes``.

    Raises:
        AliasFileError: when the file cannot be read or is too large.
    """
    name = str(path)
    try:
        data = _read_at_most(path, max_bytes)
    except OSError as exc:
        raise cannot_read(name, exc) from None
    if len(data) > max_bytes:
        raise AliasFileError([Issue(name, 0, 0, f"file is over the {max_bytes:,}-byte limit; raise it with "
                                                "max_bytes= (namenorm --max-bytes) or split the file", "unreadable")])
    return data


def form_places(paths: Iterable[PathLike], *, max_bytes: int = MAX_FILE_BYTES) -> FormPlaces:
    """Where each form of each entity is written in ``paths``, in load order, read again for
    ``check`` and ``explain`` (a load keeps no such table); a file that no longer parses is skipped."""
    places: FormPlaces = {}
    for path in paths:
        try:
            parse_file_bytes(read_file_bytes(path, max_bytes=max_bytes), str(path), places=places)
        except AliasFileError:
            continue
    return places


def parse_file_bytes(data: bytes, name: str, *, places: FormPlaces | None = None) -> AliasFile:
    """Parse a file's bytes as its name says: JSON Lines for ``.jsonl``, else YAML."""
    with paused_collection():
        return (parse_jsonl if name.endswith(".jsonl") else parse_alias_file)(data, name, places=places)


def _extend(entity: Entity, ext: Extension) -> Entity:
    def grow(old: tuple[str, ...], new: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(old + new))

    return replace(
        entity,
        aliases=grow(entity.aliases, ext.aliases),
        weak=grow(entity.weak, ext.weak),
        exclude=grow(entity.exclude, ext.exclude),
        related=grow(entity.related, ext.related),
        meta={**entity.meta, **ext.meta},
    )


_IN_BUNDLED = "; the bundled file defines it: load it first (with_default=True, namenorm --with-default)"


@lru_cache(maxsize=1)
def _bundled_ids() -> frozenset[str]:
    """Ids of the bundled file, read only to say so when a file refers to one of them."""
    try:
        return frozenset(e.id for e in read_alias_file(bundled_path()).entities)
    except AliasFileError:
        return frozenset()


def merge(files: Iterable[AliasFile], *, on_conflict: OnConflict = "raise") -> Merged:
    """Merge parsed files in order into one entity list, title list and given-name list.

    A later file may redefine an id (as ``on_conflict`` says) and may extend any
    entity defined in it or before it.

    Raises:
        ConflictError: an id is defined in two files and ``on_conflict="raise"``.
        AliasFileError: an ``extends:`` names no known entity, or a related id is unknown.
    """
    if on_conflict not in ("raise", "warn", "ignore"):
        raise ValueError(f"on_conflict must be 'raise', 'warn' or 'ignore', not {on_conflict!r}")
    by_id: dict[str, Entity] = {}
    titles: list[str] = []
    given: list[tuple[str, ...]] = []
    particles: list[str] = []
    shared: list[str] = []
    conflicts: list[Issue] = []
    problems: list[Issue] = []
    for alias_file in files:
        titles.extend(alias_file.titles)
        given.extend(alias_file.given_names)
        particles.extend(alias_file.particles)
        shared.extend(alias_file.shared_forms)
        for entity in alias_file.entities:
            earlier = by_id.get(entity.id)
            if earlier is not None:
                message = f"id {entity.id!r} is already defined at {earlier.source}"
                if on_conflict == "raise":
                    conflicts.append(Issue(entity.source.path, entity.source.line, entity.source.column,
                                           message + "; rename one, or use 'extends:' to add forms", "duplicate-id"))
                    continue
                if on_conflict == "warn":
                    warnings.warn(f"{entity.source}: {message}; the later definition replaces it", stacklevel=3)
            by_id[entity.id] = entity
        for ext in alias_file.extensions:
            target = by_id.get(ext.target)
            if target is None:
                hint = difflib.get_close_matches(ext.target, list(by_id), n=1)
                fix = (_IN_BUNDLED if ext.target in _bundled_ids() else
                       f"; did you mean {hint[0]!r}?" if hint else "; define it in an earlier file")
                problems.append(Issue(ext.source.path, ext.source.line, ext.source.column, f"extends {ext.target!r}: no such entity{fix}",
                                      "unknown-extends"))
                continue
            by_id[ext.target] = _extend(target, ext)
    if conflicts:
        raise ConflictError(conflicts)
    for entity in by_id.values():
        for rel in entity.related:
            if rel not in by_id:
                fix = _IN_BUNDLED if rel in _bundled_ids() else ""
                problems.append(Issue(entity.source.path, entity.source.line, entity.source.column,
                                      f"entity {entity.id!r} lists unknown related id {rel!r}{fix}", "unknown-related"))
    if problems:
        raise AliasFileError(problems)
    return Merged(list(by_id.values()), titles, given, particles, shared)
