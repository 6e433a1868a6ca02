"""Migration reads files with the validator's own reader: every path and byte, the same issue."""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.migration import migrate_paths

DATASET = Path(__file__).resolve().parents[2] / "datasets" / "military-posture-2022" / "1.0.0"
ACTOR = json.loads((DATASET / "records.json").read_text("utf-8"))["actors"][0]


def test_a_fifo_in_a_folder_is_reported_not_waited_on(tmp_path: Path) -> None:
    (tmp_path / "actors.jsonl").write_text(json.dumps(ACTOR) + "\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.jsonl")
    records, report = migrate_paths([tmp_path], to="1.1.0")
    assert [r["id"] for r in records] == [ACTOR["id"]]
    assert "NE109" in report.codes()


def test_a_dangling_link_is_a_broken_link_not_a_missing_file(tmp_path: Path) -> None:
    link = tmp_path / "gone.jsonl"
    link.symlink_to(tmp_path / "nowhere.jsonl")
    _, report = migrate_paths([link], to="1.1.0")
    assert report.codes() == {"NE110"}


def test_a_repeated_key_is_reported_at_its_pointer(tmp_path: Path) -> None:
    line = '{"record_type": "actor", "id": "x", "id": "y"}\n'
    (tmp_path / "dup.jsonl").write_text(line, encoding="utf-8")
    _, report = migrate_paths([tmp_path / "dup.jsonl"], to="1.1.0")
    assert [(i.code, i.location.pointer) for i in report.issues if i.code == "NE114"] == [
        ("NE114", "/id")
    ]


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_raise_and_every_line_is_accounted_for(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "any.jsonl"
        path.write_bytes(data)
        records, report = migrate_paths([path], to="1.1.0")
    assert len(records) <= report.records
    if report.valid:  # nothing refused: every record read was migrated
        assert len(records) == report.records
    else:
        assert report.issues
