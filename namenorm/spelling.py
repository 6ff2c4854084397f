"""How alike a name read from another script and a Latin spelling are, at letter costs learned
from real name pairs.

A name in Cyrillic, Devanagari or Hangul reaches the gallery through its romanization, and
the Latin spelling people use differs from it in regular ways: Уиндхук reads "uindhuk" and
is spelt "Windhoek", Чикаго reads "chikago" for "Chicago". Those differences are cheap, and a
different name's are not. ``_data/spelling_costs.json`` holds, for each script with enough
data and for all scripts together, the cost in bits of each letter edit between a
romanization and a Latin spelling: a letter kept, changed, dropped or added. It is written
by ``bench/fit_spelling.py`` from the countries' names in other languages that
``places.country_names`` holds (Debian iso-codes), never typed in by hand.

Letters written twice are compared once on both sides (``single_letters``): Latin doubles
letters that many scripts write once (Kelly is ケリー "keri" and Κέλι "keli", but Келли "kelli"),
and a double tells no name from another.

The agreement of a romanization and a form is two to the minus the bits per letter of the
form that their cheapest alignment costs beyond the least any romanization could, in [0, 1]:
0.90 for Чикаго and Chicago, 0.07 for Чикаго and Santiago, whose consonants are as alike.
It is one piece of evidence of the match model (``scoring.Evidence.spelling_agreement``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["LetterCosts", "alignment", "letter_costs", "single_letters", "spelling_agreement"]

_GAP = ""
"""The empty side of a letter dropped or added."""

_DOUBLE = re.compile(r"([a-z])\1+")


def single_letters(name: str) -> str:
    """``name`` with its spaces left out and each letter written twice or more written once, as
    the letter costs compare names.

    >>> single_letters("kelly"), single_letters("al lah")
    ('kely', 'alah')
    """
    return _DOUBLE.sub(r"\1", name.replace(" ", ""))


@dataclass(frozen=True, slots=True, eq=False)
class LetterCosts:
    """Costs in bits of the edits that turn a romanization into a Latin spelling."""

    substitute: Mapping[str, Mapping[str, float]]
    """Romanized letter -> Latin letter -> cost of writing one for the other (kept letters too)."""
    delete: Mapping[str, float]
    """Romanized letter -> cost of its having no letter in the spelling."""
    insert: Mapping[str, float]
    """Latin letter -> cost of its standing for nothing in the romanization."""
    unseen: float
    """Cost of an edit involving a character the table lacks (digits, letters of no script)."""

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LetterCosts:
        """The costs of one script as ``to_json`` wrote them."""
        return cls({a: {b: float(c) for b, c in row.items()} for a, row in data["substitute"].items()},
                   {a: float(c) for a, c in data["delete"].items()},
                   {b: float(c) for b, c in data["insert"].items()}, float(data["unseen"]))

    def to_json(self) -> dict[str, Any]:
        """The costs as ``_data/spelling_costs.json`` holds each script's (``from_json`` reads them)."""
        return {"substitute": self.substitute, "delete": self.delete, "insert": self.insert, "unseen": self.unseen}

    def edit(self, source: str, target: str) -> float:
        """The cost of one edit: a romanized letter written as a Latin one, or dropped (``target``
        is ``""``), or a Latin letter added (``source`` is ``""``)."""
        if not source:
            return self.insert.get(target, self.unseen)
        if not target:
            return self.delete.get(source, self.unseen)
        return self.substitute.get(source, {}).get(target, self.unseen)


@lru_cache(maxsize=1)
def _tables() -> dict[str, LetterCosts]:
    text = resources.files("namenorm").joinpath("_data", "spelling_costs.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return {script: LetterCosts.from_json(table) for script, table in data["scripts"].items()}


def letter_costs(script: str) -> LetterCosts:
    """The learned costs for a romanization from ``script`` (``normalize.script_of``), or those
    of all scripts together where that script had too few names to learn its own."""
    tables = _tables()
    return tables.get(script) or tables["*"]


def _table(source: str, target: str, costs: LetterCosts) -> list[list[float]]:
    """The cheapest cost of turning each prefix of ``source`` into each prefix of ``target``."""
    unseen = costs.unseen
    delete = [costs.delete.get(a, unseen) for a in source]
    insert = [costs.insert.get(b, unseen) for b in target]
    first = [0.0]
    for cost in insert:
        first.append(first[-1] + cost)
    rows = [first]
    for i, a in enumerate(source):
        subs = costs.substitute.get(a, {})
        prev = rows[-1]
        row = [prev[0] + delete[i]]
        for j, b in enumerate(target):
            row.append(min(prev[j] + subs.get(b, unseen), prev[j + 1] + delete[i], row[j] + insert[j]))
        rows.append(row)
    return rows


def alignment(source: str, target: str, costs: LetterCosts) -> tuple[float, list[tuple[str, str]]]:
    """The cheapest alignment's cost and its edits, (romanized letter, Latin letter) with ``""``
    for a side that has none.

    >>> costs = LetterCosts({"a": {"a": 0.1}}, {"a": 5.0}, {"h": 2.0}, 9.0)
    >>> alignment("a", "ah", costs)
    (2.1, [('a', 'a'), ('', 'h')])
    """
    rows = _table(source, target, costs)
    edits: list[tuple[str, str]] = []
    i, j = len(source), len(target)
    while i or j:
        here = rows[i][j]
        if i and j and here == rows[i - 1][j - 1] + costs.edit(source[i - 1], target[j - 1]):
            edits.append((source[i - 1], target[j - 1]))
            i, j = i - 1, j - 1
        elif i and here == rows[i - 1][j] + costs.edit(source[i - 1], _GAP):
            edits.append((source[i - 1], _GAP))
            i -= 1
        else:
            edits.append((_GAP, target[j - 1]))
            j -= 1
    return rows[-1][-1], edits[::-1]


@lru_cache(maxsize=100_000)
def spelling_agreement(romanized: str, form: str, script: str) -> float:
    """How alike a name romanized from ``script`` and a Latin form are as spelled, words run
    together, in [0, 1].

    Two to the minus the bits per letter of the form that the cheapest alignment costs beyond
    the least any romanization could cost for it. Per letter of the form, not of the longer
    name: letters a long query drops cost what they cost, and are not spread thin.

    >>> chicago = spelling_agreement("chikago", "chicago", "CYRILLIC")
    >>> chicago > 0.7 > 0.4 > spelling_agreement("chikago", "santiago", "CYRILLIC")
    True
    >>> spelling_agreement("keri", "kelly", "KATAKANA") == spelling_agreement("keri", "kely", "KATAKANA")
    True
    """
    source, target = single_letters(romanized), single_letters(form)
    if not source or not target:
        return 0.0
    costs = letter_costs(script)
    cost = _table(source, target, costs)[-1][-1]
    floor = _cheapest_letters(costs)
    least = sum(floor.get(b, costs.unseen) for b in target)
    return float(2.0 ** (-(cost - least) / len(target)))


@lru_cache(maxsize=64)
def _cheapest_letters(costs: LetterCosts) -> dict[str, float]:
    """Latin letter -> the least any edit that writes it costs: no alignment with a form costs
    less than the sum over its letters, so the excess over it is what tells names apart."""
    cheapest = dict(costs.insert)
    for row in costs.substitute.values():
        for b, cost in row.items():
            cheapest[b] = min(cheapest.get(b, cost), cost)
    return cheapest
