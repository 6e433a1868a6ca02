"""Shared fixtures for the validation tests: the valid example dataset and a file writer."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest

from newsevents.validation.examples import base

WriteJsonl = Callable[[str, Iterable[Mapping[str, Any]]], Path]


@pytest.fixture
def records() -> dict[str, dict[str, Any]]:
    """A fresh copy of the valid example dataset, by name (document, actors, events)."""
    return base.records()


@pytest.fixture
def write_jsonl(tmp_path: Path) -> WriteJsonl:
    """Write records as JSON Lines under a name in the test's folder; return the path."""

    def write(name: str, records: Iterable[Mapping[str, Any]]) -> Path:
        path = tmp_path / name
        lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        path.write_text("".join(lines), encoding="utf-8")
        return path

    return write
