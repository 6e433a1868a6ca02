"""Convert source files: read each with its source's reader, write with the target's writer.

Every path streams: rows are read one at a time, records written as they come, and only the
ids of documents and actors already written (and, for writers, those records) are kept.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol, TextIO

import orjson

from newsevents.crosswalk.common import Conversion, Record, SourceRow

RowReader = Callable[
    [str | Path, Conversion, Iterable[str] | None], Iterator[tuple[SourceRow, Record]]
]
SOURCES: tuple[str, ...] = ("gdelt", "acled", "plover")
TARGETS: tuple[str, ...] = ("newsevents", "gdelt", "acled", "plover")


class Writer(Protocol):
    """What every target's writer does."""

    def write(self, record: Record, place: SourceRow | None = None) -> None:
        """Take one record."""

    def finish(self, file: str) -> None:
        """Report what was not written."""


def row_reader(source: str) -> RowReader:
    """The (row, record) reader of ``source``."""
    if source == "gdelt":
        from newsevents.crosswalk.gdelt import read_gdelt_rows

        return read_gdelt_rows
    if source == "acled":
        from newsevents.crosswalk.acled import read_acled_rows

        return read_acled_rows
    if source == "plover":
        from newsevents.crosswalk.plover import read_plover_rows

        return read_plover_rows
    raise ValueError(f"unknown source {source!r}; expected one of {', '.join(SOURCES)}")


def source_rows(
    paths: Sequence[str | os.PathLike[str]],
    source: str,
    conversion: Conversion,
    only: Iterable[str] | None = None,
) -> Iterator[tuple[SourceRow, Record]]:
    """Yield (row, record) for every record of every file in ``paths``."""
    reader = row_reader(source)
    for path in paths:
        read, issues = conversion.read, conversion.by_code.total()
        yield from reader(Path(path), conversion, only)
        if conversion.read == read and conversion.by_code.total() == issues:
            # no row and no problem: said, as validate says it, never a silent "0 rows"
            conversion.report("NE122", None, file=str(path), path=str(path))


class JsonLinesWriter:
    """Writes newsevents records as JSON Lines."""

    def __init__(self, stream: TextIO, conversion: Conversion) -> None:
        self.stream = stream

    def write(self, record: Record, place: SourceRow | None = None) -> None:
        """Write one record as one line."""
        self.stream.write(orjson.dumps(record).decode("utf-8") + "\n")

    def finish(self, file: str) -> None:
        """Nothing is lost in our own format."""


def writer_for(target: str, stream: TextIO, conversion: Conversion) -> Writer:
    """The writer of ``target`` over ``stream``."""
    if target == "newsevents":
        return JsonLinesWriter(stream, conversion)
    if target == "gdelt":
        from newsevents.crosswalk.gdelt import GdeltWriter

        return GdeltWriter(stream, conversion)
    if target == "acled":
        from newsevents.crosswalk.acled import AcledWriter

        return AcledWriter(stream, conversion)
    if target == "plover":
        from newsevents.crosswalk.plover import PloverWriter

        return PloverWriter(stream, conversion)
    raise ValueError(f"unknown target {target!r}; expected one of {', '.join(TARGETS)}")


def convert(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    source: str,
    target: str,
    out: str | Path,
    *,
    only: Iterable[str] | None = None,
    conversion: Conversion | None = None,
    progress: Callable[[int], None] | None = None,
) -> Conversion:
    """Convert the files ``paths`` of ``source`` into ``out`` in ``target``'s format.

    A ``.parquet`` output (target newsevents) is written as three Parquet files, one per
    record type, ``OUT.documents.parquet``, ``OUT.actors.parquet`` and ``OUT.events.parquet``.
    An output that is one of ``paths``, or a FIFO nobody reads, is refused
    (:class:`~newsevents.io.outputs.OutputError`) before anything is read or written.
    """
    from newsevents.io.outputs import open_output

    paths = [paths] if isinstance(paths, str | os.PathLike) else list(paths)  # one, or several
    conversion = conversion or Conversion()
    out = Path(out)
    rows = source_rows(paths, source, conversion, only)
    if target == "newsevents" and out.suffix.lower() == ".parquet":
        from newsevents.crosswalk.parquet import write_parquet

        write_parquet(_counted(rows, progress), out, paths)
        return conversion
    with open_output(out, paths) as stream:
        writer = writer_for(target, stream, conversion)
        for row, record in _counted(rows, progress):
            writer.write(record, row)
        writer.finish(str(out))
    return conversion


def _counted(
    rows: Iterator[tuple[SourceRow, Record]], progress: Callable[[int], None] | None
) -> Iterator[tuple[SourceRow, Record]]:
    for count, item in enumerate(rows, 1):
        if progress is not None and count % 4096 == 0:
            progress(count)
        yield item
