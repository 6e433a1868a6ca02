"""Each published version as a restriction of the one set of models.

The models describe the newest schema; every field, value or relaxation added later than
1.0.0 carries the version it appeared in (``since`` in :mod:`newsevents.models.base`).  A
record declaring an older version is validated by the same models and then checked against
that metadata: a 1.0.0 record that uses a 1.1.0 field or value is an NE205 issue, and one
that leaves out what 1.0.0 required an NE301.  No rule is written twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, get_args

from pydantic import BaseModel, TypeAdapter, ValidationError

from newsevents.models.base import Violation, raise_violations
from newsevents.versions import PUBLISHED_VERSIONS, SCHEMA_VERSION, is_before, reading_version

Loc = tuple[str | int, ...]


def _extra(model: type[BaseModel], name: str) -> dict[str, Any]:
    extra = model.model_fields[name].json_schema_extra
    return extra if isinstance(extra, dict) else {}


def newer_features(model: BaseModel, declared: str, loc: Loc = ()) -> Iterator[Violation]:
    """Yield a violation for every part of ``model`` that ``declared`` does not have yet."""
    found: list[Violation] = []
    _newer(model, declared, loc, found)
    return iter(found)


def _newer(model: BaseModel, declared: str, loc: Loc, found: list[Violation]) -> None:
    # Appends rather than yields: a walk of nested generators costs a record of an older
    # version several microseconds.  A model with nothing to say at its own level (the
    # usual case) is only looked through for its nested models.
    plan, fields = _plan(type(model), declared), model.__dict__
    own = not plan.added.isdisjoint(model.__pydantic_fields_set__)
    for name in plan.relaxed:
        own = own or fields.get(name) is None
    for name, values in plan.valued:
        value = fields.get(name)
        own = own or (isinstance(value, str) and value in values)
    if own:
        _newer_in_order(model, declared, loc, found)
        return
    for name in plan.nested:
        value = fields.get(name)
        if value is not None:
            _nested(value, declared, (*loc, name), found)


def _newer_in_order(model: BaseModel, declared: str, loc: Loc, found: list[Violation]) -> None:
    fields = model.__dict__
    for name, added, relaxed, values, nested in _plan(type(model), declared).steps:
        value = fields.get(name)
        # Given at all, even as null, a later field is one the older schema does not know.
        if added is not None and name in model.model_fields_set:
            context = {"feature": f"field {name}", "since": added, "declared": declared}
            found.append(Violation("NE205", (*loc, name), context, value))
            continue
        if relaxed and value is None:
            found.append(Violation("NE301", (*loc, name), {"field": name}))
        if values and isinstance(value, str) and value in values:
            context = {"feature": f"{name} {value!r}", "since": values[value], "declared": declared}
            found.append(Violation("NE205", (*loc, name), context, value))
        if nested and value is not None:
            _nested(value, declared, (*loc, name), found)


Step = tuple[str, str | None, bool, dict[str, str], bool]


@dataclass(frozen=True, slots=True)
class Plan:
    """What of a model class a version may not have, worked out once per class and version
    so a record is not walked field by field."""

    steps: tuple[Step, ...]
    """(name, the version it was added in, whether it was required then, its values added
    since, whether it may hold a model with such a field), in field order."""
    added: frozenset[str]
    relaxed: tuple[str, ...]
    valued: tuple[tuple[str, dict[str, str]], ...]
    nested: tuple[str, ...]


@cache
def _plan(kind: type[BaseModel], declared: str) -> Plan:
    """The :class:`Plan` of ``kind`` for records declaring ``declared``."""
    steps = []
    for name, field in kind.model_fields.items():
        extra = _extra(kind, name)
        added = extra.get("x-since")
        relaxed = extra.get("x-optional-since")
        values = {
            value: since
            for value, since in extra.get("x-values-since", {}).items()
            if is_before(declared, since)
        }
        new = added if isinstance(added, str) and is_before(declared, added) else None
        required = isinstance(relaxed, str) and is_before(declared, relaxed)
        nested = any(_concerned(m, declared, frozenset()) for m in _models_in(field.annotation))
        if new is not None or required or values or nested:
            steps.append((name, new, required, values, nested))
    return Plan(
        steps=tuple(steps),
        added=frozenset(s[0] for s in steps if s[1] is not None),
        relaxed=tuple(s[0] for s in steps if s[2]),
        valued=tuple((s[0], s[3]) for s in steps if s[3]),
        nested=tuple(s[0] for s in steps if s[4]),
    )


def _concerned(kind: type[BaseModel], declared: str, seen: frozenset[type]) -> bool:
    """Whether a ``kind`` value may hold a part that ``declared`` does not have."""
    if kind in seen:  # a recursive model: its own fields are looked at on the first visit
        return False
    for name, field in kind.model_fields.items():
        extra = _extra(kind, name)
        versions = [extra.get("x-since"), extra.get("x-optional-since")]
        versions += list(extra.get("x-values-since", {}).values())
        if any(isinstance(v, str) and is_before(declared, v) for v in versions):
            return True
        inner = seen | {kind}
        if any(_concerned(m, declared, inner) for m in _models_in(field.annotation)):
            return True
    return False


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    """The model classes an annotation names (through Optional, list, Annotated, unions)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in get_args(annotation):
        yield from _models_in(argument)


def _nested(value: Any, declared: str, loc: Loc, found: list[Violation]) -> None:
    if isinstance(value, BaseModel):
        _newer(value, declared, loc, found)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _nested(item, declared, (*loc, index), found)


class VersionValidator:
    """Validates records of one published version: the models, restricted to that version."""

    def __init__(self, adapter: TypeAdapter[Any], version: str) -> None:
        self.adapter = adapter
        self.version = version
        self.older = is_before(version, SCHEMA_VERSION)

    def validate_python(self, data: Any) -> Any:
        """Return the typed record, or raise ValidationError (NE205, NE301 for old versions)."""
        model = self.adapter.validate_python(data)
        if self.older and isinstance(model, BaseModel):
            found: list[Violation] = []
            _newer(model, self.version, (_tag(model),), found)
            if found:  # the event type of _keyed costs an AttributeError on other records
                raise_violations(model, _keyed(model, found))
        return model

    def is_valid(self, data: Any) -> bool:
        """Whether ``data`` is a valid record of this version."""
        try:
            self.validate_python(data)
        except ValidationError:
            return False
        return True


def _tag(model: BaseModel) -> str:
    # The loc of an error from the record union starts with the record type (and the event
    # type); keep that shape so locations read the same whichever check found the issue.
    return str(getattr(model, "record_type", type(model).__name__))


def _keyed(model: BaseModel, found: list[Violation]) -> list[Violation]:
    event_type = getattr(model, "event_type", None)
    if event_type is None:
        return found
    return [
        Violation(v.code, (v.loc[0], event_type, *v.loc[1:]), v.context, v.value) for v in found
    ]


@cache
def validator_for(version: str) -> VersionValidator:
    """Return the validator of records declaring ``version`` (a published version, or one
    read as a published version: see :func:`newsevents.versions.reading_version`).

    Raises KeyError for a version of a major this library does not read.
    """
    from newsevents.models import RECORD_ADAPTER

    reading = reading_version(version)
    if reading is None:
        known = ", ".join(PUBLISHED_VERSIONS)
        raise KeyError(f"schema version {version!r} is not supported; published: {known}")
    return VersionValidator(RECORD_ADAPTER, reading)


def field_in_version(model: type[BaseModel], name: str, version: str) -> bool:
    """Whether field ``name`` of ``model`` exists in schema ``version``."""
    added = _extra(model, name).get("x-since")
    return not (isinstance(added, str) and is_before(version, added))


def field_required_in_version(model: type[BaseModel], name: str, version: str) -> bool:
    """Whether field ``name`` of ``model`` is required in schema ``version``."""
    relaxed = _extra(model, name).get("x-optional-since")
    was_required = isinstance(relaxed, str) and is_before(version, relaxed)
    return model.model_fields[name].is_required() or was_required


def model_in_version(model: type[BaseModel], version: str) -> bool:
    """Whether a record model exists in ``version`` (an event type added later does not)."""
    return "event_type" not in model.model_fields or field_in_version(model, "event_type", version)


@cache
def _published_properties(version: str) -> dict[str, dict[str, Any]]:
    from newsevents.schema import load

    found: dict[str, dict[str, Any]] = {}
    for record_type, root in (("document", "Document"), ("actor", "Actor"), ("event", None)):
        published = load(version, record_type)
        if root is not None:
            found[root] = published.get("properties", {})
        for name, body in published.get("$defs", {}).items():
            found.setdefault(name, body.get("properties", {}))
    return found


def field_description(model: type[BaseModel], name: str, version: str = SCHEMA_VERSION) -> str:
    """Return the description of field ``name`` of ``model`` as published in ``version``.

    An older version's description is read from its published JSON Schema, so artefacts of
    that version (such as a dataset's Parquet columns) stay as they were published.
    """
    current = model.model_fields[name].description or ""
    if version == SCHEMA_VERSION or version not in PUBLISHED_VERSIONS:
        return current
    published = _published_properties(version).get(model.__name__, {}).get(name, {})
    description = published.get("description") if isinstance(published, dict) else None
    return description if isinstance(description, str) else current
