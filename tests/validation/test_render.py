"""The text report groups issues by code, lists the first locations and stays plain when
not on a terminal; the progress bar draws only for long inputs."""

from __future__ import annotations

import io
from typing import Any

from newsevents.validation import validate
from newsevents.validation.render import ProgressBar, render_text


def test_text_groups_by_severity_then_code_with_counts(records: dict[str, Any]) -> None:
    for number in range(7):
        copy = dict(records["nato"])
        records[f"nato-{number}"] = copy
    del records["deployment"]["force"]["size"]["evidence"]
    text = render_text(validate(list(records.values())), shown=2)
    lines = text.splitlines()
    assert lines[0] == "INVALID: 16 records; 7 errors, 1 warning, 0 info"
    first = lines.index("error NE501 duplicate-id (7)")
    assert lines[first + 3] == "  ... and 5 more"
    assert lines[first + 4].startswith("  hint: ")
    assert lines.index("warning NE803 approximate-without-span (1)") > first
    assert "record 9 [actor-nato] /id: " in lines[first + 1]


def test_colour_marks_severities_only_when_asked(records: dict[str, Any]) -> None:
    del records["deployment"]["force"]["size"]["evidence"]
    report = validate(list(records.values()))
    assert "\033[" not in render_text(report)
    assert "\033[33mwarning\033[0m" in render_text(report, colour=True)


def test_progress_bar_only_for_long_inputs() -> None:
    stream = io.StringIO()
    bar = ProgressBar(stream, minimum_bytes=100)
    bar(10, 50)
    assert stream.getvalue() == ""
    bar(50, 200)
    assert "25%" in stream.getvalue()
    bar.close()
    assert stream.getvalue().endswith("\r\033[K")
