"""The fast path's shortcuts give what the plain computation gives, where they fire and not.

Each shortcut (texts laid out with their wide code points only, copies skipped when a
filter keeps everything, ...) is compared with the obvious computation on generated input,
including the inputs where the shortcut must not fire.
"""

from __future__ import annotations

import datetime
import os
import re
import tempfile
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.codebooks import cameo_codes
from newsevents.codebooks.event_types import EVENT_TYPES, allowed_cameo_codes
from newsevents.validation.fast import sources, values
from newsevents.validation.fast.anchors import Texts
from newsevents.validation.fast.columns import Column, RowMask
from newsevents.validation.fast.documents import DocumentBatch, DocumentWindow
from newsevents.validation.fast.lookups import event_type_cameo_codes, not_in
from newsevents.validation.fast.mask import records_column
from newsevents.validation.fast.sources import ParquetSource
from newsevents.validation.fast.values import as_dates, bad_date

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


def _parquet(path: Path, rows: int, group: int) -> Path:
    table = pa.table({"id": [f"r{i}" for i in range(rows)], "n": list(range(rows))})
    pq.write_table(table, path, row_group_size=group)
    return path


@SETTINGS
@given(st.integers(1, 60), st.integers(1, 25), st.integers(1, 25))
def test_batches_the_scan_decoded_are_read_again_alike(rows: int, group: int, size: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _parquet(Path(folder) / "t.parquet", rows, group)
        owner = ParquetSource(path, "t", 0, "event", batch_rows=size)
        scanned = [
            b.table.to_pylist() for b in ParquetSource(path, "t", 0, "event", size).batches()
        ]
        assert sorted(owner.decoded) == list(range(len(scanned)))
        fresh = ParquetSource(path, "t", 0, "event", size)  # not the owner: keeps nothing
        for number, rows_read in enumerate(scanned):
            kept, again = owner.batch(number), fresh.batch(number)
            assert kept.table.to_pylist() == again.table.to_pylist() == rows_read
            assert kept.records.tolist() == again.records.tolist()
        assert fresh.decoded == {}
        del owner, fresh


def test_a_source_alone_in_its_process_keeps_nothing(tmp_path: Path) -> None:
    path = _parquet(tmp_path / "t.parquet", 30, 10)
    alone = ParquetSource(path, "t", 0, "event", batch_rows=8)
    assert sum(b.size for b in alone.batches()) == 30
    assert alone.decoded == {}  # a worker's scan: nothing held after its batches


def test_a_changed_file_is_not_read_from_the_kept_batches(tmp_path: Path) -> None:
    path = _parquet(tmp_path / "t.parquet", 30, 10)
    owner = ParquetSource(path, "t", 0, "event", batch_rows=8)
    os.utime(path, ns=(0, 0))  # another version of the file: another key
    list(ParquetSource(path, "t", 0, "event", batch_rows=8).batches())
    assert owner.decoded == {}


def test_the_budget_bounds_the_batches_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "DECODED_BYTES", 0)
    path = _parquet(tmp_path / "t.parquet", 30, 10)
    owner = ParquetSource(path, "t", 0, "event", batch_rows=8)
    list(ParquetSource(path, "t", 0, "event", batch_rows=8).batches())
    assert owner.decoded == {}
    assert owner.batch(1).table.column("n").to_pylist() == list(range(8, 16))


DAY_PIECES = st.sampled_from(["2022", "0000", "0999", "9999", "2020", "1900", "2000", "-", "0"])
DAY_TEXT = st.lists(
    DAY_PIECES | st.sampled_from(["01", "02", "12", "13", "00", "29", "30", "31", "1", " ", "T"]),
    max_size=6,
).map("".join)


def _real_day(text: str) -> datetime.date | None:
    head = text[:10]
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", head) or head.startswith("0000"):
        return None
    try:
        return datetime.date(int(head[:4]), int(head[5:7]), int(head[8:10]))
    except ValueError:
        return None


@SETTINGS
@given(st.lists(st.none() | DAY_TEXT | st.dates().map(str), max_size=30))
def test_dates_are_read_only_when_they_name_a_real_day(texts: list[str | None]) -> None:
    found = as_dates(pa.array(texts, pa.string())).to_pylist()
    assert found == [None if t is None else _real_day(t) for t in texts]


LINES = st.lists(
    st.sampled_from(
        [
            '{"record_type": "actor", "id": "a1"}',
            '{"record_type": "event", "id": "e1", "cameo": {"code": "152"}}',
            '{"record_type": "document", "id": "d1", "text": "caf\u00e9"}',
            '{"record_type": "event", "cameo": {"quad_class": "four"}}',
            '{"id": null}',
            "{broken",
            "",
            "   ",
        ]
    ),
    max_size=30,
)


def _batches(path: Path, start: int, end: int | None, ahead: int) -> list[tuple[object, ...]]:
    sources.READ_AHEAD = ahead
    source = sources.JsonlSource(path, "x", 0, start, end, block_bytes=64)
    found = [
        (
            b.number,
            None if b.table is None else b.table.to_pylist(),
            b.table_rows.tolist(),
            b.records.tolist(),
            None if b.lines is None else b.lines.tolist(),
            b.suspect.tolist(),
        )
        for b in source.batches()
    ]
    facts = source.facts
    return [*found, (facts.bytes, facts.sha256, facts.records, facts.lines, facts.extents)]


@settings(max_examples=50, deadline=None)
@given(LINES, st.booleans(), st.integers(0, 200))
def test_blocks_parsed_ahead_are_the_blocks_parsed_in_turn(
    lines: list[str], bom: bool, cut: int
) -> None:
    content = ("\ufeff" if bom else "") + "".join(line + "\n" for line in lines)
    raw = content.encode()
    start = raw.find(b"\n", min(cut, len(raw))) + 1 if cut else 0
    saved = sources.READ_AHEAD
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "r.jsonl"
            path.write_bytes(raw)
            for begin, end in ((0, None), (start, None), (0, start)):
                alike = [_batches(path, begin, end, ahead) for ahead in (0, 1, 3)]
                assert alike[0] == alike[1] == alike[2]
    finally:
        sources.READ_AHEAD = saved


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 40), st.integers(1, 15), st.integers(1, 15))
def test_parquet_batches_decoded_ahead_are_the_batches_decoded_in_turn(
    rows: int, group: int, size: int
) -> None:
    saved = sources.READ_AHEAD
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = _parquet(Path(folder) / "t.parquet", rows, group)
            found = []
            for ahead in (0, 1, 3):
                sources.READ_AHEAD = ahead
                source = ParquetSource(path, "t", 0, "event", batch_rows=size)
                batches = [
                    (b.number, b.table.to_pylist(), b.records.tolist()) for b in source.batches()
                ]
                found.append((batches, source.facts.records, source.facts.extents))
                del source
            assert found[0] == found[1] == found[2]
    finally:
        sources.READ_AHEAD = saved


STRUCTS = st.lists(
    st.none()
    | st.fixed_dictionaries({"x": st.none() | st.integers(-5, 5), "y": st.text(max_size=3)}),
    max_size=12,
)


@SETTINGS
@given(STRUCTS, st.integers(0, 3), st.integers(0, 12))
def test_a_struct_field_is_the_field_with_the_struct_nulls(
    rows: list[dict[str, object] | None], start: int, size: int
) -> None:
    values = pa.array(rows, pa.struct([("x", pa.int64()), ("y", pa.string())]))
    values = values.slice(min(start, len(values)), size)  # fires when no struct is null
    column = Column(values, np.arange(len(values), dtype=np.int64))
    for name in ("x", "y"):
        assert column.field(name).values.to_pylist() == pc.struct_field(values, name).to_pylist()
    assert column.field("z").values.null_count == len(values)


@SETTINGS
@given(st.lists(st.lists(st.integers(0, 9), max_size=4), max_size=4))
def test_records_of_a_table_are_its_rows_however_chunked(chunks: list[list[int]]) -> None:
    schema = pa.schema([("record_type", pa.string()), ("n", pa.int64())])
    pieces = [pa.table({"record_type": [str(v) for v in c], "n": c}, schema=schema) for c in chunks]
    table = pa.concat_tables(pieces) if pieces else schema.empty_table()
    expected = table.to_pylist()
    for form in (table, table.combine_chunks()):  # many chunks; one (the shortcut)
        records = records_column(form)
        assert records.values.to_pylist() == expected
        assert records.rows.tolist() == list(range(len(expected)))


@SETTINGS
@given(
    st.sampled_from(list(EVENT_TYPES)),
    st.lists(st.none() | st.sampled_from(sorted(cameo_codes())[:60]) | st.text(max_size=4)),
)
def test_codes_allowed_per_event_type_are_looked_up_alike(
    event_type: str, codes: list[str | None]
) -> None:
    values = pa.array(codes, pa.string())
    found = not_in(values, event_type_cameo_codes(event_type)).to_pylist()
    assert found == [c is not None and c not in allowed_cameo_codes(event_type) for c in codes]


@SETTINGS
@given(
    st.lists(st.tuples(st.none() | st.booleans(), st.booleans()), max_size=12),
    st.booleans(),
    st.booleans(),
)
def test_marks_are_the_rows_where_the_condition_holds(
    values: list[tuple[bool | None, bool]], null: bool, gated: bool
) -> None:
    bad = pa.array([v for v, _ in values], pa.bool_())  # often no true: the shortcut fires
    gate = np.array([g for _, g in values], np.bool_) if gated else None
    rows = np.arange(len(values), dtype=np.int64)[::-1].copy()
    mask = RowMask(len(values))
    mask.mark(Column(pa.nulls(len(values)), rows, gate), bad, null)
    holds = [null if v is None else v for v, _ in values]
    counted = [g or not gated for _, g in values]
    expected = {
        int(rows[i]) for i, (h, c) in enumerate(zip(holds, counted, strict=True)) if h and c
    }
    assert set(np.flatnonzero(mask.flags).tolist()) == expected


@SETTINGS
@given(st.lists(st.none() | DAY_TEXT | st.dates().map(str), max_size=30))
def test_a_date_is_bad_unless_it_has_the_shape_and_names_a_real_day(
    texts: list[str | None],
) -> None:
    found = bad_date(pa.array(texts, pa.string())).to_pylist()
    shaped = [t is not None and re.fullmatch(values.DATE, t) is not None for t in texts]
    expected = [
        t is not None and not (s and _real_day(t) is not None)
        for t, s in zip(texts, shaped, strict=True)
    ]
    assert [bool(f) for f in found] == expected
