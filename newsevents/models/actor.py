"""Actors, defined once per dataset and referenced from events by id."""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import Field, StringConstraints, field_validator, model_validator

from newsevents.codebooks import is_country_code
from newsevents.models.base import (
    SCHEMA_MAJOR_PATTERN,
    CountryCode,
    Identifier,
    LongText,
    Model,
    ShortText,
    Violation,
    WikidataId,
    duplicates,
    raise_violations,
)
from newsevents.models.location import check_country
from newsevents.versions import is_before

CameoActorCode = Annotated[str, StringConstraints(pattern=r"^(?:[A-Z]{3}){1,5}$")]
ActorKind = Literal[
    "person",
    "government_body",
    "armed_force",
    "state",
    "international_organisation",
    "group",
]


class Actor(Model):
    """Someone who acts or is acted upon: a person, a body, a force, a state, an IGO."""

    record_type: Literal["actor"] = Field(description="Always 'actor'.")
    schema_version: str = Field(
        pattern=SCHEMA_MAJOR_PATTERN,
        description="Schema version of this record.",
        examples=["1.0.0"],
    )
    id: Identifier = Field(description="Actor id, unique in a dataset.", examples=["actor-kirby"])
    name: ShortText = Field(description="The name as first written.", examples=["John Kirby"])
    canonical_name: ShortText = Field(description="The usual full name.", examples=["John Kirby"])
    kind: ActorKind = Field(description="What sort of actor it is.")
    cameo_code: CameoActorCode | None = Field(
        default=None,
        description="CAMEO actor code: 1-5 three-letter elements, country or international "
        "type first, then roles (USAGOV, USAMIL, IGOWSTNAT).",
        examples=["USAGOVMIL"],
    )
    country: CountryCode | None = Field(
        default=None, description="ISO 3166-1 alpha-3 country the actor belongs to."
    )
    title: ShortText | None = Field(
        default=None, description="Title or office at the time.", examples=["press secretary"]
    )
    wikidata_id: WikidataId | None = Field(
        default=None, description="Wikidata item (Q-number), only when certain, never guessed."
    )
    member_of: list[Identifier] = Field(
        default_factory=list, max_length=50, description="Actors this one belongs to or speaks for."
    )
    notes: LongText | None = Field(default=None, description="Reasons for non-obvious choices.")

    _country = field_validator("country")(check_country)

    @model_validator(mode="after")
    def _check_actor(self) -> Self:
        raise_violations(self, self.violations())
        return self

    def violations(self) -> list[Violation]:
        """Return the rules this actor breaks (code's country element vs country; from
        1.1.0, membership of itself or of the same actor twice)."""
        found: list[Violation] = []
        if self.cameo_code is not None and self.country is not None:
            head = self.cameo_code[:3]
            if is_country_code(head) and head != self.country:
                context = {"expected": self.country, "found": self.cameo_code}
                found.append(Violation("NE412", ("cameo_code",), context, self.cameo_code))
        if is_before(self.schema_version, "1.1.0"):
            return found
        for index, group in enumerate(self.member_of):
            if group == self.id:
                found.append(Violation("NE510", ("member_of", index), {"found": group}, group))
        for index, group in duplicates(self.member_of):
            found.append(Violation("NE508", ("member_of", index), {"found": group}, group))
        return found
