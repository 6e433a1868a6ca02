"""Records and paths given to ``newsevents.validate()`` as Python values: whatever they hold,
the run returns a report (never raises) whose codes say the truth about them."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.io.readers import DEPTH_LIMIT
from newsevents.validation import validate
from newsevents.validation.examples import base
from newsevents.validation.formats import FORMATS, render


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("\ud800.jsonl", "lone surrogate"),
        ("a\x00b.jsonl", "NUL byte"),
        (["ok.jsonl", "x\udfffy"], "lone surrogate"),
    ],
)
def test_a_path_no_file_system_can_name_is_unreadable_not_a_crash(
    path: str | list[str], reason: str
) -> None:
    report = validate(path)
    codes = {issue.code for issue in report.issues}
    assert "NE101" in codes
    assert any(reason in issue.message for issue in report.issues)


@given(st.text(st.characters(exclude_characters="/"), max_size=8))
@settings(max_examples=40, deadline=None)
def test_any_path_text_gives_a_report(name: str) -> None:
    name = f"no-such-{name}"  # never a folder that exists, so nothing real is walked
    paths = [name, name + "\x00", name + "\ud800"]
    report = validate(paths)
    assert not report.valid
    assert len(report.files) >= len(paths)


RECORDS = list(base.records().values())


class Hostile(str):
    """A string whose comparison raises: no code of the caller's may run in a check."""

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("compared")

    __hash__ = str.__hash__


class Raising(dict[str, Any]):
    def get(self, *args: Any) -> Any:
        raise RuntimeError("get")


class Number(int):
    def __eq__(self, other: object) -> bool:
        raise RuntimeError("compared")

    __hash__ = int.__hash__


def _codes(records: list[Any]) -> list[tuple[str, str]]:
    report = validate(records, max_issues=None)
    return sorted((i.code, i.location.pointer) for i in report.issues)


@pytest.mark.parametrize(
    "wrap", [Hostile, Raising, Number, lambda v: v], ids=["str", "dict", "int", "plain"]
)
def test_subclasses_are_read_as_their_plain_values(wrap: Any) -> None:
    def wrapped(value: Any) -> Any:
        if isinstance(value, dict):
            value = {wrapped(k): wrapped(v) for k, v in value.items()}
            return wrap(value) if wrap is Raising else value
        if isinstance(value, list):
            return [wrapped(v) for v in value]
        if isinstance(value, str) and wrap is Hostile:
            return Hostile(value)
        if isinstance(value, int) and not isinstance(value, bool) and wrap is Number:
            return Number(value)
        return value

    broken = copy.deepcopy(RECORDS)
    broken[0]["id"] = 7  # one issue, so the failing path runs too
    assert _codes([wrapped(r) for r in broken]) == _codes(broken)


def _nested(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("depth", [1_022, 1_023, 1_024, 5_000])
def test_nesting_is_bounded_as_in_a_file(tmp_path: Path, depth: int) -> None:
    record = dict(RECORDS[0], notes=_nested(depth))
    codes = _codes([record])
    assert ("NE108" in {code for code, _ in codes}) == (depth + 1 > DEPTH_LIMIT)
    text = json.dumps(dict(record, notes="@")).replace('"@"', "[" * depth + '"x"' + "]" * depth)
    path = tmp_path / "record.jsonl"
    path.write_text(text + "\n", encoding="utf-8")
    from_file = validate(str(path), max_issues=None).issues
    assert sorted((i.code, i.location.pointer) for i in from_file) == codes


def test_a_record_holding_itself_ends() -> None:
    record: dict[str, Any] = dict(RECORDS[-1])
    loop: list[Any] = []
    loop.append(loop)
    record["evidence"], record["notes"] = loop, record
    codes = _codes([record])  # it returns: each value is read once
    assert ("NE302", "/notes") in codes
    assert any(at.startswith("/evidence") for _, at in codes)


def test_a_tuple_is_called_a_tuple() -> None:
    record = dict(RECORDS[-1], evidence=tuple(RECORDS[-1].get("evidence", [])) or (1,))
    report = validate([record])
    assert any("found a tuple" in i.message for i in report.issues)
    assert not any("found a list" in i.message for i in report.issues)


json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=4), children, max_size=3)
        | st.tuples(children)
        | st.frozensets(st.integers(), max_size=2)
        | st.builds(Hostile, st.text(max_size=3))
        | st.binary(max_size=3)
    ),
    max_leaves=12,
)


@given(st.sampled_from(RECORDS), st.data(), json_like)
@settings(max_examples=60, deadline=None)
def test_any_python_value_in_any_field_gives_a_report(
    record: dict[str, Any], data: st.DataObject, value: Any
) -> None:
    record = copy.deepcopy(record)
    field = data.draw(st.sampled_from(sorted(record)))
    record[field] = value
    report = validate([record], max_issues=None)
    assert report.records == 1
    for format in FORMATS:
        render(report, format).encode("utf-8")  # every report renders, as UTF-8


@pytest.mark.parametrize("text", ["\ud800", "a\udfffb"])
def test_a_lone_surrogate_is_named(text: str) -> None:
    record = dict(RECORDS[1], name=text)
    [issue] = validate([record]).issues
    assert (issue.code, issue.location.pointer) == ("NE308", "/name")
    assert "lone surrogate" in issue.message


@pytest.mark.parametrize("nested", [False, True])
def test_a_key_with_a_lone_surrogate_is_an_unknown_field(nested: bool) -> None:
    record = copy.deepcopy(RECORDS[-1])
    holder = record["provenance"] if nested else record
    holder["\ud800"] = 1
    expected = "/provenance/\ud800" if nested else "/\ud800"
    assert ("NE303", expected) in _codes([record])
