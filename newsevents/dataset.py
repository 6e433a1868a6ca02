"""The shipped reference datasets: locate them, verify their checksums, load typed records.

In an installed wheel the data is package data (``newsevents/_published/datasets``); in a
source checkout it is the repository's ``datasets/`` folder.  Every file listed in a
version's ``manifest.json`` is hashed on load (TFDS-style), so a missing or corrupted file is
reported by name before any record is read.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq
from packaging.version import Version

from newsevents.models import RECORD_ADAPTER, Actor, Alert, Deployment, Document, Statement
from newsevents.versions import parse_version

if TYPE_CHECKING:
    import pandas

DEFAULT_DATASET = "military-posture-2022"
"""The dataset ``load_dataset()`` loads when no name is given."""

TABLES = ("documents", "actors", "events", "events_flat")
"""The Parquet tables of a dataset version."""


class DatasetError(Exception):
    """A dataset cannot be found or its files do not match the manifest."""


class DatasetNotFoundError(DatasetError, LookupError):
    """No dataset (or no version of it) with that name is shipped."""


class DatasetFileError(DatasetError):
    """A file listed in the manifest is missing or its checksum or size differs."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def datasets_root() -> Path:
    """Return the folder holding ``<name>/<version>/`` for every shipped dataset."""
    shipped = files("newsevents") / "_published" / "datasets"
    if isinstance(shipped, Path) and shipped.is_dir():
        return shipped
    return Path(__file__).resolve().parent.parent / "datasets"


def available_datasets(root: Path | None = None) -> dict[str, list[str]]:
    """Return every shipped dataset name with its versions, oldest first."""
    base = root or datasets_root()
    found: dict[str, list[str]] = {}
    for folder in sorted(base.glob("*/*/")):
        if parse_version(folder.name) is not None:
            found.setdefault(folder.parent.name, []).append(folder.name)
    return {name: sorted(versions, key=Version) for name, versions in found.items()}


def dataset_folder(name: str | None = None, version: str | None = None) -> Path:
    """Return the folder of dataset ``name`` at ``version`` (default: the newest)."""
    name = name or DEFAULT_DATASET
    versions = available_datasets().get(name)
    if not versions:
        known = ", ".join(available_datasets()) or "none"
        raise DatasetNotFoundError(f"no dataset named {name!r}; shipped: {known}")
    chosen = version or versions[-1]
    if chosen not in versions:
        raise DatasetNotFoundError(
            f"dataset {name!r} has no version {chosen!r}; shipped: {', '.join(versions)}"
        )
    return datasets_root() / name / chosen


def sha256_file(path: Path) -> str:
    """Return the hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(folder: Path) -> dict[str, Any]:
    """Return the parsed ``manifest.json`` of a dataset version folder."""
    path = folder / "manifest.json"
    if not path.is_file():
        raise DatasetFileError(path, "the manifest is missing")
    manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return manifest


def verify_files(folder: Path, manifest: dict[str, Any] | None = None) -> None:
    """Raise DatasetFileError naming the first file that is missing or does not match."""
    manifest = manifest or read_manifest(folder)
    for entry in manifest["files"]:
        path = folder / entry["path"]
        if not path.is_file():
            raise DatasetFileError(path, "the file is missing")
        size = path.stat().st_size
        if size != entry["bytes"]:
            raise DatasetFileError(path, f"size {size} bytes, the manifest says {entry['bytes']}")
        found = sha256_file(path)
        if found != entry["sha256"]:
            raise DatasetFileError(
                path, f"checksum mismatch: sha256 {found}, the manifest says {entry['sha256']}"
            )


@dataclass(frozen=True)
class Dataset:
    """A loaded dataset version: typed records, and its tables for Arrow and pandas users."""

    name: str
    version: str
    folder: Path
    manifest: dict[str, Any] = field(repr=False)
    documents: tuple[Document, ...] = field(repr=False)
    actors: tuple[Actor, ...] = field(repr=False)
    events: tuple[Alert | Deployment | Statement, ...] = field(repr=False)

    @property
    def parquet_paths(self) -> dict[str, Path]:
        """Paths of the Parquet tables (documents, actors, events, events_flat)."""
        return {table: self.folder / f"{table}.parquet" for table in TABLES}

    @property
    def schema_version(self) -> str:
        """Schema version of the records."""
        return str(self.manifest["schema_version"])

    def to_arrow(self, table: str = "events") -> pa.Table:
        """Return a table (documents, actors, events or events_flat) as an Arrow table."""
        return pq.read_table(self._parquet(table))

    def to_pandas(self, table: str = "events") -> pandas.DataFrame:
        """Return a table as a pandas DataFrame with Arrow-backed dtypes (needs pandas).

        Integers stay integers and booleans booleans, with missing values as null rather
        than NaN or None in an object column; codes stay strings; nested columns are Arrow
        structs and lists.
        """
        try:
            import pandas
        except ImportError as error:  # pragma: no cover - tested in the wheel venv
            raise ImportError("to_pandas needs pandas: pip install 'newsevents[pandas]'") from error
        frame: pandas.DataFrame = self.to_arrow(table).to_pandas(types_mapper=pandas.ArrowDtype)
        return frame

    def _parquet(self, table: str) -> Path:
        if table not in TABLES:
            raise KeyError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
        return self.parquet_paths[table]

    def actor(self, actor_id: str) -> Actor:
        """Return the actor with id ``actor_id``."""
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        raise KeyError(actor_id)


def load_dataset(
    name: str | None = None, version: str | None = None, *, verify: bool = True
) -> Dataset:
    """Load a shipped dataset (default: the reference dataset, newest version).

    With ``verify`` (the default) every file is checked against the manifest first, and a
    :class:`DatasetFileError` names any file that is missing or corrupted.
    """
    folder = dataset_folder(name, version)
    manifest = read_manifest(folder)
    if verify:
        verify_files(folder, manifest)
    raw = json.loads((folder / "records.json").read_text(encoding="utf-8"))
    return Dataset(
        name=manifest["name"],
        version=manifest["version"],
        folder=folder,
        manifest=manifest,
        documents=tuple(_typed(raw["documents"], Document)),
        actors=tuple(_typed(raw["actors"], Actor)),
        events=tuple(_typed(raw["events"], Alert | Deployment | Statement)),
    )


def _typed(records: list[dict[str, Any]], kind: Any) -> list[Any]:
    parsed = [RECORD_ADAPTER.validate_python(record) for record in records]
    wrong = [p.id for p in parsed if not isinstance(p, kind)]
    if wrong:
        raise DatasetError(f"records of the wrong type: {', '.join(wrong)}")
    return parsed
