"""Resources: reports are written one issue at a time, identical to the whole text, and
listed issues past ``SPILL_AT`` wait on disk without changing the report."""

from __future__ import annotations

import io
import json
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.codes import Severity
from newsevents.validation import spill, validate
from newsevents.validation.collector import IssueCollector
from newsevents.validation.examples import base
from newsevents.validation.formats import FORMATS, render, write
from newsevents.validation.issue import Issue, IssueLocation, Report
from newsevents.validation.parallel import validate_with
from newsevents.validation.render import indented, render_json, write_json
from newsevents.validation.selection import Selection
from newsevents.validation.spill import StoredIssues

RECORDS = list(base.records().values())
changes = st.lists(
    st.tuples(
        st.integers(0, len(RECORDS) - 1),
        st.sampled_from(["id", "schema_version", "record_type", "name", "cameo", "x"]),
        st.none() | st.integers() | st.text(max_size=5) | st.just("\u202e\x1b[2J\n"),
    ),
    max_size=6,
)


@settings(max_examples=40, deadline=None)
@given(changes, st.sampled_from([None, 1, 100]))
def test_the_streamed_json_report_is_the_whole_json_report(
    edits: list[tuple[int, str, Any]], max_issues: int | None
) -> None:
    records = [dict(r) for r in RECORDS]
    for index, key, value in edits:
        records[index][key] = value
    report = validate(records, max_issues=max_issues)
    stream = io.StringIO()
    write_json(report, stream)
    assert stream.getvalue() == render_json(report)


def test_an_empty_report_streams_too() -> None:
    report = validate(RECORDS)
    stream = io.StringIO()
    write_json(report, stream)
    assert report.issues == () and stream.getvalue() == render_json(report)


# Listed issues past SPILL_AT go to disk in sorted runs: the report must not change.

codes = st.sampled_from(["NE301", "NE302", "NE604", "NE502", "NE806", "NE103"])
issues = st.builds(
    Issue,
    code=codes,
    severity=st.sampled_from(list(Severity)),
    message=st.text("ab\x1b", max_size=3),
    location=st.builds(
        IssueLocation,
        file=st.none() | st.sampled_from(["a.jsonl", "b.jsonl", "c.jsonl"]),
        record=st.none() | st.integers(0, 5),
        line=st.none() | st.integers(1, 5),
        column=st.none() | st.integers(1, 3),
        pointer=st.sampled_from(["", "/id", "/a~1b"]),
    ),
    record_id=st.none() | st.text(max_size=2),
)


def collected(found: list[Issue], max_issues: int | None, spill_at: int | None) -> Report:
    collector = IssueCollector(Selection.of(None, None), max_issues, spill_at=spill_at)
    for name in ["b.jsonl", "a.jsonl"]:  # file order is not name order
        collector.file_seen(name)
    collector.extend(found)
    return collector.report(records=7, files=(), strict=False, tool={})


@settings(max_examples=150, deadline=None)
@given(st.lists(issues, max_size=60), st.none() | st.integers(0, 4), st.integers(1, 9))
def test_spilling_to_disk_never_changes_the_report(
    found: list[Issue], max_issues: int | None, spill_at: int
) -> None:
    held = collected(found, max_issues, None)
    spilled = collected(found, max_issues, spill_at)
    assert isinstance(held.issues, tuple)
    assert spilled == held  # every field: validity, counts, listed issues in order
    assert list(spilled.issues) == list(held.issues)
    assert spilled.by_code == held.by_code and spilled.by_severity == held.by_severity


@settings(max_examples=60, deadline=None)
@given(st.lists(issues, max_size=40), st.integers(1, 5), st.data())
def test_issues_on_disk_behave_as_the_tuple(
    found: list[Issue], block: int, data: st.DataObject
) -> None:
    with mock.patch.object(spill, "BLOCK", block):
        stored = StoredIssues(found)
        expected = tuple(found)
        assert len(stored) == len(expected) and tuple(stored) == expected
        assert stored == expected and expected == stored and stored == list(found)
        assert stored != (*expected, Issue("NE101", Severity.ERROR, "", IssueLocation()))
        for index in range(-len(expected), len(expected)):
            assert stored[index] == expected[index]
        start, stop = data.draw(st.integers(-50, 50)), data.draw(st.integers(-50, 50))
        step = data.draw(st.sampled_from([1, 2, -1, 3]))
        assert stored[start:stop:step] == expected[start:stop:step]
        for outside in (len(expected), -len(expected) - 1):
            with pytest.raises(IndexError):
                stored[outside]
        assert pickle.loads(pickle.dumps(stored)) == expected
        assert list(zip(stored, stored, strict=True)) == list(zip(expected, expected, strict=True))


def broken_records(count: int) -> list[dict[str, Any]]:
    """``count`` copies of the examples, each one wrong several ways."""
    made = []
    for number in range(count):
        for record in RECORDS:
            broken = {**record, "id": f"{record.get('id')}-{number}", "x": number}
            if record.get("record_type") == "event":
                broken["document_id"] = "missing-document"
            made.append(broken)
    return made


def test_every_format_is_the_same_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in broken_records(30)), encoding="utf-8")
    for max_issues in (None, 7):
        held = validate(path, max_issues=max_issues)
        with mock.patch.object(spill, "SPILL_AT", 13):
            spilled = validate(path, max_issues=max_issues)
        assert isinstance(spilled.issues, StoredIssues) and len(spilled.issues) > 13
        assert spilled == held
        for form in FORMATS:
            stream = io.StringIO()
            write(spilled, form, stream)
            assert stream.getvalue() == render(held, form), form
        assert spilled.to_pandas().equals(held.to_pandas())


def test_parts_keep_their_first_issues_and_count_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in broken_records(40)), encoding="utf-8")
    for max_issues in (None, 1, 5):
        reference = validate(path, max_issues=max_issues)
        with mock.patch.object(spill, "SPILL_AT", 17):
            parts = validate_with(path, map, jobs=2, part_bytes=4096, max_issues=max_issues)  # type: ignore[arg-type]
        assert parts == reference


json_like = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(codec=None, exclude_categories=()), max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=3), children, max_size=3)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(json_like)
def test_the_fast_indenting_encoder_writes_what_the_standard_one_writes(value: Any) -> None:
    assert indented(value) == json.dumps(value, indent=2, ensure_ascii=False)


@pytest.mark.parametrize("form", FORMATS)
def test_a_reader_that_goes_away_leaves_the_verdict_and_no_traceback(
    form: str, tmp_path: Path
) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in broken_records(100)), encoding="utf-8")
    command = [sys.executable, "-m", "newsevents", "validate", "--max-issues", "0"]
    with subprocess.Popen(
        [*command, "--format", form, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(10)  # then hang up, as `| head -c 10` does
        process.stdout.close()
        error = process.stderr.read()
        status = process.wait(timeout=300)
    assert status == 1, error  # the records are invalid, whoever reads the report
    assert error == b""


def test_standard_input_names_itself_in_issues_kept_on_disk(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsevents.cli import main

    lines = "".join(json.dumps(r) + "\n" for r in broken_records(10)).encode()
    monkeypatch.setattr(spill, "SPILL_AT", 7)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines)))
    assert main(["validate", "-", "--max-issues", "0", "--format", "jsonl"]) == 1
    issues = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(issues) > 7
    assert {i["location"].get("file") for i in issues} == {"-"}
