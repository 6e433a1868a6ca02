"""Across batches, once every file is read: the rows the cross-record checks make suspect.

The facts of every batch are kept as keys (``hashes``): per record kind the key and
position of each id, each event's document, the references of cleared rows to ids their
chunk had not seen (key and row), and the statements' report edges.  A key shared by two
records may be a duplicate id or two ids hashed alike: either way the rows go to the
reference path, which compares the ids themselves, so a collision can only cost time.  A
target whose key no record has is unknown for certain, and its rows go to the reference
path.  A key seen with two different checks (``KeyTable.ambiguous``) might hide an unknown
target behind a known id: every batch is then looked at again for the rows naming it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import MutableMapping
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from newsevents.validation.checks.references import strongly_connected
from newsevents.validation.fast.columns import Rows
from newsevents.validation.fast.facts import KINDS, FactFile, Facts, note_record
from newsevents.validation.fast.hashes import (
    NONE,
    Hasher,
    Keys,
    KeyTable,
    member,
    repeated_keys,
)

Key = tuple[int, int]  # (file, batch number)


@dataclass
class Resolution:
    """Rows found suspect once every batch was read, and the keys to look for everywhere."""

    late: dict[Key, set[int]] = field(default_factory=lambda: defaultdict(set))
    ambiguous: Keys = field(default_factory=lambda: np.zeros(0, np.uint64))


class RunIndex:
    """The facts of every batch read so far, the rows already set aside, and every
    (key, check) pair seen."""

    def __init__(self) -> None:
        self.file = FactFile()
        self.kept: MutableMapping[Key, Facts] = self.file
        self.deferred: dict[Key, Rows] = {}
        self.whole: dict[Key, Facts] = {}  # of files read whole: still growing
        self.table = KeyTable()
        self.outside = np.zeros(0, np.uint64)

    def add(self, key: Key, facts: Facts) -> None:
        """Keep the facts of batch ``key``."""
        facts.fill()
        self.table.add(*facts.take_pairs())
        if facts.deferred is not None and len(facts.deferred):
            self.deferred[key] = facts.deferred
        facts.deferred = None
        self.kept[key] = facts

    def add_record(self, key: Key, position: int, record: dict[str, object]) -> None:
        """Note the id of a record of a file the reference reads whole."""
        facts = self.whole.get(key)
        if facts is None:
            facts = self.whole[key] = self.kept[key]
        note_record(facts, position, record)
        self.table.add(*facts.take_pairs())

    def release(self) -> None:
        """Remove the file of facts (the index is not used after this)."""
        self.file.close()

    def close(self) -> None:
        """Write the facts of files read whole with the others; forget nothing."""
        for key, facts in self.whole.items():
            self.kept[key] = facts
        self.whole.clear()

    def add_outside(self, ids: pa.Array) -> None:
        """Note the ids of the documents given apart (``documents=``)."""
        hasher = Hasher([ids])
        self.outside = hasher.keys_of(ids)
        self.table.add(hasher.keys, hasher.checks)

    def resolve(self, documents_at_hand: bool) -> Resolution:
        """Name the rows the cross-record checks make suspect, once every batch is read."""
        self.close()
        found = Resolution()
        for key, rows in self.deferred.items():
            found.late[key].update(int(r) for r in rows)
        self.table.settle()  # merged: every ambiguous key is known now
        found.ambiguous = np.array(sorted(self.table.ambiguous), np.uint64)
        repeated: dict[str, Keys] = {}
        for kind in KINDS:
            repeated[kind] = repeated_keys([kept.ids[kind][0] for kept in self.kept.values()])
            doubtful = np.union1d(repeated[kind], found.ambiguous)
            if len(doubtful):
                self._mark(found, kind, doubtful)
            if kind == "document" and not documents_at_hand:
                continue
            unknown = self._unknown(kind)
            if len(unknown) == 0:
                continue
            for key, kept in self.kept.items():
                if kind not in kept.targets:
                    continue
                keys, positions = kept.targets[kind]
                hit = member(keys, unknown)
                if hit.any():
                    found.late[key].update(int(p) for p in positions[hit])
        self._reports(found, np.union1d(repeated["event"], found.ambiguous))
        return found

    def _mark(self, found: Resolution, kind: str, keys: Keys) -> None:
        for key, kept in self.kept.items():
            ids, rows = kept.ids[kind]
            hit = member(ids, keys)
            if hit.any():
                found.late[key].update(int(r) for r in rows[hit])

    def _unknown(self, kind: str) -> Keys:
        """The keys the batches' cleared rows name that no record of ``kind`` has."""
        wanted = [k.targets[kind][0] for k in self.kept.values() if kind in k.targets]
        targets = np.unique(np.concatenate([np.zeros(0, np.uint64), *wanted]))
        known = np.zeros(len(targets), np.bool_)
        if kind == "document":
            known |= member(targets, np.sort(self.outside))
        for kept in self.kept.values():
            if len(targets) == 0 or known.all():
                break
            known[~known] |= np.isin(targets[~known], kept.ids[kind][0])
        unknown: Keys = targets[~known]
        return unknown

    def _reports(self, found: Resolution, doubtful: Keys) -> None:
        """Statements in a cycle of reports (NE506), or reporting another document's event
        (NE507), or reporting an event whose key is doubtful."""
        edges = [(key, k.reports) for key, k in self.kept.items() if k.reports is not None]
        edges = [(key, e) for key, e in edges if len(e[0])]
        if not edges:
            return
        sources = np.concatenate([e[0] for _, e in edges])
        targets = np.concatenate([e[1] for _, e in edges])
        documents = np.concatenate([e[2] for _, e in edges])
        reported = np.unique(targets)
        ids, documents_of = [np.zeros(0, np.uint64)], [np.zeros(0, np.uint64)]
        for kept in self.kept.values():
            events, _ = kept.ids["event"]
            hit = member(events, reported)  # only the reported events' documents
            if hit.any():
                assert kept.event_documents is not None
                ids.append(events[hit])
                documents_of.append(kept.event_documents[hit])
        event_ids, event_documents = np.concatenate(ids), np.concatenate(documents_of)
        order = np.argsort(event_ids, kind="stable")
        event_ids, event_documents = event_ids[order], event_documents[order]
        where = np.clip(np.searchsorted(event_ids, targets), 0, max(len(event_ids) - 1, 0))
        other = np.zeros(len(targets), np.uint64)
        if len(event_ids):
            hit = event_ids[where] == targets
            other[hit] = event_documents[where[hit]]
        ambiguous = found.ambiguous
        elsewhere = (other != NONE) & (other != documents)
        elsewhere |= member(targets, doubtful)
        elsewhere |= member(documents, ambiguous) | member(other, ambiguous)
        in_cycle = member(sources, _cyclic(sources, targets))
        offset = 0
        for key, (_, _, _, positions) in edges:
            size = len(positions)
            hit = elsewhere[offset : offset + size] | in_cycle[offset : offset + size]
            if hit.any():
                found.late[key].update(int(r) for r in positions[hit])
            offset += size


def _cyclic(sources: Keys, targets: Keys) -> Keys:
    """The statements (keys) in a cycle of reports among statements."""
    closed = member(targets, np.unique(sources))
    graph: dict[str, list[str]] = defaultdict(list)
    for source, target in zip(sources[closed].tolist(), targets[closed].tolist(), strict=True):
        graph[str(source)].append(str(target))
    cyclic = [int(n) for c in strongly_connected(dict(graph)) if len(c) > 1 for n in c]
    return np.array(sorted(cyclic), np.uint64)
