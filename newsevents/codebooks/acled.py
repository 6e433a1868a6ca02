"""ACLED event types and sub-event types."""

from __future__ import annotations

from typing import Any

from newsevents.codebooks._files import read_json

_ACLED: dict[str, Any] = read_json("acled.json")

ACLED_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    name: tuple(entry["sub_event_types"]) for name, entry in _ACLED["event_types"].items()
}
"""ACLED event type -> its sub-event types."""

ACLED_SUB_EVENT_TYPES: tuple[str, ...] = tuple(
    sorted({sub for subs in ACLED_EVENT_TYPES.values() for sub in subs})
)


def acled_pair_is_valid(event_type: str, sub_event_type: str) -> bool:
    """Whether ``sub_event_type`` belongs to ACLED ``event_type``."""
    return sub_event_type in ACLED_EVENT_TYPES.get(event_type, ())


def acled_disorder_type(event_type: str) -> str | None:
    """Return the ACLED disorder type of ``event_type``."""
    entry = _ACLED["event_types"].get(event_type)
    return str(entry["disorder_type"]) if entry else None
