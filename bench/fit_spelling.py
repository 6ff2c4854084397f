"""Learn the letter costs between romanized names and their Latin spellings from real name pairs.

    python bench/fit_spelling.py            # writes namenorm/_data/spelling_costs.json

The pairs are the countries' names in other scripts against their English names, as
``namenorm.places.country_names`` holds them (Debian iso-codes, through pycountry): 15,000
names in 28 scripts. None of the dev sets' data (CLDR, census names, the project's TSVs) is
read. Their cities and people are names the costs were not learned from; their countries are
the same countries, often under the same names, since CLDR and iso-codes mostly agree.

Each name is romanized as a query is (``normalize_name``), both sides with their double letters
written once as the costs compare them (``namenorm.spelling.single_letters``), and aligned with the closest of
its country's English names by a weighted edit distance (``namenorm.spelling.alignment``).
The costs are then estimated by hard EM: align every pair at the current costs, count the
edits, and set each edit's cost to its negative log probability (a romanized letter's chance
to become each Latin letter or none, a Latin letter's chance to be added); repeat. Many names
are translations, not transliterations (ドイツ for Germany), so each round leaves out the
quarter of each script's pairs that align worst. A script's own counts are pooled with all
scripts' (``BACKOFF`` pseudo-counts), so a rare letter costs what it costs in general.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from namenorm.normalize import normalize_name, script_of
from namenorm.places import country_names
from namenorm.spelling import LetterCosts, alignment, single_letters

OUT = HERE.parent / "namenorm" / "_data" / "spelling_costs.json"
LETTERS = "abcdefghijklmnopqrstuvwxyz"
ROUNDS = 6
KEEP = 0.75
"""Share of each script's pairs, the best aligned, whose edits are counted in a round."""
MIN_PAIRS = 150
"""Fewest pairs a script needs for a table of its own; others use the pooled table."""
BACKOFF = 30.0
"""Pseudo-counts by which the pooled probabilities smooth a script's own."""
SMOOTHING = 0.5
"""Pseudo-count of every edit in the pooled table, so no edit is impossible."""
UNSEEN = 12.0
"""Bits charged for an edit with a character outside a-z."""


def training_pairs() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Script -> (romanized name, its country's English names), each distinct pair once."""
    pairs: dict[str, set[tuple[str, tuple[str, ...]]]] = defaultdict(set)
    for english, others in country_names():
        targets = tuple(sorted({single_letters(normalize_name(e)) for e in english}))
        for name in others:
            script = script_of(name)
            romanized = single_letters(normalize_name(name))
            if script != "LATIN" and romanized and romanized.isascii():
                pairs[script].add((romanized, targets))
    return {script: sorted(found) for script, found in pairs.items()}


def pairs_digest(pairs: dict[str, list[tuple[str, tuple[str, ...]]]]) -> str:
    """A digest of the training pairs, which the costs file keeps: when the readings change, the
    pairs do, and the costs file no longer matches what this script would write from them (a
    test compares the two)."""
    return hashlib.sha256(json.dumps(pairs, sort_keys=True).encode("utf-8")).hexdigest()


def initial_costs() -> LetterCosts:
    """A plain edit distance in bits: a kept letter nearly free, a vowel for a vowel cheaper."""
    vowels = set("aeiouy")
    substitute = {a: {b: 0.2 if a == b else 2.0 if a in vowels and b in vowels else 4.0 for b in LETTERS}
                  for a in LETTERS}
    return LetterCosts(substitute, dict.fromkeys(LETTERS, 3.0), dict.fromkeys(LETTERS, 3.0), UNSEEN)


@dataclass
class Probabilities:
    """One table's edit probabilities: a Latin letter added at a step, and what each romanized
    letter becomes (a Latin letter, or nothing: ``""``)."""

    add: float
    added: dict[str, float]
    becomes: dict[str, dict[str, float]]

    def costs(self) -> LetterCosts:
        keep = -math.log2(1.0 - self.add)
        return LetterCosts({a: {b: round(keep - math.log2(row[b]), 3) for b in LETTERS} for a, row in self.becomes.items()},
                           {a: round(keep - math.log2(row[""]), 3) for a, row in self.becomes.items()},
                           {b: round(-math.log2(self.add) - math.log2(p), 3) for b, p in self.added.items()},
                           UNSEEN)


def estimate(counts: Counter[tuple[str, str]], prior: Probabilities | None) -> Probabilities:
    """The edit probabilities the counted edits give, smoothed by ``prior`` (the pooled table)
    or, for the pooled table itself, by ``SMOOTHING`` pseudo-counts of every edit."""
    from_letter: dict[str, Counter[str]] = defaultdict(Counter)
    added: Counter[str] = Counter()
    for (a, b), n in counts.items():
        if a:
            from_letter[a][b] += n
        else:
            added[b] += n
    n_added, n_read = sum(added.values()), sum(counts.values()) - sum(added.values())
    outcomes = [*LETTERS, ""]

    def smoothed(found: Counter[str], keys: list[str], prior_row: dict[str, float] | None) -> dict[str, float]:
        total = sum(found.values())
        if prior_row is None:
            return {k: (found[k] + SMOOTHING) / (total + SMOOTHING * len(keys)) for k in keys}
        return {k: (found[k] + BACKOFF * prior_row[k]) / (total + BACKOFF) for k in keys}

    return Probabilities(
        add=(n_added + 1.0) / (n_added + n_read + 2.0),
        added=smoothed(added, list(LETTERS), prior.added if prior else None),
        becomes={a: smoothed(from_letter[a], outcomes, prior.becomes[a] if prior else None) for a in LETTERS})


def fit(pairs: dict[str, list[tuple[str, tuple[str, ...]]]]) -> dict[str, LetterCosts]:
    """Hard EM: align, count the edits of the best-aligned pairs, re-estimate; ``ROUNDS`` times."""
    tables = {"*": initial_costs()}
    for round_ in range(ROUNDS):
        counts: dict[str, Counter[tuple[str, str]]] = {}
        kept_bits = []
        for script, items in pairs.items():
            costs = tables.get(script, tables["*"])
            aligned = []
            for romanized, targets in items:
                cost, edits = min((alignment(romanized, t, costs) for t in targets), key=lambda ce: ce[0])
                aligned.append((cost / len(romanized), edits))
            aligned.sort(key=lambda ce: ce[0])
            kept = aligned[:max(1, int(len(aligned) * KEEP))]
            kept_bits.append(sum(c for c, _ in kept) / len(kept))
            counts[script] = Counter(edit for _, edits in kept for edit in edits)
        pooled = estimate(sum(counts.values(), Counter()), None)
        tables = {"*": pooled.costs()}
        tables.update({script: estimate(found, pooled).costs() for script, found in counts.items()
                       if len(pairs[script]) >= MIN_PAIRS})
        print(f"round {round_ + 1}: mean bits per letter of the kept pairs {sum(kept_bits) / len(kept_bits):.3f}",
              file=sys.stderr)
    return tables


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="print the result, write nothing")
    args = parser.parse_args()
    pairs = training_pairs()
    print(", ".join(f"{script} {len(items)}" for script, items in sorted(pairs.items(), key=lambda kv: -len(kv[1]))),
          file=sys.stderr)
    tables = fit(pairs)
    data = {
        "_generated": "by bench/fit_spelling.py from namenorm/_data/country_names.tsv; do not edit",
        "_pairs_sha256": pairs_digest(pairs),
        "scripts": {script: costs.to_json() for script, costs in sorted(tables.items())},
    }
    if args.dry_run:
        print(f"{len(tables)} tables", file=sys.stderr)
        return
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT} ({len(tables)} tables)", file=sys.stderr)


if __name__ == "__main__":
    main()
