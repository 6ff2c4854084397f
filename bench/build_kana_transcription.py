"""Learn how likely each kana unit writes each run of Latin letters in foreign names, from real
name pairs, and write the counts to namenorm/_data/kana_transcription_counts.json, which
``namenorm.spelling.kana_agreement`` weighs a name in katakana by:

    pip install '.[bench]'
    python bench/build_kana_transcription.py

Japanese writes a foreign name in katakana as it sounds, a mora at a time, with vowels the name
does not have: バーニー is Bernie, ボルゴグラード Volgograd. Romanized ("bani", "borugogurado"), such a
name is far from its Latin spelling letter by letter; unit by unit as the letters each writes in
names (バー "ber", ニー "nie"), it is close. A unit is a kana with the small kana and long-vowel marks
after it, or a small tsu with the kana it doubles (``namenorm.spelling.kana_units``).

Source: JMnedict (CC BY-SA 3.0), as jamdict-data ships it: its names written in katakana alone
and glossed with one Latin name, people's and places' (アベリストウィス, Aberystwyth). Left out is
every pair whose katakana, or a part of it between name separators, a dev set asks for (every
query of ``devsets.SETS``) or the bundled country and city tables hold: the counts are learned
from other names than those they are measured on.

Each name is aligned with its Latin name by hard EM, as ``build_han_transcription.py`` aligns Han
names (``Transcription.best_runs``): every unit writes a run of up to five letters (none, as the
ア of アイザック, Isaac, does); the first round weighs a run by its edit distance from the unit's
reading, later rounds by the runs the last round's alignments counted. Each round leaves out the pairs that align worst (translations,
such as イギリス for Great Britain). The counts of the last round are written.
"""

from __future__ import annotations

import re
import sqlite3
import sys
from collections import Counter, defaultdict
from contextlib import closing
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import devsets
from bench_support import fit_transcription, latin_letters, write_transcription

from namenorm.places import city_names, country_names
from namenorm.spelling import Transcription, kana_reading, kana_units

OUT = ROOT / "namenorm" / "_data" / "kana_transcription_counts.json"
ROUNDS = 6
KEEP = 0.7
"""Share of the pairs, the best aligned, whose alignments are counted in a round."""
NAME_TYPES = ("surname", "given", "fem", "masc", "person", "place")
"""JMnedict's kinds of names learned from."""
_KATAKANA = re.compile(r"^[\u30a1-\u30fa\u30fc\u30fb]+$")
_SEPARATORS = re.compile("[\u30fb=＝]")
_GLOSS = re.compile(r"^([A-Z][A-Za-z'\- ]*?)(?: \(.*\))?$")
"""A gloss that is a Latin name, with a qualifier in brackets ("Arvika (Sweden)") or none."""


KanaPair = tuple[tuple[str, ...], tuple[str, ...]]
"""A name's kana units and the Latin spellings it may write."""


def _held_out_names() -> set[str]:
    """Katakana names the dev sets ask for, and the parts of them, or the bundled place tables hold."""
    held: set[str] = set()
    for name in devsets.SETS:
        for query in devsets.build(name).queries:
            held.update((query.text, *_SEPARATORS.split(query.text)))
    for _, others in (*country_names(), *city_names()):
        held.update(name for name in others if _KATAKANA.match(name))
    return held


def training_pairs() -> list[KanaPair]:
    """(a name's kana units, the Latin spellings it may write), each name once."""
    held = _held_out_names()
    path = devsets._package_file("jamdict_data", "jamdict.db")
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        rows = db.execute(
            "SELECT k.text, g.text, t.text FROM NEKana k JOIN NETranslation n ON n.idseq = k.idseq"
            " JOIN NETransGloss g ON g.tid = n.ID JOIN NETransType t ON t.tid = n.ID"
            " WHERE k.idseq NOT IN (SELECT idseq FROM NEKanji)").fetchall()
    found: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for kana, gloss, kind in rows:
        match = _GLOSS.match(gloss)
        if kind not in NAME_TYPES or not _KATAKANA.match(kana) or not match:
            continue
        if {kana, *_SEPARATORS.split(kana)} & held:
            continue
        units, letters = kana_units(kana), latin_letters(match.group(1))
        if units and letters:
            found[units].add(letters)
    return [(units, tuple(sorted(targets))) for units, targets in sorted(found.items())]


def _counted(aligned: list[tuple[KanaPair, list[str]]]) -> Transcription:
    """The model of aligned names: each name's runs counted for each unit and its reading."""
    characters: dict[str, Counter[str]] = defaultdict(Counter)
    syllables: dict[str, Counter[str]] = defaultdict(Counter)
    readings: dict[str, str] = {}
    for (units, _), runs in aligned:
        for unit, run in zip(units, runs, strict=True):
            reading = readings.setdefault(unit, kana_reading(unit))
            characters[unit][run] += 1
            syllables[reading][run] += 1
    return Transcription.counted(characters, syllables, readings, kana_reading, silent=True)


def _aligned(model: Transcription, pair: KanaPair) -> tuple[float, list[str]]:
    units, targets = pair
    score, runs = max(model.best_runs(units, t) for t in targets)
    return score / len(units), runs


def main() -> int:
    pairs = training_pairs()
    model, kept = fit_transcription(pairs, _aligned, _counted, ROUNDS, KEEP)
    write_transcription(OUT, model, [
        "How likely each kana unit writes each run of Latin letters in foreign names:",
        "generated by bench/build_kana_transcription.py, do not edit.",
        f"Counted from {kept} of {len(pairs)} names JMnedict writes in katakana alone (CC BY-SA 3.0;",
        f"jamdict-data {version('jamdict-data')}) and the Latin names they write, none a name the dev sets ask for."])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
