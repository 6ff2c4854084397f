"""The compiled tables of a gallery: its forms, who claims each, and the words they are made of.

``FormTables.build`` normalizes every form once and records who claims it:
strong forms (name, aliases) beat weak forms, which beat surnames derived from
person names; within the best tier a form claimed by two entities is kept
ambiguous and listed in ``clashes``. Each distinct word gets an id, and each
word points at the forms that hold it (its postings). The tables are what a
stored index keeps: where they were read back from disk they are packed
(``packed``), and are read in place.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import cached_property
from typing import Any, TypeVar, cast

from ..keys import PackedWordKeys, WordKeys, keyed_similarities, spelling_variant_keys, word_keys
from ..model import Entity, EntityList, Role
from ..normalize import (
    NAME_DOTS,
    TitleSet,
    folded_script,
    is_latin,
    normalize_cached,
    script_of,
    writes_unspaced,
)
from ..packed import KeyTable, PackedStrings, Ragged, StringIds, StringSet
from ..parts import PARTICLES, given_first, parse_person, parse_surname, without_patronymic
from ..places import (
    NAME_TABLES,
    PLACE_TABLES,
    NameRows,
    check_place_tables,
    english_place_names,
    exonyms,
    name_rows,
    packed_name_rows,
    place_word_groups,
    qualified_heads,
    specific_names,
    written_out_forms,
)
from ..romanize import han_characters
from .forms import (
    ACRONYM,
    FOREIGN,
    INITIALISM,
    STRONG,
    SURNAME,
    TIER_METHODS,
    WEAK,
    WHOLE,
    Clash,
    bare_forms,
    business_heads,
    derived_surnames,
    form_restriction,
    initialisms,
    joined_forms,
    native_forms,
    patronymic_forms,
)

__all__ = ["SCAN_WORDS", "FormTables"]

_SAME_SCRIPT = {"HIRAGANA": "KATAKANA"}
"""Scripts a reader takes for one where a name is matched as written (``written_in``)."""


def _as_read(script: str) -> str:
    """``script`` as a reader takes it (``_SAME_SCRIPT``): hiragana is katakana."""
    return _SAME_SCRIPT.get(script, script)


def _reading_script(text: str) -> str:
    """The script ``written_in`` files a name under: its first letter's, NFKC-folded, as read."""
    return _as_read(folded_script(text))


def _names_by_script(names: Iterable[str]) -> dict[str, frozenset[str]]:
    """One entity's entry of ``FormTables.named_in_scripts``: of ``names`` (its own, and those the
    place tables give it), the ones written in a script other than Latin, normalized, by script."""
    by_script: dict[str, set[str]] = {}
    for written in names:
        if written.isascii():
            continue
        script = _reading_script(written)
        form = normalize_cached(written)
        if form and script and script != "LATIN":
            by_script.setdefault(script, set()).add(form)
    return {script: frozenset(forms) for script, forms in by_script.items()}


SCAN_WORDS = 6
"""Longest span of running text, in words, that scanning asks about: names are shorter, and
the form-prefix set stays linear in the size of the forms."""

GIVEN_VARIANT_FLOOR = 0.88
"""Similarity at which a given name no group lists is read as another spelling of a listed one
("maggy" 0.89 to "maggie", "margaretta" 0.97 to "margareta"; "rosen" is no Rose, 0.8)."""

_MIN_PART = 3
"""Fewest letters of a gallery word read out of a query word written without its spaces (two
letter words, codes among them, split too many words by chance: "Bacú" is no "ba cu")."""
_MAX_RESPACINGS = 4
"""Respaced readings of one query searched at most (``FormTables.respaced``)."""

_P = TypeVar("_P", PackedStrings, Ragged, KeyTable, StringSet)


def packed(table: Any, packed_type: type[_P]) -> _P:
    """``table`` as ``packed_type`` packs it: as it is where it is packed already (read back)."""
    return table if isinstance(table, packed_type) else packed_type.build(table)


def _lengths(lengths: Sequence[int]) -> array[int]:
    """Word lengths as an array, as a stored index holds them."""
    return lengths if isinstance(lengths, array) else array("I", lengths)


def _word_holders(entities: Sequence[Entity]) -> Counter[str]:
    """How many entities hold each word among their forms and weak forms, normalized."""
    holders: Counter[str] = Counter()
    for entity in entities:
        holders.update({word for form in (*entity.forms, *entity.weak) for word in normalize_cached(form).split()})
    return holders


class FormTables:
    """Forms, claims and vocabulary of a set of entities; build once, read from many threads."""

    def __init__(self, entities: Sequence[Entity], titles: TitleSet) -> None:
        self.entities = entities if isinstance(entities, EntityList) else EntityList(entities)
        self.titles = titles
        # Lists and dicts where the tables were built, packed where they were read back.
        self.forms: Sequence[str] = []
        self.form_ids: Mapping[str, int] = {}
        self.form_tier: Sequence[int] = []
        self.form_owner: Sequence[tuple[int, ...]] = []
        """Form -> the entities that claim it in its tier (empty once every claimant excluded it)."""
        self._claimants: list[list[int]] = []
        """``form_owner`` while the tables are built (appending to a tuple would be quadratic)."""
        self.form_tokens: Sequence[tuple[int, ...]] = []
        """Form -> the ids of its words, in order."""
        self.vocab: Sequence[str] = []
        """Every word of every form, once."""
        self.vocab_ids: Mapping[str, int] = {}
        self.vocab_lengths: Sequence[int] = []
        """Letters in each word (read for every candidate form, which a packed vocabulary
        answers more slowly)."""
        self.keyed_vocab: Sequence[WordKeys] = []
        """Word -> its keys, which every comparison with it reads (``keys.word_keys``)."""
        self.postings: Sequence[Sequence[int]] = []
        """Word -> the forms that hold it, in order."""
        self._word_holders: Sequence[int] = []
        """Word -> how many entities hold it in some form (``word_rarity``)."""
        self.single_word: defaultdict[str, list[int]] | KeyTable = defaultdict(list)
        """Word -> forms that are that word alone, or with initials ("j trump")."""
        self.given: dict[str, tuple[tuple[str, ...], ...]] = {}
        """Given name -> the groups of equivalent names it belongs to."""
        self.place_tables: tuple[str, ...] = ()
        """The bundled place tables the gallery is given (``Resolver(place_names=...)``)."""
        self.place_words: dict[str, tuple[str, ...]] = {}
        """Word of a place name in another language -> the gallery's place words it stands for
        ("isole" -> "islands"; ``places.place_word_groups``)."""
        self.restricted: dict[int, int] = {}
        """Forms usable only by some queries: bit ACRONYM needs capitals (or a word no dictionary
        has), INITIALISM capitals, FOREIGN a non-Latin query."""
        self.han_written: dict[int, frozenset[str]] = {}
        """Forms every spelling of which is written in Han -> the characters of those spellings
        (``romanize.han_characters``): a query in Han resembles such a form only through one."""
        self._written_otherwise = bytearray()
        """Form -> 1 where some spelling of it is not written in Han alone (while the tables are built)."""
        self._read_from_latin = bytearray()
        """Per form while the tables are built: 1 once an alias file's spelling in Latin letters,
        or a form derived from the names, claims it."""
        self._scripts_written: dict[int, set[str]] = {}
        """Per form while the tables are built: the scripts of the spellings that claim it (the
        place tables' names, and the alias files' names in other scripts than Latin)."""
        self.written_scripts: dict[int, frozenset[str]] = {}
        """Forms that only the place tables' names, an alias file's names in other scripts than
        Latin, or the Latin spellings of those (``native_forms``) claim -> the scripts a query may
        be written in to match them as written (``written_in``)."""
        self.named_in_scripts: dict[int, dict[str, frozenset[str]]] = {}
        """Entity -> script other than Latin its names are written in -> those names, normalized
        (``named_otherwise``, ``is_own_name_in``)."""
        self._weak_in_other_scripts: dict[tuple[int, str], tuple[int, ...]] = {}
        """(Form, script) -> the entities that claim the form weak as written in that script,
        where it is strong as written in others (Oman; 오만 is "arrogance" in Korean)."""
        self._prefixes: AbstractSet[str] | None = None
        self.unspaced_forms: frozenset[str] = frozenset()
        """Forms as written in a script without spaces between words (习近平, トランプ), and the
        words of those a middle dot splits (ドナルド・トランプ), of two letters or more: the names a
        scan looks for inside a run of Chinese or Japanese text."""
        self._foreign_only: frozenset[int] | None = None
        self._joined_runs: dict[str, tuple[tuple[str, ...], ...]] | None = None
        self.excluded: dict[str, frozenset[int]] = {}
        self.clashes: list[Clash] = []
        self.particles: frozenset[str] = PARTICLES
        """Words that belong to the surname after them: ``parts.PARTICLES`` and the alias files'."""
        self.first_names: AbstractSet[str] = frozenset()
        """Words some person's name starts with, or that a given-name group lists."""
        self.short_targets: AbstractSet[str] = frozenset()
        """First words of person names that a short form no group lists may stand for."""
        self._roles: dict[str, tuple[Role, ...]] = {}
        """Person forms already parsed by ``name_roles``."""
        self._patronymic: dict[int, bool] = {}
        """People already asked ``has_patronymic``: a query with a patronymic asks it of every hit twice."""
        self._kind_words: dict[str, AbstractSet[str]] = {}
        """Kind -> words of the forms of entities of that kind, built on first use."""
        self._name_rows: dict[str, NameRows] = {}
        """Table -> ``places.name_rows``, packed, where the tables were stored (else the shared tables)."""

    def __getstate__(self) -> dict[str, object]:
        # Packed: as dicts and lists of strings and tuples, a million names' tables took 16 s to
        # read back (``packed``). A table that is packed already is as it was read.
        state = self.__dict__.copy()
        forms = packed(self.forms, PackedStrings)
        vocab = packed(self.vocab, PackedStrings)
        keyed = self.keyed_vocab
        state.update(
            forms=forms, form_tier=bytes(self.form_tier),
            form_ids=self.form_ids if isinstance(self.form_ids, StringIds) else StringIds.build(forms),
            form_owner=packed(self.form_owner, Ragged), form_tokens=packed(self.form_tokens, Ragged),
            vocab=vocab, postings=packed(self.postings, Ragged), vocab_lengths=_lengths(self.vocab_lengths),
            vocab_ids=self.vocab_ids if isinstance(self.vocab_ids, StringIds) else StringIds.build(vocab),
            keyed_vocab=keyed if isinstance(keyed, PackedWordKeys) else PackedWordKeys.build(vocab, keyed),
            single_word=packed(self.single_word, KeyTable),
            _prefixes=None if self._prefixes is None else packed(self._prefixes, StringSet),
            _joined_runs=self._joined_runs,
            first_names=packed(self.first_names, StringSet), short_targets=packed(self.short_targets, StringSet),
            _kind_words={kind: packed(words, StringSet) for kind, words in self._kind_words.items()})
        state["_name_rows"] = {table: rows if isinstance(rows := self._name_rows.get(table), KeyTable)
                               else packed_name_rows(table) for table in self.place_tables if table in NAME_TABLES}
        return state

    @classmethod
    def build(cls, entities: Sequence[Entity], titles: Iterable[str] = (),
              given_names: Iterable[Sequence[str]] = (), particles: Iterable[str] = (), *,
              place_names: Sequence[str] = PLACE_TABLES) -> FormTables:
        """Compile entities into tables; clashes are recorded, not raised. ``place_names``
        are the tables of other-language names its places are given (``places.exonyms``) and
        of the words of place names (``places.place_word_groups``)."""
        tables = cls(entities, TitleSet(titles))
        tables.particles = PARTICLES | {p for p in map(normalize_cached, particles) if p}
        for group in given_names:
            members = tuple(dict.fromkeys(n for n in map(normalize_cached, group) if n and " " not in n))
            for name in members:
                tables.given[name] = tables.given.get(name, ()) + (members,)
        excluded: dict[str, set[int]] = {}
        derived: set[str] = set()
        heads: list[tuple[str, int]] = []
        tables.place_tables = check_place_tables(place_names)
        place_exonyms = exonyms(tables.entities, place_names)
        english = english_place_names(tables.place_tables) if place_exonyms else frozenset()
        tables.place_words = place_word_groups(tables.entities, place_names)
        # A word some person goes by first is a given name, not half of a double surname.
        first_names = set(tables.given)
        person_first: set[str] = set()
        other_words: set[str] = set()
        for entity in tables.entities:
            if entity.kind == "person":
                words = given_first(normalize_cached(entity.name).split(), tables.given)
                if len(words) > 1:
                    person_first.add(words[0])
            else:
                for form in entity.forms:
                    other_words.update(normalize_cached(form).split())
        first_names |= person_first
        tables.first_names = frozenset(first_names)
        tables._join_spelling_variants(person_first)
        # Only a word that starts a person's name, and no place's or body's, is guessed at
        # from a short form: "Aus Street" is not Austin Street.
        tables.short_targets = frozenset(person_first - other_words)
        for e_idx, entity in enumerate(tables.entities):
            for form in entity.forms:
                tables._claim(normalize_cached(form), e_idx, STRONG, form_restriction(form), form)
            for form in entity.weak:
                tables._claim(normalize_cached(form), e_idx, WEAK, form_restriction(form), form)
            for surname in derived_surnames(entity, first_names, tables.particles):
                tables._claim(surname, e_idx, SURNAME, form_restriction(entity.name))
            for initials in initialisms(entity):
                derived.add(initials)
                tables._claim(initials, e_idx, WEAK, ACRONYM | INITIALISM)
            for joined, written in joined_forms(entity):
                derived.add(joined)
                tables._claim(joined, e_idx, WEAK, form_restriction(written))
            for bare, written, tier in bare_forms(entity):
                derived.add(bare)
                tables._claim(bare, e_idx, tier, form_restriction(written))
            heads.extend((head, e_idx) for head in business_heads(entity))
            native = native_forms(entity)
            for spelling, name in native.items():
                derived.add(spelling)
                tables._claim(spelling, e_idx, WEAK, 0, spelling_of=name)
            for form in patronymic_forms(entity, list(native), first_names):
                derived.add(form)
                tables._claim(form, e_idx, WEAK, 0)
            for written in (*written_out_forms(entity), *qualified_heads(entity), *specific_names(entity)):
                form = normalize_cached(written)
                derived.add(form)
                tables._claim(form, e_idx, WEAK, form_restriction(written), written)
            for name in place_exonyms.get(e_idx, ()):
                # Forms no entity lists: two countries sharing one is no clash of the alias files'.
                # A place's English names are read as an alias of its own would be, from any script
                # (Мумбаи for a gallery's Bombay); only its other names are matched as written.
                form = normalize_cached(name)
                derived.add(form)
                tables._claim(form, e_idx, WEAK, form_restriction(name), name, from_table=form not in english)
            for form in entity.exclude:
                excluded.setdefault(normalize_cached(form), set()).add(e_idx)
            # Its names were normalized just now, and are still in normalize_cached's memo.
            named = _names_by_script((*entity.forms, *entity.weak, *place_exonyms.get(e_idx, ())))
            if named:
                tables.named_in_scripts[e_idx] = named
        # An organisation's name without its business words names it where nothing else is called
        # so, and only as the whole query: a slip of "Resona" is likelier "Resonac" than Resona Holdings.
        # It needs a word of its own too: "World" of the World Bank is also the World Health
        # Organization's, and a word of English text.
        listed = set(tables.form_ids)
        holders = _word_holders(tables.entities) if heads else Counter()
        for head, e_idx in heads:
            if head not in listed and any(holders[word] == 1 for word in head.split()):
                derived.add(head)
                tables._claim(head, e_idx, WEAK, WHOLE)
        tables._weak_in_other_scripts = tables._weak_where_others_strong()
        tables.unspaced_forms = frozenset(
            word for e_idx, entity in enumerate(tables.entities)
            for form in (*entity.forms, *entity.weak, *place_exonyms.get(e_idx, ()))
            for word in NAME_DOTS.split(form) if len(word) > 1 and writes_unspaced(word))
        for form, owners in excluded.items():
            tables._unclaim(form, owners)
        tables.excluded = {form: frozenset(owners) for form, owners in excluded.items()}
        tables.form_owner = [tuple(claimants) for claimants in tables._claimants]
        tables.written_scripts = {f: frozenset(scripts) for f, scripts in tables._scripts_written.items()
                                  if not tables._read_from_latin[f]}
        tables._claimants, tables._written_otherwise = [], bytearray()
        tables._read_from_latin, tables._scripts_written = bytearray(), {}
        tables._index_words()
        tables.clashes = [
            Clash(form, TIER_METHODS[tables.form_tier[f]], tuple(tables.entities[e] for e in owner))
            for f, (form, owner) in enumerate(zip(tables.forms, tables.form_owner))
            if len(owner) > 1 and tables.form_tier[f] != SURNAME and form not in derived
        ]
        return tables

    def _claim(self, form: str, e_idx: int, tier: int, restriction: int, written: str = "", *,
               from_table: bool = False, spelling_of: str = "") -> None:
        """Record that entity ``e_idx`` claims ``form`` in ``tier``, as ``written`` (a spelling of
        one of its names, or ``from_table`` a name the place tables give it; empty for a form
        derived from them), or as the Latin spelling of its name ``spelling_of``."""
        if not form:
            return
        tiers = cast(list[int], self.form_tier)  # lists while the tables are built
        f = self.form_ids.get(form)
        if f is None:
            f = cast(dict[str, int], self.form_ids)[form] = len(self.forms)
            cast(list[str], self.forms).append(form)
            tiers.append(tier)
            self._claimants.append([e_idx])
            if restriction:
                self.restricted[f] = restriction
            self._written_otherwise.append(0)
            self._read_from_latin.append(0)
            self._note_writing(f, written, from_table, spelling_of)
            return
        self._note_writing(f, written, from_table, spelling_of)
        # A form is restricted only as far as every spelling that claims it is.
        if f in self.restricted:
            self.restricted[f] &= restriction
            if not self.restricted[f]:
                del self.restricted[f]
        if tier < tiers[f]:
            tiers[f] = tier
            self._claimants[f] = [e_idx]
        elif tier == tiers[f]:
            claimants = self._claimants[f]
            if claimants[-1] != e_idx:  # entities claim in order: a repeat is always the last one
                claimants.append(e_idx)

    def written_in(self, f: int, script: str) -> bool:
        """Whether a query in ``script`` may match form ``f`` as written: a form only the place
        tables' names, or an alias file's names in other scripts than Latin, claim is matched by a
        query in a script they write it in, not by one that romanizes alike (Georgia is "Jeoji" in
        one language, 저지 is Jersey in Korean; Tonga is Тонго in one, Τόγκο is Togo in Greek; Maine's
        Мэн reads "men" as Hindi's में, "in", does). ``script`` is ``normalize.script_of`` of the
        query folded by NFKC (Ｗｉｅｎ is Latin); hiragana and katakana count as one. A ``script``
        of '' passes every form: the scanner asks so while it finds the spans that the decision
        then weighs as written.

        >>> from namenorm.model import Entity
        >>> tables = FormTables.build([Entity("ge", "Georgia", "place"), Entity("me", "Maine", "place", aliases=("Мэн",))])
        >>> f = tables.form_ids["jeoji"]
        >>> tables.written_in(f, "LATIN"), tables.written_in(f, "HANGUL"), tables.written_in(f, "")
        (True, False, True)
        >>> tables.written_in(tables.form_ids["men"], "CYRILLIC"), tables.written_in(tables.form_ids["men"], "DEVANAGARI")
        (True, False)
        """
        scripts = self.written_scripts.get(f)
        return scripts is None or not script or _as_read(script) in scripts

    def named_otherwise(self, e_idx: int, script: str, last_word: str) -> bool:
        """Whether entity ``e_idx`` has a name written in ``script`` (a query's, as ``written_in``
        takes it) and none of them ends in ``last_word``: a query in that script that only reads
        like one of its names across scripts is then more likely someone else, by as much as the
        match model learned. Владимир Зеленский is Zelenskyy's Russian name, and Владимир
        Жириновский reads like it by consonant classes; 仙台 is Sendai's, and 京都 (Kyoto) reads like
        it in Mandarin. The words must be equal: an inflected surname (Зеленского) counts as another.

        >>> from namenorm.model import Entity
        >>> tables = FormTables.build([Entity("z", "Volodymyr Zelenskyy", "person", aliases=("Владимир Зеленский",))])
        >>> tables.named_otherwise(0, "CYRILLIC", "zhirinovskii"), tables.named_otherwise(0, "CYRILLIC", "zelenskii")
        (True, False)
        >>> tables.named_otherwise(0, "GREEK", "zelenski")
        False
        """
        names = self._names_in(e_idx, script)
        return names is not None and all(name.rpartition(" ")[2] != last_word for name in names)

    def is_own_name_in(self, e_idx: int, script: str, form: str) -> bool:
        """Whether ``form`` is, normalized, one of entity ``e_idx``'s names written in ``script``
        (as ``named_otherwise`` takes it): a query in that script is compared with it as spelled,
        not by how the two sound.

        >>> from namenorm.model import Entity
        >>> callas = FormTables.build([Entity("c", "Maria Callas", "person", aliases=("Μαρία Κάλλας", "Мария Каллас"))])
        >>> callas.is_own_name_in(0, "GREEK", "maria kallas"), callas.is_own_name_in(0, "GREEK", "mariia kallas")
        (True, False)
        >>> callas.is_own_name_in(0, "CYRILLIC", "mariia kallas"), callas.is_own_name_in(0, "LATIN", "maria callas")
        (True, False)
        """
        names = self._names_in(e_idx, script)
        return names is not None and form in names

    def _names_in(self, e_idx: int, script: str) -> frozenset[str] | None:
        """Entity ``e_idx``'s names written in ``script`` (``named_in_scripts``), None where it has none."""
        names = self.named_in_scripts.get(e_idx)
        return names.get(_as_read(script)) if names else None

    def _note_writing(self, f: int, written: str, from_table: bool, spelling_of: str) -> None:
        """Keep what the spellings that claim form ``f`` are written in: ``han_written`` to the
        forms every spelling of which is written in Han, and for ``written_scripts`` the scripts
        its spellings are written in and whether one in Latin letters claims it. The Latin
        spelling of a name in another script (``native_forms``: "men" of Maine's Мэн) is written
        in Latin letters and in that script, no other."""
        script = _reading_script(spelling_of or written) if spelling_of or written else ""
        if from_table or script not in ("", "LATIN"):
            self._scripts_written.setdefault(f, set()).update((script, "LATIN") if spelling_of else (script,))
        else:
            self._read_from_latin[f] = 1
        if self._written_otherwise[f]:
            return
        characters = han_characters(written)
        if characters:
            self.han_written[f] = self.han_written.get(f, frozenset()) | characters
        else:
            self._written_otherwise[f] = 1
            self.han_written.pop(f, None)

    def _join_spelling_variants(self, first_words: AbstractSet[str]) -> None:
        """A word a gallery person's name starts with that no group lists, but that spells a
        listed given name otherwise (``keys.spelling_variant_keys``, at least
        ``GIVEN_VARIANT_FLOOR`` alike, same first letter: "Margaretta", Margareta), joins that
        name's groups, so a query's "Daisy" finds Margaretta as it finds Margaret."""
        listed: dict[str, list[str]] = {}
        for name in self.given:
            for key in spelling_variant_keys(name):
                listed.setdefault(key, []).append(name)
        joined: dict[tuple[str, ...], list[str]] = {}
        for word in sorted(first_words - self.given.keys()):
            # Spellings of one name keep its first letter: "sharri" is no Harri.
            names = sorted({name for key in spelling_variant_keys(word) for name in listed.get(key, ())
                            if name[0] == word[0]})
            alike = keyed_similarities(word_keys(word), [word_keys(name) for name in names],
                                       score_cutoff=GIVEN_VARIANT_FLOOR)
            groups = (group for name, (similarity, _) in zip(names, alike) if similarity >= GIVEN_VARIANT_FLOOR
                      for group in self.given[name])
            for group in dict.fromkeys(groups):
                joined.setdefault(group, []).append(word)
        grown = {group: group + tuple(words) for group, words in joined.items()}
        given = {name: tuple(grown.get(group, group) for group in groups) for name, groups in self.given.items()}
        for group, words in joined.items():
            for word in words:
                given[word] = (*given.get(word, ()), grown[group])
        self.given = given

    def _unclaim(self, form: str, owners: set[int]) -> None:
        f = self.form_ids.get(form)
        if f is None:
            return
        self._claimants[f] = [e for e in self._claimants[f] if e not in owners]

    def _weak_where_others_strong(self) -> dict[tuple[int, str], tuple[int, ...]]:
        """(Form, script) pairs where some entity claims the form weak as written in that script and
        no entity claims it strong as written in it: a query in that script gets the weak claim,
        though the same letters are strong in Latin or kana (오만 is "arrogance" in Korean)."""
        strong: set[tuple[int, str]] = set()
        weak: dict[tuple[int, str], list[int]] = {}
        for e_idx, entity in enumerate(self.entities):
            for forms, is_weak in ((entity.forms, False), (entity.weak, True)):
                for form in forms:
                    f = self.form_ids.get(normalize_cached(form))
                    if f is None or is_latin(form):
                        continue
                    key = (f, script_of(form))
                    if not is_weak:
                        strong.add(key)
                    elif self.form_tier[f] == STRONG:
                        weak.setdefault(key, []).append(e_idx)
        return {key: tuple(dict.fromkeys(owners)) for key, owners in weak.items() if key not in strong}

    def _index_words(self) -> None:
        single_word: defaultdict[str, list[int]] = defaultdict(list)
        vocab: list[str] = []
        vocab_ids: dict[str, int] = {}
        postings: list[list[int]] = []
        form_tokens: list[tuple[int, ...]] = []
        for f, form in enumerate(self.forms):
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
                posting = postings[t]
                if not posting or posting[-1] != f:
                    posting.append(f)
                ids.append(t)
            form_tokens.append(tuple(ids))
        self.single_word, self.form_tokens = single_word, form_tokens
        self.vocab, self.vocab_ids, self.postings = vocab, vocab_ids, postings
        self.keyed_vocab = [word_keys(token) for token in vocab]
        self.vocab_lengths = [len(token) for token in vocab]
        owners = self.form_owner
        self._word_holders = array("I", (max(1, len({e for f in posting for e in owners[f]})) for posting in postings))

    # -- lookups -------------------------------------------------------------

    def owners(self, form: str, allowed: int = 0, script: str = "") -> tuple[int, tuple[int, ...]] | None:
        """Tier and claiming entities of an exact normalized form, or None.

        ``allowed`` holds the restriction bits the query passes (``query_allows``):
        a form written only as a short acronym ("CAN", "WHO") needs a query in
        capitals, so "can" and "who" stay words; a form written only in another
        script needs a query in another script, so the romanized Japanese for Laos
        ("raosu") is never a Latin word's match. A form only the place tables give
        needs a query in ``script`` they write it in (``written_in``).
        """
        f = self.form_ids.get(form)
        if f is None or self.restricted.get(f, 0) & ~allowed or not self.written_in(f, script):
            return None
        weak_here = self._weak_in_other_scripts.get((f, script)) if allowed & FOREIGN else None
        if weak_here:
            return WEAK, weak_here
        owners = self.form_owner[f]
        return (self.form_tier[f], owners) if owners else None

    def written_only_in_other_scripts(self, form: str) -> bool:
        """Whether every spelling that claims ``form`` is written in another script than Latin.

        >>> from namenorm.model import Entity
        >>> tables = FormTables.build([Entity("czechia", "Czechia", "place", aliases=("チェコ",))])
        >>> tables.written_only_in_other_scripts("cheko"), tables.written_only_in_other_scripts("czechia")
        (True, False)
        """
        f = self.form_ids.get(form)
        return f is not None and bool(self.restricted.get(f, 0) & FOREIGN)

    @property
    def foreign_only(self) -> frozenset[int]:
        """Entities with no form in the Latin script, which Latin queries reach only across scripts."""
        found = self._foreign_only
        if found is None:
            latin: set[int] = set()
            for f, owner in enumerate(self.form_owner):
                if not self.restricted.get(f, 0) & FOREIGN:
                    latin.update(owner)
            found = self._foreign_only = frozenset(range(len(self.entities))) - latin
        return found

    @property
    def prefixes(self) -> AbstractSet[str]:
        """Every form and every word-prefix of one, up to ``SCAN_WORDS`` words, for scanning text;
        built on first use."""
        found = self._prefixes
        if found is None:
            found = frozenset(
                " ".join(words[:k]) for words in (form.split(maxsplit=SCAN_WORDS) for form in self.forms)
                for k in range(1, min(len(words), SCAN_WORDS) + 1)
            )
            self._prefixes = found
        return found

    @cached_property
    def longest_form(self) -> int:
        """Most words in any form: no longer span of text can match."""
        return max((len(t) for t in self.form_tokens), default=0)

    @cached_property
    def unspaced_longest(self) -> int:
        """Letters in the longest of ``unspaced_forms`` (0 with none): how far a scan looks ahead
        inside a run of unspaced text."""
        return max(map(len, self.unspaced_forms), default=0)

    @property
    def form_count(self) -> int:
        """Number of distinct normalized forms."""
        return len(self.forms)

    def is_known_word(self, word: str, kind: str) -> bool:
        """Whether ``word`` is a word of a form of some entity of ``kind`` (for people, also a
        given name the name groups list): "Davis" is a known surname, "Purdue" a known
        organisation's word but no person's."""
        known = self._kind_words.get(kind)
        if known is None:
            of_kind = [entity.kind == kind for entity in self.entities]
            held: set[int] = set()
            for owners, tokens in zip(self.form_owner, self.form_tokens):
                if any(of_kind[e] for e in owners):
                    held.update(tokens)
            vocab = self.vocab
            found = {vocab[t] for t in held}
            if kind == "person":
                found.update(self.given)
            known = self._kind_words.setdefault(kind, frozenset(found))
        return word in known

    def respaced(self, words: Sequence[str]) -> list[tuple[str, ...]]:
        """The query words with a space that a typist added or left out put right, where that
        gives gallery words: "Mil ler" is "miller", "JohnSmith" is "john smith" (a word may be
        split in three: "vanderberg").

        Only a word the gallery lacks is split: into two or three of its words, none shorter
        than three letters, or into two or three words a form holds side by side, one of them
        of two letters ("Jongun" is the "jong un" of Kim Jong-un: ``joined_runs``). Two words are
        joined only when one of them is such a word.

        >>> tables = FormTables.build([Entity("m", "Robert Miller", "person"),
        ...                            Entity("v", "Pieter van der Berg", "person"),
        ...                            Entity("k", "Kim Jong-un", "person")])
        >>> tables.respaced(["robert", "mil", "ler"]), tables.respaced(["pieter", "vanderberg"])
        ([('robert', 'miller')], [('pieter', 'van', 'der', 'berg')])
        >>> tables.respaced(["kim", "jongun"]), tables.respaced(["kimjongun"]), tables.respaced(["kimun"])
        ([('kim', 'jong', 'un')], [('kim', 'jong', 'un')], [])
        """
        vocab = self.vocab_ids
        found: list[tuple[str, ...]] = []
        for i in range(len(words) - 1):
            joined = words[i] + words[i + 1]
            if joined in vocab and (words[i] not in vocab or words[i + 1] not in vocab):
                found.append((*words[:i], joined, *words[i + 2:]))
        for i, word in enumerate(words):
            if word not in vocab:
                splits = [*self._splits(word, 3), *self.joined_runs.get(word, ())]
                found.extend((*words[:i], *parts, *words[i + 1:]) for parts in dict.fromkeys(splits))
        return found[:_MAX_RESPACINGS]

    @property
    def joined_runs(self) -> Mapping[str, tuple[tuple[str, ...], ...]]:
        """Two or three words that some form holds side by side, one of them of two letters,
        written together -> those words: "jongun" -> ("jong", "un"), "hochiminh" -> ("ho", "chi",
        "minh"). A word of two letters is read out of a query word only where a form holds it
        next to the rest (``respaced``); built on first use."""
        found = self._joined_runs
        if found is None:
            vocab, lengths = self.vocab, self.vocab_lengths
            short = {t for t in range(len(vocab)) if 1 < lengths[t] < _MIN_PART}
            runs: dict[str, dict[tuple[str, ...], None]] = {}
            for tokens in self.form_tokens:
                if short.isdisjoint(tokens):
                    continue
                for size in (2, 3):
                    for start in range(len(tokens) - size + 1):
                        run = tokens[start:start + size]
                        if not short.isdisjoint(run):
                            words = tuple(vocab[t] for t in run)
                            runs.setdefault("".join(words), {})[words] = None
            found = self._joined_runs = {joined: tuple(split) for joined, split in runs.items()}
        return found

    def compounds(self, words: Sequence[str]) -> list[tuple[str, ...]]:
        """The query words with a word the gallery lacks read as a gallery word and a place word
        joined to it, as languages that write compounds join them ("Pitcairnøyene", "Cookinseln":
        ``places.place_word_groups``). Not a slip, as a space left out is (``respaced``): the
        place word stands for the English one at its own similarity.

        >>> tables = FormTables.build([Entity("pn", "Pitcairn Islands", "place")])
        >>> tables.compounds(["pitcairnoyene"]), tables.compounds(["pitcairn"])
        ([('pitcairn', 'oyene')], [])
        """
        if not self.place_words:
            return []
        vocab, places = self.vocab_ids, self.place_words
        return [(*words[:i], word[:cut], word[cut:], *words[i + 1:])
                for i, word in enumerate(words) if word not in vocab
                for cut in range(_MIN_PART, len(word) - _MIN_PART + 1)
                if word[:cut] in vocab and word[cut:] in places]

    def _splits(self, word: str, most: int) -> list[tuple[str, ...]]:
        """``word`` as two to ``most`` gallery words written together."""
        vocab = self.vocab_ids
        found: list[tuple[str, ...]] = []
        for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):
            head, tail = word[:cut], word[cut:]
            if head not in vocab:
                continue
            if tail in vocab:
                found.append((head, tail))
            elif most > 2:
                found.extend((head, *rest) for rest in self._splits(tail, most - 1))
        return found

    def word_rarity(self, word: str) -> float:
        """How rare a word is among the gallery's entities, in [0, 1]: 1.0 for a word one entity
        holds (or none), falling with the log of how many hold it ("john" is weak evidence).

        An inverse document frequency, scaled by the gallery's size so that it means the
        same in a gallery of a hundred names and of a million. It counts entities, not forms:
        Abidjan under ten spellings of its own is as rare as under one.
        """
        t = self.vocab_ids.get(word)
        holders = self._word_holders[t] if t is not None else 1
        size = len(self.entities)
        return 1.0 - math.log(holders) / math.log(size + 1) if size else 1.0

    def surname_too_short(self, f: int, words: int) -> bool:
        """Form ``f`` is a person's surname form with fewer words than a query of ``words`` words
        (initials and generational suffixes not counted): "Giorgos Papandreou" is no
        "Papandreou" with a word to spare, but compared with Andreas Papandreou's whole name,
        whose given name it does not share; a surname of as many words ("Aznar Lopes") is
        still one. Both searches, in Latin letters and across scripts, leave such forms out."""
        return words > 1 and self.form_tier[f] == SURNAME and len(self.form_tokens[f]) < words

    def has_patronymic(self, e_idx: int) -> bool:
        """Whether a person's name holds a patronymic (``parts.without_patronymic``): Mykola Ivanovych
        Petrenko is no Mykola Petrovych Petrenko, whatever their given name and surname."""
        found = self._patronymic.get(e_idx)
        if found is None:
            entity = self.entities[e_idx]
            found = self._patronymic[e_idx] = entity.kind == "person" and any(
                without_patronymic(normalize_cached(form).split(), self.first_names) for form in entity.forms)
        return found

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

    def name_rows(self, table: str) -> NameRows:
        """Every name of a table of ``places`` ("countries", "cities"), written as
        ``places.places_named`` reads a query."""
        rows = self._name_rows.get(table)
        return rows if rows is not None else name_rows(table)

    def complete(self) -> None:
        """Build every table that is otherwise built on first use (``Index.complete``)."""
        self.prefixes  # noqa: B018 (built on first read)
        for kind in sorted({entity.kind for entity in self.entities}):
            self.is_known_word("", kind)
        self.foreign_only  # noqa: B018
        self.joined_runs  # noqa: B018
