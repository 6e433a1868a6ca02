"""Provenance: who annotated, how, under which guidelines, and when (with a time zone)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.models import Provenance
from newsevents.testing import errors_of

BASE = {"annotator": "annotator-1", "method": "by_hand", "guideline_version": "1.0.0"}


@pytest.mark.parametrize(
    "moment", ["2026-11-25T09:00:00Z", "2026-11-25T09:00:00.123+05:30", "2026-11-25t09:00:00z"]
)
def test_zoned_rfc3339_timestamps_are_accepted(moment: str) -> None:
    provenance = Provenance.model_validate({**BASE, "annotated_at": moment})
    assert provenance.annotated_at.tzinfo is not None


@pytest.mark.parametrize(
    ("moment", "kind"),
    [
        ("2026-11-25T09:00:00", "timezone_aware"),
        ("2026-11-25", "datetime_parsing"),
        ("2026-11-25 09:00Z", "datetime_parsing"),
        (1764061200, "datetime_type"),
        (dt.datetime(2026, 11, 25, 9), "timezone_aware"),
        (dt.datetime(2026, 1, 1, tzinfo=dt.timezone(dt.timedelta(seconds=30))), "timezone_aware"),
    ],
)
def test_naive_or_non_rfc3339_timestamps_are_rejected(moment: object, kind: str) -> None:
    assert errors_of(Provenance, {**BASE, "annotated_at": moment}) == [(kind, ("annotated_at",))]


@pytest.mark.parametrize(
    ("field", "value", "kind"),
    [
        ("method", "manual", "literal_error"),
        ("guideline_version", "1.0", "string_pattern_mismatch"),
        ("guideline_version", "01.0.0", "string_pattern_mismatch"),
        ("confidence", 1.5, "less_than_equal"),
    ],
)
def test_field_constraints(field: str, value: object, kind: str) -> None:
    data = {**BASE, "annotated_at": "2026-11-25T09:00:00Z", field: value}
    assert errors_of(Provenance, data) == [(kind, (field,))]
