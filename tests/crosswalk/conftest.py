"""Fixtures of the crosswalk tests: the shipped samples and the raw GDELT layouts derived from
the gdeltPyR rows (61 TAB-separated columns, and GDELT 1.0's 58 and 57)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newsevents.crosswalk.gdelt import COLUMNS_1, COLUMNS_2

DATA = Path(__file__).parent / "data"
GDELT_SAMPLE = DATA / "gdelt2_events_gdeltPyR_events2samps_head33.csv"
PLOVER_SAMPLE = DATA / "plover_gsr_cameo_excerpt.txt"


def sample_rows() -> list[dict[str, str]]:
    """The gdeltPyR sample's rows by column name."""
    with GDELT_SAMPLE.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def raw_lines(columns: tuple[str, ...], day_added: bool = False) -> str:
    """The sample's rows as raw TAB-separated GDELT lines of ``columns`` (no header)."""
    lines = []
    for row in sample_rows():
        values = dict(row)
        if day_added:
            values["DATEADDED"] = values["DATEADDED"][:8]
        lines.append("\t".join(values[c] for c in columns))
    return "\n".join(lines) + "\n"


@pytest.fixture
def gdelt2_raw(tmp_path: Path) -> Path:
    """The sample as a raw GDELT 2.0 export (``.export.CSV``: 61 columns, TAB, no header)."""
    path = tmp_path / "20170701234500.export.CSV"
    path.write_text(raw_lines(COLUMNS_2), encoding="utf-8")
    return path


@pytest.fixture
def gdelt1_raw(tmp_path: Path) -> Path:
    """The sample as GDELT 1.0 rows (58 columns, DATEADDED a day)."""
    path = tmp_path / "20170701.export.CSV"
    path.write_text(raw_lines(COLUMNS_1, day_added=True), encoding="utf-8")
    return path
