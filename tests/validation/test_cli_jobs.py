"""``--jobs`` and ``--fast`` give the reference report, in the same order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.cli import main

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


def test_jobs_below_one_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--jobs", "0", str(EXAMPLE)]) == 2
    assert "--jobs must be 1 or more" in capsys.readouterr().err
