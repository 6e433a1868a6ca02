"""Versions: which schema a record is validated against, and what its schema_version says.

Every published version maps to the validator of its own models, so a record of an older
published version is validated against the schema it was written for.  An unpublished minor
version of a known major is read as the newest published version of that major (with a
warning when it is newer than all of them); an unknown major is not validated at all.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from newsevents.models import VersionValidator, validator_for
from newsevents.validation.checks.registry import RecordContext
from newsevents.validation.issue import Issue
from newsevents.validation.messages import enumerate_values, quote
from newsevents.versions import (
    PUBLISHED_VERSIONS,
    SCHEMA_VERSION,
    is_newer_than_known,
    newest_published,
    parse_version,
    reading_version,
)

VALIDATORS: Mapping[str, VersionValidator] = {v: validator_for(v) for v in PUBLISHED_VERSIONS}
"""Published schema version -> the validator of records of that version: the one set of
models, restricted to the fields and values the version has (newsevents.models.versioning).
"""


@dataclass(frozen=True, slots=True)
class VersionDecision:
    """What to validate a record against, the version issues, and what they already cover."""

    validator: VersionValidator | None
    issues: list[Issue] = field(default_factory=list)
    covered: frozenset[str] = frozenset()
    newer_minor: bool = False


def decide(record: Mapping[str, Any], context: RecordContext) -> VersionDecision:
    """Return the validator for ``record`` and the NE201-NE204 issues its version raises."""
    declared = record.get("schema_version")
    current = VALIDATORS[SCHEMA_VERSION]
    covered = frozenset({"/schema_version"})
    if declared is None:
        return VersionDecision(current, [context.issue("NE201", "/schema_version")], covered)
    verdict = _verdict(declared) if isinstance(declared, str) else ("malformed", None, None)
    kind, reading, known = verdict
    if kind == "malformed":
        issue = context.issue("NE204", "/schema_version", found=quote(declared))
        return VersionDecision(current, [issue], covered)
    if kind == "unknown-major":
        supported = enumerate_values(PUBLISHED_VERSIONS)
        found = quote(declared)
        issue = context.issue("NE202", "/schema_version", found=found, supported=supported)
        return VersionDecision(None, [issue], covered)
    validator = VALIDATORS.get(reading or SCHEMA_VERSION, current)
    if kind == "newer-minor":
        issue = context.issue("NE203", "/schema_version", found=quote(declared), known=known)
        return VersionDecision(validator, [issue], covered, newer_minor=True)
    return _PLAIN.get(reading or SCHEMA_VERSION) or VersionDecision(validator)


_PLAIN = {version: VersionDecision(validator) for version, validator in VALIDATORS.items()}
"""The decision for a record of a published version: shared, it raises no issue."""


@lru_cache(maxsize=256)
def _verdict(declared: str) -> tuple[str, str | None, str | None]:
    """(kind, published version to read it as, newest known of its major) for a version."""
    version = parse_version(declared)
    if version is None:
        return "malformed", None, None
    reading = reading_version(declared)
    if reading is None:
        return "unknown-major", None, None
    if is_newer_than_known(declared):
        return "newer-minor", reading, newest_published(version.major)
    return "known", reading, None


def without_unknown_fields(
    validator: VersionValidator, record: Mapping[str, Any], error: ValidationError
) -> Any | None:
    """Validate a newer-minor record again without the fields this library does not know.

    A newer minor version may add fields; when they are the record's only errors, the rest
    of the record is still checked.  Returns the model, or None when other errors remain.
    """
    from newsevents.validation.checks.structure import record_path

    details = error.errors(include_url=False, include_input=False)
    if any(detail["type"] != "extra_forbidden" for detail in details):
        return None
    trimmed = copy.deepcopy(dict(record))
    for detail in details:
        *parents, name = record_path(detail["loc"], record)
        holder: Any = trimmed
        for part in parents:
            holder = holder[part]
        holder.pop(name, None)
    try:
        return validator.validate_python(trimmed)
    except ValidationError:
        return None
