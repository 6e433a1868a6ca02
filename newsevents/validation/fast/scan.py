"""One pass over the batches: the rows each batch finds suspect, and the facts it keeps.

``scan_batch`` flags a batch's rows with the record-level mask, then checks spans and
publication dates against the documents at hand, and keeps the batch's ids, references and
report edges as keys (``hashes``); ``rows_referring`` finds again the rows naming an id,
once the resolution (``resolve``) says which ids matter.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from newsevents.validation.fast.columns import Column, Flags, Rows, as_flags
from newsevents.validation.fast.documents import DocumentBatch, DocumentWindow
from newsevents.validation.fast.facts import (
    KINDS,
    Facts,
    document_checks,
    hashed,
    ids_of,
    own_spans,
    report_pairs,
    targets_of,
)
from newsevents.validation.fast.hashes import Hasher, Keys
from newsevents.validation.fast.mask import records_column, suspect_rows
from newsevents.validation.fast.sources import Batch


def scan_batch(batch: Batch, window: DocumentWindow) -> tuple[Flags, Facts]:
    """Return the suspect positions of ``batch`` and its cross-record facts."""
    suspect = batch.suspect.copy()
    table = batch.table
    if table is None or table.num_rows == 0:
        window.push(DocumentBatch.empty())
        facts = Facts()
        facts.fill()
        return suspect, facts
    positions = batch.table_rows
    trusted = ~batch.suspect[positions]  # rows whose line the reference parses alike
    suspect[positions[suspect_rows(table, batch.kind)]] = True
    records = records_column(table)
    kinds = records.field("record_type").values
    ids = ids_of(records, kinds, positions, trusted)
    is_kind = {k: as_flags(pc.equal(kinds, k)) for k in KINDS}
    at_hand = window.push(DocumentBatch.of(records.where(is_kind["document"] & trusted)))
    clean = ~suspect[positions]
    events = records.where(is_kind["event"] & clean)
    doubtful, deferred = document_checks(events, at_hand)
    suspect[positions[events.rows[doubtful]]] = True
    deferred_rows = positions[events.rows[deferred & ~doubtful]]
    documents = records.where(is_kind["document"] & clean)
    suspect[positions[documents.rows[own_spans(documents)]]] = True
    clean = ~suspect[positions]
    cleared = {
        "event": events.gated(clean[events.rows]),  # the same copy, narrowed, no new one
        "actor": records.where(is_kind["actor"] & clean),
    }
    targets: dict[str, tuple[pa.Array, Rows]] = {}
    for kind, rows in cleared.items():
        for target, (values, where) in targets_of(rows, kind, positions).items():
            found = targets.get(target)
            if found is not None:
                values = pa.concat_arrays([found[0], values])
                where = np.concatenate([found[1], where])
            targets[target] = (values, where)
    event_ids = records.field("id").values
    with_id = is_kind["event"] & as_flags(pc.is_valid(event_ids)) & trusted
    event_documents = records.field("document_id").values.cast(pa.string())
    event_documents = event_documents.filter(pa.array(with_id))
    assert len(event_documents) == len(ids["event"][0])
    statements = is_kind["event"] & as_flags(
        pc.equal(records.field("event_type").values, "statement")
    )
    reports = report_pairs(records.where(statements), positions)
    facts = hashed(ids, event_documents, targets, reports)
    facts.deferred = deferred_rows
    facts.fill()
    return suspect, facts


def rows_referring(
    batch: Batch, unknown: dict[str, pa.Array], keys: Keys | None = None
) -> set[int]:
    """Positions of ``batch`` whose record refers to one of the ``unknown`` ids (per kind of
    target), or to an id whose key is among ``keys``."""
    from newsevents.validation.fast.facts import REFERENCES
    from newsevents.validation.fast.paths import follow

    table = batch.table
    if table is None:
        return set()
    records = records_column(table)
    kinds = records.field("record_type").values
    hits: set[int] = set()
    for kind, targets in REFERENCES.items():
        rows = records.where(as_flags(pc.equal(kinds, kind)))
        for target, paths in targets.items():
            names = unknown.get(target, pa.array([], pa.string()))
            for path in paths:
                values = follow(rows, path)
                if len(values.values) == 0:
                    continue
                strings = values.values.cast(pa.string())
                bad = as_flags(pc.is_in(strings, value_set=names))
                if keys is not None and len(keys):
                    bad |= np.isin(Hasher([strings]).keys_of(strings), keys)
                hits.update(int(p) for p in batch.table_rows[values.rows[bad]])
    return hits


__all__ = ["Column", "rows_referring", "scan_batch"]
