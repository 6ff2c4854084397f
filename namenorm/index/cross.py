"""Forms a name written in another script may be, found through their loanword keys.

A name read from Hangul, kana or Cyrillic keeps its consonants more faithfully
than its vowels: each form is filed under its loanword keys (``keys.loan_key`` of
each of ``keys.loan_spellings``) and their one-letter deletions, and a query finds the
forms within one edit of its own key, scored by ``keys.cross_script_similarity``. The
tables are built on the first query that needs them, one per reading (an English r kept
or dropped).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..keys import EVERY_SCRIPT, cross_script_similarity, deletions, loan_key, loan_spellings
from ..model import TokenPair
from ..packed import KeyTable
from .forms import TIER_TRUST
from .search import Hit
from .tables import FormTables, packed

__all__ = ["CrossScriptSearch"]

_REVERSE_CROSS_TRUST = 0.9
"""A Latin query matched to a name known only in another script is trusted less: every
Latin query may take that path, so it must not become a door for look-alikes."""
_MIN_LOAN_KEY = 2
"""Loanword keys shorter than this (one consonant) say too little to match on."""


class CrossScriptSearch:
    """The loanword-key tables of ``tables``' forms, and the search across scripts they serve."""

    def __init__(self, tables: FormTables) -> None:
        self.tables = tables
        self._loan_tables: dict[bool, dict[str, list[int]] | KeyTable] = {}

    def __getstate__(self) -> dict[str, object]:
        state = self.__dict__.copy()
        state["_loan_tables"] = {rhotic: packed(table, KeyTable) for rhotic, table in self._loan_tables.items()}
        return state

    def _loan_table(self, rhotic: bool) -> dict[str, list[int]] | KeyTable:
        """Loanword key (and its one-letter deletions) -> forms; built on the first cross-script query."""
        table = self._loan_tables.get(rhotic)
        if table is None:
            self.build_tables([rhotic])
            table = self._loan_tables[rhotic]
        return table

    def build_tables(self, readings: Sequence[bool] = (False, True)) -> None:
        """The loan tables of these readings (rhotic or not) not built yet, in one pass: both
        share the rewrites that are most of a loanword key's cost."""
        built: dict[bool, dict[str, list[int]]] = {rhotic: {} for rhotic in readings
                                                   if rhotic not in self._loan_tables}
        if not built:
            return
        for f, form in enumerate(self.tables.forms):
            for rhotic, table in built.items():
                keys = {loan_key(spelling, rhotic) for spelling in self._spellings(form, EVERY_SCRIPT)}
                filed: set[str] = set()
                for key in keys:
                    if len(key) >= _MIN_LOAN_KEY:
                        filed |= {key} | deletions(key)
                for k in filed:
                    table.setdefault(k, []).append(f)
        self._loan_tables.update(built)

    def _spellings(self, form: str, script: str) -> tuple[str, ...]:
        """How a gallery form may sound to a query in ``script`` (``keys.loan_spellings``): the
        English readings of a form written in Latin letters; a romanized form (哥伦比亚 "gelunbiya")
        sounds as read. The tables file every reading; each query weighs those of its own script."""
        return (form,) if self.tables.written_only_in_other_scripts(form) else loan_spellings(form, script)

    def candidates(self, form: str, *, rhotic: bool, spaced: bool = False) -> list[int]:
        """The forms ``hits`` weighs for a query, in order: those whose loanword key is within one
        edit of the query's (see there for ``spaced``); a scan asks it first to pass over a span
        no form can be read as."""
        key = loan_key(form, rhotic)
        if len(key) < _MIN_LOAN_KEY:
            return []
        table = self._loan_table(rhotic)
        forms: set[int] = set()
        for k in {key} | deletions(key):
            forms.update(table.get(k) or ())
        words = len(form.split())
        tables, written = self.tables, self.tables.forms
        # "Joe Manchin" has the consonants of "Johnson", but is not a surname alone.
        return [f for f in sorted(forms) if not tables.surname_too_short(f, words)
                and not (spaced and " " not in written[f])]

    def hits(self, form: str, *, rhotic: bool, latin_query: bool, vowels: bool = True,
             alphabet: bool = False, labials: bool = False, script: str = "", spaced: bool = False,
             score_cutoff: float = 0.0) -> list[Hit]:
        """Forms whose loanword key is within one edit of the query's, scored across scripts
        (``keys.cross_script_similarity``, whose ``vowels``, ``alphabet`` and ``labials`` these
        are) with each reading of the form the query's ``script`` may write
        (``keys.loan_spellings``); a hit's key pair shows the reading that scored.

        A Latin query is compared only with entities known solely in other
        scripts, so Latin-to-Latin matching never gets looser. A query written
        as several words (``spaced``, in a script that writes spaces) is not read
        as a one-word name: its writer put a word break where that name has none.
        """
        tables = self.tables
        foreign_only = tables.foreign_only
        if latin_query and not foreign_only:
            return []
        best: dict[int, Hit] = {}
        for f in self.candidates(form, rhotic=rhotic, spaced=spaced):
            tier = tables.form_tier[f]
            owners = tables.form_owner[f]
            if latin_query:
                owners = tuple(e for e in owners if e in foreign_only)
            if not owners:
                continue
            trust = TIER_TRUST[tier] * (_REVERSE_CROSS_TRUST if latin_query else 1.0)
            similarity, reading = max(
                ((cross_script_similarity(form, reading, rhotic, vowels, alphabet=alphabet, labials=labials,
                                          score_cutoff=score_cutoff / trust), reading)
                 for reading in self._spellings(tables.forms[f], script)),
                key=lambda scored: scored[0])  # the first of equals: the form as spelled
            score = trust * similarity
            if score < score_cutoff:
                continue
            pair = (TokenPair(loan_key(form, rhotic, alphabet, labials), loan_key(reading, rhotic, alphabet, labials),
                              score, "cross-script"),)
            for e_idx in owners:
                if e_idx not in best or score > best[e_idx].score:
                    best[e_idx] = Hit(e_idx, score, tables.forms[f], tier, pair, False, True)
        return sorted(best.values(), key=lambda h: (-h.score, h.entity))
