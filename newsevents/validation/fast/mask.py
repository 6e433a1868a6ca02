"""The rows of a record batch that may have an issue of their own, found over whole columns.

``suspect_rows`` runs, per record type, the structural walk of the model's schema, the
vectorized model rules and the validator's own record checks (versions, codebook warnings,
best practice).  A row not flagged here has no record-level issue; cross-record checks
(ids, references, spans against documents) are the job of :mod:`.index`.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from newsevents.models import EVENT_ADAPTER, Actor, Document
from newsevents.validation.fast.columns import Column, Flags, RowMask, runs, sorted_by
from newsevents.validation.fast.practice import PRACTICE
from newsevents.validation.fast.rules import RULES
from newsevents.validation.fast.structure import Walker

RECORD_TYPES = ("document", "actor", "event")


@cache
def walker(record_type: str) -> Walker:
    """The structural walker of one record type's model (events: the tagged union)."""
    schemas = {
        "document": Document.__pydantic_core_schema__,
        "actor": Actor.__pydantic_core_schema__,
        "event": EVENT_ADAPTER.core_schema,
    }
    return Walker(schemas[record_type], RULES)


def records_column(batch: pa.RecordBatch | pa.Table) -> Column:
    """The batch as one struct column of records, row ``i`` being record ``i``."""
    if isinstance(batch, pa.Table):
        pieces = batch.to_batches()
        if len(pieces) == 1:  # one chunk a column (JSON Lines blocks, Parquet batches): no copy
            values = pieces[0].to_struct_array()
        else:
            values = batch.to_struct_array().combine_chunks()
    else:
        values = batch.to_struct_array()
    return Column(values, np.arange(batch.num_rows, dtype=np.int64))


def suspect_rows(batch: pa.RecordBatch | pa.Table, record_type: str | None = None) -> Flags:
    """Flags of the rows that may have a record-level issue.

    ``record_type`` is the table's type (Parquet in our layout); None reads each row's own
    ``record_type`` (JSON Lines, where the types mix).
    """
    mask = RowMask(batch.num_rows)
    if batch.num_rows == 0:
        return mask.flags
    records = records_column(batch)
    kinds = records.field("record_type").values
    if record_type is None:
        records = sorted_by(records, kinds, records.field("event_type").values)
        kinds = records.field("record_type").values
        known = pc.is_in(kinds, value_set=pa.array(RECORD_TYPES))
        mask.mark(records, pc.invert(known), True)
        parts = [(kind, records.slice(a, b)) for kind, a, b in runs(kinds) or []]
    else:
        records = sorted_by(records, records.field("event_type").values)
        parts = [(record_type, records)]
    for kind, rows in parts:
        if kind in RECORD_TYPES:
            walker(str(kind)).run(rows, mask)
            PRACTICE[str(kind)](rows, mask)
    return mask.flags
    records = records_column(batch)
    kinds = records.field("record_type").values
    for kind in RECORD_TYPES if record_type is None else (record_type,):
        rows = records if record_type is not None else records.gated(pc.equal(kinds, kind))
        if not rows.counted().any():
            continue
        walker(kind).run(rows, mask)
        PRACTICE[kind](rows, mask)
    if record_type is None:
        known = pc.is_in(kinds, value_set=pa.array(RECORD_TYPES))
        mask.mark(records, pc.invert(known), True)
    return mask.flags
