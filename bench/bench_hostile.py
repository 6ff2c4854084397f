#!/usr/bin/env python
"""Hostile and heavy input: worst-case scan throughput beside news-like text, and the time and
peak memory of inputs that once grew faster than their size.

    python bench/bench_hostile.py [--chars 200000] > bench/results/hostile.txt

Scan throughput (seconds per MB of text, median of three runs, bundled alias file, one core)
is printed for news-like prose (Faker paragraphs with a known name every ~300 characters) and
for text built to be slow: one hyphenated run of a name ("Joe-Joe-..."), one name repeated,
Hangul words, a chain of titles ("Sen. Sen. ..."), capitalized non-words, and runs of random
first names or random Hangul syllables that never repeat a span. The ratio column is each
case's time over the news text's; the target is 10x.

Each load case runs in a child process and reports its wall time and peak RSS: one alias of
20,000 x "ab", one alias of 30,000 words (then a scan), 20,000 people sharing the surname Kim
(then a 30 kB scan of "Mr. Kim"), and 40,000 aliases on one entity.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import namenorm

REPEATS = 3


def news_text(resolver: namenorm.Resolver, chars: int, rng: random.Random) -> str:
    from faker import Faker

    fake = Faker("en_US")
    Faker.seed(7)
    names = sorted(e.name for e in resolver if e.kind in ("person", "place"))
    parts: list[str] = []
    size = 0
    while size < chars:
        sentence = fake.paragraph(nb_sentences=3)
        cut = rng.randrange(len(sentence))
        cut = sentence.rfind(" ", 0, cut) + 1
        piece = f"{sentence[:cut]}{rng.choice(names)} {sentence[cut:]} "
        parts.append(piece)
        size += len(piece)
    return "".join(parts)[:chars]


def hostile_texts(resolver: namenorm.Resolver, chars: int, rng: random.Random) -> dict[str, str]:
    def fill(unit: str) -> str:
        return (unit * (chars // len(unit) + 1))[:chars]

    first_names = sorted({e.name.split()[0] for e in resolver if e.kind == "person"})
    words = [rng.choice(first_names) for _ in range(chars // 4)]
    syllables = [
        "".join(chr(rng.randrange(0xAC00, 0xD7A4)) for _ in range(rng.randint(2, 4))) for _ in range(chars // 3)
    ]
    return {
        "Joe-Joe-...": fill("Joe-"),
        "Georgia Georgia ...": fill("Georgia "),
        "Hangul words": fill("래펜스퍼거 트럼프 조지아 "),
        "Sen. Sen. ...": fill("Sen. "),
        "Xyz Qwv ...": fill("Xyz Qwv "),
        "random first names, hyphens": "-".join(words)[:chars],
        "random first names, spaces": " ".join(words)[:chars],
        "random Hangul syllables": " ".join(syllables)[:chars],
    }


def seconds_per_mb(resolver: namenorm.Resolver, text: str) -> float:
    times = []
    for _ in range(REPEATS):
        resolver.engine.index.words.clear_query_cache()
        start = time.perf_counter()
        resolver.scan(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times) / len(text) * 1_000_000


LOAD_CASES = {
    "one alias of 20,000 x 'ab'": (
        "entities:\n  - id: x\n    name: Xavier Quint\n    aliases: [{}]\n".format("ab" * 20_000),
        "r.resolve('Xavier Quint'); r.resolve('ab' * 20)",
    ),
    "one alias of 30,000 words, then a scan": (
        "entities:\n  - id: x\n    name: Xavier Quint\n    aliases: ['{}']\n".format(
            " ".join(f"w{i}" for i in range(30_000))),
        "r.scan('Xavier Quint said w1 w2 w3')",
    ),
    "20,000 people named Kim, then a 30 kB scan": (
        "entities:\n" + "".join(f"  - {{id: k{i}, name: 'Person{i} Kim', kind: person}}\n" for i in range(20_000)),
        "r.scan('Yesterday Mr. Kim said hello. ' * 1000)",
    ),
    "40,000 aliases on one entity": (
        "entities:\n  - id: x\n    name: Xavier Quint\n    aliases:\n"
        + "".join(f"      - alias{i % 30_000}\n" for i in range(40_000)),
        "r.resolve('alias5')",
    ),
}

CHILD = """
import resource, sys, time
sys.path.insert(0, {root!r})
import namenorm
start = time.perf_counter()
r = namenorm.load({path!r}, cache=False)
{work}
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def load_case(text: str, work: str) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "case.yaml"
        path.write_text(text, encoding="utf-8")
        code = CHILD.format(root=str(HERE.parent), path=str(path), work=work)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, megabytes = out.stdout.split()
    return float(seconds), float(megabytes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=200_000, help="characters of text per scan case")
    args = parser.parse_args()
    # Before this process grows: a child's peak RSS starts from its parent's on Linux.
    print(f"{'load case (child process)':44} {'seconds':>8} {'peak MB':>8}")
    for name, (text, work) in LOAD_CASES.items():
        seconds, megabytes = load_case(text, work)
        print(f"{name:44} {seconds:8.2f} {megabytes:8.0f}")
    print()
    rng = random.Random(7)
    resolver = namenorm.default_resolver()
    resolver.resolve("warm up")
    news = seconds_per_mb(resolver, news_text(resolver, args.chars, rng))
    print(f"scan, bundled alias file, {args.chars:,} characters a case, median of {REPEATS}")
    print(f"{'text':32} {'s/MB':>8} {'x news':>7}")
    print(f"{'news-like prose':32} {news:8.1f} {1.0:7.1f}")
    for name, text in hostile_texts(resolver, args.chars, rng).items():
        cost = seconds_per_mb(resolver, text)
        print(f"{name:32} {cost:8.1f} {cost / news:7.1f}")


if __name__ == "__main__":
    main()
