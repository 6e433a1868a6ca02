"""Vectorized rules of the events: codes and roles allowed per type, statuses, statements."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from newsevents.models.events.deployment import EXCLUDED, HAPPENED
from newsevents.validation.fast.columns import Column, RowMask, Rows
from newsevents.validation.fast.lookups import (
    cameo_table,
    event_type_cameo_codes,
    event_type_roles,
    not_in,
    pair,
)


def duplicate_parents(parents: Rows, keys: pa.Array) -> Rows:
    """Return the parents (list positions) in which some key occurs more than once."""
    if len(keys) == 0:
        return parents[:0]
    table = pa.table({"parent": pa.array(parents), "key": keys})
    counts = table.group_by(["parent", "key"]).aggregate([("parent", "count")])
    repeated = counts.filter(pc.greater(counts["parent_count"], 1))
    found: Rows = np.asarray(repeated["parent"].to_numpy(), dtype=np.int64)
    return found


def base_rules(event_type: str, event: Column, mask: RowMask) -> None:
    """NE402, NE408, NE714, NE508, NE505: the rules every event type shares."""
    cameo = event.field("cameo")
    code = cameo.field("code").values
    mask.mark(event, not_in(code, event_type_cameo_codes(event_type)))
    plover = event.field("plover").field("type").values
    mapped = pc.take(cameo_table().plover_type, cameo_table().positions(code))
    mask.mark(event, pc.and_(pc.is_valid(plover), pc.not_equal(mapped, plover)))
    participants, parents = event.field("participants").items_with_parents()
    roles = participants.field("role").values
    mask.mark(participants, not_in(roles, event_type_roles(event_type)))
    pairs = pair(participants.field("actor_id").values, roles)
    mask.mark_positions(event, duplicate_parents(parents, pc.fill_null(pairs, "")))
    ids = event.field("id").values
    links, link_parents = event.field("links").items_with_parents()
    own = pc.take(ids, pa.array(link_parents))
    mask.mark(links, pc.equal(links.field("event_id").values, own))


def deployment_status(event: Column, mask: RowMask) -> None:
    """NE703, NE704: a negated deployment did not happen; an excluded one is negated."""
    polarity = event.field("factuality").field("polarity").values
    status = event.field("status").values
    happened = pc.is_in(status, value_set=pa.array(sorted(HAPPENED)))
    excluded = pc.is_in(status, value_set=pa.array(sorted(EXCLUDED)))
    mask.mark(event, pc.and_(pc.equal(polarity, "negative"), happened))
    mask.mark(event, pc.and_(pc.equal(polarity, "positive"), excluded))


def statement_rules(event: Column, mask: RowMask) -> None:
    """NE715, NE718, NE505, NE508: one speaker, quote span vs speech, reports."""
    participants, parents = event.field("participants").items_with_parents()
    speaker = np.asarray(
        pc.fill_null(pc.equal(participants.field("role").values, "speaker"), False).to_numpy(
            zero_copy_only=False
        ),
        dtype=np.bool_,
    )
    speakers = np.bincount(parents[speaker], minlength=len(event.values))
    mask.mark_positions(event, np.flatnonzero(speakers != 1))
    reported = pc.equal(event.field("speech").values, "reported_speech")
    has_quote = pc.is_valid(event.field("quote").values)
    mask.mark(event, pc.equal(reported, has_quote), True)
    reports, report_parents = event.field("reports").items_with_parents()
    own = pc.take(event.field("id").values, pa.array(report_parents))
    mask.mark(reports, pc.equal(reports.values, own))
    keys = pc.fill_null(reports.values, "")
    mask.mark_positions(event, duplicate_parents(report_parents, keys))


def event_rule(
    event_type: str, *extra: Callable[[Column, RowMask], None]
) -> Callable[[Column, RowMask], None]:
    """Return the rule of one event type's model validator: the shared rules and ``extra``."""

    def rule(event: Column, mask: RowMask) -> None:
        base_rules(event_type, event, mask)
        for more in extra:
            more(event, mask)

    return rule
