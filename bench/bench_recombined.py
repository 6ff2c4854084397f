#!/usr/bin/env python
"""Strangers who share a given name with one listed person and a surname with another.

    python bench/bench_recombined.py > bench/results/recombined.txt

A gallery lists people in Latin letters, as a sanctions list or a newsroom's does: Iryna Kuleba,
Oleksandr Usyk. A query names someone else with the same given name as one of them and the
surname of another, written in the script of the name's language: Олена Кулеба, Олександр
Шевченко. Consonant keys make such pairings look alike (l and r are one class, vowels are
left out), so they are the strangers a matcher across scripts most easily takes for a listed
person. For each language: 12 given names and 14 surnames, common ones, written out here in
their script and as their people spell them in Latin letters; the gallery pairs the i-th given
name with the i-th surname, and every other pairing, asked in the script, is a stranger.

Printed per language: the strangers answered (false matches), and the listed people found
from their names in the script (top-1), for namenorm at its defaults and for Jaro-Winkler
over namenorm's romanization (rapidfuzz ``extractOne``) at two cutoffs, in the same run.
These are names written for this benchmark, not a dev set: they say where strangers get
through, not how often they do in any real source.

A second table asks how often, in a larger gallery of one stock of names: 300 people drawn from
the Ukrainian and Russian name lists of Faker's person providers (men's given names and
surnames, in Cyrillic), listed in Latin letters as unidecode spells them; the strangers pair a
listed given name with a surname held out of the gallery (a third of the surnames), asked in
Latin letters and in Cyrillic. Surnames of one stock share their endings (Abramenko, Adamenko, Avramenko), so
here a stranger's nearest listed name is often one or two letters off. The listed names are
unidecode's spellings, which a Cyrillic name reads as letter for letter: the table measures how
near strangers of one stock come, not reading across scripts (a listed person asked in Cyrillic
is an exact hit for any matcher, so none is counted).
"""

from __future__ import annotations

import importlib
import itertools
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler
from unidecode import unidecode

from namenorm import Entity, Resolver
from namenorm.normalize import normalize_name

Names = list[tuple[str, str]]
"""(as written in the language's script, as its people spell it in Latin letters)."""

LANGUAGES: dict[str, tuple[Names, Names]] = {
    "Ukrainian (Cyrillic)": (
        [("Олександр", "Oleksandr"), ("Андрій", "Andriy"), ("Віталій", "Vitali"), ("Тарас", "Taras"),
         ("Ірина", "Iryna"), ("Дмитро", "Dmytro"), ("Святослав", "Sviatoslav"), ("Валерій", "Valeriy"),
         ("Юлія", "Yulia"), ("Петро", "Petro"), ("Олена", "Olena"), ("Михайло", "Mykhailo")],
        [("Усик", "Usyk"), ("Шевченко", "Shevchenko"), ("Кличко", "Klitschko"), ("Фаріон", "Farion"),
         ("Кулеба", "Kuleba"), ("Вакарчук", "Vakarchuk"), ("Залужний", "Zaluzhnyi"), ("Тимошенко", "Tymoshenko"),
         ("Порошенко", "Poroshenko"), ("Буданов", "Budanov"), ("Шмигаль", "Shmyhal"), ("Федоров", "Fedorov"),
         ("Ломаченко", "Lomachenko"), ("Мельник", "Melnyk")]),
    "Russian (Cyrillic)": (
        [("Александр", "Aleksandr"), ("Сергей", "Sergey"), ("Дмитрий", "Dmitry"), ("Андрей", "Andrey"),
         ("Алексей", "Alexey"), ("Мария", "Maria"), ("Елена", "Elena"), ("Ольга", "Olga"),
         ("Наталья", "Natalya"), ("Иван", "Ivan"), ("Михаил", "Mikhail"), ("Татьяна", "Tatyana")],
        [("Иванов", "Ivanov"), ("Смирнов", "Smirnov"), ("Кузнецов", "Kuznetsov"), ("Попов", "Popov"),
         ("Васильев", "Vasilyev"), ("Петров", "Petrov"), ("Соколов", "Sokolov"), ("Михайлов", "Mikhailov"),
         ("Новиков", "Novikov"), ("Фёдоров", "Fyodorov"), ("Морозов", "Morozov"), ("Волков", "Volkov"),
         ("Алексеев", "Alekseyev"), ("Лебедев", "Lebedev")]),
    "Greek": (
        [("Γιώργος", "Giorgos"), ("Νίκος", "Nikos"), ("Μαρία", "Maria"), ("Δημήτρης", "Dimitris"),
         ("Ελένη", "Eleni"), ("Κώστας", "Kostas"), ("Γιάννης", "Giannis"), ("Κατερίνα", "Katerina"),
         ("Χρήστος", "Christos"), ("Σοφία", "Sofia"), ("Παναγιώτης", "Panagiotis"), ("Αθηνά", "Athina")],
        [("Παπαδόπουλος", "Papadopoulos"), ("Παπαδάκης", "Papadakis"), ("Γεωργίου", "Georgiou"),
         ("Κωνσταντίνου", "Konstantinou"), ("Νικολάου", "Nikolaou"), ("Ιωάννου", "Ioannou"),
         ("Αντωνίου", "Antoniou"), ("Παππάς", "Pappas"), ("Βλάχος", "Vlachos"), ("Δημητρίου", "Dimitriou"),
         ("Οικονόμου", "Oikonomou"), ("Μακρής", "Makris"), ("Αλεξίου", "Alexiou"), ("Σταθόπουλος", "Stathopoulos")]),
    "Arabic": (
        [("محمد", "Mohammed"), ("أحمد", "Ahmed"), ("علي", "Ali"), ("حسن", "Hassan"), ("خالد", "Khaled"),
         ("فاطمة", "Fatima"), ("مريم", "Maryam"), ("يوسف", "Youssef"), ("عمر", "Omar"), ("سارة", "Sara"),
         ("إبراهيم", "Ibrahim"), ("ليلى", "Layla")],
        [("العلي", "Al-Ali"), ("حداد", "Haddad"), ("منصور", "Mansour"), ("خوري", "Khoury"), ("ناصر", "Nasser"),
         ("صالح", "Saleh"), ("عباس", "Abbas"), ("حسين", "Hussein"), ("سليمان", "Suleiman"), ("عثمان", "Othman"),
         ("يونس", "Younis"), ("جابر", "Jaber"), ("قاسم", "Qasim"), ("عيسى", "Issa")]),
    "Ukrainian (Latin)": (
        [("Oleksandr", "Oleksandr"), ("Andriy", "Andriy"), ("Maria", "Maria"), ("Olena", "Olena"),
         ("Iryna", "Iryna"), ("Dmytro", "Dmytro"), ("Serhiy", "Serhiy"), ("Natalia", "Natalia"),
         ("Ivan", "Ivan"), ("Petro", "Petro"), ("Oksana", "Oksana"), ("Yulia", "Yulia")],
        [("Shevchenko", "Shevchenko"), ("Kovalenko", "Kovalenko"), ("Bondarenko", "Bondarenko"),
         ("Tkachenko", "Tkachenko"), ("Kravchenko", "Kravchenko"), ("Melnyk", "Melnyk"), ("Koval", "Koval"),
         ("Oliynyk", "Oliynyk"), ("Shevchuk", "Shevchuk"), ("Polishchuk", "Polishchuk"), ("Lysenko", "Lysenko"),
         ("Marchenko", "Marchenko"), ("Rudenko", "Rudenko"), ("Savchenko", "Savchenko")]),
}
CUTOFFS = (0.9, 0.95)
"""Jaro-Winkler cutoffs the baseline answers at."""


def jaro_winkler(query: str, folded: list[str], cutoff: float) -> int | None:
    """The position of the listed name Jaro-Winkler finds for ``query`` over namenorm's
    romanization (rapidfuzz ``extractOne``) at ``cutoff``, or None."""
    hit = process.extractOne(normalize_name(query), folded, scorer=JaroWinkler.normalized_similarity,
                             score_cutoff=cutoff)
    return hit[2] if hit else None


def run(given: Names, surnames: Names) -> dict[str, tuple[int, int, int, int, list[str]]]:
    """Per matcher: strangers answered, strangers asked, listed people found, listed people; and
    namenorm's false matches, written out."""
    size = min(len(given), len(surnames))
    listed = [f"{given[i][1]} {surnames[i][1]}" for i in range(size)]
    resolver = Resolver([Entity(f"p{i}", name, "person") for i, name in enumerate(listed)])
    folded = [normalize_name(name) for name in listed]
    strangers = [f"{g} {s}" for (gi, (g, _)), (si, (s, _)) in
                 itertools.product(enumerate(given), enumerate(surnames)) if gi != si or gi >= size]
    known = [(f"{given[i][0]} {surnames[i][0]}", i) for i in range(size)]
    out: dict[str, tuple[int, int, int, int, list[str]]] = {}
    answers = [resolver.resolve(q) for q in strangers]
    wrong = [f"{q} as {m.name} ({m.score:.3f}, {m.method})" for q, m in zip(strangers, answers) if m]
    found = sum(1 for q, i in known if (m := resolver.resolve(q)) is not None and m.id == f"p{i}")
    out["namenorm"] = (len(wrong), len(strangers), found, size, wrong)
    for cutoff in CUTOFFS:
        answered = sum(1 for q in strangers if jaro_winkler(q, folded, cutoff) is not None)
        right = sum(1 for q, i in known if jaro_winkler(q, folded, cutoff) == i)
        out[f"Jaro-Winkler {cutoff}"] = (answered, len(strangers), right, size, [])
    return out


STOCKS = {"Ukrainian": "uk_UA", "Russian": "ru_RU"}
"""Faker locales whose name lists make the galleries of one stock."""
STOCK_GALLERY = 300
STOCK_STRANGERS = 1000


def run_stock(locale: str, seed: int = 1) -> dict[str, tuple[int, int]]:
    """Per matcher and script of the strangers: strangers answered and strangers asked, in a
    gallery of ``STOCK_GALLERY`` people of one stock of names."""
    names = importlib.import_module(f"faker.providers.person.{locale}").Provider
    rng = random.Random(seed)
    # Men's names only: Russian surnames have a woman's form (Kotova of Kotov), the same family's.
    surnames = sorted(set(getattr(names, "last_names_male", names.last_names)))
    given = sorted(set(names.first_names_male))
    rng.shuffle(surnames)
    held_out, listed_surnames = surnames[:len(surnames) // 3], surnames[len(surnames) // 3:]
    people = [(rng.choice(given), rng.choice(listed_surnames)) for _ in range(STOCK_GALLERY)]
    listed = [unidecode(f"{g} {s}") for g, s in people]
    resolver = Resolver([Entity(f"p{i}", name, "person") for i, name in enumerate(listed)])
    folded = [normalize_name(name) for name in listed]
    strangers = {
        "Latin": [unidecode(f"{rng.choice(people)[0]} {rng.choice(held_out)}") for _ in range(STOCK_STRANGERS)],
        "Cyrillic": [f"{rng.choice(people)[0]} {rng.choice(held_out)}" for _ in range(STOCK_STRANGERS)],
    }
    out: dict[str, tuple[int, int]] = {}
    for script, asked in strangers.items():
        out[f"namenorm, {script}"] = (sum(resolver.resolve(q) is not None for q in asked), len(asked))
        for cutoff in CUTOFFS:
            answered = sum(jaro_winkler(q, folded, cutoff) is not None for q in asked)
            out[f"Jaro-Winkler {cutoff}, {script}"] = (answered, len(asked))
    return out


def main() -> None:
    print("| language | matcher | strangers answered | listed people found |")
    print("|---|---|---:|---:|")
    notes = []
    for language, (given, surnames) in LANGUAGES.items():
        for matcher, (answered, asked, found, size, wrong) in run(given, surnames).items():
            print(f"| {language} | {matcher} | {answered} of {asked} ({100 * answered / asked:.1f}%) "
                  f"| {found} of {size} |")
            notes.extend(f"- {language}: {w}" for w in wrong)
    print("\nnamenorm's false matches:")
    print("\n".join(notes) or "(none)")
    print(f"\n| stock of names ({STOCK_GALLERY} listed people) | matcher, strangers written in | answered |")
    print("|---|---|---:|")
    for stock, locale in STOCKS.items():
        for matcher, (answered, asked) in run_stock(locale).items():
            print(f"| {stock} | {matcher} | {answered} of {asked} ({100 * answered / asked:.1f}%) |")


if __name__ == "__main__":
    main()
