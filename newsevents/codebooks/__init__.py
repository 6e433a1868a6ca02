"""Codebooks as package data: CAMEO 1.1b3, PLOVER 0.8, ACLED, ISO 3166-1 alpha-3.

The codebook bundle has its own version, :data:`CODEBOOK_VERSION`, independent of the record
schema's version: a new PLOVER draft or ACLED sub-type changes the codebooks, not the shape of
a record.  Every table is read once, lazily, from files shipped inside the package.
"""

from newsevents.codebooks.acled import ACLED_EVENT_TYPES, acled_pair_is_valid
from newsevents.codebooks.cameo import (
    CameoCode,
    cameo_actor_elements,
    cameo_code,
    cameo_codes,
    expected_goldstein,
    expected_quad_class,
)
from newsevents.codebooks.countries import is_country_code
from newsevents.codebooks.plover import (
    PLOVER_CONTEXTS,
    PLOVER_SPECIAL_CONTEXTS,
    PLOVER_TYPES,
    plover_modes,
)

CODEBOOK_VERSION = "1.0.0"
"""Version of the codebook bundle (semver; see docs/versioning.md)."""

CODEBOOK_SOURCES = {
    "cameo": "CAMEO 1.1b3 (Schrodt, March 2012), GDELT and ICEWS Goldstein tables",
    "plover": "PLOVER manual DRAFT v0.8",
    "acled": "ACLED codebook event and sub-event types (2023)",
    "countries": "ISO 3166-1 alpha-3 via pycountry",
}

__all__ = [
    "ACLED_EVENT_TYPES",
    "CODEBOOK_SOURCES",
    "CODEBOOK_VERSION",
    "PLOVER_CONTEXTS",
    "PLOVER_SPECIAL_CONTEXTS",
    "PLOVER_TYPES",
    "CameoCode",
    "acled_pair_is_valid",
    "cameo_actor_elements",
    "cameo_code",
    "cameo_codes",
    "expected_goldstein",
    "expected_quad_class",
    "is_country_code",
    "plover_modes",
]
