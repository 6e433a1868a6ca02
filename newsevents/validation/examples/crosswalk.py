"""Examples of crosswalk problems (NE0xx): GDELT and ACLED rows with one typical mistake each.

Each is validated as ``newsevents validate --from gdelt events.CSV`` would: the rows are
converted (:mod:`newsevents.crosswalk`) and the records validated in the same report.  The
base row is a real-looking GDELT 2.0 alert: US forces raise their alert status (CAMEO 152)
against Russia, read in one article.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsevents.validation.examples.model import CodeExample

GDELT_FILE = "events.CSV"
ACLED_FILE = "acled.csv"


def gdelt_row(**changes: str) -> dict[str, str]:
    """A GDELT 2.0 row (column -> value) that converts and validates cleanly, then ``changes``."""
    from newsevents.crosswalk.gdelt import COLUMNS_2

    row = dict.fromkeys(COLUMNS_2, "")
    row.update(
        GLOBALEVENTID="1025183290",
        SQLDATE="20220124",
        MonthYear="202201",
        Year="2022",
        FractionDate="2022.0658",
        Actor1Code="USAMIL",
        Actor1Name="UNITED STATES",
        Actor1CountryCode="USA",
        Actor1Type1Code="MIL",
        Actor2Code="RUS",
        Actor2Name="RUSSIA",
        Actor2CountryCode="RUS",
        EventCode="152",
        EventBaseCode="152",
        EventRootCode="15",
        QuadClass="4",
        GoldsteinScale="-7.2",
        Actor1Geo_Type="0",
        Actor2Geo_Type="0",
        ActionGeo_Type="0",
        DATEADDED="20220124203000",
        SOURCEURL="https://example.org/2022/01/24/troops-on-alert",
    )
    row.update(changes)
    return row


def _line(row: Mapping[str, str], columns: tuple[str, ...] | None = None) -> bytes:
    from newsevents.crosswalk.gdelt import COLUMNS_2

    return ("\t".join(row[c] for c in columns or COLUMNS_2) + "\n").encode("utf-8")


def _gdelt(
    code: str,
    mistake: str,
    shown: str,
    lines: bytes,
    pointer: str,
    record: int | None,
    also: frozenset[str] = frozenset(),
) -> CodeExample:
    return CodeExample(
        code=code,
        mistake=mistake,
        shown=shown,
        files={GDELT_FILE: lines},
        pointer=pointer,
        record=record,
        file=GDELT_FILE,
        also=also,
        options={"source_format": "gdelt"},
    )


def _changed(code: str, mistake: str, pointer: str, **changes: str) -> CodeExample:
    shown = ", ".join(f"{k} = {v!r}" for k, v in changes.items())
    return _gdelt(
        code, mistake, f"{GDELT_FILE} row 0: {shown}", _line(gdelt_row(**changes)), pointer, 0
    )


def _acled_type_mismatch() -> CodeExample:
    from newsevents.crosswalk.acled import COLUMNS

    values = dict.fromkeys(COLUMNS, "")
    values.update(
        event_id_cnty="XYZ1",
        event_date="2022-01-24",
        year="2022",
        time_precision="1",
        event_type="Battles",
        sub_event_type="Peaceful protest",
        actor1="Military Forces of Examplestan",
    )
    text = ",".join(COLUMNS) + "\n" + ",".join(values[c] for c in COLUMNS) + "\n"
    return CodeExample(
        code="NE011",
        mistake="An ACLED row's sub-event type belongs to another event type.",
        shown=f"{ACLED_FILE} row 0: event_type 'Battles', sub_event_type 'Peaceful protest'",
        files={ACLED_FILE: text.encode("utf-8")},
        pointer="/sub_event_type",
        record=0,
        file=ACLED_FILE,
        options={"source_format": "acled"},
    )


def examples() -> list[CodeExample]:
    """Return the crosswalk examples."""
    from newsevents.crosswalk.gdelt import COLUMNS_1

    base = gdelt_row()
    return [
        _gdelt(
            "NE001",
            "A GDELT mentions file (16 columns) is read as events.",
            f"{GDELT_FILE}: 1025183290\\t20220124203000\\t...",
            b"1025183290\t20220124203000\t"
            b"20220124203000\t1\tnews.example.org\thttps://example.org/a\t1\t-1\t-1\t21\t1"
            b"\t50\t3000\t-2.5\t\t\n",
            "",
            None,
            frozenset(),
        ),
        _gdelt(
            "NE002",
            "A row lost its last fields (a truncated line).",
            f"{GDELT_FILE} row 1: 1025183291\\t20220124\\t202201",
            _line(base) + b"1025183291\t20220124\t202201\n",
            "",
            1,
        ),
        _changed("NE003", "SQLDATE is written with hyphens.", "/SQLDATE", SQLDATE="2022-01-24"),
        _changed("NE004", "A row has no event code.", "/EventCode", EventCode=""),
        _changed(
            "NE005",
            "An event code has a letter in it (ICEWS 2017's '13y').",
            "/EventCode",
            EventCode="13y",
            EventBaseCode="13y",
            EventRootCode="13",
        ),
        _changed(
            "NE006",
            "EventRootCode is not the root of EventCode.",
            "/EventRootCode",
            EventRootCode="14",
        ),
        _changed(
            "NE007",
            "QuadClass follows another convention than the code's root.",
            "/QuadClass",
            QuadClass="3",
        ),
        _changed(
            "NE008",
            "GoldsteinScale is not the GDELT table's value for the code.",
            "/GoldsteinScale",
            GoldsteinScale="-5.0",
        ),
        _changed(
            "NE009",
            "ActionGeo_CountryCode is not a FIPS 10-4 code.",
            "/ActionGeo_CountryCode",
            ActionGeo_Type="4",
            ActionGeo_FullName="Somewhere",
            ActionGeo_CountryCode="ZZ",
        ),
        _changed(
            "NE010",
            "Actor1Code is written in lower case with a digit.",
            "/Actor1Code",
            Actor1Code="usa1",
        ),
        _acled_type_mismatch(),
        _changed("NE012", "Year is not the year of SQLDATE.", "/Year", Year="2021"),
        _changed("NE013", "AvgTone has no place in the schema.", "/AvgTone", AvgTone="-2.5"),
        _gdelt(
            "NE014",
            "The same GLOBALEVENTID is read twice.",
            f"{GDELT_FILE} rows 0 and 1: GLOBALEVENTID 1025183290",
            _line(base) * 2,
            "/GLOBALEVENTID",
            1,
        ),
        _gdelt(
            "NE015",
            "A GDELT 1.0 file (58 columns, DATEADDED a day) is read.",
            f"{GDELT_FILE}: 58 columns, DATEADDED 20220124",
            _line(gdelt_row(DATEADDED="20220124"), COLUMNS_1),
            "",
            None,
        ),
    ]
