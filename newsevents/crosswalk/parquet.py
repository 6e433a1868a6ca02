"""Converted records as Parquet: one file per record type, written batch by batch."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from newsevents.crosswalk.common import Record, SourceRow
from newsevents.io.arrow import arrow_schema, records_to_table

BATCH_ROWS = 10_000
TABLES = {"document": "documents", "actor": "actors", "event": "events"}


def parquet_paths(out: Path) -> dict[str, Path]:
    """The three files written for ``out`` (``OUT.documents.parquet`` ...), by record type."""
    stem = out.with_suffix("")
    return {kind: stem.with_name(f"{stem.name}.{name}.parquet") for kind, name in TABLES.items()}


def write_parquet(items: Iterator[tuple[SourceRow, Record]], out: Path) -> dict[str, Path]:
    """Write the records of ``items`` into one Parquet file per record type; return the paths."""
    paths = parquet_paths(out)
    writers: dict[str, Any] = {
        kind: pq.ParquetWriter(paths[kind], arrow_schema(kind)) for kind in TABLES
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
    return paths
