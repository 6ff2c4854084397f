#!/usr/bin/env python
"""Scanning text written in other scripts: names found, names invented, and speed.

    python bench/bench_scan_scripts.py [--sentences 150] [--seed 7]

Text: for each of Korean, Japanese, Chinese, Russian, Greek, Arabic, Hebrew and Hindi,
sentences of 6-14 words drawn from the language's frequent words (wordfreq, ranks 100-5,000;
Japanese and Chinese written without spaces, as those languages are), the first capitalized
where the script has case. Every other sentence
holds one name as that script writes it, from tests/data/cross_script_pairs.tsv (a person or
place of the gallery; two in three) or cross_script_absent.tsv (someone not in it). Words
that hold a gallery name are left out of the word lists, so every other mention is false.

Galleries: ``latin``, the Latin names of cross_script_pairs.tsv alone (a user who lists names
in Latin letters: every name must be read across scripts), and ``native``, the same entities
with the script forms of half the names as aliases (the others are still read across scripts).

Reported per language and gallery: recall (a mention overlapping the planted name, with its
id), wrong ids, absent names answered, other mentions per 1,000 words, characters per second.
Baseline in the same run: an exact dictionary of the ``native`` gallery's script forms, found
as substrings between word boundaries (what a dictionary scanner finds). The report is printed
and written to bench/results/scan_scripts.txt.

Requires: wordfreq (and namenorm).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(1, str(HERE))

import devsets
from wordfreq import top_n_list

from namenorm import Entity, Resolver, normalize_name

LANGUAGES = {"ko": "hangul", "ja": "kana", "zh": "han", "ru": "cyrillic", "el": "greek",
             "ar": "arabic", "he": "hebrew", "hi": "devanagari"}
"""wordfreq language -> the script column of the project's cross-script name files."""
UNSPACED = {"ja", "zh"}
_STOP = {"ja": "。", "zh": "。"}


def read_tsv(name: str) -> list[dict[str, str]]:
    return [{k: v.strip() for k, v in row.items()} for row in devsets.read_tsv(name)]


def entity_id(latin: str) -> str:
    return normalize_name(latin).replace(" ", "-")


def galleries(pairs: list[dict[str, str]], rng: random.Random) -> dict[str, list[Entity]]:
    kinds = {r["latin"]: r.get("kind") or "other" for r in pairs}
    latin = [Entity(entity_id(name), name, kind) for name, kind in kinds.items()]  # type: ignore[arg-type]
    aliased = {name for name in sorted(kinds) if rng.random() < 0.5}
    natives: dict[str, list[str]] = {}
    for r in pairs:
        if r["latin"] in aliased:
            natives.setdefault(r["latin"], []).append(r["native"])
    native = [Entity(e.id, e.name, e.kind, aliases=tuple(natives.get(e.name, ()))) for e in latin]
    return {"latin": latin, "native": native}


def word_list(lang: str, names: list[str]) -> list[str]:
    forms = {normalize_name(n) for n in names}
    words = [w for w in top_n_list(lang, 5000)[100:] if any(ch.isalpha() for ch in w)]
    return [w for w in words if normalize_name(w) not in forms and not any(n in w or w in n for n in names)]


def make_text(lang: str, words: list[str], planted: list[tuple[str, str | None]], n: int,
              rng: random.Random) -> tuple[str, list[tuple[int, int, str | None]], int]:
    """Sentences with names planted; the text, each name's (start, end, id) and the word count."""
    sep = "" if lang in UNSPACED else " "
    stop = _STOP.get(lang, ".")
    parts: list[str] = []
    spans: list[tuple[int, int, str | None]] = []
    pos = count = 0
    for k in range(n):
        sentence = [rng.choice(words) for _ in range(rng.randint(6, 14))]
        sentence[0] = sentence[0][:1].upper() + sentence[0][1:]  # as text opens a sentence (no case: unchanged)
        count += len(sentence)
        name = None
        if k % 2 == 1:
            name, truth = rng.choice(planted)
            sentence.insert(rng.randint(0, len(sentence)), "\0")
        text = sep.join(sentence) + stop + " "
        if name is not None:
            at = text.index("\0")
            text = text.replace("\0", name)
            spans.append((pos + at, pos + at + len(name), truth))
        parts.append(text)
        pos += len(text)
    return "".join(parts), spans, count


def dictionary_scan(forms: set[str]) -> re.Pattern[str]:
    ordered = sorted(forms, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered))) if ordered else re.compile(r"(?!x)x")


def evaluate(found: list[tuple[int, int, str]], spans: list[tuple[int, int, str | None]]
             ) -> Counter[str]:
    c: Counter[str] = Counter()
    used: set[int] = set()
    for start, end, truth in spans:
        hits = [k for k, (a, b, _) in enumerate(found) if a < end and start < b]
        used.update(hits)
        ids = {found[k][2] for k in hits}
        if truth is None:
            c["absent"] += 1
            c["absent answered"] += bool(ids)
        else:
            c["known"] += 1
            c["found"] += truth in ids
            c["wrong"] += bool(ids - {truth})
    c["other"] = len(found) - len(used)
    return c


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sentences", type=int, default=150, help="sentences per language (half hold a name)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pairs, absent = read_tsv("cross_script_pairs.tsv"), read_tsv("cross_script_absent.tsv")
    built = galleries(pairs, rng)
    resolvers = {label: Resolver(entities) for label, entities in built.items()}
    for r in resolvers.values():
        r.resolve("warm up")
    native_forms = {a for e in built["native"] for a in e.aliases}
    pattern = dictionary_scan(native_forms)
    by_form = {a: e.id for e in built["native"] for a in e.aliases}
    lines = [f"# scan_scripts: {args.sentences} sentences per language, seed {args.seed}", "",
             "| language | gallery | names | recall | wrong | absent answered | other per 1k words | chars/s |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    totals: dict[str, Counter[str]] = {}
    for lang, script in LANGUAGES.items():
        planted = [(r["native"], entity_id(r["latin"])) for r in pairs if r["script"] == script]
        planted += [(r["native"], None) for r in absent if r["script"] == script][:len(planted) // 2]
        words = word_list(lang, [p for p, _ in planted])
        text, spans, n_words = make_text(lang, words, planted, args.sentences, random.Random(f"{args.seed}{lang}"))
        runs: dict[str, tuple[list[tuple[int, int, str]], float]] = {}
        for label, r in resolvers.items():
            t0 = time.process_time()
            mentions = r.scan(text)
            elapsed = time.process_time() - t0
            runs[label] = ([(m.start, m.end, m.match.id) for m in mentions], elapsed)
        t0 = time.process_time()
        dictionary = [(m.start(), m.end(), by_form[m.group()]) for m in pattern.finditer(text)]
        runs["dictionary (native)"] = (dictionary, time.process_time() - t0)
        for label, (found, elapsed) in runs.items():
            c = evaluate(found, spans)
            totals.setdefault(label, Counter()).update(c + Counter(words=n_words, chars=len(text)))
            totals[label]["seconds"] += 0  # keep the key
            totals[label]["ms"] += int(elapsed * 1000)
            lines.append(f"| {lang} | {label} | {c['known']} | {100 * c['found'] / max(c['known'], 1):.1f}% "
                         f"| {100 * c['wrong'] / max(c['known'], 1):.1f}% "
                         f"| {100 * c['absent answered'] / max(c['absent'], 1):.1f}% "
                         f"| {1000 * c['other'] / n_words:.2f} | {len(text) / max(elapsed, 1e-6):,.0f} |")
    lines += ["", "| all languages | names | recall | wrong | absent answered | other per 1k words | chars/s |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for label, c in totals.items():
        lines.append(f"| {label} | {c['known']} | {100 * c['found'] / max(c['known'], 1):.1f}% "
                     f"| {100 * c['wrong'] / max(c['known'], 1):.1f}% "
                     f"| {100 * c['absent answered'] / max(c['absent'], 1):.1f}% "
                     f"| {1000 * c['other'] / c['words']:.2f} | {c['chars'] / max(c['ms'] / 1000, 1e-6):,.0f} |")
    report = "\n".join(lines)
    print(report)
    out = HERE / "results" / "scan_scripts.txt"
    out.write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
