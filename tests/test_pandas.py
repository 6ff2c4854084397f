"""The pandas helper: typed columns, one row per row, and a null row for a missing name."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest

pd = pytest.importorskip("pandas")

from namenorm.pandas import COLUMNS, resolve_series


def test_a_series_resolves_to_typed_columns_on_its_own_index(small):
    names = pd.Series(["Ryan Germanie", "Brad Rafensperger", "Nobody Atall", "Ryan Germanie"], index=[10, 11, 12, 13])
    frame = resolve_series(names, small)
    assert tuple(frame.columns) == COLUMNS
    assert list(frame.index) == [10, 11, 12, 13]
    assert [str(frame[c].dtype) for c in COLUMNS] == ["string", "string", "string", "Float64", "string"]
    expected = small.resolve_many(list(names))
    assert [None if pd.isna(v) else v for v in frame["id"]] == [m.id if m else None for m in expected]
    assert frame.loc[10, "score"] == expected[0].score
    assert frame.loc[11, "method"] == expected[1].method


def test_missing_values_and_non_strings_give_null_rows(small):
    names = pd.Series(["Ryan Germanie", None, math.nan, pd.NA, 42], dtype=object)
    frame = resolve_series(names, small)
    assert frame.loc[0, "id"] == "ryan-germany"
    assert frame.iloc[1:].isna().all().all()


def test_workers_give_the_same_frame(small):
    names = pd.Series(["Ryan Germanie", "David Purdue", None] * 30 + [f"Person Number{i}" for i in range(40)])
    pd.testing.assert_frame_equal(resolve_series(names, small, workers=2), resolve_series(names, small))


def test_importing_namenorm_does_not_import_pandas():
    code = "import sys, namenorm; namenorm.resolve('Ryan Germany'); print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
