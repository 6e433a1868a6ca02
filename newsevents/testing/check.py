"""Assertion helpers: what a model reports for a record, as (code, location) pairs."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

Loc = tuple[str | int, ...]


def errors_of(model: type[BaseModel] | TypeAdapter[Any], data: Any) -> list[tuple[str, Loc]]:
    """Return (error type, location) of every error ``model`` reports for ``data``; [] if valid.

    A model rule's error type is its issue code (``NE603``); other types are pydantic's own
    (``missing``, ``int_type`` ...).  ``data`` is validated as Python (a JSON-ready dict).
    """
    try:
        if isinstance(model, TypeAdapter):
            model.validate_python(data)
        else:
            model.model_validate(data)
    except ValidationError as error:
        return [(str(e["type"]), tuple(e["loc"])) for e in error.errors()]
    return []
