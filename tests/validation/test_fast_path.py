"""The fast path reports exactly what the per-record reference path reports.

Every issue code's invalid example, generated datasets with broken records mixed in (as
JSON Lines and as Parquet), and the byte-level traps of JSON Lines read through Arrow: the
same report, issue for issue, from ``validate_fast`` as from ``validate``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reports import example_reports, same, write_jsonl

from newsevents.io.arrow import records_to_table
from newsevents.models import RECORD_ADAPTER
from newsevents.testing import Broken, Dataset, broken_records, datasets_strategy, json_records
from newsevents.validation import validate
from newsevents.validation.examples import code_examples
from newsevents.validation.examples.base import records as example_records
from newsevents.validation.fast import suspect_rows, validate_fast
from newsevents.validation.fast.mask import RECORD_TYPES, walker
from newsevents.validation.fast.structure import UnsupportedSchema, re2_pattern

SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def write_parquet(folder: Path, records: Iterable[Mapping[str, Any]]) -> Path | None:
    """One Parquet file per record type; None when some record cannot be held."""
    folder.mkdir()
    by_type: dict[str, list[Mapping[str, Any]]] = {kind: [] for kind in RECORD_TYPES}
    for record in records:
        by_type[str(record["record_type"])].append(record)
    for kind, rows in by_type.items():
        try:
            table = records_to_table(kind, rows)
        except (ValueError, TypeError, KeyError, AttributeError, pa.ArrowException):
            return None
        pq.write_table(table, folder / f"{kind}.parquet")
    return folder


@pytest.mark.parametrize("code", sorted(code_examples()))
def test_every_code_example_gives_the_reference_report(code: str, tmp_path: Path) -> None:
    same(*example_reports(code, tmp_path, validate_fast))


def mixed(dataset: Dataset, broken: list[Broken], order: list[int]) -> list[dict[str, Any]]:
    """The dataset's records with broken records slotted in."""
    found = dataset.json_records()
    for slot, item in zip(order, broken, strict=False):
        found.insert(slot % (len(found) + 1), item.record)
    return found


@SETTINGS
@given(
    datasets_strategy(),
    st.lists(broken_records(), max_size=3),
    st.lists(st.integers(0, 50), min_size=3, max_size=3),
)
def test_generated_jsonl_gives_the_reference_report(
    tmp_path_factory: pytest.TempPathFactory,
    dataset: Dataset,
    broken: list[Broken],
    order: list[int],
) -> None:
    path = write_jsonl(
        tmp_path_factory.mktemp("jsonl") / "records.jsonl", mixed(dataset, broken, order)
    )
    same(validate(path), validate_fast(path))


@SETTINGS
@given(datasets_strategy(), st.lists(broken_records(), max_size=3))
def test_generated_parquet_gives_the_reference_report(
    tmp_path_factory: pytest.TempPathFactory, dataset: Dataset, broken: list[Broken]
) -> None:
    records = mixed(dataset, broken, [3, 1, 4])
    folder = write_parquet(tmp_path_factory.mktemp("parquet") / "dataset", records)
    if folder is not None:
        same(validate(folder), validate_fast(folder))


@settings(SETTINGS, max_examples=60)
@given(st.lists(st.one_of(json_records(), broken_records().map(lambda b: b.record)), max_size=6))
def test_every_record_the_model_rejects_is_suspect(records: list[dict[str, Any]]) -> None:
    for kind in RECORD_TYPES:
        rows = [r for r in records if r["record_type"] == kind]
        try:
            table = records_to_table(kind, rows)
        except (ValueError, TypeError, KeyError, AttributeError, pa.ArrowException):
            continue
        flags = suspect_rows(table, kind)
        for row, record in zip(table.to_pylist(), flags, strict=True):
            canonical = {k: v for k, v in row.items() if v is not None}
            try:
                RECORD_ADAPTER.validate_python(json.loads(json.dumps(canonical, default=str)))
            except Exception:
                assert record, canonical


def test_valid_records_are_not_suspect() -> None:
    records = list(example_records().values())
    for kind in RECORD_TYPES:
        table = records_to_table(kind, [r for r in records if r["record_type"] == kind])
        assert not suspect_rows(table, kind).any()


def test_every_model_validator_has_a_vectorized_rule() -> None:
    for kind in RECORD_TYPES:
        walker(kind)  # raises UnsupportedSchema for a validator or node it does not know


def test_a_pattern_re2_reads_otherwise_is_refused() -> None:
    assert re2_pattern(r"^[A-Z]{3}$") == r"^[A-Z]{3}$"
    assert re2_pattern(r"^https?://[^\s]+$") == r"^https?://[!-~]+$"
    with pytest.raises(UnsupportedSchema):
        re2_pattern(r"^\w+$")
    with pytest.raises(UnsupportedSchema):
        re2_pattern(r"^P(?!$)")


TRAPS = {
    "explicit null": lambda line: line.replace('"notes":"x"', '"notes":null'),
    "NaN": lambda line: line.replace('"goldstein":-7.2', '"goldstein":NaN'),
    "byte-order mark": lambda line: "\ufeff" + line,
    "control byte": lambda line: line.replace('"notes":"x"', '"notes":"a\tb"'),
    "carriage return": lambda line: line + "\r",
    "two objects": lambda line: line + " " + line,
    "duplicate key": lambda line: line.replace('"notes":"x"', '"notes":"x","notes":"y"'),
    "string for a number": lambda line: line.replace('"goldstein":-7.2', '"goldstein":"-7.2"'),
    "unknown field": lambda line: line.replace('"notes":"x"', '"notes":"x","extra":1'),
    "truncated": lambda line: line[: len(line) // 2],
    "not an object": lambda line: "[1, 2]",
    "blank": lambda line: "   ",
}


@pytest.mark.parametrize("trap", sorted(TRAPS))
def test_json_lines_traps_give_the_reference_report(trap: str, tmp_path: Path) -> None:
    records = list(example_records().values())
    lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records]
    target = next(i for i, r in enumerate(records) if r.get("event_type") == "alert")
    alert = json.loads(lines[target])
    alert["notes"] = "x"
    line = json.dumps(alert, ensure_ascii=False, separators=(",", ":"))
    lines[target] = TRAPS[trap](line)
    path = tmp_path / "records.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    same(validate(path), validate_fast(path))


def test_crlf_line_ends_give_the_reference_report(tmp_path: Path) -> None:
    records = list(example_records().values())
    path = tmp_path / "records.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    same(validate(path), validate_fast(path))


def test_documents_in_a_later_file_and_events_without_documents(tmp_path: Path) -> None:
    records = list(example_records().values())
    documents = [r for r in records if r["record_type"] == "document"]
    others = [r for r in records if r["record_type"] != "document"]
    events = write_jsonl(tmp_path / "a-events.jsonl", others)
    later = write_jsonl(tmp_path / "b-documents.jsonl", documents)
    same(validate([events, later]), validate_fast([events, later]))
    same(validate(events), validate_fast(events))
    same(validate(events, documents=later), validate_fast(events, documents=later))


def test_duplicates_across_files_and_a_json_file(tmp_path: Path) -> None:
    records = list(example_records().values())
    first = write_jsonl(tmp_path / "first.jsonl", records)
    again = tmp_path / "again.json"
    again.write_text(json.dumps(records[-3:]), encoding="utf-8")
    same(validate([first, again]), validate_fast([first, again]))


def test_parquet_tables_of_a_dataset(tmp_path: Path) -> None:
    records = list(example_records().values())
    records[-1] = {**records[-1], "id": records[-2]["id"]}
    folder = write_parquet(tmp_path / "dataset", records)
    assert folder is not None
    same(validate(folder), validate_fast(folder))
