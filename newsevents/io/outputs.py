"""Opening the file a command writes: ``migrate``, ``convert`` and ``view`` all do it here.

An output that is one of the inputs is refused before anything is truncated, a FIFO without a
reader is refused instead of waited on, and every failure is an :class:`OutputError` whose
message is safe to print.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
from collections.abc import Iterable
from typing import BinaryIO, TextIO


class OutputError(OSError):
    """An output file that cannot be written; ``str()`` says which and why, safe to print."""

    def __str__(self) -> str:
        return str(self.strerror)


def open_output(
    path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()
) -> TextIO:
    """Open ``path`` to write UTF-8 text (see :func:`open_output_binary`)."""
    return open(_output_descriptor(path, inputs), "w", encoding="utf-8", newline="")


def open_output_binary(
    path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()
) -> BinaryIO:
    """Open ``path`` to write bytes, refusing with :class:`OutputError`:

    - a path that is one of the files ``inputs`` names (before it is truncated: writing
      there would destroy what is being read);
    - a FIFO nobody reads (opening is non-blocking, so the command never waits on it);
    - a folder, or anything else the system will not open for writing.

    A FIFO with a reader, a character device (``/dev/stdout``) and regular files are written.
    """
    return open(_output_descriptor(path, inputs), "wb")


def _output_descriptor(
    path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]
) -> int:
    from newsevents.validation.safe import for_terminal

    refuse_inputs([path], inputs)
    shown = for_terminal(os.fspath(path))
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        descriptor = os.open(path, flags, 0o666)
    except OSError as error:
        raise OutputError(error.errno, f"cannot write {shown}: {_reason(error)}") from None
    try:
        state = fcntl.fcntl(descriptor, fcntl.F_GETFL)
        fcntl.fcntl(descriptor, fcntl.F_SETFL, state & ~os.O_NONBLOCK)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def refuse_inputs(
    outputs: Iterable[str | os.PathLike[str]], inputs: Iterable[str | os.PathLike[str]]
) -> None:
    """Raise :class:`OutputError` when one of ``outputs`` is the same file as an input."""
    from newsevents.validation.safe import for_terminal

    read = {_identity(source) for source in inputs} - {None}
    for path in outputs:
        given = _identity(path)
        if given is not None and stat.S_ISREG(given[2]) and given in read:
            shown = for_terminal(os.fspath(path))
            reason = "it is also an input, which writing would destroy"
            raise OutputError(errno.EEXIST, f"cannot write {shown}: {reason}")


def _identity(path: str | os.PathLike[str]) -> tuple[int, int, int] | None:
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    return found.st_dev, found.st_ino, found.st_mode


def _reason(error: OSError) -> str:
    if error.errno == errno.ENXIO:
        return "a FIFO (named pipe) that nobody reads"
    if error.errno == errno.EISDIR:
        return "a folder"
    return (error.strerror or type(error).__name__).lower()
