"""Hostile source files: damaged archives, other encodings, repeated keys, deep nesting,
huge values.  Each is a coded issue at its file or row and the exit status of unreadable
input, never a traceback, a hang or memory without bound."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsevents
from newsevents.crosswalk import common
from newsevents.crosswalk.acled import read_acled, write_acled
from newsevents.crosswalk.common import Conversion
from newsevents.crosswalk.convert import SOURCES, convert
from newsevents.crosswalk.gdelt import COLUMNS_2, read_gdelt, write_gdelt
from newsevents.crosswalk.plover import read_plover
from newsevents.crosswalk.validate import validate_source
from tests.crosswalk.conftest import raw_lines, sample_rows
from tests.crosswalk.test_acled import ROWS, write_rows
from tests.hostile.conftest import unblocking
from tests.hostile.test_commands import command


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _damaged(path: Path) -> Path:
    _zip(path, {"rows.CSV": raw_lines(COLUMNS_2).encode("utf-8") * 4})
    data = bytearray(path.read_bytes())
    data[60] ^= 0xFF  # inside the deflated member: the stream no longer inflates
    path.write_bytes(bytes(data))
    return path


def _not_a_zip(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04 not really")
    return path


ARCHIVES = {
    "not-a-zip": _not_a_zip,
    "two-members": lambda path: _zip(path, {"a.CSV": b"x", "b.CSV": b"y"}),
    "damaged": _damaged,
}


@pytest.mark.parametrize("kind", sorted(ARCHIVES))
@pytest.mark.parametrize("source", ["gdelt", "acled"])
def test_an_archive_that_cannot_be_read_is_ne101_exit_2(
    kind: str, source: str, tmp_path: Path
) -> None:
    path = ARCHIVES[kind](tmp_path / "20170701.export.CSV.zip")
    ran = command("convert", "--from", source, str(path), "-o", str(tmp_path / "o.jsonl"))
    assert ran.status == 2
    assert "NE101" in ran.stdout
    report = validate_source(path, source)
    assert "NE101" in report.by_code


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize(
    ("data", "code"),
    [
        (gzip.compress(b"GLOBALEVENTID\tSQLDATE\n", mtime=0), "NE113"),
        ("event_id_cnty,event_date\n".encode("utf-16"), "NE112"),
        ('{"id": "p-1"}\n'.encode("utf-16-le"), "NE112"),
    ],
)
def test_compression_and_encoding_are_named_once(
    source: str, data: bytes, code: str, tmp_path: Path
) -> None:
    path = tmp_path / "rows.csv"
    path.write_bytes(data)
    conversion = convert([path], source, "newsevents", tmp_path / "o.jsonl")
    assert dict(conversion.by_code) == {code: 1}
    assert command("validate", "--from", source, str(path)).status == 2


def test_a_gdelt_zip_holding_gzip_is_named(tmp_path: Path) -> None:
    path = _zip(tmp_path / "rows.CSV.zip", {"rows.CSV": gzip.compress(b"x")})
    conversion = convert([path], "gdelt", "newsevents", tmp_path / "o.jsonl")
    assert dict(conversion.by_code) == {"NE113": 1}


def test_a_line_past_the_limit_stops_the_file_instead_of_filling_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(common, "LINE_LIMIT", 1000)
    path = _zip(tmp_path / "rows.CSV.zip", {"rows.CSV": b"1\t" * 5000})
    conversion = convert([path], "gdelt", "newsevents", tmp_path / "o.jsonl")
    assert conversion.unreadable
    assert [i.code for i in conversion.issues] == ["NE101"]
    assert "longer than 1,000 bytes" in conversion.issues[0].message


PLOVER = {"id": "p-1", "date": "2020-01-01", "event": "AGREE"}


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_plover_repeated_keys_are_ne114_at_their_row(suffix: str, tmp_path: Path) -> None:
    text = '{"id": "p-1", "id": "p-2", "date": "2020-01-01", "event": "AGREE"}'
    path = tmp_path / f"plover{suffix}"
    path.write_text(f"[{text}]" if suffix == ".json" else text + "\n", encoding="utf-8")
    conversion = Conversion()
    convert([path], "plover", "newsevents", tmp_path / "o.jsonl", conversion=conversion)
    repeated = [i for i in conversion.issues if i.code == "NE114"]
    assert [(i.location.record, i.location.pointer) for i in repeated] == [(0, "/id")]


def test_acled_json_repeated_keys_are_ne114(tmp_path: Path) -> None:
    path = tmp_path / "acled.json"
    path.write_text('{"data": [{"event_id_cnty": "A1", "event_id_cnty": "A2"}]}')
    conversion = convert([path], "acled", "newsevents", tmp_path / "o.jsonl")
    assert conversion.by_code["NE114"] == 1


@pytest.mark.parametrize(("source", "suffix"), [("plover", ".json"), ("acled", ".json")])
def test_deep_nesting_is_ne108_not_a_recursion_error(
    source: str, suffix: str, tmp_path: Path
) -> None:
    path = tmp_path / f"deep{suffix}"
    path.write_text("[" * 5000 + "]" * 5000)
    ran = command("convert", "--from", source, str(path), "-o", str(tmp_path / "o.jsonl"))
    assert "NE108" in ran.stdout


def test_plover_gold_standard_cleaning_is_linear_on_open_strings(tmp_path: Path) -> None:
    # Each escaped quote used to restart a scan to the end of the file: 100,000 of them took
    # minutes.  Now the open string runs to the end once.
    path = tmp_path / "open.json"
    path.write_text('"' + '\\"' * 100_000)
    conversion = convert([path], "plover", "newsevents", tmp_path / "o.jsonl")
    assert list(conversion.by_code) == ["NE103"]


def test_plover_numbers_past_a_double_are_invalid_json(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(PLOVER)[:-1] + ', "n": 1' + "0" * 5000 + "}")
    conversion = convert([path], "plover", "newsevents", tmp_path / "o.jsonl")
    assert list(conversion.by_code) == ["NE103"]


_VALUES = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["9" * 5000, "1e999", "nan", "-inf", "1_0", " 7 ", "\x00", "00000000"]),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    index=st.integers(0, len(sample_rows()) - 1),
    changes=st.lists(st.tuples(st.sampled_from(COLUMNS_2), _VALUES), min_size=1, max_size=5),
)
def test_any_gdelt_values_convert_or_are_reported(
    index: int, changes: list[tuple[str, str]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    row = dict(sample_rows()[index])
    row.update(changes)
    folder = tmp_path_factory.mktemp("gdelt")
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(row))
    writer.writeheader()
    writer.writerow(row)
    path = folder / "rows.csv"
    path.write_text(text.getvalue(), encoding="utf-8", errors="surrogatepass")
    conversion = convert([path], "gdelt", "gdelt", folder / "out.tsv")
    assert conversion.read + conversion.by_code.get("NE001", 0) >= 1
    assert validate_source(path, "gdelt").records >= 0


# -- ACLED CSV: quotes, line breaks inside quotes, a BOM, a stray quote ----------------------

_NOTES = st.text(alphabet=st.sampled_from('ab \r\n",;\t\u2028\x00é'), min_size=1, max_size=12)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes=_NOTES.map(str.strip).filter(bool), bom=st.booleans())
def test_acled_notes_survive_a_round_trip_whatever_they_hold(
    notes: str, bom: bool, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("acled")
    rows = [dict(ROWS[0]), {**ROWS[0], "event_id_cnty": "XYZ1003", "notes": notes}]
    source = write_rows(folder / "acled.csv", rows)
    if bom:
        source.write_bytes(b"\xef\xbb\xbf" + source.read_bytes())
    conversion = Conversion(max_issues=None)
    out = folder / "back.csv"
    write_acled(read_acled(source, conversion=conversion), out)
    assert conversion.errors == 0, conversion.issues
    with out.open(encoding="utf-8", newline="") as stream:
        back = list(csv.DictReader(stream))
    assert [row["notes"] for row in back] == [ROWS[0]["notes"], notes]


def test_a_stray_quote_costs_its_own_row_only(tmp_path: Path) -> None:
    source = write_rows(tmp_path / "acled.csv", [ROWS[0]])
    good = source.read_text(encoding="utf-8").splitlines()[1]
    broken = good.replace("Example Town", '"Example Town', 1)
    others = [good.replace("XYZ1001", f"XYZ2{n:03}") for n in range(5)]
    lines = [source.read_text(encoding="utf-8").splitlines()[0], broken, *others]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    conversion = Conversion(max_issues=None)
    events = [r for r in read_acled(source, conversion=conversion) if r["record_type"] == "event"]
    assert len(events) == 5
    assert [(i.code, i.location.line) for i in conversion.issues if i.code == "NE002"] == [
        ("NE002", 2)
    ]


EMPTY = [(source, "rows.csv", text) for source in SOURCES for text in ("", "\n\n")] + [
    ("acled", "rows.csv", "event_id_cnty,event_date\n"),
    ("plover", "rows.json", "[]"),
]


@pytest.mark.parametrize(("source", "name", "text"), EMPTY)
def test_a_file_without_rows_is_said_to_be_empty(
    source: str, name: str, text: str, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    conversion = convert([path], source, "newsevents", tmp_path / "o.jsonl")
    assert dict(conversion.by_code) == {"NE122": 1}
    assert validate_source(path, source).by_code == {"NE122": 1}


@pytest.mark.parametrize("name", [" ", " Kyiv ", "Kyiv"])
def test_a_gdelt_row_is_read_as_written_blanks_and_all(name: str, tmp_path: Path) -> None:
    # A place named " " (valid: a name is any text) lost its location on a GDELT round trip,
    # since every value was stripped; GDELT's own rows are never padded.
    row = dict(sample_rows()[0])
    row.update({"ActionGeo_Type": "4", "ActionGeo_FullName": name})
    path = tmp_path / "rows.export.CSV"
    path.write_text("\t".join(row[c] for c in COLUMNS_2) + "\n", encoding="utf-8")
    (event,) = [r for r in read_gdelt(path) if r["record_type"] == "event"]
    assert [place["name"] for place in event["locations"]] == [name]


@pytest.mark.parametrize("read", [read_gdelt, read_acled, read_plover])
def test_the_readers_name_compression_themselves(read: Any, tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_bytes(gzip.compress(b"GLOBALEVENTID\n"))
    conversion = Conversion()
    assert list(read(path, conversion=conversion)) == []
    assert dict(conversion.by_code) == {"NE113": 1}


@pytest.mark.parametrize("read", [read_gdelt, read_acled, read_plover])
def test_the_readers_classify_a_path_before_opening_it(read: Any, tmp_path: Path) -> None:
    fifo, link = tmp_path / "rows.csv", tmp_path / "gone.csv"
    os.mkfifo(fifo)
    link.symlink_to(tmp_path / "missing.csv")
    found = {}
    with unblocking(fifo):
        for path in (fifo, link, tmp_path):
            conversion = Conversion()
            list(read(path, conversion=conversion))
            found[path.name] = list(conversion.by_code)
    assert found == {"rows.csv": ["NE109"], "gone.csv": ["NE110"], tmp_path.name: ["NE101"]}


def test_an_acled_column_named_twice_is_ne114_at_the_header(tmp_path: Path) -> None:
    source = write_rows(tmp_path / "acled.csv", [ROWS[0]])
    lines = source.read_text(encoding="utf-8").splitlines()
    source.write_text(f"{lines[0]},notes\n{lines[1]},other\n", encoding="utf-8")
    conversion = Conversion(max_issues=None)
    list(read_acled(source, conversion=conversion))
    (repeat,) = [i for i in conversion.issues if i.code == "NE114"]
    assert (repeat.location.record, repeat.location.pointer) == (None, "/notes")
    assert '"notes" appears 2 times' in repeat.message


def test_several_files_make_one_set_of_records_each_id_once(tmp_path: Path) -> None:
    # Two days of GDELT naming the same actors wrote each actor once per file: the output
    # had repeated ids (NE501), and validate --from blamed the source for them.
    rows = sample_rows()
    paths = []
    for day, part in enumerate((rows[:10], rows[10:20])):
        path = tmp_path / f"day{day}.export.CSV"
        path.write_text("".join("\t".join(r[c] for c in COLUMNS_2) + "\n" for r in part))
        paths.append(path)
    out = tmp_path / "both.jsonl"
    conversion = convert(paths, "gdelt", "newsevents", out)
    assert conversion.errors == 0
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == len(set(ids))
    assert "NE501" not in validate_source(paths, "gdelt").by_code
    repeated = convert([paths[0], paths[0]], "gdelt", "newsevents", tmp_path / "twice.jsonl")
    assert repeated.by_code["NE014"] == 10  # the same events again: skipped, said


def test_a_gdelt_row_says_which_values_lost_a_tab_or_line_break(tmp_path: Path) -> None:
    records = [
        r.model_dump(mode="json", exclude_none=True)
        for r in (*newsevents.load_dataset().actors, *newsevents.load_dataset().events)
    ]
    for record in records:
        if record["record_type"] == "actor":
            record["name"] = "Ministry\tof\nDefence"
    out = tmp_path / "rows.CSV"
    conversion = write_gdelt(records, out, conversion=Conversion(max_issues=None))
    changed = {i.location.pointer for i in conversion.issues if "TABs" in i.message}
    assert changed == {"/Actor1Name", "/Actor2Name"}
    rows = out.read_text(encoding="utf-8").splitlines()
    assert len(rows) == conversion.records["gdelt row"]
    assert all(len(row.split("\t")) == len(COLUMNS_2) for row in rows)
    assert "Ministry of Defence" in rows[0]


def test_convert_reads_one_path_given_alone_as_one_path(tmp_path: Path) -> None:
    path = tmp_path / "rows.export.CSV"
    path.write_text(raw_lines(COLUMNS_2), encoding="utf-8")
    alone = convert(str(path), "gdelt", "newsevents", tmp_path / "alone.jsonl")
    listed = convert([path], "gdelt", "newsevents", tmp_path / "listed.jsonl")
    assert alone.summary() == listed.summary()
    assert alone.read > 0
