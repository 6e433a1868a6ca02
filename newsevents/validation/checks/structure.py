"""Structure: pydantic's errors as coded issues, each at an RFC 6901 pointer into the record.

Rule violations raised by the models already carry their code as the error type (NE401,
NE603 ...); pydantic's own error types map onto the NE30x structure codes.  The union tags
pydantic puts in an error's location (``('event', 'alert', 'cameo', 'code')``) are dropped,
and messages say what was expected and what was found, in plain words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from newsevents.codes import CATALOG
from newsevents.validation.checks.registry import RecordContext, new_issue
from newsevents.validation.issue import Issue
from newsevents.validation.messages import describe, enumerate_values, pointer, quote
from newsevents.validation.suggest import suggest

TYPE_WORDS: dict[str, str] = {
    "string_type": "a string",
    "int_type": "an integer",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "an object",
    "model_type": "an object",
    "model_attributes_type": "an object",
    "date_type": 'a date such as "2022-01-24"',
    "datetime_type": 'a timestamp such as "2022-01-24T10:00:00Z"',
    "none_required": "null",
}
RANGE_WORDS: dict[str, tuple[str, str]] = {
    "greater_than": ("gt", "a number above {}"),
    "greater_than_equal": ("ge", "a number of at least {}"),
    "less_than": ("lt", "a number below {}"),
    "less_than_equal": ("le", "a number of at most {}"),
    "string_too_short": ("min_length", "at least {} character(s)"),
    "string_too_long": ("max_length", "at most {} character(s)"),
    "too_short": ("min_length", "at least {} item(s)"),
    "too_long": ("max_length", "at most {} item(s)"),
}
_NAIVE_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9:]{5}(:[0-9]{2}(\.[0-9]+)?)?")
_QUOTED_KEYS = frozenset({"found", "expected", "code", "allowed", "element"})
_SINGLE_QUOTED = re.compile(r"'([^']*)'")
_RECORD_TAGS = frozenset({"document", "actor", "event"})


def structure_issues(
    error: ValidationError,
    record: Mapping[str, Any],
    context: RecordContext,
    skip: frozenset[str] = frozenset(),
    newer_minor: bool = False,
) -> Iterator[Issue]:
    """Yield one issue per pydantic error, except those at a pointer in ``skip`` (or below).

    For a record of a newer minor version, unknown fields are not reported: that version may
    define them.
    """
    for detail in error.errors(include_url=False):
        path = record_path(detail["loc"], record)
        if _is_key(detail, record, path):  # a key with a lone surrogate: no field has one
            detail = {**detail, "type": "extra_forbidden"}
            path = [*path, str(detail.get("input"))]
        code, where, message_context = classify(detail, path)
        at = pointer(where)
        if any(at == s or at.startswith(s + "/") for s in skip):
            continue
        if newer_minor and code == "NE303":
            continue
        fix = suggest(code, where, record, error)
        yield new_issue(code, context.place.location(at), context.record_id, fix, **message_context)


def _is_key(detail: ErrorDetails, record: Mapping[str, Any], path: list[str | int]) -> bool:
    """Whether ``detail`` is pydantic's refusal of a key (not a value) at ``path``."""
    if detail["type"] != "string_unicode":
        return False
    holder: Any = record
    for part in path:
        try:
            holder = holder[part]
        except (KeyError, IndexError, TypeError):
            return False
    return isinstance(holder, Mapping) and detail.get("input") in holder


def record_path(loc: tuple[str | int, ...], record: Mapping[str, Any]) -> list[str | int]:
    """Drop the discriminated-union tags pydantic puts at the start of an error location."""
    parts = list(loc)
    record_type = record.get("record_type")
    if parts and parts[0] == record_type and record_type in _RECORD_TAGS:
        parts.pop(0)
        if record_type == "event" and parts and parts[0] == record.get("event_type"):
            parts.pop(0)
    return parts


Classified = tuple[str, list[str | int], dict[str, Any]]


def classify(detail: ErrorDetails, path: list[str | int]) -> Classified:
    """Return (code, path, message context) for one pydantic error."""
    kind, value = detail["type"], detail.get("input")
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    if kind in CATALOG:
        return kind, path, _model_context(ctx)
    field = str(path[-1]) if path else ""
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        tag = str(ctx.get("discriminator", "")).strip("'") or "record_type"
        found = value.get(tag) if isinstance(value, dict) else None
        expected = _discriminator_values(tag)
        return "NE307", [*path, tag], {"expected": f"{tag} {expected}", "found": describe(found)}
    if kind == "missing":
        code = "NE307" if field in ("record_type", "event_type") else "NE301"
        if code == "NE307":
            expected = f"{field} {_discriminator_values(field)}"
            return code, path, {"expected": expected, "found": "none"}
        return code, path, {"field": field}
    if kind == "extra_forbidden":
        return "NE303", path, {"field": quote(field)}
    if kind == "literal_error":
        code = "NE307" if field in ("record_type", "event_type") else "NE304"
        expected = _SINGLE_QUOTED.sub(r'"\1"', str(ctx.get("expected", "?")))
        return code, path, {"expected": expected, "found": describe(value)}
    if kind in TYPE_WORDS:
        return "NE302", path, {"expected": TYPE_WORDS[kind], "found": describe(value)}
    if kind == "string_pattern_mismatch":
        return _pattern(field, path, value, ctx)
    if kind == "string_too_long" and path[-2:] == ["cameo", "code"]:
        return "NE401", path, {"found": quote(value)}
    if kind in RANGE_WORDS:
        key, words = RANGE_WORDS[kind]
        found = describe(value) if not isinstance(value, str | list) else _length(value)
        return "NE306", path, {"reason": "expected " + words.format(ctx.get(key)), "found": found}
    if kind in ("timezone_aware", "timezone_naive") or (
        kind == "datetime_parsing" and isinstance(value, str) and _NAIVE_TIMESTAMP.fullmatch(value)
    ):
        return "NE713", path, {"found": quote(value)}
    if kind in ("recursion_loop",):
        return "NE108", path, {"limit": "the schema's"}
    reason = _invalid_reason(kind, value, ctx, detail["msg"])
    return "NE308", path, {"reason": reason}


def _pattern(field: str, path: list[str | int], value: Any, ctx: dict[str, Any]) -> Classified:
    if field == "cameo_code" and len(path) == 1:
        return "NE411", path, {"found": quote(value)}
    if field in ("country", "country_code"):
        return "NE410", path, {"found": quote(value)}
    return "NE305", path, {"expected": quote(ctx.get("pattern")), "found": quote(value)}


def _length(value: str | list[Any]) -> str:
    unit = "character(s)" if isinstance(value, str) else "item(s)"
    return f"{len(value)} {unit}"


def _invalid_reason(kind: str, value: Any, ctx: dict[str, Any], message: str) -> str:
    if kind in ("date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        return f'expected a date such as "2022-01-24", found {describe(value)}'
    if kind == "datetime_parsing":
        example = '"2022-01-24T10:00:00Z"'
        return f"expected an RFC 3339 timestamp such as {example}, found {describe(value)}"
    if kind == "finite_number":
        return f"expected a finite number, found {describe(value)}"
    if kind == "string_unicode":  # a lone surrogate: no UTF-8 form
        return f"expected UTF-8 text, found {describe(value)}, which holds a lone surrogate"
    return f"{message[:1].lower()}{message[1:]}, found {describe(value)}"


def _discriminator_values(tag: str) -> str:
    if tag == "record_type":
        return enumerate_values(("document", "actor", "event"))
    return enumerate_values(("alert", "deployment", "statement"))


def _model_context(ctx: dict[str, Any]) -> dict[str, Any]:
    """Render a model rule's context: strings quoted, lists enumerated (long ones cut)."""
    rendered: dict[str, Any] = {}
    for key, value in ctx.items():
        if isinstance(value, list | tuple):
            rendered[key] = enumerate_values(value)
        elif key in _QUOTED_KEYS and isinstance(value, str):
            rendered[key] = quote(value)
        else:
            rendered[key] = quote(value) if not isinstance(value, str) else value
    return rendered
