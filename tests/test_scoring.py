"""The match model: its generated utility agrees with walking the fitted trees node by node."""

from __future__ import annotations

import json
import pickle
import random
from collections.abc import Sequence
from typing import Any

import pytest

from namenorm.scoring import (
    FEATURES,
    KIND_FEATURES,
    Evidence,
    MatchModel,
    Tree,
    default_model,
    feature_rows,
    kind_trees_apply,
)


def walked_utility(model: MatchModel, row: Sequence[float]) -> float:
    """The reference: the linear term, then each tree walked from its root, as fitted, and those
    of the row's kind (``kind_trees``) after them."""
    total = sum(w * row[k] for k, w in enumerate(model.weights) if w)
    kinds = [more for name, more in model.kind_trees.items() if kind_trees_apply(row, name)]
    trees = [*model.trees, *(t for more in kinds for t in more)]
    for tree in trees:
        k = 0
        while tree.left[k] != -1:
            k = tree.left[k] if row[tree.feature[k]] <= tree.threshold[k] else tree.right[k]
        total += tree.value[k]
    return total


def random_rows(model: MatchModel, count: int, seed: int) -> list[list[float]]:
    """Rows whose features sit on, just beside and between the trees' thresholds."""
    rng = random.Random(seed)
    cuts: dict[int, list[float]] = {k: [0.0, 1.0] for k in range(len(FEATURES))}
    for tree in [*model.trees, *(t for more in model.kind_trees.values() for t in more)]:
        for feature, threshold, left in zip(tree.feature, tree.threshold, tree.left):
            if left != -1:
                cuts[feature] += [threshold, threshold * (1 + 1e-12) + 1e-12, threshold - 1e-3]
    rows = [[rng.choice(cuts[k]) if rng.random() < 0.7 else rng.uniform(-1.0, 6.0)
             for k in range(len(FEATURES))] for _ in range(count)]
    for row in rows:  # a candidate is of a kind with trees of its own or not
        for name in model.kind_trees:
            row[FEATURES.index(name)] = float(rng.random() < 0.5)
    return rows


def test_generated_utility_equals_the_tree_walk() -> None:
    model = default_model()
    for row in random_rows(model, 3000, seed=1):
        assert model.utility(row) == walked_utility(model, row)


def test_a_one_leaf_tree_and_a_linear_term() -> None:
    weights = {name: 0.0 for name in FEATURES} | {"bias": -0.5, "similarity": 2.0}
    stump = Tree((-2,), (-2.0,), (-1,), (-1,), (0.25,))
    split = Tree((1, -2, -2), (0.9, -2.0, -2.0), (1, -1, -1), (2, -1, -1), (0.0, -1.0, 1.0))
    model = MatchModel(weights, threshold=0.5, trees=[stump, split])
    row = [1.0, 0.95] + [0.0] * (len(FEATURES) - 2)
    assert model.utility(row) == walked_utility(model, row) == -0.5 + 1.9 + 0.25 + 1.0


@pytest.mark.parametrize("kind", KIND_FEATURES)
def test_a_slip_in_a_name_of_a_kind_with_trees_of_its_own_is_weighed_by_them_besides(kind: str) -> None:
    # Organisations' and places' slips; "person" is a row of neither kind.
    weights = {name: 0.0 for name in FEATURES} | {"bias": -0.5, "similarity": 2.0}
    split = Tree((1, -2, -2), (0.9, -2.0, -2.0), (1, -1, -1), (2, -1, -1), (0.0, -1.0, 1.0))
    stump = Tree((-2,), (-2.0,), (-1,), (-1,), (0.25,))
    model = MatchModel(weights, threshold=0.5, trees=[split], kind_trees={kind: [split, stump]})
    person = [1.0, 0.95] + [0.0] * (len(FEATURES) - 2)
    of_kind = list(person)
    of_kind[FEATURES.index(kind)] = 1.0
    assert model.utility(person) == -0.5 + 1.9 + 1.0
    assert model.utility(of_kind) == walked_utility(model, of_kind) == -0.5 + 1.9 + 1.0 + 1.0 + 0.25
    spelled_right = list(of_kind)
    spelled_right[FEATURES.index("similarity")] = 1.0
    assert model.utility(spelled_right) == walked_utility(model, spelled_right) == -0.5 + 2.0 + 1.0
    barely_slipped = list(of_kind)
    barely_slipped[FEATURES.index("similarity")] = 1.0 - 1e-12
    assert model.utility(barely_slipped) == pytest.approx(-0.5 + 2.0 + 1.0 + 1.0 + 0.25)
    shared_only = MatchModel(weights, threshold=0.5, trees=[split])
    assert shared_only.utility(of_kind) == shared_only.utility(person) == -0.5 + 1.9 + 1.0


def test_a_name_read_across_scripts_leads_its_rivals_by_how_well_its_letters_agree() -> None:
    # Најроби is nearly as similar to Norway as to Nairobi by consonant classes; read as spelled,
    # it agrees with Nairobi's letters far better. In Latin letters no agreement is weighed.
    def candidate(similarity: float, agreement: float, foreign: bool = True) -> Evidence:
        return Evidence(similarity, "cross-script", 7, 1, 0, 0, 0, 0, 0, 1.0, foreign, False, 3, False, False,
                        438, spelling_agreement=agreement)

    def leads(*evidence: Evidence) -> list[tuple[float, float]]:
        rows = feature_rows(evidence)
        return [(round(r[FEATURES.index("lead")], 3), round(r[FEATURES.index("spelling_lead")], 3)) for r in rows]

    assert leads(candidate(0.93, 0.78), candidate(0.86, 0.14)) == [(0.07, 0.64), (0.0, 0.0)]
    assert leads(candidate(0.93, 0.78)) == [(0.93, 0.78)]  # alone, as the lead by similarity is
    assert leads(candidate(0.93, 1.0, foreign=False), candidate(0.86, 1.0, foreign=False)) == [(0.07, 0.0), (0.0, 0.0)]


def test_a_pickled_model_gives_the_same_utilities() -> None:
    model = default_model()
    copy = pickle.loads(pickle.dumps(model))
    rows = random_rows(model, 50, seed=2)
    assert [copy.utility(row) for row in rows] == [model.utility(row) for row in rows]


def test_a_model_pickled_by_another_python_compiles_its_code_again() -> None:
    model = default_model()
    state = model.__getstate__()
    state["_utility"] = (b"\0\0\r\n", b"not this interpreter's bytecode")
    copy = MatchModel.__new__(MatchModel)
    copy.__setstate__(state)
    rows = random_rows(model, 50, seed=4)
    assert [copy.utility(row) for row in rows] == [model.utility(row) for row in rows]


def weights_file(kind: str = "organisation") -> dict[str, Any]:
    """A small weights file as the fitting script writes it: one tree shared, one for ``kind``."""
    tree = {"feature": [0, -2, -2], "threshold": [0.5, -2.0, -2.0], "left": [1, -1, -1], "right": [2, -1, -1],
            "value": [0.0, 0.1, 0.2]}
    return json.loads(json.dumps({"weights": dict(zip(FEATURES, default_model().weights)), "threshold": 0.9,
                                  "trees": [tree], "kind_trees": {kind: [tree]}}))


@pytest.mark.parametrize("damage", [{"feature": ['0 or print("x") or 0']}, {"threshold": [float("inf")]},
                                    {"value": [float("nan"), 0.0, 0.0]}, {"feature": [999]}])
@pytest.mark.parametrize("damaged", ["shared", "kind"])
def test_a_damaged_weights_file_is_refused_when_loaded_never_run(damage, damaged):
    data = weights_file()
    MatchModel.from_json(data)
    (data["trees"] if damaged == "shared" else data["kind_trees"]["organisation"])[0].update(damage)
    with pytest.raises(ValueError):
        MatchModel.from_json(data)


def test_trees_for_a_kind_the_model_does_not_know_are_refused():
    for kind in ("sports_team", "similarity"):  # a feature, but none that says a kind
        with pytest.raises(ValueError, match=rf"trees for \['{kind}'\]"):
            MatchModel.from_json(weights_file(kind))


@pytest.mark.parametrize("kind_trees", [None, [], {"organisation": None}, {"organisation": [{}]},
                                        {"organisation": [{"feature": [], "threshold": [], "left": [], "right": [],
                                                           "value": []}]},
                                        {"organisation": [{"feature": [0, -2, -2], "threshold": [0.5, -2.0, -2.0],
                                                           "left": [1, -1, -1], "right": [7, -1, -1],
                                                           "value": [0.0, 0.1, 0.2]}]},
                                        {"organisation": [{"feature": [0, 0, -2], "threshold": [0.5, 0.5, -2.0],
                                                           "left": [1, 0, -1], "right": [2, 2, -1],
                                                           "value": [0.0, 0.1, 0.2]}]}])
def test_kind_trees_of_a_damaged_shape_are_refused_when_loaded(kind_trees):
    data = weights_file()
    data["kind_trees"] = kind_trees
    with pytest.raises(ValueError, match="rerun bench/fit_weights.py"):
        MatchModel.from_json(data)


def test_a_remembered_utility_is_the_one_the_trees_give_and_is_not_pickled():
    model = default_model()
    rng = random.Random(3)
    rows = [[rng.random() for _ in FEATURES] for _ in range(50)]
    assert [model.utility(row) for row in rows + rows] == [model._utility(row) for row in rows + rows]
    assert pickle.loads(pickle.dumps(model))._known == {}
    model.forget()
    assert model._known == {}
