"""Listed issues kept on disk, so a run listing millions of them holds only a few in memory.

The collector writes the issues it holds, once there are :data:`SPILL_AT` of them, to an
anonymous temporary file as a *sorted run*; at the end the runs are merged
(:func:`heapq.merge`) into one :class:`StoredIssues`, a read-only sequence that loads its
issues a block at a time.  The files are unlinked from the start (:func:`tempfile.TemporaryFile`)
and closed when the sequence is dropped: nothing is left behind, whatever happens.
"""

from __future__ import annotations

import pickle
import tempfile
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any, TypeVar, overload

from newsevents.codes import Severity
from newsevents.validation.issue import Issue, IssueLocation, Suggestion

SPILL_AT = 50_000
"""Issues the collector holds in memory (about 25 MB) before it writes them to disk."""

BLOCK = 512
"""Issues read or written at a time: what a sequence or a run being merged holds."""

Item = TypeVar("Item")

Row = tuple[
    str,
    str,
    str,
    str | None,
    int | None,
    int | None,
    int | None,
    str,
    str | None,
    str | None,
    Suggestion | None,
]
"""An issue as a flat tuple: pickled and unpickled three times faster than the dataclasses."""

_SEVERITIES = {str(s): s for s in Severity}


def to_row(issue: Issue) -> Row:
    """``issue`` as a flat tuple (:func:`from_row` gives it back)."""
    where = issue.location
    return (
        issue.code,
        issue.severity.value,
        issue.message,
        where.file,
        where.record,
        where.line,
        where.column,
        where.pointer,
        issue.record_id,
        issue.hint,
        issue.suggestion,
    )


def from_row(row: Row) -> Issue:
    """The issue :func:`to_row` made ``row`` of."""
    code, severity, message, file, record, line, column, pointer, record_id, hint, fix = row
    location = IssueLocation(file, record, line, column, pointer)
    return Issue(code, _SEVERITIES[severity], message, location, record_id, hint, fix)


class _Blocks:
    """Items written in pickled blocks to an anonymous temporary file, read back in order."""

    def __init__(self, items: Iterable[Any]) -> None:
        # Kept open for the life of the object, closed by the finalizer: not a with block.
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="newsevents-issues-")  # noqa: SIM115
        self._close = weakref.finalize(self, self._file.close)
        self.offsets: list[int] = []
        self.length = 0
        block: list[Any] = []
        for item in items:
            block.append(item)
            if len(block) == BLOCK:
                self._write(block)
                block = []
        if block:
            self._write(block)
        self._file.flush()

    def _write(self, block: list[Any]) -> None:
        self.offsets.append(self._file.tell())
        pickle.dump(block, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.length += len(block)

    def block(self, number: int) -> list[Any]:
        """The ``number``-th block (every reader seeks first, so readers may interleave)."""
        self._file.seek(self.offsets[number])
        loaded: list[Any] = pickle.load(self._file)  # our own file, unlinked
        return loaded

    def __iter__(self) -> Iterator[Any]:
        for number in range(len(self.offsets)):
            yield from self.block(number)


class SortedRun:
    """Issues (as rows) with their sort keys, in key order, on disk: one input of a merge."""

    def __init__(self, pairs: Iterable[tuple[Any, Row]]) -> None:
        self._blocks = _Blocks(pairs)

    def __iter__(self) -> Iterator[tuple[Any, Row]]:
        return iter(self._blocks)

    def __len__(self) -> int:
        return self._blocks.length


class StoredIssues(Sequence[Issue]):
    """A read-only sequence of issues kept on disk, loaded a block at a time.

    It behaves as the tuple a report holds when its issues fit in memory: ``len``, indexing,
    slicing (a tuple), iteration, and equality with any sequence of the same issues.
    Pickling it gives a tuple (the file does not travel).

    Examples
    --------
    >>> from newsevents.validation.issue import IssueLocation
    >>> from newsevents.codes import Severity
    >>> issues = [Issue("NE604", Severity.ERROR, str(n), IssueLocation()) for n in range(3)]
    >>> stored = StoredIssues(issues)
    >>> len(stored), stored[-1].message, stored == tuple(issues)
    (3, '2', True)
    """

    def __init__(self, issues: Iterable[Issue]) -> None:
        self._blocks = _Blocks(map(to_row, issues))
        self._cached: tuple[int, list[Issue]] = (-1, [])

    @classmethod
    def of_rows(cls, rows: Iterable[Row]) -> StoredIssues:
        """The issues of ``rows`` (:func:`to_row`), stored as they are."""
        stored = cls.__new__(cls)
        stored._blocks = _Blocks(rows)
        stored._cached = (-1, [])
        return stored

    def __len__(self) -> int:
        return self._blocks.length

    @overload
    def __getitem__(self, index: int) -> Issue: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Issue, ...]: ...

    def __getitem__(self, index: int | slice) -> Issue | tuple[Issue, ...]:
        if isinstance(index, slice):
            return tuple(self[n] for n in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("issue index out of range")
        number, within = divmod(index, BLOCK)
        if self._cached[0] != number:
            self._cached = (number, [from_row(row) for row in self._blocks.block(number)])
        return self._cached[1][within]

    def __iter__(self) -> Iterator[Issue]:
        return map(from_row, self._blocks)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<StoredIssues: {len(self)} issues on disk>"

    def __reduce__(self) -> tuple[type[tuple[Issue, ...]], tuple[tuple[Issue, ...]]]:
        return tuple, (tuple(self),)


def mapped(issues: Sequence[Issue], change: Callable[[Issue], Issue]) -> Sequence[Issue]:
    """``change`` made to every issue, kept where the issues were (memory or disk)."""
    if isinstance(issues, StoredIssues):
        return StoredIssues(map(change, issues))
    return tuple(map(change, issues))
