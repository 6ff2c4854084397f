"""From the evidence for each candidate to the probability that the name refers to it.

A query is explained by one of its candidate entities or by someone who is not
in the gallery at all. Each candidate gets a utility, a weighted sum of its
evidence (how similar, found how, how many words agree, how rare they are in
this gallery, how many others are nearly as close, which script, whether the
query is itself a common word); "not in the gallery" has utility 0. The
probability of a candidate is its share of all hypotheses (a conditional logit,
as record-linkage models weigh agreement against chance agreement)::

    P(candidate i) = exp(u_i) / (1 + sum_j exp(u_j))

so two equally good candidates split the probability and neither is
answered, and a lone weak candidate stays below the unknown hypothesis.

The utility is a linear term plus a boosted ensemble of small trees over the same
evidence. Both are estimated from real name data by ``bench/fit_weights.py``,
which writes ``namenorm/_data/match_weights.json``; nothing here is tuned by
hand. That script also measures calibration (predicted probability against
the share observed correct) on data it was not fitted on.
"""

from __future__ import annotations

import builtins
import json
import marshal
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.util import MAGIC_NUMBER
from types import FunctionType
from typing import Any, NamedTuple

from .datafiles import data_lines

__all__ = [
    "FEATURES",
    "KIND_FEATURES",
    "METHODS",
    "Evidence",
    "MatchModel",
    "Tree",
    "common_words",
    "default_model",
    "feature_rows",
    "in_word_lists",
    "kind_trees_apply",
    "known_names",
    "name_commonness",
    "names_share",
    "probabilities_of",
]

METHODS = ("exact", "weak", "surname", "phonetic", "fuzzy", "transliteration", "cross-script")
"""How a candidate was found; ``fuzzy`` is the reference level of the one-hot features."""

FEATURES: tuple[str, ...] = (
    "bias",
    "similarity",
    "dissimilarity_sq",
    "similarity_over_90",
    "similarity_over_95",
    *(f"method_{m}" for m in METHODS if m != "fuzzy"),
    "foreign_gap",
    "cross_gap",
    "one_word_gap",
    "abjad_cross",
    "cross_short_key",
    "abjad_vowel_gap",
    "spelling_gap",
    "alphabet_spelling_gap",
    "word_spelling_gap",
    "short_query",
    "one_word",
    "one_word_person",
    "unaligned_words",
    "known_word_changed",
    "known_name_changed",
    "nickname_words",
    "initials",
    "rarity",
    "namesakes",
    "common_word",
    "romanized_form",
    "declined",
    "close_rivals",
    "lead",
    "spelling_lead",
    "gallery_decades",
    "named_otherwise",
    "organisation",
    "place",
)
"""The evidence each candidate is weighed on, in the order of the fitted weights."""
KIND_FEATURES: tuple[str, ...] = ("organisation", "place")
"""Features that say a candidate's kind (1 or 0): the only ones trees of their own may be kept for
(``MatchModel.kind_trees``)."""


class Evidence(NamedTuple):
    """What is known about one candidate of one query, before it is weighed.

    A named tuple rather than a frozen dataclass: every candidate of every query makes one, and
    a tuple is built in a fifth of the time."""

    similarity: float
    """Token-aligned similarity of query and form in [0, 1] (1.0 for an exact form); for an
    organisation, with each word weighed by how rare it is in the gallery too."""
    method: str
    """How the candidate was found (``METHODS``)."""
    letters: int
    """Letters in the query (a three-letter query resembles many names by chance)."""
    words: int
    """Words in the query."""
    unaligned: int
    """Words of the query or the form left without a partner."""
    changed_known: int
    """Query words that are themselves words of the gallery's entities of the candidate's kind (for
    people, also given names the name groups list), paired with another word by spelling alone
    ("Davis" for Tavis): more often someone else."""
    changed_names: int
    """Query words that are given names or surnames people have (``known_names``) but are not in
    the gallery, paired with another word by spelling alone, whatever the candidate's kind:
    "Adamson" for Adams, "Chapman" for Japan."""
    nicknames: int
    """Query words paired as a given name and its nickname or short form ("Bill" for William)."""
    initials: int
    """Query words that are an initial of the form's word ("B." for Brad)."""
    rarity: float
    """How rare, in [0, 1], the rarest agreeing word of the form is in this gallery."""
    foreign: bool
    """The query is written in another script than Latin."""
    abjad: bool
    """The query is written without its short vowels (Arabic, Hebrew): only consonants compared."""
    key_letters: int
    """Consonant classes in the query's loanword key, compared across scripts: four agree by
    chance far more often than eight (0 when not compared across scripts)."""
    common_word: bool
    """The query is a common English word that only resembles the form."""
    person: bool
    """The candidate is a person: one word of a person's name (a surname) is shared by strangers
    far more often than a one-word place name."""
    gallery_size: int
    """Entities in the gallery: the more there are, the likelier a stranger lands near one."""
    vowel_agreement: float = 1.0
    """For a query in Arabic or Hebrew found by similarity, how well the vowel letters it writes
    agree with the form's vowels (``keys.abjad_vowel_agreement``); 1.0 otherwise."""
    spelling_agreement: float = 1.0
    """For a query in another script found by similarity, how alike its romanization and the
    form are as spelled, at letter costs learned per script (``spelling.spelling_agreement``);
    1.0 otherwise."""
    romanized_form: bool = False
    """The form is written only in another script than Latin and only resembles the query: two
    readings are compared (a Hangul word against the romanized チェコ), which agree by chance
    more often than a reading and a Latin spelling."""
    alphabetic: bool = False
    """The query is in another alphabet that romanizes letter for letter (Cyrillic, Greek,
    Armenian, Georgian): its spelling, not only its consonants, should agree with the form's
    (Жириновский shares Zelenskyy's consonant classes, not its letters)."""
    word_spelling_agreement: float = 1.0
    """As ``spelling_agreement``, for the query word that agrees least with the form word it
    stands for: a record-linkage comparison per part of the name, not of the whole. علي جابر
    (Ali Jaber) spells Jaber well and Layla badly; run together, the good surname hides the
    wrong given name."""
    name_share: float = 0.0
    """For a person, the log10 of the share of people at large who have the rarest name word of
    the form that agrees (``names_share``): a lone "Smith" that agrees with a gallery person is
    often a stranger, a lone "Raffensperger" seldom, whatever the gallery holds."""
    named_otherwise: bool = False
    """The candidate was found across scripts, and has a name of its own written in the query's
    script that ends otherwise (``FormTables.named_otherwise``): Владимир Жириновский read like
    Zelenskyy's Russian name Владимир Зеленский, 京都 like Sendai's 仙台."""
    lone_name: bool = False
    """The candidate is a person known by one word (a gallery that lists given names or surnames
    alone, or Madonna): a one-word query is then the whole name, not one word of a name that
    strangers share (weighed as one, a list of names read across scripts got 0% right)."""
    organisation: bool = False
    """The candidate is an organisation: a slip in its name (similarity below 1) is weighed by trees
    of its own besides (``MatchModel.kind_trees``), for a company's name is often one rare word,
    and a slip in it is more often a slip than a stranger."""
    place: bool = False
    """The candidate is a place: its name read from another script or spelled otherwise (similarity
    below 1) is weighed by trees of its own besides (``MatchModel.kind_trees``), for a place so
    found is right more often than the people and strangers whose evidence it shares."""
    declined: bool = False
    """The candidate was found by the query read without the endings its language declines it with
    (``endings``: Трампом, Dakaras): an ending read off may have been the name's own (Москва is no
    "Moskv"), so the fit weighs what such a reading is worth."""


def feature_rows(evidence: Sequence[Evidence]) -> list[list[float]]:
    """The feature vectors (``FEATURES``) of one query's candidates, rivals weighed against each other.

    >>> ev = Evidence(1.0, "exact", 6, 1, 0, 0, 0, 0, 0, 1.0, False, False, 0, False, False, 100)
    >>> dict(zip(FEATURES, feature_rows([ev])[0]))["method_exact"]
    1.0
    """
    rows = []
    sims = [e.similarity for e in evidence]
    spellings = [e.spelling_agreement for e in evidence]
    for i, e in enumerate(evidence):
        others = [s for j, s in enumerate(sims) if j != i]
        best_other = max(others, default=0.0)
        # Across scripts a coarse key finds rivals nearly as similar as the name itself (Norway
        # beside Nairobi for Најроби), which its letters, read as spelled, tell apart.
        best_spelled_other = max((s for j, s in enumerate(spellings) if j != i), default=0.0)
        rivals = sum(1 for s in others if s >= e.similarity - 0.05)
        gap = 1.0 - e.similarity
        rows.append([
            1.0,
            e.similarity,
            gap * gap,
            max(0.0, e.similarity - 0.9),
            max(0.0, e.similarity - 0.95),
            *(1.0 if e.method == m else 0.0 for m in METHODS if m != "fuzzy"),
            gap if e.foreign else 0.0,
            gap if e.method == "cross-script" else 0.0,
            gap if e.words == 1 else 0.0,
            1.0 if e.abjad and e.method == "cross-script" else 0.0,
            1.0 / max(e.key_letters, 1) if e.method == "cross-script" else 0.0,
            1.0 - e.vowel_agreement,
            1.0 - e.spelling_agreement,
            1.0 - e.spelling_agreement if e.alphabetic else 0.0,
            1.0 - e.word_spelling_agreement,
            1.0 / max(e.letters, 1),
            1.0 if e.words == 1 else 0.0,
            1.0 if e.words == 1 and e.person and not e.lone_name else 0.0,
            float(min(e.unaligned, 3)),
            float(min(e.changed_known, 3)),
            float(min(e.changed_names, 3)),
            float(min(e.nicknames, 3)),
            float(min(e.initials, 3)),
            e.rarity,
            _namesakes(e) if e.person else 0.0,
            1.0 if e.common_word else 0.0,
            1.0 if e.romanized_form else 0.0,
            1.0 if e.declined else 0.0,
            math.log1p(rivals),
            max(0.0, e.similarity - best_other),
            max(0.0, e.spelling_agreement - best_spelled_other) if e.foreign else 0.0,
            math.log10(max(e.gallery_size, 1)),
            1.0 if e.named_otherwise else 0.0,
            1.0 if e.organisation else 0.0,
            1.0 if e.place else 0.0,
        ])
    return rows


def _namesakes(e: Evidence) -> float:
    """The log10 of how many people, among as many as the gallery holds, have the agreeing name
    words of the form: the more there are, the likelier a stranger of that name meets the gallery."""
    return math.log10(max(e.gallery_size, 1)) + e.name_share


@dataclass(frozen=True, slots=True)
class Tree:
    """One small regression tree over the evidence features (as ``bench/fit_weights.py`` fitted it).

    Node ``k`` sends a row left when ``row[feature[k]] <= threshold[k]``; a leaf has
    ``left[k] == -1`` and adds ``value[k]`` to the utility.
    """

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]


class MatchModel:
    """Fitted weights, and the probabilities they give a query's candidates.

    A candidate's utility is a weighted sum of its features plus the sum of a
    boosted ensemble of small trees over them (``trees``), which captures what a
    sum cannot: a similarity of 0.9 means more for a long place name than for a
    bare surname. A candidate whose kind feature (``KIND_FEATURES``) named in ``kind_trees`` is 1,
    and whose form the query does not spell as it is (similarity below 1), has those trees added:
    a slip in an organisation's name, which no set of people or places teaches, is weighed as for
    people and places, then corrected by trees fitted on organisations alone, which leave the trees
    of people and places as they were; a place's name read or slipped is corrected so too, by trees
    boosted from what the shared trees say of places. A name spelled right is weighed as any kind's.

    >>> model = MatchModel({name: 0.0 for name in FEATURES}, threshold=0.5)
    >>> ev = Evidence(1.0, "exact", 6, 1, 0, 0, 0, 0, 0, 1.0, False, False, 0, False, False, 100)
    >>> model.probabilities([ev, ev])   # two equal candidates and the unknown split it in three
    [0.3333, 0.3333]
    """

    def __init__(self, weights: dict[str, float], *, threshold: float, trees: Sequence[Tree] = (),
                 kind_trees: Mapping[str, Sequence[Tree]] | None = None, info: dict[str, Any] | None = None
                 ) -> None:
        missing = [name for name in FEATURES if name not in weights]
        if missing:
            raise ValueError(f"match weights lack {', '.join(missing)}; rerun bench/fit_weights.py")
        self.weights = tuple(_finite(weights[name]) for name in FEATURES)
        self.trees = tuple(trees)
        self.kind_trees = {name: tuple(more) for name, more in (kind_trees or {}).items()}
        """Feature name -> trees added to the utility of the candidates that have that feature and
        are not spelled as the query spells them."""
        self._utility = _compile_utility(self.weights, self.trees, self.kind_trees)
        self._known: dict[tuple[float, ...], float] = {}
        self._known_evidence: dict[tuple[Evidence, ...], tuple[float, ...]] = {}
        self.threshold = threshold
        """Default lowest probability ``resolve`` answers with (chosen by the fitting script)."""
        self.info = info or {}
        """What the weights were fitted on, as the fitting script recorded it."""

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        # Pickle refuses a generated function, and compiling it again is a sixth of the time the
        # bundled file's stored resolver takes to load: its bytecode travels instead, marked with
        # the interpreter's bytecode version.
        state["_utility"] = (MAGIC_NUMBER, marshal.dumps(self._utility.__code__))
        state["_known"] = {}
        state["_known_evidence"] = {}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        magic, code = state.pop("_utility", (b"", b""))
        self.__dict__.update(state)
        if magic == MAGIC_NUMBER:
            self._utility = FunctionType(marshal.loads(code), {"__builtins__": builtins})
        else:  # another Python wrote it
            self._utility = _compile_utility(self.weights, self.trees, self.kind_trees)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MatchModel:
        """The model a fitting script wrote (``namenorm/_data/match_weights.json``)."""
        if data.get("features", list(FEATURES)) != list(FEATURES):
            raise ValueError("match weights were fitted on other features; rerun bench/fit_weights.py")
        kind_trees = data.get("kind_trees", {})
        if not isinstance(kind_trees, dict):  # a damaged file, refused as every other damage is
            raise ValueError("match weights hold kind trees that are no mapping; rerun bench/fit_weights.py")  # noqa: TRY004
        return cls(data["weights"], threshold=data["threshold"], trees=_stored_trees(data.get("trees", ())),
                   kind_trees={name: _stored_trees(more) for name, more in kind_trees.items()},
                   info=data.get("info"))

    def utility(self, row: Sequence[float]) -> float:
        """One candidate's utility against the unknown hypothesis (log odds) from its features.

        Remembered by row: names that look alike (two words, exact, common given name) give the
        same evidence; of 2,000 exact queries of a 100,000-person gallery, two in three repeat a
        row already weighed, and skip the trees.
        """
        key = tuple(row)
        utility = self._known.get(key)
        if utility is None:
            if len(self._known) >= _KNOWN_ROWS:
                self._known.clear()
            utility = self._known[key] = self._utility(row)
        return utility

    def forget(self) -> None:
        """Drop the remembered utilities (benchmarks time each repeat from scratch)."""
        self._known.clear()
        self._known_evidence.clear()

    def utilities(self, evidence: Sequence[Evidence]) -> list[float]:
        """Each candidate's utility against the unknown hypothesis (log odds)."""
        return [self.utility(row) for row in feature_rows(evidence)]

    def probabilities(self, evidence: Sequence[Evidence]) -> list[float]:
        """Probability of each candidate; what is left over is the unknown hypothesis.

        Remembered by the candidates' evidence, which is cheaper to look up than to turn into
        feature rows: the exact form of a name one entity holds gives the same evidence as
        that of any other name of its length, word count and rarity.
        """
        key = tuple(evidence)
        known = self._known_evidence.get(key)
        if known is None:
            if len(self._known_evidence) >= _KNOWN_ROWS:
                self._known_evidence.clear()
            known = self._known_evidence[key] = tuple(probabilities_of(self.utilities(evidence)))
        return list(known)


_SIMILARITY = FEATURES.index("similarity")
"""Where a feature row holds the similarity, below 1 for a name the query spells otherwise."""


def kind_trees_apply(row: Sequence[float], feature: str) -> bool:
    """Whether the trees ``MatchModel.kind_trees`` keeps for ``feature`` weigh a candidate of this
    feature row: one of that kind whose form the query spells otherwise (similarity below 1). The
    generated utility tests the same (``_compile_utility``); the fit picks its rows by it.

    >>> slipped = [0.9 if name == "similarity" else 1.0 for name in FEATURES]
    >>> spelled_right = [1.0 for name in FEATURES]
    >>> kind_trees_apply(slipped, "organisation"), kind_trees_apply(spelled_right, "organisation")
    (True, False)
    """
    return row[FEATURES.index(feature)] > 0.5 and row[_SIMILARITY] < 1.0


_KNOWN_ROWS = 65_536
"""Feature rows whose utility a model remembers (a few MB)."""


def _stored_trees(stored: Any) -> tuple[Tree, ...]:
    """Trees as a weights file stores them, each checked for its shape: a damaged file is refused
    when it is read, never when a query walks off a tree."""
    try:
        trees = tuple(Tree(tuple(map(int, t["feature"])), tuple(map(_finite, t["threshold"])),
                           tuple(map(int, t["left"])), tuple(map(int, t["right"])), tuple(map(_finite, t["value"])))
                      for t in stored)
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"match weights hold a damaged tree ({exc!r}); rerun bench/fit_weights.py") from None
    for tree in trees:
        nodes = len(tree.feature)
        # Each node's children come after it, as a fitted tree numbers them: no walk loops or falls off.
        if not nodes or {len(tree.threshold), len(tree.left), len(tree.right), len(tree.value)} != {nodes} or any(
                (left, right) != (-1, -1) and not k < min(left, right) <= max(left, right) < nodes
                for k, (left, right) in enumerate(zip(tree.left, tree.right))):
            raise ValueError("match weights hold a tree of a damaged shape; rerun bench/fit_weights.py")
    return trees


def _finite(value: object) -> float:
    """A fitted number as a float; anything else is a damaged weights file."""
    number = float(value)  # type: ignore[arg-type]
    if not math.isfinite(number):
        raise ValueError(f"match weights hold {value!r}; rerun bench/fit_weights.py")
    return number


def _tree_code(tree: Tree, node: int, depth: int) -> list[str]:
    """Python source that walks ``tree`` from ``node`` and adds the leaf's value to ``total``;
    every number is formatted from an int or a float, so nothing else reaches the source."""
    pad = "    " * depth
    if tree.left[node] == -1:
        return [f"{pad}total += {float(tree.value[node])!r}"]
    return [f"{pad}if x{int(tree.feature[node])} <= {float(tree.threshold[node])!r}:",
            *_tree_code(tree, tree.left[node], depth + 1),
            f"{pad}else:",
            *_tree_code(tree, tree.right[node], depth + 1)]


def _compile_utility(weights: Sequence[float], trees: Sequence[Tree],
                     kind_trees: Mapping[str, Sequence[Tree]]) -> Callable[[Sequence[float]], float]:
    """The utility as one generated function: the trees unrolled into nested comparisons.

    Walking the trees node by node in a loop costs more than everything else an exact
    query does; unrolled, with the features in local variables, the same comparisons
    run without the loop's bookkeeping. The arithmetic is the walk's own, term for
    term and in the same order, so the utilities are equal to the last bit.
    """
    every_tree = [*trees, *(tree for more in kind_trees.values() for tree in more)]
    if any(not 0 <= f < len(FEATURES) for tree in every_tree for f, left in zip(tree.feature, tree.left) if left != -1):
        raise ValueError("match weights split on a feature the model does not have; rerun bench/fit_weights.py")
    if any(name not in KIND_FEATURES for name in kind_trees):
        raise ValueError(f"match weights hold trees for {sorted(set(kind_trees) - set(KIND_FEATURES))}, which "
                         "the model does not have; rerun bench/fit_weights.py")
    linear = ", ".join(f"{w!r} * row[{k}]" for k, w in enumerate(weights) if w)
    features = ", ".join(f"x{k}" for k in range(len(FEATURES)))
    lines = ["def utility(row):", f"    total = sum(({linear}{',' if linear else ''}))",
             f"    {features}, = row"]
    for tree in trees:
        lines.extend(_tree_code(tree, 0, 1))
    for name, more in kind_trees.items():
        if not more:
            continue
        lines.append(f"    if x{FEATURES.index(name)} > 0.5 and x{_SIMILARITY} < 1.0:  # kind_trees_apply")
        for tree in more:
            lines.extend(_tree_code(tree, 0, 2))
    lines.append("    return total")
    namespace: dict[str, Any] = {}
    # The source is generated above from the fitted numbers alone, never from input.
    exec(compile("\n".join(lines), "<match model>", "exec"), namespace)  # noqa: S102
    utility: Callable[[Sequence[float]], float] = namespace["utility"]
    return utility


def probabilities_of(utilities: Sequence[float]) -> list[float]:
    """Each candidate's share of the hypotheses, the unknown one having utility 0.

    >>> probabilities_of([0.0, 0.0])
    [0.3333, 0.3333]
    """
    if not utilities:
        return []
    top = max(0.0, *utilities)
    weights = [math.exp(u - top) for u in utilities]
    total = math.exp(-top) + sum(weights)
    return [round(x / total, 4) for x in weights]


@lru_cache(maxsize=1)
def default_model() -> MatchModel:
    """The model of ``namenorm/_data/match_weights.json``, read once per process."""
    text = (resources.files("namenorm") / "_data" / "match_weights.json").read_text(encoding="utf-8")
    return MatchModel.from_json(json.loads(text))


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Frequent English words that are not names (``namenorm/_data/common_words.txt``)."""
    return frozenset(data_lines("common_words.txt"))


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    """Given names and surnames people have, in many languages (``namenorm/_data/known_names.txt``)."""
    return frozenset(data_lines("known_names.txt"))


_RARE_NAME_SHARE = -5.0
"""log10 of the share of people given a name ``name_shares.tsv`` lacks: one in 100,000."""


@lru_cache(maxsize=1)
def _name_shares() -> dict[str, float]:
    """Name -> log10(1 + people per 100,000 who have it), as ``name_shares.tsv`` lists them."""
    return {word: math.log10(1 + int(share)) for word, share in
            (line.split("\t") for line in data_lines("name_shares.tsv"))}


def name_commonness(word: str) -> float:
    """How common a normalized given name or surname is among people: the log10 of one plus the
    people per 100,000 who have it, as weighted name lists count them (``_data/name_shares.tsv``),
    0.0 for a rare name.
    A term-frequency adjustment by the population, where ``word_rarity`` is the gallery's own.

    >>> name_commonness("smith") > name_commonness("cohen") > name_commonness("raffensperger") == 0.0
    True
    """
    return _name_shares().get(word, 0.0)


def names_share(words: Iterable[str]) -> float:
    """The log10 of the share of people who have the rarest of ``words`` (a name the table lacks
    as one in 100,000); 0.0, everyone, for no words.

    >>> names_share(["john", "perdue"]) < names_share(["john", "smith"]) < names_share([]) == 0.0
    True
    """
    rarest = min(map(name_commonness, words), default=None)
    return 0.0 if rarest is None else rarest + _RARE_NAME_SHARE


def in_word_lists(word: str) -> bool:
    """Whether a normalized word is a common English word or a name people have: a word that is
    something in its own right, not a slip of a name, an acronym or a legal form.

    >>> in_word_lists("chain"), in_word_lists("smith"), in_word_lists("rafensperger")
    (True, True, False)
    """
    return word in common_words() or word in known_names()
