"""The fast path's shortcuts give what the plain computation gives, where they fire and not.

Each shortcut (texts laid out with their wide code points only, copies skipped when a
filter keeps everything, ...) is compared with the obvious computation on generated input,
including the inputs where the shortcut must not fire.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.validation.fast.anchors import Texts
from newsevents.validation.fast.columns import Column
from newsevents.validation.fast.documents import DocumentBatch, DocumentWindow

SETTINGS = settings(max_examples=100, deadline=None)
# ASCII, two-, three- and four-byte code points, and the characters news texts hold.
CHARACTERS = st.sampled_from(list("ab \n\u00e9\u201c\u201d\u20ac\u0416\U0001f600\U00010348"))
TEXTS = st.lists(st.none() | st.text(CHARACTERS, max_size=12), max_size=6)


@SETTINGS
@given(TEXTS, st.integers(0, 2))
def test_texts_give_the_byte_offset_of_every_code_point(texts: list[str | None], skip: int) -> None:
    array = pa.array(texts, pa.string()).slice(min(skip, len(texts)))
    plain = [t or "" for t in array.to_pylist()]
    laid = Texts.of(array)
    assert laid.lengths().tolist() == [len(t) for t in plain]
    base = 0
    for index, text in enumerate(plain):
        points = np.arange(len(text) + 1, dtype=np.int64)
        found = laid.byte_at(np.full(len(points), index, np.int64), points)
        assert found.tolist() == [base + len(text[:p].encode()) for p in points]
        base += len(text.encode())
    assert bytes(laid.data) == "".join(plain).encode()


@SETTINGS
@given(TEXTS)
def test_texts_slices_are_the_selected_bytes(texts: list[str | None]) -> None:
    plain = [t or "" for t in texts]
    laid = Texts.of(pa.array(texts, pa.string()))
    rows = [(i, a, b) for i, t in enumerate(plain) for a in range(len(t) + 1) for b in (a, len(t))]
    if not rows:
        return
    text, low, high = (np.array(c, np.int64) for c in zip(*rows, strict=True))
    pieces = laid.slices(laid.byte_at(text, low), laid.byte_at(text, high)).to_pylist()
    assert pieces == [plain[i][a:b].encode() for i, a, b in rows]


def test_documents_given_to_every_chunk_are_laid_out_once() -> None:
    given = DocumentBatch(
        pa.array(["d1"]),
        pa.array(["caf\u00e9"], pa.large_string()),
        pa.array([None], pa.date32()),
        pa.array([False]),
    )
    first, second = DocumentWindow(given), DocumentWindow(given)
    assert first.given is second.given
    other = DocumentWindow(DocumentBatch.concat([given]))
    assert other.given is not first.given
    assert other.given.texts.lengths().tolist() == [4]


@SETTINGS
@given(st.lists(st.booleans(), max_size=20), st.lists(st.booleans(), max_size=20))
def test_where_keeps_exactly_the_flagged_values(keep: list[bool], gate: list[bool]) -> None:
    size = min(len(keep), len(gate))
    values = pa.array(range(size), pa.int64())
    rows = np.arange(size, dtype=np.int64) * 3
    for column in (Column(values, rows), Column(values, rows, np.array(gate[:size], np.bool_))):
        chosen = np.array(keep[:size], np.bool_)
        if column.gate is not None:
            chosen &= column.gate
        found = column.where(np.array(keep[:size], np.bool_))
        assert found.values.to_pylist() == values.filter(pa.array(chosen)).to_pylist()
        assert found.rows.tolist() == rows[chosen].tolist()
        assert found.gate is None
