"""The codebooks shipped as package data: complete, consistent, versioned on their own."""

from __future__ import annotations

import re
from typing import get_args

import pycountry
import pytest

from newsevents.codebooks import (
    ACLED_EVENT_TYPES,
    CODEBOOK_SOURCES,
    CODEBOOK_VERSION,
    PLOVER_CONTEXTS,
    PLOVER_SPECIAL_CONTEXTS,
    PLOVER_TYPES,
    acled_pair_is_valid,
    cameo_actor_elements,
    cameo_code,
    cameo_codes,
    expected_goldstein,
    expected_quad_class,
    is_country_code,
    plover_modes,
)
from newsevents.codebooks.event_types import (
    EVENT_TYPES,
    allowed_cameo_codes,
    allowed_roles,
    cameo_prefixes,
)
from newsevents.models import PloverCoding
from newsevents.models.events.parts import Role
from newsevents.testing import errors_of


def test_cameo_has_all_316_codes_of_1_1b3() -> None:
    codes = cameo_codes()
    assert len(codes) == 316
    assert len([c for c in codes.values() if c.level == 1]) == 20
    assert sorted({c.root for c in codes.values()}) == [f"{n:02d}" for n in range(1, 21)]


def test_every_cameo_entry_is_consistent() -> None:
    for code, entry in cameo_codes().items():
        assert re.fullmatch(r"[0-9]{2,4}", code) and entry.code == code
        assert entry.root == code[:2]
        assert entry.level == len(code) - 1 if len(code) > 2 else entry.level == 1
        if entry.parent is not None:
            assert code.startswith(entry.parent) and entry.parent in cameo_codes()
        for convention in ("gdelt", "icews"):
            assert expected_quad_class(entry, convention) in (1, 2, 3, 4)  # type: ignore[arg-type]
            value = expected_goldstein(entry, convention)  # type: ignore[arg-type]
            assert value is None or -10 <= value <= 10
        assert entry.plover_type is None or entry.plover_type in PLOVER_TYPES


def test_codes_are_strings_and_leading_zeros_matter() -> None:
    assert cameo_code("010") is not None and cameo_code("10") is not None
    assert cameo_code("010") != cameo_code("10")
    assert cameo_code("999") is None


def test_the_quad_class_conventions_differ_only_for_roots_09_and_14() -> None:
    differ = {c.root for c in cameo_codes().values() if c.quad_gdelt != c.quad_icews}
    assert differ == {"09", "14"}


def test_plover_has_16_types_with_modes_our_models_accept() -> None:
    assert len(PLOVER_TYPES) == 16
    for plover_type in PLOVER_TYPES:
        for mode in plover_modes(plover_type):
            assert errors_of(PloverCoding, {"type": plover_type, "modes": [mode]}) == []
    assert len(PLOVER_CONTEXTS) == 28
    assert set(PLOVER_SPECIAL_CONTEXTS) >= {"negation", "hypothetical", "future"}
    assert errors_of(PloverCoding, {"type": "AID", "contexts": list(PLOVER_CONTEXTS)}) == []


def test_acled_pairs() -> None:
    assert "Strategic developments" in ACLED_EVENT_TYPES
    for event_type, subs in ACLED_EVENT_TYPES.items():
        assert subs and all(acled_pair_is_valid(event_type, sub) for sub in subs)
    assert not acled_pair_is_valid("Battles", "Peaceful protest")
    assert not acled_pair_is_valid("Nope", "Armed clash")


def test_countries_come_from_pycountry() -> None:
    assert all(is_country_code(country.alpha_3) for country in pycountry.countries)
    assert is_country_code("UKR") and is_country_code("USA")
    assert not is_country_code("ZZZ") and not is_country_code("usa")


def test_actor_role_elements() -> None:
    elements = cameo_actor_elements()
    assert len(elements) == 60
    assert {"GOV", "MIL", "IGO", "REB"} <= elements
    assert not {e for e in elements if len(e) == 3 and is_country_code(e)}


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_each_event_type_allows_real_codes_and_known_roles(event_type: str) -> None:
    allowed = allowed_cameo_codes(event_type)
    assert allowed and allowed <= set(cameo_codes())
    assert all(cameo_code(prefix) is not None for prefix in cameo_prefixes(event_type))
    assert set(allowed_roles(event_type)) <= set(get_args(Role))


def test_alerts_are_cameo_15_and_statements_cannot_speak_for_alerts() -> None:
    assert allowed_cameo_codes("alert") == {c for c in cameo_codes() if c.startswith("15")}
    assert "speaker" in allowed_roles("statement") and "speaker" not in allowed_roles("alert")


def test_the_codebook_version_is_separate_from_the_schema_version() -> None:
    assert re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", CODEBOOK_VERSION)
    assert set(CODEBOOK_SOURCES) == {"cameo", "plover", "acled", "countries"}
