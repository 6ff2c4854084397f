"""Which gallery words a query word may be: the candidates of one word, with their similarity.

Each word of the vocabulary is filed under its candidate keys (``keys.token_keys``:
deletions, phonetic and consonant keys; ``keys.loose_keys`` for slips those miss).
A query word is compared only with the words that share a key with it, and with
the given names of its group ("bill" for "william"), the names it may be a short
form of ("maddy" for "madison", "lina" for "angelina") and the place words it stands for in another
language ("isole" for "islands"). Nothing compares a query word with the whole
vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from ..keys import (
    DERIVED_WORD,
    SHORT_FORM,
    WordKeys,
    is_short_form,
    keyed_similarities,
    loose_keys,
    short_form_parts,
    short_form_stems,
    token_keys,
    word_keys,
)
from ..packed import KeyTable
from ..parts import FUNCTION_WORDS, GENERATIONAL
from .tables import FormTables, packed

__all__ = ["KNOWN_WORD_FACTOR", "NICKNAME", "PLACE_WORD", "TOKEN_FLOOR", "Candidates", "WordCandidates"]

TOKEN_FLOOR = 0.75
"""Token pairs less similar than this count as not aligned at all."""
NICKNAME = 0.92
"""Similarity of two given names of one group ("bill" / "william", "ned" / "edward")."""
PLACE_WORD = NICKNAME
"""Similarity of a word of a place name and the word another language writes for it ("isole" /
"islands", "sankt" / "saint"): as close as a nickname to its name."""
KNOWN_WORD_FACTOR = 0.95
"""A query word that is itself a known name word is less likely a misspelling of another:
"Markus" beside a gallery "Marius" is more often a different Markus."""
_CLOSE_ENOUGH = 0.9
"""A token with a partner this similar skips the loose keys."""
_MAX_LENGTH_GAP = 3
"""Tokens whose lengths differ by more are not compared (their similarity is below the floor)."""
_RECENT_TOKENS = 65536
"""Query tokens whose candidates are kept between queries."""

Candidates = dict[int, tuple[float, str]]
"""Vocabulary word id -> similarity to the query word and the key they share."""


class WordCandidates:
    """The key tables of a vocabulary, and the candidates and similarity of a query word."""

    def __init__(self, tables: FormTables) -> None:
        self.tables = tables
        self._keys: dict[str, list[int]] | KeyTable = {}
        """Candidate key (``keys.token_keys``, ``keys.loose_keys``) -> vocabulary words filed under it."""
        self._short_target_tokens = b""
        """Vocabulary word -> 1 where it is one of ``tables.short_targets`` (asked of every candidate)."""
        self._short_parts: dict[str, list[int]] | KeyTable = {}
        """Beginning or end of a first name (``keys.short_form_parts``) -> vocabulary words."""
        self._recent = lru_cache(maxsize=_RECENT_TOKENS)(self._candidates)

    @classmethod
    def build(cls, tables: FormTables) -> WordCandidates:
        """File each word of ``tables``' vocabulary under its keys."""
        words = cls(tables)
        keys: dict[str, list[int]] = {}
        for t, token in enumerate(tables.vocab):
            for key in token_keys(token) | loose_keys(token):
                keys.setdefault(key, []).append(t)
        short_parts: dict[str, list[int]] = {}
        for name in tables.short_targets:
            target = tables.vocab_ids.get(name)
            if target is not None:
                for part in short_form_parts(name):
                    short_parts.setdefault(part, []).append(target)
        words._keys, words._short_parts = keys, short_parts
        words._short_target_tokens = bytes(token in tables.short_targets for token in tables.vocab)
        return words

    def __getstate__(self) -> dict[str, object]:
        state = self.__dict__.copy()
        del state["_recent"]  # a memo of recent queries, and a wrapper pickle refuses
        state.update(_keys=packed(self._keys, KeyTable), _short_parts=packed(self._short_parts, KeyTable))
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._recent = lru_cache(maxsize=_RECENT_TOKENS)(self._candidates)

    def candidates(self, token: str, cache: dict[str, Candidates] | None = None) -> Candidates:
        """Vocabulary words close to ``token``, memoized in ``cache`` when given (one text's scan)
        and in a bounded cache shared by all queries (tokens such as first names recur)."""
        if cache is None:
            return self._recent(token)
        found = cache.get(token)
        if found is None:
            found = cache[token] = self._recent(token)
        return found

    def clear_query_cache(self) -> None:
        """Forget the candidates of recent query words (for cold-start timing)."""
        self._recent.cache_clear()

    def _candidates(self, token: str) -> Candidates:
        """Vocabulary words sharing a key with ``token``, with their similarity.

        The loose keys are consulted only when the strict ones found no partner
        at least ``_CLOSE_ENOUGH``, and words whose length differs by more than
        ``_MAX_LENGTH_GAP`` are never compared.
        """
        tables = self.tables
        vocab_ids, given_names = tables.vocab_ids, tables.given
        out: Candidates = {}
        own = vocab_ids.get(token)
        if own is not None:
            out[own] = (1.0, "")
        seen: set[int] = set(out)
        # A gallery word's keys were computed with the index.
        keyed_token = tables.keyed_vocab[own] if own is not None else word_keys(token)
        given = token in given_names
        for keys_of in (token_keys, loose_keys):
            if keys_of is loose_keys and out and max(s for s, _ in out.values()) >= _CLOSE_ENOUGH:
                break
            fresh: set[int] = set()
            for key in keys_of(token):
                bucket = self._keys.get(key)
                if bucket:
                    fresh.update(bucket)
            fresh -= seen
            seen |= fresh
            size, lengths, keyed = len(token), tables.vocab_lengths, tables.keyed_vocab
            targets = self._short_target_tokens
            # In a fixed order, so ties fall the same way in every process.
            near = [t for t in sorted(fresh) if abs(lengths[t] - size) <= _MAX_LENGTH_GAP]
            near_keys = [keyed[t] for t in near]
            scored = keyed_similarities(keyed_token, near_keys, score_cutoff=TOKEN_FLOOR)
            # Else _adjusted keeps 0.0; place words are added below, whatever their keys.
            kept = [(t, word_keys_t[0], found) for t, word_keys_t, found in zip(near, near_keys, scored)
                    if found[0] or given or targets[t]]
            adjusted = self._adjusted(token, [word for _, word, _ in kept], [found for _, _, found in kept])
            for (t, _, _), found in zip(kept, adjusted):
                if found[0]:
                    out[t] = found
        for group in given_names.get(token, ()):
            for name in group:
                member = vocab_ids.get(name)
                if member is not None and name != token and out.get(member, (0.0, ""))[0] < NICKNAME:
                    out[member] = (NICKNAME, "given name")
        for word in tables.place_words.get(token, ()):
            member = vocab_ids.get(word)
            if member is not None and out.get(member, (0.0, ""))[0] < PLACE_WORD:
                out[member] = (PLACE_WORD, "place word")
        if not given:
            for stem in short_form_stems(token):
                for member in self._short_parts.get(stem, ()):
                    if out.get(member, (0.0, ""))[0] < SHORT_FORM:
                        out[member] = (SHORT_FORM, "short form")
        return out

    def similarity(self, token: str, word: str) -> tuple[float, str]:
        """How a query word scores against a gallery word, and the key they share.

        ``keys.token_similarity``, less where the query word is itself a gallery
        word (``KNOWN_WORD_FACTOR``), at least ``NICKNAME`` for two given names of
        one group, ``SHORT_FORM`` for a short form and its name, ``PLACE_WORD`` for a place
        word and the word it stands for, and (0.0, "") below ``TOKEN_FLOOR``. Keyed candidates, pairs
        scored on demand and the brute-force reference all use it.
        """
        return self.keyed_similarity(word_keys(token), word)

    def keyed_similarity(self, token: WordKeys, word: str) -> tuple[float, str]:
        """``similarity`` of a query word whose keys are already computed."""
        t = self.tables.vocab_ids.get(word)
        keyed = self.tables.keyed_vocab[t] if t is not None else word_keys(word)
        found = keyed_similarities(token, (keyed,), score_cutoff=TOKEN_FLOOR)[0]
        return self._adjusted(token[0], (word,), (found,))[0]

    def _adjusted(self, token: str, words: Sequence[str], found: Sequence[tuple[float, str]]
                  ) -> list[tuple[float, str]]:
        """``similarity`` of a query word and each of ``words`` from their ``keys.keyed_similarities``
        (``found``), looking the query word up once.

        Those may be (0.0, "") for any pair below ``TOKEN_FLOOR``, since the given-name
        rules below raise such a pair to a fixed similarity whatever it was, and
        leave any other at (0.0, "").
        """
        initial = len(token) == 1
        known = token in self.tables.vocab_ids
        none = (0.0, "")
        out: list[tuple[float, str]] = []
        for word, (value, key), related in zip(words, found, self.name_relations(token, words)):
            if (word in GENERATIONAL and initial) or (
                    (token in GENERATIONAL or token in FUNCTION_WORDS) and len(word) == 1):
                # "J." is an initial of a name, never a "Jr.", either way round; a query's "and" is
                # never a name's "A.", though a name's "in" may be written "I." (Moon Jae-in).
                out.append(none)
                continue
            if value == DERIVED_WORD and not known and len(token) < len(word) and word.startswith(token):
                # "Robinso", a word the gallery lacks, is "Robinson" with its last letter dropped,
                # not a word "Robinson" was built on. (Where the gallery has both "Martin" and
                # "Martine", they stay apart; a query word that is some other name or a common
                # word is weighed as such by the match model.)
                value, key = keyed_similarities(word_keys(token), (word_keys(word),), endings=False)[0]
            if known and word != token:
                value *= KNOWN_WORD_FACTOR
            if value < related[0]:
                value, key = related
            out.append((value, key) if value >= TOKEN_FLOOR else none)
        return out

    def name_relation(self, token: str, word: str) -> tuple[float, str]:
        """The similarity two given names of one group, a short form and its name, or a place word
        and its English word have at least.

        ``_candidates`` skips this for a keyed pair that is neither a given name's nor a short
        form's, and adds place words after the keyed pairs: a rule added here must be added
        to its guard, or added there as place words are.
        """
        return self.name_relations(token, (word,))[0]

    def name_relations(self, token: str, words: Iterable[str]) -> list[tuple[float, str]]:
        """``name_relation`` of one query word and each of ``words``, looking the query word up
        once: a word no key paired is bounded against hundreds of words."""
        groups = self.tables.given.get(token)
        short_targets = self.tables.short_targets if groups is None else frozenset()
        places = self.tables.place_words.get(token, ())
        none = (0.0, "")
        out: list[tuple[float, str]] = []
        for word in words:
            if groups is not None and any(word in group for group in groups):
                out.append((NICKNAME, "given name"))
            elif word in short_targets and is_short_form(token, word):
                out.append((SHORT_FORM, "short form"))  # a given name is no short form of another
            elif word in places:
                out.append((PLACE_WORD, "place word"))
            else:
                out.append(none)
        return out
