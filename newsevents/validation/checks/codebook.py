"""Codebook warnings for open lists: CAMEO actor code elements and PLOVER contexts.

Closed codebooks (CAMEO event codes, PLOVER types and modes, ACLED pairs, countries) are
enforced by the models and come through as structure errors; these lists are open, so an
unknown value is a warning, not an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from newsevents.codebooks import PLOVER_CONTEXTS, cameo_actor_elements, is_country_code
from newsevents.models import Actor, EventBase
from newsevents.validation.checks.registry import RecordContext, check
from newsevents.validation.issue import Issue
from newsevents.validation.messages import quote

INTERNATIONAL_TYPES = frozenset({"IGO", "IMG", "MNC", "NGM", "NGO"})
"""Elements after which CAMEO names an organisation (IGOWSTNAT: NAT is NATO), whose codes
the codebook bundle does not list; those elements are not checked."""


@cache
def _known_elements() -> frozenset[str]:
    return frozenset(e[i : i + 3] for e in cameo_actor_elements() for i in range(0, len(e), 3))


def unknown_elements(code: str) -> Iterator[str]:
    """Yield the 3-letter elements of a CAMEO actor code that no codebook table knows."""
    elements = [code[i : i + 3] for i in range(0, len(code), 3)]
    for element in elements:
        if element in INTERNATIONAL_TYPES:
            return
        if element not in _known_elements() and not is_country_code(element):
            yield element


@check("NE413", models=(Actor,))
def actor_code_elements(actor: Actor, context: RecordContext) -> Iterator[Issue]:
    """Warn about CAMEO actor code elements outside the codebook (NE413)."""
    if actor.cameo_code is None:
        return
    for element in unknown_elements(actor.cameo_code):
        found = quote(actor.cameo_code)
        yield context.issue("NE413", "/cameo_code", element=quote(element), found=found)


@check("NE414", models=(EventBase,))
def plover_contexts(event: EventBase, context: RecordContext) -> Iterator[Issue]:
    """Warn about PLOVER contexts outside PLOVER's general contexts (NE414)."""
    if event.plover is None:
        return
    for index, value in enumerate(event.plover.contexts):
        if value not in PLOVER_CONTEXTS:
            yield context.issue("NE414", f"/plover/contexts/{index}", found=quote(value))
