"""Properties: generated source rows -> newsevents -> the source again are equal on every field
the format holds; arbitrary bytes never raise, and every row is converted or coded at its row.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.crosswalk import (
    Conversion,
    countries,
    read_acled,
    read_gdelt,
    read_plover,
    write_gdelt,
)
from newsevents.crosswalk.acled import COLUMNS, AcledWriter
from newsevents.crosswalk.convert import TARGETS, convert
from newsevents.crosswalk.gdelt import COLUMNS_2, GdeltWriter
from newsevents.crosswalk.plover import PloverWriter
from newsevents.crosswalk.records import participant_of
from newsevents.testing import Dataset, datasets_strategy
from newsevents.testing.crosswalk import acled_rows, gdelt_line, gdelt_rows, plover_records
from newsevents.validation import validate
from tests.crosswalk.test_acled import LOST_IN_ROUND_TRIP as ACLED_LOST
from tests.crosswalk.test_gdelt import LOST_IN_ROUND_TRIP as GDELT_LOST

FEW = settings(max_examples=40)


_FOLDER = tempfile.TemporaryDirectory(prefix="newsevents-crosswalk-")
"""Files the examples write: removed with the folder when the test process ends."""
_NAMES = itertools.count()


def _file(suffix: str, data: bytes) -> Path:
    path = Path(_FOLDER.name) / f"{next(_NAMES)}{suffix}"
    path.write_bytes(data)
    return path


@FEW
@given(st.lists(gdelt_rows(), min_size=1, max_size=4, unique_by=lambda r: r["GLOBALEVENTID"]))
def test_gdelt_rows_survive_a_round_trip_on_every_column_the_schema_holds(
    rows: list[dict[str, str]],
) -> None:
    path = _file(".CSV", "".join(gdelt_line(r) for r in rows).encode("utf-8"))
    conversion = Conversion(max_issues=None)
    records = list(read_gdelt(path, conversion=conversion))
    assert conversion.errors == 0 and conversion.converted == len(rows)
    assert not set(conversion.by_code) - {"NE013"}
    assert validate(records, ignore=["NE801", "NE804"]).valid
    out = io.StringIO()
    writer = GdeltWriter(out, Conversion())
    for record in records:
        writer.write(record)
    back = [line.split("\t") for line in out.getvalue().splitlines()]
    for row, values in zip(rows, back, strict=True):
        for index, column in enumerate(COLUMNS_2):
            if column not in GDELT_LOST:
                assert values[index] == row[column], column


@FEW
@given(st.lists(acled_rows(), min_size=1, max_size=4, unique_by=lambda r: r["event_id_cnty"]))
def test_acled_rows_survive_a_round_trip_on_every_column_the_schema_holds(
    rows: list[dict[str, str]],
) -> None:
    text = io.StringIO()
    writer = csv.DictWriter(text, COLUMNS, restval="")
    writer.writeheader()
    writer.writerows(rows)
    path = _file(".csv", text.getvalue().encode("utf-8"))
    conversion = Conversion(max_issues=None)
    records = list(read_acled(path, conversion=conversion))
    assert conversion.errors == 0 and conversion.converted == len(rows)
    assert validate(records, ignore=["NE801", "NE804"]).valid
    out = io.StringIO()
    acled = AcledWriter(out, Conversion())
    for record in records:
        acled.write(record)
    back = list(csv.DictReader(io.StringIO(out.getvalue())))
    for row, values in zip(rows, back, strict=True):
        for column in COLUMNS:
            if column not in ACLED_LOST:
                assert values[column] == row.get(column, ""), column


@FEW
@given(st.lists(plover_records(), min_size=1, max_size=4, unique_by=lambda r: r["id"]))
def test_plover_records_survive_a_round_trip(records_in: list[dict[str, Any]]) -> None:
    path = _file(".jsonl", "".join(json.dumps(r) + "\n" for r in records_in).encode("utf-8"))
    conversion = Conversion(max_issues=None)
    records = list(read_plover(path, conversion=conversion))
    assert conversion.errors == 0 and conversion.converted == len(records_in)
    assert validate(records, ignore=["NE801", "NE802", "NE804"]).valid
    out = io.StringIO()
    writer = PloverWriter(out, Conversion())
    for record in records:
        writer.write(record)
    back = [json.loads(line) for line in out.getvalue().splitlines()]
    for before, after in zip(records_in, back, strict=True):
        assert after == before


_FIELD = st.one_of(
    st.sampled_from(["", "0", "1", "20220124", "152", "USAMIL", '"', '""', "a,b", "\ufeff"]),
    st.text(max_size=12),
)
_LINE = st.lists(_FIELD, min_size=0, max_size=64)
_ENDING = st.sampled_from(["\n", "\r\n"])


def _comma_line(values: list[str], quote_all: bool) -> str:
    text = io.StringIO()
    csv.writer(text, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL).writerow(values)
    return text.getvalue().rstrip("\r\n")


@st.composite
def _messy_gdelt(draw: st.DrawFn) -> bytes:
    """Raw TAB rows, or gdeltPyR-style comma CSV with a header (quotes, stray quotes)."""
    comma = draw(st.booleans())
    lines = [",".join(COLUMNS_2)] if comma else []
    for _ in range(draw(st.integers(0, 6))):
        if draw(st.booleans()):
            row = draw(gdelt_rows())
            name = draw(st.sampled_from(COLUMNS_2))
            row[name] = draw(_FIELD)
            values = [row[c] for c in COLUMNS_2]
        else:
            values = draw(_LINE)
        if not comma:
            lines.append("\t".join(values))
        elif draw(st.booleans()):
            lines.append(_comma_line(values, draw(st.booleans())))
        else:
            lines.append(",".join(values))  # unquoted: stray quotes and commas stay raw
    ending = draw(_ENDING)
    text = ending.join(lines) + ending
    prefix = "\ufeff" if draw(st.booleans()) else ""
    data = (prefix + text).encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        data += draw(st.binary(max_size=20))
    return data


def _check_every_row_is_accounted_for(conversion: Conversion) -> None:
    assert conversion.read == conversion.converted + sum(conversion.skipped.values())
    # A skip's reason is the slug of the issue reported at the skipped row.
    at_rows = Counter(i.slug for i in conversion.issues if i.location.record is not None)
    for reason, count in conversion.skipped.items():
        assert at_rows[reason] == count, reason


@FEW
@given(_messy_gdelt(), st.sampled_from([".CSV", ".csv"]))
def test_arbitrary_gdelt_bytes_never_raise_and_every_skipped_row_is_coded(
    data: bytes, suffix: str
) -> None:
    conversion = Conversion(max_issues=None)
    list(read_gdelt(_file(suffix, data), conversion=conversion))
    if not conversion.unreadable:
        _check_every_row_is_accounted_for(conversion)


@FEW
@given(st.lists(_LINE, max_size=6), _ENDING, st.booleans())
def test_arbitrary_acled_rows_never_raise_and_every_skipped_row_is_coded(
    lines: list[list[str]], ending: str, bom: bool
) -> None:
    text = ("\ufeff" if bom else "") + ",".join(COLUMNS) + ending
    text += ending.join(",".join(line) for line in lines) + ending
    conversion = Conversion(max_issues=None)
    list(read_acled(_file(".csv", text.encode("utf-8", "surrogatepass")), conversion=conversion))
    if not conversion.unreadable:
        _check_every_row_is_accounted_for(conversion)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(["id", "date", "event", "source", "mode", "x"]), children)
    ),
    max_leaves=10,
)


@FEW
@given(st.lists(_JSON | st.text(max_size=20), max_size=6))
def test_arbitrary_plover_lines_never_raise_and_every_skipped_record_is_coded(
    values: list[Any],
) -> None:
    lines = [v if isinstance(v, str) else json.dumps(v) for v in values]
    path = _file(".jsonl", "\n".join(lines).encode("utf-8", "surrogatepass"))
    conversion = Conversion(max_issues=None)
    list(read_plover(path, conversion=conversion))
    if not conversion.unreadable:
        assert conversion.read == conversion.converted + sum(conversion.skipped.values())


@settings(max_examples=15)
@given(datasets_strategy(max_documents=1, max_actors=3, max_events=3))
def test_generated_records_survive_gdelt_on_every_field_a_row_holds(dataset: Dataset) -> None:
    records = dataset.json_records()
    out = _file(".CSV", b"")
    written = write_gdelt(records, out, conversion=Conversion(max_issues=None))
    back = list(read_gdelt(out, conversion=Conversion(max_issues=None)))
    actors = {r["id"]: r for r in records if r["record_type"] == "actor"}
    actors_back = {r["id"]: r for r in back if r["record_type"] == "actor"}
    events = [
        r
        for r in records
        if r["record_type"] == "event" and r.get("cameo") and (r.get("time") or {}).get("date")
    ]
    events_back = [r for r in back if r["record_type"] == "event"]
    assert len(events_back) == len(events)
    for before, after in zip(events, events_back, strict=True):
        assert (after["cameo"]["code"], after["cameo"]["root"]) == (
            before["cameo"]["code"],
            before["cameo"]["root"],
        )
        assert after["time"]["date"] == before["time"]["date"]
        for roles in (("source", "speaker"), ("target", "addressee")):
            given = participant_of(before, *roles)
            found = participant_of(after, *roles)
            code = actors[given].get("cameo_code") if given else None
            if code:
                assert found is not None and actors_back[found]["cameo_code"] == code
        place = (before.get("locations") or [None])[0]
        if place and place.get("country_code") in countries.iso3_to_fips():
            (kept,) = after["locations"]
            assert kept["country_code"] == place["country_code"]
            assert (kept.get("latitude"), kept.get("longitude")) == (
                place.get("latitude"),
                place.get("longitude"),
            )
    # Whatever a row cannot hold is counted, never dropped silently.
    not_kept = {i.location.pointer for i in written.issues if i.code == "NE013"}
    if any(e.get("plover") for e in events):
        assert "/plover" in not_kept
    if any(e["factuality"]["polarity"] == "negative" for e in events):
        assert "/factuality" in not_kept
    skipped = len([r for r in records if r["record_type"] == "event"]) - len(events)
    assert written.records["gdelt row"] == len(events)
    if skipped:
        assert not_kept & {"/cameo", "/time"}


@st.composite
def _messy_plover(draw: st.DrawFn) -> bytes:
    """PLOVER records with any of their fields replaced by an arbitrary JSON value."""
    lines = []
    for _ in range(draw(st.integers(0, 5))):
        record = draw(plover_records())
        for key in draw(
            st.lists(st.sampled_from([*record, "coded_date", "recipient"]), max_size=3)
        ):
            record[key] = draw(_JSON | st.sampled_from(["2022-13-45", "0000-00-00", "²⁰²²"]))
        lines.append(json.dumps(record))
    return ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")


@FEW
@given(st.sampled_from(["gdelt", "plover"]), st.data(), st.sampled_from(TARGETS))
def test_arbitrary_input_converts_to_every_target_without_raising(
    source: str, data: st.DataObject, target: str
) -> None:
    given = data.draw(_messy_gdelt() if source == "gdelt" else _messy_plover())
    path = _file(".CSV" if source == "gdelt" else ".jsonl", given)
    out = _file(".parquet" if target == "newsevents" else ".out", b"")
    conversion = convert([path], source, target, out)
    if not conversion.unreadable:
        assert conversion.read == conversion.converted + sum(conversion.skipped.values())
