"""Reading records to migrate from files, and writing the migrated records (through
:func:`newsevents.io.outputs.open_output`, as every command writes its output)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.io.outputs import open_output
from newsevents.validation.issue import InputFile, Issue


@dataclass
class Source:
    """The records of one file, and the problems reading it."""

    file: InputFile
    records: list[dict[str, Any]] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    """Each record's index among the file's values (values that are no object are skipped)."""
    problems: list[Issue] = field(default_factory=list)


def read_records(paths: Sequence[str | os.PathLike[str]]) -> Iterator[Source]:
    """Yield the records of every JSON, JSON Lines and Parquet file in ``paths``.

    The files are found and read by the validator's own reader, so a migration meets every
    path and byte the way ``newsevents validate`` does: a FIFO, a broken link, another
    encoding or a repeated key is the same coded issue, and no value is dropped silently.
    """
    from newsevents.io.readers import FileReading, ReadProblem, Where, find_files
    from newsevents.validation.runner import problem_issue

    for found in find_files(paths):
        if found.problem is not None:
            problem = problem_issue(Where(found.display), found.problem)
            yield Source(InputFile(found.display, "unknown"), problems=[problem])
            continue
        reading = FileReading(found.path, found.display)
        source = Source(InputFile(found.display, reading.format))
        for where, item in reading:
            if isinstance(item, ReadProblem):
                source.problems.append(problem_issue(where, item))
            else:
                source.records.append(item)
                source.positions.append(where.record or 0)
        source.file = InputFile(
            reading.display,
            reading.format,
            "input",
            reading.bytes,
            reading.sha256,
            len(source.records),
        )
        yield source


def write_records(
    records: Sequence[dict[str, Any]], path: Path, inputs: Iterable[str | os.PathLike[str]] = ()
) -> None:
    """Write ``records`` as JSON Lines (``.jsonl``) or as a JSON array (``.json``).

    Raises :class:`~newsevents.io.outputs.OutputError` when ``path`` cannot be written or is
    one of ``inputs``.
    """
    if path.suffix.lower() == ".json":
        text = json.dumps(list(records), ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    with open_output(path, inputs) as stream:
        stream.write(text)
