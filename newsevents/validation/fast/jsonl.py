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
import os
import re
from dataclasses import dataclass, replace
from functools import cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pj

from newsevents.io.arrow import TABLE_MODELS, arrow_schema
from newsevents.validation.fast.columns import Flags, Rows, as_flags

BLOCK_BYTES = int(os.environ.get("NEWSEVENTS_BLOCK_BYTES", 6 << 20))
"""Bytes of JSON Lines read and checked at once: larger is faster, smaller keeps the peak
memory lower.  On a 2 GB file, 6 MB blocks peak at 363 MB in one process and 8 MB blocks
at 405 MB for 11% less CPU: the default keeps the peak under 400 MB."""
PIECE_BYTES = 256 << 10
_ROW = re.compile(r" in row ([0-9]+)$")
_BOM = b"\xef\xbb\xbf"
_WHITESPACE = np.array([32, 9, 10, 13, 11, 12], dtype=np.uint8)
# A JSON null, NaN or Infinity as a value (Arrow shows null like absent, and parses the
# other two though orjson refuses them), a byte-order mark anywhere, or a control byte other
# than the line end (a line break Arrow may honour inside a line); "\r\n" line ends are fine.
_SUSPECT_VALUE = (
    r"[:,\[][ \t\r\n]*(null|NaN|-?Infinity)|\x{FEFF}|[\x00-\x09\x0b\x0c\x0e-\x1f]|\r(?:[^\n]|$)"
)


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
    offset: int  # byte offset of ``data`` in the file
    starts: Rows  # byte offset of each non-blank line in ``data``
    ends: Rows  # byte offset just past it (newline excluded)
    line_numbers: Rows  # 1-based line number of each non-blank line
    first_record: int  # record index of the first non-blank line
    table: pa.Table | None  # one row per parsed line, in order
    parsed: Flags  # which non-blank lines ``table`` holds
    suspect_bytes: Flags  # lines whose bytes Arrow's view cannot vouch for

    def line(self, index: int) -> bytes:
        """The bytes of the ``index``-th non-blank line, with its newline as the reference
        reader passes it to the parser (error columns depend on it)."""
        return self.data[self.starts[index] : self.ends[index] + 1]

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
    """Lines with something besides white space (as ``bytes.strip`` sees it)."""
    buffer = np.frombuffer(data, dtype=np.uint8)
    solid = ends > starts
    first = buffer[np.minimum(starts, max(len(buffer) - 1, 0))] if len(buffer) else starts
    doubtful = np.flatnonzero(solid & np.isin(first, _WHITESPACE))
    for index in doubtful:  # rare: a line starting with white space
        solid[index] = bool(data[starts[index] : ends[index]].strip())
    return solid


def _suspect_bytes(data: bytes, starts: Rows, ends: Rows) -> Flags:
    """Lines holding a null, NaN or Infinity value, a byte-order mark or a control byte.

    Each line is seen with the newline and any blank lines after it, which holds neither.
    """
    if len(starts) == 0:
        return np.zeros(0, dtype=np.bool_)
    offsets = np.concatenate((starts, ends[-1:])).astype(np.int64)
    lines = pa.LargeBinaryArray.from_buffers(
        pa.large_binary(), len(starts), [None, pa.py_buffer(offsets), pa.py_buffer(data)]
    )
    text = lines.cast(pa.large_string(), safe=False)
    return as_flags(pc.match_substring_regex(text, _SUSPECT_VALUE))


def _parse(data: bytes) -> tuple[pa.Table | None, int | None]:
    """The table of ``data``, or None and the row Arrow names in its error, if any."""
    options = pj.ParseOptions(explicit_schema=read_schema(), unexpected_field_behavior="infer")
    block = pj.ReadOptions(use_threads=False, block_size=max(len(data) + 1, 1 << 16))
    try:
        return pj.read_json(io.BytesIO(data), read_options=block, parse_options=options), None
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, UnicodeDecodeError, ValueError) as error:
        found = _ROW.search(str(error))
        return None, int(found.group(1)) if found else None


def _parse_lines(data: bytes, starts: Rows, ends: Rows) -> tuple[list[pa.Table], Flags]:
    """Parse lines ``starts:ends`` in pieces of about PIECE_BYTES; where Arrow refuses a
    piece, set aside the line it names (or split the piece in halves); return the tables
    (in line order) and which lines they hold."""
    parsed = np.zeros(len(starts), dtype=np.bool_)
    tables: dict[int, pa.Table] = {}
    cuts = np.searchsorted(starts, np.arange(0, len(data), PIECE_BYTES)).tolist()
    pending = [(low, high) for low, high in zip(cuts, [*cuts[1:], len(starts)], strict=True)]
    while pending:
        low, high = pending.pop()
        if low >= high:
            continue
        table, row = _parse(data[starts[low] : ends[high - 1]])
        if table is not None and table.num_rows == high - low:
            tables[low] = table
            parsed[low:high] = True
        elif row is not None and 0 <= row < high - low:
            pending.extend([(low + row + 1, high), (low, low + row)])
        elif high - low > 1:
            middle = (low + high) // 2
            pending.extend([(middle, high), (low, middle)])
    return [tables[low] for low in sorted(tables)], parsed


def block_of(
    data: bytes, line_number: int, record: int, first: bool, offset: int = 0, parse: bool = True
) -> Block:
    """Parse ``data`` (whole lines starting at ``line_number``, record ``record`` and byte
    ``offset`` of the file; ``first``: the file's first block)."""
    starts, ends = _lines(data)
    if first and data.startswith(_BOM):
        starts = starts.copy()
        starts[0] = 3
    numbers = np.arange(line_number, line_number + len(starts), dtype=np.int64)
    keep = _nonblank(data, starts, ends)
    starts, ends, numbers = starts[keep], ends[keep], numbers[keep]
    none = np.zeros(len(starts), dtype=np.bool_)
    block = Block(data, offset, starts, ends, numbers, record, None, none, none)
    return parsed_block(block) if parse else block


def parsed_block(block: Block) -> Block:
    """``block`` (its lines found) parsed by Arrow, its doubtful lines set aside."""
    data, starts, ends = block.data, block.starts, block.ends
    tables, parsed = _parse_lines(data, starts, ends)
    table = pa.concat_tables(tables, promote_options="permissive") if tables else None
    if table is not None:
        table = table.combine_chunks()  # once here, not in every look at the block
    suspect = _suspect_bytes(data, starts, ends)
    return replace(block, table=table, parsed=parsed, suspect_bytes=suspect)
