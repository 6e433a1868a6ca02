"""Quantities: a count or a range of counts, exact or approximate, with evidence."""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from newsevents.models.base import Model, ShortText, Violation, raise_violations, since
from newsevents.models.span import EvidenceSpan

Count = Annotated[int, Field(ge=0, le=10**12)]


class Quantity(Model):
    """How many: a single value (``8500``) or a range (``low``-``high``), never both."""

    value: Count | None = Field(default=None, description="The number, when one is given.")
    low: Count | None = Field(default=None, description="Lower bound of a range.")
    high: Count | None = Field(default=None, description="Upper bound of a range.")
    approximate: bool = Field(
        default=False,
        description='Whether the text hedges the number ("some 8,500", "about", "nearly").',
    )
    unit: ShortText = Field(
        description="What is counted, in the text's words.", examples=["troops", "soldiers"]
    )
    evidence: EvidenceSpan | None = Field(
        default=None, description="The words that give the number."
    )
    portion: Literal["all", "most", "half", "some", "few", "part"] | None = Field(
        default=None,
        description='A part of another quantity, as the text says it ("most of the 8,500": '
        "portion most, of 8500); then value and range are optional.",
        json_schema_extra=since("1.1.0"),
    )
    of: Count | None = Field(
        default=None,
        description="The number the portion is of (required with portion); approximate and "
        "unit apply to it.",
        json_schema_extra=since("1.1.0"),
    )

    @model_validator(mode="after")
    def _check_shape(self) -> Self:
        raise_violations(self, self.violations())
        return self

    def violations(self) -> list[Violation]:
        """Return the rules this quantity breaks (shape, reversed range)."""
        has_value = self.value is not None
        has_range = self.low is not None or self.high is not None
        if (self.portion is None) != (self.of is None):
            reason = "portion and of come together"
            return [
                Violation("NE710", ("of" if self.of is None else "portion",), {"reason": reason})
            ]
        if self.portion is not None and not has_value and not has_range:
            return []
        if has_value == has_range:
            reason = (
                "give either value or low and high, not both"
                if has_value
                else "give a value, or low and high"
            )
            return [Violation("NE710", ("value",), {"reason": reason}, self.value)]
        if has_range and (self.low is None or self.high is None):
            reason = "a range needs both low and high"
            return [
                Violation("NE710", ("low" if self.low is None else "high",), {"reason": reason})
            ]
        if self.low is not None and self.high is not None and self.low > self.high:
            return [Violation("NE709", ("low",), {"low": self.low, "high": self.high}, self.low)]
        return []
