"""What a file holds, named once and truly: another encoding, compression, repeated keys,
digit runs Python cannot convert, memory running out, a Parquet value Python cannot hold."""

from __future__ import annotations

import bz2
import copy
import gzip
import io
import json
import lzma
import zipfile
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.io.keys import may_repeat_keys, repeated_keys
from newsevents.io.readers import FileReading, ReadProblem
from newsevents.validation import validate
from newsevents.validation.examples import base
from newsevents.validation.examples.model import jsonl
from tests.hostile.conftest import run

RECORDS = list(base.records().values())
VALID = jsonl(RECORDS)
DOCUMENT = json.dumps(RECORDS, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"])
@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_another_encoding_is_one_issue_for_the_file(
    tmp_path: Path, encoding: str, suffix: str
) -> None:
    path = tmp_path / f"records{suffix}"
    path.write_bytes((VALID if suffix == ".jsonl" else DOCUMENT).decode().encode(encoding))
    outcome = run(str(path))
    assert outcome.status == 2
    assert outcome.report["summary"]["by_code"] == {"NE112": 1}
    assert encoding.upper().replace("-", " ").replace("UTF ", "UTF-")[:6] in str(
        outcome.report["issues"][0]["message"]
    )


def _zip(data: bytes) -> bytes:
    sink = io.BytesIO()
    with zipfile.ZipFile(sink, "w") as archive:
        archive.writestr("records.jsonl", data)
    return sink.getvalue()


COMPRESSORS = {
    "gzip": gzip.compress,
    "zip": _zip,
    "bzip2": bz2.compress,
    "xz": lzma.compress,
    "zstd": lambda data: b"\x28\xb5\x2f\xfd" + data,  # the magic is what is sniffed
}


@pytest.mark.parametrize("name", sorted(COMPRESSORS))
@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".parquet"])
def test_compressed_files_are_named_not_parsed(tmp_path: Path, name: str, suffix: str) -> None:
    path = tmp_path / f"records{suffix}"
    path.write_bytes(COMPRESSORS[name](VALID))
    outcome = run(str(path))
    assert outcome.status == 2
    assert outcome.report["summary"]["by_code"] == {"NE113": 1}
    assert f"the file is {name} data" in outcome.report["issues"][0]["message"]
    assert outcome.report["files"][0]["sha256"] is not None  # the bytes on disk, hashed


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**64 - 1) | st.text(max_size=6),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(":\\u003a\"'ab", max_size=4), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300)
@given(json_values)
def test_text_without_repeated_keys_is_cleared_by_the_cheap_test(value: Any) -> None:
    raw = orjson.dumps(value)
    assert repeated_keys(raw) == []
    assert not may_repeat_keys(raw, orjson.loads(raw))
    spaced = json.dumps(value, ensure_ascii=True, indent=1).encode()
    if b"\\u003" not in spaced:  # an escaped colon may make the test look closer
        assert not may_repeat_keys(spaced, orjson.loads(spaced))


def _objects(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if isinstance(value, dict) else []
    children = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, child in children:
        found += _objects(child, (*path, key))
    return found


@settings(max_examples=300)
@given(json_values.filter(lambda v: bool(_objects(v))), st.data())
def test_a_repeated_key_anywhere_is_always_found(value: Any, data: st.DataObject) -> None:
    where = data.draw(st.sampled_from(_objects(value)))
    key = data.draw(st.text(':\\u003a"ab', max_size=3))
    extra = data.draw(json_values)
    marker = "\x00repeat\x00"
    holder = value
    for part in where:
        holder = holder[part]
    holder[marker] = extra
    raw = json.dumps(value, ensure_ascii=bool(data.draw(st.booleans()))).encode()
    pair = f"{json.dumps(key)}: {json.dumps(extra)}, {json.dumps(key)}"
    raw = raw.replace(json.dumps(marker).encode(), pair.encode(), 1)
    assert may_repeat_keys(raw, orjson.loads(raw))
    assert any(r.path == where and r.key == key for r in repeated_keys(raw))


def test_repeated_keys_are_located_in_lines_arrays_and_bundles(tmp_path: Path) -> None:
    line = b'{"record_type": "actor", "a": {"b": 1, "b": 2}}\n'
    (tmp_path / "r.jsonl").write_bytes(b"{}\n" + line)
    (tmp_path / "r.json").write_bytes(b"[{}, " + line.strip() + b"]")
    (tmp_path / "b.json").write_bytes(b'{"actors": [{}], "events": [{}, ' + line.strip() + b"]}")
    (tmp_path / "t.json").write_bytes(b'{"actors": [], "actors": []}')
    for name, record, pointer in (
        ("r.jsonl", 1, "/a/b"),
        ("r.json", 1, "/a/b"),
        ("b.json", 2, "/a/b"),
        ("t.json", None, "/actors"),
    ):
        report = validate(str(tmp_path / name))
        found = [
            (i.location.record, i.location.pointer) for i in report.issues if i.code == "NE114"
        ]
        assert found == [(record, pointer)], name


@pytest.mark.parametrize("pointer", ["/schema_version", "/id", "/name", "/aliases/0"])
def test_digit_runs_in_strings_are_ordinary_strings(tmp_path: Path, pointer: str) -> None:
    record = copy.deepcopy(next(r for r in RECORDS if r["record_type"] == "actor"))
    record.setdefault("aliases", ["x"])
    *parents, last = pointer.strip("/").split("/")
    holder: Any = record
    for part in parents:
        holder = holder[int(part) if part.isdigit() else part]
    holder[int(last) if last.isdigit() else last] = "1" * 5000 + ".0.0"
    path = tmp_path / "r.jsonl"
    path.write_bytes(jsonl([record]))
    outcome = run(str(path))
    assert outcome.status == 1
    assert "NE116" not in outcome.codes
    assert any(pointer.startswith(i["location"]["pointer"]) for i in outcome.report["issues"])
    expected = validate([record], max_issues=None).issues
    found = [(i["code"], i["location"]["pointer"]) for i in outcome.report["issues"]]
    assert found == [(i.code, i.location.pointer) for i in expected]


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_a_number_literal_of_5000_digits_is_too_long_not_invalid_json(
    tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"r{suffix}"
    path.write_bytes(b'{"record_type": "actor", "size": ' + b"9" * 5000 + b"}\n")
    outcome = run(str(path))
    assert outcome.codes == {"NE116"}
    assert outcome.report["issues"][0]["location"]["pointer"] == "/size"


def test_a_bad_parquet_value_loses_its_row_only(tmp_path: Path) -> None:
    days = pa.array(list(range(3000)), pa.int32()).cast(pa.date32())
    days = pa.concat_arrays(
        [days[:1500], pa.array([3_000_000], pa.int32()).cast(pa.date32()), days[1501:]]
    )
    table = pa.table({"record_type": ["actor"] * 3000, "founded": days})
    path = tmp_path / "actors.parquet"
    pq.write_table(table, path)
    reading = FileReading(path, "actors.parquet")
    items = list(reading)
    problems = [(w.record, p.code, p.pointer) for w, p in items if isinstance(p, ReadProblem)]
    assert problems == [(1500, "NE117", "/founded")]
    assert reading.records == 3000
    assert sum(1 for _, item in items if isinstance(item, dict)) == 2999


@pytest.mark.parametrize("column", ["schema_version", "aliases"])
def test_digit_runs_in_parquet_strings_are_ordinary_strings(tmp_path: Path, column: str) -> None:
    digits = "1" * 5000 + ".0.0"
    columns: dict[str, Any] = {
        "record_type": ["actor", "actor"],
        "schema_version": ["1.0.0", digits if column == "schema_version" else "1.0.0"],
        "id": ["a", "b"],
        "aliases": [["x"], [digits] if column == "aliases" else ["y"]],
    }
    path = tmp_path / "actors.parquet"
    pq.write_table(pa.table(columns), path)
    outcome = run(str(path))
    assert "NE116" not in outcome.codes
    rows = [{k: v[i] for k, v in columns.items()} for i in range(2)]
    expected = {(i.code, i.location.pointer) for i in validate(rows, max_issues=None).issues}
    found = {(i["code"], i["location"]["pointer"]) for i in outcome.report["issues"]}
    assert found == expected
