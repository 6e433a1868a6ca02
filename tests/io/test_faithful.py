"""Writing records to Arrow keeps every value exactly, or refuses with NE120/NE121."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.io.arrow import records_to_table, table_to_records
from newsevents.io.faithful import ConversionError
from newsevents.testing import datasets_strategy
from newsevents.testing.records import Dataset
from newsevents.validation.examples import base

RECORDS = list(base.records().values())
TABLES = ("document", "actor", "event")


def _by_table(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {t: [r for r in records if r["record_type"] == t] for t in TABLES}


@settings(max_examples=25, deadline=None)
@given(datasets_strategy())
def test_valid_records_come_back_unchanged(dataset: Dataset) -> None:
    for table, records in _by_table(dataset.json_records()).items():
        if records:
            assert table_to_records(records_to_table(table, records)) == records


def _pointers(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += _pointers(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _pointers(child, (*path, index))
    return found


values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=4)
    | st.sampled_from(["2022-01-24", "2022-1-24", "20220124", "97", ["a"], {"value": 1}]),
    lambda children: (
        st.lists(children, max_size=2) | st.dictionaries(st.text(max_size=3), children, max_size=2)
    ),
    max_leaves=4,
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(RECORDS), st.data())
def test_any_changed_value_is_kept_exactly_or_refused(
    record: dict[str, Any], data: st.DataObject
) -> None:
    record, table_name = copy.deepcopy(record), record["record_type"]
    path = data.draw(st.sampled_from(_pointers(record)))
    holder: Any = record
    for part in path[:-1]:
        holder = holder[part]
    if isinstance(holder, dict) and data.draw(st.booleans()):
        holder[data.draw(st.text(min_size=1, max_size=6))] = data.draw(values)  # a new key
    else:
        holder[path[-1]] = data.draw(values)
    try:
        table = records_to_table(table_name, [record])
    except ConversionError as error:
        assert error.problems and {p.code for p in error.problems} <= {"NE120", "NE121"}
        return
    assert table_to_records(table, table_name) == [_without_nulls(record)]


def _without_nulls(value: Any) -> Any:
    """A null in an object means the field is absent: Arrow keeps it as a null column."""
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


@pytest.mark.parametrize(
    ("pointer", "value", "code"),
    [
        ("/participants", "actor-nato", "NE120"),  # would become a list of characters
        ("/cameo/quad_class", 4.0, "NE120"),  # would become 4
        ("/cameo/goldstein", 2**60 + 1, "NE120"),  # a float cannot hold it exactly
        ("/time/date", "20220201", "NE120"),  # would come back as 2022-02-01
        ("/confidence", 0.9, "NE121"),  # no column: would vanish
        ("/cameo/note", "x", "NE121"),
    ],
)
def test_each_coercion_the_issue_lists_is_refused(pointer: str, value: object, code: str) -> None:
    event = copy.deepcopy(next(r for r in RECORDS if r["record_type"] == "event" and "time" in r))
    *parents, last = pointer.strip("/").split("/")
    holder: Any = event
    for part in parents:
        holder = holder[part]
    holder[last] = value
    with pytest.raises(ConversionError) as info:
        records_to_table("event", [copy.deepcopy(RECORDS[-1]), event])
    [problem] = info.value.problems
    assert (problem.record, problem.code, problem.pointer) == (1, code, pointer)
    [issue] = info.value.issues("events.jsonl")
    assert (
        issue.code == code and issue.location.record == 1 and "nothing is written" in issue.message
    )
