"""A damaged shipped dataset gives the commands that read it a message and exit 2, never a
traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import newsevents.dataset
from newsevents.cli import main

SHIPPED = newsevents.dataset.datasets_root()


@pytest.fixture
def damaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped datasets whose newest records file lost its last byte."""
    root = tmp_path / "datasets"
    shutil.copytree(SHIPPED, root)
    monkeypatch.setattr(newsevents.dataset, "datasets_root", lambda: root)
    return root


@pytest.mark.parametrize(
    "argv",
    [["demo"], ["view", "--dataset", "-o", "{out}"]],
    ids=["demo", "view"],
)
@pytest.mark.parametrize("damage", ["truncate", "unlisted", "manifest"])
def test_a_damaged_dataset_is_a_message_and_exit_2(
    damaged: Path, argv: list[str], damage: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for version in sorted(p for p in damaged.glob("*/*") if p.is_dir() and p.name[0].isdigit()):
        if damage == "truncate":
            records = version / "records.json"
            records.write_bytes(records.read_bytes()[:-1])
        elif damage == "unlisted":
            (version / "\x1b]0;owned\x07.txt").write_text("x")
        else:
            (version / "manifest.json").write_text('{"name": 1}')
    status = main([a.replace("{out}", str(tmp_path / "page.html")) for a in argv])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.err.startswith("newsevents: ") and "Traceback" not in captured.err
    assert "\x1b" not in captured.err and "\x07" not in captured.err
