"""The marks names are written with where an apostrophe stands, in one place for every reader.

An apostrophe is typed in many ways: a backquote, a curly quote, the turned comma of Uzbek's oʻ
and gʻ, the modifier apostrophe of Wade-Giles' chʼi. Transliterations write more marks like one,
for a soft or hard sign or an ʿayn. Each reader folds the marks it reads to ``'``; a reader of
typed names (``alphabets``, ``mandarin``) reads fewer than ``romanize`` and ``normalize`` do.

>>> set(TYPED_APOSTROPHES) < set(APOSTROPHES)
True
"""

from __future__ import annotations

__all__ = ["APOSTROPHES", "TYPED_APOSTROPHES"]

TYPED_APOSTROPHES = "'`\u2018\u2019\u02bb\u02bc"
"""The apostrophe and the marks typed for it: the backquote, the curly quotes, the turned comma
(the Hawaiian ʻokina, Uzbek's oʻ and gʻ) and the modifier apostrophe."""
APOSTROPHES = TYPED_APOSTROPHES + "\u02b9\u02ba\u02be\u02bf\u2032"
"""Those, and the marks transliterations write like one, for a soft or hard sign (ISO 9's primes
ʹ ʺ, GOST 7.79's backquote) or an ʿayn; ``normalize.join_soft_signs`` reads them inside a word."""
