"""Core benchmark: speed, accuracy and abstention of namenorm on synthetic person galleries.

    python bench/bench_core.py [--sizes 10000 100000 1000000] [--queries 2000] [--seed 7] [--quick]

What it does, per gallery size N:

* builds a seeded gallery of N unique person names ("First Last", some "First Middle Last")
  from the first/last name lists of many Latin-script Faker locales, and holds out names
  that are not in the gallery (half with a surname the gallery never uses, half with a
  gallery surname but a first+last combination the gallery lacks);
* makes seeded queries: exact (case / punctuation / "Last, First" / accent variants),
  misspelled (1-2 keyboard typos or one phonetic respelling) and unknown (held-out names,
  half of them with the same noise); misspelled and unknown queries are split into a
  tuning half and a test half;
* times the index build and ``resolve_many`` (median of repeats, query-token caches reset to
  their post-build state before each repeat), measures peak RSS, and scores the test split;
* scores namenorm at the resolver's own defaults, read from a freshly built ``Resolver``
  (``r.threshold``, a probability, is the match model's, the same for every gallery);
* sweeps ``threshold`` on the tuning split, then restores the default;
* runs baselines on the same test queries: rapidfuzz ``extractOne`` (WRatio and
  token_sort_ratio, cutoff tuned on the tuning split), jellyfish metaphone / NYSIIS keys,
  and rigour's ``compare_parts`` (the OpenSanctions name-part scorer) when installed.

Each size runs in its own child process so that peak RSS is per size. The report is printed
and written to bench/results/core.json (and core.txt when run through ``tee``).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import importlib
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter, OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
# The parent process snapshots namenorm/ and points its workers at the copy, so edits made to
# the work tree while the benchmark runs cannot mix code versions within one run.
sys.path.insert(0, os.environ.get("NAMENORM_BENCH_SRC") or str(HERE.parent))

from bench_support import git_state, log, pct
from bench_support import versions as package_versions

from namenorm import Entity, Resolver, normalize_name
from namenorm import keys as nn_keys

LOCALES = (
    "en_US", "en_GB", "en_IE", "de_DE", "de_AT", "fr_FR", "fr_CH", "es_ES",
    "es_MX", "it_IT", "pt_BR", "pt_PT", "nl_NL", "pl_PL", "sv_SE", "no_NO",
    "da_DK", "fi_FI", "cs_CZ", "sk_SK", "sl_SI", "hr_HR", "hu_HU", "tr_TR",
    "ro_RO", "lt_LT", "lv_LV", "et_EE",
)
MIDDLE_RATE = 0.12
HOLDOUT_SURNAME_RATE = 0.05
THRESHOLDS = [round(0.50 + 0.01 * i, 2) for i in range(50)]
"""Probabilities swept for namenorm's threshold on the tuning split."""
MARGINS = [0.0, 0.02, 0.03, 0.05]
"""Margins swept for the baselines' cutoffs (namenorm's probabilities already weigh rivals)."""
NN_MARGINS = [0.0]
FP_BUDGET = 0.03
RF_CUTOFFS = list(range(60, 101))


# ---------------------------------------------------------------------------------------------
# Name pools and galleries
# ---------------------------------------------------------------------------------------------

def _weighted(values: Any) -> list[tuple[str, float]]:
    if isinstance(values, (dict, OrderedDict)):
        return [(k, float(v)) for k, v in values.items()]
    return [(v, 1.0) for v in values]


def _clean(name: str) -> bool:
    norm = normalize_name(name)
    return bool(norm) and all(t.isalpha() for t in norm.split()) and len(norm) >= 2


def name_pools() -> dict[str, tuple[list[str], list[float], list[str], list[float]]]:
    """Per locale: first names and weights, last names and weights (deduplicated)."""
    pools = {}
    for loc in LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except ImportError:
            continue
        out = []
        for part in ("first", "last"):
            acc: dict[str, float] = {}
            for attr in (f"{part}_names", f"{part}_names_male", f"{part}_names_female"):
                values = getattr(provider, attr, None)
                if not values:
                    continue
                for name, w in _weighted(values):
                    name = " ".join(name.split())
                    if _clean(name):
                        acc[name] = acc.get(name, 0.0) + w
            out.append(acc)
        firsts, lasts = out
        if len(firsts) < 20 or len(lasts) < 20:
            continue
        pools[loc] = (list(firsts), list(firsts.values()), list(lasts), list(lasts.values()))
    return pools


class Gallery:
    """A seeded gallery plus the held-out material for unknown queries."""

    def __init__(self, n: int, seed: int) -> None:
        pools = name_pools()
        self.locales = sorted(pools)
        all_first_tokens = {t for f, _, _, _ in pools.values() for n_ in f
                            for t in normalize_name(n_).split()}
        last_tokens = sorted({normalize_name(n_).split()[-1] for _, _, l, _ in pools.values()
                              for n_ in l})
        rng = random.Random(f"{seed}-holdout")
        candidates = [t for t in last_tokens if t not in all_first_tokens]
        self.held_tokens = set(rng.sample(candidates, int(len(candidates) * HOLDOUT_SURNAME_RATE)))
        self.pools = {}
        for loc in self.locales:
            f, fw, l, lw = pools[loc]
            keep = [(x, w) for x, w in zip(l, lw)
                    if normalize_name(x).split()[-1] not in self.held_tokens]
            held = [x for x in l if normalize_name(x).split()[-1] in self.held_tokens]
            self.pools[loc] = (f, _cum(fw), [x for x, _ in keep], _cum([w for _, w in keep]), held)

        rng = random.Random(f"{seed}-gallery")
        self.names: list[str] = []
        self.parts: list[tuple[str, str, str, str]] = []  # locale, first, middle, last
        self.norm_set: set[str] = set()
        tries = 0
        while len(self.names) < n:
            tries += 1
            if tries > 50 * n + 1000:
                raise RuntimeError("name pools too small for this gallery size")
            loc = self.locales[rng.randrange(len(self.locales))]
            f, fcw, l, lcw, _ = self.pools[loc]
            first = rng.choices(f, cum_weights=fcw)[0]
            last = rng.choices(l, cum_weights=lcw)[0]
            middle = ""
            if rng.random() < MIDDLE_RATE:
                middle = rng.choices(f, cum_weights=fcw)[0]
                if middle == first:
                    middle = ""
            name = " ".join(x for x in (first, middle, last) if x)
            norm = normalize_name(name)
            if norm in self.norm_set:
                continue
            self.norm_set.add(norm)
            self.names.append(name)
            self.parts.append((loc, first, middle, last))
        self.ids = [f"p{i:07d}" for i in range(n)]

    def entities(self) -> list[Entity]:
        return [Entity(i, name, "person") for i, name in zip(self.ids, self.names)]


def _cum(weights: Sequence[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


# ---------------------------------------------------------------------------------------------
# Noise
# ---------------------------------------------------------------------------------------------

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
NEIGHBOURS: dict[str, str] = {}
for _r, _row in enumerate(_ROWS):
    for _c, _ch in enumerate(_row):
        near = []
        for dr in (-1, 0, 1):
            rr = _r + dr
            if 0 <= rr < 3:
                for dc in (-1, 0, 1):
                    cc = _c + dc
                    if (dr or dc) and 0 <= cc < len(_ROWS[rr]):
                        near.append(_ROWS[rr][cc])
        NEIGHBOURS[_ch] = "".join(near)

# (pattern, replacement): a respelling that keeps the sound.
PHONETIC_RULES: tuple[tuple[str, str], ...] = (
    (r"ph", "f"), (r"f", "ph"), (r"ff", "pp"), (r"pp", "ff"),
    (r"ie\b", "y"), (r"y\b", "ie"), (r"ie", "y"), (r"(?<=[a-z])y", "ie"),
    (r"c(?=[aou])", "k"), (r"k", "c"), (r"ck", "k"),
    (r"ou", "u"), (r"(?<=[bcdfgklmnprst])u(?=[bcdfgklmnprst])", "ou"),
    (r"ei", "ie"), (r"ie", "ei"),
    (r"([bcdfgklmnprstz])\1", r"\1"),
    (r"(?<=[aeiou])([bdfgklmnprst])(?=[aeiou])", r"\1\1"),
    (r"th", "t"), (r"(?<=[aeiou])t(?=[aeiou])", "th"), (r"w", "v"), (r"v", "w"),
    (r"sch", "sh"), (r"sh", "sch"), (r"z", "s"), (r"s(?=[aeiou])", "z"),
)
_PHONETIC_RES = tuple((re.compile(p, re.IGNORECASE), r) for p, r in PHONETIC_RULES)


def _match_case(src: str, new: str) -> str:
    return new[:1].upper() + new[1:] if src[:1].isupper() else new


def typo(token: str, rng: random.Random) -> str:
    """One keyboard typo: delete, insert, substitute with a neighbour key, or transpose."""
    if len(token) < 3:
        return token
    op = rng.choice(("delete", "insert", "substitute", "transpose"))
    i = rng.randrange(len(token))
    ch = token[i]
    low = ch.lower()
    if op == "delete":
        return token[:i] + token[i + 1:]
    if op == "insert":
        base = NEIGHBOURS.get(low) or "aeiou"
        new = rng.choice(base + low)  # a neighbour or a doubled key
        return token[:i + 1] + new + token[i + 1:]
    if op == "substitute":
        base = NEIGHBOURS.get(low)
        if not base:
            return token
        new = rng.choice(base)
        return token[:i] + (new.upper() if ch.isupper() else new) + token[i + 1:]
    if i == len(token) - 1:
        i -= 1
    a, b = token[i], token[i + 1]
    if a.lower() == b.lower():
        return token
    if i == 0:
        return b.upper() + a.lower() + token[2:] if a.isupper() else b + a + token[2:]
    return token[:i] + b + a + token[i + 2:]


def phonetic(tokens: list[str], rng: random.Random) -> list[str] | None:
    """One sound-preserving respelling in one token, or None if no rule applies."""
    options = []
    for t_idx, tok in enumerate(tokens):
        for pat, repl in _PHONETIC_RES:
            for m in pat.finditer(tok):
                options.append((t_idx, pat, repl, m))
    if not options:
        return None
    t_idx, pat, repl, m = rng.choice(options)
    tok = tokens[t_idx]
    new = m.expand(repl)
    new = _match_case(m.group(0), new)
    out = list(tokens)
    out[t_idx] = tok[:m.start()] + new + tok[m.end():]
    return out


def add_noise(name: str, rng: random.Random) -> tuple[str, str]:
    """A misspelled variant of ``name`` and the kind of noise applied."""
    tokens = name.split()
    r = rng.random()
    if r < 0.35:
        kind = "phonetic"
        out = phonetic(tokens, rng)
        if out is not None:
            return " ".join(out), kind
    long = [i for i, t in enumerate(tokens) if len(t) >= 3] or [len(tokens) - 1]
    if r < 0.70:
        i = rng.choice(long)
        tokens[i] = typo(tokens[i], rng)
        return " ".join(tokens), "typo1"
    if rng.random() < 0.5 or len(long) < 2:
        i = rng.choice(long)
        tokens[i] = typo(typo(tokens[i], rng), rng)
        return " ".join(tokens), "typo2-one-token"
    i, j = rng.sample(long, 2)
    tokens[i] = typo(tokens[i], rng)
    tokens[j] = typo(tokens[j], rng)
    return " ".join(tokens), "typo2-two-tokens"


def exact_variant(name: str, parts: tuple[str, str, str, str], rng: random.Random) -> str:
    _, first, middle, last = parts
    v = rng.randrange(7)
    if v == 0:
        return name
    if v == 1:
        return name.lower()
    if v == 2:
        return name.upper()
    if v == 3:
        given = " ".join(x for x in (first, middle) if x)
        return f"{last}, {given}"
    if v == 4:
        stripped = "".join(c for c in unicodedata.normalize("NFKD", name)
                           if not unicodedata.combining(c))
        return stripped if stripped != name else name.title()
    if v == 5:
        return "  " + name.replace(" ", "  ") + "."
    return name.replace(" ", "-", 1) if middle else f"{first.upper()} {last}"


# ---------------------------------------------------------------------------------------------
# Queries
# ---------------------------------------------------------------------------------------------

def make_queries(g: Gallery, q: int, seed: int) -> dict[str, Any]:
    rng = random.Random(f"{seed}-queries-{len(g.names)}")
    n = len(g.names)
    picks = rng.sample(range(n), min(n, 2 * q))
    exact_idx, miss_idx = picks[:q], picks[q:2 * q]
    exact = [{"q": exact_variant(g.names[i], g.parts[i], rng), "truth": g.ids[i], "kind": "exact",
              "orig": g.names[i]} for i in exact_idx]

    def noisy(name: str) -> tuple[str, str] | None:
        base = normalize_name(name)
        for _ in range(30):
            out, kind = add_noise(name, rng)
            norm = normalize_name(out)
            if norm and norm != base and norm not in g.norm_set:
                return out, kind
        return None

    misspelled = []
    for i in miss_idx:
        got = noisy(g.names[i])
        if got:
            misspelled.append({"q": got[0], "truth": g.ids[i], "kind": got[1], "orig": g.names[i]})

    unknown = []
    half = q // 2
    attempts = 0
    while len(unknown) < q and attempts < 100 * q:
        attempts += 1
        new_surname = len(unknown) < half
        if new_surname:
            loc = g.locales[rng.randrange(len(g.locales))]
            f, fcw, _, _, held = g.pools[loc]
            if not held:
                continue
            last = rng.choice(held)
            first = rng.choices(f, cum_weights=fcw)[0]
            sub = "new-surname"
        else:
            loc, _, _, last = g.parts[rng.randrange(n)]
            f, fcw, _, _, _ = g.pools[loc]
            first = rng.choices(f, cum_weights=fcw)[0]
            sub = "known-surname"
        name = f"{first} {last}"
        if normalize_name(name) in g.norm_set:
            continue
        if any(u["orig"] == name for u in unknown[-50:]):
            continue
        item = {"q": name, "truth": None, "kind": f"{sub}/clean", "orig": name}
        if rng.random() < 0.5:
            got = noisy(name)
            if got is None:
                continue
            item["q"], item["kind"] = got[0], f"{sub}/noisy-{got[1]}"
        unknown.append(item)

    split_rng = random.Random(f"{seed}-split")
    out: dict[str, Any] = {"exact": exact}
    for label, items in (("misspelled", misspelled), ("unknown", unknown)):
        order = list(range(len(items)))
        split_rng.shuffle(order)
        cut = len(order) // 2
        out[f"{label}_tune"] = [items[i] for i in order[:cut]]
        out[f"{label}_test"] = [items[i] for i in order[cut:]]
    return out


# ---------------------------------------------------------------------------------------------
# Scoring helpers
# ---------------------------------------------------------------------------------------------

def score(preds: Sequence[str | None], items: Sequence[dict[str, Any]]) -> dict[str, float]:
    known = [(p, it["truth"]) for p, it in zip(preds, items) if it["truth"] is not None]
    unknown = [p for p, it in zip(preds, items) if it["truth"] is None]
    out: dict[str, float] = {}
    if known:
        out["accuracy"] = sum(p == t for p, t in known) / len(known)
        out["wrong"] = sum(p is not None and p != t for p, t in known) / len(known)
        out["abstain"] = sum(p is None for p, _ in known) / len(known)
        out["n_known"] = len(known)
    if unknown:
        out["fp"] = sum(p is not None for p in unknown) / len(unknown)
        out["n_unknown"] = len(unknown)
    return out


def pick_setting(grid: list[dict[str, Any]]) -> dict[str, Any]:
    """Highest accuracy with FP <= budget; ties to lower FP; else best accuracy - FP."""
    ok = [g for g in grid if g["fp"] <= FP_BUDGET + 1e-12]
    if ok:
        return max(ok, key=lambda g: (round(g["accuracy"], 6), -g["fp"]))
    return max(grid, key=lambda g: g["accuracy"] - g["fp"])


def rss_mb() -> float:
    try:
        import psutil
        return psutil.Process().memory_info().rss / 2**20
    except ImportError:
        return float("nan")


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dl(a: str, b: str) -> int:
    import jellyfish
    return jellyfish.damerau_levenshtein_distance(a, b)


# ---------------------------------------------------------------------------------------------
# namenorm
# ---------------------------------------------------------------------------------------------

def reset_query_caches(r: Resolver) -> None:
    """Put the key caches back in their post-build state, so repeats time cold queries."""
    cached = [f for f in (getattr(nn_keys, "metaphone_key", None), getattr(nn_keys, "skeleton_key", None))
              if hasattr(f, "cache_clear")]
    for f in cached:
        f.cache_clear()
    r.index.words.clear_query_cache()  # the per-word candidate cache shared by queries
    r.engine.forget()  # utilities remembered by feature row, each form's probability as written
    for tok in r.index.tables.vocab:  # bench-only peek: the build warms exactly these
        for f in cached:
            f(tok)


def time_resolve(r: Resolver, names: list[str], repeats: int) -> tuple[float, list[Any], list[float]]:
    runs, first = [], None
    for _ in range(repeats):
        reset_query_caches(r)
        gc.collect()
        t0 = time.perf_counter()
        res = r.resolve_many(names)
        runs.append(time.perf_counter() - t0)
        if first is None:
            first = res
    qps = [len(names) / t for t in runs]
    return statistics.median(qps), first, qps


def decisions(r: Resolver, names: list[str]) -> list[tuple[float, str | None]]:
    """Threshold-independent evidence per query: the top candidate's probability and id."""
    out: list[tuple[float, str | None]] = []
    for name in names:
        d = r.decide(name)
        out.append((d.matches[0].score, d.matches[0].id) if d.matches else (0.0, None))
    return out


def decide(ev: tuple[float, str | None], t: float, m: float = 0.0) -> str | None:
    """What ``resolve`` answers at threshold ``t`` (``m`` is unused: rivals are in the probability)."""
    p, entity = ev
    return entity if entity is not None and p >= t else None


# ---------------------------------------------------------------------------------------------
# Baselines
# ---------------------------------------------------------------------------------------------

class RapidfuzzBaseline:
    def __init__(self, names: list[str], ids: list[str], scorer_name: str) -> None:
        from rapidfuzz import fuzz, utils
        self.process_fn = utils.default_process
        self.scorer = getattr(fuzz, scorer_name)
        self.name = f"rapidfuzz {scorer_name}"
        t0 = time.perf_counter()
        self.choices = [self.process_fn(n) for n in names]
        self.build_s = time.perf_counter() - t0
        self.ids = ids

    def best(self, queries: list[str], cutoff: float) -> tuple[list[tuple[str | None, float]], float]:
        from rapidfuzz import process
        out = []
        t0 = time.perf_counter()
        for q in queries:
            hit = process.extractOne(self.process_fn(q), self.choices, scorer=self.scorer,
                                     processor=None, score_cutoff=cutoff)
            out.append((self.ids[hit[2]], hit[1]) if hit else (None, 0.0))
        return out, time.perf_counter() - t0


class KeyBaseline:
    """Index by concatenated per-token phonetic keys; unique key owner, or best Jaro-Winkler."""

    def __init__(self, names: list[str], ids: list[str], algo: str) -> None:
        import jellyfish
        from unidecode import unidecode
        self.jf = jellyfish
        self.unidecode = unidecode
        self.fn = getattr(jellyfish, algo)
        self.name = f"jellyfish {algo} key"
        t0 = time.perf_counter()
        self.table: dict[str, list[int]] = {}
        self.norm = []
        for i, n in enumerate(names):
            norm, key = self._key(n)
            self.norm.append(norm)
            self.table.setdefault(key, []).append(i)
        self.build_s = time.perf_counter() - t0
        self.ids = ids

    def _key(self, name: str) -> tuple[str, str]:
        norm = " ".join(re.findall(r"[a-z]+", self.unidecode(name).lower()))
        return norm, " ".join(self.fn(t) for t in norm.split())

    def resolve(self, queries: list[str], tiebreak: bool) -> tuple[list[str | None], float]:
        out: list[str | None] = []
        t0 = time.perf_counter()
        jw = self.jf.jaro_winkler_similarity
        for q in queries:
            norm, key = self._key(q)
            owners = self.table.get(key, ())
            if len(owners) == 1:
                out.append(self.ids[owners[0]])
            elif len(owners) > 1 and tiebreak:
                scored = sorted(((jw(norm, self.norm[i]), i) for i in owners), reverse=True)
                out.append(None if scored[0][0] == scored[1][0] else self.ids[scored[0][1]])
            else:
                out.append(None)
        return out, time.perf_counter() - t0


class RigourBaseline:
    """rigour.names.compare_parts (OpenSanctions' residue scorer), brute force over the gallery."""

    def __init__(self, names: list[str], ids: list[str]) -> None:
        from rigour.names import Name, NameTypeTag, align_person_name_order, compare_parts
        self.Name, self.tag = Name, NameTypeTag.PER
        self.align, self.compare = align_person_name_order, compare_parts
        self.name = "rigour compare_parts"
        t0 = time.perf_counter()
        self.parts = [Name(n, tag=self.tag).parts for n in names]
        self.build_s = time.perf_counter() - t0
        self.ids = ids

    def pair_score(self, qp: Any, rp: Any) -> float:
        a, b = self.align(qp, rp)
        al = self.compare(a, b)
        w = sum(x.weight for x in al)
        return sum(x.score * x.weight for x in al) / w if w else 0.0

    def best(self, queries: list[str]) -> tuple[list[tuple[str | None, float, float]], float]:
        out = []
        t0 = time.perf_counter()
        for q in queries:
            qp = self.Name(q, tag=self.tag).parts
            s1, i1, s2 = -1.0, -1, -1.0
            for i, rp in enumerate(self.parts):
                s = self.pair_score(qp, rp)
                if s > s1:
                    s1, i1, s2 = s, i, s1
                elif s > s2:
                    s2 = s
            out.append((self.ids[i1] if i1 >= 0 else None, s1, s2))
        return out, time.perf_counter() - t0


def sample(items: list[dict[str, Any]], k: int, seed: str) -> list[dict[str, Any]]:
    if k >= len(items):
        return list(items)
    return random.Random(seed).sample(items, k)


# ---------------------------------------------------------------------------------------------
# One size (child process)
# ---------------------------------------------------------------------------------------------

def run_size(n: int, args: argparse.Namespace) -> dict[str, Any]:
    res: dict[str, Any] = {"size": n, "source": source_fingerprint()}
    rss0 = rss_mb()
    t0 = time.perf_counter()
    g = Gallery(n, args.seed)
    res["gallery_s"] = time.perf_counter() - t0
    log(f"N={n}: gallery in {res['gallery_s']:.1f}s ({len(g.locales)} locales, "
        f"{len(g.held_tokens)} held-out surname tokens)")
    qs = make_queries(g, args.queries, args.seed)
    res["query_counts"] = {k: len(v) for k, v in qs.items()}
    res["examples_of_queries"] = {k: [(it["q"], it["orig"], it["kind"]) for it in v[:6]]
                                  for k, v in qs.items()}
    entities = g.entities()
    gc.collect()
    rss_before = rss_mb()

    t0 = time.perf_counter()
    r = Resolver(entities)
    _ = r.index  # the index is built lazily; this is the load time
    res["build_s"] = time.perf_counter() - t0
    res["rss_before_build_mb"] = rss_before
    res["rss_after_build_mb"] = rss_mb()
    res["peak_rss_mb"] = maxrss_mb()
    res["rss_start_mb"] = rss0
    res["forms"] = r.index.tables.form_count
    res["vocab"] = len(r.index.tables.vocab_ids)
    # The resolver's own default, read before anything overrides it.
    default_t, default_m = float(r.threshold), 0.0
    res["default_threshold"], res["default_margin"] = default_t, default_m
    log(f"N={n}: build {res['build_s']:.1f}s, RSS {res['rss_after_build_mb']:.0f} MB; "
        f"defaults threshold {default_t} margin {default_m} ({res['forms']:,} forms)")

    repeats = args.repeats if n < 1_000_000 else 1
    res["repeats"] = repeats
    nn: dict[str, Any] = {}
    preds: dict[str, list[str | None]] = {}
    matches: dict[str, list[Any]] = {}
    for cat in ("exact", "misspelled_test", "unknown_test"):
        names = [it["q"] for it in qs[cat]]
        qps, first, all_qps = time_resolve(r, names, repeats)
        matches[cat] = first
        preds[cat] = [m.id if m else None for m in first]
        nn[cat] = {"qps": qps, "qps_runs": all_qps, **score(preds[cat], qs[cat])}
        log(f"N={n}: namenorm {cat}: {qps:.0f} q/s {nn[cat]}")
    res["namenorm"] = nn

    # per noise kind breakdown
    by_kind: dict[str, dict[str, Any]] = {}
    for cat in ("misspelled_test", "unknown_test"):
        kinds = sorted({it["kind"] for it in qs[cat]})
        for k in kinds:
            idx = [i for i, it in enumerate(qs[cat]) if it["kind"] == k]
            by_kind[k] = {"n": len(idx), **score([preds[cat][i] for i in idx],
                                                 [qs[cat][i] for i in idx])}
    res["namenorm_by_kind"] = by_kind
    methods = Counter(m.method for cat in matches for m in matches[cat] if m)
    res["namenorm_methods"] = dict(methods)
    res["unknown_fp_analysis"] = fp_analysis(g, qs["unknown_test"], matches["unknown_test"])
    log(f"N={n}: FP analysis {res['unknown_fp_analysis']}")

    # --- calibration on the tuning split ---
    t0 = time.perf_counter()
    tune_items = qs["misspelled_tune"] + qs["unknown_tune"]
    evidence = decisions(r, [it["q"] for it in tune_items])
    grid = []
    for m in NN_MARGINS:
        for t in THRESHOLDS:
            p = [decide(ev, t, m) for ev in evidence]
            grid.append({"threshold": t, "margin": m, **score(p, tune_items)})
    best = pick_setting(grid)
    default = {"threshold": default_t, "margin": default_m,
               **score([decide(ev, default_t, default_m) for ev in evidence], tune_items)}
    # verify the mirror against the real resolver at the chosen setting and the default
    check = []
    n_check = len(tune_items) if n < 1_000_000 else 400
    for t, m in ((best["threshold"], best["margin"]), (default_t, default_m)):
        r.threshold = t
        real = [x.id if x else None
                for x in r.resolve_many([it["q"] for it in tune_items[:n_check // 2]]
                                        + [it["q"] for it in tune_items[-(n_check // 2):]])]
        mirror = [decide(ev, t, m) for ev in evidence[:n_check // 2] + evidence[-(n_check // 2):]]
        check.append(sum(a == b for a, b in zip(real, mirror)) / len(real))
    res["calibration"] = {"grid": grid, "best": best, "default_on_tune": default,
                          "mirror_agreement": check, "seconds": time.perf_counter() - t0}
    # chosen setting on the test split
    r.threshold = best["threshold"]
    cal = {}
    for cat in ("misspelled_test", "unknown_test"):
        p = [x.id if x else None for x in r.resolve_many([it["q"] for it in qs[cat]])]
        cal[cat] = score(p, qs[cat])
    res["namenorm_calibrated_test"] = cal
    # back to the resolver's default: None restores the match model's threshold
    r.threshold = None
    if r.threshold != default_t:
        raise RuntimeError(f"default not restored: {r.threshold} != {default_t}")
    log(f"N={n}: calibration best {best} (mirror agreement {check}); test {cal}")

    # --- failure examples (default setting) ---
    res["failures"] = failure_examples(r, g, qs, preds)

    # --- baselines ---
    if not args.no_baselines:
        res["baselines"] = run_baselines(n, g, qs, preds, args)
    return res


def fp_analysis(g: Gallery, items: list[dict[str, Any]], found: list[Any]) -> dict[str, Any]:
    """How near each unknown query is to the gallery, and which FPs are the matcher's doing.

    The distance is the Levenshtein distance between normalized names to the nearest gallery
    name (brute force, rapidfuzz): an unknown name one edit away from a gallery name looks
    exactly like a typo of it, so FPs there are hard for any matcher without context.
    """
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein
    norms = [normalize_name(x) for x in g.names]
    buckets: dict[str, list[int]] = {"<=1": [0, 0], "2": [0, 0], ">=3": [0, 0]}
    by_method: Counter[str] = Counter()
    same_surname = 0
    for it, m in zip(items, found):
        q = normalize_name(it["q"])
        hit = process.extractOne(q, norms, scorer=Levenshtein.distance, score_cutoff=2)
        d = hit[1] if hit else 3
        key = "<=1" if d <= 1 else "2" if d == 2 else ">=3"
        buckets[key][0] += 1
        if m is not None:
            buckets[key][1] += 1
            by_method[m.method] += 1
            same_surname += q.split()[-1] == m.form.split()[-1]
    return {"nearest_distance_buckets": buckets, "fp_methods": dict(by_method),
            "fp_same_last_token": same_surname}


def failure_examples(r: Resolver, g: Gallery, qs: dict[str, Any],
                     preds: dict[str, list[str | None]]) -> dict[str, list[dict[str, Any]]]:
    id_to_name = dict(zip(g.ids, g.names))
    rng = random.Random("failures")

    def cands(q: str) -> list[list[Any]]:
        return [[c.id, c.name, round(c.score, 4), c.method] for c in r.candidates(q, limit=3)]

    def pick(idx: list[int], k: int = 40) -> list[int]:
        return sorted(rng.sample(idx, k)) if len(idx) > k else idx

    out: dict[str, list[dict[str, Any]]] = {}
    items, p = qs["misspelled_test"], preds["misspelled_test"]
    wrong = [i for i, it in enumerate(items) if p[i] is not None and p[i] != it["truth"]]
    missed = [i for i, it in enumerate(items) if p[i] is None]
    rows = []
    closer = 0
    for i in wrong:
        qn = normalize_name(items[i]["q"])
        d_truth = dl(qn, normalize_name(items[i]["orig"]))
        d_pred = dl(qn, normalize_name(id_to_name[p[i]]))
        closer += d_pred <= d_truth
    for i in pick(wrong):
        it = items[i]
        qn = normalize_name(it["q"])
        rows.append({"query": it["q"], "kind": it["kind"], "truth": f"{it['truth']} {it['orig']}",
                     "returned": f"{p[i]} {id_to_name[p[i]]}",
                     "dl_to_truth": dl(qn, normalize_name(it["orig"])),
                     "dl_to_returned": dl(qn, normalize_name(id_to_name[p[i]])),
                     "truth_score": next((c[2] for c in cands(it["q"]) if c[0] == it["truth"]), None),
                     "candidates": cands(it["q"])})
    out["misspelled_wrong"] = rows
    out["misspelled_wrong_total"] = [len(wrong), closer]
    rows = []
    for i in pick(missed):
        it = items[i]
        rows.append({"query": it["q"], "kind": it["kind"], "truth": f"{it['truth']} {it['orig']}",
                     "candidates": cands(it["q"])})
    out["misspelled_missed"] = rows
    items, p = qs["unknown_test"], preds["unknown_test"]
    fps = [i for i, it in enumerate(items) if p[i] is not None]
    rows = []
    for i in pick(fps):
        it = items[i]
        qn = normalize_name(it["q"])
        rows.append({"query": it["q"], "kind": it["kind"], "clean": it["orig"],
                     "returned": f"{p[i]} {id_to_name[p[i]]}",
                     "dl_to_returned": dl(qn, normalize_name(id_to_name[p[i]])),
                     "candidates": cands(it["q"])})
    out["unknown_fp"] = rows
    out["unknown_fp_total"] = [len(fps)]
    return out


def run_baselines(n: int, g: Gallery, qs: dict[str, Any], preds: dict[str, list[str | None]],
                  args: argparse.Namespace) -> dict[str, Any]:
    out: dict[str, Any] = {}
    cats = ("exact", "misspelled_test", "unknown_test")
    nn_pos = {cat: {id(it): i for i, it in enumerate(qs[cat])} for cat in cats}

    def nn_on(cat: str, items: list[dict[str, Any]]) -> dict[str, float]:
        return score([preds[cat][nn_pos[cat][id(it)]] for it in items], items)

    # jellyfish keys: full test split
    for algo in ("metaphone", "nysiis"):
        kb = KeyBaseline(g.names, g.ids, algo)
        for tiebreak in (False, True):
            label = f"{kb.name} ({'best Jaro-Winkler among owners' if tiebreak else 'unique owner'})"
            entry: dict[str, Any] = {"build_s": kb.build_s, "sampled": False}
            for cat in cats:
                p, secs = kb.resolve([it["q"] for it in qs[cat]], tiebreak)
                entry[cat] = {"qps": len(p) / secs, "n": len(p), **score(p, qs[cat]),
                              "namenorm_same_queries": nn_on(cat, qs[cat])}
            out[label] = entry
            log(f"N={n}: {label}: " + ", ".join(f"{c} {entry[c]}" for c in cats))
        del kb

    # rapidfuzz: sampled when slow
    k = args.rf_sample or max(40, min(2000, int(2.0e7 / n)))
    k_exact = max(10, k // 4)
    tune_k = k if n < 1_000_000 else max(10, k // 2)
    for scorer in ("WRatio", "token_sort_ratio"):
        rb = RapidfuzzBaseline(g.names, g.ids, scorer)
        tune = (sample(qs["misspelled_tune"], tune_k // 2, "rf-tune-m")
                + sample(qs["unknown_tune"], tune_k // 2, "rf-tune-u"))
        best_scores, _ = rb.best([it["q"] for it in tune], 0)
        grid = []
        for c in RF_CUTOFFS:
            p = [i if s >= c else None for i, s in best_scores]
            grid.append({"cutoff": c, **score(p, tune)})
        chosen = pick_setting(grid)
        entry = {"build_s": rb.build_s, "cutoff": chosen["cutoff"], "tune": chosen,
                 "tune_n": len(tune), "grid": grid, "sampled": True}
        for cat in cats:
            items = sample(qs[cat], k_exact if cat == "exact" else k // 2, f"rf-{cat}")
            got, secs = rb.best([it["q"] for it in items], chosen["cutoff"])
            p = [i for i, _ in got]
            entry[cat] = {"qps": len(items) / secs, "n": len(items), **score(p, items),
                          "namenorm_same_queries": nn_on(cat, items)}
        out[rb.name] = entry
        log(f"N={n}: {rb.name} cutoff {chosen['cutoff']}: "
            + ", ".join(f"{c} {entry[c]}" for c in cats))
        del rb

    # rigour: brute force, only on small galleries
    if n <= args.rigour_max_size:
        try:
            rg = RigourBaseline(g.names, g.ids)
        except ImportError as exc:
            out["rigour"] = {"skipped": f"rigour not installed ({exc})"}
        else:
            kr = max(10, min(400, int(2.0e6 / n)))
            tune = (sample(qs["misspelled_tune"], kr // 2, "rg-tune-m")
                    + sample(qs["unknown_tune"], kr // 2, "rg-tune-u"))
            got, _ = rg.best([it["q"] for it in tune])
            grid = []
            for c in [round(0.5 + 0.01 * i, 2) for i in range(51)]:
                for m in MARGINS:
                    p = [i if s1 >= c and s1 - s2 >= m else None for i, s1, s2 in got]
                    grid.append({"cutoff": c, "margin": m, **score(p, tune)})
            chosen = pick_setting(grid)
            entry = {"build_s": rg.build_s, "cutoff": chosen["cutoff"], "margin": chosen["margin"],
                     "tune": chosen, "tune_n": len(tune), "sampled": True}
            for cat in cats:
                items = sample(qs[cat], max(5, kr // 4) if cat == "exact" else kr // 2, f"rg-{cat}")
                got, secs = rg.best([it["q"] for it in items])
                p = [i if s1 >= chosen["cutoff"] and s1 - s2 >= chosen["margin"] else None
                     for i, s1, s2 in got]
                entry[cat] = {"qps": len(items) / secs, "n": len(items), **score(p, items),
                              "namenorm_same_queries": nn_on(cat, items)}
            out[rg.name] = entry
            log(f"N={n}: {rg.name}: " + ", ".join(f"{c} {entry[c]}" for c in cats))
    else:
        out["rigour compare_parts"] = {"skipped": f"brute force over {n} names is too slow "
                                                  f"(> --rigour-max-size {args.rigour_max_size})"}
    return out


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------

def header(args: argparse.Namespace, env: dict[str, str]) -> str:
    L: list[str] = []
    w = L.append
    w("namenorm core benchmark")
    w("=" * 23)
    w(f"command: {env['command']}")
    w(f"namenorm at git {env['git']} (source hash {env['source']})")
    w(f"python {env['python']}, namenorm {env['namenorm']}, rapidfuzz {env['rapidfuzz']}, "
      f"jellyfish {env['jellyfish']}, faker {env['faker']}, rigour {env['rigour']}")
    w(f"machine: {env['cpus']} CPUs, load average at start {env['load']}; timings are single-threaded "
      f"and noisy when the machine is shared")
    w(f"seed {args.seed}, {args.queries} queries per category (misspelled and unknown split "
      f"half tuning / half test); namenorm at its own defaults, read from each gallery's "
      f"Resolver (threshold: the match model's probability)")
    return "\n".join(L)


def report(results: list[dict[str, Any]]) -> str:
    L: list[str] = []
    w = L.append
    for res in results:
        n = res["size"]
        nn = res["namenorm"]
        w(f"--- gallery N = {n:,} ---")
        w(f"gallery generation {res['gallery_s']:.1f}s; {res['forms']:,} index forms, "
          f"{res['vocab']:,} distinct tokens")
        w(f"namenorm defaults for this gallery (read from Resolver): threshold "
          f"{res['default_threshold']}, margin {res['default_margin']}")
        w(f"build (Resolver(...).index): {res['build_s']:.2f}s   RSS before build "
          f"{res['rss_before_build_mb']:.0f} MB, after {res['rss_after_build_mb']:.0f} MB "
          f"(index ~{res['rss_after_build_mb'] - res['rss_before_build_mb']:.0f} MB), "
          f"peak RSS {res['peak_rss_mb']:.0f} MB")
        qc = res["query_counts"]
        w(f"queries: exact {qc['exact']}, misspelled test {qc['misspelled_test']} "
          f"(tune {qc['misspelled_tune']}), unknown test {qc['unknown_test']} "
          f"(tune {qc['unknown_tune']})")
        rep = f"median of {res['repeats']}" if res["repeats"] > 1 else "single run"
        w(f"namenorm resolve_many q/s ({rep}): exact {nn['exact']['qps']:,.0f}   "
          f"misspelled {nn['misspelled_test']['qps']:,.0f}   unknown {nn['unknown_test']['qps']:,.0f}")
        ms, un, ex = nn["misspelled_test"], nn["unknown_test"], nn["exact"]
        w(f"namenorm accuracy: exact {pct(ex['accuracy'])} | misspelled top-1 {pct(ms['accuracy'])}, "
          f"wrong {pct(ms['wrong'])}, abstain {pct(ms['abstain'])} | unknown FP {pct(un['fp'])}")
        w("  by noise kind (test split):")
        for k, v in res["namenorm_by_kind"].items():
            if "accuracy" in v:
                w(f"    {k:36s} n={v['n']:4d}  acc {pct(v['accuracy'])}  wrong {pct(v['wrong'])}")
            else:
                w(f"    {k:36s} n={v['n']:4d}  FP {pct(v['fp'])}")
        w(f"  methods used: {res['namenorm_methods']}")
        fa = res.get("unknown_fp_analysis")
        if fa:
            b_ = fa["nearest_distance_buckets"]
            w("  unknown test queries by Levenshtein distance to the nearest gallery name: "
              + ", ".join(f"{k}: {v[0]} queries, {v[1]} FP ({pct(v[1] / v[0] if v[0] else 0)})"
                          for k, v in b_.items()))
            w(f"  false positives by method: {fa['fp_methods']}; with the same last token as the "
              f"query: {fa['fp_same_last_token']}")
        cal = res["calibration"]
        b, d = cal["best"], cal["default_on_tune"]
        w(f"calibration on the tuning split ({cal['seconds']:.0f}s; mirror of resolve agrees with "
          f"the real resolver on {', '.join(pct(x) for x in cal['mirror_agreement'])} of queries):")
        w("  threshold   " + "  ".join(f"m={m:<4}          " for m in NN_MARGINS))
        for t in THRESHOLDS:
            cells = []
            for m in NN_MARGINS:
                g_ = next(x for x in cal["grid"] if x["threshold"] == t and x["margin"] == m)
                cells.append(f"{pct(g_['accuracy'])} / {pct(g_['fp'])}")
            w(f"  {t:.2f}        " + "   ".join(cells))
        w("  (cells: misspelled accuracy / unknown FP)")
        w(f"  default {d['threshold']}/{d['margin']} on tune: acc {pct(d['accuracy'])}, "
          f"wrong {pct(d['wrong'])}, FP {pct(d['fp'])}")
        if b["fp"] <= FP_BUDGET + 1e-12:
            w(f"  best with FP <= {FP_BUDGET:.0%}: threshold {b['threshold']:.2f}, margin {b['margin']}: "
              f"acc {pct(b['accuracy'])}, wrong {pct(b['wrong'])}, FP {pct(b['fp'])}")
        else:
            w(f"  NO setting in the grid has FP <= {FP_BUDGET:.0%}; the fallback (highest accuracy - FP) "
              f"is threshold {b['threshold']:.2f}, margin {b['margin']}: acc {pct(b['accuracy'])}, "
              f"wrong {pct(b['wrong'])}, FP {pct(b['fp'])}")
        ct = res["namenorm_calibrated_test"]
        w(f"  that setting on the test split: misspelled acc {pct(ct['misspelled_test']['accuracy'])}, "
          f"wrong {pct(ct['misspelled_test']['wrong'])}, unknown FP {pct(ct['unknown_test']['fp'])}")
        bl = res.get("baselines")
        if bl:
            w("baselines on the same test queries (namenorm figures in [] are on the exact same "
              "queries as the baseline):")
            w(f"  {'method':58s} {'build':>7s} {'exact q/s':>10s} {'miss q/s':>9s} {'unk q/s':>9s} "
              f"{'nn÷base':>8s}  {'exact':>6s} {'miss acc':>8s} {'wrong':>6s} {'unk FP':>6s}  "
              f"[namenorm acc / wrong / FP]")
            nn_label = f"namenorm (default {res['default_threshold']} / {res['default_margin']})"
            w(f"  {nn_label:58s} {res['build_s']:6.1f}s "
              f"{ex['qps']:10,.0f} {ms['qps']:9,.0f} {un['qps']:9,.0f} {'1.0x':>8s}  "
              f"{pct(ex['accuracy'])} {pct(ms['accuracy']):>8s} {pct(ms['wrong'])} {pct(un['fp'])}")
            for name, e in bl.items():
                if "skipped" in e:
                    w(f"  {name:58s} skipped: {e['skipped']}")
                    continue
                label = name
                if "cutoff" in e:
                    label += f" cutoff {e['cutoff']}" + (f" margin {e['margin']}" if "margin" in e
                                                         else "")
                ratio_num = ms["qps"] + un["qps"]
                ratio = ratio_num / (e["misspelled_test"]["qps"] + e["unknown_test"]["qps"])
                sampled = ""
                if e.get("sampled"):
                    sampled = (f" (sample: {e['exact']['n']}/{e['misspelled_test']['n']}/"
                               f"{e['unknown_test']['n']} queries)")
                w(f"  {label:58s} {e['build_s']:6.1f}s {e['exact']['qps']:10,.1f} "
                  f"{e['misspelled_test']['qps']:9,.1f} {e['unknown_test']['qps']:9,.1f} "
                  f"{ratio:7.3g}x  {pct(e['exact']['accuracy'])} "
                  f"{pct(e['misspelled_test']['accuracy']):>8s} {pct(e['misspelled_test']['wrong'])} "
                  f"{pct(e['unknown_test']['fp'])}  [{pct(e['misspelled_test']['namenorm_same_queries']['accuracy'])} / "
                  f"{pct(e['misspelled_test']['namenorm_same_queries']['wrong'])} / "
                  f"{pct(e['unknown_test']['namenorm_same_queries']['fp'])}]{sampled}")
            w("  nn÷base = namenorm q/s ÷ baseline q/s over misspelled+unknown queries. Sampled "
              "baselines are timed on the sample only (q/s = sample size / time), not extrapolated.")
            w("  Cutoffs are tuned on the tuning split with the same rule as namenorm "
              f"(highest accuracy with FP <= {FP_BUDGET:.0%}).")
        f = res["failures"]
        tot = f["misspelled_wrong_total"]
        w(f"namenorm wrong matches on misspelled: {tot[0]} "
          f"({tot[1]} of them are at least as close, by Damerau-Levenshtein, to the returned "
          f"entity as to the truth); unknown false positives: {f['unknown_fp_total'][0]}")
        w("")
    return "\n".join(L)


def failures_report(res: dict[str, Any]) -> str:
    L: list[str] = []
    w = L.append
    f = res["failures"]
    w(f"--- where namenorm loses (N = {res['size']:,}, default setting "
      f"{res['default_threshold']} / {res['default_margin']}; 10 random examples of each, "
      f"more in core.json) ---")

    def c(rows: list[Any]) -> str:
        return "; ".join(f"{x[1]} {x[2]:.3f} {x[3]}" for x in rows) or "(none >= 0.5)"

    w("misspelled queries resolved to the wrong entity:")
    for x in f["misspelled_wrong"][:10]:
        w(f"  {x['query']!r} [{x['kind']}] truth {x['truth']!r} -> {x['returned']!r} "
          f"(DL to truth {x['dl_to_truth']}, to returned {x['dl_to_returned']}; truth score "
          f"{x['truth_score']})")
        w(f"      candidates: {c(x['candidates'])}")
    w("misspelled queries namenorm abstained on:")
    for x in f["misspelled_missed"][:10]:
        w(f"  {x['query']!r} [{x['kind']}] truth {x['truth']!r}")
        w(f"      candidates: {c(x['candidates'])}")
    w("unknown names falsely matched:")
    for x in f["unknown_fp"][:10]:
        w(f"  {x['query']!r} [{x['kind']}] -> {x['returned']!r} (DL {x['dl_to_returned']})")
        w(f"      candidates: {c(x['candidates'])}")
    return "\n".join(L)


def source_fingerprint(root: Path | None = None) -> str:
    """Hash of the namenorm sources in use (the snapshot in workers)."""
    import namenorm
    root = root or Path(namenorm.__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*.py")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


def versions() -> dict[str, str]:
    out = package_versions("namenorm", "rapidfuzz", "jellyfish", "faker", "rigour")
    if out["namenorm"] == "not installed":
        out["namenorm"] = "source"
    out["git"] = git_state()
    out["source"] = source_fingerprint()
    out["cpus"] = str(os.cpu_count())
    out["load"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--queries", type=int, default=2000, help="queries per category")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--quick", action="store_true", help="10k gallery only")
    ap.add_argument("--repeats", type=int, default=3, help="timing repeats (1 at 1M)")
    ap.add_argument("--no-baselines", action="store_true")
    ap.add_argument("--rf-sample", type=int, default=0,
                    help="rapidfuzz test-sample size (default: adaptive to gallery size)")
    ap.add_argument("--rigour-max-size", type=int, default=10_000,
                    help="largest gallery on which to brute-force rigour")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "core.json")
    ap.add_argument("--render", type=Path, metavar="JSON",
                    help="print the report for an earlier run's JSON instead of running")
    ap.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--worker-out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        res = run_size(args.worker, args)
        args.worker_out.write_text(json.dumps(res))
        return 0

    if args.render:
        saved = json.loads(args.render.read_text())
        run_args = argparse.Namespace(**{**vars(args), "seed": saved["args"]["seed"],
                                         "queries": saved["args"]["queries"]})
        print(header(run_args, saved["env"]) + "\n")
        for res in saved["results"]:
            print(report([res]))
            print(failures_report(res))
            print()
        print(summary(saved["results"]))
        return 0

    sizes = [10_000] if args.quick else args.sizes
    snapshot = Path(tempfile.mkdtemp(prefix="namenorm-bench-"))
    shutil.copytree(HERE.parent / "namenorm", snapshot / "namenorm",
                    ignore=shutil.ignore_patterns("__pycache__"))
    env = versions()
    env["source"] = source_fingerprint(snapshot / "namenorm")
    child_env = dict(os.environ, NAMENORM_BENCH_SRC=str(snapshot))
    env["command"] = "python bench/bench_core.py " + " ".join(argv if argv is not None else sys.argv[1:])
    results = []
    for n in sizes:
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
            path = Path(tmp.name)
        cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", str(n),
               "--worker-out", str(path), "--queries", str(args.queries), "--seed", str(args.seed),
               "--repeats", str(args.repeats), "--rf-sample", str(args.rf_sample),
               "--rigour-max-size", str(args.rigour_max_size)]
        if args.no_baselines:
            cmd.append("--no-baselines")
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, env=child_env)
        res = json.loads(path.read_text())
        path.unlink()
        res["wall_s"] = time.perf_counter() - t0
        if res["source"] != env["source"]:
            res["warning"] = "the worker did not run the snapshot of namenorm/"
            print(f"WARNING: {res['warning']}", flush=True)
        results.append(res)
        if len(results) == 1:
            print(header(args, env) + "\n", flush=True)
        print(report([res]), flush=True)
        print(failures_report(res), flush=True)
        print(flush=True)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"env": env, "args": {k: str(v) for k, v in vars(args).items()},
                                        "results": results}, indent=1))
    print(summary(results), flush=True)
    if source_fingerprint(HERE.parent / "namenorm") != env["source"]:
        print(f"note: namenorm/ in the work tree changed while this ran; the figures are for the "
              f"snapshot taken at the start (source hash {env['source']}).", flush=True)
    shutil.rmtree(snapshot, ignore_errors=True)
    return 0


def summary(results: list[dict[str, Any]]) -> str:
    L = ["=== summary (namenorm at its own defaults per gallery; test split) ===",
         (f"{'N':>9s} {'default t/m':>11s} {'build s':>8s} {'peak RSS':>9s} {'exact q/s':>10s} {'miss q/s':>9s} "
         f"{'unk q/s':>8s} {'exact acc':>9s} {'miss acc':>8s} {'wrong':>6s} {'unk FP':>6s} "
         f"{'calibrated t/m':>14s} {'cal acc':>7s} {'cal FP':>6s}")]
    for res in results:
        nn = res["namenorm"]
        b = res["calibration"]["best"]
        ct = res["namenorm_calibrated_test"]
        L.append(f"{res['size']:>9,d} {res['default_threshold']:>6.4g}/{res['default_margin']:<4} "
                 f"{res['build_s']:8.1f} {res['peak_rss_mb']:7.0f}MB "
                 f"{nn['exact']['qps']:10,.0f} {nn['misspelled_test']['qps']:9,.0f} "
                 f"{nn['unknown_test']['qps']:8,.0f} {pct(nn['exact']['accuracy']):>9s} "
                 f"{pct(nn['misspelled_test']['accuracy']):>8s} {pct(nn['misspelled_test']['wrong'])} "
                 f"{pct(nn['unknown_test']['fp'])} {b['threshold']:>9.2f}/{b['margin']:<4} "
                 f"{pct(ct['misspelled_test']['accuracy']):>7s} {pct(ct['unknown_test']['fp'])}"
                 + ("" if b["fp"] <= FP_BUDGET + 1e-12 else "  (no setting meets FP <= 3% on tune)"))
    return "\n".join(L)


if __name__ == "__main__":
    sys.exit(main())
