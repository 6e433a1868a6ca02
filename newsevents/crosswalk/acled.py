"""ACLED: read CSV exports with the 2023+ columns (``event_id_cnty`` ...); write the same.

Older exports keyed by ``data_id`` are read with NE015 (their ``event_id_no_cnty`` and
``iso3`` are not kept); a header without ``event_id_cnty`` and ``data_id`` is NE001.
ACLED data may not be redistributed: the tests build their rows from the codebook.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

import orjson

from newsevents.codebooks import ACLED_EVENT_TYPES
from newsevents.codebooks.acled import acled_disorder_type
from newsevents.crosswalk import countries
from newsevents.crosswalk.common import (
    Conversion,
    NotKept,
    Record,
    Skip,
    SourceRow,
    SourceWriter,
    csv_fields,
    csv_records,
    identifier,
    open_text_lines,
    read_regular,
    refused,
    short,
    write_file,
)
from newsevents.crosswalk.event_types import for_acled
from newsevents.crosswalk.records import (
    Seen,
    event_record,
    participant_of,
    participants_of,
    provenance,
    source_document,
    source_record,
)
from newsevents.io.readers import decode_problem, hidden_problems

COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
"""ACLED's API/CSV columns in 2023+ exports (domain.md 3.1)."""

REQUIRED = ("event_date", "event_type", "sub_event_type", "actor1")
NOT_KEPT: dict[str, str] = {
    "inter1": "actor type codes have no field in the schema",
    "inter2": "actor type codes have no field in the schema",
    "interaction": "derived from inter1 and inter2, which are not kept",
    "civilian_targeting": "the schema has no field for it",
    "region": "derived from the country",
    "admin3": "locations keep two admin levels",
    "source_scale": "the schema has no field for it",
    "fatalities": "the schema has no field for it",
    "tags": "the schema has no field for it",
    "event_id_no_cnty": "an older ACLED column",
    "iso3": "an older ACLED column; iso is read",
}
_PRECISION = {"1": "day", "2": "week", "3": "month"}
_ACLED_PRECISION = {"day": "1", "week": "2", "month": "3", "year": "3"}


class AcledMapper:
    """Turns ACLED rows into records."""

    def __init__(self, conversion: Conversion, only: Iterable[str] | None = None) -> None:
        self.conversion = conversion
        self.only = frozenset(only) if only is not None else None
        # shared by the files of one conversion: each document, actor and event id once
        self.seen: Seen = conversion.shared.setdefault("seen", Seen())
        self.ids: dict[str, tuple[str, int]] = conversion.shared.setdefault("ids", {})
        self.not_kept = NotKept("the newsevents schema")

    def records(self, row: SourceRow) -> list[Record]:
        """The records of one ACLED row, [] when skipped."""
        try:
            return self._records(row)
        except Skip as skip:
            self.conversion.skipped[skip.reason] += 1
            return []

    def _records(self, row: SourceRow) -> list[Record]:
        report = self.conversion.report
        key = "event_id_cnty" if "event_id_cnty" in row.values else "data_id"
        event_id = row.get(key)
        for name in (key, *REQUIRED):
            if not row.get(name):
                raise self.conversion.missing(row, name)
        if event_id in self.ids:
            raise self.conversion.duplicate(row, key, short(event_id), self.ids[event_id])
        self.ids[event_id] = (row.file, row.row)
        date = _date(row, self.conversion)
        event_type, sub_type = row.get("event_type"), row.get("sub_event_type")
        if event_type not in ACLED_EVENT_TYPES:
            raise self.conversion.unknown_code(row, "event_type", "an ACLED event type", event_type)
        if sub_type not in ACLED_EVENT_TYPES[event_type]:
            report(
                "NE011",
                row,
                "/sub_event_type",
                found=short(sub_type),
                event_type=event_type,
                expected=", ".join(ACLED_EVENT_TYPES[event_type]),
            )
            raise Skip("source-acled-type-mismatch")
        self._check_derived(row, date, event_type)
        precision = _PRECISION.get(row.get("time_precision"), "day")
        if row.get("time_precision") not in ("", *_PRECISION):
            raise self.conversion.invalid(row, "time_precision", "1, 2 or 3")
        start = _period_start(date, precision)
        kind = for_acled(sub_type)
        if self.only is not None and kind not in self.only:
            raise Skip(f"not-selected:{kind}")
        location = self._location(row)
        stamp = _timestamp(row, date, self.conversion)
        self.not_kept.count_row(row, NOT_KEPT)
        if precision != "day" and start != date:
            self.not_kept.add(
                "event_date",
                row,
                f"a {precision}-precision date is kept as the first day of its period",
            )
        out: list[Record] = []
        document = source_document(
            "acled", title=f"ACLED event {event_id}", publisher=row.get("source") or None
        )
        if self.seen.document(document) is not None:
            out.append(document)
        actors = {}
        for name in ("actor1", "actor2"):  # one actor each; associates are ;-separated
            actors[name] = [self._actor(row.get(name), out)] if row.get(name) else []
        for name in ("assoc_actor_1", "assoc_actor_2"):
            names = _names(row.get(name))
            if names and kind != "general":
                reason = f"an {kind} has no associate role; the actors are not kept"
                self.not_kept.add(name, row, reason)
                names = []
            actors[name] = [self._actor(n, out) for n in names]
        event = event_record(
            kind,
            event_id=identifier("acled", event_id),
            document_id=document["id"],
            provenance=provenance("ACLED", event_id, row.row, Path(row.file).name, stamp, "ACLED"),
            source=actors["actor1"][0] if actors["actor1"] else None,
            target=actors["actor2"][0] if actors["actor2"] else None,
            associates=(actors["assoc_actor_1"], actors["assoc_actor_2"]),
            force=row.get("actor1") or None,
            acled={"event_type": event_type, "sub_event_type": sub_type},
            time={"date": start.isoformat(), "precision": precision},
            locations=[location] if location else [],
            notes=row.get("notes")[:20_000] or None,
        )
        out.append(event)
        self.conversion.converted += 1
        return out

    def _check_derived(self, row: SourceRow, date: dt.date, event_type: str) -> None:
        year, disorder = row.get("year"), row.get("disorder_type")
        if year and year != str(date.year):
            self.conversion.at(
                "NE012",
                row,
                "year",
                found=short(year),
                basis=f"event_date {date}",
                expected=date.year,
            )
        expected = acled_disorder_type(event_type)
        if disorder and expected and disorder != expected:
            self.conversion.at(
                "NE012",
                row,
                "disorder_type",
                found=short(disorder),
                basis=f"event_type {event_type}",
                expected=expected,
            )

    def _actor(self, name: str, out: list[Record]) -> str:
        actor_id, record = self.seen.actor("acled", None, name[:500])
        if record is not None:
            out.append(record)
        return actor_id

    def _location(self, row: SourceRow) -> Record | None:
        name = row.get("location")
        if not name:
            return None
        location: Record = {"name": name[:500], "kind": "place"}
        iso = row.get("iso").lstrip("0") or row.get("iso")
        iso3 = countries.numeric_to_iso3().get(iso)
        if iso and iso3 is None:
            self.conversion.at("NE009", row, "iso", found=short(iso), table="ISO 3166-1 numeric")
        if iso3:
            location["country_code"] = iso3
        for name_in in ("admin1", "admin2"):
            if row.get(name_in):
                location[name_in] = row.get(name_in)[:500]
        latitude, longitude = row.get("latitude"), row.get("longitude")
        try:
            lat, lon = float(latitude), float(longitude)
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError
        except ValueError:
            if latitude or longitude:
                raise self.conversion.invalid(
                    row,
                    "latitude",
                    "a latitude and longitude in range",
                    f"{latitude},{longitude}",
                ) from None
        else:
            location["latitude"], location["longitude"] = lat, lon
        precision = row.get("geo_precision")
        if precision in ("1", "2", "3"):
            location["geo_precision"] = int(precision)
        return location

    def finish(self, file: str) -> None:
        """Report the values not kept in this file (NE013)."""
        self.not_kept.flush(self.conversion, file)


def _names(text: str) -> list[str]:
    return [n.strip() for n in text.split(";") if n.strip()] if text else []


def _date(row: SourceRow, conversion: Conversion) -> dt.date:
    text = row.get("event_date")
    for pattern in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise conversion.invalid(row, "event_date", "a date YYYY-MM-DD")


def _period_start(date: dt.date, precision: str) -> dt.date:
    if precision == "week":
        return date - dt.timedelta(days=date.weekday())
    if precision == "month":
        return date.replace(day=1)
    return date


def _timestamp(row: SourceRow, date: dt.date, conversion: Conversion) -> str:
    """When ACLED coded the row (``timestamp``, Unix time); the event's day when not given."""
    text = row.get("timestamp")
    if not text:
        return f"{date.isoformat()}T00:00:00Z"
    try:
        if not (text.isascii() and text.isdigit()):
            raise ValueError(text)
        stamp = dt.datetime.fromtimestamp(int(text), dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise conversion.invalid(row, "timestamp", "a Unix time in seconds") from None
    return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")


def read_acled_rows(
    path: str | Path, conversion: Conversion, only: Iterable[str] | None = None
) -> Iterator[tuple[SourceRow, Record]]:
    """Yield (source row, record) for each record of an ACLED CSV export, or of an API
    response saved as JSON (``{"data": [...]}`` or a list of rows)."""
    path = Path(path)
    display = str(path)
    if refused(path, conversion, "ACLED", through_zip=path.suffix.lower() != ".json"):
        return
    mapper = AcledMapper(conversion, only)
    if path.suffix.lower() == ".json":
        yield from _json_rows(path, conversion, mapper)
        mapper.finish(display)
        return
    header: list[str] | None = None
    row_index = 0
    try:

        def fits(text: str) -> bool:
            values = csv_fields(text)
            return header is not None and values is not None and len(values) == len(header)

        for number, text in csv_records(open_text_lines(path, ends=True), fits):
            if text is None and header is None:
                conversion.report(
                    "NE001", None, file=display, source="ACLED", columns="?", row="(not UTF-8)"
                )
                conversion.unreadable = True
                return
            if text is None:
                conversion.read += 1
                conversion.report(
                    "NE102", SourceRow(display, row_index, number, {}), "", offset="?"
                )
                conversion.skipped["not-utf8"] += 1
                row_index += 1
                continue
            if header is None and not text.strip():
                continue
            values = csv_fields(text)
            if header is None:
                if values is None:
                    values = [text]
                header = values
                if "event_id_cnty" not in header and "data_id" not in header:
                    conversion.report(
                        "NE001",
                        None,
                        file=display,
                        source="ACLED",
                        columns=len(header),
                        row=short(text, 200),
                    )
                    conversion.unreadable = True
                    return
                if "event_id_cnty" not in header:
                    conversion.report(
                        "NE015",
                        None,
                        file=display,
                        layout="data_id export",
                        source="ACLED",
                        reason="keyed by data_id, from before API v4 (2023)",
                    )
                _repeated_columns(header, display, conversion)
                continue
            if not text.strip():
                continue
            conversion.read += 1
            row = SourceRow(display, row_index, number, {})
            row_index += 1
            if values is None:
                conversion.report(
                    "NE003",
                    row,
                    "",
                    field="(row)",
                    expected="a CSV row",
                    found="a carriage return inside a field",
                )
                conversion.skipped["source-value-invalid"] += 1
                continue
            if len(values) != len(header):
                conversion.report(
                    "NE002",
                    row,
                    "",
                    expected=len(header),
                    layout="the file's header",
                    found=len(values),
                )
                conversion.skipped["source-row-columns"] += 1
                continue
            stripped = (value.strip() for value in values)
            row = SourceRow(display, row.row, number, dict(zip(header, stripped, strict=True)))
            for record in mapper.records(row):
                conversion.records[record["record_type"]] += 1
                yield row, record
    except OSError as error:
        conversion.report("NE101", None, file=display, path=display, reason=str(error))
        conversion.unreadable = True
    mapper.finish(display)


def _repeated_columns(header: list[str], display: str, conversion: Conversion) -> None:
    """A column named twice: every row's last value would win silently, as a key repeated in
    a JSON object does, so it is the same issue (NE114) at the header."""
    for name, count in Counter(header).items():
        if count > 1:
            conversion.report(
                "NE114",
                None,
                "/" + name,
                file=display,
                key=json.dumps(name, ensure_ascii=False),
                count=count,
            )


def _json_rows(
    path: Path, conversion: Conversion, mapper: AcledMapper
) -> Iterator[tuple[SourceRow, Record]]:
    """The rows of an ACLED API response: each value as text, as the CSV export has it."""
    display = str(path)
    try:
        raw = read_regular(path).removeprefix(b"\xef\xbb\xbf")
        value = orjson.loads(raw)  # as validate parses JSON: bounded nesting, no NaN
    except orjson.JSONDecodeError as error:
        problem = decode_problem(error, raw, 0)
        conversion.report(problem.code, None, file=display, **problem.context)
        conversion.unreadable = True
        return
    except OSError as error:
        conversion.report("NE101", None, file=display, path=display, reason=str(error))
        conversion.unreadable = True
        return
    for problem in hidden_problems(raw, value):
        conversion.report(problem.code, None, problem.pointer, file=display, **problem.context)
    rows = value.get("data") if isinstance(value, dict) else value
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        conversion.report(
            "NE001",
            None,
            file=display,
            source="ACLED",
            columns="?",
            row=short(str(value)[:200], 200),
        )
        conversion.unreadable = True
        return
    for index, given in enumerate(rows):
        conversion.read += 1
        values = {k: "" if v is None else str(v).strip() for k, v in given.items()}
        row = SourceRow(display, index, 0, values)
        if "event_id_cnty" not in values and "data_id" not in values:
            conversion.report("NE004", row, "/event_id_cnty", field="event_id_cnty")
            conversion.skipped["source-value-missing"] += 1
            continue
        for record in mapper.records(row):
            conversion.records[record["record_type"]] += 1
            yield row, record


def read_acled(
    path: str | Path, *, conversion: Conversion | None = None, only: Iterable[str] | None = None
) -> Iterator[Record]:
    """Yield the records of an ACLED CSV export."""
    for _, record in read_acled_rows(path, conversion or Conversion(), only):
        yield record


class AcledWriter(SourceWriter):
    """Writes events that have an ACLED coding as ACLED CSV rows (2023+ columns)."""

    target = "ACLED"

    def __init__(self, stream: TextIO, conversion: Conversion) -> None:
        super().__init__(stream, conversion)
        self.writer = csv.writer(stream, lineterminator="\n")
        self.quoted = csv.writer(stream, lineterminator="\n", quoting=csv.QUOTE_ALL)
        self.writer.writerow(COLUMNS)

    def event(self, record: Record, place: SourceRow | None) -> None:
        """Write one event as an ACLED row, or count it as not kept when it has no coding."""
        if not isinstance(record.get("acled"), dict):
            self.not_kept.add(
                "/acled",
                place,
                "an ACLED row needs an ACLED event type, so events without one are not written",
            )
            return
        row = [self.row(record).get(c, "") for c in COLUMNS]
        # The writer quotes a line feed but not a lone carriage return, which readers take
        # for a line break: a row holding one is written with every field quoted.
        writer = self.quoted if any("\r" in value for value in row) else self.writer
        writer.writerow(row)
        self.conversion.records["acled row"] += 1

    def row(self, event: Record) -> dict[str, str]:
        """The ACLED values of ``event`` by column."""
        acled = event["acled"]
        time = event.get("time") or {}
        original = source_record(event).get("record_id")
        values = {
            "event_id_cnty": str(original) if original else str(event["id"]),
            "event_date": str(time.get("date", "")),
            "year": str(time.get("date", ""))[:4],
            "time_precision": _ACLED_PRECISION.get(str(time.get("precision")), ""),
            "disorder_type": acled_disorder_type(acled["event_type"]) or "",
            "event_type": acled["event_type"],
            "sub_event_type": acled["sub_event_type"],
            "actor1": self._name(participant_of(event, "source", "speaker")),
            "actor2": self._name(participant_of(event, "target", "addressee")),
            "assoc_actor_1": "; ".join(
                self._name(a) for a in participants_of(event, "source_associate")
            ),
            "assoc_actor_2": "; ".join(
                self._name(a) for a in participants_of(event, "target_associate")
            ),
            "notes": str(event.get("notes") or ""),
        }
        locations = event.get("locations") or []
        if locations:
            location = locations[0]
            iso3 = location.get("country_code") or ""
            values["iso"] = countries.iso3_to_numeric().get(iso3, "")
            values["country"] = countries.iso3_to_name().get(iso3, "")
            values["location"] = location.get("name", "")
            values["admin1"] = location.get("admin1") or ""
            values["admin2"] = location.get("admin2") or ""
            if location.get("latitude") is not None:
                values["latitude"] = repr(float(location["latitude"]))
                values["longitude"] = repr(float(location["longitude"]))
            if location.get("geo_precision") is not None:
                values["geo_precision"] = str(location["geo_precision"])
        document = self.documents.get(event.get("document_id", ""), {})
        values["source"] = document.get("publisher") or ""
        annotated = (event.get("provenance") or {}).get("annotated_at")
        if annotated:
            stamp = dt.datetime.fromisoformat(str(annotated).replace("Z", "+00:00"))
            values["timestamp"] = str(int(stamp.timestamp()))
        return values

    def _name(self, actor_id: str | None) -> str:
        if actor_id is None:
            return ""
        return str(self.actors.get(actor_id, {}).get("name", ""))


def write_acled(
    records: Iterable[Record], path: str | Path, *, conversion: Conversion | None = None
) -> Conversion:
    """Write the events of ``records`` that have an ACLED coding as an ACLED CSV file."""
    return write_file(AcledWriter, records, path, conversion)
