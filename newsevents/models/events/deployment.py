"""Deployments: a force sent, or considered, planned or ruled out, from one place to another."""

from __future__ import annotations

from typing import ClassVar, Literal, Self

from pydantic import Field, model_validator

from newsevents.models.base import Violation, optional_since, raise_violations
from newsevents.models.events.base import EventBase
from newsevents.models.events.parts import Force, Purpose
from newsevents.models.location import Location

DeploymentStatus = Literal[
    "considered",
    "recommended",
    "prepared",
    "ordered",
    "under_way",
    "completed",
    "ruled_out",
    "not_planned",
    "cancelled",
    "unknown",
]
HAPPENED = frozenset({"under_way", "completed"})
EXCLUDED = frozenset({"ruled_out", "not_planned", "cancelled"})


class Deployment(EventBase):
    """A deployment of a force, in any state from considered to completed, or ruled out."""

    event_type_name: ClassVar[str] = "deployment"

    event_type: Literal["deployment"] = Field(description="Always 'deployment'.")
    force: Force | None = Field(
        default=None,
        description="The force deployed (from 1.1.0 optional: a deployment may name no force).",
        json_schema_extra=optional_since("1.1.0"),
    )
    origin: Location | None = Field(default=None, description="Where the force comes from.")
    destination: Location | None = Field(default=None, description="Where it goes.")
    status: DeploymentStatus = Field(
        description="Stage of the deployment: considered, recommended, prepared (on standby), "
        "ordered, under_way, completed; ruled_out, not_planned, cancelled (never happening); "
        "unknown."
    )
    purpose: Purpose | None = Field(default=None, description="What the deployment is for.")

    @model_validator(mode="after")
    def _check_deployment(self) -> Self:
        raise_violations(self, [*self.base_violations(), *self.status_violations()])
        return self

    def status_violations(self) -> list[Violation]:
        """Return the rules linking status and polarity."""
        polarity = self.factuality.polarity
        if polarity == "negative" and self.status in HAPPENED:
            return [Violation("NE703", ("status",), {"found": self.status}, self.status)]
        if polarity == "positive" and self.status in EXCLUDED:
            return [Violation("NE704", ("status",), {"found": self.status}, self.status)]
        return []
