"""Who annotated a record, how, under which guidelines, and when."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from newsevents.models.base import IsoDatetime, Model, ShortText

SemVer = Annotated[
    str, StringConstraints(pattern=r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
]


class Provenance(Model):
    """The annotation's origin: annotator, method, guideline version and time."""

    annotator: ShortText = Field(description="Who annotated (a person's handle or a tool).")
    method: Literal["by_hand", "automatic", "semi_automatic"] = Field(
        description="by_hand: read and coded by a person; automatic: produced by a program; "
        "semi_automatic: a program's output corrected by a person."
    )
    guideline_version: SemVer = Field(
        description="Version of the annotation guidelines (docs/codebook.md) followed.",
        examples=["1.0.0"],
    )
    annotated_at: IsoDatetime = Field(
        strict=False,
        description="When the annotation was made, with a time zone (ISO 8601).",
        examples=["2026-11-25T09:00:00Z"],
    )
    tool: ShortText | None = Field(default=None, description="Annotation tool, if any.")
    confidence: Annotated[float, Field(ge=0, le=1)] | None = Field(
        default=None, description="The annotator's confidence in the record, 0 to 1."
    )
