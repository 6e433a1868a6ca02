"""Columns of a record batch at any depth, each value tied to the row it belongs to.

A :class:`Column` is the values found at one path of the records (``participants.role``)
with, for each value, the index of its row in the batch.  Struct fields keep the rows of
their parent; list items are flattened and mapped back with ``list_parent_indices``.  A
:class:`RowMask` collects the rows some check found suspect.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

Rows = npt.NDArray[np.int64]
Flags = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Column:
    """The values at one path of the records, and the row each value belongs to."""

    values: pa.Array
    rows: Rows

    @classmethod
    def top(cls, batch: pa.RecordBatch | pa.Table, name: str) -> Column:
        """Return the top-level column ``name`` (all null when the batch lacks it)."""
        if name not in batch.schema.names:
            return cls(pa.nulls(batch.num_rows), np.arange(batch.num_rows, dtype=np.int64))
        values = batch.column(name)
        if isinstance(values, pa.ChunkedArray):
            values = values.combine_chunks()
        return cls(values, np.arange(batch.num_rows, dtype=np.int64))

    @property
    def type(self) -> pa.DataType:
        """The Arrow type of the values."""
        return self.values.type

    def field(self, name: str) -> Column:
        """Return the struct field ``name`` (null where the struct is null or lacks it)."""
        if not pa.types.is_struct(self.type) or self.type.get_field_index(name) < 0:
            return Column(pa.nulls(len(self.values)), self.rows)
        return Column(pc.struct_field(self.values, name), self.rows)

    def items(self) -> Column:
        """Return the items of a list column, flattened, each with its row."""
        if pa.types.is_null(self.type):
            return Column(pa.nulls(0), self.rows[:0])
        parents = pc.list_parent_indices(self.values).to_numpy()
        return Column(pc.list_flatten(self.values), self.rows[parents])

    def items_with_parents(self) -> tuple[Column, Rows]:
        """Return the flattened items and, for each, the position of its list in ``values``."""
        if pa.types.is_null(self.type):
            return Column(pa.nulls(0), self.rows[:0]), self.rows[:0]
        parents = pc.list_parent_indices(self.values).to_numpy().astype(np.int64)
        return Column(pc.list_flatten(self.values), self.rows[parents]), parents

    def lengths(self) -> pa.Array:
        """Return the length of each list value (null for a null list)."""
        return pc.list_value_length(self.values)

    def where(self, keep: pa.Array | Flags) -> Column:
        """Return the values (and rows) where ``keep`` is true."""
        flags = as_flags(keep)
        return Column(self.values.filter(pa.array(flags)), self.rows[flags])

    def present(self) -> Flags:
        """Flags of the values that are not null."""
        return as_flags(pc.is_valid(self.values))

    def missing(self) -> Flags:
        """Flags of the values that are null."""
        return as_flags(pc.is_null(self.values))


def as_flags(condition: pa.Array | pa.ChunkedArray | Flags, null: bool = False) -> Flags:
    """Return ``condition`` as a numpy bool array, nulls read as ``null``."""
    if isinstance(condition, np.ndarray):
        return condition.astype(np.bool_, copy=False)
    if condition.null_count:
        condition = pc.fill_null(condition, null)
    flags: Flags = np.asarray(condition.to_numpy(zero_copy_only=False), dtype=np.bool_)
    return flags


class RowMask:
    """The rows of a batch found suspect so far."""

    def __init__(self, size: int) -> None:
        self.flags: Flags = np.zeros(size, dtype=np.bool_)

    def mark(self, column: Column, bad: pa.Array | Flags, null: bool = False) -> None:
        """Mark the rows of the values where ``bad`` holds (nulls read as ``null``)."""
        flags = as_flags(bad, null)
        if flags.any():
            self.flags[column.rows[flags]] = True

    def mark_rows(self, rows: Rows | Flags) -> None:
        """Mark rows given by index or by flags."""
        self.flags[rows] = True

    def count(self) -> int:
        """Number of suspect rows."""
        return int(self.flags.sum())
