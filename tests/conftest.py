from __future__ import annotations

from pathlib import Path

import pytest

import namenorm

FIXTURES = Path(__file__).parent / "fixtures"
SMALL = FIXTURES / "aliases_small.yaml"


@pytest.fixture(scope="session")
def small() -> namenorm.Resolver:
    """Resolver over the small fixture file (never the bundled data)."""
    return namenorm.load(SMALL)
