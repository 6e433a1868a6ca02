"""Convert and validate in one step: a GDELT, ACLED or PLOVER file checked as it is.

The source's rows are converted and each record goes through the validator's reference
run, located at its source row (file, row, line); the conversion's issues join the same
report, so ``newsevents validate --from gdelt FILE`` gives one report of both.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from newsevents.crosswalk.common import Conversion
from newsevents.crosswalk.convert import source_rows
from newsevents.io.paths import size_and_sha256
from newsevents.validation.checks.registry import RecordPlace
from newsevents.validation.issue import InputFile, Report
from newsevents.validation.runner import DEFAULT_MAX_ISSUES, Run
from newsevents.validation.selection import Selection


def validate_source(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    source: str,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    max_issues: int | None = DEFAULT_MAX_ISSUES,
    strict: bool = False,
    only: Iterable[str] | None = None,
) -> Report:
    """Convert ``paths`` from ``source`` and validate the records; one report of both."""
    given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    run = Run(Selection.of(select, ignore), max_issues, strict)
    conversion = Conversion(sink=run.collector.add)
    records: dict[str, int] = {}
    for row, record in source_rows(given, source, conversion, only):
        place = RecordPlace(row.file, 0, row.row, row.line)
        run.record(record, place)
        records[row.file] = records.get(row.file, 0) + 1
    for path in given:
        size, digest = _fingerprint(Path(path))
        count = records.get(str(path), 0)
        run.files.append(InputFile(str(path), source, "input", size, digest, count))
    return run.finish()


def _fingerprint(path: Path) -> tuple[int | None, str | None]:
    """The size and sha256 of a source file, as the report lists every file it read."""
    try:
        return size_and_sha256(path)
    except OSError:  # the conversion has reported why it could not be read
        return None, None
