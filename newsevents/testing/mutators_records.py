"""Mutators for codebook consistency, references and the rules of each record type.

Same contract as :mod:`newsevents.testing.mutators`: change a valid JSON record in place so
that it breaks exactly one rule, and return where the model reports it.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from newsevents.codebooks import (
    ACLED_EVENT_TYPES,
    PLOVER_TYPES,
    cameo_code,
    cameo_codes,
    expected_goldstein,
    plover_modes,
)
from newsevents.codebooks.event_types import allowed_cameo_codes, allowed_roles
from newsevents.models.events.deployment import EXCLUDED, HAPPENED
from newsevents.testing.codings import cameo_codings, country_codes
from newsevents.testing.mutators import Loc, Record, append, fresh_id
from newsevents.testing.text import evidence_spans, to_json

# CAMEO, PLOVER and ACLED codings.


def _coding(draw: st.DrawFn, record: Record, codes: Any) -> Record:
    """Give the event a valid CAMEO coding of one of ``codes`` and drop PLOVER (kept apart)."""
    record.pop("plover", None)
    record["cameo"] = to_json(draw(cameo_codings(sorted(codes))))
    cameo: Record = record["cameo"]
    return cameo


def cameo_unknown(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE401: a code that is not in CAMEO 1.1b3."""
    cameo = _coding(draw, record, allowed_cameo_codes(kind))
    pattern = st.from_regex(r"[0-9]{2,4}", fullmatch=True)
    cameo["code"] = draw(pattern.filter(lambda c: cameo_code(c) is None))
    return ("cameo", "code")


def cameo_not_allowed(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE402: a real CAMEO code that this event type does not allow."""
    _coding(draw, record, set(cameo_codes()) - allowed_cameo_codes(kind))
    return ("cameo", "code")


def cameo_root_wrong(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE403: a root other than the code's first two digits."""
    cameo = _coding(draw, record, allowed_cameo_codes(kind))
    roots = st.from_regex(r"[0-9]{2}", fullmatch=True)
    cameo["root"] = draw(roots.filter(lambda r: r != cameo["code"][:2]))
    return ("cameo", "root")


def quad_class_wrong(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE404: a quad class other than the code's under the stated convention."""
    cameo = _coding(draw, record, allowed_cameo_codes(kind))
    cameo["quad_class"] = draw(
        st.sampled_from([q for q in (1, 2, 3, 4) if q != cameo["quad_class"]])
    )
    return ("cameo", "quad_class")


def goldstein_wrong(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE405: a Goldstein value other than the code's in the stated table."""
    codes = [
        code
        for code in allowed_cameo_codes(kind)
        if (entry := cameo_code(code)) and expected_goldstein(entry, "gdelt") is not None
    ]
    cameo = _coding(draw, record, codes)
    value = cameo["goldstein"]
    cameo["goldstein"] = draw(
        st.integers(-100, 100).map(lambda n: n / 10).filter(lambda g: abs(g - value) > 0.01)
    )
    return ("cameo", "goldstein")


def plover_unknown(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE406: a PLOVER type that PLOVER 0.8 does not define."""
    types = st.from_regex(r"[A-Z]{3,10}", fullmatch=True)
    record["plover"] = {"type": draw(types.filter(lambda t: t not in PLOVER_TYPES))}
    return ("plover", "type")


def plover_mode_wrong(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE407: a mode that belongs to another PLOVER type."""
    record.pop("cameo", None)
    plover_type = draw(st.sampled_from(sorted(PLOVER_TYPES)))
    allowed = plover_modes(plover_type)
    others = sorted({m for t in PLOVER_TYPES for m in plover_modes(t)} - set(allowed))
    valid = draw(st.lists(st.sampled_from(allowed), unique=True, max_size=1)) if allowed else []
    record["plover"] = {"type": plover_type, "modes": [*valid, draw(st.sampled_from(others))]}
    return ("plover", "modes", len(valid))


def plover_cameo_mismatch(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE408: a PLOVER type other than the one the CAMEO code maps to."""
    mapped = [c for c in allowed_cameo_codes(kind) if (e := cameo_code(c)) and e.plover_type]
    cameo = _coding(draw, record, mapped)
    entry = cameo_code(cameo["code"])
    assert entry is not None
    record["plover"] = {
        "type": draw(st.sampled_from(sorted(set(PLOVER_TYPES) - {entry.plover_type})))
    }
    return ("plover", "type")


def acled_pair_invalid(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE409: a sub-event type of another ACLED event type."""
    event_type = draw(st.sampled_from(sorted(ACLED_EVENT_TYPES)))
    others = sorted({s for subs in ACLED_EVENT_TYPES.values() for s in subs})
    others = [s for s in others if s not in ACLED_EVENT_TYPES[event_type]]
    record["acled"] = {"event_type": event_type, "sub_event_type": draw(st.sampled_from(others))}
    return ("acled", "sub_event_type")


def actor_code_country_mismatch(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE412: an actor code that starts with another country than the actor's."""
    country = draw(country_codes())
    head = draw(country_codes().filter(lambda c: c != country))
    record["country"] = country
    record["cameo_code"] = head + draw(st.sampled_from(("", "GOV", "MIL", "GOVMIL")))
    return ("cameo_code",)


# Participants and references.


def role_not_allowed(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE714: a participant role the event type does not allow."""
    roles = ("source", "orderer", "authorizer", "recommender", "speaker", "addressee")
    role = draw(st.sampled_from([r for r in roles if r not in allowed_roles(kind)]))
    taken = {p["actor_id"] for p in record.get("participants", [])}
    index = append(record, "participants", {"actor_id": fresh_id(draw, taken), "role": role})
    return ("participants", index, "role")


def participant_twice(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE508: the same actor twice in the same role."""
    role = draw(st.sampled_from([r for r in allowed_roles(kind) if r != "speaker"]))
    taken = {p["actor_id"] for p in record.get("participants", [])}
    participant = {"actor_id": fresh_id(draw, taken), "role": role}
    append(record, "participants", participant)
    return ("participants", append(record, "participants", dict(participant)))


def links_itself(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE505: an event that links to itself, or a statement that reports itself."""
    if kind == "statement" and draw(st.booleans()):
        return ("reports", append(record, "reports", record["id"]))
    index = append(record, "links", {"relation": "same_as", "event_id": record["id"]})
    return ("links", index, "event_id")


def reports_twice(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE508: a statement that lists the same reported event twice."""
    event_id = fresh_id(draw, {record["id"], *record.get("reports", [])})
    append(record, "reports", event_id)
    return ("reports", append(record, "reports", event_id))


# Rules of one record type.


def negative_but_happened(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE703: a negated deployment whose status says it happened."""
    record["factuality"]["polarity"] = "negative"
    record["status"] = draw(st.sampled_from(sorted(HAPPENED)))
    return ("status",)


def positive_but_excluded(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE704: a deployment ruled out, cancelled or not planned, with positive polarity."""
    record["factuality"]["polarity"] = "positive"
    record["status"] = draw(st.sampled_from(sorted(EXCLUDED)))
    return ("status",)


def readiness_direction(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE711: notice to deploy that does not shrink for an increase (or grow for a decrease)."""
    short, long = sorted(draw(st.lists(st.integers(0, 400), min_size=2, max_size=2)))
    direction = draw(st.sampled_from(("increase", "decrease")))
    before, after = (short, long) if direction == "increase" else (long, short)
    record["readiness"] = {
        "measure": "notice_to_deploy",
        "direction": direction,
        "before": f"P{before}D",
        "after": f"P{after}D",
    }
    return ("readiness", "direction")


def bad_duration(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE712: a notice that is not an ISO 8601 duration."""
    field = draw(st.sampled_from(("before", "after")))
    found = draw(st.sampled_from(("5 days", "P", "PT", "P5", "5D", "PT5D", "P1.5D", "p5d", "")))
    record["readiness"] = {"measure": "other", "direction": "increase", field: found}
    return ("readiness", field)


# Documents.


def hash_mismatch(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE606: a sha256 that is not the hash of the text."""
    digest = st.from_regex(r"[0-9a-f]{64}", fullmatch=True)
    record["sha256"] = draw(digest.filter(lambda d: d != record["sha256"]))
    return ("sha256",)


def translation_without_source(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE719: a translation that does not say what it was translated from."""
    record["is_translation"] = True
    record.pop("source_language", None)
    return ("source_language",)


def text_without_hash(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE720: a document with its text but not its sha256, or the reverse."""
    missing = draw(st.sampled_from(("sha256", "text")))
    record.pop(missing)
    record.setdefault("url", "https://example.org/article")
    if missing == "text":
        _drop_spans(record)
    return (missing,)


def source_missing(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE721: a document without text that names neither its url nor its title."""
    for name in ("text", "sha256", "url", "title"):
        record.pop(name, None)
    _drop_spans(record)
    return ("url",)


def _drop_spans(document: Record) -> None:
    """Remove the spans of a document that lost its text: they would break NE509 as well."""
    for part in document.values():
        if isinstance(part, dict):
            part.pop("evidence", None)


def source_language_alone(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE722: a document that is not a translation but gives a source language."""
    record["is_translation"] = False
    record["source_language"] = "fr"
    record.pop("translation_method", None)
    return ("source_language",)


def member_of_itself(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE510: an actor listed as a member of itself."""
    record["member_of"] = [*record.get("member_of", []), record["id"]]
    return ("member_of", len(record["member_of"]) - 1)


def general_uncoded(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE415: a general event without any coding."""
    for name in ("cameo", "plover", "acled"):
        record.pop(name, None)
    return ("cameo",)


def speaker_count(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE715: a statement with no speaker or with two."""
    people = record.get("participants", [])
    if draw(st.booleans()):
        record["participants"] = [p for p in people if p["role"] != "speaker"]
    else:
        taken = {p["actor_id"] for p in people}
        append(record, "participants", {"actor_id": fresh_id(draw, taken), "role": "speaker"})
    return ("participants",)


def quote_kind_mismatch(draw: st.DrawFn, record: Record, kind: str) -> Loc:
    """NE718: a direct quotation without a quote span, or reported speech with one."""
    if draw(st.booleans()):
        record["speech"] = draw(st.sampled_from(("direct_quotation", "mixed")))
        record.pop("quote", None)
    else:
        record["speech"] = "reported_speech"
        record["quote"] = to_json(draw(evidence_spans()))
    return ("quote",)
