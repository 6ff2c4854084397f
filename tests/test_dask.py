"""The Dask helper on a real cluster of worker processes: the answers of one process."""

from __future__ import annotations

import pytest

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from namenorm.dask import resolve_names
from namenorm.pandas import resolve_series


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        yield client


def test_a_cluster_of_processes_gives_the_single_process_frame(client, small):
    names = pd.Series(["Ryan Germanie", "David Purdue", None, "Nobody Atall", "Rafensperger"] * 40,
                      index=range(100, 300))
    lazy = resolve_names(dd.from_pandas(names, npartitions=6), small)
    assert list(lazy.columns) == ["id", "name", "kind", "score", "method"]
    pd.testing.assert_frame_equal(lazy.compute(), resolve_series(names, small))
    workers_ran = client.run(lambda: True)
    assert len(workers_ran) == 2


def test_a_worker_memo_answers_for_its_own_gallery_only_and_goes_with_it():
    import gc

    from namenorm import dask as nn_dask
    from namenorm import from_names

    names = pd.Series(["Lagoss", "Madridd", "Lagoss"] * 20)
    for gallery, expected in [({"lagos": "Lagos"}, "lagos"), ({"madrid": "Madrid"}, "madrid")]:
        resolver = from_names(gallery, kind="place")
        frame = resolve_names(dd.from_pandas(names, npartitions=4), resolver).compute(scheduler="threads")
        assert set(frame["id"].dropna()) == {expected}
        del resolver, frame
        gc.collect()
    assert len(nn_dask._memos) == 0
