"""Migrations: registered steps between adjacent versions, each change reported."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from packaging.version import Version

import newsevents
from newsevents.cli import main
from newsevents.migration import STEPS, migrate, migrate_paths
from newsevents.models import RECORD_ADAPTER, newer_features, validator_for
from newsevents.testing import actors, alerts, deployments, documents, to_json
from newsevents.testing.features import newer_records
from newsevents.versions import PUBLISHED_VERSIONS

ROOT = Path(__file__).resolve().parents[2]
DATASET = ROOT / "datasets" / "military-posture-2022" / "1.0.0"


def _shipped() -> list[dict[str, Any]]:
    bundle = json.loads((DATASET / "records.json").read_text("utf-8"))
    return [*bundle["documents"], *bundle["actors"], *bundle["events"]]


def test_every_pair_of_adjacent_versions_has_a_step_each_way() -> None:
    ordered = sorted(PUBLISHED_VERSIONS, key=Version)
    for older, newer in pairwise(ordered):
        assert (older, newer) in STEPS and (newer, older) in STEPS
    assert set(STEPS) == {p for a, b in pairwise(ordered) for p in ((a, b), (b, a))}


def test_the_shipped_dataset_goes_up_and_back_unchanged() -> None:
    records = _shipped()
    up, report = newsevents.migrate(records, to="1.1.0")
    assert report.valid and report.by_code == {"NE901": len(records)}
    assert all(r["schema_version"] == "1.1.0" for r in up)
    assert all(issue.location.pointer == "/schema_version" for issue in report.issues)
    down, back = migrate(up, to="1.0.0")
    assert back.valid and down == records


def _as_1_0(record: Any) -> dict[str, Any]:
    data = to_json(record)
    data["schema_version"] = "1.0.0"
    return data


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(documents(), actors(), alerts(), deployments()).map(_as_1_0), max_size=3))
def test_any_1_0_0_record_goes_up_and_back_unchanged(records: list[dict[str, Any]]) -> None:
    records = [r for r in records if validator_for("1.0.0").is_valid(r)]
    up, report = migrate(records, to="1.1.0")
    refused = report.by_code.get("NE903", 0)  # a 1.0.0 record breaking a rule held back
    assert len(up) == len(records) - refused
    down, back = migrate(up, to="1.0.0")
    assert back.valid
    assert down == [r for r in records if {**r, "schema_version": "1.1.0"} in up]


def test_a_1_1_0_feature_cannot_go_down_and_is_reported_where_it_is() -> None:
    alert = next(r for r in _shipped() if r.get("event_type") == "alert")
    alert = {**alert, "schema_version": "1.1.0"}
    alert["factuality"] = {**alert["factuality"], "holder": "actor-austin"}
    alert["provenance"] = {**alert["provenance"], "method": "imported"}
    out, report = migrate([alert], to="1.0.0")
    assert out == [] and not report.valid
    found = {(i.code, i.location.record, i.location.pointer) for i in report.issues}
    assert found == {
        ("NE902", 0, "/factuality/holder"),
        ("NE902", 0, "/provenance/method"),
    }


def test_a_text_less_document_cannot_go_down() -> None:
    document = {
        "record_type": "document",
        "schema_version": "1.1.0",
        "id": "doc-gdelt-1",
        "language": "en",
        "is_translation": False,
        "url": "https://example.org/a",
    }
    out, report = migrate([document], to="1.0.0")
    assert out == []
    assert {i.location.pointer for i in report.issues} == {"/text", "/sha256"}
    assert report.by_code == {"NE902": 2}


@pytest.mark.parametrize("declared", ["0.9.0", "2.0.0", "1.0", None])
def test_a_record_of_no_published_version_has_no_path(declared: object) -> None:
    record = {**_shipped()[1], "schema_version": declared}
    out, report = migrate([record], to="1.1.0")
    assert out == [] and report.by_code == {"NE904": 1}


def test_an_unpublished_target_is_refused() -> None:
    with pytest.raises(ValueError, match="not published"):
        migrate(_shipped(), to="1.2.0")


def test_parquet_written_by_1_0_0_migrates() -> None:
    records, report = migrate_paths([DATASET / "events.parquet"], to="1.1.0")
    assert report.valid and len(records) == 20
    assert report.files[0].records == 20


def test_the_cli_migrates_both_ways(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    up, down = tmp_path / "up.jsonl", tmp_path / "down.json"
    assert main(["migrate", str(DATASET / "records.json"), "--to", "1.1.0", "-o", str(up)]) == 0
    assert "migrated 41 of 41 record(s) to 1.1.0" in capsys.readouterr().out
    assert main(["migrate", str(up), "--to", "1.0.0", "-o", str(down), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["by_code"] == {"NE901": 41}
    assert json.loads(down.read_text("utf-8")) == _shipped()


def test_the_cli_exits_1_on_a_refusal_and_2_on_a_bad_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "old.jsonl"
    source.write_text(json.dumps({**_shipped()[1], "schema_version": "0.9.0"}) + "\n", "utf-8")
    assert main(["migrate", str(source), "--to", "1.1.0", "-o", str(tmp_path / "o.jsonl")]) == 1
    assert "NE904" in capsys.readouterr().out
    assert main(["migrate", str(source), "--to", "9.9.9", "-o", str(tmp_path / "o.jsonl")]) == 2
    assert "not published" in capsys.readouterr().err


@settings(max_examples=60, deadline=None)
@given(newer_records())
def test_a_1_1_0_record_goes_down_exactly_when_nothing_would_be_lost(
    record: dict[str, Any],
) -> None:
    newer = list(newer_features(RECORD_ADAPTER.validate_python(record), "1.0.0"))
    down, report = migrate([record], to="1.0.0")
    if newer:
        assert down == [] and set(report.by_code) == {"NE902"}
        assert report.by_code["NE902"] == len(newer)
        return
    assert report.by_code == {"NE901": 1}
    up, again = migrate(down, to="1.1.0")
    assert again.valid and up == [record]


def test_a_value_that_is_no_record_is_reported_not_dropped(tmp_path: Path) -> None:
    source = tmp_path / "mixed.json"
    source.write_text(json.dumps([42, _shipped()[1]]), encoding="utf-8")
    records, report = migrate_paths([source], to="1.1.0")
    assert len(records) == 1
    found = {(i.code, i.location.record) for i in report.issues}
    assert found == {("NE104", 0), ("NE901", 1)}


def test_an_unreadable_file_is_reported(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    records, report = migrate_paths([broken, tmp_path / "missing.jsonl"], to="1.1.0")
    assert records == [] and report.by_code == {"NE103": 1, "NE101": 1}
