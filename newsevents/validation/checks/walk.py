"""Find every instance of a model class anywhere inside a record, with its JSON pointer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from pydantic import BaseModel

Found = TypeVar("Found", bound=BaseModel)


def instances(model: BaseModel, kind: type[Found], base: str = "") -> Iterator[tuple[str, Found]]:
    """Yield (JSON pointer, value) for every ``kind`` instance inside ``model``, in field order.

    The walk does not enter a found instance: spans inside spans do not exist.
    """
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from _visit(value, kind, f"{base}/{name}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _visit(item, kind, f"{base}/{name}/{index}")


def _visit(value: BaseModel, kind: type[Found], where: str) -> Iterator[tuple[str, Found]]:
    if isinstance(value, kind):
        yield where, value
    else:
        yield from instances(value, kind, where)
