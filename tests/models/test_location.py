"""Location: ISO country codes, coordinates in pairs, countries with codes."""

from __future__ import annotations

import pytest

from newsevents.models import Location
from newsevents.testing import errors_of


def test_a_full_location_is_valid() -> None:
    location = Location.model_validate(
        {
            "name": "Rzeszów",
            "kind": "place",
            "country_code": "POL",
            "admin1": "Podkarpackie",
            "latitude": 50.04,
            "longitude": 22,
            "geo_precision": 1,
            "wikidata_id": "Q146209",
        }
    )
    assert location.longitude == 22.0


@pytest.mark.parametrize(
    ("given", "missing"), [("latitude", "longitude"), ("longitude", "latitude")]
)
def test_coordinates_come_in_pairs(given: str, missing: str) -> None:
    data = {"name": "x", "kind": "place", given: 10.0}
    assert errors_of(Location, data) == [("NE716", (missing,))]


def test_a_country_has_a_code() -> None:
    assert errors_of(Location, {"name": "Ukraine", "kind": "country"}) == [
        ("NE717", ("country_code",))
    ]


@pytest.mark.parametrize("code", ["ZZZ", "XKX", "SUN"])
def test_unknown_country_codes_are_rejected(code: str) -> None:
    data = {"name": "x", "kind": "place", "country_code": code}
    assert errors_of(Location, data) == [("NE410", ("country_code",))]


@pytest.mark.parametrize(
    ("field", "value", "kind"),
    [
        ("country_code", "UA", "string_pattern_mismatch"),
        ("latitude", 91, "less_than_equal"),
        ("longitude", -180.5, "greater_than_equal"),
        ("geo_precision", 4, "literal_error"),
        ("wikidata_id", "Q0", "string_pattern_mismatch"),
        ("kind", "city", "literal_error"),
    ],
)
def test_field_constraints(field: str, value: object, kind: str) -> None:
    data = {"name": "x", "kind": "place", "latitude": 0, "longitude": 0, field: value}
    assert errors_of(Location, data) == [(kind, (field,))]
