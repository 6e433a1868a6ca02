"""Reading records to migrate from files, and writing the migrated records."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.validation.issue import InputFile, Issue, IssueLocation

SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}


@dataclass
class Source:
    """The records of one file, and the problems reading it."""

    file: InputFile
    records: list[dict[str, Any]] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    """Each record's index among the file's values (values that are no object are skipped)."""
    problems: list[Issue] = field(default_factory=list)


def _files(paths: Sequence[str | Path]) -> Iterator[Path]:
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
        else:
            yield path


def read_records(paths: Sequence[str | Path]) -> Iterator[Source]:
    """Yield the records of every JSON, JSON Lines and Parquet file in ``paths``."""
    from newsevents.codes import spec

    for path in _files(paths):
        kind = SUFFIXES.get(path.suffix, "jsonl")
        try:
            data = path.read_bytes()
        except OSError as error:
            check = spec("NE101")
            message = check.render(path=str(path), reason=error.strerror or str(error))
            problem = Issue("NE101", check.severity, message, IssueLocation(file=str(path)))
            yield Source(InputFile(str(path), kind), problems=[problem])
            continue
        digest = hashlib.sha256(data).hexdigest()
        source = Source(InputFile(str(path), kind, bytes=len(data), sha256=digest))
        try:
            values = _decode(path, kind, data)
        except (ValueError, OSError) as error:
            values = []
            check = spec("NE103")
            message = f"cannot read {path} as {kind}: {error}"
            location = IssueLocation(file=str(path))
            source.problems.append(Issue("NE103", check.severity, message, location))
        for index, value in enumerate(values):
            if isinstance(value, dict):
                source.records.append(value)
                source.positions.append(index)
            else:  # reported, never dropped silently; the record index counts it
                check = spec("NE104")
                message = check.render(found=type(value).__name__)
                location = IssueLocation(file=str(path), record=index)
                source.problems.append(Issue("NE104", check.severity, message, location))
        records = len(source.records)
        source.file = InputFile(str(path), kind, bytes=len(data), sha256=digest, records=records)
        yield source


def _decode(path: Path, kind: str, data: bytes) -> list[Any]:
    if kind == "parquet":
        import pyarrow.parquet as pq

        from newsevents.io.arrow import table_to_records

        return table_to_records(pq.read_table(path))
    text = data.decode("utf-8-sig")
    if kind == "json":
        from newsevents.io.readers import records_in

        return records_in(json.loads(text))
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def write_records(records: Sequence[dict[str, Any]], path: Path) -> None:
    """Write ``records`` as JSON Lines (``.jsonl``) or as a JSON array (``.json``)."""
    if path.suffix == ".json":
        text = json.dumps(list(records), ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    path.write_text(text, encoding="utf-8")
