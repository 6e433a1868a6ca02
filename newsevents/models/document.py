"""The document: the verbatim text every span points into, and what is known of it."""

from __future__ import annotations

import hashlib
from typing import Annotated, Literal, Self

from pydantic import Field, StringConstraints, model_validator

from newsevents.models.base import (
    SCHEMA_MAJOR_PATTERN,
    Identifier,
    IsoDate,
    LongText,
    Model,
    ShortText,
    Violation,
    optional_since,
    raise_violations,
)
from newsevents.models.location import Location
from newsevents.models.span import EvidenceSpan
from newsevents.versions import is_before

LanguageTag = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s]+$", max_length=2_000)]


def text_sha256(text: str) -> str:
    """Return the hex sha256 of ``text``'s UTF-8 bytes, as a document's ``sha256`` gives it.

    Parameters
    ----------
    text
        The document's text, exactly as in its ``text`` field.

    Returns
    -------
    str
        64 lower-case hexadecimal digits.

    Examples
    --------
    >>> text_sha256("Kirbysaid")[:12]
    '57fbb7a9cb92'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class PublicationDate(Model):
    """When the document was published, and whether the document says so."""

    date: IsoDate = Field(strict=False, description="Publication date (ISO 8601).")
    status: Literal["stated", "inferred"] = Field(
        description="stated: the document gives it; inferred: resolved from other evidence."
    )
    basis: LongText | None = Field(
        default=None, description="What the date was inferred from (required when inferred)."
    )
    evidence: EvidenceSpan | None = Field(
        default=None, description="Span that states or implies the date."
    )

    @model_validator(mode="after")
    def _check_basis(self) -> Self:
        if self.status == "inferred" and not self.basis:
            raise_violations(self, [Violation("NE707", ("basis",))])
        return self


class Document(Model):
    """A news document, with its text kept byte for byte: spans are offsets into ``text``.

    From schema 1.1.0 a document may be known only by its source (``url`` or ``title``, with
    ``publisher`` and ``publication`` where known) without carrying its text: an imported
    GDELT or ACLED row names an article it does not contain.  Its events carry no spans.
    """

    record_type: Literal["document"] = Field(description="Always 'document'.")
    schema_version: str = Field(
        pattern=SCHEMA_MAJOR_PATTERN,
        description="Schema version of this record.",
        examples=["1.0.0"],
    )
    id: Identifier = Field(description="Document id, unique in a dataset.")
    text: Annotated[str, StringConstraints(min_length=1, max_length=10_000_000)] | None = Field(
        default=None,
        description="The verbatim text, glitches included; absent when the document is "
        "known only by its source (then url or title is required).",
        json_schema_extra=optional_since("1.1.0"),
    )
    sha256: Sha256 | None = Field(
        default=None,
        description="sha256 of the text's UTF-8 bytes, lower-case hex; given exactly when text is.",
        json_schema_extra=optional_since("1.1.0"),
    )
    language: LanguageTag = Field(description="BCP 47 language of the text.", examples=["en"])
    is_translation: bool = Field(description="Whether the text is a translation.")
    source_language: LanguageTag | None = Field(
        default=None, description="Language translated from, when a translation."
    )
    translation_method: Literal["human", "machine", "unknown"] | None = Field(
        default=None, description="How it was translated, when a translation."
    )
    title: ShortText | None = Field(default=None, description="Headline, when known.")
    publication: PublicationDate | None = Field(
        default=None, description="Publication date and how it is known."
    )
    dateline: Location | None = Field(default=None, description="The dateline place.")
    publisher: ShortText | None = Field(default=None, description="Publisher, where known.")
    url: Url | None = Field(default=None, description="Where the document was found.")
    notes: LongText | None = Field(default=None, description="Anything else worth knowing.")

    @model_validator(mode="after")
    def _check_document(self) -> Self:
        raise_violations(self, self.violations())
        return self

    @property
    def has_text(self) -> bool:
        """Whether the document carries its text (spans of its events can be checked)."""
        return self.text is not None

    def violations(self) -> list[Violation]:
        """Return the rules this document breaks (text and hash, source, translation)."""
        found: list[Violation] = []
        if (self.text is None) != (self.sha256 is None):
            missing = "sha256" if self.sha256 is None else "text"
            found.append(Violation("NE720", (missing,), {"missing": missing}))
        elif self.text is not None:
            actual = text_sha256(self.text)
            if actual != self.sha256:
                context = {"expected": actual, "found": self.sha256}
                found.append(Violation("NE606", ("sha256",), context, self.sha256))
        elif self.url is None and self.title is None:
            found.append(Violation("NE721", ("url",)))
        if self.is_translation and self.source_language is None:
            found.append(Violation("NE719", ("source_language",)))
        held_back = not is_before(self.schema_version, "1.1.0")
        if held_back and not self.is_translation and self.source_language is not None:
            context = {"found": self.source_language}
            found.append(Violation("NE722", ("source_language",), context, self.source_language))
        return found
