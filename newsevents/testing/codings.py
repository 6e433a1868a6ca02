"""Strategies for codebook values: CAMEO, PLOVER and ACLED codings, countries, actor codes."""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal

from hypothesis import strategies as st

from newsevents.codebooks import (
    ACLED_EVENT_TYPES,
    PLOVER_CONTEXTS,
    PLOVER_TYPES,
    cameo_actor_elements,
    cameo_code,
    cameo_codes,
    expected_goldstein,
    expected_quad_class,
    plover_modes,
)
from newsevents.codebooks.countries import country_codes as _country_codes
from newsevents.models import AcledCoding, CameoCoding, PloverCoding
from newsevents.testing.text import reused

CONVENTIONS: tuple[Literal["gdelt", "icews"], ...] = ("gdelt", "icews")
"""The two quad class conventions and the two Goldstein tables."""

_CONVENTIONS = st.sampled_from(CONVENTIONS)
_COUNTRIES = st.sampled_from(sorted(_country_codes()))
_ROLE_ELEMENTS = st.sampled_from(sorted(e for e in cameo_actor_elements() if len(e) == 3))
_CONTEXTS = st.lists(st.sampled_from(PLOVER_CONTEXTS), unique=True, max_size=3)
_GOLDSTEIN = st.integers(-100, 100).map(lambda tenths: tenths / 10)


def country_codes() -> st.SearchStrategy[str]:
    """Draw a current ISO 3166-1 alpha-3 code."""
    return _COUNTRIES


@reused
def cameo_event_codes(codes: Collection[str] | None = None) -> st.SearchStrategy[str]:
    """Draw a CAMEO 1.1b3 event code, from ``codes`` when given."""
    return st.sampled_from(sorted(cameo_codes() if codes is None else codes))


@reused
@st.composite
def cameo_codings(draw: st.DrawFn, codes: Collection[str] | None = None) -> CameoCoding:
    """Draw a CAMEO coding whose root, quad class and Goldstein value agree with the codebook.

    Either quad class convention and either Goldstein table may be drawn; for the few codes
    that have no row in a table, the value is free in [-10, 10] as the model allows.
    """
    code = draw(cameo_event_codes(codes))
    entry = cameo_code(code)
    if entry is None:
        raise ValueError(f"{code!r} is not a CAMEO 1.1b3 event code")
    convention, table = draw(_CONVENTIONS), draw(_CONVENTIONS)
    goldstein = expected_goldstein(entry, table)
    return CameoCoding(
        code=code,
        root=entry.root,
        quad_class=expected_quad_class(entry, convention),  # type: ignore[arg-type]
        quad_class_convention=convention,
        goldstein=draw(_GOLDSTEIN) if goldstein is None else goldstein,
        goldstein_table=table,
    )


@reused
@st.composite
def plover_codings(
    draw: st.DrawFn, cameo: str | None = None, types: Collection[str] | None = None
) -> PloverCoding:
    """Draw a PLOVER coding; its type is the one CAMEO ``cameo`` maps to, when it maps to one."""
    entry = cameo_code(cameo) if cameo is not None else None
    mapped = entry.plover_type if entry is not None else None
    plover_type = mapped or draw(st.sampled_from(sorted(PLOVER_TYPES if types is None else types)))
    allowed = plover_modes(plover_type)
    modes = draw(st.lists(st.sampled_from(allowed), unique=True, max_size=2)) if allowed else []
    return PloverCoding(type=plover_type, modes=modes, contexts=draw(_CONTEXTS))


_ACLED_TYPES = st.sampled_from(sorted(ACLED_EVENT_TYPES))


@st.composite
def _acled_codings(draw: st.DrawFn) -> AcledCoding:
    event_type = draw(_ACLED_TYPES)
    sub_event_type = draw(st.sampled_from(ACLED_EVENT_TYPES[event_type]))
    return AcledCoding(event_type=event_type, sub_event_type=sub_event_type)


_ACLED = _acled_codings()


def acled_codings() -> st.SearchStrategy[AcledCoding]:
    """Draw an ACLED event type and one of its sub-event types."""
    return _ACLED


@reused
@st.composite
def cameo_actor_codes(draw: st.DrawFn, country: str | None = None) -> str:
    """Draw a CAMEO actor code of known elements; a country head is ``country`` when given."""
    first = st.just(country) if country is not None else _COUNTRIES
    head = draw(first | _ROLE_ELEMENTS)
    return head + "".join(draw(st.lists(_ROLE_ELEMENTS, max_size=2)))
