"""Find every instance of a model class anywhere inside a record, with its JSON pointer.

Which fields can hold the class at all is worked out once per model class from the type
annotations, so a walk visits only the few fields on a path to an instance (spans sit under a
dozen fields of an event; quantities under one).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any, TypeVar, get_args

from pydantic import BaseModel

Found = TypeVar("Found", bound=BaseModel)


def instances(model: BaseModel, kind: type[Found], base: str = "") -> list[tuple[str, Found]]:
    """Return (JSON pointer, value) for every ``kind`` instance inside ``model``, in field
    order.  The walk does not enter a found instance: spans inside spans do not exist."""
    found: list[tuple[str, Found]] = []
    stack: list[tuple[BaseModel, str]] = [(model, base)]
    while stack:
        current, where = stack.pop()
        if isinstance(current, kind) and current is not model:
            found.append((where, current))
            continue
        inner: list[tuple[BaseModel, str]] = []
        for name in _paths_to(type(current), kind):
            value = getattr(current, name)
            if isinstance(value, BaseModel):
                inner.append((value, f"{where}/{name}"))
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, BaseModel):
                        inner.append((item, f"{where}/{name}/{index}"))
        stack.extend(reversed(inner))
    return found


@cache
def _paths_to(model: type[BaseModel], kind: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` whose values may be, or contain, a ``kind`` instance."""
    return tuple(
        name
        for name, field in model.__pydantic_fields__.items()
        if any(_may_hold(m, kind) for m in _models_in(field.annotation))
    )


@cache
def _may_hold(model: type[BaseModel], kind: type[BaseModel]) -> bool:
    return issubclass(model, kind) or bool(_paths_to(model, kind))


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    """The model classes an annotation names (through Optional, list, Annotated, unions)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in get_args(annotation):
        yield from _models_in(argument)
