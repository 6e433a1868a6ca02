"""The third-party example file gives exactly its expected report; the dataset is valid."""

from __future__ import annotations

import io
import json
from pathlib import Path

from newsevents.validation import validate
from newsevents.validation.showcase import (
    EXPECTED_REPORT,
    dataset_files,
    example_report,
    validation_demo,
)

ROOT = Path(__file__).resolve().parents[2]


def test_example_file_gives_exactly_the_expected_report() -> None:
    expected = json.loads((ROOT / EXPECTED_REPORT).read_text(encoding="utf-8"))
    assert example_report().to_dict() == expected


def test_example_file_has_a_dozen_mistakes_from_several_families() -> None:
    report = example_report()
    assert not report.valid
    assert sum(report.by_code.values()) >= 12
    families = {code[:3] for code in report.by_code}
    assert len(families) >= 6


def test_shipped_dataset_is_valid_without_errors_or_warnings() -> None:
    report = validate([str(path) for path in dataset_files()])
    assert report.valid, [i.to_dict() for i in report.issues]
    assert report.errors == report.warnings == 0
    assert report.records > 0


def test_demo_shows_a_valid_dataset_and_the_invalid_example() -> None:
    out = io.StringIO()
    validation_demo(out)
    text = out.getvalue()
    assert "valid: " in text
    assert "INVALID: 13 records" in text
    assert "the offsets look like UTF-8 byte offsets" in text
