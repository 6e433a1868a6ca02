"""What a path names, decided before anything is opened: the one gate every input goes through.

A path given on the command line, a file found in a folder, a ``--documents`` path and a
file a dataset manifest lists are all classified here: a readable regular file, a folder that
can be listed, or a :class:`PathProblem` with the true cause (missing, a FIFO, device or
socket that could block a read forever, a dangling or looping symbolic link, permission
denied).  Files are then opened with :func:`open_regular`, which refuses anything that is not
a regular file at the moment of opening, so a path swapped for a FIFO cannot hang a run.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Literal

Kind = Literal["file", "folder", "problem"]

_SPECIAL = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


@dataclass(frozen=True, slots=True)
class PathProblem:
    """Why a path cannot be read: its issue code (NE101, NE109, NE110, NE111) and context."""

    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class Classified:
    """A path's kind, and the problem when it cannot be read."""

    kind: Kind
    problem: PathProblem | None = None


class NotRegularFileError(OSError):
    """Raised by :func:`open_regular` when the path is not a regular file when opened."""


def special_kind(mode: int) -> str:
    """Name a file type that is neither a regular file nor a folder."""
    return _SPECIAL.get(stat.S_IFMT(mode), "not a regular file")


def classify(path: Path) -> Classified:
    """Classify ``path`` without reading it (and without blocking on a FIFO)."""
    try:
        status = os.lstat(path)
    except OSError as error:
        return Classified("problem", _cause(error))
    except ValueError:  # a NUL byte or a lone surrogate: no file system can name it
        return Classified("problem", PathProblem("NE101", _unnameable(str(path))))
    if stat.S_ISLNK(status.st_mode):
        try:
            status = os.stat(path)
        except OSError as error:
            return Classified("problem", _link_cause(path, error))
    if stat.S_ISDIR(status.st_mode):
        try:
            with os.scandir(path):
                pass
        except OSError as error:
            return Classified("problem", PathProblem("NE111", _strerror(error)))
        return Classified("folder")
    if not stat.S_ISREG(status.st_mode):
        return Classified("problem", PathProblem("NE109", special_kind(status.st_mode)))
    try:
        os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC))
    except OSError as error:
        return Classified("problem", _cause(error))
    return Classified("file")


def _unnameable(path: str) -> str:
    if "\0" in path:
        return "the name holds a NUL byte, which no file name can"
    return "the name holds a lone surrogate, which no file name can"


def _cause(error: OSError) -> PathProblem:
    if error.errno == errno.ENOENT:
        return PathProblem("NE101", "no such file or folder")
    if error.errno == errno.ELOOP:
        return PathProblem("NE110", "reached through a symbolic link that loops")
    return PathProblem("NE101", _strerror(error))


def _link_cause(path: Path, error: OSError) -> PathProblem:
    if error.errno == errno.ELOOP:
        return PathProblem("NE110", "a symbolic link that loops (it leads back to itself)")
    if error.errno == errno.ENOENT:
        try:
            target = os.readlink(path)
        except OSError:  # pragma: no cover - replaced between the two calls
            target = "?"
        return PathProblem("NE110", f"a dangling symbolic link (to {target}, which is missing)")
    return PathProblem("NE101", _strerror(error))


def _strerror(error: OSError) -> str:
    return (error.strerror or type(error).__name__).lower()


def open_regular(path: Path) -> BinaryIO:
    """Open ``path`` for reading in binary, refusing (NotRegularFileError) anything that is
    not a regular file at the moment it is opened; never blocks on a FIFO."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFileError(errno.EINVAL, special_kind(mode), str(path))
        flags = fcntl.fcntl(descriptor, fcntl.F_GETFL)
        fcntl.fcntl(descriptor, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")


def size_and_sha256(path: Path) -> tuple[int, str]:
    """The size in bytes and the hex sha256 of a regular file (anything else is refused)."""
    digest, size = hashlib.sha256(), 0
    with open_regular(path) as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Found:
    """An entry found while walking a folder: its path relative to the folder, and its kind."""

    relative: str
    classified: Classified


Chooser = Callable[[Path], "list[str] | None"]
"""Given a folder, the files to read in it (relative paths), or None to list it whole."""


def walk(
    folder: Path, wanted: frozenset[str] | None, chooser: Chooser | None = None
) -> list[Found]:
    """Return every entry under ``folder`` whose suffix is in ``wanted`` (None: every entry),
    classified, and
    every folder that cannot be listed or link that cannot be followed, in path order.

    Hidden names (a leading dot) are skipped.  Links to folders are followed, each folder
    read once: a link back to a folder above it is a loop (NE110), never followed round.  When
    ``chooser`` returns a list for a folder, only those files are taken from it and its
    subfolders are not walked (a dataset folder whose manifest lists its record files).
    """
    walker = _Walker(wanted, chooser)
    found = list(walker.walk(folder, PurePosixPath()))
    return sorted(found, key=lambda entry: entry.relative)


class _Walker:
    """Walks folders with an explicit stack: nesting of any depth, no Python recursion."""

    def __init__(self, wanted: frozenset[str] | None, chooser: Chooser | None) -> None:
        self.wanted = wanted
        self.chooser = chooser
        self.seen: set[tuple[int, int]] = set()

    def _wanted(self, name: str) -> bool:
        return self.wanted is None or Path(name).suffix.lower() in self.wanted

    def walk(self, root: Path, relative: PurePosixPath) -> Iterator[Found]:
        stack: list[tuple[Path, PurePosixPath, frozenset[tuple[int, int]]]] = [
            (root, relative, frozenset())
        ]
        while stack:
            folder, here, above = stack.pop()
            try:
                identity = _identity(folder)
                if identity in self.seen:
                    continue  # a second way to a folder already read: its files are listed
                found, folders = self._folder(folder, here)
            except OSError as error:  # removed, unreadable or too deep while walking
                if not above:
                    raise  # the folder given: the caller reports it
                problem = PathProblem("NE111", _strerror(error))
                yield Found(here.as_posix(), Classified("problem", problem))
                continue
            self.seen.add(identity)
            yield from found
            inner = above | {identity}
            for path, name in reversed(folders):
                try:
                    looped = _identity(path) in inner
                except OSError:
                    looped = False  # reported when popped
                if looped:
                    problem = PathProblem(
                        "NE110", "a symbolic link that loops back to a folder above it"
                    )
                    yield Found(name.as_posix(), Classified("problem", problem))
                else:
                    stack.append((path, name, inner))

    def _folder(
        self, folder: Path, relative: PurePosixPath
    ) -> tuple[list[Found], list[tuple[Path, PurePosixPath]]]:
        chosen = self.chooser(folder) if self.chooser is not None else None
        if chosen is not None:
            files = [
                Found((relative / name).as_posix(), classify(path))
                for name in chosen
                if (path := inside(folder, name)) is not None
            ]
            return files, []
        with os.scandir(folder) as entries:
            listed = sorted(entries, key=lambda entry: entry.name)
        found: list[Found] = []
        folders: list[tuple[Path, PurePosixPath]] = []
        for entry in listed:
            if entry.name.startswith("."):
                continue
            path, name = Path(entry.path), relative / entry.name
            classified = classify(path)
            if classified.kind == "folder":
                folders.append((path, name))
            elif classified.problem is not None and _is_folder(entry):
                # A folder that cannot be reached (too deep a path...): never skipped unsaid.
                problem = PathProblem("NE111", classified.problem.reason)
                found.append(Found(name.as_posix(), Classified("problem", problem)))
            elif self._wanted(entry.name) or _maybe_folder(classified, entry):
                found.append(Found(name.as_posix(), classified))
        return found, folders


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _identity(path: Path) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_dev, status.st_ino


def _maybe_folder(classified: Classified, entry: os.DirEntry[str]) -> bool:
    # A folder that cannot be listed, or a broken link without a suffix (it may have been
    # meant as a folder of records): skipping it would validate less than asked, unsaid.
    problem = classified.problem
    if problem is None:
        return False
    return problem.code == "NE111" or (entry.is_symlink() and not Path(entry.name).suffix)


def inside(folder: Path, relative: str) -> Path | None:
    """Return ``folder / relative`` when ``relative`` is a plain relative path that stays
    inside ``folder`` (no ``..``, not absolute, no symbolic link leading out), else None."""
    parts = relative.split("/")
    if "\\" in relative or "\0" in relative or any(p in ("..", ".", "") for p in parts):
        return None  # also an absolute path, whose first part is empty
    path = folder.joinpath(*parts)
    try:
        resolved, base = path.resolve(strict=False), folder.resolve(strict=True)
    except (OSError, RuntimeError, ValueError):  # a loop while resolving; an unnameable name
        return None
    return path if resolved.is_relative_to(base) else None
