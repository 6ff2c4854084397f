"""How far a refit alone moves the report figures: the committed match model beside models
fitted as ``fit_weights.py`` fits it, each on the tune split less a fiftieth of its queries (those
whose text hashes to one of 50 buckets, a different bucket each refit), each with the threshold it
chooses.

    pip install '.[bench]'
    python bench/refit_spread.py --refits 4 > bench/results/refit_spread.txt    # about 30 minutes

Every change to the evidence is refitted before it is measured, and a refit moves the threshold
and every answer near it. A change whose figures move less than these refits do has not shown
anything yet; and a model kept because its refit happened to land well flatters its own figures
by as much as the committed model stands above the refits here.

The figures are those of the candidates' probabilities as ``fit_weights.py`` weighs them
(``fit_weights.top_answers`` on the report split's candidates): what ``bench_calibration.py``
measures through ``Resolver.decide``, which applies a few rules of its own after the probabilities,
within a point on every set (wiki_cross_script's top-1 91.5% here, 90.7% there, under the model of
0.9095).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import devsets
import fit_weights

from namenorm.scoring import MatchModel, default_model

BUCKETS = 50
"""A refit leaves out the tune queries of one of this many buckets (by a hash of their text)."""

Rows = dict[str, list[tuple]]


def _without_bucket(per_set: Rows, bucket: int) -> Rows:
    return {name: [row for row in data if zlib.crc32(row[2].text.encode("utf-8")) % BUCKETS != bucket]
            for name, data in per_set.items()}


def _figures(model: MatchModel, threshold: float, report: Rows
             ) -> dict[str, tuple[float | None, float | None, list[tuple[bool, bool]]]]:
    """Per set: top-1 over its known names, the share of its strangers answered, and per query
    whether it is answered and whether its top candidate is right (to count the answers two
    models give differently)."""
    out = {}
    for name, data in report.items():
        answers = fit_weights.top_answers(model, data)
        known = [p >= threshold and right for p, right, q in answers if q.truth is not None]
        strangers = [p >= threshold for p, _, q in answers if q.truth is None]
        out[name] = (sum(known) / len(known) if known else None,
                     sum(strangers) / len(strangers) if strangers else None,
                     [(p >= threshold, right) for p, right, _ in answers])
    return out


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--refits", type=int, default=4, help="models fitted, each without another bucket")
    args = parser.parse_args()
    started = time.time()
    per_set = {devset.name: fit_weights.gather(devset, "tune") for devset in fit_weights._fitted_sets()}
    held_to = fit_weights.threshold_rows(started)
    report = {name: fit_weights.gather(devsets.build(name), "report") for name in devsets.SETS}
    print(f"gathered ({time.time() - started:.0f} s)", file=sys.stderr)
    committed = default_model()
    figures = [_figures(committed, committed.threshold, report)]
    thresholds = [committed.threshold]
    for bucket in range(args.refits):
        rows = _without_bucket(per_set, bucket)
        model = fit_weights.tree_model(rows)
        answers = fit_weights.held_out_answers(rows, fit_weights.tree_model)
        for name, more in fit_weights.fitted_answers(model, held_to).items():
            answers.setdefault(name, []).extend(more)
        threshold, _ = fit_weights.choose_threshold(answers)
        thresholds.append(threshold)
        figures.append(_figures(model, threshold, report))
        print(f"refit {bucket + 1} of {args.refits}: threshold {threshold} ({time.time() - started:.0f} s)",
              file=sys.stderr)
    print(f"# Report figures of the committed model and of {args.refits} refits, each without a "
          f"{BUCKETS}th of the tune queries\n")
    print("thresholds: committed " + f"{thresholds[0]:.4f}; refits " + ", ".join(f"{t:.4f}" for t in thresholds[1:]) + "\n")
    print("| set | committed top-1 | refits' top-1: lowest, median, highest | committed false matches "
          "| refits' false matches: lowest, highest | answers unlike the committed model's (median) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in report:
        top1 = [f[name][0] for f in figures[1:] if f[name][0] is not None]
        false = [f[name][1] for f in figures[1:] if f[name][1] is not None]
        base = figures[0][name]
        changed = [sum(a != b for a, b in zip(base[2], f[name][2])) / max(len(base[2]), 1) for f in figures[1:]]
        spread = (f"{min(top1):.1%}, {statistics.median(top1):.1%}, {max(top1):.1%}" if top1 else "-")
        false_spread = f"{min(false):.1%}, {max(false):.1%}" if false else "-"
        print(f"| {name} | {_share(base[0])} | {spread} | {_share(base[1])} | {false_spread} "
              f"| {statistics.median(changed):.1%} |")


if __name__ == "__main__":
    main()
