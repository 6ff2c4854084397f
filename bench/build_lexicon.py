"""Build namenorm/_data/common_words.txt, known_names.txt, name_shares.tsv and given_name_sexes.tsv: the
words the match model knows.

A query that is itself a common word ("hit", "chain", "grease") and only
resembles a gallery name is far more often the word than a misspelled name;
the match model weighs that (``namenorm.scoring``). The list is generated,
never edited by hand:

    pip install '.[bench]'
    python bench/build_lexicon.py

``known_names.txt`` holds given names and surnames people really have, from the
person-name lists of every Faker locale (MIT): a query word that is such a name
and only resembles a gallery person's word is more often somebody else
("Adamson" beside a gallery "Adams") than a typo. Faker is not the source of
any dev set's names, so the lists do not leak into the data the weights are
fitted on.

``name_shares.tsv`` holds how common a given name or surname is among people:
its share of the weighted person-name lists of the Faker locales that weigh
theirs (census and registry counts), the largest share any list gives it. A
list counts the people of its most common names only (and of one sex, for
given names by sex), so a share is of the people that list counts. A lone
"Smith" that agrees with a gallery person is often a stranger; a lone "Trump"
seldom is (a population term-frequency adjustment, beside the gallery's own in
``word_rarity``). A name no weighted list holds is rare.

``given_name_sexes.tsv`` holds the given names that Faker's locales list for men only or for
women only: every locale that lists the name lists it for the same sex (Joe, Jill; not Andrea,
a man's name in Italian, nor Kim). A title that says the other sex ("Mrs. Biden") rules out a
person of such a given name (``namenorm.parts.given_name_sex``).

Source of the common words: the English frequency dictionary bundled with symspellpy (MIT; built
from Google Books Ngram counts and SCOWL), the most frequent words first.
Removed from it: given names (namenorm's own given-name groups, the US Census
first-name lists of the ``names`` package), the most common US surnames, and
every one-word English country and exemplar-city name of CLDR (babel), so that a name
that is also a word ("Grant", "Chad") is never counted against.

Requires: symspellpy, names, babel, faker.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "namenorm" / "_data" / "common_words.txt"
NAMES_OUT = ROOT / "namenorm" / "_data" / "known_names.txt"
SHARES_OUT = ROOT / "namenorm" / "_data" / "name_shares.tsv"
SEXES_OUT = ROOT / "namenorm" / "_data" / "given_name_sexes.tsv"
TOP_WORDS = 20_000
"""Most frequent dictionary words considered."""
TOP_SURNAMES = 5_000
"""Most common US surnames removed from the list (beyond them a surname is rare as a word)."""
MIN_LETTERS = 3
MIN_SHARE = 0.01
"""Census names rarer than this (per cent of people; "Man" is 0.004%) may still be counted as words."""


def _frequency_words() -> list[str]:
    text = (resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt").read_text("utf-8")
    return [line.split()[0] for line in text.splitlines() if line.strip()]


def prose_words(top: int = TOP_WORDS) -> set[str]:
    """The ``top`` most frequent words of English text, names and places left in, and the given
    names and surnames of the US Census lists that at least ``MIN_SHARE`` per cent of people have:
    a name of a place in another language that is one of them ("Cameron", Cameroon's; "Chip",
    Cyprus'; "Sam", Damascus'; "Marta", Malta's; "Helene", Greece's) is read in English text as the
    name or word far more often than as the place."""
    return (set(_frequency_words()[:top]) | _census("dist.male.first") | _census("dist.female.first")
            | _census("dist.all.last"))


def _census(name: str, limit: int | None = None) -> set[str]:
    """Names of a Census list that at least ``MIN_SHARE`` per cent of people have, at most ``limit``."""
    text = (resources.files("names") / name).read_text("utf-8")
    rows = [line.split() for line in text.splitlines() if line.strip()]
    return {row[0].lower() for row in rows[:limit] if float(row[1]) >= MIN_SHARE}


def _places() -> set[str]:
    from babel import Locale

    en = Locale("en")
    words: set[str] = set()
    words.update(name.lower() for name in en.territories.values())
    from babel.core import get_global

    words.update(zone.rsplit("/", 1)[-1].lower().replace("_", " ") for zone in get_global("zone_territories"))
    return words


def _given_names() -> set[str]:
    import sys

    sys.path.insert(0, str(ROOT))
    from namenorm.aliases import default_given_names
    from namenorm.normalize import normalize_name

    return {normalize_name(n) for group in default_given_names() for n in group}


def build(top: int = TOP_WORDS) -> list[str]:
    names = (_census("dist.male.first") | _census("dist.female.first")
             | _census("dist.all.last", TOP_SURNAMES) | _given_names() | _places())
    out = []
    for word in _frequency_words()[:top]:
        if len(word) >= MIN_LETTERS and word.isascii() and word.isalpha() and word not in names:
            out.append(word)
    return sorted(set(out))


_NAME_LISTS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary", "last_names")
"""The person providers' name lists; a dict among them maps each name to its weight."""


def _name_list(provider: type, attr: str) -> Any:
    """A Faker person provider's name list: the locale's own, or the one it inherits."""
    return provider.__dict__.get(attr) or getattr(provider, attr, None)


def _providers() -> Iterator[type]:
    """The person provider of every Faker locale."""
    import importlib
    import pkgutil

    import faker.providers.person as providers

    for module in pkgutil.iter_modules(providers.__path__):
        yield importlib.import_module(f"{providers.__name__}.{module.name}").Provider


def _name_lists() -> Iterator[object]:
    """Every person-name list of every Faker locale."""
    for provider in _providers():
        for attr in _NAME_LISTS:
            yield _name_list(provider, attr)


def _normalizer() -> Callable[[str], str]:
    import sys

    sys.path.insert(0, str(ROOT))
    from namenorm.normalize import normalize_name

    return normalize_name


def known_names() -> list[str]:
    """Every word of 3+ letters of the given names and surnames of Faker's person providers."""
    normalize_name = _normalizer()
    words: set[str] = set()
    for names in _name_lists():
        if isinstance(names, (dict, tuple, list, set, frozenset)):
            for name in names:
                words.update(w for w in normalize_name(str(name)).split() if len(w) >= MIN_LETTERS
                             and w.isalpha())
    return sorted(words)


def name_shares() -> dict[str, int]:
    """One-word names -> per 100,000 of the people a weighted list counts, those who have them: the
    largest share a list gives. A list counts the people of its most common names only, and a list
    of men's or women's given names only men or women, so a share overstates the name's among
    people at large: what it ranks is how common names are against each other. (Counted against
    everyone, halving the given names of one sex, the fit's threshold rose 0.9177 -> 0.9218 and
    top-1 fell on five of its seven sets with known names, the other two the same.)"""
    normalize_name = _normalizer()
    shares: dict[str, float] = {}
    for names in _name_lists():
        if not isinstance(names, dict):
            continue  # an unweighted list says a name exists, not how common it is
        people = sum(names.values())
        for name, weight in names.items():
            word = normalize_name(str(name))
            if word and " " not in word and word.isalpha():
                shares[word] = max(shares.get(word, 0.0), 100_000 * weight / people)
    return {word: round(share) for word, share in sorted(shares.items()) if round(share) >= 1}


def given_name_sexes() -> dict[str, str]:
    """One-word given names -> "m" or "f": those every Faker locale that lists them lists for
    the same sex."""
    normalize_name = _normalizer()
    listed: dict[str, set[str]] = {}
    for provider in _providers():
        for attr, sex in (("first_names_male", "m"), ("first_names_female", "f")):
            for name in _name_list(provider, attr) or ():
                word = normalize_name(str(name))
                if word and " " not in word and word.isalpha():
                    listed.setdefault(word, set()).add(sex)
    return {word: sexes.pop() for word, sexes in sorted(listed.items()) if len(sexes) == 1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=TOP_WORDS)
    args = parser.parse_args()
    words = build(args.top)
    header = (
        "# Frequent English words that are not names: generated by bench/build_lexicon.py, do not edit.\n"
        f"# The {args.top:,} most frequent words of symspellpy's English frequency dictionary (MIT;\n"
        "# Google Books Ngram counts and SCOWL), less given names, common surnames and CLDR place names.\n"
    )
    OUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words):,} words -> {OUT.relative_to(ROOT)}")
    names = known_names()
    NAMES_OUT.write_text(
        "# Given names and surnames people have: generated by bench/build_lexicon.py, do not edit.\n"
        "# Every word of the person-name lists of Faker's locales (MIT), normalized.\n"
        + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names):,} names -> {NAMES_OUT.relative_to(ROOT)}")
    shares = name_shares()
    SHARES_OUT.write_text(
        "# Given names and surnames -> people per 100,000 who have them: generated by\n"
        "# bench/build_lexicon.py, do not edit. The largest share any weighted person-name list of\n"
        "# Faker's locales (MIT; census and registry counts) gives the name among the people it\n"
        "# counts (its most common names; for given names by sex, one sex); absent means rarer.\n"
        + "".join(f"{word}\t{share}\n" for word, share in shares.items()), encoding="utf-8")
    print(f"{len(shares):,} name shares -> {SHARES_OUT.relative_to(ROOT)}")
    sexes = given_name_sexes()
    SEXES_OUT.write_text(
        "# Given names -> the sex of the people who have them, m or f: generated by\n"
        "# bench/build_lexicon.py, do not edit. The names Faker's locales (MIT) list for one sex\n"
        "# only: every locale that lists the name lists it for the same sex.\n"
        + "".join(f"{word}\t{sex}\n" for word, sex in sexes.items()), encoding="utf-8")
    print(f"{len(sexes):,} given names' sexes -> {SEXES_OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
