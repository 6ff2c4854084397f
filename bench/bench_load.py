#!/usr/bin/env python
"""Loading large galleries: YAML, JSON Lines and the compiled cache, beside PyYAML and json.

    python bench/bench_load.py [--sizes 100000 1000000] > bench/results/load.txt

For each size it writes a gallery of people (id, name, kind, one alias, as a database export
would) as YAML and as JSON Lines, and times in a fresh child process each (peak RSS is that
child's own):

* ``namenorm.load(path, cache=False)``: read, check and merge the entities (the lookup tables
  are compiled on first use, not here);
* the first ``namenorm.load(path)`` with a cache: the same, plus compiling the tables and
  writing them to the cache;
* the second ``namenorm.load(path)``: reading the compiled resolver back;
* baselines: ``yaml.load`` with PyYAML's C loader, and ``json.loads`` of every line, which
  build plain dicts and check nothing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
start = time.perf_counter()
{work}
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

WORK = {
    "namenorm.load, no cache": "import namenorm; r = namenorm.load({path!r}, cache=False)",
    "namenorm.load, compile and cache": "import namenorm; r = namenorm.load({path!r}, cache_dir={cache!r})",
    "namenorm.load, from the cache": "import namenorm; r = namenorm.load({path!r}, cache_dir={cache!r})",
}
BASELINES = {
    ".yaml": ("yaml.load (C loader)",
              "import yaml; d = yaml.load(open({path!r}, encoding='utf-8'), Loader=yaml.CSafeLoader)"),
    ".jsonl": ("json.loads per line", "d = [json.loads(line) for line in open({path!r}, encoding='utf-8')]"),
}


def write_galleries(directory: Path, size: int) -> list[Path]:
    yaml_path, jsonl_path = directory / f"people{size}.yaml", directory / f"people{size}.jsonl"
    with yaml_path.open("w", encoding="utf-8") as y, jsonl_path.open("w", encoding="utf-8") as j:
        y.write("entities:\n")
        for i in range(size):
            name, alias = f"Person{i} Surname{i % 50_000}", f"P. Surname{i}"
            y.write(f"  - id: p{i}\n    name: {name}\n    kind: person\n    aliases: [{alias}]\n")
            j.write(json.dumps({"id": f"p{i}", "name": name, "kind": "person", "aliases": [alias]}) + "\n")
    return [yaml_path, jsonl_path]


def timed(work: str) -> tuple[float, float]:
    code = CHILD.format(root=str(HERE.parent), work=work)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, megabytes = out.stdout.split()
    return float(seconds), float(megabytes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    args = parser.parse_args()
    print(f"{'gallery':28} {'step':36} {'seconds':>8} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            for path in write_galleries(Path(tmp), size):
                label = f"{size:,} people, {path.suffix[1:]} ({path.stat().st_size / 1e6:.0f} MB)"
                cache = str(Path(tmp) / f"cache{size}{path.suffix}")
                steps = [(step, work) for step, work in WORK.items()] + [BASELINES[path.suffix]]
                for step, work in steps:
                    seconds, megabytes = timed(work.format(path=str(path), cache=cache))
                    print(f"{label:28} {step:36} {seconds:8.1f} {megabytes:8.0f}", flush=True)


if __name__ == "__main__":
    main()
