"""Evidence spans: W3C TextPositionSelector offsets plus a TextQuoteSelector copy of the text."""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import Field, model_validator

from newsevents.models.base import Model, Violation, raise_violations

Offset = Annotated[int, Field(ge=0, le=2**40)]


class EvidenceSpan(Model):
    """A stretch of the document text, by code point offsets and by its exact words.

    ``start`` and ``end`` count Unicode code points (Python ``str`` indices), end exclusive,
    as the W3C TextPositionSelector does; ``exact`` is the selected text itself (the
    TextQuoteSelector), so a reader can check the offsets and re-anchor a span after an edit.
    """

    start: Offset = Field(description="Offset of the first selected code point (0-based).")
    end: Offset = Field(description="Offset just past the last selected code point (exclusive).")
    exact: str = Field(
        min_length=1,
        max_length=100_000,
        description="The selected text, exactly as it stands in the document.",
        examples=["put some 8,500 troops"],
    )
    prefix: str | None = Field(
        default=None, max_length=1_000, description="Text immediately before the selection."
    )
    suffix: str | None = Field(
        default=None, max_length=1_000, description="Text immediately after the selection."
    )

    @model_validator(mode="after")
    def _check_offsets(self) -> Self:
        raise_violations(self, self.violations())
        return self

    def violations(self) -> list[Violation]:
        """Return the offset rules this span breaks (reversed, empty, wrong length)."""
        where = {"start": self.start, "end": self.end}
        if self.start > self.end:
            return [Violation("NE603", ("start",), where, self.start)]
        if self.start == self.end:
            return [Violation("NE602", ("end",), where, self.end)]
        width = self.end - self.start
        if width != len(self.exact):
            context = {**where, "width": width, "length": len(self.exact)}
            return [Violation("NE605", ("exact",), context, self.exact)]
        return []

    def select(self, text: str) -> str:
        """Return the text these offsets select in ``text``."""
        return text[self.start : self.end]
