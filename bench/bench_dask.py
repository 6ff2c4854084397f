#!/usr/bin/env python
"""Throughput of namenorm.dask on a local cluster of worker processes, beside one process.

    pip install '.[bench,dask]'
    python bench/bench_dask.py [--rows 200000] [--distinct 20000] > bench/results/dask.txt

Rows are names drawn from the bundled alias file's forms, a third of them with one letter
dropped or doubled, plus strangers (Faker names): ``--distinct`` different strings repeated to
``--rows`` rows, as a column of a real table repeats its values. It times
``namenorm.pandas.resolve_series`` in this process, then ``namenorm.dask.resolve_names`` on a
LocalCluster of 1 and 2 worker processes (one thread each), cluster start-up excluded, and
checks that every run gives the same frame.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import dask.dataframe as dd
import distributed
import pandas as pd
from faker import Faker

import namenorm
from namenorm.dask import resolve_names
from namenorm.pandas import resolve_series


def names_column(rows: int, distinct: int, seed: int) -> pd.Series:
    rng = random.Random(seed)
    Faker.seed(seed)
    fake = Faker("en_US")
    forms = sorted({f for e in namenorm.default_resolver() for f in (e.name, *e.aliases) if f.isascii()})
    pool = []
    for _ in range(distinct):
        roll = rng.random()
        if roll < 0.3:
            pool.append(fake.name())
            continue
        form = rng.choice(forms)
        if roll < 0.6 and len(form) > 4:
            cut = rng.randrange(1, len(form))
            form = form[:cut] + form[cut + 1:] if rng.random() < 0.5 else form[:cut] + form[cut - 1:]
        pool.append(form)
    return pd.Series([rng.choice(pool) for _ in range(rows)], name="name")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--distinct", type=int, default=20_000)
    parser.add_argument("--partitions", type=int, default=16)
    args = parser.parse_args()
    names = names_column(args.rows, args.distinct, 7)
    resolver = namenorm.default_resolver()
    resolver.resolve("warm up")
    start = time.perf_counter()
    expected = resolve_series(names, resolver, progress=False)
    single = time.perf_counter() - start
    print(f"{args.rows:,} rows, {names.nunique():,} distinct names, {args.partitions} partitions")
    print(f"{'run':36} {'seconds':>8} {'rows/s':>10} {'speed-up':>9}")
    print(f"{'resolve_series, this process':36} {single:8.1f} {args.rows / single:10,.0f} {1.0:9.2f}")
    for workers in (1, 2):
        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as cluster, distributed.Client(cluster):
            frame = dd.from_pandas(names, npartitions=args.partitions)
            start = time.perf_counter()
            result = resolve_names(frame, resolver).compute()
            took = time.perf_counter() - start
        pd.testing.assert_frame_equal(result, expected)
        label = f"resolve_names, {workers} worker process{'es' if workers > 1 else ''}"
        print(f"{label:36} {took:8.1f} {args.rows / took:10,.0f} {single / took:9.2f}")


if __name__ == "__main__":
    main()
