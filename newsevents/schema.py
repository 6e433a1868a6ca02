"""JSON Schema: generated from the models, published per version, loaded offline.

``generate()`` derives today's schemas from the pydantic models; the published files under
``schema/<version>/`` are those schemas frozen at release, and a test fails when the current
version's files differ from what the models generate.  ``load()`` reads any published version
from the files shipped with the package, never from the network.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from newsevents.models import EVENT_ADAPTER, Actor, Document
from newsevents.versions import PUBLISHED_VERSIONS, RECORD_TYPES, SCHEMA_VERSION

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE_URI = "https://w3id.org/newsevents/schema"

_TITLES = {
    "document": "newsevents document",
    "actor": "newsevents actor",
    "event": "newsevents event (alert, deployment, statement or general)",
}


def schema_id(version: str, record_type: str) -> str:
    """Return the ``$id`` of a published schema file."""
    return f"{BASE_URI}/{version}/{record_type}.json"


def generate(version: str = SCHEMA_VERSION) -> dict[str, dict[str, Any]]:
    """Generate the JSON Schema of every top-level record type from the models."""
    bodies: dict[str, dict[str, Any]] = {
        "document": Document.model_json_schema(),
        "actor": Actor.model_json_schema(),
        "event": conditional_on_type(EVENT_ADAPTER.json_schema()),
    }
    return {
        name: {
            "$schema": DRAFT,
            "$id": schema_id(version, name),
            "title": _TITLES[name],
            **{k: v for k, v in body.items() if k != "title"},
        }
        for name, body in bodies.items()
    }


def conditional_on_type(union: dict[str, Any]) -> dict[str, Any]:
    """Turn pydantic's ``oneOf`` with an OpenAPI ``discriminator`` into ``if``/``then``.

    JSON Schema validators ignore ``discriminator``: with ``oneOf`` an alert missing a field
    was told what the deployment branch lacked.  With one ``if``/``then`` per event type, the
    only errors are those of the record's own type, so python-jsonschema's ``best_match`` and
    check-jsonschema name the missing field of the right event type.
    """
    discriminator = union["discriminator"]
    name, mapping = discriminator["propertyName"], discriminator["mapping"]
    return {
        "type": "object",
        "required": [name],
        "properties": {
            name: {
                "description": "The kind of event; the fields it allows follow from it.",
                "enum": list(mapping),
            }
        },
        "allOf": [
            {
                "if": {"properties": {name: {"const": value}}, "required": [name]},
                "then": {"$ref": ref},
            }
            for value, ref in mapping.items()
        ],
        "$defs": union["$defs"],
    }


def dumps(schema: dict[str, Any]) -> str:
    """Serialise a schema the way it is committed: sorted keys, 2-space indent, final newline."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def published_root() -> Traversable | Path:
    """Return the folder holding ``<version>/<record_type>.json`` for every published version.

    In a wheel the files are shipped inside the package (``newsevents/_published/schema``);
    in a source checkout they are the repository's ``schema/`` folder.
    """
    shipped = files("newsevents") / "_published" / "schema"
    if shipped.is_dir():
        return shipped
    return Path(__file__).resolve().parent.parent / "schema"


@cache
def load(version: str, record_type: str) -> dict[str, Any]:
    """Return the published JSON Schema of ``record_type`` at ``version``, read offline."""
    if version not in PUBLISHED_VERSIONS:
        known = ", ".join(PUBLISHED_VERSIONS)
        raise KeyError(f"schema version {version!r} is not published; published: {known}")
    if record_type not in RECORD_TYPES:
        raise KeyError(f"unknown record type {record_type!r}; known: {', '.join(RECORD_TYPES)}")
    text = (published_root() / version / f"{record_type}.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def write(root: Path, version: str = SCHEMA_VERSION) -> list[Path]:
    """Write the generated schemas of ``version`` under ``root/<version>/``."""
    folder = root / version
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in generate(version).items():
        path = folder / f"{name}.json"
        path.write_text(dumps(schema), encoding="utf-8")
        written.append(path)
    return written
