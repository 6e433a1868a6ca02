"""Resources: the JSON report is written one issue at a time, identical to the whole text."""

from __future__ import annotations

import io
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.validation import validate
from newsevents.validation.examples import base
from newsevents.validation.render import render_json, write_json

RECORDS = list(base.records().values())
changes = st.lists(
    st.tuples(
        st.integers(0, len(RECORDS) - 1),
        st.sampled_from(["id", "schema_version", "record_type", "name", "cameo", "x"]),
        st.none() | st.integers() | st.text(max_size=5) | st.just("\u202e\x1b[2J\n"),
    ),
    max_size=6,
)


@settings(max_examples=40, deadline=None)
@given(changes, st.sampled_from([None, 1, 100]))
def test_the_streamed_json_report_is_the_whole_json_report(
    edits: list[tuple[int, str, Any]], max_issues: int | None
) -> None:
    records = [dict(r) for r in RECORDS]
    for index, key, value in edits:
        records[index][key] = value
    report = validate(records, max_issues=max_issues)
    stream = io.StringIO()
    write_json(report, stream)
    assert stream.getvalue() == render_json(report)


def test_an_empty_report_streams_too() -> None:
    report = validate(RECORDS)
    stream = io.StringIO()
    write_json(report, stream)
    assert report.issues == () and stream.getvalue() == render_json(report)
