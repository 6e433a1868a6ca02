"""Best practice (warnings): evidence, a CAMEO code, spans for hedged numbers, actors, and
values outside an open vocabulary (info)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import pycountry

from newsevents.models import Document, EventBase, Quantity, Statement
from newsevents.validation.checks.registry import RecordContext, check
from newsevents.validation.checks.walk import instances
from newsevents.validation.issue import Issue
from newsevents.validation.messages import quote

# One check per rule: in a record that fails validation, each runs when the fields it reads
# could be read (newsevents.validation.partial), whatever else is broken.


@check("NE801", models=(EventBase,))
def no_evidence(event: EventBase, context: RecordContext) -> Iterator[Issue]:
    """Warn about an event with no trigger, evidence or quote (NE801).

    An imported event is exempt: GDELT, ACLED and PLOVER rows cite their article without its
    text, so no span can be its evidence.  A provenance that could not be read counts as not
    imported.
    """
    imported = getattr(getattr(event, "provenance", None), "method", None) == "imported"
    quoted = isinstance(event, Statement) and event.quote is not None
    if not imported and event.trigger is None and not event.evidence and not quoted:
        yield context.issue("NE801", "/trigger", found=quote(context.record_id))


@check("NE802", models=(EventBase,))
def no_cameo(event: EventBase, context: RecordContext) -> Iterator[Issue]:
    """Warn about an event with no CAMEO code (NE802)."""
    if event.cameo is None:
        yield context.issue("NE802", "/cameo", found=quote(context.record_id))


@check("NE804", models=(EventBase,))
def no_actors(event: EventBase, context: RecordContext) -> Iterator[Issue]:
    """Warn about an event with no participants (NE804)."""
    if not event.participants:
        yield context.issue("NE804", "/participants", found=quote(context.record_id))


@check("NE803", models=(EventBase,))
def hedged_numbers(event: EventBase, context: RecordContext) -> Iterator[Issue]:
    """Warn about an approximate quantity without the span that hedges it (NE803)."""
    for pointer, quantity in instances(event, Quantity):
        if quantity.approximate and quantity.evidence is None:
            amount = quantity.value
            number = str(amount) if amount is not None else f"{quantity.low}-{quantity.high}"
            found = quote(f"{number} {quantity.unit}")
            yield context.issue("NE803", f"{pointer}/evidence", found=found)


@check("NE805", models=(Document,))
def language_subtags(document: Document, context: RecordContext) -> Iterator[Issue]:
    """Note a language tag whose primary subtag is no ISO 639 language (NE805)."""
    for name in ("language", "source_language"):
        tag = getattr(document, name)
        if tag is not None and not is_language(tag.split("-")[0]):
            yield context.issue("NE805", f"/{name}", field=name, found=quote(tag))


@cache
def is_language(subtag: str) -> bool:
    """Whether ``subtag`` is an ISO 639-1 or ISO 639-3 code (or ISO 639-2 special code)."""
    key = "alpha_2" if len(subtag) == 2 else "alpha_3"
    return pycountry.languages.get(**{key: subtag}) is not None
