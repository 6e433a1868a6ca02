"""Migrations as code: records of one published schema version rewritten to another.

``migrate(records, to="1.1.0")`` runs the registered chain of steps
(:mod:`newsevents.migration.steps`) on each record from its own ``schema_version`` and returns
the migrated records and a :class:`~newsevents.validation.issue.Report`: every change is an
issue of the ``migration`` family at its record and JSON pointer (NE901), a record that cannot
go down without loss is refused with one error per feature (NE902), a result that is not valid
under the target version is refused (NE903), and a record of no published version has no
path (NE904).  A refused record is not in the output and is always reported.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from newsevents.codes import Severity, spec
from newsevents.migration.files import read_records, write_records
from newsevents.migration.steps import STEPS, Change, Refused, chain, pointer
from newsevents.models.versioning import validator_for
from newsevents.validation.hints import HINTS
from newsevents.validation.issue import InputFile, Issue, IssueLocation, Report
from newsevents.versions import PUBLISHED_VERSIONS, SCHEMA_VERSION

Record = dict[str, Any]


def migrate(
    records: Iterable[Mapping[str, Any]], to: str = SCHEMA_VERSION
) -> tuple[list[Record], Report]:
    """Migrate ``records`` to schema ``to``; return the migrated records and the report.

    Each record goes through the registered steps between adjacent published versions, from
    its own ``schema_version`` to ``to``, up or down; every change is a coded issue of the
    ``migration`` family (NE9xx) at the record and JSON pointer it touched.

    Parameters
    ----------
    records
        Records as read from JSON (dicts), of any published schema version.
    to
        The published schema version to migrate to (default: the current one).

    Returns
    -------
    tuple of (list of dict, Report)
        The migrated records, in input order, and the report of every change. A record that
        cannot go down without losing a field (NE902) or is invalid under ``to`` (NE903) is
        left out, never stripped: the report says which and why.

    Raises
    ------
    ValueError
        When ``to`` is not a published version.

    Examples
    --------
    >>> import json, newsevents
    >>> folder = newsevents.load_dataset(version="1.0.0").folder
    >>> bundle = json.loads((folder / "records.json").read_text(encoding="utf-8"))
    >>> records = bundle["documents"] + bundle["actors"] + bundle["events"]
    >>> up, report = migrate(records, to="1.1.0")
    >>> {r["schema_version"] for r in up}, sorted(report.by_code)
    ({'1.1.0'}, ['NE901'])
    >>> down, report = migrate(up, to="1.0.0")
    >>> down == records, report.valid
    (True, True)
    """
    if to not in PUBLISHED_VERSIONS:
        raise ValueError(f"--to {to} is not published; published: {', '.join(PUBLISHED_VERSIONS)}")
    out: list[Record] = []
    issues: list[Issue] = []
    count = 0
    for index, record in enumerate(records):
        count += 1
        migrated, found = migrate_record(dict(record), to, IssueLocation(record=index))
        issues.extend(found)
        if migrated is not None:
            out.append(migrated)
    return out, _report(issues, count, ())


def migrate_paths(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]], to: str = SCHEMA_VERSION
) -> tuple[list[Record], Report]:
    """Migrate the records of JSON, JSON Lines and Parquet files (or folders of them); one
    path may be given alone (a string is a path, not a sequence of one-letter paths)."""
    paths = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    if to not in PUBLISHED_VERSIONS:
        raise ValueError(f"--to {to} is not published; published: {', '.join(PUBLISHED_VERSIONS)}")
    out: list[Record] = []
    issues: list[Issue] = []
    files: list[InputFile] = []
    count = 0
    for source in read_records(paths):
        files.append(source.file)
        issues.extend(source.problems)
        for index, record in zip(source.positions, source.records, strict=True):
            count += 1
            where = IssueLocation(file=source.file.path, record=index)
            migrated, found = migrate_record(record, to, where)
            issues.extend(found)
            if migrated is not None:
                out.append(migrated)
    return out, _report(issues, count, tuple(files))


def migrate_record(
    record: Record, to: str, where: IssueLocation
) -> tuple[Record | None, list[Issue]]:
    """Migrate one record; return it (None when refused) and the issues of its migration."""
    record_id = record.get("id") if isinstance(record.get("id"), str) else None
    declared = record.get("schema_version")
    try:
        steps = chain(str(declared), to) if isinstance(declared, str) else None
    except KeyError:
        steps = None
    if steps is None:
        context = {"found": declared, "target": to, "published": ", ".join(PUBLISHED_VERSIONS)}
        return None, [_issue(Change("NE904", "/schema_version", context), where, record_id)]
    changes: list[Change] = []
    current = record
    try:
        for registered in steps:
            current, made = registered.run(current)
            changes.extend(made)
        validator_for(to).validate_python(current)
    except Refused as refusal:
        return None, [_issue(c, where, record_id) for c in refusal.changes]
    except ValidationError as error:
        detail = error.errors(include_url=False)[0]
        failing = current.get("schema_version")
        context = {"version": failing, "reason": f"{detail['type']}: {detail['msg']}"}
        change = Change("NE903", pointer(_record_loc(detail["loc"])), context)
        return None, [_issue(change, where, record_id)]
    return current, [_issue(c, where, record_id) for c in changes]


def _record_loc(loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    # Errors of the record union start with the record type (and event type) tags.
    from newsevents.codebooks.event_types import EVENT_TYPES

    parts = list(loc)
    if parts and parts[0] in ("document", "actor", "event"):
        parts.pop(0)
        if parts and parts[0] in EVENT_TYPES:
            parts.pop(0)
    return tuple(parts)


def _issue(change: Change, where: IssueLocation, record_id: str | None) -> Issue:
    check = spec(change.code)
    location = IssueLocation(where.file, where.record, where.line, None, change.pointer)
    message = check.render(**change.context)
    hint = HINTS.get(change.code)
    return Issue(change.code, check.severity, message, location, record_id, hint)


def _report(issues: list[Issue], records: int, files: tuple[InputFile, ...]) -> Report:
    from newsevents import __version__

    by_code = Counter(issue.code for issue in issues)
    by_severity = Counter({str(s): 0 for s in Severity})
    by_severity.update(str(issue.severity) for issue in issues)
    return Report(
        valid=by_severity[str(Severity.ERROR)] == 0,
        records=records,
        by_severity=dict(by_severity),
        by_code=dict(sorted(by_code.items())),
        issues=tuple(issues),
        files=files,
        tool={"name": "newsevents", "version": __version__, "schema_version": SCHEMA_VERSION},
    )


__all__ = [
    "STEPS",
    "migrate",
    "migrate_paths",
    "migrate_record",
    "read_records",
    "write_records",
]
