from __future__ import annotations

import io

from namenorm import progress
from namenorm.progress import Progress


def test_the_line_shows_count_share_and_rate_then_ends(monkeypatch):
    monkeypatch.setattr(progress, "_EVERY", 0.0)
    stream = io.StringIO()
    with Progress("names", 10, shown=True, stream=stream) as shown:
        shown.advance(4)
    lines = stream.getvalue().split("\r")
    assert lines[1].startswith("4 of 10 names (40%), ")
    assert stream.getvalue().endswith("/s \n")


def test_nothing_is_written_when_not_shown_or_for_a_short_run():
    stream = io.StringIO()
    with Progress("names", shown=False, stream=stream) as hidden:
        hidden.advance(1000)
    with Progress("names", shown=True, stream=stream) as short:
        short.advance(3)  # well under the half second before the first line
    assert stream.getvalue() == ""
