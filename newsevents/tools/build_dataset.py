"""Build every published dataset file from the hand-written sources, one per version.

``python -m newsevents.tools.build_dataset`` (also run by ``make schema``) reads every source
of ``datasets/<name>/source/`` (a YAML file naming its ``dataset`` and ``version``:
``annotations.yaml`` for 1.0.0, ``adjudicated-1.1.0.yaml`` for 1.1.0) and writes each into
``datasets/<name>/<version>/``: the article, the records as JSON and JSON Lines, Parquet
tables whose Arrow schema comes from the models, the flat events table (CSV, Parquet and
Stata), Croissant and Frictionless metadata, the dataset card and a manifest of every file's
sha256, size and record count.  The build is deterministic: building twice gives the same
bytes.  It also regenerates the counts block of docs/datacard.md from the newest version.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from packaging.version import Version

from newsevents.codebooks import CODEBOOK_VERSION
from newsevents.dataset import DEFAULT_DATASET
from newsevents.io.arrow import records_to_table
from newsevents.tools.dataset_card import card, replace_counts_block
from newsevents.tools.dataset_flat import flat_csv, flat_rows, flat_stata, flat_table
from newsevents.tools.dataset_metadata import croissant, datapackage
from newsevents.tools.dataset_source import Source, SourceError, load_source, read_yaml
from newsevents.versions import parse_version

ROOT = Path(__file__).resolve().parents[2]
DATASETS = ROOT / "datasets"
DATACARD = ROOT / "docs" / "datacard.md"
MANIFEST_VERSION = "1.0.0"

MEDIA_TYPES = {
    "txt": "text/plain; charset=utf-8",
    "json": "application/json",
    "jsonl": "application/jsonl",
    "parquet": "application/x-parquet",
    "csv": "text/csv; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "dta": "application/x-stata-dta",
}


def source_paths() -> list[Path]:
    """Return the hand-written source of every dataset version in the repository, oldest
    version first within each dataset.

    A source is a YAML file of ``datasets/<name>/source/`` that names its ``dataset`` (the
    folder's name) and ``version``; other YAML files there (a proposal) are not built.  Two
    sources of one version are an error, not a silent choice.
    """
    found: dict[tuple[str, str], Path] = {}
    for path in sorted(DATASETS.glob("*/source/*.yaml")):
        head = source_header(path)
        if head is None:
            continue
        name, version = head
        if name != path.parent.parent.name:
            raise SourceError(f"{path}: dataset {name!r} is not its folder's name")
        if (name, version) in found:
            raise SourceError(f"{path}: {name} {version} is also built from {found[name, version]}")
        found[name, version] = path
    return [found[key] for key in sorted(found, key=lambda key: (key[0], Version(key[1])))]


def source_path(name: str, version: str) -> Path:
    """Return the hand-written source that dataset ``name`` at ``version`` is built from."""
    for path in source_paths():
        if source_header(path) == (name, version):
            return path
    raise SourceError(f"no source of {name} {version} in {DATASETS}")


def source_header(path: Path) -> tuple[str, str] | None:
    """Return the ``dataset`` and ``version`` a YAML file declares, or None if it is no source."""
    raw = read_yaml(path)
    name, version = raw.get("dataset"), raw.get("version")
    if isinstance(name, str) and isinstance(version, str) and parse_version(version):
        return name, version
    return None


def canonical(record: Any) -> dict[str, Any]:
    """Return a record's canonical JSON form."""
    dumped: dict[str, Any] = record.model_dump(mode="json", exclude_none=True)
    return dumped


def json_text(value: Any) -> str:
    """Serialise readable JSON: 2-space indent, UTF-8 characters kept, final newline."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def jsonl_text(records: list[dict[str, Any]]) -> str:
    """Serialise JSON Lines: one compact canonical record per line."""
    return "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)


def parquet_metadata(source: Source) -> dict[str, str]:
    """Return the dataset keys added to every Parquet file's key-value metadata."""
    return {
        "dataset_name": source.name,
        "dataset_version": source.version,
        "guideline_version": source.guideline_version,
        "license": source.license,
    }


def write_parquet(table: pa.Table, path: Path) -> None:
    """Write ``table`` deterministically (fixed options, statistics, one row group)."""
    pq.write_table(
        table,
        path,
        compression="zstd",
        compression_level=9,
        row_group_size=max(1, table.num_rows),
        use_dictionary=False,
        write_statistics=True,
    )


def _tables(source: Source) -> dict[str, tuple[str, list[dict[str, Any]]]]:
    return {
        "documents": ("document", [canonical(source.document)]),
        "actors": ("actor", [canonical(a) for a in source.actors]),
        "events": ("event", [canonical(e) for e in source.events]),
    }


def _file_entry(folder: Path, name: str, records: int | None) -> dict[str, Any]:
    data = (folder / name).read_bytes()
    fmt = name.rsplit(".", 1)[1]
    entry: dict[str, Any] = {
        "path": name,
        "format": fmt,
        "media_type": MEDIA_TYPES[fmt],
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
    }
    if records is not None:
        entry["records"] = records
    return entry


def write_data_files(source: Source, folder: Path) -> list[dict[str, Any]]:
    """Write the article, JSON, JSON Lines, Parquet and flat files; return manifest entries."""
    text = source.document.text
    if text is None:
        raise ValueError("a dataset's document must carry its text: its spans point into it")
    (folder / "article.txt").write_bytes(text.encode("utf-8"))
    entries = [_file_entry(folder, "article.txt", None)]
    tables = _tables(source)
    everything: dict[str, Any] = {"dataset": source.name, "version": source.version}
    everything.update({name: records for name, (_, records) in tables.items()})
    (folder / "records.json").write_text(json_text(everything), encoding="utf-8")
    total = sum(len(records) for _, records in tables.values())
    entries.append(_file_entry(folder, "records.json", total))
    extra = parquet_metadata(source)
    for name, (record_type, records) in tables.items():
        (folder / f"{name}.jsonl").write_text(jsonl_text(records), encoding="utf-8")
        entries.append(_file_entry(folder, f"{name}.jsonl", len(records)))
        version = source.document.schema_version
        table = records_to_table(record_type, records, extra, version=version)
        write_parquet(table, folder / f"{name}.parquet")
        entries.append(_file_entry(folder, f"{name}.parquet", len(records)))
    entries += write_configurations(source, folder, extra)
    rows = flat_rows(source.events, source.actors)
    (folder / "events_flat.csv").write_text(flat_csv(rows), encoding="utf-8")
    entries.append(_file_entry(folder, "events_flat.csv", len(rows)))
    flat_metadata = {f"newsevents.{k}": v for k, v in extra.items()}
    flat_metadata.update(
        {
            "newsevents.record_type": "events_flat",
            "newsevents.schema_version": source.document.schema_version,
            "newsevents.codebook_version": CODEBOOK_VERSION,
        }
    )
    write_parquet(flat_table(rows, flat_metadata), folder / "events_flat.parquet")
    entries.append(_file_entry(folder, "events_flat.parquet", len(rows)))
    label = f"{source.name} {source.version}: one row per event (newsevents events_flat)"
    (folder / "events_flat.dta").write_bytes(flat_stata(rows, label))
    entries.append(_file_entry(folder, "events_flat.dta", len(rows)))
    return entries


def write_configurations(
    source: Source, folder: Path, extra: dict[str, str]
) -> list[dict[str, Any]]:
    """Write each configuration's tables as ``<name>-<table>.jsonl`` and ``.parquet``.

    The prefix keeps them apart from the main tables, which readers of a dataset folder take
    by name (``events.parquet``): validating the folder validates the main records only.
    """
    entries = []
    for configuration in source.configurations:
        tables = {
            "documents": ("document", [canonical(d) for d in configuration.documents]),
            "actors": ("actor", [canonical(a) for a in configuration.actors]),
            "events": ("event", [canonical(e) for e in configuration.events]),
        }
        metadata = {**extra, "configuration": configuration.name}
        for table, (record_type, records) in tables.items():
            stem = f"{configuration.name}-{table}"
            (folder / f"{stem}.jsonl").write_text(jsonl_text(records), encoding="utf-8")
            entries.append(_file_entry(folder, f"{stem}.jsonl", len(records)))
            # Each configuration's table under its own records' schema (annotator-1 is 1.0.0).
            version = next(iter(configuration.documents), source.document).schema_version
            parquet = records_to_table(record_type, records, metadata, version=version)
            write_parquet(parquet, folder / f"{stem}.parquet")
            entries.append(_file_entry(folder, f"{stem}.parquet", len(records)))
    return entries


def build(source_path: Path, out_root: Path) -> dict[str, Any]:
    """Build the dataset of ``source_path`` into ``out_root/<version>/``; return its manifest."""
    source = load_source(source_path)
    folder = out_root / source.version
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    entries = write_data_files(source, folder)
    sha256 = {entry["path"]: entry["sha256"] for entry in entries}
    (folder / "croissant.json").write_text(json_text(croissant(source, sha256)), encoding="utf-8")
    (folder / "datapackage.json").write_text(
        json_text(datapackage(source, sha256)), encoding="utf-8"
    )
    (folder / "README.md").write_text(card(source, entries), encoding="utf-8")
    entries += [_file_entry(folder, n, None) for n in ("croissant.json", "datapackage.json")]
    entries.append(_file_entry(folder, "README.md", None))
    manifest = {
        "manifest_version": MANIFEST_VERSION,
        "name": source.name,
        "version": source.version,
        "schema_version": source.document.schema_version,
        "codebook_version": CODEBOOK_VERSION,
        "guideline_version": source.guideline_version,
        "license": source.license,
        "released": source.released,
        "parquet_writer": f"pyarrow {pa.__version__}",
        "records": {name: len(records) for name, (_, records) in _tables(source).items()},
        "files": entries,
    }
    (folder / "manifest.json").write_text(json_text(manifest), encoding="utf-8")
    return manifest


def main() -> None:
    """Rebuild every version of every dataset in the repository, and the counts in
    docs/datacard.md from the newest version of the reference dataset."""
    paths = source_paths()
    for source_path in paths:
        manifest = build(source_path, source_path.parent.parent)
        print(f"built {manifest['name']} {manifest['version']}: {len(manifest['files'])} files")
    if DATACARD.exists() and paths:
        newest = [p for p in paths if p.parent.parent.name == DEFAULT_DATASET][-1]
        text = DATACARD.read_text(encoding="utf-8")
        DATACARD.write_text(replace_counts_block(text, load_source(newest)), encoding="utf-8")
        print(f"updated {DATACARD.relative_to(ROOT)} from {newest.name}")


if __name__ == "__main__":
    main()
