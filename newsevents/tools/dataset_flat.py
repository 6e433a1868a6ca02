"""The flat events table: one row per event, ACLED/GDELT-like columns, for spreadsheets, R, Stata.

Nested structures are reduced to the columns event-data users expect: the first source
(or the speaker) is actor 1, the first target (or addressee) actor 2; a deployment's place is
its first location, else its destination.  Everything else stays in the nested tables.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from newsevents.codebooks.acled import acled_disorder_type
from newsevents.models import Actor, Alert, Deployment, GeneralEvent, Location, Statement
from newsevents.models.time import ACLED_TIME_PRECISION

Event = Alert | Deployment | Statement | GeneralEvent


@dataclass(frozen=True, slots=True)
class Column:
    """One flat column: name, Arrow type, Frictionless type and description."""

    name: str
    arrow: pa.DataType
    frictionless: str
    description: str


_S, _I, _F, _B, _D = pa.string(), pa.int64(), pa.float64(), pa.bool_(), pa.date32()

COLUMNS: tuple[Column, ...] = (
    Column("event_id", _S, "string", "Event id (unique)."),
    Column("document_id", _S, "string", "Document the event is annotated in."),
    Column("event_type", _S, "string", "alert, deployment or statement."),
    Column("event_date", _D, "date", "Date of the event (first day of the period), if known."),
    Column("year", _I, "integer", "Year of event_date."),
    Column("time_precision", _I, "integer", "ACLED time precision: 1 day, 2 week, 3 month."),
    Column("date_inferred", _B, "boolean", "Whether the date is resolved from context."),
    Column("actor1_id", _S, "string", "Actor 1: the first source, or the speaker."),
    Column("actor1", _S, "string", "Actor 1's canonical name."),
    Column("actor1_cameo", _S, "string", "Actor 1's CAMEO actor code."),
    Column("actor1_country", _S, "string", "Actor 1's ISO 3166-1 alpha-3 country."),
    Column("actor2_id", _S, "string", "Actor 2: the first target, or the addressee."),
    Column("actor2", _S, "string", "Actor 2's canonical name."),
    Column("actor2_cameo", _S, "string", "Actor 2's CAMEO actor code."),
    Column("actor2_country", _S, "string", "Actor 2's ISO 3166-1 alpha-3 country."),
    Column("cameo_code", _S, "string", "CAMEO 1.1b3 event code (a string: leading zeros)."),
    Column("cameo_root", _S, "string", "CAMEO root code."),
    Column("quad_class", _I, "integer", "Quad class (GDELT convention)."),
    Column("goldstein", _F, "number", "Goldstein value (GDELT table)."),
    Column("plover_type", _S, "string", "PLOVER 0.8 event type."),
    Column("plover_modes", _S, "string", "PLOVER modes, ';'-separated."),
    Column("acled_event_type", _S, "string", "ACLED event type, where one applies."),
    Column("acled_sub_event_type", _S, "string", "ACLED sub-event type."),
    Column("acled_disorder_type", _S, "string", "ACLED disorder type of the event type."),
    Column("polarity", _S, "string", "positive or negative."),
    Column("modality", _S, "string", "asserted, planned, proposed, considered, conditional, ..."),
    Column("tense", _S, "string", "past, present, future or unspecified."),
    Column("certainty", _S, "string", "certain, probable, possible or unknown."),
    Column("realis", _S, "string", "Rich ERE REALIS: ACTUAL, GENERIC or OTHER."),
    Column("condition", _S, "string", "The condition, in the text's words (conditional only)."),
    Column("condition_event_id", _S, "string", "The event that is the condition, if annotated."),
    Column("status", _S, "string", "Deployment status (deployments only)."),
    Column("force", _S, "string", "The force, in the text's words (alerts and deployments)."),
    Column("force_size", _I, "integer", "Force size, when one number is given."),
    Column("force_size_low", _I, "integer", "Lower bound, when a range is given."),
    Column("force_size_high", _I, "integer", "Upper bound, when a range is given."),
    Column("force_size_approximate", _B, "boolean", "Whether the text hedges the size."),
    Column("origin", _S, "string", "Where the force comes from (deployments)."),
    Column("destination", _S, "string", "Where the force goes (deployments)."),
    Column("location", _S, "string", "Where the event happens: first location, else destination."),
    Column("country", _S, "string", "ISO 3166-1 alpha-3 code of the location, if a country."),
    Column("speech", _S, "string", "direct_quotation, reported_speech or mixed (statements)."),
    Column("reports", _S, "string", "Events a statement reports, ';'-separated."),
    Column("trigger", _S, "string", "The trigger words."),
    Column("trigger_start", _I, "integer", "Trigger start offset (code points)."),
    Column("trigger_end", _I, "integer", "Trigger end offset (code points, exclusive)."),
    Column("notes", _S, "string", "The annotator's reasons for non-obvious choices."),
)

FLAT_SCHEMA = pa.schema(
    [
        pa.field(c.name, c.arrow, c.name != "event_id", {b"description": c.description.encode()})
        for c in COLUMNS
    ]
)


def _actor(actors: dict[str, Actor], ids: list[str], prefix: str) -> dict[str, Any]:
    actor = actors.get(ids[0]) if ids else None
    if actor is None:
        return {}
    return {
        f"{prefix}_id": actor.id,
        prefix: actor.canonical_name,
        f"{prefix}_cameo": actor.cameo_code,
        f"{prefix}_country": actor.country,
    }


def _place(location: Location | None) -> str | None:
    return location.name if location else None


def _specific(event: Event) -> dict[str, Any]:
    """Return the columns only some event types have."""
    row: dict[str, Any] = {}
    if isinstance(event, Alert | Deployment) and event.force is not None:
        size = event.force.size
        row.update(force=event.force.description)
        if size is not None:
            row.update(
                force_size=size.value,
                force_size_low=size.low,
                force_size_high=size.high,
                force_size_approximate=size.approximate,
            )
    if isinstance(event, Deployment):
        row.update(
            status=event.status,
            origin=_place(event.origin),
            destination=_place(event.destination),
        )
    if isinstance(event, Statement):
        row.update(speech=event.speech, reports=";".join(event.reports))
    return row


def flat_row(event: Event, actors: dict[str, Actor]) -> dict[str, Any]:
    """Return the flat row of ``event``; missing values are None."""
    first_role = "speaker" if isinstance(event, Statement) else "source"
    second_roles = ("target", "addressee") if isinstance(event, Statement) else ("target",)
    factuality = event.factuality
    place = event.locations[0] if event.locations else None
    if place is None and isinstance(event, Deployment):
        place = event.destination
    row: dict[str, Any] = {
        "event_id": event.id,
        "document_id": event.document_id,
        "event_type": event.event_type,
        **_actor(actors, event.actors_in_role(first_role), "actor1"),
        **_actor(
            actors, [p.actor_id for p in event.participants if p.role in second_roles], "actor2"
        ),
        "polarity": factuality.polarity,
        "modality": factuality.modality,
        "tense": factuality.tense,
        "certainty": factuality.certainty,
        "realis": factuality.realis,
        "location": _place(place),
        "country": place.country_code if place else None,
        "notes": event.notes,
        **_specific(event),
    }
    if event.time is not None:
        row.update(
            event_date=event.time.date,
            year=event.time.date.year,
            time_precision=ACLED_TIME_PRECISION[event.time.precision],
            date_inferred=event.time.inferred,
        )
    if event.cameo is not None:
        row.update(
            cameo_code=event.cameo.code,
            cameo_root=event.cameo.root,
            quad_class=event.cameo.quad_class,
            goldstein=event.cameo.goldstein,
        )
    if event.plover is not None:
        row.update(plover_type=event.plover.type, plover_modes=";".join(event.plover.modes))
    if event.acled is not None:
        row.update(
            acled_event_type=event.acled.event_type,
            acled_sub_event_type=event.acled.sub_event_type,
            acled_disorder_type=acled_disorder_type(event.acled.event_type),
        )
    if factuality.condition is not None:
        row.update(
            condition=factuality.condition.text,
            condition_event_id=factuality.condition.event_id,
        )
    if event.trigger is not None:
        row.update(
            trigger=event.trigger.exact,
            trigger_start=event.trigger.start,
            trigger_end=event.trigger.end,
        )
    return {c.name: row.get(c.name) for c in COLUMNS}


def flat_rows(events: tuple[Event, ...], actors: tuple[Actor, ...]) -> list[dict[str, Any]]:
    """Return one flat row per event, in the events' order."""
    by_id = {actor.id: actor for actor in actors}
    return [flat_row(event, by_id) for event in events]


def flat_table(rows: list[dict[str, Any]], metadata: dict[str, str]) -> pa.Table:
    """Return the flat rows as an Arrow table with ``metadata``."""
    return pa.Table.from_pylist(rows, schema=FLAT_SCHEMA.with_metadata(metadata))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def flat_csv(rows: list[dict[str, Any]]) -> str:
    """Return the flat rows as RFC 4180 CSV: header row, CRLF, minimal quoting, empty = missing.

    CRLF line ends make the writer quote any field holding a CR or an LF, as readers expect.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in COLUMNS])
    writer.writerows([[_cell(row[c.name]) for c in COLUMNS] for row in rows])
    return out.getvalue()


STATA_TIME_STAMP = "01 Jan 2000 00:00"
"""Written in the .dta header instead of the time of writing, so rebuilds are byte-identical."""


def stata_value_labels() -> dict[str, dict[int, str]]:
    """The labelled values of the Stata table: each categorical column's values, numbered in
    the order the models declare them (booleans are 0 no, 1 yes)."""
    from typing import get_args, get_type_hints

    from newsevents.models import Event as AnyEvent
    from newsevents.models import Factuality
    from newsevents.view.facts import QUAD_CLASSES

    def numbered(values: tuple[Any, ...]) -> dict[int, str]:
        return {number: str(value) for number, value in enumerate(values, 1)}

    factuality = Factuality.model_fields
    event_types = tuple(
        value for member in get_args(get_args(AnyEvent)[0]) for value in _literals(member)
    )
    labels = {
        "event_type": numbered(event_types),
        "time_precision": {
            code: "/".join(k for k, v in ACLED_TIME_PRECISION.items() if v == code)
            for code in sorted(set(ACLED_TIME_PRECISION.values()))
        },
        "quad_class": dict(QUAD_CLASSES),
        "realis": numbered(get_args(get_type_hints(_getter(Factuality, "realis"))["return"])),
        "status": numbered(get_args(Deployment.model_fields["status"].annotation)),
        "speech": numbered(get_args(Statement.model_fields["speech"].annotation)),
    }
    for name in ("polarity", "modality", "tense", "certainty"):
        labels[name] = numbered(get_args(factuality[name].annotation))
    for column in COLUMNS:
        if column.arrow == _B:
            labels[column.name] = {0: "no", 1: "yes"}
    return labels


def _getter(model: type, name: str) -> Any:
    """The function behind a model's computed property (its return type names the values)."""
    return vars(model)[name].fget


def _literals(model: Any) -> tuple[str, ...]:
    from typing import get_args

    field = getattr(model, "model_fields", {}).get("event_type")
    return get_args(field.annotation) if field is not None else ()


def flat_stata(rows: list[dict[str, Any]], data_label: str) -> bytes:
    """Return the flat rows as a Stata 14+ .dta file (format 118).

    Codes (CAMEO, actor, country) stay strings; categorical columns are labelled integers
    (:func:`stata_value_labels`); booleans are 0/1 labelled no/yes; dates are Stata dates
    (%td); a missing number is Stata's missing (.), a missing string is empty (Stata strings
    have no missing).  Variable labels are the column descriptions.  Needs pandas.
    """
    import datetime as dt

    import pandas as pd

    labels = stata_value_labels()
    frame: dict[str, Any] = {}
    for column in COLUMNS:
        values = [row[column.name] for row in rows]
        if column.name in labels:
            codes = {label: code for code, label in labels[column.name].items()}
            coded = [_coded(v, column.arrow, codes) for v in values]
            frame[column.name] = pd.array(coded, dtype="Int32")
        elif column.arrow == _S:
            frame[column.name] = pd.Series([v or "" for v in values], dtype=object)
        elif column.arrow == _I:
            frame[column.name] = pd.array(values, dtype="Int64")
        elif column.arrow == _D:
            frame[column.name] = pd.to_datetime(pd.Series(values, dtype=object))
        else:
            frame[column.name] = pd.array(values, dtype="Float64")
    table = pd.DataFrame(frame)
    long_text = [c.name for c in COLUMNS if c.arrow == _S and c.name not in labels]
    out = io.BytesIO()
    table.to_stata(
        out,
        write_index=False,
        version=118,
        convert_dates={c.name: "td" for c in COLUMNS if c.arrow == _D},
        variable_labels={c.name: c.description[:80] for c in COLUMNS},
        value_labels={name: {float(k): v for k, v in labels[name].items()} for name in labels},
        data_label=data_label[:80],
        time_stamp=dt.datetime.strptime(STATA_TIME_STAMP, "%d %b %Y %H:%M"),
        convert_strl=[name for name in long_text if _longest(rows, name) > 2045],
    )
    return out.getvalue()


def _coded(value: Any, arrow: pa.DataType, codes: dict[str, int]) -> int | None:
    """A value's number in its labelled column (integer columns keep their own numbers)."""
    if value is None:
        return None
    if arrow == _I:
        return int(value)
    return codes["yes" if value else "no"] if arrow == _B else codes[str(value)]


def _longest(rows: list[dict[str, Any]], name: str) -> int:
    return max((len(str(row[name]).encode("utf-8")) for row in rows if row[name]), default=0)


_READR = {"string": "c", "integer": "i", "number": "d", "boolean": "l", "date": "D"}


def readr_col_types() -> str:
    """The flat table's column types as a readr compact string (``col_types = "ccc..."``),
    one letter per column: c character, i integer, d double, l logical, D date."""
    return "".join(_READR[c.frictionless] for c in COLUMNS)
