"""What every source shares: rows read, the conversion's counts and issues, ids and lines.

A reader turns bytes into :class:`SourceRow` s, a mapper turns a row into records (or skips
it, with a reason and an issue at the row), and a :class:`Conversion` counts everything:
rows read, rows converted, rows skipped by reason, records written by type and issues by
code.  Issues are the validator's :class:`~newsevents.validation.issue.Issue`: a conversion
and a validation report the same way.
"""

from __future__ import annotations

import csv
import hashlib
import re
import zipfile
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TextIO

from newsevents.codes import CATALOG, Severity
from newsevents.io.paths import open_regular
from newsevents.validation.checks.registry import new_issue
from newsevents.validation.issue import Issue, IssueLocation

Record = dict[str, Any]
EVENT_TYPES: tuple[str, ...] = ("alert", "deployment", "statement", "general")
"""The event types a source row can become (the first three are the ``--only`` choices)."""

_BOM = "\ufeff"
_IDENTIFIER_UNSAFE = re.compile(r"[^A-Za-z0-9._:-]+")


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One row (or JSON record) of a source file: where it is and its values by field."""

    file: str
    row: int
    line: int
    values: dict[str, Any]

    def get(self, name: str) -> str:
        """The field's value as text ('' when absent or not text); CSV readers strip values."""
        value = self.values.get(name, "")
        return value if type(value) is str else ""


class Skip(Exception):
    """A row cannot be converted; ``reason`` is the slug of the issue already reported."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Conversion:
    """Counts and issues of one conversion: read, converted, skipped by reason, issues by code.

    Every issue is counted; at most ``max_issues`` of each code are kept in ``issues`` (None:
    all).  With ``sink``, issues are handed to it instead (the validator collects them).
    """

    max_issues: int | None = 100
    sink: Callable[[Issue], None] | None = None
    read: int = 0
    converted: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    by_code: Counter[str] = field(default_factory=Counter)
    records: Counter[str] = field(default_factory=Counter)
    issues: list[Issue] = field(default_factory=list)
    unreadable: bool = False
    shared: dict[str, Any] = field(default_factory=dict)
    """What the readers of one conversion share across its files (the documents and actors
    already written, the event ids read), so several files give one set of records, each id
    once, as one file does."""

    def add(self, issue: Issue) -> None:
        """Count ``issue`` and keep it (or hand it to the sink)."""
        self.by_code[issue.code] += 1
        if self.sink is not None:
            self.sink(issue)
        elif self.max_issues is None or self.by_code[issue.code] <= self.max_issues:
            self.issues.append(issue)

    def report(
        self, code: str, row: SourceRow | None, pointer: str = "", /, **context: object
    ) -> None:
        """Add an issue of ``code`` at ``row`` (file level when None) and ``pointer``."""
        if row is None:
            location = IssueLocation(file=str(context.pop("file", "")) or None, pointer=pointer)
        else:
            location = IssueLocation(row.file, row.row, row.line or None, None, pointer)
        self.add(new_issue(code, location, None, **context))

    def at(self, code: str, row: SourceRow, column: str, /, **context: object) -> None:
        """Add an issue of ``code`` at ``column`` of ``row`` (its pointer, and ``field``)."""
        self.report(code, row, "/" + column, field=column, **context)

    def invalid(self, row: SourceRow, column: str, expected: str, found: object = None) -> Skip:
        """Report NE003 (a value of the wrong form) at ``column``; return the skip to raise."""
        given = row.get(column) if found is None else found
        self.at("NE003", row, column, expected=expected, found=short(given))
        return Skip("source-value-invalid")

    def missing(self, row: SourceRow, column: str) -> Skip:
        """Report NE004 (an empty value the records need); return the skip to raise."""
        self.at("NE004", row, column)
        return Skip("source-value-missing")

    def unknown_code(self, row: SourceRow, column: str, expected: str, found: str) -> Skip:
        """Report NE005 (a code outside our codebooks); return the skip to raise."""
        self.at("NE005", row, column, expected=expected, found=short(found))
        return Skip("source-code-unknown")

    def duplicate(self, row: SourceRow, column: str, found: str, first: tuple[str, int]) -> Skip:
        """Report NE014 (an id read before, at ``first``: its file and row); return the skip
        to raise."""
        file, index = first
        where = str(index) if file == row.file else f"{index} of {file}"
        self.at("NE014", row, column, found=found, first=where)
        return Skip("source-duplicate-id")

    @property
    def errors(self) -> int:
        """Number of errors counted."""
        return sum(n for c, n in self.by_code.items() if CATALOG[c].severity == Severity.ERROR)

    def summary(self) -> dict[str, Any]:
        """The counts as JSON: read, converted, skipped by reason, records and issues."""
        return {
            "read": self.read,
            "converted": self.converted,
            "skipped": dict(sorted(self.skipped.items())),
            "records": dict(sorted(self.records.items())),
            "issues": dict(sorted(self.by_code.items())),
        }

    def summary_text(self) -> str:
        """The counts in one paragraph, for people."""
        skipped = sum(self.skipped.values())
        reasons = ", ".join(f"{r} {n}" for r, n in sorted(self.skipped.items()))
        records = ", ".join(f"{n} {t}" for t, n in sorted(self.records.items())) or "none"
        issues = ", ".join(f"{c} {n}" for c, n in sorted(self.by_code.items())) or "none"
        return (
            f"read {self.read} row(s), converted {self.converted}, skipped {skipped}"
            + (f" ({reasons})" if reasons else "")
            + f"\nrecords written: {records}\nissues by code: {issues}\n"
        )


def csv_fields(line: str) -> list[str] | None:
    """The fields of one comma-separated record, or None when the csv module cannot parse
    it (a stray carriage return outside quotes); :func:`csv_records` joins the lines of a
    record whose quoted field holds line breaks."""
    try:
        return next(csv.reader((line,), strict=False), [])
    except csv.Error:
        return None


JOINED_LINES = 200
"""Most lines one CSV record may span (a quoted field holding line breaks, ACLED's notes)."""


def csv_records(
    lines: Iterable[tuple[int, str | None]],
    fits: Callable[[str], bool],
    quoting: Callable[[], bool] = lambda: True,
) -> Iterator[tuple[int, str | None]]:
    """Yield (first line number, text without its line end) for each CSV record of
    ``lines`` (read with ``open_text_lines(path, ends=True)``).

    A line with an odd number of quotes opens a quoted field that goes on in the next lines
    (RFC 4180 allows line breaks inside quotes, kept as they were): it is joined with the
    lines that follow until the quotes balance, at most :data:`JOINED_LINES` lines (and about
    :data:`LINE_LIMIT` characters), and the joined record is taken when it ``fits`` (its
    field count is the header's).  Otherwise the line goes alone (its problem is reported at
    it) and the lines after it are read again as rows of their own, so one stray quote never
    swallows the rows after it.  ``quoting`` says whether the layout has quotes at all (a
    TAB-separated GDELT file has none).
    """
    pending: deque[tuple[int, str | None]] = deque()
    source = iter(lines)
    while True:
        item = pending.popleft() if pending else next(source, None)
        if item is None:
            return
        number, text = item
        if text is None or text.count('"') % 2 == 0 or not quoting():
            yield number, None if text is None else _without_end(text)
            continue
        taken: list[tuple[int, str | None]] = []
        joined, quotes = text, text.count('"')
        while len(taken) < JOINED_LINES - 1 and quotes % 2 and len(joined) <= LINE_LIMIT:
            following = pending.popleft() if pending else next(source, None)
            if following is None:
                break
            taken.append(following)
            if following[1] is None:
                break
            joined += following[1]
            quotes += following[1].count('"')
        complete = quotes % 2 == 0 and taken and taken[-1][1] is not None
        if complete and fits(_without_end(joined)):
            yield number, _without_end(joined)
            continue
        yield number, _without_end(text)
        pending.extendleft(reversed(taken))


def _without_end(text: str) -> str:
    return text.rstrip("\n").rstrip("\r")


LINE_LIMIT = 64 << 20
"""Longest line read (64 MiB): no source row comes near it, and a small ZIP archive can
expand into a line without end, so a longer one stops the file instead of filling memory."""


class SourceUnreadable(OSError):
    """A source file, or the ZIP archive around it, cannot be read; ``str()`` says why."""

    def __str__(self) -> str:
        return str(self.strerror)


def open_text_lines(path: Path, ends: bool = False) -> Iterator[tuple[int, str | None]]:
    """Yield (1-based line number, text without its line end) for each line of ``path``.

    A ``.zip`` holding one member (GDELT's ``.CSV.zip``) is read through.  A line that is not
    UTF-8 yields None as its text; a BOM on the first line and CR before LF are dropped
    (with ``ends``, the line end is kept, for :func:`csv_records`).
    A damaged archive, or a line longer than :data:`LINE_LIMIT`, raises
    :class:`SourceUnreadable` (an ``OSError``) saying why.
    """
    with _open_binary(path) as stream:
        number = 0
        while True:
            number += 1
            raw = _line(stream, number)
            if not raw:
                return
            data = raw if ends else raw.rstrip(b"\n").rstrip(b"\r")
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                yield number, None
                continue
            if number == 1 and text.startswith(_BOM):
                text = text[1:]
            yield number, text


def _line(stream: IO[bytes], number: int) -> bytes:
    try:
        raw = stream.readline(LINE_LIMIT + 1)
    except _ARCHIVE_ERRORS as error:
        raise SourceUnreadable(0, f"a damaged ZIP archive ({error})") from None
    if len(raw) > LINE_LIMIT:
        reason = f"line {number:,} is longer than {LINE_LIMIT:,} bytes, which no row can be"
        raise SourceUnreadable(0, reason)
    return raw


def refused(path: Path, conversion: Conversion, source: str, through_zip: bool) -> bool:
    """Report a path that is not to be read, and return True; False when it is.

    The path is classified first (:func:`newsevents.io.paths.classify`: a FIFO, device or
    socket NE109, a dangling or looping link NE110, a folder or a path that cannot be opened
    NE101), then its first bytes are sniffed (of the member, for a ``.zip`` read through): a
    compressed file is NE113 and another encoding NE112, once for the file rather than as an
    unknown layout or a problem per line.
    """
    from newsevents.io.paths import classify
    from newsevents.io.readers import ReadProblem, path_problem
    from newsevents.io.sniff import SNIFF_BYTES, sniff

    classified = classify(path)
    problem = path_problem(str(path), classified.problem)
    if problem is None and classified.kind != "file":
        context = {"path": str(path), "reason": "a folder: name the source files themselves"}
        problem = ReadProblem("NE101", context)
    if problem is None:
        try:
            head = open_text_head(path, SNIFF_BYTES, through_zip)
        except OSError:
            return False  # the reader reports why the file cannot be read
        found = sniff(head, source)
        problem = None if found is None else ReadProblem(found.code, found.context)
    if problem is None:
        return False
    conversion.report(problem.code, None, file=str(path), **problem.context)
    conversion.unreadable = True
    return True


def open_text_head(path: Path, size: int, through_zip: bool) -> bytes:
    """The first ``size`` bytes of ``path`` (of its member, for a ``.zip`` read through)."""
    with _open_binary(path) if through_zip else open_regular(path) as stream:
        try:
            return stream.read(size)
        except _ARCHIVE_ERRORS as error:
            raise SourceUnreadable(0, f"a damaged ZIP archive ({error})") from None


def read_regular(path: Path) -> bytes:
    """The bytes of a regular file; a FIFO, device or socket is refused, never waited on."""
    with open_regular(path) as stream:
        return stream.read()


_ARCHIVE_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError)
_ARCHIVE_REFUSALS = (NotImplementedError, RuntimeError)  # a method or encryption not supported


def _open_binary(path: Path) -> IO[bytes]:
    # open_regular: a file swapped for a FIFO after it was classified never blocks a run.
    if path.suffix.lower() != ".zip":
        return open_regular(path)
    stream = open_regular(path)
    try:
        archive = zipfile.ZipFile(stream)
        names = [n for n in archive.namelist() if not n.endswith("/")]
        if len(names) != 1:
            raise SourceUnreadable(0, f"expected one file in the ZIP archive, found {len(names)}")
        return archive.open(names[0])
    except (*_ARCHIVE_ERRORS, *_ARCHIVE_REFUSALS) as error:
        stream.close()
        raise SourceUnreadable(0, f"not a ZIP archive it can read ({error})") from None
    except BaseException:
        stream.close()
        raise


def identifier(*parts: str) -> str:
    """A record id from ``parts``: safe characters only, at most 128, starting alphanumeric."""
    text = "-".join(_IDENTIFIER_UNSAFE.sub("-", p).strip("-") for p in parts if p)
    text = text.lstrip("._:-") or "x"
    if len(text) > 128:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
        text = text[:115] + "-" + digest
    return text


def digest(text: str, length: int = 12) -> str:
    """A short, stable hex digest of ``text`` (for ids derived from URLs and names)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def short(value: object, limit: int = 80) -> str:
    """``value`` quoted for a message, shortened to ``limit`` characters."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return repr(text) if isinstance(value, str) else text


class SourceWriter:
    """What every writer back to a source format shares: documents and actors are kept as
    they come, for the events that follow, and each event is written by ``event``."""

    target = "the source format"
    """The name the NE013 counts give the target (``GDELT 2.0``, ``ACLED``...)."""

    def __init__(self, stream: TextIO, conversion: Conversion) -> None:
        self.stream = stream
        self.conversion = conversion
        self.documents: dict[str, Record] = {}
        self.actors: dict[str, Record] = {}
        self.not_kept = NotKept(self.target)

    def write(self, record: Record, place: SourceRow | None = None) -> None:
        """Take one record: documents and actors are kept for the events that follow."""
        kind = record.get("record_type")
        if kind == "document":
            self.documents[record["id"]] = record
        elif kind == "actor":
            self.actors[record["id"]] = record
        elif kind == "event":
            self.event(record, place)

    def event(self, record: Record, place: SourceRow | None) -> None:
        """Write one event (each writer says how)."""
        raise NotImplementedError

    def finish(self, file: str) -> None:
        """Report what was not written (NE013)."""
        self.not_kept.flush(self.conversion, file)


def write_file(
    writer: type[SourceWriter],
    records: Iterable[Record],
    path: str | Path,
    conversion: Conversion | None = None,
) -> Conversion:
    """Write ``records`` to ``path`` with ``writer``; return the conversion's counts."""
    from newsevents.io.outputs import open_output

    conversion = conversion or Conversion()
    with open_output(path) as stream:
        sink = writer(stream, conversion)
        for record in records:
            sink.write(record)
        sink.finish(str(path))
    return conversion


class NotKept:
    """Counts, per field, the values that have no place in the target (reported once, NE013)."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.counts: Counter[str] = Counter()
        self.first: dict[str, SourceRow | None] = {}
        self.reasons: dict[str, str] = {}

    def add(self, name: str, row: SourceRow | None, reason: str) -> None:
        """Count one value of field ``name`` not kept, first seen at ``row``."""
        if name not in self.first:
            self.first[name] = row
            self.reasons[name] = reason
        self.counts[name] += 1

    def count_row(self, row: SourceRow, reasons: dict[str, str]) -> None:
        """Count each field of ``reasons`` that ``row`` has a value for (not '' or '0')."""
        values, counts = row.values, self.counts
        for name in reasons:
            value = values.get(name)
            if value and value != "0":
                if name in counts:
                    counts[name] += 1
                else:
                    self.add(name, row, reasons[name])

    def flush(self, conversion: Conversion, file: str) -> None:
        """Report each field's count at the row it was first seen in, then start again."""
        for name, count in self.counts.items():
            row = self.first[name]
            context: dict[str, object] = {
                "field": name,
                "count": count,
                "target": self.target,
                "reason": self.reasons[name],
            }
            if row is None:
                context["file"] = file
            conversion.report("NE013", row, "/" + name.lstrip("/"), **context)
        self.counts.clear()
        self.first.clear()
        self.reasons.clear()

    def count_record(
        self, record: dict[str, Any], held: frozenset[str], place: SourceRow | None
    ) -> None:
        """Count the top-level fields of ``record`` (an event written out) that the target
        does not hold, and the participants and places beyond the ones it holds."""
        for key, value in record.items():
            if key not in held and value not in (None, "", [], {}):
                self.add("/" + key, place, f"a {self.target} record has no place for it")
        locations = record.get("locations") or []
        if len(locations) > 1 and "locations" in held:
            self.add("/locations", place, f"a {self.target} record holds one place")
