"""A small valid dataset the per-code examples break one rule at a time.

One short news document (with an em dash and curly quotes, so byte and code point offsets
differ), four actors and four events: an alert, a conditional deployment, a completed
deployment and a statement reporting two of them.  Every span is computed from the text.
"""

from __future__ import annotations

import copy
from typing import Any

from newsevents.models import text_sha256

TEXT = (
    "Brussels \u2014 NATO put its spearhead force on heightened alert on Tuesday, cutting its "
    "notice to move from seven days to five, an alliance spokesman said.\n\n"
    "\u201cWe are ready to defend every inch of allied territory,\u201d spokesman Piet Janssen "
    "told reporters. He said about 5,000 troops could be sent to Romania within days, but "
    "only if the North Atlantic Council asks for them.\n\n"
    "Germany has already sent 350 soldiers to Lithuania, the defence ministry said."
)
DOCUMENT_ID = "doc-nato-alert"
PROVENANCE = {
    "annotator": "annotator-1",
    "method": "by_hand",
    "guideline_version": "1.0.0",
    "annotated_at": "2022-02-02T09:30:00Z",
}
VERSION = "1.0.0"


def span(exact: str, occurrence: int = 0) -> dict[str, Any]:
    """Return the evidence span of the ``occurrence``-th ``exact`` in the text."""
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(exact, start + 1)
    return {"start": start, "end": start + len(exact), "exact": exact}


def _cameo(code: str, goldstein: float, quad: int) -> dict[str, Any]:
    return {"code": code, "root": code[:2], "quad_class": quad, "goldstein": goldstein}


def _event(event_type: str, event_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "record_type": "event",
        "event_type": event_type,
        "schema_version": VERSION,
        "id": event_id,
        "document_id": DOCUMENT_ID,
        **fields,
        "provenance": dict(PROVENANCE),
    }


def _actor(actor_id: str, name: str, kind: str, **fields: Any) -> dict[str, Any]:
    return {
        "record_type": "actor",
        "schema_version": VERSION,
        "id": actor_id,
        "name": name,
        "canonical_name": fields.pop("canonical_name", name),
        "kind": kind,
        **fields,
    }


def _records() -> dict[str, dict[str, Any]]:
    document = {
        "record_type": "document",
        "schema_version": VERSION,
        "id": DOCUMENT_ID,
        "text": TEXT,
        "sha256": text_sha256(TEXT),
        "language": "en",
        "is_translation": False,
        "title": "NATO puts spearhead force on heightened alert",
        "publication": {"date": "2022-02-01", "status": "stated"},
        "dateline": {"name": "Brussels", "kind": "place", "evidence": span("Brussels")},
    }
    nato = _actor(
        "actor-nato",
        "NATO",
        "international_organisation",
        canonical_name="North Atlantic Treaty Organization",
        cameo_code="IGOWSTNAT",
    )
    janssen = _actor("actor-janssen", "Piet Janssen", "person", title="spokesman")
    germany = _actor("actor-germany", "Germany", "state", cameo_code="DEU", country="DEU")
    council = _actor(
        "actor-nac", "North Atlantic Council", "government_body", member_of=["actor-nato"]
    )
    factual = {"polarity": "positive", "modality": "asserted", "tense": "past"}
    alert = _event(
        "alert",
        "ev-alert",
        cameo=_cameo("152", -7.2, 4),
        plover={"type": "MOBILIZE", "modes": ["troops"], "contexts": ["military"]},
        acled={
            "event_type": "Strategic developments",
            "sub_event_type": "Change to group/activity",
        },
        participants=[{"actor_id": "actor-nato", "role": "source", "mention": span("NATO")}],
        time={
            "date": "2022-02-01",
            "precision": "day",
            "expression": "Tuesday",
            "evidence": span("Tuesday"),
            "inferred": True,
            "inferred_from": "'Tuesday' resolved against the publication date 2022-02-01",
        },
        factuality=dict(factual),
        trigger=span("put"),
        force={"description": "its spearhead force", "evidence": span("its spearhead force")},
        readiness={
            "measure": "notice_to_deploy",
            "direction": "increase",
            "before": "P7D",
            "after": "P5D",
            "evidence": span("cutting its notice to move from seven days to five"),
        },
    )
    deployment = _event(
        "deployment",
        "ev-romania",
        cameo=_cameo("154", -7.2, 4),
        participants=[{"actor_id": "actor-nato", "role": "source"}],
        factuality={
            "polarity": "positive",
            "modality": "conditional",
            "tense": "future",
            "certainty": "possible",
            "condition": {
                "text": "only if the North Atlantic Council asks for them",
                "evidence": span("only if the North Atlantic Council asks for them"),
            },
        },
        trigger=span("sent"),
        force={
            "description": "about 5,000 troops",
            "size": {
                "value": 5000,
                "approximate": True,
                "unit": "troops",
                "evidence": span("about 5,000 troops"),
            },
        },
        destination={"name": "Romania", "kind": "country", "country_code": "ROU"},
        status="considered",
    )
    lithuania = _event(
        "deployment",
        "ev-lithuania",
        cameo=_cameo("154", -7.2, 4),
        participants=[{"actor_id": "actor-germany", "role": "source", "mention": span("Germany")}],
        factuality=dict(factual),
        trigger=span("sent", 1),
        force={
            "description": "350 soldiers",
            "size": {"value": 350, "unit": "soldiers", "evidence": span("350 soldiers")},
        },
        destination={"name": "Lithuania", "kind": "country", "country_code": "LTU"},
        status="completed",
    )
    quote = "We are ready to defend every inch of allied territory,"
    statement = _event(
        "statement",
        "ev-statement",
        cameo=_cameo("010", 0.0, 1),
        participants=[
            {"actor_id": "actor-janssen", "role": "speaker", "mention": span("Piet Janssen")}
        ],
        factuality={"polarity": "positive", "modality": "asserted", "tense": "past"},
        trigger=span("told"),
        speech="direct_quotation",
        quote={**span(quote), "prefix": "\u201c", "suffix": "\u201d"},
        summary="A NATO spokesman says the alliance is ready to defend its territory.",
        reports=["ev-alert", "ev-romania"],
    )
    return {
        "document": document,
        "nato": nato,
        "janssen": janssen,
        "germany": germany,
        "council": council,
        "alert": alert,
        "deployment": deployment,
        "lithuania": lithuania,
        "statement": statement,
    }


_RECORDS = _records()
NAMES: tuple[str, ...] = tuple(_RECORDS)
"""The records' names, in file order."""


def records() -> dict[str, dict[str, Any]]:
    """Return a fresh deep copy of the valid records, by name, in file order."""
    return copy.deepcopy(_RECORDS)


def record_index(name: str) -> int:
    """Return the index of record ``name`` in the file the examples write."""
    return NAMES.index(name)
