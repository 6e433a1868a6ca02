"""Worker processes, parts of files and Parquet give the one-process report, issue for issue."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reports import example_reports, renamed, same
from reports import write_jsonl as write

from newsevents.io.arrow import records_to_table
from newsevents.io.readers import FileReading
from newsevents.testing import Broken, Dataset, broken_records, datasets_strategy
from newsevents.validation import Report, validate
from newsevents.validation.examples import code_examples
from newsevents.validation.examples.base import records as example_records
from newsevents.validation.parallel import (
    count_part,
    plan,
    usable_cores,
    validate_paths,
    validate_with,
)


def in_parts(paths: object, **options: object) -> Report:
    """Validate in this process, JSON Lines cut into parts of about 1 KB."""
    return validate_with(paths, map, jobs=2, part_bytes=1024, **options)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def pool() -> Iterator[ProcessPoolExecutor]:
    with ProcessPoolExecutor(max_workers=2) as workers:
        yield workers


def many_records() -> list[dict[str, object]]:
    records = list(example_records().values())
    many = [r for copy in range(12) for r in renamed(records, copy)]
    many[40] = {**many[40], "id": many[3]["id"]}  # a duplicate id, in another part
    many.insert(70, {"record_type": "event"})  # a broken record
    return many


def test_parts_in_worker_processes_give_the_reference_report(
    tmp_path: Path, pool: ProcessPoolExecutor
) -> None:
    path = write(tmp_path / "records.jsonl", many_records())
    reading = FileReading(path, "records.jsonl")
    assert len(plan(reading, 0, 2, part_bytes=2048)) > 4
    reference = validate(path)
    for _ in range(2):  # and again: the order never varies
        same(reference, validate_with(path, pool.map, jobs=2, part_bytes=2048))
    same(reference, validate_paths(path, jobs=2))


def test_line_and_record_numbers_survive_the_cut(tmp_path: Path) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in many_records()]
    lines[5:5] = ["", "   ", "{not json", "[1, 2]"]  # blank lines are no records
    path = tmp_path / "records.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode("utf-8"))  # BOM, no last \n
    same(validate(path), in_parts(path))


def test_parts_count_their_lines_and_records(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    data = b'{"a": 1}\n\n{"b": 2}\n   \n{"c": 3}'
    path.write_bytes(data)
    parts = plan(FileReading(path, "lines.jsonl"), 0, 2, part_bytes=1)
    counts = [count_part(p) for p in parts]
    assert len(parts) > 1 and all(
        p.span and data[p.span[0] - 1 : p.span[0]] in (b"", b"\n") for p in parts
    )
    assert (sum(lines for lines, _ in counts), sum(found for _, found in counts)) == (5, 3)


def test_several_files_folders_documents_and_problems(tmp_path: Path) -> None:
    records = list(example_records().values())
    documents = [r for r in records if r["record_type"] == "document"]
    rest = [r for r in records if r["record_type"] != "document"]
    first = write(tmp_path / "a.jsonl", rest[:4])
    (tmp_path / "folder").mkdir()
    write(tmp_path / "folder" / "b.jsonl", rest[4:])
    (tmp_path / "folder" / "c.json").write_text(json.dumps(rest[:2]), encoding="utf-8")
    (tmp_path / "folder" / "empty.jsonl").write_bytes(b"")
    given = write(tmp_path / "documents.jsonl", documents)
    paths = [first, tmp_path / "folder", tmp_path / "missing.jsonl"]
    same(validate(paths, documents=given), in_parts(paths, documents=given))
    options = {"select": ["NE5", "NE6"], "max_issues": 1}
    same(validate(paths, **options), in_parts(paths, **options))  # type: ignore[arg-type]


def test_parquet_row_groups_give_the_reference_report(tmp_path: Path) -> None:
    records = many_records()
    records.pop(70)  # Parquet cannot hold a record without its columns
    for kind in ("document", "actor", "event"):
        table = records_to_table(kind, [r for r in records if r["record_type"] == kind])
        pq.write_table(table, tmp_path / f"{kind}.parquet", row_group_size=5)
    assert pq.ParquetFile(tmp_path / "event.parquet").num_row_groups > 4
    reference = validate(tmp_path)
    assert reference.codes() >= {"NE501"}
    same(reference, in_parts(tmp_path))
    jsonl = write(tmp_path / "all.jsonl", records)
    assert validate(jsonl).by_code == reference.by_code  # the same rules, whatever the format


@pytest.mark.parametrize("code", sorted(code_examples()))
def test_every_code_example_gives_the_reference_report_in_parts(code: str, tmp_path: Path) -> None:
    reference, other = example_reports(code, tmp_path, in_parts)
    same(reference, other)


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(datasets_strategy(max_events=4), st.lists(broken_records(), max_size=3), st.randoms())
def test_generated_datasets_with_broken_records_in_parts(
    tmp_path_factory: pytest.TempPathFactory, dataset: Dataset, broken: list[Broken], random: object
) -> None:
    records = [*dataset.json_records(), *(b.record for b in broken)]
    random.shuffle(records)  # type: ignore[attr-defined]
    path = write(tmp_path_factory.mktemp("parallel") / "records.jsonl", records)
    same(validate(path), in_parts(path))


def test_jobs_beyond_the_usable_cores_are_capped_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", list(example_records().values()))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = validate_paths(path, jobs=usable_cores() + 1)
    assert any("capped" in str(w.message) for w in caught)
    same(validate(path), report)


def test_a_document_id_repeated_in_a_later_part_is_settled_as_in_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The later part checked its spans against its own copy of the document: the parent
    sees it was not the first of its id and validates in one process instead."""
    from newsevents.validation import parallel

    fallbacks: list[object] = []
    monkeypatch.setattr(
        parallel, "validate", lambda *a, **k: fallbacks.append(a) or validate(*a, **k)
    )
    records = many_records()
    document = next(r for r in records if r["record_type"] == "document")
    events = [r for r in records if r.get("document_id") == document["id"]]
    again = {**document, "text": "A different text. " + str(document["text"])}
    again.pop("sha256", None)
    moved = [{**e, "id": f"{e['id']}-again"} for e in events]
    path = write(tmp_path / "records.jsonl", [*records, again, *moved])
    reference = validate(path)
    assert reference.codes() >= {"NE501"}
    same(reference, in_parts(path))
    assert fallbacks
