"""What every event has, whatever its type."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from newsevents.codebooks.cameo import cameo_code
from newsevents.codebooks.event_types import allowed_cameo_codes, allowed_roles, cameo_prefixes
from newsevents.models.base import (
    SCHEMA_MAJOR_PATTERN,
    Identifier,
    LongText,
    Model,
    Violation,
    duplicates,
)
from newsevents.models.coding import AcledCoding, CameoCoding, PloverCoding
from newsevents.models.events.parts import EventLink, Participant
from newsevents.models.factuality import Factuality
from newsevents.models.location import Location
from newsevents.models.provenance import Provenance
from newsevents.models.span import EvidenceSpan
from newsevents.models.time import EventTime
from newsevents.versions import is_before


class EventBase(Model):
    """Fields shared by alerts, deployments and statements."""

    event_type_name: ClassVar[str]

    record_type: Literal["event"] = Field(description="Always 'event'.")
    schema_version: str = Field(
        pattern=SCHEMA_MAJOR_PATTERN,
        description="Schema version of this record.",
        examples=["1.0.0"],
    )
    id: Identifier = Field(description="Event id, unique in a dataset.", examples=["ev-alert-01"])
    document_id: Identifier = Field(description="The document the event is annotated in.")
    cameo: CameoCoding | None = Field(default=None, description="CAMEO 1.1b3 coding.")
    plover: PloverCoding | None = Field(
        default=None, description="PLOVER 0.8 coding, where a PLOVER type applies."
    )
    acled: AcledCoding | None = Field(
        default=None, description="ACLED event and sub-event type, where one applies."
    )
    participants: list[Participant] = Field(
        default_factory=list, max_length=100, description="Actors by role."
    )
    time: EventTime | None = Field(default=None, description="When the event happens.")
    locations: list[Location] = Field(
        default_factory=list, max_length=50, description="Where the event happens."
    )
    factuality: Factuality = Field(description="How the text presents the event's reality.")
    trigger: EvidenceSpan | None = Field(
        default=None, description="The word(s) that most clearly express the event (ACE)."
    )
    evidence: list[EvidenceSpan] = Field(
        default_factory=list, max_length=100, description="Further spans that support it."
    )
    links: list[EventLink] = Field(
        default_factory=list, max_length=100, description="Links to related events."
    )
    notes: LongText | None = Field(default=None, description="Reasons for non-obvious choices.")
    provenance: Provenance = Field(description="Who annotated the event, how and when.")

    def actors_in_role(self, role: str) -> list[str]:
        """Return the ids of the participants in ``role``, in order."""
        return [p.actor_id for p in self.participants if p.role == role]

    def base_violations(self) -> list[Violation]:
        """Return the rules shared by every event type."""
        found: list[Violation] = []
        event_type = self.event_type_name
        if self.cameo is not None and self.cameo.code not in allowed_cameo_codes(event_type):
            context = {
                "event_type": event_type,
                "allowed": list(cameo_prefixes(event_type)),
                "found": self.cameo.code,
            }
            found.append(Violation("NE402", ("cameo", "code"), context, self.cameo.code))
        if self.cameo is not None and self.plover is not None:
            entry = cameo_code(self.cameo.code)
            mapped = entry.plover_type if entry else None
            if mapped is not None and mapped != self.plover.type:
                context = {"expected": mapped, "code": self.cameo.code, "found": self.plover.type}
                found.append(Violation("NE408", ("plover", "type"), context, self.plover.type))
        roles = allowed_roles(event_type)
        for index, participant in enumerate(self.participants):
            if participant.role not in roles:
                context = {
                    "event_type": event_type,
                    "allowed": list(roles),
                    "found": participant.role,
                }
                found.append(
                    Violation("NE714", ("participants", index, "role"), context, participant.role)
                )
        pairs = (f"{p.actor_id} as {p.role}" for p in self.participants)
        for index, pair in duplicates(pairs):
            found.append(Violation("NE508", ("participants", index), {"found": pair}, pair))
        for index, link in enumerate(self.links):
            if link.event_id == self.id:
                found.append(
                    Violation("NE505", ("links", index, "event_id"), {"found": self.id}, self.id)
                )
        if not is_before(self.schema_version, "1.1.0"):
            found.extend(self.rules_since_1_1())
        return found

    def rules_since_1_1(self) -> list[Violation]:
        """Rules held back from 1.0.0: no link twice, no purpose or condition naming itself.

        They apply to records declaring 1.1.0 or later, so every valid 1.0.0 record stays
        valid (the minor version's promise).
        """
        found: list[Violation] = []
        pairs = (f"{link.relation} {link.event_id}" for link in self.links)
        for index, pair in duplicates(pairs):
            found.append(Violation("NE508", ("links", index), {"found": pair}, pair))
        purpose = getattr(self, "purpose", None)
        if purpose is not None and purpose.event_id == self.id:
            at: tuple[str, ...] = ("purpose", "event_id")
            found.append(Violation("NE505", at, {"found": self.id}, self.id))
        condition = self.factuality.condition
        if condition is not None and condition.event_id == self.id:
            at = ("factuality", "condition", "event_id")
            found.append(Violation("NE505", at, {"found": self.id}, self.id))
        return found
