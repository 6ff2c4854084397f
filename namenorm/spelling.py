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

Han writes a foreign name with characters chosen for their sound, one to a syllable (特朗普,
Trump), and no letter costs tell how: 特 writes the t of Trump and 朗 its "ran". For a name in
Han, ``han_agreement`` weighs how likely its characters write the form's letters, each a run of
one to five of them, at the shares ``_data/han_transcription_counts.json`` counts (learned by
``bench/build_han_transcription.py`` from the foreign names of CC-CEDICT, CC BY-SA 4.0).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .keys import levenshtein_distance
from .romanize import KANA_RUN, han_only, han_syllable, romanize

__all__ = [
    "LetterCosts",
    "Transcription",
    "alignment",
    "han_agreement",
    "kana_agreement",
    "kana_units",
    "letter_costs",
    "single_letters",
    "spelling_agreement",
    "transcription",
]

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


MAX_RUN = 5
"""Most letters one unit (a Han character, a kana mora) writes (``Transcription``)."""
_PRIOR_SCALE = 0.1
"""The prior's weight against a counted run's: a run seen once outweighs the syllable's prior."""
_PRIOR_SLOPE = 1.5
"""Nats the prior charges each edit between a run and the unit's syllable (a Han character's pinyin)."""
_RUN_SLOPE = 0.3
"""Nats the prior charges each letter of a run."""
_PRIOR_WEIGHT = 2.0
"""Pseudo-counts by which the syllable's prior smooths the runs counted for a syllable."""
_SYLLABLE_WEIGHT = 3.0
"""Pseudo-counts by which the runs of a unit's syllable smooth its own."""
_MAX_FORM_WORDS = 6
"""Words of a form at most whose spans ``han_agreement`` weighs one by one."""


@dataclass(frozen=True, slots=True, eq=False)
class Transcription:
    """How likely a unit of a script that writes syllables (a Han character, a kana mora) writes a
    run of Latin letters in a foreign name: the runs counted for each unit and each syllable it
    reads as in aligned names, a unit's smoothed toward its syllable's (朗 and 郎 both "lang") and a
    syllable's toward a prior from the syllable itself, likelier the fewer edits and letters the
    run is from it.

    >>> model = Transcription.counted({"特": {"t": 8, "te": 2}}, {"te": {"t": 8, "te": 2}}, {"特": "te"})
    >>> round(model.probability("特", "t"), 2), model.probability("特", "d") < 0.001
    (0.77, True)
    """

    characters: Mapping[str, Mapping[str, int]]
    """Unit -> run of letters -> names in which it wrote that run."""
    syllables: Mapping[str, Mapping[str, int]]
    """Syllable -> run -> names in which one of its units wrote that run."""
    readings: Mapping[str, str]
    """Unit -> the syllable it read as in the names counted (a Han character's pinyin; else ``read``)."""
    character_totals: Mapping[str, int]
    syllable_totals: Mapping[str, int]
    read: Callable[[str], str] = han_syllable
    """The syllable a unit the names did not count reads as."""
    silent: bool = False
    """Whether a unit may write no letter: a Han character always writes some, but the ア of アイザック
    (Isaac) writes none, its イ writing the i."""

    @classmethod
    def counted(cls, characters: Mapping[str, Mapping[str, int]], syllables: Mapping[str, Mapping[str, int]],
                readings: Mapping[str, str], read: Callable[[str], str] = han_syllable,
                silent: bool = False) -> Transcription:
        """The model of these counts."""
        return cls(characters, syllables, readings, {c: sum(runs.values()) for c, runs in characters.items()},
                   {s: sum(runs.values()) for s, runs in syllables.items()}, read, silent)

    def syllable_of(self, char: str) -> str:
        """The syllable ``char`` read as in the names counted, or its usual one."""
        return self.readings.get(char) or self.read(char)

    def syllable_probability(self, syllable: str, run: str) -> float:
        """How likely a unit that reads as ``syllable`` (a Han character's pinyin) writes ``run``."""
        prior = _PRIOR_SCALE * math.exp(-_PRIOR_SLOPE * levenshtein_distance(run, syllable) - _RUN_SLOPE * len(run))
        seen = self.syllables.get(syllable, {})
        return (seen.get(run, 0) + _PRIOR_WEIGHT * prior) / (self.syllable_totals.get(syllable, 0) + _PRIOR_WEIGHT)

    def probability(self, char: str, run: str, syllable: str = "") -> float:
        """How likely ``char`` (read as ``syllable``, else as ``syllable_of`` it) writes ``run``."""
        syllable = syllable or self.syllable_of(char)
        seen = self.characters.get(char, {})
        return ((seen.get(run, 0) + _SYLLABLE_WEIGHT * self.syllable_probability(syllable, run))
                / (self.character_totals.get(char, 0) + _SYLLABLE_WEIGHT))

    def best_runs(self, characters: Sequence[str], target: str, syllables: tuple[str, ...] = ()
                  ) -> tuple[float, list[str]]:
        """The runs of ``target`` that ``characters`` (units) likeliest write, one (none where
        ``silent``) to ``MAX_RUN`` letters each, and their log probability (-inf where none can):
        ``syllables`` are the units' syllables where known."""
        n, length = len(characters), len(target)
        best = [[-math.inf] * (length + 1) for _ in range(n + 1)]
        back = [[0] * (length + 1) for _ in range(n + 1)]
        best[0][0] = 0.0
        for i in range(n):
            syllable = syllables[i] if syllables else ""
            for j in range(length + 1):
                if best[i][j] == -math.inf:
                    continue
                for k in range(j + (not self.silent), min(length, j + MAX_RUN) + 1):
                    score = best[i][j] + math.log(self.probability(characters[i], target[j:k], syllable))
                    if score > best[i + 1][k]:
                        best[i + 1][k], back[i + 1][k] = score, j
        if best[n][length] == -math.inf:
            return -math.inf, []
        runs, j = [], length
        for i in range(n, 0, -1):
            runs.append(target[back[i][j]:j])
            j = back[i][j]
        return best[n][length], runs[::-1]

    def likeliest(self, char: str) -> float:
        """The log probability of the run ``char`` likeliest writes: no alignment costs less."""
        syllable = self.syllable_of(char)
        runs = {*self.characters.get(char, {}), *self.syllables.get(syllable, {}), syllable}
        runs -= set() if self.silent else {""}
        # A rare character neither counted nor read (㐀) writes any one letter as likely as another.
        return max(math.log(self.probability(char, run)) for run in runs or {"a"})

    def to_json(self) -> dict[str, Any]:
        """The counts as ``_data/<script>_transcription_counts.json`` holds them (``transcription`` reads them)."""
        return {"characters": {c: {"reading": self.readings.get(c, ""), "runs": dict(runs)}
                               for c, runs in sorted(self.characters.items())},
                "syllables": {s: dict(runs) for s, runs in sorted(self.syllables.items())}}


@lru_cache(maxsize=2)
def transcription(script: str) -> Transcription:
    """The counts learned for ``script`` ("han": ``bench/build_han_transcription.py``, "kana":
    ``bench/build_kana_transcription.py``), as ``_data/<script>_transcription_counts.json`` holds them."""
    name = f"{script}_transcription_counts.json"
    data = json.loads(resources.files("namenorm").joinpath("_data", name).read_text(encoding="utf-8"))
    characters = {c: row["runs"] for c, row in data["characters"].items()}
    readings = {c: row["reading"] for c, row in data["characters"].items() if row["reading"]}
    return Transcription.counted(characters, data["syllables"], readings, *_READERS[script])


def kana_reading(unit: str) -> str:
    """The syllable a kana unit (``kana_units``) reads as: ジョー "jo", ッド "ddo"."""
    return romanize(unit).strip()


_READERS: dict[str, tuple[Callable[[str], str], bool]] = {"han": (han_syllable, False), "kana": (kana_reading, True)}
"""Per script, how a unit the names did not count reads, and whether a unit may write no letter."""


@lru_cache(maxsize=10_000)
def _least_cost(script: str, units: tuple[str, ...]) -> float:
    """The log probability of the runs ``units`` likeliest write, each its own: no alignment
    of them with any letters costs less. Weighed once per name, not once per span of a form."""
    model = transcription(script)
    return sum(model.likeliest(unit) for unit in units)


@lru_cache(maxsize=100_000)
def _run_agreement(script: str, units: tuple[str, ...], target: str) -> float:
    cost, runs = transcription(script).best_runs(units, target)
    if not runs:
        return 0.0
    return float(2.0 ** ((cost - _least_cost(script, units)) / math.log(2) / len(target)))


def _transcription_agreement(script: str, units: tuple[str, ...], form: str) -> float:
    """How likely ``units`` write the letters of ``form``, or of the run of its words they write
    best (a surname alone): two to the minus the bits per letter the likeliest alignment costs
    beyond the least the units could; 1.0 for no units (the text holds none of the script)."""
    if not units:
        return 1.0
    words = [w for w in form.split()[:_MAX_FORM_WORDS] if w.isalpha() and w.isascii()]
    spans = {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    return max((_run_agreement(script, units, span) for span in spans if span), default=0.0)


def han_agreement(text: str, form: str) -> float:
    """How likely the Han characters of ``text`` write the letters of ``form``, or of the run of
    its words they write best (a surname alone), in [0, 1]: two to the minus the bits per letter
    the likeliest alignment costs beyond the least the characters could; 1.0 where ``text`` holds
    no Han.

    >>> han_agreement("明斯克", "minsk") > 0.9 > 0.1 > han_agreement("明斯克", "monaco")
    True
    >>> han_agreement("布什", "george bush") > 0.5 > 0.1 > han_agreement("布什", "boris")
    True
    >>> han_agreement("Трамп", "trump")
    1.0
    """
    return _transcription_agreement("han", tuple(han_only(text)), form)


_SMALL_KANA = frozenset("ァィゥェォャュョヮぁぃぅぇぉゃゅょゎ")
_SMALL_TSU = frozenset("ッっ")
_LONG_VOWEL = "ー"


def kana_units(text: str) -> tuple[str, ...]:
    """The kana of ``text`` as the units that each write a run of a foreign name's letters: a
    kana with the small kana and long-vowel marks after it (ジョー, ティ), a small tsu with the kana
    it doubles (ッド); anything else left out.

    >>> kana_units("ジョージ・ブッシュ")
    ('ジョー', 'ジ', 'ブ', 'ッシュ')
    """
    units: list[str] = []
    doubled = ""
    for ch in text:
        if ch in _SMALL_TSU:
            doubled = ch
        elif ch in _SMALL_KANA or ch == _LONG_VOWEL:
            if units:
                units[-1] += ch
        elif KANA_RUN.fullmatch(ch):
            units.append(doubled + ch)
            doubled = ""
    return tuple(units)


def kana_agreement(text: str, form: str) -> float:
    """How likely the kana of ``text`` write the letters of ``form`` (or of the run of its words
    they write best), unit by unit (``kana_units``) at the shares learned from JMnedict's names
    written in katakana (``_data/kana_transcription_counts.json``); 1.0 where ``text`` holds no
    kana. Letter costs see バーニー "bani" as nearer Bunny than Bernie; its units write "ber" and
    "nie".

    >>> kana_agreement("バーニー", "bernie") > 0.5 > 0.1 > kana_agreement("バーニー", "bunny")
    True
    >>> kana_agreement("Трамп", "trump")
    1.0
    """
    return _transcription_agreement("kana", kana_units(text), form)
