"""General events: any other CAMEO-coded event, such as a consultation, meeting or appeal."""

from __future__ import annotations

from typing import ClassVar, Literal, Self

from pydantic import Field, model_validator

from newsevents.models.base import LongText, Violation, raise_violations, since
from newsevents.models.events.base import EventBase


class GeneralEvent(EventBase):
    """An event outside alerts, deployments and statements, typed by its codings alone.

    The Biden video call with European leaders is one (CAMEO 040, consult), and so is every
    imported GDELT, ACLED or POLECAT row whose record says no more than its codes: a general
    event allows any CAMEO code and needs at least one coding (CAMEO, PLOVER or ACLED).
    """

    event_type_name: ClassVar[str] = "general"

    event_type: Literal["general"] = Field(
        description="Always 'general'.", json_schema_extra=since("1.1.0")
    )
    summary: LongText | None = Field(
        default=None,
        description="What happened, in one or two sentences.",
        examples=["Biden held a video call with European leaders on Russia and Ukraine."],
    )

    @model_validator(mode="after")
    def _check_general(self) -> Self:
        raise_violations(self, [*self.base_violations(), *self.coding_violations()])
        return self

    def coding_violations(self) -> list[Violation]:
        """Return the rule that gives a general event its type: at least one coding."""
        if self.cameo is None and self.plover is None and self.acled is None:
            return [Violation("NE415", ("cameo",), {"found": self.id}, None)]
        return []
