"""The flat table read right in pandas, Polars, DuckDB, Stata (.dta) and R (readr types)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import newsevents
from newsevents.tools.dataset_flat import COLUMNS, readr_col_types, stata_value_labels

ROOT = Path(__file__).resolve().parents[2]
CODE_COLUMNS = ("cameo_code", "cameo_root")


@pytest.fixture(scope="module")
def data() -> Any:
    return newsevents.load_dataset()


def _string_columns(folder: Path) -> list[str]:
    """The CSV's text columns as its datapackage.json declares them (what docs/r.md uses)."""
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    (csv,) = (r for r in package["resources"] if r["path"] == "events_flat.csv")
    return [f["name"] for f in csv["schema"]["fields"] if f["type"] == "string"]


def test_to_pandas_keeps_integers_booleans_and_codes(data: Any) -> None:
    frame = data.to_pandas("events_flat")
    expected = {
        pa.string(): "string[pyarrow]",
        pa.int64(): "int64[pyarrow]",
        pa.bool_(): "bool[pyarrow]",
        pa.float64(): "double[pyarrow]",
        pa.date32(): "date32[day][pyarrow]",
    }
    assert {c.name: str(frame[c.name].dtype) for c in COLUMNS} == {
        c.name: expected[c.arrow] for c in COLUMNS
    }
    assert frame["cameo_code"].str.match(r"^[0-9]{2,4}$").all()
    assert frame["force_size"].isna().any()  # missing sizes are null, the column stays int


def test_default_pandas_reads_the_csv_codes_as_numbers_which_the_docs_warn_of(data: Any) -> None:
    """The hazard docs/r.md and the dataset card name: guessed types lose leading zeros."""
    guessed = pd.read_csv(data.folder / "events_flat.csv")
    assert pd.api.types.is_numeric_dtype(guessed["cameo_code"])
    for page in (ROOT / "docs" / "r.md", data.folder / "README.md"):
        text = page.read_text(encoding="utf-8")
        assert "014" in text and ("leading zeros" in text or "leading zero" in text)


def test_the_documented_csv_reading_keeps_every_code_a_string(data: Any) -> None:
    text = _string_columns(data.folder)
    assert set(CODE_COLUMNS) <= set(text)
    frame = pd.read_csv(
        data.folder / "events_flat.csv",
        dtype=dict.fromkeys(text, "string[pyarrow]"),
        dtype_backend="pyarrow",
    )
    for column in CODE_COLUMNS:
        assert not pd.api.types.is_numeric_dtype(frame[column])
    assert str(frame["date_inferred"].dtype) == "bool[pyarrow]"  # true and empty: bool, null
    assert str(frame["force_size"].dtype) == "int64[pyarrow]"  # not float for missing sizes
    parquet = data.to_pandas("events_flat")
    assert frame["cameo_code"].tolist() == parquet["cameo_code"].astype(object).tolist()
    polars = pl.read_csv(
        data.folder / "events_flat.csv", schema_overrides=dict.fromkeys(text, pl.String)
    )
    assert polars["cameo_code"].to_list() == frame["cameo_code"].tolist()


def test_polars_and_duckdb_read_the_parquet_with_its_types(data: Any) -> None:
    path = data.parquet_paths["events_flat"]
    frame = pl.read_parquet(path)
    assert frame.schema["cameo_code"] == pl.String
    assert frame.schema["force_size"] == pl.Int64
    assert frame.schema["date_inferred"] == pl.Boolean
    types = {row[0]: row[1] for row in duckdb.sql(f"DESCRIBE SELECT * FROM '{path}'").fetchall()}
    assert types["cameo_code"] == "VARCHAR" and types["year"] == "BIGINT"
    assert types["event_date"] == "DATE" and types["date_inferred"] == "BOOLEAN"


def test_duckdb_keeps_the_csv_codes_as_text(data: Any) -> None:
    path = data.folder / "events_flat.csv"
    rows = duckdb.sql(f"SELECT DISTINCT typeof(cameo_code) FROM '{path}'").fetchall()
    assert rows == [("VARCHAR",)]


def test_the_stata_file_reads_back_with_string_codes_and_labelled_values(data: Any) -> None:
    path = data.folder / "events_flat.dta"
    parquet = data.to_pandas("events_flat")
    stata = pd.read_stata(path)
    codes = [None if pd.isna(c) else c for c in parquet["cameo_code"]]
    assert [c or None for c in stata["cameo_code"]] == codes
    for column, labels in stata_value_labels().items():
        values = stata[column].astype(object).where(stata[column].notna(), None).tolist()
        assert set(values) - {None} <= set(labels.values()), column
    assert stata["polarity"].astype(str).tolist() == parquet["polarity"].astype(str).tolist()
    assert stata["event_date"].dt.date.tolist()[0] == parquet["event_date"].tolist()[0]
    with pd.io.stata.StataReader(path) as reader:
        variable_labels = reader.variable_labels()
        assert reader.data_label.startswith(f"{data.name} {data.version}")
    assert variable_labels["cameo_code"] == next(
        c.description for c in COLUMNS if c.name == "cameo_code"
    )


def test_the_stata_file_is_listed_with_its_checksum(data: Any) -> None:
    listed = {entry["path"]: entry for entry in data.manifest["files"]}
    assert listed["events_flat.dta"]["records"] == len(data.events)


def test_docs_r_md_gives_the_readr_types_of_every_column() -> None:
    text = (ROOT / "docs" / "r.md").read_text(encoding="utf-8")
    (spec,) = re.findall(r'col_types = "([cidlD]+)"', text)
    assert spec == readr_col_types()
    assert len(spec) == len(COLUMNS)
