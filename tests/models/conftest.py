"""Minimal valid events as JSON, one fixture per event type."""

from __future__ import annotations

import copy
from typing import Any

import pytest

PROVENANCE = {
    "annotator": "annotator-1",
    "method": "by_hand",
    "guideline_version": "1.0.0",
    "annotated_at": "2026-11-25T09:00:00Z",
}
FACTUALITY = {"polarity": "positive", "modality": "asserted", "tense": "past"}


def _event(event_type: str, **fields: Any) -> dict[str, Any]:
    return {
        "record_type": "event",
        "event_type": event_type,
        "schema_version": "1.0.0",
        "id": f"ev-{event_type}",
        "document_id": "doc-1",
        "factuality": dict(FACTUALITY),
        "provenance": dict(PROVENANCE),
        **fields,
    }


ALERT = _event("alert", force={"description": "troops"})
DEPLOYMENT = _event("deployment", force={"description": "troops"}, status="considered")
STATEMENT = _event(
    "statement",
    participants=[{"actor_id": "actor-kirby", "role": "speaker"}],
    speech="reported_speech",
    summary="Kirby said troops were put on alert.",
)


@pytest.fixture
def alert() -> dict[str, Any]:
    """A minimal valid alert."""
    return copy.deepcopy(ALERT)


@pytest.fixture
def deployment() -> dict[str, Any]:
    """A minimal valid deployment."""
    return copy.deepcopy(DEPLOYMENT)


@pytest.fixture
def statement() -> dict[str, Any]:
    """A minimal valid statement (reported speech, one speaker)."""
    return copy.deepcopy(STATEMENT)
