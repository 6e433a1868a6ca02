"""Classifications in the standard codebooks: CAMEO, PLOVER and ACLED."""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import (
    AfterValidator,
    Field,
    JsonValue,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from newsevents.codebooks import (
    ACLED_EVENT_TYPES,
    PLOVER_TYPES,
    acled_pair_is_valid,
    cameo_code,
    cameo_codes,
    expected_goldstein,
    expected_quad_class,
    plover_modes,
)
from newsevents.codes import spec
from newsevents.models.base import Model, Violation, raise_violations

_PLOVER_TYPES: list[JsonValue] = [*PLOVER_TYPES]
_ACLED_TYPES: list[JsonValue] = [*ACLED_EVENT_TYPES]
_ACLED_SUB_TYPES: list[JsonValue] = [*sorted({s for v in ACLED_EVENT_TYPES.values() for s in v})]


def _unknown(code: str, **context: object) -> PydanticCustomError:
    return PydanticCustomError(code, spec(code).render(**context), dict(context))


CAMEO_CODE_PATTERN = r"^[0-9]{2,4}$"
CameoRoot = Annotated[str, StringConstraints(pattern=r"^[0-9]{2}$")]


def _known_code(code: str) -> str:
    if cameo_code(code) is None:
        raise _unknown("NE401", found=code)
    return code


CameoEventCode = Annotated[
    str,
    StringConstraints(max_length=8),
    AfterValidator(_known_code),
    WithJsonSchema(
        {"type": "string", "pattern": CAMEO_CODE_PATTERN, "enum": sorted(cameo_codes())}
    ),
]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][A-Za-z_-]{0,39}$")]
"""A PLOVER mode or context name: lower case, with hyphens, and PLOVER's one camel case (sideAB)."""


class CameoCoding(Model):
    """A CAMEO 1.1b3 event code with its root, quad class and Goldstein value.

    Codes are strings (``"010"`` is not ``"10"``).  Quad class and Goldstein value are stored
    with the convention they follow, since GDELT and ICEWS disagree (roots 09 and 14; 016).
    """

    code: CameoEventCode = Field(
        description="CAMEO 1.1b3 event code, 2-4 digits, leading zeros kept.",
        examples=["152"],
    )
    root: CameoRoot = Field(description="The first two digits of the code.", examples=["15"])
    quad_class: Literal[1, 2, 3, 4] = Field(
        description="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
        "4 material conflict."
    )
    quad_class_convention: Literal["gdelt", "icews"] = Field(
        default="gdelt", description="Grouping of roots into quad classes that quad_class uses."
    )
    goldstein: Annotated[float, Field(ge=-10, le=10)] = Field(
        description="Goldstein value of the code.", examples=[-7.2]
    )
    goldstein_table: Literal["gdelt", "icews"] = Field(
        default="gdelt", description="Table the Goldstein value comes from."
    )

    @model_validator(mode="after")
    def _check_consistency(self) -> Self:
        raise_violations(self, self.violations())
        return self

    def violations(self) -> list[Violation]:
        """Return the rules this coding breaks (root, quad class and Goldstein vs the code)."""
        entry = cameo_code(self.code)
        if entry is None:
            return []
        found: list[Violation] = []
        context: dict[str, object]
        if self.root != entry.root:
            context = {"expected": entry.root, "code": self.code, "found": self.root}
            found.append(Violation("NE403", ("root",), context, self.root))
        quad = expected_quad_class(entry, self.quad_class_convention)
        if self.quad_class != quad:
            context = {
                "expected": quad,
                "code": self.code,
                "convention": self.quad_class_convention,
                "found": self.quad_class,
            }
            found.append(Violation("NE404", ("quad_class",), context, self.quad_class))
        goldstein = expected_goldstein(entry, self.goldstein_table)
        if goldstein is not None and abs(self.goldstein - goldstein) > 1e-9:
            context = {
                "expected": goldstein,
                "code": self.code,
                "table": self.goldstein_table,
                "found": self.goldstein,
            }
            found.append(Violation("NE405", ("goldstein",), context, self.goldstein))
        return found


class PloverCoding(Model):
    """A PLOVER 0.8 event type, its modes and general contexts."""

    type: str = Field(
        description="PLOVER event type.",
        examples=["MOBILIZE"],
        json_schema_extra={"enum": _PLOVER_TYPES},
    )
    modes: list[Slug] = Field(
        default_factory=list, max_length=10, description="PLOVER modes of that type."
    )
    contexts: list[Slug] = Field(
        default_factory=list,
        max_length=30,
        description="PLOVER general contexts (an open list). Special contexts (future, "
        "hypothetical, negation) are derived from factuality, not written here.",
        examples=[["military"]],
    )

    @field_validator("type")
    @classmethod
    def _known_type(cls, plover_type: str) -> str:
        if plover_type not in PLOVER_TYPES:
            raise _unknown("NE406", found=plover_type)
        return plover_type

    @model_validator(mode="after")
    def _check_modes(self) -> Self:
        allowed = plover_modes(self.type)
        raise_violations(
            self,
            (
                Violation(
                    "NE407",
                    ("modes", index),
                    {"expected": list(allowed), "plover_type": self.type, "found": mode},
                    mode,
                )
                for index, mode in enumerate(self.modes)
                if mode not in allowed
            ),
        )
        return self


class AcledCoding(Model):
    """An ACLED event type and sub-event type (a pair from ACLED's codebook)."""

    event_type: str = Field(
        description="ACLED event type.",
        examples=["Strategic developments"],
        json_schema_extra={"enum": _ACLED_TYPES},
    )
    sub_event_type: str = Field(
        description="ACLED sub-event type, one of the event type's.",
        examples=["Change to group/activity"],
        json_schema_extra={"enum": _ACLED_SUB_TYPES},
    )

    @model_validator(mode="after")
    def _check_pair(self) -> Self:
        if not acled_pair_is_valid(self.event_type, self.sub_event_type):
            expected = list(ACLED_EVENT_TYPES.get(self.event_type, ACLED_EVENT_TYPES))
            context = {
                "expected": expected,
                "event_type": self.event_type,
                "found": self.sub_event_type,
            }
            loc = "sub_event_type" if self.event_type in ACLED_EVENT_TYPES else "event_type"
            raise_violations(self, [Violation("NE409", (loc,), context, self.sub_event_type)])
        return self
