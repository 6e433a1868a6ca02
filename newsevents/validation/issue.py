"""The one issue record, and the report that carries every issue of a validation run.

An :class:`Issue` has a stable code, its severity, a plain message, a location (file, record
index, line, RFC 6901 JSON pointer) and a hint.  A :class:`Report` counts every issue by
severity and by code, lists at most ``max_issues`` of each code, and describes the files read
(sha256, bytes, records).  ``Report.to_dict()`` is the JSON shape published, versioned, in
``docs/report.schema.json`` (shipped in the package: :func:`report_schema`).  An issue whose fix
is one unambiguous edit carries it as a :class:`Suggestion`, an RFC 6902 JSON Patch operation.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from newsevents.codes import CATALOG, Severity

if TYPE_CHECKING:
    import pandas

REPORT_VERSION = "1.1.0"
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
class Suggestion:
    """The one edit that fixes an issue, as an RFC 6902 JSON Patch operation on the record.

    ``replace`` puts ``value`` at ``path``; ``move`` renames the field at ``source`` to
    ``path`` (a misspelt field name).

    Examples
    --------
    >>> fix = Suggestion("replace", "/cameo/code", "010")
    >>> fix.text()
    'did you mean "010"?'
    >>> fix.apply({"cameo": {"code": "10"}})
    {'cameo': {'code': '010'}}
    """

    op: Literal["replace", "move"]
    path: str
    value: Any = None
    source: str | None = None

    def text(self) -> str:
        """Say the fix in words: ``did you mean "010"?``."""
        if self.op == "move":
            return f"did you mean {json.dumps(_last(self.path), ensure_ascii=False)}?"
        return f"did you mean {json.dumps(self.value, ensure_ascii=False)}?"

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: the JSON Patch operation and its text."""
        if self.op == "move":
            return {"op": "move", "from": self.source, "path": self.path, "text": self.text()}
        return {"op": "replace", "path": self.path, "value": self.value, "text": self.text()}

    def apply(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """Return a copy of ``record`` with this edit made.

        Raises
        ------
        KeyError, IndexError, TypeError
            When the record has no value at the path (or source) the edit names.
        """
        edited: dict[str, Any] = copy.deepcopy(dict(record))
        if self.op == "move":
            parent, name = _parent(edited, self.source or "")
            value = parent.pop(name)
        else:
            value = self.value
        parent, name = _parent(edited, self.path)
        if isinstance(parent, list):
            parent[int(name)] = value
        else:
            parent[name] = value
        return edited


def _tokens(pointer: str) -> list[str]:
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]


def _last(pointer: str) -> str:
    return _tokens(pointer)[-1]


def _parent(document: Any, pointer: str) -> tuple[Any, Any]:
    *parents, name = _tokens(pointer)
    for part in parents:
        document = document[int(part)] if isinstance(document, list) else document[part]
    return document, int(name) if isinstance(document, list) else name


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found: its code, severity, message, location, record id, hint and, when
    one edit fixes it unambiguously, that edit as a suggestion.

    Attributes
    ----------
    code
        The stable code (``NE604``); ``slug`` is its name (``span-text-mismatch``).
    severity
        error (a MUST), warning (a SHOULD) or info.
    message
        What was expected and what was found.
    location
        File, record index, line, column and RFC 6901 JSON pointer.
    record_id
        The record's id, when it has one.
    hint
        How to fix this kind of issue (``newsevents explain CODE`` says more).
    suggestion
        The one edit that fixes this issue, when exactly one does.

    Examples
    --------
    >>> from newsevents import validate
    >>> (issue,) = validate([{"record_type": "actor", "schema_version": "1.0.0",
    ...     "id": "a-1", "name": "A", "canonical_name": "A", "kind": "Person"}]).issues
    >>> issue.code, issue.location.pointer, issue.suggestion.text()
    ('NE304', '/kind', 'did you mean "person"?')
    """

    code: str
    severity: Severity
    message: str
    location: IssueLocation
    record_id: str | None = None
    hint: str | None = None
    suggestion: Suggestion | None = None

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
        if self.suggestion is not None:
            found["suggestion"] = self.suggestion.to_dict()
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
    """The outcome of a validation run: validity, counts, listed issues and files read.

    Attributes
    ----------
    valid
        True when no error was found (with ``strict``, no warning either).
    records
        Records read, readable or not.
    by_severity, by_code
        Every issue counted, listed or not.
    issues
        The issues listed: at most ``max_issues`` of each code, in location order.  A tuple;
        past tens of thousands of issues, a read-only sequence kept on disk
        (:class:`~newsevents.validation.spill.StoredIssues`), so memory stays flat.
    files
        Every file read, with its format, role, size, sha256 and record count.

    Examples
    --------
    >>> from newsevents import validate
    >>> report = validate([{"record_type": "event"}])
    >>> report.valid, report.errors > 0, sorted(report.codes())[:1]
    (False, True, ['NE201'])
    >>> report.to_dict()["report_version"] == REPORT_VERSION
    True
    """

    valid: bool
    records: int
    by_severity: Mapping[str, int]
    by_code: Mapping[str, int]
    issues: Sequence[Issue]
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

    def summary(self) -> dict[str, Any]:
        """Return the counts: input files, records, issues, issues by severity and by code."""
        return {
            "files": sum(1 for f in self.files if f.role == "input"),
            "records": self.records,
            "issues": sum(self.by_code.values()),
            "by_severity": {str(s): self.by_severity.get(s, 0) for s in SEVERITIES},
            "by_code": dict(sorted(self.by_code.items())),
        }

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form described by ``docs/report.schema.json``."""
        return {
            "report_version": self.report_version,
            "tool": dict(self.tool),
            "valid": self.valid,
            "strict": self.strict,
            "max_issues": self.max_issues,
            "summary": self.summary(),
            "files": [f.to_dict() for f in self.files],
            "issues": [i.to_dict() for i in self.issues],
        }

    def to_json(self) -> str:
        """Return the JSON report as text: 2-space indent, a final newline; control, format
        and bidirectional characters from the input written as ``\\u`` escapes (the same
        JSON values, inert on a terminal: :func:`newsevents.validation.safe.json_safe`)."""
        from newsevents.validation.safe import json_safe

        return json_safe(json.dumps(self.to_dict(), indent=2, ensure_ascii=False)) + "\n"

    def to_pandas(self) -> pandas.DataFrame:
        """Return the listed issues as a DataFrame, one row per issue, in Arrow-backed dtypes.

        Codes, slugs, pointers and ids stay strings, record, line and column stay integers
        (missing ones are null, not NaN), so the table reads the same in pandas, Polars
        (``polars.from_pandas``) or DuckDB.

        Returns
        -------
        pandas.DataFrame
            Columns ``code, slug, severity, message, file, record, line, column, pointer,
            record_id, hint, suggestion`` (the suggestion's text).

        Raises
        ------
        ImportError
            When pandas is not installed (``pip install 'newsevents[pandas]'``).

        Examples
        --------
        >>> from newsevents import validate
        >>> frame = validate([{"record_type": "actor"}]).to_pandas()
        >>> str(frame["record"].dtype)
        'int64[pyarrow]'
        """
        try:
            import pandas
        except ImportError as error:
            raise ImportError(
                "Report.to_pandas() needs pandas: pip install 'newsevents[pandas]'"
            ) from error
        import pyarrow

        schema = issue_table_schema()
        batches = (pyarrow.RecordBatch.from_pylist(rows, schema) for rows in _batches(self.issues))
        table = pyarrow.Table.from_batches(batches, schema)
        frame: pandas.DataFrame = table.to_pandas(types_mapper=pandas.ArrowDtype)
        return frame


def _batches(issues: Sequence[Issue], size: int = 65_536) -> Iterator[list[dict[str, Any]]]:
    """The issues as rows, ``size`` at a time (a table of millions is built batch by batch)."""
    rows: list[dict[str, Any]] = []
    for issue in issues:
        rows.append(issue_row(issue))
        if len(rows) == size:
            yield rows
            rows = []
    if rows:
        yield rows


def issue_row(issue: Issue) -> dict[str, Any]:
    """One issue as a flat row: the columns of :meth:`Report.to_pandas` and the CSV report."""
    where = issue.location
    return {
        "code": issue.code,
        "slug": issue.slug,
        "severity": str(issue.severity),
        "message": issue.message,
        "file": where.file,
        "record": where.record,
        "line": where.line,
        "column": where.column,
        "pointer": where.pointer,
        "record_id": issue.record_id,
        "hint": issue.hint,
        "suggestion": issue.suggestion.text() if issue.suggestion is not None else None,
    }


def issue_table_schema() -> Any:
    """The Arrow schema of :meth:`Report.to_pandas`: strings and 64-bit integers, nullable."""
    import pyarrow

    text, number = pyarrow.string(), pyarrow.int64()
    names = ("code", "slug", "severity", "message", "file", "record", "line", "column")
    types = (text, text, text, text, text, number, number, number)
    rest = ("pointer", "record_id", "hint", "suggestion")
    return pyarrow.schema([*zip(names, types, strict=True), *((n, text) for n in rest)])


@cache
def report_schema() -> dict[str, Any]:
    """Return the JSON Schema of the report (``docs/report.schema.json``), read offline.

    It ships inside the package (``newsevents/_published/report.schema.json``); in a source
    checkout it is the repository's ``docs/report.schema.json``.

    Examples
    --------
    >>> report_schema()["properties"]["report_version"]["const"] == REPORT_VERSION
    True
    """
    shipped = files("newsevents") / "_published" / "report.schema.json"
    source = shipped if shipped.is_file() else _ROOT / "docs" / "report.schema.json"
    loaded: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return loaded


_ROOT = Path(__file__).resolve().parents[2]
