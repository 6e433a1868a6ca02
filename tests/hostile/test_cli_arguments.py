"""Arguments are input too: whatever a shell glob or a caller passes, the usage errors that
quote it print no control, format or bidirectional character (a file named ``-\\x1b[2J``
must not clear the screen)."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.cli import main

UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
hostile = st.lists(
    st.sampled_from(["\x1b", "[2J", "\x07", "\r", "\u202e", "\x9b", "\u2028", "a", "-", "\ufeff"]),
    min_size=1,
    max_size=8,
).map("".join)
WHERE = [
    ["explain", "-{}"],
    ["explain", "{}"],
    ["schema", "--schema-version", "{}"],
    ["schema", "--record-type", "{}"],
    ["validate", "--format", "{}", "x.jsonl"],
    ["validate", "--select", "{}", "x.jsonl"],
    ["{}"],
    ["migrate", "--to", "{}", "x.jsonl"],
    ["score", "--match", "{}"],
]


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(argv=st.sampled_from(WHERE), text=hostile)
def test_usage_errors_quote_arguments_safely(
    argv: list[str], text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        status = main([a.replace("{}", text) for a in argv])
    except SystemExit as done:
        status = int(done.code or 0)
    captured = capsys.readouterr()
    assert status == 2
    assert not UNSAFE.search(captured.err), captured.err
    assert not UNSAFE.search(captured.out.replace("\n", "")), captured.out
