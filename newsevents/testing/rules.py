"""Every rule the models enforce beyond types and constraints, and how to break it.

:data:`RULES` names, for each rule, the model and field that enforce it, the rule in words,
its issue code, the record kinds it applies to, and a mutator that breaks it in a valid JSON
record.  The same table generates the rule list in ``docs/schema.md``, so every documented
rule is one the tests break and see rejected.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from newsevents.testing import mutators as m
from newsevents.testing import mutators_records as r

Mutator = Callable[[st.DrawFn, dict[str, Any], str], tuple[str | int, ...]]

EVENTS = frozenset({"alert", "deployment", "statement"})
FORCES = frozenset({"alert", "deployment"})
PLACES = EVENTS | {"document"}


@dataclass(frozen=True)
class Rule:
    """A rule a model enforces: where, what, its code, and how to break it."""

    code: str
    model: str
    field: str
    statement: str
    kinds: frozenset[str]
    mutate: Mutator


RULES: tuple[Rule, ...] = (
    Rule("NE603", "EvidenceSpan", "start", "start <= end", EVENTS, m.span_reversed),
    Rule(
        "NE602", "EvidenceSpan", "end", "start < end (a span is never empty)", EVENTS, m.span_empty
    ),
    Rule("NE605", "EvidenceSpan", "exact", "len(exact) == end - start", EVENTS, m.span_length),
    Rule("NE709", "Quantity", "low", "low <= high", FORCES, m.range_reversed),
    Rule(
        "NE710",
        "Quantity",
        "value",
        "either value, or both low and high, never both or neither",
        FORCES,
        m.quantity_shape,
    ),
    Rule(
        "NE706",
        "EventTime",
        "date",
        "date is the first day of its precision's period (week: Monday; month: the 1st; "
        "year: 1 January)",
        EVENTS,
        m.date_misaligned,
    ),
    Rule(
        "NE707",
        "EventTime",
        "inferred_from",
        "inferred dates say what they were inferred from",
        EVENTS,
        m.inferred_without_basis,
    ),
    Rule(
        "NE707",
        "PublicationDate",
        "basis",
        "an inferred publication date gives its basis",
        frozenset({"document"}),
        m.inferred_without_basis,
    ),
    Rule("NE708", "EventTime", "end_date", "end_date >= date", EVENTS, m.dates_reversed),
    Rule(
        "NE716",
        "Location",
        "latitude, longitude",
        "latitude and longitude come together",
        PLACES,
        m.coordinates_incomplete,
    ),
    Rule(
        "NE717",
        "Location",
        "country_code",
        "a location of kind country has a country_code",
        PLACES,
        m.country_without_code,
    ),
    Rule(
        "NE410",
        "Location",
        "country_code",
        "country codes are current ISO 3166-1 alpha-3 codes",
        PLACES,
        m.country_unknown,
    ),
    Rule(
        "NE410",
        "Actor",
        "country",
        "country is a current ISO 3166-1 alpha-3 code",
        frozenset({"actor"}),
        m.country_unknown,
    ),
    Rule(
        "NE412",
        "Actor",
        "cameo_code",
        "a CAMEO actor code that starts with a country code starts with the actor's country",
        frozenset({"actor"}),
        r.actor_code_country_mismatch,
    ),
    Rule(
        "NE701",
        "Factuality",
        "condition",
        "a conditional event states its condition",
        EVENTS,
        m.condition_missing,
    ),
    Rule(
        "NE702",
        "Factuality",
        "condition",
        "only a conditional event has a condition",
        EVENTS,
        m.condition_unexpected,
    ),
    Rule("NE401", "CameoCoding", "code", "code is in CAMEO 1.1b3", EVENTS, r.cameo_unknown),
    Rule(
        "NE403",
        "CameoCoding",
        "root",
        "root is the code's first two digits",
        EVENTS,
        r.cameo_root_wrong,
    ),
    Rule(
        "NE404",
        "CameoCoding",
        "quad_class",
        "quad_class is the code's under quad_class_convention",
        EVENTS,
        r.quad_class_wrong,
    ),
    Rule(
        "NE405",
        "CameoCoding",
        "goldstein",
        "goldstein is the code's value in goldstein_table (when the table has one)",
        EVENTS,
        r.goldstein_wrong,
    ),
    Rule("NE406", "PloverCoding", "type", "type is a PLOVER 0.8 type", EVENTS, r.plover_unknown),
    Rule(
        "NE407",
        "PloverCoding",
        "modes",
        "every mode is one of the type's modes",
        EVENTS,
        r.plover_mode_wrong,
    ),
    Rule(
        "NE409",
        "AcledCoding",
        "sub_event_type",
        "sub_event_type belongs to event_type",
        EVENTS,
        r.acled_pair_invalid,
    ),
    Rule(
        "NE402",
        "Event",
        "cameo.code",
        "the CAMEO code is one the event type allows (see the codebook)",
        EVENTS,
        r.cameo_not_allowed,
    ),
    Rule(
        "NE408",
        "Event",
        "plover.type",
        "the PLOVER type is the one the CAMEO code maps to, when it maps to one",
        EVENTS,
        r.plover_cameo_mismatch,
    ),
    Rule(
        "NE714",
        "Event",
        "participants[].role",
        "every participant role is one the event type allows",
        EVENTS,
        r.role_not_allowed,
    ),
    Rule(
        "NE508",
        "Event",
        "participants[]",
        "no actor appears twice in the same role",
        EVENTS,
        r.participant_twice,
    ),
    Rule(
        "NE505",
        "Event",
        "links[].event_id, reports[]",
        "an event never links to (or, a statement, reports) itself",
        EVENTS,
        r.links_itself,
    ),
    Rule(
        "NE711",
        "ReadinessChange",
        "direction",
        "for notice_to_deploy, an increase shortens the notice and a decrease lengthens it",
        frozenset({"alert"}),
        r.readiness_direction,
    ),
    Rule(
        "NE712",
        "ReadinessChange",
        "before",
        "before and after are ISO 8601 durations (P5D, PT12H)",
        frozenset({"alert"}),
        r.bad_duration,
    ),
    Rule(
        "NE703",
        "Deployment",
        "status",
        "a negated deployment is not under_way or completed",
        frozenset({"deployment"}),
        r.negative_but_happened,
    ),
    Rule(
        "NE704",
        "Deployment",
        "status",
        "a ruled_out, not_planned or cancelled deployment has negative polarity",
        frozenset({"deployment"}),
        r.positive_but_excluded,
    ),
    Rule(
        "NE715",
        "Statement",
        "participants",
        "a statement has exactly one participant in the role speaker",
        frozenset({"statement"}),
        r.speaker_count,
    ),
    Rule(
        "NE718",
        "Statement",
        "quote",
        "a quote span exactly when speech is direct_quotation or mixed",
        frozenset({"statement"}),
        r.quote_kind_mismatch,
    ),
    Rule(
        "NE508",
        "Statement",
        "reports[]",
        "reports lists each event once",
        frozenset({"statement"}),
        r.reports_twice,
    ),
    Rule(
        "NE606",
        "Document",
        "sha256",
        "sha256 is the hash of the text's UTF-8 bytes",
        frozenset({"document"}),
        r.hash_mismatch,
    ),
    Rule(
        "NE719",
        "Document",
        "source_language",
        "a translation names its source_language",
        frozenset({"document"}),
        r.translation_without_source,
    ),
    Rule(
        "NE720",
        "Document",
        "sha256",
        "text and sha256 are given together, or neither (schema 1.1.0)",
        frozenset({"document"}),
        r.text_without_hash,
    ),
    Rule(
        "NE721",
        "Document",
        "url",
        "a document without text names its url or its title (schema 1.1.0)",
        frozenset({"document"}),
        r.source_missing,
    ),
    Rule(
        "NE722",
        "Document",
        "source_language",
        "a document that is not a translation has no source_language (schema 1.1.0)",
        frozenset({"document"}),
        r.source_language_alone,
    ),
    Rule(
        "NE510",
        "Actor",
        "member_of",
        "an actor is not a member of itself (schema 1.1.0)",
        frozenset({"actor"}),
        r.member_of_itself,
    ),
    Rule(
        "NE415",
        "GeneralEvent",
        "cameo",
        "a general event has a CAMEO, PLOVER or ACLED coding",
        frozenset({"general"}),
        r.general_uncoded,
    ),
)
"""Every rule the models enforce beyond types and constraints (one entry per model and code)."""
