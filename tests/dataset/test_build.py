"""The build: shipped files are current, deterministic, and JSON, JSONL and Parquet agree."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from random import Random
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.dataset import DEFAULT_DATASET, Dataset, available_datasets
from newsevents.io.arrow import table_to_records
from newsevents.models import RECORD_ADAPTER
from newsevents.tools import build_dataset, regenerate
from newsevents.tools.build_dataset import (
    DATACARD,
    build,
    source_header,
    source_path,
    source_paths,
)
from newsevents.tools.dataset_card import replace_counts_block
from newsevents.tools.dataset_source import SourceError, load_source

TABLES3 = ("documents", "actors", "events")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory, folder: Path) -> Path:
    """Each bundled version built afresh from its own source into a temporary folder."""
    out = tmp_path_factory.mktemp("rebuilt")
    build(source_path(folder.parent.name, folder.name), out)
    return out / folder.name


def _parquet_content(path: Path) -> tuple[Any, ...]:
    table = pq.read_table(path)
    metadata = {k: v for k, v in (table.schema.metadata or {}).items() if k != b"ARROW:schema"}
    return table.schema.remove_metadata(), metadata, table.to_pylist()


def _without_parquet_bytes(name: str, text: str) -> Any:
    """Parse a JSON file with the Parquet files' sha256 and sizes removed."""
    value = json.loads(text)
    for entry in value.get("files", []) + value.get("distribution", []):
        if entry.get("path", entry.get("contentUrl", "")).endswith(".parquet"):
            entry.pop("sha256", None)
            entry.pop("bytes", None)
    for entry in value.get("files", []):
        if entry["path"] in ("croissant.json", "README.md"):
            entry.pop("sha256", None)
            entry.pop("bytes", None)
    value.pop("parquet_writer", None)
    return value


def test_shipped_files_are_what_the_source_builds(rebuilt: Path, folder: Path) -> None:
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(p.name for p in rebuilt.iterdir())
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    if manifest["parquet_writer"] == f"pyarrow {pa.__version__}":
        stale = [n for n in names if (folder / n).read_bytes() != (rebuilt / n).read_bytes()]
        assert stale == [], "run `make schema` (python -m newsevents.tools.build_dataset)"
        return
    # Another pyarrow writes other Parquet bytes: compare what the files hold instead.
    for name in names:
        shipped, fresh = folder / name, rebuilt / name
        if name.endswith(".parquet"):
            assert _parquet_content(shipped) == _parquet_content(fresh), name
        elif name in ("manifest.json", "croissant.json"):
            shipped_text, fresh_text = shipped.read_text("utf-8"), fresh.read_text("utf-8")
            assert _without_parquet_bytes(name, shipped_text) == _without_parquet_bytes(
                name, fresh_text
            ), name
        else:
            assert shipped.read_bytes() == fresh.read_bytes(), name


def test_building_twice_gives_the_same_bytes(rebuilt: Path, tmp_path: Path, folder: Path) -> None:
    again = tmp_path / "again"
    build(source_path(folder.parent.name, folder.name), again)
    for first in rebuilt.iterdir():
        assert first.read_bytes() == (again / rebuilt.name / first.name).read_bytes(), first.name


def test_manifest_lists_every_file_with_its_hash_size_and_count(folder: Path) -> None:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert set(listed) == {p.name for p in folder.iterdir()} - {"manifest.json"}
    for name, entry in listed.items():
        data = (folder / name).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["bytes"] == len(data)
    parquet_rows = pq.read_metadata(folder / "events.parquet").num_rows
    assert listed["events.parquet"]["records"] == parquet_rows
    assert listed["events.jsonl"]["records"] == manifest["records"]["events"]
    assert manifest["version"] == folder.name
    assert manifest["schema_version"] == SCHEMA_OF[folder.name]


SCHEMA_OF = {"1.0.0": "1.0.0", "1.1.0": "1.1.0"}
"""The schema version each dataset version's records follow."""


def test_every_version_is_built_from_its_own_source() -> None:
    paths = [p for p in source_paths() if p.parent.parent.name == DEFAULT_DATASET]
    assert [p.name for p in paths] == ["annotations.yaml", "adjudicated-1.1.0.yaml"]
    assert [source_header(p) for p in paths] == [
        (DEFAULT_DATASET, v) for v in available_datasets()[DEFAULT_DATASET]
    ]
    assert set(SCHEMA_OF) == set(available_datasets()[DEFAULT_DATASET])


def test_two_sources_of_one_version_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = tmp_path / DEFAULT_DATASET / "source"
    sources.mkdir(parents=True)
    for name in ("a.yaml", "b.yaml"):
        (sources / name).write_text(f"dataset: {DEFAULT_DATASET}\nversion: 2.0.0\n", "utf-8")
    (sources / "proposal.yaml").write_text("about: not a source\n", encoding="utf-8")
    monkeypatch.setattr(build_dataset, "DATASETS", tmp_path)
    with pytest.raises(SourceError, match=r"2\.0\.0 is also built from .*a\.yaml"):
        source_paths()
    (sources / "b.yaml").write_text(f"dataset: {DEFAULT_DATASET}\nversion: 2.1.0\n", "utf-8")
    assert [p.name for p in source_paths()] == ["a.yaml", "b.yaml"]
    with pytest.raises(SourceError, match="no source of"):
        source_path(DEFAULT_DATASET, "9.9.9")


def test_the_configurations_are_the_annotations_as_published(folder: Path) -> None:
    """1.1.0's annotator-1 is 1.0.0's records byte for byte; annotator-2 its own file."""
    source = load_source(source_path(DEFAULT_DATASET, folder.name))
    names = [c.name for c in source.configurations]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    listed = {entry["path"] for entry in manifest["files"]}
    expected = {f"{n}-{t}.{x}" for n in names for t in TABLES3 for x in ("jsonl", "parquet")}
    assert {p for p in listed if "-" in p} == expected  # the main files' names have no "-"
    if folder.name == "1.0.0":
        assert names == []
        return
    assert names == ["annotator-1", "annotator-2"]
    first = folder.parent / "1.0.0"
    for table in TABLES3:
        assert (folder / f"annotator-1-{table}.jsonl").read_bytes() == (
            first / f"{table}.jsonl"
        ).read_bytes()
        shipped = table_to_records(pq.read_table(folder / f"annotator-1-{table}.parquet"))
        assert shipped == [json.loads(line) for line in (first / f"{table}.jsonl").open()]
    raw = folder.parent / "source" / "annotator-2.jsonl"
    written = [RECORD_ADAPTER.validate_json(line) for line in raw.read_text("utf-8").splitlines()]
    events = (folder / "annotator-2-events.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in events] == [
        r.model_dump(mode="json", exclude_none=True) for r in written if r.record_type == "event"
    ]


def test_json_jsonl_and_parquet_hold_the_same_records(
    folder: Path, records: dict[str, Any]
) -> None:
    for table in ("documents", "actors", "events"):
        lines = (folder / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
        assert [json.loads(line) for line in lines] == records[table]
        assert table_to_records(pq.read_table(folder / f"{table}.parquet")) == records[table]


def test_parquet_metadata_carries_the_versions(folder: Path) -> None:
    for table in ("documents", "actors", "events", "events_flat"):
        metadata = pq.ParquetFile(folder / f"{table}.parquet").metadata.metadata
        assert metadata[b"newsevents.schema_version"] == SCHEMA_OF[folder.name].encode()
        assert metadata[b"newsevents.dataset_version"] == folder.name.encode()
        assert metadata[b"newsevents.codebook_version"] == b"1.0.0"
        assert metadata[b"newsevents.dataset_name"] == b"military-posture-2022"


def test_records_are_in_canonical_form(records: dict[str, Any]) -> None:
    from newsevents.models import RECORD_ADAPTER

    for table in ("documents", "actors", "events"):
        for record in records[table]:
            model = RECORD_ADAPTER.validate_python(record)
            assert model.model_dump(mode="json", exclude_none=True) == record


def test_datacard_counts_are_generated_from_the_newest_version(newest: Dataset) -> None:
    source = load_source(source_path(DEFAULT_DATASET, newest.version))
    text = DATACARD.read_text(encoding="utf-8")
    assert replace_counts_block(text, source) == text, "run `make schema` to refresh the counts"
    assert f"| events | {len(source.events)} |" in text


def test_make_schema_rebuilds_the_dataset() -> None:
    assert "build_dataset.main()" in Path(regenerate.__file__).read_text(encoding="utf-8")


def test_citation_matches_the_newest_version(newest: Dataset) -> None:
    import yaml

    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    manifest = newest.manifest
    assert citation["cff-version"] == "1.2.0"
    assert citation["type"] == "dataset"
    assert str(citation["version"]) == manifest["version"]
    assert citation["license"] == manifest["license"]
    assert str(citation["date-released"]) == manifest["released"]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    versions=st.lists(
        st.tuples(st.integers(0, 12), st.integers(0, 12), st.integers(0, 12)),
        min_size=1,
        max_size=5,
        unique=True,
    ),
    names=st.randoms(use_true_random=False),
)
def test_sources_come_oldest_version_first_whatever_their_file_names(
    versions: list[tuple[int, int, int]],
    names: Random,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Versions compare as versions (1.10.0 after 1.9.0), not by file name or as strings."""
    root = tmp_path_factory.mktemp("sources")
    sources = root / DEFAULT_DATASET / "source"
    sources.mkdir(parents=True)
    texts = [".".join(map(str, v)) for v in versions]
    files = [f"{names.randrange(10**6):06d}-{i}.yaml" for i in range(len(texts))]
    for file, version in zip(files, texts, strict=True):
        (sources / file).write_text(f"dataset: {DEFAULT_DATASET}\nversion: {version}\n", "utf-8")
    monkeypatch.setattr(build_dataset, "DATASETS", root)
    found = [source_header(p) for p in source_paths()]
    assert found == [(DEFAULT_DATASET, ".".join(map(str, v))) for v in sorted(versions)]
