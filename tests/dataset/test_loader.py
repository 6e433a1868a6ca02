"""load_dataset(): typed records, tables, and a clear error for a missing or corrupted file."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsevents
from newsevents import Actor, Alert, Deployment, Document, Statement
from newsevents.dataset import (
    TABLES,
    Dataset,
    DatasetFileError,
    DatasetNotFoundError,
    available_datasets,
    load_dataset,
)


def test_default_load_gives_typed_records(shipped: Dataset) -> None:
    assert (shipped.name, shipped.version) == ("military-posture-2022", "1.0.0")
    assert all(isinstance(d, Document) for d in shipped.documents)
    assert all(isinstance(a, Actor) for a in shipped.actors)
    assert all(isinstance(e, Alert | Deployment | Statement) for e in shipped.events)
    assert len(shipped.documents) == 1 and len(shipped.actors) == 20 and len(shipped.events) == 20
    assert shipped.actor("actor-kirby").title == "Pentagon press secretary"


def test_it_is_the_public_api() -> None:
    assert newsevents.load_dataset is load_dataset
    assert "load_dataset" in newsevents.__all__
    assert available_datasets()["military-posture-2022"] == ["1.0.0"]


def test_every_table_reaches_arrow_and_pandas(shipped: Dataset) -> None:
    expected = {"documents": 1, "actors": 20, "events": 20, "events_flat": 20}
    for table in TABLES:
        assert shipped.parquet_paths[table].is_file()
        arrow = shipped.to_arrow(table)
        assert isinstance(arrow, pa.Table) and arrow.num_rows == expected[table]
        assert len(shipped.to_pandas(table)) == expected[table]
    with pytest.raises(KeyError, match="unknown table"):
        shipped.to_arrow("nope")


def test_unknown_name_or_version_is_a_clear_error() -> None:
    with pytest.raises(DatasetNotFoundError, match="no dataset named 'nope'"):
        load_dataset("nope")
    with pytest.raises(DatasetNotFoundError, match=r"no version '9\.9\.9'.*1\.0\.0"):
        load_dataset(version="9.9.9")


def test_a_missing_file_is_named(copied_root: Path) -> None:
    (copied_root / "events.parquet").unlink()
    with pytest.raises(DatasetFileError, match=r"events\.parquet: the file is missing") as info:
        load_dataset()
    assert info.value.path == copied_root / "events.parquet"


def test_a_missing_manifest_is_named(copied_root: Path) -> None:
    (copied_root / "manifest.json").unlink()
    with pytest.raises(DatasetFileError, match=r"manifest\.json: the manifest is missing"):
        load_dataset()


def test_a_corrupted_file_is_named_with_both_hashes(copied_root: Path) -> None:
    path = copied_root / "records.json"
    text = path.read_text(encoding="utf-8").replace('"negative"', '"positive"')
    path.write_text(text, encoding="utf-8")
    mismatch = r"records\.json: checksum mismatch: sha256 [0-9a-f]{64}, the manifest says"
    with pytest.raises(DatasetFileError, match=mismatch):
        load_dataset()


def test_verify_false_skips_the_checksums(copied_root: Path) -> None:
    (copied_root / "events_flat.csv").write_text("tampered", encoding="utf-8")
    assert len(load_dataset(verify=False).events) == 20
    with pytest.raises(DatasetFileError, match=r"events_flat\.csv"):
        load_dataset()


@pytest.fixture(scope="module")
def manifest_files(folder: Path) -> list[str]:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return [entry["path"] for entry in manifest["files"]]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_any_flipped_byte_in_any_file_is_caught(
    data: st.DataObject, copied_root: Path, manifest_files: list[str], folder: Path
) -> None:
    name = data.draw(st.sampled_from(manifest_files))
    path = copied_root / name
    original = (folder / name).read_bytes()
    offset = data.draw(st.integers(0, len(original) - 1))
    flip = data.draw(st.integers(1, 255))
    changed = bytearray(original)
    changed[offset] ^= flip
    path.write_bytes(bytes(changed))
    try:
        with pytest.raises(DatasetFileError) as info:
            load_dataset()
        assert info.value.path.name == name
    finally:
        path.write_bytes(original)
