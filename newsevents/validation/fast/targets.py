"""Tell the reference run about the cleared records its suspect rows refer to, and give it
the document texts its suspect events wait for.

The reference run validates only the suspect rows; a reference from one of them to a
cleared record waits in ``ReferenceIndex.pending``.  Before the run's end, each such target
is looked up among the kept keys: when its key is not ambiguous and its check is the one
the run saw for that key, the record is known without reading it; otherwise (and for the
events a statement reports, whose document the reference compares) the candidate records
are read again and their ids compared.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

from newsevents.validation.checks.anchoring import DocumentText
from newsevents.validation.checks.registry import RecordPlace
from newsevents.validation.fast.hashes import hash_values, key_of, member
from newsevents.validation.runner import publication_date

if TYPE_CHECKING:
    from newsevents.validation.fast.run import FastRun


def register_targets(fast: FastRun) -> None:
    """Register, in the reference index, the cleared records its pending references name."""
    references = fast.run.state.references
    wanted: dict[str, set[str]] = {}
    reported: set[str] = set()  # events whose document a statement's report compares
    for reference in references.pending:
        if not references.known(reference.kind, reference.target):
            wanted.setdefault(reference.kind, set()).add(reference.target)
            if reference.from_document is not None:
                reported.add(reference.target)
    for kind, targets in sorted(wanted.items()):
        sure, doubtful = _sorted_out(fast, targets, reported if kind == "event" else set())
        _know_sure(fast, kind, sure)
        for (key, position), record in candidates(fast, kind, doubtful):
            record_id = record.get("id")
            if not isinstance(record_id, str) or record_id not in doubtful:
                continue
            document = record.get("document_id") if kind == "event" else None
            place = RecordPlace(fast.display(key[0]), key[0], fast.bases[key] + position)
            references.know(kind, record_id, place, document if isinstance(document, str) else None)


def _sorted_out(
    fast: FastRun, targets: set[str], reported: set[str]
) -> tuple[dict[int, str], set[str]]:
    """(key -> target) for the targets the keys settle, and the targets to read again."""
    names = sorted(targets)
    keys, checks = hash_values([n.encode("utf-8", "surrogatepass") for n in names])
    seen = fast.index.table.check_of(keys)
    ambiguous = fast.index.table.ambiguous
    sure: dict[int, str] = {}
    doubtful: set[str] = set()
    clashing: set[int] = set()
    for name, key, check, known in zip(names, keys.tolist(), checks, seen, strict=True):
        if key in ambiguous or check != known or name in reported or key in clashing:
            doubtful.add(name)
        elif key in sure:
            doubtful.update((name, sure.pop(key)))
            clashing.add(key)
        else:
            sure[key] = name
    return sure, doubtful


def _know_sure(fast: FastRun, kind: str, sure: dict[int, str]) -> None:
    references = fast.run.state.references
    keys = np.array(sorted(sure), np.uint64)
    for key in sorted(fast.index.kept):
        if not sure:
            return
        ids, positions = fast.index.kept[key].ids[kind]
        for hit in np.flatnonzero(member(ids, keys)):
            name = sure.pop(int(ids[hit]), None)
            if name is not None:
                record = fast.bases[key] + int(positions[hit])
                references.know(kind, name, RecordPlace(fast.display(key[0]), key[0], record))


def add_documents(fast: FastRun) -> None:
    """Give the reference run the texts its suspect events wait for: the first record of
    each wanted document (read again)."""
    store = fast.run.state.documents
    wanted = set(store.waiting())
    found: dict[str, dict[str, Any]] = {}
    for _, raw in candidates(fast, "document", wanted) if wanted else ():
        if raw.get("id") in wanted and isinstance(raw.get("text"), str):
            found.setdefault(str(raw["id"]), raw)
    for raw in found.values():
        published = publication_date(raw.get("publication"))
        fast.run.collector.extend(store.add(DocumentText(raw["id"], raw["text"], published)))


def candidates(
    fast: FastRun, kind: str, wanted: set[str]
) -> Iterator[tuple[tuple[tuple[int, int], int], dict[str, Any]]]:
    """The records of ``kind`` whose id has the key of a wanted id, in input order, read
    again (files the reference read whole are left out: it knows their records)."""
    keys = np.array(sorted({key_of(w) for w in wanted}), np.uint64)
    for key in sorted(fast.index.kept):
        ids, positions = fast.index.kept[key].ids[kind]
        hits = np.flatnonzero(member(ids, keys))
        source = fast.sources.get(key[0])
        if len(hits) == 0 or source is None:
            continue
        batch = source.batch(key[1], parse=False)
        for position in sorted(int(positions[h]) for h in hits):
            record = batch.item(position)[1]
            if isinstance(record, dict) and record.get("record_type") == kind:
                yield (key, position), record
