"""Event time: a date with its precision, the words that give it and how it was resolved."""

from __future__ import annotations

import datetime as dt
from typing import Literal, Self

from pydantic import Field, model_validator

from newsevents.models.base import (
    IsoDate,
    LongText,
    Model,
    ShortText,
    Violation,
    raise_violations,
)
from newsevents.models.span import EvidenceSpan

Precision = Literal["day", "week", "month", "year"]

ACLED_TIME_PRECISION: dict[str, int] = {"day": 1, "week": 2, "month": 3, "year": 3}
"""Our precision -> ACLED's time_precision code (ACLED has no year level; 3 is its coarsest)."""


class EventTime(Model):
    """When an event happens: ``date`` is the first day of the period ``precision`` names.

    A week starts on its ISO Monday, a month on day 1, a year on 1 January, so a date and a
    precision name one period without ambiguity (ACLED instead picks the middle of the week).
    """

    date: IsoDate = Field(
        strict=False,
        description="First day of the period (ISO 8601 date).",
        examples=["2022-01-24"],
    )
    end_date: IsoDate | None = Field(
        default=None, strict=False, description="Last day, for an event that spans a period."
    )
    precision: Precision = Field(
        description="How exactly the date is known (ACLED time_precision: day 1, week 2, month 3)."
    )
    expression: ShortText | None = Field(
        default=None, description="The time expression as written.", examples=["Monday"]
    )
    evidence: EvidenceSpan | None = Field(default=None, description="Span of the expression.")
    inferred: bool = Field(
        default=False, description="Whether the date is resolved from context, not stated."
    )
    inferred_from: LongText | None = Field(
        default=None,
        description="What the date was resolved from, when inferred.",
        examples=["'Monday' resolved against the publication date 2022-01-24"],
    )

    @model_validator(mode="after")
    def _check_time(self) -> Self:
        raise_violations(self, self.violations())
        return self

    def violations(self) -> list[Violation]:
        """Return the rules this time breaks (basis, precision alignment, reversed range)."""
        found: list[Violation] = []
        if self.inferred and not self.inferred_from:
            found.append(Violation("NE707", ("inferred_from",)))
        reason = misaligned(self.date, self.precision)
        if reason:
            found.append(Violation("NE706", ("date",), {"reason": reason}, self.date.isoformat()))
        if self.end_date is not None and self.end_date < self.date:
            context = {"found": self.end_date.isoformat(), "start": self.date.isoformat()}
            found.append(Violation("NE708", ("end_date",), context, context["found"]))
        return found


def misaligned(date: dt.date, precision: Precision) -> str | None:
    """Say why ``date`` is not the first day of a ``precision`` period, or None when it is."""
    if precision == "week" and date.isoweekday() != 1:
        return f"a week-precision date must be a Monday, found a {date:%A}"
    if precision == "month" and date.day != 1:
        return f"a month-precision date must be the 1st, found day {date.day}"
    if precision == "year" and (date.month, date.day) != (1, 1):
        return f"a year-precision date must be 1 January, found {date:%d %B}"
    return None
