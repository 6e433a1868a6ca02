"""schema_version decides what a record is validated against, and raises NE201-NE204."""

from __future__ import annotations

from typing import Any

from newsevents.validation import validate
from newsevents.validation.checks.version import VALIDATORS
from newsevents.versions import PUBLISHED_VERSIONS


def codes(*records: dict[str, Any]) -> list[tuple[str, str]]:
    # Alone, a record's references are unknown and its spans cannot be checked (a broken
    # record gets those checks too): those issues are left out here.
    report = validate(list(records), ignore=["NE502", "NE503", "NE504", "NE607"])
    return [(i.code, i.location.pointer) for i in report.issues]


def test_every_published_version_has_its_own_validator() -> None:
    assert set(VALIDATORS) == set(PUBLISHED_VERSIONS)


def test_missing_version_still_validates_the_rest_against_the_current_schema(
    records: dict[str, Any],
) -> None:
    alert = records["alert"]
    del alert["schema_version"]
    alert["cameo"]["code"] = "13y"
    assert codes(alert) == [("NE401", "/cameo/code"), ("NE201", "/schema_version")]


def test_malformed_version_is_one_issue_not_two(records: dict[str, Any]) -> None:
    for value in ("1.0", 1, "v1.0.0", "01.0.0", None):
        records["nato"]["schema_version"] = value
        expected = "NE201" if value is None else "NE204"
        assert codes(records["nato"]) == [(expected, "/schema_version")]


def test_unknown_major_lists_the_supported_versions_and_skips_the_record(
    records: dict[str, Any],
) -> None:
    nato = records["nato"]
    nato["schema_version"] = "2.1.0"
    nato["kind"] = "not checked"
    [issue] = validate([nato]).issues
    assert issue.code == "NE202"
    assert (
        issue.message
        == 'schema_version "2.1.0" is not supported; supported versions: "1.0.0" or "1.1.0"'
    )


def test_newer_minor_warns_and_checks_the_fields_it_knows(records: dict[str, Any]) -> None:
    deployment = records["deployment"]
    deployment["schema_version"] = "1.3.0"
    deployment["force"]["crew_rotation"] = "P30D"  # a field a 1.3 schema might add
    del deployment["force"]["size"]["evidence"]
    report = validate([records["document"], records["nato"], deployment])
    assert report.valid
    assert [(i.code, i.location.pointer) for i in report.issues] == [
        ("NE803", "/force/size/evidence"),
        ("NE203", "/schema_version"),
    ]


def test_newer_minor_still_reports_errors_other_than_unknown_fields(
    records: dict[str, Any],
) -> None:
    alert = records["alert"]
    alert["schema_version"] = "1.2.0"  # newer than every published version (1.1.0 is)
    alert["extra"] = True
    alert["cameo"]["goldstein"] = 3.0
    assert codes(alert) == [("NE405", "/cameo/goldstein"), ("NE203", "/schema_version")]
