"""PLOVER 0.8 event types, modes and contexts."""

from __future__ import annotations

from typing import Any

from newsevents.codebooks._files import read_json

_PLOVER: dict[str, Any] = read_json("plover.json")

PLOVER_TYPES: tuple[str, ...] = tuple(_PLOVER["types"])
"""The 16 PLOVER 0.8 event types."""

PLOVER_CONTEXTS: tuple[str, ...] = tuple(_PLOVER["contexts"])
"""PLOVER's 28 general contexts (an open list: others are reported, not rejected)."""

PLOVER_SPECIAL_CONTEXTS: tuple[str, ...] = tuple(_PLOVER["special_contexts"])
"""PLOVER's special contexts; our factuality fields are finer and map onto them."""


def plover_modes(plover_type: str) -> tuple[str, ...]:
    """Return the modes PLOVER defines for ``plover_type`` (empty when it has none)."""
    entry = _PLOVER["types"].get(plover_type)
    return tuple(entry["modes"]) if entry else ()


def plover_quad(plover_type: str) -> int | None:
    """Return PLOVER's numeric quad class for ``plover_type``."""
    entry = _PLOVER["types"].get(plover_type)
    return int(entry["quad"]) if entry else None
