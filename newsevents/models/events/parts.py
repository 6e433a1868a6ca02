"""Parts that events share: participants, forces, readiness, purposes and links."""

from __future__ import annotations

import re
from typing import Annotated, Literal, Self

from pydantic import AfterValidator, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from newsevents.codes import spec
from newsevents.models.base import (
    Identifier,
    LongText,
    Model,
    ShortText,
    Violation,
    raise_violations,
    since,
)
from newsevents.models.location import Location
from newsevents.models.quantity import Quantity
from newsevents.models.span import EvidenceSpan

Role = Literal[
    "source",
    "target",
    "orderer",
    "authorizer",
    "recommender",
    "beneficiary",
    "speaker",
    "addressee",
    "source_associate",
    "target_associate",
]
DURATION_PATTERN = (
    r"^P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+S)?)?$"
)
_DURATION = re.compile(DURATION_PATTERN)


def _check_duration(value: str) -> str:
    if not _DURATION.match(value):
        raise PydanticCustomError("NE712", spec("NE712").render(found=value), {"found": value})
    return value


IsoDuration = Annotated[
    str,
    AfterValidator(_check_duration),
    WithJsonSchema({"type": "string", "pattern": DURATION_PATTERN}),
]


class Participant(Model):
    """An actor taking part in an event, in a role, with the words that name it here."""

    actor_id: Identifier = Field(description="Id of an actor record.", examples=["actor-kirby"])
    role: Role = Field(
        description="source (initiator, CAMEO Actor1), target (recipient, Actor2), orderer, "
        "authorizer, recommender, beneficiary, speaker, addressee; source_associate and "
        "target_associate (acting with the source or target, ACLED assoc_actor_1 and _2).",
        json_schema_extra=since("1.0.0", source_associate="1.1.0", target_associate="1.1.0"),
    )
    mention: EvidenceSpan | None = Field(
        default=None, description="Where this event's text names the actor."
    )
    inferred: bool | None = Field(
        default=None,
        description="Whether the text implies rather than names the actor in this role.",
        json_schema_extra=since("1.1.0"),
    )
    inferred_from: LongText | None = Field(
        default=None,
        description="What the participant was inferred from (required when inferred).",
        json_schema_extra=since("1.1.0"),
    )

    @model_validator(mode="after")
    def _check_inferred(self) -> Self:
        if self.inferred and not self.inferred_from:
            raise_violations(self, [Violation("NE707", ("inferred_from",))])
        return self


class Force(Model):
    """The military force an alert or deployment concerns."""

    description: ShortText = Field(
        description="The force in the text's words.",
        examples=["troops stationed in the United States"],
    )
    actor_id: Identifier | None = Field(
        default=None, description="Actor record of the force, when it is one."
    )
    size: Quantity | None = Field(default=None, description="How many, as the text says.")
    units: list[ShortText] = Field(
        default_factory=list, max_length=100, description="Units named in the text."
    )
    stationed_in: Location | None = Field(default=None, description="Where the force is based.")
    evidence: EvidenceSpan | None = Field(default=None, description="Span naming the force.")


_DURATION_UNITS = {"Y": 365.0, "M": 30.0, "W": 7.0, "D": 1.0}
_TIME_UNITS = {"H": 1 / 24, "M": 1 / 1440, "S": 1 / 86_400}


def duration_days(value: str) -> float:
    """Return an ISO 8601 duration in days (a month counts 30 days, a year 365)."""
    date_part, _, time_part = value[1:].partition("T")
    days = sum(float(n) * _DURATION_UNITS[u] for n, u in re.findall(r"([0-9]+)([YMWD])", date_part))
    return days + sum(
        float(n) * _TIME_UNITS[u] for n, u in re.findall(r"([0-9]+)([HMS])", time_part)
    )


class ReadinessChange(Model):
    """A change in how soon a force must be ready, such as notice-to-deploy 10 -> 5 days."""

    measure: Literal["notice_to_deploy", "alert_status", "other"] = Field(
        description="What readiness measure changes."
    )
    direction: Literal["increase", "decrease"] = Field(
        description="increase: the force becomes readier (shorter notice)."
    )
    before: IsoDuration | None = Field(
        default=None, description="Notice before the change (ISO 8601 duration).", examples=["P10D"]
    )
    after: IsoDuration | None = Field(
        default=None, description="Notice after the change (ISO 8601 duration).", examples=["P5D"]
    )
    description: LongText | None = Field(default=None, description="The change in words.")
    evidence: EvidenceSpan | None = Field(default=None, description="Span stating the change.")

    @model_validator(mode="after")
    def _check_direction(self) -> Self:
        raise_violations(self, self.violations())
        return self

    def violations(self) -> list[Violation]:
        """Return the rules this change breaks (notice must shrink for an increase)."""
        if self.measure != "notice_to_deploy" or self.before is None or self.after is None:
            return []
        before, after = duration_days(self.before), duration_days(self.after)
        shorter = after < before
        if shorter != (self.direction == "increase") or before == after:
            reason = (
                f"direction {self.direction} but notice goes from {self.before} to {self.after}"
            )
            return [Violation("NE711", ("direction",), {"reason": reason}, self.direction)]
        return []


class Purpose(Model):
    """Why an alert or deployment happens: a possible deployment, and where to."""

    description: LongText = Field(
        description="The purpose in words.", examples=["possible deployment to Europe"]
    )
    event_id: Identifier | None = Field(
        default=None, description="The event the purpose is (for example a possible deployment)."
    )
    destination: Location | None = Field(default=None, description="Where to, if said.")
    evidence: EvidenceSpan | None = Field(default=None, description="Span stating the purpose.")


LinkRelation = Literal[
    "prepares_for",
    "enables",
    "condition_of",
    "part_of",
    "follows",
    "same_as",
    "elaborates",
    "contrasts_with",
    "reports",
    "denies",
    "announces",
    "recommends",
    "warns_of",
    "responds_to",
]


class EventLink(Model):
    """A typed link from this event to another event."""

    relation: LinkRelation = Field(
        description="prepares_for (an alert for a deployment), enables, condition_of, part_of, "
        "follows, same_as (coreference), elaborates, contrasts_with; from a statement: "
        "reports, denies, announces, recommends, warns_of, responds_to.",
        json_schema_extra=since(
            "1.0.0",
            reports="1.1.0",
            denies="1.1.0",
            announces="1.1.0",
            recommends="1.1.0",
            warns_of="1.1.0",
            responds_to="1.1.0",
        ),
    )
    event_id: Identifier = Field(description="The other event's id.")
