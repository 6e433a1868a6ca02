"""GDELT: layouts detected, rows mapped field by field, round trips, and every problem coded."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from newsevents.crosswalk import Conversion, read_gdelt, write_gdelt
from newsevents.crosswalk.gdelt import COLUMNS_2, NOT_KEPT
from newsevents.validation import validate
from tests.crosswalk.conftest import GDELT_SAMPLE, raw_lines, sample_rows


def _convert(path: Path, **options: Any) -> tuple[list[dict[str, Any]], Conversion]:
    conversion = Conversion(max_issues=None)
    return list(read_gdelt(path, conversion=conversion, **options)), conversion


def _by_id(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in records}


def test_the_gdeltpyr_sample_converts_every_row_and_reports_only_what_is_not_kept() -> None:
    _records, conversion = _convert(GDELT_SAMPLE)
    assert (conversion.read, conversion.converted, dict(conversion.skipped)) == (33, 33, {})
    assert dict(conversion.records) == {"document": 10, "actor": 22, "event": 33}
    assert set(conversion.by_code) == {"NE013"}
    not_kept = {i.location.pointer.lstrip("/"): i for i in conversion.issues}
    assert not_kept["NumMentions"].message.startswith("NumMentions: 33 value(s) not kept")
    assert not_kept["IsRootEvent"].message.startswith("IsRootEvent: 17 value(s)")
    assert set(not_kept) <= set(NOT_KEPT)


def test_row_9_by_hand_egypt_hosts_a_saudi_visit_in_cairo() -> None:
    records = _by_id(_convert(GDELT_SAMPLE)[0])
    event = records["gdelt-669666359"]
    assert event["event_type"] == "general"
    assert event["cameo"] == {"code": "043", "root": "04", "quad_class": 1, "goldstein": 2.8}
    assert event["time"] == {"date": "2016-07-01", "precision": "day"}
    source, target = (records[p["actor_id"]] for p in event["participants"])
    assert [p["role"] for p in event["participants"]] == ["source", "target"]
    assert (source["cameo_code"], source["name"], source["kind"], source["country"]) == (
        "EGY",
        "CAIRO",
        "state",
        "EGY",
    )
    assert (target["cameo_code"], target["kind"], target["country"]) == (
        "SAUGOV",
        "government_body",
        "SAU",
    )
    assert event["locations"] == [
        {
            "name": "Cairo, Al Qahirah, Egypt",
            "kind": "place",
            "country_code": "EGY",
            "admin1": "EG11",
            "admin2": "65350",
            "latitude": 30.05,
            "longitude": 31.25,
        }
    ]
    document = records[event["document_id"]]
    assert document["url"].startswith("http://www.thearabweekly.com/article/8771/")
    assert "text" not in document and "sha256" not in document
    assert event["provenance"]["method"] == "imported"
    assert event["provenance"]["annotated_at"] == "2017-07-01T23:45:00Z"
    assert event["provenance"]["source_record"] == {
        "dataset": "GDELT 2.0",
        "record_id": "669666359",
        "row": 9,
        "file": GDELT_SAMPLE.name,
    }


def test_row_15_by_hand_consider_policy_option_is_a_statement_by_saudi_arabia() -> None:
    records = _by_id(_convert(GDELT_SAMPLE)[0])
    event = records["gdelt-669666365"]
    assert event["event_type"] == "statement"
    assert event["speech"] == "reported_speech"
    assert event["summary"] == "SAUDI: Consider policy option (CAMEO 014)"
    roles = {p["role"]: records[p["actor_id"]]["cameo_code"] for p in event["participants"]}
    assert roles == {"speaker": "SAU", "target": "EGY"}


def test_rows_of_one_article_share_one_document_and_repeated_actors_one_record() -> None:
    records, _ = _convert(GDELT_SAMPLE)
    documents = [r for r in records if r["record_type"] == "document"]
    assert len({d["id"] for d in documents}) == len(documents) == 10
    events = [r for r in records if r["record_type"] == "event"]
    nbc = {e["document_id"] for e in events if e["id"] in {f"gdelt-6696663{n}" for n in (71, 72)}}
    assert len(nbc) == 1
    actors = [(r.get("cameo_code", ""), r["name"]) for r in records if r["record_type"] == "actor"]
    assert len(actors) == len(set(actors))


def test_the_converted_sample_validates_under_the_schema() -> None:
    records, _ = _convert(GDELT_SAMPLE)
    report = validate(records)
    assert report.valid, [i.to_dict() for i in report.issues if i.severity == "error"]


def test_validate_from_gdelt_is_valid_without_warnings_on_the_sample() -> None:
    report = validate(str(GDELT_SAMPLE), source_format="gdelt", max_issues=None)
    assert report.valid
    assert report.by_code["NE013"] == 21
    assert report.by_severity["warning"] == 0  # imported events are exempt from NE801


def test_validate_from_gdelt_locates_issues_at_the_source_row(tmp_path: Path) -> None:
    rows = list(csv.reader(io.StringIO(GDELT_SAMPLE.read_text(encoding="utf-8"))))
    header, row = rows[0], rows[10]
    assert row[header.index("GLOBALEVENTID")] == "669666359"
    row[header.index("QuadClass")] = "4" if row[header.index("QuadClass")] != "4" else "1"
    row[header.index("ActionGeo_CountryCode")] = "QQ"
    changed = io.StringIO()
    csv.writer(changed, lineterminator="\n").writerows(rows)
    path = tmp_path / "events.csv"
    path.write_text(changed.getvalue(), encoding="utf-8")
    report = validate(str(path), source_format="gdelt", max_issues=None)
    at_row = [i for i in report.issues if i.code != "NE013"]
    assert {i.location.pointer for i in at_row} == {"/QuadClass", "/ActionGeo_CountryCode"}
    assert all((i.location.record, i.location.line) == (9, 11) for i in at_row)


@pytest.mark.parametrize("fixture", ["gdelt2_raw", "gdelt1_raw"])
def test_raw_layouts_are_detected_by_their_column_count(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    path = request.getfixturevalue(fixture)
    records, conversion = _convert(path)
    assert conversion.converted == 33
    if fixture == "gdelt1_raw":
        assert conversion.by_code["NE015"] == 1
        event = _by_id(records)["gdelt-669666359"]
        assert event["provenance"]["annotated_at"] == "2017-07-01T00:00:00Z"
        assert event["provenance"]["source_record"]["dataset"] == "GDELT 1.0"
    else:
        assert "NE015" not in conversion.by_code


def test_gdelt_1_without_sourceurl_names_its_document_by_the_event(tmp_path: Path) -> None:
    from newsevents.crosswalk.gdelt import COLUMNS_1

    path = tmp_path / "old.CSV"
    path.write_text(raw_lines(COLUMNS_1[:-1], day_added=True), encoding="utf-8")
    records, conversion = _convert(path)
    assert conversion.converted == 33
    titles = {r.get("title") for r in records if r["record_type"] == "document"}
    assert "GDELT 1.0 event 669666350 (no SOURCEURL)" in titles


def test_a_zipped_export_is_read_through(gdelt2_raw: Path, tmp_path: Path) -> None:
    archive = tmp_path / "20170701234500.export.CSV.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(gdelt2_raw, gdelt2_raw.name)
    assert _convert(archive)[1].converted == 33


def test_an_unknown_layout_names_its_column_count_and_first_row(tmp_path: Path) -> None:
    path = tmp_path / "mentions.CSV"
    path.write_text("669666350\t20170701234500\t20170701234500\t1\n", encoding="utf-8")
    records, conversion = _convert(path)
    assert records == [] and conversion.unreadable
    (issue,) = conversion.issues
    assert issue.code == "NE001"
    assert issue.message == (
        "unknown GDELT layout: 4 column(s); first row: '669666350\\t20170701234500\\t"
        "20170701234500\\t1'"
    )


def test_a_gdelt_1_header_csv_is_read_as_gdelt_1(tmp_path: Path) -> None:
    from newsevents.crosswalk.gdelt import COLUMNS_1

    path = tmp_path / "events1.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(COLUMNS_1)
        writer.writerows(line.split("\t") for line in raw_lines(COLUMNS_1, True).splitlines())
    records, conversion = _convert(path)
    assert conversion.converted == 33 and conversion.by_code["NE015"] == 1
    event = _by_id(records)["gdelt-669666350"]
    assert event["provenance"]["source_record"]["dataset"] == "GDELT 1.0"


def test_a_header_with_unknown_columns_is_an_unknown_layout(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("GLOBALEVENTID,Mystery\n1,2\n", encoding="utf-8")
    assert _convert(path)[1].by_code == {"NE001": 1}


def _write_rows(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    path = tmp_path / "edited.export.CSV"
    path.write_text("".join("\t".join(r[c] for c in COLUMNS_2) + "\n" for r in rows), "utf-8")
    return path


def test_codebook_disagreements_are_reported_and_the_codebook_kept(tmp_path: Path) -> None:
    rows = sample_rows()[:3]
    rows[0]["QuadClass"] = "3"
    rows[1]["GoldsteinScale"] = "9.9"
    rows[1]["EventRootCode"] = "05"
    rows[2]["FractionDate"] = "2007.9999"
    records, conversion = _convert(_write_rows(tmp_path, rows))
    assert conversion.converted == 3
    codes = {(i.code, i.location.record, i.location.pointer) for i in conversion.issues}
    assert {("NE007", 0, "/QuadClass"), ("NE008", 1, "/GoldsteinScale")} <= codes
    assert {("NE006", 1, "/EventRootCode"), ("NE012", 2, "/FractionDate")} <= codes
    events = [r for r in records if r["record_type"] == "event"]
    assert events[0]["cameo"]["quad_class"] == 1
    assert events[1]["cameo"]["goldstein"] == 7.0


def test_bad_rows_are_skipped_with_a_coded_issue_at_their_row(tmp_path: Path) -> None:
    rows = sample_rows()[:6]
    rows[0]["EventCode"] = "13y"
    rows[1]["SQLDATE"] = "2016-07"
    rows[2]["EventCode"] = ""
    rows[3]["GLOBALEVENTID"] = rows[4]["GLOBALEVENTID"]
    rows[5]["ActionGeo_CountryCode"] = "ZZ"
    path = _write_rows(tmp_path, rows)
    with path.open("a", encoding="utf-8") as stream:
        stream.write("1\t2\t3\n")
    _records, conversion = _convert(path)
    found = {(i.code, i.location.record) for i in conversion.issues if i.code != "NE013"}
    assert found == {
        ("NE005", 0),
        ("NE003", 1),
        ("NE004", 2),
        ("NE014", 4),
        ("NE009", 5),
        ("NE002", 6),
    }
    assert conversion.read == 7 and conversion.converted == 2
    assert dict(conversion.skipped) == {
        "source-code-unknown": 1,
        "source-value-invalid": 1,
        "source-value-missing": 1,
        "source-duplicate-id": 1,
        "source-row-columns": 1,
    }


def test_only_keeps_the_chosen_event_types_and_counts_the_rest() -> None:
    records, conversion = _convert(GDELT_SAMPLE, only=["statement"])
    events = [r for r in records if r["record_type"] == "event"]
    assert {e["event_type"] for e in events} == {"statement"} and len(events) == 2
    assert dict(conversion.skipped) == {"not-selected:general": 31}


# Columns that cannot survive source -> newsevents -> GDELT, and why (docs/crosswalk.md):
LOST_IN_ROUND_TRIP = {
    *NOT_KEPT,  # no place in the schema (counted as NE013 on import)
    "Actor1Geo_Type",  # actors' places are not kept; written as 0 (none)
    "Actor2Geo_Type",
}


def test_gdelt_round_trip_keeps_every_column_the_schema_holds(
    gdelt2_raw: Path, tmp_path: Path
) -> None:
    out = tmp_path / "back.CSV"
    write_gdelt(read_gdelt(gdelt2_raw), out)
    before = [line.split("\t") for line in gdelt2_raw.read_text("utf-8").splitlines()]
    after = [line.split("\t") for line in out.read_text("utf-8").splitlines()]
    assert len(before) == len(after) == 33
    kept = [i for i, c in enumerate(COLUMNS_2) if c not in LOST_IN_ROUND_TRIP]
    for old, new in zip(before, after, strict=True):
        differences = {
            COLUMNS_2[i]: (old[i], new[i])
            for i in kept
            if old[i] != new[i] and not _same_number(old[i], new[i])
        }
        assert differences == {}


def _same_number(a: str, b: str) -> bool:
    try:
        return float(a) == float(b)
    except ValueError:
        return False


def test_a_line_that_is_not_utf8_is_coded_at_its_row(gdelt2_raw: Path) -> None:
    with gdelt2_raw.open("ab") as stream:
        stream.write(b"669666999\tCaf\xe9\n")
    _, conversion = _convert(gdelt2_raw)
    assert (conversion.read, conversion.converted) == (34, 33)
    (issue,) = [i for i in conversion.issues if i.code == "NE102"]
    assert (issue.location.record, issue.location.line) == (33, 34)
