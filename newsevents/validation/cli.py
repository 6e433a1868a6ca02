"""``newsevents validate``: wires argv to :func:`newsevents.validation.validate`.

Exit codes: 0 valid; 1 invalid (errors, or warnings with ``--strict``); 2 usage error or an
input that cannot be read at all (``newsevents.io.readers.UNREADABLE_CODES``: a missing
path, a FIFO, a broken link, a folder that cannot be listed, a compressed file...).
``-`` reads standard input (JSON, JSON Lines or Parquet, told apart by its first bytes).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any, BinaryIO

from newsevents.io.readers import UNREADABLE_CODES
from newsevents.validation.formats import FORMATS, wants_colour, write
from newsevents.validation.issue import Issue, Report
from newsevents.validation.render import ProgressBar
from newsevents.validation.runner import DEFAULT_MAX_ISSUES, validate
from newsevents.validation.selection import expand
from newsevents.validation.spill import mapped

EXIT_VALID, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

_EPILOG = """\
CODES are comma-separated codes (NE604), slugs (span-text-mismatch), code prefixes (NE6)
or families (anchoring); `newsevents explain --list` lists them all, `newsevents explain
CODE` explains one.  PATH may be - for standard input.
exit status: 0 valid, 1 invalid, 2 usage error or unreadable input.

examples:
  newsevents validate events.jsonl
  newsevents validate annotations/ --documents documents.jsonl --format json
  newsevents validate events.jsonl --format github        # annotations in GitHub Actions
  newsevents validate events.jsonl --format sarif > newsevents.sarif
  cat events.jsonl | newsevents validate - --select codebook,anchoring"""


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """Register the ``validate`` subcommand."""
    parser = commands.add_parser(
        "validate",
        help="validate annotation files and report every issue",
        description="Validate records in JSON, JSON Lines or Parquet files (or folders of\n"
        "them) and report every issue with its code, severity and location.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to validate")
    parser.add_argument(
        "--from",
        dest="source_format",
        choices=("gdelt", "acled", "plover"),
        help="the paths are GDELT, ACLED or PLOVER files: convert them, then validate the "
        "records; one report of both (docs/crosswalk.md)",
    )
    parser.add_argument(
        "--documents",
        action="append",
        metavar="PATH",
        help="file or folder of document records whose texts spans are checked against "
        "(repeatable)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="report format: text, json (its JSON Schema ships in the package), jsonl (one issue "
        "a line), "
        "github (GitHub Actions annotations), sarif (SARIF 2.1.0), csv (default: text)",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text report: auto (on a terminal, unless NO_COLOR is set or "
        "FORCE_COLOR is), always or never (default: auto)",
    )
    parser.add_argument(
        "--select", action="append", metavar="CODES", help="report only these codes"
    )
    parser.add_argument("--ignore", action="append", metavar="CODES", help="never report these")
    parser.add_argument(
        "--max-issues",
        type=int,
        default=DEFAULT_MAX_ISSUES,
        metavar="N",
        help=f"issues listed per code, 0 for all (default {DEFAULT_MAX_ISSUES}); every issue "
        "is counted",
    )
    parser.add_argument(
        "--strict", action="store_true", help="count warnings as errors for the exit status"
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (default 1); the same report in the same order (docs/scale.md)",
    )
    parser.add_argument(
        "--fast",
        action="store_true",
        help="no effect, kept for one release: the default is the fast engine",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Validate the paths of ``args``, print the report and return the exit status."""
    try:
        expand(args.select or ())
        expand(args.ignore or ())
    except ValueError as error:
        sys.stderr.write(f"newsevents validate: {error}\n")
        return EXIT_USAGE
    if args.max_issues < 0:
        sys.stderr.write("newsevents validate: --max-issues must be 0 or more\n")
        return EXIT_USAGE
    if args.jobs < 1:
        sys.stderr.write("newsevents validate: --jobs must be 1 or more\n")
        return EXIT_USAGE
    if args.source_format is not None:
        from newsevents.crosswalk.cli import run_validate_from

        return run_validate_from(args)
    with tempfile.TemporaryDirectory(prefix="newsevents-stdin-") as folder:
        paths = [_stdin_file(Path(folder), sys.stdin.buffer) if p == "-" else p for p in args.paths]
        report = _validate(args, paths)
        if paths != list(args.paths):
            report = renamed(report, {p: g for p, g in zip(paths, args.paths, strict=True)})
    # Streamed a piece at a time: flat memory however many issues are listed.
    try:
        write(report, args.format, sys.stdout, wants_colour(args.color, sys.stdout))
        sys.stdout.flush()
    except BrokenPipeError:  # piped into head: the verdict still decides the exit status
        silence_stdout()
    if UNREADABLE_CODES & report.codes():
        return EXIT_USAGE
    return EXIT_VALID if report.valid else EXIT_INVALID


def silence_stdout() -> None:
    """Send what is left for standard output to the null device: its reader is gone, and
    Python would otherwise fail again flushing it at exit."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())
    os.close(null)


def _stdin_file(folder: Path, stream: BinaryIO) -> str:
    """Save standard input in ``folder`` under the extension its first bytes call for,
    copied a megabyte at a time (never held whole)."""
    saved = folder / "stdin"
    with saved.open("wb") as copy:
        shutil.copyfileobj(stream, copy, 1 << 20)
    with saved.open("rb") as copied:
        extension = "parquet" if copied.read(4) == b"PAR1" else "json"
        if extension == "json":
            copied.seek(0)
            first = _first_line(copied)
            alone = not _first_line(copied)  # nothing but blank lines after it
            extension = "json" if alone or _one_json(first) else "jsonl"
    path = saved.rename(folder / f"stdin.{extension}")
    return str(path)


def _first_line(stream: BinaryIO) -> bytes:
    """The next line of ``stream`` that is not blank, stripped (a byte-order mark dropped),
    or nothing.  Held whole, as the reader holds a JSON document or a JSON Lines line."""
    for line in stream:
        text = line.removeprefix(b"\xef\xbb\xbf").strip()
        if text:
            return text
    return b""


def _one_json(first: bytes) -> bool:
    """Whether a text whose first non-blank line is ``first`` is one JSON value (a record,
    an array or a bundle), not JSON Lines: an array is one value; an object is JSON Lines
    when its first line is a whole object (parsed as the file readers parse: integers past
    64 bits and 1e400 allowed), else one document spread over lines, or broken (reported
    once, at its error, rather than once per line)."""
    from newsevents.io.readers import parse_json

    if first[:1] == b"[":
        return True
    if first[:1] != b"{":
        return False
    try:
        parse_json(first)
    except (ValueError, RecursionError, MemoryError):  # orjson's errors are ValueErrors
        return True
    return False


def renamed(report: Report, names: dict[str, str]) -> Report:
    """The report with the file paths of ``names`` (temporary files) shown as their names."""

    def name(path: str | None) -> str | None:
        return names.get(path, path) if path is not None else None

    def message(text: str) -> str:
        for path, shown in names.items():
            text = text.replace(path, shown)
        return text

    def rename(issue: Issue) -> Issue:
        location = dataclasses.replace(issue.location, file=name(issue.location.file))
        return dataclasses.replace(issue, message=message(issue.message), location=location)

    issues = mapped(report.issues, rename)
    files = tuple(dataclasses.replace(f, path=name(f.path) or f.path) for f in report.files)
    return dataclasses.replace(report, issues=issues, files=files)


def _validate(args: argparse.Namespace, paths: list[str]) -> Report:
    from newsevents.validation.parallel import usable_cores, validate_paths

    cores = usable_cores()
    if args.jobs > cores:
        sys.stderr.write(
            f"newsevents validate: --jobs {args.jobs} capped to {cores}, the CPUs usable here\n"
        )
        args.jobs = cores
    progress = ProgressBar(sys.stderr) if sys.stderr.isatty() else None
    options: dict[str, Any] = {
        "documents": args.documents,
        "select": args.select,
        "ignore": args.ignore,
        "max_issues": args.max_issues or None,
        "strict": args.strict,
        "progress": progress,
    }
    try:
        if args.jobs > 1:
            return validate_paths(paths, jobs=args.jobs, **options)
        return validate(paths, **options)
    finally:
        if progress is not None:
            progress.close()
