"""Helpers the benchmark scripts share: logging, formatting, and a snapshot of the code under test.

Each benchmark copies namenorm/ (with data/*.yaml laid out as in the wheel) to a temporary
directory before it starts and imports from there, so edits to the work tree during a long
run cannot mix code versions; the report records the git state and a hash of the copy.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from unidecode import unidecode

if TYPE_CHECKING:
    from namenorm.spelling import Transcription

Pair = TypeVar("Pair")

ROOT = Path(__file__).resolve().parent.parent
_T0 = time.perf_counter()


def log(msg: str) -> None:
    """A progress line on stderr, with the clock time and the seconds since the run began."""
    print(f"[{time.strftime('%H:%M:%S')} +{time.perf_counter() - _T0:5.0f}s] {msg}",
          file=sys.stderr, flush=True)


def pct(x: float | None) -> str:
    """A share as a fixed-width percentage ('-' when not measured)."""
    return "   -  " if x is None else f"{100 * x:5.1f}%"


def snapshot_sources(label: str) -> Path:
    """Copy namenorm/ and data/*.yaml (as namenorm/_data/, the wheel's layout) to a temp dir."""
    snap = Path(tempfile.mkdtemp(prefix=f"namenorm-bench-{label}-"))
    shutil.copytree(ROOT / "namenorm", snap / "namenorm", ignore=shutil.ignore_patterns("__pycache__"))
    for p in sorted((ROOT / "data").glob("*.yaml")):
        shutil.copy2(p, snap / "namenorm" / "_data" / p.name)
    return snap


def source_hash(pkg: Path) -> str:
    """Hash of a snapshot's Python sources and bundled data."""
    h = hashlib.sha256()
    for p in sorted(list(pkg.rglob("*.py")) + list((pkg / "_data").glob("*"))):
        if "__pycache__" in p.parts:
            continue
        h.update(str(p.relative_to(pkg)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


def source_hash_tree(label: str) -> str:
    """The same hash over the work tree now, to tell whether it changed during the run."""
    tmp = snapshot_sources(label)
    try:
        return source_hash(tmp / "namenorm")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def git_state() -> str:
    """Short HEAD, and whether namenorm/ or data/ has uncommitted changes."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "namenorm", "data"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
        return head + (" + uncommitted changes in namenorm/ or data/" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def versions(*packages: str) -> dict[str, str]:
    """Installed versions of the given packages, and Python's."""
    out = {}
    for pkg in packages:
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "not installed"
    out["python"] = sys.version.split()[0]
    return out


def start_run(label: str, script: str, argv: list[str] | None, seed: int,
              *packages: str) -> tuple[Path, dict[str, Any]]:
    """Snapshot the code under test, record where it came from, and import namenorm from the copy.

    Returns the snapshot directory (remove it at the end) and the run's environment record.
    """
    snap = snapshot_sources(label)
    env: dict[str, Any] = versions(*packages)
    env["git"] = git_state()
    env["source"] = source_hash(snap / "namenorm")
    env["seed"] = seed
    env["command"] = f"python bench/{script} " + " ".join(argv if argv is not None else sys.argv[1:])
    os.environ["NAMENORM_BENCH_SRC"] = str(snap)  # bench_core imports namenorm from here too
    sys.path.insert(0, str(snap))
    sys.path.insert(1, str(ROOT / "bench"))
    import namenorm
    assert Path(namenorm.__file__).resolve().is_relative_to(snap.resolve()), namenorm.__file__
    return snap, env


def run_footer(res: dict[str, Any], env: dict[str, Any]) -> list[str]:
    """The report's last lines: the run time, and a warning if the work tree changed meanwhile."""
    lines = ["", f"total runtime {res['runtime_s']:.0f}s"]
    if res.get("tree_changed"):
        lines.append(f"note: namenorm/ in the work tree changed while this ran; the figures are for the "
                     f"snapshot taken at the start (source hash {env['source']}).")
    return lines


def latin_letters(text: str) -> str:
    """The letters a-z of ``text`` folded to ASCII and lower case, nothing else: a Latin name as the
    transcription models align it ("Aberystwyth (Britain)" without its brackets is "aberystwyth")."""
    return re.sub(r"[^a-z]", "", unidecode(text).lower())


def fit_transcription(pairs: Sequence[Pair], align: Callable[[Transcription, Pair], tuple[float, list[str]]],
                      counted: Callable[[list[tuple[Pair, list[str]]]], Transcription], rounds: int, keep: float
                      ) -> tuple[Transcription, int]:
    """Hard EM over name pairs, as the Han and kana transcriptions are learned: align every pair at
    the model's shares (``align``: its log probability per unit and the run each unit writes, no
    runs where it cannot be aligned), count the runs of the best-aligned ``keep`` share of them
    (``counted``, which makes the next model), ``rounds`` times. The model and the pairs its last
    round counted."""
    model = counted([])
    kept = 0
    for round_ in range(rounds):
        aligned = []
        for pair in pairs:
            score, runs = align(model, pair)
            if runs:
                aligned.append((score, pair, runs))
        aligned.sort(key=lambda row: -row[0])
        kept = int(len(aligned) * keep)
        model = counted([(pair, runs) for _, pair, runs in aligned[:kept]])
        log(f"round {round_ + 1}: {kept} of {len(aligned)} aligned pairs counted")
    return model, kept


def write_transcription(out: Path, model: Transcription, about: list[str]) -> None:
    """The counts of a transcription model as ``namenorm.spelling.transcription`` reads them, the
    lines of ``about`` saying where they come from."""
    out.write_text(json.dumps({"about": about, **model.to_json()}, ensure_ascii=False, sort_keys=True,
                              separators=(",", ":")) + "\n", encoding="utf-8")
    log(f"wrote {len(model.characters)} units and {len(model.syllables)} syllables to {out.relative_to(ROOT)}")


def write_names_table(out: Path, header: list[str], rows: list[tuple[str, list[str]]]) -> None:
    """Write a generated table of names (``namenorm/_data/*_names.tsv``): ``header`` as comment
    lines, then one tab-separated row a place, its key first."""
    lines = [f"# {line}" for line in header]
    lines += ["\t".join([key, *names]) for key, names in rows]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(rows)} rows, {sum(len(n) for _, n in rows)} name fields")


def curated_names(path: Path) -> list[tuple[str, list[str]]]:
    """The rows of a curated names file (``data/*_exonyms.tsv``, ``data/*_english_names.tsv``):
    English name, then the other names."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            names = [" ".join(name.split()) for name in line.split("\t")]
            if any(not name or "|" in name for name in names):
                raise ValueError(f"{path}:{number}: an empty name or a '|' in a name")
            rows.append((names[0], names[1:]))
    return rows


def merged(rows: list[tuple[str, list[str]]], curated: list[tuple[str, list[str]]]
           ) -> list[tuple[str, list[str]]]:
    """A generated table's rows (key, English names joined by "|", other names) with the curated
    names added: to the row whose English names hold the curated one, else as a row of its own
    keyed "curated"."""
    out = [(key, list(names)) for key, names in rows]
    by_english = {english: names for _, names in out for english in names[0].split("|")}
    for english, others in curated:
        names = by_english.get(english)
        if names is None:
            out.append(("curated", list(dict.fromkeys([english, *others]))))
        else:
            names.extend(name for name in others if name not in names)
    return out


def curated_by_english(path: Path) -> dict[str, list[str]]:
    """A curated names file's lines (``curated_names``) by the English name each begins with; two
    lines that begin with one name are an error (the second would silently replace the first)."""
    lines = curated_names(path)
    by_english = dict(lines)
    if len(by_english) < len(lines):
        raise ValueError(f"{path}: an English name begins two lines; write its other names on one")
    return by_english


def without_errata(rows: list[tuple[str, list[str]]], path: Path) -> list[tuple[str, list[str]]]:
    """A generated table's rows without the other names a curated file (``data/*_errata.tsv``)
    lists as naming another place. A name the row does not hold is an error: the file would
    silently do nothing once the source is corrected, and should then lose that line."""
    wrong = {english: set(names) for english, names in curated_by_english(path).items()}
    out = []
    for key, names in rows:
        english = names[0].split("|")
        bad = set().union(*(wrong.pop(e, set()) for e in english))
        if not bad <= set(names[1:]):
            raise ValueError(f"{path}: {sorted(bad - set(names[1:]))!r} not among the names of {english[0]!r}")
        out.append((key, [names[0], *(n for n in names[1:] if n not in bad)]))
    if wrong:
        raise ValueError(f"{path}: no row's English names hold {sorted(wrong)!r}")
    return out


def with_english_names(rows: list[tuple[str, list[str]]], path: Path) -> list[tuple[str, list[str]]]:
    """A generated table's rows with a curated file's other English names (``data/*_english_names.tsv``)
    added to the English names of the row whose English names hold the file's first, and taken
    out of its other names. A first name no row holds is an error: the file would silently do nothing."""
    extra = curated_by_english(path)
    out = []
    for key, names in rows:
        english = names[0].split("|")
        added = [name for own in english for name in extra.pop(own, ())]
        if added:
            english = list(dict.fromkeys(english + added))
            names = ["|".join(english), *(name for name in names[1:] if name not in english)]
        out.append((key, names))
    if extra:
        raise ValueError(f"{path}: no row of the table has the English name {min(extra)!r}")
    return out


def with_curated(rows: list[tuple[str, list[str]]], path: Path) -> list[tuple[str, list[str]]]:
    """A generated table's rows with a curated file's names merged in (``merged``), and without the
    names that are common English words but for those the file vouches for."""
    curated = curated_names(path)
    return without_common_words(merged(rows, curated), {name for _, names in curated for name in names})


def without_common_words(rows: list[tuple[str, list[str]]], vouched: set[str]
                         ) -> list[tuple[str, list[str]]]:
    """The rows without the other-language names in Latin letters that English text writes as
    words or people's names ("End", India's name in one language; "Man", the Isle of Man's;
    "Cameron", Cameroon's; "Sam", Damascus'; "Marta", Malta's), which would turn prose into places,
    except those a curated file vouches for ("Kiev", "Roma", "Deutschland"). The words are the most
    frequent of English text, names left in, and the US Census's common given names and surnames
    (``build_lexicon.prose_words``), not the match model's common
    words, which leave names out so that a name that is also a word ("Grant") still counts as a
    name. The English names stay whatever they are ("Chad", "Turkey")."""
    from build_lexicon import prose_words

    from namenorm.normalize import is_latin, normalize_cached

    common = prose_words()
    out = []
    for key, names in rows:
        kept = [names[0], *(name for name in names[1:] if name in vouched
                            or not (is_latin(name) and normalize_cached(name) in common))]
        out.append((key, kept))
    left_out = sum(len(names) for _, names in rows) - sum(len(names) for _, names in out)
    print(f"left out {left_out} names that are common English words or names")
    return out
