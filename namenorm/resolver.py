"""The Resolver: from a name to one entity, or an honest None.

A query goes through a cascade, cheapest and safest first:

1. normalize (``normalize_name``), also trying "Last, First" reordered and
   leading titles stripped ("Georgia Secretary of State Brad Raffensperger");
2. exact lookup of those forms: strong forms score 1.0, weak forms 0.98,
   surnames derived from person names 0.96;
3. otherwise candidate forms that share a typo or phonetic key with the query
   tokens, scored by token alignment (``index.score_alignment``).

The best entity is returned only if its score reaches ``threshold`` and no
other entity comes within ``margin`` of it; otherwise ``resolve`` abstains and
``candidates`` shows the contenders.
"""

from __future__ import annotations

import gc
import math
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .aliases import default_given_names, default_titles
from .errors import UnknownEntityError
from .index import FOREIGN, TIER_METHODS, TIER_TRUST, Clash, Hit, Index, query_allows
from .model import KINDS, Entity, Kind, Match, Mention, Method, Role, TokenPair
from .normalize import MAX_NAME_CHARS, normalize_name, reorder_comma_name, strip_titles
from .romanize import drops_final_r, native_spellings, writes_short_vowels
from .scanner import rewrite_text, scan_text

__all__ = ["CANDIDATE_FLOOR", "DEFAULT_CROSS_THRESHOLD", "DEFAULT_MARGIN", "DEFAULT_THRESHOLD", "Resolver"]

DEFAULT_THRESHOLD = 0.86
"""Lowest score ``resolve`` accepts in a gallery of up to 10,000 forms (calibrated on the
tuning split of bench/bench_core.py: about 1-2% false matches on unknown names at 10k)."""
_THRESHOLD_PER_DECADE = 0.06
"""How much the default threshold rises for each tenfold of forms above 10,000: in a
denser gallery an unknown name more often lands near somebody (0.92 at 100k, 0.95 cap)."""
_THRESHOLD_CAP = 0.95
_COLLECT_AFTER = 100_000
"""Forms above which a fresh index is garbage-collected once at build time."""
DEFAULT_CROSS_THRESHOLD = 0.82
"""Lowest score ``resolve`` accepts for a name read across scripts in a gallery of up
to 1,000 forms (calibrated on tests/data/cross_script_pairs.tsv and its absent names)."""
_CROSS_PER_DECADE = 0.05
"""Rise of the default cross-script threshold for each tenfold of forms above 1,000:
loanword keys are coarse, so chance agreements grow with the gallery (0.87 at 10k)."""
_CROSS_CAP = 0.92
"""Highest default cross-script threshold: above it few real names in other scripts still match."""
DEFAULT_MARGIN = 0.03
"""Lead the best entity needs over the runner-up; closer than this is ambiguous."""
CANDIDATE_FLOOR = 0.5
"""Lowest score ``candidates`` lists."""


def _checked_threshold(label: str, value: float | None) -> float | None:
    if value is not None and not 0.0 < value <= 1.0:
        raise ValueError(f"{label} must be in (0, 1], got {value!r}")
    return value


@dataclass(frozen=True, slots=True)
class _Query:
    """A name prepared for lookup."""

    forms: tuple[str, ...]
    """Normalized variants tried for an exact hit, most literal first."""
    tokens: tuple[str, ...]
    """Tokens of the title-stripped form, for fuzzy search."""
    allowed: int = 0
    """Restricted forms this query may match (``index.query_allows``)."""
    drops_r: bool = False
    """Written in a script that drops an r no vowel follows (Hangul, kana, Han)."""
    spelled: tuple[str, ...] = ()
    """A Chinese or Korean name as its people spell it in Latin letters (also in ``forms``)."""
    vowels: bool = True
    """Written with its short vowels (not Arabic or Hebrew)."""

    @property
    def form(self) -> str:
        return " ".join(self.tokens)


class Resolver:
    """Resolves names against a fixed set of entities.

    Build one with ``namenorm.load(...)`` or from entities in code. The lookup
    tables are compiled on first use; a Resolver pickles without them and is
    safe to share between threads.

    >>> r = Resolver([Entity("brad-raffensperger", "Brad Raffensperger", "person")])
    >>> r.resolve("Rafensperger").id
    'brad-raffensperger'
    >>> r.resolve("Rafensperger").method
    'phonetic'
    >>> r.resolve("Marjorie Taylor Greene") is None
    True
    """

    def __init__(self, entities: Iterable[Entity], *, titles: Iterable[str] = (),
                 given_names: Iterable[Sequence[str]] = (), particles: Iterable[str] = (),
                 threshold: float | None = None, margin: float = DEFAULT_MARGIN,
                 cross_threshold: float | None = None) -> None:
        """A resolver over ``entities``; nothing is compiled until the first lookup.

        Args:
            entities: the gallery.
            titles, given_names, particles: added to the bundled titles, given-name
                groups and surname particles (as an alias file's sections are).
            threshold, cross_threshold: None scales the default with the gallery's size.
            margin: lead the best entity needs over the runner-up.
        """
        self._entities = tuple(entities)
        self._by_id: dict[str, Entity] = {}
        for entity in self._entities:
            if not isinstance(entity, Entity):
                raise TypeError(f"entities must be Entity objects, not {type(entity).__name__}")
            if entity.id in self._by_id:
                raise ValueError(f"id {entity.id!r} is defined twice ({self._by_id[entity.id].source} "
                                 f"and {entity.source}); ids must be unique")
            self._by_id[entity.id] = entity
        if not 0.0 <= margin < 1.0:
            raise ValueError(f"margin must be in [0, 1), got {margin!r}")
        self._titles = (*default_titles(), *titles)
        self._given_names = (*default_given_names(), *map(tuple, given_names))
        self._particles = tuple(particles)
        self._threshold = _checked_threshold("threshold", threshold)
        self._cross_threshold = _checked_threshold("cross_threshold", cross_threshold)
        self.margin = margin
        self._index: Index | None = None
        self._lock = threading.Lock()

    # -- container protocol and pickling -------------------------------------

    def __len__(self) -> int:
        return len(self._entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._entities)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._by_id

    def __getitem__(self, entity_id: str) -> Entity:
        try:
            return self._by_id[entity_id]
        except KeyError:
            raise UnknownEntityError(entity_id) from None

    def __repr__(self) -> str:
        return f"<Resolver of {len(self._entities)} entities>"

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_index"] = None
        del state["_lock"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    @property
    def index(self) -> Index:
        """The compiled lookup tables, built on first use."""
        index = self._index
        if index is None:
            with self._lock:
                if self._index is None:
                    built = Index.build(self._entities, self._titles, self._given_names, self._particles)
                    if built.form_count > _COLLECT_AFTER:
                        # Examine the new tables once now, so that the first queries do not pay
                        # for the full garbage collection millions of new objects would trigger.
                        gc.collect()
                    self._index = built
                index = self._index
        return index

    def _scaled(self, base: float, from_forms: int, per_decade: float, cap: float) -> float:
        """``base`` raised by ``per_decade`` for each tenfold of index forms above ``from_forms``."""
        forms = max(self.index.form_count, from_forms)
        return round(min(cap, base + per_decade * math.log10(forms / from_forms)), 4)

    @property
    def threshold(self) -> float:
        """Lowest fuzzy score ``resolve`` accepts: as given, else scaled to the gallery's size.

        >>> Resolver([Entity("koeln", "Köln", "place")]).threshold
        0.86
        """
        if self._threshold is None:
            self._threshold = self._scaled(DEFAULT_THRESHOLD, 10_000, _THRESHOLD_PER_DECADE, _THRESHOLD_CAP)
        return self._threshold

    @threshold.setter
    def threshold(self, value: float | None) -> None:
        self._threshold = _checked_threshold("threshold", value)

    @property
    def cross_threshold(self) -> float:
        """Lowest score ``resolve`` accepts for a name read across scripts: as given, else scaled.

        >>> Resolver([Entity("koeln", "Köln", "place")]).cross_threshold
        0.82
        """
        if self._cross_threshold is None:
            self._cross_threshold = self._scaled(DEFAULT_CROSS_THRESHOLD, 1_000, _CROSS_PER_DECADE,
                                                 _CROSS_CAP)
        return self._cross_threshold

    @cross_threshold.setter
    def cross_threshold(self, value: float | None) -> None:
        self._cross_threshold = _checked_threshold("cross_threshold", value)

    @property
    def clashes(self) -> list[Clash]:
        """Forms claimed by more than one entity in the same tier."""
        return self.index.clashes

    # -- resolving ----------------------------------------------------------

    def _prepare(self, name: str) -> _Query | None:
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, not {type(name).__name__}")
        name = name[:MAX_NAME_CHARS]
        norm = normalize_name(name)
        if not norm:
            return None
        forms = [norm]
        reordered = reorder_comma_name(name)
        if reordered is not None:
            forms.append(normalize_name(reordered))
        tokens = strip_titles(norm.split(), self.index.titles)
        stripped = " ".join(tokens)
        if stripped not in forms:
            forms.append(stripped)
        # 李克强 is "Li Keqiang" in Latin letters: pinyin as written, not as it sounds.
        spelled = tuple(f for f in native_spellings(name) if f not in forms)
        allowed = query_allows(name)
        return _Query(tuple(forms) + spelled, tuple(tokens), allowed,
                      bool(allowed & FOREIGN) and drops_final_r(name), spelled, writes_short_vowels(name))

    def _allowed(self, e_idx: int, kind: str | None, query: _Query) -> bool:
        if kind is not None and self.index.entities[e_idx].kind != kind:
            return False
        excluded = self.index.excluded
        return not excluded or not any(e_idx in excluded.get(f, ()) for f in query.forms)

    def _exact(self, query: _Query, kind: str | None) -> list[Hit]:
        index = self.index
        for form in query.forms:
            owned = index.owners(form, query.allowed)
            if owned is None:
                continue
            tier, owners = owned
            hits = [Hit(e, TIER_TRUST[tier], form, tier) for e in owners
                    if self._allowed(e, kind, query)]
            if hits:
                return hits
        return []

    def _fuzzy(self, query: _Query, kind: str | None, score_cutoff: float) -> list[Hit]:
        index = self.index
        hits = index.search(query.tokens, allowed=query.allowed, score_cutoff=score_cutoff)
        latin = not query.allowed & FOREIGN
        if not latin or index.foreign_only:
            best = {h.entity: h for h in hits}
            for hit in index.cross_search(query.form, rhotic=not query.drops_r, latin_query=latin,
                                          vowels=query.vowels,
                                          score_cutoff=score_cutoff):
                if hit.entity not in best or hit.score > best[hit.entity].score:
                    best[hit.entity] = hit
            hits = sorted(best.values(), key=lambda h: -h.score)
        return [h for h in hits if self._allowed(h.entity, kind, query)]

    def _match(self, hit: Hit, query_form: str, exact: bool, transliterated: bool = False) -> Match:
        method: Method
        if exact:
            method = TIER_METHODS[hit.tier]  # type: ignore[assignment]
        elif hit.cross:
            method = "cross-script"
        elif transliterated:
            method = "transliteration"
        else:
            method = "phonetic" if hit.phonetic else "fuzzy"
        entity = self.index.entities[hit.entity]
        pairs = hit.pairs
        if entity.kind == "person" and pairs and not hit.cross:
            pairs = self._with_roles(hit, pairs)
        return Match(entity, round(hit.score, 4), hit.form, method, query_form, pairs)

    def _with_roles(self, hit: Hit, pairs: tuple[TokenPair, ...]) -> tuple[TokenPair, ...]:
        """Each pair labelled with the part of the person's name its form word is."""
        by_word: dict[str, list[Role]] = {}
        for word, role in zip(hit.form.split(), self.index.name_roles(hit.form, hit.tier)):
            by_word.setdefault(word, []).append(role)  # "Sirhan Sirhan": one role per occurrence
        return tuple(replace(p, role=by_word[p.form].pop(0)) if by_word.get(p.form) else p for p in pairs)

    def _query_match(self, hit: Hit, query: _Query, exact: bool) -> Match:
        """``_match`` for a prepared query: a hit on its native spelling is a transliteration of it."""
        if exact and hit.form in query.spelled:
            return self._match(hit, hit.form, False, True)
        return self._match(hit, query.form, exact, bool(query.allowed & FOREIGN))

    @staticmethod
    def _check_kind(kind: str | None) -> None:
        if kind is not None and kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)} or None, not {kind!r}")

    def resolve(self, name: str, *, kind: Kind | None = None) -> Match | None:
        """Resolve one name to its entity, or None when no entity is a confident match.

        Args:
            name: the name as written; titles, possessives, case, accents and
                scripts are handled. Longer than ``MAX_NAME_CHARS`` is truncated.
            kind: only consider entities of this kind.

        Returns:
            The match, or None when nothing reaches ``threshold`` or two
            entities are too close to call.

        Raises:
            TypeError: ``name`` is not a str.
        """
        self._check_kind(kind)
        query = self._prepare(name)
        if query is None:
            return None
        hits = self._exact(query, kind)
        if hits:
            return self._query_match(hits[0], query, True) if len(hits) == 1 else None
        # A runner-up below threshold - margin cannot make the best ambiguous.
        hits = self._fuzzy(query, kind, min(self.threshold, self.cross_threshold) - self.margin)
        # A name read from another script is held to the cross-script threshold by either path.
        foreign = bool(hits) and (hits[0].cross or bool(query.allowed & FOREIGN))
        if not hits or hits[0].score < (self.cross_threshold if foreign else self.threshold):
            return None
        if len(hits) > 1 and hits[0].score - hits[1].score < self.margin:
            return None
        return self._query_match(hits[0], query, False)

    def candidates(self, name: str, *, limit: int = 5, kind: Kind | None = None,
                   score_cutoff: float = CANDIDATE_FLOOR) -> list[Match]:
        """Every entity the name may refer to, best first, ties and ambiguity included.

        >>> r = Resolver([Entity("david-perdue", "David Perdue", "person"),
        ...               Entity("sonny-perdue", "Sonny Perdue", "person")])
        >>> [(m.id, m.method) for m in r.candidates("Perdue")]
        [('david-perdue', 'surname'), ('sonny-perdue', 'surname')]
        >>> r.resolve("Perdue") is None
        True
        """
        self._check_kind(kind)
        if limit < 1:
            return []
        query = self._prepare(name)
        if query is None:
            return []
        best: dict[int, Match] = {}
        fuzzy = self._fuzzy(query, kind, score_cutoff)
        for exact, hits in ((True, self._exact(query, kind)), (False, fuzzy)):
            for hit in hits:
                if hit.score >= score_cutoff and (hit.entity not in best
                                                  or hit.score > best[hit.entity].score):
                    best[hit.entity] = self._query_match(hit, query, exact)
        return sorted(best.values(), key=lambda m: (-m.score, m.id))[:limit]

    def resolve_many(self, names: Iterable[str], *, kind: Kind | None = None) -> list[Match | None]:
        """Resolve each name, in order; repeated names are resolved once."""
        seen: dict[str, Match | None] = {}
        out: list[Match | None] = []
        for name in names:
            if isinstance(name, str) and name in seen:
                out.append(seen[name])
                continue
            result = self.resolve(name, kind=kind)
            seen[name] = result
            out.append(result)
        return out

    def scan(self, text: str, *, kind: Kind | None = None, min_score: float | None = None) -> list[Mention]:
        """Every mention of a known entity in running text, in order and non-overlapping.

        ``text[m.start:m.end] == m.text`` for every mention; titles and
        possessive 's stay outside the span.

        >>> r = Resolver([Entity("brad-raffensperger", "Brad Raffensperger", "person")])
        >>> [(m.text, m.match.id) for m in r.scan("Secretary of State Brad Rappensperger's call.")]
        [('Brad Rappensperger', 'brad-raffensperger')]
        """
        self._check_kind(kind)
        return scan_text(self, text, kind=kind, min_score=min_score)

    def rewrite(self, text: str, *, kind: Kind | None = None, min_score: float | None = None) -> str:
        """The text with every resolved mention replaced by its canonical name.

        >>> r = Resolver([Entity("brad-raffensperger", "Brad Raffensperger", "person")])
        >>> r.rewrite("Sen. Brad Rappensperger's office")
        "Sen. Brad Raffensperger's office"
        """
        return rewrite_text(text, self.scan(text, kind=kind, min_score=min_score))

    def search_forms(self, name: str) -> Sequence[str]:
        """The normalized forms a name is looked up under (for ``explain`` and the CLI)."""
        query = self._prepare(name)
        return query.forms if query else ()
