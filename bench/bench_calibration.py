"""Accuracy, abstention and calibration on the report splits of the real-data dev sets.

    pip install '.[bench]'
    python bench/bench_calibration.py > bench/results/calibration.txt

For every dev set of ``devsets.py`` it resolves the REPORT split (the weights
and the default threshold were fitted on the tune split by ``fit_weights.py``)
at namenorm's defaults, and runs the baselines of ``baselines.py`` on the same
queries in the same process. It prints, per set and per group (script or
query kind): top-1 (right answers among names in the gallery), wrong answers,
false matches (answers for names not in the gallery) and queries per second;
then the reliability table over the queries that have a candidate: for each
band of predicted probability of the top candidate, how often that candidate
was right, and the expected calibration error; and the calibration pooled by
the query's script and by the top candidate's kind (``by_facet``), for a
probability should mean the same in each. A run over every set draws the
reliability diagram to docs/img/reliability.png and saves the figures to
bench/results/calibration.json.

``--threshold T`` answers at T instead of the model's own threshold, and records nothing: a
refit moves its threshold by as much as most changes move the figures (the census galleries'
quantile that holds it has a standard error of about 0.01), so a change is best judged by its
refitted model at the threshold of the model before as well as at its own.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import baselines
import devsets
from bench_support import pct
from docs_tables import facet_table

from namenorm import Resolver
from namenorm.normalize import folded_script

BINS = 10
PNG = ROOT / "docs" / "img" / "reliability.png"
JSON_OUT = HERE / "results" / "calibration.json"


def evaluate(devset: devsets.DevSet, threshold: float | None = None) -> dict[str, Any]:
    """namenorm at its defaults (or at ``threshold``) on the report split: figures, and
    (probability, correct) per query."""
    resolver = Resolver(devset.entities, place_names=devset.place_names, threshold=threshold)
    report = [q for q in devset.queries if q.split == "report"]
    resolver.engine.decide("warm up")
    started = time.perf_counter()
    decisions = [resolver.decide(q.text) for q in report]
    elapsed = time.perf_counter() - started
    groups: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    points, facets = [], []
    for q, d in zip(report, decisions):
        top = d.matches[0] if d.matches else None
        if top is not None:  # a query with no candidate predicts nothing to calibrate
            points.append((top.score, top.id == q.truth))
            facets.append({"script": folded_script(q.text).lower() or "other", "kind": top.kind,
                           "answered": d.winner is not None})
        for g in ("all", q.group):
            row = groups[g]
            if q.truth is None:
                row["unknown"] += 1
                row["fp"] += d.winner is not None
            else:
                row["known"] += 1
                row["right"] += d.winner is not None and d.winner.id == q.truth
                row["wrong"] += d.winner is not None and d.winner.id != q.truth
    table = {g: {"known": r["known"], "unknown": r["unknown"],
                 "top1": r["right"] / r["known"] if r["known"] else None,
                 "wrong": r["wrong"] / r["known"] if r["known"] else None,
                 "fp": r["fp"] / r["unknown"] if r["unknown"] else None}
             for g, r in groups.items()}
    return {"groups": table, "qps": len(report) / elapsed if elapsed else 0.0,
            "threshold": resolver.threshold, "points": points, "facets": facets}


def by_facet(points: list[tuple[float, bool]], facets: list[dict[str, Any]], facet: str
             ) -> dict[str, dict[str, float]]:
    """Calibration of the queries of every report split pooled by ``facet`` (the query's script,
    or the kind of its top candidate): the ECE over those with a candidate, and over those
    answered, the mean probability beside the share right."""
    pooled: dict[str, list[tuple[float, bool, bool]]] = defaultdict(list)
    for (p, ok), f in zip(points, facets):
        pooled[f[facet]].append((p, ok, f["answered"]))
    table = {}
    for value, rows in sorted(pooled.items(), key=lambda kv: -len(kv[1])):
        answered = [(p, ok) for p, ok, a in rows if a]
        table[value] = {"queries": len(rows), "ece": reliability([(p, ok) for p, ok, _ in rows])[1],
                        "answered": len(answered),
                        "predicted": sum(p for p, _ in answered) / len(answered) if answered else None,
                        "observed": sum(ok for _, ok in answered) / len(answered) if answered else None}
    return table


def reliability(points: list[tuple[float, bool]]) -> tuple[list[dict[str, float]], float]:
    """Per band of predicted probability: count, mean prediction, share correct; and the ECE."""
    bands: list[list[tuple[float, bool]]] = [[] for _ in range(BINS)]
    for p, ok in points:
        bands[min(int(p * BINS), BINS - 1)].append((p, ok))
    rows, ece = [], 0.0
    for k, band in enumerate(bands):
        if not band:
            continue
        predicted = sum(p for p, _ in band) / len(band)
        observed = sum(ok for _, ok in band) / len(band)
        ece += len(band) / len(points) * abs(predicted - observed)
        rows.append({"low": k / BINS, "high": (k + 1) / BINS, "n": len(band),
                     "predicted": predicted, "observed": observed})
    return rows, ece


def reliability_table(rows: list[dict[str, float]]) -> list[str]:
    """The reliability rows (``reliability``) as the lines of a Markdown table."""
    return ["| predicted | queries | mean predicted | observed right |", "|---|---:|---:|---:|",
            *(f"| {r['low']:.1f}-{r['high']:.1f} | {r['n']} | {r['predicted']:.3f} | {r['observed']:.3f} |"
              for r in rows)]


def draw(curves: dict[str, list[dict[str, float]]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5.5, 5.5), dpi=110)
    ax.plot([0, 1], [0, 1], color="grey", linestyle="--", linewidth=1, label="perfect calibration")
    for name, rows in curves.items():
        style = {"linewidth": 2.5, "color": "black"} if name == "all dev sets" else {"linewidth": 1, "alpha": 0.8}
        ax.plot([r["predicted"] for r in rows], [r["observed"] for r in rows], marker="o",
                markersize=3, label=name, **style)
    ax.set_xlabel("predicted probability of the top candidate")
    ax.set_ylabel("share of top candidates that were right")
    ax.set_title("namenorm reliability, report splits")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.legend(fontsize=7, loc="upper left")
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="*", default=list(devsets.SETS))
    parser.add_argument("--no-baselines", action="store_true")
    parser.add_argument("--threshold", type=float, help="answer at this probability, and record nothing")
    args = parser.parse_args()
    results: dict[str, Any] = {}
    all_points: list[tuple[float, bool]] = []
    all_facets: list[dict[str, Any]] = []
    curves = {}
    for name in args.sets:
        devset = devsets.build(name)
        print(f"{name}: evaluating", file=sys.stderr)
        ours = evaluate(devset, args.threshold)
        rows, ece = reliability(ours["points"])
        curves[name] = rows
        all_points.extend(ours.pop("points"))
        all_facets.extend(ours.pop("facets"))
        base = {} if args.no_baselines else baselines.run_baselines(devset)
        results[name] = {"source": devset.source, "entities": len(devset.entities), "namenorm": ours,
                         "baselines": base, "reliability": rows, "ece": ece}
    rows, ece = reliability(all_points)
    curves["all dev sets"] = rows
    facets = {facet: by_facet(all_points, all_facets, facet) for facet in ("script", "kind")}
    results["_all"] = {"reliability": rows, "ece": ece, "queries": len(all_points), **facets}
    if set(args.sets) == set(devsets.SETS) and args.threshold is None:  # only a full run at the defaults is the record
        draw(curves, PNG)
        JSON_OUT.parent.mkdir(exist_ok=True)
        JSON_OUT.write_text(json.dumps(results, indent=1, ensure_ascii=False, default=float) + "\n")
    for name in args.sets:
        r = results[name]
        ours = r["namenorm"]
        print(f"\n## {name} ({r['entities']:,} entities; {r['source']})")
        print(f"threshold {ours['threshold']}, {ours['qps']:,.0f} queries/s, ECE {r['ece']:.3f}\n")
        # Beside each group, unidecode + Jaro-Winkler (rapidfuzz) at its cutoff tuned for the set,
        # over its sample of the report split (baselines.run_baselines).
        jw = r["baselines"].get("jaro_winkler", {})
        jw_groups = {"all": jw, **jw.get("groups", {})}
        print("| group | known | unknown | namenorm top-1 | wrong | false matches "
              "| Jaro-Winkler top-1 | Jaro-Winkler false matches |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for g, t in sorted(ours["groups"].items(), key=lambda kv: (kv[0] != "all", kv[0])):
            b = jw_groups.get(g, {})
            print(f"| {g} | {t['known']} | {t['unknown']} | {pct(t['top1'])} | {pct(t['wrong'])} | {pct(t['fp'])} "
                  f"| {pct(b.get('top1'))} | {pct(b.get('fp'))} |")
        if r["baselines"]:
            print("\n| baseline | cutoff | top-1 | wrong | false matches |")
            print("|---|---:|---:|---:|---:|")
            for b, t in r["baselines"].items():
                cutoff = t.get("cutoff")
                print(f"| {b} | {'-' if cutoff is None else cutoff} | {pct(t.get('top1'))} | "
                      f"{pct(t.get('wrong'))} | {pct(t.get('fp'))} |")
    print(f"\n## Reliability, all report splits ({len(all_points):,} queries), ECE {ece:.3f}\n")
    print("\n".join(reliability_table(rows)))
    for facet, table in facets.items():
        print(f"\n## Calibration by {facet}, all report splits\n")
        print("\n".join(facet_table(table, facet)))


if __name__ == "__main__":
    main()
