"""The pydantic models: the single source of truth for the schema.

Top-level records are documents, actors and events; ``record_type`` tells them apart and
``event_type`` tells the four kinds of event apart.  One set of models serves every
published version: :func:`validator_for` restricts them to an older version's features.
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
    GeneralEvent,
    Participant,
    Purpose,
    ReadinessChange,
    Statement,
)
from newsevents.models.factuality import Condition, ConditionAlternative, Factuality
from newsevents.models.location import Location
from newsevents.models.provenance import Provenance, SourceRecord
from newsevents.models.quantity import Quantity
from newsevents.models.span import EvidenceSpan
from newsevents.models.time import EventTime
from newsevents.models.versioning import VersionValidator, newer_features, validator_for

Record = Annotated[Document | Actor | Event, Field(discriminator="record_type")]
"""Any top-level record."""

AnyRecord = Document | Actor | Alert | Deployment | Statement | GeneralEvent
AnyEvent = Alert | Deployment | Statement | GeneralEvent

RECORD_ADAPTER: TypeAdapter[AnyRecord] = TypeAdapter(Record)
EVENT_ADAPTER: TypeAdapter[AnyEvent] = TypeAdapter(Event)

__all__ = [
    "EVENT_ADAPTER",
    "RECORD_ADAPTER",
    "AcledCoding",
    "Actor",
    "Alert",
    "AnyEvent",
    "AnyRecord",
    "CameoCoding",
    "Condition",
    "ConditionAlternative",
    "Deployment",
    "Document",
    "Event",
    "EventBase",
    "EventLink",
    "EventTime",
    "EvidenceSpan",
    "Factuality",
    "Force",
    "GeneralEvent",
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
    "SourceRecord",
    "Statement",
    "VersionValidator",
    "Violation",
    "newer_features",
    "text_sha256",
    "validator_for",
]
