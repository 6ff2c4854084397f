"""Compiled resolvers kept on disk, so that a process does not parse and compile the same alias
files again (the bundled file costs a command-line call most of its time).

A cache file holds a pickled Resolver with its compiled lookup tables, their arrays after the
pickle stream; it is mapped into memory and the arrays are used where they lie, so reading a
gallery back costs little more than its strings (``packed``). Its name is a hash of
everything the result depends on: the content of every input file and the name it was read
under, namenorm's own source and data, the Python version and the load settings; any edit,
upgrade or setting change so makes a new file. Pickle runs code when read, so a cache is read
only from a directory and file that the current user owns and nobody else can write; a file
that is corrupt, truncated or from elsewhere gives a warning and is rebuilt, never a crash.

The directory is ``$XDG_CACHE_HOME/namenorm`` (``~/.cache/namenorm``), or ``cache_dir=``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import mmap
import os
import pickle
import stat
import struct
import sys
import tempfile
import warnings
import zlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from .aliases import data_path
from .memory import paused_collection
from .packed import buffers_out_of_band

if TYPE_CHECKING:
    from .resolver import Resolver

__all__ = ["CACHE_AUTO_BYTES", "cache_key", "default_cache_dir", "fetch", "store"]

CACHE_AUTO_BYTES = 16 * 1024 * 1024
"""Largest input (about 150,000 entities) that ``load`` caches unless asked: storing the tables
of a million entities took 8 minutes and 9 GB at its peak (reading them back then takes about
a second, where parsing and compiling take minutes), more than a load should spend unasked."""
_MAGIC = b"namenorm-compiled-2\n"
_KEEP = 16
"""Cache files kept per directory; older ones are removed when a new one is written."""


def default_cache_dir() -> Path | None:
    """``$XDG_CACHE_HOME/namenorm``, or ``~/.cache/namenorm`` when that is unset; None when
    there is no home directory either (then nothing is cached)."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError):
            return None
    return Path(base) / "namenorm"


_DEPENDENCIES = {"jellyfish": "jellyfish", "unidecode": "unidecode", "yaml": "pyyaml"}
"""Modules whose upgrade can change a compiled index (keys, romanizations, parsing), with the
names of the distributions that install them."""


def _dependency_versions() -> list[str]:
    """Each dependency's installed distribution, as the ``name-version.dist-info`` directory
    installers put beside the module, with the size and time of the module's own file (a
    source checkout has no such directory). Read directly: importing importlib.metadata alone
    took a tenth of a cached command-line call."""
    found = []
    for module, distribution in _DEPENDENCIES.items():
        spec = importlib.util.find_spec(module)
        if spec is None or spec.origin is None:
            found.append(f"{module}=?")
            continue
        origin = Path(spec.origin)
        directory = origin.parent.parent if spec.submodule_search_locations is not None else origin.parent
        try:
            infos = sorted(entry.name for entry in os.scandir(directory)
                           if entry.name.lower().startswith(distribution + "-") and entry.name.endswith(".dist-info"))
            own = origin.stat()
        except OSError:
            found.append(f"{module}=?")
            continue
        found.append(f"{module}={','.join(infos)}:{own.st_size}:{own.st_mtime_ns}")
    return found


@lru_cache(maxsize=1)
def _own_fingerprint() -> str:
    """A hash of namenorm's source and data files and its dependencies' versions: a changed tree
    or an upgraded dependency is a new cache, even at one namenorm version."""
    package = Path(__file__).resolve().parent
    files = [path for path in sorted(package.rglob("*"))
             if path.is_file() and path.suffix in (".py", ".json", ".txt", ".tsv", ".yaml")]
    given_names = data_path("given_names.yaml")  # outside the package in a source checkout
    if given_names.is_file() and package not in given_names.parents:
        files.append(given_names)
    digest = hashlib.sha256()
    for path in files:
        name = path.relative_to(package).as_posix() if package in path.parents else path.name
        digest.update(name.encode() + b"\0" + path.read_bytes())
    for version in _dependency_versions():
        digest.update(version.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


def cache_key(inputs: Iterable[tuple[str, bytes]], settings: object) -> str:
    """The cache file's name for these (file name, content) inputs and load settings."""
    digest = hashlib.sha256()
    digest.update(_MAGIC + sys.version.encode() + _own_fingerprint().encode() + repr(settings).encode())
    for name, content in inputs:
        digest.update(b"\0" + name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()[:40]


def _private(info: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else (always true where there are no owners)."""
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _private_dir(directory: Path) -> bool:
    """A real directory (not a link to one) that is private to this user."""
    info = directory.lstat()
    return stat.S_ISDIR(info.st_mode) and _private(info)


_HEADER = struct.Struct("<QQQ")
"""After the magic line: the length of the pickle stream, the number of buffers and the CRC-32
of all that follows; then each buffer's length (``_LENGTH``), then the stream, then the
buffers, each at a multiple of 8 bytes."""
_LENGTH = struct.Struct("<Q")
_ALIGN = 8


def _padding(offset: int) -> int:
    return -offset % _ALIGN


def _write(stream: BinaryIO, value: object) -> None:
    """Pickle ``value`` with the arrays of its packed tables after the stream, each where an
    array of 64-bit numbers may start, for ``_unpickled`` to use in place."""
    buffers: list[pickle.PickleBuffer] = []
    try:
        with buffers_out_of_band():
            pickled = pickle.dumps(value, protocol=5, buffer_callback=buffers.append)
        raws = [buffer.raw() for buffer in buffers]
        chunks: list[bytes | memoryview] = [b"".join(_LENGTH.pack(raw.nbytes) for raw in raws), pickled]
        offset = len(_MAGIC) + _HEADER.size + sum(map(len, chunks))
        for raw in raws:
            chunks.append(bytes(_padding(offset)))
            offset += _padding(offset)
            chunks.append(raw)
            offset += raw.nbytes
        checksum = 0
        for chunk in chunks:
            checksum = zlib.crc32(chunk, checksum)
        stream.write(_MAGIC + _HEADER.pack(len(pickled), len(raws), checksum))
        for chunk in chunks:
            stream.write(chunk)
        for raw in raws:
            raw.release()
    finally:
        for buffer in buffers:
            buffer.release()


def _unpickled(view: memoryview) -> Any:
    """What ``_write`` wrote, its buffers read in place from ``view`` (a memory-mapped file).

    The whole file is checked against its checksum first (about half a second a gigabyte):
    a damaged array would otherwise give wrong candidates, or fail in the middle of a query.
    """
    if view[:len(_MAGIC)] != _MAGIC:
        raise ValueError("not a namenorm cache file")
    offset = len(_MAGIC)
    stream_size, count, checksum = _HEADER.unpack_from(view, offset)
    offset += _HEADER.size
    body = offset
    sizes = [size for size, in _LENGTH.iter_unpack(view[offset:offset + _LENGTH.size * count])]
    offset += _LENGTH.size * count
    stream = view[offset:offset + stream_size]
    offset += stream_size
    buffers = []
    for size in sizes:
        offset += _padding(offset)
        buffers.append(view[offset:offset + size])
        offset += size
    if offset > len(view) or len(sizes) != count:
        raise ValueError(f"the file is truncated ({len(view):,} bytes, {offset:,} expected)")
    if zlib.crc32(view[body:offset]) != checksum:
        raise ValueError("the file is damaged (its checksum does not match)")
    return pickle.loads(stream, buffers=buffers)


def fetch(directory: Path, key: str) -> Resolver | None:
    """The resolver stored under ``key``, or None (nothing stored, or nothing safe to read)."""
    path = directory / f"{key}.pickle"
    try:
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except FileNotFoundError:
            return None
        with os.fdopen(fd, "rb"):  # closes the descriptor; the map keeps its own
            info = os.fstat(fd)  # the file opened, not whatever the name points to by now
            if not (stat.S_ISREG(info.st_mode) and _private(info) and _private_dir(directory)):
                warnings.warn(f"namenorm: not reading the cache {path}: other users can write to it, or it "
                              "is not a plain file; make the directory private or pass another cache_dir",
                              stacklevel=3)
                return None
            mapped = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
        with paused_collection():
            stored_key, resolver, engine = _unpickled(memoryview(mapped))  # a private file, checked above
        if stored_key != key:
            raise ValueError("the file holds another gallery")
        resolver.use_compiled(engine)
        return resolver  # type: ignore[no-any-return]
    except Exception as exc:  # noqa: BLE001 (a bad cache is rebuilt, whatever is wrong with it)
        warnings.warn(f"namenorm: ignoring the unreadable cache {path} ({exc}); rebuilding it", stacklevel=3)
        return None


def store(directory: Path, key: str, resolver: Resolver) -> None:
    """Write the compiled resolver atomically; a cache that cannot be written is skipped quietly."""
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private_dir(directory):
            return
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as stream:
                _write(stream, (key, resolver, resolver.compiled()))
            os.replace(temporary, directory / f"{key}.pickle")
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        # Another process's temporary file starts with a dot; it is its to finish or remove.
        caches = (p for p in directory.glob("*.pickle") if not p.name.startswith("."))
        stored = sorted(caches, key=lambda p: p.stat().st_mtime, reverse=True)
        for old in stored[_KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        return
