"""Dataset metadata the ecosystem's own tools read: Croissant JSON-LD and a Frictionless package.

Croissant describes every Parquet file (with its sha256) and one record set per table, nested
fields as ``subField``s; its ``@context`` is inline, the Croissant 1.1 context exactly as
mlcroissant expects it.  The Frictionless data package describes only the flat table (CSV
and Parquet): Frictionless reads Parquet through pandas, where list-of-struct cells fail every
type check, so the nested tables are described by Croissant and the Arrow schema instead.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from newsevents.io.arrow import arrow_schema
from newsevents.tools.dataset_flat import COLUMNS, FLAT_SCHEMA
from newsevents.tools.dataset_source import Source

LICENSE_URL = {"CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/"}
LICENSE_TITLE = {"CC-BY-4.0": "Creative Commons Attribution 4.0 International"}
DATASET_BASE_URI = "https://w3id.org/newsevents/datasets"

CROISSANT_CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "arrayShape": "cr:arrayShape",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "containedIn": "cr:containedIn",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "description": {"@container": "@language"},
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isArray": "cr:isArray",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "name": {"@container": "@language"},
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
"""The Croissant 1.1 JSON-LD context (mlcroissant ``make_context`` for a 1.1 document)."""

PARQUET_TABLES = ("documents", "actors", "events")
TABLE_RECORD_TYPE = {"documents": "document", "actors": "actor", "events": "event"}

# The nested columns described in Croissant, with the sub-fields a user most often needs.
_NESTED: dict[str, dict[str, tuple[str, ...]]] = {
    "documents": {"publication": ("date", "status", "basis")},
    "actors": {},
    "events": {
        "factuality": ("polarity", "modality", "tense", "certainty", "genericity"),
        "cameo": ("code", "root", "quad_class", "goldstein"),
        "trigger": ("start", "end", "exact"),
        "time": ("date", "precision", "inferred"),
    },
}
_LISTS: dict[str, dict[str, tuple[str, ...]]] = {
    "documents": {},
    "actors": {},
    "events": {"participants": ("actor_id", "role")},
}


def _data_type(arrow_type: pa.DataType) -> str:
    if pa.types.is_boolean(arrow_type):
        return "sc:Boolean"
    if pa.types.is_integer(arrow_type):
        return "sc:Integer"
    if pa.types.is_floating(arrow_type):
        return "sc:Float"
    if pa.types.is_date(arrow_type):
        return "sc:Date"
    return "sc:Text"


def _source(file_id: str, column: str, json_path: str | None = None) -> dict[str, Any]:
    source: dict[str, Any] = {"fileObject": {"@id": file_id}, "extract": {"column": column}}
    if json_path is not None:
        source["transform"] = {"jsonPath": json_path}
    return source


def _field(set_name: str, name: str, arrow_field: pa.Field, file_id: str) -> dict[str, Any]:
    description = (arrow_field.metadata or {}).get(b"description", b"").decode("utf-8")
    field: dict[str, Any] = {
        "@type": "cr:Field",
        "@id": f"{set_name}/{name}",
        "name": name,
        "description": description or name,
        "dataType": _data_type(arrow_field.type),
        "source": _source(file_id, name),
    }
    return field


def _nested_field(
    set_name: str, name: str, arrow_field: pa.Field, file_id: str, parts: tuple[str, ...]
) -> dict[str, Any]:
    is_list = pa.types.is_list(arrow_field.type)
    struct = arrow_field.type.value_type if is_list else arrow_field.type
    field = _field(set_name, name, arrow_field, file_id)
    del field["dataType"]
    if is_list:
        field.update(isArray=True, arrayShape="-1")
    field["subField"] = [
        {
            "@type": "cr:Field",
            "@id": f"{set_name}/{name}/{part}",
            "name": part,
            "description": part,
            "dataType": _data_type(struct.field(part).type),
            "source": _source(file_id, name, part),
        }
        for part in parts
    ]
    return field


def _record_set(set_name: str, schema: pa.Schema, file_id: str) -> dict[str, Any]:
    fields = []
    for arrow_field in schema:
        name = arrow_field.name
        if name in _NESTED.get(set_name, {}):
            parts = _NESTED[set_name][name]
            fields.append(_nested_field(set_name, name, arrow_field, file_id, parts))
        elif name in _LISTS.get(set_name, {}):
            parts = _LISTS[set_name][name]
            fields.append(_nested_field(set_name, name, arrow_field, file_id, parts))
        elif not (pa.types.is_struct(arrow_field.type) or pa.types.is_list(arrow_field.type)):
            fields.append(_field(set_name, name, arrow_field, file_id))
    return {
        "@type": "cr:RecordSet",
        "@id": set_name,
        "name": set_name,
        "description": f"One record per {TABLE_RECORD_TYPE.get(set_name, 'event')}.",
        "key": {"@id": f"{set_name}/{'event_id' if set_name == 'events_flat' else 'id'}"},
        "field": fields,
    }


def citation_bibtex(source: Source) -> str:
    """Return the BibTeX entry of the dataset."""
    year = source.released[:4]
    return (
        f"@misc{{newsevents_{source.name.replace('-', '_')}_{year},\n"
        f"  title = {{{{{source.title}}}}},\n"
        f"  author = {{{{newsevents developers}}}},\n"
        f"  year = {{{year}}},\n"
        f"  version = {{{source.version}}},\n"
        f"  note = {{Annotations licensed {source.license}}}\n"
        "}"
    )


def croissant(source: Source, sha256: dict[str, str]) -> dict[str, Any]:
    """Return the Croissant 1.1 JSON-LD description of the built dataset."""
    files = {f"{table}-parquet": f"{table}.parquet" for table in (*PARQUET_TABLES, "events_flat")}
    distribution = [
        {
            "@type": "cr:FileObject",
            "@id": file_id,
            "name": file_id,
            "contentUrl": path,
            "encodingFormat": "application/x-parquet",
            "sha256": sha256[path],
        }
        for file_id, path in files.items()
    ]
    version = source.document.schema_version
    record_sets = [
        _record_set(table, arrow_schema(TABLE_RECORD_TYPE[table], version), f"{table}-parquet")
        for table in PARQUET_TABLES
    ]
    record_sets.append(_record_set("events_flat", FLAT_SCHEMA, "events_flat-parquet"))
    return {
        "@context": CROISSANT_CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": "http://mlcommons.org/croissant/1.1",
        "name": source.name,
        "description": source.description,
        "license": LICENSE_URL[source.license],
        "url": f"{DATASET_BASE_URI}/{source.name}/{source.version}",
        "version": source.version,
        "datePublished": source.released,
        "citeAs": citation_bibtex(source),
        "creator": {"@type": "sc:Organization", "name": "newsevents developers"},
        "keywords": ["event data", "CAMEO", "PLOVER", "ACLED", "military", "annotation"],
        "inLanguage": source.document.language,
        "distribution": distribution,
        "recordSet": record_sets,
    }


_CONSTRAINTS: dict[str, dict[str, Any]] = {
    "event_id": {"required": True, "unique": True, "pattern": "^[A-Za-z0-9][A-Za-z0-9._:-]*$"},
    "document_id": {"required": True},
    "polarity": {"required": True, "enum": ["positive", "negative"]},
    "realis": {"required": True, "enum": ["ACTUAL", "GENERIC", "OTHER"]},
    "time_precision": {"enum": [1, 2, 3]},
    "quad_class": {"enum": [1, 2, 3, 4]},
    "cameo_code": {"pattern": "^[0-9]{2,4}$"},
    "trigger_start": {"minimum": 0},
    "trigger_end": {"minimum": 0},
    "force_size": {"minimum": 0},
}


def event_types(schema_version: str) -> list[str]:
    """Return the event types schema ``schema_version`` has, from the models (1.1.0 added
    ``general``)."""
    from typing import get_args

    from newsevents.models import Event as AnyEvent
    from newsevents.models.versioning import model_in_version

    members = get_args(get_args(AnyEvent)[0])
    return [
        value
        for member in members
        if model_in_version(member, schema_version)
        for value in get_args(member.model_fields["event_type"].annotation)
    ]


def _table_schema(parquet: bool, schema_version: str) -> dict[str, Any]:
    """Return the Table Schema of the flat table of records of ``schema_version``.

    Frictionless reads Parquet through pandas, which turns an integer column with missing
    values into floats (8500.0, NaN): in the Parquet resource such columns are numbers with
    no constraints, since NaN fails every one.
    """
    fields = []
    for column in COLUMNS:
        field: dict[str, Any] = {
            "name": column.name,
            "type": column.frictionless,
            "description": column.description,
        }
        constraints = _CONSTRAINTS.get(column.name)
        if column.name == "event_type":
            constraints = {"required": True, "enum": event_types(schema_version)}
        if parquet and column.frictionless == "integer":
            field["type"], constraints = "number", None
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    return {"fields": fields, "primaryKey": ["event_id"], "missingValues": [""]}


def datapackage(source: Source, sha256: dict[str, str]) -> dict[str, Any]:
    """Return the Frictionless data package of the flat events table (CSV and Parquet)."""
    version = source.document.schema_version
    return {
        "name": source.name,
        "title": source.title,
        "description": source.description,
        "version": source.version,
        "licenses": [
            {
                "name": source.license,
                "path": LICENSE_URL[source.license],
                "title": LICENSE_TITLE[source.license],
            }
        ],
        "resources": [
            {
                "name": "events_flat_csv",
                "path": "events_flat.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "hash": f"sha256:{sha256['events_flat.csv']}",
                "schema": _table_schema(parquet=False, schema_version=version),
            },
            {
                "name": "events_flat_parquet",
                "path": "events_flat.parquet",
                "format": "parquet",
                "schema": _table_schema(parquet=True, schema_version=version),
            },
        ],
    }
