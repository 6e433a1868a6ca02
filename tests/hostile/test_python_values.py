"""Records and paths given to ``newsevents.validate()`` as Python values: whatever they hold,
the run returns a report (never raises) whose codes say the truth about them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.validation import validate


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
