"""Writing records to Arrow either keeps every value or refuses: nothing is coerced.

``pa.Table.from_pylist`` converts what it can: a string where a list belongs becomes a list
of characters, a field without a column vanishes, 97.0 in an integer column becomes 97.  A
record that fails validation must not come out of a Parquet file looking different (or
valid), so before a table is built every value is checked against its column's type: kept
exactly, or reported (NE120 a value that would change, NE121 a field without a column).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from newsevents.validation.messages import describe, join_pointer, quote

if TYPE_CHECKING:
    from newsevents.validation.issue import Issue

_INT_RANGES = {8: 1 << 7, 16: 1 << 15, 32: 1 << 31, 64: 1 << 63}


@dataclass(frozen=True, slots=True)
class Unfaithful:
    """A value that cannot be written without changing: record index, code, pointer, context."""

    record: int
    code: str
    pointer: str
    context: Mapping[str, object] = field(default_factory=dict)


class ConversionError(ValueError):
    """Records cannot be written to Arrow unchanged; ``problems`` says which and where."""

    def __init__(self, record_type: str, problems: Sequence[Unfaithful]) -> None:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(
            f"cannot write {record_type} records to Arrow unchanged: {first.code} at record "
            f"{first.record} {first.pointer or '/'}{more}"
        )
        self.record_type = record_type
        self.problems = tuple(problems)

    def issues(self, file: str | None = None) -> list[Issue]:
        """The problems as issues (NE120, NE121) located in ``file``, record by record."""
        from newsevents.validation.checks.registry import new_issue
        from newsevents.validation.issue import IssueLocation

        return [
            new_issue(p.code, IssueLocation(file, p.record, pointer=p.pointer), **p.context)
            for p in self.problems
        ]


def unfaithful(rows: Sequence[Any], row_type: pa.StructType, table: str) -> list[Unfaithful]:
    """Return every value of ``rows`` (canonical JSON dicts) that a table of ``row_type``
    would not hold unchanged; empty when the table would keep them all."""
    found: list[Unfaithful] = []
    for index, row in enumerate(rows):
        for code, pointer, context in _check(row, row_type, "", table):
            found.append(Unfaithful(index, code, pointer, context))
    return found


Finding = tuple[str, str, dict[str, object]]


def _check(value: Any, kind: pa.DataType, pointer: str, table: str) -> Iterator[Finding]:
    if value is None:
        return
    if pa.types.is_struct(kind):
        if not isinstance(value, Mapping):
            yield _changed(value, kind, pointer)
            return
        for key, child in value.items():
            index = kind.get_field_index(key) if isinstance(key, str) else -1
            if index < 0:
                if child is not None:  # a null is kept as a null column or not at all
                    context: dict[str, object] = {"field": quote(key), "table": table}
                    yield "NE121", join_pointer(pointer, str(key)), context
                continue
            yield from _check(child, kind.field(index).type, join_pointer(pointer, key), table)
        for field in kind:  # a null where the column holds none: Parquet refuses to write it
            if not field.nullable and value.get(field.name) is None:
                found = "null" if field.name in value else "a missing value"
                yield _required(found, join_pointer(pointer, field.name))
        return
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        if not isinstance(value, list):
            yield _changed(value, kind, pointer)
            return
        for position, item in enumerate(value):
            at = join_pointer(pointer, position)
            if item is None and not kind.value_field.nullable:
                yield _required("null", at)
            yield from _check(item, kind.value_type, at, table)
        return
    if not _kept(value, kind):
        yield _changed(value, kind, pointer)


def _kept(value: Any, kind: pa.DataType) -> bool:
    types = pa.types
    if types.is_string(kind) or types.is_large_string(kind):
        return isinstance(value, str) and _utf8(value)
    if types.is_boolean(kind):
        return isinstance(value, bool)
    if types.is_integer(kind):
        bound = _INT_RANGES[kind.bit_width]
        low, high = (-bound, bound) if types.is_signed_integer(kind) else (0, 2 * bound)
        return isinstance(value, int) and not isinstance(value, bool) and low <= value < high
    if types.is_floating(kind):
        return isinstance(value, float) or (
            isinstance(value, int) and not isinstance(value, bool) and _exact_float(value)
        )
    if types.is_date32(kind):
        return isinstance(value, str) and _iso_date(value)
    return False  # a type this writer does not produce: refuse rather than guess


def _utf8(text: str) -> bool:
    """Whether Arrow can hold ``text``: a lone surrogate has no UTF-8 form."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _exact_float(value: int) -> bool:
    try:
        return int(float(value)) == value
    except OverflowError:
        return False


def _iso_date(text: str) -> bool:
    try:
        return dt.date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def _required(found: str, pointer: str) -> Finding:
    return "NE120", pointer, {"found": found, "expected": "a value (the column holds no nulls)"}


def _changed(value: Any, kind: pa.DataType, pointer: str) -> Finding:
    return "NE120", pointer, {"found": describe(value), "expected": _name(kind)}


def _name(kind: pa.DataType) -> str:
    types = pa.types
    if types.is_struct(kind):
        return "an object (struct column)"
    if types.is_list(kind) or types.is_large_list(kind):
        return "a list (list column)"
    if types.is_date32(kind):
        return "an ISO 8601 date (date32 column)"
    if types.is_floating(kind):
        return "a number a 64-bit float holds exactly (float64 column)"
    if types.is_integer(kind):
        return f"an integer that fits {kind} (integer column)"
    if types.is_boolean(kind):
        return "true or false (bool column)"
    return f"a string ({kind} column)" if types.is_string(kind) else str(kind)
