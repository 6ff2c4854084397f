"""Resolve a Dask Series of names across a cluster (``pip install namenorm[dask]``).

The compiled resolver travels as one task: each worker receives it once (from the scheduler or
a peer) and keeps it for every partition it runs, instead of it riding along with every
partition. Each partition is resolved by ``namenorm.pandas.resolve_series``: its repeated names
once, typed columns, a row of nulls for a missing name. Dask is imported only when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import default_resolver
from .decide import Engine
from .model import Kind
from .pandas import COLUMNS, resolve_series
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


def _resolve_partition(part: pd.Series[Any], compiled: tuple[Resolver, Engine], kind: Kind | None,
                       score_cutoff: float | None) -> pd.DataFrame:
    resolver, engine = compiled
    resolver.use_compiled(engine)  # a worker unpickles both once; the Resolver alone would drop its tables
    return resolve_series(part, resolver, kind=kind, score_cutoff=score_cutoff, progress=False)
