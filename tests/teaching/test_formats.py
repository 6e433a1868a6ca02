"""Report formats for CI and spreadsheets: JSON Lines, GitHub annotations, SARIF 2.1.0, CSV;
and ``Report.to_pandas()``."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pandas as pd
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.cli import main
from newsevents.codes import CATALOG, Severity
from newsevents.validation import Report, validate
from newsevents.validation.formats import FORMATS, render
from newsevents.validation.issue import Issue, IssueLocation, Suggestion

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "third-party.jsonl"
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())


def _example() -> Report:
    return validate(str(EXAMPLE))


def _hostile_report(text: str, line: int | None, record: int | None) -> Report:
    """A report whose input-derived strings (file, id, pointer, message) are ``text``."""
    issue = Issue(
        code="NE303",
        severity=Severity.ERROR,
        message=f"unknown field {text}",
        location=IssueLocation(text or None, record, line, None, "/" + text),
        record_id=text or None,
        hint="hint",
        suggestion=Suggestion("move", "/x", source="/" + text),
    )
    return Report(False, 1, {"error": 1}, {"NE303": 1}, (issue,), tool={"version": "0.1.0"})


def test_sarif_of_the_example_file_is_valid_sarif_2_1_0() -> None:
    log = json.loads(render(_example(), "sarif"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    run = log["runs"][0]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == set(_example().by_code)
    first = run["results"][0]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "third-party.jsonl"
    )
    assert first["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    assert {r["level"] for r in run["results"]} <= {"error", "warning", "note"}


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(max_size=30),
    line=st.none() | st.integers(1, 10**6),
    record=st.none() | st.integers(0, 10**6),
)
def test_sarif_stays_valid_whatever_the_input_strings(
    text: str, line: int | None, record: int | None
) -> None:
    log = json.loads(render(_hostile_report(text, line, record), "sarif"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=30), line=st.none() | st.integers(1, 10**6))
def test_github_annotations_are_one_line_each_and_cannot_be_forged(
    text: str, line: int | None
) -> None:
    out = render(_hostile_report(text, line, 0), "github")
    lines = out.splitlines()
    assert len(lines) == 2  # the annotation and the summary notice
    command, _, message = lines[0].partition("::")[2].partition("::")
    level, _, properties = command.partition(" ")
    assert level == "error"
    names = [p.split("=", 1)[0] for p in properties.split(",")]
    assert names == [*(["file"] if text else []), *(["line"] if line else []), "title"]
    assert "\r" not in message and "\033" not in out


def test_github_annotation_of_the_example_names_file_line_and_code() -> None:
    out = render(_example(), "github")
    assert any(
        line.startswith("::error file=") and ",title=NE401 cameo-code-unknown::" in line
        for line in out.splitlines()
    )
    assert out.splitlines()[-1].startswith("::notice title=newsevents validate::INVALID")


def test_jsonl_is_one_issue_per_line_as_in_the_json_report() -> None:
    report = _example()
    lines = [json.loads(line) for line in render(report, "jsonl").splitlines()]
    assert lines == report.to_dict()["issues"]


def test_csv_has_a_row_per_issue_with_codes_as_text_and_formulas_defused() -> None:
    report = _hostile_report("=HYPERLINK(1)", 3, 2)
    rows = list(csv.DictReader(io.StringIO(render(report, "csv"))))
    assert rows[0]["record_id"] == "'=HYPERLINK(1)"
    assert rows[0]["code"] == "NE303" and rows[0]["line"] == "3"
    example = pd.read_csv(io.StringIO(render(_example(), "csv")))
    assert len(example) == len(_example().issues)
    assert not pd.api.types.is_numeric_dtype(example["code"])
    assert example["code"].str.startswith("NE").all()


def test_every_format_is_accepted_by_the_command_line(capsys: Any) -> None:
    for format in FORMATS:
        assert main(["validate", str(EXAMPLE), "--format", format]) == 1
        assert capsys.readouterr().out
    with pytest.raises(ValueError, match="unknown report format"):
        render(_example(), "xml")


def test_to_pandas_keeps_integers_integers_and_codes_strings() -> None:
    frame = _example().to_pandas()
    assert len(frame) == len(_example().issues)
    assert str(frame["record"].dtype) == "int64[pyarrow]"
    assert str(frame["code"].dtype) == "string[pyarrow]"
    assert frame["line"].isna().sum() == sum(i.location.line is None for i in _example().issues)
    assert set(frame["code"]) <= set(CATALOG)
    polars = pl.from_pandas(frame)
    assert polars.schema["record"] == pl.Int64 and polars.schema["code"] == pl.String


def test_to_pandas_of_a_valid_report_has_the_columns_and_no_rows() -> None:
    frame = validate([]).to_pandas()
    assert len(frame) == 0 and "suggestion" in frame.columns


@pytest.mark.parametrize("form", sorted(FORMATS))
def test_a_file_name_that_is_not_utf8_renders_in_every_format(tmp_path: Path, form: str) -> None:
    name = os.fsdecode(b"bad-\xff-name.jsonl")  # the byte is kept as a lone surrogate
    (tmp_path / name).write_bytes(b"{not json}\n")
    report = validate(str(tmp_path / name))
    assert not report.valid
    shown = render(report, form)
    if form == "sarif":
        log = json.loads(shown)
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
        uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        assert uri["uri"].endswith("bad-%FF-name.jsonl")
    shown.encode("utf-8")  # what is printed can be written to a UTF-8 terminal or file
