"""namenorm: resolve misspelled, transliterated and title-decorated names to entities.

>>> import namenorm
>>> r = namenorm.Resolver([namenorm.Entity("ryan-germany", "Ryan Germany", "person")])
>>> r.resolve("Mr. Ryan Germanie").id
'ryan-germany'
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Union

from .aliases import (
    MAX_FILE_BYTES,
    OnConflict,
    bundled_path,
    files_to_load,
    merge,
    parse_file_bytes,
    read_file_bytes,
)
from .cache import CACHE_AUTO_BYTES, cache_key, default_cache_dir, fetch, store
from .errors import AliasFileError, ConflictError, NamenormError, UnknownEntityError
from .model import Decision, Entity, Kind, Match, Mention, Source
from .normalize import normalize_name
from .places import PLACE_TABLES, check_place_tables
from .resolver import CANDIDATE_FLOOR, Resolver

__all__ = [
    "AliasFileError",
    "ConflictError",
    "Decision",
    "Entity",
    "Match",
    "Mention",
    "NamenormError",
    "Resolver",
    "Source",
    "UnknownEntityError",
    "__version__",
    "bundled_path",
    "candidates",
    "decide",
    "default_resolver",
    "from_names",
    "load",
    "normalize_name",
    "resolve",
    "resolve_many",
    "rewrite",
    "scan",
]

__version__ = "0.1.0"

PathLike = Union[str, "os.PathLike[str]"]  # a runtime alias


def load(*paths: PathLike | Iterable[PathLike], on_conflict: OnConflict = "raise",
         with_default: bool = False, max_bytes: int = MAX_FILE_BYTES, cache: bool | None = None,
         cache_dir: PathLike | None = None, threshold: float | None = None,
         place_names: Sequence[str] = PLACE_TABLES) -> Resolver:
    """Build a Resolver over alias files, merged in order.

    Args:
        paths: alias files (or lists of them); none means the bundled file.
        on_conflict: what a later file redefining an id does: "raise", "warn"
            (later wins, with a warning) or "ignore" (later wins).
        with_default: put the bundled file first, so ``paths`` extend it.
        max_bytes: the largest file read; a guard against endless or hostile input.
        cache: keep the compiled resolver on disk and read it back while every input file,
            setting and namenorm itself are unchanged (``namenorm.cache``). None (the default)
            caches inputs up to ``CACHE_AUTO_BYTES`` unless the environment sets
            NAMENORM_NO_CACHE; True caches any size.
        cache_dir: where; by default ``$XDG_CACHE_HOME/namenorm`` (``~/.cache/namenorm``; no
            cache when neither that nor a home directory is known).
        threshold, place_names: as for ``Resolver``.

    Raises:
        AliasFileError: a file is missing or invalid (every problem listed with path:line:column).
        ConflictError: two files define one id and ``on_conflict="raise"``.
    """
    flat: list[PathLike] = []
    for item in paths:
        for path in [item] if isinstance(item, (str, os.PathLike, bytes)) else item:
            if not isinstance(path, (str, os.PathLike)):
                raise TypeError(f"paths must be str or os.PathLike (or lists of them), not {type(path).__name__}")
            flat.append(path)
    inputs = [(str(p), read_file_bytes(p, max_bytes=max_bytes)) for p in files_to_load(flat, with_default)]
    if cache is None:
        size = sum(len(data) for _, data in inputs)
        cache = not os.environ.get("NAMENORM_NO_CACHE") and size <= CACHE_AUTO_BYTES
    # A cached load would skip the warnings "warn" promises, so that mode always parses.
    cache = cache and on_conflict != "warn"
    directory = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    if cache and directory is not None:
        key = cache_key(inputs, (on_conflict, threshold, check_place_tables(place_names)))
        cached = fetch(directory, key)
        if cached is not None:
            return cached
    merged = merge((parse_file_bytes(data, name) for name, data in inputs), on_conflict=on_conflict)
    resolver = Resolver(merged.entities, titles=merged.titles, given_names=merged.given_names,
                        particles=merged.particles, shared_forms=merged.shared_forms,
                        threshold=threshold, place_names=place_names)
    if cache and directory is not None:
        store(directory, key, resolver)
    return resolver


def from_names(choices: Iterable[str] | Mapping[str, str | Iterable[str]], *, kind: Kind = "other",
               threshold: float | None = None) -> Resolver:
    """A Resolver over plain names, as rapidfuzz's ``choices``: a list (each name's id is its
    position, "0", "1"...) or a mapping of id to a name or to a list of names, the first one
    canonical and the rest its aliases.

    >>> r = from_names(["Brad Raffensperger", "Ryan Germany"])
    >>> r.resolve("Ryan Germanie").id
    '1'
    >>> from_names({"koeln": ["Köln", "Cologne"]}, kind="place").resolve("Koln").name
    'Köln'
    """
    if isinstance(choices, str):
        raise TypeError("choices must be a list or a mapping of names, not one str")
    items = choices.items() if isinstance(choices, Mapping) else ((str(i), n) for i, n in enumerate(choices))
    entities = []
    for entity_id, names in items:
        forms = [names] if isinstance(names, str) else list(names)
        if not forms or not all(isinstance(f, str) for f in forms):
            raise TypeError(f"the names of {entity_id!r} must be a string or a non-empty list of strings")
        entities.append(Entity(str(entity_id), forms[0], kind, tuple(forms[1:])))
    return Resolver(entities, threshold=threshold)


_default: Resolver | None = None
_default_lock = threading.Lock()


def default_resolver() -> Resolver:
    """The Resolver over the bundled alias file, loaded on first use."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = load()
    return _default


def resolve(name: str, *, kind: Kind | None = None, score_cutoff: float | None = None) -> Match | None:
    """Resolve a name against the bundled alias file; see ``Resolver.resolve``."""
    return default_resolver().resolve(name, kind=kind, score_cutoff=score_cutoff)


def decide(name: str, *, kind: Kind | None = None, score_cutoff: float | None = None) -> Decision:
    """Every candidate from the bundled alias file with its probability; see ``Resolver.decide``."""
    return default_resolver().decide(name, kind=kind, score_cutoff=score_cutoff)


def candidates(name: str, *, limit: int = 5, kind: Kind | None = None,
               score_cutoff: float | None = CANDIDATE_FLOOR) -> list[Match]:
    """Candidates from the bundled alias file; see ``Resolver.candidates``."""
    return default_resolver().candidates(name, limit=limit, kind=kind, score_cutoff=score_cutoff)


def scan(text: str, *, kind: Kind | None = None, min_score: float | None = None,
         lines: bool = False) -> list[Mention]:
    """Mentions of bundled entities in running text; see ``Resolver.scan``."""
    return default_resolver().scan(text, kind=kind, min_score=min_score, lines=lines)


def rewrite(text: str, *, kind: Kind | None = None, min_score: float | None = None) -> str:
    """Text with bundled entities' mentions replaced by canonical names; see ``Resolver.rewrite``."""
    return default_resolver().rewrite(text, kind=kind, min_score=min_score)


def resolve_many(names: Iterable[str], *, kind: Kind | None = None, score_cutoff: float | None = None,
                 workers: int = 1, progress: bool | None = None) -> list[Match | None]:
    """Resolve many names against the bundled alias file; see ``Resolver.resolve_many``."""
    return default_resolver().resolve_many(names, kind=kind, score_cutoff=score_cutoff, workers=workers,
                                           progress=progress)
