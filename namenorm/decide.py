"""The one place that decides which entity a name refers to, or that it is none of them.

``resolve``, ``candidates``, ``resolve_many`` and ``scan`` all come here. A
query goes through one cascade, cheapest and safest first:

1. prepare: normalize (``normalize_name``), also try "Last, First" reordered,
   leading titles stripped ("Georgia Secretary of State Brad Raffensperger")
   and, for Chinese and Korean names, their usual Latin spelling;
2. exact: a strong form, then a weak form, then a surname derived from a
   person's name; the first tier that any entity claims gives the candidates;
3. otherwise similar forms: those sharing a typo or phonetic key with the
   query's words (``FormSearch.hits``) and, for a name in another script or an
   entity known only in one, those whose loanword key is close
   (``CrossScriptSearch.hits``).

Kind and ``exclude`` filter the candidates once, here. Each candidate's
evidence is then weighed by the match model (``scoring``) against the others
and against someone not in the gallery, which gives every candidate a
probability. The best is the answer when its probability reaches the
threshold; otherwise the ``Decision`` says why there is none.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from numbers import Real

from .endings import without_endings
from .index import (
    ACRONYM,
    ACRONYM_LETTERS,
    FOREIGN,
    STRONG,
    TIER_METHODS,
    TOKEN_FLOOR,
    WEAK,
    WHOLE,
    Candidates,
    Hit,
    Index,
    form_spellings,
    query_allows,
)
from .keys import abjad_vowel_agreement, loan_key, loan_shape
from .legal import COMMA_FORMS, slipped_legal_form, without_legal_form
from .model import KINDS, Decision, Match, Method, Role, TokenPair
from .normalize import (
    MAX_NAME_CHARS,
    folded_script,
    is_latin,
    leading_article,
    normalize_cached,
    normalize_name,
    reorder_comma_name,
    strip_titles,
    without_lone_surrogates,
    writes_unspaced,
    written_span,
    written_words,
)
from .parts import CONJUNCTIONS, GENERATIONAL, given_name_sex, title_sex, without_patronymic
from .places import (
    KIND_WORDS,
    NAME_TABLES,
    abbreviations_written_out,
    english_place_names,
    places_named,
)
from .romanize import (
    LABIALS_APART,
    LETTER_FOR_LETTER,
    LIQUIDS_APART,
    UKRAINIAN_SURNAME,
    drops_final_r,
    faithful_spellings,
    han_characters,
    native_spellings,
    other_readings,
    without_unconverted_latin,
    writes_short_vowels,
    writes_unvoweled_r,
)
from .scoring import (
    Evidence,
    MatchModel,
    common_words,
    default_model,
    in_word_lists,
    known_names,
    names_share,
)
from .spelling import han_agreement, kana_agreement, spelling_agreement

__all__ = ["EXACT_METHODS", "SIMILARITY_FLOOR", "Engine", "Query", "check_kind", "check_probability"]

EXACT_METHODS = frozenset(TIER_METHODS)
"""Methods of a candidate whose form is the query's own form: exact, weak, surname."""

SIMILARITY_FLOOR = 0.7
"""Lowest token-aligned similarity a form needs to be weighed at all; below it the match
model gives any candidate a negligible probability, so the search skips it early."""
_MAX_CANDIDATES = 10
"""Candidates weighed per query, best similarity first (a form a hundred entities share is
weighed as ten: the probability is split so thinly either way that none is answered)."""
_MEMO_ENTRIES = 65_536
"""Entries each of an engine's memos holds (forms' probabilities as written, names' readings
without endings) before it starts afresh."""

_NAME_RELATIONS = frozenset({"given name", "short form", "place word"})
"""Pair keys (``TokenPair.keys``) of a given name and its nickname or short form, and of a place
word and the word another language writes for it."""
_GIVEN_NAME_RELATIONS = frozenset({"given name", "short form"})
"""Pair keys of a given name and its nickname or short form: no relation of a company's words,
which are spelled as registered (Cisco is no Frank, Elisa no Beth)."""
_SILENT_E = re.compile(r"(?<=[^e])e$")
"""The final e English writes and does not sound (Joe, Mike, Blake)."""
_AFTER_COMMA = re.compile(r",\s*[^\W\d_]+\s*\.?\s*\)?\s*$")
"""A name's last word written after a comma, where English writes a legal form ("SkyWest, Inc.")."""

Cache = dict[str, Candidates]
"""Per-text memo of query word -> candidate gallery words (``WordCandidates.candidates``)."""


def check_kind(kind: str | None) -> None:
    """Raise ValueError for a kind that is not one of ``KINDS`` (None means any kind)."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)} or None, not {kind!r}")


def check_probability(label: str, value: float | None) -> float | None:
    """``value`` as a float when it is a probability in (0, 1], None for None, else ValueError."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, Real) or not 0.0 < float(value) <= 1.0:
        raise ValueError(f"{label} must be a probability in (0, 1], got {value!r}")
    return float(value)


@dataclass(frozen=True, slots=True)
class Query:
    """A name prepared for lookup."""

    text: str
    """The name as given (truncated to ``MAX_NAME_CHARS``)."""
    forms: tuple[str, ...]
    """Normalized variants tried for an exact hit, most literal first."""
    tokens: tuple[str, ...]
    """Words of the title-stripped form, for the similarity search."""
    allowed: int = 0
    """Restricted forms this query may match (``index.query_allows``)."""
    spelled: tuple[str, ...] = ()
    """A Chinese, Korean or Cyrillic name as its people spell it in Latin letters, a Slavic
    transliteration as English spells it, the name without the endings its language declines it
    with (``undeclined``), or the name without the Latin keys an input method left in it
    (``unkeyed``; also in ``forms``)."""
    vowels: bool = True
    """Written with its short vowels (not Arabic or Hebrew)."""
    script: str = ""
    """The script of its first letter, NFKC-folded (``normalize.folded_script``: Ｗｉｅｎ is Latin)
    and once the Latin keys an input method left are set aside, for forms weak in one script only
    and forms only the place tables write (``FormTables.written_in``)."""
    titled: tuple[str, ...] = ()
    """The words with the leading title or hyphened article ``tokens`` leaves out, when it left one
    out: a place or a body may begin with a title's word (Prince Edward Island, General Santos)."""
    bare: tuple[str, ...] = ()
    """The words without the legal form at their end or start, when they have one ("Siemens AG",
    or one typed with a slip: "Siemens Icn."): looked up among organisations only
    (``legal.without_legal_form``)."""
    short: tuple[str, ...] = ()
    """A name written with a patronymic (Petrenko Mykola Ivanovych), as given name and surname
    (``parts.without_patronymic``): looked up among people whose names have none."""
    unkeyed: str = ""
    """The name without the Latin keys an input method left against kana, Han or Hangul
    (ナイジェリアz; ``romanize.without_unconverted_latin``), normalized; empty where it has none.
    Also in ``spelled``, and the only reading of it compared across scripts."""
    sex: str = ""
    """The sex its leading title says, "m" or "f" ("Mrs. Biden"; ``parts.title_sex``), or empty."""
    after_title: bool = False
    """A title stands before the name ("Mr. Jordan", "President Chad"), so the name is a person's:
    a place or a body is a candidate only by a form that holds the title's words too (Prince
    Edward Island, General Santos)."""
    joined: tuple[str, ...] = ()
    """The words that join names into a list in it (``parts.CONJUNCTIONS``; "&" as written is
    "and"): "Kelly and Loeffler" names two people, and no person whose name lacks the word is a
    candidate."""
    undeclined: tuple[str, ...] = ()
    """The name read without the endings its language declines it with (``endings``: Трампом,
    Dakaras), normalized, and those readings as its people spell them; also in ``spelled``. A
    candidate found by one is weighed as found so (``Evidence.declined``), and the search across
    scripts reads them too."""

    @property
    def form(self) -> str:
        """The normalized, title-stripped query."""
        return " ".join(self.tokens)

    @property
    def foreign(self) -> bool:
        """Written in another script than Latin."""
        return bool(self.allowed & FOREIGN)


SLAVIC_SPELLING = 0.9
"""Similarity at which a gallery word spells a Ukrainian surname of the query as its people do,
bar the ending's variants ("kovalchuk" for "kovalczuk"; not "vlasiuk" for "parasiuk", 0.80)."""


def _unspelled_slavic_surname(reading: Sequence[str], form_words: Sequence[str],
                              similarity: Callable[[str, str], tuple[float, str]]) -> bool:
    """True when a word of a query's faithful reading is a Ukrainian surname
    (``romanize.UKRAINIAN_SURNAME``) that no word of a form holding such a surname spells nearly as
    its people do (``SLAVIC_SPELLING``). Such a surname is written in Latin letters as it is read,
    so a person who only shares its consonant classes and ending is someone else: Ілля Парасюк is
    no Illia Vlasiuk, Соломон Андрощук no Solomon Andriichuk. The caller asks only of forms that
    hold one: a form without (Johnson for Джонсон, Lewandowski for Левандовский) is weighed as
    before, Russian and Polish surnames being written as their bearers spell them (Rachmaninoff,
    Chomsky), not as a reading does."""
    return any(UKRAINIAN_SURNAME.fullmatch(read) and all(similarity(read, word)[0] < SLAVIC_SPELLING
                                                         for word in form_words)
               for read in reading)


@lru_cache(maxsize=4096)
def _hyphened_orders(names: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """The words each hyphened word of a person's names joins, as ordered pairs of neighbours, in
    the names as normalized and as the index also spells them (``form_spellings``: Pak Kun-hye for
    Park Geun-hye): a name that reads two of them the other way round is another name.

    >>> sorted(_hyphened_orders(("Park Geun-hye", "Jean-Paul Sartre")))
    [('geun', 'hye'), ('jean', 'paul'), ('kun', 'hye')]
    """
    orders: set[tuple[str, str]] = set()
    for name in names:
        if "-" not in name:
            continue
        joined, count = [], 0
        for word in name.split():
            tokens = normalize_name(word).split()
            if len(tokens) > 1 and "-" in word.strip("-"):
                joined.append(range(count, count + len(tokens)))
            count += len(tokens)
        for spelling in (normalize_name(name), *form_spellings(name, True)):
            words = spelling.split()
            if len(words) == count:
                orders.update(pair for places in joined for pair in itertools.pairwise(words[k] for k in places))
    return frozenset((a, b) for a, b in orders if a != b)


def _weakest_word(query: str, form: str, whole: float, script: str) -> float:
    """How well the query word that agrees least agrees with the form word it stands for
    (``spelling_agreement`` from ``script``), in the order of words that agrees best; ``whole``,
    the names' agreement run together, where the words cannot be paired one for one.

    >>> round(_weakest_word("ly jabr", "layla jaber", 0.17, "ARABIC"), 2)   # علي جابر, Ali Jaber
    0.04
    >>> round(_weakest_word("jabr lyla", "layla jaber", 0.49, "ARABIC"), 2)   # ليلى جابر, surname first
    0.47
    """
    query_words, form_words = query.split(), form.split()
    if len(query_words) != len(form_words) or len(query_words) < 2:
        return whole
    orders = (itertools.permutations(form_words) if len(form_words) <= _MAX_PERMUTED_WORDS
              else (form_words, form_words[::-1]))
    # spelling_agreement remembers its pairs: each is aligned once across the orders.
    return max(min(spelling_agreement(q, f, script) for q, f in zip(query_words, order)) for order in orders)


_MAX_PERMUTED_WORDS = 3
"""Names of up to this many words are paired in every order; longer ones as written and reversed."""


def _joining_words(name: str, words: Sequence[str]) -> tuple[str, ...]:
    """The words of ``name`` (normalized, ``words``) that join names into a list, between two of
    its words (``parts.CONJUNCTIONS``; "&" is read "and"): "and" alone is no list.

    >>> _joining_words("Kelly & Loeffler", ["kelly", "loeffler"]), _joining_words("And", ["and"])
    (('and',), ())
    """
    joined = [word for word in words[1:-1] if word in CONJUNCTIONS]
    if len(words) > 1:
        joined += _ampersand(name)
    return tuple(dict.fromkeys(joined))


def _ampersand(text: str) -> tuple[str, ...]:
    """The word an "&" written in ``text`` reads as, which normalizing drops: ("and",) or ()."""
    return ("and",) if "&" in text else ()


@lru_cache(maxsize=1)
def _read_as_written() -> frozenset[str]:
    """Words read with their endings, not without them (``endings``): names people have, common
    English words."""
    return known_names() | common_words()


class Engine:
    """Decides names against one compiled index with one match model.

    >>> from namenorm.model import Entity
    >>> engine = Engine(Index.build([Entity("lagos", "Lagos", "place"),
    ...                              Entity("madrid", "Madrid", "place")]))
    >>> engine.decide("Lagoss").winner.id
    'lagos'
    >>> engine.decide("Wuppertal").reason
    'no form is similar enough'
    >>> engine.decide("Lagos").winner.method, engine.decide("Lagoss").winner.method
    ('exact', 'phonetic')
    """

    def __init__(self, index: Index, model: MatchModel | None = None, *,
                 threshold: float | None = None) -> None:
        self.index = index
        self.model = model or default_model()
        self.threshold = check_probability("threshold", threshold) or self.model.threshold
        """Lowest probability answered; the model's fitted default unless given."""
        self._common = common_words()
        self._names = known_names()
        self._words_as_written = _read_as_written()
        self._as_written_memo: dict[tuple[str, str | None], dict[str, float]] = {}
        self._undeclined_memo: dict[str, tuple[str, ...]] = {}

    def forget(self) -> None:
        """Drop what decisions remember (the model's utilities, each form's probability as
        written, each name's readings without endings): benchmarks time each repeat from scratch."""
        self.model.forget()
        self._as_written_memo.clear()
        self._undeclined_memo.clear()

    # -- the cascade ----------------------------------------------------------

    def prepare(self, name: str) -> Query | None:
        """The name normalized every way it is looked up; None when nothing is left to match."""
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, not {type(name).__name__}")
        name = without_lone_surrogates(name[:MAX_NAME_CHARS])
        # "Маршалловы о-ва" is read as its name written out, "Маршалловы острова", whatever its kind.
        name = abbreviations_written_out(name) or name
        norm = normalize_name(name)
        if not norm:
            return None
        forms = [norm]
        reordered = reorder_comma_name(name)
        if reordered is not None:
            forms.append(normalize_name(reordered))
        words = norm.split()
        tokens = strip_titles(words, self.index.tables.titles)
        # Only a title written in Latin letters makes the name a person's: romanized, Сен-Пьер
        # (Saint-Pierre) begins with the title "sen".
        after_title = len(tokens) < len(words) and is_latin(name)
        if len(tokens) == len(words) > 1 and tokens[0] == leading_article(name):
            tokens = tokens[1:]  # "il-Qatar", and the words as written are searched too
        stripped = " ".join(tokens)
        if stripped not in forms:
            forms.append(stripped)
        # 李克强 is "Li Keqiang" in Latin letters: pinyin as written, not as it sounds; Григорій is "Hryhorii".
        typed = without_unconverted_latin(name)
        unkeyed = normalize_name(typed) if typed != name else ""
        undeclined = self._undeclined(name, forms)
        spellings = (*native_spellings(name, self._names), *undeclined, unkeyed)
        spelled = tuple(f for f in dict.fromkeys(spellings) if f and f not in forms)
        allowed = self._allows(name, norm)
        if len(tokens) < len(words) and (name_as_written := written_span(name, len(tokens), last=True)):
            allowed |= self._allows(name_as_written, stripped)  # "Mr. AMLO": the name is in capitals, its title not
        # A body's name may begin with a title's word (General Motors LLC): its words as written.
        bare = without_legal_form(words)
        if len(bare) == len(words) > 1 and self._slipped_legal_form(words[-1], _AFTER_COMMA.search(name) is not None):
            bare = without_legal_form(words[:-1])  # "Caterpillar Icn.", "Linde pcl", "SkyWest, Inv."
        if len(bare) < len(words) and bare == tuple(words[:len(bare)]):
            # "IBM Inc.", "3M Company": the name is in capitals though its legal form is not.
            head = written_span(name, len(bare))
            if head:
                allowed |= self._allows(head, " ".join(bare)) & ~FOREIGN
        # As its people spell it where the name is in another script (Петренко Микола Іванович).
        given = self.index.tables.first_names
        short = next(filter(None, (without_patronymic(s.split(), given) for s in spelled)), None)
        short = short or without_patronymic(tokens, given)
        joined = _joining_words(name, tokens)
        return Query(name, tuple(forms) + spelled, tuple(tokens), allowed, spelled, writes_short_vowels(name),
                     folded_script(typed), tuple(words) if len(tokens) < len(words) else (),
                     bare if len(bare) < len(words) else (), tuple(short or ()), unkeyed,
                     title_sex(words[:len(words) - len(tokens)]), after_title, joined, undeclined)

    def _undeclined(self, name: str, forms: Sequence[str]) -> tuple[str, ...]:
        """``Query.undeclined`` of ``name``, whose normalized forms are ``forms``: "Donaldas Trampas",
        "Dakara", "Šolcas", "Трампом", as Lithuanian, Latvian, Russian and Ukrainian decline a name.
        Remembered by name, spellings and all: a scan asks the same words again and again."""
        memo = self._undeclined_memo
        undeclined = memo.get(name)
        if undeclined is None:
            if len(memo) >= _MEMO_ENTRIES:
                memo.clear()
            stems = without_endings(name, self._words_as_written)
            readings = (*map(normalize_name, stems),
                        *(spelled for stem in stems for spelled in native_spellings(stem, self._names)))
            undeclined = memo[name] = tuple(f for f in dict.fromkeys(readings) if f and f not in forms)
        return undeclined

    def _allows(self, name: str, norm: str) -> int:
        """The restriction bits a name written as ``name`` (normalized ``norm``) passes
        (``index.query_allows``), an acronym's too where it may be one (``_may_be_acronym``)."""
        return query_allows(name) | (ACRONYM if self._may_be_acronym(name, norm) else 0)

    def _slipped_legal_form(self, word: str, after_comma: bool) -> bool:
        """Whether the last word of a name is a legal form typed with a slip ("icn", "pcl"): one
        slip from one (``legal.slipped_legal_form``), and neither a word of the gallery nor a
        common word or a name people have ("inn", "ink", "ing" are words). After a comma, a
        common word one slip from a form English writes there (``legal.COMMA_FORMS``) is one too
        ("SkyWest, Inv."): not "Springfield, Ill.", "John Smith, Esq." or "Smith, Ina"."""
        if word in self.index.tables.vocab_ids or word in self._names:
            return False
        slipped = slipped_legal_form(word)
        return slipped is not None and (word not in self._common or after_comma and slipped in COMMA_FORMS)

    def _may_be_acronym(self, name: str, norm: str) -> bool:
        """Whether a name not written in capitals may still be an acronym: one word of three or
        four characters, as a form in capitals has (``index.is_acronym``), that is neither a common
        word nor a name people have ("ibm", "lvmh" in text written all in lower case). A word
        ("who", "can", "sap"), a name, or two letters ("us") stays itself, and the acronym needs
        a query in capitals. Letters joined by an ampersand are no word, in capitals or not ("h&m",
        "at&t").

        >>> engine = Engine(Index.build([]))
        >>> engine._may_be_acronym("lvmh", "lvmh"), engine._may_be_acronym("h&m", "h m"), engine._may_be_acronym("sap", "sap")
        (True, True, False)
        """
        letters = norm.replace(" ", "") if "&" in name else norm
        shortest = 2 if "&" in name else 3
        return (shortest <= len(letters) <= ACRONYM_LETTERS and letters.isalnum() and not name.isupper()
                and is_latin(name) and not in_word_lists(norm))

    def _allowed(self, e_idx: int, kind: str | None, query: Query) -> bool:
        if kind is not None and self.index.tables.entities[e_idx].kind != kind:
            return False
        if query.sex and self._titled_otherwise(e_idx, query):
            return False
        if query.joined and self._joined_otherwise(e_idx, query):
            return False
        excluded = self.index.tables.excluded
        return not excluded or not any(e_idx in excluded.get(f, ()) for f in query.forms)

    def _filters(self, kind: str | None, query: Query) -> bool:
        """Whether ``_allowed`` may turn any candidate of this query away."""
        return kind is not None or bool(self.index.tables.excluded) or bool(query.sex) or bool(query.joined)

    def _titled_otherwise(self, e_idx: int, query: Query) -> bool:
        """True for a person whose given name is only one sex's where the query's title says the
        other's: "Mrs. Biden" is not Joe Biden, nor "Mr. Harris" Kamala Harris. A query that
        writes the given name itself is left alone ("Mrs. Joe Biden", as names were once written)."""
        entity = self.index.tables.entities[e_idx]
        if entity.kind != "person":
            return False
        given = self._given_name(entity.name)
        return given not in query.tokens and given_name_sex(given) not in ("", query.sex)

    def _joined_otherwise(self, e_idx: int, query: Query) -> bool:
        """True for a person none of whose names holds a word the query joins names with: "Kelly and
        Loeffler" or "Kelly & Loeffler" is a list of two, not Kelly Loeffler."""
        if not self._is_person(e_idx):
            return False
        return not any({*normalize_cached(written).split(), *_ampersand(written)}.issuperset(query.joined)
                       for written in self.index.tables.entities[e_idx].forms)

    def _given_name(self, name: str) -> str:
        """The given name of a person's name, as ``FormTables.name_roles`` reads it, or ""."""
        form = normalize_cached(name)
        roles = self.index.tables.name_roles(form, STRONG)
        return next((word for word, role in zip(form.split(), roles) if role == "given"), "")

    def exact_hits(self, query: Query, kind: str | None = None) -> list[Hit]:
        """Entities claiming the first query form that any allowed entity claims, in the best tier."""
        tables = self.index.tables
        every = not self._filters(kind, query)
        for form in query.forms:
            owned = tables.owners(form, query.allowed | WHOLE, query.script)
            if owned is None:
                continue
            tier, owners = owned
            # After a title only a person's form is the name, but one that holds the title too.
            people = query.after_title and not (query.titled and form == query.forms[0])
            # Past a few claimants a form is ambiguous whoever the rest are: weighing the first
            # ones keeps a form 40,000 people share ("kim") as cheap as any other.
            allowed = owners if every and not people else (
                e for e in owners if self._allowed(e, kind, query) and (self._is_person(e) or not people))
            hits = [Hit(e, 1.0, form, tier) for e in itertools.islice(allowed, _MAX_CANDIDATES)]
            if hits:
                return hits
        bare = " ".join(query.bare)
        owned = tables.owners(bare, query.allowed | WHOLE, query.script) if bare else None
        if owned is not None and kind in (None, "org"):
            tier, owners = owned
            bodies = (e for e in owners if self._is_body(e, query))
            return [Hit(e, 1.0, bare, tier) for e in itertools.islice(bodies, _MAX_CANDIDATES)]
        return []

    def _is_person(self, e_idx: int) -> bool:
        return self.index.tables.entities[e_idx].kind == "person"

    def _is_body(self, e_idx: int, query: Query) -> bool:
        """An organisation the query may name: where a legal form was read off the query, only
        a body has one ("Jordan Ltd" is no country)."""
        return self.index.tables.entities[e_idx].kind == "org" and self._allowed(e_idx, None, query)

    def similar_hits(self, query: Query, kind: str | None = None, cache: Cache | None = None) -> list[Hit]:
        """Entities with a form similar to the query (typo, phonetic or loanword keys), best first."""
        index = self.index
        accept = (lambda e: self._allowed(e, kind, query)) if self._filters(kind, query) else None

        def search(words: Sequence[str]) -> list[Hit]:
            return index.search.hits(words, cache, allowed=query.allowed, script=query.script, score_cutoff=SIMILARITY_FLOOR,
                                     limit=_MAX_CANDIDATES, accept=accept)

        found = [search(query.tokens)]
        # "Prince Edwarrd Island" is a name, not a prince; Грушевський as its people spell it
        # ("hrushevskyi") is a typo of "Hrushevsky", as unidecode reads it ("grushevskii") it is
        # not. So is "Hruševs'kyj" ("hrushevskyy"), and "Robert Mil ler" is Robert Miller. Such
        # hits carry the words they were found with.
        if query.titled:
            found.append([replace(h, words=query.titled) for h in search(query.titled)])
        # "Pitcairnøyene" is Pitcairn with the word for islands joined to it.
        for words in index.tables.compounds(query.tokens):
            found.append([replace(h, words=words) for h in search(words)])
        as_written = max((h.score for h in found[0][:1]), default=0.0)
        for words in (tuple(spelling.split()) for spelling in query.spelled):
            hits = [replace(h, words=words) for h in search(words)]
            # A Latin name read by a transliteration scheme ("Charkiw" as "kharkiv") counts where
            # the reading comes closer to the gallery than the name as written does: a typo
            # read as German ("Parwn", "parvn") only brings strangers.
            if query.foreign or (hits and hits[0].score > as_written):
                found.append(hits)
        if query.bare:
            found.append([replace(h, words=query.bare) for h in search(query.bare) if self._is_body(h.entity, query)])
        if query.short:
            # A name without its patronymic is the same person's; one with another patronymic is not,
            # so a person whose name has one is compared with the query's (not by the form without it).
            tables = index.tables
            found = [[h for h in hits if not tables.has_patronymic(h.entity)
                      or without_patronymic(h.form.split(), tables.first_names)] for hits in found]
            found.append([replace(h, words=query.short) for h in search(query.short)
                          if not tables.has_patronymic(h.entity)])
        kept = 1.0 - 1.0 / max(sum(map(len, query.tokens)), 1)
        if not query.foreign and max((h.score for hits in found for h in hits[:1]), default=0.0) < kept:
            # The space added or left out is one edit, weighed as a letter typed wrong would be:
            # one of the name's letters. Where a form is as close as that already, no respaced
            # reading could come closer: the gallery's words are not split and joined for it.
            for words in index.tables.respaced(query.tokens):
                found.append([replace(h, words=words, score=h.score * kept) for h in search(words)])
        readings = self._faithful_readings(query) if query.foreign else []
        if query.foreign or index.tables.foreign_only:
            found += [[h for h in hits if not self._names_disagree(readings, h) and not self._own_script_name(h, query)]
                      for hits in self._cross_hits(query)]
        if readings:
            found = [[h for h in hits if not self._surname_unspelled(readings, h)] for hits in found]
        han_written = index.tables.han_written
        written = han_characters(query.text) if han_written else frozenset()
        if written:
            # Han writes words: a form in Han sharing no character with a query in Han is
            # another word, however alike the two read.
            form_ids = index.tables.form_ids

            def shares_a_character(hit: Hit) -> bool:
                characters = han_written.get(form_ids[hit.form])
                return characters is None or not characters.isdisjoint(written)

            found = [[h for h in hits if shares_a_character(h)] for hits in found]
        if query.after_title:
            # After a title the name is a person's; a place or a body is found only by its words
            # as written, title and all ("Prince Edwarrd Island"): "Mr. Jordan" is no country.
            found = [[h for h in hits if self._is_person(h.entity) or (query.titled and h.words == query.titled)]
                     for hits in found]
        if query.form in english_place_names(index.tables.place_tables):
            # The query is a place the tables know by that English name, and no place of the
            # gallery is called so: it is that place, not one it resembles ("Lagos" is no Laos).
            entities = index.tables.entities
            found = [[h for h in hits if entities[h.entity].kind != "place"] for hits in found]
        hits = found[0]
        if len(found) > 1:
            best: dict[int, Hit] = {}
            for hit in itertools.chain.from_iterable(found):
                if hit.entity not in best or hit.score > best[hit.entity].score:
                    best[hit.entity] = hit
            hits = sorted(best.values(), key=lambda h: (-h.score, h.entity))
        hits = [h for h in hits if not self._reverses_a_hyphened_word(h)]
        return hits if accept is None else [h for h in hits if accept(h.entity)]

    def _reverses_a_hyphened_word(self, hit: Hit) -> bool:
        """True when a person's candidate was found with the words of one of its name's hyphened
        words in the other order. The search lets whole words change places ("Raffensperger
        Brad"), but "Park Hye-geun" is no Park Geun-hye, nor "Paul-Jean Sartre" Jean-Paul Sartre."""
        if len(hit.pairs) < 2:  # one word paired: no order to reverse, and no entity to decode
            return False
        entity = self.index.tables.entities[hit.entity]
        if entity.kind != "person":
            return False
        orders = _hyphened_orders((*entity.forms, *entity.weak))
        if not orders:
            return False
        place = {pair.form: k for k, pair in reversed(list(enumerate(hit.pairs))) if pair.form}
        return any(a in place and b in place and place[b] < place[a] for a, b in orders)

    def _own_script_name(self, hit: Hit, query: Query) -> bool:
        """Whether a hit across scripts is on a person's own name written in the query's script
        (``FormTables.is_own_name_in``): the search by spelling compares the two, not this one by
        how they sound (Владимир Жириновский reads like Владимир Зеленский). A place's names in one
        script are several languages' (Јужноафриканска Република, Південно-Африканська Республіка),
        which spelling would keep apart: those are compared across scripts still."""
        tables = self.index.tables
        return (tables.is_own_name_in(hit.entity, query.script, hit.form)
                and tables.entities[hit.entity].kind == "person")

    @staticmethod
    def _faithful_readings(query: Query) -> list[list[str]]:
        """The words of a query in a letter-for-letter alphabet as read, as spelled by the
        systems that write each letter apart (``romanize.faithful_spellings``), and as the search
        across scripts reads it too (``romanize.other_readings``: Гарри "harri", Harry); none for
        others."""
        if query.script not in LETTER_FOR_LETTER:
            return []
        return [list(query.tokens), *(s.split() for s in faithful_spellings(query.text)),
                *(s.split() for s in other_readings(query.text, query.form))]

    def _names_disagree(self, readings: Sequence[Sequence[str]], hit: Hit) -> bool:
        """True when a query in a letter-for-letter alphabet (read as ``_faithful_readings``)
        spells, at the place of a word of a person's name, another name people have: Олена Кулеба
        is no Iryna Kuleba, although "olena" and "iryna" share their consonant classes. Some
        reading must read a name people have there (``_is_name``) or resemble a word of another
        listed person's name, and none may resemble the person's word (Владимир is Volodymyr,
        which it resembles)."""
        if not readings or self.index.tables.entities[hit.entity].kind != "person":
            return False
        form_words = hit.form.split()
        readings = [words for words in readings if len(words) == len(form_words)]
        if not readings:
            return False
        words = self.index.words

        def other(read: str, word: str) -> bool:
            # Alike in spelling, or the same word as other scripts hear it: consonant classes
            # and vowels (Ширак "shirak", a name of its own elsewhere, is Chirac; "olena" is not
            # "iryna", whose vowels differ). English leaves a final e unsounded, and other
            # alphabets leave it out: Ջո "jo" is Joe, not the name Jo.
            return (read != word and words.similarity(read, word)[0] < TOKEN_FLOOR
                    and (loan_key(read) != loan_key(word)
                         or loan_shape(read) not in {loan_shape(word), loan_shape(_SILENT_E.sub("", word))}))

        def anothers(read: str, word: str) -> bool:
            # A word of another listed person's name, as this alphabet spells it: Ньютон "niuton"
            # is Isaac Newton's surname, so Владимир Ньютон is no Vladimir Putin.
            tables = self.index.tables
            return any(score >= TOKEN_FLOOR and tables.vocab[t] != word and tables.is_known_word(tables.vocab[t], "person")
                       for t, (score, _) in words.candidates(read).items())

        return any(any(self._is_name(r[i]) or anothers(r[i], word) for r in readings)
                   and all(other(r[i], word) for r in readings)
                   for i, word in enumerate(form_words))

    def _surname_unspelled(self, readings: Sequence[Sequence[str]], hit: Hit) -> bool:
        """True when every faithful reading of a query in a letter-for-letter alphabet holds a
        Ukrainian surname that no word of a person's form spells as its people do
        (``_unspelled_slavic_surname``), found across scripts or through the reading itself."""
        form_words = hit.form.split()
        # The form's words first: most forms hold no Ukrainian surname, and the entity is not read.
        if (not readings or not any(UKRAINIAN_SURNAME.fullmatch(word) for word in form_words)
                or self.index.tables.entities[hit.entity].kind != "person"):
            return False
        similarity = self.index.words.similarity
        return all(_unspelled_slavic_surname(r, form_words, similarity) for r in readings)

    def _is_name(self, word: str) -> bool:
        """A given name or surname people have (``known_names``), or a word of a person's name
        in this gallery or the given-name groups."""
        return word in self._names or self.index.tables.is_known_word(word, "person")

    def _cross_hits(self, query: Query) -> list[list[Hit]]:
        """Hits across scripts for each reading of the query (``CrossScriptSearch.hits``): what
        they read of it is worked out here, for the queries that get this far."""
        # Hangul, kana and Han drop an r no vowel follows, so a name is compared as English says
        # it, r unsounded; where they write such an r all the same (``writes_unvoweled_r``), the name may
        # be one that sounds it (모차르트 "mochareuteu", Mozart; 達爾文, Darwin; kana's long vowel read as
        # an r, ハーヴェイ "harvei", Harvey), and it is compared as spelled too.
        # Моңғолия is one written word, not the two that normalizing splits it into.
        non_rhotic = query.foreign and drops_final_r(query.text)
        spaced = query.foreign and len(written_words(query.text)) > 1
        alphabet = query.script in LIQUIDS_APART  # its l is no r, its n no m
        labials = query.script in LABIALS_APART  # its b is no p

        def across(reading: str) -> list[list[Hit]]:
            rhotics = (False, True) if non_rhotic and writes_unvoweled_r(query.text, reading) else (not non_rhotic,)
            return [self.index.cross.hits(reading, rhotic=rhotic, latin_query=not query.foreign, vowels=query.vowels,
                                          alphabet=alphabet, labials=labials, script=query.script, spaced=spaced,
                                          score_cutoff=SIMILARITY_FLOOR)
                    for rhotic in rhotics]

        # A Latin key an input method left against kana, Han or Hangul is no sound of the name.
        read = query.unkeyed or query.form
        found = [hits for reading in (read, *other_readings(query.text, read)) for hits in across(reading)]
        if query.titled:  # البشير is al-Bashir as well as Bashir
            found += [[replace(h, words=query.titled) for h in hits] for hits in across(" ".join(query.titled))]
        if query.foreign:  # Трампом ("with Trump") is read "tramp" across scripts as Трамп is
            found += [[replace(h, words=tuple(reading.split())) for h in hits]
                      for reading in query.undeclined for hits in across(reading)]
        return found

    # -- weighing -------------------------------------------------------------

    def _method(self, hit: Hit, query: Query, exact: bool) -> Method:
        if exact:
            return "transliteration" if hit.form in query.spelled else TIER_METHODS[hit.tier]  # type: ignore[return-value]
        if hit.cross:
            return "cross-script"
        if query.foreign:
            return "transliteration"
        return "phonetic" if hit.phonetic else "fuzzy"

    def evidence(self, hit: Hit, query: Query, method: Method, kind: str | None = None) -> Evidence:
        """What the match model weighs for one candidate of a query (of ``kind``, by default
        its entity's: a candidate outside the gallery has none)."""
        index = self.index
        changed = names = nicknames = initials = unaligned = 0
        entity = None if kind else index.tables.entities[hit.entity]
        kind_of = entity.kind if entity is not None else str(kind)
        tokens = hit.words or query.tokens
        if not hit.words and len(tokens) == 1 and hit.form in query.spelled and writes_unspaced(query.text):
            tokens = tuple(hit.form.split())  # 今井功 read "isao imai": a full name, not a word of one
        similarity = hit.score
        if hit.pairs and not hit.cross:
            agreeing = [p.form for p in hit.pairs if p.form]
            form_words = hit.form.split()
            if kind_of == "org":
                similarity = self._distinctive_similarity(hit, tokens, form_words)
            unaligned = (len(tokens) - len(hit.pairs)) + (len(form_words) - len(hit.pairs))
            if kind_of == "person":
                # A generational suffix the query leaves out, or a middle name, is weighed by
                # the search already ("Martin Luther King" or "Manuella Leão" for Manuella
                # Stephany Leão); neither is a missing word of the name. One the query adds is
                # a word the name lacks: Donald Trump Jr. is most often not Donald Trump. (A first
                # word the suffix list holds, the initial of "V. Castro", is no suffix, but is
                # still left uncounted where no word pairs it, as the fitted model weighed it.)
                paired = [p.form for p in hit.pairs]
                unaligned -= sum(w in GENERATIONAL for w in form_words) - sum(p.form in GENERATIONAL for p in hit.pairs)
                unaligned -= int(bool(tokens) and tokens[0] in GENERATIONAL
                                 and all(p.query != tokens[0] for p in hit.pairs))
                unaligned -= sum(1 for w in form_words[1:-1] if w not in paired and w not in GENERATIONAL)
                # The suffix it adds tells another person as a given name the name lacks does.
                names += sum(1 for t in tokens[1:] if t in GENERATIONAL and t not in form_words)
            for p in hit.pairs:
                if p.keys in _GIVEN_NAME_RELATIONS and kind_of == "org":
                    unaligned += 1
                elif p.keys in _NAME_RELATIONS:
                    nicknames += 1
                elif p.keys == "initial" and len(p.query) > 1 and kind_of != "person":
                    unaligned += 1  # "Secretary" is no initial of the "s" of "u s state"
                elif p.keys == "initial":
                    initials += 1
                elif p.query != p.form and index.tables.is_known_word(p.query, kind_of):
                    changed += 1
                elif p.query != p.form and p.query in self._names:
                    names += 1
        else:
            agreeing = hit.form.split()
        rarity = max((index.tables.word_rarity(w) for w in agreeing), default=0.0)
        # Initials, particles and suffixes are no names people share by chance ("F.", "de", "Jr.").
        share = (names_share(w for w in agreeing if len(w) > 1 and w not in GENERATIONAL
                             and w not in index.tables.particles) if kind_of == "person" else 0.0)
        similar = method not in EXACT_METHODS
        common = similar and all(t in self._common for t in tokens)
        letters = sum(len(t) for t in tokens)
        vowels = spelling = word_spelling = 1.0
        if similar and query.foreign:
            # The query's reading, without the patronymic where the hit was found without it.
            read = (" ".join(without_patronymic(query.tokens, index.tables.first_names) or ())
                    if hit.words and hit.words == query.short else "")
            read = read or query.form
            spelling = spelling_agreement(read, hit.form, query.script)
            # Its other readings, as the search across scripts tries them (``other_readings``):
            # バーニー・サンダース as "barni sandarsu", 明斯克 "mingsk", Гарри "harri"; and as its
            # people spell it, in every script (``native_spellings``): Юлія "yuliia", 辻敬一郎
            # "keiichiro tsuji", a Japanese name that no reading of Chinese characters spells.
            for other in (*query.spelled, *other_readings(query.text, query.form)):
                agreement = spelling_agreement(other, hit.form, query.script)
                if agreement > spelling:
                    read, spelling = other, agreement
            if query.script == "CJK":  # Han: as its characters write a foreign name's letters
                spelling = max(spelling, han_agreement(query.text, hit.form))
            elif query.script == "KATAKANA":  # and kana as their units do
                spelling = max(spelling, kana_agreement(query.text, hit.form))
            word_spelling = _weakest_word(read, hit.form, spelling, query.script)
        if similar and not query.vowels:
            vowels = abjad_vowel_agreement(query.form, hit.form, query.script in LABIALS_APART)
        return Evidence(
            similarity=similarity, method=method, letters=letters, words=len(tokens),
            unaligned=max(unaligned, 0), changed_known=changed, changed_names=names,
            nicknames=nicknames, initials=initials, rarity=rarity, name_share=share, foreign=query.foreign,
            abjad=not query.vowels, key_letters=len(hit.pairs[0].query) if hit.cross and hit.pairs else 0,
            common_word=common, person=kind_of == "person", organisation=kind_of == "org",
            place=kind_of == "place",
            lone_name=kind_of == "person" and entity is not None and " " not in entity.name.strip(),
            gallery_size=len(index.tables.entities),
            romanized_form=similar and index.tables.written_only_in_other_scripts(hit.form),
            vowel_agreement=vowels, spelling_agreement=spelling, alphabetic=query.script in LETTER_FOR_LETTER,
            word_spelling_agreement=word_spelling,
            named_otherwise=(method == "cross-script" and bool(tokens)
                             and index.tables.named_otherwise(hit.entity, query.script, tokens[-1])),
            declined=bool(query.undeclined) and (" ".join(hit.words) if hit.words else hit.form) in query.undeclined)

    def _distinctive_similarity(self, hit: Hit, tokens: Sequence[str], form_words: Sequence[str]) -> float:
        """The similarity of an organisation's form and the query with each word weighed by its
        letters and by how rare it is among the gallery's entities (``word_rarity``): the
        "Corporation" that "Sabre Corporation" shares with Subaru Corporation, as many
        companies do, says less than the "Sabre" it does not. A word paired as a given name's
        nickname agrees in nothing. Never above the search's own."""
        rarity = self.index.tables.word_rarity

        def weight(word: str) -> float:
            return len(word) * rarity(word)

        def agreement(pair: TokenPair) -> float:
            if pair.keys in _GIVEN_NAME_RELATIONS:
                return 0.0
            if pair.keys == "initial" and len(pair.query) > 2:
                # A body's letter agrees with a word's first letter, not with the rest of it:
                # "Triumph" is no more than the T of S&T Bancorp ("BB" may be letters still).
                return pair.similarity * 2 * weight(pair.form)
            return pair.similarity * (weight(pair.query) + weight(pair.form))

        total = sum(map(weight, tokens)) + sum(map(weight, form_words))
        return min(hit.score, sum(map(agreement, hit.pairs)) / total) if total else hit.score

    def _as_written(self, hit: Hit, kind: str | None) -> float:
        """The probability ``hit``'s entity has when its form itself is the query (among entities
        of ``kind``): a name spelled otherwise is never surer than the name spelled right
        ("Loefler" is Kelly Loeffler no more surely than "Loeffler" is, which strangers share with
        her as much). The match model learned the two apart, from census queries where a surname
        alone is a stranger's more often than a misspelled one, and in a gallery of a few people
        gave the misspelling more."""
        # Remembered by form: the candidates of a scan's spans are the same few forms again and again.
        memo = self._as_written_memo
        scores = memo.get((hit.form, kind))
        if scores is None:
            if len(memo) >= _MEMO_ENTRIES:
                memo.clear()
            query = self.prepare(hit.form)
            weighed = self.weigh(self.exact_hits(query, kind), query, True) if query else []
            scores = memo[hit.form, kind] = {m.id: m.score for m, _ in weighed}
        return scores.get(self.index.tables.entities[hit.entity].id, 1.0)

    def _match(self, hit: Hit, query: Query, method: Method, probability: float) -> Match:
        entity = self.index.tables.entities[hit.entity]
        pairs = hit.pairs
        if entity.kind == "person" and pairs and not hit.cross:
            pairs = self._with_roles(hit, pairs)
        # The words the form was compared with: a reading of the query where it was found through
        # one (its own people's spelling, its words respaced, without a title or a legal form).
        query_form = (hit.form if method == "transliteration" and hit.form in query.spelled
                      else " ".join(hit.words) if hit.words else query.form)
        return Match(entity, probability, hit.form, method, query_form, pairs, round(hit.score, 4))

    def _with_roles(self, hit: Hit, pairs: tuple[TokenPair, ...]) -> tuple[TokenPair, ...]:
        """Each pair labelled with the part of the person's name its form word is."""
        by_word: dict[str, list[Role]] = {}
        for word, role in zip(hit.form.split(), self.index.tables.name_roles(hit.form, hit.tier)):
            by_word.setdefault(word, []).append(role)  # "Sirhan Sirhan": one role per occurrence
        return tuple(replace(p, role=by_word[p.form].pop(0)) if by_word.get(p.form) else p for p in pairs)

    def outside(self, query: Query, hits: Sequence[Hit]) -> list[Evidence]:
        """Evidence for a place outside the gallery that the query names exactly: a query that
        is a country's or a major city's name (in any language of the gallery's tables of
        ``places``, ``Resolver(place_names=...)``) where some candidate is a place and none is
        that place, whatever it resembles there (Τζιμπουτί is Djibouti, not Chimbote; Omsk is
        not Tomsk, nor Brazzaville Brazil). It is weighed as the exact weak form it would be if
        the gallery held it."""
        tables = self.index.tables
        entities = tables.entities
        if not any(entities[h.entity].kind == "place" for h in hits):
            return []  # a person or body resembling a place's name is weighed as ever
        named = [names for table in NAME_TABLES if table in tables.place_tables
                 for names in places_named(query.text, table, tables.name_rows(table))]
        if not named:
            return []
        # A candidate sharing a word with the place's English names may be that place under
        # another English name ("Svalbard & Jan Mayen", "Brunei" for Brunei Darussalam); not one
        # that shares only the kind of place (the Åland Islands for Kepulauan Falkland).
        english = {w for names in named for name in names for w in normalize_cached(name).split()
                   if len(w) > 3 and w not in KIND_WORDS}
        if any(english.intersection(w for form in (*entities[h.entity].forms, *entities[h.entity].weak)
                                    for w in normalize_cached(form).split()) for h in hits):
            return []
        return [self.evidence(Hit(-1, 1.0, query.form, WEAK), query, "weak", kind="place")]

    def weigh(self, hits: Sequence[Hit], query: Query, exact: bool, kind: str | None = None
              ) -> list[tuple[Match, Evidence]]:
        """Each hit as a Match whose score is its probability, best first, with its evidence.

        A found form is weighed against the other candidates, someone not in the gallery and,
        for a similar one, a place outside the gallery that the query names exactly
        (``outside``); a similar one gets no more than its form would as the query itself, among
        entities of ``kind`` (``_as_written``)."""
        hits = hits[:_MAX_CANDIDATES]
        methods = [self._method(h, query, exact) for h in hits]
        evidence = [self.evidence(h, query, m) for h, m in zip(hits, methods)]
        rivals = [] if exact or not hits else self.outside(query, hits)
        probabilities = self.model.probabilities(evidence + rivals)[:len(evidence)]
        if not exact:
            probabilities = [min(p, self._as_written(h, kind)) for h, p in zip(hits, probabilities)]
        weighed = [(self._match(h, query, m, p), e)
                   for h, m, e, p in zip(hits, methods, evidence, probabilities)]
        return sorted(weighed, key=lambda me: (-me[0].score, -me[0].similarity, me[0].id))

    def gather(self, name: str, *, kind: str | None = None, cache: Cache | None = None,
               title: str | None = None) -> tuple[Query | None, list[Hit], bool]:
        """The prepared query, its candidate hits before weighing, and whether they are exact forms;
        ``title`` as ``decide`` takes it."""
        check_kind(kind)
        query = self.prepare(name)
        if query is None:
            return None, [], False
        if title is not None:
            query = replace(query, after_title=query.after_title or is_latin(title),
                            sex=query.sex or title_sex(normalize_cached(title).split()))
        hits = self.exact_hits(query, kind)
        if hits:
            return query, hits, True
        return query, self.similar_hits(query, kind, cache), False

    def decide(self, name: str, *, kind: str | None = None, score_cutoff: float | None = None,
               cache: Cache | None = None, title: str | None = None) -> Decision:
        """Weigh every candidate of ``name`` and say which one it is, if any.

        Args:
            name: the name as written.
            kind: only entities of this kind are candidates.
            score_cutoff: lowest probability answered (default ``threshold``).
            cache: a memo of word candidates shared by the calls of one scan.
            title: the title running text puts before the name ("Mrs."), read as a title the name
                itself begins with is: the name is a person's, of the sex it says.
        """
        cutoff = check_probability("score_cutoff", score_cutoff) or self.threshold
        query, hits, exact = self.gather(name, kind=kind, cache=cache, title=title)
        if query is None:
            return Decision(name, "", (), None, "nothing to match once normalized", cutoff)
        ruled_out = self._ruled_out_by_title(query, kind, cache) if query.sex else ()
        return Decision.weighed(name, query.form, tuple(m for m, _ in self.weigh(hits, query, exact, kind)), cutoff,
                                ruled_out=ruled_out)

    def _ruled_out_by_title(self, query: Query, kind: str | None, cache: Cache | None) -> tuple[str, ...]:
        """The candidates the query's title rules out (``_titled_otherwise``), each with why, for
        ``Decision.explain``: those it would have without its title's sex."""
        unsexed = replace(query, sex="")
        hits = self.exact_hits(unsexed, kind) or self.similar_hits(unsexed, kind, cache)
        entities = self.index.tables.entities
        title, other = ("a woman", "a man's") if query.sex == "f" else ("a man", "a woman's")
        return tuple(f"{entities[h.entity].id} {entities[h.entity].name!r}: the title says {title}, and "
                     f"{self._given_name(entities[h.entity].name).title()} is {other} name"
                     for h in hits if self._titled_otherwise(h.entity, query))
