"""What one batch tells about other records: ids, references, report edges (kept as keys,
see ``hashes``), and the checks that need a document's text (spans, publication date), run
against the documents at hand."""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from newsevents.models import Alert, Deployment, Document, EvidenceSpan, Statement
from newsevents.validation.fast.anchors import Spans, Texts, mismatched
from newsevents.validation.fast.columns import Column, Flags, Rows, as_flags
from newsevents.validation.fast.documents import AtHand
from newsevents.validation.fast.hashes import Checks, Hasher, Keys, hash_values
from newsevents.validation.fast.paths import ITEMS, Path, follow, model_paths
from newsevents.validation.fast.values import as_dates

KINDS = ("document", "actor", "event")
EVENT_SPANS = model_paths((Alert, Deployment, Statement), EvidenceSpan)
DOCUMENT_SPANS = model_paths((Document,), EvidenceSpan)
REFERENCES: dict[str, dict[str, tuple[Path, ...]]] = {
    # record kind -> kind of the target -> where the target ids are (as in checks.references)
    "event": {
        "document": (("document_id",),),
        "actor": (("participants", ITEMS, "actor_id"), ("force", "actor_id")),
        "event": (
            ("links", ITEMS, "event_id"),
            ("factuality", "condition", "event_id"),
            ("purpose", "event_id"),
            ("reports", ITEMS),
        ),
    },
    "actor": {"actor": (("member_of", ITEMS),)},
}


Positions = npt.NDArray[np.int32]


@dataclass
class Facts:
    """The cross-record facts of one batch, ids as keys (positions are in the batch)."""

    ids: dict[str, tuple[Keys, Positions]] = field(default_factory=dict)
    event_documents: Keys | None = None  # aligned with ids["event"]; 0: no document id
    targets: dict[str, tuple[Keys, Positions]] = field(default_factory=dict)  # cleared rows'
    reports: tuple[Keys, Keys, Keys, Positions] | None = None  # id, target, doc, position
    pairs: tuple[Keys, Checks] | None = None  # (key, check) of every value above
    deferred: Rows | None = None  # clean rows whose document is not at hand

    def fill(self) -> None:
        """Give every kind its ids (maybe none) and the events their documents."""
        for kind in KINDS:
            self.ids.setdefault(kind, (np.zeros(0, np.uint64), np.zeros(0, np.int32)))
        if self.event_documents is None:
            self.event_documents = np.zeros(len(self.ids["event"][0]), np.uint64)

    def take_pairs(self) -> tuple[Keys, Checks]:
        """The (key, check) pairs, handed over once (to a :class:`KeyTable`)."""
        pairs = self.pairs or (np.zeros(0, np.uint64), np.zeros(0, np.uint32))
        self.pairs = None
        return pairs


def hashed(
    ids: dict[str, tuple[pa.Array, Rows]],
    event_documents: pa.Array,
    targets: dict[str, tuple[pa.Array, Rows]],
    reports: tuple[pa.Array, pa.Array, pa.Array, Rows] | None,
) -> Facts:
    """The facts of a batch with every id replaced by its key."""
    columns = [v for v, _ in ids.values()] + [event_documents]
    columns += [v for v, _ in targets.values()]
    columns += list(reports[:3]) if reports is not None else []
    hasher = Hasher(columns)
    facts = Facts(pairs=(hasher.keys, hasher.checks))
    facts.ids = {k: (hasher.keys_of(v), p.astype(np.int32)) for k, (v, p) in ids.items()}
    facts.event_documents = hasher.keys_of(event_documents)
    facts.targets = {k: (hasher.keys_of(v), p.astype(np.int32)) for k, (v, p) in targets.items()}
    if reports is not None:
        source, target, document, where = reports
        keys = hasher.keys_of
        facts.reports = (keys(source), keys(target), keys(document), where.astype(np.int32))
    return facts


def note_record(facts: Facts, position: int, record: dict[str, object]) -> None:
    """Add the id of a record read outside Arrow (a line Arrow could not parse)."""
    kind, record_id = record.get("record_type"), record.get("id")
    if kind not in KINDS or not isinstance(record_id, str):
        return
    facts.fill()
    values = [record_id]
    document = record.get("document_id") if kind == "event" else None
    if isinstance(document, str):
        values.append(document)
    keys, checks = hash_values([v.encode("utf-8", "surrogatepass") for v in values])
    ids, rows = facts.ids[str(kind)]
    facts.ids[str(kind)] = (np.append(ids, keys[0]), np.append(rows, position).astype(np.int32))
    if kind == "event":
        found = keys[1] if len(keys) > 1 else np.uint64(0)
        known = facts.event_documents
        assert known is not None
        facts.event_documents = np.append(known, found).astype(np.uint64)
    old_keys, old_checks = facts.take_pairs()
    facts.pairs = (np.concatenate([old_keys, keys]), np.concatenate([old_checks, checks]))


def ids_of(
    records: Column, kinds: pa.Array, positions: Rows, trusted: Flags
) -> dict[str, tuple[pa.Array, Rows]]:
    """Per kind: the ids the reference registers (string record_type and id) and where, of
    the ``trusted`` rows (the others are read record by record)."""
    found = {}
    ids = records.field("id").values
    for kind in KINDS:
        keep = as_flags(pc.and_(pc.equal(kinds, kind), pc.is_valid(ids))) & trusted
        found[kind] = (ids.filter(pa.array(keep)).cast(pa.string()), positions[keep])
    return found


def targets_of(rows: Column, kind: str, positions: Rows) -> dict[str, tuple[pa.Array, Rows]]:
    """Per target kind, the ids that ``rows`` (of record ``kind``) refer to, each with the
    position of its row in the batch."""
    found: dict[str, tuple[pa.Array, Rows]] = {}
    for target, paths in REFERENCES.get(kind, {}).items():
        values, where = [], []
        for column in (follow(rows, path) for path in paths):
            if len(column.values) == 0:
                continue
            keep = pc.is_valid(column.values)
            if column.gate is not None:
                keep = pc.and_(keep, pa.array(column.gate))
            values.append(column.values.filter(keep).cast(pa.string()))
            where.append(positions[column.rows[as_flags(keep)]])
        if values:
            found[target] = (pa.concat_arrays(values), np.concatenate(where))
    return found


def report_pairs(statements: Column, positions: Rows) -> tuple[pa.Array, pa.Array, pa.Array, Rows]:
    """(statement id, reported id, statement's document, statement position) per report."""
    items, parents = statements.field("reports").items_with_parents()
    take = pa.array(parents)
    ids = pc.take(statements.field("id").values, take).cast(pa.string())
    documents = pc.take(statements.field("document_id").values, take).cast(pa.string())
    targets = items.values.cast(pa.string())
    return ids, targets, documents, positions[statements.rows[parents]]


def document_checks(events: Column, at_hand: AtHand) -> tuple[Flags, Flags]:
    """(suspect, deferred) flags over ``events``' rows: spans and NE705 against the text."""
    size = len(events.values)
    part, slot = at_hand.find(events.field("document_id").values)
    spans = Spans.gather(Column(events.values, np.arange(size, dtype=np.int64)), EVENT_SPANS)
    time = events.field("time")
    factuality = events.field("factuality")
    asserted_past = as_flags(
        pc.and_(
            pc.and_(
                pc.is_valid(time.values), pc.equal(factuality.field("modality").values, "asserted")
            ),
            pc.equal(factuality.field("tense").values, "past"),
        )
    )
    needs = asserted_past.copy()
    needs[spans.rows] = True
    deferred = needs & (part < 0)
    suspect = np.zeros(size, dtype=np.bool_)
    for index, laid in enumerate(at_hand.parts):
        mine = part[spans.rows] == index
        if mine.any():
            chosen = _subset(spans, mine)
            bad = mismatched(chosen, slot[chosen.rows], laid.texts)
            suspect[chosen.rows[bad]] = True
        here = asserted_past & (part == index)
        if here.any():
            docs = laid.documents
            where = pa.array(slot[here])
            published = pc.take(docs.published, where)
            unclear = as_flags(pc.take(docs.unclear, where))
            date = as_dates(time.field("date").values.filter(pa.array(here)))
            late = as_flags(pc.greater(date, published)) | unclear
            suspect[np.flatnonzero(here)[late]] = True
    return suspect, deferred


def _subset(spans: Spans, keep: Flags) -> Spans:
    mask = pa.array(keep)
    return Spans(
        spans.rows[keep],
        spans.start[keep],
        spans.end[keep],
        spans.exact.filter(mask),
        spans.prefix.filter(mask),
        spans.suffix.filter(mask),
    )


def own_spans(documents: Column) -> Flags:
    """Flags over ``documents``' rows whose own spans (dateline, publication) do not fit."""
    size = len(documents.values)
    texts = Texts.of(documents.field("text").values)
    spans = Spans.gather(Column(documents.values, np.arange(size, dtype=np.int64)), DOCUMENT_SPANS)
    suspect = np.zeros(size, dtype=np.bool_)
    if len(spans.rows):
        bad = mismatched(spans, spans.rows, texts)
        suspect[spans.rows[bad]] = True
    return suspect


class FactFile(MutableMapping[tuple[int, int], Facts]):
    """The facts of every batch by key, written to a temporary file as they come and read
    back when asked for, so the run's memory does not grow with its input."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self._where: dict[tuple[int, int], tuple[int, int]] = {}
        self._end = 0

    def __setitem__(self, key: tuple[int, int], facts: Facts) -> None:
        blob = pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(self._end)
        self._file.write(blob)
        self._where[key] = (self._end, len(blob))
        self._end += len(blob)

    def __getitem__(self, key: tuple[int, int]) -> Facts:
        offset, size = self._where[key]
        self._file.seek(offset)
        facts: Facts = pickle.loads(self._file.read(size))
        return facts

    def __delitem__(self, key: tuple[int, int]) -> None:
        del self._where[key]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)

    def close(self) -> None:
        """Remove the file."""
        self._file.close()
