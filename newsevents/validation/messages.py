"""Plain words for values, lists of allowed values and locations inside a record."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from newsevents.validation.safe import integer_text

MAX_SHOWN = 72
"""Longest rendering of a value quoted in a message, in characters."""

MAX_LISTED = 8
"""Most allowed values listed before the rest are counted ("or 310 other values")."""


def quote(value: object, limit: int = MAX_SHOWN) -> str:
    """Return ``value`` as JSON text, shortened to about ``limit`` characters (a long string
    is cut, and its length said)."""
    if isinstance(value, str):
        if len(value) > limit:
            cut = json.dumps(value[: limit - 1], ensure_ascii=False)[:-1]
            return f'{cut}…" ({len(value):,} characters)'
        return json.dumps(value, ensure_ascii=False)
    if value is None or isinstance(value, bool | int | float):
        return _scalar(value)
    return describe(value)


def _scalar(value: bool | int | float | None) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value != value:
        return "NaN"
    if isinstance(value, int):
        return integer_text(value, MAX_SHOWN)
    text = repr(value)
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


class Described(str):
    """A found value already said in words (``a Mapping that raised KeyError when read``):
    :func:`describe` gives it as it is, not as a string value found."""


def describe(value: object) -> str:
    """Say what a found value is, in words: ``the integer 5``, ``an object``, ``null``."""
    if isinstance(value, Described):
        return str.__str__(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return _scalar(value)
    if isinstance(value, int):
        return f"the integer {_scalar(value)}"
    if isinstance(value, float):
        return f"the number {_scalar(value)}"
    if isinstance(value, str):
        return f"the string {quote(value)}"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an empty list" if not value else f"a list of {len(value)} item(s)"
    if isinstance(value, tuple):  # given to validate() as Python values: not a JSON list
        return f"a tuple of {len(value)} item(s)"
    return f"a value of type {type(value).__name__}"


def enumerate_values(values: Iterable[object], limit: int = MAX_LISTED) -> str:
    """List values as ``"a", "b" or "c"``; long lists end with ``or N other values``."""
    shown = [quote(v) for v in values]
    if not shown:
        return "nothing"
    if len(shown) > limit:
        return f"{', '.join(shown[:limit])} or {len(shown) - limit} other values"
    if len(shown) == 1:
        return shown[0]
    return f"{', '.join(shown[:-1])} or {shown[-1]}"


def pointer(parts: Sequence[str | int]) -> str:
    """Return the RFC 6901 JSON pointer of a path (``~`` and ``/`` escaped)."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def join_pointer(base: str, *parts: str | int) -> str:
    """Return ``base`` extended by ``parts``."""
    return base + pointer(parts)
