"""Which CAMEO codes and participant roles each newsevents event type allows."""

from __future__ import annotations

from functools import cache
from typing import Any

from newsevents.codebooks._files import read_json
from newsevents.codebooks.cameo import cameo_codes

_TYPES: dict[str, Any] = {k: v for k, v in read_json("event_types.json").items() if k != "about"}

EVENT_TYPES: tuple[str, ...] = tuple(_TYPES)


def allowed_roles(event_type: str) -> tuple[str, ...]:
    """Return the participant roles ``event_type`` allows."""
    return tuple(_TYPES[event_type]["roles"])


def cameo_prefixes(event_type: str) -> tuple[str, ...]:
    """Return the CAMEO code prefixes ``event_type`` allows."""
    return tuple(_TYPES[event_type]["cameo_prefixes"])


@cache
def allowed_cameo_codes(event_type: str) -> frozenset[str]:
    """Return every CAMEO code ``event_type`` allows."""
    prefixes = cameo_prefixes(event_type)
    return frozenset(code for code in cameo_codes() if code.startswith(prefixes))
