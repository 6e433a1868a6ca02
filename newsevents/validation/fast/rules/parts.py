"""Vectorized rules of the parts: spans, quantities, factuality, time, locations, readiness."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from newsevents.validation.fast.columns import Column, RowMask
from newsevents.validation.fast.lookups import countries, not_in
from newsevents.validation.fast.values import as_dates, bad_date, bad_timestamp

_DAYS = {"Y": 365.0, "M": 30.0, "W": 7.0, "D": 1.0}
_TIMES = {"H": 1 / 24, "I": 1 / 1440, "S": 1 / 86_400}
# Numbers of at most 15 digits convert exactly alike in Python and Arrow; longer: suspect.
_N = "[0-9]{1,15}"
DURATION = (
    rf"^P(?:(?P<Y>{_N})Y)?(?:(?P<M>{_N})M)?(?:(?P<W>{_N})W)?(?:(?P<D>{_N})D)?"
    rf"(?:T(?:(?P<H>{_N})H)?(?:(?P<I>{_N})M)?(?:(?P<S>{_N})S)?)?$"
)


def evidence_span(span: Column, mask: RowMask) -> None:
    """NE602, NE603, NE605: reversed, empty, or exact text not end - start code points."""
    start, end = span.field("start").values, span.field("end").values
    width = pc.subtract(end, start)
    length = pc.utf8_length(span.field("exact").values)
    mask.mark(span, pc.or_(pc.less_equal(end, start), pc.not_equal(width, length)))


def factuality(factuality: Column, mask: RowMask) -> None:
    """NE701, NE702: a condition exactly when the modality is conditional."""
    conditional = pc.equal(factuality.field("modality").values, "conditional")
    has_condition = pc.is_valid(factuality.field("condition").values)
    mask.mark(factuality, pc.not_equal(conditional, has_condition))


def quantity(quantity: Column, mask: RowMask) -> None:
    """NE709, NE710: a value or a full range, never both, low not above high."""
    value = pc.is_valid(quantity.field("value").values)
    low_values, high_values = quantity.field("low").values, quantity.field("high").values
    low, high = pc.is_valid(low_values), pc.is_valid(high_values)
    has_range = pc.or_(low, high)
    mask.mark(quantity, pc.equal(value, has_range))
    mask.mark(quantity, pc.and_(has_range, pc.invert(pc.and_(low, high))))
    mask.mark(quantity, pc.greater(low_values, high_values))


def duration(values: Column, mask: RowMask) -> None:
    """NE712: a value that is not an ISO 8601 duration (RE2 has no look-ahead: P and PT...
    alone are excluded by hand)."""
    text = values.values
    shaped = pc.match_substring_regex(text, DURATION)
    empty = pc.or_(pc.equal(text, "P"), pc.ends_with(text, "T"))
    mask.mark(values, pc.or_kleene(pc.invert(shaped), empty))


def duration_days(text: pa.Array) -> pa.Array:
    """Days in each duration, summed in the models' order (null when not a duration)."""
    parts = pc.extract_regex(text, DURATION)
    days: pa.Array = pa.array([0.0] * len(text), pa.float64())
    for unit, factor in _DAYS.items():
        days = pc.add(days, pc.multiply(_number(parts, unit), factor))
    times: pa.Array = pa.array([0.0] * len(text), pa.float64())
    for unit, factor in _TIMES.items():
        times = pc.add(times, pc.multiply(_number(parts, unit), factor))
    return pc.add(days, times)


def _number(parts: pa.Array, unit: str) -> pa.Array:
    digits = pc.struct_field(parts, unit)
    return pc.cast(pc.if_else(pc.equal(digits, ""), "0", digits), pa.float64())


def readiness(change: Column, mask: RowMask) -> None:
    """NE711: for notice to deploy, an increase shortens the notice, a decrease lengthens it."""
    before_text, after_text = change.field("before").values, change.field("after").values
    applies = pc.and_(
        pc.equal(change.field("measure").values, "notice_to_deploy"),
        pc.and_(pc.is_valid(before_text), pc.is_valid(after_text)),
    )
    before, after = duration_days(before_text), duration_days(after_text)
    shorter = pc.less(after, before)
    increase = pc.equal(change.field("direction").values, "increase")
    wrong = pc.or_kleene(pc.not_equal(shorter, increase), pc.equal(before, after))
    mask.mark(change, pc.and_kleene(applies, pc.fill_null(wrong, True)))


def event_time(time: Column, mask: RowMask) -> None:
    """NE706, NE707, NE708: precision alignment, basis of an inferred date, reversed range."""
    inferred = pc.fill_null(time.field("inferred").values, False)
    mask.mark(time, pc.and_(inferred, pc.is_null(time.field("inferred_from").values)))
    date = as_dates(time.field("date").values)
    precision = time.field("precision").values
    weekday, day, month = pc.day_of_week(date), pc.day(date), pc.month(date)
    not_monday = pc.and_(pc.equal(precision, "week"), pc.not_equal(weekday, 0))
    not_first = pc.and_(pc.equal(precision, "month"), pc.not_equal(day, 1))
    not_new_year = pc.and_(
        pc.equal(precision, "year"), pc.or_(pc.not_equal(day, 1), pc.not_equal(month, 1))
    )
    mask.mark(time, pc.or_(not_monday, pc.or_(not_first, not_new_year)))
    mask.mark(time, pc.less(as_dates(time.field("end_date").values), date))


def publication(publication: Column, mask: RowMask) -> None:
    """NE707: an inferred publication date says what it was inferred from."""
    inferred = pc.equal(publication.field("status").values, "inferred")
    mask.mark(publication, pc.and_(inferred, pc.is_null(publication.field("basis").values)))


def location(location: Column, mask: RowMask) -> None:
    """NE716, NE717: both coordinates or neither; a country has its code."""
    latitude = pc.is_valid(location.field("latitude").values)
    longitude = pc.is_valid(location.field("longitude").values)
    mask.mark(location, pc.not_equal(latitude, longitude))
    country = pc.equal(location.field("kind").values, "country")
    mask.mark(location, pc.and_(country, pc.is_null(location.field("country_code").values)))


def country(values: Column, mask: RowMask) -> None:
    """NE410: an ISO 3166-1 alpha-3 code."""
    mask.mark(values, not_in(values.values, countries()))


def plain_date(values: Column, mask: RowMask) -> None:
    """Dates: ``YYYY-MM-DD`` only, a real day."""
    mask.mark(values, bad_date(values.values))


def rfc3339(values: Column, mask: RowMask) -> None:
    """Timestamps: RFC 3339 with a zone."""
    mask.mark(values, bad_timestamp(values.values))
