"""Country codes of the sources as ISO 3166-1 alpha-3: GDELT's FIPS 10-4, ACLED's ISO numeric.

The FIPS table is data (``crosswalk/data/fips_countries.tsv``, from GeoNames, with its source
in the folder's README); ISO numeric codes come from pycountry, the package's ISO tables.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import pycountry


@cache
def _fips_rows() -> tuple[tuple[str, str], ...]:
    text = (files("newsevents.crosswalk") / "data" / "fips_countries.tsv").read_text("utf-8")
    header, *lines = text.splitlines()
    assert header.split("\t")[:2] == ["fips", "iso3"], header
    return tuple((line.split("\t")[0], line.split("\t")[1]) for line in lines if line)


@cache
def fips_to_iso3() -> dict[str, str]:
    """FIPS 10-4 country code -> ISO 3166-1 alpha-3."""
    return dict(_fips_rows())


@cache
def iso3_to_fips() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> the first FIPS 10-4 code listed for it."""
    found: dict[str, str] = {}
    for fips, iso3 in _fips_rows():
        found.setdefault(iso3, fips)
    return found


@cache
def numeric_to_iso3() -> dict[str, str]:
    """ISO 3166-1 numeric code (no leading zeros) -> alpha-3."""
    return {str(int(c.numeric)): c.alpha_3 for c in pycountry.countries}


@cache
def iso3_to_numeric() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> numeric code without leading zeros (as ACLED writes it)."""
    return {c.alpha_3: str(int(c.numeric)) for c in pycountry.countries}


@cache
def iso3_to_name() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> the country's common English name (pycountry)."""
    return {c.alpha_3: getattr(c, "common_name", c.name) for c in pycountry.countries}
