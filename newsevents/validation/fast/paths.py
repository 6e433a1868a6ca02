"""Where a model class occurs inside a record model: field paths derived from the models.

A path is a tuple of field names, ``"[]"`` standing for the items of a list, such as
``("participants", "[]", "mention")``.  The span and quantity checks follow these paths over
Arrow columns, so a span added anywhere in the models is checked without touching this code.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from newsevents.validation.fast.columns import Column

Path = tuple[str, ...]
ITEMS = "[]"


def _inner(annotation: Any) -> Any:
    """Strip Annotated and Optional, keeping the one type left."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _paths(model: type[BaseModel], target: type[BaseModel], base: Path) -> list[Path]:
    found: list[Path] = []
    hints = typing.get_type_hints(model, include_extras=True)
    for name in model.model_fields:
        annotation = _inner(hints[name])
        path = (*base, name)
        if get_origin(annotation) is list:
            annotation = _inner(get_args(annotation)[0])
            path = (*path, ITEMS)
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            continue
        if issubclass(annotation, target):
            found.append(path)
        else:
            found.extend(_paths(annotation, target, path))
    return found


@cache
def model_paths(models: tuple[type[BaseModel], ...], target: type[BaseModel]) -> tuple[Path, ...]:
    """Every path at which ``target`` occurs in any of ``models`` (each path once)."""
    seen: dict[Path, None] = {}
    for model in models:
        for path in _paths(model, target, ()):
            seen.setdefault(path)
    return tuple(seen)


def follow(column: Column, path: Path) -> Column:
    """Return the values at ``path`` below ``column`` (list items flattened)."""
    for step in path:
        column = column.items() if step == ITEMS else column.field(step)
    return column
