"""The state one validation run keeps across records: document texts and reference ids."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsevents.validation.checks.anchoring import DocumentStore
from newsevents.validation.checks.references import ReferenceIndex


@dataclass(slots=True)
class RunState:
    """Cross-record state: the documents at hand and the ids and references seen so far."""

    documents: DocumentStore = field(default_factory=DocumentStore)
    references: ReferenceIndex = field(default_factory=ReferenceIndex)
