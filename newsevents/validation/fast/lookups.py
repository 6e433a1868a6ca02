"""The codebooks as Arrow arrays, so code checks run as ``is_in`` and ``take`` over columns."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pyarrow as pa
import pyarrow.compute as pc

from newsevents.codebooks import (
    ACLED_EVENT_TYPES,
    PLOVER_CONTEXTS,
    PLOVER_TYPES,
    cameo_actor_elements,
    cameo_codes,
    plover_modes,
)
from newsevents.codebooks.countries import country_codes
from newsevents.codebooks.event_types import allowed_cameo_codes, allowed_roles

SEPARATOR = "\x1f"
"""Joins the parts of a pair key (unit separator: no code or name contains it)."""


@dataclass(frozen=True)
class CameoTable:
    """CAMEO codes in one order, with their root, quad classes, Goldstein and PLOVER type."""

    codes: pa.Array
    root: pa.Array
    quad_gdelt: pa.Array
    quad_icews: pa.Array
    goldstein_gdelt: pa.Array
    goldstein_icews: pa.Array
    plover_type: pa.Array

    def positions(self, codes: pa.Array) -> pa.Array:
        """Return the row of each code in this table (null for an unknown code)."""
        return pc.index_in(codes, value_set=self.codes)


@cache
def cameo_table() -> CameoTable:
    """Return the CAMEO codebook as aligned Arrow arrays."""
    entries = list(cameo_codes().values())
    return CameoTable(
        codes=pa.array([e.code for e in entries], pa.string()),
        root=pa.array([e.root for e in entries], pa.string()),
        quad_gdelt=pa.array([e.quad_gdelt for e in entries], pa.int64()),
        quad_icews=pa.array([e.quad_icews for e in entries], pa.int64()),
        goldstein_gdelt=pa.array([e.goldstein_gdelt for e in entries], pa.float64()),
        goldstein_icews=pa.array([e.goldstein_icews for e in entries], pa.float64()),
        plover_type=pa.array([e.plover_type for e in entries], pa.string()),
    )


def _strings(values: object) -> pa.Array:
    return pa.array(sorted(values), pa.string())  # type: ignore[call-overload]


@cache
def countries() -> pa.Array:
    """ISO 3166-1 alpha-3 codes."""
    return _strings(country_codes())


@cache
def plover_types() -> pa.Array:
    """The PLOVER event types."""
    return _strings(PLOVER_TYPES)


@cache
def plover_contexts() -> pa.Array:
    """PLOVER's general contexts."""
    return _strings(PLOVER_CONTEXTS)


@cache
def plover_type_modes() -> pa.Array:
    """Every valid ``type<US>mode`` pair."""
    return _strings(f"{t}{SEPARATOR}{m}" for t in PLOVER_TYPES for m in plover_modes(t))


@cache
def acled_pairs() -> pa.Array:
    """Every valid ``event type<US>sub-event type`` pair."""
    return _strings(f"{t}{SEPARATOR}{s}" for t, subs in ACLED_EVENT_TYPES.items() for s in subs)


@cache
def event_type_cameo_codes(event_type: str) -> pa.Array:
    """The CAMEO codes allowed for ``event_type``."""
    return _strings(allowed_cameo_codes(event_type))


@cache
def event_type_roles(event_type: str) -> pa.Array:
    """The participant roles allowed for ``event_type``."""
    return _strings(allowed_roles(event_type))


@cache
def actor_elements() -> pa.Array:
    """The CAMEO actor role, international and region elements."""
    return _strings(cameo_actor_elements())


def pair(left: pa.Array, right: pa.Array) -> pa.Array:
    """Return ``left<US>right`` for each position (null where either is null)."""
    return pc.binary_join_element_wise(left, right, SEPARATOR)


def not_in(values: pa.Array, allowed: pa.Array) -> pa.Array:
    """True where a non-null value is not among ``allowed``."""
    return pc.and_(pc.is_valid(values), pc.invert(pc.is_in(values, value_set=allowed)))
