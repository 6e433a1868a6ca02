"""Strategies for the parts records share: quantities, times, places, factuality, provenance."""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from hypothesis import strategies as st

from newsevents.models import (
    Condition,
    EventTime,
    Factuality,
    Location,
    Provenance,
    Quantity,
)
from newsevents.models.factuality import Certainty, Genericity, Modality, Polarity, Tense
from newsevents.models.location import LocationKind
from newsevents.models.time import Precision
from newsevents.testing.codings import country_codes
from newsevents.testing.text import (
    evidence_spans,
    identifiers,
    long_texts,
    maybe,
    reused,
    short_texts,
)

EARLIEST = dt.date(1900, 1, 1)
"""Earliest date drawn (a Monday, so every aligned period start stays in range)."""
LATEST = dt.date(2100, 12, 31)
"""Latest date drawn."""

UNITS = ("troops", "soldiers", "personnel", "service members", "ships", "aircraft", "brigades")

_BIG_COUNTS = st.integers(0, 10**12)
_COUNTS = st.integers(0, 100_000)
_UNITS = st.sampled_from(UNITS) | short_texts()
_PRECISIONS = st.sampled_from(get_args(Precision))
_KINDS = st.sampled_from(get_args(LocationKind))
_LATITUDES = st.floats(-90, 90)
_LONGITUDES = st.floats(-180, 180)
_WIKIDATA = st.from_regex(r"Q[1-9][0-9]{0,11}", fullmatch=True)
_GEO_PRECISIONS: tuple[Literal[1, 2, 3], ...] = (1, 2, 3)
_GEO_PRECISION = st.sampled_from(_GEO_PRECISIONS)


@reused
@st.composite
def quantities(draw: st.DrawFn, text: str | None = None) -> Quantity:
    """Draw a quantity: a value or a low <= high range, maybe approximate, with a unit."""
    counts = _BIG_COUNTS if draw(st.booleans()) else _COUNTS
    value = low = high = None
    if draw(st.booleans()):
        value = draw(counts)
    else:
        low, high = sorted(draw(st.lists(counts, min_size=2, max_size=2)))
    return Quantity(
        value=value,
        low=low,
        high=high,
        approximate=draw(st.booleans()),
        unit=draw(_UNITS),
        evidence=draw(maybe(evidence_spans(text))),
    )


def period_start(date: dt.date, precision: str) -> dt.date:
    """Return the first day of the ``precision`` period that contains ``date``."""
    if precision == "week":
        return date - dt.timedelta(days=date.weekday())
    if precision == "month":
        return date.replace(day=1)
    if precision == "year":
        return date.replace(month=1, day=1)
    return date


@reused
@st.composite
def event_times(draw: st.DrawFn, text: str | None = None, latest: dt.date = LATEST) -> EventTime:
    """Draw a time whose date starts its precision's period, never after ``latest``."""
    precision = draw(_PRECISIONS)
    date = period_start(draw(st.dates(EARLIEST, latest)), precision)
    end_date = None
    if draw(st.booleans()):
        end_date = min(latest, date + dt.timedelta(days=draw(st.integers(0, 400))))
    inferred = draw(st.booleans())
    return EventTime(
        date=date,
        end_date=end_date,
        precision=precision,
        expression=draw(maybe(short_texts())),
        evidence=draw(maybe(evidence_spans(text))),
        inferred=inferred,
        inferred_from=draw(long_texts()) if inferred else None,
    )


@reused
@st.composite
def locations(draw: st.DrawFn, text: str | None = None) -> Location:
    """Draw a location; a country has a code, and coordinates come in pairs."""
    kind = draw(_KINDS)
    code = draw(country_codes()) if kind == "country" else draw(maybe(country_codes()))
    latitude = longitude = None
    if draw(st.booleans()):
        latitude, longitude = draw(_LATITUDES), draw(_LONGITUDES)
    evidence = draw(maybe(evidence_spans(text)))
    name = evidence.exact if evidence is not None and len(evidence.exact) <= 500 else None
    return Location(
        name=name or draw(short_texts()),
        kind=kind,
        country_code=code,
        admin1=draw(maybe(short_texts())),
        admin2=draw(maybe(short_texts())),
        latitude=latitude,
        longitude=longitude,
        geo_precision=draw(maybe(_GEO_PRECISION)),
        wikidata_id=draw(maybe(_WIKIDATA)),
        evidence=evidence,
    )


@reused
def references(ids: tuple[str, ...] | None, exclude: str | None = None) -> st.SearchStrategy[str]:
    """Draw one of ``ids`` other than ``exclude`` (any identifier but it, when ``ids`` is None)."""
    if ids is None:
        return identifiers().filter(lambda found: found != exclude)
    return st.sampled_from([i for i in ids if i != exclude])


def can_refer(ids: tuple[str, ...] | None, exclude: str | None = None) -> bool:
    """Whether :func:`references` has anything to draw."""
    return ids is None or any(i != exclude for i in ids)


@reused
@st.composite
def conditions(
    draw: st.DrawFn,
    text: str | None = None,
    event_ids: tuple[str, ...] | None = None,
    exclude: str | None = None,
) -> Condition:
    """Draw a condition; its event is one of ``event_ids`` (any id when None; none when empty),
    never ``exclude`` (the conditional event itself)."""
    has_event = can_refer(event_ids, exclude)
    event_id = draw(maybe(references(event_ids, exclude))) if has_event else None
    return Condition(
        text=draw(long_texts()), evidence=draw(maybe(evidence_spans(text))), event_id=event_id
    )


_POLARITIES = st.sampled_from(get_args(Polarity))
_MODALITIES = st.sampled_from(get_args(Modality))
_TENSES = st.sampled_from(get_args(Tense))
_CERTAINTIES = st.sampled_from(get_args(Certainty))
_GENERICITIES = st.sampled_from(get_args(Genericity))


@reused
@st.composite
def factualities(
    draw: st.DrawFn,
    text: str | None = None,
    event_ids: tuple[str, ...] | None = None,
    exclude: str | None = None,
) -> Factuality:
    """Draw a factuality; it has a condition exactly when its modality is conditional, and
    the condition is never the event ``exclude`` itself."""
    modality = draw(_MODALITIES)
    conditional = modality == "conditional"
    condition = draw(conditions(text, event_ids, exclude)) if conditional else None
    return Factuality(
        polarity=draw(_POLARITIES),
        modality=modality,
        tense=draw(_TENSES),
        certainty=draw(_CERTAINTIES),
        genericity=draw(_GENERICITIES),
        condition=condition,
    )


_ZONES = st.sampled_from(
    [dt.UTC, *(dt.timezone(dt.timedelta(minutes=m)) for m in (120, -300, 330))]
)


_ANNOTATORS = st.sampled_from(("annotator-1", "annotator-2", "model:baseline")) | short_texts()
_METHOD_NAMES: tuple[Literal["by_hand", "automatic", "semi_automatic"], ...] = (
    "by_hand",
    "automatic",
    "semi_automatic",
)
_METHODS = st.sampled_from(_METHOD_NAMES)
_VERSIONS = st.tuples(*[st.integers(0, 12)] * 3).map(lambda parts: ".".join(map(str, parts)))
_MOMENTS = st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2100, 1, 1), timezones=_ZONES)


@st.composite
def _provenances(draw: st.DrawFn) -> Provenance:
    return Provenance(
        annotator=draw(_ANNOTATORS),
        method=draw(_METHODS),
        guideline_version=draw(_VERSIONS),
        annotated_at=draw(_MOMENTS),
        tool=draw(maybe(short_texts())),
        confidence=draw(maybe(st.floats(0, 1))),
    )


_PROVENANCES = _provenances()


def provenances() -> st.SearchStrategy[Provenance]:
    """Draw who annotated a record, how, under which guideline version, and when (zoned)."""
    return _PROVENANCES
