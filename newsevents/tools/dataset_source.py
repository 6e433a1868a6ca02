"""Read the hand-written dataset source and expand it into validated records.

The source (``datasets/<name>/source/annotations.yaml``) is written by hand.  Expansion adds
only what follows mechanically from it, as docs/codebook.md states: ``record_type``,
``schema_version``, ``document_id`` and ``provenance`` from the source's ``defaults``, the
document's text and sha256, every span's 32-code-point prefix and suffix, and a CAMEO code's
root, quad class and Goldstein value from the bundled codebook.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from newsevents.codebooks import cameo_code, expected_goldstein, expected_quad_class
from newsevents.models import RECORD_ADAPTER, Actor, Document, EvidenceSpan, text_sha256
from newsevents.models.events import Alert, Deployment, GeneralEvent, Statement

CONTEXT_WIDTH = 32
"""Code points of text kept before and after each span (as Hypothesis does)."""

Event = Alert | Deployment | Statement | GeneralEvent


@dataclass(frozen=True)
class Source:
    """The parsed hand-written source: dataset name and version, and its records."""

    name: str
    version: str
    title: str
    description: str
    license: str
    released: str
    guideline_version: str
    document: Document
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    configurations: tuple[Configuration, ...] = ()


@dataclass(frozen=True)
class Configuration:
    """Another annotation of the same text, published beside the main records as its own
    configuration: a hand-written JSON Lines file shipped unchanged, or another source."""

    name: str
    description: str
    documents: tuple[Document, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]


class SourceError(ValueError):
    """The hand-written source is inconsistent (a span off its text, an unknown code...)."""


def read_yaml(path: Path) -> dict[str, Any]:
    """Parse a YAML file, keeping dates as ISO strings."""
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(loaded, dict):
        raise SourceError(f"{path}: the source must be a mapping")
    return _dates_to_text(loaded)  # type: ignore[no-any-return]


def _dates_to_text(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _dates_to_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_to_text(v) for v in value]
    return value


def _is_span(value: dict[str, Any]) -> bool:
    return {"start", "end", "exact"} <= value.keys()


def add_span_context(value: Any, text: str, where: str = "") -> Any:
    """Return ``value`` with prefix and suffix added to every span, checking each span's text."""
    if isinstance(value, list):
        return [add_span_context(v, text, f"{where}[{i}]") for i, v in enumerate(value)]
    if not isinstance(value, dict):
        return value
    expanded = {k: add_span_context(v, text, f"{where}.{k}") for k, v in value.items()}
    if _is_span(expanded):
        start, end = expanded["start"], expanded["end"]
        if text[start:end] != expanded["exact"]:
            found = text[start:end]
            raise SourceError(f"{where}: text[{start}:{end}] is {found!r}, not {value['exact']!r}")
        prefix = text[max(0, start - CONTEXT_WIDTH) : start]
        suffix = text[end : end + CONTEXT_WIDTH]
        expanded.update({"prefix": prefix or None, "suffix": suffix or None})
        expanded = {k: v for k, v in expanded.items() if v is not None}
    return expanded


def cameo_coding(code: str) -> dict[str, Any]:
    """Return the full CAMEO coding of ``code`` (GDELT quad classes and Goldstein values)."""
    entry = cameo_code(code)
    if entry is None:
        raise SourceError(f"{code!r} is not a CAMEO 1.1b3 event code")
    return {
        "code": code,
        "root": entry.root,
        "quad_class": expected_quad_class(entry, "gdelt"),
        "goldstein": expected_goldstein(entry, "gdelt"),
    }


def _document(raw: dict[str, Any], folder: Path, schema_version: str) -> dict[str, Any]:
    fields = dict(raw)
    text = (folder / fields.pop("text_file")).read_text(encoding="utf-8")

    fields = add_span_context(fields, text, "document")
    return {
        "record_type": "document",
        "schema_version": schema_version,
        "id": fields.pop("id"),
        "text": text,
        "sha256": text_sha256(text),
        **fields,
    }


def _event(raw: dict[str, Any], text: str, defaults: dict[str, Any], doc_id: str) -> dict[str, Any]:
    fields = add_span_context(raw, text, f"event {raw.get('id')}")
    if isinstance(fields.get("cameo"), str):
        fields["cameo"] = cameo_coding(fields["cameo"])
    return {
        "record_type": "event",
        "schema_version": defaults["schema_version"],
        "id": fields.pop("id"),
        "event_type": fields.pop("event_type"),
        "document_id": doc_id,
        **fields,
        "provenance": fields.get("provenance", copy.deepcopy(defaults["provenance"])),
    }


def load_source(path: Path) -> Source:
    """Read and expand the hand-written source at ``path`` into validated records."""
    raw = read_yaml(path)
    defaults = raw["defaults"]
    schema_version = defaults["schema_version"]
    document = _document(raw["document"], path.parent, schema_version)
    text = document["text"]
    actors = [
        {"record_type": "actor", "schema_version": schema_version, **add_span_context(a, text)}
        for a in raw["actors"]
    ]
    events = [_event(e, text, defaults, document["id"]) for e in raw["events"]]
    parsed_document = RECORD_ADAPTER.validate_python(document)
    parsed_actors = [RECORD_ADAPTER.validate_python(a) for a in actors]
    parsed_events = [RECORD_ADAPTER.validate_python(e) for e in events]
    assert isinstance(parsed_document, Document)
    source = Source(
        name=raw["dataset"],
        version=raw["version"],
        title=raw["title"],
        description=raw["description"],
        license=raw["license"],
        released=raw["released"],
        guideline_version=defaults["provenance"]["guideline_version"],
        document=parsed_document,
        actors=tuple(a for a in parsed_actors if isinstance(a, Actor)),
        events=tuple(e for e in parsed_events if isinstance(e, Event)),
    )
    check_references(source)
    configurations = tuple(_configuration(c, path.parent) for c in raw.get("configurations", []))
    return replace(source, configurations=configurations) if configurations else source


def _configuration(raw: dict[str, Any], folder: Path) -> Configuration:
    """Read one configuration: ``file`` is a JSON Lines file of records or another source."""
    path = folder / raw["file"]
    documents: tuple[Document, ...]
    if path.suffix in (".yaml", ".yml"):
        other = load_source(path)
        documents, actors, events = (other.document,), other.actors, other.events
    else:
        lines = path.read_text(encoding="utf-8").splitlines()
        parsed = [RECORD_ADAPTER.validate_json(line) for line in lines if line.strip()]
        documents = tuple(r for r in parsed if isinstance(r, Document))
        actors = tuple(r for r in parsed if isinstance(r, Actor))
        events = tuple(r for r in parsed if isinstance(r, Event))
        if len(documents) + len(actors) + len(events) != len(parsed):
            raise SourceError(f"{path}: only documents, actors, alerts, deployments, statements")
    return Configuration(raw["name"], raw["description"], documents, actors, events)


def iter_spans(value: Any) -> list[EvidenceSpan]:
    """Return every evidence span inside a model or a dumped record, depth first."""
    if isinstance(value, EvidenceSpan):
        return [value]
    if isinstance(value, BaseModel):
        return [s for name in type(value).model_fields for s in iter_spans(getattr(value, name))]
    if isinstance(value, list | tuple):
        return [s for item in value for s in iter_spans(item)]
    return []


def check_references(source: Source) -> None:
    """Raise SourceError when an id is duplicated or a reference points nowhere."""
    actor_ids = [a.id for a in source.actors]
    event_ids = [e.id for e in source.events]
    every = [source.document.id, *actor_ids, *event_ids]
    if len(set(every)) != len(every):
        raise SourceError("duplicate record ids")
    problems = []
    for event in source.events:
        referenced_actors = [p.actor_id for p in event.participants]
        referenced_events = [link.event_id for link in event.links]
        if isinstance(event, Alert | Deployment):
            if event.force is not None:
                referenced_actors.append(event.force.actor_id or actor_ids[0])
            if event.purpose and event.purpose.event_id:
                referenced_events.append(event.purpose.event_id)
        if isinstance(event, Statement):
            referenced_events.extend(event.reports)
        condition = event.factuality.condition
        if condition and condition.event_id:
            referenced_events.append(condition.event_id)
        problems += [
            f"{event.id}: unknown actor {a}" for a in referenced_actors if a not in actor_ids
        ]
        problems += [
            f"{event.id}: unknown event {e}" for e in referenced_events if e not in event_ids
        ]
    for actor in source.actors:
        problems += [
            f"{actor.id}: unknown actor {m}" for m in actor.member_of if m not in actor_ids
        ]
    if problems:
        raise SourceError("; ".join(problems))
