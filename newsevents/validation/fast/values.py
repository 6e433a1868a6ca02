"""Dates and timestamps over Arrow columns: which values the models may reject, and dates.

Parquet holds dates as ``date32`` and timestamps as RFC 3339 strings; JSON Lines read
through Arrow holds both as strings.  A string is accepted only in a form stricter than the
models' (``YYYY-MM-DD``; ``YYYY-MM-DDTHH:MM:SS[.ffffff](Z|±HH:MM)``) and only when it names
a real calendar day, checked by formatting the parsed date back (Arrow's parser would roll
2022-02-30 over to 2 March).
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

DATE = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
TIMESTAMP = (
    r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    r"T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,6})?"
    r"(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
)


_DAY_SHAPE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _parsed_days(text: pa.Array, shaped: pa.Array | None = None) -> pa.Array:
    """The date32 of ``YYYY-MM-DD`` prefixes that name a real day, else null.

    Arrow's parser rolls 2022-02-30 over to 2 March and takes ``2022-1-5``: the prefix must
    have the shape and its year, month and day must be the parsed date's (the same as
    formatting the date back and comparing, at a quarter of the cost).  ``shaped``: where
    the caller already found a full DATE or TIMESTAMP shape (elsewhere the day is null).
    """
    day = pc.utf8_slice_codeunits(text, 0, 10)
    if shaped is None:
        shaped = pc.match_substring_regex(day, _DAY_SHAPE)
    shaped = pc.fill_null(shaped, False)
    digits = pc.if_else(shaped, day, "0001-01-01")
    parsed = pc.strptime(digits, format="%Y-%m-%d", unit="s", error_is_null=True)
    real = pc.and_(shaped, pc.invert(pc.starts_with(digits, "0000")))
    for part, low, high in ((pc.year, 0, 4), (pc.month, 5, 7), (pc.day, 8, 10)):
        given = pc.cast(pc.utf8_slice_codeunits(digits, low, high), pa.int64())
        real = pc.and_(real, pc.equal(part(parsed), given))
    return pc.if_else(real, pc.cast(parsed, pa.date32()), pa.scalar(None, pa.date32()))


def _outside_years(dates: pa.Array) -> pa.Array:
    years = pc.year(dates)
    return pc.or_(pc.less(years, 1), pc.greater(years, 9999))


def bad_date(values: pa.Array) -> pa.Array:
    """True where a non-null value might not be a valid date for the models."""
    if pa.types.is_date(values.type):
        return _outside_years(values)
    if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
        shaped = pc.match_substring_regex(values, DATE)
        bad = pc.or_kleene(pc.invert(shaped), pc.is_null(_parsed_days(values, shaped)))
        return pc.and_kleene(pc.is_valid(values), bad)
    return pc.is_valid(values)


def bad_timestamp(values: pa.Array) -> pa.Array:
    """True where a non-null value might not be an RFC 3339 timestamp with a zone."""
    if not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):
        return pc.is_valid(values)
    shaped = pc.match_substring_regex(values, TIMESTAMP)
    bad = pc.or_kleene(pc.invert(shaped), pc.is_null(_parsed_days(values, shaped)))
    return pc.and_kleene(pc.is_valid(values), bad)


def as_dates(values: pa.Array) -> pa.Array:
    """Return the values as date32 (null where a string is not a valid date)."""
    if pa.types.is_date32(values.type):
        return values
    if pa.types.is_date(values.type):
        return pc.cast(values, pa.date32())
    if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
        return _parsed_days(values)
    return pa.nulls(len(values), pa.date32())
