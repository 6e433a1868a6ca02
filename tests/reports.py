"""Helpers shared by the tests that compare a faster validation path with the reference."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from newsevents.validation import Report, validate
from newsevents.validation.examples import code_examples


def same(reference: Report, other: Report) -> None:
    """The two reports are equal but for the tool that made them."""
    left, right = reference.to_dict(), other.to_dict()
    left.pop("tool")
    right.pop("tool")
    assert right == left


def write_jsonl(path: Path, records: Iterable[Mapping[str, Any]]) -> Path:
    """Write ``records`` as JSON Lines (UTF-8, non-ASCII kept) and return the path."""
    lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    path.write_text("".join(lines), encoding="utf-8")
    return path


def renamed(records: list[dict[str, Any]], copy: int) -> list[dict[str, Any]]:
    """The records with every id (and reference to one) suffixed, so copies do not clash."""
    text = json.dumps(records, ensure_ascii=False)
    for record in records:
        text = text.replace(f'"{record["id"]}"', f'"{record["id"]}-{copy}"')
    found: list[dict[str, Any]] = json.loads(text)
    return found


def example_reports(
    code: str, folder: Path, validate_other: Callable[..., Report]
) -> tuple[Report, Report]:
    """The reference report of issue code ``code``'s example, written in ``folder``, and the
    report of ``validate_other`` (called like :func:`newsevents.validate`) on the same files."""
    example = code_examples()[code]
    with contextlib.chdir(folder):
        for name, content in example.files.items():
            Path(name).write_bytes(content)
        inputs = [n for n in sorted(example.files) if n not in example.documents]
        paths = list(example.paths or inputs)
        documents = list(example.documents) or None
        reference = validate(paths, documents=documents, **example.options)
        other = validate_other(paths, documents=documents, **example.options)
    return reference, other
