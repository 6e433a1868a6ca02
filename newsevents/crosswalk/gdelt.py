"""GDELT events: read GDELT 2.0 (61 columns), 1.0 (57/58) and header CSVs; write 2.0 rows.

The layout is detected from the first line, never guessed: a header names the columns (such
as gdeltPyR's 62-column export with ``CAMEOCodeDescription``); without a header the number of
TAB-separated fields decides (61: GDELT 2.0; 58 and 57: GDELT 1.0 with and without
SOURCEURL).  Anything else is NE001 naming the column count and the first row.  Each row
becomes an event (its type from ``crosswalk/data/event_types.json``), the article it was read
in (a document known by its URL) and its actors; every disagreement with our codebooks and
every value with no place in the schema is an issue at the row.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from newsevents.codebooks import cameo_code
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
    open_text_lines,
    refused,
    short,
    write_file,
)
from newsevents.crosswalk.event_types import for_cameo
from newsevents.crosswalk.records import (
    CAMEO_ACTOR_CODE,
    Seen,
    actor_country,
    actor_roles,
    cameo_coding,
    event_record,
    participant_of,
    provenance,
    source_document,
    source_record,
)

_ACTOR = [
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
COLUMNS_2: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED",
    "SOURCEURL",
)
"""The 61 columns of a GDELT 2.0 event row, in order (GDELT Event Codebook V2.0)."""

COLUMNS_1: tuple[str, ...] = tuple(c for c in COLUMNS_2 if not c.endswith("Geo_ADM2Code"))
"""GDELT 1.0: 58 columns, no ``*Geo_ADM2Code``, DATEADDED as YYYYMMDD."""

DESCRIPTION = "CAMEOCodeDescription"
"""gdeltPyR's extra column after EventCode (derivable from the code, so not kept)."""

NOT_KEPT: dict[str, str] = {
    **{
        f"Actor{n}{c}": "the actor record keeps the CAMEO actor code, not its decomposition"
        for n in (1, 2)
        for c in ("KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code")
    },
    "IsRootEvent": "the schema has no field for it",
    "NumMentions": "the schema has no field for it (use GDELT's mentions table)",
    "NumSources": "the schema has no field for it",
    "NumArticles": "the schema has no field for it",
    "AvgTone": "the schema has no field for it",
    **{
        f"Actor{n}Geo_{c}": "an actor's place has no field in the schema (only the event's)"
        for n in (1, 2)
        for c in _GEO
        if c != "Type"
    },
    "ActionGeo_FeatureID": "locations carry no gazetteer feature id",
    DESCRIPTION: "the name is the codebook's, derived from EventCode",
}
"""Columns with no place in the schema, and why; their non-empty values are counted (NE013)."""

WRITTEN = frozenset(
    {
        "record_type",
        "event_type",
        "schema_version",
        "id",
        "document_id",
        "cameo",
        "participants",
        "time",
        "locations",
        "provenance",
        "factuality",
        "force",
        "status",
        "speech",
        "summary",
    }
)
"""Event fields a GDELT row holds, or derives again when read back; the others are counted
as not kept (NE013), and so are the derived ones when they say more than what is derived."""

_GEO_KIND = {"1": "country", "2": "admin_area", "3": "place", "4": "place", "5": "admin_area"}


@dataclass(frozen=True)
class Layout:
    """A GDELT file layout: its name, columns, delimiter and whether a header line comes first."""

    name: str
    columns: tuple[str, ...]
    delimiter: str = "\t"
    header: bool = False

    @property
    def dataset(self) -> str:
        """The dataset a row of this layout belongs to."""
        return "GDELT 1.0" if self.name.startswith("GDELT 1.0") else "GDELT 2.0"


LAYOUTS: dict[int, Layout] = {
    61: Layout("GDELT 2.0 events (61 columns)", COLUMNS_2),
    58: Layout("GDELT 1.0 events (58 columns)", COLUMNS_1),
    57: Layout("GDELT 1.0 events (57 columns, no SOURCEURL)", COLUMNS_1[:-1]),
}


def detect_layout(first_line: str) -> Layout | None:
    """The layout that ``first_line`` (BOM removed) shows, or None when it is none we read."""
    if first_line.upper().startswith("GLOBALEVENTID"):
        delimiter = "\t" if "\t" in first_line else ","
        names = tuple(first_line.split("\t") if delimiter == "\t" else csv_fields(first_line) or ())
        known = set(COLUMNS_2) | {DESCRIPTION}
        required = set(COLUMNS_1[:-1])
        if required <= set(names) and set(names) <= known and len(set(names)) == len(names):
            version = "2.0" if "ActionGeo_ADM2Code" in names else "1.0"
            name = f"GDELT {version} header CSV ({len(names)} columns)"
            return Layout(name, names, delimiter, True)
        return None
    return LAYOUTS.get(len(first_line.split("\t")))


def _split(line: str, delimiter: str) -> list[str]:
    if delimiter == "\t":
        return line.split("\t")
    fields = csv_fields(line)
    if fields is None:
        raise csv.Error("a carriage return inside a field")
    return fields


def rows(path: Path, conversion: Conversion) -> Iterator[tuple[Layout, SourceRow]]:
    """Yield each data row of a GDELT file with its layout; problems go to ``conversion``."""
    display = str(path)
    layout: Layout | None = None
    row = 0

    def fits(text: str) -> bool:
        return layout is not None and len(csv_fields(text) or ()) == len(layout.columns)

    def quoting() -> bool:
        return layout is not None and layout.delimiter != "\t"

    for number, text in csv_records(open_text_lines(path, ends=True), fits, quoting):
        if text is None:
            if layout is None:
                conversion.report(
                    "NE001", None, file=display, source="GDELT", columns="?", row="(not UTF-8)"
                )
                conversion.unreadable = True
                return
            conversion.read += 1
            place = SourceRow(display, row, number, {})
            conversion.report("NE102", place, "", offset="?")
            conversion.skipped["not-utf8"] += 1
            row += 1
            continue
        if layout is None and not text.strip():
            continue  # blank lines before the first row, as ACLED skips them
        if layout is None:
            layout = detect_layout(text)
            if layout is None:
                columns = len(text.split("\t") if "\t" in text else csv_fields(text) or [text])
                conversion.report(
                    "NE001",
                    None,
                    file=display,
                    source="GDELT",
                    columns=columns,
                    row=short(text, 200),
                )
                conversion.unreadable = True
                return
            if layout.name.startswith("GDELT 1.0"):
                conversion.report(
                    "NE015",
                    None,
                    file=display,
                    layout=layout.name,
                    source="GDELT",
                    reason="DATEADDED is a day, and places have no ADM2 code",
                )
            if layout.header:
                continue
        if not text.strip():
            continue
        conversion.read += 1
        place = SourceRow(display, row, number, {})
        row += 1
        try:
            values = _split(text, layout.delimiter)
        except csv.Error as error:
            conversion.report(
                "NE003", place, "", field="(row)", expected="a CSV row", found=str(error)
            )
            conversion.skipped["source-value-invalid"] += 1
            continue
        if len(values) != len(layout.columns):
            conversion.report(
                "NE002",
                place,
                "",
                expected=len(layout.columns),
                layout=layout.name,
                found=len(values),
            )
            conversion.skipped["source-row-columns"] += 1
            continue
        if layout.delimiter != "\t":  # a CSV export may pad; GDELT's own rows never do,
            values = [value.strip() for value in values]  # so they are kept as they are
        values_by_name = dict(zip(layout.columns, values, strict=True))
        yield layout, SourceRow(display, place.row, number, values_by_name)


class GdeltMapper:
    """Turns GDELT rows into records, remembering ids, documents and actors across the file."""

    def __init__(self, conversion: Conversion, only: Iterable[str] | None = None) -> None:
        self.conversion = conversion
        self.only = frozenset(only) if only is not None else None
        # shared by the files of one conversion: each document, actor and event id once
        self.seen: Seen = conversion.shared.setdefault("seen", Seen())
        self.ids: dict[int | str, tuple[str, int]] = conversion.shared.setdefault("ids", {})
        self.not_kept = NotKept("the newsevents schema")
        self._names: dict[str, str] = {}

    def records(self, layout: Layout, row: SourceRow) -> list[Record]:
        """The records of ``row`` (document and actors first when new), [] when skipped."""
        try:
            return self._records(layout, row)
        except Skip as skip:
            self.conversion.skipped[skip.reason] += 1
            return []

    def _records(self, layout: Layout, row: SourceRow) -> list[Record]:
        event_id = row.get("GLOBALEVENTID")
        if not (event_id.isascii() and event_id.isdigit()):
            raise self.conversion.invalid(row, "GLOBALEVENTID", "a number", event_id)
        # ints keep memory small; past 19 digits (no real id) the text, which int() may refuse
        digits = event_id.lstrip("0") or "0"
        number: int | str = int(digits) if len(digits) <= 19 else digits
        if number in self.ids:
            raise self.conversion.duplicate(row, "GLOBALEVENTID", event_id, self.ids[number])
        self.ids[number] = (row.file, row.row)
        date = _date(row, "SQLDATE", self.conversion)
        self._check_dates(row, date)
        code, goldstein = self._coding(row)
        event_type = for_cameo(code)
        if event_type == "statement" and not (row.get("Actor1Code") or row.get("Actor1Name")):
            event_type = "general"  # a statement needs its speaker, GDELT's Actor1
        added = _added(row, layout, self.conversion)
        if self.only is not None and event_type not in self.only:
            raise Skip(f"not-selected:{event_type}")
        self._count_not_kept(row)
        out: list[Record] = []
        document = self._document(row, layout)
        new_document = self.seen.document(document)
        if new_document is not None:
            out.append(new_document)
        actors = [self._actor(row, n, out) for n in (1, 2)]
        entry = cameo_code(code)
        assert entry is not None
        location = self._location(row)
        event = event_record(
            event_type,
            event_id=f"gdelt-{event_id}",
            document_id=document["id"],
            provenance=provenance(
                layout.dataset, event_id, row.row, self._file_name(row), added, layout.dataset
            ),
            source=actors[0],
            target=actors[1],
            force=row.get("Actor1Name") or None,
            summary=f"{row.get('Actor1Name') or 'An actor'}: {entry.name} (CAMEO {code})",
            cameo=cameo_coding(code, goldstein),
            time={"date": date.isoformat(), "precision": "day"},
            locations=[location] if location else [],
        )
        out.append(event)
        self.conversion.converted += 1
        return out

    def _file_name(self, row: SourceRow) -> str:
        if row.file not in self._names:
            self._names[row.file] = Path(row.file).name
        return self._names[row.file]

    def _check_dates(self, row: SourceRow, date: dt.date) -> None:
        fraction = round(date.year + ((date.month - 1) * 30 + date.day) / 365, 4)
        expected = {
            "MonthYear": f"{date.year}{date.month:02d}",
            "Year": str(date.year),
            "FractionDate": f"{fraction:.4f}",
        }
        for name, value in expected.items():
            found = row.get(name)
            same = found == value
            if name == "FractionDate":
                try:
                    same = abs(float(found) - fraction) < 0.00015
                except ValueError:
                    same = False
            if not same:
                self.conversion.at(
                    "NE012",
                    row,
                    name,
                    found=short(found),
                    basis=f"SQLDATE {row.get('SQLDATE')}",
                    expected=value,
                )

    def _coding(self, row: SourceRow) -> tuple[str, float]:
        report = self.conversion.report
        code = row.get("EventCode")
        if not code:
            raise self.conversion.missing(row, "EventCode")
        entry = cameo_code(code)
        if entry is None:
            raise self.conversion.unknown_code(row, "EventCode", "a CAMEO 1.1b3 event code", code)
        for name, expected in (("EventBaseCode", code[:3]), ("EventRootCode", entry.root)):
            found = row.get(name)
            if found != expected:
                self.conversion.at(
                    "NE006", row, name, found=short(found), code=code, expected=expected
                )
        quad = row.get("QuadClass")
        if quad != str(entry.quad_gdelt):
            report(
                "NE007", row, "/QuadClass", found=short(quad), code=code, expected=entry.quad_gdelt
            )
        text = row.get("GoldsteinScale")
        try:
            given: float | None = float(text)
        except ValueError:
            given = None
        if given is not None and not -10 <= given <= 10:
            given = None
        expected_goldstein = entry.goldstein_gdelt
        if expected_goldstein is None:
            if given is None:
                raise self.conversion.invalid(
                    row, "GoldsteinScale", "a number from -10 to 10", text
                )
            return code, given
        if given is None or abs(given - expected_goldstein) > 1e-9:
            report(
                "NE008",
                row,
                "/GoldsteinScale",
                found=short(text),
                code=code,
                expected=expected_goldstein,
            )
        return code, expected_goldstein

    def _count_not_kept(self, row: SourceRow) -> None:
        self.not_kept.count_row(row, NOT_KEPT)

    def _document(self, row: SourceRow, layout: Layout) -> Record:
        url = row.get("SOURCEURL")
        if url.startswith(("http://", "https://")) and " " not in url and len(url) <= 2000:
            return source_document("gdelt", url=url)
        if url:
            return source_document("gdelt", title=url)
        title = f"{layout.dataset} event {row.get('GLOBALEVENTID')} (no SOURCEURL)"
        return source_document("gdelt", title=title)

    def _actor(self, row: SourceRow, number: int, out: list[Record]) -> str | None:
        field = f"Actor{number}Code"
        code, name = row.get(field), row.get(f"Actor{number}Name")
        if code and not CAMEO_ACTOR_CODE.match(code):
            self.conversion.report("NE010", row, "/" + field, field=field, found=short(code))
            code = ""
        if not code and not name:
            return None
        actor_id, record = self.seen.actor("gdelt", code or None, name or code)
        if record is not None:
            out.append(record)
        return actor_id

    def _location(self, row: SourceRow) -> Record | None:
        geo_type = row.get("ActionGeo_Type")
        name = row.get("ActionGeo_FullName")
        if geo_type in ("", "0") or not name:
            return None
        location: Record = {"name": name[:500], "kind": _GEO_KIND.get(geo_type, "place")}
        fips = row.get("ActionGeo_CountryCode")
        iso3 = countries.fips_to_iso3().get(fips)
        if fips and iso3 is None:
            self.conversion.at(
                "NE009", row, "ActionGeo_CountryCode", found=short(fips), table="FIPS 10-4"
            )
            if location["kind"] == "country":
                location["kind"] = "region"
        if iso3:
            location["country_code"] = iso3
        for name_in, name_out in (
            ("ActionGeo_ADM1Code", "admin1"),
            ("ActionGeo_ADM2Code", "admin2"),
        ):
            if row.get(name_in):
                location[name_out] = row.get(name_in)[:500]
        latitude, longitude = row.get("ActionGeo_Lat"), row.get("ActionGeo_Long")
        try:
            lat, lon = float(latitude), float(longitude)
        except ValueError:
            if latitude or longitude:
                raise self.conversion.invalid(
                    row,
                    "ActionGeo_Lat",
                    "a latitude and longitude",
                    f"{latitude},{longitude}",
                ) from None
            return location
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise self.conversion.invalid(
                row,
                "ActionGeo_Lat",
                "a latitude and longitude in range",
                f"{latitude},{longitude}",
            )
        location["latitude"], location["longitude"] = lat, lon
        return location

    def finish(self, file: str) -> None:
        """Report the values not kept in this file (NE013, once per column)."""
        self.not_kept.flush(self.conversion, file)


def _date(row: SourceRow, name: str, conversion: Conversion) -> dt.date:
    text = row.get(name)
    try:
        if len(text) != 8 or not (text.isascii() and text.isdigit()):
            raise ValueError(text)
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise conversion.invalid(row, name, "a date YYYYMMDD") from None


def _added(row: SourceRow, layout: Layout, conversion: Conversion) -> str:
    text = row.get("DATEADDED")
    size = 8 if layout.dataset == "GDELT 1.0" else 14
    try:
        if len(text) != size or not (text.isascii() and text.isdigit()):
            raise ValueError(text)
        digits = text.ljust(14, "0")
        stamp = dt.datetime(
            int(digits[:4]),
            int(digits[4:6]),
            int(digits[6:8]),
            int(digits[8:10]),
            int(digits[10:12]),
            int(digits[12:]),
        )
    except ValueError:
        expected = "a day YYYYMMDD" if size == 8 else "a UTC time YYYYMMDDHHMMSS"
        raise conversion.invalid(row, "DATEADDED", expected) from None
    return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")


def read_gdelt(
    path: str | Path,
    *,
    conversion: Conversion | None = None,
    only: Iterable[str] | None = None,
) -> Iterator[Record]:
    """Yield the records of a GDELT events file (``.CSV``, ``.CSV.zip`` or a header CSV).

    Issues and counts go to ``conversion`` when given; ``only`` keeps the rows of these
    event types (the others are skipped and counted).
    """
    for _, record in read_gdelt_rows(path, conversion or Conversion(), only):
        yield record


def read_gdelt_rows(
    path: str | Path, conversion: Conversion, only: Iterable[str] | None = None
) -> Iterator[tuple[SourceRow, Record]]:
    """Yield (source row, record) for each record of a GDELT file."""
    path = Path(path)
    if refused(path, conversion, "GDELT", through_zip=True):
        return
    mapper = GdeltMapper(conversion, only)
    try:
        for layout, row in rows(path, conversion):
            for record in mapper.records(layout, row):
                conversion.records[record["record_type"]] += 1
                yield row, record
    except OSError as error:
        conversion.report("NE101", None, file=str(path), path=str(path), reason=str(error))
        conversion.unreadable = True
    mapper.finish(str(path))


# -- writing ---------------------------------------------------------------------------------


class GdeltWriter(SourceWriter):
    """Writes events as GDELT 2.0 rows (61 TAB-separated columns, no header)."""

    target = "GDELT 2.0"

    def __init__(self, stream: TextIO, conversion: Conversion) -> None:
        super().__init__(stream, conversion)
        self.next_id = 1

    def event(self, event: Record, place: SourceRow | None) -> None:
        """Write one event as a GDELT row, or count it as not kept when it lacks a code or date."""
        if not isinstance(event.get("cameo"), dict):
            reason = "a GDELT row needs a CAMEO event code: events without one are not written"
            self.not_kept.add("/cameo", place, reason)
            return
        if not (event.get("time") or {}).get("date"):
            reason = "a GDELT row needs a date (SQLDATE): events without one are not written"
            self.not_kept.add("/time", place, reason)
            return
        self.not_kept.count_record(event, WRITTEN, place)
        for name, reason in _more_than_derived(event):
            self.not_kept.add(name, place, reason)
        extra = [
            p
            for p in event.get("participants", ())
            if p.get("role") not in ("source", "speaker", "target", "addressee")
        ]
        if extra or len(event.get("participants", ())) - len(extra) > 2:
            self.not_kept.add("/participants", place, "a GDELT row holds Actor1 and Actor2 only")
        values = self.row(event)
        for column, value in zip(COLUMNS_2, values, strict=True):
            if any(separator in value for separator in _SEPARATORS):
                reason = "TABs and line breaks end GDELT's fields and rows: written as spaces"
                self.not_kept.add(column, place, reason)
        self.stream.write("\t".join(_clean(value) for value in values) + "\n")
        self.conversion.records["gdelt row"] += 1

    def row(self, event: Record) -> list[str]:
        """The 61 values of ``event``'s GDELT 2.0 row (TABs and line breaks not yet spaces)."""
        values = dict.fromkeys(COLUMNS_2, "")
        original = source_record(event).get("record_id")
        if isinstance(original, str) and original.isascii() and original.isdigit():
            values["GLOBALEVENTID"] = original
        else:
            values["GLOBALEVENTID"] = str(self.next_id)
            self.next_id += 1
        time = event.get("time") or {}
        if time.get("date"):
            date = dt.date.fromisoformat(time["date"])
            values["SQLDATE"] = f"{date.year:04d}{date.month:02d}{date.day:02d}"
            values["MonthYear"] = f"{date.year:04d}{date.month:02d}"
            values["Year"] = str(date.year)
            fraction = date.year + ((date.month - 1) * 30 + date.day) / 365
            values["FractionDate"] = f"{fraction:.4f}"
        for number, roles in ((1, ("source", "speaker")), (2, ("target", "addressee"))):
            actor = self.actors.get(participant_of(event, *roles) or "")
            if actor is not None:
                values.update(_actor_columns(number, actor))
        cameo = event["cameo"]
        code = str(cameo["code"])
        values["EventCode"] = code
        values["EventBaseCode"] = code[:3]
        values["EventRootCode"] = str(cameo["root"])
        values["QuadClass"] = str(cameo["quad_class"])
        values["GoldsteinScale"] = repr(float(cameo["goldstein"]))
        for name in ("Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type"):
            values[name] = "0"
        locations = event.get("locations") or []
        if locations:
            values.update(_geo_columns(locations[0]))
        annotated = (event.get("provenance") or {}).get("annotated_at", "")
        if annotated:
            stamp = dt.datetime.fromisoformat(annotated.replace("Z", "+00:00"))
            stamp = stamp.astimezone(dt.UTC) if stamp.tzinfo else stamp
            values["DATEADDED"] = f"{stamp.year:04d}" + stamp.strftime("%m%d%H%M%S")
        document = self.documents.get(event.get("document_id", ""), {})
        values["SOURCEURL"] = document.get("url") or document.get("title") or ""
        return [values[c] for c in COLUMNS_2]


_DERIVED_FACTUALITY = {"polarity": "positive", "modality": "asserted", "tense": "unspecified"}


def _more_than_derived(event: Record) -> Iterator[tuple[str, str]]:
    """The derived fields of ``event`` that say more than a GDELT row gives back."""
    factuality = {k: v for k, v in (event.get("factuality") or {}).items()}
    if factuality.get("certainty") == "certain":
        del factuality["certainty"]
    if factuality.get("genericity") == "specific":
        del factuality["genericity"]
    if factuality != _DERIVED_FACTUALITY:
        yield "/factuality", "GDELT has no polarity, modality or tense: read back as asserted"
    if set(event.get("force") or {}) - {"description", "actor_id"}:
        yield "/force", "a GDELT row names Actor1, not a force's size, units or base"
    if event.get("status") not in (None, "unknown"):
        yield "/status", "GDELT has no deployment status: read back as unknown"
    dataset = str(source_record(event).get("dataset", ""))
    if event.get("summary") and not dataset.startswith("GDELT"):
        yield "/summary", "a statement's summary is derived from Actor1 and the code"


def _actor_columns(number: int, actor: Record) -> dict[str, str]:
    code = actor.get("cameo_code") or ""
    prefix = f"Actor{number}"
    found = {f"{prefix}Code": code, f"{prefix}Name": actor.get("name", "")}
    country = actor.get("country") or (actor_country(code) if code else None)
    found[f"{prefix}CountryCode"] = country or ""
    for index, role in enumerate(actor_roles(code)[:3], 1):
        found[f"{prefix}Type{index}Code"] = role
    return found


def _geo_columns(location: Record) -> dict[str, str]:
    iso3 = location.get("country_code")
    kind = location.get("kind")
    in_us = iso3 == "USA"
    geo_type = {
        "country": "1",
        "admin_area": "2" if in_us else "5",
        "place": "3" if in_us else "4",
    }.get(str(kind), "4")
    found = {
        "ActionGeo_Type": geo_type,
        "ActionGeo_FullName": location.get("name", ""),
        "ActionGeo_CountryCode": countries.iso3_to_fips().get(iso3 or "", ""),
        "ActionGeo_ADM1Code": location.get("admin1") or "",
        "ActionGeo_ADM2Code": location.get("admin2") or "",
    }
    if location.get("latitude") is not None:
        found["ActionGeo_Lat"] = repr(float(location["latitude"]))
        found["ActionGeo_Long"] = repr(float(location["longitude"]))
    return found


_SEPARATORS = ("\t", "\n", "\r")


def _clean(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def write_gdelt(
    records: Iterable[Record], path: str | Path, *, conversion: Conversion | None = None
) -> Conversion:
    """Write the events of ``records`` as a GDELT 2.0 events file (TAB-separated, no header)."""
    return write_file(GdeltWriter, records, path, conversion)
