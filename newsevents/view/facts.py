"""What a reviewer reads about an event: its fields in sections, codes with their codebook labels.

The HTML page and the terminal view show the same facts, built here once.  Fields the view
has no section for (alert force, deployment status, statement summary, provenance, notes, and
any field a later schema adds) are listed as they are, so nothing an annotator wrote is hidden.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from newsevents.codebooks import cameo_code
from newsevents.codebooks.acled import acled_disorder_type
from newsevents.models import Actor, CameoCoding, EventTime, Factuality
from newsevents.models.events import EventBase

QUAD_CLASSES: dict[int, str] = {
    int(number): name
    for number, name in re.findall(
        r"([1-4]) ([a-z]+ [a-z]+)", CameoCoding.model_fields["quad_class"].description or ""
    )
}
"""QuadClass -> its name, as the model describes the field."""

_SHOWN_IN_SECTIONS = frozenset(
    {
        "record_type",
        "schema_version",
        "id",
        "document_id",
        "event_type",
        "cameo",
        "plover",
        "acled",
        "factuality",
        "time",
        "participants",
        "links",
        "reports",
        "trigger",
        "evidence",
    }
)


@dataclass(frozen=True, slots=True)
class Row:
    """One labelled value; ``events`` are ids of events it refers to (shown as links)."""

    label: str
    value: str = ""
    events: tuple[str, ...] = ()
    quote: str | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """A titled group of rows."""

    title: str
    rows: list[Row] = field(default_factory=list)


def event_facts(
    event: EventBase, actors: Mapping[str, Actor], reported_by: Mapping[str, Iterable[str]]
) -> list[Section]:
    """Return the sections describing ``event``; ``reported_by`` maps event ids to statements."""
    sections = [
        Section("Coding", _coding(event)),
        Section("Factuality", _factuality(event.factuality)),
        Section("Time", _time(event.time)),
        Section("Participants", _participants(event, actors)),
        Section("Links", _links(event, reported_by)),
        Section("Other fields", list(_other_fields(event))),
    ]
    return [section for section in sections if section.rows]


def cameo_label(code: str) -> str:
    """Return ``code`` with its CAMEO 1.1b3 name, or the code alone when unknown."""
    entry = cameo_code(code)
    return f"{code} {entry.name}" if entry else code


def _coding(event: EventBase) -> list[Row]:
    rows: list[Row] = []
    if event.cameo is not None:
        cameo = event.cameo
        quad = QUAD_CLASSES.get(cameo.quad_class, "")
        rows += [
            Row("CAMEO", cameo_label(cameo.code)),
            Row("root", cameo_label(cameo.root)),
            Row("QuadClass", f"{cameo.quad_class} {quad} ({cameo.quad_class_convention})"),
            Row("Goldstein", f"{cameo.goldstein:+.1f} ({cameo.goldstein_table} table)"),
        ]
    if event.plover is not None:
        plover = event.plover
        rows.append(Row("PLOVER", plover.type))
        if plover.modes:
            rows.append(Row("PLOVER modes", ", ".join(plover.modes)))
        if plover.contexts:
            rows.append(Row("PLOVER contexts", ", ".join(plover.contexts)))
    special = event.factuality.plover_special_contexts
    if special:
        rows.append(Row("PLOVER special contexts", ", ".join(special)))
    if event.acled is not None:
        acled = event.acled
        disorder = acled_disorder_type(acled.event_type)
        suffix = f" ({disorder})" if disorder else ""
        rows.append(Row("ACLED", f"{acled.event_type} / {acled.sub_event_type}{suffix}"))
    return rows


def _factuality(factuality: Factuality) -> list[Row]:
    rows = [
        Row(axis, str(getattr(factuality, axis)))
        for axis in ("polarity", "modality", "tense", "certainty", "genericity")
    ]
    rows.append(Row("REALIS", factuality.realis))
    condition = factuality.condition
    if condition is not None:
        events = (condition.event_id,) if condition.event_id else ()
        rows.append(Row("condition", condition.text, events))
    return rows


def _time(time: EventTime | None) -> list[Row]:
    if time is None:
        return []
    period = time.date.isoformat()
    if time.end_date is not None:
        period += f" to {time.end_date.isoformat()}"
    rows = [Row("date", period), Row("precision", time.precision)]
    if time.expression:
        rows.append(Row("expression", time.expression))
    rows.append(Row("basis", f"inferred from {time.inferred_from}" if time.inferred else "stated"))
    return rows


def actor_label(actor_id: str, actors: Mapping[str, Actor]) -> str:
    """Return the actor's name and codes, or its id when no actor record has it."""
    actor = actors.get(actor_id)
    if actor is None:
        return f"{actor_id} (no actor record)"
    codes = [code for code in (actor.cameo_code, actor.country, actor.wikidata_id) if code]
    return f"{actor.name} ({', '.join(codes)})" if codes else actor.name


def _participants(event: EventBase, actors: Mapping[str, Actor]) -> list[Row]:
    return [
        Row(
            participant.role,
            actor_label(participant.actor_id, actors),
            quote=participant.mention.exact if participant.mention else None,
        )
        for participant in event.participants
    ]


def _links(event: EventBase, reported_by: Mapping[str, Iterable[str]]) -> list[Row]:
    rows = [Row(link.relation, "", (link.event_id,)) for link in event.links]
    reports = getattr(event, "reports", ())
    if reports:
        rows.append(Row("reports", "", tuple(reports)))
    statements = tuple(reported_by.get(event.id, ()))
    if statements:
        rows.append(Row("reported by", "", statements))
    return rows


def _other_fields(event: EventBase) -> Iterable[Row]:
    data = event.model_dump(mode="json", exclude_none=True)
    for name, value in data.items():
        if name not in _SHOWN_IN_SECTIONS:
            yield from _flatten(name, value)


def _flatten(label: str, value: Any) -> Iterable[Row]:
    if isinstance(value, dict):
        if {"start", "end", "exact"} <= value.keys():
            yield Row(label, f"{value['start']}-{value['end']}", quote=value["exact"])
            return
        for key, item in value.items():
            yield from _flatten(f"{label} {key}", item)
    elif isinstance(value, list):
        if all(not isinstance(item, dict | list) for item in value):
            if value:
                yield Row(label, ", ".join(str(item) for item in value))
            return
        for index, item in enumerate(value):
            yield from _flatten(f"{label} {index + 1}", item)
    elif isinstance(value, bool):
        yield Row(label, "yes" if value else "no")
    else:
        yield Row(label, str(value))
