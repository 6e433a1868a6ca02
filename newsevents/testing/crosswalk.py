"""Hypothesis strategies for source rows: GDELT 2.0 rows, ACLED rows, PLOVER records.

Each draws a row that is valid for its source *and* consistent with our codebooks, so the
crosswalk converts it without an error and a round trip can be checked field by field.
ACLED rows are made from the codebook only (ACLED's data may not be redistributed).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from newsevents.codebooks import ACLED_EVENT_TYPES, PLOVER_TYPES, cameo_codes, plover_modes
from newsevents.codebooks.acled import acled_disorder_type
from newsevents.crosswalk import countries
from newsevents.crosswalk.gdelt import COLUMNS_2

_COUNTRIES = ("USA", "RUS", "UKR", "FRA", "DEU", "BFA", "GBR", "CHN", "ISR", "LBN")
_ROLES = ("", "GOV", "MIL", "COP", "REB", "CVL", "GOVMIL", "OPP", "MED")
_DATES = st.dates(min_value=dt.date(1979, 1, 1), max_value=dt.date(2030, 12, 31))
_WORDS = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"), exclude_characters="\t,\"'"
    ),
    min_size=1,
    max_size=30,
).map(lambda s: s.strip() or "x")


def _gdelt_codes() -> list[str]:
    return sorted(
        code
        for code, entry in cameo_codes().items()
        if len(code) >= 3 and entry.goldstein_gdelt is not None
    )


@st.composite
def _actor(draw: st.DrawFn) -> tuple[str, str]:
    code = draw(st.sampled_from(_COUNTRIES)) + draw(st.sampled_from(_ROLES))
    return code, draw(_WORDS).upper()


@st.composite
def gdelt_rows(draw: st.DrawFn) -> dict[str, str]:
    """A GDELT 2.0 event row (column -> text), consistent with CAMEO 1.1b3 and our tables."""
    row = dict.fromkeys(COLUMNS_2, "")
    row["GLOBALEVENTID"] = str(draw(st.integers(1, 10**10)))
    date = draw(_DATES)
    row["SQLDATE"] = date.strftime("%Y%m%d")
    row["MonthYear"] = date.strftime("%Y%m")
    row["Year"] = str(date.year)
    row["FractionDate"] = f"{date.year + ((date.month - 1) * 30 + date.day) / 365:.4f}"
    for number in (1, 2):
        if draw(st.booleans()):
            code, name = draw(_actor())
            row[f"Actor{number}Code"], row[f"Actor{number}Name"] = code, name
            row[f"Actor{number}CountryCode"] = code[:3]
            for index, start in enumerate(range(3, len(code), 3), 1):
                row[f"Actor{number}Type{index}Code"] = code[start : start + 3]
    code = draw(st.sampled_from(_gdelt_codes()))
    entry = cameo_codes()[code]
    row["EventCode"], row["EventBaseCode"], row["EventRootCode"] = code, code[:3], entry.root
    row["QuadClass"] = str(entry.quad_gdelt)
    row["GoldsteinScale"] = repr(entry.goldstein_gdelt)
    for prefix in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
        row[f"{prefix}_Type"] = "0"
    if draw(st.booleans()):
        iso3 = draw(st.sampled_from(sorted(countries.iso3_to_fips())))
        in_us = iso3 == "USA"
        row["ActionGeo_Type"] = draw(st.sampled_from(["1", "2", "3"] if in_us else ["1", "4", "5"]))
        row["ActionGeo_FullName"] = draw(_WORDS)
        row["ActionGeo_CountryCode"] = countries.iso3_to_fips()[iso3]
        row["ActionGeo_ADM1Code"] = draw(st.sampled_from(["", row["ActionGeo_CountryCode"] + "01"]))
        row["ActionGeo_Lat"] = repr(draw(st.floats(-90, 90, allow_subnormal=False)))
        row["ActionGeo_Long"] = repr(draw(st.floats(-180, 180, allow_subnormal=False)))
    stamp = draw(st.datetimes(dt.datetime(2015, 2, 19), dt.datetime(2030, 1, 1)))
    row["DATEADDED"] = stamp.strftime("%Y%m%d%H%M%S")
    row["SOURCEURL"] = "https://example.org/" + str(draw(st.integers(0, 10**6)))
    return row


def gdelt_line(row: dict[str, str]) -> str:
    """The TAB-separated GDELT 2.0 line of ``row``."""
    return "\t".join(row[c] for c in COLUMNS_2) + "\n"


@st.composite
def acled_rows(draw: st.DrawFn) -> dict[str, str]:
    """An ACLED row (column -> text) with a codebook event and sub-event type; made-up names."""
    event_type = draw(st.sampled_from(sorted(ACLED_EVENT_TYPES)))
    date = draw(_DATES)
    iso3 = draw(st.sampled_from(_COUNTRIES))
    precision = draw(st.sampled_from(["1", "2", "3"]))
    if precision == "2":
        date -= dt.timedelta(days=date.weekday())
    if precision == "3":
        date = date.replace(day=1)
    row = {
        "event_id_cnty": iso3 + str(draw(st.integers(1, 10**6))),
        "event_date": date.isoformat(),
        "year": str(date.year),
        "time_precision": precision,
        "disorder_type": acled_disorder_type(event_type) or "",
        "event_type": event_type,
        "sub_event_type": draw(st.sampled_from(ACLED_EVENT_TYPES[event_type])),
        "actor1": "Actor " + draw(_WORDS),
        "actor2": draw(st.sampled_from(["", "Other " + draw(_WORDS)])),
        "iso": countries.iso3_to_numeric()[iso3],
        "country": countries.iso3_to_name()[iso3],
        "location": "Place " + draw(_WORDS),
        "latitude": repr(draw(st.floats(-90, 90, allow_subnormal=False))),
        "longitude": repr(draw(st.floats(-180, 180, allow_subnormal=False))),
        "geo_precision": draw(st.sampled_from(["1", "2", "3"])),
        "source": "Source " + draw(_WORDS),
        "notes": draw(st.sampled_from(["", "Made-up note " + draw(_WORDS)])),
        "timestamp": str(draw(st.integers(1_500_000_000, 1_900_000_000))),
    }
    return row


@st.composite
def plover_records(draw: st.DrawFn) -> dict[str, Any]:
    """A PLOVER v0.8 record with a type, its modes and contexts, and CAMEO-coded actors."""
    plover_type = draw(st.sampled_from(PLOVER_TYPES))
    modes = (
        draw(
            st.lists(st.sampled_from(plover_modes(plover_type) or ("x",)), max_size=2, unique=True)
        )
        if plover_modes(plover_type)
        else []
    )
    record: dict[str, Any] = {
        "id": "rec-" + str(draw(st.integers(0, 10**9))),
        "date": draw(_DATES).isoformat(),
        "source": [{"actor_text": draw(_WORDS), "code": draw(st.sampled_from(_COUNTRIES))}],
        "recipient": [],
        "event": [plover_type],
        "text": draw(_WORDS),
        "language": "en",
        "coder": "hypothesis",
        "coded_date": draw(_DATES).isoformat(),
    }
    if draw(st.booleans()):
        record["recipient"] = [
            {"actor_text": draw(_WORDS), "code": draw(st.sampled_from(_COUNTRIES)), "sector": "GOV"}
        ]
    if modes:
        record["mode"] = modes
    contexts = draw(
        st.lists(st.sampled_from(["military", "economic", "cyber"]), max_size=2, unique=True)
    )
    if contexts:
        record["context"] = contexts
    return record
