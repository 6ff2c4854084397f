"""Resolve a pandas Series of names to a DataFrame of typed columns (``pip install namenorm[pandas]``).

pandas is imported when a function here is called, never by ``import namenorm``. A missing
value (NaN, None, ``pd.NA``) or anything that is not a string gives a row of nulls, as a name
nobody recognises does, instead of stopping the whole column with a TypeError.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import default_resolver
from .model import Kind, Match
from .resolver import Resolver

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "matches_frame", "resolve_series"]

COLUMNS = ("id", "name", "kind", "score", "method")
"""The columns ``resolve_series`` returns, in order."""


def resolve_series(names: pd.Series[Any], resolver: Resolver | None = None, *, kind: Kind | None = None,
                   score_cutoff: float | None = None, workers: int = 1, progress: bool | None = None
                   ) -> pd.DataFrame:
    """Resolve every name of ``names``; one row per row of the Series, with its index.

    Columns: ``id``, ``name``, ``kind`` and ``method`` as nullable strings, ``score`` as a
    nullable float (the match probability). Repeated names are resolved once, and
    ``workers`` shares the distinct ones among processes (``Resolver.resolve_many``).

    Args:
        names: the names; missing values and non-strings give a row of nulls.
        resolver: the gallery (default: the bundled alias file).
        kind, score_cutoff, workers, progress: as for ``Resolver.resolve_many``.

    >>> import pandas as pd
    >>> from namenorm import Entity, Resolver
    >>> r = Resolver([Entity("ryan-germany", "Ryan Germany", "person")])
    >>> frame = resolve_series(pd.Series(["Ryan Germanie", None, "Nobody Atall"]), r)
    >>> frame["id"].tolist()
    ['ryan-germany', <NA>, <NA>]
    >>> str(frame["score"].dtype)
    'Float64'
    """
    if resolver is None:
        resolver = default_resolver()
    values = names.tolist()
    wanted = [value for value in values if isinstance(value, str)]
    found = dict(zip(wanted, resolver.resolve_many(wanted, kind=kind, score_cutoff=score_cutoff,
                                                   workers=workers, progress=progress)))
    return matches_frame([found[value] if isinstance(value, str) else None for value in values], names.index)


def matches_frame(matches: Sequence[Match | None], index: Any = None) -> pd.DataFrame:
    """The ``COLUMNS`` of each match (nulls for None) as a DataFrame on ``index``."""
    import pandas as pd

    def column(field: str) -> list[Any]:
        return [getattr(m, field) if m is not None else None for m in matches]

    return pd.DataFrame({
        "id": pd.array(column("id"), dtype="string"),
        "name": pd.array(column("name"), dtype="string"),
        "kind": pd.array(column("kind"), dtype="string"),
        "score": pd.array(column("score"), dtype="Float64"),
        "method": pd.array(column("method"), dtype="string"),
    }, index=index)
