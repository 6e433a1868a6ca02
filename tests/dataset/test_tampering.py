"""Tampered copies of a dataset version folder: every defect is a DatasetFileError naming the
file (and the manifest field), never a raw exception, a silent success, a hang, a leak of a
file outside the folder or a control character on the terminal."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents import dataset as dataset_module
from newsevents.dataset import (
    DEFAULT_DATASET,
    DatasetFileError,
    DatasetNotFoundError,
    DatasetWarning,
    dataset_folder,
    load_dataset,
)

from .conftest import VERSIONS

SHIPPED = {version: dataset_folder(version=version) for version in VERSIONS}
"""Each shipped version folder, found before any test points load_dataset() elsewhere."""


@pytest.fixture
def root(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty datasets root that load_dataset() reads instead of the shipped one."""
    with tempfile.TemporaryDirectory(prefix="tampered-") as temporary:
        base = Path(temporary) / "datasets"
        base.mkdir()
        monkeypatch.setattr(dataset_module, "datasets_root", lambda: base)
        yield base


def copy_version(root: Path, version: str, as_version: str | None = None) -> Path:
    """Copy a shipped version of the default dataset under ``root``; return its folder."""
    target = root / DEFAULT_DATASET / (as_version or version)
    shutil.copytree(SHIPPED[version], target)
    return target


def refused(version: str, *secrets: str) -> DatasetFileError:
    """Load ``version`` expecting a DatasetFileError: printable, and quoting no secret."""
    with pytest.raises(DatasetFileError) as info:
        load_dataset(version=version)
    message = str(info.value)
    assert message.isprintable(), message
    assert not any(secret in message for secret in secrets), message
    return info.value


HOSTILE_TEXT = st.text(st.characters(codec="utf-8"), min_size=1, max_size=300) | st.sampled_from(
    ["\x1b[2J", "\x1b]0;title\x07", "a\rb\nc", "\u202eexe.txt", "x" * 5000, "../1.0.0"]
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=HOSTILE_TEXT | st.none(), version=HOSTILE_TEXT)
def test_a_hostile_name_or_version_is_not_found_and_shown_safely(
    root: Path, name: str | None, version: str
) -> None:
    if not (root / DEFAULT_DATASET).exists():
        copy_version(root, VERSIONS[-1])
    if name == DEFAULT_DATASET or version in VERSIONS:
        return
    with pytest.raises(DatasetNotFoundError) as info:
        load_dataset(name, version)
    message = str(info.value)
    assert message.isprintable() and len(message) < 600, message


@pytest.mark.parametrize("value", [0, False, b"1.1.0", ["1.1.0"], 1.1, {}])
def test_a_name_or_version_that_is_not_a_str_is_a_type_error(root: Path, value: object) -> None:
    copy_version(root, VERSIONS[-1])
    with pytest.raises(TypeError, match="must be a str or None"):
        load_dataset(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a str or None"):
        load_dataset(version=value)  # type: ignore[arg-type]


def test_an_empty_name_is_not_the_default(root: Path) -> None:
    copy_version(root, VERSIONS[-1])
    with pytest.raises(DatasetNotFoundError, match="no dataset named ''"):
        load_dataset("")


def test_names_from_the_folder_are_printed_escaped(root: Path) -> None:
    folder = copy_version(root, VERSIONS[-1])
    (folder / "x\x1b]0;pwned\x07\u202e.txt").write_text("x", encoding="utf-8")
    error = refused(folder.name)
    assert "\\x1b]0;pwned\\x07\\u202e" in str(error)


def test_a_newer_incomplete_version_is_skipped_with_a_warning(root: Path) -> None:
    oldest, newest = VERSIONS[0], VERSIONS[-1]
    copy_version(root, oldest)
    broken = copy_version(root, newest)
    (broken / "records.json").unlink()
    (root / DEFAULT_DATASET / "99.0.0").mkdir()
    with pytest.warns(DatasetWarning) as caught:
        assert load_dataset().version == oldest
    messages = [str(w.message) for w in caught]
    assert any(f"skipped {DEFAULT_DATASET} 99.0.0" in m for m in messages), messages
    assert any(f"{newest}" in m and "records.json" in m for m in messages), messages
