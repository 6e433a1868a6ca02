"""Input files as numbered batches of rows: JSON Lines blocks and Parquet record batches.

A batch can be read again by its number (the second pass fetches the few rows found
suspect only once every file was read).  Each source also hashes the bytes it reads, so
the report describes the file exactly as the reference reader does.
"""

from __future__ import annotations

import hashlib
import os
import weakref
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from newsevents.io.arrow import TABLE_MODELS, arrow_schema
from newsevents.io.readers import (
    ReadProblem,
    Where,
    as_record,
    canonical,
    column_mismatches,
    decode_problem,
)
from newsevents.validation.fast.columns import Flags, Rows
from newsevents.validation.fast.jsonl import BLOCK_BYTES, Block, block_of, parsed_block

PARQUET_BATCH_ROWS = 1 << 16
READ_AHEAD = max(int(os.environ.get("NEWSEVENTS_READ_AHEAD", 1)), 0)
"""JSON Lines blocks parsed ahead in a thread while one is checked (0: none; each holds a
block's Arrow table in memory)."""
DECODED_BYTES = int(os.environ.get("NEWSEVENTS_DECODED_BYTES", 256 << 20))
"""Decoded Parquet record batches kept from the scan for the second look at suspect rows
(decoding our nested event table costs more than checking it); beyond this budget a batch
is decoded again."""
Item = tuple[Where, "dict[str, Any] | ReadProblem"]


@dataclass
class Batch:
    """Rows of one file: an Arrow table of the rows it could read, and how to get any row."""

    file: int
    number: int
    display: str
    kind: str | None  # the table's record type, None when types mix (JSON Lines)
    table: pa.Table | None
    table_rows: Rows  # position in the batch of each table row
    records: Rows  # record index (in its file) of each batch position
    lines: Rows | None  # line number of each batch position (JSON Lines)
    suspect: Flags  # positions the reader already finds doubtful
    block: Block | None = None

    @property
    def size(self) -> int:
        """Number of records in the batch."""
        return len(self.records)

    def items(self, positions: list[int]) -> dict[int, Item]:
        """The records (or reading problems) at ``positions``."""
        if self.block is not None or self.table is None:
            return {p: self.item(p) for p in positions}
        rows = np.searchsorted(self.table_rows, positions)
        values = self.table.take(pa.array(rows, pa.int64())).to_pylist()
        return {
            p: (Where(self.display, int(self.records[p])), canonical(v))
            for p, v in zip(positions, values, strict=True)
        }

    def item(self, position: int) -> Item:
        """The record (or reading problem) at ``position``, as the reference reader gives it."""
        line = None if self.lines is None else int(self.lines[position])
        where = Where(self.display, int(self.records[position]), line)
        if self.block is not None:
            raw = self.block.line(position)
            start = self.block.offset + int(self.block.starts[position])
            try:
                value = orjson.loads(raw)
            except orjson.JSONDecodeError as error:
                where = Where(self.display, where.record, line, error.colno)
                return where, decode_problem(error, raw, start, line)
            return where, as_record(value)
        assert self.table is not None
        row = int(np.searchsorted(self.table_rows, position))
        return where, canonical(self.table.slice(row, 1).to_pylist()[0])


@dataclass
class FileFacts:
    """What the report says of a file: format, size, sha256 and number of records."""

    format: str
    bytes: int = 0
    sha256: str = ""
    records: int = 0
    lines: int = 0
    extents: list[tuple[int, int, int, int]] = field(default_factory=list)


class JsonlSource:
    """A JSON Lines file (or the byte range ``start:end`` of one, cut on line ends) read in
    blocks of whole lines; lines and records count from the range's start."""

    def __init__(
        self,
        path: Path,
        display: str,
        file: int,
        start: int = 0,
        end: int | None = None,
        block_bytes: int = BLOCK_BYTES,
    ) -> None:
        self.path, self.display, self.file = path, display, file
        self.start, self.end = start, end
        self.block_bytes = block_bytes
        self.facts = FileFacts("jsonl")

    def batches(self) -> Iterator[Batch]:
        """Read the range once, block by block, hashing it when it is the whole file (the
        run hashes a file cut into chunks itself); Arrow parses the next READ_AHEAD blocks
        in a thread (it releases the GIL) while the caller checks one."""
        digest = hashlib.sha256() if self.start == 0 and self.end is None else None
        offset, line, record, carry = self.start, 1, 0, b""
        left = None if self.end is None else self.end - self.start
        pending: deque[tuple[int, Future[Block], int]] = deque()
        with self.path.open("rb") as stream, ThreadPoolExecutor(1) as parser:
            stream.seek(self.start)
            while True:
                want = self.block_bytes if left is None else min(self.block_bytes, left)
                chunk = stream.read(want) if want > 0 else b""
                if left is not None:
                    left -= len(chunk)
                if digest is not None:
                    digest.update(chunk)
                data = carry + chunk
                cut = len(data) if not chunk else data.rfind(b"\n") + 1
                data, carry = data[:cut], data[cut:]
                if data:
                    number = len(self.facts.extents)
                    self.facts.extents.append((offset, len(data), line, record))
                    lines = block_of(data, line, record, offset == 0, offset, False)
                    pending.append((number, parser.submit(parsed_block, lines), record))
                    offset, line = offset + len(data), line + data.count(b"\n")
                    record += lines.records
                    while len(pending) > READ_AHEAD:
                        yield self._as_batch(*_done(pending.popleft()))
                if not chunk:
                    break
            self.facts.bytes = offset - self.start
            self.facts.sha256 = digest.hexdigest() if digest is not None else ""
            self.facts.records, self.facts.lines = record, line - 1
            while pending:
                yield self._as_batch(*_done(pending.popleft()))

    def batch(self, number: int, parse: bool = True) -> Batch:
        """Read block ``number`` again (only its lines, unless ``parse``)."""
        offset, size, line, record = self.facts.extents[number]
        with self.path.open("rb") as stream:
            stream.seek(offset)
            data = stream.read(size)
        return self._batch(number, data, line, record, parse)

    def _batch(self, number: int, data: bytes, line: int, record: int, parse: bool = True) -> Batch:
        offset = self.facts.extents[number][0]
        return self._as_batch(
            number, block_of(data, line, record, offset == 0, offset, parse), record
        )

    def _as_batch(self, number: int, block: Block, record: int) -> Batch:
        positions = np.arange(block.records, dtype=np.int64)
        return Batch(
            self.file,
            number,
            self.display,
            None,
            block.table,
            positions[block.parsed],
            positions + record,
            block.line_numbers,
            block.suspect_bytes | ~block.parsed,
            block,
        )


def _read_ahead(batches: Iterator[pa.RecordBatch], ahead: int) -> Iterator[pa.RecordBatch]:
    """``batches``, the next ``ahead`` of them decoded in a thread (Arrow releases the GIL)
    while the caller checks one."""
    if ahead <= 0:
        yield from batches
        return
    with ThreadPoolExecutor(1) as decoder:
        pending = deque(decoder.submit(next, batches, None) for _ in range(ahead))
        while (batch := pending.popleft().result()) is not None:
            pending.append(decoder.submit(next, batches, None))
            yield batch


def _done(entry: tuple[int, Future[Block], int]) -> tuple[int, Block, int]:
    number, parsing, record = entry
    return number, parsing.result(), record


def parquet_kind(path: Path) -> str | None:
    """The record type of a Parquet file in our layout whose columns all have the derived
    types, else None (the reference reader then reads it)."""
    try:
        parquet = pq.ParquetFile(path)
        metadata = parquet.metadata.metadata or {}
        schema = parquet.schema_arrow
    except Exception:  # pyarrow raises many kinds on foreign or truncated bytes
        return None
    kind = bytes(metadata.get(b"newsevents.record_type", b"")).decode("latin-1")
    if kind not in TABLE_MODELS or any(column_mismatches(schema, arrow_schema(kind))):
        return None
    return kind


_HELD = [0]  # bytes of decoded batches kept, every source of this process together
_OWNERS: weakref.WeakValueDictionary[tuple[object, ...], ParquetSource] = (
    weakref.WeakValueDictionary()
)


def _release(held: list[int]) -> None:
    _HELD[0] -= held[0]


class ParquetSource:
    """A Parquet file of one record table, read in record batches.

    The first source made for a file in a process (the run's) keeps, within
    DECODED_BYTES, the batches that later sources of the same file (the scan's, when it
    runs in this process) decode, so reading a batch again costs nothing; a scan in another
    process keeps nothing.
    """

    def __init__(
        self, path: Path, display: str, file: int, kind: str, batch_rows: int = PARQUET_BATCH_ROWS
    ) -> None:
        self.path, self.display, self.file, self.kind = path, display, file, kind
        self.batch_rows = batch_rows
        self.facts = FileFacts("parquet")
        self.decoded: dict[int, pa.RecordBatch] = {}
        self._held = [0]
        weakref.finalize(self, _release, self._held)
        try:
            stat = path.stat()
            self._key: tuple[object, ...] | None = (
                str(path.resolve()),
                stat.st_mtime_ns,
                stat.st_size,
                batch_rows,
            )
        except OSError:
            self._key = None
        if self._key is not None and self._key not in _OWNERS:
            _OWNERS[self._key] = self

    def _share(self, number: int, batch: pa.RecordBatch) -> None:
        """Hand a decoded batch to the file's first source, if it is another and has room."""
        owner = _OWNERS.get(self._key) if self._key is not None else None
        size = batch.nbytes
        if owner is None or owner is self or _HELD[0] + size > DECODED_BYTES:
            return
        owner.decoded[number] = batch
        owner._held[0] += size
        _HELD[0] += size

    def batches(self) -> Iterator[Batch]:
        """Read the whole file once, batch by batch, after hashing its bytes."""
        digest, size = hashlib.sha256(), 0
        with self.path.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
                size += len(chunk)
        self.facts.bytes, self.facts.sha256 = size, digest.hexdigest()
        record = 0
        with pq.ParquetFile(self.path) as parquet:
            decoded = parquet.iter_batches(batch_size=self.batch_rows)
            for number, batch in enumerate(_read_ahead(decoded, READ_AHEAD)):
                self._share(number, batch)
                self.facts.extents.append((0, batch.num_rows, 0, record))
                yield self._batch(number, batch, record)
                record += batch.num_rows
        self.facts.records = record

    def batch(self, number: int, parse: bool = True) -> Batch:
        """Read batch ``number`` again (the row groups holding its rows, then a slice)."""
        first = number * self.batch_rows
        if number in self.decoded:
            return self._batch(number, self.decoded[number], first)
        with pq.ParquetFile(self.path) as parquet:
            metadata = parquet.metadata
            groups: list[int] = []
            start, rows = 0, 0
            for index in range(metadata.num_row_groups):
                size = metadata.row_group(index).num_rows
                if rows + size > first and rows < first + self.batch_rows:
                    if not groups:
                        start = first - rows
                    groups.append(index)
                rows += size
            table = parquet.read_row_groups(groups) if groups else None
        if table is None:
            raise IndexError(number)
        piece = table.slice(start, self.batch_rows).combine_chunks().to_batches()
        batch = piece[0] if piece else pa.RecordBatch.from_pylist([], schema=table.schema)
        return self._batch(number, batch, first)

    def _batch(self, number: int, batch: pa.RecordBatch, record: int) -> Batch:
        table = pa.Table.from_batches([batch])
        positions = np.arange(batch.num_rows, dtype=np.int64)
        none = np.zeros(batch.num_rows, dtype=np.bool_)
        return Batch(
            self.file,
            number,
            self.display,
            self.kind,
            table,
            positions,
            positions + record,
            None,
            none,
        )
