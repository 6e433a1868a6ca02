"""Reports for people (text grouped by code, lib-cove style) and for programs (JSON).

Every string that comes from the input (file names, record ids, pointers, messages quoting
values) goes through :mod:`newsevents.validation.safe` before it reaches the terminal.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

import orjson

from newsevents.codes import CATALOG, Severity
from newsevents.validation.issue import Issue, Report
from newsevents.validation.safe import for_terminal, json_safe

SHOWN_PER_CODE = 5
"""Locations listed under each code in the text report."""

MESSAGE_LENGTH = 1000
"""Longest message shown whole (messages quote values already shortened; this bounds the rest)."""

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def use_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def render_json(report: Report) -> str:
    """The JSON report (its shape is docs/report.schema.json), input-derived control and
    format characters written as ``\\u`` escapes (:func:`newsevents.validation.safe.json_safe`)."""
    return report.to_json()


def write_json(report: Report, stream: TextIO) -> None:
    """Write the JSON report to ``stream`` one issue at a time: the same text as
    :func:`render_json`, without holding every issue's JSON at once (a report listing
    600,000 issues would otherwise need gigabytes)."""
    for chunk in json_chunks(report):
        stream.write(chunk)


def json_chunks(report: Report) -> Iterator[str]:
    """The text of :func:`render_json`, a piece at a time (one piece per issue)."""
    head = dataclasses.replace(report, issues=()).to_dict()
    items = (issue.to_dict() for issue in report.issues)
    yield from json_with_list(head, "issues", items)
    yield "\n"


def json_with_list(document: Any, key: str, items: Iterable[Any]) -> Iterator[str]:
    """``document`` as ``json.dumps(indent=2)`` writes it, with ``items`` streamed into the
    empty list at its last ``key``, a piece per item; every piece made safe
    (:func:`~newsevents.validation.safe.json_safe`)."""
    text = json.dumps(document, indent=2, ensure_ascii=False)
    slot = f"{json.dumps(key)}: []"
    before, after = text.rsplit(slot, 1)
    indent = " " * (len(before) - len(before.rstrip(" ")) + 2)
    yield json_safe(before) + slot[:-1]
    empty = True
    for item in items:
        written = json_safe(indented(item))
        yield ("\n" if empty else ",\n") + indent + written.replace("\n", "\n" + indent)
        empty = False
    yield ("]" if empty else "\n" + indent[:-2] + "]") + json_safe(after)


def indented(value: Any) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``, by orjson's C encoder where it writes
    the same text (the standard library's indenting encoder is pure Python, four times slower):
    no float (the two spell exponents differently), no integer past 64 bits, no lone surrogate."""
    if _orjson_writes_alike(value):
        try:
            return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
        except orjson.JSONEncodeError:  # a lone surrogate: not UTF-8
            pass
    return json.dumps(value, indent=2, ensure_ascii=False)


def _orjson_writes_alike(value: Any) -> bool:
    if isinstance(value, str | bool) or value is None:
        return True
    if isinstance(value, int):
        return -(1 << 63) <= value < 1 << 64
    if isinstance(value, dict):
        return all(type(k) is str and _orjson_writes_alike(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_orjson_writes_alike(v) for v in value)
    return False


def render_text(report: Report, colour: bool = False, shown: int = SHOWN_PER_CODE) -> str:
    """A text report: a verdict line, then each code with its count and first locations."""
    paint = _Paint(colour)
    lines = [_verdict(report, paint), ""]
    grouped: dict[str, list[Issue]] = defaultdict(list)  # the first ``shown`` of each code
    listed: Counter[str] = Counter()
    hints: dict[str, str] = {}
    for issue in report.issues:
        listed[issue.code] += 1
        if len(grouped[issue.code]) < shown:
            grouped[issue.code].append(issue)
        if issue.hint and issue.code not in hints:
            hints[issue.code] = issue.hint
    codes = sorted(report.by_code, key=lambda c: (_ORDER[CATALOG[c].severity], c))
    for code in codes:
        check = CATALOG[code]
        count = report.by_code[code]
        severity = paint(str(check.severity), _COLOURS[check.severity])
        lines.append(f"{severity} {paint(code, '1')} {check.slug} ({count})")
        for issue in grouped.get(code, []):
            fix = f"; {issue.suggestion.text()}" if issue.suggestion is not None else ""
            message = for_terminal(issue.message + fix, MESSAGE_LENGTH)
            lines.append(f"  {_where(issue)}: {message}")
        hidden = count - min(listed[code], shown)
        if hidden > 0:
            lines.append(f"  ... and {hidden} more")
        hint = hints.get(code)
        more = f"`newsevents explain {code}` explains it"
        lines.append(f"  hint: {hint} ({more})" if hint else f"  {more}")
        lines.append("")
    if report.files:
        lines.append("files:")
        for described in report.files:
            size = "unreadable" if described.sha256 is None else f"sha256 {described.sha256[:12]}"
            role = " (documents)" if described.role == "documents" else ""
            path = for_terminal(described.path)
            lines.append(f"  {path}{role}: {described.format}, {described.records} records, {size}")
    return "\n".join(lines).rstrip("\n") + "\n"


def _verdict(report: Report, paint: _Paint) -> str:
    counts = ", ".join(
        _count(report.by_severity.get(s, 0), str(s))
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    files = sum(1 for f in report.files if f.role == "input")
    scope = f"{report.records} records" + (f" in {files} file(s)" if report.files else "")
    verdict = paint("valid", "32") if report.valid else paint("INVALID", "1;31")
    strict = " (strict: warnings count as errors)" if report.strict else ""
    return f"{verdict}: {scope}; {counts}{strict}"


def _count(number: int, word: str) -> str:
    plural = number != 1 and word != "info"
    return f"{number} {word}{'s' if plural else ''}"


def _where(issue: Issue) -> str:
    """The location of an issue, its input-derived parts (file, id, pointer) made safe."""
    where = issue.location
    parts = []
    if where.file is not None:
        line = f":{where.line}" if where.line is not None else ""
        parts.append(for_terminal(where.file) + line)
    if where.record is not None:
        parts.append(f"record {where.record}")
    if issue.record_id is not None:
        parts.append(f"[{for_terminal(issue.record_id)}]")
    if where.pointer:
        parts.append(for_terminal(where.pointer))
    if where.column is not None:
        parts.append(f"column {where.column}")
    return " ".join(parts) or "input"


class _Paint:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.enabled else text


class ProgressBar:
    """A one-line progress bar on a terminal's stderr, for inputs worth waiting for."""

    def __init__(self, stream: TextIO = sys.stderr, minimum_bytes: int = 8 << 20) -> None:
        self.stream = stream
        self.minimum_bytes = minimum_bytes
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        """Draw the bar at ``done`` of ``total`` bytes."""
        if total < self.minimum_bytes:
            return
        width = 30
        filled = width * done // max(total, 1)
        mib = 1 << 20
        text = f"\r[{'#' * filled}{' ' * (width - filled)}] {100 * done // max(total, 1):3d}%"
        self.stream.write(f"{text} {done / mib:.1f}/{total / mib:.1f} MiB")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        """Clear the bar's line."""
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
