"""Fixtures for the reference dataset tests: the shipped folder, its records, a writable copy."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from newsevents import dataset as dataset_module
from newsevents.dataset import DEFAULT_DATASET, Dataset, dataset_folder, load_dataset
from newsevents.tools.build_dataset import source_paths
from newsevents.tools.dataset_source import Source, load_source

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def folder() -> Path:
    """The shipped folder of the default dataset's newest version."""
    return dataset_folder()


@pytest.fixture(scope="session")
def shipped() -> Dataset:
    """The default dataset, loaded with its checksums verified."""
    return load_dataset()


@pytest.fixture(scope="session")
def records(folder: Path) -> dict[str, Any]:
    """The parsed records.json of the shipped dataset."""
    loaded: dict[str, Any] = json.loads((folder / "records.json").read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="session")
def source() -> Source:
    """The hand-written source, expanded."""
    (path,) = [p for p in source_paths() if p.parent.parent.name == DEFAULT_DATASET]
    return load_source(path)


@pytest.fixture
def copied_root(tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of the shipped dataset folder that load_dataset() reads instead."""
    root = tmp_path / "datasets"
    target = root / folder.parent.name / folder.name
    shutil.copytree(folder, target)
    monkeypatch.setattr(dataset_module, "datasets_root", lambda: root)
    return target
