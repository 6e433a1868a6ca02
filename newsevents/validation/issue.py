"""The one issue record, and the report that carries every issue of a validation run.

An :class:`Issue` has a stable code, its severity, a plain message, a location (file, record
index, line, RFC 6901 JSON pointer) and a hint.  A :class:`Report` counts every issue by
severity and by code, lists at most ``max_issues`` of each code, and describes the files read
(sha256, bytes, records).  ``Report.to_dict()`` is the JSON shape published, versioned, in
``docs/report.schema.json``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from newsevents.codes import CATALOG, Severity

REPORT_VERSION = "1.0.0"
"""Version of the report's JSON shape (semver: MINOR adds keys, MAJOR changes or drops them)."""

SEVERITIES: tuple[Severity, ...] = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass(frozen=True, slots=True)
class IssueLocation:
    """Where an issue is: file, record index (0-based), line and column (1-based), pointer."""

    file: str | None = None
    record: int | None = None
    line: int | None = None
    column: int | None = None
    pointer: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form; absent parts are omitted."""
        found: dict[str, Any] = {
            "file": self.file,
            "record": self.record,
            "line": self.line,
            "column": self.column,
        }
        return {**{k: v for k, v in found.items() if v is not None}, "pointer": self.pointer}


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found: its code, severity, message, location, record id and hint."""

    code: str
    severity: Severity
    message: str
    location: IssueLocation
    record_id: str | None = None
    hint: str | None = None

    @property
    def slug(self) -> str:
        """The code's slug, such as ``span-text-mismatch``."""
        return CATALOG[self.code].slug

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the issue."""
        found: dict[str, Any] = {
            "code": self.code,
            "slug": self.slug,
            "severity": str(self.severity),
            "message": self.message,
            "location": self.location.to_dict(),
        }
        if self.record_id is not None:
            found["record_id"] = self.record_id
        if self.hint:
            found["hint"] = self.hint
        return found


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file read: its path as given, format, role, size, sha256 and number of records."""

    path: str
    format: str
    role: Literal["input", "documents"] = "input"
    bytes: int | None = None
    sha256: str | None = None
    records: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form; unknown size and hash (unreadable files) are omitted."""
        found: dict[str, Any] = {"path": self.path, "format": self.format, "role": self.role}
        if self.bytes is not None:
            found["bytes"] = self.bytes
        if self.sha256 is not None:
            found["sha256"] = self.sha256
        found["records"] = self.records
        return found


@dataclass(frozen=True)
class Report:
    """The outcome of a validation run: validity, counts, listed issues and files read."""

    valid: bool
    records: int
    by_severity: Mapping[str, int]
    by_code: Mapping[str, int]
    issues: tuple[Issue, ...]
    files: tuple[InputFile, ...] = ()
    strict: bool = False
    max_issues: int | None = None
    tool: Mapping[str, Any] = field(default_factory=dict)
    report_version: str = REPORT_VERSION

    @property
    def errors(self) -> int:
        """Number of errors found (listed or not)."""
        return self.by_severity.get(Severity.ERROR, 0)

    @property
    def warnings(self) -> int:
        """Number of warnings found (listed or not)."""
        return self.by_severity.get(Severity.WARNING, 0)

    def codes(self) -> set[str]:
        """Every code found at least once."""
        return set(self.by_code)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form described by ``docs/report.schema.json``."""
        return {
            "report_version": self.report_version,
            "tool": dict(self.tool),
            "valid": self.valid,
            "strict": self.strict,
            "max_issues": self.max_issues,
            "summary": {
                "files": sum(1 for f in self.files if f.role == "input"),
                "records": self.records,
                "issues": sum(self.by_code.values()),
                "by_severity": {str(s): self.by_severity.get(s, 0) for s in SEVERITIES},
                "by_code": dict(sorted(self.by_code.items())),
            },
            "files": [f.to_dict() for f in self.files],
            "issues": [i.to_dict() for i in self.issues],
        }

    def to_json(self) -> str:
        """Return the JSON report as text: 2-space indent, a final newline."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"
