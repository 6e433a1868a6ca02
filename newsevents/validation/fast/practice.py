"""The validator's record checks beyond the models, vectorized: versions, warnings, practice.

Each function flags the rows on which a record check of :mod:`newsevents.validation.checks`
might report (any severity, info included), erring on the side of flagging.
"""

from __future__ import annotations

from collections.abc import Callable

import pyarrow as pa
import pyarrow.compute as pc

from newsevents.validation.fast.columns import Column, RowMask
from newsevents.validation.fast.lookups import actor_elements, countries, not_in, plover_contexts
from newsevents.versions import SCHEMA_VERSION

CAMEO_ACTOR_ELEMENTS = 5


def _version(records: Column, mask: RowMask) -> None:
    """NE201-NE204: anything but the current version goes to the per-record path."""
    mask.mark(records, pc.not_equal(records.field("schema_version").values, SCHEMA_VERSION), True)


def documents(records: Column, mask: RowMask) -> None:
    """Document rows: the version."""
    _version(records, mask)


def actors(records: Column, mask: RowMask) -> None:
    """Actor rows: the version; NE411, NE413: every element of the CAMEO actor code known."""
    _version(records, mask)
    code = records.field("cameo_code").values
    known = pa.concat_arrays([actor_elements(), countries()])
    first = pc.utf8_slice_codeunits(code, 0, 3)
    mask.mark(records, not_in(first, known))
    for index in range(1, CAMEO_ACTOR_ELEMENTS):
        element = pc.utf8_slice_codeunits(code, 3 * index, 3 * index + 3)
        present = pc.greater(pc.utf8_length(element), 0)
        mask.mark(records, pc.and_(present, not_in(element, actor_elements())))


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
