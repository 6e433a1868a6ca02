"""Events: a discriminated union of alerts, deployments, statements and general events."""

from typing import Annotated

from pydantic import Field

from newsevents.models.events.alert import Alert
from newsevents.models.events.base import EventBase
from newsevents.models.events.deployment import Deployment
from newsevents.models.events.general import GeneralEvent
from newsevents.models.events.parts import (
    EventLink,
    Force,
    Participant,
    Purpose,
    ReadinessChange,
)
from newsevents.models.events.statement import Statement

Event = Annotated[Alert | Deployment | Statement | GeneralEvent, Field(discriminator="event_type")]

__all__ = [
    "Alert",
    "Deployment",
    "Event",
    "EventBase",
    "EventLink",
    "Force",
    "GeneralEvent",
    "Participant",
    "Purpose",
    "ReadinessChange",
    "Statement",
]
