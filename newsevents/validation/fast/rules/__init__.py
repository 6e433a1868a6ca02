"""Every validator function of the models, by qualified name, with its vectorized rule.

The structural walker refuses a schema whose validators are not all listed here, so a rule
added to the models without its counterpart fails the build, not the data.
"""

from __future__ import annotations

from collections.abc import Callable

from newsevents.validation.fast.columns import Column, RowMask
from newsevents.validation.fast.rules import codings, events, parts

Rule = Callable[[Column, RowMask], None]

RULES: dict[str, Rule] = {
    "EvidenceSpan._check_offsets": parts.evidence_span,
    "Factuality._check_condition": parts.factuality,
    "Quantity._check_shape": parts.quantity,
    "ReadinessChange._check_direction": parts.readiness,
    "EventTime._check_time": parts.event_time,
    "PublicationDate._check_basis": parts.publication,
    "Location._check_location": parts.location,
    "check_country": parts.country,
    "_check_duration": parts.duration,
    "_plain_date": parts.plain_date,
    "_rfc3339": parts.rfc3339,
    "_known_code": codings.known_cameo_code,
    "CameoCoding._check_consistency": codings.cameo_consistency,
    "PloverCoding._known_type": codings.known_plover_type,
    "PloverCoding._check_modes": codings.plover_modes,
    "AcledCoding._check_pair": codings.acled_pair,
    "Actor._check_actor": codings.actor,
    "Document._check_document": codings.document,
    "Alert._check_alert": events.event_rule("alert"),
    "Deployment._check_deployment": events.event_rule("deployment", events.deployment_status),
    "Statement._check_statement": events.event_rule("statement", events.statement_rules),
}

__all__ = ["RULES", "Rule"]
