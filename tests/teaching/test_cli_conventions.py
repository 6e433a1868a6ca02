"""The command line by the conventions of ruff and the jsonschema CLI: stdin as ``-``, options
and paths in any order, ``-V``, descriptions and examples, ``--color``, empty input, completion."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsevents import __version__
from newsevents.cli import build_parser, main
from newsevents.codebooks import CODEBOOK_VERSION
from newsevents.validation.examples import base
from newsevents.validation.formats import wants_colour
from newsevents.validation.issue import REPORT_VERSION
from newsevents.versions import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "third-party.jsonl"


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def _json_report(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code = main(["validate", "--format", "json", *argv])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version_names_package_schema_codebooks_and_report(flag: str, capsys: Any) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([flag])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"newsevents {__version__} (schema {SCHEMA_VERSION};")
    assert f"codebooks {CODEBOOK_VERSION}" in out and f"report {REPORT_VERSION}" in out
    assert out.count("\n") == 1


def test_schema_takes_schema_version_and_warns_on_the_old_flag(capsys: Any) -> None:
    assert main(["schema", "--schema-version", "1.0.0", "--record-type", "actor"]) == 0
    new = capsys.readouterr()
    assert json.loads(new.out)["title"] and not new.err
    assert main(["schema", "--version", "1.0.0", "--record-type", "actor"]) == 0
    old = capsys.readouterr()
    assert old.out == new.out
    assert "--version is deprecated, use --schema-version" in old.err


def test_every_subcommand_has_a_description_and_examples() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    assert commands.choices
    for name, sub in commands.choices.items():  # type: ignore[union-attr]
        assert sub.description, name
        assert "newsevents" in (sub.epilog or ""), f"{name} has no examples"


def test_stdin_as_dash_gives_the_same_report_as_the_file(
    monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    _, from_file = _json_report(capsys, str(EXAMPLE))
    monkeypatch.setattr(sys, "stdin", _Stdin(EXAMPLE.read_bytes()))
    code, from_stdin = _json_report(capsys, "-")
    assert code == 1
    assert from_stdin["summary"] == from_file["summary"]
    assert {i["location"].get("file") for i in from_stdin["issues"]} == {"-"}
    assert [f["path"] for f in from_stdin["files"]] == ["-"]


@pytest.mark.parametrize(
    ("data", "expected_format"),
    [
        (b'{"record_type": "actor",\n "id": "a"}\n', "json"),
        (b'[{"record_type": "actor"}]', "json"),
        (b'{"record_type": "actor"}\n{"record_type": "actor"}\n', "jsonl"),
    ],
)
def test_stdin_is_read_as_json_or_json_lines_by_its_bytes(
    data: bytes, expected_format: str, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    _, report = _json_report(capsys, "-")
    assert report["files"][0]["format"] == expected_format


def test_options_and_paths_in_any_order(tmp_path: Path, capsys: Any) -> None:
    records = base.records()
    documents = _jsonl(tmp_path / "documents.jsonl", [records.pop("document")])
    events = _jsonl(tmp_path / "records.jsonl", list(records.values()))
    empty = _jsonl(tmp_path / "none.jsonl", [])
    code, report = _json_report(capsys, str(events), "--documents", str(documents), str(empty))
    assert [f["path"] for f in report["files"]] == [str(documents), str(events), str(empty)]
    assert report["summary"]["by_code"] == {"NE122": 1}
    assert code == 0


def _jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_an_empty_input_warns_and_fails_only_when_strict(tmp_path: Path, capsys: Any) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"\n\n")
    code, report = _json_report(capsys, str(empty))
    assert code == 0
    assert report["summary"]["by_code"] == {"NE122": 1}
    assert report["issues"][0]["location"] == {"file": str(empty), "pointer": ""}
    code, _ = _json_report(capsys, str(empty), "--strict")
    assert code == 1


def test_unknown_arguments_are_still_a_usage_error(capsys: Any) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", str(EXAMPLE), "--no-such-option"])
    assert exit_info.value.code == 2
    assert "unrecognized arguments: --no-such-option" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("choice", "environment", "terminal", "expected"),
    [
        ("always", {"NO_COLOR": "1"}, False, True),
        ("never", {"FORCE_COLOR": "1"}, True, False),
        ("auto", {}, True, True),
        ("auto", {}, False, False),
        ("auto", {"NO_COLOR": "1"}, True, False),
        ("auto", {"FORCE_COLOR": "1"}, False, True),
        ("auto", {"FORCE_COLOR": "0"}, False, False),
        ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),
    ],
)
def test_color_choice_and_environment(
    choice: str,
    environment: dict[str, str],
    terminal: bool,
    expected: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    stream = _Terminal() if terminal else io.StringIO()
    assert wants_colour(choice, stream) is expected


def test_color_always_colours_the_text_report(capsys: Any) -> None:
    main(["validate", str(EXAMPLE), "--color", "always"])
    assert "\033[" in capsys.readouterr().out
    main(["validate", str(EXAMPLE), "--color", "never"])
    assert "\033[" not in capsys.readouterr().out


def test_completion_prints_a_script_for_bash(capsys: Any) -> None:
    assert main(["completion", "bash"]) == 0
    script = capsys.readouterr().out
    assert "newsevents" in script and "validate" in script and "explain" in script


def test_the_console_script_reads_stdin() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsevents", "validate", "-", "--format", "jsonl"],
        input=EXAMPLE.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines and all(line["location"]["file"] == "-" for line in lines)
