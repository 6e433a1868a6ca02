"""Statements: who said what, quoted or reported, and which events the words report."""

from __future__ import annotations

from typing import ClassVar, Literal, Self

from pydantic import Field, model_validator

from newsevents.models.base import (
    Identifier,
    LongText,
    ShortText,
    Violation,
    duplicates,
    raise_violations,
)
from newsevents.models.events.base import EventBase
from newsevents.models.span import EvidenceSpan


class Statement(EventBase):
    """A public statement by one speaker, linked to the events it reports."""

    event_type_name: ClassVar[str] = "statement"

    event_type: Literal["statement"] = Field(description="Always 'statement'.")
    speaker_role: ShortText | None = Field(
        default=None,
        description="The speaker's role as the text gives it.",
        examples=["Pentagon press secretary"],
    )
    audience: ShortText | None = Field(
        default=None, description="Who the statement is made to, in words."
    )
    speech: Literal["direct_quotation", "reported_speech", "mixed"] = Field(
        description="direct_quotation (in quotation marks), reported_speech (paraphrase, "
        "'X said that ...'), or mixed."
    )
    quote: EvidenceSpan | None = Field(
        default=None, description="The quoted words, without the quotation marks."
    )
    summary: LongText = Field(description="What the statement says, in one or two sentences.")
    reports: list[Identifier] = Field(
        default_factory=list,
        max_length=100,
        description="Events this statement reports (a statement that troops would deploy "
        "reports that deployment).",
    )

    @property
    def speaker(self) -> str | None:
        """The speaker's actor id."""
        speakers = self.actors_in_role("speaker")
        return speakers[0] if speakers else None

    @model_validator(mode="after")
    def _check_statement(self) -> Self:
        raise_violations(self, [*self.base_violations(), *self.statement_violations()])
        return self

    def statement_violations(self) -> list[Violation]:
        """Return the statement rules (one speaker, quote span, reports)."""
        found: list[Violation] = []
        speakers = self.actors_in_role("speaker")
        if len(speakers) != 1:
            found.append(Violation("NE715", ("participants",), {"found": len(speakers)}))
        if self.speech != "reported_speech" and self.quote is None:
            reason = f"speech is {self.speech} but no quote span is given"
            found.append(Violation("NE718", ("quote",), {"reason": reason}))
        if self.speech == "reported_speech" and self.quote is not None:
            reason = "reported speech has no quotation: put its span in evidence"
            found.append(Violation("NE718", ("quote",), {"reason": reason}))
        for index, event_id in enumerate(self.reports):
            if event_id == self.id:
                found.append(Violation("NE505", ("reports", index), {"found": self.id}, event_id))
        for index, event_id in duplicates(self.reports):
            found.append(Violation("NE508", ("reports", index), {"found": event_id}, event_id))
        return found
