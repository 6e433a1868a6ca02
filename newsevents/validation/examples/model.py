"""What an example is, how examples are built from the valid dataset, and how one is run."""

from __future__ import annotations

import contextlib
import json
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.validation.examples import base
from newsevents.validation.issue import Issue, Report

RECORDS_FILE = "records.jsonl"
REMOVE = object()
"""A change that removes the field at its pointer."""


@dataclass(frozen=True)
class CodeExample:
    """One typical mistake and the issue it must raise.

    ``files`` are written to a fresh folder and validated (``paths`` when only some of them,
    or missing ones, are given); the issue of ``code`` must be at ``file``, ``record`` and
    ``pointer``.  ``also`` lists other codes the mistake cannot help raising.
    """

    code: str
    mistake: str
    shown: str
    files: Mapping[str, bytes]
    pointer: str
    record: int | None
    file: str | None = RECORDS_FILE
    paths: Sequence[str] | None = None
    documents: Sequence[str] = ()
    also: frozenset[str] = frozenset()
    options: Mapping[str, Any] = field(default_factory=dict)
    around: Callable[[], contextlib.AbstractContextManager[object]] | None = None
    """Entered in the example's folder after its files are written, around the validation:
    makes what bytes cannot (a FIFO, a symbolic link, a folder that cannot be listed)."""
    runner: Callable[[list[str]], Report] | None = None
    """Run instead of the validator on the paths (a migration's codes come from migrate)."""


def run_example(example: CodeExample) -> Report:
    """Validate the example's files in a temporary folder; report paths are relative to it."""
    from newsevents.validation.runner import validate

    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
        for name, content in example.files.items():
            Path(name).write_bytes(content)
        inputs = [n for n in sorted(example.files) if n not in example.documents]
        paths = list(example.paths or inputs)
        documents = list(example.documents) or None
        with example.around() if example.around is not None else contextlib.nullcontext():
            if example.runner is not None:
                return example.runner(paths)
            return validate(paths, documents=documents, **example.options)


def matching(example: CodeExample, report: Report) -> list[Issue]:
    """The issues of ``report`` that are the example's expected issue."""
    return [
        issue
        for issue in report.issues
        if issue.code == example.code
        and issue.location.file == example.file
        and issue.location.record == example.record
        and issue.location.pointer == example.pointer
    ]


def jsonl(records: Sequence[Mapping[str, Any]]) -> bytes:
    """Return records as JSON Lines bytes (UTF-8, not ASCII-escaped)."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def apply(record: dict[str, Any], pointer: str, value: object) -> None:
    """Set (or, with REMOVE, delete) the value at ``pointer`` inside ``record``."""
    *parents, last = [_part(p) for p in pointer.lstrip("/").split("/")]
    holder: Any = record
    for part in parents:
        holder = holder[part]
    if value is REMOVE:
        del holder[last]
    elif isinstance(holder, list) and last == len(holder):
        holder.append(value)
    else:
        holder[last] = value


def _part(text: str) -> str | int:
    return int(text) if text.isdigit() else text


def describe_changes(name: str, changes: Mapping[str, object]) -> str:
    """Say what was changed, as the docs show it: ``alert: /cameo/code = "13y"``."""
    lines = []
    for pointer, value in changes.items():
        if value is REMOVE:
            lines.append(f"{name}: remove {pointer}")
        else:
            lines.append(f"{name}: {pointer} = {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines)


def mutated(
    code: str,
    mistake: str,
    name: str,
    changes: Mapping[str, object],
    *,
    pointer: str,
    also: frozenset[str] = frozenset(),
    edit: Callable[[dict[str, dict[str, Any]]], None] | None = None,
    options: Mapping[str, Any] | None = None,
) -> CodeExample:
    """An example where record ``name`` of the valid dataset gets ``changes``."""
    records = base.records()
    for where, value in changes.items():
        apply(records[name], where, value)
    if edit is not None:
        edit(records)
    names = list(records)
    return CodeExample(
        code=code,
        mistake=mistake,
        shown=describe_changes(name, changes),
        files={RECORDS_FILE: jsonl(list(records.values()))},
        pointer=pointer,
        record=names.index(name),
        also=also,
        options=options or {},
    )
