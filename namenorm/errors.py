"""The exception hierarchy: one base class, each error also a familiar built-in.

Errors keep their constructor arguments as attributes and build their message in
``__str__``, so they pickle and survive a trip through worker processes.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["AliasFileError", "ConflictError", "EditError", "Issue", "NamenormError", "RefusedEditError",
           "UnknownEntityError", "place"]


def place(path: str, line: int = 0, column: int = 0) -> str:
    """``path:line:column`` as editors read it, leaving out what is unknown (0).

    >>> place("my.yaml", 3, 5), place("my.yaml", 3), place("my.yaml", 0, 5)
    ('my.yaml:3:5', 'my.yaml:3', 'my.yaml')
    """
    if not line:
        return path
    return f"{path}:{line}:{column}" if column else f"{path}:{line}"


class NamenormError(Exception):
    """Base class of every error namenorm raises on purpose."""


@dataclass(frozen=True)
class Issue:
    """One problem found in an alias file, with where it is."""

    path: str
    """The file, as the caller named it."""
    line: int
    """1-based line number (0 when the problem concerns the whole file)."""
    column: int
    """1-based column number (0 when unknown)."""
    message: str
    """What is wrong and, where there is one, how to fix it."""
    code: str = "schema"
    """What kind of problem: ``unreadable`` (the file cannot be read or decoded), ``syntax``
    (not valid YAML or JSON), ``schema``, ``empty-form``, ``duplicate-id``, ``duplicate-key``,
    ``unknown-extends``, ``unknown-related`` or ``excludes-own-name``; listed in docs/cli.md."""

    @property
    def readable(self) -> bool:
        """False when the file could not be read as YAML or JSON at all."""
        return self.code not in ("unreadable", "syntax")

    def __str__(self) -> str:
        return f"{place(self.path, self.line, self.column)}: {self.message}"


class AliasFileError(NamenormError, ValueError):
    """An alias file cannot be used; ``issues`` lists every problem found in it.

    >>> err = AliasFileError([Issue("my.yaml", 3, 5, "unknown key 'alias'; did you mean 'aliases'?")])
    >>> print(err)
    my.yaml:3:5: unknown key 'alias'; did you mean 'aliases'?
    """

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__(issues)
        self.issues = list(issues)

    @property
    def path(self) -> str:
        """The file of the first issue."""
        return self.issues[0].path if self.issues else ""

    @property
    def line(self) -> int:
        """The line of the first issue."""
        return self.issues[0].line if self.issues else 0

    def __str__(self) -> str:
        return "\n".join(str(issue) for issue in self.issues)

    def __reduce__(self) -> tuple[type, tuple[list[Issue]]]:
        return (type(self), (self.issues,))


class ConflictError(AliasFileError):
    """Two files define the same entity id and ``on_conflict="raise"``."""


class UnknownEntityError(NamenormError, KeyError):
    """No entity has this id.

    >>> print(UnknownEntityError("nowhere"))
    no entity has id 'nowhere'; ids are listed by `namenorm check --list`
    """

    def __init__(self, entity_id: str) -> None:
        super().__init__(entity_id)
        self.entity_id = entity_id

    def __str__(self) -> str:
        return f"no entity has id {self.entity_id!r}; ids are listed by `namenorm check --list`"

    def __reduce__(self) -> tuple[type, tuple[str]]:
        return (type(self), (self.entity_id,))


class EditError(NamenormError, ValueError):
    """An alias file was left as it was: the edit could not be made safely.

    >>> print(EditError("my.yaml", ["no entity has id 'koeln'; give --name to create it"]))
    my.yaml: no entity has id 'koeln'; give --name to create it
    """

    def __init__(self, path: str, reasons: list[str]) -> None:
        super().__init__(path, reasons)
        self.path = path
        self.reasons = list(reasons)

    def __str__(self) -> str:
        return "\n".join(f"{self.path}: {reason}" for reason in self.reasons)

    def __reduce__(self) -> tuple[type, tuple[str, list[str]]]:
        return (type(self), (self.path, self.reasons))


class RefusedEditError(EditError):
    """Forms refused on purpose (claimed by another entity, nothing to match on): nothing written.

    A separate type so that the command line can tell a refusal (exit 1) from a file it
    cannot use (exit 2).
    """
