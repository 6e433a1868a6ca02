"""Validation in several worker processes, with the report of a single-process run.

The input is cut into parts: a JSON Lines file into byte ranges from line start to line start
(their records and lines counted first, so every record keeps its number), a Parquet file
into row groups, any other file whole.  Each part is validated in a worker by the same
:class:`~newsevents.validation.runner.Run` as in one process, with a :class:`PartState` in
place of the run's state: what needs the other parts (ids, document texts, references not
resolved inside the part, spans waiting for their document) is kept and sent back with the
part's issues.  The parent replays it, part after part in input order, on one state and
finishes the run: the report is the one-process report, issue for issue, in the same order.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sys
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from sys import intern
from typing import Any, TypeVar

import pyarrow.parquet as pq

from newsevents.io.paths import size_and_sha256
from newsevents.io.readers import FileReading, find_files
from newsevents.validation.checks.anchoring import (
    DocumentStore,
    DocumentText,
    Work,
    waiting_form,
)
from newsevents.validation.checks.references import Reference, ReferenceIndex
from newsevents.validation.checks.registry import RecordPlace
from newsevents.validation.checks.state import RunState
from newsevents.validation.collector import IssueCollector
from newsevents.validation.issue import InputFile, Issue, Report
from newsevents.validation.runner import DEFAULT_MAX_ISSUES, Progress, Run, _size, validate
from newsevents.validation.selection import Selection
from newsevents.validation.spill import Row, from_row, to_row

PathLike = str | os.PathLike[str]
Task = TypeVar("Task")
Done = TypeVar("Done")
Mapper = Callable[[Callable[[Task], Done], Sequence[Task]], Iterable[Done]]
"""Runs a function on every task, in worker processes or on a cluster; results in order."""

MIN_PART_BYTES = 4 << 20
"""The smallest JSON Lines part worth a task of its own."""
MAX_PART_BYTES = 64 << 20
"""The largest JSON Lines part: what a worker holds of one (texts, issues) stays small."""
MAX_LISTING_PART_BYTES = 1 << 20
"""The largest part when every issue is listed: a worker sends every issue of its part."""
PARTS_PER_JOB = 4
_PRELOAD = ["newsevents.validation.parallel"]


def usable_cores() -> int:
    """The number of CPUs this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def default_jobs() -> int:
    """The default number of worker processes: every usable CPU."""
    return usable_cores()


@dataclass(frozen=True, slots=True)
class Part:
    """A part of one input file: what a worker validates in one task."""

    path: str
    display: str
    file_index: int
    span: tuple[int, int | None, int] | None = None  # FileReading.part; None: the whole file
    first_record: int = 0
    codes: tuple[tuple[str, ...] | None, tuple[str, ...] | None] = (None, None)
    foreign: frozenset[str] = frozenset()  # documents given apart (--documents)
    max_issues: int | None = None  # listed per code (None: all)


@dataclass(slots=True)
class PartResult:
    """A part's issues and what its records leave for the run as a whole."""

    issues: list[Row]  # as rows: pickled three times faster than the dataclasses
    unlisted: dict[str, int]  # issues found, by code, that cannot be among the listed
    records: int
    problems: int
    registered: list[Registered]
    documents: Texts
    waiting: list[tuple[str, RecordPlace, Work]]
    pending: list[Pending]
    reports: list[Edges]
    used: set[str]
    format: str
    bytes: int | None
    sha256: str | None


Edges = tuple[str, int | None, int | None, tuple[str, ...]]
"""A statement's id, record and line numbers, and the statements it reports."""
Registered = tuple[str, str, str | None, int | None, int | None]
"""A record's kind, id, document (events) and its record and line numbers."""
Pending = tuple[str, str, int | None, int | None, str | None, str, str | None]
Texts = list[tuple[str, str | None, dt.date | None]]
"""A reference: kind, target, record and line numbers, record id, pointer, document."""


def settled(index: ReferenceIndex, kind: str, target: str, from_document: str | None) -> bool:
    """Whether a reference needs nothing more: its target is known and nothing else is asked
    of it (a statement's report of an event is checked against the event's document)."""
    return from_document is None and index.known(kind, target)


class PartReferences(ReferenceIndex):
    """The reference index of a part: ids are kept for the parent, which decides duplicates;
    a reference is settled here when the part holds its target, else sent to the parent.
    What is sent is plain tuples: unpickling an object costs ten times more."""

    def __init__(self) -> None:
        super().__init__()
        self.registered: list[Registered] = []
        self.unsettled: list[Pending] = []

    def register(self, record: dict[str, Any], place: RecordPlace) -> tuple[Issue, ...]:
        kind, record_id = record.get("record_type"), record.get("id")
        if isinstance(kind, str) and kind in self.first and isinstance(record_id, str):
            document_id = record.get("document_id")
            wanted = (
                intern(document_id) if kind == "event" and isinstance(document_id, str) else None
            )
            self.registered.append((kind, record_id, wanted, place.record, place.line))
            self.know(kind, record_id, place, wanted)
        return ()

    def resolve(self, reference: Reference) -> Iterator[Issue]:
        kind, target, place = reference.kind, reference.target, reference.place
        if not settled(self, kind, target, reference.from_document):
            # Interned, a target or pointer repeated in the part is pickled once.
            record_id, pointer, document_id = (
                reference.record_id,
                intern(reference.pointer),
                reference.from_document,
            )
            self.unsettled.append(
                (kind, intern(target), place.record, place.line, record_id, pointer, document_id)
            )
        return iter(())


class PartDocuments(DocumentStore):
    """The document store of a part: every text goes to the parent, which holds them all
    (the first of an id wins across all parts).  Work on a document of the part itself is done
    here, and the parent checks that this document is indeed the first of its id; work on any
    other document goes to the parent."""

    def __init__(self, foreign: frozenset[str] = frozenset()) -> None:
        super().__init__()
        self.foreign = foreign
        self.added: list[DocumentText] = []
        self.waiting_work: list[tuple[str, RecordPlace, Work]] = []
        self.used: set[str] = set()

    def add(self, document: DocumentText) -> Iterator[Issue]:
        self.added.append(document)
        if document.id not in self.foreign and document.id not in self.texts:
            self.texts[document.id] = document
        return iter(())

    def when_available(self, document_id: str, place: RecordPlace, work: Work) -> Iterator[Issue]:
        document = self.texts.get(document_id)
        if document is not None:
            self.used.add(document_id)
            return work(document)
        self.waiting_work.append((document_id, place, waiting_form(work)))
        return iter(())


class Redo(Exception):
    """A part used a document that is not the first of its id: validate in one process."""


@dataclass(slots=True)
class PartState(RunState):
    """The state of a run over one part."""

    documents: PartDocuments = field(default_factory=PartDocuments)
    references: PartReferences = field(default_factory=PartReferences)


def _reading(part: Part) -> FileReading:
    reading = FileReading(Path(part.path), part.display)
    reading.part = part.span
    reading.records = part.first_record
    return reading


def count_part(part: Part) -> tuple[int, int]:
    """(lines, records) in a JSON Lines part."""
    assert part.span is not None
    start, end, _ = part.span
    with Path(part.path).open("rb") as stream:
        stream.seek(start)
        data = stream.read() if end is None else stream.read(end - start)
    lines = data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
    records = sum(1 for _ in _reading(part).lines(start, end))
    return lines, records


def validate_part(part: Part) -> PartResult:
    """Validate one part in this process; return its issues and what it leaves."""
    state = PartState(PartDocuments(part.foreign))
    selection = Selection.of(*part.codes)
    # No spill: what is kept of a part is sent whole; a part is at most MAX_PART_BYTES, and
    # MAX_LISTING_PART_BYTES when every issue is listed.
    issues = IssueCollector(selection, part.max_issues, spill_at=sys.maxsize)
    run = Run(selection, None, False, state=state, collector=issues)
    reading = _reading(part)
    problems = run.read(reading, part.file_index, reading)
    listed, unlisted = issues.first()
    return PartResult(
        issues=[to_row(issue) for issue in listed],
        unlisted=unlisted,
        records=reading.records - part.first_record,
        problems=problems,
        registered=state.references.registered,
        documents=[(d.id, d.text, d.published) for d in state.documents.added],
        waiting=state.documents.waiting_work,
        pending=state.references.unsettled,
        reports=[
            (key, place.record, place.line, targets)
            for key, (place, targets) in state.references.reports.items()
        ],
        used=state.documents.used,
        format=reading.format,
        bytes=reading.bytes,
        sha256=reading.sha256,
    )


def merge(run: Run, part: Part, result: PartResult) -> None:
    """Replay what a part left on the run's state, in the part's order."""
    add = run.collector.extend
    add(map(from_row, result.issues))
    for code, count in result.unlisted.items():
        run.collector.add_uncounted(code, count)
    references, documents = run.state.references, run.state.documents
    file, index = part.display, part.file_index
    register = references.register_id
    for kind, record_id, document_id, number, line in result.registered:
        duplicate = register(kind, record_id, RecordPlace(file, index, number, line), document_id)
        if duplicate:
            add(duplicate)
    fresh = set()
    for key, text, published in result.documents:
        if key not in documents.texts:
            fresh.add(key)
        add(documents.add(DocumentText(key, text, published)))
    if not result.used <= fresh:
        raise Redo(sorted(result.used - fresh))
    for document_id, place, work in result.waiting:
        add(documents.when_available(document_id, place, work))
    for kind, target, number, line, source, pointer, from_document in result.pending:
        if not settled(references, kind, target, from_document):
            place = RecordPlace(file, index, number, line)
            reference = Reference(kind, target, place, source, pointer, from_document)
            add(references.resolve(reference))
    edges = references.reports
    for record_id, number, line, targets in result.reports:
        if record_id not in edges:
            edges[record_id] = (RecordPlace(file, index, number, line), targets)


def plan(
    reading: FileReading,
    index: int,
    jobs: int,
    part_bytes: int = MIN_PART_BYTES,
    largest: int = MAX_PART_BYTES,
) -> list[Part]:
    """Cut one input file into parts of ``part_bytes`` to ``largest`` bytes (record numbers
    still to be counted for JSON Lines)."""
    path, display = str(reading.path), reading.display
    if reading.format == "parquet":
        try:
            groups = pq.read_metadata(path).row_groups_rows()
        except Exception:  # not Parquet after all: the worker reads it whole and says so
            return [Part(path, display, index)]
        step = max(1, -(-len(groups) // (jobs * PARTS_PER_JOB)))
        parts, first = [], 0
        for start in range(0, len(groups), step):
            end = min(start + step, len(groups))
            parts.append(Part(path, display, index, (start, end, 0), first))
            first += sum(groups[start:end])
        return parts or [Part(path, display, index)]
    if reading.format != "jsonl":
        return [Part(path, display, index)]
    size = _size(reading.path)
    target = max(min(part_bytes, largest), min(largest, -(-size // (jobs * PARTS_PER_JOB))))
    starts = [0]
    with reading.path.open("rb") as stream:
        while starts[-1] + target < size:
            stream.seek(starts[-1] + target)
            stream.readline()  # to the next line start
            if stream.tell() >= size:
                break
            starts.append(stream.tell())
    ends: list[int | None] = [*starts[1:], None]
    return [Part(path, display, index, (s, e, 1)) for s, e in zip(starts, ends, strict=True)]


def _numbered(parts: list[Part], counts: Iterator[tuple[int, int]]) -> list[Part]:
    """Give each JSON Lines part its first line and first record number."""
    numbered, line, record = [], 1, 0
    for part, (lines, records) in zip(parts, counts, strict=True):
        assert part.span is not None
        start, end, _ = part.span
        if start == 0:  # a file's first part
            line, record = 1, 0
        numbered.append(replace(part, span=(start, end, line), first_record=record))
        line, record = line + lines, record + records
    return numbered


def validate_with(
    paths: PathLike | Iterable[PathLike],
    mapper: Mapper[Any, Any],
    *,
    jobs: int = 2,
    documents: PathLike | Iterable[PathLike] | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    max_issues: int | None = DEFAULT_MAX_ISSUES,
    strict: bool = False,
    progress: Progress | None = None,
    part_bytes: int = MIN_PART_BYTES,
    source_format: str | None = None,
) -> Report:
    """Validate files, their parts run by ``mapper`` (``jobs`` says how finely to cut them,
    ``part_bytes`` how small a JSON Lines part may be); the report of
    :func:`newsevents.validate` on the same files.  Files of another format
    (``source_format``) are converted and validated in this process."""
    given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    options: dict[str, Any] = {"select": select, "ignore": ignore, "max_issues": max_issues}
    if source_format is not None:
        return validate(given, strict=strict, source_format=source_format, **options)
    options.update(documents=documents, strict=strict, progress=progress)
    try:
        return _in_parts(given, mapper, jobs, part_bytes, **options)
    except Redo:  # a document id repeated across parts: rare, and settled in one process
        return validate(given, **options)


def _in_parts(
    paths: list[PathLike],
    mapper: Mapper[Any, Any],
    jobs: int,
    part_bytes: int,
    *,
    documents: PathLike | Iterable[PathLike] | None,
    select: Iterable[str] | None,
    ignore: Iterable[str] | None,
    max_issues: int | None,
    strict: bool,
    progress: Progress | None,
) -> Report:
    codes = (tuple(select) if select else None, tuple(ignore) if ignore else None)
    run = Run(Selection.of(*codes), max_issues, strict)
    if documents is not None:
        run.read_documents([documents] if isinstance(documents, str | os.PathLike) else documents)
    files: list[tuple[FileReading, int, list[Part]]] = []
    for source in find_files(paths):
        index = len(run.files)
        reading = run.open(source, "input")
        if reading is not None:
            run.files.append(InputFile(reading.display, reading.format))  # until it is read
            foreign = frozenset(run.state.references.outside_documents)
            largest = MAX_PART_BYTES if max_issues else MAX_LISTING_PART_BYTES
            planned = plan(reading, index, jobs, part_bytes, largest)
            parts = [
                replace(p, codes=codes, foreign=foreign, max_issues=max_issues) for p in planned
            ]
            files.append((reading, index, parts))
    counted = [p for _, _, parts in files for p in parts if p.span and p.span[2] == 1]
    numbered = iter(_numbered(counted, iter(mapper(count_part, counted))))
    tasks = [next(numbered) if p.span and p.span[2] == 1 else p for *_, ps in files for p in ps]
    results = iter(mapper(validate_part, tasks))
    # Files read in parts are hashed here, whole, while the workers validate them.
    hashed = {i: size_and_sha256(reading.path) for reading, i, parts in files if parts[0].span}
    total, done = sum(_size(reading.path) for reading, _, _ in files), 0
    for reading, index, parts in files:
        size, digest = hashed.get(index, (None, None))
        records, problems = 0, 0
        for part in parts:
            result = next(results)
            merge(run, part, result)
            records, problems = records + result.records, problems + result.problems
            if part.span is None:
                size, digest = result.bytes, result.sha256
        read = InputFile(reading.display, reading.format, "input", size, digest, records)
        run.end_file(read, problems, index)
        done += size or 0
        if progress is not None:
            progress(done, total)
    return run.finish()


def _ahead(
    pool: ProcessPoolExecutor, function: Callable[[Task], Done], tasks: Sequence[Task], most: int
) -> Iterator[Done]:
    """``pool.map``, with at most ``most`` tasks submitted and not yet taken: results wait
    in memory only that far ahead of the parent replaying them."""
    running: deque[Any] = deque()
    for task in tasks:
        if len(running) >= most:
            yield running.popleft().result()
        running.append(pool.submit(function, task))
    while running:
        yield running.popleft().result()


def cluster_mapper(client: Any) -> Mapper[Any, Any]:
    """A mapper running the parts on a Dask ``distributed`` cluster (``client.map``)."""

    def mapper(function: Callable[[Any], Any], tasks: Sequence[Any]) -> list[Any]:
        found: list[Any] = client.gather(client.map(function, tasks, pure=False))
        return found

    return mapper


def validate_paths(
    paths: PathLike | Iterable[PathLike],
    *,
    jobs: int | None = None,
    documents: PathLike | Iterable[PathLike] | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    max_issues: int | None = DEFAULT_MAX_ISSUES,
    strict: bool = False,
    progress: Progress | None = None,
) -> Report:
    """Validate files in ``jobs`` worker processes (default and most: the usable CPUs, with
    a warning when more are asked); the report of :func:`newsevents.validate`."""
    cores = usable_cores()
    if jobs is not None and jobs > cores:
        warnings.warn(f"--jobs {jobs} capped to the {cores} usable CPU(s)", stacklevel=2)
    jobs = min(jobs or cores, cores)
    options: dict[str, Any] = {
        "documents": documents,
        "select": select,
        "ignore": ignore,
        "max_issues": max_issues,
        "strict": strict,
        "progress": progress,
    }
    if jobs <= 1:
        given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
        return validate(given, **options)
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:

        def mapper(function: Callable[[Any], Any], tasks: Sequence[Any]) -> Iterator[Any]:
            return _ahead(pool, function, tasks, 2 * jobs)

        return validate_with(paths, mapper, jobs=jobs, **options)


__all__ = [
    "Part",
    "PartResult",
    "cluster_mapper",
    "default_jobs",
    "usable_cores",
    "validate_part",
    "validate_paths",
    "validate_with",
]
