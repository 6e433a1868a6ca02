"""The validation part of ``make demo``, and the example file's expected report.

``examples/third-party.jsonl`` is a file as another team would send it, with a dozen typical
mistakes; ``examples/expected-report.json`` is the report the validator must produce for it
(a test compares them; ``make schema`` rewrites it after a deliberate change).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TextIO

from newsevents.validation.issue import Report
from newsevents.validation.render import render_text
from newsevents.validation.runner import validate

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = "examples/third-party.jsonl"
EXPECTED_REPORT = "examples/expected-report.json"


def example_report(root: Path = ROOT) -> Report:
    """Validate the example file, with its path as given relative to ``root``."""
    with contextlib.chdir(root):
        return validate(EXAMPLE)


def write_expected_report(root: Path = ROOT) -> Path:
    """Write the example file's report to ``examples/expected-report.json``."""
    path = root / EXPECTED_REPORT
    path.write_text(example_report(root).to_json(), encoding="utf-8")
    return path


def dataset_files() -> list[Path]:
    """The shipped dataset's JSON Lines files (documents, actors, events)."""
    from newsevents.dataset import dataset_folder

    folder = dataset_folder()
    return [folder / f"{table}.jsonl" for table in ("documents", "actors", "events")]


def validation_demo(stream: TextIO = sys.stdout) -> None:
    """Validate the shipped dataset (valid) and the example file (invalid) and show both."""
    files = [_shown(path) for path in dataset_files()]
    stream.write("\n$ newsevents validate " + " ".join(files) + "\n")
    stream.write(render_text(validate(files)))
    root = example_root()
    if root is None:
        stream.write(f"\n({EXAMPLE} is missing from this installation)\n")
        return
    stream.write(f"\n$ newsevents validate {EXAMPLE}\n")
    stream.write(render_text(example_report(root)))


def example_root() -> Path | None:
    """The folder holding ``examples/``: the package's copy in a wheel
    (``newsevents/_published/examples``), else the repository's."""
    from importlib.resources import files

    shipped = files("newsevents") / "_published"
    if isinstance(shipped, Path) and (shipped / EXAMPLE).is_file():
        return shipped
    return ROOT if (ROOT / EXAMPLE).is_file() else None


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
