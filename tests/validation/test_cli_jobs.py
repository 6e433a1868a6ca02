"""``--jobs`` gives the one-process report, in the same order; ``--fast`` has no effect."""

from __future__ import annotations

import functools
import io
import json
import sys
from pathlib import Path

import pytest

from newsevents.cli import main
from newsevents.validation import cli
from newsevents.validation.render import ProgressBar

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "third-party.jsonl"
SHIPPED = ROOT / "datasets" / "military-posture-2022" / "1.0.0"


def _report(capsys: pytest.CaptureFixture[str], *options: str, path: Path) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(["validate", *options, "--format", "json", str(path)])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("options", [("--fast",), ("--jobs", "2")])
@pytest.mark.parametrize("path", [EXAMPLE, SHIPPED])
def test_fast_and_parallel_reports_equal_the_reference(
    capsys: pytest.CaptureFixture[str], options: tuple[str, ...], path: Path
) -> None:
    reference_code, reference = _report(capsys, path=path)
    code, report = _report(capsys, *options, path=path)
    assert code == reference_code
    assert report["issues"] == reference["issues"]
    assert report["summary"] == reference["summary"]


def test_the_cap_is_said_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    from newsevents.validation.parallel import usable_cores

    reference_code, reference = _report(capsys, path=EXAMPLE)
    code = main(["validate", "--jobs", str(usable_cores() + 3), "--format", "json", str(EXAMPLE)])
    captured = capsys.readouterr()
    assert f"--jobs {usable_cores() + 3} capped to {usable_cores()}" in captured.err
    assert (code, json.loads(captured.out)["issues"]) == (reference_code, reference["issues"])


def test_jobs_below_one_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--jobs", "0", str(EXAMPLE)]) == 2
    assert "--jobs must be 1 or more" in capsys.readouterr().err


class Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("options", [(), ("--fast",), ("--jobs", "2")])
def test_progress_goes_to_a_terminals_stderr_only(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], options: tuple[str, ...]
) -> None:
    _, plain = _report(capsys, *options, path=EXAMPLE)
    assert capsys.readouterr().err == ""  # not a terminal: no progress
    monkeypatch.setattr(cli, "ProgressBar", functools.partial(ProgressBar, minimum_bytes=0))
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    _, shown = _report(capsys, *options, path=EXAMPLE)
    plain.pop("tool")
    shown.pop("tool")
    assert shown == plain  # stdout holds the same report, nothing else
    drawn = terminal.getvalue()
    assert "100%" in drawn and drawn.startswith("\r[")
    assert drawn.endswith("\r\033[K")  # the bar's line is cleared at the end
