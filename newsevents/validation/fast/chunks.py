"""A chunk of input scanned on its own (in a worker process or inline): what it returns.

A chunk is a whole Parquet file or a byte range of a JSON Lines file cut on line ends.  The
scan returns, per batch, its extent in the file, its cross-record facts and the positions it
finds suspect: ids and edges, never records, so a worker sends little back.  Line numbers and
record indices are counted from the chunk's start; the caller shifts them once the chunks
before are known.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from newsevents.validation.fast.columns import Rows
from newsevents.validation.fast.documents import DocumentBatch, DocumentWindow
from newsevents.validation.fast.facts import KINDS, Facts, note_record
from newsevents.validation.fast.hashes import Hasher, KeyTable, RecentKeys
from newsevents.validation.fast.jsonl import BLOCK_BYTES
from newsevents.validation.fast.scan import scan_batch
from newsevents.validation.fast.sources import JsonlSource, ParquetSource

MIN_CHUNK_BYTES = 32 << 20
CHUNKS_PER_JOB = 4
"""Chunks per worker at most: more balance the workers' loads, each costs a new window of
documents (events at its start whose document is before it go to the reference path)."""


@dataclass(frozen=True)
class ChunkTask:
    """What to scan: a file (by path and position among inputs) and, for JSON Lines, where."""

    path: str
    display: str
    file: int
    format: str  # "jsonl" or "parquet"
    kind: str | None = None  # a Parquet table's record type
    start: int = 0
    end: int | None = None


@dataclass
class ScannedBatch:
    """One batch of a chunk: extent (offset, size, first line, first record; the last two
    counted from the chunk's start), facts and suspect positions."""

    extent: tuple[int, int, int, int]
    facts: Facts
    suspect: Rows


@dataclass
class ChunkScan:
    """Everything a chunk scan returns."""

    task: ChunkTask
    batches: list[ScannedBatch] = field(default_factory=list)
    lines: int = 0
    records: int = 0
    documents_seen: bool = False
    sha256: str | None = None  # of the whole file, when the chunk is the whole file
    bytes: int = 0
    table: KeyTable = field(default_factory=KeyTable)  # (key, check) of every value


Done = Callable[[int], None]
"""Called with the bytes of the chunk scanned so far."""
Keep = Callable[[ChunkTask, ScannedBatch], None]
"""Takes each batch of a chunk as soon as it is scanned."""


def scan_chunk(
    task: ChunkTask,
    given: DocumentBatch | None = None,
    done: Done | None = None,
    keep: Keep | None = None,
) -> ChunkScan:
    """Scan one chunk with its own window of documents, starting from those ``given``
    (outside documents, document tables read ahead); each batch scanned goes to ``keep``
    when given (else it is returned with the others)."""
    window = DocumentWindow(given)
    found = ChunkScan(task)
    known = Known(found.table, given)
    source: JsonlSource | ParquetSource
    if task.format == "jsonl":
        source = JsonlSource(Path(task.path), task.display, task.file, task.start, task.end)
        source.block_bytes = BLOCK_BYTES
    else:
        source = ParquetSource(Path(task.path), task.display, task.file, str(task.kind))
    for batch in source.batches():
        suspect, facts = scan_batch(batch, window)
        positions = np.flatnonzero(suspect)
        for position in np.flatnonzero(batch.suspect):  # lines only the reference reads
            _, record = batch.item(int(position))
            if isinstance(record, dict):
                note_record(facts, int(position), record)
                if record.get("record_type") == "document" and isinstance(record.get("text"), str):
                    found.documents_seen = True
        known.narrow(facts)
        extent = source.facts.extents[batch.number]
        scanned = ScannedBatch(extent, facts, positions.astype(np.int32))
        if keep is not None:
            keep(task, scanned)
        else:
            found.batches.append(scanned)
        if done is not None:
            done(extent[0] + extent[1] - task.start)
    found.documents_seen = found.documents_seen or window.seen_any
    found.records = source.facts.records
    found.lines = source.facts.lines
    found.bytes = source.facts.bytes
    whole = task.start == 0 and task.end is None
    found.sha256 = source.facts.sha256 if whole else None
    return found


class Known:
    """The ids a chunk has seen lately, per kind: a reference to one of them is settled;
    the others are kept (key and row) for the run to resolve."""

    def __init__(self, table: KeyTable, given: DocumentBatch | None) -> None:
        self.table = table
        self.ids = {kind: RecentKeys() for kind in KINDS}
        if given is not None and len(given.ids):
            hasher = Hasher([given.ids])
            self.ids["document"].add(hasher.keys_of(given.ids))
            table.add(hasher.keys, hasher.checks)

    def narrow(self, facts: Facts) -> None:
        """Take the batch's ids and pairs; drop the references to ids known here."""
        facts.fill()
        self.table.add(*facts.take_pairs())
        for kind in KINDS:
            self.ids[kind].add(facts.ids[kind][0])
        for kind, (keys, positions) in list(facts.targets.items()):
            unseen = ~self.ids[kind].holds(keys)
            facts.targets[kind] = (keys[unseen], positions[unseen])


def plan(path: Path, display: str, file: int, jobs: int) -> list[ChunkTask]:
    """Cut a JSON Lines file on line ends into ``jobs`` times 1 to CHUNKS_PER_JOB chunks of
    at least MIN_CHUNK_BYTES each (a multiple of ``jobs``, so the workers end together),
    or fewer when the file is small."""
    size = os.path.getsize(path)
    pieces = 1
    if jobs > 1:
        rounds = min(CHUNKS_PER_JOB, size // (MIN_CHUNK_BYTES * jobs))
        pieces = jobs * rounds if rounds else max(1, min(jobs, size // MIN_CHUNK_BYTES))
    cuts = [0]
    with path.open("rb") as stream:
        for index in range(1, pieces):
            stream.seek(max(size * index // pieces, cuts[-1]))
            stream.readline()
            where = stream.tell()
            if cuts[-1] < where < size:
                cuts.append(where)
    ends: list[int | None] = [*cuts[1:], None]
    return [
        ChunkTask(str(path), display, file, "jsonl", None, start, end)
        for start, end in zip(cuts, ends, strict=True)
    ]


def document_table(path: Path, budget: int) -> DocumentBatch | None:
    """The documents of a Parquet document table, read ahead for the other chunks' span
    checks, when their texts fit in ``budget`` bytes."""
    import pyarrow.parquet as pq

    from newsevents.validation.fast.mask import records_column

    with pq.ParquetFile(path) as parquet:
        names = parquet.schema_arrow.names
        columns = [c for c in ("record_type", "id", "text", "publication") if c in names]
        if "text" not in columns:
            return None
        metadata = parquet.metadata
        index = names.index("text")
        size = sum(
            metadata.row_group(g).column(index).total_uncompressed_size
            for g in range(metadata.num_row_groups)
        )
        if size > budget:
            return None
        table = parquet.read(columns=columns)
    return DocumentBatch.of(records_column(table))


def file_sha256(path: Path) -> tuple[int, str]:
    """Size and sha256 of a file."""
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()
