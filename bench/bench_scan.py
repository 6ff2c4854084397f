#!/usr/bin/env python
"""Scan benchmark: throughput and quality of ``Resolver.scan`` over generated news-like text.

    python bench/bench_scan.py [--sizes 10000 100000] [--chars 2000000] [--seed 7] [--quick]

What it does:

1. generates English prose with Faker("en_US") paragraphs and inserts known names at about one
   per 300 characters (exact, or misspelled with bench_core's noise functions; persons partly
   behind a title such as "Sen.", "Mr." or "President"; Mr. or Ms. as the given name says, where
   namenorm's given-name table knows its sex), as a list of articles of 1.5-5 kB;
   the prose is the same for every gallery, only the inserted names differ;
2. times ``r.scan(article)`` over all articles on one core (median of --repeats runs, query
   caches reset to their post-build state before each run) for the bundled resolver and for
   synthetic person galleries of --sizes (bench_core.Gallery);
3. runs exact-only dictionary baselines over the same forms on the same text: a pyahocorasick
   automaton over lower-cased forms with word-boundary checks, and a regex alternation of the
   escaped forms, longest first, between (?<!\\w) and (?!\\w) (compiled in a child process,
   skipped when compiling takes longer than --regex-compile-limit seconds);
4. scores every scanner against the inserted names: recall of exact and of misspelled names (a
   mention overlapping the inserted span with the right id), wrong ids, and false positives
   (mentions overlapping no inserted name) per 100k characters, with the most frequent ones;
5. scans text with no known names (plain prose; prose with person names from Faker locales the
   gallery does not use; prose with names held out of the gallery; prose with fictional cities,
   companies and streets) and reports mentions per 100k characters;
6. times one scan of a single ~10 MB string against the largest gallery, and of its first ~1 MB.

namenorm/ and data/ are taken from the committed HEAD (or, with --worktree, from the work tree)
into a temporary directory at start, so edits made while the benchmark runs do not change what
is measured. The report is printed and written to
bench/results/scan.txt, the numbers and examples to bench/results/scan.json.
"""

from __future__ import annotations

import argparse
import bisect
import gc
import json
import multiprocessing as mp
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
_SNAPSHOT = Path(tempfile.mkdtemp(prefix="namenorm-scan-bench-"))
if "--worktree" in sys.argv:
    shutil.copytree(HERE.parent / "namenorm", _SNAPSHOT / "namenorm",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(HERE.parent / "data", _SNAPSHOT / "data")  # the bundled alias file
    _SOURCE = "work tree"
else:
    _SOURCE = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE.parent, check=True,
                             capture_output=True, text=True).stdout.strip()
    _tar = subprocess.run(["git", "archive", "--format=tar", _SOURCE, "namenorm", "data"],
                          cwd=HERE.parent, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(_SNAPSHOT)], input=_tar, check=True)
os.environ["NAMENORM_BENCH_SRC"] = str(_SNAPSHOT)  # bench_core imports namenorm from here too
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(_SNAPSHOT))

import bench_core
from bench_support import log, pct

import namenorm
from namenorm import Resolver, normalize_name
from namenorm import normalize as nn_normalize
from namenorm.parts import given_name_sex

assert Path(namenorm.__file__).resolve().is_relative_to(_SNAPSHOT.resolve()), namenorm.__file__

from faker import Faker

TITLES = ("Sen.", "Mr.", "Ms.", "President", "Gov.", "Dr.", "Rep.", "Secretary of State")
_SEXED_TITLES = {"Mr.": "m", "Ms.": "f"}
TITLE_RATE = 0.35
MISSPELL_RATE = 0.30
GAP = (80, 300)
"""Prose characters between two inserted name sentences (each name sentence adds ~60-110)."""
DOC_CHARS = (1500, 5000)
TARGET_CPS = 500_000
OTHER_LOCALES = ("en_IN", "en_NG", "en_KE", "id_ID", "vi_VN", "yo_NG", "zu_ZA", "ig_NG", "ha_NG",
                 "tw_GH", "az_AZ", "is_IS")
"""Faker locales whose person names bench_core.Gallery does not draw from."""
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# (text before the name, whether a title may precede the name, text after it); {s} is a Faker
# sentence with a lower-case first letter, {p} one without its final period, {s0} one as is.
PERSON_TEMPLATES = (
    ("", True, " said {s}"),
    ("{p}, ", True, " said."),
    ("According to ", True, ", {s}"),
    ("{p}, according to ", False, "."),
    ("", False, "'s office said {s}"),
    ("In a statement, ", True, " said {s}"),
    ("{p}, ", True, " told reporters on {day}."),
    ("{s0} ", True, " did not respond to a request for comment."),
)
OTHER_TEMPLATES = (
    ("Officials in ", False, " said {s}"),
    ("", False, " said {s}"),
    ("{p}, a spokesperson for ", False, " said."),
    ("{s0} The decision was welcomed in ", False, "."),
)
PLAIN_OTHER_TEMPLATES = (
    ("Officials in ", "city", " said {s}"),
    ("", "company", " said {s}"),
    ("{p}, a spokesperson for ", "company", " said."),
    ("{s0} The office on ", "street", " was closed."),
    ("{p}, residents of ", "city", " said on {day}."),
    ("In ", "month", ", {s}"),
)

def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def rss_mb() -> float:
    return bench_core.rss_mb()


# ---------------------------------------------------------------------------------------------
# Text generation
# ---------------------------------------------------------------------------------------------

class Target:
    """A resolver plus the names that may be inserted into text for it."""

    def __init__(self, label: str, resolver: Resolver, names: list[tuple[str, str, str]],
                 weights: list[float] | None = None) -> None:
        self.label = label
        self.r = resolver
        self.names = names  # (id, name as inserted, kind)
        self.cum = bench_core._cum(weights) if weights else None
        self.display = {e.id: e.name for e in resolver}

    def pick(self, rng: random.Random) -> tuple[str, str, str]:
        if self.cum:
            return rng.choices(self.names, cum_weights=self.cum)[0]
        return self.names[rng.randrange(len(self.names))]


def make_noisy(name: str, r: Resolver, rng: random.Random) -> tuple[str, str] | None:
    """A misspelling whose normalized form is no known form (bench_core.add_noise)."""
    base = normalize_name(name)
    for _ in range(30):
        out, kind = bench_core.add_noise(name, rng)
        norm = normalize_name(out)
        if norm and norm != base and r.index.tables.owners(norm, 0xFF) is None:
            return out, kind
    return None


def _sentences(fk: Faker, rng: random.Random) -> list[str]:
    para = fk.paragraph(nb_sentences=rng.randint(3, 7))
    return [s for s in re.split(r"(?<=\.) ", para) if s]


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:]


class Corpus:
    """Articles with the positions of every inserted name."""

    def __init__(self) -> None:
        self.docs: list[str] = []
        self.inserts: list[list[dict[str, Any]]] = []

    @property
    def chars(self) -> int:
        return sum(len(d) for d in self.docs)

    def prefix(self, chars: int) -> Corpus:
        out = Corpus()
        for d, ins in zip(self.docs, self.inserts):
            if out.chars >= chars:
                break
            out.docs.append(d)
            out.inserts.append(ins)
        return out

    def joined(self, sep: str = "\n\n") -> tuple[str, list[dict[str, Any]]]:
        """One string, and the inserts with offsets into it."""
        parts, inserts, pos = [], [], 0
        for d, ins in zip(self.docs, self.inserts):
            if parts:
                parts.append(sep)
                pos += len(sep)
            parts.append(d)
            inserts.extend(dict(x, start=x["start"] + pos, end=x["end"] + pos) for x in ins)
            pos += len(d)
        return "".join(parts), inserts


def build_corpus(chars: int, seed: int, tag: str,
                 make_name: Callable[[random.Random, Faker], tuple[str, str, dict[str, Any]] | None]
                 ) -> Corpus:
    """Articles of Faker prose with a name sentence after every ~GAP characters of prose.

    ``make_name(rng, filler)`` returns (sentence before the name, name text, record) where the
    record describes the insert, or None for no insert. The prose (and the layout) depend only
    on ``seed``; names, titles and noise on ``tag`` as well.
    """
    prose = Faker("en_US")
    prose.seed_instance(seed)
    filler = Faker("en_US")
    filler.seed_instance(seed + 1)
    layout = random.Random(f"{seed}-layout")
    rng = random.Random(f"{seed}-{tag}")
    corpus = Corpus()
    total = 0
    while total < chars:
        target = layout.randint(*DOC_CHARS)
        doc: list[str] = []
        inserts: list[dict[str, Any]] = []
        pos = 0
        since, gap = 0, layout.randint(*GAP)
        while pos < target:
            if doc:
                doc.append("\n\n")
                pos += 2
            first = True
            for s in _sentences(prose, layout):
                if not first:
                    doc.append(" ")
                    pos += 1
                first = False
                doc.append(s)
                pos += len(s)
                since += len(s) + 1
                if since >= gap:
                    since, gap = 0, layout.randint(*GAP)
                    got = make_name(rng, filler)
                    if got is None:
                        continue
                    before, name, after, rec = got
                    doc.append(" " + before)
                    pos += 1 + len(before)
                    inserts.append(dict(rec, start=pos, end=pos + len(name), text=name))
                    doc.append(name + after)
                    pos += len(name) + len(after)
        text = "".join(doc)
        assert all(text[x["start"]:x["end"]] == x["text"] for x in inserts)
        corpus.docs.append(text)
        corpus.inserts.append(inserts)
        total += len(text)
    return corpus


def _fill(template: str, filler: Faker, rng: random.Random) -> str:
    if not template:
        return ""
    s0 = filler.sentence(nb_words=rng.randint(5, 14))
    return template.format(s=_lower_first(s0), p=s0[:-1], s0=s0, day=rng.choice(WEEKDAYS))


_PARTICLES = {"van", "von", "de", "der", "den", "da", "do", "dos", "das", "del", "della", "di", "du",
              "la", "le", "and", "the", "of", "bin", "al", "el", "y", "e", "ten", "ter"}


def shape(text: str, sentence_start: bool) -> str:
    """Where the name stands and what it looks like, for recall by shape."""
    words = text.split()
    lower = any(w[:1].islower() and w not in _PARTICLES for w in words)
    return (f"{'sentence-start' if sentence_start else 'mid-sentence'}/"
            f"{'1 word' if len(words) == 1 else '2+ words'}{'/a word in lower case' if lower else ''}")


def drawn_title(rng: random.Random, name: str) -> str:
    """A title drawn for a person's name, with a space after it: Mr. or Ms. as the name's given
    name says where the given-name table knows its sex (news writes no "Ms. John Smith", and
    namenorm rules a person out by a title of the other sex); the draw is the same either way."""
    title = rng.choice(TITLES)
    words = normalize_name(name).split()
    sex = given_name_sex(words[0]) if title in _SEXED_TITLES and len(words) > 1 else ""
    if sex and sex != _SEXED_TITLES[title]:
        title = next(t for t, s in _SEXED_TITLES.items() if s == sex)
    return title + " "


def known_name_maker(t: Target) -> Callable[..., Any]:
    """Insert names of the target's entities: exact, or misspelled at MISSPELL_RATE."""

    def make(rng: random.Random, filler: Faker) -> tuple[str, str, str, dict[str, Any]]:
        eid, name, kind = t.pick(rng)
        person = kind == "person"
        before_t, title_ok, after_t = rng.choice(PERSON_TEMPLATES if person else OTHER_TEMPLATES)
        title = drawn_title(rng, t.display[eid]) if title_ok and person and rng.random() < TITLE_RATE else ""
        rec: dict[str, Any] = {"id": eid, "name": name, "ekind": kind, "title": title.strip(),
                               "kind": "exact", "noise": ""}
        text = name
        if rng.random() < MISSPELL_RATE:
            noisy = make_noisy(name, t.r, rng)
            if noisy is not None:
                text, rec["noise"] = noisy
                rec["kind"] = "misspelled"
        before = _fill(before_t, filler, rng)
        after = _fill(after_t, filler, rng)
        rec["shape"] = shape(text, not title and (before_t == "" or before_t.endswith("{s0} ")))
        return before + title, text, after, rec

    return make


def unknown_name_maker(names: list[tuple[str, str]]) -> Callable[..., Any]:
    """Insert names that no resolver knows (label, name)."""

    def make(rng: random.Random, filler: Faker) -> tuple[str, str, str, dict[str, Any]]:
        label, name = names[rng.randrange(len(names))]
        before_t, title_ok, after_t = rng.choice(PERSON_TEMPLATES)
        title = drawn_title(rng, name) if title_ok and rng.random() < TITLE_RATE else ""
        rec = {"id": None, "name": name, "ekind": "person", "title": title.strip(),
               "kind": "unknown", "noise": label}
        return _fill(before_t, filler, rng) + title, name, _fill(after_t, filler, rng), rec

    return make


def plain_other_maker(seed: int) -> Callable[..., Any]:
    """Insert fictional places, companies, streets and months (no person, no known entity)."""
    fk = Faker("en_US")
    fk.seed_instance(seed + 3)

    def make(rng: random.Random, filler: Faker) -> tuple[str, str, str, dict[str, Any]]:
        before_t, what, after_t = rng.choice(PLAIN_OTHER_TEMPLATES)
        name = {"city": fk.city, "company": fk.company, "street": fk.street_name,
                "month": fk.month_name}[what]()
        rec = {"id": None, "name": name, "ekind": what, "title": "", "kind": "unknown", "noise": what}
        return _fill(before_t, filler, rng), name, _fill(after_t, filler, rng), rec

    return make


def no_name_maker() -> Callable[..., Any]:
    def make(rng: random.Random, filler: Faker) -> None:
        return None

    return make


def _latin(name: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name)


def other_locale_names(n: int, seed: int, known: Sequence[Resolver]) -> tuple[list[tuple[str, str]],
                                                                               dict[str, int]]:
    """Person names from Faker locales the gallery does not use, none of them a known form."""
    out: list[tuple[str, str]] = []
    dropped = Counter()
    fakers = []
    for loc in OTHER_LOCALES:
        try:
            fk = Faker(loc)
        except AttributeError:
            continue
        fk.seed_instance(seed)
        fakers.append((loc, fk))
    rng = random.Random(f"{seed}-other-locales")
    seen = set()
    tries = 0
    while len(out) < n and tries < 50 * n:
        tries += 1
        loc, fk = fakers[rng.randrange(len(fakers))]
        name = f"{fk.first_name()} {fk.last_name()}"
        norm = normalize_name(name)
        if not _latin(name) or not norm or norm in seen:
            dropped["non-latin or repeated"] += 1
            continue
        if any(r.index.tables.owners(norm, 0xFF) is not None for r in known):
            dropped["a known form"] += 1
            continue
        seen.add(norm)
        out.append((loc, name))
    return out, dict(dropped)


def held_out_names(g: bench_core.Gallery, n: int, seed: int, known: Sequence[Resolver]
                   ) -> list[tuple[str, str]]:
    """bench_core's unknown names (clean): a held-out surname, or a gallery surname with a first
    name the gallery never pairs with it."""
    qs = bench_core.make_queries(g, n, seed)
    out = []
    for it in qs["unknown_tune"] + qs["unknown_test"]:
        if not it["kind"].endswith("/clean"):
            continue
        norm = normalize_name(it["q"])
        if any(r.index.tables.owners(norm, 0xFF) is not None for r in known):
            continue
        out.append((it["kind"].split("/")[0], it["q"]))
    return out


# ---------------------------------------------------------------------------------------------
# Scanners
# ---------------------------------------------------------------------------------------------

def lower1(s: str) -> str:
    """Lower case without changing the length (so offsets stay valid)."""
    low = s.lower()
    if len(low) == len(s):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in s)


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_" or unicodedata.category(c)[0] == "M"


Found = tuple[int, int, str, str, str, float]
"""start, end, id, text, method, score."""


def namenorm_scan(r: Resolver) -> Callable[[str], list[Found]]:
    def scan(text: str) -> list[Found]:
        return [(m.start, m.end, m.match.id, m.text, m.match.method, m.match.score)
                for m in r.scan(text)]

    return scan


def dictionary_forms(t: Target) -> dict[str, tuple[str | None, str | None]]:
    """Lower-cased form -> (id or None if two entities claim it, original if it must match case).

    Synthetic galleries: every person name. Bundled file: names and strong aliases in Latin
    script; forms in capitals (NATO, UK, U.S.) must match case-sensitively.
    """
    forms: dict[str, tuple[str | None, str | None]] = {}
    for e in t.r:
        for f in (e.name, *(e.aliases if t.label == "bundled" else ())):
            if not _latin(f) or not f.strip():
                continue
            low = lower1(f)
            caps = f if f.isupper() else None
            if low in forms and forms[low][0] != e.id:
                forms[low] = (None, caps)
            else:
                forms[low] = (e.id, caps)
    return forms


class AhoScanner:
    def __init__(self, forms: dict[str, tuple[str | None, str | None]]) -> None:
        import ahocorasick
        t0 = time.perf_counter()
        self.a = ahocorasick.Automaton()
        for form, (eid, caps) in forms.items():
            self.a.add_word(form, (len(form), eid, caps))
        self.a.make_automaton()
        self.build_s = time.perf_counter() - t0

    def __call__(self, text: str) -> list[Found]:
        low = lower1(text)
        n = len(low)
        cands = []
        for end, (size, eid, caps) in self.a.iter(low):
            start = end - size + 1
            end += 1
            if start > 0 and _is_word(low[start - 1]) or end < n and _is_word(low[end]):
                continue
            if caps is not None and text[start:end] != caps:
                continue
            cands.append((start, end, eid))
        cands.sort(key=lambda c: (c[0], -c[1]))
        out: list[Found] = []
        last = -1
        for start, end, eid in cands:  # leftmost-longest, non-overlapping
            if start >= last:
                last = end
                if eid is not None:
                    out.append((start, end, eid, text[start:end], "exact", 1.0))
        return out


def regex_pattern(forms: dict[str, tuple[str | None, str | None]]) -> str:
    ordered = sorted(forms, key=lambda f: (-len(f), f))
    return r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)"


def _regex_child(conn: Any, forms: dict[str, tuple[str | None, str | None]], docs: list[str],
                 repeats: int) -> None:
    t0 = time.perf_counter()
    pat = re.compile(regex_pattern(forms))
    conn.send(("compiled", time.perf_counter() - t0))
    runs, first = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        res = []
        for d in docs:
            found = []
            for m in pat.finditer(lower1(d)):
                eid, caps = forms[m.group()]
                if eid is not None and (caps is None or d[m.start():m.end()] == caps):
                    found.append((m.start(), m.end(), eid, d[m.start():m.end()], "exact", 1.0))
            res.append(found)
        runs.append(time.perf_counter() - t0)
        if first is None:
            first = res
    conn.send(("done", runs, first))
    conn.close()


def run_regex(forms: dict[str, tuple[str | None, str | None]], docs: list[str], repeats: int,
              compile_limit: float, scan_limit: float) -> dict[str, Any]:
    """Compile and run the regex baseline in a child process, so a slow compile can be cut off."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_regex_child, args=(child, forms, docs, repeats), daemon=True)
    t0 = time.perf_counter()
    proc.start()
    child.close()
    out: dict[str, Any] = {}
    try:
        if not parent.poll(compile_limit):
            out["skipped"] = f"compiling took longer than {compile_limit:.0f}s"
            out["compile_s"] = f">{compile_limit:.0f}"
            return out
        _, out["compile_s"] = parent.recv()
        if not parent.poll(scan_limit):
            out["skipped"] = f"scanning took longer than {scan_limit:.0f}s"
            return out
        _, runs, first = parent.recv()
        out["runs_s"] = runs
        out["results"] = first
        return out
    except EOFError:
        out["skipped"] = f"child died (exit code {proc.exitcode})"
        return out
    finally:
        if proc.is_alive():
            proc.terminate()
        proc.join(5)
        out["wall_s"] = time.perf_counter() - t0


def reset_caches(r: Resolver | None) -> None:
    if r is not None:
        bench_core.reset_query_caches(r)
        nn_normalize.normalize_cached.cache_clear()
    gc.collect()


def time_scans(scan: Callable[[str], list[Found]], docs: list[str], repeats: int,
               r: Resolver | None) -> tuple[list[float], list[list[Found]]]:
    runs, first = [], None
    for _ in range(repeats):
        reset_caches(r)
        t0 = time.perf_counter()
        res = [scan(d) for d in docs]
        runs.append(time.perf_counter() - t0)
        if first is None:
            first = res
    assert first is not None
    return runs, first


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------

def _context(doc: str, start: int, end: int, pad: int = 45) -> str:
    a, b = max(0, start - pad), min(len(doc), end + pad)
    s = doc[a:start] + "[[" + doc[start:end] + "]]" + doc[end:b]
    return ("…" if a else "") + s.replace("\n", " ") + ("…" if b < len(doc) else "")


def evaluate(docs: list[str], inserts: list[list[dict[str, Any]]], found: list[list[Found]],
             display: dict[str, str]) -> dict[str, Any]:
    """Recall by insert kind, wrong ids, false positives per 100k characters, and examples."""
    chars = sum(len(d) for d in docs)
    by_kind: dict[str, Counter] = defaultdict(Counter)
    by_noise: dict[str, Counter] = defaultdict(Counter)
    by_ekind: dict[str, Counter] = defaultdict(Counter)
    by_shape: dict[str, Counter] = defaultdict(Counter)
    titled = Counter()
    mention_status = Counter()
    fp_texts: Counter = Counter()
    fp_info: dict[str, dict[str, Any]] = {}
    fp_methods = Counter()
    missed: list[dict[str, Any]] = []
    wrong: list[dict[str, Any]] = []
    for d_idx, (doc, ins, ms) in enumerate(zip(docs, inserts, found)):
        hit_by = [[] for _ in ins]
        # Inserts and mentions are each sorted and non-overlapping: find overlaps by bisection.
        ins_ends = [x["end"] for x in ins]
        m_ends = [m[1] for m in ms]

        def overlapping(start: int, end: int, ins: list[dict[str, Any]] = ins, ins_ends: list[int] = ins_ends
                        ) -> list[int]:
            k = bisect.bisect_right(ins_ends, start)
            out = []
            while k < len(ins) and ins[k]["start"] < end:
                out.append(k)
                k += 1
            return out

        def region_of(start: int, end: int, ms: list[Found] = ms, m_ends: list[int] = m_ends) -> list[Found]:
            k = bisect.bisect_right(m_ends, start)
            out = []
            while k < len(ms) and ms[k][0] < end:
                out.append(ms[k])
                k += 1
            return out

        for m in ms:
            start, end, eid, text, method, score = m
            over = overlapping(start, end)
            if not over:
                mention_status["fp"] += 1
                fp_texts[text] += 1
                fp_methods[method] += 1
                info = fp_info.setdefault(text, {"ids": Counter(), "methods": Counter(),
                                                 "score": score, "context": _context(doc, start, end)})
                info["ids"][eid] += 1
                info["methods"][method] += 1
                continue
            ok = any(ins[k]["id"] == eid for k in over)
            mention_status["tp" if ok else ("wrong" if any(ins[k]["id"] for k in over)
                                            else "unknown")] += 1
            for k in over:
                hit_by[k].append(m)
        for x, hits in zip(ins, hit_by):
            assert ins_ends == sorted(ins_ends) and m_ends == sorted(m_ends)
            if x["id"] is None:
                status = "matched" if hits else "clear"
            elif any(h[2] == x["id"] for h in hits):
                status = "found"
                if any(h[2] == x["id"] and h[0] == x["start"] and h[1] == x["end"] for h in hits):
                    by_kind[x["kind"]]["exact_span"] += 1
            elif hits:
                status = "wrong"
            else:
                status = "missed"
            by_kind[x["kind"]]["n"] += 1
            by_kind[x["kind"]][status] += 1
            if "shape" in x:
                by_shape[f"{x['kind']}/{x['shape']}"]["n"] += 1
                by_shape[f"{x['kind']}/{x['shape']}"][status] += 1
            if x["kind"] == "misspelled":
                by_noise[x["noise"]]["n"] += 1
                by_noise[x["noise"]][status] += 1
            if x["id"] is not None:
                by_ekind[f"{x['kind']}/{x['ekind']}"]["n"] += 1
                by_ekind[f"{x['kind']}/{x['ekind']}"][status] += 1
                titled[("titled" if x["title"] else "untitled", x["kind"], "n")] += 1
                titled[("titled" if x["title"] else "untitled", x["kind"], status)] += 1
            if status in ("missed", "wrong") and x["id"] is not None:
                region = region_of(x["start"] - 25, x["end"] + 25)
                rec = {"doc": d_idx, "inserted": x["text"], "title": x["title"], "truth": x["id"],
                       "shape": x.get("shape", ""),
                       "truth_name": x["name"], "kind": x["kind"], "noise": x["noise"],
                       "context": _context(doc, x["start"], x["end"], 35),
                       "region": [(h[3], h[2], display.get(h[2], "?"), h[4], h[5]) for h in region]}
                (missed if status == "missed" else wrong).append(rec)
            if status == "matched":
                region = [h for h in hits]
                wrong.append({"doc": d_idx, "inserted": x["text"], "title": x["title"], "truth": None,
                              "truth_name": x["name"], "kind": x["kind"], "noise": x["noise"],
                              "context": _context(doc, x["start"], x["end"], 35),
                              "region": [(h[3], h[2], display.get(h[2], "?"), h[4], h[5])
                                         for h in region]})
    n_mentions = sum(mention_status.values())
    top = []
    for text, count in fp_texts.most_common(20):
        info = fp_info[text]
        eid = info["ids"].most_common(1)[0][0]
        top.append({"text": text, "count": count, "id": eid, "name": display.get(eid, "?"),
                    "other_ids": len(info["ids"]) - 1, "method": info["methods"].most_common(1)[0][0],
                    "score": info["score"], "context": info["context"]})

    def rate(c: Counter, key: str) -> float | None:
        return c[key] / c["n"] if c["n"] else None

    return {
        "chars": chars,
        "mentions": n_mentions,
        "mention_status": dict(mention_status),
        "precision": mention_status["tp"] / n_mentions if n_mentions else None,
        "fp_per_100k": 1e5 * mention_status["fp"] / chars,
        "fp_methods": dict(fp_methods),
        "fp_distinct_texts": len(fp_texts),
        "by_kind": {k: dict(v, recall=rate(v, "found"), wrong_rate=rate(v, "wrong"),
                            matched_rate=rate(v, "matched")) for k, v in sorted(by_kind.items())},
        "by_noise": {k: dict(v, recall=rate(v, "found")) for k, v in sorted(by_noise.items())},
        "by_entity_kind": {k: dict(v, recall=rate(v, "found")) for k, v in sorted(by_ekind.items())},
        "by_shape": {k: dict(v, recall=rate(v, "found")) for k, v in sorted(by_shape.items())},
        "by_title": {f"{a}/{b}": {"n": titled[(a, b, "n")],
                                  "recall": titled[(a, b, "found")] / titled[(a, b, "n")]}
                     for a in ("titled", "untitled") for b in ("exact", "misspelled")
                     if titled[(a, b, "n")]},
        "top_fp": top,
        "missed": missed,
        "wrong": wrong,
    }


def explain_misses(r: Resolver, items: list[dict[str, Any]], k: int, seed: str) -> list[dict[str, Any]]:
    """Up to k examples (spread over noise kinds), with what resolve() says about the name alone."""
    rng = random.Random(seed)
    pool = list(items)
    rng.shuffle(pool)
    by_noise: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for x in pool:
        by_noise[x["noise"] or x["kind"]].append(x)
    picked: list[dict[str, Any]] = []
    while len(picked) < k and any(by_noise.values()):
        for key in sorted(by_noise):
            if by_noise[key] and len(picked) < k:
                picked.append(by_noise[key].pop())
    out = []
    for x in picked:
        m = r.resolve(x["inserted"])
        cands = r.candidates(x["inserted"], limit=2)
        out.append(dict(x, resolve=None if m is None else (m.id, m.name, m.score, m.method),
                        candidates=[(c.id, c.name, c.score, c.method) for c in cands]))
    return out


def resolve_alone(r: Resolver, items: list[dict[str, Any]]) -> dict[str, int]:
    """How resolve() decides the missed names on their own: right / wrong / None."""
    c = Counter()
    for x in items:
        m = r.resolve(x["inserted"])
        c["right" if m is not None and m.id == x["truth"] else ("none" if m is None else "wrong")] += 1
    return dict(c)


# ---------------------------------------------------------------------------------------------
# Report formatting
# ---------------------------------------------------------------------------------------------

def fmt_found(rows: list[Any]) -> str:
    if not rows:
        return "nothing"
    return "; ".join(f"{t!r} -> {i} {n!r} ({meth} {s:.3f})" for t, i, n, meth, s in rows)


def quality_lines(label: str, q: dict[str, Any], w: Callable[[str], None]) -> None:
    ex, ms = q["by_kind"].get("exact", {}), q["by_kind"].get("misspelled", {})
    w(f"  {label:30s} exact {pct(ex.get('recall'))} (n={ex.get('n', 0)}, wrong id "
      f"{ex.get('wrong', 0)}, exact span {ex.get('exact_span', 0)})  misspelled "
      f"{pct(ms.get('recall'))} (n={ms.get('n', 0)}, wrong id {ms.get('wrong', 0)})  "
      f"precision {pct(q['precision'])}  FP {q['mention_status'].get('fp', 0)} = "
      f"{q['fp_per_100k']:.1f}/100k chars")


def top_fp_lines(q: dict[str, Any], w: Callable[[str], None], k: int = 20) -> None:
    if not q["top_fp"]:
        w("    (no false positives)")
        return
    for x in q["top_fp"][:k]:
        more = f" (+{x['other_ids']} other ids)" if x["other_ids"] else ""
        w(f"    {x['count']:5d}  {x['text']!r:28s} -> {x['id']} {x['name']!r}{more}  "
          f"[{x['method']} {x['score']:.3f}]  e.g. {x['context']}")


def example_lines(rows: list[dict[str, Any]], w: Callable[[str], None]) -> None:
    for x in rows:
        title = f" (after title {x['title']!r})" if x["title"] else ""
        shp = f", {x['shape']}" if x.get("shape") else ""
        w(f"    {x['inserted']!r}{title} [{x['noise'] or x['kind']}{shp}] truth {x['truth']} "
          f"{x['truth_name']!r}")
        w(f"        text: {x['context']}")
        w(f"        scan returned: {fmt_found(x['region'])}")
        if "resolve" in x:
            res = "None" if x["resolve"] is None else f"{x['resolve'][0]} {x['resolve'][1]!r} " \
                                                      f"{x['resolve'][2]:.3f} {x['resolve'][3]}"
            cands = "; ".join(f"{c[0]} {c[1]!r} {c[2]:.3f} {c[3]}" for c in x["candidates"]) or "none"
            w(f"        resolve(name alone): {res}   candidates: {cands}")


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------

def bundled_target() -> Target:
    r = namenorm.load()
    t0 = time.perf_counter()
    _ = r.index  # compiled on first use
    build = time.perf_counter() - t0
    names, weights = [], []
    share = {"person": 0.5, "place": 0.35, "org": 0.15}
    kinds = Counter()
    eligible = []
    for i, e in enumerate(r.index.tables.entities):
        owned = r.index.tables.owners(normalize_name(e.name), 0xFF)
        if owned is None or owned[1] != (i,) or not _latin(e.name):
            continue
        eligible.append(e)
        kinds[e.kind] += 1
    for e in eligible:
        names.append((e.id, e.name, e.kind))
        weights.append(share.get(e.kind, 0.05) / kinds[e.kind])
    t = Target("bundled", r, names, weights)
    t.build_s = build  # type: ignore[attr-defined]
    t.skipped_names = len(r) - len(eligible)  # type: ignore[attr-defined]
    return t


def gallery_target(n: int, seed: int) -> tuple[Target, bench_core.Gallery]:
    t0 = time.perf_counter()
    g = bench_core.Gallery(n, seed)
    gal_s = time.perf_counter() - t0
    rss0 = rss_mb()
    r = Resolver(g.entities())
    t0 = time.perf_counter()
    _ = r.index  # compiled on first use
    build = time.perf_counter() - t0
    t = Target(f"gallery {n:,}", r, [(i, name, "person") for i, name in zip(g.ids, g.names)])
    t.build_s = build  # type: ignore[attr-defined]
    t.gallery_s = gal_s  # type: ignore[attr-defined]
    t.index_mb = rss_mb() - rss0  # type: ignore[attr-defined]
    return t, g


def run_target(t: Target, args: argparse.Namespace, regex_ok: bool) -> dict[str, Any]:
    log(f"{t.label}: generating {args.chars:,} chars of text (load {load()})")
    t0 = time.perf_counter()
    corpus = build_corpus(args.chars, args.seed, t.label, known_name_maker(t))
    gen_s = time.perf_counter() - t0
    docs = corpus.docs
    chars = corpus.chars
    n_ins = sum(len(x) for x in corpus.inserts)
    res: dict[str, Any] = {"label": t.label, "entities": len(t.r), "build_s": t.build_s,
                           "docs": len(docs), "chars": chars, "inserts": n_ins, "gen_s": gen_s,
                           "load_before": load(),
                           "insert_kinds": dict(Counter(x["kind"] for d in corpus.inserts for x in d)),
                           "titled": sum(1 for d in corpus.inserts for x in d if x["title"])}
    for k in ("gallery_s", "index_mb", "skipped_names"):
        if hasattr(t, k):
            res[k] = getattr(t, k)
    log(f"{t.label}: {len(docs)} articles, {chars:,} chars, {n_ins} names; timing scan x{args.repeats}")
    runs, found = time_scans(namenorm_scan(t.r), docs, args.repeats, t.r)
    res["namenorm"] = {"runs_s": runs, "cps": chars / statistics.median(runs),
                       "cps_runs": [chars / x for x in runs]}
    warm_docs = corpus.prefix(chars // 4).docs
    warm_chars = sum(len(d) for d in warm_docs)
    t0 = time.perf_counter()
    for d in warm_docs:
        t.r.scan(d)
    res["namenorm"]["cps_warm_prefix"] = warm_chars / (time.perf_counter() - t0)
    res["namenorm"]["warm_prefix_chars"] = warm_chars
    log(f"{t.label}: namenorm {res['namenorm']['cps']:,.0f} chars/s; quality")
    q = evaluate(docs, corpus.inserts, found, t.display)
    q["missed_misspelled_resolve_alone"] = resolve_alone(
        t.r, [x for x in q["missed"] if x["kind"] == "misspelled"])
    q["missed_exact_resolve_alone"] = resolve_alone(t.r, [x for x in q["missed"] if x["kind"] == "exact"])
    q["examples_missed_misspelled"] = explain_misses(
        t.r, [x for x in q["missed"] if x["kind"] == "misspelled"], 10, f"{args.seed}-mm-{t.label}")
    q["examples_missed_exact"] = explain_misses(
        t.r, [x for x in q["missed"] if x["kind"] == "exact"], 5, f"{args.seed}-me-{t.label}")
    q["examples_wrong"] = explain_misses(t.r, q["wrong"], 10, f"{args.seed}-w-{t.label}")
    res["namenorm"]["quality"] = q
    methods = Counter(m[4] for d in found for m in d)
    res["namenorm"]["methods"] = dict(methods)

    forms = dictionary_forms(t)
    res["dictionary_forms"] = len(forms)
    log(f"{t.label}: aho-corasick over {len(forms):,} forms")
    aho = AhoScanner(forms)
    runs, afound = time_scans(aho, docs, args.repeats, None)
    res["aho"] = {"build_s": aho.build_s, "runs_s": runs, "cps": chars / statistics.median(runs),
                  "quality": evaluate(docs, corpus.inserts, afound, t.display)}
    del aho
    if regex_ok:
        log(f"{t.label}: regex alternation over {len(forms):,} forms")
        rx = run_regex(forms, docs, args.repeats, args.regex_compile_limit, args.regex_scan_limit)
        out = {k: v for k, v in rx.items() if k != "results"}
        if "results" in rx:
            out["cps"] = chars / statistics.median(rx["runs_s"])
            out["quality"] = evaluate(docs, corpus.inserts, rx["results"], t.display)
        res["regex"] = out
    else:
        # Too slow to scan everything: only measure the compile (and a slice, if it compiles).
        log(f"{t.label}: regex alternation over {len(forms):,} forms, compile + 100k-char slice")
        sl = corpus.prefix(args.regex_slice).docs
        rx = run_regex(forms, sl, 1, args.regex_compile_limit, args.regex_scan_limit)
        out = {k: v for k, v in rx.items() if k != "results"}
        out["slice_chars"] = sum(len(d) for d in sl)
        if "results" in rx:
            out["cps"] = out["slice_chars"] / rx["runs_s"][0]
            out["note"] = f"one run over the first {out['slice_chars']:,} chars only"
        res["regex"] = out
    res["load_after"] = load()
    return res


def run_fp_corpora(targets: list[Target], g: bench_core.Gallery | None, args: argparse.Namespace
                   ) -> dict[str, Any]:
    """Text with no known names: mentions per 100k characters."""
    known = [t.r for t in targets]
    sents_chars = args.fp_sentences * 85  # about 85 characters per Faker sentence, names included
    other, dropped = other_locale_names(2000, args.seed, known)
    corpora: dict[str, tuple[Corpus, str]] = {
        "prose only": (build_corpus(sents_chars, args.seed + 100, "plain", no_name_maker()),
                       "Faker en_US paragraphs, nothing inserted"),
        "other-locale persons": (build_corpus(sents_chars, args.seed + 101, "other",
                                              unknown_name_maker(other)),
                                 (f"person names from Faker {', '.join(OTHER_LOCALES)} "
                                  f"({len(other)} distinct; dropped {dropped})")),
    }
    if g is not None:
        held = held_out_names(g, 2000, args.seed, known)
        corpora["held-out persons"] = (
            build_corpus(sents_chars, args.seed + 102, "held", unknown_name_maker(held)),
            (f"{len(held)} bench_core unknown names of the {len(g.names):,} gallery (held-out surname, "
             f"or a gallery surname with a first name it never has there)"))
    corpora["cities/companies/streets"] = (
        build_corpus(sents_chars, args.seed + 103, "places", plain_other_maker(args.seed)),
        "fictional Faker en_US cities, companies, street names and month names")
    out: dict[str, Any] = {}
    for name, (corpus, desc) in corpora.items():
        entry: dict[str, Any] = {"description": desc, "chars": corpus.chars, "docs": len(corpus.docs),
                                 "sentences_approx": corpus.chars // 85,
                                 "inserted": sum(len(x) for x in corpus.inserts), "by_target": {}}
        for t in targets:
            log(f"no-known-names text '{name}' ({corpus.chars:,} chars) with {t.label}")
            reset_caches(t.r)
            t0 = time.perf_counter()
            found = [namenorm_scan(t.r)(d) for d in corpus.docs]
            dt = time.perf_counter() - t0
            q = evaluate(corpus.docs, corpus.inserts, found, t.display)
            n = sum(len(x) for x in found)
            allt = Counter(m[3] for d in found for m in d)
            ids = {}
            for d in found:
                for m in d:
                    ids.setdefault(m[3], (m[2], t.display.get(m[2], "?"), m[4], m[5]))
            entry["by_target"][t.label] = {
                "mentions": n, "per_100k": 1e5 * n / corpus.chars, "cps": corpus.chars / dt,
                "unknown_names_matched": q["by_kind"].get("unknown", {}).get("matched", 0),
                "unknown_names": q["by_kind"].get("unknown", {}).get("n", 0),
                "methods": dict(Counter(m[4] for d in found for m in d)),
                "top": [{"text": k, "count": c, "id": ids[k][0], "name": ids[k][1], "method": ids[k][2],
                         "score": ids[k][3]} for k, c in allt.most_common(15)],
                "matched_examples": q["wrong"][:10],
            }
        out[name] = entry
    return out


def run_long(t: Target, args: argparse.Namespace) -> dict[str, Any]:
    log(f"long text: generating {args.long_chars:,} chars (load {load()})")
    corpus = build_corpus(args.long_chars, args.seed + 200, f"long-{t.label}", known_name_maker(t))
    small = corpus.prefix(args.long_chars // 10)
    out: dict[str, Any] = {"label": t.label}
    for label, c in (("small", small), ("large", corpus)):
        text, inserts = c.joined()
        del c
        reset_caches(t.r)
        rss0 = rss_mb()
        log(f"long text: one scan of {len(text):,} chars with {t.label}")
        t0 = time.perf_counter()
        ms = t.r.scan(text)
        dt = time.perf_counter() - t0
        found = [(m.start, m.end, m.match.id, m.text, m.match.method, m.match.score) for m in ms]
        del ms
        q = evaluate([text], [inserts], [found], t.display)
        out[label] = {"chars": len(text), "seconds": dt, "cps": len(text) / dt,
                      "rss_before_mb": rss0, "rss_after_mb": rss_mb(), "peak_rss_mb": bench_core.maxrss_mb(),
                      "mentions": len(found),
                      "recall_exact": q["by_kind"].get("exact", {}).get("recall"),
                      "recall_misspelled": q["by_kind"].get("misspelled", {}).get("recall"),
                      "fp_per_100k": q["fp_per_100k"], "precision": q["precision"],
                      "top_fp": q["top_fp"][:10], "load": load()}
        del text, inserts, found
        gc.collect()
    # The same first ~1 MB scanned article by article, for the document-level effects.
    reset_caches(t.r)
    t0 = time.perf_counter()
    found_docs = [namenorm_scan(t.r)(d) for d in small.docs]
    dt = time.perf_counter() - t0
    q = evaluate(small.docs, small.inserts, found_docs, t.display)
    out["small_per_article"] = {"chars": small.chars, "seconds": dt, "cps": small.chars / dt,
                                "recall_exact": q["by_kind"].get("exact", {}).get("recall"),
                                "recall_misspelled": q["by_kind"].get("misspelled", {}).get("recall"),
                                "fp_per_100k": q["fp_per_100k"], "precision": q["precision"]}
    out["per_char_ratio"] = (out["large"]["seconds"] / out["large"]["chars"]) / (
        out["small"]["seconds"] / out["small"]["chars"])
    return out


def report(env: dict[str, Any], results: list[dict[str, Any]], fp: dict[str, Any] | None,
           long: dict[str, Any] | None, args: argparse.Namespace) -> str:
    L: list[str] = []
    w = L.append
    w("namenorm scan benchmark")
    w("=" * 23)
    w(f"command: {env['command']}")
    w(f"namenorm measured: {env['git']} (source hash {env['source']}, copied at start)")
    w(f"python {env['python']}, namenorm {env['namenorm']}, faker {env['faker']}, "
      f"pyahocorasick {env['pyahocorasick']}, jellyfish {env['jellyfish']}")
    w(f"machine: {env['cpus']} CPUs; load average at start {env['load_start']}, at end "
      f"{env.get('load_end', '?')}; another benchmark may share the machine, so timings are noisy")
    w(f"seed {args.seed}; text: Faker('en_US').paragraph() prose in articles of {DOC_CHARS[0]}-"
      f"{DOC_CHARS[1]} chars, a name sentence after every {GAP[0]}-{GAP[1]} chars of prose "
      f"(one name per ~{results[0]['chars'] // max(1, results[0]['inserts'])} chars); "
      f"{MISSPELL_RATE:.0%} of names misspelled with bench_core.add_noise, "
      f"{TITLE_RATE:.0%} of person names after a title ({', '.join(TITLES)})")
    w(f"scan() is called once per article; throughput = characters / time, median of {args.repeats} "
      f"runs, caches reset to post-build state before each run (bench_core.reset_query_caches + "
      f"normalize cache); 'warm' = a rescan of the first quarter of the articles without reset")
    w("")
    w("1-2. Throughput (one core) and the exact-only dictionary baselines")
    w(f"  {'resolver':14s} {'entities':>9s} {'build':>7s} {'text chars':>11s} {'names':>6s} "
      f"{'namenorm c/s':>13s} {'(runs)':>24s} {'warm c/s':>10s} {'aho c/s':>11s} {'nn÷aho':>8s} "
      f"{'regex c/s':>10s} {'nn÷regex':>9s} {'regex compile':>13s}")
    for res in results:
        nn = res["namenorm"]
        rx = res.get("regex", {})
        rx_cps = f"{rx['cps']:10,.0f}" if "cps" in rx else f"{'skipped':>10s}"
        rx_ratio = f"{nn['cps'] / rx['cps']:8.3f}x" if "cps" in rx else f"{'-':>9s}"
        comp = rx.get("compile_s", "-")
        comp = f"{comp:.1f}s" if isinstance(comp, float) else str(comp)
        runs = "/".join(f"{x / 1000:.0f}k" for x in nn["cps_runs"])
        w(f"  {res['label']:14s} {res['entities']:9,d} {res['build_s']:6.2f}s {res['chars']:11,d} "
          f"{res['inserts']:6d} {nn['cps']:13,.0f} {runs:>24s} {nn['cps_warm_prefix']:10,.0f} "
          f"{res['aho']['cps']:11,.0f} {nn['cps'] / res['aho']['cps']:7.4f}x {rx_cps} {rx_ratio} "
          f"{comp:>13s}")
    for res in results:
        rx = res.get("regex", {})
        if "skipped" in rx:
            w(f"  regex for {res['label']}: skipped ({rx['skipped']})")
        elif "note" in rx:
            w(f"  regex for {res['label']}: {rx['note']}")
    big = [r_ for r_ in results if r_["label"].startswith("gallery") and r_["entities"] >= 100_000]
    if big:
        cps = big[-1]["namenorm"]["cps"]
        w(f"  target >= {TARGET_CPS:,} chars/s with the {big[-1]['entities']:,} gallery: "
          f"{'MET' if cps >= TARGET_CPS else 'NOT MET'} ({cps:,.0f} chars/s = "
          f"{cps / TARGET_CPS:.2f}x the target)")
    w("  aho = pyahocorasick automaton over lower-cased forms, lower-cased text, word-boundary "
      "checks, leftmost-longest; regex = (?<!\\w)(?:form|...)(?!\\w), longest first, on lower-cased "
      "text. Forms: every gallery name; for the bundled file canonical names and strong aliases "
      "in Latin script (forms in capitals must match case).")
    w("")
    w("3. Quality on the same text (recall: a mention overlapping the inserted name with the right "
      "id; precision: share of mentions that are right; FP: mentions overlapping no inserted name)")
    for res in results:
        w(f"  -- {res['label']} ({res['inserts']} names inserted: {res['insert_kinds']}, "
          f"{res['titled']} after a title) --")
        nnq = res["namenorm"]["quality"]
        quality_lines("namenorm scan", nnq, w)
        quality_lines("aho-corasick exact", res["aho"]["quality"], w)
        if "quality" in res.get("regex", {}):
            quality_lines("regex exact", res["regex"]["quality"], w)
        w(f"    namenorm methods used: {res['namenorm']['methods']}; FP by method: {nnq['fp_methods']}")
        w("    namenorm recall of misspelled names by noise kind: " + ", ".join(
            f"{k} {pct(v['recall'])} (n={v['n']})" for k, v in nnq["by_noise"].items()))
        w("    namenorm recall by title: " + ", ".join(
            f"{k} {pct(v['recall'])} (n={v['n']})" for k, v in nnq["by_title"].items()))
        w("    namenorm recall by position and shape: " + ", ".join(
            f"{k} {pct(v['recall'])} (n={v['n']})" for k, v in nnq["by_shape"].items()))
        if res["label"] == "bundled":
            w("    namenorm recall by entity kind: " + ", ".join(
                f"{k} {pct(v['recall'])} (n={v['n']})" for k, v in nnq["by_entity_kind"].items()))
        w(f"    missed misspelled names, decided by resolve() on the name alone: "
          f"{nnq['missed_misspelled_resolve_alone']} (right = the scanner loses what resolve() finds)")
        if nnq["missed_exact_resolve_alone"]:
            w(f"    missed exact names, resolve() alone: {nnq['missed_exact_resolve_alone']}")
        w(f"    namenorm: {nnq['fp_distinct_texts']} distinct false-positive texts; the 20 most frequent "
          f"(count, text -> id name [method score], one context):")
        top_fp_lines(nnq, w)
        aq = res["aho"]["quality"]
        if aq["top_fp"]:
            w("    aho-corasick false positives, most frequent:")
            top_fp_lines(aq, w, 5)
    w("")
    if fp:
        w("4. Text with NO known names (article by article; mentions per 100k chars)")
        for name, e in fp.items():
            w(f"  -- {name}: {e['chars']:,} chars, ~{e['sentences_approx']:,} sentences, "
              f"{e['inserted']} inserted names; {e['description']} --")
            for label, x in e["by_target"].items():
                un = (f", {x['unknown_names_matched']} of {x['unknown_names']} inserted names matched "
                      f"to some entity ({pct(x['unknown_names_matched'] / x['unknown_names'])})"
                      if x["unknown_names"] else "")
                w(f"    {label:14s} {x['mentions']:5d} mentions = {x['per_100k']:6.1f}/100k chars{un}; "
                  f"{x['cps']:,.0f} chars/s; methods {x['methods']}")
                if x["top"]:
                    w("      most frequent: " + "; ".join(
                        f"{t['count']}x {t['text']!r} -> {t['id']} {t['name']!r} ({t['method']} "
                        f"{t['score']:.3f})" for t in x["top"][:12]))
        w("")
    if long:
        s, lg, pa = long["small"], long["large"], long["small_per_article"]
        w(f"5. One long string (articles joined by blank lines), {long['label']}")
        w(f"  {s['chars']:>12,d} chars: {s['seconds']:7.1f}s = {s['cps']:9,.0f} chars/s; recall exact "
          f"{pct(s['recall_exact'])}, misspelled {pct(s['recall_misspelled'])}, FP "
          f"{s['fp_per_100k']:.1f}/100k, peak RSS {s['peak_rss_mb']:.0f} MB")
        w(f"  {lg['chars']:>12,d} chars: {lg['seconds']:7.1f}s = {lg['cps']:9,.0f} chars/s; recall exact "
          f"{pct(lg['recall_exact'])}, misspelled {pct(lg['recall_misspelled'])}, FP "
          f"{lg['fp_per_100k']:.1f}/100k, RSS {lg['rss_before_mb']:.0f} -> {lg['rss_after_mb']:.0f} MB, "
          f"peak {lg['peak_rss_mb']:.0f} MB")
        w(f"  time per char, 10x text vs 1x: {long['per_char_ratio']:.2f} (1.00 = linear)")
        w(f"  the same first {pa['chars']:,} chars scanned article by article: {pa['seconds']:.1f}s = "
          f"{pa['cps']:,.0f} chars/s; recall exact {pct(pa['recall_exact'])}, misspelled "
          f"{pct(pa['recall_misspelled'])}, FP {pa['fp_per_100k']:.1f}/100k")
        if lg["top_fp"]:
            w("  most frequent false positives in the long string: " + "; ".join(
                f"{x['count']}x {x['text']!r} -> {x['id']} {x['name']!r} ({x['method']})"
                for x in lg["top_fp"][:10]))
        w("")
    w("6. Examples (namenorm scan)")
    for res in results:
        q = res["namenorm"]["quality"]
        w(f"  -- {res['label']}: missed misspelled names ({len([x for x in q['missed'] if x['kind'] == 'misspelled'])} "
          f"in all; 10 shown, spread over noise kinds) --")
        example_lines(q["examples_missed_misspelled"], w)
        if q["examples_missed_exact"]:
            w(f"  -- {res['label']}: missed exact names "
              f"({len([x for x in q['missed'] if x['kind'] == 'exact'])} in all) --")
            example_lines(q["examples_missed_exact"], w)
        if q["examples_wrong"]:
            w(f"  -- {res['label']}: inserted names given the wrong id ({len(q['wrong'])} in all) --")
            example_lines(q["examples_wrong"], w)
    if fp:
        for name, e in fp.items():
            for label, x in e["by_target"].items():
                if x["matched_examples"]:
                    w(f"  -- '{name}' text, {label}: unknown names that got an id --")
                    example_lines(x["matched_examples"][:6], w)
    return "\n".join(L)


def strip_for_json(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {str(k): strip_for_json(v) for k, v in obj.items()
                if k not in ("missed", "wrong", "results")}
    if isinstance(obj, (list, tuple)):
        return [strip_for_json(v) for v in obj]
    if isinstance(obj, Counter):
        return dict(obj)
    return obj


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--chars", type=int, default=2_000_000, help="characters of text per resolver")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--quick", action="store_true",
                    help="10k gallery, 300k chars, small no-name corpora, 2 MB long text")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--fp-sentences", type=int, default=3000,
                    help="approximate sentences per no-known-names corpus")
    ap.add_argument("--long-chars", type=int, default=10_000_000)
    ap.add_argument("--regex-full-max", type=int, default=10_000,
                    help="largest gallery on which the regex baseline scans all the text")
    ap.add_argument("--regex-compile-limit", type=float, default=60.0)
    ap.add_argument("--regex-scan-limit", type=float, default=240.0)
    ap.add_argument("--regex-slice", type=int, default=100_000)
    ap.add_argument("--out-dir", type=Path, default=HERE / "results")
    ap.add_argument("--worktree", action="store_true",
                    help="measure namenorm/ as it is in the work tree, not the committed HEAD")
    args = ap.parse_args(argv)
    if args.quick:
        args.sizes = [10_000]
        args.chars = min(args.chars, 300_000)
        args.fp_sentences = min(args.fp_sentences, 600)
        args.long_chars = min(args.long_chars, 2_000_000)

    from importlib.metadata import version
    env: dict[str, Any] = bench_core.versions()
    env["source"] = bench_core.source_fingerprint(_SNAPSHOT / "namenorm")
    env["git"] = _SOURCE if args.worktree else f"commit {_SOURCE} (HEAD at start)"
    env["pyahocorasick"] = version("pyahocorasick")
    env["load_start"] = load()
    env["command"] = "python bench/bench_scan.py " + " ".join(argv if argv is not None else sys.argv[1:])
    t_start = time.perf_counter()
    log(f"start, load {load()}")

    results: list[dict[str, Any]] = []
    targets: list[Target] = []
    bundled = bundled_target()
    targets.append(bundled)
    results.append(run_target(bundled, args, regex_ok=True))
    last_g = None
    last_t = None
    for n in sorted(args.sizes):
        log(f"gallery {n:,}: building")
        t, g = gallery_target(n, args.seed)
        results.append(run_target(t, args, regex_ok=n <= args.regex_full_max))
        if last_t is not None:
            del last_t
        last_t, last_g = t, g
        gc.collect()
    assert last_t is not None
    targets.append(last_t)
    fp = run_fp_corpora(targets, last_g, args)
    long = run_long(last_t, args)
    env["load_end"] = load()
    env["wall_s"] = time.perf_counter() - t_start
    text = report(env, results, fp, long, args)
    text += f"\n\ntotal wall time {env['wall_s']:.0f}s; peak RSS {bench_core.maxrss_mb():.0f} MB\n"
    if args.worktree and bench_core.source_fingerprint(HERE.parent / "namenorm") != env["source"]:
        text += ("note: namenorm/ in the work tree changed while this ran; the figures are for the "
                 f"copy taken at the start (source hash {env['source']}).\n")
    print(text, flush=True)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    (args.out_dir / "scan.txt").write_text(text)
    (args.out_dir / "scan.json").write_text(json.dumps(
        {"env": env, "args": {k: str(v) for k, v in vars(args).items()},
         "results": strip_for_json(results), "no_known_names": strip_for_json(fp),
         "long_text": strip_for_json(long)}, indent=1, default=str))
    shutil.rmtree(_SNAPSHOT, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
