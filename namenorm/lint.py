"""Findings about a gallery: what ``namenorm check`` prints and ``Resolver.check()`` returns.

Loading already refuses what cannot work (a schema error, an unknown id, an ``exclude`` of an
entity's own name); each refusal becomes an error finding (``from_issue``). This module looks at
a gallery that loads and finds what works but is likely a mistake: a form two entities claim,
a weak form that a strong one shadows, an alias that reads like another entity's name. Each
finding points at the form's own line and column when the files are at hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from .aliases import FormPlaces
from .errors import Issue, place
from .index import STRONG, Clash, Index, query_allows
from .keys import deletions, edit_distance, metaphone_key
from .model import Entity
from .normalize import is_latin, normalize_cached, script_of

__all__ = ["CODES", "Finding", "PlaceFinder", "Severity", "from_issue", "lint"]

Severity = Literal["error", "warning", "note"]
"""An error stops the file from loading; a warning is likely a mistake; a note is harmless
but worth tidying (``check --strict`` fails on notes too)."""

CODES: dict[str, Severity] = {
    "unreadable": "error", "syntax": "error", "schema": "error", "empty-form": "error",
    "duplicate-id": "error", "duplicate-key": "error", "unknown-extends": "error",
    "unknown-related": "error", "excludes-own-name": "error",
    "clash": "warning", "shadowed-weak": "warning", "confusable": "warning",
    "redundant-weak": "note",
}
"""Every finding code and its severity (docs/cli.md explains each)."""

_CONFUSABLE_MIN_LEN = 5
"""Shortest name compared letter by letter: shorter names one edit apart are simply different."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing ``check`` reports, with where it is and what to do.

    >>> print(Finding("my.yaml", 4, 15, "warning", "clash", "alias 'Perdue' is also claimed by sonny-perdue"))
    my.yaml:4:15: warning[clash]: alias 'Perdue' is also claimed by sonny-perdue
    """

    path: str
    """The file, as the caller named it."""
    line: int
    """1-based line (0 when the finding concerns the whole file or the place is unknown)."""
    column: int
    """1-based column (0 when unknown)."""
    severity: Severity
    code: str
    """One of ``CODES``: stable, for tools to branch on."""
    message: str
    """What is wrong and how to fix it."""

    def __str__(self) -> str:
        return f"{place(self.path, self.line, self.column)}: {self.severity}[{self.code}]: {self.message}"

    def to_dict(self) -> dict[str, object]:
        """The finding as JSON-ready fields."""
        return {"path": self.path, "line": self.line, "column": self.column, "severity": self.severity,
                "code": self.code, "message": self.message}


def from_issue(issue: Issue) -> Finding:
    """A problem that stopped a file from loading, as an error finding."""
    return Finding(issue.path, issue.line, issue.column, "error", issue.code, issue.message)


class PlaceFinder:
    """Where each entity's forms are written: by the form as written, else by its normalized
    form; a weak form and a strong one of the same spelling are told apart."""

    def __init__(self, places: FormPlaces) -> None:
        self._written = places
        self._by_form = {(owner, normalize_cached(form), weak): (form, place)
                         for (owner, form, weak), place in places.items()}
        self._file_order: dict[str, int] = {}
        for path, _, _ in places.values():
            self._file_order.setdefault(path, len(self._file_order))

    def of(self, entity: Entity, form: str, *, weak: bool = False) -> tuple[str, str, int, int]:
        """``form`` (as written, or normalized) of ``entity`` as written, and its file, line and
        column; the entity's own place when unknown."""
        place = self._written.get((entity.id, form, weak))
        written, found = (form, place) if place is not None else self._by_form.get(
            (entity.id, normalize_cached(form), weak), (form, None))
        if found is None:
            return form, entity.source.path, entity.source.line, entity.source.column
        path, line, column = found
        return written, path, line, column

    def where(self, entity: Entity, form: str, *, weak: bool = False) -> str:
        return place(*self.of(entity, form, weak=weak)[1:])

    def load_order(self, entity: Entity, form: str, *, weak: bool = False) -> tuple[int, int, int]:
        """Sorts places as the files were loaded, then by line and column."""
        _, path, line, column = self.of(entity, form, weak=weak)
        return self._file_order.get(path, -1), line, column


def lint(index: Index, clashes: Iterable[Clash], places: FormPlaces,
         shared_forms: frozenset[str] = frozenset()) -> list[Finding]:
    """The warnings and notes about a gallery that loads, in file order.

    Args:
        index: the gallery, compiled.
        clashes: forms several entities claim in one tier (``Resolver.clashes``, which already
            leaves out the shared forms).
        places: where forms are written (``aliases.parse_file_bytes(..., places=)``).
        shared_forms: normalized forms marked as shared on purpose; never confusable either.
    """
    where = PlaceFinder(places)
    findings = [*_clash_findings(clashes, where), *_weak_findings(index, where),
                *_confusable_findings(index.tables.entities, where, shared_forms)]
    return sorted(findings, key=lambda f: (f.path, f.line, f.column, f.code))


def _finding(where: PlaceFinder, entity: Entity, form: str, code: str, weak: bool, message: str) -> Finding:
    _, path, line, column = where.of(entity, form, weak=weak)
    return Finding(path, line, column, CODES[code], code, message)


def _clash_findings(clashes: Iterable[Clash], where: PlaceFinder) -> Iterable[Finding]:
    for clash in clashes:
        # Reported where the last claimant writes it: that is the newer line, usually the mistake.
        weak = clash.tier == "weak"
        *earlier, last = sorted(clash.entities, key=lambda e: where.load_order(e, clash.form, weak=weak))
        written = where.of(last, clash.form, weak=weak)[0]
        others = ", ".join(f"{e.id} ({where.where(e, clash.form, weak=weak)})" for e in earlier)
        yield _finding(where, last, clash.form, "clash", weak,
                       f"{clash.tier} form {written!r} of {last.id} is also claimed by {others}; keep it on one "
                       "entity, or list it under shared_forms if they share it on purpose")


def _weak_findings(index: Index, where: PlaceFinder) -> Iterable[Finding]:
    """Weak forms that never count as weak: the compiled index, asked as a query written like the
    form would be, answers with a strong claim."""
    for e_idx, entity in enumerate(index.tables.entities):
        for form in entity.weak:
            owned = index.tables.owners(normalize_cached(form), query_allows(form), script_of(form))
            if owned is None or owned[0] != STRONG:
                continue
            owners = [index.tables.entities[e] for e in owned[1]]
            if e_idx in owned[1]:
                yield _finding(where, entity, form, "redundant-weak", True,
                               f"weak form {form!r} of {entity.id} is also one of its strong forms once normalized; "
                               "remove it from weak")
            else:
                others = ", ".join(f"{o.id} ({where.where(o, form)})" for o in owners)
                yield _finding(where, entity, form, "shadowed-weak", True,
                               f"weak form {form!r} of {entity.id} never counts: it is a strong form of {others}; "
                               "remove it, or make it strong on the entity it names")


def _confusable_findings(entities: Sequence[Entity], where: PlaceFinder,
                         shared_forms: frozenset[str]) -> Iterable[Finding]:
    """Latin aliases one edit from another entity's name of the same kind, or two edits and
    sounding the same. Names in other scripts are read, not spelled, so they are left out."""
    near_names: dict[str, list[Entity]] = {}
    sounds: dict[tuple[str, ...], list[Entity]] = {}
    names: dict[str, str] = {}
    name_sounds: dict[str, tuple[str, ...]] = {}
    for entity in entities:
        name = names[entity.id] = normalize_cached(entity.name)
        sound = name_sounds[entity.id] = _sound(name)
        if len(name) >= _CONFUSABLE_MIN_LEN and is_latin(entity.name):
            for key in (name, *deletions(name)):
                near_names.setdefault(key, []).append(entity)
            if sound:
                sounds.setdefault(sound, []).append(entity)
    for entity in entities:
        own = {normalize_cached(f) for f in (*entity.forms, *entity.weak)}
        for weak, forms in ((False, entity.aliases), (True, entity.weak)):
            for form in forms:
                norm = normalize_cached(form)
                if norm in shared_forms or len(norm) < _CONFUSABLE_MIN_LEN or not is_latin(form):
                    continue
                sound = _sound(norm)
                near = {e.id: e for key in (norm, *deletions(norm)) for e in near_names.get(key, ())}
                if sound:
                    near.update((e.id, e) for e in sounds.get(sound, ()))
                for other in near.values():
                    name = names[other.id]
                    if other.id == entity.id or other.kind != entity.kind or name in own:
                        continue
                    distance = edit_distance(norm, name)
                    if distance == 1 or (distance == 2 and sound and sound == name_sounds[other.id]):
                        yield _finding(where, entity, form, "confusable", weak,
                                       f"{'weak form' if weak else 'alias'} {form!r} of {entity.id} is {distance} "
                                       f"letter{'s' if distance > 1 else ''} from {other.id}'s name "
                                       f"{other.name!r} ({where.where(other, other.name)}); check that it belongs "
                                       "here, or list it under shared_forms")
                        break


def _sound(form: str) -> tuple[str, ...]:
    """Each word's Metaphone key; empty when any word has none (digits, initials)."""
    words = form.split()
    keys = tuple(metaphone_key(word) for word in words if len(word) > 1)
    return keys if len(keys) == len(words) and all(keys) else ()
