"""The compiled lookup tables behind a Resolver.

``Index.build`` normalizes every form once and records who claims it:

* strong forms (name, aliases) beat weak forms, which beat surnames derived
  from person names; within the best tier a form claimed by two entities is
  kept ambiguous and listed in ``Index.clashes``;
* each distinct token is filed under its candidate keys (``keys.token_keys``),
  and each token points at the forms that contain it.

``Index.search`` proposes forms whose tokens share a key with the query's
tokens, narrows by intersecting token postings (rarest token first), and
scores the survivors by token alignment. Nothing scans the whole gallery.
"""

from __future__ import annotations

import heapq
import itertools
import math
from array import array
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Any, TypeVar, cast

from .keys import (
    DERIVED_WORD,
    INITIAL,
    SHORT_FORM,
    PackedWordKeys,
    WordKeys,
    cross_script_similarity,
    deletions,
    is_short_form,
    keyed_similarities,
    loan_key,
    loose_keys,
    short_form_prefixes,
    short_form_stems,
    similarity_ceiling,
    token_keys,
    word_keys,
)
from .model import Entity, EntityList, Role, TokenPair
from .normalize import NAME_DOTS, TitleSet, is_latin, normalize_cached, script_of, writes_unspaced
from .packed import KeyTable, PackedStrings, Ragged, StringIds, StringSet
from .parts import GENERATIONAL, PARTICLES, parse_person, parse_surname
from .places import PLACE_TABLES, CountryRows, country_rows, exonyms, packed_country_rows

__all__ = [
    "ACRONYM",
    "FOREIGN",
    "STRONG",
    "SURNAME",
    "TIER_METHODS",
    "TIER_TRUST",
    "TOKEN_FLOOR",
    "WEAK",
    "Clash",
    "Hit",
    "Index",
    "initialisms",
    "is_acronym",
    "query_allows",
    "score_alignment",
]

STRONG, WEAK, SURNAME = 0, 1, 2
TIER_METHODS = ("exact", "weak", "surname")
TIER_TRUST = (1.0, 0.98, 0.96)
"""Factor a similarity to a form of each tier gets (a weak or derived form is weaker evidence)."""
TOKEN_FLOOR = 0.75
"""Token pairs less similar than this count as not aligned at all."""
_INTERIOR_WEIGHT = 1 / 3
"""Weight of a form's middle word that the query leaves out, relative to its length."""
_OUT_OF_ORDER = 0.97
"""Factor for alignments that reorder tokens ("Raffensperger Brad")."""
_SUFFIX_MISMATCH = 0.98
"""Factor for a form whose generational suffix differs from the query's."""
_SUFFIX_LOSES = 0.9
"""Factor when another candidate agrees with the query's suffix: two people, not one."""
_REVERSE_CROSS_TRUST = 0.9
"""A Latin query matched to a name known only in another script is trusted less: every
Latin query may take that path, so it must not become a door for look-alikes."""
_SINGLE_WORD_CUTOFF = 0.8
"""From this cutoff up, a one-word query is compared with one-word forms only."""
_MIN_LOAN_KEY = 2
"""Loanword keys shorter than this (one consonant) say too little to match on."""
_RECENT_TOKENS = 65536
"""Query tokens whose candidates are kept between queries."""
NICKNAME = 0.92
"""Similarity of two given names of one group ("bill" / "william", "ned" / "edward")."""
KNOWN_WORD_FACTOR = 0.95
"""A query word that is itself a known name word is less likely a misspelling of another:
"Markus" beside a gallery "Marius" is more often a different Markus."""
_CLOSE_ENOUGH = 0.9
"""A token with a partner this similar skips the loose keys."""
_BOUND_SLACK = 1e-9
"""Rounding room between a form's score bound and its score, so equal scores are never cut."""
_MAX_LENGTH_GAP = 3
"""Tokens whose lengths differ by more are not compared (their similarity is below the floor)."""
SCAN_WORDS = 6
"""Longest span of running text, in words, that scanning asks about: names are shorter, and
the form-prefix set stays linear in the size of the forms."""
_ACRONYM_MAX = 4
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


@dataclass(frozen=True, slots=True)
class Hit:
    """One scored entity for a query, before the decision engine weighs it."""

    entity: int
    score: float
    form: str
    tier: int
    pairs: tuple[TokenPair, ...] = ()
    phonetic: bool = False
    cross: bool = False
    """Found by comparing loanword keys across scripts."""


def score_alignment(q_lens: Sequence[int], f_lens: Sequence[int],
                    sims: Sequence[Sequence[tuple[float, str]]]
                    ) -> tuple[float, list[tuple[int, int, float, str]]]:
    """Align query and form tokens greedily by similarity and score the alignment.

    ``sims[i][j]`` is the similarity and shared key of query token i and form
    token j. Each aligned pair contributes its similarity weighted by the two
    tokens' lengths; unaligned tokens contribute nothing but still weigh, so a
    missing first name costs in proportion to its length, a missing middle word a
    third of that. Reordered alignments pay a small factor.

    >>> one, none = (1.0, ""), (0.0, "")
    >>> score_alignment([4, 6], [4, 6], [[one, none], [none, one]])[0]
    1.0
    >>> round(score_alignment([6], [4, 6], [[none, one]])[0], 2)
    0.75
    """
    options = [(s, i, j, key) for i, row in enumerate(sims) for j, (s, key) in enumerate(row)
               if s >= TOKEN_FLOOR]
    if not options:
        return 0.0, []
    options.sort(reverse=True)
    used_q: set[int] = set()
    used_f: set[int] = set()
    pairs: list[tuple[int, int, float, str]] = []
    total = 0.0
    for s, i, j, key in options:
        if i in used_q or j in used_f:
            continue
        used_q.add(i)
        used_f.add(j)
        pairs.append((i, j, s, key))
        total += s * (q_lens[i] + f_lens[j])
    # A middle word the query leaves out ("Manuella Leão" for Manuella Stephany Leão)
    # weighs a third of its length; a missing first or last word weighs in full.
    interior = sum(f_lens[j] for j in range(1, len(f_lens) - 1) if j not in used_f)
    score = total / (sum(q_lens) + sum(f_lens) - interior * (1 - _INTERIOR_WEIGHT))
    pairs.sort()
    if any(a[1] > b[1] for a, b in itertools.pairwise(pairs)):
        score *= _OUT_OF_ORDER
    return score, pairs


def unkeyed_bound(a: int, b: int) -> float:
    """Highest similarity two tokens of these lengths can have without sharing a key.

    Sharing no deletion key means at least two edits (tokens of 4+ letters),
    so Damerau-Levenshtein similarity is at most ``1 - max(2, |a-b|) / L``;
    Jaro-Winkler is at most 1, and no phonetic bonus applies.
    """
    if min(a, b) == 1:
        return INITIAL
    if min(a, b) < 3:
        return 0.0
    longest = max(a, b)
    return max(1.0 - max(2, abs(a - b)) / (2 * longest), DERIVED_WORD)


ACRONYM, FOREIGN = 1, 2
def _weak_in_other_scripts(index: Index) -> dict[tuple[int, str], tuple[int, ...]]:
    """(Form, script) pairs where some entity claims the form weak as written in that script and
    no entity claims it strong as written in it: a query in that script gets the weak claim,
    though the same letters are strong in Latin or kana (오만 is "arrogance" in Korean)."""
    strong: set[tuple[int, str]] = set()
    weak: dict[tuple[int, str], list[int]] = {}
    for e_idx, entity in enumerate(index.entities):
        for forms, is_weak in ((entity.forms, False), (entity.weak, True)):
            for form in forms:
                f = index._form_ids.get(normalize_cached(form))
                if f is None or is_latin(form):
                    continue
                key = (f, script_of(form))
                if not is_weak:
                    strong.add(key)
                elif index._form_tier[f] == STRONG:
                    weak.setdefault(key, []).append(e_idx)
    return {key: tuple(dict.fromkeys(owners)) for key, owners in weak.items() if key not in strong}


def query_allows(text: str) -> int:
    """Restriction bits a query written as ``text`` passes (see ``Index.owners``).

    >>> query_allows("WHO") == ACRONYM, query_allows("who"), query_allows("라오스") == FOREIGN
    (True, 0, True)
    """
    return (ACRONYM if text.isupper() else 0) | (0 if is_latin(text) else FOREIGN)


def _restriction(form: str) -> int:
    return (ACRONYM if is_acronym(form) else 0) | (0 if is_latin(form) else FOREIGN)


def is_acronym(form: str) -> bool:
    """True for short all-capital forms such as "CAN", "WHO" or "U.S.".

    >>> is_acronym("CAN"), is_acronym("U.S."), is_acronym("Can"), is_acronym("UNESCO")
    (True, True, False, False)
    """
    letters = [ch for ch in form if ch.isalpha()]
    return 0 < len(letters) <= _ACRONYM_MAX and all(ch.isupper() for ch in letters)


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
    """
    if entity.kind != "person":
        return []
    parts = [p for p in parse_person(normalize_cached(entity.name).split(), given, particles)
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


def _weigh_suffixes(tokens: Sequence[str], hits: list[Hit]) -> list[Hit]:
    """A different generational suffix costs a little, or a lot where another hit agrees.

    "Donald Trump Jr." finds Donald Trump when no Jr. is known, but not when
    Donald Trump Jr. is in the gallery too.
    """
    wanted = GENERATIONAL.intersection(tokens)
    if not hits or not (wanted or any(GENERATIONAL.intersection(h.form.split()) for h in hits)):
        return hits
    agree = [GENERATIONAL.intersection(h.form.split()) == wanted for h in hits]
    factor = _SUFFIX_LOSES if any(agree) else _SUFFIX_MISMATCH
    weighed = [h if ok else replace(h, score=h.score * factor) for h, ok in zip(hits, agree)]
    return sorted(weighed, key=lambda h: (-h.score, h.entity))


_P = TypeVar("_P", PackedStrings, Ragged, KeyTable, StringSet)


def _packed(table: Any, packed_type: type[_P]) -> _P:
    """``table`` as ``packed_type`` packs it: as it is where it is packed already (read back)."""
    return table if isinstance(table, packed_type) else packed_type.build(table)


def _lengths(lengths: Sequence[int]) -> array[int]:
    """Word lengths as an array, as a stored index holds them."""
    return lengths if isinstance(lengths, array) else array("I", lengths)


class Index:
    """Forms, tokens and keys of a set of entities; build once, query from many threads."""

    def __init__(self, entities: Sequence[Entity], titles: TitleSet) -> None:
        self.entities = entities if isinstance(entities, EntityList) else EntityList(entities)
        self.titles = titles
        # Lists and dicts where the index was built, packed (``packed``) where it was read back.
        self._forms: Sequence[str] = []
        self._form_ids: Mapping[str, int] = {}
        self._form_tier: Sequence[int] = []
        self._form_owner: Sequence[tuple[int, ...]] = []
        """Form -> the entities that claim it in its tier (empty once every claimant excluded it)."""
        self._claimants: list[list[int]] = []
        """``_form_owner`` while the index is built (appending to a tuple would be quadratic)."""
        self._form_tokens: Sequence[tuple[int, ...]] = []
        self._vocab: Sequence[str] = []
        self._vocab_lengths: Sequence[int] = []
        """Letters in each vocabulary token (read for every candidate form, which a packed
        vocabulary answers more slowly)."""
        self._word_holders: Sequence[int] = []
        """Per vocabulary token, how many entities hold it in some form (``word_rarity``)."""
        self._vocab_ids: Mapping[str, int] = {}
        self._postings: Sequence[Sequence[int]] = []
        self._keyed_vocab: Sequence[WordKeys] = []
        """Vocabulary token -> its keys, which every comparison with it reads (``keys.word_keys``)."""
        self._keys: dict[str, list[int]] | KeyTable = {}
        """Candidate key (``keys.token_keys``, ``keys.loose_keys``) -> vocabulary tokens filed under it."""
        self._single_word: defaultdict[str, list[int]] | KeyTable = defaultdict(list)
        """Word -> forms that are that word alone, or with initials ("j trump")."""
        self._given: dict[str, tuple[tuple[str, ...], ...]] = {}
        """Given name -> the groups of equivalent names it belongs to."""
        self._restricted: dict[int, int] = {}
        """Forms usable only by some queries: bit ACRONYM needs capitals, FOREIGN a non-Latin query."""
        self._weak_in_other_scripts: dict[tuple[int, str], tuple[int, ...]] = {}
        """(Form, script) -> the entities that claim the form weak as written in that script,
        where it is strong as written in others (Oman; 오만 is "arrogance" in Korean)."""
        self._prefixes: AbstractSet[str] | None = None
        self.unspaced_forms: frozenset[str] = frozenset()
        """Forms as written in a script without spaces between words (习近平, トランプ), and the
        words of those a middle dot splits (ドナルド・トランプ), of two letters or more: the names a
        scan looks for inside a run of Chinese or Japanese text."""
        self._recent_candidates = lru_cache(maxsize=_RECENT_TOKENS)(self._token_candidates)
        self._loan_tables: dict[bool, dict[str, list[int]] | KeyTable] = {}
        self._foreign_only: frozenset[int] | None = None
        self.excluded: dict[str, frozenset[int]] = {}
        self.clashes: list[Clash] = []
        self.particles: frozenset[str] = PARTICLES
        """Words that belong to the surname after them: ``parts.PARTICLES`` and the alias files'."""
        self.first_names: AbstractSet[str] = frozenset()
        """Words some person's name starts with, or that a given-name group lists."""
        self._short_targets: AbstractSet[str] = frozenset()
        """First words of person names that a short form no group lists may stand for."""
        self._short_target_tokens = b""
        """Vocabulary token -> 1 where it is one of ``_short_targets`` (asked of every candidate)."""
        self._short_prefixes: dict[str, list[int]] | KeyTable = {}
        """Beginning of a first name (three letters up to two short of it) -> vocabulary tokens."""
        self._roles: dict[str, tuple[Role, ...]] = {}
        """Person forms already parsed by ``name_roles``."""
        self._kind_words: dict[str, AbstractSet[str]] = {}
        """Kind -> words of the forms of entities of that kind, built on first use."""
        self._country_rows: CountryRows | None = None
        """``places.country_rows``, packed, where the index was stored (else the shared table)."""

    def __getstate__(self) -> dict[str, object]:
        state = self.__dict__.copy()
        del state["_recent_candidates"]  # a memo of recent queries, and a wrapper pickle refuses
        # Packed: as dicts and lists of strings and tuples, a million names' tables took 16 s to
        # read back (``packed``). A table that is packed already is as it was read.
        forms = _packed(self._forms, PackedStrings)
        vocab = _packed(self._vocab, PackedStrings)
        keyed = self._keyed_vocab
        state.update(
            _forms=forms, _form_tier=bytes(self._form_tier),
            _form_ids=self._form_ids if isinstance(self._form_ids, StringIds) else StringIds.build(forms),
            _form_owner=_packed(self._form_owner, Ragged), _form_tokens=_packed(self._form_tokens, Ragged),
            _vocab=vocab, _postings=_packed(self._postings, Ragged), _vocab_lengths=_lengths(self._vocab_lengths),
            _vocab_ids=self._vocab_ids if isinstance(self._vocab_ids, StringIds) else StringIds.build(vocab),
            _keyed_vocab=keyed if isinstance(keyed, PackedWordKeys) else PackedWordKeys.build(vocab, keyed),
            _keys=_packed(self._keys, KeyTable), _single_word=_packed(self._single_word, KeyTable),
            _short_prefixes=_packed(self._short_prefixes, KeyTable),
            _loan_tables={rhotic: _packed(table, KeyTable) for rhotic, table in self._loan_tables.items()},
            _prefixes=None if self._prefixes is None else _packed(self._prefixes, StringSet),
            first_names=_packed(self.first_names, StringSet), _short_targets=_packed(self._short_targets, StringSet),
            _kind_words={kind: _packed(words, StringSet) for kind, words in self._kind_words.items()})
        if not isinstance(self._country_rows, KeyTable):
            state["_country_rows"] = packed_country_rows()
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._recent_candidates = lru_cache(maxsize=_RECENT_TOKENS)(self._token_candidates)

    @classmethod
    def build(cls, entities: Sequence[Entity], titles: Iterable[str] = (),
              given_names: Iterable[Sequence[str]] = (), particles: Iterable[str] = (), *,
              place_names: Sequence[str] = PLACE_TABLES) -> Index:
        """Compile entities into lookup tables; clashes are recorded, not raised. ``place_names``
        are the tables of other-language names its places are given (``places.exonyms``)."""
        index = cls(entities, TitleSet(titles))
        index.particles = PARTICLES | {p for p in map(normalize_cached, particles) if p}
        for group in given_names:
            members = tuple(dict.fromkeys(n for n in map(normalize_cached, group) if n and " " not in n))
            for name in members:
                index._given[name] = index._given.get(name, ()) + (members,)
        excluded: dict[str, set[int]] = {}
        derived: set[str] = set()
        place_exonyms = exonyms(index.entities, place_names)
        # A word some person goes by first is a given name, not half of a double surname.
        first_names = set(index._given)
        person_first: set[str] = set()
        other_words: set[str] = set()
        for entity in index.entities:
            if entity.kind == "person":
                words = normalize_cached(entity.name).split()
                if len(words) > 1:
                    person_first.add(words[0])
            else:
                for form in entity.forms:
                    other_words.update(normalize_cached(form).split())
        first_names |= person_first
        index.first_names = frozenset(first_names)
        # Only a word that starts a person's name, and no place's or body's, is guessed at
        # from a short form: "Aus Street" is not Austin Street.
        index._short_targets = frozenset(person_first - other_words)
        for e_idx, entity in enumerate(index.entities):
            for form in entity.forms:
                index._claim(normalize_cached(form), e_idx, STRONG, _restriction(form))
            for form in entity.weak:
                index._claim(normalize_cached(form), e_idx, WEAK, _restriction(form))
            for surname in derived_surnames(entity, first_names, index.particles):
                index._claim(surname, e_idx, SURNAME, _restriction(entity.name))
            for initials in initialisms(entity):
                derived.add(initials)
                index._claim(initials, e_idx, WEAK, ACRONYM)
            for name in place_exonyms.get(e_idx, ()):
                # Forms no entity lists: two countries sharing one is no clash of the alias files'.
                form = normalize_cached(name)
                derived.add(form)
                index._claim(form, e_idx, WEAK, _restriction(name))
            for form in entity.exclude:
                excluded.setdefault(normalize_cached(form), set()).add(e_idx)
        index._weak_in_other_scripts = _weak_in_other_scripts(index)
        index.unspaced_forms = frozenset(
            word for e_idx, entity in enumerate(index.entities)
            for form in (*entity.forms, *entity.weak, *place_exonyms.get(e_idx, ()))
            for word in NAME_DOTS.split(form) if len(word) > 1 and writes_unspaced(word))
        for form, owners in excluded.items():
            index._unclaim(form, owners)
        index.excluded = {form: frozenset(owners) for form, owners in excluded.items()}
        index._form_owner = [tuple(claimants) for claimants in index._claimants]
        index._claimants = []
        index._index_tokens()
        index.clashes = [
            Clash(form, TIER_METHODS[index._form_tier[f]], tuple(index.entities[e] for e in owner))
            for f, (form, owner) in enumerate(zip(index._forms, index._form_owner))
            if len(owner) > 1 and index._form_tier[f] != SURNAME and form not in derived
        ]
        return index

    def _claim(self, form: str, e_idx: int, tier: int, restriction: int) -> None:
        if not form:
            return
        tiers = cast(list[int], self._form_tier)  # lists while the index is built
        f = self._form_ids.get(form)
        if f is None:
            f = cast(dict[str, int], self._form_ids)[form] = len(self._forms)
            cast(list[str], self._forms).append(form)
            tiers.append(tier)
            self._claimants.append([e_idx])
            if restriction:
                self._restricted[f] = restriction
            return
        # A form is restricted only as far as every spelling that claims it is.
        if f in self._restricted:
            self._restricted[f] &= restriction
            if not self._restricted[f]:
                del self._restricted[f]
        if tier < tiers[f]:
            tiers[f] = tier
            self._claimants[f] = [e_idx]
        elif tier == tiers[f]:
            claimants = self._claimants[f]
            if claimants[-1] != e_idx:  # entities claim in order: a repeat is always the last one
                claimants.append(e_idx)

    def _unclaim(self, form: str, owners: set[int]) -> None:
        f = self._form_ids.get(form)
        if f is None:
            return
        self._claimants[f] = [e for e in self._claimants[f] if e not in owners]

    def _index_tokens(self) -> None:
        keys: dict[str, list[int]] = {}
        single_word: defaultdict[str, list[int]] = defaultdict(list)
        vocab: list[str] = []
        vocab_ids: dict[str, int] = {}
        postings: list[list[int]] = []
        keyed_vocab: list[WordKeys] = []
        form_tokens: list[tuple[int, ...]] = []
        for f, form in enumerate(self._forms):
            ids = []
            words = form.split()
            if sum(len(w) > 1 for w in words) == 1:
                single_word[max(words, key=len)].append(f)
            for token in words:
                t = vocab_ids.get(token)
                if t is None:
                    t = vocab_ids[token] = len(vocab)
                    vocab.append(token)
                    postings.append([])
                    keyed_vocab.append(word_keys(token))
                    for key in token_keys(token) | loose_keys(token):
                        keys.setdefault(key, []).append(t)
                posting = postings[t]
                if not posting or posting[-1] != f:
                    posting.append(f)
                ids.append(t)
            form_tokens.append(tuple(ids))
        short_prefixes: dict[str, list[int]] = {}
        for name in self._short_targets:
            t = vocab_ids.get(name)
            if t is not None:
                for prefix in short_form_prefixes(name):
                    short_prefixes.setdefault(prefix, []).append(t)
        self._keys, self._single_word, self._short_prefixes = keys, single_word, short_prefixes
        self._vocab, self._vocab_ids, self._postings, self._keyed_vocab = vocab, vocab_ids, postings, keyed_vocab
        self._vocab_lengths = [len(token) for token in vocab]
        owners = self._form_owner
        self._word_holders = array("I", (max(1, len({e for f in posting for e in owners[f]})) for posting in postings))
        self._short_target_tokens = bytes(token in self._short_targets for token in vocab)
        self._form_tokens = form_tokens

    # -- lookups -------------------------------------------------------------

    def owners(self, form: str, allowed: int = 0, script: str = "") -> tuple[int, tuple[int, ...]] | None:
        """Tier and claiming entities of an exact normalized form, or None.

        ``allowed`` holds the restriction bits the query passes (``query_allows``):
        a form written only as a short acronym ("CAN", "WHO") needs a query in
        capitals, so "can" and "who" stay words; a form written only in another
        script needs a query in another script, so the romanized Japanese for Laos
        ("raosu") is never a Latin word's match.
        """
        f = self._form_ids.get(form)
        if f is None or self._restricted.get(f, 0) & ~allowed:
            return None
        weak_here = self._weak_in_other_scripts.get((f, script)) if allowed & FOREIGN else None
        if weak_here:
            return WEAK, weak_here
        owners = self._form_owner[f]
        return (self._form_tier[f], owners) if owners else None

    def written_only_in_other_scripts(self, form: str) -> bool:
        """Whether every spelling that claims ``form`` is written in another script than Latin.

        >>> from namenorm.model import Entity
        >>> index = Index.build([Entity("czechia", "Czechia", "place", aliases=("チェコ",))])
        >>> index.written_only_in_other_scripts("cheko"), index.written_only_in_other_scripts("czechia")
        (True, False)
        """
        f = self._form_ids.get(form)
        return f is not None and bool(self._restricted.get(f, 0) & FOREIGN)

    @property
    def prefixes(self) -> AbstractSet[str]:
        """Every form and every word-prefix of one, up to ``SCAN_WORDS`` words, for scanning text;
        built on first use."""
        found = self._prefixes
        if found is None:
            found = frozenset(
                " ".join(words[:k]) for words in (form.split(maxsplit=SCAN_WORDS) for form in self._forms)
                for k in range(1, min(len(words), SCAN_WORDS) + 1)
            )
            self._prefixes = found
        return found

    @cached_property
    def longest_form(self) -> int:
        """Most words in any form: no longer span of text can match."""
        return max((len(t) for t in self._form_tokens), default=0)

    @property
    def vocab_ids(self) -> Mapping[str, int]:
        """Every word of every form, with its id."""
        return self._vocab_ids

    def is_known_word(self, word: str, kind: str) -> bool:
        """Whether ``word`` is a word of a form of some entity of ``kind`` (for people, also a
        given name the name groups list): "Davis" is a known surname, "Purdue" a known
        organisation's word but no person's."""
        known = self._kind_words.get(kind)
        if known is None:
            found = {w for f, form in enumerate(self._forms)
                     if any(self.entities[e].kind == kind for e in self._form_owner[f]) for w in form.split()}
            if kind == "person":
                found.update(self._given)
            known = self._kind_words.setdefault(kind, frozenset(found))
        return word in known

    def word_rarity(self, word: str) -> float:
        """How rare a word is among the gallery's entities, in [0, 1]: 1.0 for a word one entity
        holds (or none), falling with the log of how many hold it ("john" is weak evidence).

        An inverse document frequency, scaled by the gallery's size so that it means the
        same in a gallery of a hundred names and of a million. It counts entities, not forms:
        Abidjan under ten spellings of its own is as rare as under one.
        """
        t = self._vocab_ids.get(word)
        holders = self._word_holders[t] if t is not None else 1
        size = len(self.entities)
        return 1.0 - math.log(holders) / math.log(size + 1) if size else 1.0

    @property
    def form_count(self) -> int:
        """Number of distinct normalized forms."""
        return len(self._forms)

    def _token_candidates(self, token: str) -> dict[int, tuple[float, str]]:
        """Vocabulary tokens sharing a key with ``token``, with their similarity.

        The loose keys are consulted only when the strict ones found no partner
        at least ``_CLOSE_ENOUGH``, and tokens whose length differs by more than
        ``_MAX_LENGTH_GAP`` are never compared.
        """
        out: dict[int, tuple[float, str]] = {}
        if token in self._vocab_ids:
            out[self._vocab_ids[token]] = (1.0, "")
        seen: set[int] = set(out)
        keyed_token = word_keys(token)
        given = token in self._given
        for strict, key_set in ((True, token_keys(token)), (False, loose_keys(token))):
            if not strict and out and max(s for s, _ in out.values()) >= _CLOSE_ENOUGH:
                break
            fresh: set[int] = set()
            for key in key_set:
                bucket = self._keys.get(key)
                if bucket:
                    fresh.update(bucket)
            fresh -= seen
            seen |= fresh
            size, lengths, keyed = len(token), self._vocab_lengths, self._keyed_vocab
            targets = self._short_target_tokens
            # In a fixed order, so ties fall the same way in every process.
            near = [t for t in sorted(fresh) if abs(lengths[t] - size) <= _MAX_LENGTH_GAP]
            near_keys = [keyed[t] for t in near]
            scored = keyed_similarities(keyed_token, near_keys, score_cutoff=TOKEN_FLOOR)
            for t, word_keys_t, found in zip(near, near_keys, scored):
                if found[0] or given or targets[t]:  # else _adjusted keeps 0.0
                    found = self._adjusted(token, word_keys_t[0], found)
                    if found[0]:
                        out[t] = found
        for group in self._given.get(token, ()):
            for name in group:
                member = self._vocab_ids.get(name)
                if member is not None and name != token and out.get(member, (0.0, ""))[0] < NICKNAME:
                    out[member] = (NICKNAME, "given name")
        if token not in self._given:
            for stem in short_form_stems(token):
                for member in self._short_prefixes.get(stem, ()):
                    if out.get(member, (0.0, ""))[0] < SHORT_FORM:
                        out[member] = (SHORT_FORM, "short form")
        return out

    def word_similarity(self, token: str, word: str) -> tuple[float, str]:
        """How a query word scores against a gallery word, and the key they share.

        ``keys.token_similarity``, less where the query word is itself a gallery
        word (``KNOWN_WORD_FACTOR``), at least ``NICKNAME`` for two given names of
        one group, and (0.0, "") below ``TOKEN_FLOOR``. Keyed candidates, pairs
        scored on demand and the brute-force reference all use it.
        """
        return self._keyed_similarity(word_keys(token), word)

    def _keyed_similarity(self, token: WordKeys, word: str) -> tuple[float, str]:
        """``word_similarity`` of a query word whose keys are already computed."""
        t = self._vocab_ids.get(word)
        keyed = self._keyed_vocab[t] if t is not None else word_keys(word)
        found = keyed_similarities(token, (keyed,), score_cutoff=TOKEN_FLOOR)[0]
        return self._adjusted(token[0], word, found)

    def _adjusted(self, token: str, word: str, found: tuple[float, str]) -> tuple[float, str]:
        """``word_similarity`` from the words' ``keys.keyed_similarities``.

        That may be (0.0, "") for any pair below ``TOKEN_FLOOR``, since the given-name
        rules below raise such a pair to a fixed similarity whatever it was, and
        leave any other at (0.0, "").
        """
        if len(token) == 1 and word in GENERATIONAL:
            return 0.0, ""  # "J." is an initial of a name, never of the "Jr." after it
        value, key = found
        if word != token and token in self._vocab_ids:
            value *= KNOWN_WORD_FACTOR
        related = self._name_relation(token, word)
        if value < related[0]:
            value, key = related
        return (value, key) if value >= TOKEN_FLOOR else (0.0, "")

    def _name_relation(self, token: str, word: str) -> tuple[float, str]:
        """The similarity two given names of one group, or a short form and its name, have at least.

        ``_token_candidates`` skips this for a pair that is neither a given name's nor a short
        form's: a rule added here must be added to its guard too.
        """
        if any(word in group for group in self._given.get(token, ())):
            return NICKNAME, "given name"
        if word in self._short_targets and token not in self._given and is_short_form(token, word):
            return SHORT_FORM, "short form"
        return 0.0, ""

    def name_roles(self, form: str, tier: int) -> tuple[Role, ...]:
        """The part of a person's name each word of ``form`` is, parsed once per form.

        A surname form (``SURNAME`` tier) holds only the surname and its particles.
        """
        roles = self._roles.get(form)
        if roles is None:
            words = form.split()
            parts = (parse_surname(words, self.particles) if tier == SURNAME
                     else parse_person(words, self.first_names, self.particles))
            roles = self._roles[form] = tuple(p.role for p in parts)
        return roles

    def token_candidates(self, token: str, cache: dict[str, dict[int, tuple[float, str]]] | None = None
                         ) -> dict[int, tuple[float, str]]:
        """Vocabulary tokens close to ``token``, memoized in ``cache`` when given (one text's scan)
        and in a bounded cache shared by all queries (tokens such as first names recur)."""
        if cache is None:
            return self._recent_candidates(token)
        found = cache.get(token)
        if found is None:
            found = cache[token] = self._recent_candidates(token)
        return found

    def holds_every_word(self, words: Sequence[str], cache: dict[str, dict[int, tuple[float, str]]] | None = None,
                         *, slips: int = 1) -> bool:
        """Whether some form holds a word close to each of ``words`` but at most ``slips`` (words
        no key finds, which ``search`` scores on demand): a span of text that no form pairs is
        not a misspelling of any, and is not worth scoring."""
        postings = self._postings
        forms: set[int] | None = None
        for word in sorted(words, key=len, reverse=True):  # long words have the fewest holders
            if len(word) < 2:
                continue  # an initial pairs with any word it begins
            holders = {f for t in self.token_candidates(word, cache) for f in postings[t]}
            narrowed = holders if forms is None else forms & holders
            if narrowed:
                forms = narrowed
            elif slips:
                slips -= 1
            else:
                return False
        return True

    def clear_query_cache(self) -> None:
        """Forget the candidates of recent query tokens (for cold-start timing)."""
        self._recent_candidates.cache_clear()

    def search(self, tokens: Sequence[str], cache: dict[str, dict[int, tuple[float, str]]] | None = None,
               *, allowed: int = 0, score_cutoff: float = 0.0, limit: int | None = None,
               accept: Callable[[int], bool] | None = None) -> list[Hit]:
        """Score the forms that share keys with the query tokens; best hit per entity.

        Forms whose score cannot reach ``score_cutoff`` are skipped before any
        similarity is computed for them. With ``limit``, forms are scored highest
        bound first and the search stops once no form left can enter the best
        ``limit`` entities: the first ``limit`` hits are those of the full search.
        ``accept`` leaves out entities the caller would drop anyway (another kind).
        """
        cands = [self.token_candidates(tok, cache) for tok in tokens]
        if len(tokens) == 1 and score_cutoff >= _SINGLE_WORD_CUTOFF:
            # One word cannot reach the cutoff against a form with other words; an entity
            # known by a longer name is found through its one-word forms (a surname).
            forms: set[int] = set()
            complete = True
            for t in cands[0]:
                forms.update(self._single_word.get(self._vocab[t], ()))
        else:
            forms, complete = self._candidate_forms(tokens, cands)
        restricted = self._restricted
        if restricted:
            forms = {f for f in forms if not restricted.get(f, 0) & ~allowed}
        # Where some query token found no keyed partner (two slips no key caught,
        # "bradley" for "brad"), pairs are bounded and scored on demand, as the brute-force
        # reference scores them; where every token has one, keyed pairs decide.
        keyed_tokens = None if complete else [word_keys(token) for token in tokens]
        bounded = self._bounded_forms(tokens, cands, forms, keyed_tokens, score_cutoff)
        # In a fixed order, so ties fall the same way in every process; best bound first
        # where the search may stop early.
        bounded.sort(key=(lambda bf: (-bf[0], bf[1])) if limit else (lambda bf: bf[1]))
        q_lens = [len(t) for t in tokens]
        vocab, lengths = self._vocab, self._vocab_lengths
        wanted = GENERATIONAL.intersection(tokens)
        best: dict[int, tuple[float, int, Hit]] = {}
        # Best scores of entities whose best form agrees with the query's generational suffix:
        # no later step lowers them, so ``limit`` of them bound what is still worth scoring.
        settled: dict[int, float] = {}
        cutoff = score_cutoff
        unkeyed: dict[tuple[int, int], tuple[float, str]] = {}
        none = (0.0, "")
        for bound, f in bounded:
            if bound < cutoff - _BOUND_SLACK:
                break
            owner = self._form_owner[f]
            if accept is not None:
                owner = tuple(e for e in owner if accept(e))
            if not owner:
                continue
            f_tokens = self._form_tokens[f]
            sims = []
            for i, row in enumerate(cands):
                sim_row = []
                for t in f_tokens:
                    found = row.get(t)
                    if found is None:
                        if keyed_tokens is None:
                            found = none
                        else:
                            found = unkeyed.get((i, t))
                            if found is None:
                                found = unkeyed[(i, t)] = self._keyed_similarity(keyed_tokens[i], vocab[t])
                    sim_row.append(found)
                sims.append(sim_row)
            score, pairs = score_alignment(q_lens, [lengths[t] for t in f_tokens], sims)
            score *= TIER_TRUST[self._form_tier[f]]
            if score <= 0.0 or score < score_cutoff:
                continue
            hit: Hit | None = None
            for e_idx in owner:
                held = best.get(e_idx)
                if held is None or score > held[0] or (score == held[0] and f < held[1]):
                    if hit is None:
                        token_pairs = tuple(TokenPair(tokens[i], vocab[f_tokens[j]], s, key)
                                            for i, j, s, key in pairs)
                        phonetic = (len(pairs) == len(tokens) == len(f_tokens)
                                    and all(p.keys or p.similarity == 1.0 for p in token_pairs))
                        hit = Hit(e_idx, score, self._forms[f], self._form_tier[f], token_pairs, phonetic)
                    best[e_idx] = (score, f, replace(hit, entity=e_idx) if hit.entity != e_idx else hit)
                    if limit:
                        if GENERATIONAL.intersection(hit.form.split()) == wanted:
                            settled[e_idx] = score
                        else:
                            settled.pop(e_idx, None)
            if limit and hit is not None and len(settled) >= limit:
                cutoff = max(score_cutoff, heapq.nlargest(limit, settled.values())[-1])
        hits = sorted((h for _, _, h in best.values()), key=lambda h: (-h.score, h.entity))
        return _weigh_suffixes(tokens, hits)

    def _bounded_forms(self, tokens: Sequence[str], cands: list[dict[int, tuple[float, str]]],
                       forms: set[int], keyed_tokens: Sequence[WordKeys] | None,
                       score_cutoff: float) -> list[tuple[float, int]]:
        """Each form's highest possible score with the query, for those that may reach ``score_cutoff``.

        Each query word pairs at best with its most similar form word, over the smallest
        denominator the alignment can have (every middle word left out). ``keyed_tokens``,
        the query words' keys, is None where every word has a keyed partner, and only keyed
        pairs count.
        """
        q_lens = [len(t) for t in tokens]
        q_total = sum(q_lens)
        lengths = self._vocab_lengths
        bounded = []
        ceilings: dict[tuple[int, int], float] = {}

        def unkeyed(i: int, t: int) -> float:
            """Bound of a pair no key proposed: by lengths, then by letters and keys."""
            assert keyed_tokens is not None
            found = ceilings.get((i, t))
            if found is None:
                found = unkeyed_bound(q_lens[i], lengths[t])
                if min(q_lens[i], lengths[t]) >= 3:
                    keyed = self._keyed_vocab[t]
                    ceiling = max(similarity_ceiling(keyed_tokens[i], keyed),
                                  self._name_relation(tokens[i], keyed[0])[0])
                    found = min(found, ceiling) if ceiling >= TOKEN_FLOOR else 0.0
                ceilings[(i, t)] = found
            return found

        for f in forms:
            f_tokens = self._form_tokens[f]
            f_lens = [lengths[t] for t in f_tokens]
            lightest = sum(f_lens) - (1 - _INTERIOR_WEIGHT) * sum(f_lens[1:-1])
            trust = TIER_TRUST[self._form_tier[f]] / (q_total + lightest)
            bound = 0.0
            for i, lq in enumerate(q_lens):
                row = cands[i]
                if keyed_tokens is None:
                    bound += max((row[t][0] if t in row else 0.0) * (lq + lf)
                                 for t, lf in zip(f_tokens, f_lens))
                else:
                    bound += max((row[t][0] if t in row else unkeyed(i, t)) * (lq + lf)
                                 for t, lf in zip(f_tokens, f_lens))
            if bound * trust >= score_cutoff:
                bounded.append((bound * trust, f))
        return bounded

    def _candidate_forms(self, tokens: Sequence[str], cands: list[dict[int, tuple[float, str]]]
                         ) -> tuple[set[int], bool]:
        """Forms worth scoring, and whether each has a keyed partner for every query token.

        Postings are intersected rarest token first; a token whose candidates
        would empty the intersection (a typo no key caught) is passed over, and
        the result is then incomplete.
        """
        postings = self._postings
        # An initial says too little to choose forms by: it is scored, never searched by.
        searchable = [k for k, c in enumerate(cands) if c and len(tokens[k]) > 1]
        sized = sorted((sum(len(postings[t]) for t in cands[k]), k) for k in searchable)
        complete = len(sized) == len(cands)
        forms: set[int] = set()
        for size, k in sized:
            c = cands[k]
            if not forms:
                for t in c:
                    forms.update(postings[t])
                continue
            if size < 2 * len(forms):
                other: set[int] = set()
                for t in c:
                    other.update(postings[t])
                narrowed = forms & other
            else:
                form_tokens = self._form_tokens
                narrowed = {f for f in forms if any(t in c for t in form_tokens[f])}
            if narrowed:
                forms = narrowed
            else:
                complete = False
        return forms, complete

    @cached_property
    def unspaced_longest(self) -> int:
        """Letters in the longest of ``unspaced_forms`` (0 with none): how far a scan looks ahead
        inside a run of unspaced text."""
        return max(map(len, self.unspaced_forms), default=0)

    @property
    def foreign_only(self) -> frozenset[int]:
        """Entities with no form in the Latin script, which Latin queries reach only across scripts."""
        found = self._foreign_only
        if found is None:
            latin: set[int] = set()
            for f, owner in enumerate(self._form_owner):
                if not self._restricted.get(f, 0) & FOREIGN:
                    latin.update(owner)
            found = self._foreign_only = frozenset(range(len(self.entities))) - latin
        return found

    def _loan_table(self, rhotic: bool) -> dict[str, list[int]] | KeyTable:
        """Loanword key (and its one-letter deletions) -> forms; built on the first cross-script query."""
        table = self._loan_tables.get(rhotic)
        if table is None:
            self._build_loan_tables([rhotic])
            table = self._loan_tables[rhotic]
        return table

    def _build_loan_tables(self, readings: Sequence[bool]) -> None:
        """The loan tables of these readings (rhotic or not), in one pass: both share the
        rewrites that are most of a loanword key's cost."""
        built: dict[bool, dict[str, list[int]]] = {rhotic: {} for rhotic in readings}
        for f, form in enumerate(self._forms):
            for rhotic, table in built.items():
                key = loan_key(form, rhotic)
                if len(key) >= _MIN_LOAN_KEY:
                    for k in {key} | deletions(key):
                        table.setdefault(k, []).append(f)
        self._loan_tables.update(built)

    @property
    def country_rows(self) -> CountryRows:
        """Every country's names, written as ``places.countries_named`` reads a query."""
        return self._country_rows if self._country_rows is not None else country_rows()

    def complete(self) -> None:
        """Build every table that is otherwise built on first use, so that an index stored on disk
        carries them instead of each process that reads it building them again: the loanword
        keys of the bundled file take a second for each reading."""
        self.prefixes  # noqa: B018 (built on first read)
        for kind in sorted({entity.kind for entity in self.entities}):
            self.is_known_word("", kind)
        self.foreign_only  # noqa: B018
        self._build_loan_tables([rhotic for rhotic in (False, True) if rhotic not in self._loan_tables])

    def cross_candidates(self, form: str, *, rhotic: bool, spaced: bool = False) -> list[int]:
        """The forms ``cross_search`` weighs for a query, in order: those whose loanword key is
        within one edit of the query's (see there for ``spaced``); a scan asks it first to pass
        over a span no form can be read as."""
        key = loan_key(form, rhotic)
        if len(key) < _MIN_LOAN_KEY:
            return []
        table = self._loan_table(rhotic)
        forms: set[int] = set()
        for k in {key} | deletions(key):
            forms.update(table.get(k) or ())
        several_words = " " in form
        # "Joe Manchin" has the consonants of "Johnson", but is not a surname alone.
        return [f for f in sorted(forms) if not (several_words and self._form_tier[f] == SURNAME)
                and not (spaced and " " not in self._forms[f])]

    def cross_search(self, form: str, *, rhotic: bool, latin_query: bool, vowels: bool = True,
                     spaced: bool = False, score_cutoff: float = 0.0) -> list[Hit]:
        """Forms whose loanword key is within one edit of the query's, scored across scripts.

        A Latin query is compared only with entities known solely in other
        scripts, so Latin-to-Latin matching never gets looser. A query written
        as several words (``spaced``, in a script that writes spaces) is not read
        as a one-word name: its writer put a word break where that name has none.
        """
        if latin_query and not self.foreign_only:
            return []
        key = loan_key(form, rhotic)
        best: dict[int, Hit] = {}
        for f in self.cross_candidates(form, rhotic=rhotic, spaced=spaced):
            tier = self._form_tier[f]
            owners = self._form_owner[f]
            if latin_query:
                owners = tuple(e for e in owners if e in self.foreign_only)
            if not owners:
                continue
            trust = TIER_TRUST[tier] * (_REVERSE_CROSS_TRUST if latin_query else 1.0)
            score = cross_script_similarity(form, self._forms[f], rhotic, vowels,
                                            score_cutoff=score_cutoff / trust) * trust
            if score < score_cutoff:
                continue
            pair = (TokenPair(key, loan_key(self._forms[f], rhotic), score, "cross-script"),)
            for e_idx in owners:
                if e_idx not in best or score > best[e_idx].score:
                    best[e_idx] = Hit(e_idx, score, self._forms[f], tier, pair, False, True)
        return sorted(best.values(), key=lambda h: (-h.score, h.entity))

    def brute_force(self, tokens: Sequence[str], *, allowed: int = 0) -> list[Hit]:
        """Score every form with no candidate generation: the reference ``search`` must agree with."""
        q_lens = [len(t) for t in tokens]
        best: dict[int, Hit] = {}
        for f, form in enumerate(self._forms):
            owner = self._form_owner[f]
            if self._restricted.get(f, 0) & ~allowed:
                continue
            f_words = form.split()
            sims = []
            sims = [[self.word_similarity(token, word) for word in f_words] for token in tokens]
            score, _ = score_alignment(q_lens, [len(w) for w in f_words], sims)
            score *= TIER_TRUST[self._form_tier[f]]
            for e_idx in owner:
                if score > 0 and (e_idx not in best or score > best[e_idx].score):
                    best[e_idx] = Hit(e_idx, score, form, self._form_tier[f])
        return sorted(best.values(), key=lambda h: (-h.score, h.entity))
