"""Strategies for events (alerts, deployments, statements) and the parts only events have."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, get_args

from hypothesis import strategies as st

from newsevents.codebooks import cameo_code
from newsevents.codebooks.event_types import allowed_cameo_codes, allowed_roles
from newsevents.models import (
    Alert,
    Deployment,
    EventLink,
    Force,
    GeneralEvent,
    Participant,
    Purpose,
    ReadinessChange,
    Statement,
)
from newsevents.models.events.deployment import EXCLUDED, HAPPENED, DeploymentStatus
from newsevents.models.events.parts import LinkRelation, duration_days
from newsevents.testing.codings import acled_codings, cameo_codings, plover_codings
from newsevents.testing.parts import (
    LATEST,
    UNITS,
    can_refer,
    event_times,
    factualities,
    locations,
    provenances,
    quantities,
    references,
)
from newsevents.testing.text import (
    evidence_spans,
    identifiers,
    long_texts,
    maybe,
    reused,
    short_texts,
)
from newsevents.versions import SCHEMA_VERSION

AnyEvent = Alert | Deployment | Statement | GeneralEvent


@dataclass(frozen=True)
class Scope:
    """What a generated event may point at.

    ``text``: the document text its spans anchor in (None: free-standing spans).
    ``document_id``: its document (None: any id).  ``actor_ids`` / ``event_ids``: the ids its
    references draw from (None: any id; empty: no reference is drawn).  ``published``: the
    publication date that a past event's date may not pass.  ``event_id``: its own id.
    """

    text: str | None = None
    document_id: str | None = None
    actor_ids: tuple[str, ...] | None = None
    event_ids: tuple[str, ...] | None = None
    published: dt.date | None = None
    event_id: str | None = None


@reused
@st.composite
def participants(
    draw: st.DrawFn, roles: tuple[str, ...], scope: Scope = Scope()
) -> list[Participant]:
    """Draw up to three participants in ``roles``, no actor twice in the same role."""
    if not can_refer(scope.actor_ids) or not roles:
        return []
    pairs = draw(
        st.lists(
            st.tuples(references(scope.actor_ids), st.sampled_from(roles)), unique=True, max_size=3
        )
    )
    return [
        Participant(actor_id=actor_id, role=role, mention=draw(maybe(evidence_spans(scope.text))))  # type: ignore[arg-type]
        for actor_id, role in pairs
    ]


_FORCE_WORDS = st.sampled_from(UNITS) | short_texts()


@reused
@st.composite
def forces(draw: st.DrawFn, scope: Scope = Scope()) -> Force:
    """Draw a force: description, maybe its actor, size, units, base and span."""
    actor_id = draw(maybe(references(scope.actor_ids))) if can_refer(scope.actor_ids) else None
    return Force(
        description=draw(_FORCE_WORDS),
        actor_id=actor_id,
        size=draw(maybe(quantities(scope.text))),
        units=draw(st.lists(short_texts(), max_size=2)),
        stationed_in=draw(maybe(locations(scope.text))),
        evidence=draw(maybe(evidence_spans(scope.text))),
    )


_NUMBER = st.integers(0, 400).map(str)


@st.composite
def _iso_durations(draw: st.DrawFn) -> str:
    number = _NUMBER
    date = "".join(draw(number) + unit for unit in "YMWD" if draw(st.booleans()))
    clock = "".join(draw(number) + unit for unit in "HMS" if draw(st.booleans()))
    if not date and not clock:
        date = draw(number) + "D"
    return "P" + date + ("T" + clock if clock else "")


_DURATIONS = _iso_durations()
_DURATION_PAIRS = st.lists(_DURATIONS, min_size=2, max_size=2, unique_by=duration_days)


def iso_durations() -> st.SearchStrategy[str]:
    """Draw an ISO 8601 duration such as ``P5D``, ``PT48H``, ``P1W`` or ``P1Y2M3DT4H``."""
    return _DURATIONS


_MEASURES = st.sampled_from(("notice_to_deploy", "alert_status", "other"))
_DIRECTIONS = st.sampled_from(("increase", "decrease"))
_KEEP = st.sampled_from(("both", "before", "after", "none"))


@reused
@st.composite
def readiness_changes(draw: st.DrawFn, text: str | None = None) -> ReadinessChange:
    """Draw a readiness change; a notice-to-deploy change shortens notice for an increase."""
    measure, direction = draw(_MEASURES), draw(_DIRECTIONS)
    before, after = draw(_DURATION_PAIRS)
    if measure == "notice_to_deploy":
        longer, shorter = sorted((before, after), key=duration_days, reverse=True)
        before, after = (longer, shorter) if direction == "increase" else (shorter, longer)
    keep = draw(_KEEP)
    return ReadinessChange(
        measure=measure,  # type: ignore[arg-type]
        direction=direction,  # type: ignore[arg-type]
        before=before if keep in ("both", "before") else None,
        after=after if keep in ("both", "after") else None,
        description=draw(maybe(long_texts())),
        evidence=draw(maybe(evidence_spans(text))),
    )


@reused
@st.composite
def purposes(draw: st.DrawFn, scope: Scope = Scope()) -> Purpose:
    """Draw a purpose, maybe naming the event it prepares (never the event itself)."""
    has_event = can_refer(scope.event_ids, scope.event_id)
    return Purpose(
        description=draw(long_texts()),
        event_id=draw(maybe(references(scope.event_ids, scope.event_id))) if has_event else None,
        destination=draw(maybe(locations(scope.text))),
        evidence=draw(maybe(evidence_spans(scope.text))),
    )


_RELATIONS = st.sampled_from(get_args(LinkRelation))


@reused
@st.composite
def event_links(draw: st.DrawFn, scope: Scope = Scope()) -> list[EventLink]:
    """Draw up to two links to other events (never to the event itself)."""
    if not can_refer(scope.event_ids, scope.event_id):
        return []
    targets = references(scope.event_ids, scope.event_id)
    relations = _RELATIONS
    return [
        EventLink(relation=relation, event_id=event_id)
        for relation, event_id in draw(
            st.lists(st.tuples(relations, targets), max_size=2, unique=True)
        )
    ]


@reused
@st.composite
def _common(draw: st.DrawFn, event_type: str, scope: Scope) -> dict[str, Any]:
    """Draw the fields every event type shares, consistent with the event type's codebook."""
    event_id = scope.event_id or draw(identifiers())
    scope = replace(scope, event_id=event_id)
    allowed = allowed_cameo_codes(event_type)
    cameo = draw(maybe(cameo_codings(allowed)))
    mapped = {entry.plover_type for code in allowed if (entry := cameo_code(code))} - {None}
    entry = cameo_code(cameo.code) if cameo is not None else None
    plover = None
    if entry is None or entry.plover_type is not None:
        types = sorted(t for t in mapped if t is not None)
        plover = draw(maybe(plover_codings(entry.code if entry else None, types)))
    factuality = draw(factualities(scope.text, _others(scope), event_id))
    past = factuality.tense == "past" and scope.published is not None
    latest = scope.published if past and scope.published is not None else LATEST
    roles = allowed_roles(event_type)
    return {
        "record_type": "event",
        "schema_version": SCHEMA_VERSION,
        "id": event_id,
        "document_id": scope.document_id or draw(identifiers()),
        "cameo": cameo,
        "plover": plover,
        "acled": draw(maybe(acled_codings())),
        "participants": draw(participants(tuple(r for r in roles if r != "speaker"), scope)),
        "time": draw(maybe(event_times(scope.text, latest))),
        "locations": draw(st.lists(locations(scope.text), max_size=2)),
        "factuality": factuality,
        "trigger": draw(maybe(evidence_spans(scope.text))),
        "evidence": draw(st.lists(evidence_spans(scope.text), max_size=2)),
        "links": draw(event_links(scope)),
        "notes": draw(maybe(long_texts())),
        "provenance": draw(provenances()),
    }


def _others(scope: Scope) -> tuple[str, ...] | None:
    if scope.event_ids is None:
        return None
    return tuple(i for i in scope.event_ids if i != scope.event_id)


@reused
@st.composite
def alerts(draw: st.DrawFn, scope: Scope = Scope()) -> Alert:
    """Draw an alert: a force, maybe a readiness change and a purpose."""
    common = draw(_common("alert", scope))
    scope = replace(scope, event_id=common["id"])
    return Alert(
        **common,
        event_type="alert",
        force=draw(forces(scope)),
        readiness=draw(maybe(readiness_changes(scope.text))),
        purpose=draw(maybe(purposes(scope))),
    )


@reused
@st.composite
def deployments(draw: st.DrawFn, scope: Scope = Scope()) -> Deployment:
    """Draw a deployment whose status agrees with its polarity."""
    common = draw(_common("deployment", scope))
    scope = replace(scope, event_id=common["id"])
    ruled_out = HAPPENED if common["factuality"].polarity == "negative" else EXCLUDED
    statuses = [s for s in get_args(DeploymentStatus) if s not in ruled_out]
    return Deployment(
        **common,
        event_type="deployment",
        force=draw(forces(scope)),
        origin=draw(maybe(locations(scope.text))),
        destination=draw(maybe(locations(scope.text))),
        status=draw(st.sampled_from(statuses)),
        purpose=draw(maybe(purposes(scope))),
    )


_SPEECH = st.sampled_from(("direct_quotation", "reported_speech", "mixed"))


@reused
def statements(scope: Scope = Scope()) -> st.SearchStrategy[Statement]:
    """Draw a statement: one speaker, a quote span unless reported speech, distinct reports."""
    if not can_refer(scope.actor_ids):
        raise ValueError("a statement needs a speaker: give the scope at least one actor id")
    return _statements(scope)


@st.composite
def _statements(draw: st.DrawFn, scope: Scope) -> Statement:
    common = draw(_common("statement", scope))
    speaker = Participant(
        actor_id=draw(references(scope.actor_ids)),
        role="speaker",
        mention=draw(maybe(evidence_spans(scope.text))),
    )
    others: list[Participant] = common.pop("participants")
    position = draw(st.integers(0, len(others)))
    speech = draw(_SPEECH)
    reports: list[str] = []
    if can_refer(scope.event_ids, common["id"]):
        targets = references(scope.event_ids, common["id"])
        reports = draw(st.lists(targets, unique=True, max_size=2))
    return Statement(
        **common,
        event_type="statement",
        participants=[*others[:position], speaker, *others[position:]],
        speaker_role=draw(maybe(short_texts())),
        audience=draw(maybe(short_texts())),
        speech=speech,  # type: ignore[arg-type]
        quote=None if speech == "reported_speech" else draw(evidence_spans(scope.text)),
        summary=draw(long_texts()),
        reports=reports,
    )


@reused
@st.composite
def general_events(draw: st.DrawFn, scope: Scope = Scope()) -> GeneralEvent:
    """Draw a general event (schema 1.1.0): any CAMEO code, at least one coding."""
    common = draw(_common("general", scope))
    if common["cameo"] is None and common["plover"] is None and common["acled"] is None:
        common["cameo"] = draw(cameo_codings(allowed_cameo_codes("general")))
    return GeneralEvent(**common, event_type="general", summary=draw(maybe(long_texts())))


def events(scope: Scope = Scope()) -> st.SearchStrategy[AnyEvent]:
    """Draw an alert, a deployment, a statement or a general event."""
    kinds: list[st.SearchStrategy[AnyEvent]] = [
        alerts(scope),
        deployments(scope),
        general_events(scope),
    ]
    if can_refer(scope.actor_ids):
        kinds.append(statements(scope))
    return st.one_of(kinds)
