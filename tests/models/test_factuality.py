"""Factuality: separate axes, a condition exactly when conditional, and the anchors' views."""

from __future__ import annotations

import pytest
from hypothesis import given

from newsevents.models import Factuality
from newsevents.testing import errors_of, factualities

CONDITION = {"text": "if NATO decides to activate the response force"}


def test_conditional_needs_a_condition() -> None:
    data = {"polarity": "positive", "modality": "conditional", "tense": "future"}
    assert errors_of(Factuality, data) == [("NE701", ("condition",))]
    assert errors_of(Factuality, {**data, "condition": CONDITION}) == []


@pytest.mark.parametrize("modality", ["asserted", "planned", "possible", "hypothetical"])
def test_only_conditional_events_have_a_condition(modality: str) -> None:
    data = {"polarity": "positive", "modality": modality, "tense": "future", "condition": CONDITION}
    assert errors_of(Factuality, data) == [("NE702", ("condition",))]


def _factuality(**axes: str) -> Factuality:
    data: dict[str, object] = {"polarity": "positive", "modality": "asserted", "tense": "past"}
    data.update(axes)
    if data["modality"] == "conditional":
        data["condition"] = CONDITION
    return Factuality.model_validate(data)


@pytest.mark.parametrize(
    ("axes", "realis", "ace", "plover"),
    [
        ({}, "ACTUAL", "ASSERTED", ()),
        ({"polarity": "negative"}, "OTHER", "ASSERTED", ("negation",)),
        ({"genericity": "generic"}, "GENERIC", "ASSERTED", ()),
        ({"modality": "planned", "tense": "future"}, "OTHER", "OTHER", ("future",)),
        (
            {"modality": "conditional", "tense": "future"},
            "OTHER",
            "OTHER",
            ("hypothetical", "future"),
        ),
        ({"modality": "possible"}, "OTHER", "OTHER", ("hypothetical",)),
        (
            {"modality": "considered", "polarity": "negative"},
            "OTHER",
            "OTHER",
            ("negation", "future"),
        ),
    ],
)
def test_derived_anchor_attributes(
    axes: dict[str, str], realis: str, ace: str, plover: tuple[str, ...]
) -> None:
    factuality = _factuality(**axes)
    assert factuality.realis == realis
    assert factuality.ace_modality == ace
    assert factuality.plover_special_contexts == plover


@given(factualities())
def test_derived_attributes_are_always_in_the_anchor_vocabularies(factuality: Factuality) -> None:
    assert factuality.realis in ("ACTUAL", "GENERIC", "OTHER")
    assert factuality.ace_modality in ("ASSERTED", "OTHER")
    assert set(factuality.plover_special_contexts) <= {"negation", "hypothetical", "future"}
    assert (factuality.realis == "ACTUAL") == (
        factuality.genericity == "specific"
        and factuality.polarity == "positive"
        and factuality.modality == "asserted"
    )
