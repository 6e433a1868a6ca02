"""Fixtures for the reference dataset tests: each bundled version's folder, records and source,
the newest version, and a writable copy."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from newsevents import dataset as dataset_module
from newsevents.dataset import (
    DEFAULT_DATASET,
    Dataset,
    available_datasets,
    dataset_folder,
    load_dataset,
)
from newsevents.tools.build_dataset import source_path
from newsevents.tools.dataset_source import Source, load_source

ROOT = Path(__file__).resolve().parents[2]


VERSIONS = available_datasets()[DEFAULT_DATASET]
"""Every bundled version of the reference dataset, oldest first."""


@pytest.fixture(scope="session", params=VERSIONS)
def folder(request: pytest.FixtureRequest) -> Path:
    """The shipped folder of each bundled version of the default dataset (every test that
    uses it, or a fixture built on it, runs once per version)."""
    version: str = request.param
    return dataset_folder(version=version)


@pytest.fixture(scope="session")
def shipped(folder: Path) -> Dataset:
    """That version, loaded with its checksums verified."""
    return load_dataset(version=folder.name)


@pytest.fixture(scope="session")
def newest() -> Dataset:
    """The default dataset as load_dataset() gives it: its newest complete version."""
    return load_dataset()


@pytest.fixture(scope="session")
def records(folder: Path) -> dict[str, Any]:
    """The parsed records.json of that version."""
    loaded: dict[str, Any] = json.loads((folder / "records.json").read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="session")
def source(folder: Path) -> Source:
    """The hand-written source of that version, expanded."""
    return load_source(source_path(DEFAULT_DATASET, folder.name))


@pytest.fixture
def copied_root(tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of the shipped dataset folder that load_dataset() reads instead."""
    root = tmp_path / "datasets"
    target = root / folder.parent.name / folder.name
    shutil.copytree(folder, target)
    monkeypatch.setattr(dataset_module, "datasets_root", lambda: root)
    return target
