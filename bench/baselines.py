"""Off-the-shelf baselines for the dev sets of bench/devsets.py, run in the same process.

* ``wratio``: rapidfuzz ``process.extractOne`` with ``fuzz.WRatio`` (both sides through
  ``rapidfuzz.utils.default_process``) over every entity name and alias.
* ``jaro_winkler``: rapidfuzz ``process.extractOne`` with Jaro-Winkler similarity over
  unidecode-folded, lower-cased names and aliases.
* ``metaphone``: a query matches an entity when its metaphone key (``jellyfish.metaphone`` of the
  unidecode-folded lower-cased text) equals the key of the names of exactly one entity.

The two scored baselines take their score cutoff from the TUNE split: the cutoff maximizing
top-1 accuracy on known queries subject to false matches on unknown queries <= ``max_fp``. Top-1
only falls as the cutoff rises, so that is the lowest cutoff keeping the false matches within
bounds. The figures are then measured on the REPORT split:

* ``top1``: share of known queries answered with the right id;
* ``wrong``: share of known queries answered with a wrong id;
* ``fp``: share of unknown queries answered at all;

overall and per group, with the cutoff and the tune split's figures beside them. Shares are None
where a split has no query of that kind. Both splits are sampled down to ``limit_queries``
queries each (deterministically), since extractOne over a 20,000-name gallery takes ~15 ms a
query.

Requires: rapidfuzz, jellyfish, unidecode.

``python bench/baselines.py [SET ...]`` prints the figures for the named sets (default: all).
"""

from __future__ import annotations

import json
import math
import random
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import jellyfish
from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import JaroWinkler
from unidecode import unidecode

if TYPE_CHECKING:
    from devsets import DevSet, Query

MAX_FP = 0.02
"""Largest share of unknown tune queries a tuned cutoff may let through."""

# scores below these floors count as no match while tuning (extractOne prunes with them); no
# sensible cutoff is that low
_FLOORS = {"wratio": 50.0, "jaro_winkler": 0.5}

Answer = tuple[str | None, float]
"""The id a baseline answers (None: nothing found) and its score."""


def _fold(text: str) -> str:
    return " ".join(unidecode(text).lower().split())


def _forms(devset: DevSet) -> list[tuple[str, str]]:
    return [(form, e.id) for e in devset.entities for form in (e.name, *e.aliases)]


class _Scored:
    """extractOne over the gallery's forms, each prepared once."""

    def __init__(self, devset: DevSet, prep: Callable[[str], str],
                 scorer: Callable[..., float]):
        self.prep, self.scorer = prep, scorer
        first: dict[str, str] = {}
        for form, eid in _forms(devset):
            first.setdefault(prep(form), eid)   # a form two entities share goes to the first
        first.pop("", None)
        self.choices = list(first)
        self.ids = [first[c] for c in self.choices]

    def __call__(self, text: str, cutoff: float) -> Answer:
        query = self.prep(text)
        if not query or not self.choices:
            return None, 0.0
        best = process.extractOne(query, self.choices, scorer=self.scorer, processor=None,
                                  score_cutoff=cutoff)
        if best is None:
            return None, 0.0
        return self.ids[best[2]], float(best[1])


class _Metaphone:
    """A query's metaphone key against the keys of the gallery's forms."""

    def __init__(self, devset: DevSet):
        owners: dict[str, set[str]] = defaultdict(set)
        for form, eid in _forms(devset):
            key = self.key(form)
            if key:
                owners[key].add(eid)
        self.unique = {k: next(iter(v)) for k, v in owners.items() if len(v) == 1}

    @staticmethod
    def key(text: str) -> str:
        folded = _fold(text)
        return jellyfish.metaphone(folded) if folded else ""

    def __call__(self, text: str, cutoff: float) -> Answer:
        eid = self.unique.get(self.key(text))
        return eid, (1.0 if eid else 0.0)


def _sample(queries: list[Query], limit: int | None, seed: int, split: str) -> list[Query]:
    picked = [q for q in queries if q.split == split]
    if limit is None or len(picked) <= limit:
        return picked
    keep = set(random.Random(f"{seed}:{split}").sample(range(len(picked)), limit))
    return [q for i, q in enumerate(picked) if i in keep]


def choose_cutoff(scored: Sequence[tuple[Query, Answer]], max_fp: float = MAX_FP) -> float:
    """The lowest cutoff letting at most max_fp of the unknown queries through.

    Every answer scoring at least the cutoff counts; top-1 on the known queries can only fall as
    the cutoff rises, so this cutoff maximizes it within the bound on false matches.
    """
    unknown = sorted((s for q, (a, s) in scored if q.truth is None and a is not None), reverse=True)
    n_unknown = sum(1 for q, _ in scored if q.truth is None)
    allowed = math.floor(max_fp * n_unknown + 1e-9)
    if allowed >= len(unknown):
        return 0.0
    bar = unknown[allowed]       # this score and all below it must be refused
    above = [s for _, (a, s) in scored if a is not None and s > bar]
    return min(above) if above else math.nextafter(bar, math.inf)


def _share(num: int, den: int) -> float | None:
    return num / den if den else None


def _figures(scored: Sequence[tuple[Query, Answer]], cutoff: float) -> dict[str, Any]:
    n_known = n_unknown = right = wrong = fp = 0
    for q, (answer, score) in scored:
        answered = answer is not None and score >= cutoff
        if q.truth is None:
            n_unknown += 1
            fp += answered
        else:
            n_known += 1
            right += answered and answer == q.truth
            wrong += answered and answer != q.truth
    return {"n_known": n_known, "n_unknown": n_unknown, "top1": _share(right, n_known),
            "wrong": _share(wrong, n_known), "fp": _share(fp, n_unknown)}


def _report(tune: list[tuple[Query, Answer]], report: list[tuple[Query, Answer]],
            cutoff: float, seconds: float) -> dict[str, Any]:
    out = _figures(report, cutoff)
    out["cutoff"] = cutoff
    by_group: dict[str, list[tuple[Query, Answer]]] = defaultdict(list)
    for item in report:
        by_group[item[0].group].append(item)
    out["groups"] = {g: _figures(items, cutoff) for g, items in sorted(by_group.items())}
    out["tune"] = _figures(tune, cutoff)
    out["seconds"] = round(seconds, 2)
    return out


def run_baselines(devset: DevSet, *, limit_queries: int | None = 1500, seed: int = 7,
                  max_fp: float = MAX_FP,
                  cutoffs: dict[str, float] | None = None,
                  only: Sequence[str] | None = None) -> dict[str, dict[str, Any]]:
    """Run every baseline on a dev set: {baseline: figures} (see the module docstring).

    ``limit_queries`` caps the queries used from each split (None: all); ``cutoffs`` overrides
    the tuned cutoff of the named scored baselines (e.g. the cldr_places cutoffs for
    common_words, whose queries are all unknown); ``only`` names the baselines to run (all if None).
    """
    tune_q = _sample(devset.queries, limit_queries, seed, "tune")
    report_q = _sample(devset.queries, limit_queries, seed, "report")
    baselines: dict[str, tuple[Callable[[str, float], Answer], float]] = {
        "wratio": (_Scored(devset, utils.default_process, fuzz.WRatio), _FLOORS["wratio"]),
        "jaro_winkler": (_Scored(devset, _fold, JaroWinkler.normalized_similarity),
                         _FLOORS["jaro_winkler"]),
        "metaphone": (_Metaphone(devset), 1.0),
    }
    results: dict[str, dict[str, Any]] = {}
    for name, (match, floor) in baselines.items():
        if only is not None and name not in only:
            continue
        t0 = time.perf_counter()
        tune = [(q, match(q.text, floor)) for q in tune_q]
        if name == "metaphone":
            cutoff = 1.0
        elif cutoffs and name in cutoffs:
            cutoff = cutoffs[name]
        else:
            cutoff = max(choose_cutoff(tune, max_fp), floor)
        report = [(q, match(q.text, cutoff)) for q in report_q]
        results[name] = _report(tune, report, cutoff, time.perf_counter() - t0)
    return results


def _pct(x: float | None) -> str:
    return "     -" if x is None else f"{100 * x:5.1f}%"


def format_results(name: str, results: dict[str, dict[str, Any]]) -> str:
    lines = []
    for base, r in results.items():
        lines.append(f"{name:<18} {base:<13} cutoff {r['cutoff']:8.3f}  top1 {_pct(r['top1'])}  "
                     f"wrong {_pct(r['wrong'])}  fp {_pct(r['fp'])}  (n {r['n_known']}/"
                     f"{r['n_unknown']}; tune top1 {_pct(r['tune']['top1'])} fp "
                     f"{_pct(r['tune']['fp'])}; {r['seconds']:.1f}s)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    import devsets

    args = list(sys.argv[1:] if argv is None else argv)
    names = [a for a in args if not a.startswith("--")] or list(devsets.SETS)
    everything: dict[str, Any] = {}
    cldr_cutoffs: dict[str, float] | None = None
    for name in names:
        d = devsets.build(name)
        res = run_baselines(d)
        everything[name] = res
        print(format_results(name, res), flush=True)
        if name == "cldr_places":
            cldr_cutoffs = {k: v["cutoff"] for k, v in res.items()}
        if name == "common_words":   # all unknown: also at the cutoffs tuned on its gallery's set
            cldr_cutoffs = cldr_cutoffs or {k: v["cutoff"] for k, v in
                                            run_baselines(devsets.build("cldr_places")).items()}
            res = run_baselines(d, cutoffs=cldr_cutoffs)
            everything[name + "@cldr_places_cutoffs"] = res
            print(format_results(name + "@cldr", res), flush=True)
        print(flush=True)
    if "--json" in args:
        print(json.dumps(everything, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
