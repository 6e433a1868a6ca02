"""CAMEO, PLOVER and ACLED codings: every value consistent with the codebooks."""

from __future__ import annotations

import pytest

from newsevents.models import AcledCoding, CameoCoding, PloverCoding
from newsevents.testing import errors_of


def _cameo(**fields: object) -> dict[str, object]:
    return {"code": "152", "root": "15", "quad_class": 4, "goldstein": -7.2, **fields}


def test_a_consistent_cameo_coding_is_valid() -> None:
    coding = CameoCoding.model_validate(_cameo())
    assert (coding.quad_class_convention, coding.goldstein_table) == ("gdelt", "gdelt")


def test_codes_are_strings_with_leading_zeros() -> None:
    assert errors_of(CameoCoding, _cameo(code="010", root="01", quad_class=1, goldstein=0.0)) == []
    assert errors_of(CameoCoding, _cameo(code="10", root="10", quad_class=3, goldstein=-5.0)) == []
    assert errors_of(CameoCoding, _cameo(code=152))[0][0] == "string_type"


@pytest.mark.parametrize("code", ["999", "1599", "0100", "99"])
def test_unknown_codes_are_rejected(code: str) -> None:
    assert errors_of(CameoCoding, _cameo(code=code)) == [("NE401", ("code",))]


def test_the_root_is_the_codes_first_two_digits() -> None:
    assert errors_of(CameoCoding, _cameo(root="14")) == [("NE403", ("root",))]


def test_quad_class_follows_the_stated_convention() -> None:
    # Root 14 (protest) is verbal conflict (3) for GDELT and material conflict (4) for ICEWS.
    protest = {"code": "141", "root": "14", "goldstein": -6.5}
    assert errors_of(CameoCoding, {**protest, "quad_class": 3}) == []
    assert errors_of(CameoCoding, {**protest, "quad_class": 4}) == [("NE404", ("quad_class",))]
    icews = {**protest, "quad_class_convention": "icews"}
    assert errors_of(CameoCoding, {**icews, "quad_class": 4}) == []
    assert errors_of(CameoCoding, {**icews, "quad_class": 3}) == [("NE404", ("quad_class",))]


def test_goldstein_follows_the_stated_table() -> None:
    entry = {"code": "016", "root": "01", "quad_class": 1}
    gdelt = errors_of(CameoCoding, {**entry, "goldstein": -2.0})
    icews = errors_of(CameoCoding, {**entry, "goldstein": -2.0, "goldstein_table": "icews"})
    # 016 is the one of four codes whose Goldstein value differs between the tables.
    assert (gdelt == []) != (icews == [])
    wrong = errors_of(CameoCoding, _cameo(goldstein=-7.0))
    assert wrong == [("NE405", ("goldstein",))]


def test_a_code_without_a_goldstein_row_takes_any_value_in_range() -> None:
    assert errors_of(CameoCoding, _cameo(code="155", goldstein=3.3)) == []
    assert errors_of(CameoCoding, _cameo(code="155", goldstein=11))[0][0] == "less_than_equal"


def test_several_consistency_rules_are_reported_together() -> None:
    found = errors_of(CameoCoding, _cameo(root="14", quad_class=1, goldstein=1.0))
    assert sorted(found) == [
        ("NE403", ("root",)),
        ("NE404", ("quad_class",)),
        ("NE405", ("goldstein",)),
    ]


def test_plover_types_and_modes() -> None:
    assert errors_of(PloverCoding, {"type": "MOBILIZE", "modes": ["troops"]}) == []
    assert errors_of(PloverCoding, {"type": "MOBILISE"}) == [("NE406", ("type",))]
    found = errors_of(PloverCoding, {"type": "MOBILIZE", "modes": ["troops", "riot"]})
    assert found == [("NE407", ("modes", 1))]


def test_plover_contexts_are_an_open_list_of_slugs() -> None:
    assert errors_of(PloverCoding, {"type": "MOBILIZE", "contexts": ["not-in-plover"]}) == []
    found = errors_of(PloverCoding, {"type": "MOBILIZE", "contexts": ["Military"]})
    assert found == [("string_pattern_mismatch", ("contexts", 0))]


def test_acled_pairs() -> None:
    valid = {"event_type": "Strategic developments", "sub_event_type": "Change to group/activity"}
    assert errors_of(AcledCoding, valid) == []
    wrong_sub = {**valid, "sub_event_type": "Armed clash"}
    assert errors_of(AcledCoding, wrong_sub) == [("NE409", ("sub_event_type",))]
    wrong_type = {**valid, "event_type": "Strategic development"}
    assert errors_of(AcledCoding, wrong_type) == [("NE409", ("event_type",))]
