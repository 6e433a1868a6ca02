"""The proposed 1.1.0 annotations: the 1.0.0 dataset migrated, then what 1.1.0 lets it say."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import yaml

from newsevents import validate
from newsevents.migration import migrate
from newsevents.models import RECORD_ADAPTER, newer_features

ROOT = Path(__file__).resolve().parents[2] / "datasets" / "military-posture-2022"
PROPOSAL = yaml.safe_load((ROOT / "source" / "proposed-1.1.0.yaml").read_text("utf-8"))
ARTICLE = (ROOT / "1.0.0" / "article.txt").read_text("utf-8")


def _shipped() -> list[dict[str, Any]]:
    bundle = json.loads((ROOT / "1.0.0" / "records.json").read_text("utf-8"))
    return [*bundle["documents"], *bundle["actors"], *bundle["events"]]


def _parts(pointer: str) -> list[str | int]:
    return [int(p) if p.isdigit() else p for p in pointer.lstrip("/").split("/")]


def _set(record: dict[str, Any], pointer: str, value: Any) -> None:
    *parents, last = _parts(pointer)
    holder: Any = record
    for part in parents:
        holder = holder[part]
    holder[last] = copy.deepcopy(value)


def _remove(record: dict[str, Any], pointer: str) -> None:
    *parents, last = _parts(pointer)
    holder: Any = record
    for part in parents:
        holder = holder[part]
    del holder[last]


def proposed() -> list[dict[str, Any]]:
    """The 1.0.0 records migrated to 1.1.0, with the proposal's changes and additions."""
    records, report = migrate(_shipped(), to="1.1.0")
    assert report.valid
    by_id = {r["id"]: r for r in records}
    for change in PROPOSAL["changes"]:
        record = by_id[change["record"]]
        for pointer, value in change.get("set", {}).items():
            _set(record, pointer, value)
        for pointer in change.get("remove", []):
            _remove(record, pointer)
    return [*records, *(copy.deepcopy(a["record"]) for a in PROPOSAL["add"])]


def test_the_proposed_dataset_is_a_valid_1_1_0_dataset() -> None:
    report = validate(proposed())
    assert report.valid and report.errors == 0, [i.to_dict() for i in report.issues]
    assert validate(_shipped()).by_code == report.by_code


def test_every_change_quotes_a_sentence_of_the_article() -> None:
    for entry in [*PROPOSAL["changes"], *PROPOSAL["add"]]:
        assert entry["sentence"] in ARTICLE, entry["sentence"]
        assert entry["why"]


def test_each_changed_record_says_what_only_1_1_0_can() -> None:
    records = {r["id"]: r for r in proposed()}
    changed = {c["record"] for c in PROPOSAL["changes"]} | {
        a["record"]["id"] for a in PROPOSAL["add"]
    }
    newer = {
        record_id
        for record_id in changed
        if list(newer_features(RECORD_ADAPTER.validate_python(records[record_id]), "1.0.0"))
    }
    # ev-stmt-08 itself is 1.0.0-shaped; it now reports the new general event.
    assert changed - newer == {"ev-stmt-08"}


def test_the_proposal_cannot_go_down_to_1_0_0_without_loss() -> None:
    down, report = migrate(proposed(), to="1.0.0")
    refused = {issue.record_id for issue in report.issues if issue.code == "NE902"}
    assert refused == {c["record"] for c in PROPOSAL["changes"]} - {"ev-stmt-08"} | {
        "ev-consult-01"
    }
    assert len(down) == len(proposed()) - len(refused)
