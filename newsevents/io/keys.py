"""Problems a fast JSON parser hides: keys repeated in one object.

orjson and pydantic-core keep the last of two equal keys without a word, so ``{"polarity":
"negative", "polarity": "positive"}`` is checked as positive while another reader sees it as
negative.  Finding repeats with ``object_pairs_hook`` costs a slow parse, so a cheap test on
bytes decides first whether any key could repeat:

every key in JSON text is followed by exactly one ``:``, and a ``:`` elsewhere can only be
inside a string (literally, or escaped as ``\\u003a``).  Serialising the parsed value again
writes each kept key with its ``:`` and every string's colons literally.  So when the raw
text has no more colons (counting ``\\u003a`` escapes) than the re-serialised value, no key
was dropped; only when it has more (a repeat, or an escaped colon) is the slow parse run.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import orjson


@dataclass(frozen=True, slots=True)
class Repeat:
    """A key repeated in one object: where the object is, the key and how many times."""

    path: tuple[str | int, ...]
    key: str
    count: int


def may_repeat_keys(raw: bytes, value: object) -> bool:
    """False when ``raw`` (the JSON text ``value`` was parsed from) cannot hold a repeated
    key; True when it may (then :func:`repeated_keys` decides)."""
    colons = raw.count(b":") + raw.count(b"\\u003a") + raw.count(b"\\u003A")
    try:
        written = orjson.dumps(value)
    except TypeError:  # a value orjson cannot write (given by another parser): decide slowly
        return True
    return colons != written.count(b":")


def repeated_keys(raw: bytes | str) -> list[Repeat]:
    """Return every key repeated in one object of the JSON text ``raw``, in text order."""
    try:
        tree = loads_deep(
            raw,
            object_pairs_hook=_Pairs,
            parse_int=_ignored,
            parse_float=_ignored,
            parse_constant=_ignored,
        )
    except (ValueError, RecursionError):  # the fast parser accepted it: should not happen
        return []
    return list(_repeats(tree))


NESTING = 1024
"""The deepest nesting read (orjson's limit, ``newsevents.io.readers.DEPTH_LIMIT``)."""


def loads_deep(raw: bytes | str, **options: Any) -> Any:
    """``json.loads(raw, **options)`` for text nested as deep as orjson reads it: the standard
    library's parser counts each level against Python's recursion limit (1,000, less what
    the caller's stack holds), so it is raised for the call."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(limit + NESTING)
    try:
        return json.loads(raw, **options)
    finally:
        sys.setrecursionlimit(limit)


Trail = tuple[str | int, "Trail"] | None
"""A path as a chain of (last step, the path before it): extending one costs nothing."""


def path_of(trail: Trail) -> tuple[str | int, ...]:
    """The path a :data:`Trail` stands for, first step first."""
    steps: list[str | int] = []
    while trail is not None:
        step, trail = trail
        steps.append(step)
    return tuple(reversed(steps))


class _Pairs(list[tuple[str, Any]]):
    """An object as its list of (key, value) pairs, repeats kept."""


def _ignored(text: str) -> None:
    return None  # numbers are not needed, and converting 5,000 digits would raise


def _repeats(tree: object) -> Iterator[Repeat]:
    # Iterative, the path of each node kept as a Trail: linear in the text however deep.
    stack: list[tuple[object, Trail]] = [(tree, None)]
    while stack:
        node, trail = stack.pop()
        if isinstance(node, _Pairs):
            counts: dict[str, int] = {}
            for key, _ in node:
                counts[key] = counts.get(key, 0) + 1
            for key, count in counts.items():
                if count > 1:
                    yield Repeat(path_of(trail), key, count)
            children: list[tuple[object, Trail]]
            children = [(value, (key, trail)) for key, value in node if _inner(value)]
        elif isinstance(node, list):
            children = [(value, (i, trail)) for i, value in enumerate(node) if _inner(value)]
        else:
            continue
        stack.extend(reversed(children))


def _inner(value: object) -> bool:
    return isinstance(value, list)  # _Pairs too


def json_pointer(parts: tuple[str | int, ...] | list[str | int]) -> str:
    """Return the RFC 6901 JSON pointer of a path (``~`` and ``/`` escaped)."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def digit_limit() -> int:
    """The most digits Python converts between text and integers (0: no limit)."""
    return sys.get_int_max_str_digits()
