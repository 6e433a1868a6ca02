"""What ``newsevents.validate`` and ``newsevents validate -`` are handed, whatever it is, is
reported, never raised: a value that is no record, an empty path, a path no byte stands for,
a JSON document on standard input with a byte-order mark or numbers orjson refuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.validation import validate
from newsevents.validation.formats import FORMATS, render

ACTOR = {
    "record_type": "actor",
    "schema_version": "1.1.0",
    "id": "a-1",
    "name": "A",
    "canonical_name": "A",
    "kind": "person",
}


@settings(max_examples=60, deadline=None)
@given(st.none() | st.integers() | st.floats() | st.booleans() | st.binary() | st.just(object()))
def test_a_value_that_is_no_record_is_ne104(value: Any) -> None:
    report = validate(value)
    assert [i.code for i in report.issues] == ["NE104"] and report.records == 1


@pytest.mark.parametrize("given", ["", [""]])
def test_an_empty_path_is_ne101_not_the_current_folder(given: Any) -> None:
    report = validate(given)
    assert [(i.code, i.location.file) for i in report.issues] == [("NE101", '""')]


@pytest.mark.parametrize("name", ["\ud800.jsonl", "a\x00b.jsonl", "\udcff\u202e.jsonl"])
def test_a_path_no_file_system_can_name_renders_in_every_format(name: str) -> None:
    report = validate(name)
    assert report.codes() == {"NE101"}
    for form in FORMATS:
        assert render(report, form)


def stdin(data: bytes) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "newsevents", "validate", "--format", "json", "-"],
        input=data,
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert done.stderr == b""
    found: dict[str, Any] = json.loads(done.stdout)
    return found


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + json.dumps([ACTOR]).encode(),
        json.dumps({**ACTOR, "n": 2**64}, indent=2).encode(),
        json.dumps({**ACTOR, "n": 1e300}).replace("1e+300", "1e400").encode(),
    ],
    ids=["bom", "past 64 bits", "past a double"],
)
def test_one_json_document_on_standard_input_is_read_as_one(data: bytes, tmp_path: Path) -> None:
    from_stdin = stdin(data)
    path = tmp_path / "records.json"
    path.write_bytes(data)
    from_file = validate(path)
    assert from_stdin["files"][0]["format"] == "json"
    assert from_stdin["summary"]["by_code"] == from_file.by_code
    assert "NE103" not in from_stdin["summary"]["by_code"]


def test_json_lines_with_a_broken_line_stay_json_lines() -> None:
    text = json.dumps(ACTOR) + "\n" + '{"b": \n'
    found = stdin(text.encode())
    assert found["files"][0]["format"] == "jsonl" and found["summary"]["records"] == 2


def test_a_mapping_that_raises_is_described_not_quoted() -> None:
    from collections.abc import Iterator, Mapping

    class Hostile(Mapping[str, Any]):
        def __getitem__(self, key: str) -> Any:
            raise RuntimeError

        def __iter__(self) -> Iterator[str]:
            raise RuntimeError

        def __len__(self) -> int:
            return 1

    (issue,) = validate([Hostile()]).issues
    assert issue.code == "NE104"
    assert (
        issue.message
        == "expected a JSON object, found a Hostile that raised RuntimeError when read"
    )
