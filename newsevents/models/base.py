"""What every model shares: configuration, identifier types and rule violations by code."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from newsevents.codes import spec

SCHEMA_MAJOR_PATTERN = r"^1\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$"

Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")]
"""A record id: 1-128 characters, letters, digits and ``._:-``, not starting with punctuation."""

WikidataId = Annotated[str, StringConstraints(pattern=r"^Q[1-9][0-9]{0,11}$")]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=500)]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]


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


def duplicates(values: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Yield (index, value) for every value already seen earlier in ``values``."""
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            yield index, value
        seen.add(value)
