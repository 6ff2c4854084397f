"""A gallery compiled for lookup: its tables, and the searches that read them.

``Index.build`` compiles entities once into four parts, each with one job:

* ``tables`` (``FormTables``): every normalized form, who claims it in which tier,
  and the words forms are made of (``tables.py``; tiers and derived forms in ``forms.py``);
* ``words`` (``WordCandidates``): which gallery words a query word may be (``words.py``);
* ``search`` (``FormSearch``): forms similar to a query, found through their words
  (``search.py``);
* ``cross`` (``CrossScriptSearch``): forms a name in another script may be, by their
  loanword keys (``cross.py``).

The decision engine (``decide``) reads all four; nothing here decides.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Entity
from ..places import PLACE_TABLES
from .cross import CrossScriptSearch
from .forms import (
    ACRONYM,
    ACRONYM_LETTERS,
    FOREIGN,
    STRONG,
    SURNAME,
    TIER_METHODS,
    TIER_TRUST,
    WEAK,
    WHOLE,
    Clash,
    derived_surnames,
    form_spellings,
    initialisms,
    is_acronym,
    query_allows,
)
from .search import FormSearch, Hit, score_alignment
from .tables import SCAN_WORDS, FormTables
from .words import TOKEN_FLOOR, Candidates, WordCandidates

__all__ = [
    "ACRONYM",
    "ACRONYM_LETTERS",
    "FOREIGN",
    "SCAN_WORDS",
    "STRONG",
    "SURNAME",
    "TIER_METHODS",
    "TIER_TRUST",
    "TOKEN_FLOOR",
    "WEAK",
    "WHOLE",
    "Candidates",
    "Clash",
    "CrossScriptSearch",
    "FormSearch",
    "FormTables",
    "Hit",
    "Index",
    "WordCandidates",
    "derived_surnames",
    "form_spellings",
    "initialisms",
    "is_acronym",
    "query_allows",
    "score_alignment",
]


class Index:
    """The compiled parts of a gallery; build once, query from many threads.

    >>> index = Index.build([Entity("lagos", "Lagos", "place")])
    >>> index.tables.owners("lagos"), [h.form for h in index.search.hits(["lagoss"])]
    ((0, (0,)), ['lagos'])
    """

    def __init__(self, tables: FormTables) -> None:
        self.tables = tables
        self.words = WordCandidates.build(tables)
        self.search = FormSearch(tables, self.words)
        self.cross = CrossScriptSearch(tables)

    @classmethod
    def build(cls, entities: Sequence[Entity], titles: Iterable[str] = (),
              given_names: Iterable[Sequence[str]] = (), particles: Iterable[str] = (), *,
              place_names: Sequence[str] = PLACE_TABLES) -> Index:
        """Compile entities (``FormTables.build``) and file their words under their keys."""
        return cls(FormTables.build(entities, titles, given_names, particles, place_names=place_names))

    def complete(self) -> None:
        """Build every table that is otherwise built on first use, so that an index stored on disk
        carries them instead of each process that reads it building them again: the loanword
        keys of the bundled file take a second for each reading."""
        self.tables.complete()
        self.cross.build_tables()
