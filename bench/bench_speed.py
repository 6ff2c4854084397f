"""Speed and memory at 10k, 100k and 1M entities, beside rapidfuzz in the same process.

    pip install '.[bench]'
    python bench/bench_speed.py --sizes 10000 100000 1000000 > bench/results/speed.txt

Galleries are real US Census names drawn with their frequencies (``devsets``).
Each size runs in a child process, so peak RSS is that size's own. For each it
times, single-threaded: building the index (``Resolver(...).engine``), exact
queries (gallery names as written) and queries with one or two typos, each
the median of three runs over cold query caches (``bench_core.time_resolve``), and reports top-1 and wrong
answers at the default threshold. The typo queries run again on the index as the cache stores
it and a later process reads it back (packed tables, arrays used in place), with a check that
the answers are the same. rapidfuzz ``process.extractOne`` (WRatio, its default processor)
runs on a sample of the same typo queries.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import bench_core
import devsets

from namenorm import Resolver, cache

QUERIES = 2000
REPEATS = 3
RAPIDFUZZ_SAMPLE = 100


def queries(entities: list[Any], seed: int) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    rng = random.Random(seed)
    picked = rng.sample(entities, min(QUERIES, len(entities)))
    exact = [(e.name, e.id) for e in picked]
    typos = []
    for e in picked:
        text = e.name
        for _ in range(rng.choice((1, 2))):
            text = devsets._typo_in_text(text, rng.choice(devsets.TYPO_KINDS), rng) or text
        typos.append((text, e.id))
    return exact, typos


def run_size(n: int, seed: int) -> dict[str, Any]:
    census = devsets._census()
    entities = devsets._draw_persons(seed, n, census.first, f"speed{n}")
    started = time.perf_counter()
    resolver = Resolver(entities)
    resolver.engine.decide("warm up")  # builds the index
    build = time.perf_counter() - started
    exact, typos = queries(entities, seed)
    exact_qps, _, _ = bench_core.time_resolve(resolver, [q for q, _ in exact], REPEATS)
    typo_qps, answers, _ = bench_core.time_resolve(resolver, [q for q, _ in typos], REPEATS)
    right = sum(1 for (_, truth), m in zip(typos, answers) if m is not None and m.id == truth)
    wrong = sum(1 for (_, truth), m in zip(typos, answers) if m is not None and m.id != truth)
    out: dict[str, Any] = {"n": n, "build_s": build, "exact_qps": exact_qps, "typo_qps": typo_qps,
                           "typo_top1": right / len(typos), "typo_wrong": wrong / len(typos)}
    try:
        from rapidfuzz import fuzz, process, utils

        choices = [e.name for e in entities]
        sample = [q for q, _ in typos[:RAPIDFUZZ_SAMPLE]]
        started = time.perf_counter()
        for q in sample:
            process.extractOne(q, choices, scorer=fuzz.WRatio, processor=utils.default_process)
        out["rapidfuzz_qps"] = len(sample) / (time.perf_counter() - started)
    except ImportError:
        out["rapidfuzz_qps"] = None
    out["peak_rss_mb"] = bench_core.maxrss_mb()
    # The same typo queries on the index as the cache stores it and a later process reads it
    # back (its tables packed, its arrays used in place).
    with tempfile.TemporaryDirectory() as tmp:
        cache.store(Path(tmp), "speed", resolver)
        stored = cache.fetch(Path(tmp), "speed")
        assert stored is not None
        stored_qps, stored_answers, _ = bench_core.time_resolve(stored, [q for q, _ in typos], REPEATS)
    out["stored_typo_qps"] = stored_qps
    out["stored_same_answers"] = ([(m.id, m.score) if m else None for m in stored_answers]
                                  == [(m.id, m.score) if m else None for m in answers])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_size(args.one, args.seed)))
        return
    rows = []
    for n in args.sizes:
        print(f"{n:,} entities...", file=sys.stderr)
        done = subprocess.run([sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)],
                              capture_output=True, text=True, check=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "speed.json").write_text(json.dumps(rows, indent=1) + "\n")
    print("| entities | build | peak RSS | exact q/s | typo q/s | stored, typo q/s | rapidfuzz WRatio q/s "
          "| typo q/s ratio | typo top-1 | wrong |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        rf = r["rapidfuzz_qps"]
        ratio = f"{r['typo_qps'] / rf:,.0f}x" if rf else "-"
        same = "" if r["stored_same_answers"] else " (other answers!)"
        print(f"| {r['n']:,} | {r['build_s']:.1f} s | {r['peak_rss_mb']:,.0f} MB | {r['exact_qps']:,.0f} "
              f"| {r['typo_qps']:,.0f} | {r['stored_typo_qps']:,.0f}{same} | {rf:,.1f} | {ratio} "
              f"| {100 * r['typo_top1']:.1f}% | {100 * r['typo_wrong']:.1f}% |")


if __name__ == "__main__":
    main()
