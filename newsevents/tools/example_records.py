"""The example records shown in docs/schema.md: a document, its actors and a complete alert.

Spans are computed from the text, never typed by hand, so the example cannot drift from it.
"""

from __future__ import annotations

from typing import Any

from newsevents.models import Actor, Alert, Document, EvidenceSpan, text_sha256
from newsevents.versions import SCHEMA_VERSION

TEXT = (
    "Washington — The Pentagon has put some 8,500 troops stationed in the United States on "
    "heightened alert for possible deployment to Europe, press secretary John Kirby said on "
    "Monday. Units that had to be ready to deploy 10 days after notification now have 5 days, "
    "under an order from Defense Secretary Lloyd Austin."
)
"""The example document's text (after the seed article of the reference dataset)."""

DOCUMENT_ID = "doc-example-2022-01-24"


def span(exact: str, occurrence: int = 0, context: int = 20) -> dict[str, Any]:
    """Return the JSON span of the ``occurrence``-th ``exact`` in :data:`TEXT`, with context."""
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(exact, start + 1)
    end = start + len(exact)
    selector = EvidenceSpan(
        start=start,
        end=end,
        exact=exact,
        prefix=TEXT[max(0, start - context) : start] or None,
        suffix=TEXT[end : end + context] or None,
    )
    dumped: dict[str, Any] = selector.model_dump(mode="json", exclude_none=True)
    return dumped


def example_document() -> dict[str, Any]:
    """The document the example alert is annotated in."""
    return {
        "record_type": "document",
        "schema_version": SCHEMA_VERSION,
        "id": DOCUMENT_ID,
        "text": TEXT,
        "sha256": text_sha256(TEXT),
        "language": "en",
        "is_translation": False,
        "publication": {
            "date": "2022-01-24",
            "status": "inferred",
            "basis": "Kirby spoke on Monday; the announcement was made on Monday 24 January 2022.",
        },
        "dateline": {"name": "Washington", "kind": "place", "country_code": "USA"},
    }


def example_actors() -> list[dict[str, Any]]:
    """The actors the example alert refers to."""

    def actor(actor_id: str, name: str, canonical: str, kind: str, **more: Any) -> dict[str, Any]:
        return {
            "record_type": "actor",
            "schema_version": SCHEMA_VERSION,
            "id": actor_id,
            "name": name,
            "canonical_name": canonical,
            "kind": kind,
            "country": "USA",
            **more,
        }

    return [
        actor(
            "actor-pentagon",
            "The Pentagon",
            "United States Department of Defense",
            "government_body",
            cameo_code="USAGOVMIL",
        ),
        actor(
            "actor-austin",
            "Lloyd Austin",
            "Lloyd Austin",
            "person",
            cameo_code="USAGOVMIL",
            title="Secretary of Defense",
            member_of=["actor-pentagon"],
        ),
        actor(
            "actor-us-army",
            "troops stationed in the United States",
            "United States Armed Forces",
            "armed_force",
            cameo_code="USAMIL",
        ),
    ]


def example_alert() -> dict[str, Any]:
    """A complete alert: every field an alert has, filled from the example text."""
    united_states = {
        "name": "the United States",
        "kind": "country",
        "country_code": "USA",
        "wikidata_id": "Q30",
        "evidence": span("the United States"),
    }
    return {
        "record_type": "event",
        "event_type": "alert",
        "schema_version": SCHEMA_VERSION,
        "id": "ev-alert-01",
        "document_id": DOCUMENT_ID,
        "cameo": {
            "code": "152",
            "root": "15",
            "quad_class": 4,
            "quad_class_convention": "gdelt",
            "goldstein": -7.2,
            "goldstein_table": "gdelt",
        },
        "plover": {"type": "MOBILIZE", "modes": ["troops"], "contexts": ["military"]},
        "acled": {
            "event_type": "Strategic developments",
            "sub_event_type": "Change to group/activity",
        },
        "participants": [
            {"actor_id": "actor-pentagon", "role": "source", "mention": span("The Pentagon")},
            {"actor_id": "actor-austin", "role": "orderer", "mention": span("Lloyd Austin")},
        ],
        "time": {
            "date": "2022-01-24",
            "precision": "day",
            "expression": "Monday",
            "evidence": span("Monday"),
            "inferred": True,
            "inferred_from": "'Monday' resolved against the publication date 2022-01-24",
        },
        "locations": [united_states],
        "factuality": {
            "polarity": "positive",
            "modality": "asserted",
            "tense": "present",
            "certainty": "certain",
            "genericity": "specific",
        },
        "trigger": span("alert"),
        "evidence": [
            span("put some 8,500 troops stationed in the United States on heightened alert")
        ],
        "force": {
            "description": "troops stationed in the United States",
            "actor_id": "actor-us-army",
            "size": {
                "value": 8500,
                "approximate": True,
                "unit": "troops",
                "evidence": span("some 8,500 troops"),
            },
            "units": [],
            "stationed_in": united_states,
            "evidence": span("troops stationed in the United States"),
        },
        "readiness": {
            "measure": "notice_to_deploy",
            "direction": "increase",
            "before": "P10D",
            "after": "P5D",
            "description": "ready to deploy in 5 days instead of 10 after notification",
            "evidence": span("ready to deploy 10 days after notification now have 5 days"),
        },
        "purpose": {
            "description": "possible deployment to Europe",
            "event_id": "ev-deploy-01",
            "destination": {"name": "Europe", "kind": "region", "evidence": span("Europe")},
            "evidence": span("possible deployment to Europe"),
        },
        "links": [{"relation": "prepares_for", "event_id": "ev-deploy-01"}],
        "notes": "The deployment it prepares for (ev-deploy-01) is annotated separately.",
        "provenance": {
            "annotator": "annotator-1",
            "method": "by_hand",
            "guideline_version": "1.0.0",
            "annotated_at": "2026-11-25T09:00:00Z",
            "tool": "text editor",
            "confidence": 0.9,
        },
    }


def validated() -> tuple[Document, list[Actor], Alert]:
    """Return the example records as models (raising if any is invalid)."""
    return (
        Document.model_validate(example_document()),
        [Actor.model_validate(actor) for actor in example_actors()],
        Alert.model_validate(example_alert()),
    )
