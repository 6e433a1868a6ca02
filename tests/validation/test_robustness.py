"""No input makes the validator raise: arbitrary JSON values, arbitrary bytes, deep nesting."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.validation import Report, validate

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = jsonschema.Draft202012Validator(
    json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
)
FIELD_NAMES = [
    "record_type", "event_type", "schema_version", "id", "document_id", "text", "sha256",
    "cameo", "code", "participants", "actor_id", "role", "trigger", "start", "end", "exact",
    "factuality", "modality", "reports", "force", "size", "value", "time", "date",
]  # fmt: skip
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(["event", "alert", "statement", "document", "actor", "1.0.0", "2.0.0"]),
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=8), children, max_size=6)
    ),
    max_leaves=30,
)
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def checked(report: Report) -> Report:
    """The report is well formed: it validates against the published schema."""
    assert isinstance(report, Report)
    SCHEMA.validate(report.to_dict())
    assert sum(report.by_code.values()) == sum(report.by_severity.values())
    return report


@SETTINGS
@given(st.lists(json_values, max_size=5))
def test_any_json_values_as_records_give_a_report(values: list[Any]) -> None:
    report = checked(validate(iter(values)))
    assert report.records == len(values)


@SETTINGS
@given(st.lists(json_values, max_size=4))
def test_any_json_values_as_files_give_a_report(values: list[Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        lines = Path(folder) / "values.jsonl"
        lines.write_text("".join(json.dumps(v) + "\n" for v in values), encoding="utf-8")
        document = Path(folder) / "values.json"
        document.write_text(json.dumps(values), encoding="utf-8")
        report = checked(validate([str(lines), str(document)]))
    assert report.records >= len(values)  # a document that is not JSON holds no record


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300), st.sampled_from([".json", ".jsonl", ".ndjson", ".parquet"]))
def test_any_bytes_in_any_supported_file_give_a_report(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"data{suffix}"
        path.write_bytes(content)
        report = checked(validate(str(path)))
    assert report.files[0].bytes == len(content)


@settings(max_examples=60, deadline=None)
@given(st.binary(min_size=1, max_size=64), st.integers(0, 10))
def test_parquet_with_corrupted_bytes_gives_a_report(patch: bytes, where: int) -> None:
    source = ROOT / "datasets" / "military-posture-2022" / "1.0.0" / "actors.parquet"
    content = bytearray(source.read_bytes())
    offset = len(content) * where // 10
    content[offset : offset + len(patch)] = patch
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "actors.parquet"
        path.write_bytes(bytes(content[: max(1, len(content) - where)]))
        checked(validate(str(path)))


def test_nesting_past_the_parser_limit_is_ne108(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text('{"notes": ' + "[" * 5000 + "]" * 5000 + "}\n", encoding="utf-8")
    assert checked(validate(str(path))).codes() == {"NE108"}


def test_deep_and_cyclic_python_values_give_a_report() -> None:
    deep: Any = []
    for _ in range(100_000):
        deep = [deep]
    cyclic: dict[str, Any] = {"record_type": "event", "event_type": "alert"}
    cyclic["factuality"] = cyclic
    report = checked(validate(iter([{"record_type": "actor", "name": deep}, cyclic])))
    assert not report.valid


def test_huge_values_are_shortened_in_messages() -> None:
    record = {"record_type": "actor", "schema_version": "1.0.0", "id": "x" * 1_000_000}
    report = checked(validate([record]))
    assert all(len(i.message) < 300 for i in report.issues)


def test_a_folder_is_walked_in_order_skipping_hidden_and_other_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/2.jsonl", "a.json", ".hidden/x.jsonl", "notes.txt", "b/.x.jsonl"):
        (tmp_path / name).write_text("{}\n", encoding="utf-8")
    report = checked(validate(str(tmp_path)))
    assert [f.path for f in report.files] == [
        f"{tmp_path.as_posix()}/a.json",
        f"{tmp_path.as_posix()}/b/2.jsonl",
    ]


def test_an_empty_folder_is_an_unsupported_input(tmp_path: Path) -> None:
    assert checked(validate(str(tmp_path))).codes() == {"NE105"}


def test_a_single_record_may_be_given_as_a_dict() -> None:
    report = checked(validate({"record_type": "actor"}))
    assert report.records == 1
    assert "NE201" in report.codes()


HOSTILE_STARTS = [
    b"",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\x1f\x8b",
    b"PK\x03\x04",
    b"PAR1",
]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(HOSTILE_STARTS),
    st.binary(max_size=200)
    | st.lists(json_values, max_size=3).map(lambda v: json.dumps(v).encode()),
    st.sampled_from([".json", ".jsonl", ".parquet"]),
)
def test_hostile_bytes_give_the_same_report_in_worker_processes(
    start: bytes, content: bytes, suffix: str
) -> None:
    from newsevents.validation.parallel import validate_paths

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"data{suffix}"
        path.write_bytes(start + content)
        one = checked(validate(str(path)))
        two = checked(validate_paths([str(path)], jobs=2))
    assert two.to_dict() == one.to_dict()
