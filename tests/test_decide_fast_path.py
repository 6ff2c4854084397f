"""The fast paths decide exactly as the plain computations they replace.

Three shortcuts make a query cheaper without changing its answer: the match
model's trees run as generated code (``scoring``), a query word's similarity to
a far word is cut off below ``TOKEN_FLOOR`` before it is computed in full, and
the letter bags that decide the cut. Here the reference engine walks the trees
node by node and scores every candidate word in full, and every decision of the
fast one (winner, method, each candidate's probability) must equal it.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence

import jellyfish
import pytest
from test_scoring import walked_utility

import namenorm
from namenorm.decide import Engine
from namenorm.index import words as word_module
from namenorm.keys import (
    WordKeys,
    is_derived_word,
    keyed_similarities,
    letter_bag,
    metaphone_key,
    skeleton_key,
    word_keys,
)
from namenorm.model import Entity
from namenorm.scoring import FEATURES, MatchModel, default_model, known_names


class WalkedModel(MatchModel):
    """The match model as fitted, each tree walked node by node."""

    def utility(self, row: Sequence[float]) -> float:
        return walked_utility(self, row)


def keyboard_neighbours() -> set[tuple[str, str]]:
    """Letters whose keys touch on a QWERTY keyboard, each row half a key right of the one above."""
    rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
    pairs = set()
    for r, row in enumerate(rows):
        for k, x in enumerate(row):
            if k + 1 < len(row):
                pairs.add((x, row[k + 1]))
            if r + 1 < len(rows):
                pairs.update((x, rows[r + 1][j]) for j in (k - 1, k) if 0 <= j < len(rows[r + 1]))
    return pairs | {(y, x) for x, y in pairs}


KEYBOARD_NEIGHBOURS = keyboard_neighbours()


def reference_similarity(a: str, b: str) -> tuple[float, str]:
    """``keys.token_similarity`` spelled out the plain way, one pair at a time."""
    if a == b:
        return 1.0, ""
    if len(a) == 1 or len(b) == 1:
        short, long_ = (a, b) if len(a) == 1 else (b, a)
        return (0.9, "initial") if len(long_) > 1 and long_.startswith(short) else (0.0, "")
    if len(a) < 3 or len(b) < 3:
        return 0.0, ""
    if is_derived_word(a, b):
        return 0.8, ""
    distance: float = jellyfish.damerau_levenshtein_distance(a, b)
    differ = [(x, y) for x, y in zip(a, b) if x != y]
    if distance == 1 and len(a) == len(b) >= 4 and len(differ) == 1 and differ[0] in KEYBOARD_NEIGHBOURS:
        distance = 0.5  # a letter struck for its key's neighbour
    base = 0.5 * jellyfish.jaro_winkler_similarity(a, b) + 0.5 * (1.0 - distance / max(len(a), len(b)))
    meta = metaphone_key(a)
    if len(meta) >= 2 and meta == metaphone_key(b):
        return base + (1.0 - base) * 0.5, meta
    skel = skeleton_key(a)
    if len(skel) >= 3 and skel == skeleton_key(b):
        return base + (1.0 - base) / 3, skel
    return base, ""


def _uncut(a: WordKeys, words: Iterable[WordKeys], *, score_cutoff: float = 0.0,
           endings: bool = True) -> list[tuple[float, str]]:
    return keyed_similarities(a, words, endings=endings)


def generated_people(count: int, seed: int) -> list[Entity]:
    """People with names drawn from the bundled lists of given names and surnames."""
    rng = random.Random(seed)
    words = sorted(w for w in known_names() if w.isalpha() and 3 <= len(w) <= 10)
    names: dict[str, None] = {}
    while len(names) < count:
        names[" ".join(rng.choice(words).title() for _ in range(rng.choice((2, 2, 2, 3))))] = None
    return [Entity(f"p{i}", name, "person") for i, name in enumerate(names)]


def misspelled(name: str, rng: random.Random) -> str:
    """The name with one or two slips: a letter dropped, doubled, swapped or struck beside."""
    for _ in range(rng.choice((1, 2))):
        i = rng.randrange(1, len(name) - 1)
        slip = rng.choice(("drop", "double", "swap", "strike"))
        if slip == "drop":
            name = name[:i] + name[i + 1:]
        elif slip == "double":
            name = name[:i] + name[i] + name[i:]
        elif slip == "swap":
            name = name[:i - 1] + name[i] + name[i - 1] + name[i + 1:]
        else:
            name = name[:i] + rng.choice("aeiourstnlm") + name[i + 1:]
    return name


def queries(entities: Sequence[Entity], count: int, seed: int) -> list[str]:
    """Misspelled names, names as written, their surnames alone and strangers."""
    rng = random.Random(seed)
    picked = [rng.choice(entities) for _ in range(count)]
    out = [misspelled(e.name, rng) for e in picked]
    out += [e.name for e in picked[: count // 4]]
    out += [e.name.split()[-1] for e in picked[: count // 4]]
    out += [e.name for e in generated_people(count // 4, seed + 1)]
    return out


def decisions(engine: Engine, names: Iterable[str]) -> list[tuple[object, ...]]:
    engine.index.words.clear_query_cache()
    out = []
    for name in names:
        decision = engine.decide(name)
        out.append((name, decision.winner and decision.winner.id, decision.winner and decision.winner.method,
                    [(m.id, m.form, m.method, m.score, m.similarity) for m in decision.matches]))
    return out


def reference_engine(fast: Engine) -> Engine:
    model = default_model()
    walked = WalkedModel(dict(zip(FEATURES, model.weights, strict=True)), threshold=model.threshold,
                         trees=model.trees, kind_trees=model.kind_trees)
    return Engine(fast.index, walked, threshold=fast.threshold)


def assert_same_decisions(resolver: namenorm.Resolver, names: list[str],
                          monkeypatch: pytest.MonkeyPatch) -> None:
    fast = decisions(resolver.engine, names)
    with monkeypatch.context() as patched:
        patched.setattr(word_module, "keyed_similarities", _uncut)
        slow = decisions(reference_engine(resolver.engine), names)
    resolver.engine.index.words.clear_query_cache()
    assert fast == slow


def test_fixture_gallery_decides_as_the_reference(small: namenorm.Resolver,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    names = queries(list(small), 200, seed=3) + ["Brad Rafensperger", "Ryan Germanie", "Perdue",
                                                 "래펜스퍼거", "Koln", "grease", "B. Raffensperger"]
    assert_same_decisions(small, names, monkeypatch)


def test_generated_gallery_decides_as_the_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    people = generated_people(2000, seed=11)
    resolver = namenorm.Resolver(people)
    names = queries(people, 300, seed=12)
    assert_same_decisions(resolver, names, monkeypatch)
    answered = sum(resolver.resolve(n) is not None for n in names[:300])
    assert answered > 100  # the sample exercises the similarity search, not only abstentions


def test_keyed_similarities_equal_the_plain_computation() -> None:
    rng = random.Random(5)
    words = sorted(w for w in known_names() if w.isalpha())
    for _ in range(3000):
        a = rng.choice(words)
        b = misspelled(a, rng) if rng.random() < 0.5 and len(a) > 3 else rng.choice(words)
        expected = reference_similarity(a, b)
        # Equal up to rounding: the fast path multiplies by its key's bonus (1/3) where the
        # reference divides by 3 ("jemeli", "asmira": 0.574074074074074 and ...741).
        score, key = keyed_similarities(word_keys(a), [word_keys(b)])[0]
        assert (score, key) == (pytest.approx(expected[0], abs=1e-12), expected[1]), (a, b)
        cut = keyed_similarities(word_keys(a), [word_keys(b)], score_cutoff=0.75)[0]
        assert cut == (pytest.approx(expected[0], abs=1e-12), expected[1]) or (
            expected[0] < 0.75 and cut == (0.0, "")), (a, b)


def test_letter_bags_never_overstate_the_edit_distance() -> None:
    rng = random.Random(6)
    words = sorted(known_names())
    for _ in range(3000):
        a, b = rng.choice(words), rng.choice(words)
        if rng.random() < 0.3:
            b = a + "é" * rng.randrange(4) + "n" * rng.randrange(5)
        fewest = max((letter_bag(a) & ~letter_bag(b)).bit_count(), (letter_bag(b) & ~letter_bag(a)).bit_count())
        assert fewest <= jellyfish.damerau_levenshtein_distance(a, b), (a, b)

