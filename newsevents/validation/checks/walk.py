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
    order.  The walk does not enter a found instance: spans inside spans do not exist.  A
    field that could not be read (see :mod:`newsevents.validation.partial`) is passed over."""
    found: list[tuple[str, Found]] = []
    steps = _STEPS.get(kind)
    if steps is None:
        steps = _STEPS[kind] = {}
    _collect(model, kind, base, found, steps)
    return found


_STEPS: dict[type[BaseModel], dict[type[BaseModel], tuple[tuple[str, str], ...]]] = {}
"""Per kind, per model class: (field name, its pointer step) of the fields that may hold a
``kind`` (a plain dict: looked up once per model visited)."""


def _collect(
    model: BaseModel,
    kind: type[Found],
    where: str,
    found: list[tuple[str, Found]],
    steps: dict[type[BaseModel], tuple[tuple[str, str], ...]],
) -> None:
    model_type = type(model)
    own = steps.get(model_type)
    if own is None:
        own = steps[model_type] = tuple((name, f"/{name}") for name in _paths_to(model_type, kind))
    fields = model.__dict__
    for name, step in own:
        value = fields.get(name)  # None too when it could not be read
        if value is None:
            continue
        at = where + step
        if isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, kind):
                    found.append((f"{at}/{index}", item))
                elif isinstance(item, BaseModel):
                    _collect(item, kind, f"{at}/{index}", found, steps)
        elif isinstance(value, kind):
            found.append((at, value))
        elif isinstance(value, BaseModel):
            _collect(value, kind, at, found, steps)


@cache
def _paths_to(model: type[BaseModel], kind: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` whose values may be, or contain, a ``kind`` instance."""
    return tuple(
        name
        for name, field in model.__pydantic_fields__.items()
        if any(_may_hold(m, kind, frozenset({model})) for m in _models_in(field.annotation))
    )


def _may_hold(model: type[BaseModel], kind: type[BaseModel], seen: frozenset[type]) -> bool:
    if issubclass(model, kind):
        return True
    if model in seen:  # a recursive model: what it may hold is found on the first visit
        return False
    inner = seen | {model}
    return any(
        _may_hold(m, kind, inner)
        for field in model.__pydantic_fields__.values()
        for m in _models_in(field.annotation)
    )


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    """The model classes an annotation names (through Optional, list, Annotated, unions)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in get_args(annotation):
        yield from _models_in(argument)
