"""Collects issues as a run streams: filters them, counts every one, keeps a few per code."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from newsevents.codes import Severity, spec
from newsevents.validation.hints import HINTS
from newsevents.validation.issue import InputFile, Issue, IssueLocation, Report
from newsevents.validation.selection import Selection

_LAST = 1 << 62
SortKey = tuple[int, int, int, int, str, str, str]


class IssueCollector:
    """Counts every selected issue and keeps the ``max_issues`` first of each code.

    "First" means first in location order (file, record, line, pointer), not in arrival
    order, so the listed issues do not depend on the order checks run in.
    """

    def __init__(self, selection: Selection, max_issues: int | None) -> None:
        self.selection = selection
        self.max_issues = max_issues
        self.counts: Counter[str] = Counter()
        # Issues only: sort keys are computed when sorting, so a run listing every issue
        # (max_issues None) holds one object per issue, not two.
        self._kept: dict[str, list[Issue]] = {}
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
        if self.max_issues is not None and len(kept) > 2 * self.max_issues + 16:
            kept.sort(key=self._key)
            del kept[self.max_issues :]

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
        listed: list[Issue] = []
        truncated: dict[str, int] = {}
        for code, kept in self._kept.items():
            kept.sort(key=self._key)
            if self.max_issues is not None and len(kept) > self.max_issues:
                truncated[code] = self.counts[code] - self.max_issues
                del kept[self.max_issues :]
            listed.extend(kept)
        for code, count in sorted(truncated.items()):
            if self.selection.enabled("NE806"):
                self.counts["NE806"] += 1
                note = truncation_issue(code, count)
                listed.append(note)
        listed.sort(key=self._key)
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
            issues=tuple(listed),
            files=tuple(files),
            strict=strict,
            max_issues=self.max_issues,
            tool=tool,
        )


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
