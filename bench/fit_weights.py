"""Fit the match model and its default threshold from real name data.

    pip install '.[bench]'
    python bench/fit_weights.py            # writes namenorm/_data/match_weights.json

For every query of the TUNE split of every dev set (``devsets.py``) but the report-only ones, and
of the same sets with a tenth and a hundredth of their galleries where that leaves at least
``MIN_SUBSAMPLE`` entities (``SUBSAMPLES``; census_typos drawn afresh at those sizes, and at the
larger ones of ``devsets.THRESHOLD_GALLERIES``), the decision engine gathers its candidates and their evidence exactly as
``resolve`` does. Each candidate is a row labelled 1 when it is the true
entity. A boosted ensemble of small regression trees (scikit-learn's
gradient boosting on the log loss, depth 3, leaves of at least ``MIN_LEAF``
rows) learns each candidate's log odds of being the entity meant; the rival
evidence (close rivals, lead) is among its features. Organisations' candidates are left out of
it, and their slips get trees of their own, boosted from what it says of them (``KIND_TREES``);
places' candidates are in it, and their slips get such trees too (``SHARED_KINDS``).
``--bags N`` averages N such ensembles instead, each tree of each fitted on its own random
``SUBSAMPLE`` of the rows (their trees together, every leaf divided by N): a steadier threshold,
at N times the trees to evaluate (``docs/benchmarks-history.md``, "Refits tried"). At run time the
candidates share the probability with "not in the gallery" at utility 0
(``scoring.probabilities_of``): for a lone candidate that is exactly the
fitted probability, for several it is a normalization the fit did not see,
which is why ``bench_calibration.py`` measures calibration on the report
splits rather than assuming it. ``--linear`` fits the plain conditional logit
instead (Newton's method, small ridge penalty), the model's simplest form.
Each dev set, its smaller galleries included, weighs the same in total, so no single source
dominates.

The default threshold is the probability (to four decimals) above which no dev set's
tune split (its galleries of every size together), no set of ``devsets.THRESHOLD_ONLY`` (whose
queries the model is not fitted on), and no census gallery of ``devsets.THRESHOLD_GALLERIES`` (on its
own: ``held_as``, with its further draws ``devsets.THRESHOLD_DRAWS``, never fitted on) holds more
than ``MAX_FALSE_MATCHES`` of its
unknown names' top probabilities: the highest of the sets' quantiles, each estimated as Harrell and
Davis do (``choose_threshold``), on held-out probabilities: each tune query's from a model fitted on
the other ``FOLDS`` folds of the tune split (``held_out_answers``). Steps of 0.01 overshot the point
where the cap is met by up to a hundredth, which cost one to three points of top-1 on every set;
counting the unknowns answered at each threshold moved it with any change that moved one unknown
name. The report split is never read here; ``bench_calibration.py`` measures on it.

``--in-sample`` chooses the threshold on the probabilities of the model fitted on those very
queries instead, as the default did until the model of 0.8944: a model flatters the queries it was
fitted on, and its threshold came out 0.02 to 0.05 lower (0.8669 against 0.9166 for the trees
it was first chosen for), which answered twice the strangers the cap allows on the sets it was not fitted on
(names_as_places 2.7%) and in scanned text (docs/benchmarks-history.md, "Threshold chosen on held-out
probabilities").
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence, Sized
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import devsets

from namenorm.aliases import default_given_names, default_titles
from namenorm.decide import Engine
from namenorm.index import Index
from namenorm.scoring import (
    FEATURES,
    KIND_FEATURES,
    MatchModel,
    Tree,
    feature_rows,
    kind_trees_apply,
    probabilities_of,
)

OUT = HERE.parent / "namenorm" / "_data" / "match_weights.json"
TREES = 300
"""Boosting rounds: 150 left the trees no room for the foreign-word rows without losing calibration elsewhere."""
DEPTH = 3
LEARNING_RATE = 0.1
BAGS = 1
"""Boosted ensembles averaged (``--bags``). Five moved the threshold less with the code than one
did (0.895 -> 0.893 where one fit went 0.876 -> 0.890), but cost a fifth to a third of the
exact queries' speed and a point of top-1 on typos; one is the default."""
SUBSAMPLE = 0.8
"""Share of the rows each tree of a bagged ensemble is fitted on."""
MIN_LEAF = 200
"""Fewest rows a leaf holds: leaves fitted to a handful of queries do not generalize."""
RIDGE = 1.0
"""L2 penalty on every weight but the bias (in units of one query's log-likelihood)."""
SUBSAMPLES = (0.1, 0.01)
"""Each dev set is also fitted with galleries of these shares of its entities (``devsets.subsampled``)
where that leaves at least ``MIN_SUBSAMPLE`` of them: fitted at one gallery size per set, the
model read gallery size as which set a gallery came from, and weighed a gallery of 2,000 people,
or of four, by whatever set was nearest in size (``bench_scale.py``)."""
MIN_SUBSAMPLE = 8
FOLDS = 3
"""Folds of the tune queries (by their text) the threshold is chosen on (``held_out_answers``)."""
MAX_FALSE_MATCHES = 0.015
"""Highest share of unknown names answered on any dev set's tune split at the default threshold, the
set's galleries of every size counted together (so the full-size gallery alone may be a little
over it)."""
THRESHOLDS = [round(0.5 + 0.01 * k, 2) for k in range(50)]
"""The range the default threshold is kept in, and the thresholds whose figures are printed."""


def family(name: str) -> str:
    """The dev set a gallery was drawn from (``cldr_places@47`` is cldr_places)."""
    return name.partition("@")[0]


def held_as(name: str) -> str:
    """The set whose unknowns a gallery's answers count among for the threshold: its dev set's,
    but a census gallery of ``devsets.THRESHOLD_GALLERIES`` ("census_typos@100000"), which is held
    to the cap on its own as "census_typos#100000" (pooled with the smaller ones, a gallery where
    strangers land near someone more often hid among those where they seldom do)."""
    dev_set, _, size = name.partition("@")
    size = size.partition("~")[0]  # any draw of that size (``devsets.THRESHOLD_DRAWS``)
    if dev_set == "census_typos" and size.isdigit() and int(size) in devsets.THRESHOLD_GALLERIES:
        return f"{dev_set}#{size}"
    return dev_set


def _fitted_sets(shares: Sequence[float] = SUBSAMPLES) -> Iterator[devsets.DevSet]:
    """The dev sets fitted on (every set but the report-only and threshold-only ones), each also at
    ``shares`` of its gallery."""
    for name in devsets.SETS:
        if name in devsets.REPORT_ONLY or name in devsets.THRESHOLD_ONLY:
            continue
        devset = devsets.build(name)
        yield devset
        for share in shares:
            if len(devset.entities) * share < MIN_SUBSAMPLE:
                continue
            if name == "census_typos":  # drawn afresh at that size (``devsets.census_at``)
                yield devsets.census_at(round(len(devset.entities) * share))
            else:
                yield devsets.subsampled(devset, share)
        if name == "census_typos":
            yield from (devsets.census_at(size) for size in devsets.THRESHOLD_GALLERIES)


def set_weight(name: str, per_set: Mapping[str, Sized]) -> float:
    """Weight of each query of a set: every dev set weighs as 1,000 queries, and the galleries
    of one set drawn at several sizes share that weight, query for query."""
    queries = sum(len(rows) for other, rows in per_set.items() if family(other) == family(name))
    return 1000.0 / max(queries, 1)


def engine_for(devset: devsets.DevSet) -> Engine:
    """A decision engine over the dev set's gallery, with a neutral model (evidence only)."""
    index = Index.build(devset.entities, default_titles(), default_given_names(), place_names=devset.place_names)
    neutral = MatchModel({name: 0.0 for name in FEATURES}, threshold=0.5)
    return Engine(index, neutral)


def gather(devset: devsets.DevSet, split: str) -> list[tuple[np.ndarray, int, devsets.Query]]:
    """Per query: the feature rows of its candidates and the row of the truth (-1: not among them)."""
    engine = engine_for(devset)
    out = []
    for q in devset.queries:
        if q.split != split:
            continue
        query, hits, exact = engine.gather(q.text)
        if query is None or not hits:
            out.append((np.zeros((0, len(FEATURES))), -1, q))
            continue
        weighed = engine.weigh(hits, query, exact)
        # weigh() orders by the neutral model; keep its order so rows and ids agree
        rows = feature_rows([ev for _, ev in weighed])
        ids = [m.id for m, _ in weighed]
        truth = ids.index(q.truth) if q.truth in ids else -1
        out.append((np.array(rows, dtype=float), truth, q))
    return out


def fit(groups: list[tuple[np.ndarray, int, float]], ridge: float = RIDGE, steps: int = 50) -> np.ndarray:
    """Newton's method on the conditional logit with a null option of utility 0."""
    n_features = len(FEATURES)
    w = np.zeros(n_features)
    penalty = np.full(n_features, ridge)
    penalty[0] = 1e-6
    for _ in range(steps):
        grad = -penalty * w
        hess = -np.diag(penalty)
        loglik = -0.5 * float(penalty @ (w * w))
        for x, truth, weight in groups:
            if len(x) == 0:
                continue
            u = x @ w
            top = max(0.0, float(u.max()))
            e = np.exp(u - top)
            z = math.exp(-top) + float(e.sum())
            p = e / z
            mean = p @ x
            if truth >= 0:
                grad += weight * (x[truth] - mean)
                loglik += weight * (float(u[truth]) - top - math.log(z))
            else:
                grad -= weight * mean
                loglik += weight * (-top - math.log(z))
            hess -= weight * ((x.T * p) @ x - np.outer(mean, mean))
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-7:
            break
    return w


def top_answers(model: MatchModel, data: list[tuple[np.ndarray, int, devsets.Query]]
                ) -> list[tuple[float, bool, devsets.Query]]:
    """Per query: the top candidate's probability, as namenorm computes it, and whether it is right."""
    out = []
    for x, truth, q in data:
        if len(x) == 0:
            out.append((0.0, False, q))
            continue
        p = probabilities_of([model.utility(row) for row in x.tolist()])
        best = max(range(len(p)), key=p.__getitem__)
        out.append((p[best], best == truth, q))
    return out


KIND_TREES = KIND_FEATURES
"""Features whose candidates (those with the feature 1) the trees every other candidate shares are
not fitted on, and whose slips (similarity below 1) get trees of their own, fitted on them alone and
added to what those trees say (``MatchModel.kind_trees``): fitted among people and places,
organisations moved the threshold (0.9223 -> 0.9307) and cost the sets of people and places up to
a point each (foreign_words 77.8% -> 76.8%, wiki_cross_script 90.2% -> 89.4%). Apart, they leave
those trees as they were, though their sets still hold the threshold as every set does.
Corrected spelled right as well, "Linde" and "Block" fell below the threshold for Linde plc and
Block, Inc. (0.905; docs/benchmarks-history.md)."""
SHARED_KINDS = ("place",)
"""Kinds of ``KIND_TREES`` whose candidates the shared trees are fitted on too (never splitting on
the kind), their own trees only correcting what those say of them. Places read across scripts
were underconfident (cldr_places' answers of 0.5-0.8 right 84-88% of the time): with trees of
their own (117 of them, by held-out loss), the sets of places gained 0.7-2.1 points of top-1 and
every other set's answers stayed as they were (docs/benchmarks-history.md). Let the shared trees
split on the kind instead, people lost up to 2.5 points (cedict_names 6.6)."""
KIND_PARTS = 5
"""A kind's queries are split in this many parts by their text: its trees are boosted on all but
one part at a time, as many are kept as lower the log loss of the parts held out most
(``_kind_rounds``), and they are boosted again on every row. A kind's rows are few, and the rounds
that suit all the rest overfit them; held out row by row (scikit-learn's early stopping), a
query's candidates would be on both sides, and the boosting stopped late."""


def _part_of(q: devsets.Query, parts: int) -> int:
    """Which of ``parts`` parts a query falls in, by its text: the same query asked of a set's
    smaller galleries too falls in the same part."""
    return zlib.crc32(q.text.encode("utf-8")) % parts


def fit_trees(per_set: dict[str, list[tuple[np.ndarray, int, devsets.Query]]], bags: int = BAGS
              ) -> tuple[float, list[Tree], dict[str, list[Tree]]]:
    """Gradient-boosted trees on candidate rows (``bags`` ensembles averaged); the initial log odds
    and the trees (leaf values already scaled by the learning rate, and divided by ``bags``) of every
    row but those of ``KIND_TREES``, and per kind of these, the trees that correct what the others
    say of its slips."""
    rows, labels, weights, parts = [], [], [], []
    for name, data in per_set.items():
        weight = set_weight(name, per_set)
        for x, truth, q in data:
            for k, row in enumerate(x):
                rows.append(row)
                labels.append(1 if k == truth else 0)
                weights.append(weight)
                parts.append(_part_of(q, KIND_PARTS))
    x_all, y_all, w_all, part = np.array(rows), np.array(labels), np.array(weights), np.array(parts)
    of_kind = {feature: x_all[:, FEATURES.index(feature)] > 0.5 for feature in KIND_TREES}
    rest = ~np.logical_or.reduce([*(mask for f, mask in of_kind.items() if f not in SHARED_KINDS),
                                  np.zeros(len(x_all), dtype=bool)])
    # The shared trees never split on a kind they share (its column held at 0): what they say of
    # every other candidate is what they said before that kind had trees of its own.
    x_shared = x_all[rest].copy()
    for feature in SHARED_KINDS:
        x_shared[:, FEATURES.index(feature)] = 0.0
    init, trees = _boosted(x_shared, y_all[rest], w_all[rest], bags)
    # The shared trees as the weights file keeps them: what a kind's trees correct at run time.
    base = MatchModel({name: round(init, 6) if name == "bias" else 0.0 for name in FEATURES}, threshold=0.5,
                      trees=trees)
    # Only a name the query spells otherwise is corrected (``kind_trees_apply``): one spelled
    # right is weighed as any kind's, as it was, and is fitted on by neither ensemble.
    kind_trees = {}
    for feature in of_kind:
        corrected = np.array([kind_trees_apply(row, feature) for row in x_all.tolist()], dtype=bool)
        if corrected.any():
            x, y, w = x_all[corrected], y_all[corrected], w_all[corrected]
            start = _LogOdds(base, x)
            rounds = _kind_rounds(x, y, w, part[corrected], start)
            kind_trees[feature] = _boosted(x, y, w, bags, start=start, rounds=rounds)[1]
    return init, trees, kind_trees


class _LogOdds:
    """A fitted model's log odds of each of some rows, as the start of further boosting
    (scikit-learn's ``init``). scikit-learn hands it the rows as 32-bit floats; the log odds are
    the model's of the 64-bit rows it weighs at run time, looked up by the rows as handed."""

    def __init__(self, model: MatchModel, x: np.ndarray) -> None:
        self.log_odds = {row.tobytes(): model.utility(exact) for row, exact in zip(x.astype(np.float32), x.tolist())}

    def fit(self, x: np.ndarray, y: np.ndarray, sample_weight: np.ndarray | None = None) -> _LogOdds:
        return self

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        p = 1.0 / (1.0 + np.exp(-np.array([self.log_odds[row.tobytes()] for row in x.astype(np.float32)])))
        return np.column_stack([1.0 - p, p])


def _kind_rounds(x: np.ndarray, y: np.ndarray, w: np.ndarray, part: np.ndarray, start: _LogOdds) -> int:
    """How many trees, boosted from ``start``, lower the weighted log loss of rows they were not
    boosted on most: each of the ``KIND_PARTS`` parts held out in turn, their losses summed (one
    part alone chose anywhere from 29 to 176 trees for organisations)."""
    from sklearn.ensemble import GradientBoostingClassifier

    losses = np.zeros(TREES)
    for held in (part == k for k in range(KIND_PARTS)):
        boosted = GradientBoostingClassifier(n_estimators=TREES, max_depth=DEPTH, learning_rate=LEARNING_RATE,
                                             min_samples_leaf=MIN_LEAF, random_state=7, init=start)
        boosted.fit(x[~held], y[~held], sample_weight=w[~held])
        truth, weight = y[held], w[held]
        losses += [float(np.sum(weight * (np.logaddexp(0.0, u) - truth * u)))
                   for u in (staged.ravel() for staged in boosted.staged_decision_function(x[held]))]
    return int(np.argmin(losses)) + 1


def _boosted(x_all: np.ndarray, y_all: np.ndarray, w_all: np.ndarray, bags: int,
             start: _LogOdds | None = None, rounds: int = TREES) -> tuple[float, list[Tree]]:
    """One ensemble of ``rounds`` boosted trees (``bags`` averaged) on these rows: from their share
    of true rows, or from what ``start`` says of each."""
    from sklearn.ensemble import GradientBoostingClassifier

    # The ensembles' trees together, each leaf divided by their number: their average. One
    # ensemble is fitted on every row. Thresholds are kept as the weights file keeps them.
    trees = []
    for seed in range(bags):
        boosted = GradientBoostingClassifier(n_estimators=rounds, max_depth=DEPTH, learning_rate=LEARNING_RATE,
                                             subsample=SUBSAMPLE if bags > 1 else 1.0, min_samples_leaf=MIN_LEAF,
                                             random_state=7 + seed, init=start)
        boosted.fit(x_all, y_all, sample_weight=w_all)
        for estimator in boosted.estimators_[:, 0]:
            t = estimator.tree_
            trees.append(Tree(tuple(int(f) for f in t.feature), tuple(round(float(v), 6) for v in t.threshold),
                              tuple(int(c) for c in t.children_left), tuple(int(c) for c in t.children_right),
                              tuple(round(float(v) * LEARNING_RATE / bags, 6) for v in t.value[:, 0, 0])))
    if start is not None:
        return 0.0, trees
    # The initial log odds is the rows' weighted share of true rows, the same in every ensemble.
    prior = float(boosted.init_.class_prior_[1])
    return math.log(prior / (1.0 - prior)), trees


def tree_model(rows: dict[str, list[tuple[np.ndarray, int, devsets.Query]]], bags: int = BAGS) -> MatchModel:
    """The match model of trees (``fit_trees``) fitted on ``rows``, before its threshold is chosen."""
    init, trees, kind_trees = fit_trees(rows, bags)
    return MatchModel({name: round(init, 6) if name == "bias" else 0.0 for name in FEATURES}, threshold=0.5,
                      trees=trees, kind_trees=kind_trees)


def threshold_rows(started: float) -> dict[str, list[tuple[np.ndarray, int, devsets.Query]]]:
    """The tune rows of the sets and census galleries the threshold is held to that no tree is
    fitted on (``devsets.THRESHOLD_ONLY``, ``THRESHOLD_GALLERIES`` at each of ``THRESHOLD_DRAWS``)."""
    held_to = {name: gather(devsets.build(name), "tune") for name in devsets.THRESHOLD_ONLY}
    for draw in (devsets.census_at(size, seed=seed) for size in devsets.THRESHOLD_GALLERIES
                 for seed in devsets.THRESHOLD_DRAWS):
        held_to[draw.name] = gather(draw, "tune")
        print(f"{draw.name}: {len(draw.entities):,} entities, {len(held_to[draw.name]):,} tune queries, "
              f"for the threshold only ({time.time() - started:.0f} s)", file=sys.stderr)
    return held_to


Answers = dict[str, list[tuple[float, bool, devsets.Query]]]
"""Per dev set, each tune query's top probability and whether it is right."""


def fitted_answers(model: MatchModel, per_set: dict[str, list[tuple[np.ndarray, int, devsets.Query]]]) -> Answers:
    """Per dev set (its galleries of every size together), the answers of ``model``."""
    answers: Answers = {}
    for name, data in per_set.items():
        answers.setdefault(held_as(name), []).extend(top_answers(model, data))
    return answers


def held_out_answers(per_set: dict[str, list[tuple[np.ndarray, int, devsets.Query]]],
                     fitted: Callable[[dict[str, list[tuple[np.ndarray, int, devsets.Query]]]], MatchModel]) -> Answers:
    """Per dev set, each tune query's answer from a model fitted without it (``FOLDS`` folds by the
    query's text, so a query asked of a set's smaller galleries too is held out of all of them)."""
    answers: Answers = {}
    for fold in range(FOLDS):
        model = fitted({name: [row for row in data if _part_of(row[2], FOLDS) != fold] for name, data in per_set.items()})
        for name, data in per_set.items():
            answers.setdefault(held_as(name), []).extend(
                top_answers(model, [row for row in data if _part_of(row[2], FOLDS) == fold]))
    return answers


def choose_threshold(answers: Answers) -> tuple[float, dict[str, float]]:
    """The threshold above which no dev set's unknown names lie more often than
    ``MAX_FALSE_MATCHES``: per set (the queries of its galleries of every size together), the
    ``1 - MAX_FALSE_MATCHES`` quantile of its unknowns' top probabilities, the highest of these
    (to four decimals).

    The quantile is Harrell and Davis's, a weighted mean of the order statistics around it, not
    the one order statistic that a count of the unknowns answered at each threshold picks: where
    few unknowns lie near the cap, one of them moved by a refit moved that count's threshold by up
    to 0.013 (0.881 -> 0.894 for a change to how Greek is read), and with it every set's top-1.
    """
    from scipy.stats.mstats import hdquantiles, hdquantiles_sd

    # Per set, once: the top probability of each unknown query, and of each known one answered right.
    unknown = {name: [p for p, _, q in rows if q.truth is None] for name, rows in answers.items()}
    known = {name: [p if ok else -1.0 for p, ok, q in rows if q.truth is not None] for name, rows in answers.items()}
    cap = [1.0 - MAX_FALSE_MATCHES]
    quantile = {name: float(hdquantiles(np.array(ps), prob=cap)[0]) for name, ps in unknown.items() if ps}
    # Its standard error says how far another draw of as many strangers would move the threshold,
    # which a change to the evidence must outweigh before its top-1 figures mean anything.
    error = {name: float(hdquantiles_sd(np.array(unknown[name]), prob=cap)[0]) for name in quantile}
    print("quantile of the unknowns' top probabilities (standard error): "
          + ", ".join(f"{name} {q:.4f} ({error[name]:.4f})" for name, q in quantile.items()), file=sys.stderr)
    chosen = min(THRESHOLDS[-1], max(THRESHOLDS[0], round(max(quantile.values()), 4)))

    def shares(t: float) -> tuple[dict[str, float], dict[str, float]]:
        fp = {n: sum(p >= t for p in unknown[n]) / len(unknown[n]) if unknown[n] else 0.0 for n in answers}
        top1 = {n: sum(p >= t for p in known[n]) / len(known[n]) if known[n] else 0.0 for n in answers}
        return fp, top1

    print("threshold: false matches / top-1 per dev set (tune split)", file=sys.stderr)
    for t in sorted({*THRESHOLDS, chosen}):
        fp, top1 = shares(t)
        print(f"  {t:.4f} " + "  ".join(f"{n[:10]} {fp[n]:.1%}/{top1[n]:.1%}" for n in answers), file=sys.stderr)
    return chosen, shares(chosen)[0]


def stored(trees: Sequence[Tree]) -> list[dict[str, list[float] | list[int]]]:
    """Trees as the weights file stores them (``MatchModel.from_json``); ``_boosted`` has rounded them."""
    return [{"feature": list(t.feature), "threshold": list(t.threshold), "left": list(t.left),
             "right": list(t.right), "value": list(t.value)} for t in trees]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ridge", type=float, default=RIDGE)
    parser.add_argument("--linear", action="store_true", help="fit the plain conditional logit, no trees")
    parser.add_argument("--subsamples", nargs="*", type=float, default=list(SUBSAMPLES),
                        help="shares of each gallery it is also fitted at")
    parser.add_argument("--bags", type=int, default=BAGS, help="boosted ensembles averaged (1: one, on every row)")
    parser.add_argument("--in-sample", action="store_true",
                        help="choose the threshold on the fitted model's own probabilities, not held-out ones")
    parser.add_argument("--dry-run", action="store_true", help="print the result, write nothing")
    args = parser.parse_args()
    started = time.time()
    per_set = {}
    sizes = {}
    for devset in _fitted_sets(args.subsamples):
        name = devset.name
        per_set[name] = gather(devset, "tune")
        sizes[name] = (len(devset.entities), len(per_set[name]))
        print(f"{name}: {len(devset.entities):,} entities, {len(per_set[name]):,} tune queries "
              f"({time.time() - started:.0f} s)", file=sys.stderr)
    def fitted(rows: dict[str, list[tuple[np.ndarray, int, devsets.Query]]]) -> MatchModel:
        if args.linear:
            groups = []
            for name, data in rows.items():
                weight = set_weight(name, rows)
                groups.extend((x, truth, weight) for x, truth, _ in data)
            w = fit(groups, args.ridge)
            return MatchModel({name: round(float(v), 4) for name, v in zip(FEATURES, w)}, threshold=0.5)
        return tree_model(rows, args.bags)

    model = fitted(per_set)
    weights, trees, kind_trees = dict(zip(FEATURES, model.weights)), list(model.trees), model.kind_trees
    answers = fitted_answers(model, per_set) if args.in_sample else held_out_answers(per_set, fitted)
    # Sets the threshold is held to that no tree was fitted on: the fitted model's answers are held out.
    for name, more in fitted_answers(model, threshold_rows(started)).items():
        answers.setdefault(name, []).extend(more)
    threshold, fp = choose_threshold(answers)
    if args.linear:
        for name, v in weights.items():
            print(f"  {name:18} {v:+.4f}")
    print(f"threshold {threshold} (tune false matches: "
          + ", ".join(f"{k} {v:.1%}" for k, v in fp.items()) + ")")
    if args.dry_run:
        return
    data = {
        "_generated": "by bench/fit_weights.py from the tune splits of bench/devsets.py; do not edit",
        "features": list(FEATURES),
        "weights": weights,
        "threshold": threshold,
        "trees": stored(trees),
        "kind_trees": {name: stored(more) for name, more in kind_trees.items()},
        "info": {
            "model": "linear" if args.linear else (f"{args.bags} x {TREES} trees of depth {DEPTH}, leaves of >= "
                                                   f"{MIN_LEAF} rows, each on {SUBSAMPLE:.0%} of them"
                                                   if args.bags > 1 else
                                                   f"{TREES} trees of depth {DEPTH}, leaves of >= {MIN_LEAF} rows"),
            "kind_trees": {name: len(more) for name, more in kind_trees.items()},
            "dev_sets": {k: {"entities": e, "tune_queries": q} for k, (e, q) in sizes.items()},
            "threshold_only_sets": list(devsets.THRESHOLD_ONLY),
            "threshold_galleries": {"census_typos": list(devsets.THRESHOLD_GALLERIES)},
            "threshold_draws": list(devsets.THRESHOLD_DRAWS),
            "max_false_matches": MAX_FALSE_MATCHES,
            "tune_false_matches": {k: round(v, 4) for k, v in fp.items()},
        },
    }
    OUT.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(HERE.parent)} in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
