"""Every span of a record, found by walking the models, and the text cut at span boundaries.

Spans are found by type, not by field name: any :class:`EvidenceSpan` anywhere in a record is
shown, so a span field added to the schema appears in the view without a change here.  Its
role (trigger, quote, participant mention, quantity, condition ...) comes from the field or the
model that holds it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from pydantic import BaseModel

from newsevents.models import (
    Condition,
    EventTime,
    EvidenceSpan,
    Force,
    Location,
    Participant,
    PublicationDate,
    Purpose,
    Quantity,
    ReadinessChange,
)


@dataclass(frozen=True, slots=True)
class Role:
    """A span role: its name (a CSS class), how the legend labels it and what it marks."""

    name: str
    label: str
    description: str


ROLES: tuple[Role, ...] = (
    Role("trigger", "trigger", "the word(s) that most clearly express the event"),
    Role("quote", "quote", "a statement's quoted words"),
    Role("mention", "participant", "where the text names a participant"),
    Role("quantity", "quantity", "the words that give a number"),
    Role("condition", "condition", "what must happen first for a conditional event"),
    Role("time", "time", "a time expression"),
    Role("place", "place", "where the text names a place"),
    Role("force", "force", "the words naming a force"),
    Role("readiness", "readiness", "a change of readiness"),
    Role("purpose", "purpose", "what an alert or deployment is for"),
    Role("evidence", "evidence", "further words that support the event"),
)
"""Every role, most specific first: a segment under several spans is drawn in the first."""

ROLE_RANK = {role.name: rank for rank, role in enumerate(ROLES)}

_ROLE_OF_HOLDER: dict[type[BaseModel], str] = {
    Participant: "mention",
    Quantity: "quantity",
    Condition: "condition",
    EventTime: "time",
    PublicationDate: "time",
    Location: "place",
    Force: "force",
    ReadinessChange: "readiness",
    Purpose: "purpose",
}
_ROLE_OF_FIELD = {"trigger": "trigger", "quote": "quote"}


@dataclass(frozen=True, slots=True)
class Span:
    """One span of one record: its id in the page, owner, JSON pointer, role and offsets."""

    id: str
    owner: str
    pointer: str
    role: str
    start: int
    end: int
    exact: str


def spans_of(record: BaseModel) -> Iterator[tuple[str, str, EvidenceSpan]]:
    """Yield ``(pointer, role, span)`` for every span in ``record``, in field order."""
    yield from _walk(record, "", None)


def _walk(
    value: object, pointer: str, holder: BaseModel | None
) -> Iterator[tuple[str, str, EvidenceSpan]]:
    if isinstance(value, EvidenceSpan):
        yield pointer, _role(pointer, holder), value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), f"{pointer}/{name}", value)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _walk(item, f"{pointer}/{index}", holder)


def _role(pointer: str, holder: BaseModel | None) -> str:
    field = pointer.rsplit("/", 1)[-1]
    if holder is not None and type(holder) in _ROLE_OF_HOLDER:
        return _ROLE_OF_HOLDER[type(holder)]
    return _ROLE_OF_FIELD.get(field, "evidence")


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of text between two span boundaries, with the ids of the spans covering it."""

    start: int
    end: int
    span_ids: tuple[str, ...]


def segments(length: int, spans: Sequence[Span]) -> list[Segment]:
    """Cut ``[0, length)`` at every span boundary; each piece lists the spans that cover it.

    Concatenating the pieces gives the whole text back, and the pieces a span covers give its
    text, however spans overlap or nest.  Pieces covered by no span are kept too.
    """
    starts: dict[int, list[Span]] = {}
    ends: dict[int, list[Span]] = {}
    for span in spans:
        starts.setdefault(span.start, []).append(span)
        ends.setdefault(span.end, []).append(span)
    cuts = sorted({0, length, *starts, *ends})
    open_spans: dict[str, Span] = {}
    pieces: list[Segment] = []
    for left, right in pairwise(cuts):
        for span in ends.get(left, ()):
            open_spans.pop(span.id, None)
        for span in starts.get(left, ()):
            open_spans[span.id] = span
        covering = sorted(open_spans.values(), key=_drawing_order)
        pieces.append(Segment(left, right, tuple(span.id for span in covering)))
    return pieces


def _drawing_order(span: Span) -> tuple[int, int, int]:
    """Most specific role first, then the shorter span, then the earlier one."""
    return ROLE_RANK[span.role], span.end - span.start, span.start
