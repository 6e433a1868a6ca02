"""The crosswalk's mapping tables: FIPS 10-4 codes, ISO numeric codes and the event-type table
agree with the codebooks they point into."""

from __future__ import annotations

from importlib.resources import files

import pycountry

from newsevents.codebooks import ACLED_EVENT_TYPES, PLOVER_TYPES, cameo_codes, plover_modes
from newsevents.codebooks.event_types import allowed_cameo_codes
from newsevents.crosswalk import countries
from newsevents.crosswalk.event_types import for_acled, for_cameo, for_plover, mapping_table


def test_every_fips_code_is_listed_once_and_maps_to_a_current_iso_code() -> None:
    text = (files("newsevents.crosswalk") / "data" / "fips_countries.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines()[1:]]
    fips = [row[0] for row in rows]
    assert len(fips) == len(set(fips)) == 257
    iso = {c.alpha_3 for c in pycountry.countries}
    assert {row[1] for row in rows} <= iso
    assert countries.fips_to_iso3()["UV"] == "BFA"  # Burkina Faso, as in the GDELT sample
    assert countries.fips_to_iso3()["UP"] == "UKR" and countries.fips_to_iso3()["RS"] == "RUS"
    assert countries.iso3_to_fips()["PSE"] == "WE"


def test_acled_numeric_codes_map_through_pycountry() -> None:
    assert countries.numeric_to_iso3()["804"] == "UKR"
    assert countries.numeric_to_iso3()["4"] == "AFG"  # ACLED writes no leading zeros
    assert countries.iso3_to_numeric()["AFG"] == "4"


def test_every_cameo_prefix_of_the_table_is_allowed_by_its_event_type() -> None:
    for event_type, prefixes in mapping_table()["cameo"].items():
        matched = {c for c in cameo_codes() if c.startswith(tuple(prefixes))}
        assert matched, event_type
        assert matched <= allowed_cameo_codes(event_type), event_type
    assert for_cameo("152") == "alert" and for_cameo("1541"[:3]) == "deployment"
    assert for_cameo("010") == "statement" and for_cameo("190") == "general"


def test_the_plover_and_acled_keys_of_the_table_are_codebook_values() -> None:
    for pairs in mapping_table()["plover"].values():
        for plover_type, mode in pairs:
            assert plover_type in PLOVER_TYPES and mode in plover_modes(plover_type)
    subs = {s for values in ACLED_EVENT_TYPES.values() for s in values}
    for values in mapping_table()["acled"].values():
        assert set(values) <= subs
    assert for_plover("MOBILIZE", ["troops"]) == "deployment"
    assert for_plover("MOBILIZE", []) == "general"
    assert for_acled("Headquarters or base established") == "deployment"
