"""The pydantic models: the single source of truth for the schema.

Top-level records are documents, actors and events; ``record_type`` tells them apart and
``event_type`` tells the three kinds of event apart.
"""

from typing import Annotated

from pydantic import Field, TypeAdapter

from newsevents.models.actor import Actor
from newsevents.models.base import Model, Violation
from newsevents.models.coding import AcledCoding, CameoCoding, PloverCoding
from newsevents.models.document import Document, PublicationDate, text_sha256
from newsevents.models.events import (
    Alert,
    Deployment,
    Event,
    EventBase,
    EventLink,
    Force,
    Participant,
    Purpose,
    ReadinessChange,
    Statement,
)
from newsevents.models.factuality import Condition, Factuality
from newsevents.models.location import Location
from newsevents.models.provenance import Provenance
from newsevents.models.quantity import Quantity
from newsevents.models.span import EvidenceSpan
from newsevents.models.time import EventTime

Record = Annotated[Document | Actor | Event, Field(discriminator="record_type")]
"""Any top-level record."""

RECORD_ADAPTER: TypeAdapter[Document | Actor | Alert | Deployment | Statement] = TypeAdapter(Record)
EVENT_ADAPTER: TypeAdapter[Alert | Deployment | Statement] = TypeAdapter(Event)

__all__ = [
    "EVENT_ADAPTER",
    "RECORD_ADAPTER",
    "AcledCoding",
    "Actor",
    "Alert",
    "CameoCoding",
    "Condition",
    "Deployment",
    "Document",
    "Event",
    "EventBase",
    "EventLink",
    "EventTime",
    "EvidenceSpan",
    "Factuality",
    "Force",
    "Location",
    "Model",
    "Participant",
    "PloverCoding",
    "Provenance",
    "PublicationDate",
    "Purpose",
    "Quantity",
    "ReadinessChange",
    "Record",
    "Statement",
    "Violation",
    "text_sha256",
]
