"""Validation on a 2-worker Dask cluster: the parts of a partitioned dataset run on the
cluster's worker processes and the client merges them: the one-process report, issue for
issue (the recipe of docs/scale.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from distributed import Client, LocalCluster
from reports import renamed, same
from reports import write_jsonl as write

from newsevents.io.arrow import records_to_table
from newsevents.validation import validate
from newsevents.validation.examples.base import records as example_records
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
def records() -> list[dict[str, object]]:
    """Three copies of the example records, two events broken."""
    found = [r for copy in range(3) for r in renamed(list(example_records().values()), copy)]
    events = [i for i, r in enumerate(found) if r["record_type"] == "event"]
    found[events[1]] = {**found[events[1]], "document_id": "nowhere"}
    cameo = {**found[events[4]]["cameo"], "quad_class": 1}  # type: ignore[dict-item]
    found[events[4]] = {**found[events[4]], "cameo": cameo}
    return found


def test_a_partitioned_parquet_dataset_on_a_cluster(
    client: Client, records: list[dict[str, object]], tmp_path: Path
) -> None:
    events = [r for r in records if r["record_type"] == "event"]
    (tmp_path / "event").mkdir()
    for kind in ("document", "actor"):
        kept = [r for r in records if r["record_type"] == kind]
        pq.write_table(records_to_table(kind, kept), tmp_path / f"{kind}.parquet")
    for part in range(3):
        table = records_to_table("event", events[part::3])
        pq.write_table(table, tmp_path / "event" / f"part-{part}.parquet", row_group_size=3)
    reference = validate(tmp_path)
    assert {"NE503", "NE404"} <= reference.codes()
    same(reference, validate_with(tmp_path, cluster_mapper(client), jobs=2))


def test_json_lines_parts_on_a_cluster(
    client: Client, records: list[dict[str, object]], tmp_path: Path
) -> None:
    path = write(tmp_path / "records.jsonl", records)
    mapper = cluster_mapper(client)
    same(validate(path), validate_with(path, mapper, jobs=2, part_bytes=2048))
