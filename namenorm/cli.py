"""The ``namenorm`` command line: resolve names, scan text, check and extend alias files.

Input is read a line at a time and every answer is written as soon as it is known, so the
command works in pipelines of any length and as a coprocess. Exit status: 0 on success; 1 when
``resolve -e`` leaves a name unresolved, ``check`` finds an error or a warning (a note too under
``--strict``) or ``add`` refuses a form; 2 on usage or unreadable alias files (the message goes
to stderr).
"""

from __future__ import annotations

import argparse
import bisect
import codecs
import gc
import io
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import BinaryIO, NoReturn, TextIO

from . import __version__, load
from .aliases import MAX_FILE_BYTES, files_to_load, form_places
from .errors import AliasFileError, NamenormError, RefusedEditError, place
from .keys import metaphone_key, skeleton_key
from .lint import Finding, PlaceFinder, from_issue
from .memory import paused_collection
from .model import KINDS, Decision, Match, Mention
from .progress import Progress
from .resolver import Resolver
from .scanner import rewrite_text
from .suggest import SUGGEST_FLOOR, Miner, add_commands, yaml_snippet

__all__ = ["main"]


def _input_lines(stream: BinaryIO, name: str, encoding: str | None) -> Iterator[str]:
    """The lines of ``stream`` as they arrive, without line ends, each decoded on its own.

    Without an encoding: UTF-16 when the input starts with its byte-order mark, else UTF-8,
    and a line that is not valid UTF-8 is read as Latin-1 with a warning naming it. With one,
    undecodable bytes become U+FFFD, with a warning.
    """
    start = stream.peek(4)[:4] if hasattr(stream, "peek") else b""
    if encoding is None and start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    if encoding is not None and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
        # A wide encoding: its line ends are not the byte 0x0A, so let a text reader find them.
        text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline=None)
        try:
            for number, line in enumerate(text, 1):
                if "\ufffd" in line:
                    _warn(f"{name}:{number}: bytes not valid in {encoding} were replaced")
                yield line.rstrip("\n").lstrip("\ufeff") if number == 1 else line.rstrip("\n")
        finally:
            text.detach()  # the wrapper would close the stream it borrowed (stdin) when collected
        return
    warned_nul = False
    for number, raw in enumerate(stream, 1):
        raw = raw.rstrip(b"\r\n")
        if number == 1 and encoding is None:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        if b"\0" in raw and encoding is None and not warned_nul:
            warned_nul = True
            _warn(f"{name}:{number}: holds NUL bytes: UTF-16 without a byte-order mark? (choose with --encoding)")
        try:
            yield raw.decode(encoding or "utf-8")
        except UnicodeDecodeError:
            if encoding is None:
                _warn(f"{name}:{number}: not valid UTF-8; read as Latin-1 (choose with --encoding)")
                yield raw.decode("latin-1")
            else:
                _warn(f"{name}:{number}: bytes not valid in {encoding} were replaced")
                yield raw.decode(encoding, errors="replace")


def _print_error(exc: NamenormError) -> None:
    for line in str(exc).splitlines():  # each line its own, so editors can jump to every place
        print(f"namenorm: {line}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"namenorm: warning: {message}", file=sys.stderr)


def _names(args: argparse.Namespace) -> Iterator[tuple[str, bool]]:
    """Each name to resolve, and whether it came from standard input (so is streamed)."""
    for arg in args.names or ["-"]:
        if arg == "-":
            for line in _input_lines(sys.stdin.buffer, "<stdin>", args.encoding):
                yield line.strip(), True
        else:
            yield arg, False


def _probability(text: str) -> float:
    """An argparse type: a probability in (0, 1]."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 < value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be a probability in (0, 1], got {text}")
    return value


def _positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {text}")
    return value


def _encoding(text: str) -> str:
    """An argparse type: the name of a text encoding Python knows."""
    try:
        info = codecs.lookup(text)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding: {text!r}") from None
    if not getattr(info, "_is_text_encoding", True):  # base64, hex, zlib: bytes to bytes
        raise argparse.ArgumentTypeError(f"not a text encoding: {text!r}")
    return info.name


def _resolver(args: argparse.Namespace) -> Resolver:
    with _lasting(args.owns_process):
        return load(*(args.aliases or ()), with_default=args.with_default, max_bytes=args.max_bytes,
                    cache=False if args.no_cache else None)


@contextmanager
def _lasting(until_exit: bool) -> Iterator[None]:
    """Objects made inside live until the process ends (``until_exit``): they are moved out of
    the garbage collector's sight (gc.freeze) instead of being walked all at once for nothing
    right after, which was a tenth of a cached call on the bundled file."""
    if not until_exit:
        yield
        return
    with paused_collection():
        try:
            yield
        finally:
            gc.freeze()  # before the collector is back on


def _match_record(query: str, match: Match | None) -> dict[str, object]:
    return {"query": query, "id": None} if match is None else {"query": query, **match.to_dict()}


def _display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: Hangul, kana and Han take two, combining marks none."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def _print_table(rows: Iterable[list[str]], out: TextIO) -> None:
    rows = list(rows)
    if not rows:
        return
    widths = [max(_display_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    out.writelines("  ".join(cell + " " * (w - _display_width(cell)) for cell, w in zip(row, widths)).rstrip()
                   + "\n" for row in rows)


class _Table:
    """Rows in columns as wide as the widest cell so far: aligned when every row is known first
    (``fit``), and still one complete line a row when rows stream in."""

    def __init__(self, out: TextIO, header: list[str]) -> None:
        self.out = out
        self.widths = [0] * len(header)
        self.header = header
        self.started = False

    def fit(self, rows: Iterable[list[str]]) -> None:
        for row in rows:
            self.widths = [max(w, _display_width(cell)) for w, cell in zip(self.widths, row)]

    def write(self, row: list[str]) -> None:
        if not self.started:
            self.started = True
            self.write(self.header)
        self.fit([row])
        cells = (cell + " " * (w - _display_width(cell)) for cell, w in zip(row, self.widths))
        self.out.write("  ".join(cells).rstrip() + "\n")


def _progress(args: argparse.Namespace, what: str) -> Progress:
    """A progress line on stderr while the output goes elsewhere (a file, a pipe) and stderr is
    a terminal, unless --no-progress."""
    return Progress(what, shown=sys.stderr.isatty() and not sys.stdout.isatty() and not args.no_progress)


_MEMO = 100_000
"""Distinct names whose decisions a streamed ``resolve`` remembers (a list repeats its names)."""


def _cmd_resolve(args: argparse.Namespace, out: TextIO) -> int:
    resolver = _resolver(args)
    names: Iterable[tuple[str, bool]] = _names(args)
    header = ["QUERY", "ID", "NAME", "KIND", "SCORE", "METHOD"]
    table = None if args.json or args.tsv else _Table(out, header)
    if table is not None and args.names and "-" not in args.names:
        names = list(names)  # all given on the command line: align the table on every row
        table.fit([name, *_cells(resolver.resolve(name, kind=args.kind))[1:]] for name, _ in names)
    if args.tsv:
        out.write("\t".join(h.lower() for h in header) + "\n")
    memo: dict[str, Decision] = {}
    unresolved = False
    with _progress(args, "names") as progress:
        for name, streamed in names:
            unresolved |= _resolve_one(resolver, name, streamed, memo, table, args, out)
            progress.advance()
    return 1 if args.fail and unresolved else 0


def _resolve_one(resolver: Resolver, name: str, streamed: bool, memo: dict[str, Decision], table: _Table | None,
                 args: argparse.Namespace, out: TextIO) -> bool:
    """Write the record of one input line; whether it held a name left unresolved."""
    decision = memo.get(name)
    if decision is None:
        if len(memo) >= _MEMO:
            memo.clear()
        decision = memo[name] = resolver.decide(name, kind=args.kind)
    if args.candidates:
        found = resolver.candidates(name, limit=args.candidates, kind=args.kind) if name else []
        _write_candidates(out, name, found, args)
    elif args.json:
        record = _match_record(name, decision.winner)
        if args.explain:
            record["explain"] = decision.explain()
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif args.tsv:
        out.write("\t".join(_cells(decision.winner, name)).replace("\n", " ") + "\n")
    else:
        assert table is not None
        table.write(_cells(decision.winner, name))
    if args.explain and not args.json:
        out.write(_indent(decision.explain()) + "\n")
    if streamed:
        out.flush()  # a coprocess that wrote one name waits for its answer
    return bool(name) and decision.winner is None


def _cells(match: Match | None, query: str = "") -> list[str]:
    if match is None:
        return [query, "-", "(no confident match)", "", "", ""]
    return [query, match.id, match.name, match.kind, f"{match.score:.2f}", match.method]


def _write_candidates(out: TextIO, name: str, found: Sequence[Match], args: argparse.Namespace) -> None:
    if args.json:
        out.write(json.dumps({"query": name, "candidates": [_match_record(name, m) for m in found]},
                             ensure_ascii=False) + "\n")
    elif args.tsv:
        out.writelines("\t".join(_cells(m, name)) + "\n" for m in found)
    else:
        out.write(f"{name}\n")
        _print_table(([f"  {m.score:.2f}", m.id, m.name, m.kind, m.method] for m in found), out)


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" for line in text.splitlines())


_BLOCK_LINES = 2_000
"""Most lines scanned together: a blank line ends a block sooner. Names never span lines here,
so a block ends anywhere without cutting one; within a block the text is one document (a
bare surname links to the full name a few lines up)."""


def _blocks(lines: Iterable[str]) -> Iterator[list[str]]:
    """Runs of lines, each ending at a blank line or at ``_BLOCK_LINES``."""
    block: list[str] = []
    for line in lines:
        block.append(line)
        if not line.strip() or len(block) >= _BLOCK_LINES:
            yield block
            block = []
    if block:
        yield block


def _text_blocks(stream: BinaryIO, name: str, encoding: str | None) -> Iterator[tuple[int, int, str, int]]:
    """Each block of the input as one text, with the line and character offset it starts at
    and the number of lines it holds."""
    first_line, offset = 1, 0
    for block in _blocks(_input_lines(stream, name, encoding)):
        text = "\n".join(block)
        yield first_line, offset, text, len(block)
        first_line += len(block)
        offset += len(text) + 1


def _cmd_scan(args: argparse.Namespace, out: TextIO) -> int:
    resolver = _resolver(args)
    return _each_file(args.files, lambda stream, name: _scan_stream(resolver, stream, name, args, out))


def _each_file(names: Iterable[str], read: Callable[[BinaryIO, str], None]) -> int:
    """``read`` each named file (``-`` is stdin) with the name to show; 2 when one cannot be opened."""
    for name in names:
        try:
            stream = sys.stdin.buffer if name == "-" else open(name, "rb")  # noqa: SIM115 (closed below)
        except OSError as exc:
            print(f"namenorm: {name}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        try:
            read(stream, "<stdin>" if name == "-" else name)
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
    return 0


def _cmd_suggest(args: argparse.Namespace, out: TextIO) -> int:
    miner = Miner(_resolver(args), min_score=args.min_score, kind=args.kind)

    def read(stream: BinaryIO, name: str) -> None:
        for first_line, _, text, _ in _text_blocks(stream, name, args.encoding):
            miner.feed(text, name, first_line, lines=True)

    status = _each_file(args.files, read)
    found = miner.suggestions(args.min_count)
    out.write(add_commands(found, args.add) if args.add else yaml_snippet(found, miner.texts))
    return status


def _scan_stream(resolver: Resolver, stream: BinaryIO, name: str, args: argparse.Namespace, out: TextIO) -> None:
    with _progress(args, "lines") as progress:
        for first_line, offset, text, lines in _text_blocks(stream, name, args.encoding):
            mentions = resolver.scan(text, kind=args.kind, min_score=args.min_score, lines=True)
            if args.rewrite:
                out.write(rewrite_text(text, mentions) + "\n")
            else:
                _write_mentions(out, name, (first_line, offset), text, mentions, args.json)
            out.flush()
            progress.advance(lines)


def _write_mentions(out: TextIO, name: str, where: tuple[int, int], text: str, mentions: Sequence[Mention],
                    as_json: bool) -> None:
    """Each mention as ``FILE:LINE:COLUMN`` (from 1, in characters) and its match; ``where`` is
    the block's first line and its character offset in the input (lines ending in one newline)."""
    first_line, offset = where
    starts = [0]
    starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
    for m in mentions:
        row = bisect.bisect_right(starts, m.start) - 1
        line, column = first_line + row, m.start - starts[row] + 1
        if as_json:
            record = {"file": name, "line": line, "column": column, "start": offset + m.start,
                      "end": offset + m.end, "text": m.text, **_match_record(m.text, m.match)}
            del record["query"]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            out.write(f"{name}:{line}:{column}\t{m.text}\t{m.match.id}\t{m.match.score:.2f}\t{m.match.method}\n")


def _cmd_explain(args: argparse.Namespace, out: TextIO) -> int:
    resolver = _resolver(args)
    places: PlaceFinder | None = None  # read on the first answer that has a form to point at
    for name, _ in _names(args):
        decision = resolver.decide(name, kind=args.kind)
        out.write(f"{decision.explain()}\n")
        words = decision.form.split()
        if words:
            out.write(f"  normalized: {decision.form!r}; keys: "
                      + ", ".join(f"{w} {metaphone_key(w) or '-'}/{skeleton_key(w) or '-'}" for w in words)
                      + " (Metaphone/sound classes)\n")
        winner = decision.winner
        if winner is not None:
            out.write(f"  {winner.id} is defined at {winner.entity.source}")
            if winner.method in ("exact", "weak"):
                if places is None:
                    files = files_to_load(args.aliases or [], args.with_default)
                    places = PlaceFinder(form_places(files, max_bytes=args.max_bytes))
                written, path, line, column = places.of(winner.entity, winner.form, weak=winner.method == "weak")
                out.write(f"; its form {written!r} is written at {place(path, line, column)}")
            out.write("\n")
        out.flush()
    return 0


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    files = files_to_load(args.files, args.with_default)
    try:
        resolver = load(*args.files, with_default=args.with_default, max_bytes=args.max_bytes,
                        cache=False if args.no_cache else None)
    except AliasFileError as err:
        _write_findings([from_issue(issue) for issue in err.issues], args, out)
        return 1 if all(issue.readable for issue in err.issues) else 2
    if args.list:  # the ids alone, one a line, for other tools to read
        out.writelines(f"{entity.id}\t{entity.kind}\t{entity.name}\n" for entity in resolver)
        return 0
    findings = resolver.check(files, max_bytes=args.max_bytes)
    _write_findings(findings, args, out)
    if not args.json:
        counts = {severity: sum(f.severity == severity for f in findings) for severity in ("error", "warning", "note")}
        out.write(f"{len(resolver)} entities, {resolver.index.tables.form_count} forms: "
                  + ", ".join(f"{n} {severity}{'s' if n != 1 else ''}" for severity, n in counts.items()) + "\n")
    return 1 if any(f.severity != "note" or args.strict for f in findings) else 0


def _write_findings(findings: Iterable[Finding], args: argparse.Namespace, out: TextIO) -> None:
    out.writelines((json.dumps(finding.to_dict(), ensure_ascii=False) if args.json else str(finding)) + "\n" for finding in findings)


def _cmd_add(args: argparse.Namespace, out: TextIO) -> int:
    from .edit import add_forms  # only this command edits files (and needs yaml's node tree)

    try:
        result = add_forms(args.file, args.id, args.forms, weak=args.weak, name=args.name, kind=args.kind,
                           force=args.force, with_default=args.with_default)
    except RefusedEditError as exc:  # the file is fine, the forms are not: exit 1, as check's findings
        _print_error(exc)
        return 1
    out.write(f"{result}\n")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="namenorm", description="Resolve misspelled and transliterated names to the entities of an alias file.")
    parser.add_argument("--version", action="version", version=f"namenorm {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def alias_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--aliases", action="append", metavar="FILE",
                       help="alias file to use instead of the bundled one (repeatable, merged in order)")
        p.add_argument("--with-default", action="store_true",
                       help="load the bundled alias file first and add --aliases files to it")
        max_bytes(p)

    def max_bytes(p: argparse.ArgumentParser) -> None:
        p.add_argument("--max-bytes", type=_positive, default=MAX_FILE_BYTES, metavar="N",
                       help=f"largest alias file read (default {MAX_FILE_BYTES:,})")
        p.add_argument("--no-progress", action="store_true",
                       help="no progress line on stderr (shown when stderr is a terminal and stdout is not)")
        p.add_argument("--no-cache", action="store_true",
                       help="parse the alias files even when a compiled copy is cached (see NAMENORM_NO_CACHE)")

    def encoding(p: argparse.ArgumentParser) -> None:
        p.add_argument("--encoding", type=_encoding, metavar="NAME",
                       help="input encoding (default: UTF-8, or UTF-16 after its byte-order mark)")

    p = sub.add_parser("resolve", help="resolve names to entities")
    p.add_argument("names", nargs="*", metavar="NAME",
                   help="names to resolve; none, or '-', reads one a line from stdin")
    alias_options(p)
    encoding(p)
    p.add_argument("--kind", choices=KINDS, help="only consider entities of this kind")
    output = p.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print JSON lines")
    output.add_argument("--tsv", action="store_true", help="print tab-separated values with a header line")
    p.add_argument("--candidates", type=_positive, metavar="N", default=0, help="list up to N candidates per name")
    p.add_argument("--explain", action="store_true", help="say why each name was matched or left out")
    p.add_argument("-e", "--fail", action="store_true", help="exit 1 when any name is left unresolved")
    p.set_defaults(run=_cmd_resolve)

    p = sub.add_parser("scan", help="find names in text files")
    p.add_argument("files", nargs="*", metavar="FILE", default=["-"],
                   help="text files; none, or '-', reads stdin")
    alias_options(p)
    encoding(p)
    p.add_argument("--kind", choices=KINDS, help="only report entities of this kind")
    p.add_argument("--min-score", type=_probability, default=None,
                   help="only report mentions whose probability is at least this (default: the threshold)")
    p.add_argument("--json", action="store_true", help="print JSON lines")
    p.add_argument("--rewrite", action="store_true", help="print the text with names corrected")
    p.set_defaults(run=_cmd_scan)

    p = sub.add_parser("explain", help="every candidate of a name, its probability, and why it won or not")
    p.add_argument("names", nargs="*", metavar="NAME", help="names to explain; none, or '-', reads stdin")
    alias_options(p)
    encoding(p)
    p.add_argument("--kind", choices=KINDS, help="only consider entities of this kind")
    p.set_defaults(run=_cmd_explain)

    p = sub.add_parser("suggest", help="mine texts for new forms of known entities, to review and add")
    p.add_argument("files", nargs="*", metavar="FILE", default=["-"], help="text files; none, or '-', reads stdin")
    alias_options(p)
    encoding(p)
    p.add_argument("--kind", choices=KINDS, help="only suggest forms of entities of this kind")
    p.add_argument("--min-score", type=_probability, default=SUGGEST_FLOOR,
                   help=f"lowest probability suggested (default {SUGGEST_FLOOR}: more likely than not)")
    p.add_argument("--min-count", type=_positive, default=1, metavar="N", help="only forms seen at least N times")
    p.add_argument("--add", metavar="FILE", help="print `namenorm add` commands for FILE instead of YAML")
    p.set_defaults(run=_cmd_suggest)

    p = sub.add_parser("check", help="lint alias files: errors, forms claimed twice, likely confusions")
    p.add_argument("files", nargs="*", metavar="FILE", help="alias files (default: the bundled one)")
    p.add_argument("--with-default", action="store_true", help="check the files on top of the bundled one")
    max_bytes(p)
    p.add_argument("--json", action="store_true", help="print each finding as a JSON line")
    p.add_argument("--list", action="store_true", help="list every entity id, kind and name instead")
    p.add_argument("--strict", action="store_true", help="exit 1 on notes too, not only on errors and warnings")
    p.set_defaults(run=_cmd_check)

    p = sub.add_parser("add", help="add forms to an entity of your alias file, keeping the rest as written")
    p.add_argument("id", metavar="ID", help="the entity's id")
    p.add_argument("forms", nargs="+", metavar="FORM", help="forms to add")
    p.add_argument("--file", required=True, metavar="FILE", help="the alias file to edit")
    p.add_argument("--weak", action="store_true", help="add the forms to weak: instead of aliases:")
    p.add_argument("--name", help="create ID with this name when the file does not define it")
    p.add_argument("--kind", choices=KINDS, help="the kind of an entity created (default other)")
    p.add_argument("--force", action="store_true", help="add forms that another entity already claims")
    p.add_argument("--with-default", action="store_true",
                   help="also refuse forms that the bundled file gives another entity")
    p.set_defaults(run=_cmd_add)
    return parser


def main(argv: Sequence[str] | None = None, *, owns_process: bool = False) -> int:
    """Run the command line; returns the exit status.

    Args:
        argv: the arguments (default: the process's own).
        owns_process: the process ends when this returns, as for the ``namenorm`` command:
            the loaded gallery is kept out of the garbage collector's sight until then.
    """
    parser = _parser()
    args = parser.parse_args(argv)
    args.owns_process = owns_process
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            # A name the terminal's encoding cannot show is escaped, never a crash.
            stream.reconfigure(errors="backslashreplace")
    out = sys.stdout
    try:
        return int(args.run(args, out))
    except NamenormError as exc:
        _print_error(exc)
        return 2
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, like other Unix tools.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130


def run() -> NoReturn:
    """The ``namenorm`` command: ``main``, then an exit that leaves the loaded gallery to the
    operating system instead of freeing it object by object, which took a cached call on the
    bundled file a quarter of its time. Output is flushed first; nothing else is pending then."""
    status = main(owns_process=True)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader went away; there is no one left to tell
        pass
    os._exit(status)


if __name__ == "__main__":  # pragma: no cover
    run()
