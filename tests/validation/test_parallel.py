"""Worker processes give the single-process reference report."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reports import renamed, same
from reports import write_jsonl as write

from newsevents.testing import Broken, Dataset, broken_records, datasets_strategy
from newsevents.validation import validate
from newsevents.validation.examples.base import records as example_records
from newsevents.validation.parallel import validate_paths


def test_one_file_gives_the_reference_report(tmp_path: Path) -> None:
    records = list(example_records().values())
    many = [r for copy in range(12) for r in renamed(records, copy)]
    many[40] = {**many[40], "id": many[3]["id"]}  # a duplicate id
    many.insert(70, {"record_type": "event"})  # a broken record
    path = write(tmp_path / "records.jsonl", many)
    reference = validate(path)
    same(reference, validate_paths(path, jobs=2))


def test_several_files_and_one_worker(tmp_path: Path) -> None:
    records = list(example_records().values())
    first = write(tmp_path / "a.jsonl", records[:4])
    second = write(tmp_path / "b.jsonl", records[4:])
    same(validate([first, second]), validate_paths([first, second], jobs=2))
    same(validate([first, second]), validate_paths([first, second], jobs=1))


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(datasets_strategy(max_events=4), st.lists(broken_records(), max_size=2))
def test_generated_datasets(
    tmp_path_factory: pytest.TempPathFactory, dataset: Dataset, broken: list[Broken]
) -> None:
    records = [*dataset.json_records(), *(b.record for b in broken)]
    path = write(tmp_path_factory.mktemp("parallel") / "records.jsonl", records)
    same(validate(path), validate_paths(path, jobs=2))
