"""The fast validation run: Arrow over whole columns first, the reference path for the rest.

Every file is read once in batches (JSON Lines blocks, Parquet record batches).  The rows
the vectorized checks cannot clear, and the rows the cross-record resolution names once every
file is read, are fed in input order to the reference :class:`~newsevents.validation.runner.Run`,
which reports their issues.  Rows cleared by the fast path have none, so the report is the
reference report.  A file the fast path cannot read (JSON, foreign Parquet) goes through the
reference reader whole.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa

from newsevents.io.readers import FORMATS, FileReading, ReadProblem, Where, find_files
from newsevents.validation.checks.registry import RecordPlace
from newsevents.validation.fast.chunks import (
    ChunkScan,
    ChunkTask,
    Done,
    Keep,
    ScannedBatch,
    document_table,
    file_sha256,
    plan,
    scan_chunk,
)
from newsevents.validation.fast.documents import DocumentBatch
from newsevents.validation.fast.facts import Facts
from newsevents.validation.fast.jsonl import BLOCK_BYTES
from newsevents.validation.fast.resolve import RunIndex
from newsevents.validation.fast.scan import rows_referring
from newsevents.validation.fast.sources import (
    Item,
    JsonlSource,
    ParquetSource,
    parquet_kind,
)
from newsevents.validation.fast.targets import add_documents, register_targets
from newsevents.validation.issue import InputFile, Report
from newsevents.validation.runner import DEFAULT_MAX_ISSUES, Progress, Run
from newsevents.validation.selection import Selection

PathLike = str | os.PathLike[str]
Source = JsonlSource | ParquetSource
GIVEN_BYTES = 128 << 20
"""Largest Parquet document table (text bytes) read ahead for every chunk's span checks."""


def validate_fast(
    paths: PathLike | Iterable[PathLike],
    *,
    documents: PathLike | Iterable[PathLike] | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    max_issues: int | None = DEFAULT_MAX_ISSUES,
    strict: bool = False,
    progress: Progress | None = None,
) -> Report:
    """Validate files as :func:`newsevents.validate` does, vectorized where Arrow can;
    ``progress`` is called with (bytes scanned, bytes in all input files) as it goes."""
    return validate_with(
        paths,
        inline,
        jobs=1,
        documents=documents,
        select=select,
        ignore=ignore,
        max_issues=max_issues,
        strict=strict,
        progress=progress,
    )


def validate_with(
    paths: PathLike | Iterable[PathLike],
    mapper: Mapper,
    *,
    jobs: int = 2,
    documents: PathLike | Iterable[PathLike] | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    max_issues: int | None = DEFAULT_MAX_ISSUES,
    strict: bool = False,
    progress: Progress | None = None,
) -> Report:
    """Validate files with the chunk scans run by ``mapper`` (``inline``, a process pool's,
    a cluster's: see :func:`newsevents.validation.parallel.cluster_mapper`); JSON Lines files
    are cut for about ``jobs`` workers.  ``progress`` is called with (bytes scanned, bytes in
    all input files)."""
    run = Run(Selection.of(select, ignore), max_issues, strict)
    if documents is not None:
        run.read_documents(listed(documents))
    fast = FastRun(run, progress)
    fast.read_files(listed(paths), jobs=jobs, mapper=mapper)
    return fast.finish()


def inline(scan: Scan, tasks: list[ChunkTask], outside: list[DocumentBatch]) -> Iterator[ChunkScan]:
    """Run the chunk scans here, one after the other, each when the one before is merged."""
    for task, documents in zip(tasks, outside, strict=True):
        yield scan(task, documents)


def listed(given: PathLike | Iterable[PathLike]) -> list[PathLike]:
    return [given] if isinstance(given, str | os.PathLike) else list(given)


def outside_documents(run: Run) -> DocumentBatch:
    """The documents the run took from ``documents=`` files, as Arrow arrays."""
    texts = [
        t
        for t in run.state.documents.texts.values()
        if t.id in run.state.references.outside_documents
    ]
    return DocumentBatch(
        pa.array([t.id for t in texts], pa.string()),
        pa.array([t.text for t in texts], pa.large_string()),
        pa.array([t.published for t in texts], pa.date32()),
        pa.array([False] * len(texts), pa.bool_()),
    )


Scan = Callable[[ChunkTask, DocumentBatch], ChunkScan]
Mapper = Callable[[Scan, list[ChunkTask], list[DocumentBatch]], Iterable[ChunkScan]]
"""How chunk scans run: ``map``, or the ``map`` of a process pool (results in task order)."""


class FastRun:
    """Reads files through the fast path and hands the rest to a reference run."""

    def __init__(self, run: Run, progress: Progress | None = None) -> None:
        self.run = run
        self.outside = outside_documents(run)
        self.index = RunIndex()
        self.index.add_outside(self.outside.ids)
        self.sources: dict[int, Source] = {}
        self.bases: dict[tuple[int, int], int] = {}
        self.suspect: dict[tuple[int, int], set[int]] = {}
        self.kept: dict[tuple[int, int], dict[int, Item]] = {}
        self.whole: list[tuple[int, FileReading]] = []
        self.progress = progress
        self.merged: dict[int, Merged] = {}
        self.total = 0
        self.done = 0

    def read_files(
        self, paths: Iterable[PathLike], jobs: int = 1, mapper: Mapper | None = None
    ) -> None:
        """Scan every file the paths name (folders are walked): the fast-path chunks through
        ``mapper`` (``map``, or a process pool's), the rest here; merge in input order, each
        chunk as it comes."""
        tasks: list[ChunkTask] = []
        described: dict[int, InputFile | None] = {}
        hashes: dict[int, Future[tuple[int, str]]] = {}
        sources = list(find_files(paths))
        self.total = sum(_size(s.path) for s in sources if s.problem is None)
        with ThreadPoolExecutor(max_workers=1) as hasher:
            for file_index, source in enumerate(sources):
                self.run.collector.file_seen(source.display)
                if source.problem is not None:
                    self.run.problem(Where(source.display), source.problem)
                    described[file_index] = InputFile(source.display, "unknown", "input")
                    continue
                chunks = self._plan(source.path, source.display, file_index, jobs)
                if not chunks:
                    described[file_index] = self._read_whole(file_index, source)
                    continue
                described[file_index] = None
                tasks.extend(chunks)
                if len(chunks) > 1:
                    hashes[file_index] = hasher.submit(file_sha256, source.path)
            given = [self._given(tasks)] * len(tasks)
            scan: Scan = scan_chunk
            if mapper is None or mapper is inline:  # batches merged as they are scanned
                scan = partial(_scan_here, done=self._scanning, keep=self._keep)
            left = Counter(task.file for task in tasks)
            for found in (mapper or inline)(scan, tasks, given):
                file_index = found.task.file
                merged = self.merged.setdefault(file_index, Merged())
                self._merge(file_index, found, merged)
                left[file_index] -= 1
                if left[file_index] == 0:
                    hashed = hashes[file_index].result() if file_index in hashes else None
                    described[file_index] = self._described(file_index, merged, hashed)
        self.run.files.extend(f for f in described.values() if f is not None)

    def _scanning(self, done: int) -> None:
        if self.progress is not None:
            self.progress(self.done + done, self.total)

    def _given(self, tasks: list[ChunkTask]) -> DocumentBatch:
        """The documents every chunk starts with: the outside ones and the document tables
        (Parquet) small enough to read ahead."""
        parts = [self.outside]
        for task in tasks:
            if task.format == "parquet" and task.kind == "document":
                table = document_table(Path(task.path), GIVEN_BYTES)
                if table is not None:
                    parts.append(table)
        return DocumentBatch.concat(parts)

    def _plan(self, path: Path, display: str, file_index: int, jobs: int) -> list[ChunkTask]:
        file_format = FORMATS.get(path.suffix.lower())
        if file_format == "jsonl":
            source = JsonlSource(path, display, file_index, block_bytes=BLOCK_BYTES)
            self.sources[file_index] = source
            return plan(path, display, file_index, jobs)
        kind = parquet_kind(path) if file_format == "parquet" else None
        if kind is None:
            return []
        self.sources[file_index] = ParquetSource(path, display, file_index, kind)
        return [ChunkTask(str(path), display, file_index, "parquet", kind)]

    def _merge(self, file_index: int, scan: ChunkScan, merged: Merged) -> None:
        """Add a chunk scan, shifting lines and records to count from the file's start and
        numbering the batches in file order."""
        if self.index.table.empty and not self.index.table.ambiguous:
            self.index.table = scan.table  # the first chunk's table, taken as it is
        else:
            self.index.table.extend(scan.table)
        for scanned in scan.batches:
            self._merge_batch(file_index, scanned, merged)
        scan.batches.clear()
        merged.lines += scan.lines
        merged.records += scan.records
        merged.bytes += scan.bytes
        merged.sha256 = merged.sha256 or scan.sha256
        if scan.documents_seen:
            self.run.state.documents.note_unchecked()
        self.done += scan.bytes
        self._scanning(0)

    def _keep(self, task: ChunkTask, scanned: ScannedBatch) -> None:
        """Merge a batch as soon as it is scanned (chunks scanned here, in order)."""
        self._merge_batch(task.file, scanned, self.merged.setdefault(task.file, Merged()))

    def _merge_batch(self, file_index: int, scanned: ScannedBatch, merged: Merged) -> None:
        source = self.sources[file_index]
        number = len(source.facts.extents)
        offset, size, first_line, first_record = scanned.extent
        extent = (offset, size, first_line + merged.lines, first_record + merged.records)
        source.facts.extents.append(extent)
        key = (file_index, number)
        self.index.add(key, scanned.facts)
        self.bases[key] = extent[3]
        if len(scanned.suspect):
            self.suspect[key] = {int(p) for p in scanned.suspect}

    def _described(
        self, file_index: int, merged: Merged, hashed: tuple[int, str] | None
    ) -> InputFile:
        source = self.sources[file_index]
        size, sha256 = hashed or (merged.bytes, str(merged.sha256))
        file_format = "jsonl" if isinstance(source, JsonlSource) else "parquet"
        return InputFile(source.display, file_format, "input", size, sha256, merged.records)

    def _read_whole(self, file_index: int, given: Any) -> InputFile:
        reading = FileReading(given.path, given.display)
        key = (file_index, 0)
        self.index.add(key, Facts())
        self.bases[key] = 0
        items: dict[int, Item] = {}
        for position, item in enumerate(reading):
            items[position] = item
            self._note_item(key, position, item)
        self.kept[key] = items
        self.whole.append((file_index, reading))
        self.done += reading.bytes or 0
        self._scanning(0)
        return InputFile(
            reading.display,
            reading.format,
            "input",
            reading.bytes,
            reading.sha256,
            reading.records,
        )

    def _note_item(self, key: tuple[int, int], position: int, item: Item) -> None:
        record = item[1]
        if isinstance(record, dict):
            self.index.add_record(key, position, record)
            if record.get("record_type") == "document" and isinstance(record.get("text"), str):
                self.run.state.documents.note_unchecked()

    def finish(self) -> Report:
        """Resolve across files, validate every suspect row by the reference path, report."""
        resolution = self.index.resolve(self.run.state.documents.at_hand)
        late = {key: set(rows) for key, rows in self.suspect.items()}
        for key, rows in resolution.late.items():
            late.setdefault(key, set()).update(rows)
        if len(resolution.ambiguous):
            for key in sorted(self.index.kept):
                source = self.sources.get(key[0])
                if source is not None:
                    found = rows_referring(source.batch(key[1]), {}, resolution.ambiguous)
                    late.setdefault(key, set()).update(found)
        for key in sorted(set(late) | set(self.kept)):
            self._validate(key, late.get(key, set()))
        add_documents(self)
        register_targets(self)
        self.index.release()
        return self.run.finish()

    def _validate(self, key: tuple[int, int], positions: set[int]) -> None:
        """Run the reference path on the rows at ``positions`` of batch ``key``, in order
        (records are read again here, one batch at a time, and not kept)."""
        items = dict(self.kept.pop(key, {}))
        source = self.sources.get(key[0])
        fresh = sorted(positions - set(items))
        if source is not None and fresh:
            items.update(source.batch(key[1], parse=False).items(fresh))
        skip = self._skip(key[0])
        for position in sorted(items):
            where, record = items[position]
            if isinstance(record, ReadProblem):
                self.run.problem(where, record)
            else:
                place = RecordPlace(where.file, key[0], where.record, where.line)
                self.run.record(record, place, skip)

    def _skip(self, file_index: int) -> frozenset[str]:
        for index, reading in self.whole:
            if index == file_index:
                return reading.skip_pointers
        return frozenset()

    def display(self, file_index: int) -> str | None:
        """How file ``file_index`` is named in the report."""
        source = self.sources.get(file_index)
        if source is not None:
            return source.display
        return next((r.display for i, r in self.whole if i == file_index), None)


@dataclass
class Merged:
    """What the chunks of one file merged so far add up to."""

    lines: int = 0
    records: int = 0
    bytes: int = 0
    sha256: str | None = None


def _scan_here(task: ChunkTask, given: DocumentBatch, done: Done, keep: Keep) -> ChunkScan:
    return scan_chunk(task, given, done, keep)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
