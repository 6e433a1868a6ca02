"""Validation of a partitioned Parquet dataset on a 2-worker Dask cluster.

The chunk scans (one per Parquet file) run on the cluster's worker processes; the client
merges ids and edges, resolves references and runs the per-record path on the suspect rows:
the report is the single-process reference report.  The vectorized mask over Arrow record
batches runs on the workers too, over each file's batches.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pytest
from distributed import Client, LocalCluster
from reports import renamed

from newsevents.io.arrow import records_to_table
from newsevents.validation import validate
from newsevents.validation.examples.base import records as example_records
from newsevents.validation.fast import suspect_rows
from newsevents.validation.parallel import cluster_mapper, validate_with


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            host="127.0.0.1",
        ) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """A dataset folder: a document table, an actor table, events in three partitions, one
    event broken in each of two ways."""
    records = [r for copy in range(3) for r in renamed(list(example_records().values()), copy)]
    events = [r for r in records if r["record_type"] == "event"]
    events[1] = {**events[1], "document_id": "nowhere"}
    events[4] = {**events[4], "cameo": {**events[4]["cameo"], "quad_class": 1}}
    folder = tmp_path / "dataset"
    (folder / "event").mkdir(parents=True)
    for kind in ("document", "actor"):
        kept = [r for r in records if r["record_type"] == kind]
        pq.write_table(records_to_table(kind, kept), folder / f"{kind}.parquet")
    for part in range(3):
        chunk = events[part::3]
        pq.write_table(records_to_table("event", chunk), folder / "event" / f"part-{part}.parquet")
    return folder


def test_a_partitioned_dataset_on_a_cluster_gives_the_reference_report(
    client: Client, dataset: Path
) -> None:
    reference = validate(dataset)
    distributed = validate_with(dataset, cluster_mapper(client), jobs=2)
    left, right = reference.to_dict(), distributed.to_dict()
    left.pop("tool")
    right.pop("tool")
    assert right == left
    assert {"NE503", "NE404"} <= reference.codes()


def _suspect_counts(path: str) -> list[int]:
    parquet = pq.ParquetFile(path)
    return [int(suspect_rows(batch, "event").sum()) for batch in parquet.iter_batches(4)]


def test_the_batch_mask_runs_on_the_workers(client: Client, dataset: Path) -> None:
    parts = sorted(str(p) for p in (dataset / "event").glob("*.parquet"))
    on_cluster = client.gather(client.map(_suspect_counts, parts, pure=False))
    here = [_suspect_counts(p) for p in parts]
    assert on_cluster == here
    assert int(np.sum([sum(c) for c in here])) >= 1
