"""Alerts: a force put on alert, its readiness raised."""

from __future__ import annotations

from typing import ClassVar, Literal, Self

from pydantic import Field, model_validator

from newsevents.models.base import raise_violations
from newsevents.models.events.base import EventBase
from newsevents.models.events.parts import Force, Purpose, ReadinessChange


class Alert(EventBase):
    """A force is put on alert: its readiness changes, by someone's order, for a purpose."""

    event_type_name: ClassVar[str] = "alert"

    event_type: Literal["alert"] = Field(description="Always 'alert'.")
    force: Force = Field(description="The force put on alert.")
    readiness: ReadinessChange | None = Field(
        default=None, description="How the force's readiness changes."
    )
    purpose: Purpose | None = Field(default=None, description="What the alert prepares for.")

    @property
    def ordered_by(self) -> list[str]:
        """Actor ids of those who ordered the alert."""
        return self.actors_in_role("orderer")

    @property
    def authorized_by(self) -> list[str]:
        """Actor ids of those who authorized the alert."""
        return self.actors_in_role("authorizer")

    @model_validator(mode="after")
    def _check_alert(self) -> Self:
        raise_violations(self, self.base_violations())
        return self
