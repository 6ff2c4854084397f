"""Does a probability mean the same in a gallery of 200 people and in one of 100,000?

    pip install '.[bench]'
    python bench/bench_scale.py > bench/results/scale.txt
    python bench/bench_scale.py --sizes 2000 1000000        # other sizes

The match model was fitted on dev sets whose galleries hold at most 20,000 entities, and one
default threshold is meant to serve every gallery. This builds census_typos (``devsets``) with
its gallery drawn at each size (the same recipe: census names by frequency; typos, respellings,
"Last, First" and surnames alone for the people in it; held-out surnames and new pairings of
gallery names for the people not in it) and measures, on its report split, what
``bench_calibration.py`` measures on the dev sets: top-1, wrong answers, false matches, and
predicted probability against the share observed right. Beside it, rapidfuzz's ``extractOne``
with WRatio, the best baseline on census_typos (``baselines.py``), its cutoff tuned on the size's
own tune split against a 2% false-match cap, on a sample of each split (``baseline_queries``:
1,500 queries, as ``bench_calibration.py`` samples, fewer in galleries over 100,000).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import baselines
import devsets
from bench_calibration import evaluate, reliability, reliability_table
from bench_support import pct

SIZES = (200, 500, 2_000, 5_000, 20_000, 100_000)


def baseline_queries(gallery: int) -> int:
    """Queries per split WRatio is run on: extractOne compares each with the whole gallery, so
    the sample shrinks beyond 100,000 people (to 300 at a million)."""
    return max(300, min(1_500, 150_000_000 // gallery))


def _cutoff(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=list(SIZES))
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    summary, tables = [], []
    for size in args.sizes:
        started = time.perf_counter()
        devset = devsets.census_at(size, seed=args.seed)
        ours = evaluate(devset)
        rows, ece = reliability(ours.pop("points"))
        base = baselines.run_baselines(devset, limit_queries=baseline_queries(size), seed=args.seed,
                                       only=("wratio",)).get("wratio", {})
        mine = ours["groups"]["all"]
        summary.append(f"| {size:,} | {mine['known']} | {mine['unknown']} | {pct(mine['top1'])} | {pct(mine['wrong'])} "
                       f"| {pct(mine['fp'])} | {ece:.3f} | {pct(base.get('top1'))} | {pct(base.get('fp'))} "
                       f"| {_cutoff(base.get('cutoff'))} |")
        tables.append("\n".join([f"\n### {size:,} people (ECE {ece:.3f})\n", *reliability_table(rows)]))
        print(f"{size:,}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
        del devset
        gc.collect()
    print(f"census_typos at several gallery sizes, report split, default threshold {ours['threshold']}\n")
    print("| gallery | known | unknown | namenorm top-1 | wrong | false matches | ECE "
          "| WRatio top-1 | WRatio false matches | its cutoff |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print("\n".join(summary))
    print("\n## Reliability of the top candidate, per gallery size")
    print("\n".join(tables))


if __name__ == "__main__":
    main()
