"""Tampered copies of a dataset version folder: every defect is a DatasetFileError naming the
file (and the manifest field), never a raw exception, a silent success, a hang, a leak of a
file outside the folder or a control character on the terminal."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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


def _manifest(folder: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return loaded


def _write(folder: Path, manifest: object) -> None:
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def _set(field: str, value: object) -> Callable[[dict[str, Any]], None]:
    def tamper(manifest: dict[str, Any]) -> None:
        *parents, last = field.replace("[", ".").replace("]", "").split(".")
        target: Any = manifest
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is DELETE:
            del target[last]
        else:
            target[last] = value

    return tamper


DELETE = object()
"""Marks a field _set() deletes."""

MANIFEST_TAMPERINGS: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("extra top-level field", _set("comment", "hello"), "comment"),
    ("extra file field", _set("files[2].note", 1), "files[2].note"),
    ("manifest_version of another format", _set("manifest_version", "2.0.0"), "manifest_version"),
    ("manifest_version missing", _set("manifest_version", DELETE), "manifest_version"),
    ("codebook_version a number", _set("codebook_version", 1), "codebook_version"),
    ("guideline_version not a version", _set("guideline_version", "v1"), "guideline_version"),
    ("license a list", _set("license", ["CC-BY-4.0"]), "license"),
    ("released not a date", _set("released", "2026-13-45"), "released"),
    ("parquet_writer null", _set("parquet_writer", None), "parquet_writer"),
    ("records a string", _set("records", "many"), "records"),
    ("records count negative", _set("records.events", -1), "records.events"),
    ("records table unknown", _set("records.extra", 1), "records.extra"),
    ("records table missing", _set("records.actors", DELETE), "records.actors"),
    ("file records a string", _set("files[1].records", "x"), "files[1].records"),
    ("file format missing", _set("files[0].format", DELETE), "files[0].format"),
    ("file media_type a number", _set("files[0].media_type", 7), "files[0].media_type"),
    ("file bytes a float", _set("files[0].bytes", 2232.0), "files[0].bytes"),
    ("file bytes true", _set("files[0].bytes", True), "files[0].bytes"),
    ("file sha256 upper case", _set("files[0].sha256", "A" * 64), "files[0].sha256"),
    ("the manifest lists itself", _set("files[0].path", "manifest.json"), "files[0].path"),
]


@pytest.mark.parametrize(
    ("tamper", "field"),
    [t[1:] for t in MANIFEST_TAMPERINGS],
    ids=[t[0] for t in MANIFEST_TAMPERINGS],
)
def test_each_manifest_field_is_checked(
    root: Path, tamper: Callable[[dict[str, Any]], None], field: str
) -> None:
    folder = copy_version(root, VERSIONS[-1])
    manifest = _manifest(folder)
    tamper(manifest)
    _write(folder, manifest)
    error = refused(folder.name)
    assert (error.path, error.field) == (folder / "manifest.json", field), str(error)


RAW_TAMPERINGS = [
    ("a key twice in a file entry", '"bytes":', '"bytes": 1, "bytes":', "files[0].bytes"),
    ("a key twice at the top", '"license":', '"name": "x", "license":', "name"),
    ("a number of 5,000 digits", '"bytes": ', '"bytes": ' + "9" * 5000 + "0", "files[0].bytes"),
]


@pytest.mark.parametrize(
    ("old", "new", "field"), [t[1:] for t in RAW_TAMPERINGS], ids=[t[0] for t in RAW_TAMPERINGS]
)
def test_what_json_parsers_read_differently_is_refused_at_its_field(
    root: Path, old: str, new: str, field: str
) -> None:
    folder = copy_version(root, VERSIONS[-1])
    text = json.dumps(_manifest(folder), indent=1).replace(old, new, 1)
    (folder / "manifest.json").write_text(text, encoding="utf-8")
    error = refused(folder.name)
    assert (error.path.name, error.field) == ("manifest.json", field), str(error)


def test_a_manifest_linked_from_outside_is_refused(root: Path) -> None:
    folder = copy_version(root, VERSIONS[-1])
    outside = root / "manifest-elsewhere.json"
    (folder / "manifest.json").rename(outside)
    (folder / "manifest.json").symlink_to(outside)
    error = refused(folder.name)
    assert "leads outside the version folder" in str(error)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | HOSTILE_TEXT,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_value_in_any_manifest_field_is_refused_at_that_field(
    root: Path, data: st.DataObject
) -> None:
    version = data.draw(st.sampled_from(VERSIONS))
    folder = root / DEFAULT_DATASET / version
    if not folder.exists():
        copy_version(root, version)
    original = (folder / "manifest.json").read_bytes()
    manifest = json.loads(original)
    index = data.draw(st.integers(0, len(manifest["files"]) - 1))
    fields = [
        *manifest,
        "extra",
        *(f"files[{index}].{key}" for key in (*manifest["files"][index], "extra")),
    ]
    field = data.draw(st.sampled_from(fields))
    value = data.draw(JSON_VALUES | st.just(DELETE))
    try:
        _set(field, value)(manifest)
    except KeyError:
        return  # deleting a field that is not there
    _write(folder, manifest)
    try:
        optional = field.startswith("files[") and field.endswith(".records") and value is DELETE
        if manifest == json.loads(original) or optional:
            assert load_dataset(version=version).version == version
            return
        error = refused(version)
        within = error.field is not None and error.field.startswith((f"{field}[", f"{field}."))
        at_manifest = error.path.name == "manifest.json" and (error.field == field or within)
        # A well-formed but different path, size or hash is caught on the files themselves.
        assert at_manifest or error.field is None, str(error)
    finally:
        (folder / "manifest.json").write_bytes(original)
