"""Mine texts for new forms of known entities: what ``namenorm suggest`` prints.

A garbled name that a text writes again and again ("Rappensperger") costs a fuzzy search on
every reading and may fall under the threshold in the next text. This module scans texts at a
lower probability than ``resolve`` answers with, keeps the name-like spans that are not yet
forms of any entity but resolve fuzzily, almost resolve, or are claimed by several entities,
and groups them by the entity they are nearest, with counts, the probability and where they
were seen, ready to review and paste into an alias file (a YAML snippet) or to add with
``namenorm add``. Nothing here edits a file.
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .decide import EXACT_METHODS
from .model import Decision, Entity, Kind, Match
from .normalize import normalize_cached
from .resolver import Resolver
from .scanner import scan_with_questions

__all__ = ["SUGGEST_FLOOR", "Miner", "Suggestion", "add_commands", "yaml_snippet"]

SUGGEST_FLOOR = 0.5
"""Lowest probability a span needs to be suggested: more likely that entity than not. A span
several entities claim needs it for them together."""
_CONTEXT_CHARS = 40
"""Characters of text shown on each side of a sighting."""


@dataclass(frozen=True)
class Suggestion:
    """A form seen in text that is likely a new way of writing a known entity's name."""

    entity: Entity
    """The entity the form is nearest."""
    form: str
    """The form as first written in the text."""
    count: int
    """How many times the texts write it (any case, accents or spacing)."""
    score: float
    """The highest probability it got for ``entity``."""
    method: str
    """How it was found (``phonetic``, ``fuzzy``, ``cross-script``...), or ``ambiguous``."""
    seen: str
    """Where it was first seen: ``path:line: "...context..."``."""
    rivals: tuple[str, ...] = ()
    """For an ambiguous form, the other entities that claim it."""

    @property
    def weak(self) -> bool:
        """A misspelling belongs under ``weak:``; a reading in another script is an alias."""
        return self.method != "cross-script"


class Miner:
    """Collects suggestions over many texts.

    >>> from namenorm.model import Entity
    >>> miner = Miner(Resolver([Entity("brad-raffensperger", "Brad Raffensperger", "person")]))
    >>> miner.feed("Officials said Brad Rappensperger certified it. Brad Rappensperger said so.", "a.txt")
    >>> [(s.form, s.count) for s in miner.suggestions()]
    [('Brad Rappensperger', 2)]
    """

    def __init__(self, resolver: Resolver, *, min_score: float = SUGGEST_FLOOR, kind: Kind | None = None) -> None:
        self.resolver = resolver
        self.min_score = min_score
        self.kind = kind
        self._sources: set[str] = set()
        self._found: dict[tuple[str, str], Suggestion] = {}

    @property
    def texts(self) -> int:
        """How many distinct sources (``where``) were fed, for the report's header."""
        return len(self._sources)

    def feed(self, text: str, where: str = "<text>", first_line: int = 1, *, lines: bool = False) -> None:
        """Scan one text; ``where`` and ``first_line`` say where it comes from, for the report
        (a long file may come in several parts under one ``where``); ``lines`` as for
        ``Resolver.scan`` (no name runs from one line into the next)."""
        self._sources.add(where)
        mentions, questions = scan_with_questions(self.resolver.engine, text, kind=self.kind,
                                                  score_cutoff=self.min_score, lines=lines)
        for mention in mentions:
            if mention.match.method not in EXACT_METHODS:
                self._note(mention.match, mention.text, (), text, mention.start, mention.end, where, first_line)
        for start, end, decision in questions:
            best, rivals = _ambiguous(decision, self.min_score)
            if best is not None:
                self._note(best, text[start:end], rivals, text, start, end, where, first_line)

    def _note(self, match: Match, form: str, rivals: tuple[str, ...], text: str, start: int, end: int,
              where: str, first_line: int) -> None:
        norm = normalize_cached(form)
        if self.resolver.engine.index.tables.owners(norm, ~0) is not None:
            return  # already a form, exactly (a title or context made the scan weigh it)
        key = (match.id, norm)
        earlier = self._found.get(key)
        if earlier is None:
            line = first_line + text.count("\n", 0, start)
            self._found[key] = Suggestion(match.entity, form, 1, match.score,
                                          "ambiguous" if rivals else match.method,
                                          f"{where}:{line}: {_context(text, start, end)}", rivals)
        else:
            self._found[key] = replace(earlier, count=earlier.count + 1, score=max(earlier.score, match.score))

    def suggestions(self, min_count: int = 1) -> list[Suggestion]:
        """Every form seen at least ``min_count`` times, grouped by entity (most seen first)."""
        found = [s for s in self._found.values() if s.count >= min_count]
        seen_per_entity: dict[str, int] = {}
        for suggestion in found:
            seen_per_entity[suggestion.entity.id] = seen_per_entity.get(suggestion.entity.id, 0) + suggestion.count
        return sorted(found, key=lambda s: (-seen_per_entity[s.entity.id], s.entity.id, -s.count, s.form))


def _ambiguous(decision: Decision, floor: float) -> tuple[Match | None, tuple[str, ...]]:
    """The nearest candidate of a span several entities claim, and the others close to it, when
    together they reach ``floor``."""
    best = decision.matches[0]
    close = Decision.close_rivals(decision.matches)
    together = best.score + sum(m.score for m in close)
    return (best, tuple(m.id for m in close)) if close and together >= floor else (None, ())


def _context(text: str, start: int, end: int) -> str:
    """The sighting with a few words either side, on one line, quoted."""
    before = text[max(0, start - _CONTEXT_CHARS):start]
    after = text[end:end + _CONTEXT_CHARS]
    if start > _CONTEXT_CHARS:
        before = before.split(None, 1)[-1] if " " in before.strip() else before  # no cut word
    if end + _CONTEXT_CHARS < len(text):
        after = after.rsplit(None, 1)[0] if " " in after.strip() else after
    return json.dumps("..." + " ".join(f"{before}{text[start:end]}{after}".split()) + "...", ensure_ascii=False)


def yaml_snippet(suggestions: Iterable[Suggestion], texts: int = 0) -> str:
    """The suggestions as ``extends:`` entries to review and paste into an alias file."""
    from .edit import yaml_scalar  # yaml, imported only when a snippet is written

    read = f" from {texts} text{'s' if texts != 1 else ''}" if texts else ""
    lines = [f"# Suggested by namenorm suggest{read}: review each form before adding it.",
             "entities:"]
    by_entity: dict[str, list[Suggestion]] = {}
    for suggestion in suggestions:
        by_entity.setdefault(suggestion.entity.id, []).append(suggestion)
    for entity_id, found in by_entity.items():
        lines.append(f"  - extends: {entity_id}  # {found[0].entity.name}")
        for weak in (False, True):
            group = [s for s in found if s.weak == weak]
            if group:
                lines.append(f"    {'weak' if weak else 'aliases'}:")
                lines.extend(f"      - {yaml_scalar(s.form, flow=False)}  # {_why(s)}" for s in group)
    if not by_entity:
        lines.append("  []  # nothing to suggest")
    return "\n".join(lines) + "\n"


def _why(suggestion: Suggestion) -> str:
    rivals = f" with {', '.join(suggestion.rivals)}" if suggestion.rivals else ""
    return (f"{suggestion.count}x, p={suggestion.score:.2f} {suggestion.method}{rivals}; {suggestion.seen}")


def add_commands(suggestions: Iterable[Suggestion], file: str) -> str:
    """The suggestions as ``namenorm add`` command lines, one per entity and tier.

    >>> from namenorm.model import Entity
    >>> s = Suggestion(Entity("ryan-germany", "Ryan Germany", "person"), "Ryan Germanie", 2, 0.97, "phonetic", "")
    >>> print(add_commands([s], "my aliases.yaml"), end="")
    namenorm add ryan-germany 'Ryan Germanie' --weak --file 'my aliases.yaml'
    """
    grouped: dict[tuple[str, bool], list[str]] = {}
    for suggestion in suggestions:
        grouped.setdefault((suggestion.entity.id, suggestion.weak), []).append(suggestion.form)
    return "".join(
        f"namenorm add {shlex.quote(entity_id)} {' '.join(map(shlex.quote, forms))}"
        f"{' --weak' if weak else ''} --file {shlex.quote(file)}\n"
        for (entity_id, weak), forms in grouped.items())
