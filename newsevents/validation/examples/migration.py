"""Examples of migration issues (NE9xx): one record of the example dataset migrated each.

Each is run as ``newsevents migrate records.jsonl --to VERSION`` would: the issues come from
:func:`newsevents.migration.migrate_paths`, not from the validator.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from newsevents.validation.examples import base
from newsevents.validation.examples.model import RECORDS_FILE, CodeExample, apply, jsonl
from newsevents.validation.issue import Report


def _to(version: str) -> Callable[[list[str]], Report]:
    def run(paths: list[str]) -> Report:
        from newsevents.migration import migrate_paths

        return migrate_paths(paths, to=version)[1]

    return run


def _migrated(
    code: str, mistake: str, name: str, changes: Mapping[str, object], to: str, pointer: str
) -> CodeExample:
    record = base.records()[name]
    for where, value in changes.items():
        apply(record, where, value)
    shown = f"{name}: " + ", ".join(f"{k} = {v!r}" for k, v in changes.items())
    return CodeExample(
        code=code,
        mistake=mistake,
        shown=f"{shown}; newsevents migrate {RECORDS_FILE} --to {to}",
        files={RECORDS_FILE: jsonl([record])},
        pointer=pointer,
        record=0,
        runner=_to(to),
    )


def examples() -> list[CodeExample]:
    """Return the migration examples."""
    return [
        _migrated(
            "NE901",
            "A 1.0.0 actor is migrated to 1.1.0: only its schema_version changes.",
            "nato",
            {},
            "1.1.0",
            "/schema_version",
        ),
        _migrated(
            "NE902",
            "A 1.1.0 alert that names the holder of its attitude is migrated down to 1.0.0.",
            "alert",
            {"/schema_version": "1.1.0", "/factuality/holder": "actor-nato"},
            "1.0.0",
            "/factuality/holder",
        ),
        _migrated(
            "NE903",
            "A 1.0.0 actor listed as a member of itself is migrated to 1.1.0, where that is "
            "an error (NE510).",
            "nato",
            {"/member_of": ["actor-nato"]},
            "1.1.0",
            "/member_of/0",
        ),
        _migrated(
            "NE904",
            "A record of schema 0.9.0, never published, is migrated.",
            "nato",
            {"/schema_version": "0.9.0"},
            "1.1.0",
            "/schema_version",
        ),
    ]
