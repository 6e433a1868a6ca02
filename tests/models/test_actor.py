"""Actor: CAMEO actor codes, ISO countries, Wikidata ids."""

from __future__ import annotations

from typing import Any

import pytest

from newsevents.models import Actor
from newsevents.testing import errors_of


def _actor(**fields: Any) -> dict[str, Any]:
    return {
        "record_type": "actor",
        "schema_version": "1.0.0",
        "id": "actor-kirby",
        "name": "Kirby",
        "canonical_name": "John Kirby",
        "kind": "person",
        **fields,
    }


@pytest.mark.parametrize(
    ("code", "country"),
    [("USAGOVMIL", "USA"), ("USA", "USA"), ("IGOWSTNAT", "USA"), ("GOV", None), ("RUS", None)],
)
def test_valid_codes(code: str, country: str | None) -> None:
    actor = Actor.model_validate(_actor(cameo_code=code, country=country))
    assert actor.cameo_code == code


def test_a_code_starting_with_another_country_is_rejected() -> None:
    data = _actor(cameo_code="RUSMIL", country="USA")
    assert errors_of(Actor, data) == [("NE412", ("cameo_code",))]


def test_an_unknown_country_is_rejected() -> None:
    assert errors_of(Actor, _actor(country="ZZZ")) == [("NE410", ("country",))]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("cameo_code", "US"),
        ("cameo_code", "usagov"),
        ("cameo_code", "USAGOVMILREBSPYCVL"),
        ("wikidata_id", "Q012"),
        ("wikidata_id", "P31"),
        ("id", "-starts-with-punctuation"),
        ("id", "has space"),
    ],
)
def test_shapes(field: str, value: str) -> None:
    assert errors_of(Actor, _actor(**{field: value})) == [("string_pattern_mismatch", (field,))]


def test_member_of_lists_ids() -> None:
    assert Actor.model_validate(_actor(member_of=["actor-pentagon"])).member_of == [
        "actor-pentagon"
    ]
    assert errors_of(Actor, _actor(member_of=["a b"])) == [
        ("string_pattern_mismatch", ("member_of", 0))
    ]
