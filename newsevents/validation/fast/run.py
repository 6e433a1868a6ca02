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
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from newsevents.io.readers import FORMATS, FileReading, ReadProblem, Where, find_files
from newsevents.validation.checks.anchoring import DocumentText
from newsevents.validation.checks.registry import RecordPlace
from newsevents.validation.fast.chunks import (
    ChunkScan,
    ChunkTask,
    document_table,
    file_sha256,
    plan,
    scan_chunk,
)
from newsevents.validation.fast.columns import as_flags
from newsevents.validation.fast.documents import DocumentBatch
from newsevents.validation.fast.facts import Facts
from newsevents.validation.fast.scan import RunIndex, lines_naming, rows_referring
from newsevents.validation.fast.sources import (
    Item,
    JsonlSource,
    ParquetSource,
    parquet_kind,
)
from newsevents.validation.issue import InputFile, Report
from newsevents.validation.runner import DEFAULT_MAX_ISSUES, Run, publication_date
from newsevents.validation.selection import Selection

PathLike = str | os.PathLike[str]
Source = JsonlSource | ParquetSource
_SHIFT = 40  # how the reference index packs (file, record) into one int
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
) -> Report:
    """Validate files as :func:`newsevents.validate` does, vectorized where Arrow can."""
    run = Run(Selection.of(select, ignore), max_issues, strict)
    if documents is not None:
        run.read_documents(listed(documents))
    fast = FastRun(run)
    fast.read_files(listed(paths))
    return fast.finish()


def inline(scan: Scan, tasks: list[ChunkTask], outside: list[DocumentBatch]) -> list[ChunkScan]:
    """Run the chunk scans here, one after the other."""
    return [scan(task, documents) for task, documents in zip(tasks, outside, strict=True)]


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

    def __init__(self, run: Run) -> None:
        self.run = run
        self.outside = outside_documents(run)
        self.index = RunIndex()
        self.sources: dict[int, Source] = {}
        self.bases: dict[tuple[int, int], int] = {}
        self.suspect: dict[tuple[int, int], set[int]] = {}
        self.kept: dict[tuple[int, int], dict[int, Item]] = {}
        self.whole: list[tuple[int, FileReading]] = []
        self.documents_seen = False

    def read_files(
        self, paths: Iterable[PathLike], jobs: int = 1, mapper: Mapper | None = None
    ) -> None:
        """Scan every file the paths name (folders are walked): the fast-path chunks through
        ``mapper`` (``map``, or a process pool's), the rest here; merge in input order."""
        tasks: list[ChunkTask] = []
        described: dict[int, InputFile | None] = {}
        hashes: dict[int, Future[tuple[int, str]]] = {}
        with ThreadPoolExecutor(max_workers=1) as hasher:
            for file_index, source in enumerate(find_files(paths)):
                self.run.collector.file_seen(source.display)
                if source.problem is not None:
                    self.run._problem(Where(source.display), source.problem)
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
            scans = list((mapper or inline)(scan_chunk, tasks, given))
            for file_index in described:
                if described[file_index] is None:
                    mine = [scan for scan in scans if scan.task.file == file_index]
                    hashed = hashes[file_index].result() if file_index in hashes else None
                    described[file_index] = self._merge(file_index, mine, hashed)
        self.run.files.extend(f for f in described.values() if f is not None)

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
            self.sources[file_index] = JsonlSource(path, display, file_index)
            return plan(path, display, file_index, jobs)
        kind = parquet_kind(path) if file_format == "parquet" else None
        if kind is None:
            return []
        self.sources[file_index] = ParquetSource(path, display, file_index, kind)
        return [ChunkTask(str(path), display, file_index, "parquet", kind)]

    def _merge(
        self, file_index: int, scans: list[ChunkScan], hashed: tuple[int, str] | None
    ) -> InputFile:
        """Add a file's chunk scans, shifting lines and records to count from the file's
        start and numbering the batches in file order."""
        source = self.sources[file_index]
        line, record = 0, 0
        for scan in scans:
            for scanned in scan.batches:
                number = len(source.facts.extents)
                offset, size, first_line, first_record = scanned.extent
                extent = (offset, size, first_line + line, first_record + record)
                source.facts.extents.append(extent)
                key = (file_index, number)
                self.index.add(key, scanned.facts)
                self.bases[key] = extent[3]
                if len(scanned.suspect):
                    self.suspect[key] = {int(p) for p in scanned.suspect}
            line, record = line + scan.lines, record + scan.records
            self.documents_seen = self.documents_seen or scan.documents_seen
        size, sha256 = hashed or (sum(s.bytes for s in scans), str(scans[0].sha256))
        file_format = "jsonl" if isinstance(source, JsonlSource) else "parquet"
        return InputFile(source.display, file_format, "input", size, sha256, record)

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
                self.documents_seen = True

    def finish(self) -> Report:
        """Resolve across files, validate every suspect row by the reference path, report."""
        at_hand = self.documents_seen or len(self.outside.ids) > 0
        resolution = self.index.resolve(self.outside.ids, at_hand)
        late = {key: set(rows) for key, rows in self.suspect.items()}
        for key, rows in resolution.late.items():
            late.setdefault(key, set()).update(rows)
        for key in sorted(resolution.rescan):
            source = self.sources.get(key[0])
            if source is None:
                continue
            named = None
            if isinstance(source, JsonlSource):
                named = lines_naming(source.batch(key[1], parse=False), resolution.unknown)
            if named is None:
                named = rows_referring(source.batch(key[1]), resolution.unknown)
            late.setdefault(key, set()).update(named)
        for key in sorted(set(late) | set(self.kept)):
            self._validate(key, late.get(key, set()))
        self._add_documents(at_hand)
        self._register_targets()
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
                self.run._problem(where, record)
            else:
                place = RecordPlace(where.file, key[0], where.record, where.line)
                self.run.record(record, place, skip)

    def _skip(self, file_index: int) -> frozenset[str]:
        for index, reading in self.whole:
            if index == file_index:
                return reading.skip_pointers
        return frozenset()

    def _add_documents(self, at_hand: bool) -> None:
        """Give the reference run the texts its suspect events wait for (and, when documents
        are at hand at all, at least one, as the reference run would have)."""
        store = self.run.state.documents
        wanted = set(store.waiting())
        found = self._documents(wanted, first_only=False) if wanted else []
        if at_hand and not store.texts and not found:
            found = self._documents(set(), first_only=True)
        for raw in found:
            text = DocumentText(raw["id"], raw["text"], publication_date(raw.get("publication")))
            self.run.collector.extend(store.add(text))

    def _documents(self, wanted: set[str], first_only: bool) -> list[dict[str, Any]]:
        """The first record of each wanted document id (or the first of any document)."""
        found: dict[str, dict[str, Any]] = {}
        value_set = pa.array(sorted(wanted), pa.string())
        for key, kept in sorted(self.index.kept.items()):
            ids, positions = kept.ids["document"]
            if first_only:
                hits = np.arange(min(len(ids), 1))
            else:
                hits = np.flatnonzero(as_flags(pc.is_in(ids, value_set=value_set)))
            if len(hits) == 0:
                continue
            source = self.sources.get(key[0])
            batch = source.batch(key[1], parse=False) if source is not None else None
            for hit in hits:
                position = int(positions[hit])
                if batch is None:
                    continue  # a file the reference read whole: its documents are added
                item = batch.item(position)
                record = item[1]
                if isinstance(record, dict) and isinstance(record.get("text"), str):
                    found.setdefault(str(record.get("id")), record)
            if first_only and found:
                break
        return list(found.values())

    def _register_targets(self) -> None:
        """Tell the reference index about the cleared records its suspect rows refer to."""
        references = self.run.state.references
        wanted: dict[str, set[str]] = {}
        for reference in references.pending:
            if not references.known(reference.kind, reference.target):
                wanted.setdefault(reference.kind, set()).add(reference.target)
        for kind, targets in wanted.items():
            value_set = pa.array(sorted(targets), pa.string())
            for key, kept in sorted(self.index.kept.items()):
                ids, positions = kept.ids[kind]
                for hit in np.flatnonzero(as_flags(pc.is_in(ids, value_set=value_set))):
                    name = ids[int(hit)].as_py()
                    if name in references.first[kind]:
                        continue
                    record = self.bases[key] + int(positions[hit])
                    references.first[kind][name] = key[0] << _SHIFT | record
                    references.file_names.setdefault(key[0], self._display(key[0]))
                    documents = kept.event_documents if kind == "event" else None
                    document = documents[int(hit)].as_py() if documents is not None else None
                    if isinstance(document, str):
                        references.event_document[name] = document

    def _display(self, file_index: int) -> str | None:
        source = self.sources.get(file_index)
        if source is not None:
            return source.display
        return next((r.display for i, r in self.whole if i == file_index), None)
