"""``newsevents validate``: exit codes, formats, selection, strictness, caps, documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from newsevents.cli import main

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
EXAMPLE = str(ROOT / "examples" / "third-party.jsonl")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["validate", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code, out, _ = run(capsys, "--format", "json", *argv)
    report = json.loads(out)
    jsonschema.Draft202012Validator(SCHEMA).validate(report)
    return code, report


def test_valid_file_exits_0(records: dict[str, Any], write_jsonl: Any, capsys: Any) -> None:
    path = write_jsonl("ok.jsonl", records.values())
    code, out, _ = run(capsys, str(path))
    assert code == 0
    assert out.startswith("valid: 9 records in 1 file(s)")


def test_invalid_file_exits_1_and_groups_issues_by_code(capsys: Any) -> None:
    code, out, _ = run(capsys, EXAMPLE)
    assert code == 1
    assert out.startswith("INVALID: 13 records")
    assert "error NE401 cameo-code-unknown (1)" in out
    assert "warning NE803 approximate-without-span (1)" in out
    assert "\033[" not in out  # not a terminal: no colour


def test_json_report_validates_against_the_published_schema(capsys: Any) -> None:
    code, report = run_json(capsys, EXAMPLE)
    assert code == 1
    assert report["valid"] is False
    assert report["summary"]["by_code"]["NE604"] == 1


def test_missing_path_exits_2(tmp_path: Path, capsys: Any) -> None:
    code, report = run_json(capsys, str(tmp_path / "missing.jsonl"))
    assert code == 2
    assert report["issues"][0]["code"] == "NE101"


def test_unsupported_format_exits_2(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "events.csv"
    path.write_text("id\n", encoding="utf-8")
    assert run(capsys, str(path))[0] == 2


@pytest.mark.parametrize(
    "argv",
    [
        ["--select", "NE999"],
        ["--ignore", "no-such-slug"],
        ["--max-issues", "-1"],
        ["--format", "xml"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: Any) -> None:
    with pytest.raises(SystemExit) as exit_info:
        raise SystemExit(main(["validate", EXAMPLE, *argv]))
    assert exit_info.value.code == 2


@pytest.mark.parametrize("spec", ["NE604", "span-text-mismatch", "NE6", "anchoring"])
def test_select_by_code_slug_prefix_or_family(spec: str, capsys: Any) -> None:
    _, report = run_json(capsys, EXAMPLE, "--select", spec)
    assert set(report["summary"]["by_code"]) == {"NE604"}


def test_ignore_removes_codes_and_can_make_a_file_valid(capsys: Any) -> None:
    _, full = run_json(capsys, EXAMPLE)
    errors = ",".join(c for c in full["summary"]["by_code"] if c not in ("NE203", "NE803"))
    code, report = run_json(capsys, EXAMPLE, "--ignore", errors)
    assert code == 0
    assert set(report["summary"]["by_code"]) == {"NE203", "NE803"}


def test_strict_makes_warnings_fail(capsys: Any) -> None:
    only_warnings = ["--select", "NE203,NE803"]
    assert run_json(capsys, EXAMPLE, *only_warnings)[0] == 0
    code, report = run_json(capsys, EXAMPLE, *only_warnings, "--strict")
    assert code == 1
    assert report["strict"] is True and report["valid"] is False


def test_max_issues_caps_the_list_but_counts_every_issue(
    records: dict[str, Any], write_jsonl: Any, capsys: Any
) -> None:
    for number in range(5):
        duplicate = dict(records["nato"])
        records[f"again-{number}"] = duplicate
    path = write_jsonl("dups.jsonl", records.values())
    _, report = run_json(capsys, str(path), "--max-issues", "2")
    assert report["summary"]["by_code"] == {"NE501": 5, "NE806": 1}
    listed = [i["code"] for i in report["issues"]]
    assert listed == ["NE501", "NE501", "NE806"]
    assert report["issues"][-1]["message"] == "3 more NE501 issue(s) were counted but not listed"
    _, unlimited = run_json(capsys, str(path), "--max-issues", "0")
    assert unlimited["max_issues"] is None
    assert [i["code"] for i in unlimited["issues"]] == ["NE501"] * 5


def test_documents_option_supplies_texts_for_span_checks(
    records: dict[str, Any], write_jsonl: Any, capsys: Any
) -> None:
    document = records.pop("document")
    records["alert"]["trigger"]["start"] += 2
    records["alert"]["trigger"]["end"] += 2
    events = write_jsonl("events.jsonl", records.values())
    documents = write_jsonl("documents.jsonl", [document])
    _, without = run_json(capsys, str(events))
    assert set(without["summary"]["by_code"]) == {"NE607"}
    code, report = run_json(capsys, str(events), "--documents", str(documents))
    assert code == 1
    assert set(report["summary"]["by_code"]) == {"NE604"}
    assert [f["role"] for f in report["files"]] == ["documents", "input"]
    assert report["summary"]["files"] == 1


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: Any) -> None:
    import io

    from newsevents.validation.render import use_colour

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_colour(Terminal())
    assert not use_colour(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(Terminal())
