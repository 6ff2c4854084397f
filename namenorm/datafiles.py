"""The tables bundled in ``namenorm/_data``, read as they are all written: a line a record, and
comment lines starting with "#". Imports nothing from namenorm, so every layer may read its data."""

from __future__ import annotations

from importlib import resources

__all__ = ["data_lines"]


def data_lines(file: str) -> list[str]:
    """The lines of a file in ``namenorm/_data`` that are neither blank nor comments.

    >>> lines = data_lines("titles.txt")
    >>> bool(lines) and not any(line.startswith("#") or not line.strip() for line in lines)
    True
    """
    text = resources.files("namenorm").joinpath("_data", file).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
