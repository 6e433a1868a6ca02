"""``newsevents validate``: wires argv to :func:`newsevents.validation.validate`.

Exit codes: 0 valid; 1 invalid (errors, or warnings with ``--strict``); 2 usage error or an
input that cannot be read at all (a missing path, NE101, or an unsupported format, NE105).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from newsevents.validation.issue import Report
from newsevents.validation.render import ProgressBar, render_json, render_text, use_colour
from newsevents.validation.runner import DEFAULT_MAX_ISSUES, validate
from newsevents.validation.selection import expand

EXIT_VALID, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
UNREADABLE_CODES = frozenset({"NE101", "NE105"})

_EPILOG = """\
CODES are comma-separated codes (NE604), slugs (span-text-mismatch), code prefixes (NE6)
or families (anchoring); docs/validation.md lists them all.
exit status: 0 valid, 1 invalid, 2 usage error or unreadable input."""


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
        "--documents",
        action="append",
        metavar="PATH",
        help="file or folder of document records whose texts spans are checked against "
        "(repeatable)",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="report format (text)"
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
    report = _validate(args)
    if args.format == "json":
        sys.stdout.write(render_json(report))
    else:
        sys.stdout.write(render_text(report, colour=use_colour(sys.stdout)))
    if UNREADABLE_CODES & report.codes():
        return EXIT_USAGE
    return EXIT_VALID if report.valid else EXIT_INVALID


def _validate(args: argparse.Namespace) -> Report:
    from newsevents.validation.parallel import validate_paths

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
            return validate_paths(list(args.paths), jobs=args.jobs, **options)
        return validate(list(args.paths), **options)
    finally:
        if progress is not None:
            progress.close()
