"""Record every decision on a fixed sample, or check that the code still makes the same ones.

A speed-up must not change an answer. This builds the 100,000-person gallery
``bench_speed.py`` times, decides 3,000 queries with one or two typos, 1,000
names as written and 1,000 people who are not in the gallery, and writes each
decision (winner, method, and every candidate's id, form, method and
probability) to a pickle; ``--check`` compares the code under test against it.

    python bench/speed_reference.py --write /tmp/speed_ref.pkl   # before a change
    python bench/speed_reference.py --check /tmp/speed_ref.pkl   # after it
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import devsets

from namenorm import Resolver
from namenorm.model import Decision

TYPOS, EXACT, UNKNOWN = 3000, 1000, 1000
TOLERANCE = 1e-9

Record = tuple[str, str | None, str | None, tuple[tuple[str, str, str, float, float], ...]]
"""Query, winner id, winner method, and each candidate's (id, form, method, probability, similarity)."""


def sample(n: int, seed: int) -> tuple[list, list[str]]:
    """The gallery and the queries: typos, names as written, then unknown people."""
    census = devsets._census()
    entities = devsets._draw_persons(seed, n, census.first, f"speed{n}")
    rng = random.Random(f"{seed}:reference")
    picked = rng.sample(entities, TYPOS)
    typos = []
    for e in picked:
        text = e.name
        for _ in range(rng.choice((1, 2))):
            text = devsets._typo_in_text(text, rng.choice(devsets.TYPO_KINDS), rng) or text
        typos.append(text)
    exact = [e.name for e in rng.sample(entities, EXACT)]
    known = {e.name for e in entities}
    strangers = devsets._draw_persons(seed + 1, 3 * UNKNOWN, census.first, "reference-unknown")
    unknown = [e.name for e in strangers if e.name not in known][:UNKNOWN]
    return entities, typos + exact + unknown


def record(decision: Decision) -> Record:
    winner = decision.winner
    return (decision.name, winner.id if winner else None, winner.method if winner else None,
            tuple((m.id, m.form, m.method, m.score, m.similarity) for m in decision.matches))


def differences(expected: list[Record], found: list[Record]) -> list[str]:
    """Human-readable differences between two runs, empty when every decision agrees."""
    out = []
    for old, new in zip(expected, found, strict=True):
        same = (old[:3] == new[:3] and len(old[3]) == len(new[3])
                and all(a[:3] == b[:3] and abs(a[3] - b[3]) <= TOLERANCE and abs(a[4] - b[4]) <= TOLERANCE
                        for a, b in zip(old[3], new[3])))
        if not same:
            out.append(f"{old[0]!r}: expected {old[1:]}, found {new[1:]}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path)
    mode.add_argument("--check", type=Path)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    entities, names = sample(args.size, args.seed)
    started = time.perf_counter()
    engine = Resolver(entities).engine
    print(f"built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    started = time.perf_counter()
    found = [record(engine.decide(name)) for name in names]
    print(f"{len(names)} decisions in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if args.write:
        args.write.write_bytes(pickle.dumps(found))
        print(f"wrote {args.write}")
        return
    expected: list[Any] = pickle.loads(args.check.read_bytes())
    diffs = differences(expected, found)
    for line in diffs[:20]:
        print(line)
    print(f"{len(found) - len(diffs)} of {len(found)} decisions identical")
    sys.exit(1 if diffs else 0)


if __name__ == "__main__":
    main()
