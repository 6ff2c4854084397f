"""The compiled-resolver cache: read back while nothing changed, rebuilt when anything did,
never read from where others can write, and a bad file is a warning, not a crash."""

from __future__ import annotations

import os
import shutil
import warnings
from pathlib import Path

import pytest

import namenorm

SMALL = Path(__file__).resolve().parent / "fixtures" / "aliases_small.yaml"


@pytest.fixture
def gallery(tmp_path):
    path = tmp_path / "gallery.yaml"
    shutil.copy(SMALL, path)
    return path


def cached_files(directory):
    return sorted(directory.glob("*.pickle"))


def test_a_second_load_reads_the_compiled_resolver_without_parsing(gallery, tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    first = namenorm.load(gallery, cache_dir=directory)
    assert len(cached_files(directory)) == 1

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed although the cache holds this gallery")

    monkeypatch.setattr(namenorm, "parse_file_bytes", no_parsing)
    second = namenorm.load(gallery, cache_dir=directory)
    assert [e.id for e in second] == [e.id for e in first]
    assert second.resolve("Ryan Germanie") == first.resolve("Ryan Germanie")
    assert second["ryan-germany"].source == first["ryan-germany"].source


def test_an_edit_or_a_setting_makes_a_new_cache_entry(gallery, tmp_path):
    directory = tmp_path / "cache"
    namenorm.load(gallery, cache_dir=directory)
    gallery.write_text(gallery.read_text(encoding="utf-8").replace("name: Ryan Germany", "name: Ryan Germani"),
                       encoding="utf-8")
    edited = namenorm.load(gallery, cache_dir=directory)
    assert edited["ryan-germany"].name == "Ryan Germani"
    namenorm.load(gallery, cache_dir=directory, threshold=0.5)
    assert len(cached_files(directory)) == 3


def test_a_corrupt_or_foreign_cache_file_is_rebuilt_with_a_warning(gallery, tmp_path):
    directory = tmp_path / "cache"
    namenorm.load(gallery, cache_dir=directory)
    (stored,) = cached_files(directory)
    whole = stored.read_bytes()
    flipped = bytearray(whole)
    flipped[len(whole) * 3 // 4] ^= 0x10  # one bit, in the arrays after the pickle stream
    for damage in (whole[:100], whole[:-1], bytes(flipped), b"not a cache at all", b""):
        stored.write_bytes(damage)
        with pytest.warns(UserWarning, match="ignoring the unreadable cache"):
            rebuilt = namenorm.load(gallery, cache_dir=directory)
        assert rebuilt.resolve("Ryan Germanie").id == "ryan-germany"
    other = tmp_path / "other.yaml"
    other.write_text("entities:\n  - {id: x, name: Xavier Quint, kind: person}\n", encoding="utf-8")
    namenorm.load(other, cache_dir=directory)
    (mine,) = [p for p in cached_files(directory) if p.name == stored.name]
    (theirs,) = [p for p in cached_files(directory) if p.name != stored.name]
    os.replace(theirs, mine)  # a file under this gallery's name that holds another gallery
    with pytest.warns(UserWarning, match="holds another gallery"):
        assert "ryan-germany" in namenorm.load(gallery, cache_dir=directory)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file owners are a POSIX notion")
def test_a_cache_other_users_can_write_is_never_read(gallery, tmp_path):
    directory = tmp_path / "cache"
    namenorm.load(gallery, cache_dir=directory)
    directory.chmod(0o777)
    with pytest.warns(UserWarning, match="other users can write to it"):
        assert namenorm.load(gallery, cache_dir=directory).resolve("Ryan Germanie").id == "ryan-germany"


def test_no_cache_writes_nothing(gallery, tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    namenorm.load(gallery, cache_dir=directory, cache=False)
    monkeypatch.setenv("NAMENORM_NO_CACHE", "1")
    namenorm.load(gallery, cache_dir=directory)
    assert not directory.exists()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        namenorm.load(gallery, cache_dir=tmp_path / "fresh")


def test_errors_still_name_the_place_when_a_cache_exists(gallery, tmp_path):
    directory = tmp_path / "cache"
    namenorm.load(gallery, cache_dir=directory)
    gallery.write_text("entities:\n  - {id: x, nmae: X}\n", encoding="utf-8")
    with pytest.raises(namenorm.AliasFileError, match=r"gallery.yaml:2:5: entity has no 'name'"):
        namenorm.load(gallery, cache_dir=directory)


def test_a_large_gallery_is_cached_only_when_asked(gallery, tmp_path, monkeypatch):
    monkeypatch.setattr(namenorm, "CACHE_AUTO_BYTES", 100)
    directory = tmp_path / "cache"
    namenorm.load(gallery, cache_dir=directory)
    assert not directory.exists()
    namenorm.load(gallery, cache_dir=directory, cache=True)
    assert len(cached_files(directory)) == 1


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_cache_file_that_is_a_link_is_never_followed(gallery, tmp_path):
    directory = tmp_path / "cache"
    namenorm.load(gallery, cache_dir=directory)
    (stored,) = cached_files(directory)
    elsewhere = tmp_path / "planted.pickle"
    os.replace(stored, elsewhere)
    stored.symlink_to(elsewhere)
    with pytest.warns(UserWarning, match="cache"):
        assert namenorm.load(gallery, cache_dir=directory).resolve("Ryan Germanie").id == "ryan-germany"


def test_without_a_home_directory_nothing_is_cached_and_loading_works(gallery, monkeypatch):
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: (_ for _ in ()).throw(RuntimeError("no home"))))
    from namenorm.cache import default_cache_dir

    assert default_cache_dir() is None
    assert namenorm.load(gallery).resolve("Ryan Germanie").id == "ryan-germany"


def test_another_process_s_temporary_file_survives_the_clean_up(gallery, tmp_path):
    directory = tmp_path / "cache"
    namenorm.load(gallery, cache_dir=directory)
    in_progress = directory / ".tmp-other.pickle"
    in_progress.write_bytes(b"half written")
    os.utime(in_progress, (0, 0))  # the oldest file there
    for threshold in [0.5 + i / 100 for i in range(20)]:  # more entries than a directory keeps
        namenorm.load(gallery, cache_dir=directory, threshold=threshold)
    assert in_progress.exists()


def test_a_dependency_upgrade_makes_a_new_cache_key(tmp_path, monkeypatch):
    from namenorm import cache

    site = tmp_path / "site"
    (site / "fakedep").mkdir(parents=True)
    (site / "fakedep" / "__init__.py").write_text("")
    (site / "FakeDep-1.0.dist-info").mkdir()
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setattr(cache, "_DEPENDENCIES", {**cache._DEPENDENCIES, "fakedep": "fakedep"})

    def key() -> str:
        cache._own_fingerprint.cache_clear()
        return cache.cache_key([("a.yaml", b"x")], ())

    try:
        before = key()
        assert key() == before
        (site / "FakeDep-1.0.dist-info").rename(site / "FakeDep-1.1.dist-info")
        assert key() != before
    finally:
        monkeypatch.undo()
        cache._own_fingerprint.cache_clear()


def test_a_load_from_the_cache_does_not_import_yaml(gallery, tmp_path):
    import subprocess
    import sys

    code = ("import sys, namenorm; r = namenorm.load(sys.argv[1], cache_dir=sys.argv[2]); "
            "assert r.resolve('Ryan Germanie').id == 'ryan-germany'; print('yaml' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", code, str(gallery), str(tmp_path / "cache")],
                           capture_output=True, text=True, check=True).stdout.split() for _ in range(2)]
    assert runs == [["True"], ["False"]]  # parsed the first time; read back, with no YAML to read
