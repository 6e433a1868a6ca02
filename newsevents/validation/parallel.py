"""Validation in several worker processes, with the report of a single-process run.

Files are cut into chunks (a JSON Lines file on line ends, a Parquet file whole) and each
chunk is scanned by the fast path in a worker process.  Workers send back ids, reference
edges and suspect positions, never records; the parent merges them in input order, resolves
references across every file, and runs the per-record reference path on the suspect rows in
(file, record) order, so the report does not depend on how the work was shared.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from newsevents.validation.fast.chunks import ChunkScan, ChunkTask
from newsevents.validation.fast.documents import DocumentBatch
from newsevents.validation.fast.run import Mapper, Scan, inline, validate_with
from newsevents.validation.issue import Report
from newsevents.validation.runner import DEFAULT_MAX_ISSUES, Progress

PathLike = str | os.PathLike[str]
_PRELOAD = ["newsevents.validation.fast.chunks"]


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def cluster_mapper(client: Any) -> Mapper:
    """A mapper running chunk scans on a Dask ``distributed`` cluster (``client.map``)."""

    def mapper(scan: Scan, tasks: list[ChunkTask], given: list[DocumentBatch]) -> list[ChunkScan]:
        futures = client.map(scan, tasks, given, pure=False)
        found: list[ChunkScan] = client.gather(futures)
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
    """Validate files in ``jobs`` worker processes (default: every CPU); same report as
    :func:`newsevents.validate` on the same files.  ``progress`` is called with (bytes
    scanned, bytes in all input files) as chunks are merged."""
    jobs = jobs or default_jobs()
    options: dict[str, Any] = {
        "documents": documents,
        "select": select,
        "ignore": ignore,
        "max_issues": max_issues,
        "strict": strict,
        "progress": progress,
    }
    if jobs <= 1:
        return validate_with(paths, inline, jobs=1, **options)
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:

        def mapper(scan: Scan, tasks: list[ChunkTask], given: list[DocumentBatch]) -> Any:
            return pool.map(scan, tasks, given)

        return validate_with(paths, mapper, jobs=jobs, **options)


__all__ = ["cluster_mapper", "default_jobs", "validate_paths", "validate_with"]
