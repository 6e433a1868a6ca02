"""Properties over generated data: valid datasets pass; each targeted mutation gives exactly
the expected code at the expected pointer."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from newsevents.testing import Dataset, broken_records, datasets_strategy
from newsevents.validation import Report, validate
from newsevents.validation.checks.anchoring import spans_of

SETTINGS = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ADVICE = {"NE413", "NE414", "NE801", "NE802", "NE803", "NE804", "NE805"}
"""Codes a valid generated dataset may still raise: advice, never errors."""


def errors(report: Report) -> list[tuple[str, int | None, str]]:
    return [
        (i.code, i.location.record, i.location.pointer)
        for i in report.issues
        if i.severity == "error"
    ]


@settings(SETTINGS, max_examples=20)
@given(datasets_strategy(), st.randoms(use_true_random=False))
def test_valid_generated_datasets_give_no_errors_in_any_order(
    dataset: Dataset, random: Any
) -> None:
    records = dataset.json_records()
    report = validate(records)
    assert report.valid, [i.to_dict() for i in report.issues]
    assert set(report.by_code) <= ADVICE
    random.shuffle(records)
    shuffled = validate(records)
    assert shuffled.valid
    assert shuffled.by_code == report.by_code


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken_records())
def test_each_broken_model_rule_gives_exactly_its_code_at_its_pointer(broken: Any) -> None:
    # The record is alone: the records it refers to are unknown (checked, since one run
    # reports everything, broken record or not), so those issues are left out here.
    report = validate([broken.record], ignore=["NE502", "NE503", "NE504"])
    assert errors(report) == [(broken.code, 0, broken.pointer)]


@SETTINGS
@given(datasets_strategy(max_events=3), st.data())
def test_a_shifted_span_gives_exactly_ne604_at_the_span(
    dataset: Dataset, data: st.DataObject
) -> None:
    records = dataset.json_records()
    texts = {d.id: d.text for d in dataset.documents}
    events = [(i, e) for i, e in enumerate(dataset.records()) if e in dataset.events]
    spans = [
        (index, pointer, span, texts[event.document_id])  # type: ignore[union-attr]
        for index, event in events
        for pointer, span in spans_of(event)
    ]
    assume(spans)
    index, pointer, span, text = data.draw(st.sampled_from(spans))
    shift = data.draw(st.integers(-span.start, len(text) - span.end).filter(bool))
    assume(text[span.start + shift : span.end + shift] != span.exact)
    moved = _at(records[index], pointer)
    moved["start"], moved["end"] = span.start + shift, span.end + shift
    moved.pop("prefix", None)
    moved.pop("suffix", None)
    assert errors(validate(records)) == [("NE604", index, pointer)]


@SETTINGS
@given(datasets_strategy(max_events=3), st.data())
def test_an_unknown_actor_gives_exactly_ne502(dataset: Dataset, data: st.DataObject) -> None:
    records = dataset.json_records()
    cited = [
        (i, f"/participants/{n}/actor_id")
        for i, r in enumerate(records)
        for n, _ in enumerate(r.get("participants", []))
    ]
    assume(cited)
    index, pointer = data.draw(st.sampled_from(cited))
    part = _at(records[index], pointer.rsplit("/", 1)[0])
    roles = {(p["actor_id"], p["role"]) for p in records[index]["participants"]}
    part["actor_id"] = "no-such-actor"
    assume(("no-such-actor", part["role"]) not in roles)
    assert errors(validate(records)) == [("NE502", index, pointer)]


@SETTINGS
@given(datasets_strategy(max_events=3), st.data())
def test_a_repeated_record_gives_exactly_ne501_at_the_repeat(
    dataset: Dataset, data: st.DataObject
) -> None:
    records = dataset.json_records()
    repeated = copy.deepcopy(data.draw(st.sampled_from(records)))
    report = validate([*records, repeated])
    assert errors(report) == [("NE501", len(records), "/id")]


def _at(record: dict[str, Any], pointer: str) -> Any:
    value: Any = record
    for part in pointer.lstrip("/").split("/"):
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


UNREAD_BY_CHECKS = ("notes", "provenance")
"""Event fields no registered check and no model rule of another field reads."""


def _issues_outside(report: Report, record: int, field: str) -> list[tuple[str, int | None, str]]:
    return [
        (i.code, i.location.record, i.location.pointer)
        for i in report.issues
        if not (i.location.record == record and i.location.pointer.startswith(f"/{field}"))
    ]


@SETTINGS
@given(datasets_strategy(max_events=3), st.data())
def test_a_structural_error_in_one_field_leaves_the_other_issues_unchanged(
    dataset: Dataset, data: st.DataObject
) -> None:
    """One run reports everything: a broken field does not hide what is wrong elsewhere in
    the record (a shifted span, an unknown actor) nor anything in other records."""
    records = dataset.json_records()
    events = [i for i, r in enumerate(records) if r["record_type"] == "event"]
    assume(events)
    index = data.draw(st.sampled_from(events))
    event = records[index]
    if data.draw(st.booleans()) and event.get("participants"):
        event["participants"][0]["actor_id"] = "no-such-actor"  # NE502
    spans = spans_of(dataset.events[events.index(index)])
    if data.draw(st.booleans()) and spans:
        moved = _at(event, spans[0][0])
        moved["start"], moved["end"] = moved["start"] + 1, moved["end"] + 1  # NE604 or NE601
        moved.pop("prefix", None)
        moved.pop("suffix", None)
    field = data.draw(st.sampled_from(UNREAD_BY_CHECKS))
    before = validate(records, max_issues=None)
    event[field] = data.draw(st.sampled_from([7, "", [], {"x": 1}]))  # NE302, NE306...
    after = validate(records, max_issues=None)
    assert any(i.location.pointer.startswith(f"/{field}") for i in after.issues)
    assert _issues_outside(after, index, field) == _issues_outside(before, index, field)


def test_a_broken_record_still_gets_its_reference_span_and_rule_checks() -> None:
    from newsevents.validation.examples.base import records as example_records

    records = example_records()
    alert = copy.deepcopy(records["alert"])
    alert["participants"][0]["actor_id"] = "no-such-actor"  # NE502: a reference
    alert["trigger"]["start"] += 1  # NE604: anchoring
    alert["trigger"]["end"] += 1
    alert["links"] = [{"event_id": alert["id"], "relation": "follows"}]  # NE505: a model rule
    alert["notes"] = 5  # NE302: the structural error
    others = [r for key, r in records.items() if r["record_type"] != "event"]
    codes = {i.code for i in validate([*others, alert]).issues}
    assert {"NE302", "NE502", "NE604", "NE505"} <= codes


def _model_codes() -> set[str]:
    """Every issue code the models raise, read from their source."""
    import re
    from pathlib import Path

    import newsevents.models

    folder = Path(newsevents.models.__file__).parent
    text = "\n".join(p.read_text(encoding="utf-8") for p in folder.rglob("*.py"))
    return set(re.findall(r"\bNE[0-9]{3}\b", text))


@pytest.mark.parametrize("code", sorted(_model_codes()))
def test_every_model_rule_has_a_path_to_the_report(code: str, tmp_path: Path) -> None:
    """Each code a model raises reaches the report, in one process and in parts."""
    from reports import example_reports

    from newsevents.codes import CATALOG
    from newsevents.validation.parallel import validate_with

    assert code in CATALOG

    def in_parts(paths: object, **options: object) -> Report:
        return validate_with(paths, map, jobs=2, part_bytes=1024, **options)  # type: ignore[arg-type]

    reference, other = example_reports(code, tmp_path, in_parts)
    assert code in reference.codes() and code in other.codes()
