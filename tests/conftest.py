from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Compiled resolvers are cached under the user's cache directory; the tests keep theirs apart.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="namenorm-test-cache-")

import namenorm

FIXTURES = Path(__file__).parent / "fixtures"
SMALL = FIXTURES / "aliases_small.yaml"


@pytest.fixture(scope="session")
def small() -> namenorm.Resolver:
    """Resolver over the small fixture file (never the bundled data)."""
    return namenorm.load(SMALL)
