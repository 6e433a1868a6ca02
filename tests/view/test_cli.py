"""``newsevents view``: files in, one HTML file or a terminal view out; bad input, coded issues."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from newsevents.cli import main
from newsevents.dataset import dataset_folder
from newsevents.view import render_html
from newsevents.view.terminal import render_terminal

VERSION = dataset_folder().name  # the newest, which load_dataset() (shipped_records) gives
SHIPPED = f"datasets/military-posture-2022/{VERSION}/records.json"
ROOT = Path(__file__).resolve().parents[2]


def test_view_writes_the_same_page_as_render_html(
    tmp_path: Path, shipped_records: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "article.html"
    assert main(["view", str(ROOT / SHIPPED), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == render_html(shipped_records)
    assert f"wrote {out}" in capsys.readouterr().err


def test_view_of_a_folder_with_documents_apart(tmp_path: Path, shipped_records: list[Any]) -> None:
    folder = ROOT / f"datasets/military-posture-2022/{VERSION}"
    out = tmp_path / "article.html"
    args = ["view", str(folder / "events.jsonl"), str(folder / "actors.jsonl")]
    args += ["--documents", str(folder / "documents.jsonl"), "-o", str(out)]
    assert main(args) == 0
    assert out.read_text(encoding="utf-8") == render_html(shipped_records)


def test_invalid_input_gets_the_validators_report_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.html"
    assert main(["view", str(ROOT / "examples/third-party.jsonl"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "NE604" in err and "fix the errors above first" in err
    assert not out.exists()


def test_a_missing_path_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["view", str(tmp_path / "nothing.json"), "-o", str(tmp_path / "x.html")]) == 2
    assert "NE101" in capsys.readouterr().err


def test_an_unwritable_output_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "missing-folder" / "x.html"
    assert main(["view", str(ROOT / SHIPPED), "-o", str(out)]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_no_path_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["view"]) == 2
    assert "give the PATH" in capsys.readouterr().err


def test_terminal_view_shows_text_events_and_spans(
    shipped_records: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["view", str(ROOT / SHIPPED), "--terminal", "--width", "100"]) == 0
    out = capsys.readouterr().out
    assert out == render_terminal(shipped_records, width=100, colour=False)
    assert "\x1b" not in out  # not a terminal: no colour
    assert "8,500 troops" in out and "[alert] ev-alert-01" in out
    alert = next(r for r in shipped_records if r.id == "ev-alert-01")
    assert f"trigger {alert.trigger.start}-{alert.trigger.end} “alert”" in out
    assert "CAMEO: 152 Increase military alert status" in out


def test_terminal_colour_marks_spans_and_escapes_control_characters(
    hostile_records: list[Any],
) -> None:
    records = [dict(r) for r in hostile_records]
    actor = next(r for r in records if r["record_type"] == "actor")
    actor["name"] = "evil\x1b]0;pwned\x07\x1b[2J"
    out = render_terminal(records, width=80, colour=True)
    assert "\x1b[" in out  # styled
    assert "\x1b]0;" not in out and "\x1b[2J" not in out and "\x07" not in out
    assert "evil\\x1b]0;pwned\\x07\\x1b[2J" in out


def test_terminal_view_without_rich_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in [n for n in sys.modules if n == "rich" or n.startswith("rich.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "rich", None)
    assert main(["view", str(ROOT / SHIPPED), "--terminal"]) == 2
    assert "pip install 'newsevents[terminal]'" in capsys.readouterr().err


def test_view_of_the_shipped_dataset_needs_no_path(
    tmp_path: Path, shipped_records: list[Any]
) -> None:
    out = tmp_path / "article.html"
    assert main(["view", "--dataset", "-o", str(out)]) == 0
    title = f"military-posture-2022 {VERSION}"
    assert out.read_text(encoding="utf-8") == render_html(shipped_records, title=title)
    assert main(["view", "--dataset", str(ROOT / SHIPPED)]) == 2
