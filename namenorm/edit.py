"""Add forms to an entity of an alias file by editing its text, so that the rest stays as written.

A curated file carries comments, blank lines, quoting and a key order that its editors chose;
loading it and dumping it again would lose all of them. So ``add_forms`` finds the entity's
``aliases:`` (or ``weak:``) list with YAML's own parser, which knows where every node starts
and ends, and inserts the new forms there in the list's own style (``[a, b]`` or ``- a``), with
the file's line ending. A new form is quoted only where YAML would read it otherwise.

The edited text must read back, with namenorm's own reader, as exactly the old file plus the
new forms; otherwise nothing is written. The file is replaced atomically (a temporary file in
the same folder, flushed to disk, then renamed over it), keeps its permission bits, stays
behind its symbolic link, and is locked while it is read and written, so that concurrent
edits all land.

>>> text = "entities:\\n  - id: koeln   # the city\\n    name: Köln\\n    aliases: [Cologne]\\n"
>>> new, result = add_forms_to_text(text, "koeln", ["Kölle", "No"])
>>> print(new, end="")
entities:
  - id: koeln   # the city
    name: Köln
    aliases: [Cologne, Kölle, 'No']
>>> print(result)
<string>: added 'Kölle', 'No' to koeln
"""

from __future__ import annotations

import difflib
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from typing import Literal, TypeVar, Union

import yaml

from .aliases import (
    AliasFile,
    Extension,
    bundled_path,
    byte_order_mark,
    cannot_read,
    parse_alias_file,
    parse_file_bytes,
    read_alias_file,
    read_file_bytes,
    yaml_loader,
)
from .errors import AliasFileError, EditError, RefusedEditError
from .model import Entity, Kind, Source
from .normalize import normalize_name

__all__ = ["Action", "AddResult", "add_forms", "add_forms_to_text", "yaml_scalar"]

PathLike = Union[str, "os.PathLike[str]"]  # a runtime alias
Action = Literal["added", "created", "extended", "unchanged"]

_KEY_ORDER = ("extends", "id", "name", "kind", "aliases", "weak")
"""The order keys are usually written in: a missing list key goes after the last one before it."""
_NOWHERE = Source("")


@dataclass(frozen=True)
class AddResult:
    """What ``add_forms`` did to one file.

    >>> print(AddResult("my.yaml", "koeln", "extended", added=("Kölle",), present=("Köln",)))
    my.yaml: koeln already has 'Köln'; nothing to do for it
    my.yaml: added 'Kölle' to koeln in a new 'extends: koeln' entry
    """

    path: str
    """The alias file, as the caller named it."""
    entity_id: str
    """The entity the forms are for."""
    action: Action
    """``added`` to the entity's own entry, ``created`` the entity, ``extended`` it with a new
    ``extends:`` entry, or ``unchanged`` when it had every form already (nothing written)."""
    added: tuple[str, ...] = ()
    """The forms written, in order."""
    present: tuple[str, ...] = ()
    """Forms the entity already had (after normalization): nothing to do for them."""
    weak: bool = False
    """Whether the forms went to ``weak:`` rather than ``aliases:``."""

    def __str__(self) -> str:
        lines = [f"{self.path}: {self.entity_id} already has {form!r}; nothing to do for it"
                 for form in self.present]
        forms = ", ".join(repr(form) for form in self.added)
        as_weak = " (weak)" if self.weak else ""
        if self.action == "added":
            lines.append(f"{self.path}: added {forms} to {self.entity_id}{as_weak}")
        elif self.action == "created":
            lines.append(f"{self.path}: created {self.entity_id}" + (f" with {forms}{as_weak}" if forms else ""))
        elif self.action == "extended":
            lines.append(f"{self.path}: added {forms} to {self.entity_id}{as_weak} "
                         f"in a new 'extends: {self.entity_id}' entry")
        return "\n".join(lines)


def add_forms(path: PathLike, entity_id: str, forms: Iterable[str], *, weak: bool = False,
              name: str | None = None, kind: Kind | None = None, force: bool = False,
              with_default: bool = False) -> AddResult:
    """Add ``forms`` to entity ``entity_id`` of the alias file at ``path``, editing it in place.

    The entity's own entry gets the forms. When the file lacks the id, ``name`` (and ``kind``,
    default other) create it; without ``name``, an id of the bundled file gets a new
    ``extends:`` entry. A form that another entity claims (in this file, or in the bundled one
    when ``with_default`` or when extending a bundled entity) is refused unless ``force``, even
    one listed in ``shared_forms``: sharing a form is a choice made by hand.

    Raises:
        AliasFileError: the file cannot be read or is not a valid alias file.
        RefusedEditError: a form was refused (nothing written).
        EditError: the edit cannot be made safely, or the file cannot be written.
    """
    shown = str(path)
    if shown.endswith(".jsonl"):
        why = "namenorm add edits YAML alias files; add a line to a JSON Lines gallery yourself"
        raise EditError(shown, [why])
    target = os.path.realpath(path)  # a link stays a link: its target is the file replaced
    try:
        info = os.stat(target)
    except OSError as exc:
        raise cannot_read(shown, exc) from None
    if not stat.S_ISREG(info.st_mode):
        raise EditError(shown, ["not a regular file; namenorm add edits an alias file in place"])
    with _locked(target, shown):
        data = read_file_bytes(target)
        parsed = parse_file_bytes(data, shown)
        bom, codec = byte_order_mark(data)
        text = data[len(bom):].decode(codec)
        defined = any(e.id == entity_id for e in parsed.entities) or any(
            x.target == entity_id for x in parsed.extensions)
        # The bundled ids are always looked at for an id this file lacks: creating one of them
        # would define it twice once the files are loaded together.
        base = (read_alias_file(bundled_path()),) if with_default or not defined else ()
        new_text, result = _edit(text, parsed, entity_id, _clean(forms, shown), weak=weak, name=name, kind=kind,
                                 force=force, base=base)
        if new_text != text:
            try:
                _write_atomically(target, bom + new_text.encode(codec))
            except OSError as exc:
                why = f"cannot write the edited file: {exc.strerror or exc}; the file is unchanged"
                raise EditError(shown, [why]) from None
    return result


def add_forms_to_text(text: str, entity_id: str, forms: Iterable[str], *, path: str = "<string>",
                      weak: bool = False, name: str | None = None, kind: Kind | None = None,
                      force: bool = False, base: Sequence[AliasFile] = ()) -> tuple[str, AddResult]:
    """The alias-file text with ``forms`` added to ``entity_id``, and what was done.

    ``base`` holds the files loaded before this one: their entities' forms count as claims,
    and an id defined there gets an ``extends:`` entry. ``path`` is used only in messages.
    See ``add_forms`` for the rest.
    """
    parsed = parse_alias_file(text, path)
    return _edit(text, parsed, entity_id, _clean(forms, path), weak=weak, name=name, kind=kind, force=force,
                 base=base)


def _clean(forms: Iterable[str], path: str) -> tuple[str, ...]:
    """The forms stripped, repeats (after normalization) dropped; each must be a line with letters
    or digits, since the reader would refuse it or never match it."""
    if isinstance(forms, str):
        forms = (forms,)  # one form, not its characters
    out: dict[str, str] = {}
    refused = []
    for form in forms:
        value = form.strip()
        if not value or any(ch in value for ch in "\r\n\x85\u2028\u2029"):
            refused.append(f"{form!r} is not a form: a form is one non-empty line")
        elif not (folded := normalize_name(value)):
            refused.append(f"{form!r} has no letters or digits to match on; leave it out")
        else:
            out.setdefault(folded, value)
    if refused:
        raise RefusedEditError(path, refused)
    if not out:
        raise RefusedEditError(path, ["no forms to add"])
    return tuple(out.values())


@dataclass
class _Owned:
    """What an entity holds across the files considered: its normalized forms and exclusions."""

    forms: set[str]
    exclude: set[str]


def _edit(text: str, parsed: AliasFile, entity_id: str, forms: tuple[str, ...], *, weak: bool,
          name: str | None, kind: Kind | None, force: bool,
          base: Sequence[AliasFile]) -> tuple[str, AddResult]:
    path = parsed.path
    key = "weak" if weak else "aliases"
    files = (*base, parsed)
    entity = next((e for e in parsed.entities if e.id == entity_id), None)
    extension = next((x for x in reversed(parsed.extensions) if x.target == entity_id), None)
    in_base = any(e.id == entity_id for f in base for e in f.entities)
    if entity is not None or extension is not None:
        action: Action = "added"
        _same_entity(path, entity, name, kind)
    elif in_base:
        action = "extended"
        _same_entity(path, None, name, kind)
    elif name is not None:
        action = "created"
        if not entity_id.strip() or not name.strip():
            raise RefusedEditError(path, ["a new entity needs a non-empty id and name"])
        entity = Entity(entity_id, name.strip(), kind or "other", source=Source(path))
    else:
        known = [e.id for f in files for e in f.entities]
        hint = difflib.get_close_matches(entity_id, known, n=1)
        fix = f"did you mean {hint[0]!r}? " if hint else ""
        raise EditError(path, [f"no entity has id {entity_id!r}; {fix}give --name (and --kind) to create it"])
    owned = _owned(files, entity_id, entity if action == "created" else None)
    present, new = [], []
    refused = []
    claims = _claims(files, entity_id)

    def claimed_by(folded: str) -> str:
        return ", ".join(f"{other} ({where})" for other, where in claims[folded].items())

    if action == "created" and entity is not None and not force:
        folded_name = normalize_name(entity.name)
        if folded_name in claims:
            refused.append(f"the name {entity.name!r} is already claimed by {claimed_by(folded_name)}; "
                           "--force creates it anyway")
    for form in forms:
        folded = normalize_name(form)
        if folded in owned.forms:
            present.append(form)
        elif folded in owned.exclude:
            refused.append(f"{form!r} is excluded from {entity_id}; remove it from its 'exclude:' first")
        elif folded in claims and not force:
            refused.append(f"{form!r} is already claimed by {claimed_by(folded)}; --force adds it anyway")
        else:
            new.append(form)
    if refused:
        raise RefusedEditError(path, refused)
    if not new and action != "created":
        return text, AddResult(path, entity_id, "unchanged", present=tuple(present), weak=weak)
    layout = _Layout(text, path)
    if action == "added":
        expected = _with_forms(parsed, entity_id, weak, tuple(new), extension=entity is None)
        position, insert = layout.add_to_entry(entity_id, entity is None, key, new)
    elif action == "created":
        assert entity is not None
        entity = _grow(entity, weak, tuple(new))
        expected = replace(parsed, entities=(*parsed.entities, entity))
        pairs: list[tuple[str, str | list[str]]] = [("id", entity_id), ("name", entity.name)]
        if kind is not None:
            pairs.append(("kind", kind))
        position, insert = layout.new_entry(pairs + [(key, new)] if new else pairs)
    else:
        expected = replace(parsed, extensions=(*parsed.extensions, _grow(Extension(entity_id), weak, tuple(new))))
        position, insert = layout.new_entry([("extends", entity_id), (key, new)])
    new_text = text[:position] + insert + text[position:]
    _check_reads_back(new_text, path, expected)
    return new_text, AddResult(path, entity_id, action, tuple(new), tuple(present), weak)


def _same_entity(path: str, entity: Entity | None, name: str | None, kind: Kind | None) -> None:
    """``--name`` and ``--kind`` describe a new entity; given for an existing one, they must agree."""
    wrong = []
    if entity is None:  # defined in another file, extended here or to be
        if name is not None or kind is not None:
            wrong.append("the entity is defined in another file (the bundled one, or one loaded before this); "
                         "leave --name and --kind out to add forms to it in an 'extends:' entry")
    else:
        if name is not None and name.strip() != entity.name:
            wrong.append(f"{entity.id} already exists as {entity.name!r}; leave --name out to add forms to it")
        if kind is not None and kind != entity.kind:
            wrong.append(f"{entity.id} already exists as a {entity.kind}; leave --kind out to add forms to it")
    if wrong:
        raise EditError(path, wrong)


def _owned(files: Sequence[AliasFile], entity_id: str, new: Entity | None) -> _Owned:
    """The normalized forms and exclusions of ``entity_id`` in all ``files`` (or of ``new``)."""
    owned = _Owned(set(), set())
    entries: list[Entity | Extension] = [new] if new is not None else [
        *(e for f in files for e in f.entities if e.id == entity_id),
        *(x for f in files for x in f.extensions if x.target == entity_id)]
    for entry in entries:
        names = (entry.name,) if isinstance(entry, Entity) else ()
        owned.forms.update(normalize_name(f) for f in (*names, *entry.aliases, *entry.weak))
        owned.exclude.update(normalize_name(f) for f in entry.exclude)
    return owned


def _claims(files: Sequence[AliasFile], entity_id: str) -> dict[str, dict[str, str]]:
    """Normalized form -> {id of another entity that claims it: where}, over ``files``."""
    claims: dict[str, dict[str, str]] = {}
    for file in files:
        entries: list[tuple[str, Source, Iterable[str]]] = [
            (e.id, e.source, (e.name, *e.aliases, *e.weak)) for e in file.entities]
        entries += [(x.target, x.source, (*x.aliases, *x.weak)) for x in file.extensions]
        for owner, source, owned in entries:
            if owner != entity_id:
                for form in owned:
                    claims.setdefault(normalize_name(form), {}).setdefault(owner, str(source))
    return claims


_Entry = TypeVar("_Entry", Entity, Extension)


def _grow(entry: _Entry, weak: bool, forms: tuple[str, ...]) -> _Entry:
    """``entry`` with ``forms`` after its weak forms or its aliases."""
    return replace(entry, weak=entry.weak + forms) if weak else replace(entry, aliases=entry.aliases + forms)


def _with_forms(parsed: AliasFile, entity_id: str, weak: bool, forms: tuple[str, ...], *,
                extension: bool) -> AliasFile:
    """``parsed`` as it should read after ``forms`` join the entity or its last ``extends:`` entry."""
    if not extension:
        return replace(parsed, entities=tuple(
            _grow(e, weak, forms) if e.id == entity_id else e for e in parsed.entities))
    last = max(i for i, x in enumerate(parsed.extensions) if x.target == entity_id)
    extensions = list(parsed.extensions)
    extensions[last] = _grow(extensions[last], weak, forms)
    return replace(parsed, extensions=tuple(extensions))


def _comparable(parsed: AliasFile) -> tuple[object, ...]:
    """Everything a file says, without where it says it (lines move when lines are added)."""
    return (tuple((e, dict(e.meta)) for e in parsed.entities),
            tuple(replace(x, source=_NOWHERE) for x in parsed.extensions),
            parsed.titles, parsed.given_names, parsed.particles, parsed.shared_forms)


def _check_reads_back(new_text: str, path: str, expected: AliasFile) -> None:
    """The safety net: the edited text, read by namenorm's own reader, must say exactly what the
    old file said plus the new forms."""
    try:
        reread = parse_alias_file(new_text, path)
    except AliasFileError as exc:
        if not all(issue.readable for issue in exc.issues):  # the layout was misread, not the input wrong
            why = "the edit would break the file's YAML, so it was left as it was; add the forms by hand"
            raise EditError(path, [why]) from None
        raise RefusedEditError(path, [f"not written: the edited file would not be valid: {issue.message}"
                                      for issue in exc.issues]) from None
    if _comparable(reread) != _comparable(expected):
        why = ("the edited file would not read back as the old one plus the new forms, so it was left "
               "as it was; add the forms by hand")
        raise EditError(path, [why])


def yaml_scalar(value: str, *, flow: bool) -> str:
    """``value`` as a YAML scalar: plain where YAML reads it back as the same string, else quoted
    as PyYAML's emitter chooses (``No``, ``007`` and ``a: b`` are quoted; in a flow list, ``a, b`` too).

    >>> yaml_scalar("Kölle", flow=True), yaml_scalar("No", flow=True), yaml_scalar("a, b", flow=True), yaml_scalar("a, b", flow=False)
    ('Kölle', "'No'", "'a, b'", 'a, b')
    """
    dumped = yaml.safe_dump([value], default_flow_style=flow, allow_unicode=True, width=1 << 30)
    return dumped.strip()[1:-1].strip() if flow else dumped.strip()[1:].strip()


def _end(node: yaml.Node) -> int:
    """Where a node's own text ends: a block collection's end mark lies past any comments and
    blank lines after it, so take its last value's end instead."""
    while isinstance(node, yaml.CollectionNode) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return int(node.end_mark.index)


def _pairs(mapping: yaml.MappingNode) -> dict[str, yaml.Node]:
    return {k.value.strip(): v for k, v in mapping.value if isinstance(k, yaml.ScalarNode)}


_LINE_END = re.compile(r"\r\n?|\n")


class _Layout:
    """Where and how to insert into one alias file's text, from its YAML nodes' positions."""

    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        first = _LINE_END.search(text)
        self.eol = first.group() if first else "\n"
        """The file's line end, kept in what is added: LF, CRLF, or a lone CR."""
        self.root = yaml.compose(text, Loader=yaml_loader())  # the reader has checked the file already

    def entries(self) -> yaml.SequenceNode | None:
        if not isinstance(self.root, yaml.MappingNode):
            return None
        found = _pairs(self.root).get("entities")
        return found if isinstance(found, yaml.SequenceNode) else None

    def add_to_entry(self, entity_id: str, extension: bool, key: str, forms: list[str]) -> tuple[int, str]:
        """The insertion that adds ``forms`` to ``key`` of the entity (or its last extends entry)."""
        entries = self.entries()
        id_key = "extends" if extension else "id"
        found = [m for m in (entries.value if entries else ()) if isinstance(m, yaml.MappingNode)
                 and getattr(_pairs(m).get(id_key), "value", "").strip() == entity_id]
        mapping = found[-1]
        pairs = _pairs(mapping)
        existing = pairs.get(key)
        if isinstance(existing, yaml.SequenceNode):
            return self.add_to_list(existing, forms)
        earlier = _KEY_ORDER[:_KEY_ORDER.index(key)]
        after = max((i for i, (k, _) in enumerate(mapping.value) if k.value.strip() in earlier), default=0)
        value = mapping.value[after][1]
        if mapping.flow_style:
            return _end(value), f", {key}: {self.flow_list(forms)}"
        lines = self.pair_lines(key, forms, self.list_style(mapping), mapping.start_mark.column)
        return self.line_insert(_end(value), lines)

    def add_to_list(self, sequence: yaml.SequenceNode, forms: list[str]) -> tuple[int, str]:
        if sequence.flow_style:
            quoted = ", ".join(yaml_scalar(form, flow=True) for form in forms)
            if sequence.value:
                return _end(sequence.value[-1]), f", {quoted}"
            return int(sequence.start_mark.index) + 1, quoted
        dash = sequence.start_mark
        first = sequence.value[0].start_mark
        gap = first.column - dash.column - 1 if first.line == dash.line else 1
        lines = [" " * dash.column + "-" + " " * gap + yaml_scalar(form, flow=False) for form in forms]
        return self.line_insert(_end(sequence), lines)

    def new_entry(self, pairs: list[tuple[str, str | list[str]]]) -> tuple[int, str]:
        """The insertion that appends an entry (an entity or an extends) to ``entities:``."""
        entries = self.entries()
        flow_entry = "{" + ", ".join(f"{k}: {self.flow_list(v) if isinstance(v, list) else yaml_scalar(v, flow=True)}"
                                     for k, v in pairs) + "}"
        if entries is None:
            if not isinstance(self.root, yaml.MappingNode) or self.root.flow_style:
                raise EditError(self.path, ["no block 'entities:' list to add the entry to; add it by hand"])
            lines = ["entities:", *self.entry_lines(pairs, 2, 4, "flow")]
            return self.line_insert(len(self.text), lines)
        if entries.flow_style:
            if entries.value:
                return _end(entries.value[-1]), f", {flow_entry}"
            return int(entries.start_mark.index) + 1, flow_entry
        last = entries.value[-1]
        dash = entries.start_mark.column
        if isinstance(last, yaml.MappingNode) and last.flow_style:
            return self.line_insert(_end(entries), [" " * dash + "- " + flow_entry])
        column = last.start_mark.column if isinstance(last, yaml.MappingNode) else dash + 2
        style = self.list_style(last) if isinstance(last, yaml.MappingNode) else "flow"
        return self.line_insert(_end(entries), self.entry_lines(pairs, dash, column, style))

    def entry_lines(self, pairs: list[tuple[str, str | list[str]]], dash: int, column: int,
                    style: str) -> list[str]:
        lines = []
        for k, v in pairs:
            if isinstance(v, list):
                lines += self.pair_lines(k, v, style, column)
            else:
                lines.append(" " * column + f"{k}: {yaml_scalar(v, flow=False)}")
        lines[0] = " " * dash + "-" + lines[0][dash + 1:]
        return lines

    @staticmethod
    def list_style(mapping: yaml.MappingNode) -> str:
        """``block`` when the entry writes a list as ``- a`` lines, else ``flow``."""
        lists = [v for _, v in mapping.value if isinstance(v, yaml.SequenceNode)]
        return "block" if any(not v.flow_style for v in lists) else "flow"

    @staticmethod
    def flow_list(forms: list[str]) -> str:
        return "[" + ", ".join(yaml_scalar(form, flow=True) for form in forms) + "]"

    def pair_lines(self, key: str, forms: list[str], style: str, column: int) -> list[str]:
        indent = " " * column
        if style == "flow":
            return [f"{indent}{key}: {self.flow_list(forms)}"]
        return [f"{indent}{key}:", *(f"{indent}  - {yaml_scalar(form, flow=False)}" for form in forms)]

    def line_insert(self, after: int, lines: list[str]) -> tuple[int, str]:
        """The insertion that puts ``lines`` on lines of their own after the line holding ``after``."""
        text, last = self.text, self.eol[-1]
        if after > 0 and text[after - 1] == last:  # a block scalar's end: already a line start
            return after, "".join(line + self.eol for line in lines)
        newline = text.find(last, after)
        if newline < 0:  # the last line has no line end: neither will the file
            return len(text), "".join(self.eol + line for line in lines)
        return newline + 1, "".join(line + self.eol for line in lines)


@contextmanager
def _locked(path: str, shown: str) -> Iterator[None]:
    """Hold an exclusive lock on the file at ``path`` while it is read, edited and replaced.

    The lock is on the file itself, so no lock file is left behind. A process that waited for
    it may find the name now holds a new file (the one the previous holder wrote), so it locks
    again until the file it holds is the one the name points to. Where there is no ``flock``
    (Windows), or the file system refuses it, the edit goes on unlocked.
    """
    if sys.platform == "win32":
        yield
        return
    import fcntl

    while True:
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError as exc:
            raise cannot_read(shown, exc) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:  # no locks on this file system
            break
        try:
            current = os.stat(path)
        except OSError:
            current = None
        if current is not None and os.path.samestat(os.fstat(fd), current):
            break
        os.close(fd)
    try:
        yield
    finally:
        os.close(fd)


def _write_atomically(path: str, data: bytes) -> None:
    """Replace the file at ``path`` with ``data``, all at once: readers see the old file or the new
    one, never a part, and a crash leaves the old one. Keeps its permission bits (and its owner,
    where allowed)."""
    info = os.stat(path)
    directory, name = os.path.split(path)
    fd, temporary = tempfile.mkstemp(dir=directory or ".", prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
        if hasattr(os, "chown"):
            with suppress(OSError):
                os.chown(temporary, info.st_uid, info.st_gid)
        os.replace(temporary, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise
    if sys.platform != "win32":  # make the rename itself durable
        with suppress(OSError):
            folder = os.open(directory or ".", os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)
