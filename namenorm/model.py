"""The records namenorm hands out: entities, matches and mentions.

All are frozen dataclasses: they are safe to share between threads, to hash, and
to pickle into worker processes.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Literal, overload

from .errors import place
from .packed import PackedRecords, PackedStrings, StringIds

__all__ = ["KINDS", "Decision", "Entity", "EntityList", "Kind", "Match", "Mention", "Method", "Role", "Source", "TokenPair"]

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
    column: int = 0
    """1-based column where the entity's mapping starts, 0 when unknown (JSON Lines)."""

    def __str__(self) -> str:
        return place(self.path, self.line, self.column)


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
            if not isinstance(value, tuple) or (value and not all(isinstance(v, str) for v in value)):
                raise TypeError(f"entity {self.id!r}: {name} must be a tuple of strings")

    @property
    def forms(self) -> tuple[str, ...]:
        """The canonical name followed by the strong aliases."""
        return (self.name, *self.aliases)


class EntityList(Sequence[Entity]):
    """A gallery's entities, in order; pickled packed (``packed.PackedRecords``), each entity
    made again the first time it is read, most of them never.

    Unpickling a frozen dataclass runs Python for every field of it, and even plain tuples
    of the fields made a stored gallery of a million entities take over a second to read back.

    >>> import pickle
    >>> gallery = pickle.loads(pickle.dumps(EntityList([Entity("koeln", "Köln", "place")])))
    >>> gallery[0].name, len(gallery), gallery.ids(), gallery.positions()["koeln"]
    ('Köln', 1, ['koeln'], 0)
    """

    __slots__ = ("_entities", "_positions", "_rows")

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._entities: list[Entity | None] = list(entities)
        self._rows: Sequence[tuple[Any, ...]] = ()
        """Each entity's fields (``_row_of``), where it was unpickled."""
        self._positions: Mapping[str, int] | None = None

    @overload
    def __getitem__(self, i: int) -> Entity: ...
    @overload
    def __getitem__(self, i: slice) -> list[Entity]: ...

    def __getitem__(self, i: int | slice) -> Entity | list[Entity]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        entity = self._entities[i]
        if entity is None:
            entity = self._entities[i] = _entity_of(self._rows[i])
        return entity

    def __len__(self) -> int:
        return len(self._entities)

    def ids(self) -> list[str]:
        """Every entity's id, in order, without making the entities."""
        if isinstance(self._positions, StringIds):
            return list(self._positions.strings)
        return [row[0] if entity is None else entity.id
                for entity, row in itertools.zip_longest(self._entities, self._rows)]

    def positions(self) -> Mapping[str, int]:
        """Id -> the position of the first entity with that id (made on first use)."""
        found = self._positions
        if found is None:
            made: dict[str, int] = {}
            for i, entity_id in enumerate(self.ids()):
                made.setdefault(entity_id, i)
            found = self._positions = made  # whole, for another thread to read
        return found

    def __getstate__(self) -> tuple[Sequence[tuple[Any, ...]], Mapping[str, int]]:
        rows = [_row_of(entity) if entity is not None else row
                for entity, row in itertools.zip_longest(self._entities, self._rows)]
        positions = self._positions
        if positions is None or isinstance(positions, dict):
            positions = StringIds.build(PackedStrings.build(row[0] for row in rows))
        return PackedRecords.build(rows), positions

    def __setstate__(self, state: tuple[Sequence[tuple[Any, ...]], Mapping[str, int]]) -> None:
        self._rows, self._positions = state
        self._entities = [None] * len(self._rows)


def _row_of(entity: Entity) -> tuple[Any, ...]:
    source = entity.source
    return (entity.id, entity.name, entity.kind, entity.aliases, entity.weak, entity.exclude, entity.related,
            entity.meta, source.path, source.line, source.column)


def _entity_of(row: tuple[Any, ...]) -> Entity:
    entity_id, name, kind, aliases, weak, exclude, related, meta, path, line, column = row
    return Entity(entity_id, name, kind, aliases, weak, exclude, related, meta, Source(path, line, column))


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
    "koeln 'Köln' (place): exact form 'koln', probability 1.00"
    """

    entity: Entity
    """The entity the name resolved to."""
    score: float
    """The probability, in [0, 1], that the name refers to this entity rather than to another
    candidate or to someone not in the gallery (``namenorm.scoring``)."""
    form: str
    """The normalized alias or name form that matched."""
    method: Method
    """How the match was found: exact, weak, surname, phonetic, fuzzy, transliteration, cross-script."""
    query: str = field(default="", compare=False)
    """The query words the form was compared with: the query as normalized (titles and
    possessives removed), or the reading of it that found the form (as its people spell it, with
    a space put right, with the title or without the legal form)."""
    pairs: tuple[TokenPair, ...] = field(default=(), compare=False)
    """The word alignment behind a similar form (across scripts: the two loanword keys)."""
    similarity: float = field(default=1.0, compare=False)
    """How alike query and form are, in [0, 1], before the evidence is weighed (1.0: the same form)."""

    def __repr__(self) -> str:
        """Short: the entity's id, not its every alias.

        >>> Match(Entity("koeln", "Köln", "place"), 0.97, "koln", "exact")
        Match(id='koeln', score=0.97, method='exact', form='koln')
        """
        return f"Match(id={self.id!r}, score={self.score!r}, method={self.method!r}, form={self.form!r})"

    def to_dict(self) -> dict[str, Any]:
        """The match as plain values, for JSON or a data frame row.

        >>> Match(Entity("koeln", "Köln", "place"), 0.97, "koln", "exact").to_dict()
        {'id': 'koeln', 'name': 'Köln', 'kind': 'place', 'score': 0.97, 'method': 'exact', 'form': 'koln', \
'similarity': 1.0}
        """
        return {"id": self.id, "name": self.name, "kind": self.kind, "score": self.score, "method": self.method,
                "form": self.form, "similarity": self.similarity}

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
        head += f", probability {self.score:.2f}"
        if self.similarity < 1.0:
            head += f" (similarity {self.similarity:.2f})"
        if self.pairs:
            head += "; " + ", ".join(str(p) for p in self.pairs)
        return head


@lru_cache(maxsize=16384)
def _shown(probability: float, threshold: float | None = None) -> str:
    """A probability as a reason states it: to a thousandth, as the fitted threshold is, without
    trailing zeros (0.89, 0.893, 0.999); with more digits where a probability below
    ``threshold`` would read as equal to it.

    >>> _shown(0.8930), _shown(0.8949, 0.895)
    ('0.893', '0.8949')
    """
    digits = 3
    while threshold is not None and probability < threshold and digits < 9 \
            and round(probability, digits) >= threshold:
        digits += 1
    return f"{probability:.{digits}f}".rstrip("0").rstrip(".")


@dataclass(frozen=True, slots=True)
class Decision:
    """Everything weighed for one name: each candidate's probability, the answer, and why.

    >>> a, b = Entity("david-perdue", "David Perdue", "person"), Entity("sonny-perdue", "Sonny Perdue", "person")
    >>> d = Decision("Perdue", "perdue", (Match(a, 0.45, "perdue", "surname"),
    ...                                   Match(b, 0.45, "perdue", "surname")), None, "ambiguous", 0.8)
    >>> d.given({"david-perdue"}).matches[0].score    # Sonny ruled out, the unknown not
    0.8182
    >>> d.given({"david-perdue"}, known=True).winner.id    # the text names David Perdue in full
    'david-perdue'
    """

    name: str
    """The name as given."""
    form: str
    """The name as normalized, titles removed."""
    matches: tuple[Match, ...]
    """Every candidate weighed, best first; ``Match.score`` is its probability."""
    winner: Match | None
    """The answer: the best candidate when its probability reaches ``threshold``, else None."""
    reason: str
    """Why there is an answer or none, in a few words."""
    threshold: float
    """The lowest probability that was answered."""
    ruled_out: tuple[str, ...] = ()
    """Candidates the name itself rules out, each with why ("Mrs. Biden" is not Joe Biden)."""

    @classmethod
    def weighed(cls, name: str, form: str, matches: tuple[Match, ...], threshold: float, *,
                context: bool = False, ruled_out: tuple[str, ...] = ()) -> Decision:
        """The decision over candidates already weighed, best first: the best is the answer when
        its probability reaches ``threshold``; ``context`` says the text ruled rivals out."""
        if not matches:
            reason = ("context rules out every candidate" if context else
                      "the name rules out every candidate" if ruled_out else "no form is similar enough")
            return cls(name, form, (), None, reason, threshold, ruled_out)
        best = matches[0]
        where = " in context" if context else ""
        if best.score >= threshold:
            reason = f"{best.method} match{where}, probability {_shown(best.score)} >= {_shown(threshold)}"
            return cls(name, form, matches, best, reason, threshold, ruled_out)
        rivals = cls.close_rivals(matches)
        if rivals:
            reason = (f"ambiguous{where}: {best.id} {_shown(best.score, threshold)} and {rivals[0].id} "
                      f"{_shown(rivals[0].score, threshold)}, none reaches {_shown(threshold)}")
        else:
            reason = f"best candidate{where} {best.id} has probability {_shown(best.score, threshold)} < {_shown(threshold)}"
        return cls(name, form, matches, None, reason, threshold, ruled_out)

    @staticmethod
    def close_rivals(matches: tuple[Match, ...]) -> tuple[Match, ...]:
        """The candidates after the best (``matches`` best first) with at least half its
        probability: too close to it to tell apart without more evidence."""
        return tuple(m for m in matches[1:] if m.score >= matches[0].score / 2)

    @property
    def unknown(self) -> float:
        """Probability that the name is of no candidate: someone or something not in the gallery."""
        return max(0.0, 1.0 - sum(m.score for m in self.matches))

    def given(self, ids: Collection[str], *, known: bool = False, threshold: float | None = None
              ) -> Decision:
        """The decision once context rules out every candidate but those in ``ids``.

        The remaining candidates keep their odds against each other and, unless
        ``known`` says the context also rules out someone not in the gallery,
        against the unknown hypothesis (the model is a conditional logit, so
        ruling out alternatives rescales the rest). ``threshold`` defaults to this
        decision's.
        """
        if isinstance(ids, str):
            raise TypeError("ids must be a collection of entity ids, not one str")
        wanted = frozenset(ids)
        kept = [m for m in self.matches if m.id in wanted]
        total = (0.0 if known else self.unknown) + sum(m.score for m in kept)
        rescaled = tuple(replace(m, score=round(m.score / total, 4)) for m in kept) if total > 0.0 else ()
        return Decision.weighed(self.name, self.form, rescaled,
                                self.threshold if threshold is None else threshold, context=True,
                                ruled_out=self.ruled_out)

    def explain(self) -> str:
        """The answer and its rivals, one line each, with the reason first."""
        lines = [f"{self.name!r}: {self.reason}"]
        lines.extend(f"  {m.explain()}" for m in self.matches)
        if self.matches:
            lines.append(f"  not in the gallery: probability {self.unknown:.2f}")
        lines.extend(f"  ruled out: {why}" for why in self.ruled_out)
        return "\n".join(lines)


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
    in_context: bool = False
    """Decided with the rest of the text: a bare surname of a person the text names in full, or a
    form two entities share settled by a related entity the text mentions (``Decision.given``)."""

    def __repr__(self) -> str:
        """Short: where, what, and which entity.

        >>> Mention(4, 8, "Koln", Match(Entity("koeln", "Köln", "place"), 0.97, "koln", "fuzzy"))
        Mention(start=4, end=8, text='Koln', id='koeln', score=0.97)
        """
        return (f"Mention(start={self.start}, end={self.end}, text={self.text!r}, id={self.match.id!r}, "
                f"score={self.match.score!r})")

    def to_dict(self) -> dict[str, Any]:
        """The mention and its match as plain values: ``start``, ``end``, ``text``, ``in_context``
        and the fields of ``Match.to_dict``."""
        return {"start": self.start, "end": self.end, "text": self.text, "in_context": self.in_context,
                **self.match.to_dict()}
