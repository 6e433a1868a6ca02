"""Locations: named places, regions and countries, with optional coordinates."""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import Field, field_validator, model_validator

from newsevents.codebooks import is_country_code
from newsevents.models.base import (
    CountryCode,
    LongText,
    Model,
    ShortText,
    Violation,
    WikidataId,
    raise_violations,
    since,
)
from newsevents.models.span import EvidenceSpan

LocationKind = Literal["country", "region", "admin_area", "place", "water_body"]


def check_country(code: str | None) -> str | None:
    """Reject a code that has the shape of, but is not, an ISO 3166-1 alpha-3 code."""
    from pydantic_core import PydanticCustomError

    from newsevents.codes import spec

    if code is not None and not is_country_code(code):
        message = spec("NE410").render(found=code)
        raise PydanticCustomError("NE410", message, {"found": code})
    return code


class Location(Model):
    """A place named in the text: a country, a region (Europe), an area or a town."""

    name: ShortText = Field(description="The place as written.", examples=["Europe"])
    kind: LocationKind = Field(description="What sort of place it is.")
    country_code: CountryCode | None = Field(
        default=None,
        description="ISO 3166-1 alpha-3 code of the country the place is in (or is).",
        examples=["UKR"],
    )
    admin1: ShortText | None = Field(default=None, description="First-level subdivision.")
    admin2: ShortText | None = Field(default=None, description="Second-level subdivision.")
    latitude: Annotated[float, Field(ge=-90, le=90)] | None = Field(
        default=None, description="WGS 84 latitude in degrees."
    )
    longitude: Annotated[float, Field(ge=-180, le=180)] | None = Field(
        default=None, description="WGS 84 longitude in degrees."
    )
    geo_precision: Literal[1, 2, 3] | None = Field(
        default=None,
        description="ACLED geo_precision: 1 the town itself, 2 near it or part of a region, "
        "3 the region only.",
    )
    wikidata_id: WikidataId | None = Field(
        default=None, description="Wikidata item, only when certain."
    )
    evidence: EvidenceSpan | None = Field(default=None, description="Where the text names it.")
    inferred: bool | None = Field(
        default=None,
        description="Whether the text implies rather than names the place.",
        json_schema_extra=since("1.1.0"),
    )
    inferred_from: LongText | None = Field(
        default=None,
        description="What the place was inferred from (required when inferred).",
        json_schema_extra=since("1.1.0"),
    )

    _country = field_validator("country_code")(check_country)

    @model_validator(mode="after")
    def _check_location(self) -> Self:
        raise_violations(self, self.violations())
        return self

    def violations(self) -> list[Violation]:
        """Return the rules this location breaks (half coordinates, country without code)."""
        found: list[Violation] = []
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            found.append(Violation("NE716", (missing,)))
        if self.kind == "country" and self.country_code is None:
            found.append(Violation("NE717", ("country_code",), {"found": self.name}))
        if self.inferred and not self.inferred_from:
            found.append(Violation("NE707", ("inferred_from",)))
        return found
