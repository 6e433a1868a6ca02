"""Columns of a record batch at any depth, each value tied to the row it belongs to.

A :class:`Column` is the values found at one path of the records (``participants.role``)
with, for each value, the index of its row in the batch.  Struct fields keep the rows of
their parent; list items are flattened and mapped back with ``list_parent_indices``.  A
*gate* narrows a column to some of its values without copying anything (the rows of one
event type, the structs that are present): checks still compute over every value, but only
gated values can mark their row.  A :class:`RowMask` collects the rows found suspect.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

Rows = npt.NDArray[np.int64]
Flags = npt.NDArray[np.bool_]


def as_flags(condition: pa.Array | pa.ChunkedArray | Flags, null: bool = False) -> Flags:
    """Return ``condition`` as a numpy bool array, nulls read as ``null``."""
    if isinstance(condition, np.ndarray):
        return condition.astype(np.bool_, copy=False)
    if condition.null_count:
        condition = pc.fill_null(condition, null)
    flags: Flags = np.asarray(condition.to_numpy(zero_copy_only=False), dtype=np.bool_)
    return flags


@dataclass(frozen=True, slots=True)
class Column:
    """The values at one path of the records, the row of each, and which values count."""

    values: pa.Array
    rows: Rows
    gate: Flags | None = None

    @property
    def type(self) -> pa.DataType:
        """The Arrow type of the values."""
        return self.values.type

    def field(self, name: str) -> Column:
        """Return the struct field ``name`` (null where the struct is null or lacks it)."""
        if not pa.types.is_struct(self.type) or self.type.get_field_index(name) < 0:
            return Column(pa.nulls(len(self.values)), self.rows, self.gate)
        if self.values.null_count == 0:  # no struct null to carry down: the child as it is
            return Column(self.values.field(name), self.rows, self.gate)
        return Column(pc.struct_field(self.values, name), self.rows, self.gate)

    def items_with_parents(self) -> tuple[Column, Rows]:
        """Return the flattened items and, for each, the position of its list in ``values``."""
        if not (pa.types.is_list(self.type) or pa.types.is_large_list(self.type)):
            return Column(pa.nulls(0), self.rows[:0], None), self.rows[:0]
        parents = pc.list_parent_indices(self.values).to_numpy().astype(np.int64)
        gate = None if self.gate is None else self.gate[parents]
        return Column(pc.list_flatten(self.values), self.rows[parents], gate), parents

    def items(self) -> Column:
        """Return the items of a list column, flattened, each with its row."""
        return self.items_with_parents()[0]

    def lengths(self) -> pa.Array:
        """Return the length of each list value (null for a null list)."""
        return pc.list_value_length(self.values)

    def gated(self, keep: pa.Array | Flags) -> Column:
        """The same values, narrowed to those where ``keep`` holds too."""
        flags = as_flags(keep)
        return Column(self.values, self.rows, flags if self.gate is None else self.gate & flags)

    def slice(self, start: int, stop: int) -> Column:
        """The values ``start:stop`` (no copy)."""
        gate = None if self.gate is None else self.gate[start:stop]
        return Column(self.values.slice(start, stop - start), self.rows[start:stop], gate)

    def where(self, keep: pa.Array | Flags) -> Column:
        """Return a copy of only the values (and rows) where ``keep`` holds."""
        flags = as_flags(keep)
        if self.gate is not None:
            flags = flags & self.gate
        if flags.all():  # every value kept (a Parquet table of one kind): no copy
            return Column(self.values, self.rows)
        return Column(self.values.filter(pa.array(flags)), self.rows[flags])

    def counted(self) -> Flags:
        """Flags of the values that count (the gate, or all)."""
        return np.ones(len(self.values), np.bool_) if self.gate is None else self.gate

    def present(self) -> Flags:
        """Flags of the values that are not null."""
        return as_flags(pc.is_valid(self.values))

    def missing(self) -> Flags:
        """Flags of the values that are null."""
        return as_flags(pc.is_null(self.values))


def runs(values: pa.Array) -> list[tuple[object, int, int]] | None:
    """(value, start, stop) of each run of equal values, when each value has one run only."""
    if len(values) == 0:
        return []
    encoded = pc.dictionary_encode(values)
    codes = np.asarray(pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False))
    starts = np.concatenate(([0], np.flatnonzero(np.diff(codes)) + 1))
    if len(np.unique(codes[starts])) != len(starts):
        return None
    stops = np.append(starts[1:], len(codes))
    dictionary = encoded.dictionary.to_pylist()
    return [
        (dictionary[codes[a]] if codes[a] >= 0 else None, int(a), int(b))
        for a, b in zip(starts, stops, strict=True)
    ]


def sorted_by(column: Column, *keys: pa.Array) -> Column:
    """The column's values reordered (one copy) so equal keys are contiguous; rows follow."""
    codes = [
        np.asarray(pc.fill_null(pc.dictionary_encode(k).indices, -1).to_numpy(zero_copy_only=False))
        for k in keys
    ]
    order = np.lexsort(tuple(reversed(codes))).astype(np.int64)
    if np.all(order[1:] >= order[:-1]):
        return column
    gate = None if column.gate is None else column.gate[order]
    return Column(column.values.take(pa.array(order)), column.rows[order], gate)


class RowMask:
    """The rows of a batch found suspect so far."""

    def __init__(self, size: int) -> None:
        self.flags: Flags = np.zeros(size, dtype=np.bool_)

    def mark(self, column: Column, bad: pa.Array | Flags, null: bool = False) -> None:
        """Mark the rows of the counted values where ``bad`` holds (nulls read as ``null``)."""
        if (
            isinstance(bad, pa.BooleanArray)
            and bad.true_count == 0
            and not (null and bad.null_count)
        ):
            return  # nothing holds, the usual case: no conversion
        flags = as_flags(bad, null)
        if column.gate is not None:
            flags = flags & column.gate
        if flags.any():
            self.flags[column.rows[flags]] = True

    def mark_positions(self, column: Column, positions: Rows) -> None:
        """Mark the rows of the counted values at ``positions`` of ``column``."""
        if column.gate is not None:
            positions = positions[column.gate[positions]]
        self.flags[column.rows[positions]] = True

    def count(self) -> int:
        """Number of suspect rows."""
        return int(self.flags.sum())
