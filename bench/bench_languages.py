"""cldr_places language by language: every name CLDR gives a place, not a sample of them.

    pip install '.[bench]'
    python bench/bench_languages.py > bench/results/languages.txt
    python bench/bench_languages.py --locales lt,lv

cldr_places (``devsets.py``) draws 6,000 queries balanced by script, so a language of the Latin
script is a few dozen of them. This asks every name each CLDR locale gives the places of its
**report** split (the gallery's by their own names; the held-out places' as strangers), with
cldr_places' gallery and tables, and prints per locale the share of known names found (top-1 at
the default threshold) and of strangers answered, beside Jaro-Winkler over unidecode-folded names
(``baselines.py``) at the cutoff that answers at most 2% of the **tune** split's strangers, all
locales together. Names a place's own English forms already spell are not asked.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import devsets
from baselines import _fold, _Scored, choose_cutoff
from rapidfuzz.distance import JaroWinkler

from namenorm import Resolver, normalize_name


def _queries(split: str, locales: set[str] | None) -> list[tuple[str, devsets.Query]]:
    """(locale, query) for every localized name of the places of ``split``."""
    gallery = {e.id for e in devsets._cldr_gallery(7)}
    asked = []
    for place in devsets._cldr_places():
        if devsets._split(7, place.id) != split:
            continue
        own = {normalize_name(f) for f in (place.name, *place.aliases)}
        truth = place.id if place.id in gallery else None
        for locale, text in place.localized:
            if (locales and locale not in locales) or (truth and normalize_name(text) in own):
                continue
            asked.append((locale, devsets.Query(text, truth, split, devsets.script_of(text))))
    return asked


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locales", help="comma-separated CLDR locales (default: all)")
    args = parser.parse_args(argv)
    locales = set(args.locales.split(",")) if args.locales else None
    devset = devsets.build("cldr_places")
    resolver = Resolver(devset.entities, place_names=devset.place_names)
    jaro_winkler = _Scored(devset, _fold, JaroWinkler.normalized_similarity)
    tune = [(q, jaro_winkler(q.text, 0.5)) for _, q in _queries("tune", None)]
    cutoff = choose_cutoff(tune)
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * 6)
    for locale, query in _queries("report", locales):
        answer = resolver.resolve(query.text)
        baseline = jaro_winkler(query.text, cutoff)[0]
        row = counts[locale]
        if query.truth is None:
            row[3] += 1
            row[4] += answer is not None
            row[5] += baseline is not None
        else:
            row[0] += 1
            row[1] += answer is not None and answer.id == query.truth
            row[2] += baseline == query.truth
    print(f"cldr_places, every name of its report split's places ({devset.source}); "
          f"Jaro-Winkler cutoff {cutoff:.3f}")
    print("| locale | known | namenorm top-1 | Jaro-Winkler top-1 | strangers | namenorm answered | Jaro-Winkler answered |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for locale, (known, right, base_right, strangers, answered, base_answered) in sorted(
            counts.items(), key=lambda kv: (-kv[1][1] / max(kv[1][0], 1), kv[0])):
        def share(part: int, whole: int) -> str:
            return f"{part / whole:.1%}" if whole else "-"
        print(f"| {locale} | {known} | {share(right, known)} | {share(base_right, known)} | {strangers} | "
              f"{share(answered, strangers)} | {share(base_answered, strangers)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
