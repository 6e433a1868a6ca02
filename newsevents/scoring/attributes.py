"""The attributes compared on every matched pair of events: defined once, used by the
alignment's disagreements, the attribute scores and the agreement figures.

Each attribute reads one value from an event.  Ids in the value (actors, events) are first
put through a :class:`Crosswalk`, so a system's ids are compared as the gold ids they were
aligned with.  ``None`` means the event has no value; a pair where both sides have none does
not count for that attribute.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from newsevents.models import Location, Statement
from newsevents.models.events.base import EventBase as Event

Kind = Literal["nominal", "ordinal", "set"]
Value = Hashable | None


@dataclass(frozen=True)
class Crosswalk:
    """Maps one side's actor and event ids to the gold ids they were aligned with.

    An id with no counterpart becomes ``"unaligned:<id>"``, which equals no gold id.  The gold
    side uses the empty crosswalk, under which every id maps to itself.
    """

    actors: Mapping[str, str] = field(default_factory=dict)
    events: Mapping[str, str] = field(default_factory=dict)
    identity: bool = True

    def actor(self, actor_id: str) -> str:
        """The gold id of an actor id."""
        return actor_id if self.identity else self.actors.get(actor_id, f"unaligned:{actor_id}")

    def event(self, event_id: str) -> str:
        """The gold id of an event id."""
        return event_id if self.identity else self.events.get(event_id, f"unaligned:{event_id}")


GOLD = Crosswalk()


@dataclass(frozen=True)
class Attribute:
    """One compared attribute: its name, kind (nominal, ordinal or set) and how to read it.

    ``order`` lists an ordinal attribute's values from low to high; values outside it (such
    as ``unspecified``) count as missing in the ordinal alpha.
    """

    name: str
    kind: Kind
    description: str
    read: Callable[[Event, Crosswalk], Value]
    order: tuple[str, ...] = ()

    def value(self, event: Event, crosswalk: Crosswalk = GOLD) -> Value:
        """Return the attribute's value on ``event``, its ids mapped by ``crosswalk``."""
        return self.read(event, crosswalk)


def _place(location: Location | None) -> str | None:
    if location is None:
        return None
    return location.country_code or location.name.casefold().removeprefix("the ")


def _force(event: Event) -> Any:
    return getattr(event, "force", None)


def _size(event: Event, _: Crosswalk) -> Value:
    force = _force(event)
    size = force.size if force is not None else None
    if size is None:
        return None
    if getattr(size, "portion", None) is not None:  # schema 1.1.0: "most of the 8,500"
        return (size.portion, "of", size.of)
    return size.value if size.value is not None else (size.low, size.high)


def _force_actor(event: Event, crosswalk: Crosswalk) -> Value:
    force = _force(event)
    if force is None or force.actor_id is None:
        return None
    return crosswalk.actor(force.actor_id)


def _readiness(event: Event, _: Crosswalk) -> Value:
    readiness = getattr(event, "readiness", None)
    if readiness is None:
        return None
    return (readiness.measure, readiness.direction, readiness.before, readiness.after)


def _holder(event: Event, crosswalk: Crosswalk) -> Value:
    holder = getattr(event.factuality, "holder", None)  # schema 1.1.0
    return crosswalk.actor(holder) if holder is not None else None


def _condition(event: Event, crosswalk: Crosswalk) -> Value:
    condition = event.factuality.condition
    if condition is None:
        return None
    return crosswalk.event(condition.event_id) if condition.event_id else "(not an event)"


def _purpose(event: Event, crosswalk: Crosswalk) -> Value:
    purpose = getattr(event, "purpose", None)
    if purpose is None:
        return None
    return crosswalk.event(purpose.event_id) if purpose.event_id else "(not an event)"


def _speaker(event: Event, crosswalk: Crosswalk) -> Value:
    if not isinstance(event, Statement):
        return None
    speakers = event.actors_in_role("speaker")
    return crosswalk.actor(speakers[0]) if speakers else None


def _places(event: Event, _: Crosswalk) -> Value:
    places = {_place(location) for location in event.locations}
    for name in ("origin", "destination"):
        places.add(_place(getattr(event, name, None)))
    places.discard(None)
    return frozenset(places) or None


def _participants(event: Event, crosswalk: Crosswalk) -> Value:
    pairs = {(p.role, crosswalk.actor(p.actor_id)) for p in event.participants}
    return frozenset(pairs) or None


def _reports(event: Event, crosswalk: Crosswalk) -> Value:
    if not isinstance(event, Statement):
        return None
    return frozenset(crosswalk.event(e) for e in event.reports) or None


def _links(event: Event, crosswalk: Crosswalk) -> Value:
    links = {(link.relation, crosswalk.event(link.event_id)) for link in event.links}
    return frozenset(links) or None


def _trigger(event: Event, _: Crosswalk) -> Value:
    return (event.trigger.start, event.trigger.end) if event.trigger else None


def _attr(path: str) -> Callable[[Event, Crosswalk], Value]:
    """Read a dotted path of plain fields (``cameo.code``); None anywhere gives None."""
    names = path.split(".")

    def read(event: Event, _: Crosswalk) -> Value:
        value: Any = event
        for name in names:
            value = getattr(value, name, None)
            if value is None:
                return None
        return frozenset(value) or None if isinstance(value, list) else value

    return read


def _acled(event: Event, _: Crosswalk) -> Value:
    return f"{event.acled.event_type} / {event.acled.sub_event_type}" if event.acled else None


def _date(event: Event, _: Crosswalk) -> Value:
    return event.time.date.isoformat() if event.time else None


ATTRIBUTES: tuple[Attribute, ...] = (
    Attribute(
        "event_type", "nominal", "alert, deployment, statement or general", _attr("event_type_name")
    ),
    Attribute("cameo.code", "nominal", "CAMEO event code, exact", _attr("cameo.code")),
    Attribute("cameo.root", "nominal", "CAMEO root (first two digits)", _attr("cameo.root")),
    Attribute("cameo.quad_class", "nominal", "CAMEO QuadClass", _attr("cameo.quad_class")),
    Attribute("plover.type", "nominal", "PLOVER event type", _attr("plover.type")),
    Attribute("plover.modes", "set", "PLOVER modes", _attr("plover.modes")),
    Attribute("acled", "nominal", "ACLED event type / sub-event type pair", _acled),
    Attribute(
        "factuality.polarity", "nominal", "positive or negative", _attr("factuality.polarity")
    ),
    Attribute(
        "factuality.modality", "nominal", "asserted ... hypothetical", _attr("factuality.modality")
    ),
    Attribute(
        "factuality.tense",
        "ordinal",
        "past < present < future",
        _attr("factuality.tense"),
        ("past", "present", "future"),
    ),
    Attribute(
        "factuality.certainty",
        "ordinal",
        "possible < probable < certain",
        _attr("factuality.certainty"),
        ("possible", "probable", "certain"),
    ),
    Attribute(
        "factuality.genericity", "nominal", "specific or generic", _attr("factuality.genericity")
    ),
    Attribute("factuality.holder", "nominal", "whose attitude the modality is (aligned)", _holder),
    Attribute("factuality.condition", "nominal", "the condition's event (aligned)", _condition),
    Attribute("time.date", "nominal", "the event's date", _date),
    Attribute(
        "time.precision",
        "ordinal",
        "day < week < month < year",
        _attr("time.precision"),
        ("day", "week", "month", "year"),
    ),
    Attribute("force.size", "nominal", "the force's size: value, low-high, or portion", _size),
    Attribute("force.actor", "nominal", "the force's actor (aligned)", _force_actor),
    Attribute("readiness", "nominal", "measure, direction, notice before and after", _readiness),
    Attribute("purpose.event", "nominal", "the event the purpose is (aligned)", _purpose),
    Attribute("status", "nominal", "deployment status", _attr("status")),
    Attribute("locations", "set", "places: country code, else name", _places),
    Attribute("participants", "set", "(role, actor) pairs, actors aligned", _participants),
    Attribute("speech", "nominal", "direct, reported or mixed speech", _attr("speech")),
    Attribute("speaker", "nominal", "the statement's speaker (aligned)", _speaker),
    Attribute("reports", "set", "the events a statement reports (aligned)", _reports),
    Attribute("links", "set", "(relation, event) links, events aligned", _links),
    Attribute("trigger", "nominal", "trigger span offsets, exact", _trigger),
)
"""Every compared attribute, in report order."""

BY_NAME: dict[str, Attribute] = {a.name: a for a in ATTRIBUTES}


def jsonable(value: Value) -> Any:
    """Return ``value`` in JSON form: sets as sorted lists, tuples as lists."""
    if isinstance(value, frozenset):
        return sorted((jsonable(v) for v in value), key=repr)
    if isinstance(value, tuple):
        return [jsonable(v) for v in value]
    return value
