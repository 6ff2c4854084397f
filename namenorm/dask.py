"""Resolve a Dask Series of names across a cluster (``pip install namenorm[dask]``).

The compiled resolver travels as one task: each worker receives it once (from the scheduler or
a peer) and keeps it for every partition it runs, instead of it riding along with every
partition. A worker resolves each distinct name once, whichever partitions hold it, and each
partition comes back with the typed columns of ``namenorm.pandas`` (a row of nulls for a missing
name). Dask is imported only when called.
"""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING, Any

from . import default_resolver
from .decide import Engine
from .model import Kind, Match
from .pandas import COLUMNS, matches_frame
from .resolver import Resolver

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd

__all__ = ["resolve_names"]


def resolve_names(names: dd.Series, resolver: Resolver | None = None, *, kind: Kind | None = None,
                  score_cutoff: float | None = None) -> dd.DataFrame:
    """A lazy DataFrame of ``id``, ``name``, ``kind``, ``score``, ``method`` for each name of
    ``names``, partitioned and indexed as it is; ``.compute()`` it, or write it out.

    Args:
        names: a Dask Series of names.
        resolver: the gallery (default: the bundled alias file); compiled here, once.
        kind, score_cutoff: as for ``Resolver.resolve``.
    """
    import pandas as pd
    from dask.delayed import delayed

    resolver = resolver if resolver is not None else default_resolver()
    compiled = delayed((resolver, resolver.engine), pure=True, traverse=False)
    meta = pd.DataFrame({
        "id": pd.Series(dtype="string"), "name": pd.Series(dtype="string"), "kind": pd.Series(dtype="string"),
        "score": pd.Series(dtype="Float64"), "method": pd.Series(dtype="string"),
    })[list(COLUMNS)]
    frame: dd.DataFrame = names.map_partitions(  # type: ignore[no-untyped-call]
        _resolve_partition, compiled, kind, score_cutoff, meta=meta)
    return frame


_MEMO_SIZE = 500_000
"""Names a worker remembers the answers to, across the partitions it runs."""
_memos: weakref.WeakKeyDictionary[Engine, dict[tuple[Kind | None, float | None], dict[str, Match | None]]] = (
    weakref.WeakKeyDictionary())
"""In a worker: answers so far, per compiled engine and settings. A column repeats its names
across partitions, and a partition alone would resolve each of them again. Keyed weakly, so a
memo goes when its engine does and never outlives it to answer for another."""
_memo_lock = threading.Lock()


def _resolve_partition(part: pd.Series[Any], compiled: tuple[Resolver, Engine], kind: Kind | None,
                       score_cutoff: float | None) -> pd.DataFrame:
    resolver, engine = compiled
    resolver.use_compiled(engine)  # a worker unpickles both once; the Resolver alone would drop its tables
    with _memo_lock:
        memo = _memos.setdefault(engine, {}).setdefault((kind, score_cutoff), {})
        values = part.tolist()
        known = {v: memo[v] for v in values if isinstance(v, str) and v in memo}
    new = list(dict.fromkeys(v for v in values if isinstance(v, str) and v not in known))
    known.update(zip(new, resolver.resolve_many(new, kind=kind, score_cutoff=score_cutoff, progress=False)))
    with _memo_lock:  # threads of one worker share the memo; each partition answers from its own copy
        if len(memo) + len(new) > _MEMO_SIZE:
            memo.clear()
        memo.update((v, known[v]) for v in new)
    return matches_frame([known[v] if isinstance(v, str) else None for v in values], part.index)
