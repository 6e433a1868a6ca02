"""The part of a broken record that could be read, so one run reports everything wrong with it.

A record that fails validation has no model, so no record check could run on it: a user fixed
the structure first, and only the next run showed a wrong reference or span.  The view built
here is a model of the record's own class holding every field that validates on its own; a
field that does not (or a required one that is missing) is left unset, and reading it raises
AttributeError.  The runner then runs the record's own rules and every registered check
that reads only fields that could be read, so the issues about a field do not depend on
which other fields are broken.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from copy import copy
from functools import cache, partial
from typing import Annotated, Any, get_args

from pydantic import BaseModel, ConfigDict, PydanticUserError, TypeAdapter, ValidationError

from newsevents.models import Record

Tags = tuple[str, str | None]


@cache
def record_classes() -> dict[Tags, type[BaseModel]]:
    """The model class of each (record_type, event_type), read from the record union."""
    found: dict[Tags, type[BaseModel]] = {}
    for model in _models_in(Record):
        record_types = _literal_values(model, "record_type")
        event_types: list[str | None] = [*_literal_values(model, "event_type")] or [None]
        for record_type in record_types:
            for event_type in event_types:
                found[(record_type, event_type)] = model
    return found


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for argument in get_args(annotation):
        yield from _models_in(argument)


def _literal_values(model: type[BaseModel], name: str) -> list[str]:
    field = model.model_fields.get(name)
    return [] if field is None else [v for v in get_args(field.annotation) if isinstance(v, str)]


def record_class(raw: Mapping[str, Any]) -> type[BaseModel] | None:
    """The model class ``raw`` declares by its tags, or None when they name none."""
    classes = record_classes()
    record_type, event_type = raw.get("record_type"), raw.get("event_type")
    if not isinstance(record_type, str):
        return None
    found = classes.get((record_type, None))
    if found is None and isinstance(event_type, str):
        found = classes.get((record_type, event_type))
    return found


@cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    field = model.model_fields[name]
    strict = bool(model.model_config.get("strict", False))
    annotated: Any = Annotated[field.annotation, field]
    try:
        return TypeAdapter(annotated, config=ConfigDict(strict=strict))
    except PydanticUserError:  # a model field: the model's own config applies
        return TypeAdapter(annotated)


def partial_view(model: type[BaseModel], raw: Mapping[str, Any]) -> tuple[BaseModel, bool]:
    """Return the view of ``raw`` as a ``model`` and whether it is complete (every field could
    be read and no unknown field was given: then the model's own rules ran already)."""
    values: dict[str, Any] = {}
    unread: list[str] = []
    for name, field in model.model_fields.items():
        if name in raw:
            try:
                values[name] = _field_adapter(model, name).validate_python(raw[name])
            except ValidationError:
                unread.append(name)
        elif field.is_required():
            unread.append(name)
    view = _construct(model, values, raw)
    complete = not unread and all(key in model.model_fields for key in raw)
    return view, complete


def _construct(model: type[BaseModel], values: dict[str, Any], raw: Mapping[str, Any]) -> Any:
    """``model.model_construct`` without its cost (it inspects every default factory on every
    call): the values given, the defaults of the optional fields not given, nothing else (a
    field left out raises AttributeError when read)."""
    state = {name: make() for name, make in _defaults(model).items() if name not in raw}
    state.update(values)
    view = model.__new__(model)
    object.__setattr__(view, "__dict__", state)
    object.__setattr__(view, "__pydantic_fields_set__", set(values))
    object.__setattr__(view, "__pydantic_extra__", None)
    object.__setattr__(view, "__pydantic_private__", None)
    return view


@cache
def _defaults(model: type[BaseModel]) -> dict[str, Callable[[], Any]]:
    found: dict[str, Callable[[], Any]] = {}
    for name, field in model.model_fields.items():
        if field.is_required():
            continue
        factory = field.default_factory
        if factory is None:
            found[name] = partial(copy, field.default)
        elif field.default_factory_takes_validated_data:
            found[name] = partial(factory, {})  # type: ignore[call-arg]
        else:
            found[name] = factory  # type: ignore[assignment]
    return found


def own_rules(view: BaseModel) -> Iterator[ValidationError]:
    """Run the model's own cross-field rules on ``view``: the error of each rule that could
    read what it needs (a rule reading a field that could not be read is left out)."""
    decorators = type(view).__pydantic_decorators__.model_validators
    for decorator in decorators.values():
        if decorator.info.mode != "after":
            continue
        try:
            decorator.func(view)
        except ValidationError as error:
            yield error
        except AttributeError:
            continue
