"""Worker processes give the single-process reference report, whatever the chunking."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reports import renamed, same
from reports import write_jsonl as write

from newsevents.testing import Broken, Dataset, broken_records, datasets_strategy
from newsevents.validation import validate
from newsevents.validation.examples.base import records as example_records
from newsevents.validation.fast import chunks
from newsevents.validation.parallel import validate_paths


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut JSON Lines files into chunks of a few kilobytes, so small files have several."""
    monkeypatch.setattr(chunks, "MIN_CHUNK_BYTES", 2048)


@pytest.mark.usefixtures("small_chunks")
def test_chunks_of_one_file_give_the_reference_report(tmp_path: Path) -> None:
    records = list(example_records().values())
    many = [r for copy in range(12) for r in renamed(records, copy)]
    many[40] = {**many[40], "id": many[3]["id"]}  # a duplicate id in another chunk
    many.insert(70, {"record_type": "event"})  # a broken record
    path = write(tmp_path / "records.jsonl", many)
    assert len(chunks.plan(path, "records.jsonl", 0, 2)) > 1
    reference = validate(path)
    same(reference, validate_paths(path, jobs=2))
    same(reference, validate_paths(path, jobs=2))  # and again: the order never varies


@pytest.mark.usefixtures("small_chunks")
def test_several_files_and_one_worker(tmp_path: Path) -> None:
    records = list(example_records().values())
    first = write(tmp_path / "a.jsonl", records[:4])
    second = write(tmp_path / "b.jsonl", records[4:])
    same(validate([first, second]), validate_paths([first, second], jobs=2))
    same(validate([first, second]), validate_paths([first, second], jobs=1))


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(datasets_strategy(max_events=4), st.lists(broken_records(), max_size=2))
def test_generated_datasets_in_chunks(
    tmp_path_factory: pytest.TempPathFactory, dataset: Dataset, broken: list[Broken]
) -> None:
    chunks.MIN_CHUNK_BYTES, saved = 1024, chunks.MIN_CHUNK_BYTES
    try:
        records = [*dataset.json_records(), *(b.record for b in broken)]
        path = write(tmp_path_factory.mktemp("parallel") / "records.jsonl", records)
        same(validate(path), validate_paths(path, jobs=2))
    finally:
        chunks.MIN_CHUNK_BYTES = saved


@given(st.lists(st.binary(max_size=40).map(lambda b: b.replace(b"\n", b"")), max_size=60))
@settings(max_examples=50, deadline=None)
def test_chunks_cut_on_line_ends_and_cover_the_file(lines: list[bytes]) -> None:
    import tempfile

    chunks.MIN_CHUNK_BYTES, saved = 16, chunks.MIN_CHUNK_BYTES
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "lines.jsonl"
            data = b"\n".join(lines)
            path.write_bytes(data)
            tasks = chunks.plan(path, "lines.jsonl", 0, 3)
            assert tasks[0].start == 0 and tasks[-1].end is None
            for before, after in itertools.pairwise(tasks):
                assert before.end == after.start
                assert data[after.start - 1 : after.start] == b"\n"
    finally:
        chunks.MIN_CHUNK_BYTES = saved
