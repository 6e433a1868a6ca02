"""ISO 3166-1 alpha-3 country codes, from pycountry (a maintained copy of the ISO tables)."""

from __future__ import annotations

from functools import cache

import pycountry


@cache
def country_codes() -> frozenset[str]:
    """Return every current ISO 3166-1 alpha-3 code."""
    return frozenset(country.alpha_3 for country in pycountry.countries)


def is_country_code(code: str) -> bool:
    """Whether ``code`` is a current ISO 3166-1 alpha-3 code."""
    return code in country_codes()
