"""Quantity: a value or a range, never both, with low <= high."""

from __future__ import annotations

import pytest

from newsevents.models import Quantity
from newsevents.testing import errors_of


def test_a_value_and_a_range_are_both_valid() -> None:
    assert Quantity(value=8500, approximate=True, unit="troops").value == 8500
    assert Quantity(low=3000, high=5000, unit="troops").high == 5000
    assert Quantity(low=5, high=5, unit="troops").low == 5


def test_low_above_high_is_rejected_at_low() -> None:
    assert errors_of(Quantity, {"low": 10, "high": 5, "unit": "troops"}) == [("NE709", ("low",))]


@pytest.mark.parametrize(
    ("data", "loc"),
    [
        ({"unit": "troops"}, ("value",)),
        ({"value": 3, "low": 1, "high": 2, "unit": "troops"}, ("value",)),
        ({"value": 3, "low": 1, "unit": "troops"}, ("value",)),
        ({"low": 1, "unit": "troops"}, ("high",)),
        ({"high": 1, "unit": "troops"}, ("low",)),
    ],
)
def test_shape_rules(data: dict[str, object], loc: tuple[str]) -> None:
    assert errors_of(Quantity, data) == [("NE710", loc)]


def test_counts_are_non_negative_integers() -> None:
    assert errors_of(Quantity, {"value": -1, "unit": "t"})[0][0] == "greater_than_equal"
    assert errors_of(Quantity, {"value": 1.5, "unit": "t"})[0][0] == "int_type"
    assert errors_of(Quantity, {"value": True, "unit": "t"})[0][0] == "int_type"
