"""Collects issues as a run streams: filters them, counts every one, keeps a few per code.

Memory stays flat however many issues are listed: past :data:`~newsevents.validation.spill.
SPILL_AT` held issues, they are written to disk as a sorted run, and the report's issues are
the runs merged (:class:`~newsevents.validation.spill.StoredIssues`).
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import itemgetter
from typing import Any

from newsevents.codes import Severity, spec
from newsevents.validation import spill
from newsevents.validation.hints import HINTS
from newsevents.validation.issue import InputFile, Issue, IssueLocation, Report
from newsevents.validation.selection import Selection
from newsevents.validation.spill import Row, SortedRun, StoredIssues, to_row

_LAST = 1 << 62
SortKey = tuple[int, int, int, int, str, str, str]


class IssueCollector:
    """Counts every selected issue and keeps the ``max_issues`` first of each code.

    "First" means first in location order (file, record, line, pointer), not in arrival
    order, so the listed issues do not depend on the order checks run in.  Past
    ``spill_at`` issues held, they go to disk as a sorted run.
    """

    def __init__(
        self, selection: Selection, max_issues: int | None, spill_at: int | None = None
    ) -> None:
        self.selection = selection
        self.max_issues = max_issues
        self.spill_at = spill.SPILL_AT if spill_at is None else spill_at
        self.counts: Counter[str] = Counter()
        # Issues only: sort keys are computed when sorting, so a run listing every issue
        # (max_issues None) holds one object per issue, not two.
        self._kept: dict[str, list[Issue]] = {}
        self._held = 0
        self._runs: list[SortedRun] = []
        self._file_order: dict[str, int] = {}

    def file_seen(self, path: str) -> None:
        """Register a file so its issues sort in the order files were given."""
        self._file_order.setdefault(path, len(self._file_order))

    def add(self, issue: Issue) -> None:
        """Count ``issue`` and keep it if it is among the first of its code."""
        if not self.selection.enabled(issue.code):
            return
        self.counts[issue.code] += 1
        kept = self._kept.setdefault(issue.code, [])
        kept.append(issue)
        self._held += 1
        if self.max_issues is not None and len(kept) > 2 * self.max_issues + 16:
            kept.sort(key=self._key)
            self._held -= len(kept) - self.max_issues
            del kept[self.max_issues :]
        if self._held >= self.spill_at:
            self._spill()

    def add_uncounted(self, code: str, count: int) -> None:
        """Count ``count`` issues of ``code`` that were found, but not listed, elsewhere (a
        worker keeps only the first of each code of its part)."""
        if count and self.selection.enabled(code):
            self.counts[code] += count

    def first(self) -> tuple[list[Issue], dict[str, int]]:
        """The issues held, the first ``max_issues`` of each code, and how many of each code
        were counted but not kept (what a worker sends of its part; never spilled)."""
        kept: list[Issue] = []
        unlisted: dict[str, int] = {}
        for code, issues in self._kept.items():
            issues.sort(key=self._key)
            first = issues[: self.max_issues]
            kept.extend(first)
            if self.counts[code] > len(first):
                unlisted[code] = self.counts[code] - len(first)
        return kept, unlisted

    def _spill(self) -> None:
        """Write the issues held to disk, sorted, as one run."""
        pairs = [(self._key(i), to_row(i)) for kept in self._kept.values() for i in kept]
        pairs.sort(key=_FIRST)
        self._runs.append(SortedRun(pairs))
        self._kept.clear()
        self._held = 0

    def extend(self, issues: Iterable[Issue]) -> None:
        """Add every issue of ``issues``."""
        for issue in issues:
            self.add(issue)

    def _key(self, issue: Issue) -> SortKey:
        where = issue.location
        order = _LAST if where.file is None else self._file_order.get(where.file, _LAST - 1)
        return (
            order,
            -1 if where.record is None else where.record,
            where.line or 0,
            where.column or 0,
            where.pointer,
            issue.code,
            issue.message,
        )

    def report(
        self,
        *,
        records: int,
        files: Iterable[InputFile],
        strict: bool,
        tool: Mapping[str, Any],
    ) -> Report:
        """Return the report: listed issues in location order, with NE806 for those left out."""
        notes = self._notes()
        listed: Sequence[Issue]
        if self._runs:
            listed = self._merged(notes)
        else:
            held, _ = self.first()
            held.extend(notes)
            held.sort(key=self._key)
            listed = tuple(held)
        by_severity = Counter({str(s): 0 for s in Severity})
        for code, count in self.counts.items():
            by_severity[str(spec(code).severity)] += count
        failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
        valid = not any(by_severity[str(s)] for s in failing)
        return Report(
            valid=valid,
            records=records,
            by_severity=dict(by_severity),
            by_code=dict(sorted(self.counts.items())),
            issues=listed,
            files=tuple(files),
            strict=strict,
            max_issues=self.max_issues,
            tool=tool,
        )

    def _notes(self) -> list[Issue]:
        """The NE806 notes: one per code with more issues than are listed (counted too)."""
        if self.max_issues is None or not self.selection.enabled("NE806"):
            return []
        cap = self.max_issues
        truncated = sorted((c, n - cap) for c, n in self.counts.items() if n > cap)
        if truncated:
            self.counts["NE806"] += len(truncated)
        return [truncation_issue(code, count) for code, count in truncated]

    def _merged(self, notes: list[Issue]) -> StoredIssues:
        """The runs on disk merged in location order, each code capped, the notes in place."""
        self._spill()
        runs = heapq.merge(*self._runs, key=_FIRST)
        placed = sorted(((self._key(n), to_row(n)) for n in notes), key=_FIRST)
        ordered = heapq.merge(self._capped(runs), placed, key=_FIRST)
        stored = StoredIssues.of_rows(row for _, row in ordered)
        self._runs.clear()
        return stored

    def _capped(self, pairs: Iterable[tuple[SortKey, Row]]) -> Iterator[tuple[SortKey, Row]]:
        listed: Counter[str] = Counter()
        for key, row in pairs:
            code = row[0]
            listed[code] += 1
            if self.max_issues is None or listed[code] <= self.max_issues:
                yield key, row


_FIRST = itemgetter(0)


def truncation_issue(code: str, count: int) -> Issue:
    """Return the NE806 note that ``count`` more issues of ``code`` were not listed."""
    check = spec("NE806")
    return Issue(
        code=check.code,
        severity=check.severity,
        message=check.render(count=count, code=code),
        location=IssueLocation(),
        hint=HINTS.get(check.code),
    )
