"""Which newsevents event type a source row becomes: a table keyed by CAMEO code, PLOVER type
and mode, and ACLED sub-event type (``crosswalk/data/event_types.json``)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def mapping_table() -> dict[str, Any]:
    """The table as read: ``cameo``, ``plover`` and ``acled`` keys by event type."""
    text = (files("newsevents.crosswalk") / "data" / "event_types.json").read_text("utf-8")
    table: dict[str, Any] = json.loads(text)
    return table


def cameo_prefixes() -> dict[str, tuple[str, ...]]:
    """Event type -> the CAMEO code prefixes that make a row that type."""
    return {k: tuple(v) for k, v in mapping_table()["cameo"].items()}


def for_cameo(code: str) -> str:
    """The event type of a row with CAMEO event code ``code`` (general when none matches)."""
    for event_type, prefixes in mapping_table()["cameo"].items():
        if code.startswith(tuple(prefixes)):
            return str(event_type)
    return "general"


def for_plover(plover_type: str, modes: Iterable[str]) -> str:
    """The event type of a PLOVER record of ``plover_type`` with ``modes``."""
    given = set(modes)
    for event_type, pairs in mapping_table()["plover"].items():
        if any(t == plover_type and m in given for t, m in pairs):
            return str(event_type)
    return "general"


def for_acled(sub_event_type: str) -> str:
    """The event type of an ACLED row of ``sub_event_type``."""
    for event_type, subs in mapping_table()["acled"].items():
        if sub_event_type in subs:
            return str(event_type)
    return "general"
