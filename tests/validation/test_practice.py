"""Best practice, open codebook lists and publication dates: checks beyond one model."""

from __future__ import annotations

from typing import Any

from newsevents.validation import validate
from newsevents.validation.checks.codebook import unknown_elements


def located(records: dict[str, Any]) -> list[tuple[str, str, str]]:
    report = validate(list(records.values()))
    return [(i.code, i.severity, i.location.pointer) for i in report.issues]


def test_a_statement_with_a_quote_has_evidence(records: dict[str, Any]) -> None:
    del records["statement"]["trigger"]
    assert located(records) == []
    del records["statement"]["quote"]
    records["statement"]["speech"] = "reported_speech"
    assert located(records) == [("NE801", "warning", "/trigger")]


def test_a_hedged_range_without_span_is_named_in_the_message(records: dict[str, Any]) -> None:
    size = records["deployment"]["force"]["size"]
    del size["value"], size["evidence"]
    size.update(low=4000, high=6000)
    [issue] = validate(list(records.values())).issues
    assert issue.message == 'approximate quantity "4000-6000 troops" has no evidence'


def test_actor_code_elements() -> None:
    assert list(unknown_elements("USAGOVMIL")) == []
    assert list(unknown_elements("IGOWSTNAT")) == []  # organisation codes are not listed
    assert list(unknown_elements("EEUMIL")) == []  # a region first
    assert list(unknown_elements("JAPGOV")) == ["JAP"]  # a legacy code, not ISO
    assert list(unknown_elements("USAGOVXYZABC")) == ["XYZ", "ABC"]


def test_open_lists_are_warnings_or_notes_not_errors(records: dict[str, Any]) -> None:
    records["alert"]["plover"]["contexts"] = ["military", "naval"]
    records["germany"]["cameo_code"] = "DEUMILNAV"
    records["document"]["source_language"] = "qq"
    records["document"]["is_translation"] = True
    assert located(records) == [
        ("NE805", "info", "/source_language"),
        ("NE413", "warning", "/cameo_code"),
        ("NE414", "warning", "/plover/contexts/1"),
    ]


def test_only_asserted_past_events_must_precede_publication(records: dict[str, Any]) -> None:
    records["alert"]["time"]["date"] = "2022-02-08"
    assert [c for c, *_ in located(records)] == ["NE705"]
    records["alert"]["factuality"]["tense"] = "future"
    assert located(records) == []


def test_publication_checks_wait_for_a_later_document(records: dict[str, Any]) -> None:
    records["alert"]["time"]["date"] = "2022-02-08"
    document = records.pop("document")
    report = validate([*records.values(), document])
    assert [(i.code, i.location.record) for i in report.issues] == [("NE705", 4)]
