"""Vectorized rules of the codings, actors and documents: codebook lookups and hashes."""

from __future__ import annotations

import hashlib

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from newsevents.validation.fast.columns import Column, RowMask
from newsevents.validation.fast.lookups import (
    acled_pairs,
    cameo_table,
    countries,
    not_in,
    pair,
    plover_type_modes,
    plover_types,
)

GOLDSTEIN_TOLERANCE = 1e-9


def known_cameo_code(codes: Column, mask: RowMask) -> None:
    """NE401: a code of the CAMEO 1.1b3 codebook."""
    mask.mark(codes, not_in(codes.values, cameo_table().codes))


def cameo_consistency(coding: Column, mask: RowMask) -> None:
    """NE403, NE404, NE405: root, quad class and Goldstein agree with the code."""
    table = cameo_table()
    position = table.positions(coding.field("code").values)
    mask.mark(coding, pc.not_equal(coding.field("root").values, pc.take(table.root, position)))
    icews_quad = pc.equal(coding.field("quad_class_convention").values, "icews")
    quad = pc.if_else(
        pc.fill_null(icews_quad, False),
        pc.take(table.quad_icews, position),
        pc.take(table.quad_gdelt, position),
    )
    found_quad = pc.cast(coding.field("quad_class").values, pa.int64())
    mask.mark(coding, pc.not_equal(found_quad, quad))
    icews_table = pc.equal(coding.field("goldstein_table").values, "icews")
    goldstein = pc.if_else(
        pc.fill_null(icews_table, False),
        pc.take(table.goldstein_icews, position),
        pc.take(table.goldstein_gdelt, position),
    )
    found = pc.cast(coding.field("goldstein").values, pa.float64())
    gap = pc.abs(pc.subtract(found, goldstein))
    mask.mark(coding, pc.greater(gap, GOLDSTEIN_TOLERANCE))


def known_plover_type(types: Column, mask: RowMask) -> None:
    """NE406: one of the 16 PLOVER types."""
    mask.mark(types, not_in(types.values, plover_types()))


def plover_modes(coding: Column, mask: RowMask) -> None:
    """NE407: every mode belongs to the PLOVER type."""
    modes, parents = coding.field("modes").items_with_parents()
    if len(modes.values) == 0:
        return
    types = pc.take(coding.field("type").values, pa.array(parents))
    mask.mark(modes, not_in(pair(types, modes.values), plover_type_modes()))


def acled_pair(coding: Column, mask: RowMask) -> None:
    """NE409: the sub-event type belongs to the ACLED event type."""
    found = pair(coding.field("event_type").values, coding.field("sub_event_type").values)
    mask.mark(coding, not_in(found, acled_pairs()), True)


def actor(actor: Column, mask: RowMask) -> None:
    """NE412: a code starting with a country starts with the actor's own country."""
    head = pc.utf8_slice_codeunits(actor.field("cameo_code").values, 0, 3)
    country = actor.field("country").values
    is_country = pc.is_in(head, value_set=countries())
    mask.mark(actor, pc.and_(is_country, pc.not_equal(head, country)))


def document(document: Column, mask: RowMask) -> None:
    """NE606, NE719: the sha256 is the text's; a translation names its source language."""
    translated = pc.fill_null(document.field("is_translation").values, False)
    source = document.field("source_language").values
    mask.mark(document, pc.and_(translated, pc.is_null(source)))
    mask.mark(
        document, hash_mismatch(document.field("text").values, document.field("sha256").values)
    )


def hash_mismatch(texts: pa.Array, hashes: pa.Array) -> pa.Array:
    """True where a text's UTF-8 sha256 (lower-case hex) differs from the hash given."""
    if not pa.types.is_string(texts.type) and not pa.types.is_large_string(texts.type):
        return pc.is_valid(texts)
    texts = texts.cast(pa.large_string())
    offsets = np.frombuffer(texts.buffers()[1], dtype=np.int64)[texts.offset :]
    data = texts.buffers()[2]
    view = memoryview(data) if data is not None else memoryview(b"")
    valid = np.asarray(pc.is_valid(texts).to_numpy(zero_copy_only=False))
    sha256 = hashlib.sha256
    digests = [
        sha256(view[offsets[i] : offsets[i + 1]]).hexdigest() if valid[i] else None
        for i in range(len(texts))
    ]
    return pc.not_equal(pa.array(digests, pa.string()), hashes)
