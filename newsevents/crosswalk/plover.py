"""PLOVER and POLECAT: read PLOVER JSON (v0.8 records, the v0.5b1 gold-standard file) and
POLECAT/NGEC output, as JSON or JSON Lines; write PLOVER v0.8 JSON Lines.

The layout is told by the keys of the first record: ``event`` (PLOVER), ``event_type``
(POLECAT/NGEC); v0.5b1's camelCase keys (``eventText``, ``dateCoded``, ``target``) are read
with NE015.  The gold-standard file is not strict JSON (trailing commas, objects one after
another): it is read after removing commas before a closing bracket outside strings.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from newsevents.codebooks import PLOVER_TYPES, plover_modes
from newsevents.crosswalk.common import (
    Conversion,
    NotKept,
    Record,
    Skip,
    SourceRow,
    SourceWriter,
    identifier,
    open_text_lines,
    read_regular,
    refused,
    short,
    write_file,
)
from newsevents.crosswalk.event_types import for_plover
from newsevents.crosswalk.records import (
    CAMEO_ACTOR_CODE,
    Seen,
    event_record,
    participants_of,
    provenance,
    source_document,
    source_record,
)
from newsevents.io.readers import ReadProblem, decode_problem, hidden_problems

_TRAILING_COMMA = re.compile(r'("(?:[^"\\]|\\.)*+(?:"|\Z))|,(\s*+[}\]])', re.DOTALL)
"""A string (kept as it is; one left open runs to the end, so the scan stays linear) or a
comma before a closing bracket (dropped)."""
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
SPECIAL_CONTEXTS = ("future", "hypothetical", "negation", "historical")

NOT_KEPT: dict[str, str] = {
    "event_text": "events carry no spans without offsets into a text",
    "eventText": "events carry no spans without offsets into a text",
    "textInfo": "the inline markup has no offsets; events carry no spans",
    "text_info": "events carry no spans",
    "quad_code": "derived from the event type",
    "event_scale": "the schema has no field for it",
    "link": "the schema links events by id only",
    "version": "the schema has no field for the coding's version",
    "event_loc": "the event's place is not read from PLOVER location objects",
    "enddate": "the schema's events have one date",
    "has_event": "records without an event are not converted",
    "attributes": "POLECAT spans have no place without the text",
}


_NOT_UTF8 = object()
"""Stands for a JSON Lines line that is not UTF-8 (reported as NE102 at its line)."""


def _records_of(path: Path) -> Iterator[tuple[int, int, Any, list[ReadProblem]]]:
    """Yield (0-based record index, 1-based line, value, problems the parser hides) of a
    JSON, JSON Lines or GSR file.

    JSON Lines is read line by line (memory stays flat); a JSON document, or the gold-standard
    file's objects one after another, is parsed whole.  Both are parsed as ``validate`` parses
    JSON (orjson: nesting, number range), and a key repeated in one object (NE114) or a digit
    run too long to convert (NE116) is found as it finds them.
    """
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        index = 0
        for number, line in open_text_lines(path):
            if line is not None and not line.strip():
                continue
            if line is None:
                yield index, number, _NOT_UTF8, []
            else:
                yield index, number, *_loads(line)
            index += 1
        return
    text = read_regular(path).decode("utf-8").lstrip("\ufeff")
    stripped = text.strip()
    if not stripped.startswith("["):
        stripped = "[" + stripped.rstrip().rstrip(",") + "]"
    cleaned = _TRAILING_COMMA.sub(lambda m: m.group(1) or m.group(2), stripped).encode("utf-8")
    values = orjson.loads(cleaned)
    hidden = _hidden_by_record(cleaned, values)
    starts = [m.start() for m in re.finditer(r"^\{|(?<=\[)\{|(?<=},)\s*\{", text, re.M)]
    line_number, position = 1, 0
    for index, value in enumerate(values):
        if index < len(starts):
            line_number += text.count("\n", position, starts[index])
            position = starts[index]
        yield index, line_number if index < len(starts) else 0, value, hidden.get(index, [])


def _loads(line: str) -> tuple[Any, list[ReadProblem]]:
    raw = line.encode("utf-8", "surrogatepass")
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        return error, []
    return value, hidden_problems(raw, value)


def _hidden_by_record(raw: bytes, values: Any) -> dict[int, list[ReadProblem]]:
    """The problems of a whole document's records, by record index, pointers inside it."""
    found: dict[int, list[ReadProblem]] = {}
    if not isinstance(values, list):
        return found
    for problem in hidden_problems(raw, values):
        parts = problem.pointer.split("/")
        if len(parts) > 1 and parts[1].isdigit():
            pointer = "".join("/" + part for part in parts[2:])
            found.setdefault(int(parts[1]), []).append(
                ReadProblem(problem.code, problem.context, pointer)
            )
    return found


class PloverMapper:
    """Turns PLOVER and POLECAT records into newsevents records."""

    def __init__(self, conversion: Conversion, only: Iterable[str] | None = None) -> None:
        self.conversion = conversion
        self.only = frozenset(only) if only is not None else None
        # shared by the files of one conversion: each document, actor and event id once
        self.seen: Seen = conversion.shared.setdefault("seen", Seen())
        self.ids: dict[str, tuple[str, int]] = conversion.shared.setdefault("ids", {})
        self.not_kept = NotKept("the newsevents schema")
        self.legacy_reported = False

    def records(self, row: SourceRow) -> list[Record]:
        """The records of one PLOVER or POLECAT record, [] when skipped."""
        try:
            return self._records(row)
        except Skip as skip:
            self.conversion.skipped[skip.reason] += 1
            return []

    def _records(self, row: SourceRow) -> list[Record]:
        values, report = row.values, self.conversion.report
        polecat = "event_type" in values
        legacy = "eventText" in values or "dateCoded" in values or "target" in values
        if legacy and not self.legacy_reported:
            report(
                "NE015",
                row,
                "",
                layout="PLOVER v0.5b1",
                source="PLOVER",
                reason="camelCase keys (eventText, dateCoded, textInfo) and target for recipient",
            )
            self.legacy_reported = True
        record_id = str(values.get("id") or "").strip()
        if not record_id:
            raise self.conversion.missing(row, "id")
        if record_id in self.ids:
            raise self.conversion.duplicate(row, "id", short(record_id), self.ids[record_id])
        self.ids[record_id] = (row.file, row.row)
        date = str(values.get("date") or values.get("pub_date") or "")[:10]
        if not _is_date(date):
            raise self.conversion.invalid(row, "date", "a date YYYY-MM-DD", date)
        plover_type, modes = self._type_and_modes(row, polecat)
        contexts_given = _as_list(values.get("contexts" if polecat else "context"))
        contexts = [c for c in contexts_given if c not in SPECIAL_CONTEXTS]
        special = [c for c in contexts_given if c in SPECIAL_CONTEXTS]
        event_type = for_plover(plover_type, modes)
        if self.only is not None and event_type not in self.only:
            raise Skip(f"not-selected:{event_type}")
        for name, reason in NOT_KEPT.items():
            if values.get(name) not in (None, "", [], {}):
                self.not_kept.add(name, row, reason)
        out: list[Record] = []
        text = values.get("text") if isinstance(values.get("text"), str) else None
        publisher = str(values.get("publisher") or values.get("publication") or "") or None
        title = str(values.get("headline") or "") or None
        if text is None and title is None:
            title = f"PLOVER record {record_id}"
        language = str(values.get("language") or "en")
        document = source_document(
            "plover", text=text or None, title=title, publisher=publisher, language=language
        )
        if self.seen.document(document) is not None:
            out.append(document)
        # An alert or a deployment has one source and one target; a general event has lists.
        limit = None if event_type == "general" else 1
        source_key = "ACTOR" if polecat else "source"
        recipient_key = "RECIP" if polecat else "recipient" if "recipient" in values else "target"
        sources = self._actors(row, source_key, out, limit)
        recipients = self._actors(row, recipient_key, out, limit)
        coded_field = "coded_date" if values.get("coded_date") else "dateCoded"
        coded = str(values.get(coded_field) or date)[:10]
        if not _is_date(coded):
            raise self.conversion.invalid(row, coded_field, "a date YYYY-MM-DD", coded)
        coder = str(values.get("coder") or ("POLECAT" if polecat else "PLOVER"))
        dataset = "POLECAT" if polecat else "PLOVER"
        plover: Record = {"type": plover_type, "modes": modes, "contexts": contexts}
        event = event_record(
            event_type,
            event_id=identifier(record_id),
            document_id=document["id"],
            provenance=provenance(
                dataset, record_id, row.row, Path(row.file).name, f"{coded}T00:00:00Z", coder[:500]
            ),
            source=sources[0] if sources else None,
            target=recipients[0] if recipients else None,
            associates=(sources[1:], recipients[1:]),
            force=None,
            factuality=_factuality(special),
            plover={k: v for k, v in plover.items() if v},
            time={"date": date, "precision": "day"},
            notes=str(values.get("comment") or "")[:20_000] or None,
        )
        if event_type == "general":
            event["participants"] = [
                {**p, "role": "source"} if p["role"] == "source_associate" else p
                for p in event["participants"]
            ]
            event["participants"] = [
                {**p, "role": "target"} if p["role"] == "target_associate" else p
                for p in event["participants"]
            ]
        out.append(event)
        self.conversion.converted += 1
        return out

    def _type_and_modes(self, row: SourceRow, polecat: bool) -> tuple[str, list[str]]:
        values = row.values
        given = _as_list(values.get("event_type" if polecat else "event"))
        field = "event_type" if polecat else "event"
        if not given:
            raise self.conversion.missing(row, field)
        plover_type = given[0].upper()
        if plover_type not in PLOVER_TYPES:
            raise self.conversion.unknown_code(row, field, "a PLOVER 0.8 event type", given[0])
        if len(given) > 1:
            self.not_kept.add(
                field,
                row,
                "a record becomes one event; further types are "
                "not kept (PLOVER splits such records)",
            )
        modes: list[str] = []
        mode_field = "event_mode" if polecat else "mode"
        for mode in _as_list(values.get(mode_field)):
            name = mode.split("-", 1)[1] if mode.upper().startswith(plover_type + "-") else mode
            if name in plover_modes(plover_type):
                modes.append(name)
            else:
                self.not_kept.add(mode_field, row, f"not a mode of {plover_type} in PLOVER 0.8")
        return plover_type, modes

    def _actors(
        self, row: SourceRow, key: str, out: list[Record], limit: int | None = None
    ) -> list[str]:
        """The actor ids of the list ``key`` (new actor records go to ``out``); past ``limit``
        actors, the rest are counted as not kept."""
        given = row.values.get(key)
        if key in ("ACTOR", "RECIP"):
            attributes = row.values.get("attributes")
            given = attributes.get(key) if isinstance(attributes, dict) else None
        found: list[str] = []
        for index, actor in enumerate(given if isinstance(given, list) else []):
            if not isinstance(actor, dict):
                continue
            if limit is not None and len(found) >= limit:
                reason = (
                    "an alert or deployment has one source and one target; the rest are not kept"
                )
                self.not_kept.add(key, row, reason)
                break
            name = _first(actor, _ACTOR_NAME_KEYS)
            code = _first(actor, ("code", "country_code", "country")).upper()
            sector = _first(actor, ("sector", "sector_code", "code_1")).upper()
            wikidata = _first(actor, ("identifier_id", "wikidata_id"))
            if code in ("---", "") or not CAMEO_ACTOR_CODE.match(code):
                if code not in ("---", ""):
                    self.conversion.report(
                        "NE010",
                        row,
                        f"/{key}/{index}/code",
                        field=f"{key}[{index}].code",
                        found=short(code),
                    )
                code = ""
            if sector and CAMEO_ACTOR_CODE.match(sector) and code:
                code = (code + sector)[:15]
            if not name and not code:
                continue
            actor_id, record = self.seen.actor("plover", code or None, (name or code)[:500])
            if record is not None:
                if _WIKIDATA.match(wikidata):
                    record["wikidata_id"] = wikidata
                out.append(record)
            found.append(actor_id)
        return found

    def finish(self, file: str) -> None:
        """Report the values not kept in this file (NE013)."""
        self.not_kept.flush(self.conversion, file)


_ACTOR_NAME_KEYS = ("actor_text", "actorText", "raw_text", "text", "identifier_text", "entity_name")
"""Where an actor object gives its name: v0.8's table (actor_text), v0.5b1 (actorText), the
v0.8 manual's example block (raw_text, entity_name) and NGEC's attributes (text)."""
_WIKIDATA = re.compile(r"^Q[1-9][0-9]{0,11}$")


def _first(actor: dict[str, Any], keys: tuple[str, ...]) -> str:
    """The first non-empty of ``keys`` in an actor object, as stripped text."""
    for key in keys:
        value = actor.get(key)
        if value not in (None, ""):
            return str(value).strip()
    return ""


def _is_date(text: str) -> bool:
    """Whether ``text`` is a real YYYY-MM-DD date."""
    if not _DATE.match(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _as_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [str(v) for v in value if str(v).strip()]
    return []


def _factuality(special: list[str]) -> Record:
    found: Record = {"polarity": "positive", "modality": "asserted", "tense": "unspecified"}
    if "negation" in special:
        found["polarity"] = "negative"
    if "hypothetical" in special:
        found["modality"] = "hypothetical"
    if "future" in special:
        found["tense"] = "future"
        if found["modality"] == "asserted":
            found["modality"] = "planned"
    if "historical" in special:
        found["tense"] = "past"
    return found


def read_plover_rows(
    path: str | Path, conversion: Conversion, only: Iterable[str] | None = None
) -> Iterator[tuple[SourceRow, Record]]:
    """Yield (source row, record) for each record of a PLOVER or POLECAT file."""
    path = Path(path)
    display = str(path)
    if refused(path, conversion, "PLOVER", through_zip=False):
        return
    mapper = PloverMapper(conversion, only)
    try:
        items = (
            list(_records_of(path))
            if path.suffix.lower() not in (".jsonl", ".ndjson")
            else _records_of(path)
        )
        for index, line, value, hidden in items:
            conversion.read += 1
            row = SourceRow(display, index, line, value if isinstance(value, dict) else {})
            for problem in hidden:
                conversion.report(problem.code, row, problem.pointer, **problem.context)
            if any(problem.code == "NE116" for problem in hidden):
                conversion.skipped["digits-too-long"] += 1
                continue
            if value is _NOT_UTF8:
                conversion.report("NE102", row, "", offset="?")
                conversion.skipped["not-utf8"] += 1
                continue
            if isinstance(value, orjson.JSONDecodeError):
                problem = decode_problem(value, b"", 0, line)
                conversion.report(problem.code, row, "", **problem.context)
                conversion.skipped["invalid-json"] += 1
                continue
            if not isinstance(value, dict):
                conversion.report("NE104", row, "", found=type(value).__name__)
                conversion.skipped["record-not-object"] += 1
                continue
            for record in mapper.records(row):
                conversion.records[record["record_type"]] += 1
                yield row, record
    except UnicodeDecodeError as error:
        conversion.report("NE102", None, file=display, offset=error.start)
        conversion.unreadable = True
    except orjson.JSONDecodeError as error:
        problem = decode_problem(error, b"", 0)
        conversion.report(problem.code, None, file=display, **problem.context)
        conversion.unreadable = True
    except OSError as error:
        conversion.report("NE101", None, file=display, path=display, reason=str(error))
        conversion.unreadable = True
    mapper.finish(display)


def read_plover(
    path: str | Path, *, conversion: Conversion | None = None, only: Iterable[str] | None = None
) -> Iterator[Record]:
    """Yield the records of a PLOVER or POLECAT file (JSON, JSON Lines or the GSR file)."""
    for _, record in read_plover_rows(path, conversion or Conversion(), only):
        yield record


class PloverWriter(SourceWriter):
    """Writes events as PLOVER v0.8 JSON Lines records."""

    target = "PLOVER 0.8"

    def event(self, record: Record, place: SourceRow | None) -> None:
        """Write one event as a PLOVER record, or count it as not kept when it has no type."""
        if not isinstance(record.get("plover"), dict):
            self.not_kept.add(
                "/plover",
                place,
                "a PLOVER record needs a PLOVER event type, so events without one are not written",
            )
            return
        self.stream.write(json.dumps(self.record(record), ensure_ascii=False) + "\n")
        self.conversion.records["plover record"] += 1

    def record(self, event: Record) -> Record:
        """The PLOVER v0.8 record of ``event``."""
        plover = event["plover"]
        original = source_record(event).get("record_id")
        found: Record = {
            "id": original if isinstance(original, str) else event["id"],
            "date": (event.get("time") or {}).get("date", ""),
            "source": [
                self._actor(a) for a in _ids(event, "source", "speaker", "source_associate")
            ],
            "recipient": [self._actor(a) for a in _ids(event, "target", "target_associate")],
            "event": [plover["type"]],
        }
        if plover.get("modes"):
            found["mode"] = list(plover["modes"])
        contexts = list(plover.get("contexts", []))
        contexts += _special(event.get("factuality") or {})
        if contexts:
            found["context"] = contexts
        document = self.documents.get(event.get("document_id", ""), {})
        if document.get("text"):
            found["text"] = document["text"]
        if document.get("publisher"):
            found["publication"] = document["publisher"]
        if document.get("language"):
            found["language"] = document["language"]
        cite = {k: document[k] for k in ("url", "title") if document.get(k)}
        if cite:
            found["cite_info"] = cite
        prov = event.get("provenance") or {}
        if prov.get("annotator"):
            found["coder"] = prov["annotator"]
        if prov.get("annotated_at"):
            found["coded_date"] = str(prov["annotated_at"])[:10]
        if event.get("notes"):
            found["comment"] = event["notes"]
        return found

    def _actor(self, actor_id: str) -> Record:
        actor = self.actors.get(actor_id, {})
        code = str(actor.get("cameo_code") or "")
        found: Record = {"actor_text": actor.get("name", actor_id)}
        if code:
            found["code"] = code[:3]
            if len(code) > 3:
                found["sector"] = code[3:]
        if actor.get("wikidata_id"):
            found["identifier_id"] = actor["wikidata_id"]
        return found


def _ids(event: Record, *roles: str) -> list[str]:
    return [a for role in roles for a in participants_of(event, role)]


def _special(factuality: Record) -> list[str]:
    found: list[str] = []
    if factuality.get("polarity") == "negative":
        found.append("negation")
    if factuality.get("modality") in ("hypothetical", "conditional", "possible"):
        found.append("hypothetical")
    if factuality.get("tense") == "future":
        found.append("future")
    if factuality.get("tense") == "past":
        found.append("historical")
    return found


def write_plover(
    records: Iterable[Record], path: str | Path, *, conversion: Conversion | None = None
) -> Conversion:
    """Write the events of ``records`` that have a PLOVER coding as PLOVER JSON Lines."""
    return write_file(PloverWriter, records, path, conversion)
