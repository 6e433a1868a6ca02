"""One mutator per model rule: each breaks exactly that rule in a valid JSON record.

A mutator takes a hypothesis ``draw``, a record in canonical JSON form (changed in place) and
the record's kind, and returns the location (relative to the record) where the model reports
the broken rule.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from newsevents.codebooks.countries import country_codes as known_countries
from newsevents.testing.parts import period_start
from newsevents.testing.text import free_text, identifiers

Loc = tuple[str | int, ...]
Record = dict[str, Any]

_DATES = st.dates(dt.date(1900, 2, 1), dt.date(2100, 1, 1))


def _bad_country() -> st.SearchStrategy[str]:
    return st.from_regex(r"[A-Z]{3}", fullmatch=True).filter(lambda c: c not in known_countries())


def fresh_id(draw: st.DrawFn, taken: set[str]) -> str:
    """Draw an id not in ``taken``."""
    return draw(identifiers().filter(lambda i: i not in taken))


def append(record: Record, key: str, value: Any) -> int:
    """Append ``value`` to the list ``record[key]`` (created when absent); return its index."""
    items: list[Any] = record.setdefault(key, [])
    items.append(value)
    return len(items) - 1


# Spans (EvidenceSpan), placed as an event's trigger or an extra evidence span.


def _place_span(draw: st.DrawFn, record: Record, span: Record, field: str) -> Loc:
    if draw(st.booleans()):
        record["trigger"] = span
        return ("trigger", field)
    return ("evidence", append(record, "evidence", span), field)


def span_reversed(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE603: start after end."""
    end = draw(st.integers(0, 1000))
    start = end + draw(st.integers(1, 50))
    span = {"start": start, "end": end, "exact": draw(free_text(1, 10))}
    return _place_span(draw, record, span, "start")


def span_empty(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE602: start equals end."""
    start = draw(st.integers(0, 1000))
    span = {"start": start, "end": start, "exact": draw(free_text(1, 10))}
    return _place_span(draw, record, span, "end")


def span_length(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE605: exact is not end - start code points long."""
    start, width = draw(st.integers(0, 1000)), draw(st.integers(1, 20))
    exact = draw(free_text(1, 25).filter(lambda t: len(t) != width))
    span = {"start": start, "end": start + width, "exact": exact}
    return _place_span(draw, record, span, "exact")


# Factuality and time.


def condition_missing(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE701: conditional modality without a condition."""
    record["factuality"]["modality"] = "conditional"
    record["factuality"].pop("condition", None)
    return ("factuality", "condition")


def condition_unexpected(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE702: a condition on an event that is not conditional."""
    modalities = ("asserted", "planned", "proposed", "considered", "possible", "hypothetical")
    record["factuality"]["modality"] = draw(st.sampled_from(modalities))
    record["factuality"]["condition"] = {"text": draw(free_text(1, 20))}
    return ("factuality", "condition")


def date_misaligned(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE706: a date that does not start its precision's period."""
    precision = draw(st.sampled_from(("week", "month", "year")))
    date = draw(_DATES.filter(lambda d: period_start(d, precision) != d))
    record["time"] = {"date": date.isoformat(), "precision": precision}
    return ("time", "date")


def inferred_without_basis(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE707: an inferred date that does not say what it was inferred from."""
    date = draw(_DATES).isoformat()
    if kind == "document":
        record["publication"] = {"date": date, "status": "inferred"}
        return ("publication", "basis")
    record["time"] = {"date": date, "precision": "day", "inferred": True}
    return ("time", "inferred_from")


def dates_reversed(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE708: an end date before the start date."""
    date = draw(_DATES)
    end = date - dt.timedelta(days=draw(st.integers(1, 30)))
    record["time"] = {"date": date.isoformat(), "end_date": end.isoformat(), "precision": "day"}
    return ("time", "end_date")


# Quantities (a force's size).


def range_reversed(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE709: low above high."""
    high = draw(st.integers(0, 10**6))
    low = high + draw(st.integers(1, 1000))
    record["force"]["size"] = {"low": low, "high": high, "unit": "troops"}
    return ("force", "size", "low")


def quantity_shape(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE710: neither or both of value and range, or half a range."""
    shape = draw(st.sampled_from(("neither", "both", "low only", "high only")))
    size: Record = {"unit": "troops"}
    if shape in ("both", "low only"):
        size["low"] = 1
    if shape in ("both", "high only"):
        size["high"] = 2
    if shape == "both":
        size["value"] = 3
    record["force"]["size"] = size
    field = {"neither": "value", "both": "value", "low only": "high", "high only": "low"}[shape]
    return ("force", "size", field)


# Locations: an event's extra location or a document's dateline.


def _place_location(record: Record, kind: str, location: Record, field: str) -> Loc:
    if kind == "document":
        record["dateline"] = location
        return ("dateline", field)
    return ("locations", append(record, "locations", location), field)


def coordinates_incomplete(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE716: a latitude without a longitude, or the reverse."""
    given, missing = draw(st.sampled_from((("latitude", "longitude"), ("longitude", "latitude"))))
    location = {"name": draw(free_text(1, 10)), "kind": "place", given: 10.5}
    return _place_location(record, kind, location, missing)


def country_without_code(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE717: a location of kind country with no country code."""
    location = {"name": draw(free_text(1, 10)), "kind": "country"}
    return _place_location(record, kind, location, "country_code")


def country_unknown(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE410: a three-letter code that is not ISO 3166-1 alpha-3."""
    code = draw(_bad_country())
    if kind == "actor":
        record["country"] = code
        return ("country",)
    location = {"name": draw(free_text(1, 10)), "kind": "place", "country_code": code}
    return _place_location(record, kind, location, "country_code")
