"""Spans against document texts, over whole columns: bounds, exact text, prefix and suffix.

The texts of the documents at hand are laid end to end in one UTF-8 buffer with the byte
offset of every code point, so a span's code point offsets become byte offsets by lookup.
The selected bytes are then exposed as a ``binary_view`` array (views into the buffer,
nothing copied) and compared with the span's ``exact`` text by Arrow, like the prefix and
suffix around it.  Any difference makes the row suspect; the per-record path says which.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from newsevents.validation.fast.columns import Column, Flags, Rows, as_flags
from newsevents.validation.fast.paths import Path, follow

_INLINE = 12  # a binary_view holds values of up to 12 bytes inline


def _utf8(values: pa.Array) -> tuple[np.ndarray, Rows]:
    """The UTF-8 bytes of a string array and its ``len + 1`` byte offsets."""
    values = values.cast(pa.large_string())
    buffers = values.buffers()
    offsets = np.frombuffer(buffers[1], dtype=np.int64)[
        values.offset : values.offset + len(values) + 1
    ]
    data = (
        np.frombuffer(buffers[2], dtype=np.uint8)
        if buffers[2] is not None
        else np.zeros(0, np.uint8)
    )
    return data, offsets.astype(np.int64)


@dataclass(frozen=True)
class Texts:
    """Document texts end to end, with where their multi-byte code points lie.

    Most characters of a news text are ASCII, so only the code points of two bytes or more
    are kept (their global code point index and the extra bytes up to each): a code point's
    byte offset is its index plus the extra bytes of the wide code points before it.
    """

    data: np.ndarray
    starts: Rows  # byte offset of each text, and the end (n + 1)
    wide: Rows  # global code point index of every multi-byte code point, ascending
    extra: Rows  # extra bytes (beyond one a code point) of wide code points 0..k inclusive
    firsts: Rows  # global code point index of each text's first code point (n + 1)

    @classmethod
    def of(cls, texts: pa.Array) -> Texts:
        """Lay out ``texts`` (a string array; nulls read as empty)."""
        data, starts = _utf8(pc.fill_null(texts.cast(pa.large_string()), ""))
        data = data[starts[0] : starts[-1]].copy()
        starts = starts - starts[0]
        leads = np.flatnonzero(data >= 0xC0)  # valid UTF-8: the first byte of a wide point
        lead_bytes = data[leads]
        widths = (lead_bytes >= 0xE0).astype(np.int64) + (lead_bytes >= 0xF0) + 1
        extra = np.cumsum(widths)
        wide = leads - (extra - widths)
        before = np.searchsorted(leads, starts)  # wide code points before each text
        firsts = starts - np.concatenate(([0], extra))[before]
        return cls(data, starts, wide.astype(np.int64), extra, firsts.astype(np.int64))

    @property
    def nbytes(self) -> int:
        """Memory held: the text bytes and the offsets."""
        return int(
            self.data.nbytes
            + self.wide.nbytes
            + self.extra.nbytes
            + self.firsts.nbytes
            + self.starts.nbytes
        )

    def lengths(self) -> Rows:
        """Length of each text in code points."""
        result: Rows = np.diff(self.firsts)
        return result

    def byte_at(self, text: Rows, point: Rows) -> Rows:
        """Absolute byte offset of code point ``point`` (0 to length) of each ``text``."""
        length = self.lengths()[text]
        inside = point < length
        index = self.firsts[text] + np.where(inside, point, 0)
        before = np.searchsorted(self.wide, index)  # wide code points before each one
        shift = np.concatenate(([0], self.extra))[before]
        result: Rows = np.where(inside, index + shift, self.starts[text + 1])
        return result

    def slices(self, begin: Rows, end: Rows) -> pa.Array:
        """The bytes ``begin:end`` of the buffer, as a binary_view array (no copy)."""
        size = len(begin)
        length = (end - begin).astype(np.int32)
        views = np.zeros((size, 4), dtype=np.int32)  # length, prefix, buffer, offset
        views[:, 0] = length
        inline = length <= _INLINE
        if len(self.data) and inline.any():  # up to 12 bytes inline, zero padded
            spread = begin[inline, None] + np.arange(_INLINE)[None, :]
            head = self.data[np.minimum(spread, len(self.data) - 1)]
            head[np.arange(_INLINE)[None, :] >= length[inline, None]] = 0
            views.view(np.uint8).reshape(size, 16)[inline, 4:16] = head
        outside = ~inline
        if outside.any():  # longer: the first 4 bytes and the offset in buffer 0
            spread = begin[outside, None] + np.arange(4)[None, :]
            views.view(np.uint8).reshape(size, 16)[outside, 4:8] = self.data[spread]
            views[outside, 3] = begin[outside]
        buffers = [None, pa.py_buffer(views), pa.py_buffer(self.data)]
        return pa.Array.from_buffers(pa.binary_view(), size, buffers)


@dataclass(frozen=True)
class Spans:
    """Spans gathered from many paths: their rows, offsets and texts."""

    rows: Rows
    start: Rows
    end: Rows
    exact: pa.Array
    prefix: pa.Array
    suffix: pa.Array

    @classmethod
    def gather(cls, records: Column, paths: tuple[Path, ...]) -> Spans:
        """Collect the non-null spans at ``paths`` below ``records``."""
        found = [follow(records, path) for path in paths]
        found = [
            f.where(f.present())
            for f in found
            if len(f.values) and f.values.null_count < len(f.values)
        ]
        if not found:
            empty = pa.array([], pa.string())
            none = np.zeros(0, np.int64)
            return cls(none, none, none, empty, empty, empty)

        def field(name: str) -> pa.Array:
            return pa.concat_arrays(
                [
                    pc.struct_field(f.values, name).cast(pa.string())
                    if name in ("exact", "prefix", "suffix")
                    else pc.struct_field(f.values, name)
                    for f in found
                ]
            )

        def numbers(name: str) -> Rows:
            values = pc.fill_null(field(name), 0)
            return np.asarray(values.to_numpy(zero_copy_only=False), dtype=np.int64)

        rows = np.concatenate([f.rows for f in found])
        return cls(
            rows, numbers("start"), numbers("end"), field("exact"), field("prefix"), field("suffix")
        )


def mismatched(spans: Spans, slot: Rows, texts: Texts) -> Flags:
    """Flags of the spans (whose text is ``texts`` number ``slot``) the reference would report:
    out of bounds, exact text differing, or a prefix or suffix differing."""
    length = texts.lengths()[slot]
    out = spans.end > length
    start = np.clip(spans.start, 0, length)
    end = np.clip(spans.end, start, length)
    begin_byte, end_byte = texts.byte_at(slot, start), texts.byte_at(slot, end)
    selected = texts.slices(begin_byte, end_byte)
    bad = out | ~as_flags(pc.equal(selected, spans.exact.cast(pa.binary_view())), True)
    for around, before in ((spans.prefix, True), (spans.suffix, False)):
        given = as_flags(pc.is_valid(around))
        if not given.any():
            continue
        width = np.asarray(
            pc.fill_null(pc.utf8_length(around), 0).to_numpy(zero_copy_only=False), dtype=np.int64
        )
        if before:
            low, high = np.maximum(start - width, 0), start
        else:
            low, high = end, np.minimum(end + width, length)
        piece = texts.slices(texts.byte_at(slot, low), texts.byte_at(slot, high))
        differs = ~as_flags(pc.equal(piece, pc.fill_null(around, "").cast(pa.binary_view())), True)
        bad |= given & differs
    return bad
