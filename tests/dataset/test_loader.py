"""load_dataset(): typed records, tables, and a clear error for a missing or corrupted file."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsevents
from newsevents import Actor, Alert, Deployment, Document, GeneralEvent, Statement
from newsevents.dataset import (
    TABLES,
    Dataset,
    DatasetFileError,
    DatasetNotFoundError,
    DatasetWarning,
    available_datasets,
    load_dataset,
)

EVENTS = {"1.0.0": 20, "1.1.0": 21}
"""Events of each bundled version (1.1.0 adds the video call, ev-consult-01)."""


def test_every_version_loads_as_typed_records(shipped: Dataset, folder: Path) -> None:
    assert (shipped.name, shipped.version) == ("military-posture-2022", folder.name)
    assert all(isinstance(d, Document) for d in shipped.documents)
    assert all(isinstance(a, Actor) for a in shipped.actors)
    assert all(isinstance(e, Alert | Deployment | Statement | GeneralEvent) for e in shipped.events)
    assert len(shipped.documents) == 1 and len(shipped.actors) == 20
    assert len(shipped.events) == EVENTS[folder.name]
    assert {r.schema_version for r in (*shipped.documents, *shipped.events)} == {
        shipped.schema_version
    }
    assert shipped.actor("actor-kirby").title == "Pentagon press secretary"


def test_the_default_is_the_newest_version_and_older_ones_stay_loadable(newest: Dataset) -> None:
    assert newest.version == "1.1.0" == available_datasets()["military-posture-2022"][-1]
    assert newest.schema_version == "1.1.0"
    assert load_dataset(version="1.1.0").events == newest.events
    first = load_dataset(version="1.0.0")
    assert (first.version, first.schema_version, len(first.events)) == ("1.0.0", "1.0.0", 20)
    assert [e.id for e in newest.events if e.id not in {f.id for f in first.events}] == [
        "ev-consult-01"
    ]


def test_it_is_the_public_api() -> None:
    assert newsevents.load_dataset is load_dataset
    assert "load_dataset" in newsevents.__all__
    assert newsevents.DatasetWarning is DatasetWarning and "DatasetWarning" in newsevents.__all__
    assert available_datasets()["military-posture-2022"] == ["1.0.0", "1.1.0"]


def test_every_table_reaches_arrow_and_pandas(shipped: Dataset) -> None:
    events = EVENTS[shipped.version]
    expected = {"documents": 1, "actors": 20, "events": events, "events_flat": events}
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
    with pytest.raises(DatasetNotFoundError, match=r"no version '9\.9\.9'.*1\.0\.0, 1\.1\.0"):
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


def test_a_corrupted_file_is_named_with_the_manifests_hash_only(copied_root: Path) -> None:
    path = copied_root / "records.json"
    text = path.read_text(encoding="utf-8").replace('"negative"', '"positive"')
    path.write_text(text, encoding="utf-8")
    claimed = _manifest(copied_root)["files"][1]  # type: ignore[index]
    assert claimed["path"] == "records.json"
    mismatch = rf"records\.json: its sha256 differs from the manifest's \({claimed['sha256']}\)$"
    with pytest.raises(DatasetFileError, match=mismatch) as info:
        load_dataset()
    assert hashlib.sha256(path.read_bytes()).hexdigest() not in str(info.value)


def test_verify_false_skips_the_checksums(copied_root: Path) -> None:
    (copied_root / "events_flat.csv").write_text("tampered", encoding="utf-8")
    assert len(load_dataset(verify=False).events) == EVENTS[copied_root.name]
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


def _manifest(folder: Path) -> dict[str, object]:
    loaded: dict[str, object] = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return loaded


def _write_manifest(folder: Path, manifest: object) -> None:
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


@pytest.mark.parametrize("outside", ["../../secret.txt", "/SECRET", "link/secret.txt"])
def test_a_manifest_path_leading_out_is_refused_before_anything_is_opened(
    copied_root: Path, outside: str
) -> None:
    secret = copied_root.parent.parent / "secret.txt"
    secret.write_text("not the dataset's", encoding="utf-8")
    (copied_root / "link").symlink_to(copied_root.parent.parent)
    outside = outside.replace("/SECRET", str(secret))
    manifest = _manifest(copied_root)
    files = manifest["files"]
    assert isinstance(files, list)
    files.append({"path": outside, "sha256": "0" * 64, "bytes": 1})
    _write_manifest(copied_root, manifest)
    with pytest.raises(DatasetFileError, match="leads outside the version folder") as info:
        load_dataset()
    assert info.value.field == f"files[{len(files) - 1}].path"
    assert info.value.path == copied_root / "manifest.json"
    digest = hashlib.sha256(secret.read_bytes()).hexdigest()
    assert digest not in str(info.value) and str(secret.stat().st_size) not in str(info.value)


def test_a_file_the_manifest_does_not_list_is_an_error(copied_root: Path) -> None:
    (copied_root / "extra.parquet").write_bytes(b"PAR1")
    with pytest.raises(DatasetFileError, match="not listed in the manifest") as info:
        load_dataset()
    assert info.value.path == copied_root / "extra.parquet"
    assert len(load_dataset(verify=False).events) == EVENTS[copied_root.name]  # still read


def test_a_fifo_in_place_of_a_listed_file_is_named_not_read(copied_root: Path) -> None:
    (copied_root / "events_flat.csv").unlink()
    os.mkfifo(copied_root / "events_flat.csv")
    with pytest.raises(DatasetFileError, match=r"events_flat\.csv: a FIFO"):
        load_dataset()


MANIFEST_DEFECTS = [
    ("[]", "(top level)"),
    ('{"name": "x"}', "manifest_version"),
    ("not json", None),
]


@pytest.mark.parametrize(("text", "field"), MANIFEST_DEFECTS)
def test_a_malformed_manifest_is_a_dataset_file_error(
    copied_root: Path, text: str, field: str | None
) -> None:
    (copied_root / "manifest.json").write_text(text, encoding="utf-8")
    with pytest.raises(DatasetFileError) as info:
        load_dataset()
    assert info.value.path == copied_root / "manifest.json"
    assert info.value.field == field


LEAVES = st.none() | st.booleans() | st.integers() | st.text(max_size=5) | st.just([])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_damaged_manifest_field_is_named(data: st.DataObject, copied_root: Path) -> None:
    original = (copied_root / "manifest.json").read_bytes()
    manifest = json.loads(original)
    index = data.draw(st.integers(0, len(manifest["files"]) - 1))
    key = data.draw(st.sampled_from(["path", "sha256", "bytes", None]))
    if key is None:
        target, key = manifest, data.draw(st.sampled_from(["name", "version", "files"]))
        field = key
    else:
        target, field = manifest["files"][index], f"files[{index}].{key}"
    if data.draw(st.booleans()):
        del target[key]
    else:
        target[key] = data.draw(LEAVES.filter(lambda v: v != target[key]))
    _write_manifest(copied_root, manifest)
    try:
        with pytest.raises(DatasetFileError) as info:
            load_dataset()
        assert info.value.field == field or info.value.field is None, str(info.value)
    finally:
        (copied_root / "manifest.json").write_bytes(original)


def test_the_default_is_the_newest_complete_version(copied_root: Path) -> None:
    versions = copied_root.parent
    (versions / "8.0.0").mkdir()  # empty
    shutil.copytree(copied_root, versions / "9.0.0")
    (versions / "9.0.0" / "records.json").unlink()  # incomplete
    with pytest.warns(DatasetWarning) as caught:
        assert load_dataset().version == copied_root.name
    [warning] = caught
    message = str(warning.message)
    assert message.startswith("skipped incomplete military-posture-2022 9.0.0 (")
    assert "); 8.0.0 (" in message
    assert message.endswith(f"manifest.json: the manifest is missing); loading {copied_root.name}")
    with pytest.raises(DatasetFileError, match="manifest is missing"):
        load_dataset(version="8.0.0")


def test_malformed_records_are_a_dataset_file_error(copied_root: Path) -> None:
    claims = {"dataset": copied_root.parent.name, "version": copied_root.name}
    text = json.dumps({**claims, "documents": 5})
    (copied_root / "records.json").write_text(text, encoding="utf-8")
    with pytest.raises(DatasetFileError, match="expected a list of records") as info:
        load_dataset(verify=False)
    assert info.value.field == "documents"
