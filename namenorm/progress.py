"""A progress line on standard error for long runs, shown only on a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["Progress"]

_EVERY = 0.5
"""Seconds between two updates of the line."""


class Progress:
    """Counts items and rewrites one stderr line with the count, the rate and, when the total is
    known, the share done, from half a second into the run. Silent unless ``shown`` (by default:
    stderr is a terminal), so pipes, logs and tests see nothing.

    >>> with Progress("names", shown=False) as progress:
    ...     progress.advance(3)
    >>> progress.done
    3
    """

    def __init__(self, what: str, total: int | None = None, *, shown: bool | None = None,
                 stream: TextIO | None = None) -> None:
        self.what = what
        self.total = total
        self.stream = stream or sys.stderr
        self.shown = self.stream.isatty() if shown is None else shown
        self.done = 0
        self.started = time.monotonic()
        self.last = self.started

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.shown and time.monotonic() - self.last >= _EVERY:
            self._write()

    def _write(self) -> None:
        self.last = now = time.monotonic()
        rate = self.done / max(now - self.started, 1e-9)
        share = f" ({self.done * 100 // self.total}%)" if self.total else ""
        self.stream.write(f"\r{self.done:,}{f' of {self.total:,}' if self.total else ''} {self.what}{share}, "
                          f"{rate:,.0f}/s ")
        self.stream.flush()

    def __enter__(self) -> Progress:  # noqa: PYI034 (typing.Self needs Python 3.11)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.shown and self.last != self.started:  # the run was long enough to show a line
            self._write()
            self.stream.write("\n")
            self.stream.flush()
