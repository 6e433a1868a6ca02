"""The report in the formats other tools read: JSON Lines, GitHub annotations, SARIF, CSV.

Text and JSON are :mod:`newsevents.validation.render`'s.  ``jsonl`` is one issue a line (as
``ruff --output-format jsonl``); ``github`` is GitHub Actions workflow commands, one annotation
per issue on the file and line; ``sarif`` is a SARIF 2.1.0 log for code-scanning dashboards;
``csv`` is one row per issue for spreadsheets, with cells a spreadsheet would run as a formula
defused.  Input-derived strings go through :mod:`newsevents.validation.safe`.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from newsevents.codes import CATALOG, Severity
from newsevents.validation.issue import Issue, Report, issue_row
from newsevents.validation.render import json_chunks, json_with_list, render_text, use_colour
from newsevents.validation.safe import (
    escape_controls,
    for_github_message,
    for_github_property,
    json_safe,
)

FORMATS = ("text", "json", "jsonl", "github", "sarif", "csv")
"""The report formats of ``newsevents validate --format``."""

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/newsevents/newsevents"
_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def wants_colour(choice: str, stream: TextIO) -> bool:
    """Whether to colour: ``always`` or ``never`` as asked; ``auto`` colours a terminal unless
    ``NO_COLOR`` is set (https://no-color.org), and anything when ``FORCE_COLOR`` is set
    (https://force-color.org) and ``NO_COLOR`` is not."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "0") not in ("", "0"):
        return True
    return use_colour(stream)


def render(report: Report, format: str, colour: bool = False) -> str:
    """Return ``report`` in ``format`` (one of :data:`FORMATS`).

    Raises
    ------
    ValueError
        For a format not in :data:`FORMATS`.
    """
    return "".join(chunks(report, format, colour))


def write(report: Report, format: str, stream: TextIO, colour: bool = False) -> None:
    """Write ``report`` in ``format`` to ``stream`` a piece at a time (an issue, a line): the
    text of :func:`render`, in flat memory however many issues are listed.

    Raises
    ------
    ValueError
        For a format not in :data:`FORMATS`.
    """
    for chunk in chunks(report, format, colour):
        stream.write(chunk)


def chunks(report: Report, format: str, colour: bool = False) -> Iterator[str]:
    """The text of ``report`` in ``format``, a piece at a time.

    Raises
    ------
    ValueError
        For a format not in :data:`FORMATS` (at once, before any piece).
    """
    writers: dict[str, Callable[[Report], Iterator[str]]] = {
        "text": lambda r: iter((render_text(r, colour=colour),)),
        "json": json_chunks,
        "jsonl": jsonl_chunks,
        "github": github_chunks,
        "sarif": sarif_chunks,
        "csv": csv_chunks,
    }
    if format not in writers:
        raise ValueError(f"unknown report format {format!r}; known: {', '.join(FORMATS)}")
    return writers[format](report)


def jsonl_chunks(report: Report) -> Iterator[str]:
    """One JSON object a line: each listed issue as in the JSON report (input-derived control
    characters and lone surrogates as ``\\u`` escapes, as there)."""
    for issue in report.issues:
        yield json_safe(json.dumps(issue.to_dict(), ensure_ascii=False)) + "\n"


def github_chunks(report: Report) -> Iterator[str]:
    """GitHub Actions workflow commands, a line each: ``::error file=F,line=L,title=T::message``."""
    for issue in report.issues:
        where = issue.location
        properties = []
        if where.file is not None:
            properties.append(f"file={for_github_property(where.file)}")
        if where.line is not None:
            properties.append(f"line={where.line}")
        if where.column is not None:
            properties.append(f"col={where.column}")
        properties.append(f"title={for_github_property(f'{issue.code} {issue.slug}')}")
        text = for_github_message(_message(issue), 1000)
        yield f"::{_GITHUB_LEVELS[issue.severity]} {','.join(properties)}::{text}\n"
    verdict = "valid" if report.valid else "INVALID"
    yield f"::notice title=newsevents validate::{verdict}: {_summary(report)}\n"


def _message(issue: Issue) -> str:
    """The message with the record and pointer (an annotation shows only the line)."""
    where = issue.location
    parts = [f"record {where.record}" if where.record is not None else ""]
    parts.append(f"[{issue.record_id}]" if issue.record_id is not None else "")
    parts.append(where.pointer)
    place = " ".join(p for p in parts if p)
    fix = f"; {issue.suggestion.text()}" if issue.suggestion is not None else ""
    return f"{place}: {issue.message}{fix}" if place else issue.message + fix


def _summary(report: Report) -> str:
    return f"{report.records} records; {report.errors} errors, {report.warnings} warnings"


def sarif_chunks(report: Report) -> Iterator[str]:
    """A SARIF 2.1.0 log: one run, a rule per code found, a result per listed issue (input-
    derived control and format characters as ``\\u`` escapes, as in the JSON report)."""
    codes = sorted(report.by_code)
    index = {code: n for n, code in enumerate(codes)}
    driver: dict[str, Any] = {"name": "newsevents", "informationUri": INFORMATION_URI}
    if report.tool.get("version"):
        driver["version"] = str(report.tool["version"])
    driver["rules"] = [_rule(code) for code in codes]
    run = {
        "tool": {"driver": driver},
        "results": [],
        "properties": {"valid": report.valid, "summary": report.summary()},
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    results = (_result(i, index[i.code]) for i in report.issues if i.code in index)
    yield from json_with_list(log, "results", results)
    yield "\n"


def _rule(code: str) -> dict[str, Any]:
    from newsevents.validation.hints import HINTS

    check = CATALOG[code]
    rule: dict[str, Any] = {
        "id": code,
        "name": check.slug,
        "shortDescription": {"text": check.description},
        "defaultConfiguration": {"level": _SARIF_LEVELS[check.severity]},
        "properties": {"family": str(check.family)},
    }
    hint = HINTS.get(code)
    help_text = (hint + " " if hint else "") + f"More: newsevents explain {code}"
    rule["help"] = {"text": help_text}
    return rule


def _result(issue: Issue, rule_index: int) -> dict[str, Any]:
    where = issue.location
    result: dict[str, Any] = {
        "ruleId": issue.code,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVELS[issue.severity],
        "message": {"text": issue.message},
    }
    location: dict[str, Any] = {}
    if where.file is not None:
        physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(where.file)}}
        if where.line is not None:
            region = {"startLine": where.line}
            if where.column is not None:
                region["startColumn"] = where.column
            physical["region"] = region
        location["physicalLocation"] = physical
    if where.pointer or issue.record_id is not None:
        name = f"{issue.record_id or ''}{where.pointer}" or "/"
        location["logicalLocations"] = [{"fullyQualifiedName": name, "kind": "object"}]
    if location:
        result["locations"] = [location]
    properties: dict[str, Any] = {}
    if where.record is not None:
        properties["record"] = where.record
    if where.pointer:
        properties["pointer"] = where.pointer
    if issue.suggestion is not None:
        properties["suggestion"] = issue.suggestion.to_dict()
    if properties:
        result["properties"] = properties
    return result


def _uri(path: str) -> str:
    """A relative URI reference for a path as given (forward slashes, spaces escaped); a file
    name that is not UTF-8 (its bytes kept as surrogates) is percent-encoded byte for byte."""
    from urllib.parse import quote

    given = path.replace("\\", "/")
    try:
        return quote(given, safe="/:@!$&'()*+,;=-._~", errors="surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate no byte stands for (a Python string)
        return quote(given, safe="/:@!$&'()*+,;=-._~", errors="backslashreplace")


def csv_chunks(report: Report) -> Iterator[str]:
    """One row per listed issue, the columns of :meth:`Report.to_pandas`; a cell that a
    spreadsheet would run as a formula starts with an apostrophe."""
    row = _LastRow()
    writer = csv.DictWriter(row, fieldnames=list(issue_row_fields()), lineterminator="\r\n")
    writer.writeheader()
    yield row.text
    for issue in report.issues:
        writer.writerow({k: _cell(v) for k, v in issue_row(issue).items()})
        yield row.text


class _LastRow:
    """A file for :mod:`csv` that keeps only the last row written."""

    text = ""

    def write(self, text: str) -> None:
        self.text = text


def issue_row_fields() -> tuple[str, ...]:
    """The columns of the CSV report."""
    from newsevents.validation.issue import issue_table_schema

    return tuple(issue_table_schema().names)


def _cell(value: object) -> object:
    if not isinstance(value, str):
        return value
    value = escape_controls(value)  # inert in a terminal, encodable as UTF-8
    return "'" + value if value.startswith(_FORMULA_STARTS) else value
