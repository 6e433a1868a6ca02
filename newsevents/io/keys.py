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
        tree = json.loads(
            raw,
            object_pairs_hook=_Pairs,
            parse_int=_ignored,
            parse_float=_ignored,
            parse_constant=_ignored,
        )
    except (ValueError, RecursionError):  # the fast parser accepted it: should not happen
        return []
    return list(_repeats(tree, ()))


class _Pairs(list[tuple[str, Any]]):
    """An object as its list of (key, value) pairs, repeats kept."""


def _ignored(text: str) -> None:
    return None  # numbers are not needed, and converting 5,000 digits would raise


def _repeats(node: object, path: tuple[str | int, ...]) -> Iterator[Repeat]:
    stack: list[tuple[object, tuple[str | int, ...]]] = [(node, path)]
    while stack:  # iterative: nesting is bounded by the parser, not by Python's stack
        node, path = stack.pop()
        if isinstance(node, _Pairs):
            counts: dict[str, int] = {}
            for key, _ in node:
                counts[key] = counts.get(key, 0) + 1
            for key, count in counts.items():
                if count > 1:
                    yield Repeat(path, key, count)
            children = [(value, (*path, key)) for key, value in node]
        elif isinstance(node, list):
            children = [(value, (*path, index)) for index, value in enumerate(node)]
        else:
            continue
        stack.extend(reversed(children))


def json_pointer(parts: tuple[str | int, ...] | list[str | int]) -> str:
    """Return the RFC 6901 JSON pointer of a path (``~`` and ``/`` escaped)."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def digit_limit() -> int:
    """The most digits Python converts between text and integers (0: no limit)."""
    return sys.get_int_max_str_digits()
