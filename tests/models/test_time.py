"""EventTime: a date that starts its precision's period, end after start, inferred with basis."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.models import EventTime
from newsevents.models.time import ACLED_TIME_PRECISION, misaligned
from newsevents.testing import errors_of


@pytest.mark.parametrize(
    ("date", "precision"),
    [
        ("2022-01-26", "day"),
        ("2022-01-24", "week"),
        ("2022-01-01", "month"),
        ("2022-01-01", "year"),
    ],
)
def test_aligned_dates_are_valid(date: str, precision: str) -> None:
    assert EventTime.model_validate({"date": date, "precision": precision}).date.isoformat() == date


@pytest.mark.parametrize(
    ("date", "precision", "reason"),
    [
        ("2022-01-26", "week", "must be a Monday, found a Wednesday"),
        ("2022-01-24", "month", "must be the 1st, found day 24"),
        ("2022-02-01", "year", "must be 1 January, found 01 February"),
    ],
)
def test_misaligned_dates_are_rejected_at_date(date: str, precision: str, reason: str) -> None:
    assert errors_of(EventTime, {"date": date, "precision": precision}) == [("NE706", ("date",))]
    found = misaligned(dt.date.fromisoformat(date), precision)  # type: ignore[arg-type]
    assert found is not None and reason in found


def test_inferred_needs_a_basis() -> None:
    data = {"date": "2022-01-24", "precision": "day", "inferred": True}
    assert errors_of(EventTime, data) == [("NE707", ("inferred_from",))]
    data["inferred_from"] = "'Monday' against the publication date"
    assert errors_of(EventTime, data) == []


def test_end_before_start_is_rejected_at_end_date() -> None:
    data = {"date": "2022-01-24", "end_date": "2022-01-23", "precision": "day"}
    assert errors_of(EventTime, data) == [("NE708", ("end_date",))]


def test_several_time_rules_are_reported_together() -> None:
    data = {"date": "2022-01-26", "end_date": "2022-01-01", "precision": "week", "inferred": True}
    assert sorted(errors_of(EventTime, data)) == [
        ("NE706", ("date",)),
        ("NE707", ("inferred_from",)),
        ("NE708", ("end_date",)),
    ]


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (0, "date_type"),
        (1643000000, "date_type"),
        ("2022-01-24T00:00:00", "date_parsing"),
        ("20220124", "date_parsing"),
        ("2022-02-30", "date_from_datetime_parsing"),
        (dt.datetime(2022, 1, 24), "date_type"),
    ],
)
def test_only_plain_iso_dates_are_accepted(value: object, kind: str) -> None:
    assert errors_of(EventTime, {"date": value, "precision": "day"}) == [(kind, ("date",))]


def test_acled_precision_codes() -> None:
    assert ACLED_TIME_PRECISION == {"day": 1, "week": 2, "month": 3, "year": 3}
