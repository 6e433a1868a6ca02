"""The validator's record checks beyond the models, vectorized: versions, warnings, practice.

Each function flags the rows on which a record check of :mod:`newsevents.validation.checks`
might report (any severity, info included), erring on the side of flagging.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pyarrow as pa
import pyarrow.compute as pc
import pycountry

from newsevents.codebooks import cameo_actor_elements
from newsevents.validation.checks.codebook import INTERNATIONAL_TYPES
from newsevents.validation.fast.columns import Column, RowMask
from newsevents.validation.fast.lookups import countries, not_in, plover_contexts
from newsevents.versions import SCHEMA_VERSION

CAMEO_ACTOR_ELEMENTS = 5


def _version(records: Column, mask: RowMask) -> None:
    """NE201-NE204: anything but the current version goes to the per-record path."""
    mask.mark(records, pc.not_equal(records.field("schema_version").values, SCHEMA_VERSION), True)


@cache
def languages() -> pa.Array:
    """ISO 639-1 and ISO 639-3 codes (the primary subtags NE805 accepts)."""
    codes: set[str] = set()
    for language in pycountry.languages:
        codes.update(getattr(language, key, "") for key in ("alpha_2", "alpha_3"))
    return pa.array(sorted(c for c in codes if c), pa.string())


def documents(records: Column, mask: RowMask) -> None:
    """Document rows: the version; NE805 a language tag whose primary subtag is no language."""
    _version(records, mask)
    for name in ("language", "source_language"):
        primary = pc.list_element(pc.split_pattern(records.field(name).values, "-"), 0)
        mask.mark(records, not_in(primary, languages()))


@cache
def _elements() -> pa.Array:
    pieces = {e[i : i + 3] for e in cameo_actor_elements() for i in range(0, len(e), 3)}
    return pa.concat_arrays([pa.array(sorted(pieces), pa.string()), countries()])


def actors(records: Column, mask: RowMask) -> None:
    """Actor rows: the version; NE413 CAMEO actor code elements outside the codebook, up to
    the first international type (after which CAMEO names organisations it does not list)."""
    _version(records, mask)
    code = records.field("cameo_code").values
    stopped = pa.array([False] * len(code), pa.bool_())
    international = pa.array(sorted(INTERNATIONAL_TYPES), pa.string())
    for index in range(CAMEO_ACTOR_ELEMENTS + 1):
        element = pc.utf8_slice_codeunits(code, 3 * index, 3 * index + 3)
        present = pc.greater(pc.utf8_length(element), 0)
        stopped = pc.or_(stopped, pc.fill_null(pc.is_in(element, value_set=international), False))
        checked = pc.and_(present, pc.invert(stopped))
        mask.mark(records, pc.and_(checked, not_in(element, _elements())))


def events(records: Column, mask: RowMask) -> None:
    """Event rows: the version; NE414 PLOVER contexts; NE801-NE804 best practice."""
    _version(records, mask)
    contexts = records.field("plover").field("contexts").items()
    mask.mark(contexts, not_in(contexts.values, plover_contexts()))
    no_trigger = pc.is_null(records.field("trigger").values)
    no_evidence = pc.fill_null(pc.equal(records.field("evidence").lengths(), 0), True)
    mask.mark(records, pc.and_(no_trigger, no_evidence))
    mask.mark(records, pc.is_null(records.field("cameo").values))
    size = records.field("force").field("size")
    approximate = pc.fill_null(size.field("approximate").values, False)
    mask.mark(size, pc.and_(approximate, pc.is_null(size.field("evidence").values)))
    no_actors = pc.fill_null(pc.equal(records.field("participants").lengths(), 0), True)
    mask.mark(records, no_actors)


PRACTICE: dict[str, Callable[[Column, RowMask], None]] = {
    "document": documents,
    "actor": actors,
    "event": events,
}
