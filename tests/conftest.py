from __future__ import annotations

import atexit
import csv
import importlib.util
import os
import shutil
import sys
import tempfile
from pathlib import Path
from types import ModuleType

import pytest

# Compiled resolvers are cached under the user's cache directory; the tests keep theirs apart,
# and remove it when they end (each run's is tens of megabytes).
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="namenorm-test-cache-")
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], ignore_errors=True)

import namenorm

FIXTURES = Path(__file__).parent / "fixtures"
DATA = Path(__file__).parent / "data"
SMALL = FIXTURES / "aliases_small.yaml"


@pytest.fixture(scope="session")
def small() -> namenorm.Resolver:
    """Resolver over the small fixture file (never the bundled data)."""
    return namenorm.load(SMALL)


def bench_script(name: str) -> ModuleType:
    """The script bench/<name>.py loaded as a module: the scripts are no package, and a test
    that holds data or docs to what a script makes of them runs the script's own code."""
    spec = importlib.util.spec_from_file_location(name, Path(__file__).parent.parent / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def data_rows(name: str) -> list[dict[str, str]]:
    """The rows of a tab-separated file of tests/data."""
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="session")
def real_pairs_gallery() -> namenorm.Resolver:
    """Every Latin name of tests/data/cross_script_pairs.tsv, as a gallery."""
    kinds = {r["latin"]: r["kind"] for r in data_rows("cross_script_pairs.tsv")}
    return namenorm.Resolver([namenorm.Entity(f"e{i}", n, kinds[n]) for i, n in enumerate(sorted(kinds))])  # type: ignore[arg-type]
