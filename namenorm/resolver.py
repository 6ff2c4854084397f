"""The Resolver: a gallery of entities, and the name lookups over it.

It holds the entities, compiles their lookup tables on first use, and hands
every question to the decision engine (``decide.Engine``): ``resolve`` gives
the engine's answer, ``candidates`` every candidate it weighed, ``scan`` the
answers for the names in a text. A match's ``score`` is the probability that
the name refers to that entity; the default threshold is the match model's.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .aliases import MAX_FILE_BYTES, default_given_names, default_titles, form_places
from .decide import Engine, check_kind, check_probability
from .errors import UnknownEntityError
from .index import Clash, Index
from .lint import Finding, lint
from .memory import paused_collection
from .model import Decision, Entity, EntityList, Kind, Match, Mention
from .normalize import normalize_name
from .places import PLACE_TABLES, check_place_tables
from .progress import Progress
from .scanner import rewrite_text, scan_text
from .scoring import default_model

__all__ = ["CANDIDATE_FLOOR", "Resolver"]

_COLLECT_AFTER = 100_000
"""Forms above which a fresh index is garbage-collected once at build time."""
CANDIDATE_FLOOR = 0.01
"""Lowest probability ``candidates`` lists by default."""


_CHUNK = 2_000
"""Most names a worker process resolves per task."""
_worker_resolver: Resolver | None = None
"""In a worker process of ``resolve_many``: the resolver it was started with."""


def _start_worker(resolver: Resolver, engine: Engine) -> None:
    global _worker_resolver
    resolver.use_compiled(engine)
    _worker_resolver = resolver


def _resolve_chunk(names: list[str], kind: Kind | None, score_cutoff: float | None) -> list[Match | None]:
    assert _worker_resolver is not None
    return [_worker_resolver.resolve(name, kind=kind, score_cutoff=score_cutoff) for name in names]


def _strings(argument: str, values: Iterable[str]) -> tuple[str, ...]:
    """``values`` as a tuple, or a TypeError naming the argument that holds something else."""
    if isinstance(values, str):
        raise TypeError(f"{argument} must be a list of strings, not one string")
    out = tuple(values)
    for value in out:
        if not isinstance(value, str):
            raise TypeError(f"{argument} must hold strings, not {type(value).__name__} ({value!r})")
    return out


class Resolver:
    """Resolves names against a fixed set of entities.

    Build one with ``namenorm.load(...)`` or from entities in code. The lookup
    tables are compiled on first use; a Resolver pickles without them and is
    safe to share between threads.

    >>> r = Resolver([Entity("brad-raffensperger", "Brad Raffensperger", "person")])
    >>> r.resolve("Brad Rafensperger").id
    'brad-raffensperger'
    >>> r.resolve("Brad Rafensperger").method
    'phonetic'
    >>> r.resolve("Marjorie Taylor Greene") is None
    True
    """

    def __init__(self, entities: Iterable[Entity], *, titles: Iterable[str] = (),
                 given_names: Iterable[Sequence[str]] = (), particles: Iterable[str] = (),
                 shared_forms: Iterable[str] = (), threshold: float | None = None,
                 place_names: Sequence[str] = PLACE_TABLES) -> None:
        """A resolver over ``entities``; nothing is compiled until the first lookup.

        Args:
            entities: the gallery.
            titles, given_names, particles: added to the bundled titles, given-name
                groups and surname particles (as an alias file's sections are).
            shared_forms: forms several entities claim on purpose ("Georgia"), which
                ``clashes`` leaves out (they stay ambiguous all the same).
            threshold: lowest probability ``resolve`` answers with; None takes the
                match model's default, the same for every gallery, script and kind.
            place_names: the bundled tables of other-language names that a place of the
                gallery which is a country or major city is also known by, and of the words
                place names are made of ("isole" for "islands"; ``places``): "countries",
                "cities", "words", or () for none.

        Raises:
            TypeError: an entity is not an ``Entity``, or ``place_names`` is one str.
            ValueError: an id is defined twice, ``threshold`` is no probability, or
                ``place_names`` names no table.
        """
        self._entities = EntityList(entities)
        for entity in self._entities:
            if not isinstance(entity, Entity):
                raise TypeError(f"entities must be Entity objects, not {type(entity).__name__}")
        positions = self._entities.positions()
        if len(positions) != len(self._entities):
            for i, entity in enumerate(self._entities):
                first = positions[entity.id]
                if first != i:
                    raise ValueError(f"id {entity.id!r} is defined twice ({self._entities[first].source} "
                                     f"and {entity.source}); ids must be unique")
        self._titles = (*default_titles(), *_strings("titles", titles))
        self._given_names = (*default_given_names(), *(_strings("each group of given_names", group) for group in given_names))
        self._particles = _strings("particles", particles)
        self._shared = frozenset(normalize_name(f) for f in _strings("shared_forms", shared_forms))
        self._threshold = check_probability("threshold", threshold)
        self._place_names = check_place_tables(place_names)
        self._engine: Engine | None = None
        self._lock = threading.Lock()

    # -- container protocol and pickling -------------------------------------

    def __len__(self) -> int:
        return len(self._entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._entities)

    def __contains__(self, entity_id: object) -> bool:
        return isinstance(entity_id, str) and entity_id in self._entities.positions()

    def __getitem__(self, entity_id: str) -> Entity:
        try:
            return self._entities[self._entities.positions()[entity_id]]
        except KeyError:
            raise UnknownEntityError(entity_id) from None

    def __repr__(self) -> str:
        return f"<Resolver of {len(self._entities)} entities>"

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_engine"] = None
        del state["_lock"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state.setdefault("_place_names", PLACE_TABLES)
        self.__dict__.update(state)
        self._lock = threading.Lock()

    @property
    def engine(self) -> Engine:
        """The decision engine over the compiled lookup tables, built on first use."""
        engine = self._engine
        if engine is None:
            with self._lock:
                if self._engine is None:
                    with paused_collection():
                        built = Index.build(self._entities, self._titles, self._given_names, self._particles,
                                            place_names=self._place_names)
                    if built.tables.form_count > _COLLECT_AFTER:
                        # Examine the new tables once now, so that the first queries do not pay
                        # for the full garbage collection millions of new objects would trigger.
                        gc.collect()
                    self._engine = Engine(built, threshold=self._threshold)
                engine = self._engine
        return engine

    def compiled(self) -> Engine:
        """The engine with every table built (``Index.complete``), to store on disk: each process
        that reads it back would otherwise build the tables left for first use. (Worker
        processes get ``engine`` as it is: they build those tables only if their names need
        them, which for a gallery of 100,000 in Latin letters saves each batch some 10 s.)"""
        engine = self.engine
        engine.index.complete()
        return engine

    def use_compiled(self, engine: Engine) -> None:
        """Take the decision engine compiled earlier for this same gallery (read from the cache)
        instead of compiling it on first use."""
        self._engine = engine

    @property
    def index(self) -> Index:
        """The compiled lookup tables, built on first use."""
        return self.engine.index

    @property
    def threshold(self) -> float:
        """Lowest probability ``resolve`` answers with: as given, else the match model's default.

        >>> r = Resolver([Entity("lagos", "Lagos", "place")], threshold=0.999)
        >>> r.resolve("Lakos") is None, r.resolve("Lakos", score_cutoff=0.9).id
        (True, 'lagos')
        """
        return self._threshold if self._threshold is not None else default_model().threshold

    @threshold.setter
    def threshold(self, value: float | None) -> None:
        self._threshold = check_probability("threshold", value)
        if self._engine is not None:
            self._engine.threshold = self.threshold

    @property
    def clashes(self) -> list[Clash]:
        """Forms claimed by more than one entity in the same tier, but for the shared forms."""
        return [clash for clash in self.index.tables.clashes if clash.form not in self._shared]

    def check(self, files: Iterable[str | os.PathLike[str]] = (), *, max_bytes: int = MAX_FILE_BYTES) -> list[Finding]:
        """What ``namenorm check`` warns about in this gallery: forms two entities claim, weak
        forms a strong one shadows, aliases that read like another entity's name.

        Args:
            files: the alias files the gallery was loaded from, read again to point each finding
                at its form's own line and column (else at its entity's line).
            max_bytes: the largest file read again, as for ``load``.

        >>> r = Resolver([Entity("david-perdue", "David Perdue", "person", aliases=("Perdue",)),
        ...               Entity("sonny-perdue", "Sonny Perdue", "person", aliases=("Perdue",))])
        >>> [f.code for f in r.check()]
        ['clash']
        """
        return lint(self.index, self.clashes, form_places(files, max_bytes=max_bytes), self._shared)

    # -- resolving ----------------------------------------------------------

    def decide(self, name: str, *, kind: Kind | None = None, score_cutoff: float | None = None) -> Decision:
        """Every candidate of ``name`` with its probability, the answer, and why.

        >>> r = Resolver([Entity("david-perdue", "David Perdue", "person"),
        ...               Entity("sonny-perdue", "Sonny Perdue", "person")])
        >>> d = r.decide("Perdue")
        >>> d.winner is None, d.reason.startswith("ambiguous")
        (True, True)
        """
        return self.engine.decide(name, kind=kind, score_cutoff=score_cutoff)

    def resolve(self, name: str, *, kind: Kind | None = None, score_cutoff: float | None = None) -> Match | None:
        """Resolve one name to its entity, or None when no entity is a confident match.

        Args:
            name: the name as written; titles, possessives, case, accents and
                scripts are handled. Longer than ``MAX_NAME_CHARS`` is truncated.
            kind: only consider entities of this kind.
            score_cutoff: lowest probability to answer with (default ``threshold``).

        Returns:
            The match, whose ``score`` is the probability that it is right, or
            None when no candidate reaches the cutoff (unknown, or too close to call).

        Raises:
            TypeError: ``name`` is not a str.
            ValueError: ``kind`` is not a known kind, or ``score_cutoff`` not in (0, 1].
        """
        return self.engine.decide(name, kind=kind, score_cutoff=score_cutoff).winner

    def candidates(self, name: str, *, limit: int = 5, kind: Kind | None = None,
                   score_cutoff: float | None = CANDIDATE_FLOOR) -> list[Match]:
        """Every entity the name may refer to, best first, with its probability.

        >>> r = Resolver([Entity("david-perdue", "David Perdue", "person"),
        ...               Entity("sonny-perdue", "Sonny Perdue", "person")])
        >>> [(m.id, m.method) for m in r.candidates("Perdue")]
        [('david-perdue', 'surname'), ('sonny-perdue', 'surname')]
        >>> r.resolve("Perdue") is None
        True
        """
        cutoff = check_probability("score_cutoff", score_cutoff) or CANDIDATE_FLOOR
        if limit < 1:
            return []
        decision = self.engine.decide(name, kind=kind)
        return [m for m in decision.matches if m.score >= cutoff][:limit]

    def resolve_many(self, names: Iterable[str], *, kind: Kind | None = None,
                     score_cutoff: float | None = None, workers: int = 1,
                     progress: bool | None = None) -> list[Match | None]:
        """Resolve each name, in order; repeated names are resolved once.

        Args:
            names: the names (not one string: that would be resolved letter by letter).
            kind, score_cutoff: as for ``resolve``.
            workers: processes to share the work among. Each receives the compiled tables
                once (none at all where processes fork), and the answers are the ones a
                single process gives.
            progress: a progress line on stderr for a long run; by default shown when stderr
                is a terminal.
        """
        if isinstance(names, str):
            raise TypeError("names must be an iterable of names, not one str; use resolve() for one name")
        if not isinstance(workers, int) or workers < 1:
            raise ValueError(f"workers must be a whole number of at least 1, not {workers!r}")
        names = list(names)
        unique = list(dict.fromkeys(names))
        with Progress("distinct names", len(unique), shown=progress) as shown:
            if workers == 1 or len(unique) < 2 * workers:
                found = {}
                for name in unique:
                    found[name] = self.resolve(name, kind=kind, score_cutoff=score_cutoff)
                    shown.advance()
            else:
                found = self._resolve_in_workers(unique, kind, score_cutoff, workers, shown)
        return [found[name] for name in names]

    def _resolve_in_workers(self, unique: list[str], kind: Kind | None, score_cutoff: float | None,
                            workers: int, progress: Progress) -> dict[str, Match | None]:
        from concurrent.futures import ProcessPoolExecutor

        check_kind(kind)
        check_probability("score_cutoff", score_cutoff)
        size = max(1, min(_CHUNK, len(unique) // (4 * workers)))
        chunks = [unique[i:i + size] for i in range(0, len(unique), size)]
        with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(self, self.engine)) as pool:
            answers = pool.map(_resolve_chunk, chunks, [kind] * len(chunks), [score_cutoff] * len(chunks))
            found: dict[str, Match | None] = {}
            for chunk, matches in zip(chunks, answers):
                found.update(zip(chunk, matches))
                progress.advance(len(chunk))
            return found

    def scan(self, text: str, *, kind: Kind | None = None, min_score: float | None = None,
             lines: bool = False) -> list[Mention]:
        """Every mention of a known entity in running text, in order and non-overlapping.

        ``text[m.start:m.end] == m.text`` for every mention; titles and
        possessive 's stay outside the span. Each span is decided by the same
        engine as ``resolve``; ``min_score`` is the probability cutoff. A name may
        run over a line break (wrapped prose) unless ``lines`` says every line
        stands alone (a list of names, a table, a log).

        >>> r = Resolver([Entity("brad-raffensperger", "Brad Raffensperger", "person")])
        >>> [(m.text, m.match.id) for m in r.scan("Secretary of State Brad Rappensperger's call.")]
        [('Brad Rappensperger', 'brad-raffensperger')]
        """
        check_kind(kind)
        return scan_text(self.engine, text, kind=kind, score_cutoff=check_probability("min_score", min_score),
                         lines=lines)

    def rewrite(self, text: str, *, kind: Kind | None = None, min_score: float | None = None) -> str:
        """The text with every resolved mention replaced by its canonical name.

        >>> r = Resolver([Entity("brad-raffensperger", "Brad Raffensperger", "person")])
        >>> r.rewrite("Sen. Brad Rappensperger's office")
        "Sen. Brad Raffensperger's office"
        """
        return rewrite_text(text, self.scan(text, kind=kind, min_score=min_score))

    def search_forms(self, name: str) -> Sequence[str]:
        """The normalized forms a name is looked up under (for ``explain`` and the CLI)."""
        query = self.engine.prepare(name)
        return query.forms if query else ()
