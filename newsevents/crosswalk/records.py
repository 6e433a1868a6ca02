"""Records every source builds the same way: source-only documents, actors, events.

Documents and actors are deduplicated across a file (a GDELT article yields many rows; an
actor recurs): :class:`Seen` remembers the ids already written, so each is written once,
before the first event that needs it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from newsevents.codebooks import cameo_actor_elements, cameo_code, is_country_code
from newsevents.crosswalk.common import Record, digest, identifier
from newsevents.versions import SCHEMA_VERSION

CAMEO_ACTOR_CODE = re.compile(r"^(?:[A-Z]{3}){1,5}$")
GUIDELINE_VERSION = "1.0.0"
"""Guideline version imported records name: the version of docs/crosswalk.md's mapping."""

_ARMED = frozenset({"MIL", "COP", "UAF", "REB", "INS", "SEP", "IMG"})
_GOVERNMENT = frozenset({"GOV", "JUD", "LEG", "SPY"})
_FACTUALITY: Record = {"polarity": "positive", "modality": "asserted", "tense": "unspecified"}


def actor_elements(code: str) -> list[str]:
    """The three-letter elements of a CAMEO actor code."""
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def actor_country(code: str) -> str | None:
    """The ISO 3166-1 alpha-3 country a CAMEO actor code starts with, if it does."""
    head = code[:3]
    return head if is_country_code(head) else None


def actor_roles(code: str) -> list[str]:
    """The role elements of a CAMEO actor code (GOV, MIL, ...), after its country if any."""
    roles = cameo_actor_elements()
    elements = actor_elements(code)
    if elements and is_country_code(elements[0]):
        elements = elements[1:]
    return [e for e in elements if e in roles]


def actor_kind(code: str | None) -> str:
    """What sort of actor a CAMEO code names: armed force, government body, state, IGO, group."""
    if not code:
        return "group"
    elements = actor_elements(code)
    if elements[0] == "IGO":
        return "international_organisation"
    if _ARMED & set(elements):
        return "armed_force"
    if _GOVERNMENT & set(elements):
        return "government_body"
    if len(elements) == 1 and is_country_code(elements[0]):
        return "state"
    return "group"


class Seen:
    """Ids of documents and actors already written in this conversion (all its files)."""

    def __init__(self) -> None:
        self.documents: set[str] = set()
        self.actors: dict[tuple[str, str], str] = {}

    def actor(
        self, prefix: str, code: str | None, name: str, kind: str | None = None
    ) -> tuple[str, Record | None]:
        """The id of the actor (code, name), and its record when it is new."""
        key = (code or "", name)
        known = self.actors.get(key)
        if known is not None:
            return known, None
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40]
        actor_id = identifier(prefix, "actor", (code or "").lower(), slug, digest(f"{key}", 8))
        self.actors[key] = actor_id
        record: Record = {
            "record_type": "actor",
            "schema_version": SCHEMA_VERSION,
            "id": actor_id,
            "name": name,
            "canonical_name": name,
            "kind": kind or actor_kind(code),
        }
        if code:
            record["cameo_code"] = code
            country = actor_country(code)
            if country:
                record["country"] = country
        return actor_id, record

    def document(self, document: Record) -> Record | None:
        """``document`` when its id is new in this conversion, else None."""
        if document["id"] in self.documents:
            return None
        self.documents.add(document["id"])
        return document


def source_document(
    prefix: str,
    *,
    url: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    language: str = "en",
    text: str | None = None,
) -> Record:
    """A document known by its source (url or title), or with its text when the source has it."""
    key = url or title or text or ""
    record: Record = {
        "record_type": "document",
        "schema_version": SCHEMA_VERSION,
        "id": identifier(prefix, "doc", digest(key, 16)),
        "language": language,
        "is_translation": False,
    }
    if text is not None:
        from newsevents.models.document import text_sha256

        record["text"] = text
        record["sha256"] = text_sha256(text)
    if title:
        record["title"] = title[:500]
    if publisher:
        record["publisher"] = publisher[:500]
    if url:
        record["url"] = url
    return record


def cameo_coding(code: str, goldstein: float) -> Record:
    """The CAMEO coding of ``code``: root and quad class from the codebook (GDELT convention)."""
    entry = cameo_code(code)
    assert entry is not None, code
    return {
        "code": code,
        "root": entry.root,
        "quad_class": entry.quad_gdelt,
        "goldstein": goldstein,
    }


def event_record(
    event_type: str,
    *,
    event_id: str,
    document_id: str,
    provenance: Record,
    source: str | None = None,
    target: str | None = None,
    associates: tuple[list[str], list[str]] = ([], []),
    force: str | None = None,
    summary: str | None = None,
    factuality: Record | None = None,
    **fields: Any,
) -> Record:
    """An event of ``event_type`` with what that type requires, built from a source row.

    ``source`` and ``target`` are actor ids (Actor1 and Actor2, PLOVER source and recipient);
    a statement's source is its speaker.  ``force`` describes the force of an alert or
    deployment (a deployment's status is ``unknown``: no source says how far it has gone);
    ``summary`` is a statement's.
    """
    participants: list[Record] = []
    if source:
        role = "speaker" if event_type == "statement" else "source"
        participants.append({"actor_id": source, "role": role})
    if target:
        participants.append({"actor_id": target, "role": "target"})
    for role, ids in zip(("source_associate", "target_associate"), associates, strict=True):
        participants.extend({"actor_id": a, "role": role} for a in ids)
    record: Record = {
        "record_type": "event",
        "event_type": event_type,
        "schema_version": SCHEMA_VERSION,
        "id": event_id,
        "document_id": document_id,
        **{k: v for k, v in fields.items() if v not in (None, [], {})},
        "participants": participants,
        "factuality": factuality or dict(_FACTUALITY),
        "provenance": provenance,
    }
    if event_type in ("alert", "deployment"):
        force_record: Record = {"description": (force or "armed forces")[:500]}
        if source:
            force_record["actor_id"] = source
        record["force"] = force_record
    if event_type == "deployment":
        record["status"] = "unknown"
    if event_type == "statement":
        record["speech"] = "reported_speech"
        record["summary"] = summary or "a statement"
    return record


def provenance(
    dataset: str, record_id: str, row: int, file: str, annotated_at: str, annotator: str
) -> Record:
    """Provenance of an imported record: method imported, and the source record it came from."""
    return {
        "annotator": annotator,
        "method": "imported",
        "guideline_version": GUIDELINE_VERSION,
        "annotated_at": annotated_at,
        "tool": _tool(),
        "source_record": {"dataset": dataset, "record_id": record_id, "row": row, "file": file},
    }


@cache
def _tool() -> str:
    from newsevents import __version__

    return f"newsevents {__version__} crosswalk"


def participant_of(event: Record, *roles: str) -> str | None:
    """The first actor id of ``event`` in one of ``roles``."""
    for participant in event.get("participants", ()):
        if participant.get("role") in roles:
            return str(participant["actor_id"])
    return None


def participants_of(event: Record, role: str) -> list[str]:
    """Every actor id of ``event`` in ``role``."""
    return [str(p["actor_id"]) for p in event.get("participants", ()) if p.get("role") == role]


def source_record(event: Record) -> Record:
    """The event's provenance source_record ({} when it was not imported)."""
    found = event.get("provenance", {}).get("source_record")
    return found if isinstance(found, dict) else {}
