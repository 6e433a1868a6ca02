"""One pass over the batches: the rows each batch finds suspect, and the facts it keeps.

``scan_batch`` flags a batch's rows with the record-level mask, then checks spans and
publication dates against the documents at hand; ``RunIndex`` keeps the ids, references and
report edges of every batch (compact Arrow arrays, distinct values only) so that once every
file is read, ``resolve`` can name the rows that duplicate an id, refer to an unknown or
duplicated id, sit in a cycle of reports, or report an event of another document.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from newsevents.validation.checks.references import strongly_connected
from newsevents.validation.fast.columns import Column, Flags, Rows, as_flags
from newsevents.validation.fast.documents import DocumentBatch, DocumentWindow
from newsevents.validation.fast.facts import (
    KINDS,
    Facts,
    document_checks,
    ids_of,
    note_record,
    own_spans,
    report_pairs,
    targets_of,
)
from newsevents.validation.fast.mask import records_column, suspect_rows
from newsevents.validation.fast.sources import Batch

Key = tuple[int, int]  # (file, batch number)


def scan_batch(batch: Batch, window: DocumentWindow) -> tuple[Flags, Facts]:
    """Return the suspect positions of ``batch`` and its cross-record facts."""
    suspect = batch.suspect.copy()
    facts = Facts()
    table = batch.table
    if table is None or table.num_rows == 0:
        window.push(DocumentBatch.empty())
        return suspect, facts
    positions = batch.table_rows
    trusted = ~batch.suspect[positions]  # rows whose line the reference parses alike
    suspect[positions[suspect_rows(table, batch.kind)]] = True
    records = records_column(table)
    kinds = records.field("record_type").values
    facts.ids = ids_of(records, kinds, positions, trusted)
    is_kind = {k: as_flags(pc.equal(kinds, k)) for k in KINDS}
    at_hand = window.push(DocumentBatch.of(records.where(is_kind["document"] & trusted)))
    clean = ~suspect[positions]
    events = records.where(is_kind["event"] & clean)
    doubtful, deferred = document_checks(events, at_hand)
    suspect[positions[events.rows[doubtful]]] = True
    facts.deferred = positions[events.rows[deferred & ~doubtful]]
    documents = records.where(is_kind["document"] & clean)
    suspect[positions[documents.rows[own_spans(documents)]]] = True
    clean = ~suspect[positions]
    cleared = {
        "event": events.gated(clean[events.rows]),  # the same copy, narrowed, no new one
        "actor": records.where(is_kind["actor"] & clean),
    }
    for kind, rows in cleared.items():
        for target, values in targets_of(rows, kind).items():
            found = facts.targets.get(target)
            joined = values if found is None else pa.concat_arrays([found, values])
            facts.targets[target] = pc.unique(joined)
    ids, _ = facts.ids["event"]
    event_ids = records.field("id").values
    with_id = is_kind["event"] & as_flags(pc.is_valid(event_ids)) & trusted
    documents = records.field("document_id").values.cast(pa.string())
    facts.event_documents = documents.filter(pa.array(with_id))
    assert len(facts.event_documents) == len(ids)
    statements = is_kind["event"] & as_flags(
        pc.equal(records.field("event_type").values, "statement")
    )
    facts.reports = report_pairs(records.where(statements), positions)
    return suspect, facts


@dataclass
class Resolution:
    """Rows found suspect once every batch was read, and ids to look for in some batches."""

    late: dict[Key, set[int]] = field(default_factory=lambda: defaultdict(set))
    unknown: dict[str, pa.Array] = field(default_factory=dict)
    rescan: set[Key] = field(default_factory=set)


class RunIndex:
    """The facts of every batch read so far, and the rows already set aside."""

    def __init__(self) -> None:
        self.kept: dict[Key, Facts] = {}
        self.deferred: dict[Key, Rows] = {}

    def add(self, key: Key, facts: Facts) -> None:
        """Keep the facts of batch ``key``."""
        for kind in KINDS:
            facts.ids.setdefault(kind, (pa.array([], pa.string()), np.zeros(0, np.int64)))
        if facts.event_documents is None:
            facts.event_documents = pa.nulls(len(facts.ids["event"][0]), pa.string())
        facts.suspect = None
        self.kept[key] = facts
        if facts.deferred is not None and len(facts.deferred):
            self.deferred[key] = facts.deferred
        facts.deferred = None

    def add_record(self, key: Key, position: int, record: dict[str, object]) -> None:
        """Note the id of a record read outside Arrow (a line Arrow could not parse)."""
        note_record(self.kept[key], position, record)

    def resolve(self, outside_documents: pa.Array, documents_at_hand: bool) -> Resolution:
        """Name the rows the cross-record checks make suspect, once every batch is read."""
        found = Resolution()
        for key, rows in self.deferred.items():
            found.late[key].update(int(r) for r in rows)
        for kind in KINDS:
            chunks = [kept.ids[kind][0] for kept in self.kept.values()]
            repeated = _repeated(chunks)
            if len(repeated):
                self._mark(found, kind, repeated)
            wanted = [k.targets[kind] for k in self.kept.values() if kind in k.targets]
            targets = pc.unique(pa.concat_arrays(wanted)) if wanted else pa.array([], pa.string())
            if kind == "document":
                chunks.append(outside_documents)
            # hash the (few) targets, not the (many) ids: memory follows the references
            seen = pa.concat_arrays(
                [pa.array([], pa.string())]
                + [g.filter(pc.is_in(g, value_set=targets)) for g in _groups(chunks)]
            )
            unknown = targets.filter(pc.invert(pc.is_in(targets, value_set=seen)))
            if kind == "document" and not documents_at_hand:
                unknown = pa.array([], pa.string())
            found.unknown[kind] = pc.unique(pa.concat_arrays([unknown, repeated]))
        for key, kept in self.kept.items():
            for kind, targets in kept.targets.items():
                if pc.any(pc.is_in(targets, value_set=found.unknown[kind])).as_py():
                    found.rescan.add(key)
        self._reports(found)
        return found

    def _mark(self, found: Resolution, kind: str, ids: pa.Array) -> None:
        for key, kept in self.kept.items():
            chunk_ids, rows = kept.ids[kind]
            hit = as_flags(pc.is_in(chunk_ids, value_set=ids))
            found.late[key].update(int(r) for r in rows[hit])

    def _reports(self, found: Resolution) -> None:
        """Statements in a cycle of reports (NE506), or reporting another document's event."""
        pairs = [(key, k.reports) for key, k in self.kept.items() if k.reports is not None]
        if not pairs:
            return
        sources = pa.concat_arrays([p[1][0] for p in pairs]).cast(pa.string())
        targets = pa.concat_arrays([p[1][1] for p in pairs]).cast(pa.string())
        reported = pc.unique(targets)
        ids, documents_of = [], []
        event_ids = _groups([kept.ids["event"][0] for kept in self.kept.values()])
        event_documents = _groups(
            [
                (
                    k.event_documents
                    if k.event_documents is not None
                    else pa.array([], pa.string())
                ).cast(pa.string())
                for k in self.kept.values()
            ]
        )
        for chunk, documents_of_chunk in zip(event_ids, event_documents, strict=True):
            hit = pc.is_in(chunk, value_set=reported)  # only the reported events' documents
            ids.append(chunk.filter(hit))
            documents_of.append(documents_of_chunk.filter(hit))
        where = pc.index_in(targets, value_set=pa.concat_arrays(ids))
        other = pc.take(pa.concat_arrays(documents_of), where)
        documents = pa.concat_arrays([p[1][2] for p in pairs]).cast(pa.string())
        elsewhere = as_flags(pc.not_equal(other, documents))
        nodes = set(pc.unique(sources).to_pylist())
        closed = as_flags(pc.is_in(targets, value_set=pa.array(sorted(nodes), pa.string())))
        graph: dict[str, list[str]] = defaultdict(list)
        for source, target in zip(
            sources.filter(pa.array(closed)).to_pylist(),
            targets.filter(pa.array(closed)).to_pylist(),
            strict=True,
        ):
            graph[source].append(target)
        cyclic = {n for c in strongly_connected(dict(graph)) if len(c) > 1 for n in c}
        in_cycle = as_flags(pc.is_in(sources, value_set=pa.array(sorted(cyclic), pa.string())))
        offset = 0
        for key, (_, _, _, positions) in pairs:
            size = len(positions)
            hit = elsewhere[offset : offset + size] | in_cycle[offset : offset + size]
            found.late[key].update(int(r) for r in positions[hit])
            offset += size


PARTS = 8
GROUP = 64


def _groups(chunks: list[pa.Array]) -> list[pa.Array]:
    """The chunks joined in groups of GROUP (a lookup table is built once per group)."""
    return [
        pa.concat_arrays([pa.array([], pa.string()), *chunks[i : i + GROUP]])
        for i in range(0, len(chunks), GROUP)
    ]


def _part_of(ids: pa.Array) -> Rows:
    """A part number for each id, from its last two bytes: equal ids share a part."""
    ids = ids.cast(pa.large_string())
    offsets = np.frombuffer(ids.buffers()[1], np.int64)[ids.offset : ids.offset + len(ids) + 1]
    data = ids.buffers()[2]
    raw = np.frombuffer(data, np.uint8) if data is not None else np.zeros(1, np.uint8)
    ends = offsets[1:]
    last = raw[np.clip(ends - 1, 0, max(len(raw) - 1, 0))].astype(np.int64)
    before = raw[np.clip(ends - 2, 0, max(len(raw) - 1, 0))].astype(np.int64)
    part: Rows = (last * 31 + before) % PARTS
    return part


def _repeated(chunks: list[pa.Array]) -> pa.Array:
    """The ids that occur more than once across ``chunks``: by sorting, one part of the ids
    at a time (equal ids share a part), so memory follows the ids of one part."""
    parts = [_part_of(chunk) for chunk in chunks]
    found = [pa.array([], pa.string())]
    for part in range(PARTS):
        mine = [c.filter(pa.array(p == part)) for c, p in zip(chunks, parts, strict=True)]
        ids = pa.concat_arrays([pa.array([], pa.string()), *mine])
        if len(ids) < 2:
            continue
        ordered = ids.take(pc.sort_indices(ids))
        same = pc.equal(ordered.slice(1), ordered.slice(0, len(ordered) - 1))
        found.append(pc.unique(ordered.slice(1).filter(pc.fill_null(same, False))))
    return pa.concat_arrays(found)


_SAFE_ID = re.compile(r"[A-Za-z0-9 ._:/#@+-]+")
_ESCAPED_ASCII = r"\\u00[0-7][0-9A-Fa-f]"


def lines_naming(batch: Batch, unknown: dict[str, pa.Array]) -> set[int] | None:
    """Positions of a JSON Lines batch whose line may name an ``unknown`` id: the id quoted,
    or an escaped ASCII character (which could spell one).  None when an id holds characters
    a writer may escape otherwise; the batch must then be parsed."""
    block = batch.block
    names = sorted({str(v) for values in unknown.values() for v in values.to_pylist()})
    if block is None or not all(_SAFE_ID.fullmatch(name) for name in names):
        return None
    if not names:
        return set()
    pattern = "|".join(['"(' + "|".join(re.escape(n) for n in names) + ')"', _ESCAPED_ASCII])
    lines = pa.array([block.line(i) for i in range(block.records)], pa.large_binary())
    hits = as_flags(pc.match_substring_regex(lines.cast(pa.large_string(), safe=False), pattern))
    return {int(p) for p in np.flatnonzero(hits)}


def rows_referring(batch: Batch, unknown: dict[str, pa.Array]) -> set[int]:
    """Positions of ``batch`` whose record refers to one of the ``unknown`` ids."""
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
            for path in paths:
                values = follow(rows, path)
                if len(values.values) == 0:
                    continue
                bad = as_flags(pc.is_in(values.values.cast(pa.string()), value_set=unknown[target]))
                hits.update(int(p) for p in batch.table_rows[values.rows[bad]])
    return hits


__all__ = ["Column", "Resolution", "RunIndex", "rows_referring", "scan_batch"]
