"""What every model shares: configuration, identifier types and rule violations by code."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)
from pydantic_core import InitErrorDetails, PydanticCustomError, PydanticKnownError

from newsevents.codes import spec

SCHEMA_MAJOR_PATTERN = r"^1\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$"

Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")]
"""A record id: 1-128 characters, letters, digits and ``._:-``, not starting with punctuation."""

WikidataId = Annotated[str, StringConstraints(pattern=r"^Q[1-9][0-9]{0,11}$")]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=500)]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_RFC3339 = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})?"
)


def _plain_date(value: Any) -> Any:
    # Lax pydantic would also take 0, b"...", datetimes and "2022-01-24T00:00:00", all of
    # which the JSON Schema (type string, format date) rejects: accept only what it accepts.
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        raise PydanticKnownError("date_type")
    if not _ISO_DATE.fullmatch(value):
        raise PydanticKnownError("date_parsing", {"error": "expected a plain YYYY-MM-DD date"})
    return value


def _rfc3339(value: Any) -> Any:
    # Lax pydantic would also take Unix timestamps and "2022-01-24 00:00Z"; the JSON Schema
    # says format date-time (RFC 3339).  Offsets in seconds would not survive a JSON dump.
    # A missing zone is left to pydantic, which reports it as timezone_aware (NE713).
    if isinstance(value, dt.datetime):
        offset = value.utcoffset()
        if offset is not None and offset.seconds % 60:
            raise PydanticKnownError("timezone_aware")
        return value
    if not isinstance(value, str):
        raise PydanticKnownError("datetime_type")
    if not _RFC3339.fullmatch(value):
        raise PydanticKnownError(
            "datetime_parsing", {"error": "expected an RFC 3339 date-time with a time zone"}
        )
    return value


IsoDate = Annotated[dt.date, Field(strict=False), BeforeValidator(_plain_date)]
"""A date given as ``YYYY-MM-DD`` in JSON (a ``datetime.date`` in Python), nothing laxer."""

IsoDatetime = Annotated[AwareDatetime, Field(strict=False), BeforeValidator(_rfc3339)]
"""A timestamp with a time zone, as an RFC 3339 string in JSON."""


class Model(BaseModel):
    """Base of every newsevents model: closed (unknown fields are errors), immutable, strict.

    Strict typing means ``"5"`` is not an integer and ``1`` is not ``true``: what the JSON
    Schema rejects, the model rejects.  Dates and timestamps are parsed from ISO 8601 strings.
    """

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        strict=True,
        use_attribute_docstrings=False,
        validate_default=False,
    )


@dataclass(frozen=True, slots=True)
class Violation:
    """A broken cross-field rule: its code, where (relative to the model) and the context."""

    code: str
    loc: tuple[str | int, ...]
    context: dict[str, Any] = field(default_factory=dict)
    value: Any = None


def raise_violations(model: BaseModel, violations: Iterable[Violation]) -> None:
    """Raise one ValidationError carrying every violation, each typed by its issue code."""
    found = list(violations)
    if not found:
        return
    details = [
        InitErrorDetails(
            type=PydanticCustomError(
                v.code,
                spec(v.code).render(**v.context).replace("{", "(").replace("}", ")"),
                v.context,
            ),
            loc=v.loc,
            input=v.value,
        )
        for v in found
    ]
    raise ValidationError.from_exception_data(type(model).__name__, details)


def since(version: str, **values: str) -> dict[str, Any]:
    """Field metadata: the schema version a field appeared in (and each later value's version).

    ``since("1.1.0")`` marks a field added in 1.1.0; ``since("1.0.0", imported="1.1.0")`` a
    field of 1.0.0 whose value ``imported`` was added in 1.1.0.  The metadata is published in
    the JSON Schema as ``x-since`` and ``x-values-since``, and
    :mod:`newsevents.models.versioning` derives each older version's restriction from it.
    """
    extra: dict[str, Any] = {"x-since": version}
    if values:
        extra["x-values-since"] = dict(sorted(values.items()))
    return extra


def optional_since(version: str) -> dict[str, Any]:
    """Field metadata: a field required before ``version`` and optional from it on."""
    return {"x-optional-since": version}


def duplicates(values: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Yield (index, value) for every value already seen earlier in ``values``."""
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            yield index, value
        seen.add(value)
