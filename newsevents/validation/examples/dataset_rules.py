"""Examples of reference, anchoring, factuality and best-practice issues (NE5xx-NE8xx)."""

from __future__ import annotations

import copy
import json
from typing import Any

from newsevents.validation.examples import base
from newsevents.validation.examples.model import (
    RECORDS_FILE,
    REMOVE,
    CodeExample,
    jsonl,
    mutated,
)

Records = dict[str, dict[str, Any]]


def _second_statement(records: Records) -> None:
    second = copy.deepcopy(records["statement"])
    second["id"] = "ev-statement-2"
    second["reports"] = ["ev-statement"]
    records["statement-2"] = second


def _copy_of_document(records: Records) -> None:
    document = copy.deepcopy(records["document"])
    document["id"] = "doc-nato-alert-copy"
    records["document-copy"] = document
    event = copy.deepcopy(records["lithuania"])
    event["id"] = "ev-lithuania-copy"
    event["document_id"] = "doc-nato-alert-copy"
    records["lithuania-copy"] = event


def _spans(start: int) -> dict[str, Any]:
    return {"start": start, "end": start + 3, "exact": "put"}


def _textless_document() -> CodeExample:
    """NE509: a document known only by its source, and an event with a span into it."""
    records = base.records()
    document = {**records["document"], "schema_version": "1.1.0"}
    for name in ("text", "sha256", "dateline"):
        document.pop(name, None)
    event = {
        "record_type": "event",
        "event_type": "general",
        "schema_version": "1.1.0",
        "id": "ev-consult",
        "document_id": document["id"],
        "cameo": {"code": "040", "root": "04", "quad_class": 1, "goldstein": 1.0},
        "participants": [{"actor_id": "actor-nato", "role": "source"}],
        "factuality": {"polarity": "positive", "modality": "asserted", "tense": "past"},
        "trigger": base.span("put"),
        "provenance": records["alert"]["provenance"],
    }
    return CodeExample(
        code="NE509",
        mistake="A general event has a trigger span, but its document has no text.",
        shown="document: text, sha256 and dateline removed (schema 1.1.0); ev-consult: "
        "trigger " + json.dumps(base.span("put")),
        files={RECORDS_FILE: jsonl([document, records["nato"], event])},
        pointer="/trigger",
        record=2,
    )


def examples() -> list[CodeExample]:
    """Return the reference, anchoring, factuality and best-practice examples."""
    put = base.span("put")["start"]
    quote_prefix = "/quote/prefix"
    return [
        *_references(),
        mutated(
            "NE601",
            "A span past the end of the text.",
            "alert",
            {"/trigger": _spans(5000)},
            pointer="/trigger/end",
        ),
        mutated(
            "NE602",
            "An empty span.",
            "alert",
            {"/trigger": {"start": put, "end": put, "exact": "put"}},
            pointer="/trigger/end",
        ),
        mutated(
            "NE603",
            "A span that ends before it starts.",
            "alert",
            {"/trigger": {"start": put + 3, "end": put, "exact": "put"}},
            pointer="/trigger/start",
        ),
        mutated(
            "NE604",
            "Offsets counted in UTF-8 bytes: the em dash before the span is "
            "three bytes but one code point.",
            "alert",
            {"/trigger": _spans(put + 2)},
            pointer="/trigger",
        ),
        mutated(
            "NE605",
            "exact is longer than the span.",
            "alert",
            {"/trigger/exact": "puts"},
            pointer="/trigger/exact",
        ),
        mutated(
            "NE606",
            "The document text was edited after its hash was taken.",
            "document",
            {"/sha256": "0" * 64},
            pointer="/sha256",
        ),
        _without_documents(),
        mutated(
            "NE608",
            "A straight quotation mark as prefix where the text has a curly one.",
            "statement",
            {quote_prefix: '"'},
            pointer=quote_prefix,
        ),
        mutated(
            "NE701",
            "A conditional deployment without its condition.",
            "deployment",
            {"/factuality/condition": REMOVE},
            pointer="/factuality/condition",
        ),
        mutated(
            "NE702",
            "An asserted alert with a condition.",
            "alert",
            {"/factuality/condition": {"text": "if asked"}},
            pointer="/factuality/condition",
        ),
        mutated(
            "NE703",
            "A negated deployment marked completed.",
            "lithuania",
            {"/factuality/polarity": "negative"},
            pointer="/status",
        ),
        mutated(
            "NE704",
            "A ruled-out deployment with positive polarity.",
            "deployment",
            {"/status": "ruled_out"},
            pointer="/status",
        ),
        mutated(
            "NE705",
            "An event asserted in the past, dated a week after publication.",
            "alert",
            {"/time/date": "2022-02-08"},
            pointer="/time/date",
        ),
        mutated(
            "NE706",
            "A week-precision date that is not a Monday.",
            "alert",
            {"/time/precision": "week"},
            pointer="/time/date",
        ),
        mutated(
            "NE707",
            "An inferred date that does not say what it was inferred from.",
            "alert",
            {"/time/inferred_from": REMOVE},
            pointer="/time/inferred_from",
        ),
        mutated(
            "NE708",
            "An end date before the start date.",
            "alert",
            {"/time/end_date": "2022-01-30"},
            pointer="/time/end_date",
        ),
        mutated(
            "NE709",
            "A range whose low is above its high.",
            "deployment",
            {"/force/size/value": REMOVE, "/force/size/low": 6000, "/force/size/high": 5000},
            pointer="/force/size/low",
        ),
        mutated(
            "NE710",
            "A quantity with both a value and a range.",
            "deployment",
            {"/force/size/low": 4000, "/force/size/high": 6000},
            pointer="/force/size/value",
        ),
        mutated(
            "NE711",
            "A readiness increase that lengthens the notice.",
            "alert",
            {"/readiness/before": "P5D", "/readiness/after": "P7D"},
            pointer="/readiness/direction",
        ),
        mutated(
            "NE712",
            "A duration in words.",
            "alert",
            {"/readiness/before": "7 days"},
            pointer="/readiness/before",
        ),
        mutated(
            "NE713",
            "A timestamp without a time zone.",
            "alert",
            {"/provenance/annotated_at": "2022-02-02T09:30:00"},
            pointer="/provenance/annotated_at",
        ),
        mutated(
            "NE714",
            "A speaker in an alert.",
            "alert",
            {"/participants/0/role": "speaker"},
            pointer="/participants/0/role",
        ),
        mutated(
            "NE715",
            "A statement with two speakers.",
            "statement",
            {"/participants/1": {"actor_id": "actor-nato", "role": "speaker"}},
            pointer="/participants",
        ),
        mutated(
            "NE716",
            "A latitude without a longitude.",
            "deployment",
            {"/destination/latitude": 45.9},
            pointer="/destination/longitude",
        ),
        mutated(
            "NE717",
            "A country without its code.",
            "lithuania",
            {"/destination/country_code": REMOVE},
            pointer="/destination/country_code",
        ),
        mutated(
            "NE718",
            "Reported speech with a quotation span.",
            "statement",
            {"/speech": "reported_speech"},
            pointer="/quote",
        ),
        mutated(
            "NE719",
            "A translation that does not say what it was translated from.",
            "document",
            {"/is_translation": True},
            pointer="/source_language",
        ),
        mutated(
            "NE720",
            "A document gives its text without its sha256.",
            "document",
            {"/schema_version": "1.1.0", "/sha256": REMOVE},
            pointer="/sha256",
        ),
        mutated(
            "NE721",
            "A document without its text names neither its url nor its title.",
            "document",
            {"/schema_version": "1.1.0", "/text": REMOVE, "/sha256": REMOVE, "/title": REMOVE},
            pointer="/url",
            also=frozenset({"NE509"}),
        ),
        mutated(
            "NE722",
            "A document that is not a translation names a source language (schema 1.1.0).",
            "document",
            {"/schema_version": "1.1.0", "/source_language": "fr"},
            pointer="/source_language",
        ),
        mutated(
            "NE510",
            "An actor is listed as a member of itself (schema 1.1.0).",
            "nato",
            {"/schema_version": "1.1.0", "/member_of": ["actor-nato"]},
            pointer="/member_of/0",
        ),
        _textless_document(),
        mutated(
            "NE801",
            "A deployment with neither trigger nor evidence.",
            "lithuania",
            {"/trigger": REMOVE},
            pointer="/trigger",
        ),
        mutated(
            "NE802",
            "A deployment without a CAMEO coding.",
            "lithuania",
            {"/cameo": REMOVE},
            pointer="/cameo",
        ),
        mutated(
            "NE803",
            "A hedged number (about 5,000) without its span.",
            "deployment",
            {"/force/size/evidence": REMOVE},
            pointer="/force/size/evidence",
        ),
        mutated(
            "NE804",
            "A deployment without participants.",
            "lithuania",
            {"/participants": []},
            pointer="/participants",
        ),
        mutated(
            "NE805",
            "A language tag no ISO 639 table lists.",
            "document",
            {"/language": "xx"},
            pointer="/language",
        ),
        _truncated(),
    ]


def _references() -> list[CodeExample]:
    nato = copy.deepcopy(base.records()["nato"])
    return [
        _duplicate(nato),
        mutated(
            "NE502",
            "A participant that is no actor in the file.",
            "alert",
            {"/participants/0/actor_id": "actor-otan"},
            pointer="/participants/0/actor_id",
        ),
        mutated(
            "NE503",
            "An event annotated in a document the file does not have.",
            "lithuania",
            {"/document_id": "doc-elsewhere"},
            pointer="/document_id",
        ),
        mutated(
            "NE504",
            "A statement reporting an event that is not in the file.",
            "statement",
            {"/reports/1": "ev-poland"},
            pointer="/reports/1",
        ),
        mutated(
            "NE505",
            "A statement reporting itself.",
            "statement",
            {"/reports/1": "ev-statement"},
            pointer="/reports/1",
        ),
        mutated(
            "NE506",
            "Two statements reporting each other.",
            "statement",
            {"/reports/2": "ev-statement-2"},
            pointer="/reports/2",
            edit=_second_statement,
        ),
        mutated(
            "NE507",
            "A statement reporting an event annotated in another document.",
            "statement",
            {"/reports/2": "ev-lithuania-copy"},
            pointer="/reports/2",
            edit=_copy_of_document,
        ),
        mutated(
            "NE508",
            "A statement listing an event twice.",
            "statement",
            {"/reports/1": "ev-alert"},
            pointer="/reports/1",
        ),
    ]


def _duplicate(nato: dict[str, Any]) -> CodeExample:
    records = list(base.records().values())
    return CodeExample(
        code="NE501",
        mistake="Two actors share an id (the second record repeats the first's).",
        shown='actor: "id" = "actor-nato" (twice)',
        files={RECORDS_FILE: jsonl([*records, nato])},
        pointer="/id",
        record=len(records),
    )


def _without_documents() -> CodeExample:
    records = [r for r in base.records().values() if r["record_type"] != "document"]
    return CodeExample(
        code="NE607",
        mistake="Events are sent without their document, and no --documents is given.",
        shown="records.jsonl: actors and events only",
        files={RECORDS_FILE: jsonl(records)},
        pointer="",
        record=base.record_index("alert") - 1,
    )


def _truncated() -> CodeExample:
    def hedge(records: Records) -> None:
        records["lithuania"]["force"]["size"]["approximate"] = True
        del records["lithuania"]["force"]["size"]["evidence"]

    example = mutated(
        "NE806",
        "Two hedged numbers without spans, validated with max_issues=1.",
        "deployment",
        {"/force/size/evidence": REMOVE},
        pointer="",
        edit=hedge,
        options={"max_issues": 1},
        also=frozenset({"NE803"}),
    )
    return CodeExample(
        **{
            **example.__dict__,
            "file": None,
            "record": None,
            "shown": example.shown + "\n"
            "lithuania: /force/size/approximate = true, remove /force/size/evidence\n"
            "newsevents validate --max-issues 1 records.jsonl",
        }
    )
