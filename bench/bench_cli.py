#!/usr/bin/env python
"""How long one ``namenorm resolve NAME`` call takes on the bundled file, beside bare Python.

    python bench/bench_cli.py [--runs 15] > bench/results/cli.txt

Each call is a fresh process, ``python -m namenorm resolve NAME``, with the compiled bundled
file already in a cache directory of its own (the first call, not timed, writes it) and with
bytecode compiled (into a directory of its own, so a source checkout stays clean), as an
installed copy runs. The baselines run in the same loop, interleaved, so a busy machine slows
them alike: an empty Python process, and one that only imports namenorm's three dependencies.
Reported: the median and fastest of ``--runs`` calls, and the median over the empty process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

QUERIES = ("Rafensperger", "트럼프", "Москва")
"""A misspelt Latin name, a name in Hangul (read across scripts), a city in Cyrillic."""


def _time(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "XDG_CACHE_HOME": str(Path(scratch) / "cache"),
               "PYTHONPYCACHEPREFIX": str(Path(scratch) / "bytecode"), "PYTHONPATH": str(ROOT)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.pop("NAMENORM_NO_CACHE", None)
        commands = {"python -c pass (empty process)": [sys.executable, "-c", "pass"],
                    "python -c 'import yaml, jellyfish, unidecode'":
                        [sys.executable, "-c", "import yaml, jellyfish, unidecode"]}
        for query in QUERIES:
            commands[f"namenorm resolve {query}"] = [sys.executable, "-m", "namenorm", "resolve", query]
        for command in commands.values():
            _time(command, env)  # writes the cache and the bytecode
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(_time(command, env))
    empty = statistics.median(times["python -c pass (empty process)"])
    print(f"{'command':46} {'median s':>9} {'fastest s':>10} {'over empty':>11}")
    for name, measured in times.items():
        median = statistics.median(measured)
        print(f"{name:46} {median:9.3f} {min(measured):10.3f} {median - empty:11.3f}")
    print(f"\n{args.runs} runs each, interleaved; the bundled file compiled and cached before the first.")


if __name__ == "__main__":
    main()
