"""The Arrow schema of each record table, derived from the pydantic models, and conversions.

Every model field becomes a column (nested models become structs, lists become lists), so
DuckDB, Polars and pandas see the same nesting as the JSON.  Dates are ``date32``; timestamps
stay ISO 8601 strings so the offset written by the annotator survives a round trip.  All
event types share one table: the union of their fields, type-specific ones null elsewhere.
The schema, codebook and (for datasets) dataset versions travel in the file's key-value
metadata, under ``newsevents.*`` keys.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pyarrow as pa
from pydantic import AwareDatetime, BaseModel

from newsevents.codebooks import CODEBOOK_VERSION
from newsevents.models import Actor, Alert, Deployment, Document, GeneralEvent, Statement
from newsevents.models.versioning import (
    field_description,
    field_in_version,
    field_required_in_version,
    model_in_version,
)
from newsevents.versions import SCHEMA_VERSION, reading_version

TABLE_MODELS: dict[str, tuple[type[BaseModel], ...]] = {
    "document": (Document,),
    "actor": (Actor,),
    "event": (Alert, Deployment, Statement, GeneralEvent),
}
"""The models whose fields make up each record table (in versions that have them)."""

METADATA_PREFIX = "newsevents."


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """Strip Annotated and Optional; return (inner type, nullable)."""
    nullable = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            nullable = nullable or len(args) < len(get_args(annotation))
            if len(args) != 1:
                raise TypeError(f"no Arrow type for union {annotation!r}")
            annotation = args[0]
        else:
            return annotation, nullable


def _arrow_type(annotation: Any, version: str) -> pa.DataType:
    inner, _ = _unwrap(annotation)
    origin = get_origin(inner)
    if origin is Literal:
        values = get_args(inner)
        return pa.int8() if all(isinstance(v, int) for v in values) else pa.string()
    if origin is list:
        return pa.list_(_arrow_type(get_args(inner)[0], version))
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return pa.struct(_fields((inner,), version))
    simple: dict[Any, pa.DataType] = {
        str: pa.string(),
        bool: pa.bool_(),
        int: pa.int64(),
        float: pa.float64(),
        dt.date: pa.date32(),
        dt.datetime: pa.string(),
    }
    if inner in simple:
        return simple[inner]
    if inner is AwareDatetime:
        return pa.string()
    raise TypeError(f"no Arrow type for {inner!r}")


def _fields(models: tuple[type[BaseModel], ...], version: str) -> list[pa.Field]:
    # Fields and event types added after ``version`` are left out (models.versioning), so a
    # file of an older version keeps that version's columns.
    fields: dict[str, pa.Field] = {}
    models = tuple(m for m in models if model_in_version(m, version))
    for model in models:
        hints = typing.get_type_hints(model, include_extras=True)
        for name, info in model.model_fields.items():
            if name in fields or not field_in_version(model, name, version):
                continue
            annotation = hints[name]
            _, nullable = _unwrap(annotation)
            required = field_required_in_version(model, name, version)
            if required and not info.is_required():
                nullable = False  # optional only since a later version: required here
            # A field required in one event type is absent from the others: nullable.
            nullable = nullable or not required or len(models) > 1
            arrow_type = _arrow_type(annotation, version)
            description = field_description(model, name, version).encode("utf-8")
            fields[name] = pa.field(name, arrow_type, nullable, {b"description": description})
    return list(fields.values())


def table_version(written: str) -> str:
    """The schema version whose columns a file written as ``written`` has: itself when
    published, else the version it is read as (the current one when unknown)."""
    return reading_version(written) or SCHEMA_VERSION


@cache
def arrow_schema(record_type: str, version: str = SCHEMA_VERSION) -> pa.Schema:
    """Return the Arrow schema of the ``record_type`` table (document, actor or event) in
    schema ``version``."""
    return pa.schema(
        _fields(TABLE_MODELS[record_type], version),
        metadata=schema_metadata(record_type, {"schema_version": version}),
    )


def schema_metadata(record_type: str, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """Return the key-value metadata written into every Parquet file of ``record_type``."""
    metadata = {
        f"{METADATA_PREFIX}record_type": record_type,
        f"{METADATA_PREFIX}schema_version": SCHEMA_VERSION,
        f"{METADATA_PREFIX}codebook_version": CODEBOOK_VERSION,
    }
    metadata.update({f"{METADATA_PREFIX}{k}": v for k, v in (extra or {}).items()})
    return metadata


def _as_json_dict(record: BaseModel | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(record, BaseModel):
        return record.model_dump(mode="json", exclude_none=True)
    return dict(record)


def _convert(value: Any, arrow_type: pa.DataType, date: Any) -> Any:
    """Apply ``date`` to every date32 value in ``value``, guided by ``arrow_type``."""
    if value is None:
        return None
    if pa.types.is_date32(arrow_type):
        return date(value)
    if pa.types.is_struct(arrow_type):
        return {
            field.name: _convert(value.get(field.name), field.type, date)
            for field in arrow_type
            if value.get(field.name) is not None
        }
    if pa.types.is_list(arrow_type):
        return [_convert(item, arrow_type.value_type, date) for item in value]
    return value


def _row_type(record_type: str, version: str = SCHEMA_VERSION) -> pa.StructType:
    return pa.struct(list(arrow_schema(record_type, version)))


def records_to_table(
    record_type: str,
    records: Iterable[BaseModel | Mapping[str, Any]],
    extra_metadata: Mapping[str, str] | None = None,
    version: str = SCHEMA_VERSION,
) -> pa.Table:
    """Return an Arrow table of ``records`` (models or canonical JSON dicts) with the
    columns of schema ``version``.

    Every value is kept exactly or nothing is written: a value the column would change
    (a string for a list, 97.0 for an integer) or a field without a column raises
    :class:`newsevents.io.faithful.ConversionError` listing each (NE120, NE121).
    """
    from newsevents.io.faithful import ConversionError, unfaithful

    row_type = _row_type(record_type, version)
    dicts = [_as_json_dict(r) for r in records]
    problems = unfaithful(dicts, row_type, record_type)
    if problems:
        raise ConversionError(record_type, problems)
    rows = [_convert(row, row_type, dt.date.fromisoformat) for row in dicts]
    table = pa.Table.from_pylist(rows, schema=arrow_schema(record_type, version))
    metadata = {"schema_version": version, **(extra_metadata or {})}
    return table.replace_schema_metadata(schema_metadata(record_type, metadata))


def table_to_records(table: pa.Table, record_type: str | None = None) -> list[dict[str, Any]]:
    """Return the rows of a record table as canonical JSON dicts (nulls dropped)."""
    row_type = _row_type(record_type or _record_type_of(table))
    return [_convert(row, row_type, dt.date.isoformat) for row in table.to_pylist()]


def _record_type_of(table: pa.Table) -> str:
    metadata = table.schema.metadata or {}
    value = metadata.get(f"{METADATA_PREFIX}record_type".encode())
    if value is None:
        raise ValueError("the table carries no newsevents.record_type metadata")
    return bytes(value).decode("utf-8")
