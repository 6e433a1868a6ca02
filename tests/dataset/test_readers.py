"""Real readers (pyarrow, pandas, DuckDB, Polars, Hugging Face datasets) get the same records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pytest

from newsevents.dataset import Dataset
from newsevents.io.arrow import table_to_records


def _event_ids(records: dict[str, Any], **where: str) -> list[str]:
    return [
        e["id"]
        for e in records["events"]
        if all(e["factuality"][key] == value for key, value in where.items())
    ]


def test_pyarrow_reads_the_records(shipped: Dataset, records: dict[str, Any]) -> None:
    for table in ("documents", "actors", "events"):
        assert table_to_records(pq.read_table(shipped.parquet_paths[table])) == records[table]


def test_pandas_reads_nested_columns(shipped: Dataset, records: dict[str, Any]) -> None:
    frame = pd.read_parquet(shipped.parquet_paths["events"])
    assert list(frame["id"]) == [e["id"] for e in records["events"]]
    negative = frame[frame["factuality"].map(lambda f: f["polarity"] == "negative")]
    assert list(negative["id"]) == _event_ids(records, polarity="negative")
    flat = pd.read_csv(shipped.folder / "events_flat.csv", dtype={"cameo_code": str})
    assert list(flat["cameo_code"]) == [e["cameo"]["code"] for e in records["events"]]


def test_duckdb_queries_nested_fields(shipped: Dataset, records: dict[str, Any]) -> None:
    path = str(shipped.parquet_paths["events"])
    connection = duckdb.connect()
    negative = connection.execute(
        "SELECT id FROM read_parquet(?) WHERE factuality.polarity = 'negative' ORDER BY id", [path]
    ).fetchall()
    assert [row[0] for row in negative] == sorted(_event_ids(records, polarity="negative"))
    conditions = connection.execute(
        "SELECT id, factuality.condition.event_id FROM read_parquet(?) "
        "WHERE factuality.modality = 'conditional' ORDER BY id",
        [path],
    ).fetchall()
    assert conditions == [("ev-dep-01", "ev-alert-02"), ("ev-dep-02", "ev-alert-02")]
    speakers = connection.execute(
        "SELECT p.actor_id, count(*) FROM (SELECT unnest(participants) AS p "
        "FROM read_parquet(?)) WHERE p.role = 'speaker' GROUP BY 1 ORDER BY 2 DESC",
        [path],
    ).fetchall()
    assert speakers[0] == ("actor-kirby", 9)
    metadata = dict(
        connection.execute(
            "SELECT decode(key), decode(value) FROM parquet_kv_metadata(?)", [path]
        ).fetchall()
    )
    assert metadata["newsevents.dataset_version"] == shipped.version


def test_polars_reads_and_explodes(shipped: Dataset, records: dict[str, Any]) -> None:
    frame = pl.read_parquet(shipped.parquet_paths["events"])
    assert frame["id"].to_list() == [e["id"] for e in records["events"]]
    negative = frame.filter(pl.col("factuality").struct.field("polarity") == "negative")
    assert negative["id"].to_list() == _event_ids(records, polarity="negative")
    roles = frame.explode("participants").unnest("participants")
    total = sum(len(e["participants"]) for e in records["events"])
    assert roles.height == total
    metadata = pl.read_parquet_metadata(shipped.parquet_paths["events"])
    assert metadata["newsevents.schema_version"] == shipped.schema_version


@pytest.fixture
def offline_hf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point Hugging Face at an empty cache and forbid the network."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "hf" / "datasets"))


def _hf_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop the nulls Arrow adds for absent fields, at every depth."""

    def clean(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if v is not None}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    return [clean(row) for row in rows]


def test_hugging_face_reads_parquet_offline(
    offline_hf: None, shipped: Dataset, records: dict[str, Any], tmp_path: Path
) -> None:
    import datasets

    events = datasets.load_dataset(
        "parquet",
        data_files={"test": str(shipped.parquet_paths["events"])},
        split="test",
        cache_dir=str(tmp_path / "cache"),
    )
    rows = _hf_rows(list(events))
    expected = json.loads(json.dumps(records["events"]))
    assert [r["id"] for r in rows] == [e["id"] for e in expected]
    for row, record in zip(rows, expected, strict=True):
        assert row["factuality"] == record["factuality"]
        assert row["participants"] == record["participants"]
        assert row.get("reports") == record.get("reports")


def test_the_folder_is_a_hugging_face_dataset_card(
    offline_hf: None, shipped: Dataset, tmp_path: Path
) -> None:
    import datasets

    by_config = {
        config: datasets.load_dataset(
            str(shipped.folder), config, split="test", cache_dir=str(tmp_path / "cache")
        )
        for config in ("events", "actors", "documents", "events_flat")
    }
    assert {name: len(rows) for name, rows in by_config.items()} == {
        "events": len(shipped.events),
        "actors": 20,
        "documents": 1,
        "events_flat": len(shipped.events),
    }
    assert by_config["events_flat"][0]["event_id"] == "ev-alert-01"


def test_every_configuration_of_the_card_loads_in_hugging_face(
    offline_hf: None, shipped: Dataset, tmp_path: Path
) -> None:
    """1.1.0's annotations (annotator-1, annotator-2) are configs of the same folder."""
    import datasets

    listed = {entry["path"]: entry for entry in shipped.manifest["files"]}
    names = sorted({path.rsplit("-", 1)[0] for path in listed if "-" in path})
    assert names == ({"1.0.0": [], "1.1.0": ["annotator-1", "annotator-2"]}[shipped.version])
    for name in names:
        rows = datasets.load_dataset(
            str(shipped.folder), name, split="test", cache_dir=str(tmp_path / "cache")
        )
        assert len(rows) == listed[f"{name}-events.parquet"]["records"] > 0
