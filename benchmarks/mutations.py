"""Typical annotation mistakes, one per family, applied to a copy of a valid record.

Each mutation names the record type it applies to and the issue code it should produce; the
benchmark uses them to make its invalid share, and the fast-path tests to check that every
broken record is caught.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson

Json = dict[str, Any]
Apply = Callable[[Json, random.Random, list[str]], Json | bytes | None]


@dataclass(frozen=True)
class Mutation:
    """A mistake: its name, the record type it applies to, the code it yields, and how."""

    name: str
    record_type: str
    code: str
    change: Apply

    def apply(self, record: Json, rng: random.Random, seen_ids: list[str]) -> Json | bytes | None:
        """Return a broken copy of ``record`` (or raw bytes), None when it does not apply."""
        if record.get("record_type") != self.record_type:
            return None
        return self.change(copy.deepcopy(record), rng, seen_ids)


def _spans(record: Json) -> list[Json]:
    found: list[Json] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if "exact" in value and "start" in value:
                found.append(value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(record)
    return found


def _set(path: str, value: Any) -> Apply:
    def change(record: Json, rng: random.Random, seen: list[str]) -> Json | None:
        *parents, leaf = path.split(".")
        target: Any = record
        for key in parents:
            target = target.get(key)
            if target is None:
                return None
        target[leaf] = value
        return record

    return change


def _drop(key: str) -> Apply:
    def change(record: Json, rng: random.Random, seen: list[str]) -> Json:
        record.pop(key, None)
        return record

    return change


def _shift_span(by: int) -> Apply:
    def change(record: Json, rng: random.Random, seen: list[str]) -> Json | None:
        spans = _spans(record)
        if not spans:
            return None
        span = spans[rng.randrange(len(spans))]
        span["start"] += by
        span["end"] += by
        return record

    return change


def _reverse_span(record: Json, rng: random.Random, seen: list[str]) -> Json | None:
    spans = _spans(record)
    if not spans:
        return None
    span = spans[rng.randrange(len(spans))]
    span["start"], span["end"] = span["end"], span["start"]
    return record


def _edit_exact(record: Json, rng: random.Random, seen: list[str]) -> Json | None:
    spans = _spans(record)
    if not spans:
        return None
    span = spans[rng.randrange(len(spans))]
    span["exact"] += "."
    return record


def _unknown_actor(record: Json, rng: random.Random, seen: list[str]) -> Json | None:
    if not record.get("participants"):
        return None
    record["participants"][0]["actor_id"] = "actor-nobody"
    return record


def _duplicate_id(record: Json, rng: random.Random, seen: list[str]) -> Json | None:
    if len(seen) < 2:
        return None
    record["id"] = seen[rng.randrange(len(seen) - 1)]
    return record


def _conditional_without_condition(record: Json, rng: random.Random, seen: list[str]) -> Json:
    record["factuality"]["modality"] = "conditional"
    record["factuality"].pop("condition", None)
    return record


def _negative_completed(record: Json, rng: random.Random, seen: list[str]) -> Json | None:
    if record.get("event_type") != "deployment":
        return None
    record["factuality"]["polarity"] = "negative"
    record["status"] = "completed"
    return record


def _self_report(record: Json, rng: random.Random, seen: list[str]) -> Json | None:
    if record.get("event_type") != "statement":
        return None
    record["reports"] = [record["id"]]
    return record


def _truncated_line(record: Json, rng: random.Random, seen: list[str]) -> bytes:
    line = orjson.dumps(record)
    return line[: len(line) // 2]


def _string_for_number(record: Json, rng: random.Random, seen: list[str]) -> Json | None:
    if "cameo" not in record:
        return None
    record["cameo"]["quad_class"] = str(record["cameo"]["quad_class"])
    return record


def _other_quad_class(record: Json, rng: random.Random, seen: list[str]) -> Json | None:
    if "cameo" not in record:
        return None
    record["cameo"]["quad_class"] = record["cameo"]["quad_class"] % 4 + 1
    return record


def _month_not_first(record: Json, rng: random.Random, seen: list[str]) -> Json | None:
    if "time" not in record:
        return None
    record["time"].update(date="2022-01-26", precision="month")
    return record


def _no_evidence(record: Json, rng: random.Random, seen: list[str]) -> Json:
    record.pop("trigger", None)
    record["evidence"] = []
    return record


NAIVE = "2026-11-25T09:00:00"
MUTATIONS: tuple[Mutation, ...] = (
    Mutation("cameo-code-13y", "event", "NE401", _set("cameo.code", "13y")),
    Mutation("cameo-root", "event", "NE403", _set("cameo.root", "19")),
    Mutation("quad-class", "event", "NE404", _other_quad_class),
    Mutation("goldstein", "event", "NE405", _set("cameo.goldstein", 7.0)),
    Mutation("plover-type", "event", "NE406", _set("plover.type", "MOBILISE")),
    Mutation("acled-pair", "event", "NE409", _set("acled.sub_event_type", "Armed clash")),
    Mutation("span-off-by-one", "event", "NE604", _shift_span(1)),
    Mutation("span-reversed", "event", "NE603", _reverse_span),
    Mutation("span-exact-edited", "event", "NE605", _edit_exact),
    Mutation("actor-unknown", "event", "NE502", _unknown_actor),
    Mutation("document-unknown", "event", "NE503", _set("document_id", "doc-missing")),
    Mutation("duplicate-id", "event", "NE501", _duplicate_id),
    Mutation("condition-missing", "event", "NE701", _conditional_without_condition),
    Mutation("negative-completed", "event", "NE703", _negative_completed),
    Mutation("self-report", "event", "NE505", _self_report),
    Mutation("missing-factuality", "event", "NE301", _drop("factuality")),
    Mutation("string-for-number", "event", "NE302", _string_for_number),
    Mutation("unknown-field", "event", "NE303", _set("confidence", 0.9)),
    Mutation("bad-modality", "event", "NE304", _set("factuality.modality", "likely")),
    Mutation("bad-id", "event", "NE305", _set("id", "ev 12")),
    Mutation("naive-timestamp", "event", "NE713", _set("provenance.annotated_at", NAIVE)),
    Mutation("month-not-first", "event", "NE706", _month_not_first),
    Mutation("no-evidence", "event", "NE801", _no_evidence),
    Mutation("no-cameo", "event", "NE802", _drop("cameo")),
    Mutation("version-2", "event", "NE202", _set("schema_version", "2.0.0")),
    Mutation("truncated-line", "event", "NE103", _truncated_line),
    Mutation("actor-country", "actor", "NE410", _set("country", "XXX")),
    Mutation("actor-code", "actor", "NE411", _set("cameo_code", "usagov")),
    Mutation("document-hash", "document", "NE606", _set("sha256", "0" * 64)),
)  # fmt: skip


def for_record_type(record_type: str) -> tuple[Mutation, ...]:
    """Return the mutations that apply to records of ``record_type``."""
    return tuple(m for m in MUTATIONS if m.record_type == record_type)
