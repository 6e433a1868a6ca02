"""Readers: JSON, JSON Lines and Parquet files as a stream of records or reading problems.

A reader never decides whether a record is valid: it yields ``(where, item)`` pairs, where
``item`` is a record (a dict, in canonical JSON form) or a :class:`ReadProblem` (a reading
code such as NE103 with its context).  JSON Lines is read line by line and Parquet batch by
batch, so memory stays flat however long the file; a JSON document is parsed whole.  Each
reader hashes the bytes it reads, so the sha256 and record count are known at the end.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from newsevents.io.arrow import TABLE_MODELS, arrow_schema, table_version

FORMATS: dict[str, str] = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
FORMATS[".parquet"] = "parquet"
"""File suffix -> format read."""

DEPTH_LIMIT = 1024
"""Deepest nesting the JSON parser follows (orjson's limit); deeper input is NE108."""

BATCH_SIZE = 1024
_BOM = b"\xef\xbb\xbf"
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Where:
    """Where an item was read: file as given, record index, line and column (1-based)."""

    file: str | None
    record: int | None = None
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """A reading problem: its code (NE1xx), the message context and a pointer if any."""

    code: str
    context: Mapping[str, object] = field(default_factory=dict)
    pointer: str = ""


Item = tuple[Where, "dict[str, Any] | ReadProblem"]


class FileReading:
    """One file being read.  Iterate it for items; afterwards its size, hash and count are set.

    ``skip_pointers`` lists the record pointers whose problems a file-level problem already
    covers (a Parquet column of the wrong type), so records do not repeat them.
    """

    def __init__(self, path: Path, display: str, file_format: str | None = None) -> None:
        self.path = path
        self.display = display
        self.format = file_format or FORMATS.get(path.suffix.lower(), "unknown")
        self.bytes: int | None = None
        self.sha256: str | None = None
        self.records = 0
        self.position = 0
        self.skip_pointers: frozenset[str] = frozenset()

    def __iter__(self) -> Iterator[Item]:
        readers = {"json": self._json, "jsonl": self._jsonl, "parquet": self._parquet}
        reader = readers.get(self.format)
        if reader is None:
            found = self.path.suffix or "a file without a suffix"
            yield Where(self.display), ReadProblem("NE105", {"found": found})
            return
        try:
            yield from reader()
        except OSError as error:
            yield Where(self.display), ReadProblem("NE101", _unreadable(self.display, error))

    def _json(self) -> Iterator[Item]:
        data = self.path.read_bytes()
        self.bytes, self.sha256 = len(data), hashlib.sha256(data).hexdigest()
        try:
            value = orjson.loads(data.removeprefix(_BOM))
        except orjson.JSONDecodeError as error:
            line, column = error.lineno, error.colno
            problem = decode_problem(error, data.removeprefix(_BOM), 0)
            yield Where(self.display, None, line, column), problem
            return
        for index, item in enumerate(records_in(value)):
            self.records += 1
            yield Where(self.display, index), as_record(item)

    def _jsonl(self) -> Iterator[Item]:
        digest, offset = hashlib.sha256(), 0
        with self.path.open("rb") as stream:
            for number, line in enumerate(stream, 1):
                digest.update(line)
                start, offset = offset, offset + len(line)
                self.position = offset
                if number == 1 and line.startswith(_BOM):
                    line, start = line[3:], 3
                if not line.strip():
                    continue
                index = self.records
                self.records += 1
                try:
                    value = orjson.loads(line)
                except orjson.JSONDecodeError as error:
                    where = Where(self.display, index, number, error.colno)
                    yield where, decode_problem(error, line, start, number)
                    continue
                yield Where(self.display, index, number), as_record(value)
        self.bytes, self.sha256 = offset, digest.hexdigest()

    def _parquet(self) -> Iterator[Item]:
        self.bytes, self.sha256 = _hash_file(self.path)
        try:
            parquet = pq.ParquetFile(self.path)
            metadata = parquet.metadata.metadata or {}
            schema = parquet.schema_arrow
        except Exception as error:  # pyarrow raises many kinds on foreign or truncated bytes
            yield Where(self.display), ReadProblem("NE106", {"reason": _reason(error)})
            return
        with parquet:
            record_type = bytes(metadata.get(b"newsevents.record_type", b"")).decode("latin-1")
            if record_type in TABLE_MODELS:
                written = bytes(metadata.get(b"newsevents.schema_version", b"")).decode("latin-1")
                columns = arrow_schema(record_type, table_version(written))
                mismatches = list(column_mismatches(schema, columns))
                self.skip_pointers = frozenset(m.pointer for m in mismatches)
                for mismatch in mismatches:
                    yield Where(self.display), mismatch
            try:
                rows = max(1, parquet.metadata.num_rows)
                for batch in parquet.iter_batches(batch_size=BATCH_SIZE):
                    self.position = (self.bytes or 0) * min(rows, self.records) // rows
                    for row in batch.to_pylist():
                        self.records += 1
                        yield Where(self.display, self.records - 1), canonical(row)
            except Exception as error:  # a corrupt page or a value Python cannot hold
                problem = ReadProblem("NE106", {"reason": _reason(error)})
                yield Where(self.display, self.records), problem


BUNDLE_KEYS = ("documents", "actors", "events")


def records_in(value: object) -> list[Any]:
    """Return the records a JSON document holds: one record, an array of records, or a
    bundle (an object whose "documents", "actors" and "events" arrays hold the records, as
    the shipped ``records.json`` does), in the order they appear."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict) and "record_type" not in value:
        arrays = [items for key, items in value.items() if key in BUNDLE_KEYS]
        if arrays and all(isinstance(items, list) for items in arrays):
            return [item for items in arrays for item in items]
    return [value]


def as_record(value: object) -> dict[str, Any] | ReadProblem:
    """Return ``value`` when it is a JSON object, else the NE104 problem carrying it."""
    if isinstance(value, dict):
        return value
    return ReadProblem("NE104", {"found": value})


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0][:200] if text else type(error).__name__


def column_mismatches(found: pa.Schema, expected: pa.Schema) -> Iterator[ReadProblem]:
    """Yield an NE107 problem for every column (or nested field) of an unexpected type.

    Equivalent encodings pass: large or view strings and lists, dictionary encoding, any
    integer width, integers where floats are expected, and all-null columns.  Columns the
    schema does not know are left to the records (each non-null value is an unknown field).
    """
    for column in found:
        index = expected.get_field_index(column.name)
        if index >= 0:
            yield from _mismatches(column.type, expected.field(index).type, [column.name], True)


def _mismatches(
    found: pa.DataType, expected: pa.DataType, path: list[str], exact_pointer: bool
) -> Iterator[ReadProblem]:
    if pa.types.is_dictionary(found):
        found = found.value_type
    if pa.types.is_struct(expected) and pa.types.is_struct(found):
        for child in found:
            index = expected.get_field_index(child.name)
            if index >= 0:
                nested = expected.field(index).type
                yield from _mismatches(child.type, nested, [*path, child.name], exact_pointer)
        return
    if _is_list(expected) and _is_list(found):
        path = [*path[:-1], path[-1] + "[]"]
        yield from _mismatches(found.value_type, expected.value_type, path, False)
        return
    if not _compatible(found, expected):
        names = [p.removesuffix("[]") for p in path]
        depth = next((i + 1 for i, p in enumerate(path) if p.endswith("[]")), len(path))
        pointer = "".join(f"/{p}" for p in (names if exact_pointer else names[:depth]))
        context = {"column": ".".join(path), "expected": str(expected), "found": str(found)}
        yield ReadProblem("NE107", context, pointer)


def _is_list(kind: pa.DataType) -> bool:
    return bool(
        pa.types.is_list(kind)
        or pa.types.is_large_list(kind)
        or pa.types.is_fixed_size_list(kind)
        or pa.types.is_list_view(kind)
        or pa.types.is_large_list_view(kind)
    )


def _compatible(found: pa.DataType, expected: pa.DataType) -> bool:
    types = pa.types
    if types.is_null(found) or found.equals(expected):
        return True
    if types.is_string(expected):
        return bool(types.is_large_string(found) or types.is_string_view(found))
    if types.is_integer(expected):
        return bool(types.is_integer(found))
    if types.is_floating(expected):
        return bool(types.is_floating(found) or types.is_integer(found))
    if types.is_date(expected):
        return bool(types.is_date(found))
    return False


def decode_problem(
    error: orjson.JSONDecodeError, data: bytes, offset: int, line: int | None = None
) -> ReadProblem:
    """Classify a parse error: not UTF-8 (NE102), too deep (NE108) or invalid JSON (NE103).

    ``offset`` is where ``data`` starts in the file; ``line`` its line number, if known.
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as bad:
        return ReadProblem("NE102", {"offset": offset + bad.start})
    if "depth limit" in error.msg or "recursion" in error.msg:
        return ReadProblem("NE108", {"limit": DEPTH_LIMIT})
    context = {"line": line or error.lineno, "column": error.colno, "reason": error.msg}
    return ReadProblem("NE103", context)


def _hash_file(path: Path) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def _unreadable(display: str, error: OSError) -> dict[str, object]:
    return {"path": display, "reason": error.strerror or type(error).__name__}


def canonical(value: Any) -> Any:
    """Return a value read from Arrow in canonical JSON form: nulls in objects dropped,
    dates and timestamps as ISO 8601 strings."""
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [canonical(v) for v in value]
    if isinstance(value, dt.date):  # also datetimes
        return value.isoformat()
    return value


@dataclass(frozen=True, slots=True)
class Source:
    """A file to read: its path, the path shown in reports, and the problem if it cannot be."""

    path: Path
    display: str
    problem: ReadProblem | None = None


def find_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Source]:
    """Yield the files named by ``paths``; a folder is walked for .json, .jsonl, .ndjson and
    .parquet files, in order of their path inside it, hidden files and folders skipped."""
    for given in paths:
        path = Path(given)
        display = Path(given).as_posix()
        if path.is_dir():
            found = list(_walk(path, display))
            if not found:
                context = {"found": "a folder with no .json, .jsonl, .ndjson or .parquet file"}
                yield Source(path, display, ReadProblem("NE105", context))
            yield from found
        elif path.is_file():
            yield Source(path, display)
        else:
            context = {"path": display, "reason": "no such file or folder"}
            yield Source(path, display, ReadProblem("NE101", context))


def _walk(folder: Path, display: str) -> Iterator[Source]:
    found: list[str] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        chosen = _manifest_records(Path(root)) if MANIFEST in names else None
        if chosen is not None:
            # A dataset folder in our layout: its manifest says which files hold the records
            # (the same records exist in several formats); metadata files are not records.
            dirs[:] = []
            names = chosen
        for name in names:
            if not name.startswith(".") and Path(name).suffix.lower() in FORMATS:
                found.append((Path(root) / name).relative_to(folder).as_posix())
    for relative in sorted(found):
        yield Source(folder / relative, f"{display.rstrip('/')}/{relative}")


MANIFEST = "manifest.json"
_RECORD_TABLES = ("documents", "actors", "events")


def _manifest_records(folder: Path) -> list[str] | None:
    """Return the record files a newsevents dataset manifest lists, one format only.

    Parquet is preferred, then JSON Lines, then the single JSON file; None when the folder's
    manifest.json is not a newsevents dataset manifest.
    """
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files = [entry["path"] for entry in manifest["files"] if "records" in entry]
        if "manifest_version" not in manifest:
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    for suffix in (".parquet", ".jsonl"):
        tables = [f for f in files if Path(f).suffix == suffix and Path(f).stem in _RECORD_TABLES]
        if tables:
            return sorted(tables)
    whole = [f for f in files if Path(f).suffix == ".json"]
    return whole[:1] or None
