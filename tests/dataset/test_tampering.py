"""Tampered copies of a dataset version folder: every defect is a DatasetFileError naming the
file (and the manifest field), never a raw exception, a silent success, a hang, a leak of a
file outside the folder or a control character on the terminal."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents import dataset as dataset_module
from newsevents.dataset import (
    DEFAULT_DATASET,
    MANIFEST_FILES,
    MANIFEST_LIMIT,
    TABLES,
    DatasetFileError,
    DatasetNotFoundError,
    DatasetWarning,
    dataset_folder,
    load_dataset,
)
from newsevents.validation.safe import escape_controls

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


def inert(message: str) -> bool:
    """Whether ``message`` prints as one inert line: nothing in it left to escape."""
    return escape_controls(message) == message and "\n" not in message


def refused(version: str, *secrets: str) -> DatasetFileError:
    """Load ``version`` expecting a DatasetFileError: printable, and quoting no secret."""
    with pytest.raises(DatasetFileError) as info:
        load_dataset(version=version)
    message = str(info.value)
    assert inert(message), message
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
    assert inert(message) and len(message) < 600, message


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
    [warning] = caught
    message = str(warning.message)
    assert message.startswith(f"skipped incomplete {DEFAULT_DATASET} 99.0.0 ("), message
    assert f"; {newest} (" in message and "records.json: the file is missing" in message
    assert inert(message) and message.endswith(f"; loading {oldest}")


def test_many_incomplete_versions_make_one_short_warning(root: Path) -> None:
    copy_version(root, VERSIONS[-1])
    for major in range(50, 80):
        (root / DEFAULT_DATASET / f"{major}.0.0").mkdir()
    with pytest.warns(DatasetWarning) as caught:
        assert load_dataset().version == VERSIONS[-1]
    [warning] = caught
    assert "79.0.0 (" in str(warning.message) and "; 27 more; loading" in str(warning.message)


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
    ("a path of 17 parts", _set("files[0].path", "a/" * 16 + "b"), "files[0].path"),
    ("a path of 64,000 parts", _set("files[0].path", "a/" * 64_000 + "b"), "files[0].path"),
    (
        "10,001 files",
        lambda m: m["files"].extend([m["files"][0]] * (10_001 - len(m["files"]))),
        "files",
    ),
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


FREE_FIELDS = {"license", "parquet_writer", "released", "codebook_version", "guideline_version"}
FREE_FIELDS |= {"format", "media_type", "records"}
"""Manifest fields any well-formed value of passes: metadata nothing in the folder restates
(a file's ``records``, but not the manifest's, which records.json must agree with)."""

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
        try:
            loaded = load_dataset(version=version)
        except DatasetFileError as error:
            assert inert(str(error)), str(error)
            within = error.field is not None and error.field.startswith((f"{field}[", f"{field}."))
            at_field = error.path.name == "manifest.json" and (error.field == field or within)
            # A well-formed but different path, size or hash is caught on the files themselves.
            assert at_field or error.field is None, str(error)
        else:  # only a change nothing else in the folder can contradict, kept as written
            key = field.rsplit(".", 1)[-1]
            free = value is not DELETE and key in FREE_FIELDS
            free = free and (key != "records" or field.startswith("files["))
            optional = field.startswith("files[") and key == "records" and value is DELETE
            assert free or optional or manifest == json.loads(original), field
            assert loaded.manifest == manifest
    finally:
        (folder / "manifest.json").write_bytes(original)


SECRET = b"a file outside the dataset folder, whose size and hash must never be told\n" * 97
"""The content of an outside file: its size (7,275 bytes) and sha256 must never be shown."""


@pytest.fixture
def secret(root: Path) -> tuple[Path, tuple[str, ...]]:
    """A file outside every version folder, and the strings that would betray it."""
    path = root.parent / "secret.txt"
    path.write_bytes(SECRET)
    size = len(SECRET)
    return path, (hashlib.sha256(SECRET).hexdigest(), str(size), f"{size:,}")


def _swap(path: Path, make: Callable[[Path], object]) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()
    make(path)


FOLDER_TAMPERINGS: dict[str, Callable[[Path, Path], object]] = {
    "a hidden file": lambda folder, _: (folder / ".notes").write_text("x", encoding="utf-8"),
    "a hidden folder": lambda folder, _: (folder / ".git" / "objects").mkdir(parents=True),
    "an empty subfolder": lambda folder, _: (folder / "extra").mkdir(),
    "a file in a subfolder": lambda folder, _: (
        (folder / "sub").mkdir(),
        (folder / "sub" / "events.parquet").write_bytes(b"PAR1"),
    ),
    "a link to the root folder": lambda folder, _: (folder / "everything").symlink_to("/"),
    "a link to the folder above": lambda folder, _: (folder / "up").symlink_to(".."),
    "a link to the secret": lambda folder, secret: (folder / "notes.txt").symlink_to(secret),
    "a link that loops": lambda folder, _: (folder / "loop").symlink_to("loop"),
    "a dangling link": lambda folder, _: (folder / "gone").symlink_to("nowhere"),
    "a FIFO": lambda folder, _: os.mkfifo(folder / "events.jsonl.part"),
    "a hard link to the secret": lambda folder, secret: os.link(secret, folder / "notes.txt"),
    "a listed file as a hard link to the secret": lambda folder, secret: _swap(
        folder / "article.txt", lambda path: os.link(secret, path)
    ),
    "a listed file as a FIFO": lambda folder, _: _swap(folder / "records.json", os.mkfifo),
    "a listed file as a folder": lambda folder, _: _swap(folder / "events.parquet", Path.mkdir),
    "a listed file as a dangling link": lambda folder, _: _swap(
        folder / "README.md", lambda path: path.symlink_to("README.old")
    ),
    "a listed file as a link to the secret": lambda folder, secret: _swap(
        folder / "README.md", lambda path: path.symlink_to(secret)
    ),
    "a listed file as a link to a FIFO inside": lambda folder, _: (
        os.mkfifo(folder / "README.md.fifo"),
        _swap(folder / "README.md", lambda path: path.symlink_to("README.md.fifo")),
    ),
    "a listed file truncated": lambda folder, _: (folder / "events.parquet").write_bytes(
        (folder / "events.parquet").read_bytes()[:-1]
    ),
    "a listed file grown": lambda folder, _: (folder / "article.txt").write_bytes(
        (folder / "article.txt").read_bytes() + b"\n"
    ),
    "the manifest as a link to the secret": lambda folder, secret: _swap(
        folder / "manifest.json", lambda path: path.symlink_to(secret)
    ),
    "the manifest as a FIFO": lambda folder, _: _swap(folder / "manifest.json", os.mkfifo),
}


@pytest.mark.parametrize("tamper", list(FOLDER_TAMPERINGS.values()), ids=list(FOLDER_TAMPERINGS))
@pytest.mark.parametrize("verify", [True, False])
def test_a_tampered_folder_is_named_without_telling_anything_outside(
    root: Path,
    secret: tuple[Path, tuple[str, ...]],
    tamper: Callable[[Path, Path], object],
    verify: bool,
) -> None:
    folder = copy_version(root, VERSIONS[-1])
    tamper(folder, secret[0])
    if not verify:
        try:
            load_dataset(version=folder.name, verify=False)
        except DatasetFileError as error:
            assert inert(str(error)) and not any(s in str(error) for s in secret[1])
        return  # without the check, an unlisted or corrupted file may go unnoticed
    error = refused(folder.name, *secret[1])
    assert error.path.is_relative_to(folder), str(error)
    assert error.path != folder / "records.json" or "FIFO" in str(error)


CHILD = """
import json, sys
from pathlib import Path
import newsevents.dataset as dataset
for root, verify in json.loads(sys.argv[1]):
    dataset.datasets_root = lambda: Path(root)
    try:
        dataset.load_dataset(verify=verify)
    except dataset.DatasetError as error:
        print(json.dumps([type(error).__name__, str(getattr(error, "path", "")), str(error)]))
    else:
        print(json.dumps(["loaded", "", ""]))
"""

UNREADABLE = [
    ("the version folder cannot be listed", "{version}", 0o311, True, "cannot be listed"),
    ("the dataset folder cannot be listed", ".", 0o311, True, "permission denied"),
    ("a hidden subfolder cannot be listed", "{version}/.cache", 0, True, "permission denied"),
    ("an unlisted file cannot be read", "{version}/notes.txt", 0, True, "permission denied"),
    ("records.json cannot be read", "{version}/records.json", 0, True, "permission denied"),
    ("records.json cannot be read, unverified", "{version}/records.json", 0, False, "denied"),
]


def test_what_cannot_be_read_is_named_with_its_cause() -> None:
    """As the unprivileged user nobody (root ignores modes), one process for every case."""
    shared = Path(tempfile.mkdtemp(prefix="newsevents-tampered-"))
    try:
        cases, expected = [], []
        for index, (_, target, _, verify, _) in enumerate(UNREADABLE):
            folder = copy_version(shared / str(index), VERSIONS[-1])
            if ".cache" in target:
                (folder / ".cache").mkdir()
            if "notes.txt" in target:
                (folder / "notes.txt").write_text("x", encoding="utf-8")
            cases.append((str(shared / str(index)), verify))
            expected.append(folder.parent / target.format(version=folder.name))
        for path in (shared, *shared.rglob("*")):
            path.chmod(0o755 if path.is_dir() else 0o644)
        for path, (_, _, mode, _, _) in zip(expected, UNREADABLE, strict=True):
            path.chmod(mode)
        prefix = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
        command = [*(prefix if os.geteuid() == 0 else []), sys.executable, "-c", CHILD]
        done = subprocess.run(
            [*command, json.dumps(cases)], capture_output=True, text=True, timeout=300, check=False
        )
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
        outcomes = [json.loads(line) for line in done.stdout.splitlines()]
        for case, path, outcome in zip(UNREADABLE, expected, outcomes, strict=True):
            label, reason = case[0], case[-1]
            assert outcome[0] == "DatasetFileError", (label, outcome)
            assert outcome[1] == str(path) and reason in outcome[2], (label, outcome)
    finally:
        for path in (shared, *shared.rglob("*")):
            with contextlib.suppress(OSError):
                path.chmod(0o755)
        shutil.rmtree(shared, ignore_errors=True)


def _rehash(folder: Path, name: str) -> None:
    """Make the manifest agree with the tampered file ``name``: only what the files say of
    each other can catch the change."""
    manifest = _manifest(folder)
    data = (folder / name).read_bytes()
    for entry in manifest["files"]:
        if entry["path"] == name:
            entry.update(sha256=hashlib.sha256(data).hexdigest(), bytes=len(data))
    _write(folder, manifest)


def _records_edit(edit: Callable[[dict[str, Any]], object]) -> Callable[[Path], None]:
    def tamper(folder: Path) -> None:
        records = json.loads((folder / "records.json").read_text(encoding="utf-8"))
        edit(records)
        (folder / "records.json").write_text(json.dumps(records), encoding="utf-8")

    return tamper


def _records_text(old: str, new: str) -> Callable[[Path], None]:
    def tamper(folder: Path) -> None:
        text = (folder / "records.json").read_text(encoding="utf-8").replace(old, new, 1)
        (folder / "records.json").write_text(text, encoding="utf-8")

    return tamper


RECORDS_TAMPERINGS: list[tuple[str, Callable[[Path], None], str]] = [
    ("another dataset", _records_edit(lambda r: r.update(dataset="other")), "dataset"),
    ("another version", _records_edit(lambda r: r.update(version="9.9.9")), "version"),
    ("no version", _records_edit(lambda r: r.pop("version")), "version"),
    ("an unknown list", _records_edit(lambda r: r.update(extra=[])), "extra"),
    ("an event dropped", _records_edit(lambda r: r["events"].pop()), "events"),
    ("an event repeated", _records_edit(lambda r: r["events"].append(r["events"][0])), "events"),
    ("an actor dropped", _records_edit(lambda r: r["actors"].pop()), "actors"),
    (
        "a record of another schema version",
        _records_edit(lambda r: r["documents"][0].update(schema_version="1.0.0")),
        "documents[0].schema_version",
    ),
    ("a key twice", _records_text('"version":', '"version": "9.9.9", "version":'), "version"),
    ("a number of 5,000 digits", _records_text("{", '{"n": 1' + "0" * 5000 + ","), "n"),
]


@pytest.mark.parametrize(
    ("tamper", "field"),
    [t[1:] for t in RECORDS_TAMPERINGS],
    ids=[t[0] for t in RECORDS_TAMPERINGS],
)
@pytest.mark.parametrize("verify", [True, False])
def test_records_that_disagree_with_the_manifest_are_refused(
    root: Path, tamper: Callable[[Path], None], field: str, verify: bool
) -> None:
    version = VERSIONS[-1]
    if field.endswith("schema_version") and version == "1.0.0":  # pragma: no cover
        return
    folder = copy_version(root, version)
    tamper(folder)
    _rehash(folder, "records.json")
    with pytest.raises(DatasetFileError) as info:
        load_dataset(version=folder.name, verify=verify)
    assert (info.value.path.name, info.value.field) == ("records.json", field), str(info.value)


def _parquet(transform: Callable[[pa.Table], pa.Table]) -> Callable[[Path], None]:
    def tamper(path: Path) -> None:
        table = pq.read_table(path)
        pq.write_table(transform(table).replace_schema_metadata(table.schema.metadata), path)

    return tamper


PARQUET_TAMPERINGS: dict[str, Callable[[Path], object]] = {
    "another schema": lambda path: pq.write_table(pa.table({"x": [1, 2]}), path),
    "a column dropped": _parquet(lambda t: t.drop_columns([t.column_names[-1]])),
    "a column renamed": _parquet(lambda t: t.rename_columns(["id2", *t.column_names[1:]])),
    "a row dropped": _parquet(lambda t: t.slice(1)),
    "rows reordered": _parquet(lambda t: t.take(list(reversed(range(t.num_rows))))),
    "a value changed": _parquet(
        lambda t: t.set_column(0, t.field(0), pa.array(["x"] * t.num_rows, t.field(0).type))
    ),
    "not Parquet": lambda path: path.write_bytes(b"PAR1 and nothing else PAR1"),
    "empty": lambda path: path.write_bytes(b""),
}


@pytest.mark.parametrize("tamper", list(PARQUET_TAMPERINGS.values()), ids=list(PARQUET_TAMPERINGS))
@pytest.mark.parametrize("table", TABLES)
def test_a_parquet_table_that_disagrees_with_the_records_is_refused(
    root: Path, tamper: Callable[[Path], object], table: str
) -> None:
    folder = copy_version(root, VERSIONS[-1])
    path = folder / f"{table}.parquet"
    original = pq.read_table(path)
    tamper(path)
    _rehash(folder, path.name)
    loaded = load_dataset(version=folder.name)
    with contextlib.suppress(pa.ArrowException):
        if pq.read_table(path).equals(original):  # reordering one row changes nothing
            assert loaded.to_arrow(table).equals(original)
            return
    for read in (loaded.to_arrow, loaded.to_pandas):
        with pytest.raises(DatasetFileError) as info:
            read(table)
        assert info.value.path == path and inert(str(info.value)), str(info.value)


SWAPS: dict[str, Callable[[Path, Path], object]] = {
    "a FIFO": lambda path, _: os.mkfifo(path),
    "a link out": lambda path, secret: path.symlink_to(secret),
    "nothing": lambda path, _: None,
    "a folder": lambda path, _: path.mkdir(),
}


@pytest.mark.parametrize("swap", list(SWAPS.values()), ids=list(SWAPS))
@pytest.mark.parametrize("verify", [True, False])
def test_a_table_swapped_after_loading_is_refused_when_read(
    root: Path,
    secret: tuple[Path, tuple[str, ...]],
    swap: Callable[[Path, Path], object],
    verify: bool,
) -> None:
    folder = copy_version(root, VERSIONS[-1])
    loaded = load_dataset(version=folder.name, verify=verify)
    (folder / "events.parquet").unlink()
    swap(folder / "events.parquet", secret[0])
    with pytest.raises(DatasetFileError) as info:
        loaded.to_arrow("events")
    assert info.value.path == folder / "events.parquet"
    assert not any(leak in str(info.value) for leak in secret[1]), str(info.value)


@pytest.mark.parametrize(
    "package",
    [[], {}, {"resources": 5}, {"resources": [{"path": "events_flat.parquet", "schema": []}]}],
)
def test_a_descriptor_without_the_flat_columns_is_named(root: Path, package: object) -> None:
    folder = copy_version(root, VERSIONS[-1])
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    _rehash(folder, "datapackage.json")
    loaded = load_dataset(version=folder.name)
    assert loaded.to_arrow("events").num_rows == len(loaded.events)
    with pytest.raises(DatasetFileError) as info:
        loaded.to_arrow("events_flat")
    assert info.value.path == folder / "datapackage.json"


def _flip(offset: int) -> Callable[[Path, Path], None]:
    def tamper(folder: Path, _: Path) -> None:
        files = [p for p in folder.iterdir() if p.is_file() and not p.is_symlink()]
        # Not the manifest: a changed letter in its license is a different, valid manifest.
        names = sorted(p.name for p in files if p.name != "manifest.json")
        path = folder / names[offset % len(names)]
        data = bytearray(path.read_bytes())
        if data:
            data[offset % len(data)] ^= 0x20
        path.write_bytes(bytes(data) or b"x")

    return tamper


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    names=st.lists(st.sampled_from(sorted(FOLDER_TAMPERINGS)), min_size=1, max_size=3, unique=True),
    flips=st.lists(st.integers(0, 10**6), max_size=2),
    version=st.sampled_from(VERSIONS),
)
def test_any_mix_of_tamperings_is_refused_safely(
    root: Path,
    secret: tuple[Path, tuple[str, ...]],
    names: list[str],
    flips: list[int],
    version: str,
) -> None:
    folder = root / DEFAULT_DATASET / version
    shutil.rmtree(folder, ignore_errors=True)
    copy_version(root, version)
    for tamper in [*(FOLDER_TAMPERINGS[name] for name in names), *map(_flip, flips)]:
        try:
            tamper(folder, secret[0])
        except OSError:  # a second tampering of the same entry
            continue
    error = refused(version, *secret[1])
    assert error.path.is_relative_to(folder), str(error)


OUT_OF_MEMORY = """
import os, resource, sys
from pathlib import Path
import newsevents.dataset as dataset
dataset.datasets_root = lambda: Path(sys.argv[1])
used = int(Path("/proc/self/statm").read_text().split()[0]) * os.sysconf("SC_PAGE_SIZE")
resource.setrlimit(resource.RLIMIT_AS, (used + (1 << 30), resource.RLIM_INFINITY))
try:
    dataset.load_dataset(verify=False)
except dataset.DatasetFileError as error:
    print(error)
"""


def test_running_out_of_memory_is_said_with_the_size(root: Path) -> None:
    folder = copy_version(root, VERSIONS[-1])
    with (folder / "records.json").open("r+b") as sparse:
        sparse.truncate(3 << 30)  # 3 GiB of holes: no disk used, more than the 1 GiB allowed
    done = subprocess.run(
        [sys.executable, "-c", OUT_OF_MEMORY, str(root)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert done.stdout.strip().endswith(
        "records.json: out of memory while reading it (a file of 3,221,225,472 bytes)"
    )


PARQUET_BOMB = """
import os, resource, sys
from pathlib import Path
import newsevents.dataset as dataset
dataset.datasets_root = lambda: Path(sys.argv[1])
loaded = dataset.load_dataset()
used = int(Path("/proc/self/statm").read_text().split()[0]) * os.sysconf("SC_PAGE_SIZE")
resource.setrlimit(resource.RLIMIT_AS, (used + (256 << 20), resource.RLIM_INFINITY))
try:
    loaded.to_arrow("events")
except dataset.DatasetFileError as error:
    print(error)
"""


def test_a_parquet_table_that_decodes_past_memory_is_said(root: Path) -> None:
    folder = copy_version(root, VERSIONS[-1])
    indices = pa.nulls(1_000_000, pa.int32()).fill_null(0)  # one id of 1,000 characters,
    ids = pa.DictionaryArray.from_arrays(indices, pa.array(["x" * 1000]))  # a million times
    pq.write_table(pa.table({"id": ids}), folder / "events.parquet", store_schema=False)
    _rehash(folder, "events.parquet")
    size = (folder / "events.parquet").stat().st_size
    done = subprocess.run(
        [sys.executable, "-c", PARQUET_BOMB, str(root)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    ending = f"events.parquet: out of memory while reading it (a file of {size:,} bytes)"
    assert done.stdout.strip().endswith(ending), done.stdout


@pytest.mark.parametrize("target", ["/", "/nonexistent/secret", "/dev/null", "loop"])
def test_an_unlisted_link_tells_nothing_of_where_it_leads(root: Path, target: str) -> None:
    folder = copy_version(root, VERSIONS[-1])
    (folder / "loop").symlink_to(target)
    error = refused(folder.name)
    assert (error.path, error.problem) == (
        folder / "loop",
        "a symbolic link the manifest does not list",
    )


LONG_VALUE_ENDINGS = {
    "name": f'differs from the folder\'s "{DEFAULT_DATASET}"',
    "version": f'differs from the folder\'s "{VERSIONS[-1]}"',
    "files[0].path": "leads outside the version folder (a '..', an absolute path or a link out)",
}


@pytest.mark.parametrize(("field", "ending"), LONG_VALUE_ENDINGS.items())
def test_a_long_value_is_cut_and_the_reason_kept(root: Path, field: str, ending: str) -> None:
    folder = copy_version(root, VERSIONS[-1])
    manifest = _manifest(folder)
    _set(field, "../" + "x" * 100_000)(manifest)
    _write(folder, manifest)
    message = str(refused(folder.name))
    assert "(100,005 characters)" in message and len(message) < 400, message
    assert message.endswith(ending), message


def test_the_names_of_other_datasets_are_listed_safely(root: Path) -> None:
    copy_version(root, VERSIONS[-1])
    for index in range(100):
        (root / f"evil\x1b]0;title\x07{index}" / "1.0.0").mkdir(parents=True)
    with pytest.raises(DatasetNotFoundError) as info:
        load_dataset("nope")
    assert inert(str(info.value)) and len(str(info.value)) < 400, str(info.value)


def test_a_dataset_named_with_control_characters_is_warned_about_safely(root: Path) -> None:
    name = "evil\x1b]0;title\x07"
    folder = root / name / VERSIONS[-1]
    shutil.copytree(SHIPPED[VERSIONS[-1]], folder)
    _records_edit(lambda records: records.update(dataset=name))(folder)
    _rehash(folder, "records.json")
    manifest = _manifest(folder)
    _write(folder, {**manifest, "name": name})
    (root / name / "99.0.0").mkdir()
    with pytest.warns(DatasetWarning) as caught:
        assert load_dataset(name).name == name
    [warning] = caught
    assert inert(str(warning.message)) and "evil\\x1b]0;title\\x07 99.0.0" in str(warning.message)


def test_a_manifest_past_the_size_limit_is_refused_unread(root: Path) -> None:
    folder = copy_version(root, VERSIONS[-1])
    manifest = _manifest(folder)
    files = [{**manifest["files"][0], "path": f"x{index}"} for index in range(MANIFEST_FILES)]
    size = len(json.dumps({**manifest, "files": files}, indent=2))
    assert size < MANIFEST_LIMIT  # the most files a manifest may list fit
    (folder / "manifest.json").write_bytes(b" " * MANIFEST_LIMIT + b"{}")
    error = refused(folder.name)
    assert error.problem == f"the manifest is larger than {MANIFEST_LIMIT:,} bytes"
