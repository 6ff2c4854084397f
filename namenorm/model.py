"""The records namenorm hands out: entities, matches and mentions.

All are frozen dataclasses: they are safe to share between threads, to hash, and
to pickle into worker processes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["KINDS", "Entity", "Kind", "Match", "Mention", "Method", "Role", "Source", "TokenPair"]

Kind = Literal["person", "org", "place", "other"]
Role = Literal["given", "middle", "initial", "particle", "surname", "suffix"]
"""The part of a person's name a word is (``parts.parse_person``)."""
KINDS: tuple[str, ...] = ("person", "org", "place", "other")

Method = Literal[
    "exact", "weak", "surname", "phonetic", "fuzzy", "transliteration", "cross-script"
]


@dataclass(frozen=True, slots=True)
class Source:
    """Where an entity was defined."""

    path: str
    """The alias file, as the caller named it (``"<memory>"`` for entities built in code)."""
    line: int = 0
    """1-based line of the entity's mapping, 0 when unknown."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True, slots=True)
class Entity:
    """One thing a name can refer to: a person, organisation, place or other.

    >>> Entity("koeln", "Köln", "place", aliases=("Cologne",)).forms
    ('Köln', 'Cologne')
    """

    id: str
    """Stable slug, unique across all loaded files."""
    name: str
    """Canonical display name."""
    kind: Kind = "other"
    """One of person, org, place, other."""
    aliases: tuple[str, ...] = ()
    """Strong alternative forms."""
    weak: tuple[str, ...] = ()
    """Forms that count only where no other entity claims them strongly."""
    exclude: tuple[str, ...] = ()
    """Forms that must never resolve to this entity, however close."""
    related: tuple[str, ...] = ()
    """Ids of entities that, seen nearby in a text, support this one."""
    meta: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)
    """Anything else from the alias file, passed through untouched."""
    source: Source = field(default=Source("<memory>"), compare=False, hash=False)
    """Where the entity was defined."""

    def __post_init__(self) -> None:
        for name in ("id", "name"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"entity {name} must be a non-empty string, got {value!r}")
        if self.kind not in KINDS:
            raise ValueError(f"entity {self.id!r}: kind must be one of {', '.join(KINDS)}, "
                             f"got {self.kind!r}")
        for name in ("aliases", "weak", "exclude", "related"):
            value = getattr(self, name)
            if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
                raise TypeError(f"entity {self.id!r}: {name} must be a tuple of strings")

    @property
    def forms(self) -> tuple[str, ...]:
        """The canonical name followed by the strong aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class TokenPair:
    """How one query token lined up with one token of the matched form."""

    query: str
    """The normalized query token ('' when the form token had no partner)."""
    form: str
    """The normalized form token ('' when the query token had no partner)."""
    similarity: float
    """Token similarity in [0, 1]."""
    keys: str = ""
    """The phonetic key both tokens share, if any."""
    role: Role | Literal[""] = ""
    """The part of a person's name the form token is (given, middle, initial, particle,
    surname, suffix: ``parts.parse_person``); empty for other kinds."""

    def __str__(self) -> str:
        text = f"{self.query or '-'}~{self.form or '-'} {self.similarity:.2f}"
        if self.keys:
            text += f" key={self.keys}"
        return f"{text} [{self.role}]" if self.role else text


@dataclass(frozen=True, slots=True)
class Match:
    """A resolved name: which entity, how sure, and why.

    >>> m = Match(Entity("koeln", "Köln", "place"), 1.0, "koln", "exact")
    >>> m.id, m.name, m.kind
    ('koeln', 'Köln', 'place')
    >>> m.explain()
    "koeln 'Köln' (place): exact form 'koln', score 1.00"
    """

    entity: Entity
    """The entity the name resolved to."""
    score: float
    """Confidence in [0, 1]; 1.0 is an exact hit on a strong form."""
    form: str
    """The normalized alias or name form that matched."""
    method: Method
    """How the match was found: exact, weak, surname, phonetic, fuzzy, transliteration, cross-script."""
    query: str = field(default="", compare=False)
    """The query as normalized (titles and possessives removed)."""
    pairs: tuple[TokenPair, ...] = field(default=(), compare=False)
    """The token alignment behind a phonetic or fuzzy score."""

    @property
    def id(self) -> str:
        """The entity's id."""
        return self.entity.id

    @property
    def name(self) -> str:
        """The entity's canonical name."""
        return self.entity.name

    @property
    def kind(self) -> Kind:
        """The entity's kind."""
        return self.entity.kind

    def explain(self) -> str:
        """One readable line: which entity, which form, which tokens and keys agreed."""
        head = f"{self.id} {self.name!r} ({self.kind}): {self.method} form {self.form!r}"
        if self.query and self.query != self.form:
            head += f" for query {self.query!r}"
        head += f", score {self.score:.2f}"
        if self.pairs:
            head += "; " + ", ".join(str(p) for p in self.pairs)
        return head


@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in running text, with offsets into the caller's string."""

    start: int
    """Offset of the first character of the mention."""
    end: int
    """Offset just past the mention: ``text[start:end] == self.text``."""
    text: str
    """The mention exactly as written."""
    match: Match
    """The entity the mention resolved to."""
