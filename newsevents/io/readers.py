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
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

import orjson
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from newsevents.io import keys
from newsevents.io.arrow import TABLE_MODELS, arrow_schema, table_version
from newsevents.io.paths import (
    NotRegularFileError,
    PathProblem,
    classify,
    open_regular,
    walk,
)
from newsevents.io.sniff import SNIFF_BYTES, sniff
from newsevents.validation.messages import Described
from newsevents.validation.safe import digit_count, integer_text

FORMATS: dict[str, str] = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
FORMATS[".parquet"] = "parquet"
"""File suffix -> format read."""

DEPTH_LIMIT = keys.NESTING
"""Deepest nesting the JSON parser follows (orjson's limit); deeper input is NE108."""

BATCH_SIZE = 1024

UNREADABLE_CODES = frozenset(
    {"NE101", "NE105", "NE106", "NE109", "NE110", "NE111", "NE112", "NE113", "NE115"}
)
"""Reading codes meaning an input, or part of one, could not be read at all: exit status 2."""
_BOM = b"\xef\xbb\xbf"
_JSON_WHITESPACE = b" \t\r\n"
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
        self.part: tuple[int, int | None, int] | None = None
        """Only part of the file: JSON Lines (first byte, end byte, first line's number), a
        line start to a line start; Parquet (first row group, end row group, 0).  Records are
        numbered from ``records`` on; the size and sha256 of the whole file are not set."""
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
            sniffed = self._sniff()
            if sniffed is not None:
                if self.part is None:
                    self.bytes, self.sha256 = _hash_file(self.path)
                if self.part is None or self.part[0] == 0:  # said once, by the first part
                    yield Where(self.display), sniffed
                return
            yield from reader()
        except NotRegularFileError as error:
            context = {"path": self.display, "kind": error.strerror}
            yield Where(self.display), ReadProblem("NE109", context)
        except OSError as error:
            yield Where(self.display), ReadProblem("NE101", _unreadable(self.display, error))
        except MemoryError:
            what = {"jsonl": f"a line near byte {self.position:,} of"}.get(self.format, "")
            context = {"what": f"{what or 'the whole'} file", "size": f"{_size(self.path):,}"}
            yield Where(self.display, self.records), ReadProblem("NE115", context)
            self.bytes = self.sha256 = None  # not read to the end

    def _sniff(self) -> ReadProblem | None:
        """Name a compressed file or another encoding once, instead of once per line."""
        with open_regular(self.path) as stream:
            head = stream.read(SNIFF_BYTES)
        found = sniff(head, self.format)
        return None if found is None else ReadProblem(found.code, found.context)

    def _json(self) -> Iterator[Item]:
        with open_regular(self.path) as stream:
            data = stream.read()
        self.bytes, self.sha256 = len(data), hashlib.sha256(data).hexdigest()
        body = data.removeprefix(_BOM)
        del data
        if not body.strip(_JSON_WHITESPACE):
            return  # no record at all (NE122), as an empty JSON Lines file
        try:
            value, long_numbers = parse_json(body)
        except orjson.JSONDecodeError as error:
            line, column = error.lineno, error.colno
            problem = decode_problem(error, body, 0)
            yield Where(self.display, None, line, column), problem
            return
        records = records_in(value)
        hidden = _hidden_in_document(body, value, records, long_numbers)
        for problem in hidden.get(None, ()):
            yield Where(self.display), problem
        for index, item in enumerate(records):
            self.records += 1
            where = Where(self.display, index)
            for problem in hidden.get(index, ()):
                yield where, problem
            if not any(p.code == "NE116" for p in hidden.get(index, ())):
                yield where, as_record(item)

    def _jsonl(self) -> Iterator[Item]:
        for where, line, start in self.lines(*(self.part or (0, None, 1))):
            yield from parse_line(line, where, start)

    def lines(
        self, start: int = 0, end: int | None = None, first_line: int = 1
    ) -> Iterator[tuple[Where, bytes, int]]:
        """Yield (where, bytes, offset in the file) for each non-blank JSON Lines line that
        starts in ``start:end`` (a whole file: its size and sha256 are set at the end).

        ``start`` must be a line's first byte, line ``first_line`` of the file.
        """
        whole = start == 0 and end is None
        digest, offset = hashlib.sha256(), start
        with open_regular(self.path) as stream:
            stream.seek(start)
            for number, line in enumerate(stream, first_line):
                if end is not None and offset >= end:
                    break
                if whole:
                    digest.update(line)
                at, offset = offset, offset + len(line)
                self.position = offset
                if at == 0 and line.startswith(_BOM):
                    line, at = line[3:], 3
                if not line.strip():
                    continue
                index = self.records
                self.records += 1
                yield Where(self.display, index, number), line, at
        if whole:
            self.bytes, self.sha256 = offset, digest.hexdigest()

    def _parquet(self) -> Iterator[Item]:
        if self.part is None:
            self.bytes, self.sha256 = _hash_file(self.path)
        with open_regular(self.path) as stream:
            yield from self._parquet_rows(stream)

    def _parquet_rows(self, stream: BinaryIO) -> Iterator[Item]:
        try:
            parquet = pq.ParquetFile(stream)
            metadata = parquet.metadata.metadata or {}
            schema = parquet.schema_arrow
        except Exception as error:  # pyarrow raises many kinds on foreign or truncated bytes
            yield Where(self.display), ReadProblem("NE106", {"reason": _reason(error)})
            return
        with parquet:
            record_type = bytes(metadata.get(b"newsevents.record_type", b"")).decode("latin-1")
            written = bytes(metadata.get(b"newsevents.schema_version", b"")).decode("latin-1")
            if record_type not in TABLE_MODELS:  # written by another tool: say what rows say
                record_type, written = _told_by_rows(parquet, schema)
            if record_type in TABLE_MODELS:
                columns = arrow_schema(record_type, table_version(written))
                mismatches = list(column_mismatches(schema, columns))
                self.skip_pointers = frozenset(m.pointer for m in mismatches)
                for mismatch in mismatches if self.part is None or self.part[0] == 0 else ():
                    yield Where(self.display), mismatch
            groups = None if self.part is None else range(self.part[0], self.part[1] or 0)
            try:
                rows = max(1, parquet.metadata.num_rows)
                for batch in parquet.iter_batches(batch_size=BATCH_SIZE, row_groups=groups):
                    self.position = (self.bytes or 0) * min(rows, self.records) // rows
                    for row in canonical_rows(batch):
                        self.records += 1
                        where = Where(self.display, self.records - 1)
                        if self.skip_pointers and isinstance(row, dict):
                            _drop(row, self.skip_pointers)
                        yield where, row
            except Exception as error:  # a corrupt page or a value Python cannot hold
                problem = ReadProblem("NE106", {"reason": _reason(error)})
                yield Where(self.display, self.records), problem


def _told_by_rows(parquet: pq.ParquetFile, schema: pa.Schema) -> tuple[str, str]:
    """The record type and schema version every row of a Parquet file without newsevents
    metadata gives (``""`` for either when the rows disagree or do not say), so a column of
    the wrong type is found as in a file with the metadata."""
    told = []
    for name in ("record_type", "schema_version"):
        if name not in schema.names:
            told.append("")
            continue
        try:
            values = pc.unique(parquet.read(columns=[name]).column(name)).to_pylist()
        except Exception:  # a corrupt page: reported when the rows are read
            values = []
        told.append(values[0] if len(values) == 1 and isinstance(values[0], str) else "")
    return told[0], told[1]


def _drop(row: dict[str, Any], pointers: frozenset[str]) -> None:
    """Take out of ``row`` the values at ``pointers``: columns of the wrong type (NE107, said
    once for the file), read as absent, as a JSON value of the wrong type is never taken for
    the right one (a timestamp column where ids belong would otherwise give ids such as
    "1970-01-01T00:00:00", and one repeated id after another)."""
    for pointer in pointers:
        *parents, last = [
            part.replace("~1", "/").replace("~0", "~") for part in pointer.split("/")[1:]
        ]
        holder: Any = row
        for part in parents:
            holder = holder.get(part) if isinstance(holder, dict) else None
        if isinstance(holder, dict):
            holder.pop(last, None)


def parse_line(line: bytes, where: Where, start: int) -> Iterator[Item]:
    """Parse one JSON Lines line read at ``where`` (``start``: its offset in the file): the
    problems it hides, then the record, or the problem that it is not JSON."""
    try:
        value, long_numbers = parse_json(line)
    except orjson.JSONDecodeError as error:
        problem = decode_problem(error, line, start, where.line)
        yield Where(where.file, where.record, where.line, error.colno), problem
        return
    yield from checked_record(line, value, where, long_numbers)


_DIGITS_AS_ZERO = bytes(48 if 48 <= byte <= 57 else 32 for byte in range(256))
_WIDE_INTEGER = b"0" * 19
"""A digit run that may be an integer past 64 bits (orjson reads those as floats), found
in the text with its digits translated to zeros: a tenth of the time of a regex."""


@dataclass(frozen=True, slots=True)
class LongNumber:
    """A JSON number with more digits than Python converts (``sys.get_int_max_str_digits``):
    held as its length, never converted (conversion time grows with the square of it)."""

    digits: int


def parse_json(raw: bytes) -> tuple[Any, bool]:
    """Parse the UTF-8 JSON text ``raw`` as ``json.loads`` reads it; return the value and
    whether it holds a :class:`LongNumber`.

    orjson reads an integer past 64 bits as a float (2**64 as 1.8446744073709552e+19, so an
    integer field would be reported as holding a number), and refuses a number past a
    double's range (1e400, or 400 digits) and a lone surrogate escape (``"\\ud800"``) as
    invalid JSON, though JSON allows both.  Text that may hold such a value (a run of 19
    digits, rare outside numbers; or orjson's refusal) is parsed again by the standard
    library, integers exact, so a record reads the same from a file as given to
    ``newsevents.validate()`` parsed.

    Raises
    ------
    orjson.JSONDecodeError
        When ``raw`` is not JSON (NaN and Infinity are not JSON either).
    """
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        if not any(word in error.msg for word in _STANDARD_ONLY):
            raise
        exact = _exact(raw)
        if exact is None:
            raise
        return exact
    if _WIDE_INTEGER not in raw.translate(_DIGITS_AS_ZERO):
        return value, False
    return _exact(raw) or (value, False)


_STANDARD_ONLY = ("infinity", "surrogate")
"""Words of orjson's refusals of valid JSON the standard library reads."""


def _exact(raw: bytes) -> tuple[Any, bool] | None:
    """``raw`` parsed by the standard library, integers exact (None when it cannot be)."""
    found = False

    def integer(text: str) -> int | LongNumber:
        nonlocal found
        digits = len(text) - text.startswith("-")
        limit = keys.digit_limit()
        if limit and digits > limit:
            found = True
            return LongNumber(digits)
        return int(text)

    try:
        text = raw.decode("utf-8")
        value = keys.loads_deep(text, parse_int=integer, parse_constant=_not_json)
    except (ValueError, RecursionError):
        return None
    return value, found


def _not_json(text: str) -> None:
    raise ValueError(f"{text} is not JSON")


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


def checked_record(
    raw: bytes, value: Any, where: Where, long_numbers: bool = False
) -> Iterator[Item]:
    """Yield the problems a fast parser hides in the JSON text ``raw`` of one record (a
    repeated key, NE114; a number too long to convert, NE116), then the record parsed
    from it (``value``) unless such a number keeps it from being checked."""
    hidden = hidden_problems(raw, value, long_numbers)
    for problem in hidden:
        yield where, problem
    if not any(problem.code == "NE116" for problem in hidden):
        yield where, as_record(value)


def hidden_problems(raw: bytes, value: Any, long_numbers: bool = False) -> list[ReadProblem]:
    """Return the NE114 and NE116 problems of the JSON text ``raw`` (parsed as ``value``,
    holding a :class:`LongNumber` when ``long_numbers``); cheap when there are none (see
    :mod:`newsevents.io.keys`)."""
    found = _long_numbers(value) if long_numbers else []
    if keys.may_repeat_keys(raw, value):
        for repeat in keys.repeated_keys(raw):
            pointer = keys.json_pointer([*repeat.path, repeat.key])
            found.append(ReadProblem("NE114", _repeat_context(repeat), pointer))
    return found


def _long_numbers(value: Any) -> list[ReadProblem]:
    """The NE116 problem of every number in ``value`` with more digits than Python converts
    (a :class:`LongNumber` read from a file, or an ``int`` given as a Python value), in order.
    Iterative, each path a Trail: linear however deep; a container held twice is walked once
    (a Python value may hold itself)."""
    found: list[ReadProblem] = []
    limit = keys.digit_limit()
    bound = _power_of_ten(limit) if limit else None
    stack: list[tuple[object, keys.Trail]] = [(value, None)]
    walked: set[int] = set()
    while stack:
        node, trail = stack.pop()
        if isinstance(node, LongNumber) or (
            bound is not None and type(node) is int and not -bound < node < bound
        ):
            digits = node.digits if isinstance(node, LongNumber) else digit_count(abs(node))
            context = {"digits": f"{digits:,}", "limit": f"{limit:,}"}
            found.append(ReadProblem("NE116", context, keys.json_pointer(keys.path_of(trail))))
            continue
        if id(node) in walked:
            continue
        walked.add(id(node))
        steps: Iterable[tuple[Any, Any]] = (
            dict.items(node)
            if isinstance(node, dict)
            else enumerate(node)
            if isinstance(node, list)
            else ()
        )
        children = [
            (v, (_step(k), trail))
            for k, v in steps
            if isinstance(v, dict | list | LongNumber | int)
        ]
        stack.extend(reversed(children))
    return found


def long_numbers(record: dict[Any, Any]) -> list[ReadProblem]:
    """NE116 for every integer of ``record``, a Python value made plain by
    :func:`python_record`, with more digits than Python converts to text (pydantic could not
    even quote it in an error); the record is then not checked further, as from a file."""
    return _long_numbers(record)


def _step(key: Any) -> str | int:
    """A key as a step of a JSON pointer (a Python key may be a huge int or anything)."""
    if isinstance(key, str | int) and not isinstance(key, bool):
        return key if isinstance(key, str) else integer_text(key)
    return f"<{type(key).__name__}>"  # a key JSON cannot have: named by its type


@cache
def _power_of_ten(digits: int) -> int:
    return int(10**digits)


def _repeat_context(repeat: keys.Repeat) -> dict[str, object]:
    return {"key": json.dumps(repeat.key, ensure_ascii=False), "count": repeat.count}


def _hidden_in_document(
    raw: bytes, value: Any, records: list[Any], long_numbers: bool
) -> dict[int | None, list[ReadProblem]]:
    """The hidden problems of a whole JSON document, by the index of the record they are in
    (None: outside any record), with pointers inside that record."""
    found: dict[int | None, list[ReadProblem]] = {}
    if long_numbers:
        for index, record in enumerate(records):
            if problems := _long_numbers(record):
                found.setdefault(index, []).extend(problems)
    if keys.may_repeat_keys(raw, value):
        for repeat in keys.repeated_keys(raw):
            where, rest = _record_path(value, [*repeat.path, repeat.key])
            pointer = keys.json_pointer(rest)
            found.setdefault(where, []).append(
                ReadProblem("NE114", _repeat_context(repeat), pointer)
            )
    return found


def _record_path(value: Any, path: list[str | int]) -> tuple[int | None, list[str | int]]:
    """Split a path inside a JSON document into (record index, path inside the record), as
    :func:`records_in` numbers the records."""
    if isinstance(value, list):
        return (int(path[0]), path[1:]) if len(path) > 1 else (None, path)
    if isinstance(value, dict) and "record_type" not in value and path[0] in BUNDLE_KEYS:
        arrays = [(k, items) for k, items in value.items() if k in BUNDLE_KEYS]
        if arrays and all(isinstance(items, list) for _, items in arrays) and len(path) > 2:
            before = 0
            for key, items in arrays:
                if key == path[0]:
                    return before + int(path[1]), path[2:]
                before += len(items)
        return None, path
    return 0, path


def canonical_rows(batch: pa.RecordBatch) -> list[dict[str, Any] | ReadProblem]:
    """The rows of a Parquet batch in canonical JSON form (:func:`canonical`), or the problem
    of a row that cannot be read (:func:`batch_rows`).

    Converted a column at a time (a call per value of a wide event table cost more than the
    models): the same rows as ``canonical`` of each of ``batch_rows``, which a batch holding
    a value Python cannot hold still takes."""
    try:
        whole = pa.StructArray.from_arrays(batch.columns, fields=list(batch.schema))
        return canonical_column(whole)
    except Exception:  # the row-by-row path below names the row and the value
        pass
    return [row if isinstance(row, ReadProblem) else canonical(row) for row in batch_rows(batch)]


def canonical_column(array: pa.Array) -> list[Any]:
    """The values of ``array`` in canonical JSON form (None for a null): a struct's fields
    and a list's items are converted as whole arrays, and a field null in every row is not
    visited at all."""
    size = len(array)
    if array.null_count == size:
        return [None] * size
    kind = array.type
    if pa.types.is_struct(kind):
        rows: list[Any] = (
            [{} for _ in range(size)]
            if array.null_count == 0
            else [{} if ok else None for ok in array.is_valid().to_pylist()]
        )
        for index in range(kind.num_fields):
            child = array.field(index)
            if child.null_count == size:
                continue
            name = kind.field(index).name
            values = canonical_column(child)
            if array.null_count == 0 and child.null_count == 0:
                for row, value in zip(rows, values, strict=True):
                    row[name] = value
                continue
            for row, value in zip(rows, values, strict=True):
                if value is not None and row is not None:
                    row[name] = value
        return rows
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        items, at = canonical_column(array.flatten()), 0
        found: list[Any] = []
        for length in array.value_lengths().to_pylist():
            if length is None:
                found.append(None)
            else:
                found.append(items[at : at + length])
                at += length
        return found
    return [v if v is None or v.__class__ in _PLAIN else canonical(v) for v in array.to_pylist()]


def batch_rows(batch: pa.RecordBatch) -> list[dict[str, Any] | ReadProblem]:
    """Return the rows of a Parquet batch as dicts; a row holding a value Python cannot
    hold (a date past year 9999...) becomes an NE117 problem naming its column, and the
    other rows of the batch are kept."""
    rows: list[dict[str, Any] | ReadProblem]
    try:
        rows = list(batch.to_pylist())
    except Exception:
        rows = []
        for index in range(batch.num_rows):
            row = batch.slice(index, 1)
            try:
                rows.extend(row.to_pylist())
            except Exception as error:
                rows.append(_bad_row(row, error))
    return rows


def _bad_row(row: pa.RecordBatch, error: Exception) -> ReadProblem:
    for name, column in zip(row.schema.names, row.columns, strict=True):
        try:
            column.to_pylist()
        except Exception as bad:
            return ReadProblem("NE117", {"column": name, "reason": _reason(bad)}, f"/{name}")
    return ReadProblem("NE117", {"column": "?", "reason": _reason(error)})


def python_record(value: Mapping[Any, Any]) -> dict[Any, Any] | ReadProblem:
    """A record given as Python values, as a reader gives one read from a file: every
    subclass of dict, list, str, int or float made its plain type (so no method of the
    caller's, an ``__eq__`` that raises, runs while it is checked), other mappings made
    dicts; or the problem that keeps it from being checked: nesting deeper than a file may
    have (NE108), or a mapping that raises when read (NE104).  Walked without recursion,
    each container once (one held twice, or holding itself, is copied once and shared, as
    the models see it); values JSON has no form for (tuples, sets, bytes...) are kept, for
    the models to report."""
    top: dict[Any, Any] = {}
    copies: dict[int, dict[Any, Any] | list[Any]] = {id(value): top}
    stack: list[tuple[Any, Any, int]] = [(value, top, 1)]
    while stack:
        given, made, depth = stack.pop()
        if depth > DEPTH_LIMIT:
            return ReadProblem("NE108", {"limit": DEPTH_LIMIT})
        try:
            pairs = (
                list(dict.items(given))  # a subclass's own items() is not called
                if isinstance(given, dict)
                else list(enumerate(given))
                if isinstance(given, list)
                else list(given.items())
            )
        except Exception as error:  # a hostile Mapping's own code
            name, raised = type(given).__name__, type(error).__name__
            found = Described(f"a {name} that raised {raised} when read")
            return ReadProblem("NE104", {"found": found})
        for key, item in pairs:
            plain = item
            if type(item) not in _PLAIN and item is not None:
                if isinstance(item, dict | list | Mapping):
                    plain = copies.get(id(item))  # one holding itself: the copy does too
                    if plain is None:
                        plain = copies[id(item)] = [] if isinstance(item, list) else {}
                        stack.append((item, plain, depth + 1))
                else:
                    plain = _plain_scalar(item)
            if isinstance(made, dict):
                made[_plain_scalar(key)] = plain
            else:
                made.append(plain)
    return top


def _plain_scalar(value: Any) -> Any:
    """A str, int or float subclass's value as the plain type (bool stays bool); anything
    else as it is."""
    if isinstance(value, bool) or type(value) in _PLAIN:
        return value
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int):
        return int.__int__(value)
    if isinstance(value, float):
        return float.__float__(value)
    return value


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


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _hash_file(path: Path) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    with open_regular(path) as stream:
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
        return _canonical_object(value)
    if isinstance(value, list):
        return [v if v.__class__ in _PLAIN else canonical(v) for v in value]
    if isinstance(value, dt.date):  # also datetimes
        return value.isoformat()
    return value


_PLAIN = frozenset({str, int, float, bool})
"""Types whose values are already canonical (exactly these: a subclass takes the long way)."""


def _canonical_object(value: dict[str, Any]) -> dict[str, Any]:
    # canonical() with its recursion inlined for the plain values most of a row holds: a
    # call per value was a quarter of the time of reading a wide event table.
    found: dict[str, Any] = {}
    for key, item in value.items():
        if item is None:
            continue
        kind = item.__class__
        if kind in _PLAIN:
            found[key] = item
        elif kind is dict:
            found[key] = _canonical_object(item)
        else:
            found[key] = canonical(item)
    return found


@dataclass(frozen=True, slots=True)
class Source:
    """A file to read: its path, the path shown in reports, and the problem if it cannot be."""

    path: Path
    display: str
    problem: ReadProblem | None = None


def find_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Source]:
    """Yield the files named by ``paths``; a folder is walked for .json, .jsonl, .ndjson and
    .parquet files, in order of their path inside it, hidden files and folders skipped.

    Every path, given or found, is classified first (:func:`newsevents.io.paths.classify`):
    anything but a readable regular file or folder comes with the problem saying why.
    """
    for given in paths:
        path = Path(given)
        display = Path(given).as_posix()
        if not os.fspath(given):  # Path("") is the current folder: an empty name is no path
            context = {"path": '""', "reason": "an empty path names no file"}
            yield Source(path, '""', ReadProblem("NE101", context))
            continue
        classified = classify(path)
        if classified.kind == "folder":
            try:
                found = list(_walk(path, display))
            except OSError as error:  # made unreadable between classifying and listing
                context = {"path": display, "reason": error.strerror or "cannot be listed"}
                yield Source(path, display, ReadProblem("NE111", context))
                continue
            if not found:
                context = {"found": "a folder with no .json, .jsonl, .ndjson or .parquet file"}
                yield Source(path, display, ReadProblem("NE105", context))
            yield from found
        else:
            yield Source(path, display, path_problem(display, classified.problem))


def path_problem(display: str, problem: PathProblem | None) -> ReadProblem | None:
    """The reading problem of a path that cannot be read (see ``classify``), or None."""
    if problem is None:
        return None
    context: dict[str, object] = {"path": display, "reason": problem.reason}
    if problem.code == "NE109":
        context["kind"] = problem.reason
    return ReadProblem(problem.code, context)


def _walk(folder: Path, display: str) -> Iterator[Source]:
    # A dataset folder in our layout: its manifest says which files hold the records (the
    # same records exist in several formats); metadata files are not records.
    for found in walk(folder, frozenset(FORMATS), _manifest_records):
        shown = f"{display.rstrip('/')}/{found.relative}"
        yield Source(folder / found.relative, shown, path_problem(shown, found.classified.problem))


MANIFEST = "manifest.json"
_MANIFEST_LIMIT = 16 << 20
_RECORD_TABLES = ("documents", "actors", "events")


def _manifest_records(folder: Path) -> list[str] | None:
    """Return the record files of a newsevents dataset folder, each table once.

    The same records are in ``records.json`` and in one JSON Lines and one Parquet file per
    record type: each type is read from its Parquet file, else its JSON Lines file; with
    neither, ``records.json`` alone is read.  What the folder holds decides, not what its
    manifest lists (a manifest is easily edited; a record file it forgets is still read).
    None when ``manifest.json`` is not a newsevents dataset manifest: the folder is walked.
    """
    if classify(folder / MANIFEST).kind != "file":
        return None
    try:
        with open_regular(folder / MANIFEST) as stream:
            manifest = json.loads(stream.read(_MANIFEST_LIMIT).decode("utf-8"))
        if not isinstance(manifest, dict) or "manifest_version" not in manifest:
            return None
    except (OSError, ValueError, RecursionError):
        return None
    tables = []
    for stem in _RECORD_TABLES:
        found = [f"{stem}{suffix}" for suffix in (".parquet", ".jsonl")]
        tables += [name for name in found if os.path.lexists(folder / name)][:1]
    if len(tables) < len(_RECORD_TABLES) and os.path.lexists(folder / "records.json"):
        return ["records.json"]
    return sorted(tables) or None


def read_records(paths: Iterable[str | os.PathLike[str]]) -> list[dict[str, Any]]:
    """Return every record (JSON object) of the files under ``paths``, in order; a path or a
    value that cannot be read is skipped here, since the validator reports it."""
    found: list[dict[str, Any]] = []
    for file in find_files(paths):
        if file.problem is None:
            found += [
                dict(i) for _, i in FileReading(file.path, file.display) if isinstance(i, Mapping)
            ]
    return found
