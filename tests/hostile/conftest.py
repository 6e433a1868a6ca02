"""Running the validator on hostile inputs the way a user does, on every path.

``run`` calls the command line in this process (exit status, stdout, stderr) and checks the
promises every hostile input must keep: no traceback, a report that is valid JSON, and the
same report from the default path and from ``--jobs 2``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from newsevents.cli import main


@dataclass(frozen=True)
class Outcome:
    """What one run of ``newsevents validate --format json`` gave."""

    status: int
    report: dict[str, Any]
    stderr: str

    def codes_at(self, file: str) -> set[str]:
        """The codes of the issues located in ``file``."""
        return {i["code"] for i in self.report["issues"] if i["location"].get("file") == file}

    @property
    def codes(self) -> set[str]:
        """Every code counted."""
        return set(self.report["summary"]["by_code"])


def _once(arguments: list[str]) -> Outcome:
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        status = main(["validate", "--format", "json", *arguments])
    return Outcome(status, json.loads(stdout.getvalue()), stderr.getvalue())


def comparable(report: dict[str, Any]) -> dict[str, Any]:
    """A report without what may differ between paths by design (none today)."""
    return {k: v for k, v in report.items() if k not in ("tool",)}


def run(*arguments: str) -> Outcome:
    """Validate on the default path and with ``--jobs 2``; both must agree, neither may
    print a traceback."""
    default = _once(list(arguments))
    parallel = _once(["--jobs", "2", *arguments])
    for outcome in (default, parallel):
        assert "Traceback" not in outcome.stderr, outcome.stderr
    assert comparable(parallel.report) == comparable(default.report)
    assert parallel.status == default.status
    return default


@contextlib.contextmanager
def unblocking(fifo: Path, after: float = 60.0) -> Iterator[None]:
    """A guard, not a time bound: should a regression open ``fifo`` and block, a writer
    comes after ``after`` seconds and ends the read, so the test fails instead of hanging."""

    def writer() -> None:
        with contextlib.suppress(OSError), open(fifo, "wb"):
            pass

    timer = threading.Timer(after, writer)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder other users can enter (pytest's own tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="newsevents-hostile-"))
    os.chmod(folder, 0o755)
    try:
        yield folder
    finally:
        for root, dirs, _ in os.walk(folder):
            for name in dirs:
                with contextlib.suppress(OSError):
                    os.chmod(Path(root) / name, 0o755)
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
