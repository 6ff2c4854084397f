"""The forms an entity is known by, beyond those its alias file lists, and who may use them.

Every form has a tier: strong forms (name, aliases) beat weak forms, which beat
surnames derived from a person's name. Some forms are restricted: a short acronym
("CAN", "WHO") matches only a query in capitals, and a form written only in another
script only a query in another script.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from dataclasses import dataclass

from ..arabic import arabic_spelling
from ..korean import korean_spelling
from ..legal import business_words, without_legal_form
from ..mandarin import surname_first
from ..model import Entity
from ..normalize import is_latin, normalize_cached, script_of, written_span
from ..parts import PARTICLES, given_first, parse_person, without_patronymic
from ..places import NAME_TABLES, english_place_names
from ..romanize import native_spellings, scheme_spellings
from ..scoring import common_words, in_word_lists, known_names, name_commonness

__all__ = [
    "ACRONYM",
    "ACRONYM_LETTERS",
    "FOREIGN",
    "INITIALISM",
    "STRONG",
    "SURNAME",
    "TIER_METHODS",
    "TIER_TRUST",
    "WEAK",
    "WHOLE",
    "Clash",
    "bare_forms",
    "business_heads",
    "derived_surnames",
    "form_restriction",
    "initialisms",
    "is_acronym",
    "joined_forms",
    "native_forms",
    "patronymic_forms",
    "query_allows",
]

STRONG, WEAK, SURNAME = 0, 1, 2
TIER_METHODS = ("exact", "weak", "surname")
TIER_TRUST = (1.0, 0.98, 0.96)
"""Factor a similarity to a form of each tier gets (a weak or derived form is weaker evidence)."""
ACRONYM, FOREIGN, INITIALISM, WHOLE = 1, 2, 4, 8
"""Restriction bits: a form needs a query in capitals (or a word no dictionary has, "ibm": see
``decide.Engine.prepare``), a query in another script than Latin, a query in capitals
whatever it is (an initialism derived from a name, "NYT": in lower case, most three-letter
strings are one of some large gallery's), or a query that is the form itself, never one similar
to it (an organisation's name without its business words: ``business_heads``)."""
ACRONYM_LETTERS = 4
"""All-capital forms of up to this many letters match only queries in capitals."""


@dataclass(frozen=True)
class Clash:
    """A form that several entities claim in the same tier."""

    form: str
    tier: str
    entities: tuple[Entity, ...]

    def __str__(self) -> str:
        owners = ", ".join(f"{e.id} ({e.source})" for e in self.entities)
        return f"{self.tier} form {self.form!r} is claimed by {owners}"


def query_allows(text: str) -> int:
    """Restriction bits a query written as ``text`` passes (see ``FormTables.owners``).

    >>> query_allows("WHO") == ACRONYM | INITIALISM, query_allows("who"), query_allows("라오스") == FOREIGN
    (True, 0, True)
    """
    return (ACRONYM | INITIALISM if text.isupper() else 0) | (0 if is_latin(text) else FOREIGN)


def form_restriction(form: str) -> int:
    """Restriction bits a query needs to match ``form`` as written (``query_allows``)."""
    return (ACRONYM if is_acronym(form) else 0) | (0 if is_latin(form) else FOREIGN)


def is_acronym(form: str) -> bool:
    """True for short all-capital forms such as "CAN", "WHO" or "U.S.".

    >>> is_acronym("CAN"), is_acronym("U.S."), is_acronym("Can"), is_acronym("UNESCO")
    (True, True, False, False)
    """
    letters = [ch for ch in form if ch.isalpha()]
    return 0 < len(letters) <= ACRONYM_LETTERS and all(ch.isupper() for ch in letters)


_HYPHENED_GIVEN_NAME = re.compile(r"[A-Z][a-z]{1,5} [A-Z][a-z]+-[a-z]+")
"""A surname of two to six letters (Ma, Chiang), then a given name of two syllables joined by a
hyphen, the second in lower case, as Chinese and Korean names are written in English (Tsai Ing-wen,
Sun Yat-sen, Kim Jong-un); a double surname capitalizes both its parts (Catherine Zeta-Jones)."""


def _surname_first(name: str) -> bool:
    """Whether a name in Latin letters is written surname first, as a Chinese or Korean one with
    a hyphened given name is (``_HYPHENED_GIVEN_NAME``), any name read as Korean
    (``korean.korean_spelling``: Ryu Hyun-Jin), and a Chinese one with its given name in one word
    that begins with a common Chinese surname (``mandarin.surname_first``: Yao Ming)."""
    return bool(_HYPHENED_GIVEN_NAME.fullmatch(name.strip()) or korean_spelling(name) or surname_first(name))


def derived_surnames(entity: Entity, given: Container[str] = (),
                     particles: Container[str] = PARTICLES) -> list[str]:
    """Surname forms of a person's name, by which a lone surname finds them.

    The last word, with a particle before it kept ("van beethoven", "al
    baghdadi"), and for names of three or more words the last two words
    ("garcia marquez") unless the first of them is a given name (``given``: not
    "jon halvorsen" from Maria Jon Halvorsen); generational suffixes are set aside.

    >>> derived_surnames(Entity("x", "Gabriel García Márquez", "person"))
    ['marquez', 'garcia marquez']
    >>> derived_surnames(Entity("x", "Abu Bakr al-Baghdadi", "person"))
    ['baghdadi', 'al baghdadi', 'bakr al baghdadi']
    >>> derived_surnames(Entity("x", "Petrenko Mykola Ivanovych", "person"))
    ['petrenko']

    A Korean name, or a Chinese one with a hyphened given name or a common surname first, puts
    the surname first (``_surname_first``): Park Geun-hye's is "park", and "Geun-hye" alone, or
    英文 ("ying wen", English) for Tsai Ing-wen, is no lone surname of theirs. Their given name of
    two syllables is as often another person's.

    >>> derived_surnames(Entity("x", "Park Geun-hye", "person")), derived_surnames(Entity("x", "Tsai Ing-wen", "person"))
    (['park'], ['tsai'])
    >>> derived_surnames(Entity("x", "Yao Ming", "person"))
    ['yao']
    """
    if entity.kind != "person":
        return []
    if _surname_first(entity.name):
        first = normalize_cached(entity.name).split()[0]
        return [first] if len(first) >= 3 else []
    parts = [p for p in parse_person(given_first(normalize_cached(entity.name).split(), given), given, particles)
             if p.role != "suffix"]
    if len(parts) < 2 or len(parts[-1].text) < 3:
        return []
    words = [p.text for p in parts]
    start = next(i for i, p in enumerate(parts) if p.role in ("particle", "surname"))
    out = [words[-1]]
    if start < len(words) - 1:
        out.append(" ".join(words[start:]))
        if parts[start].role == "particle" and start >= 2:
            out.append(" ".join(words[start - 1:]))  # "bakr al baghdadi": the name before the particle
    return out


_MIN_INITIALISM = 3
"""Fewest letters of an initialism derived from a name (NYT, WHO); shorter ones come only from
an alias file."""
_INITIALISM_SKIPS = frozenset({"the", "of", "and", "for", "a", "an", "in", "on", "at", "to"})
"""Words an organisation's initialism leaves out ("The Washington Post" is WP)."""


def initialisms(entity: Entity) -> list[str]:
    """The initialisms of an organisation's name, as a query in capitals writes them.

    They are weak forms that only a query in capitals matches ("WP", "W.P."); two
    organisations with one initialism both claim it, so it stays ambiguous.

    >>> initialisms(Entity("nyt", "The New York Times", "org"))
    ['nyt', 'n y t']
    >>> initialisms(Entity("wapo", "The Washington Post", "org"))   # two letters: too ambiguous
    []
    >>> initialisms(Entity("x", "Reuters", "org")), initialisms(Entity("y", "New York", "place"))
    ([], [])
    """
    if entity.kind != "org":
        return []
    words = [w for w in normalize_cached(entity.name).split() if w not in _INITIALISM_SKIPS]
    if len(words) < _MIN_INITIALISM or not all(w[0].isalpha() for w in words):
        return []  # "AI", "AU": two capitals stand for too many things to be derived
    letters = [w[0] for w in words]
    return ["".join(letters), " ".join(letters)]


_MIN_JOINED = 6
"""Fewest letters of a form written as one word that a name of several words is also known by."""


def joined_forms(entity: Entity) -> list[tuple[str, str]]:
    """The forms of several words of an entity that is no person, as written without their spaces
    and hyphens, each with the form it comes from: text, tables and URLs drop them
    ("SachsenAnhalt", "Hongkong", "LoireAtlantique"). A person's names are left as they are: a gallery of a
    million people would double its forms for a way names are seldom written.

    >>> joined_forms(Entity("st", "Sachsen-Anhalt", "place", aliases=("Saxony-Anhalt",)))
    [('sachsenanhalt', 'Sachsen-Anhalt'), ('saxonyanhalt', 'Saxony-Anhalt')]
    >>> joined_forms(Entity("x", "Anna Maria Lopez", "person")), joined_forms(Entity("y", "Le Puy", "place"))
    ([], [])
    """
    if entity.kind == "person":
        return []
    found: dict[tuple[str, str], None] = {}
    for form in (*entity.forms, *entity.weak):
        words = normalize_cached(form).split()
        joined = "".join(words)
        if len(words) > 1 and len(joined) >= _MIN_JOINED:
            found[joined, form] = None  # each spelling, for the restriction it carries
    return list(found)


def bare_forms(entity: Entity) -> list[tuple[str, str, int]]:
    """The forms of an organisation without their legal form (``legal.without_legal_form``),
    each with the form it comes from (for one of two characters, those characters as that form
    writes them, whose capitals decide which queries match it) and the tier it is claimed in: "Volkswagen AG" is named
    "Volkswagen" as often (``WEAK``). A bare name of one word that is a person's name ("Hawkins,
    Inc.", "Smith Ltd") is claimed as a lone surname is (``SURNAME``): alone it names a person as
    often, and is weighed as such. One of one letter is not kept, and one of two only where it is
    written in capitals, and then for a query in capitals ("BP plc" is "BP", not "bp").

    >>> bare_forms(Entity("vw", "Volkswagen AG", "org")), bare_forms(Entity("p", "Anna Sa", "person"))
    ([('volkswagen', 'Volkswagen AG', 1)], [])
    >>> bare_forms(Entity("s", "Smith Ltd", "org")), bare_forms(Entity("m", "General Motors LLC", "org"))
    ([('smith', 'Smith Ltd', 2)], [('general motors', 'General Motors LLC', 1)])
    >>> bare_forms(Entity("bp", "BP plc", "org")), bare_forms(Entity("f5", "F5, Inc.", "org")), bare_forms(Entity("b", "Bp plc", "org"))
    ([('bp', 'BP', 1)], [('f5', 'F5,', 1)], [])
    """
    if entity.kind != "org":
        return []
    found: dict[tuple[str, str], int] = {}
    names = known_names()
    for form in (*entity.forms, *entity.weak):
        words = normalize_cached(form).split()
        bare = without_legal_form(words)
        if len(bare) == len(words):
            continue
        written = form
        if len(bare) == 1 and len(bare[0]) < 3:
            # Two characters name too much to stand alone in lower case ("bp"); as written, in
            # capitals, they are the company's own short name.
            written = written_span(form, 1) if bare[0] == words[0] else ""
            if len(bare[0]) < 2 or not is_acronym(written):
                continue
        found[" ".join(bare), written] = SURNAME if len(bare) == 1 and bare[0] in names else WEAK
    return [(bare, form, tier) for (bare, form), tier in found.items()]


def business_heads(entity: Entity) -> list[str]:
    """An organisation's names without the words after them that say what it does
    (``legal.business_words``) or where, after "of" (a country): "Huawei Technologies Co., Ltd."
    is named "Huawei", "Sberbank of Russia" "Sberbank", "Rosneft Oil Company" "Rosneft". Weak
    forms, kept only where what is left has ``_MIN_HEAD_LETTERS`` letters and is no common word,
    no name people have ("Wagner Group" stays whole) and no country or city the place tables name
    ("Zurich Insurance Group"); and where two organisations share one, it names neither.

    >>> business_heads(Entity("h", "Huawei Technologies Co., Ltd.", "org")), business_heads(Entity("s", "Sberbank of Russia", "org"))
    (['huawei'], ['sberbank'])
    >>> business_heads(Entity("w", "Wagner Group", "org")), business_heads(Entity("b", "Bank of China", "org"))
    ([], [])
    """
    if entity.kind != "org":
        return []
    generic, countries, places = business_words(), english_place_names(("countries",)), english_place_names(NAME_TABLES)
    own = {normalize_cached(form) for form in (*entity.forms, *entity.weak)}
    found: dict[str, None] = {}
    for form in own:
        words = without_legal_form(form.split())
        cut = len(words)
        while cut > 1:
            if cut > 2 and words[cut - 2] == "of" and words[cut - 1] in countries:
                cut -= 2
            elif words[cut - 1] in generic:
                cut -= 1
            else:
                break
        head = " ".join(words[:cut])
        if (cut < len(words) and head not in own and len(head.replace(" ", "")) >= _MIN_HEAD_LETTERS
                and not in_word_lists(head) and head not in places and head not in generic):
            found[head] = None
    return sorted(found)


_MIN_HEAD_LETTERS = 4
"""Fewest letters of an organisation's name left without its business words: "BP" or "ABC" alone
names too much (``business_heads``)."""


def native_forms(entity: Entity) -> dict[str, str]:
    """The Latin spellings the people of a name written in Cyrillic, or of a person's name in
    Chinese or Korean, use for it (``romanize.native_spellings``), each with the first of the
    entity's names it spells: a gallery that lists Чернігів or 习近平 finds "Chernihiv" and "Xi
    Jinping" (or "Hsi Chin-ping") as written, not only through a reading of the Latin query across
    scripts. The pinyin of 塞浦路斯 is no spelling of Cyprus.

    >>> native_forms(Entity("ch", "Чернігів", "place")), list(native_forms(Entity("x", "习近平", "person")))
    ({'chernihiv': 'Чернігів'}, ['xi jinping', 'hsi chin ping'])
    >>> native_forms(Entity("t", "Yuliia Tymoshenko", "person"))
    {}

    A person's name in Latin letters by a Slavic transliteration scheme English does not use is
    found as English spells it too (``romanize.scheme_spellings``; a place's name in Latin letters
    is its own language's: Ljubno is Slovenian):

    >>> list(native_forms(Entity("s", "Lûbomir Zajcev", "person")))
    ['lyubomir zaytsev', 'lubomir zaytsev']

    A spelling made of common English words is left out: Maine's Мэн spelt "Men", Pence's Пенс
    "Pens" or the European Union's ЕС "Yes" would make the word a name. So is a place's spelling
    made of names the weighted name lists count (``name_commonness``) that is no place's English
    name (``places.english_place_names``): Ghana's Гана spelt "Hana" would make a woman a country;
    Serbian Јордан's "Jordan" and Мадрид's "Madrid" stay.

    >>> native_forms(Entity("me", "Maine", "place", aliases=("Мэн", "Мейн")))
    {'mein': 'Мейн', 'meyn': 'Мейн'}
    >>> native_forms(Entity("gh", "Ghana", "place", aliases=("Гана",))), list(native_forms(Entity("md", "Мадрид", "place")))
    ({'gana': 'Гана'}, ['madryd', 'madrid'])
    """
    english = common_words()
    place = entity.kind == "place"
    spelled: dict[str, str] = {}
    for form in (*entity.forms, *entity.weak):
        for spelling in form_spellings(form, entity.kind == "person"):
            words = spelling.split()
            if all(word in english for word in words) or place and _a_persons_name(spelling):
                continue
            spelled.setdefault(spelling, form)
    return spelled


def _a_persons_name(spelling: str) -> bool:
    """Whether a place's spelling is made of names people have and names no place in English
    ("hana", not "jordan")."""
    return all(map(name_commonness, spelling.split())) and spelling not in english_place_names()


def form_spellings(form: str, person: bool) -> list[str]:
    """``native_forms`` of one form: a person's Latin form by its scheme, as Korean names are
    spelled alike by two systems (``korean.korean_spelling``) and Arabic names' compounds one way
    (``arabic.arabic_spelling``); a person's form in another script
    or any form in Cyrillic by its people. An acronym has none: its letters are spelled out in
    Latin ones of their own (ЕС is the EU, США the USA), not transliterated ("Es" is a word).

    >>> form_spellings("Чернігів", False), form_spellings("ЕС", False)
    (['chernihiv'], [])
    """
    if is_latin(form):
        return [*scheme_spellings(form), *filter(None, [korean_spelling(form), arabic_spelling(form)])] if person else []
    if is_acronym(form):
        return []
    return native_spellings(form) if person or script_of(form) == "CYRILLIC" else []


def patronymic_forms(entity: Entity, spellings: Sequence[str] = (), given: Container[str] = ()) -> list[str]:
    """A person's name written with a patronymic, as the name is also written: given-first, and
    without the patronymic, which is left out as often as not ("Mykola Ivanovych Petrenko",
    "Mykola Petrenko" and "Petrenko Mykola" for Petrenko Mykola Ivanovych). ``spellings`` are the
    name's other normalized forms to read too (``native_forms``: Петренко Микола Іванович); ``given``,
    the given names that tell a man's name given-first from a record (``parts.given_first``).

    >>> patronymic_forms(Entity("p", "Petrenko Mykola Ivanovych", "person"))
    ['mykola ivanovych petrenko', 'mykola petrenko', 'petrenko mykola']
    >>> patronymic_forms(Entity("p", "Mykola Petrenko", "person"))
    []
    """
    if entity.kind != "person":
        return []
    found = []
    own = [normalize_cached(f) for f in entity.forms]
    for form in (*own, *spellings):
        words = form.split()
        short = without_patronymic(words, given)
        if short is not None:
            found += [" ".join(given_first(words, given)), " ".join(short)]
            if words[-1] != short[-1]:
                found.append(f"{short[-1]} {short[0]}")  # as recorded, the patronymic left out
    return [f for f in dict.fromkeys(found) if f not in spellings and f not in own]
