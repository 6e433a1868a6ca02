"""CAMEO 1.1b3 event codes and actor code elements."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from newsevents.codebooks._files import read_tsv

QuadConvention = Literal["gdelt", "icews"]
GoldsteinTable = Literal["gdelt", "icews"]


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its hierarchy, Goldstein values, quad classes and PLOVER type."""

    code: str
    name: str
    level: int
    root: str
    parent: str | None
    goldstein_gdelt: float | None
    goldstein_icews: float | None
    quad_gdelt: int
    quad_icews: int
    plover_type: str | None


def _optional_float(cell: str) -> float | None:
    return float(cell) if cell else None


@cache
def cameo_codes() -> dict[str, CameoCode]:
    """Return every CAMEO 1.1b3 event code (316), keyed by its string code."""
    return {
        row["code"]: CameoCode(
            code=row["code"],
            name=row["name"],
            level=int(row["level"]),
            root=row["root"],
            parent=row["parent"] or None,
            goldstein_gdelt=_optional_float(row["goldstein_gdelt"]),
            goldstein_icews=_optional_float(row["goldstein_icews"]),
            quad_gdelt=int(row["quad_gdelt"]),
            quad_icews=int(row["quad_icews"]),
            plover_type=row["plover_type"] or None,
        )
        for row in read_tsv("event_codes.tsv")
    }


def cameo_code(code: str) -> CameoCode | None:
    """Return the codebook entry for ``code``, or None when it is not a CAMEO 1.1b3 code."""
    return cameo_codes().get(code)


def expected_quad_class(code: CameoCode, convention: QuadConvention) -> int:
    """Return the quad class of ``code`` under the GDELT or the ICEWS convention."""
    return code.quad_gdelt if convention == "gdelt" else code.quad_icews


def expected_goldstein(code: CameoCode, table: GoldsteinTable) -> float | None:
    """Return the Goldstein value of ``code`` in the GDELT or ICEWS table (None: no row)."""
    return code.goldstein_gdelt if table == "gdelt" else code.goldstein_icews


@cache
def cameo_actor_elements() -> frozenset[str]:
    """Return the CAMEO actor role, international and region code elements (60)."""
    return frozenset(row["code"] for row in read_tsv("actor_roles.tsv"))
