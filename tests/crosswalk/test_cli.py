"""``newsevents convert`` and ``newsevents validate --from``: outputs, counts and exit codes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsevents.cli import main
from newsevents.validation import validate
from tests.crosswalk.conftest import GDELT_SAMPLE, PLOVER_SAMPLE


def test_convert_gdelt_to_json_lines_prints_the_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "events.jsonl"
    code = main(["convert", str(GDELT_SAMPLE), "--from", "gdelt", "-o", str(out)])
    assert code == 0
    out_text = capsys.readouterr().out
    assert "read 33 row(s), converted 33, skipped 0\n" in out_text
    assert "records written: 22 actor, 10 document, 33 event\n" in out_text
    assert "issues by code: NE013 21\n" in out_text
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == 65
    assert validate(str(out)).valid


def test_convert_counts_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "events.jsonl"
    argv = ["convert", str(GDELT_SAMPLE), "--from", "gdelt", "-o", str(out), "--format", "json"]
    assert main([*argv, "--only", "statement"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["skipped"] == {"not-selected:general": 31}
    assert summary["records"]["event"] == 2


def test_convert_to_parquet_writes_one_file_per_record_type(tmp_path: Path) -> None:
    out = tmp_path / "gdelt.parquet"
    assert main(["convert", str(GDELT_SAMPLE), "--from", "gdelt", "-o", str(out)]) == 0
    paths = [tmp_path / f"gdelt.{t}.parquet" for t in ("documents", "actors", "events")]
    assert [pq.read_metadata(p).num_rows for p in paths] == [10, 22, 33]
    assert validate([str(p) for p in paths]).valid


@pytest.mark.parametrize(
    ("source", "sample", "target", "first"),
    [
        ("gdelt", GDELT_SAMPLE, "gdelt", "669666350\t20070704\t200707\t2007\t2007.5041\t"),
        ("plover", PLOVER_SAMPLE, "plover", '{"id": "PLOVER-GSR01-AGREE-0001", '),
        ("gdelt", GDELT_SAMPLE, "plover", ""),
        ("plover", PLOVER_SAMPLE, "gdelt", ""),
    ],
)
def test_convert_between_sources_writes_what_the_target_can_hold(
    tmp_path: Path, source: str, sample: Path, target: str, first: str
) -> None:
    out = tmp_path / f"out.{target}"
    argv = ["convert", str(sample), "--from", source, "--to", target, "-o", str(out)]
    assert main(argv) == 0
    text = out.read_text("utf-8")
    assert text.startswith(first)
    if not first:  # GDELT rows have no PLOVER type, PLOVER records no CAMEO code
        assert text == ""


def test_convert_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "out.jsonl")
    missing = ["convert", str(tmp_path / "missing.CSV"), "--from", "gdelt", "-o", out]
    assert main(missing) == 2
    unknown = tmp_path / "mentions.CSV"
    unknown.write_text("1\t2\t3\n", encoding="utf-8")
    assert main(["convert", str(unknown), "--from", "gdelt", "-o", out]) == 2
    assert "NE001" in capsys.readouterr().out
    bad = tmp_path / "bad.CSV"
    lines = GDELT_SAMPLE.read_text("utf-8").splitlines()
    bad.write_text("\n".join([*lines, "669666999,20170701"]) + "\n", encoding="utf-8")
    assert main(["convert", str(bad), "--from", "gdelt", "-o", out]) == 1
    assert main(["convert", str(GDELT_SAMPLE), "--from", "gdelt", "-o", out, "--only", "x"]) == 2


def test_validate_from_gdelt_is_one_report(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["validate", "--from", "gdelt", str(GDELT_SAMPLE), "--format", "json"]
    assert main(argv) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is True
    assert report["summary"]["by_code"]["NE013"] == 21
    assert main(["validate", "--from", "plover", str(PLOVER_SAMPLE), "--strict"]) == 1


def test_validate_from_an_unknown_layout_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "x.CSV"
    path.write_text("a\tb\n", encoding="utf-8")
    assert main(["validate", "--from", "gdelt", str(path)]) == 2


def test_validate_from_with_jobs_is_a_usage_error_that_says_what_to_do(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", "--from", "gdelt", str(GDELT_SAMPLE), "--jobs", "2"]) == 2
    assert "convert first" in capsys.readouterr().err


def test_convert_and_validate_from_acled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.crosswalk.test_acled import ROWS, write_rows

    source = write_rows(tmp_path / "acled.csv", ROWS)
    out = tmp_path / "back.csv"
    assert main(["convert", str(source), "--from", "acled", "--to", "acled", "-o", str(out)]) == 0
    assert out.read_text("utf-8").splitlines()[1].startswith("XYZ1001,2022-01-24,2022,1,")
    capsys.readouterr()
    assert main(["validate", "--from", "acled", str(source), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] and report["summary"]["records"] == 6  # 2 documents, 2 actors, 2 events


@pytest.mark.parametrize("source", ["gdelt", "acled", "plover"])
@pytest.mark.parametrize("kind", ["fifo", "dangling-link", "folder", "missing"])
def test_a_path_that_is_no_regular_file_is_its_true_cause_exit_2_never_a_hang(
    tmp_path: Path, source: str, kind: str
) -> None:
    path = tmp_path / "input.csv"
    expected = {"fifo": "NE109", "dangling-link": "NE110", "folder": "NE101", "missing": "NE101"}
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dangling-link":
        path.symlink_to(tmp_path / "nowhere.csv")
    elif kind == "folder":
        path.mkdir()
    report = validate(str(path), source_format=source)
    assert report.codes() == {expected[kind]}
    assert main(["convert", str(path), "--from", source, "-o", str(tmp_path / "out.jsonl")]) == 2
