"""The same records give the same report on every path: parsed and given to
``newsevents.validate()``, as JSON Lines, as one JSON array, and cut into parts as
``--jobs`` cuts them.  Valid records are mutated at one field by a hostile value."""

from __future__ import annotations

import copy
import io
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pyarrow import parquet as pq

from newsevents.io.arrow import records_to_table, table_to_records
from newsevents.io.faithful import ConversionError
from newsevents.io.readers import DEPTH_LIMIT, parse_json
from newsevents.validation import validate
from newsevents.validation.examples import base
from newsevents.validation.issue import Report
from newsevents.validation.parallel import validate_with

RECORDS = list(base.records().values())

HOSTILE: list[Any] = [
    2**64,
    -(2**63) - 1,
    10**30,
    -(10**400),
    12345678901234567890123,
    1e-400,
    -0.0,
    "1" * 30,
    "9" * 5000,
    "\u2028\x1b[2J",
    "\ud800",
    "lone \udfff",
    [2**64],
    {"deep": 10**25},
    None,
    [],
    {},
]


def _places(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    if path:
        yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _places(item, (*path, index))


@st.composite
def mutated(draw: st.DrawFn) -> list[dict[str, Any]]:
    """The valid records, one of them with one value replaced by a hostile one."""
    records = copy.deepcopy(RECORDS)
    record = draw(st.sampled_from(records))
    *parents, last = draw(st.sampled_from(list(_places(record))))
    holder: Any = record
    for part in parents:
        holder = holder[part]
    holder[last] = copy.deepcopy(draw(st.sampled_from(HOSTILE)))
    return records


def _seen(report: Report) -> tuple[Any, ...]:
    issues = sorted(
        (i.code, i.location.record or 0, i.location.pointer, i.record_id or "", i.message)
        for i in report.issues
    )
    return report.valid, dict(report.by_code), report.records, issues


def _in_parts(path: Path) -> Report:
    def mapper(function: Any, tasks: Any) -> list[Any]:
        return [function(task) for task in tasks]

    return validate_with(str(path), mapper, jobs=2, part_bytes=1, max_issues=None)


def _with(index: int, field: str, value: Any) -> list[dict[str, Any]]:
    records = copy.deepcopy(RECORDS)
    records[index][field] = value
    return records


@given(mutated())
@example(_with(0, "id", "9" * 5000))  # a digit run in a string is an ordinary string
@example(_with(0, "schema_version", 2**64))  # an integer past 64 bits stays an integer
@example(_with(1, "name", 10**400))  # a number past a double's range is still read
@example(_with(2, "id", "\ud800"))  # a lone surrogate escape is JSON, read as json.loads does
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_path_gives_the_same_report(records: list[dict[str, Any]]) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    parsed = [json.loads(line) for line in lines]  # as a third party parses the records
    with tempfile.TemporaryDirectory() as folder:
        jsonl = Path(folder, "records.jsonl")
        # A lone surrogate (only ever inside a string) is written as its JSON escape.
        jsonl.write_text("".join(line + "\n" for line in lines), "utf-8", "backslashreplace")
        array = Path(folder, "records.json")
        array.write_text("[" + ",\n".join(lines) + "]", "utf-8", "backslashreplace")
        expected = _seen(validate(parsed, max_issues=None))
        assert _seen(validate(str(jsonl), max_issues=None)) == expected
        assert _seen(validate(str(array), max_issues=None)) == expected
        assert _seen(_in_parts(jsonl)) == expected


def test_integers_past_64_bits_are_read_exactly() -> None:
    assert parse_json(b"[18446744073709551616, -9223372036854775809]") == (
        [2**64, -(2**63) - 1],
        False,
    )
    assert parse_json(b'{"a": 1e400}') == ({"a": float("inf")}, False)
    assert parse_json(b'["\\ud800", "\\udc00x"]') == (["\ud800", "\udc00x"], False)
    value, long_numbers = parse_json(b'{"a": [' + b"7" * 5000 + b"]}")
    assert long_numbers
    assert value["a"][0].digits == 5000


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


@st.composite
def damaged(draw: st.DrawFn) -> list[dict[str, Any]]:
    """The valid records, one of them with one value replaced or one field removed."""
    records = draw(mutated())
    if draw(st.booleans()):
        record = draw(st.sampled_from(records))
        places = [p for p in _places(record) if isinstance(p[-1], str)]
        *parents, last = draw(st.sampled_from(places))
        holder: Any = record
        for part in parents:
            holder = holder[part]
        if isinstance(holder, dict):
            holder.pop(last, None)
    return records


@given(damaged())
@example(_with(0, "title", "\ud800"))  # no UTF-8 form: refused, not a UnicodeEncodeError
@settings(max_examples=40, deadline=None)
def test_parquet_keeps_every_record_or_refuses(records: list[dict[str, Any]]) -> None:
    for record_type in ("document", "actor", "event"):
        rows = [r for r in records if r.get("record_type") == record_type]
        try:
            table = records_to_table(record_type, rows)
        except ConversionError:
            continue  # refused, with the values that would change
        sink = io.BytesIO()
        pq.write_table(table, sink)  # a null in a column that holds none would raise here
        read = table_to_records(pq.read_table(io.BytesIO(sink.getvalue())), record_type)
        assert read == [_without_nulls(r) for r in rows]


@pytest.mark.parametrize("content", [b"", b" \r\n\t", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n\n"])
def test_an_empty_document_is_empty_in_every_format(tmp_path: Path, content: bytes) -> None:
    found = []
    for suffix in (".json", ".jsonl"):
        path = tmp_path / f"records{suffix}"
        path.write_bytes(content)
        report = validate(str(path))
        found.append((report.valid, dict(report.by_code), report.records))
    assert found == [(True, {"NE122": 1}, 0)] * 2


@pytest.mark.parametrize("head", [b"", b"{", b'{"record_type": "actor"}\n'])
def test_a_file_of_nul_bytes_is_not_called_utf16_or_utf32(tmp_path: Path, head: bytes) -> None:
    path = tmp_path / "records.jsonl"
    path.write_bytes(head + bytes(8000))  # zeros a crash or a preallocated file leaves
    report = validate(str(path))
    assert "NE112" not in report.by_code
    assert not report.valid


@pytest.mark.parametrize(
    "kind", [pa.timestamp("ms"), pa.date32(), pa.decimal128(25, 2), pa.binary(), pa.int64()]
)
@pytest.mark.parametrize("ours", [True, False], ids=["our-metadata", "another-tool"])
def test_a_column_of_the_wrong_type_is_read_as_absent(
    tmp_path: Path, kind: pa.DataType, ours: bool
) -> None:
    actors = [r for r in RECORDS if r["record_type"] == "actor"]
    table = records_to_table("actor", actors)
    if not ours:  # the record type is told by the rows
        table = table.replace_schema_metadata({})
    index = table.schema.get_field_index("id")
    values: list[Any] = [b"actor-x" if pa.types.is_binary(kind) else 0] * len(actors)
    ids = pa.array(values, kind)
    path = tmp_path / "actors.parquet"
    pq.write_table(table.set_column(index, "id", ids), path)
    from_file = validate(str(path), max_issues=None)
    assert from_file.by_code.get("NE107") == 1
    without_ids = [{k: v for k, v in r.items() if k != "id"} for r in actors]
    expected = validate(without_ids, max_issues=None, ignore=["NE301"])
    assert {c: n for c, n in from_file.by_code.items() if c != "NE107"} == expected.by_code


@pytest.mark.parametrize("inside", [b'{"a": 1, "a": 2}', b"7" * 5000, b"18446744073709551616"])
def test_what_a_fast_parser_hides_is_found_at_any_depth(tmp_path: Path, inside: bytes) -> None:
    depth = DEPTH_LIMIT - 2  # the record, then lists down to the deepest level read
    line = b'{"record_type": "actor", "x": ' + b"[" * depth + inside + b"]" * depth + b"}\n"
    path = tmp_path / "records.jsonl"
    path.write_bytes(line)
    report = validate(str(path), max_issues=None)
    hidden = {i.code for i in report.issues} & {"NE103", "NE108", "NE114", "NE116"}
    expected = {b"{": {"NE114"}, b"7": {"NE116"}, b"1": set()}[inside[:1]]
    assert hidden == expected
