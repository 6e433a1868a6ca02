"""The shipped reference datasets: locate them, verify their checksums, load typed records.

In an installed wheel the data is package data (``newsevents/_published/datasets``); in a
source checkout it is the repository's ``datasets/`` folder.  Every file listed in a
version's ``manifest.json`` is hashed on load (TFDS-style), so a missing or corrupted file is
reported by name before any record is read.

A version folder may have been tampered with, so nothing in it is trusted: the manifest is
checked field by field, every path it lists must stay inside the folder (no ``..``, no
absolute path, no symbolic link out) before anything is opened, every entry in the folder
(hidden ones too) must be listed, links are never followed to find them, and only regular
files are opened.  What is used is what was verified: records.json and each Parquet table
are read once, hashed, and checked against the manifest and each other.  An error names the
file and the field, is safe to print, and shows only what the manifest claims, never the
size or hash of what was found (which could be a file outside the folder).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq
from packaging.version import Version
from pydantic import ValidationError

from newsevents.io.keys import may_repeat_keys, repeated_keys
from newsevents.io.paths import classify, inside, open_regular, size_and_sha256
from newsevents.models import (
    Actor,
    Alert,
    Deployment,
    Document,
    GeneralEvent,
    Statement,
    validator_for,
)
from newsevents.validation.safe import for_terminal, integer_text, shorten
from newsevents.versions import SCHEMA_VERSION, parse_version, reading_version

if TYPE_CHECKING:
    import pandas

DEFAULT_DATASET = "military-posture-2022"
"""The dataset ``load_dataset()`` loads when no name is given."""

TABLES = ("documents", "actors", "events", "events_flat")
"""The Parquet tables of a dataset version."""


PATH_SHOWN = 1024
"""Longest path shown whole in an error (a manifest may list a path of any length)."""


SKIPPED_SHOWN = 3
"""Incomplete newer versions the default load's warning names with their cause."""


class DatasetError(Exception):
    """A dataset cannot be found or its files do not match the manifest."""


class DatasetNotFoundError(DatasetError, LookupError):
    """No dataset (or no version of it) with that name is shipped."""


class DatasetWarning(UserWarning):
    """The default version skipped a newer one that is incomplete (the message says why)."""


class DatasetFileError(DatasetError):
    """A file of a dataset version is missing, unlisted, corrupted or malformed; ``path``
    names it, and ``field`` the manifest field at fault, if any (``files[3].sha256``)."""

    def __init__(self, path: Path, problem: str, field: str | None = None) -> None:
        # The path and the field come from the folder and the manifest: made safe to print.
        where = for_terminal(str(path), PATH_SHOWN)
        if field:
            where = f"{where}: {for_terminal(field)}"
        super().__init__(f"{where}: {for_terminal(problem)}")
        self.path = path
        self.problem = problem
        self.field = field


def datasets_root() -> Path:
    """Return the folder holding ``<name>/<version>/`` for every shipped dataset."""
    shipped = files("newsevents") / "_published" / "datasets"
    if isinstance(shipped, Path) and shipped.is_dir():
        return shipped
    return Path(__file__).resolve().parent.parent / "datasets"


def available_datasets(root: Path | None = None) -> dict[str, list[str]]:
    """Return every shipped dataset name with its versions, oldest first.

    Parameters
    ----------
    root
        A folder of datasets in the shipped layout (``<name>/<version>/``); default: the
        datasets shipped with the package.

    Returns
    -------
    dict of str to list of str
        Each dataset's name and its versions, compared as versions (1.10.0 after 1.9.0).

    Examples
    --------
    >>> available_datasets()["military-posture-2022"]
    ['1.0.0', '1.1.0']
    """
    base = root or datasets_root()
    found: dict[str, list[str]] = {}
    for folder in sorted(base.glob("*/*/")):
        if parse_version(folder.name) is not None:
            found.setdefault(folder.parent.name, []).append(folder.name)
    return {name: sorted(versions, key=Version) for name, versions in found.items()}


def dataset_folder(name: str | None = None, version: str | None = None) -> Path:
    """Return the folder of dataset ``name`` at ``version`` (default: the newest complete
    one, whose manifest is well formed and whose listed files are all present; a newer
    version that is not is skipped with a :class:`DatasetWarning` saying why)."""
    for argument, value in (("name", name), ("version", version)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{argument} must be a str or None, not {type(value).__name__}")
    name = DEFAULT_DATASET if name is None else name
    root = datasets_root()
    versions = available_datasets(root).get(name)
    if not versions:
        _unreadable(root, name)
        known = for_terminal(", ".join(available_datasets(root)) or "none")
        raise DatasetNotFoundError(f"no dataset named {_shown(name)}; shipped: {known}")
    if version is not None and version not in versions:
        raise DatasetNotFoundError(
            f"dataset {_shown(name)} has no version {_shown(version)}; "
            f"shipped: {', '.join(versions)}"
        )
    if version is not None:
        return root / name / version
    skipped: list[tuple[str, str]] = []
    for candidate in reversed(versions):
        problem = _incomplete(root / name / candidate)
        if problem is None:
            if skipped:  # never a silent downgrade: one warning saying which and why
                warnings.warn(_skipped(name, skipped, candidate), DatasetWarning, stacklevel=3)
            return root / name / candidate
        skipped.append((candidate, problem))
    return root / name / versions[-1]  # none is: loading it says what is wrong


def _skipped(name: str, skipped: list[tuple[str, str]], loaded: str) -> str:
    shown = [f"{version} ({problem})" for version, problem in skipped[:SKIPPED_SHOWN]]
    if len(skipped) > SKIPPED_SHOWN:
        shown.append(f"{len(skipped) - SKIPPED_SHOWN:,} more")
    return f"skipped incomplete {for_terminal(name)} {'; '.join(shown)}; loading {loaded}"


def _shown(value: object) -> str:
    return for_terminal(repr(value))


def _unreadable(root: Path, name: str) -> None:
    """Raise DatasetFileError when ``name`` is not found because a folder cannot be read
    (rather than saying falsely that there is no such dataset)."""
    classified = classify(root)
    if classified.problem is not None:
        raise DatasetFileError(root, classified.problem.reason)
    try:
        names = set(os.listdir(root))
    except OSError as error:  # pragma: no cover - classified as listable a moment ago
        raise DatasetFileError(root, error.strerror or "cannot be listed") from None
    if name in names:
        problem = classify(root / name).problem
        if problem is not None:
            raise DatasetFileError(root / name, problem.reason)


def _incomplete(folder: Path) -> str | None:
    """Why ``folder`` is not a complete version (None when it is)."""
    try:
        manifest = read_manifest(folder)
        for entry in manifest["files"]:
            require_file(folder / entry["path"], "the file")
    except DatasetError as error:
        return str(error)
    return None


def sha256_file(path: Path) -> str:
    """Return the hex sha256 of a regular file's bytes (anything else is refused)."""
    return size_and_sha256(path)[1]


MANIFEST = "manifest.json"
MANIFEST_LIMIT = 4 << 20
"""Largest manifest read, in bytes: it lists files, it does not hold them (the most files a
manifest lists, MANIFEST_FILES, take about 2.5 MB)."""


def require_file(path: Path, what: str) -> None:
    """Raise a DatasetFileError unless ``path`` is a readable regular file; ``what`` names it
    in the message (``the manifest``, ``the file``)."""
    classified = classify(path)
    if classified.problem is not None:
        missing = classified.problem.reason == "no such file or folder"
        raise DatasetFileError(path, f"{what} is missing" if missing else classified.problem.reason)
    if classified.kind != "file":
        raise DatasetFileError(path, f"{what} is not a file: found a {classified.kind}")


def read_manifest(folder: Path) -> dict[str, Any]:
    """Return the parsed ``manifest.json`` of a dataset version folder, checked field by
    field (:func:`check_manifest`); any defect is a DatasetFileError naming the field."""
    path = folder / MANIFEST
    if inside(folder, MANIFEST) is None:
        raise DatasetFileError(path, "a symbolic link that leads outside the version folder")
    require_file(path, "the manifest")
    data = _read_bytes(path, MANIFEST_LIMIT)
    if len(data) > MANIFEST_LIMIT:
        raise DatasetFileError(path, f"the manifest is larger than {MANIFEST_LIMIT:,} bytes")
    manifest = parse_json(path, data)
    check_manifest(folder, manifest)
    return dict(manifest)


def _read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file ``path`` (at most ``limit`` + 1), opened without
    blocking; anything else, or an error, is a DatasetFileError naming it."""
    try:
        with open_regular(path) as stream:
            return stream.read() if limit is None else stream.read(limit + 1)
    except OSError as error:  # not a regular file, or unreadable, when opened
        raise DatasetFileError(path, _strerror(error)) from None


def _strerror(error: OSError) -> str:
    return (error.strerror or type(error).__name__).lower()


def parse_json(path: Path, data: bytes) -> Any:
    """Return the JSON value of the file ``path`` holding ``data``, or raise DatasetFileError:
    not UTF-8, not JSON, a key twice in one object (parsers differ on which value counts) or
    a number past Python's int conversion limit, each at its field (``files[3].bytes``)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DatasetFileError(path, f"not UTF-8 (byte {error.start})") from None
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        reason = f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        raise DatasetFileError(path, reason) from None
    except (ValueError, RecursionError) as error:  # NaN, or more digits than int() takes
        _raise_long_number(path, text)
        raise DatasetFileError(path, f"not valid JSON ({error})") from None
    except MemoryError:
        raise DatasetFileError(path, _out_of_memory(path)) from None
    if may_repeat_keys(data, value):  # the cheap test first: the slow parse only if it may
        for repeat in repeated_keys(data):
            field = _field((*repeat.path, repeat.key))
            raise DatasetFileError(
                path, f"the key appears {repeat.count} times in one object", field
            )
    return value


def _field(parts: tuple[str | int, ...]) -> str:
    """A field as the messages write it: ``files[3].bytes``."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else part
    return text


class _LongNumber:
    """A JSON integer past Python's int/str conversion limit, kept as its digit count."""

    def __init__(self, text: str) -> None:
        self.digits = len(text.lstrip("-"))


def _json_integer(text: str) -> int | _LongNumber:
    try:
        return int(text)
    except ValueError:  # more digits than sys.get_int_max_str_digits()
        return _LongNumber(text)


def _raise_long_number(path: Path, text: str) -> None:
    """Raise DatasetFileError at the first integer of ``text`` too long to convert, if any
    (parsed again, slowly, only once the fast parse has refused the text)."""
    try:
        value = json.loads(text, parse_int=_json_integer, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        return
    for where, found in _json_values(value):
        if isinstance(found, _LongNumber):
            problem = f"a number of {found.digits:,} digits"
            raise DatasetFileError(path, problem, where or None) from None


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _json_values(value: Any) -> Iterator[tuple[str, Any]]:
    """Every value inside a parsed JSON value with its field (``files[3].bytes``), without
    recursion (the parser accepts nesting deeper than Python's recursion limit)."""
    stack: list[tuple[str, Any]] = [("", value)]
    while stack:
        field, item = stack.pop()
        yield field, item
        if isinstance(item, dict):
            stack += [(f"{field}.{key}" if field else key, inner) for key, inner in item.items()]
        elif isinstance(item, list):
            stack += [(f"{field}[{index}]", inner) for index, inner in enumerate(item)]


_HEX64 = re.compile(r"[0-9a-f]{64}")
_VERSION = re.compile(r"(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
MANIFEST_FILES = 10_000
"""Most files a manifest lists (a version has a few dozen): each is resolved on every load."""
PATH_PARTS = 16
"""Most parts (``a/b/c`` has 3) of a path a manifest lists: each is resolved in turn."""
MANIFEST_MAJOR = 1
"""The major version of the manifest format this package reads."""


Check = Callable[[object], "str | None"]
"""A field's check: why its value is wrong, or None."""


def _text(value: object) -> str | None:
    return None if isinstance(value, str) else "expected a string"


def _version(value: object) -> str | None:
    plain = isinstance(value, str) and _VERSION.fullmatch(value) is not None
    return None if plain else "expected a version such as 1.0.0"


def _manifest_version(value: object) -> str | None:
    problem = _version(value)
    if problem is None and Version(str(value)).major != MANIFEST_MAJOR:
        return f"a manifest format this package does not read (it reads {MANIFEST_MAJOR}.x.y)"
    return problem


def _date(value: object) -> str | None:
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            pass
        else:
            return None
    return "expected a date such as 2026-12-01"


def _count(value: object) -> str | None:
    whole = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return None if whole else "expected a whole number"


def _sha256(value: object) -> str | None:
    hexadecimal = isinstance(value, str) and _HEX64.fullmatch(value) is not None
    return None if hexadecimal else "expected 64 lower-case hex digits"


def _of(kind: type) -> Check:
    article = "an object" if kind is dict else "a list"
    return lambda value: None if isinstance(value, kind) else f"expected {article}"


RECORD_TABLES = ("documents", "actors", "events")
"""The record lists of ``records.json``, counted in the manifest's ``records``."""

MANIFEST_FIELDS: dict[str, Check] = {
    "manifest_version": _manifest_version,
    "name": _text,
    "version": _text,
    "schema_version": _version,
    "codebook_version": _version,
    "guideline_version": _version,
    "license": _text,
    "released": _date,
    "parquet_writer": _text,
    "records": _of(dict),
    "files": _of(list),
}
"""Every field of a manifest, each with its check (all required, no other allowed)."""

FILE_FIELDS: dict[str, Check] = {
    "path": _text,
    "format": _text,
    "media_type": _text,
    "sha256": _sha256,
    "bytes": _count,
    "records": _count,
}
"""Every field of a manifest's file entry, each with its check (``records`` optional)."""


def _fields(
    value: dict[str, Any], fields: Mapping[str, Check], optional: set[str]
) -> tuple[str, str] | None:
    """The first field of ``value`` that is missing, wrong or unexpected, with why."""
    for key, check in fields.items():
        if key not in value:
            if key not in optional:
                return key, "missing"
        elif (problem := check(value[key])) is not None:
            return key, problem
    for key in value:
        if key not in fields:
            return key, "unexpected field"
    return None


QUOTED = 80
"""Longest value from a file quoted whole in a problem, so the reason after it is kept."""


def _quoted(value: str) -> str:
    return shorten(json.dumps(value, ensure_ascii=False), QUOTED)


def check_manifest(folder: Path, manifest: object) -> None:
    """Raise DatasetFileError at the first field of ``manifest`` that is missing, of the
    wrong type, unexpected, or (for a file's path) leads outside ``folder`` or repeats
    another."""
    path = folder / MANIFEST

    def wrong(field: str, problem: str) -> DatasetFileError:
        return DatasetFileError(path, problem, field)

    if not isinstance(manifest, dict):
        raise wrong("(top level)", "expected an object")
    if (defect := _fields(manifest, MANIFEST_FIELDS, set())) is not None:
        raise wrong(*defect)
    expected = {"name": folder.parent.name, "version": folder.name}
    for key, value in expected.items():
        if manifest[key] != value:
            raise wrong(key, f"{_quoted(manifest[key])} differs from the folder's {_quoted(value)}")
    counts = {table: _count for table in RECORD_TABLES}
    if (defect := _fields(manifest["records"], counts, set())) is not None:
        raise wrong(f"records.{defect[0]}", defect[1])
    if len(manifest["files"]) > MANIFEST_FILES:
        count = len(manifest["files"])
        raise wrong("files", f"{count:,} files, more than the {MANIFEST_FILES:,} allowed")
    seen: set[str] = set()
    for index, entry in enumerate(manifest["files"]):
        field = f"files[{index}]"
        if not isinstance(entry, dict):
            raise wrong(field, "expected an object")
        relative = entry.get("path")
        if not isinstance(relative, str):
            raise wrong(f"{field}.path", "expected a string" if "path" in entry else "missing")
        quoted = _quoted(relative)
        if relative.count("/") >= PATH_PARTS:
            raise wrong(f"{field}.path", f"{quoted} has more than {PATH_PARTS} parts")
        if inside(folder, relative) is None:
            reason = "leads outside the version folder (a '..', an absolute path or a link out)"
            raise wrong(f"{field}.path", f"{quoted} {reason}")
        if relative == MANIFEST:
            raise wrong(f"{field}.path", "the manifest cannot list itself")
        if relative in seen:
            raise wrong(f"{field}.path", f"{quoted} is listed twice")
        seen.add(relative)
        if (defect := _fields(entry, FILE_FIELDS, {"records"})) is not None:
            raise wrong(f"{field}.{defect[0]}", defect[1])


def verify_files(folder: Path, manifest: dict[str, Any] | None = None) -> None:
    """Raise DatasetFileError naming the first entry of the folder the manifest does not
    list, or the first listed file that is missing, not a regular file, or whose size or
    sha256 differs from the manifest's (what was found is never shown: a file swapped for
    a link out between the checks must not have its size or hash told)."""
    manifest = read_manifest(folder) if manifest is None else manifest
    unlisted = _first_unlisted(folder, {entry["path"] for entry in manifest["files"]})
    if unlisted is not None:
        raise DatasetFileError(*unlisted)
    for entry in manifest["files"]:
        _checked_bytes(folder / entry["path"], entry, keep=False)


def _first_unlisted(folder: Path, listed: set[str]) -> tuple[Path, str] | None:
    """The first entry under ``folder``, hidden ones too, that is neither the manifest, a
    listed file nor a folder on the way to one, with why.  Symbolic links are never
    followed: a link to a folder outside is named, not walked."""
    holders = {
        path.rsplit("/", depth)[0] for path in listed for depth in range(1, path.count("/") + 1)
    }
    stack: list[tuple[str, Path]] = [("", folder)]
    while stack:
        prefix, here = stack.pop()
        first: os.DirEntry[str] | None = None  # the least unlisted name: no list of them all
        inner: list[tuple[str, Path]] = []
        try:
            with os.scandir(here) as scan:
                for entry in scan:
                    relative = prefix + entry.name
                    if relative in listed or relative == MANIFEST:
                        continue
                    if relative in holders and _is_real_folder(entry):
                        inner.append((relative + "/", Path(entry.path)))
                    elif first is None or entry.name < first.name:
                        first = entry
        except OSError as error:
            return here, f"the folder cannot be listed ({_strerror(error)})"
        if first is not None:
            return Path(first.path), _unlisted_reason(first)
        stack += sorted(inner, reverse=True)
    return None


def _is_real_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:  # pragma: no cover - removed while listing
        return False


def _unlisted_reason(entry: os.DirEntry[str]) -> str:
    if entry.is_symlink():  # not followed: where it leads, even whether, is not told
        return "a symbolic link the manifest does not list"
    problem = classify(Path(entry.path)).problem
    if problem is not None:
        return problem.reason
    if _is_real_folder(entry):
        return "a folder holding nothing the manifest lists"
    return "not listed in the manifest, so unverified"


def _checked_bytes(path: Path, entry: Mapping[str, Any], keep: bool) -> bytes:
    """Read the regular file ``path`` once, through one descriptor, and raise
    DatasetFileError unless its size and sha256 are the manifest ``entry``'s; return the
    bytes read when ``keep`` (so what is used is what was verified)."""
    require_file(path, "the file")
    digest, kept, size = hashlib.sha256(), bytearray(), 0
    try:
        with open_regular(path) as stream:
            if os.fstat(stream.fileno()).st_size != entry["bytes"]:
                raise DatasetFileError(path, _differs("size", entry))
            # Never past the claimed size: a file that keeps growing is not read forever.
            while block := stream.read(min(1 << 20, entry["bytes"] + 1 - size)):
                digest.update(block)
                size += len(block)
                if keep:
                    kept += block
    except OSError as error:  # not a regular file, or unreadable, when opened
        raise DatasetFileError(path, _strerror(error)) from None
    if size != entry["bytes"]:  # it changed while it was read
        raise DatasetFileError(path, _differs("size", entry))
    if digest.hexdigest() != entry["sha256"]:
        raise DatasetFileError(path, _differs("sha256", entry))
    return bytes(kept)


def _differs(what: str, entry: Mapping[str, Any]) -> str:
    claimed = f"{integer_text(entry['bytes'])} bytes" if what == "size" else entry["sha256"]
    return f"its {what} differs from the manifest's ({claimed})"


@dataclass(frozen=True)
class Dataset:
    """A loaded dataset version: typed records, and its tables for Arrow and pandas users."""

    name: str
    version: str
    folder: Path
    manifest: dict[str, Any] = field(repr=False)
    documents: tuple[Document, ...] = field(repr=False)
    actors: tuple[Actor, ...] = field(repr=False)
    events: tuple[Alert | Deployment | Statement | GeneralEvent, ...] = field(repr=False)
    verified: bool = field(default=True, repr=False)
    """Whether files are checked against the manifest when read (``load_dataset(verify=)``)."""

    @property
    def parquet_paths(self) -> dict[str, Path]:
        """Paths of the Parquet tables (documents, actors, events, events_flat)."""
        return {table: self.folder / f"{table}.parquet" for table in TABLES}

    @property
    def schema_version(self) -> str:
        """Schema version of the records."""
        return str(self.manifest["schema_version"])

    def to_arrow(self, table: str = "events") -> pa.Table:
        """Return a table (documents, actors, events or events_flat) as an Arrow table.

        The Parquet file is read once, checked against the manifest (unless loaded with
        ``verify=False``) and against the records: a file that cannot be read, or whose
        columns or rows are not those of ``records.json``, is a DatasetFileError.
        """
        path = self._parquet(table)
        data = read_listed(self.folder, self.manifest, path.name, self.verified)
        try:
            result = pq.read_table(pa.BufferReader(data))
        except MemoryError:  # a few compressed bytes can claim any number of rows
            raise DatasetFileError(path, _out_of_memory(path)) from None
        except (pa.ArrowException, OSError, ValueError) as error:
            raise DatasetFileError(path, f"not a readable Parquet file ({error})") from None
        problem = self._disagreement(table, result)
        if problem is not None:
            raise DatasetFileError(path, problem)
        return result

    def _disagreement(self, table: str, result: pa.Table) -> str | None:
        """How the Parquet ``table`` read as ``result`` differs from the records, if it does."""
        from newsevents.io.arrow import records_to_table

        if table == "events_flat":  # built by the maintainer tools: datapackage.json has it
            if result.column_names != self._flat_columns():
                return f"its columns differ from those {PACKAGE} gives it"
            same = result.column("event_id").to_pylist() == [event.id for event in self.events]
            return None if same else "its event_id column differs from the events of records.json"
        records = {"documents": self.documents, "actors": self.actors, "events": self.events}
        expected = records_to_table(table[:-1], records[table], version=self.schema_version)
        if not result.schema.equals(expected.schema, check_metadata=False):
            return f"its columns differ from those of schema {self.schema_version}"
        if not result.equals(expected):
            return f"its rows differ from the {table} of records.json"
        return None

    def to_pandas(self, table: str = "events") -> pandas.DataFrame:
        """Return a table as a pandas DataFrame with Arrow-backed dtypes (needs pandas).

        Integers stay integers and booleans booleans, with missing values as null rather
        than NaN or None in an object column; codes stay strings; nested columns are Arrow
        structs and lists.
        """
        try:
            import pandas
        except ImportError as error:  # pragma: no cover - tested in the wheel venv
            raise ImportError("to_pandas needs pandas: pip install 'newsevents[pandas]'") from error
        frame: pandas.DataFrame = self.to_arrow(table).to_pandas(types_mapper=pandas.ArrowDtype)
        return frame

    def _flat_columns(self) -> list[str]:
        """The columns of events_flat.parquet, as the Frictionless descriptor lists them."""
        path = listed_file(self.folder, self.manifest, PACKAGE)
        package = parse_json(path, read_listed(self.folder, self.manifest, PACKAGE, self.verified))
        resources = package.get("resources") if isinstance(package, dict) else None
        for resource in resources if isinstance(resources, list) else []:
            if isinstance(resource, dict) and resource.get("path") == "events_flat.parquet":
                schema = resource.get("schema")
                fields = schema.get("fields") if isinstance(schema, dict) else None
                names = [f.get("name") for f in fields or [] if isinstance(f, dict)]
                if isinstance(fields, list) and names and all(isinstance(n, str) for n in names):
                    return [str(name) for name in names]
        raise DatasetFileError(path, "no field names for events_flat.parquet", "resources")

    def _parquet(self, table: str) -> Path:
        if table not in TABLES:
            raise KeyError(f"unknown table {_shown(table)}; tables: {', '.join(TABLES)}")
        return listed_file(self.folder, self.manifest, self.parquet_paths[table].name)

    def actor(self, actor_id: str) -> Actor:
        """Return the actor with id ``actor_id``."""
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        raise KeyError(actor_id)


def load_dataset(
    name: str | None = None, version: str | None = None, *, verify: bool = True
) -> Dataset:
    """Load a shipped dataset (default: the reference dataset, newest version).

    Parameters
    ----------
    name
        The dataset's name (default: the reference dataset, ``military-posture-2022``).
    version
        Its version (default: the newest complete one shipped; older versions stay bundled
        and load by their number).
    verify
        Check every entry of the version folder against the manifest first: each listed
        file's size and sha256, and that nothing else is there (hidden files and links
        too). With ``False`` only the records and tables read are checked, for what they
        hold.

    Returns
    -------
    Dataset
        Typed records (``documents``, ``actors``, ``events``), Arrow and pandas tables and
        the Parquet paths.

    Raises
    ------
    DatasetNotFoundError
        When no shipped dataset has that name or version.
    DatasetFileError
        When a file is missing, unlisted, corrupted or malformed, or a manifest path leads
        out of the folder: ``path`` names the file, ``field`` the field at fault (the
        message is safe to print and tells nothing of a file outside the folder).
    TypeError
        When ``name`` or ``version`` is not a str.

    Warns
    -----
    DatasetWarning
        When the default version skips a newer one that is incomplete (it says why).

    Examples
    --------
    >>> data = load_dataset()
    >>> len(data.events) == data.to_arrow("events_flat").num_rows
    True
    >>> data.version, load_dataset(version="1.0.0").version
    ('1.1.0', '1.0.0')
    """
    folder = dataset_folder(name, version)
    manifest = read_manifest(folder)
    if verify:
        verify_files(folder, manifest)
    path = listed_file(folder, manifest, RECORDS_FILE)
    raw = parse_json(path, read_listed(folder, manifest, RECORDS_FILE, verify))
    records = _records(path, raw, manifest)
    return Dataset(
        name=manifest["name"],
        version=manifest["version"],
        folder=folder,
        manifest=manifest,
        documents=records["documents"],
        actors=records["actors"],
        events=records["events"],
        verified=verify,
    )


PACKAGE = "datapackage.json"
"""The Frictionless descriptor of a version folder, which gives the flat table's columns."""

RECORDS_FILE = "records.json"
"""The file of a version folder that load_dataset() reads the records from."""


def listed_file(folder: Path, manifest: dict[str, Any], relative: str) -> Path:
    """Return ``folder / relative`` if the manifest lists it (so it was verified), else
    raise DatasetFileError: an unlisted file is never read."""
    if not any(entry["path"] == relative for entry in manifest["files"]):
        raise DatasetFileError(folder / MANIFEST, f"{relative} is not listed", "files")
    return folder / relative


def read_listed(folder: Path, manifest: dict[str, Any], relative: str, verify: bool) -> bytes:
    """Return the bytes of a file the manifest lists, read once and (when ``verify``)
    checked against its size and sha256, so what is used is what was verified; any
    problem is a DatasetFileError naming the file."""
    path = listed_file(folder, manifest, relative)
    if inside(folder, relative) is None:  # swapped for a link out since the manifest was read
        raise DatasetFileError(path, "leads outside the version folder (a link out)")
    entry = next(entry for entry in manifest["files"] if entry["path"] == relative)
    try:
        if verify:
            return _checked_bytes(path, entry, keep=True)
        require_file(path, "the file")
        return _read_bytes(path)
    except MemoryError:
        raise DatasetFileError(path, _out_of_memory(path)) from None


def _out_of_memory(path: Path) -> str:
    try:
        return f"out of memory while reading it (a file of {os.stat(path).st_size:,} bytes)"
    except OSError:  # pragma: no cover - removed meanwhile
        return "out of memory while reading it"


def _version_of(record: object) -> str:
    declared = record.get("schema_version") if isinstance(record, dict) else None
    if isinstance(declared, str) and reading_version(declared) is not None:
        return declared
    return SCHEMA_VERSION  # validated as current, it fails on the version field itself


RECORD_KINDS: dict[str, Any] = {
    "documents": Document,
    "actors": Actor,
    "events": Alert | Deployment | Statement | GeneralEvent,
}
"""The model of the records of each list of ``records.json``."""


def _records(path: Path, raw: object, manifest: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    """The typed records of ``records.json`` (parsed as ``raw``), or DatasetFileError at
    the first field that is unexpected or disagrees with the manifest: its dataset and
    version, the number of records of each list, each record's schema_version."""
    if not isinstance(raw, dict):
        raise DatasetFileError(path, "expected an object of record lists", "(top level)")
    claims = {"dataset": manifest["name"], "version": manifest["version"]}
    for key in raw:
        if key not in claims and key not in RECORD_KINDS:
            raise DatasetFileError(path, "unexpected field", key)
    for key, claimed in claims.items():
        if raw.get(key) != claimed:
            problem = "missing" if key not in raw else "differs from the manifest's"
            raise DatasetFileError(path, f"{problem} {_quoted(claimed)}", key)
    typed = {table: tuple(_typed(path, raw, table, kind)) for table, kind in RECORD_KINDS.items()}
    version = manifest["schema_version"]
    for table, records in typed.items():
        count = manifest["records"][table]
        if len(records) != count:
            problem = f"{len(records)} records, the manifest's records.{table} says {count}"
            raise DatasetFileError(path, problem, table)
        for index, record in enumerate(records):
            if record.schema_version != version:
                problem = f"{record.schema_version}, the manifest's schema_version is {version}"
                raise DatasetFileError(path, problem, f"{table}[{index}].schema_version")
    return typed


def _typed(path: Path, raw: dict[str, Any], table: str, kind: Any) -> list[Any]:
    records = raw.get(table)
    if not isinstance(records, list):
        raise DatasetFileError(path, "expected a list of records", table)
    parsed = []
    for index, record in enumerate(records):
        try:
            # Each record against its own schema_version (a 1.0.0 record may not use 1.1.0).
            parsed.append(validator_for(_version_of(record)).validate_python(record))
        except ValidationError as error:
            first = error.errors()[0]
            where = "/".join(str(part) for part in first["loc"])
            problem = f"not a valid record ({first['type']} at {where or 'the record'})"
            raise DatasetFileError(path, problem, f"{table}[{index}]") from None
    wrong = [p.id for p in parsed if not isinstance(p, kind)]
    if wrong:
        raise DatasetFileError(path, f"records of the wrong type: {', '.join(wrong)}", table)
    return parsed
