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
from newsevents.models import Actor, Alert, Deployment, Location, Statement
from newsevents.models.time import ACLED_TIME_PRECISION

Event = Alert | Deployment | Statement


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
