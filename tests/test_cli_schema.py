"""`newsevents schema`, `newsevents --version` and `python -m newsevents`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsevents.cli import main
from newsevents.versions import RECORD_TYPES, SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("record_type", RECORD_TYPES)
def test_schema_prints_the_committed_file(
    capsys: pytest.CaptureFixture[str], record_type: str
) -> None:
    code = main(["schema", "--version", "1.0.0", "--record-type", record_type])
    committed = (ROOT / "schema" / "1.0.0" / f"{record_type}.json").read_text("utf-8")
    assert (code, capsys.readouterr().out) == (0, committed)


def test_schema_defaults_to_the_current_event_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    committed = (ROOT / "schema" / SCHEMA_VERSION / "event.json").read_text("utf-8")
    assert capsys.readouterr().out == committed


@pytest.mark.parametrize("version", ["9.0.0", "1.2.0", "latest", "1.0"])
def test_an_unpublished_version_exits_2_with_a_clear_message(
    capsys: pytest.CaptureFixture[str], version: str
) -> None:
    assert main(["schema", "--version", version]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"schema version {version} is not published" in captured.err
    assert "1.0.0" in captured.err


def test_an_unknown_record_type_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["schema", "--record-type", "quote"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'quote'" in capsys.readouterr().err


def test_python_dash_m_prints_the_schema() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsevents", "schema", "--version", "1.0.0"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == (ROOT / "schema" / "1.0.0" / "event.json").read_text("utf-8")


def test_python_dash_m_reports_an_unknown_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsevents", "schema", "--version", "0.9.0"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "schema version 0.9.0 is not published (1.0.0, 1.1.0)" in result.stderr


def test_version_names_the_schema_and_codebooks(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert f"schema {SCHEMA_VERSION};" in capsys.readouterr().out  # tests/teaching: all of it
