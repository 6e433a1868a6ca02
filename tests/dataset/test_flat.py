"""The flat events table: one row per event, the same values in CSV and Parquet."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from hypothesis import given, settings

from newsevents import Statement
from newsevents.dataset import Dataset
from newsevents.testing import datasets_strategy
from newsevents.testing.records import Dataset as DrawnDataset
from newsevents.tools.dataset_flat import COLUMNS, FLAT_SCHEMA, flat_csv, flat_rows, flat_table


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _as_csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@settings(max_examples=30, deadline=None)
@given(datasets_strategy(max_documents=1, max_actors=3, max_events=4))
def test_any_dataset_flattens_to_one_row_per_event(drawn: DrawnDataset) -> None:
    rows = flat_rows(drawn.events, drawn.actors)
    assert [row["event_id"] for row in rows] == [event.id for event in drawn.events]
    for event, row in zip(drawn.events, rows, strict=True):
        first = event.actors_in_role("speaker" if isinstance(event, Statement) else "source")
        assert row["actor1_id"] == (first[0] if first else None)
    table = flat_table(rows, {"k": "v"})
    assert table.schema.remove_metadata() == FLAT_SCHEMA.remove_metadata()
    assert table.to_pylist() == rows
    parsed = _csv_rows(flat_csv(rows))
    assert len(parsed) == len(rows)
    for row, cells in zip(rows, parsed, strict=True):
        assert list(cells) == [c.name for c in COLUMNS]
        for column in COLUMNS:
            expected = row[column.name]
            if isinstance(expected, float):
                assert float(cells[column.name]) == expected
            else:
                assert cells[column.name] == _as_csv_cell(expected)


def test_shipped_csv_and_parquet_agree(shipped: Dataset, folder: Path) -> None:
    table = pq.read_table(folder / "events_flat.parquet").to_pylist()
    parsed = _csv_rows((folder / "events_flat.csv").read_text(encoding="utf-8"))
    assert table == flat_rows(shipped.events, shipped.actors)
    for row, cells in zip(table, parsed, strict=True):
        for column in COLUMNS:
            value = row[column.name]
            if isinstance(value, float):
                assert float(cells[column.name]) == value
            else:
                assert cells[column.name] == _as_csv_cell(value)


def test_shipped_flat_rows_read_like_event_data(folder: Path) -> None:
    rows = {r["event_id"]: r for r in _csv_rows((folder / "events_flat.csv").read_text("utf-8"))}
    alert = rows["ev-alert-01"]
    assert (alert["actor1_cameo"], alert["actor2_cameo"], alert["cameo_code"]) == (
        "USAGOVMIL",
        "RUS",
        "152",
    )
    assert (alert["event_date"], alert["time_precision"], alert["country"]) == (
        "2022-01-24",
        "1",
        "USA",
    )
    assert rows["ev-dep-03"]["polarity"] == "negative"
    assert rows["ev-dep-03"]["location"] == "Ukraine"
    assert rows["ev-stmt-06"]["cameo_code"] == "011"
    assert rows["ev-dep-02"]["condition_event_id"] == "ev-alert-02"
