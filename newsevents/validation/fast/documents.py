"""The documents at hand while scanning: a window of recent texts, plus documents given.

Events usually follow their document closely (or come with a document table read ahead), so
a bounded window of recent texts is enough to check nearly every span; an event whose
document is not at hand is set aside for the per-record path, which is always right, only
slower.  Memory stays flat however long the input.
"""

from __future__ import annotations

import weakref
from collections import deque
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from newsevents.validation.fast.anchors import Texts
from newsevents.validation.fast.columns import Column, Rows
from newsevents.validation.fast.values import as_dates

WINDOW_BYTES = 16 << 20
"""Memory for recent documents (texts and their code point offsets, about 5 bytes a
character): it stays flat, and events far from their document (rare) go to the per-record
path."""


@dataclass(frozen=True)
class DocumentBatch:
    """Documents of one batch: ids, texts, publication dates (null: none or unclear)."""

    ids: pa.Array
    texts: pa.Array
    published: pa.Array  # date32
    unclear: pa.Array  # bool: a publication date given that a strict reading cannot parse

    @classmethod
    def of(cls, documents: Column) -> DocumentBatch:
        """Read the documents (rows of a record column, all of type document)."""
        ids = documents.field("id").values
        texts = documents.field("text").values
        given = documents.field("publication").field("date").values
        published = as_dates(given)
        unclear = pc.and_(pc.is_valid(given), pc.is_null(published))
        keep = pc.and_(pc.is_valid(ids), pc.is_valid(texts))
        return cls(
            ids.filter(keep).cast(pa.string()),
            texts.filter(keep).cast(pa.large_string()),
            published.filter(keep),
            unclear.filter(keep),
        )

    @classmethod
    def empty(cls) -> DocumentBatch:
        """No documents."""
        return cls(
            pa.array([], pa.string()),
            pa.array([], pa.large_string()),
            pa.array([], pa.date32()),
            pa.array([], pa.bool_()),
        )

    @classmethod
    def concat(cls, parts: list[DocumentBatch]) -> DocumentBatch:
        """Documents of several batches, in order (the first of an id is found first)."""
        if not parts:
            return cls.empty()
        return cls(
            pa.concat_arrays([p.ids for p in parts]),
            pa.concat_arrays([p.texts for p in parts]),
            pa.concat_arrays([p.published for p in parts]),
            pa.concat_arrays([p.unclear for p in parts]),
        )


@dataclass(frozen=True)
class Laid:
    """One batch's documents with their texts laid out for span checks (done once)."""

    documents: DocumentBatch
    texts: Texts


class AtHand:
    """The documents one batch can check against: several laid-out batches, in order."""

    def __init__(self, parts: list[Laid]) -> None:
        self.parts = parts
        self.ids = (
            pa.concat_arrays([p.documents.ids for p in parts])
            if parts
            else pa.array([], pa.string())
        )
        sizes = [len(p.documents.ids) for p in parts]
        self.part_of = np.repeat(np.arange(len(parts), dtype=np.int64), sizes)
        self.first = np.concatenate(([0], np.cumsum(sizes)))[:-1].astype(np.int64)

    def find(self, document_ids: pa.Array) -> tuple[Rows, Rows]:
        """(part, position in part) of each id's first document; part -1 when not at hand."""
        found = pc.index_in(document_ids.cast(pa.string()), value_set=self.ids)
        index = np.asarray(pc.fill_null(found, -1).to_numpy(zero_copy_only=False), np.int64)
        known = index >= 0
        part = np.where(
            known, self.part_of[np.where(known, index, 0)] if len(self.part_of) else -1, -1
        )
        position = np.where(
            known, index - self.first[np.maximum(part, 0)] if len(self.first) else 0, 0
        )
        return part.astype(np.int64), position.astype(np.int64)


_LAID: dict[int, Laid] = {}


def laid_out(documents: DocumentBatch) -> Laid:
    """``documents`` with their texts laid out, once per batch object while it lives (the
    documents given to every chunk of a run are laid out once, not once per chunk)."""
    key = id(documents)
    found = _LAID.get(key)
    if found is None:
        found = Laid(documents, Texts.of(documents.texts))
        _LAID[key] = found
        weakref.finalize(documents, _LAID.pop, key, None)
    return found


class DocumentWindow:
    """The documents at hand: those given apart (outside documents, document tables read
    ahead) and those of the latest batches, up to ``budget`` bytes of text."""

    def __init__(self, given: DocumentBatch | None = None, budget: int = WINDOW_BYTES) -> None:
        given = given or DocumentBatch.empty()
        self.given = laid_out(given)
        self.recent: deque[Laid] = deque()
        self.budget = budget
        self.held = 0
        self.seen_any = False

    def push(self, documents: DocumentBatch) -> AtHand:
        """Add a batch's documents; return what that batch can check against."""
        if len(documents.ids):
            self.seen_any = True
        laid = Laid(documents, Texts.of(documents.texts))
        self.recent.append(laid)
        self.held += laid.texts.nbytes
        while len(self.recent) > 1 and self.held > self.budget:
            self.held -= self.recent.popleft().texts.nbytes
        return AtHand([self.given, *self.recent])
