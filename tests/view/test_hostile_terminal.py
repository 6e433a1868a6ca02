"""The terminal view on hostile names and sizes: bidirectional overrides and other format
characters are escaped as every report escapes them, and a width past any terminal is a
usage error rather than minutes of padding."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.validation.safe import UNSAFE_CATEGORIES
from newsevents.view.terminal import render_terminal
from tests.hostile.test_commands import command

_UNSAFE = st.characters(
    categories=sorted(UNSAFE_CATEGORIES - {"Cs"}),  # a lone surrogate is no valid record
    exclude_characters="\n\t",
)


def _renamed(records: list[Any], name: str) -> list[dict[str, Any]]:
    found = [r.model_dump(mode="json", exclude_none=True) for r in records]
    for record in found:
        if record["record_type"] == "actor":
            record["name"] = name
    return found


@settings(max_examples=25, deadline=None)
@given(hostile=st.text(_UNSAFE, min_size=1, max_size=5))
def test_no_control_or_format_character_of_a_name_reaches_the_terminal(
    hostile: str, shipped_records: list[Any]
) -> None:
    import unicodedata

    text = render_terminal(_renamed(shipped_records, f"A{hostile}B"), width=100, colour=False)
    assert not [c for c in text if c not in "\n\t" and unicodedata.category(c) in UNSAFE_CATEGORIES]


@pytest.mark.parametrize("width", ["19", "1001", "100000000"])
def test_a_width_outside_any_terminal_is_a_usage_error(
    width: str, shipped_records: list[Any], tmp_path: Path
) -> None:
    path = tmp_path / "records.json"
    path.write_text(json.dumps(_renamed(shipped_records, "A")), encoding="utf-8")
    ran = command("view", str(path), "--terminal", "--width", width)
    assert ran.status == 2
    assert "--width must be from 20 to 1,000" in ran.stderr


def test_the_command_prints_a_bidirectional_override_escaped(
    shipped_records: list[Any], tmp_path: Path
) -> None:
    path = tmp_path / "records.json"
    path.write_text(json.dumps(_renamed(shipped_records, "A\u202eB")), encoding="utf-8")
    ran = command("view", str(path), "--terminal", "--width", "100")
    assert ran.status == 0
    assert "A\\u202eB" in ran.stdout
