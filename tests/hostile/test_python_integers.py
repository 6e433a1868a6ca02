"""Python records holding integers past Python's int-to-text limit: NE116 at the pointer,
as from a file, never a raise nor pydantic-core's "Exception ignored" on stderr."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.validation import validate
from newsevents.validation.examples import base

RECORDS = list(base.records().values())


def places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside ``value`` (not the record itself)."""
    found = [path] if path else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += places(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += places(child, (*path, index))
    return found


def pointer(path: tuple[Any, ...]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


@settings(max_examples=60, deadline=None)
@given(st.data(), st.integers(4301, 6000), st.booleans())
def test_a_huge_integer_anywhere_is_ne116_at_its_pointer(
    data: st.DataObject, digits: int, negative: bool
) -> None:
    record = copy.deepcopy(data.draw(st.sampled_from(RECORDS)))
    path = data.draw(st.sampled_from(places(record)))
    holder = record
    for part in path[:-1]:
        holder = holder[part]
    holder[path[-1]] = (-1 if negative else 1) * 10 ** (digits - 1)
    report = validate([record])
    assert [(i.code, i.location.pointer) for i in report.issues] == [("NE116", pointer(path))]
    assert not report.valid


@pytest.mark.parametrize("field", ["country", "id", "schema_version", "kind"])
def test_nothing_is_printed_for_a_huge_integer(
    field: str, capfd: pytest.CaptureFixture[str]
) -> None:
    record = {**RECORDS[1], field: 10**5000}
    report = validate([record])
    assert report.codes() == {"NE116"}
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


def test_an_integer_at_the_limit_is_checked_as_usual() -> None:
    actor = next(r for r in RECORDS if r.get("record_type") == "actor")
    report = validate([{**actor, "country": 10**4299}])  # 4,300 digits: convertible
    assert "NE116" not in report.codes() and "NE302" in report.codes()


def test_a_record_holding_itself_is_walked_once() -> None:
    actor = dict(next(r for r in RECORDS if r.get("record_type") == "actor"))
    loop: list[Any] = []
    loop.append(loop)
    actor["x"], actor["y"] = actor, loop
    report = validate([actor])
    assert [(i.code, i.location.pointer) for i in report.issues] == [
        ("NE303", "/x"),
        ("NE303", "/y"),
    ]
