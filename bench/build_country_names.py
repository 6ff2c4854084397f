"""Build namenorm/_data/country_names.tsv: every country's name in the languages people write it in.

News in German writes "Schweiz", in Russian "Швейцария", in Korean "스위스": a gallery that
knows Switzerland should find it under each (``namenorm.places``). The file is generated,
never edited by hand:

    pip install '.[bench]'
    python bench/build_country_names.py
    python bench/build_country_names.py --pin-model   # first: the current match model decides misplacement

Source: the ISO 3166-1 names and their translations of Debian's iso-codes project, as pycountry
ships them (iso-codes is LGPL-2.1-or-later; country names are facts, and the file records where they
came from). One line a country, tab-separated: its alpha-2 code, its English names (name, official
name, common name where they differ) joined by "|", then every translation, each once. A translation
in Latin letters that English text writes as a word or a person's name is left out ("End" for India,
"Pain" for Spain, "Cameron" for Cameroon; the most frequent words of ``build_lexicon.prose_words``,
names left in, and the US Census's common given names and surnames: "Marta" for Malta, "Helene" for
Greece): it would turn prose into places. ``data/country_exonyms.tsv``, curated for namenorm,
vouches for the few such names that are the country's own or its established name in other languages
("Deutschland", "Italia", "Brasil"), and for older English names ("Burma", "Swaziland"): they are
kept. ``data/country_english_names.tsv``, curated too, adds the English names the press writes where
ISO gives another (Russia, Ivory Coast, Vatican City) to each country's English names, which are
what a gallery place is recognised by. ``data/country_errata.tsv``, curated too, lists translations
that name another place (Serbian "Easter Island" for Christmas Island): they are left out.

The dev sets that measure places (``devsets.cldr_places``, ``tiny_places``) ask CLDR's names,
from babel; they are another source, but for countries they mostly agree with these, so their
country rows measure this table as much as transliteration: ``docs/benchmarks-history.md`` says so.

Requires: pycountry, symspellpy and names (the English words and US Census names of
``build_lexicon.prose_words``).
"""

from __future__ import annotations

import argparse
import gettext
import json
import os
import shutil
import sys
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_support import with_curated, with_english_names, without_errata, write_names_table

if TYPE_CHECKING:
    from namenorm.scoring import MatchModel

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "namenorm" / "_data" / "country_names.tsv"
CURATED = ROOT / "data" / "country_exonyms.tsv"
ENGLISH = ROOT / "data" / "country_english_names.tsv"
ERRATA = ROOT / "data" / "country_errata.tsv"
PINNED_MODEL = Path(__file__).resolve().parent / "country_misplacement_model.json"
"""The match model that reads translations for ``misplaced_translations``: a copy of
namenorm/_data/match_weights.json as it was when the table was last read, taken by
``--pin-model``. The fit reads this table (cldr_places asks it), so with the current model
here every refit could move a name across ``MISPLACED``, change the table, and ask for another
refit: names sit within 0.005 of the cut, and two changes were given up for that chain. Pinned,
a refit leaves the table as it is; re-pin deliberately when its readings have improved. A
feature added since it was pinned weighs nothing in it (``pinned_model``): re-pinned with the model
of 0.9162, the first with the namesakes feature, 22 correct names ("Kinija", China in Lithuanian)
crossed ``MISPLACED`` and would have been left out."""
MISPLACED = 0.95
"""Probability from which another country's reading of a translation marks it misplaced: below
it, as many correct names as wrong ones were read as another country. Above it, wrong names
such as Gujarati "New Caledonia" for North Korea (0.979) and "Republic of Zambia" for Gambia
(0.950), with a few correct ones: Latvia's "Letonya Cumhuriyeti" read as Estonia (0.962), Oriya
"State of Kuwait" as Qatar (0.973). It is read off the pinned model (``PINNED_MODEL``): the
script prints every name it leaves out with its probability, and re-pinning asks for it to be
read again. It was 0.995 for an earlier model and 0.96 for the one of 0.876; with the
model of 0.881 pinned and this cut, the table gives ``fit_weights.py`` that same model back."""


def country_names() -> list[tuple[str, list[str]]]:
    import pycountry

    locales = sorted(
        lang for lang in os.listdir(pycountry.LOCALES_DIR)
        if os.path.exists(os.path.join(pycountry.LOCALES_DIR, lang, "LC_MESSAGES", "iso3166-1.mo")))
    translations = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]) for lang in locales]
    rows = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        english = [country.name] + [getattr(country, field) for field in ("official_name", "common_name")
                                    if getattr(country, field, None)]
        own = list(dict.fromkeys(" ".join(n.split()) for n in english))
        assert not any("|" in n or "\t" in n for n in own), own
        by_language: dict[str, list[str]] = {}
        for lang, translation in zip(locales, translations):
            for name in english:
                translated = " ".join(translation.gettext(name).split())
                if translated and "\t" not in translated and translated not in own:
                    by_language.setdefault(lang, []).append(translated)
        rows.append((country.alpha_2, own, by_language))
    misplaced = misplaced_translations(rows, locales)
    for (code, lang, name), read_as in sorted(misplaced.items()):
        print(f"left out: {code} {lang} {name!r}, which the other languages' names read as {read_as}")
    return [(code, ["|".join(own), *dict.fromkeys(n for lang, found in by_language.items() for n in found
                                                  if (code, lang, n) not in misplaced)])
            for code, own, by_language in rows]


def misplaced_translations(rows: list[tuple[str, list[str], dict[str, list[str]]]], locales: list[str]
                           ) -> dict[tuple[str, str, str], str]:
    """Translations that name another country: iso-codes' Gujarati name of North Korea is
    "New Caledonia" (ન્યુ કેલેડોનિયા). Each language's names are resolved against the English
    names and every other language's; one they read as another country at ``MISPLACED`` or
    more, and not even as a candidate for its own, is left out. Any other is kept: "Італійська
    Республіка" reads as Turkey's "Турецька Республіка" too, but Italy is among its candidates.

    A second pass reads the names left out again, against the other languages' names without
    those left out: Maithili's अमेरिका for the United States read as Armenia only while
    Marathi's misplaced अमेरिका for Armenia was there.

    Returns (country, language, name) -> the country the name was read as, with the probability.
    """
    found: dict[tuple[str, str, str], str] = {}
    for lang in locales:
        found.update(_misread(rows, lang))
    first = set(found)
    for lang in sorted({lang for _, lang, _ in first}):
        again = _misread(rows, lang, left_out=first, only={name for _, other, name in first if other == lang})
        for key in [k for k in found if k[1] == lang and k not in again]:
            del found[key]
    return found


def _misread(rows: list[tuple[str, list[str], dict[str, list[str]]]], lang: str, *,
             left_out: AbstractSet[tuple[str, str, str]] = frozenset(), only: AbstractSet[str] | None = None
             ) -> dict[tuple[str, str, str], str]:
    """The names of language ``lang`` (those in ``only``, if given) that the English names and the
    other languages' names, but ``left_out``, read as another country (``misplaced_translations``)."""
    from namenorm import Entity, Resolver
    from namenorm.decide import Engine

    gallery = [Entity(code, own[0], "place", aliases=tuple(dict.fromkeys(
        n for other, found in by_language.items() if other != lang for n in (*own[1:], *found)
        if n != own[0] and (code, other, n) not in left_out)))
        for code, own, by_language in rows]
    # The tables a resolver of the gallery compiles, weighed by the pinned model instead of its own.
    engine = Engine(Resolver(gallery, place_names=()).engine.index, pinned_model())
    misread = {}
    for code, _own, by_language in rows:
        for name in by_language.get(lang, ()):
            if only is not None and name not in only:
                continue
            decision = engine.decide(name)
            winner = decision.winner
            if winner is not None and winner.score >= MISPLACED and all(m.id != code for m in decision.matches):
                misread[code, lang, name] = f"{winner.id} ({winner.score:.3f})"
    return misread


def pinned_model() -> MatchModel:
    """The match model ``PINNED_MODEL`` holds, its features found by name among today's: a model
    pinned before a feature was added reads the table as it did (the new feature weighs nothing)."""
    from namenorm.scoring import FEATURES, MatchModel

    try:
        data = json.loads(PINNED_MODEL.read_text(encoding="utf-8"))
        pinned = data.get("features", list(FEATURES))
        if pinned != list(FEATURES):
            if not set(pinned) <= set(FEATURES):
                raise ValueError(f"features {sorted(set(pinned) - set(FEATURES))} are no longer weighed")
            position = [FEATURES.index(name) for name in pinned]
            data = {**data, "features": list(FEATURES), "weights": {name: 0.0 for name in FEATURES} | data["weights"],
                    "trees": [{**tree, "feature": [position[f] if f >= 0 else f for f in tree["feature"]]}
                              for tree in data.get("trees", ())]}
        return MatchModel.from_json(data)
    except FileNotFoundError:
        raise SystemExit(f"{PINNED_MODEL} is missing; run with --pin-model to take the current match model") from None
    except (ValueError, KeyError, IndexError) as exc:
        raise SystemExit(f"{PINNED_MODEL}: {exc}; run with --pin-model to take the current match model") from None


def main() -> None:
    import pycountry

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pin-model", action="store_true",
                        help="copy namenorm/_data/match_weights.json to the pinned model first")
    if parser.parse_args().pin_model:
        shutil.copyfile(ROOT / "namenorm" / "_data" / "match_weights.json", PINNED_MODEL)

    version = getattr(pycountry, "__version__", "")
    if not version:
        from importlib.metadata import version as dist_version
        version = dist_version("pycountry")
    write_names_table(OUT, [
        "Country names in many languages: generated by bench/build_country_names.py, do not edit.",
        (f"Source: ISO 3166-1 names and translations of Debian iso-codes (LGPL-2.1-or-later), "
         f"as pycountry {version} ships them."),
        "With data/country_exonyms.tsv (curated for namenorm: established names that are also English words)",
        "and data/country_english_names.tsv (curated for namenorm: the English names the press writes),",
        "without data/country_errata.tsv (curated for namenorm: translations that name another place).",
        "One country a line: alpha-2 code, English names (name|official|common|others), then translations.",
    ], with_english_names(without_errata(with_curated(country_names(), CURATED), ERRATA), ENGLISH))


if __name__ == "__main__":
    main()
