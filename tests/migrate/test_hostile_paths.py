"""``migrate_paths`` given one path as a string reads that path, not its letters."""

from __future__ import annotations

from pathlib import Path

from newsevents.dataset import load_dataset
from newsevents.migration import migrate_paths


def test_one_path_as_a_string_is_one_path() -> None:
    path = load_dataset(version="1.0.0").folder / "records.json"
    for given in (str(path), path, [str(path)]):
        records, report = migrate_paths(given, to="1.1.0")
        assert report.valid
        assert [file.path for file in report.files] == [Path(path).as_posix()]
        assert len(records) == report.records > 0
