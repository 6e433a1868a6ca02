"""Factuality on separate axes: polarity, modality, tense, certainty, genericity, condition."""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from newsevents.models.base import (
    Identifier,
    LongText,
    Model,
    Violation,
    raise_violations,
    since,
)
from newsevents.models.span import EvidenceSpan

Polarity = Literal["positive", "negative"]
Modality = Literal[
    "asserted", "planned", "proposed", "considered", "conditional", "possible", "hypothetical"
]
Tense = Literal["past", "present", "future", "unspecified"]
Certainty = Literal["certain", "probable", "possible", "unknown"]
Genericity = Literal["specific", "generic"]


class ConditionAlternative(Model):
    """One condition: what must happen first, in the text's words."""

    text: LongText = Field(
        description="The condition in the text's words.",
        examples=["if NATO decides to activate a rapid response force"],
    )
    evidence: EvidenceSpan | None = Field(default=None, description="Span of the condition.")
    event_id: Identifier | None = Field(
        default=None, description="The annotated event that is the condition, if any."
    )


class Condition(ConditionAlternative):
    """What must happen first for a conditional event to happen (any one alternative, when
    ``any_of`` lists them)."""

    any_of: Annotated[list[ConditionAlternative], Field(min_length=2, max_length=20)] | None = (
        Field(
            default=None,
            description='Alternatives, any one of which suffices ("if NATO activates the NRF '
            'or if other situations develop"); text then gives the whole condition.',
            json_schema_extra=since("1.1.0"),
        )
    )


class Factuality(Model):
    """How the text presents an event: did it happen, will it, might it, is it denied?

    Finer than each anchor: ACE 2005 has polarity, tense, genericity and a two-valued modality;
    Rich ERE collapses everything to a REALIS value; PLOVER has special contexts.  Each is
    derived from these fields (``realis``, ``ace_modality``, ``plover_special_contexts``).
    """

    polarity: Polarity = Field(
        description="negative when the text says the event does not or will not happen."
    )
    modality: Modality = Field(
        description="asserted (happens or happened), planned (decided, future), proposed "
        "(recommended or requested), considered (under review), conditional (only if the "
        "condition holds), possible (may happen), hypothetical (imagined)."
    )
    tense: Tense = Field(description="Time of the event relative to the publication (ACE Tense).")
    certainty: Certainty = Field(
        default="certain", description="How sure the source is, as the text reports it."
    )
    genericity: Genericity = Field(
        default="specific", description="A specific occurrence, or a generic statement (ACE)."
    )
    condition: Condition | None = Field(
        default=None, description="Required exactly when modality is conditional."
    )
    holder: Identifier | None = Field(
        default=None,
        description='The actor whose attitude the modality or certainty is ("Austin '
        "envisions\"): FactBank's source; absent, it is the text's author.",
        json_schema_extra=since("1.1.0"),
    )

    @model_validator(mode="after")
    def _check_condition(self) -> Self:
        raise_violations(self, self.violations())
        return self

    def violations(self) -> list[Violation]:
        """Return the rules this factuality breaks (condition iff conditional)."""
        if self.modality == "conditional" and self.condition is None:
            return [Violation("NE701", ("condition",))]
        if self.modality != "conditional" and self.condition is not None:
            return [Violation("NE702", ("condition",), {"found": self.modality})]
        return []

    @property
    def realis(self) -> Literal["ACTUAL", "GENERIC", "OTHER"]:
        """Rich ERE REALIS: ACTUAL (asserted, positive, specific), GENERIC, or OTHER."""
        if self.genericity == "generic":
            return "GENERIC"
        if self.polarity == "positive" and self.modality == "asserted":
            return "ACTUAL"
        return "OTHER"

    @property
    def ace_modality(self) -> Literal["ASSERTED", "OTHER"]:
        """ACE 2005 Modality."""
        return "ASSERTED" if self.modality == "asserted" else "OTHER"

    @property
    def plover_special_contexts(self) -> tuple[str, ...]:
        """PLOVER special contexts implied by these axes (negation, hypothetical, future)."""
        contexts: list[str] = []
        if self.polarity == "negative":
            contexts.append("negation")
        if self.modality in ("conditional", "hypothetical", "possible"):
            contexts.append("hypothetical")
        if self.tense == "future" or self.modality in ("planned", "proposed", "considered"):
            contexts.append("future")
        return tuple(contexts)
