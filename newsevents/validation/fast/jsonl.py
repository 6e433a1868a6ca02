"""JSON Lines read through Arrow in blocks, with the lines Arrow cannot vouch for set aside.

A block of whole lines is parsed by ``pyarrow.json`` against one schema for every record type
(dates read as strings, every field nullable).  What Arrow's view cannot show is settled on
the raw bytes: a line with ``null`` (absent and null look alike in Arrow), ``NaN``,
``Infinity``, a byte-order mark or a control byte is suspect.  A block Arrow refuses (a wrong
type, broken JSON) is split in halves until the bad lines stand alone; those lines go to the
per-record path.  Line numbers and record indices follow the reference reader exactly:
lines count from 1, blank lines are skipped, a byte-order mark opening the file is dropped.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pj

from newsevents.io.arrow import TABLE_MODELS, arrow_schema
from newsevents.validation.fast.columns import Flags, Rows, as_flags

BLOCK_BYTES = 8 << 20
SMALLEST_SPLIT = 8
_BOM = b"\xef\xbb\xbf"
_WHITESPACE = np.array([32, 9, 10, 13, 11, 12], dtype=np.uint8)
# A JSON null, NaN or Infinity as a value (Arrow shows null like absent, and parses the
# other two though orjson refuses them), or a byte-order mark anywhere.
_SUSPECT_VALUE = r"[:,\[][ \t\r\n]*(null|NaN|-?Infinity)|\x{FEFF}"


def _relaxed(kind: pa.DataType) -> pa.DataType:
    """The type a JSON value of ``kind`` is read as: dates as strings, any int as int64."""
    if pa.types.is_date(kind):
        return pa.string()
    if pa.types.is_integer(kind):
        return pa.int64()
    if pa.types.is_struct(kind):
        return pa.struct([pa.field(f.name, _relaxed(f.type)) for f in kind])
    if pa.types.is_list(kind):
        return pa.list_(_relaxed(kind.value_type))
    return kind


@cache
def read_schema() -> pa.Schema:
    """One schema for every record type: each table's columns, relaxed and nullable."""
    fields: dict[str, pa.Field] = {}
    for record_type in TABLE_MODELS:
        for field in arrow_schema(record_type):
            fields.setdefault(field.name, pa.field(field.name, _relaxed(field.type)))
    return pa.schema(list(fields.values()))


@dataclass
class Block:
    """Whole lines of a JSON Lines file, parsed where Arrow could, set aside where not."""

    data: bytes
    starts: Rows  # byte offset of each non-blank line in ``data``
    ends: Rows  # byte offset just past it (newline excluded)
    line_numbers: Rows  # 1-based line number of each non-blank line
    first_record: int  # record index of the first non-blank line
    table: pa.Table | None  # one row per parsed line, in order
    parsed: Flags  # which non-blank lines ``table`` holds
    suspect_bytes: Flags  # lines whose bytes Arrow's view cannot vouch for

    def line(self, index: int) -> bytes:
        """The bytes of the ``index``-th non-blank line."""
        return self.data[self.starts[index] : self.ends[index]]

    @property
    def records(self) -> int:
        """Number of records (non-blank lines) in the block."""
        return len(self.starts)


def _lines(data: bytes) -> tuple[Rows, Rows]:
    buffer = np.frombuffer(data, dtype=np.uint8)
    newlines = np.flatnonzero(buffer == 10).astype(np.int64)
    starts = np.concatenate(([0], newlines + 1)).astype(np.int64)
    ends = np.concatenate((newlines, [len(data)])).astype(np.int64)
    if starts[-1] == len(data):
        starts, ends = starts[:-1], ends[:-1]
    return starts, ends


def _nonblank(data: bytes, starts: Rows, ends: Rows) -> Flags:
    buffer = np.frombuffer(data, dtype=np.uint8)
    solid = np.concatenate(([0], np.cumsum(~np.isin(buffer, _WHITESPACE), dtype=np.int64)))
    counts: Rows = solid[ends] - solid[starts]
    return counts > 0


def _suspect_bytes(data: bytes, starts: Rows, ends: Rows) -> Flags:
    """Lines holding a null, NaN or Infinity value, a byte-order mark or a control byte."""
    if len(starts) == 0:
        return np.zeros(0, dtype=np.bool_)
    offsets = np.concatenate((starts, ends[-1:])).astype(np.int64)
    lines = pa.LargeBinaryArray.from_buffers(
        pa.large_binary(), len(starts), [None, pa.py_buffer(offsets), pa.py_buffer(data)]
    )
    text = lines.cast(pa.large_string(), safe=False)
    found = as_flags(pc.match_substring_regex(text, _SUSPECT_VALUE))
    buffer = np.frombuffer(data, dtype=np.uint8)
    controls = np.concatenate(([0], np.cumsum(buffer < 32, dtype=np.int64)))
    found |= (controls[ends] - controls[starts]) > 0
    return found


def _parse(data: bytes) -> pa.Table | None:
    options = pj.ParseOptions(explicit_schema=read_schema(), unexpected_field_behavior="infer")
    block = pj.ReadOptions(use_threads=False, block_size=max(len(data) + 1, 1 << 16))
    try:
        return pj.read_json(io.BytesIO(data), read_options=block, parse_options=options)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, UnicodeDecodeError, ValueError):
        return None


def _parse_lines(data: bytes, starts: Rows, ends: Rows) -> tuple[list[pa.Table], Flags]:
    """Parse lines ``starts:ends``; split in halves where Arrow refuses; return the tables
    (in line order) and which lines they hold."""
    parsed = np.zeros(len(starts), dtype=np.bool_)
    tables: dict[int, pa.Table] = {}
    pending = [(0, len(starts))]
    while pending:
        low, high = pending.pop()
        if low >= high:
            continue
        table = _parse(data[starts[low] : ends[high - 1]])
        if table is not None and table.num_rows == high - low:
            tables[low] = table
            parsed[low:high] = True
        elif high - low > SMALLEST_SPLIT:
            middle = (low + high) // 2
            pending.extend([(middle, high), (low, middle)])
    return [tables[low] for low in sorted(tables)], parsed


def read_blocks(path: Path, block_bytes: int = BLOCK_BYTES) -> Iterator[Block]:
    """Yield the file's blocks of whole lines, parsed through Arrow where possible."""
    line_number, record = 1, 0
    with path.open("rb") as stream:
        carry = b""
        first = True
        while True:
            chunk = stream.read(block_bytes)
            data = carry + chunk
            if not chunk:
                if data:
                    yield _block(data, line_number, record, first)
                return
            cut = data.rfind(b"\n") + 1
            if cut == 0:
                carry = data
                continue
            data, carry = data[:cut], data[cut:]
            block = _block(data, line_number, record, first)
            first = False
            line_number += data.count(b"\n")
            record += block.records
            yield block


def _block(data: bytes, line_number: int, record: int, first: bool) -> Block:
    starts, ends = _lines(data)
    if first and data.startswith(_BOM):
        starts = starts.copy()
        starts[0] = 3
    numbers = np.arange(line_number, line_number + len(starts), dtype=np.int64)
    keep = _nonblank(data, starts, ends)
    starts, ends, numbers = starts[keep], ends[keep], numbers[keep]
    tables, parsed = _parse_lines(data, starts, ends)
    table = pa.concat_tables(tables, promote_options="permissive") if tables else None
    suspect = _suspect_bytes(data, starts, ends)
    return Block(data, starts, ends, numbers, record, table, parsed, suspect)
