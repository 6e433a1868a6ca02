"""Readers: JSON Lines by line, JSON documents, Parquet by batch; problems, hashes, counts."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings

from newsevents.io.arrow import arrow_schema, records_to_table
from newsevents.io.readers import FileReading, ReadProblem, column_mismatches, find_files
from newsevents.testing import Dataset, datasets_strategy
from newsevents.validation import validate
from newsevents.validation.examples import base


def read(path: Path) -> tuple[FileReading, list[tuple[Any, Any]]]:
    reading = FileReading(path, path.name)
    return reading, list(reading)


def test_jsonl_skips_blank_lines_and_counts_lines_and_records(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    content = b'\xef\xbb\xbf{"a": 1}\r\n\n   \n{"b": 2}\n[3]'
    path.write_bytes(content)
    reading, items = read(path)
    assert [(w.record, w.line) for w, _ in items] == [(0, 1), (1, 4), (2, 5)]
    assert items[0][1] == {"a": 1}
    assert items[2][1] == ReadProblem("NE104", {"found": [3]})
    assert reading.records == 3
    assert reading.bytes == len(content)
    assert reading.sha256 == hashlib.sha256(content).hexdigest()


def test_jsonl_reports_bad_utf8_with_its_file_offset(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"a": 1}\n{"b": "caf\xe9"}\n')
    _, items = read(path)
    where, problem = items[1]
    assert (where.record, where.line) == (1, 2)
    assert problem == ReadProblem("NE102", {"offset": 9 + 10})


def test_jsonl_reports_invalid_json_with_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"a": 1}\n{"b": 2,, }\n{"c": 3}\n')
    _, items = read(path)
    where, problem = items[1]
    assert isinstance(problem, ReadProblem) and problem.code == "NE103"
    assert (where.line, where.column) == (2, 9)
    assert problem.context["line"] == 2
    assert items[2][1] == {"c": 3}  # reading goes on after a bad line


def test_json_document_one_record_an_array_or_a_bundle(tmp_path: Path) -> None:
    single, array, bundle = tmp_path / "s.json", tmp_path / "a.json", tmp_path / "b.json"
    single.write_text('{"id": "x"}', encoding="utf-8")
    array.write_text('[{"id": "x"}, 5]', encoding="utf-8")
    bundle.write_text(
        json.dumps({"name": "d", "documents": [{"id": "d"}], "events": [{"id": "e"}]}),
        encoding="utf-8",
    )
    assert [item for _, item in read(single)[1]] == [{"id": "x"}]
    assert [item for _, item in read(array)[1]][1] == ReadProblem("NE104", {"found": 5})
    assert [item for _, item in read(bundle)[1]] == [{"id": "d"}, {"id": "e"}]


def test_json_document_parse_error_has_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('[\n  {"a": 1},\n  {"b": }\n]', encoding="utf-8")
    reading, [(where, problem)] = read(path)
    assert problem.code == "NE103"
    assert (where.line, where.column) == (3, 9)
    assert reading.records == 0


def test_unknown_suffix_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("x\n", encoding="utf-8")
    assert read(path)[1][0][1] == ReadProblem("NE105", {"found": ".csv"})


def test_find_files_walks_folders_in_order_and_reports_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "z.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.parquet").write_bytes(b"")
    (tmp_path / "readme.md").write_text("", encoding="utf-8")
    found = list(find_files([tmp_path, tmp_path / "nope.json"]))
    assert [s.path.name for s in found] == ["a.parquet", "z.jsonl", "nope.json"]
    assert found[-1].problem is not None and found[-1].problem.code == "NE101"


def _actors() -> list[dict[str, Any]]:
    return [r for r in base.records().values() if r["record_type"] == "actor"]


def test_parquet_rows_come_back_in_canonical_json_form(tmp_path: Path) -> None:
    path = tmp_path / "actors.parquet"
    pq.write_table(records_to_table("actor", _actors()), path, row_group_size=2)
    reading, items = read(path)
    assert [item for _, item in items] == _actors()
    assert [w.record for w, _ in items] == [0, 1, 2, 3]
    assert reading.records == 4 and reading.sha256 is not None


def test_parquet_column_types_accept_equivalent_encodings() -> None:
    expected = arrow_schema("actor")
    found = pa.schema(
        [
            pa.field("name", pa.large_string()),
            pa.field("kind", pa.dictionary(pa.int32(), pa.string())),
            pa.field("member_of", pa.large_list(pa.string())),
            pa.field("notes", pa.null()),
            pa.field("not_in_schema", pa.int8()),
        ]
    )
    assert list(column_mismatches(found, expected)) == []


def test_parquet_column_of_wrong_type_is_one_problem_with_a_pointer() -> None:
    expected = arrow_schema("event")
    force = expected.field("force").type
    size = force.field("size").type
    bad_size = pa.struct([pa.field("value", pa.string()), *[f for f in size if f.name != "value"]])
    bad_force = pa.struct([bad_size if False else pa.field("size", bad_size)])
    participants = pa.list_(pa.struct([pa.field("role", pa.int64())]))
    found = pa.schema([pa.field("force", bad_force), pa.field("participants", participants)])
    problems = list(column_mismatches(found, expected))
    assert [(p.pointer, p.context["column"]) for p in problems] == [
        ("/force/size/value", "force.size.value"),
        ("/participants", "participants[].role"),
    ]


@pytest.mark.parametrize("cut", [8, 100, -8])
def test_truncated_parquet_is_ne106(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "actors.parquet"
    pq.write_table(records_to_table("actor", _actors()), path)
    content = path.read_bytes()
    path.write_bytes(content[:cut])
    problems = [item for _, item in read(path)[1] if isinstance(item, ReadProblem)]
    assert [p.code for p in problems] == ["NE106"]


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(datasets_strategy(max_events=3))
def test_json_lines_and_parquet_give_the_same_report(dataset: Dataset) -> None:
    import tempfile

    records = dataset.json_records()
    with tempfile.TemporaryDirectory() as folder:
        jsonl = Path(folder) / "all.jsonl"
        jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        tables = []
        for record_type in ("document", "actor", "event"):
            rows = [r for r in records if r["record_type"] == record_type]
            if rows:
                path = Path(folder) / f"{record_type}.parquet"
                pq.write_table(records_to_table(record_type, rows), path)
                tables.append(str(path))
        from_lines = validate(str(jsonl))
        from_parquet = validate(tables)
    assert from_lines.by_code == from_parquet.by_code
    key = sorted((i.code, i.record_id, i.location.pointer) for i in from_lines.issues)
    assert key == sorted((i.code, i.record_id, i.location.pointer) for i in from_parquet.issues)


SHIPPED = Path(__file__).resolve().parents[2] / "datasets" / "military-posture-2022" / "1.0.0"


def test_a_dataset_folder_in_our_layout_is_read_once_through_its_manifest() -> None:
    names = [source.path.name for source in find_files([SHIPPED])]
    # The same records exist as JSON, JSON Lines and Parquet; metadata files are no records.
    assert names == ["actors.parquet", "documents.parquet", "events.parquet"]
    report = validate(SHIPPED)
    assert report.valid and not report.issues


def test_a_manifest_that_is_not_ours_leaves_the_folder_walk_alone(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text('{"files": []}', encoding="utf-8")
    (tmp_path / "events.jsonl").write_text("", encoding="utf-8")
    names = [source.path.name for source in find_files([tmp_path])]
    assert names == ["events.jsonl", "manifest.json"]


def test_a_dataset_folder_without_parquet_reads_json_lines(tmp_path: Path) -> None:
    manifest = {"manifest_version": "1.0.0", "files": []}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    for name in ("records.json", "events.jsonl", "actors.jsonl", "documents.jsonl"):
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "croissant.json").write_text("{}", encoding="utf-8")
    names = [source.path.name for source in find_files([tmp_path])]
    assert names == ["actors.jsonl", "documents.jsonl", "events.jsonl"]


@pytest.mark.parametrize(
    "edit",
    ["drop records counts", "drop the events entries", "list nothing", "delete events.parquet"],
)
def test_what_the_dataset_folder_holds_is_read_whatever_its_manifest_says(
    edit: str, tmp_path: Path
) -> None:
    folder = tmp_path / "1.0.0"
    shutil.copytree(SHIPPED, folder)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    if edit == "drop records counts":
        manifest["files"] = [
            {k: v for k, v in f.items() if k != "records"} for f in manifest["files"]
        ]
    elif edit == "drop the events entries":
        manifest["files"] = [f for f in manifest["files"] if not f["path"].startswith("events.")]
    elif edit == "list nothing":
        manifest["files"] = []
    else:
        (folder / "events.parquet").unlink()
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with (folder / "events.jsonl").open("a", encoding="utf-8") as events:
        events.write("not json\n")
    names = sorted(source.path.name for source in find_files([folder]))
    events_file = "events.jsonl" if edit == "delete events.parquet" else "events.parquet"
    assert names == sorted(["actors.parquet", "documents.parquet", events_file])
    assert validate(folder).records == validate(SHIPPED).records + (edit == "delete events.parquet")
