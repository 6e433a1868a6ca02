"""Who annotated a record, how, under which guidelines, and when."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from newsevents.models.base import IsoDatetime, Model, ShortText, since

SemVer = Annotated[
    str, StringConstraints(pattern=r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
]


class SourceRecord(Model):
    """Where an imported record came from: the dataset, and its row or record there."""

    dataset: ShortText = Field(
        description="The dataset or feed the record was imported from.",
        examples=["GDELT 2.0", "ACLED", "PLOVER", "POLECAT"],
    )
    record_id: ShortText | None = Field(
        default=None,
        description="The record's id in that dataset (GLOBALEVENTID, event_id_cnty...).",
        examples=["1025183290"],
    )
    row: Annotated[int, Field(ge=0)] | None = Field(
        default=None, description="0-based data row in the file read (header not counted)."
    )
    file: ShortText | None = Field(
        default=None,
        description="The file read, as named by the source.",
        examples=["20220124.export.CSV"],
    )


class Provenance(Model):
    """The annotation's origin: annotator, method, guideline version and time."""

    annotator: ShortText = Field(description="Who annotated (a person's handle or a tool).")
    method: Literal["by_hand", "automatic", "semi_automatic", "imported"] = Field(
        description="by_hand: read and coded by a person; automatic: produced by a program; "
        "semi_automatic: a program's output corrected by a person; imported: converted from "
        "another dataset's record (see source_record).",
        json_schema_extra=since("1.0.0", imported="1.1.0"),
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
    source_record: SourceRecord | None = Field(
        default=None,
        description="The other dataset's record this one was imported from.",
        json_schema_extra=since("1.1.0"),
    )
    confidence: Annotated[float, Field(ge=0, le=1)] | None = Field(
        default=None, description="The annotator's confidence in the record, 0 to 1."
    )
