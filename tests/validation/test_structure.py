"""Pydantic errors become coded issues at RFC 6901 pointers, with plain messages."""

from __future__ import annotations

from typing import Any

import pytest

from newsevents.validation import validate
from newsevents.validation.checks.structure import record_path
from newsevents.validation.messages import enumerate_values, pointer, quote


def issues(record: dict[str, Any]) -> list[tuple[str, str, str]]:
    # Alone, the record's references are unknown and its spans cannot be checked (a broken
    # record gets those checks too): those issues are left out here.
    report = validate([record], ignore=["NE502", "NE503", "NE504", "NE607"])
    return [(i.code, i.location.pointer, i.message) for i in report.issues]


def test_union_tags_are_dropped_from_the_pointer(records: dict[str, Any]) -> None:
    loc = ("event", "alert", "cameo", "code")
    assert record_path(loc, records["alert"]) == ["cameo", "code"]
    assert record_path(("actor", "country"), records["germany"]) == ["country"]


def test_pointer_escapes_tilde_and_slash() -> None:
    assert pointer(["a/b", "c~d", 0]) == "/a~1b/c~0d/0"
    assert pointer([]) == ""


def test_unknown_field_pointer_is_escaped(records: dict[str, Any]) -> None:
    alert = records["alert"]
    alert["a/b~c"] = 1
    assert ("NE303", "/a~1b~0c", 'unknown field "a/b~c"') in issues(alert)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"record_type": "evnt"}, ("NE307", "/record_type")),
        ({"record_type": None}, ("NE307", "/record_type")),
        ({"event_type": "attack"}, ("NE307", "/event_type")),
        ({"event_type": 5}, ("NE307", "/event_type")),
        ({"id": ""}, ("NE305", "/id")),
        ({"id": 7}, ("NE302", "/id")),
        (
            {"cameo": {"code": 152, "root": "15", "quad_class": 4, "goldstein": -7.2}},
            ("NE302", "/cameo/code"),
        ),
        (
            {"cameo": {"code": "1" * 20, "root": "15", "quad_class": 4, "goldstein": -7.2}},
            ("NE401", "/cameo/code"),
        ),
        ({"participants": "actor-nato"}, ("NE302", "/participants")),
        ({"evidence": [1]}, ("NE302", "/evidence/0")),
        ({"notes": ""}, ("NE306", "/notes")),
    ],
)
def test_pydantic_errors_map_to_codes_and_pointers(
    records: dict[str, Any], change: dict[str, Any], expected: tuple[str, str]
) -> None:
    alert = records["alert"]
    alert.update(change)
    assert expected in [(code, where) for code, where, _ in issues(alert)]


def test_missing_record_type_and_event_type(records: dict[str, Any]) -> None:
    alert = records["alert"]
    del alert["event_type"]
    assert [(c, p) for c, p, _ in issues(alert)] == [("NE307", "/event_type")]
    del alert["record_type"]
    assert [(c, p) for c, p, _ in issues(alert)] == [("NE307", "/record_type")]


def test_timestamps_without_zone_are_ne713_other_bad_timestamps_ne308(
    records: dict[str, Any],
) -> None:
    alert = records["alert"]
    alert["provenance"]["annotated_at"] = "2022-02-02 09:30"
    assert issues(alert)[0][:2] == ("NE713", "/provenance/annotated_at")
    alert["provenance"]["annotated_at"] = "yesterday"
    assert issues(alert)[0][:2] == ("NE308", "/provenance/annotated_at")


def test_country_and_actor_code_patterns_are_codebook_codes(records: dict[str, Any]) -> None:
    germany = records["germany"]
    germany["country"] = "de"
    assert issues(germany)[0][:2] == ("NE410", "/country")
    records["alert"]["locations"] = [{"name": "Kyiv", "kind": "place", "country_code": "ua"}]
    assert issues(records["alert"])[0][:2] == ("NE410", "/locations/0/country_code")


def test_messages_say_what_was_expected_and_what_was_found(records: dict[str, Any]) -> None:
    deployment = records["deployment"]
    deployment["force"]["size"]["value"] = "5000"
    deployment["status"] = "sent"
    messages = {code: message for code, _, message in issues(deployment)}
    assert messages["NE302"] == 'expected an integer, found the string "5000"'
    assert messages["NE304"].startswith('expected "considered", "recommended"')
    assert messages["NE304"].endswith('found the string "sent"')


def test_long_values_and_long_lists_are_shortened() -> None:
    shortened = quote("x" * 10_000)
    assert len(shortened) < 100
    assert shortened.endswith("(10,000 characters)")
    listed = enumerate_values([f"v{n}" for n in range(310)])
    assert listed.endswith("or 302 other values")
    assert enumerate_values(["a", "b"]) == '"a" or "b"'


def test_model_rule_lists_are_rendered_as_values(records: dict[str, Any]) -> None:
    alert = records["alert"]
    alert["participants"][0]["role"] = "speaker"
    [(code, where, message)] = issues(alert)
    assert code == "NE714"
    assert where == "/participants/0/role"
    assert message.startswith('alert events allow roles "source", "target"')
