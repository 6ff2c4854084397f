"""Build namenorm/_data/place_words.tsv: the generic words of place names in other languages.

"Isole Cayman", "Острова Кука" and "Ilhas Marshall" name islands; "Antigua och Barbuda" joins
with an "and"; "Sankt Lucia" is a saint. A gallery written in English holds "islands", "and"
and "saint", so these words find no partner and a right answer falls below the threshold. The
file groups each English word of country names with the words other languages put where it is
(``namenorm.places.place_word_groups``), learned here from the country names table
(``namenorm/_data/country_names.tsv``, itself generated from Debian iso-codes) and never edited
by hand:

    python bench/build_place_words.py

How a word is learned: an English word that at least ``MIN_COUNTRIES`` countries' English names
hold is a concept ("islands", "saint", "republic"). A word of the translations (normalized as a
query is, so Cyrillic "острова" is "ostrova") goes with the concept when at least half of those
countries' translations hold it (at least ``MIN_COUNTRIES``), and at least ``MIN_PRECISION`` of
the countries whose translations hold it are such countries. A word two concepts would take goes
with the one more of whose countries hold it; ties go to the concept first in order. The share
is counted over a singular and its plural together (Island and Islands), whose words make one
group anyway. Words of fewer
than ``MIN_LETTERS`` letters and common English words are left out ("on", "in", "de": running
text is full of them). A
plural's words and its singular's make one group: "Isole" names an island as "islands" would.
The endings that languages writing compounds join to a name ("Cookøyene", "Marshallinseln") are
learned too (``_compound_endings``) and go in the same groups: written apart they are words of
their own ("Pitcairn-øyene"), and a query word that is a gallery word with one of them joined is
read as the two (``namenorm.index.tables.FormTables.compounds``).

The table is learned from iso-codes' translations; the dev sets that measure places ask CLDR's
names (babel), another source.
"""

from __future__ import annotations

import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from bench_support import write_names_table

from namenorm.normalize import normalize_name
from namenorm.places import country_names
from namenorm.scoring import common_words

OUT = ROOT / "namenorm" / "_data" / "place_words.tsv"
MIN_COUNTRIES = 3
"""Fewest countries whose English names hold a concept, and whose translations hold a word of it."""
MIN_PRECISION = 0.5
"""Least share of the countries whose translations hold a word that have the concept in English.
Chosen on cldr_places' tune split (``python bench/build_place_words.py --sweep``): at 0.75, 0.6,
0.5 and 0.4 the model of 0.9033 answered 1,460, 1,465, 1,467 and 1,467 of its 2,050 known names
right and 5 of its 980 strangers at each. At 0.75 a singular fell short: Остров (Island) is
also in the names of the Isle of Man, St. Helena, Ascension and Tristan da Cunha, and São Tomé
and Príncipe (4 of 7 countries), so "Остров Асенсион" and "Illa de Ascensión" had no candidate."""
MIN_LETTERS = 3
"""Shortest word learned: "on", "in" and "de" are words of running text in many languages."""
MIN_ENDING = 4
"""Shortest ending of a compound learned (``_compound_endings``)."""


def _words(names: tuple[str, ...]) -> set[str]:
    return {w for name in names for w in normalize_name(name).split() if len(w) > 1}


def _learnable(word: str) -> bool:
    """A word that may stand for an English one: not short, and no common English word, which
    prose would turn into a place ("On Africa Day")."""
    return len(word) >= MIN_LETTERS and word not in common_words()


COMPASS_ADJECTIVES = {"northern": "north", "southern": "south"}
"""English adjectives of the points of the compass, counted as the point: North Macedonia and
North Korea, Northern Ireland and the Northern Mariana Islands are four countries named north,
where each word alone is in two, too few to learn a word from (Norte, Nord, Pohjois)."""


def _english_words(names: tuple[str, ...]) -> set[str]:
    return {COMPASS_ADJECTIVES.get(w, w) for w in _words(names)}


def _concept(word: str) -> str:
    """An English word's concept: its singular ("islands" -> "island")."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _compound_endings(english: list[set[str]], translated: list[set[str]], concept_count: Counter[str]
                      ) -> dict[str, tuple[int, str]]:
    """Endings that languages writing compounds join to a name where English writes a word of its
    own ("Cookøyene", "Marshallinseln", "Caymaneilanden" for the Cook, Marshall and Cayman Islands):
    what follows another English word of a country's name at the start of a word of its
    translations, in at least a quarter of the countries whose names hold the concept (at least
    ``MIN_COUNTRIES``), ``MIN_ENDING`` letters or more. An ending two concepts would take goes with
    the one more countries hold it for. Ending -> (countries, concept)."""
    found: dict[str, tuple[int, str]] = {}
    for concept in sorted(c for c, n in concept_count.items() if n >= MIN_COUNTRIES):
        holders: dict[str, set[int]] = defaultdict(set)
        for k, (own_words, other_words) in enumerate(zip(english, translated)):
            if concept not in own_words:
                continue
            heads = [w for w in own_words if w != concept and len(w) >= MIN_LETTERS]
            for word in other_words:
                for head in heads:
                    if word.startswith(head) and len(word) - len(head) >= MIN_ENDING:
                        holders[word[len(head):]].add(k)
        needed = max(MIN_COUNTRIES, math.ceil(concept_count[concept] / 4))
        for ending, countries in holders.items():
            if len(countries) >= needed and _learnable(ending) and len(countries) > found.get(ending, (0, ""))[0]:
                found[ending] = (len(countries), concept)
    return found


def learn(min_precision: float = MIN_PRECISION) -> list[tuple[str, list[str]]]:
    english: list[set[str]] = []
    translated: list[set[str]] = []
    for own, others in country_names():
        english.append(_english_words(own))
        translated.append(_words(others) - english[-1])
    concept_count = Counter(w for words in english for w in words)
    word_count = Counter(w for words in translated for w in words)
    together: dict[str, Counter[str]] = defaultdict(Counter)
    for own_words, other_words in zip(english, translated):
        for concept in own_words:
            if concept_count[concept] >= MIN_COUNTRIES:
                together[concept].update(other_words)
    # Precision is counted over a concept's group: "ostrovi" stands for Island in four countries'
    # names and for Islands in fifteen, and only the two together hold most of its 24 countries.
    in_group: dict[str, Counter[str]] = defaultdict(Counter)
    for own_words, other_words in zip(english, translated):
        for group in {_concept(w) for w in own_words if concept_count[w] >= MIN_COUNTRIES}:
            in_group[group].update(other_words)
    best: dict[str, tuple[int, str]] = {}
    for concept, counts in sorted(together.items()):
        needed = max(MIN_COUNTRIES, math.ceil(concept_count[concept] / 2))
        for word, both in counts.items():
            precise = in_group[_concept(concept)][word] / word_count[word] >= min_precision
            if both >= needed and precise and _learnable(word) and (word not in best or both > best[word][0]):
                best[word] = (both, concept)
    for ending, (both, concept) in _compound_endings(english, translated, concept_count).items():
        if ending not in best or both > best[ending][0]:
            best[ending] = (both, concept)
    groups: dict[str, set[str]] = defaultdict(set)
    for word, (_, concept) in best.items():
        groups[_concept(concept)].update((concept, word))
    for adjective, point in COMPASS_ADJECTIVES.items():
        if point in groups:
            groups[point].add(adjective)
    return [(concept, sorted(words, key=lambda w: (_concept(w) != concept, w))) for concept, words in sorted(groups.items())]


SWEEP = (0.75, 0.6, 0.5, 0.4)
"""The shares ``--sweep`` tries for ``MIN_PRECISION``."""


def write(rows: list[tuple[str, list[str]]]) -> None:
    write_names_table(OUT, [
        "Words of place names in other languages: generated by bench/build_place_words.py, do not edit.",
        "Learned from namenorm/_data/country_names.tsv (Debian iso-codes translations, LGPL-2.1-or-later).",
        "One concept a line: its English words, then the normalized words other languages write where they stand.",
    ], rows)


def tune_figures() -> None:
    """cldr_places' tune split answered with the table on disk: known names right, known names,
    strangers answered, strangers."""
    import devsets

    from namenorm import Resolver

    places = devsets.build("cldr_places")
    resolver = Resolver(places.entities, place_names=places.place_names)
    answers = [(q.truth, resolver.resolve(q.text)) for q in places.queries if q.split == "tune"]
    print(sum(truth is not None and m is not None and m.id == truth for truth, m in answers),
          sum(truth is not None for truth, _ in answers),
          sum(truth is None and m is not None for truth, m in answers), sum(truth is None for truth, _ in answers))


def sweep() -> None:
    """``tune_figures`` of the table learned at each share of ``SWEEP`` (each in a process of its
    own, which reads the table afresh), then the table of ``MIN_PRECISION`` written back."""
    import subprocess

    try:
        for share in SWEEP:
            write(learn(share))  # the next process reads it
            right, known, strangers, unknown = subprocess.run(
                [sys.executable, __file__, "--tune-figures"], check=True, capture_output=True, text=True
            ).stdout.split()
            print(f"MIN_PRECISION {share}: {right} of {known} known names right, {strangers} of {unknown} strangers answered")
    finally:
        write(learn())


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sweep", action="store_true", help="measure cldr_places' tune split at each share of SWEEP")
    parser.add_argument("--tune-figures", action="store_true", help="measure it with the table on disk")
    args = parser.parse_args()
    if args.sweep:
        sweep()
    elif args.tune_figures:
        tune_figures()
    else:
        write(learn())


if __name__ == "__main__":
    main()
