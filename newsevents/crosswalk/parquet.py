"""Converted records as Parquet: one file per record type, written batch by batch."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow.parquet as pq

from newsevents.crosswalk.common import Record, SourceRow
from newsevents.io.arrow import arrow_schema, records_to_table
from newsevents.io.outputs import open_output_binary, refuse_inputs

BATCH_ROWS = 10_000
TABLES = {"document": "documents", "actor": "actors", "event": "events"}


def parquet_paths(out: Path) -> dict[str, Path]:
    """The three files written for ``out`` (``OUT.documents.parquet`` ...), by record type."""
    stem = out.with_suffix("")
    return {kind: stem.with_name(f"{stem.name}.{name}.parquet") for kind, name in TABLES.items()}


def write_parquet(
    items: Iterator[tuple[SourceRow, Record]],
    out: Path,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> dict[str, Path]:
    """Write the records of ``items`` into one Parquet file per record type; return the paths.

    A file that is one of ``inputs``, or a FIFO nobody reads, is refused (``OutputError``).
    """
    paths = parquet_paths(out)
    refuse_inputs(paths.values(), inputs)
    with contextlib.ExitStack() as opened:
        streams = {kind: opened.enter_context(open_output_binary(paths[kind])) for kind in TABLES}
        _write_tables(items, streams)
    return paths


def _write_tables(items: Iterator[tuple[SourceRow, Record]], streams: dict[str, BinaryIO]) -> None:
    writers: dict[str, Any] = {
        kind: pq.ParquetWriter(streams[kind], arrow_schema(kind)) for kind in TABLES
    }
    batches: dict[str, list[Record]] = {kind: [] for kind in TABLES}
    try:
        for _, record in items:
            kind = record["record_type"]
            batches[kind].append(record)
            if len(batches[kind]) >= BATCH_ROWS:
                writers[kind].write_table(records_to_table(kind, batches[kind]))
                batches[kind].clear()
        for kind, batch in batches.items():
            if batch:
                writers[kind].write_table(records_to_table(kind, batch))
    finally:
        for writer in writers.values():
            writer.close()
