"""The ``namenorm`` command line: resolve names, scan text, check alias files.

Exit status: 0 on success, 1 when ``check`` finds clashes, 2 on usage or
alias-file errors (the message goes to stderr).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import TextIO

from . import __version__, load
from .aliases import MAX_FILE_BYTES
from .errors import NamenormError
from .model import KINDS, Match
from .resolver import Resolver
from .scanner import rewrite_text

__all__ = ["main"]


def decode_bytes(data: bytes) -> str:
    """Decode input of unknown encoding: UTF-8 (with or without BOM), UTF-16 with BOM, else Latin-1.

    >>> decode_bytes("Köln".encode("utf-8")), decode_bytes("Köln".encode("latin-1"))
    ('Köln', 'Köln')
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _read_lines(args: Sequence[str]) -> Iterator[str]:
    """The names given, with '-' standing for stdin, one name a line."""
    for arg in args:
        if arg == "-":
            for line in decode_bytes(sys.stdin.buffer.read()).splitlines():
                if line.strip():
                    yield line.strip()
        else:
            yield arg


def _probability(text: str) -> float:
    """An argparse type: a probability in (0, 1]."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 < value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be a probability in (0, 1], got {text}")
    return value


def _resolver(args: argparse.Namespace) -> Resolver:
    return load(*(args.aliases or ()), with_default=args.with_default, max_bytes=args.max_bytes,
                cache=False if args.no_cache else None)


def _match_record(query: str, match: Match | None) -> dict[str, object]:
    if match is None:
        return {"query": query, "id": None}
    return {"query": query, "id": match.id, "name": match.name, "kind": match.kind,
            "score": match.score, "method": match.method, "form": match.form}


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


def _cmd_resolve(args: argparse.Namespace, out: TextIO) -> int:
    resolver = _resolver(args)
    names = list(_read_lines(args.names))
    if args.candidates:
        for name in names:
            found = resolver.candidates(name, limit=args.candidates, kind=args.kind)
            if args.json:
                out.write(json.dumps({"query": name, "candidates": [_match_record(name, m) for m in found]},
                                     ensure_ascii=False) + "\n")
            else:
                out.write(f"{name}\n")
                _print_table(([f"  {m.score:.2f}", m.id, m.name, m.kind, m.method] for m in found), out)
        return 0
    matches = resolver.resolve_many(names, kind=args.kind)
    if args.json:
        for name, match in zip(names, matches):
            out.write(json.dumps(_match_record(name, match), ensure_ascii=False) + "\n")
        return 0
    rows = [["QUERY", "ID", "NAME", "KIND", "SCORE", "METHOD"]]
    for name, match in zip(names, matches):
        if match is None:
            rows.append([name, "-", "(no confident match)", "", "", ""])
        else:
            rows.append([name, match.id, match.name, match.kind, f"{match.score:.2f}", match.method])
    _print_table(rows, out)
    if args.explain:
        for match in matches:
            if match is not None:
                out.write(match.explain() + "\n")
    return 0


_CHUNK_CHARS = 1 << 20
"""Scan large inputs in blocks of about this many characters, cut at a blank line or newline."""


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """Blocks of ``text`` with their offsets, cut where no name can span the cut."""
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + _CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n\n", pos, end)
            if cut <= pos:
                cut = text.rfind("\n", pos, end)
            end = cut + 1 if cut > pos else end
        yield pos, text[pos:end]
        pos = end


def _read_source(name: str) -> str:
    if name == "-":
        return decode_bytes(sys.stdin.buffer.read())
    with open(name, "rb") as handle:
        return decode_bytes(handle.read())


def _cmd_scan(args: argparse.Namespace, out: TextIO) -> int:
    resolver = _resolver(args)
    progress = sys.stderr.isatty()
    for name in args.files:
        try:
            text = _read_source(name)
        except OSError as exc:
            print(f"namenorm: {name}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        for offset, block in _chunks(text):
            mentions = resolver.scan(block, kind=args.kind, min_score=args.min_score)
            if args.rewrite:
                out.write(rewrite_text(block, mentions))
            for m in mentions if not args.rewrite else ():
                start = offset + m.start
                if args.json:
                    record = {"file": name, "start": start, "end": offset + m.end, "text": m.text,
                              **_match_record(m.text, m.match)}
                    del record["query"]
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                else:
                    out.write(f"{name}:{start}\t{m.text}\t{m.match.id}\t{m.match.score:.2f}\t{m.match.method}\n")
            if progress:
                done = offset + len(block)
                sys.stderr.write(f"\r{name}: {done * 100 // max(1, len(text))}% of {len(text):,} characters")
                sys.stderr.flush()
        if progress:
            sys.stderr.write("\n")
    return 0


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    resolver = load(*args.files, with_default=args.with_default, max_bytes=args.max_bytes,
                    cache=False if args.no_cache else None)
    if args.list:
        out.writelines(f"{entity.id}\t{entity.kind}\t{entity.name}\n" for entity in resolver)
    clashes = resolver.clashes
    out.writelines(f"clash: {clash}\n" for clash in clashes)
    out.write(f"{len(resolver)} entities, {resolver.index.form_count} forms, {len(clashes)} clashes\n")
    return 1 if clashes and args.strict else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="namenorm", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"namenorm {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def alias_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--aliases", action="append", metavar="FILE",
                       help="alias file to use instead of the bundled one (repeatable, merged in order)")
        p.add_argument("--with-default", action="store_true",
                       help="load the bundled alias file first and add --aliases files to it")
        max_bytes(p)

    def max_bytes(p: argparse.ArgumentParser) -> None:
        p.add_argument("--max-bytes", type=int, default=MAX_FILE_BYTES, metavar="N",
                       help=f"largest alias file read (default {MAX_FILE_BYTES:,})")
        p.add_argument("--no-cache", action="store_true",
                       help="parse the alias files even when a compiled copy is cached (see NAMENORM_NO_CACHE)")

    p = sub.add_parser("resolve", help="resolve names to entities")
    p.add_argument("names", nargs="+", metavar="NAME", help="names to resolve; '-' reads one a line from stdin")
    alias_options(p)
    p.add_argument("--kind", choices=KINDS, help="only consider entities of this kind")
    p.add_argument("--json", action="store_true", help="print JSON lines")
    p.add_argument("--candidates", type=int, metavar="N", default=0, help="list up to N candidates per name")
    p.add_argument("--explain", action="store_true", help="say why each match was made")
    p.set_defaults(run=_cmd_resolve)

    p = sub.add_parser("scan", help="find names in text files")
    p.add_argument("files", nargs="+", metavar="FILE", help="text files; '-' reads stdin")
    alias_options(p)
    p.add_argument("--kind", choices=KINDS, help="only report entities of this kind")
    p.add_argument("--min-score", type=_probability, default=None,
                   help="only report mentions whose probability is at least this (default: the threshold)")
    p.add_argument("--json", action="store_true", help="print JSON lines")
    p.add_argument("--rewrite", action="store_true", help="print the text with names corrected")
    p.set_defaults(run=_cmd_scan)

    p = sub.add_parser("check", help="validate alias files and report forms claimed twice")
    p.add_argument("files", nargs="*", metavar="FILE", help="alias files (default: the bundled one)")
    p.add_argument("--with-default", action="store_true", help="check the files on top of the bundled one")
    max_bytes(p)
    p.add_argument("--list", action="store_true", help="list every entity id")
    p.add_argument("--strict", action="store_true", help="exit 1 when any form is claimed twice")
    p.set_defaults(run=_cmd_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    out = sys.stdout
    try:
        return int(args.run(args, out))
    except NamenormError as exc:
        print(f"namenorm: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, like other Unix tools.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
