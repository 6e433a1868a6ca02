"""EvidenceSpan: code point offsets, end exclusive, and the exact text they select."""

from __future__ import annotations

import pytest

from newsevents.models import EvidenceSpan
from newsevents.testing import errors_of

TEXT = "The Pentagon put some 8,500 troops on heightened alert on Monday, Kirby said."


def test_a_span_selects_its_exact_text() -> None:
    start = TEXT.index("some 8,500")
    span = EvidenceSpan(start=start, end=start + 10, exact="some 8,500")
    assert span.select(TEXT) == span.exact


def test_offsets_count_code_points_not_bytes_or_utf16_units() -> None:
    text = "🇺🇸 troops in Київ"
    start = text.index("Київ")
    assert start == 13  # two astral flags count one each; UTF-16 would say 15, UTF-8 19
    span = EvidenceSpan(start=start, end=start + 4, exact="Київ")
    assert span.select(text) == "Київ"


@pytest.mark.parametrize(
    ("data", "code", "loc"),
    [
        ({"start": 5, "end": 3, "exact": "ab"}, "NE603", ("start",)),
        ({"start": 5, "end": 3, "exact": "abcdef"}, "NE603", ("start",)),
        ({"start": 4, "end": 4, "exact": "a"}, "NE602", ("end",)),
        ({"start": 0, "end": 3, "exact": "ab"}, "NE605", ("exact",)),
        ({"start": 0, "end": 1, "exact": "🇺🇸"}, "NE605", ("exact",)),
    ],
)
def test_offset_rules(data: dict[str, object], code: str, loc: tuple[str]) -> None:
    assert errors_of(EvidenceSpan, data) == [(code, loc)]


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        ({"start": "0", "end": 2, "exact": "ab"}, "int_type"),
        ({"start": -1, "end": 1, "exact": "ab"}, "greater_than_equal"),
        ({"start": 0, "end": 2, "exact": ""}, "string_too_short"),
        ({"start": 0, "end": 2, "exact": "ab", "text": "ab"}, "extra_forbidden"),
        ({"start": 0.0, "end": 2, "exact": "ab"}, "int_type"),
    ],
)
def test_structure_is_strict(data: dict[str, object], kind: str) -> None:
    assert [t for t, _ in errors_of(EvidenceSpan, data)] == [kind]


def test_the_error_message_names_the_offsets() -> None:
    with pytest.raises(ValueError, match="span start 5 is after its end 3"):
        EvidenceSpan(start=5, end=3, exact="ab")
