"""``newsevents convert``, and ``newsevents validate --from``: argv wired to the crosswalk.

Exit codes, as ``validate``: 0 no errors; 1 errors (rows skipped, values invalid; warnings
with ``--strict``); 2 usage error or an input that cannot be read at all (a missing path
NE101, an unknown layout NE001).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from newsevents.codes import CATALOG, Severity
from newsevents.crosswalk.common import EVENT_TYPES, Conversion
from newsevents.crosswalk.convert import SOURCES, TARGETS, convert
from newsevents.crosswalk.validate import validate_source
from newsevents.io.outputs import OutputError
from newsevents.io.readers import UNREADABLE_CODES as READING_UNREADABLE
from newsevents.validation.issue import Report
from newsevents.validation.safe import for_terminal, json_safe

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
UNREADABLE_CODES = READING_UNREADABLE | {"NE001"}
"""Reading codes that make a conversion exit 2, and NE001 (a layout that is not known)."""

_EPILOG = """\
output: OUT.jsonl (newsevents records as JSON Lines), OUT.parquet (newsevents records as
OUT.documents.parquet, OUT.actors.parquet, OUT.events.parquet), or the target's own format
(gdelt: TAB-separated 61-column rows; acled: CSV with a header; plover: JSON Lines).
The issues found and the counts (read, converted, skipped by reason, issues by code) are
printed on standard output.
exit status: 0 no errors, 1 errors, 2 usage error or unreadable input."""


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """Register the ``convert`` subcommand."""
    parser = commands.add_parser(
        "convert",
        help="convert GDELT, ACLED or PLOVER files into newsevents records, or between them",
        description="Convert event data files between GDELT 2.0, ACLED, PLOVER/POLECAT and\n"
        "the newsevents schema, reporting everything a mapping loses or cannot decide.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="source files")
    parser.add_argument("--from", dest="source", required=True, choices=SOURCES)
    parser.add_argument("--to", dest="target", default="newsevents", choices=TARGETS)
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="output file")
    parser.add_argument(
        "--only",
        metavar="TYPES",
        help="comma-separated event types to keep (alert,deployment,statement,general); the "
        "other rows are skipped and counted",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="counts format (text)"
    )
    parser.add_argument(
        "--strict", action="store_true", help="count warnings as errors for the exit status"
    )
    parser.set_defaults(run=run)


def _only(text: str | None) -> list[str] | None:
    if text is None:
        return None
    chosen = [t.strip() for t in text.split(",") if t.strip()]
    unknown = sorted(set(chosen) - set(EVENT_TYPES))
    if unknown or not chosen:
        found = for_terminal(", ".join(unknown))
        raise ValueError(f"--only takes {', '.join(EVENT_TYPES)}; found {found}")
    return chosen


def run(args: argparse.Namespace) -> int:
    """Convert the inputs of ``args``, print the counts and return the exit status."""
    try:
        only = _only(args.only)
    except ValueError as error:
        sys.stderr.write(f"newsevents convert: {error}\n")
        return EXIT_USAGE
    conversion = Conversion(max_issues=20)
    progress = _Progress() if sys.stderr.isatty() else None
    try:
        convert(
            args.inputs,
            args.source,
            args.target,
            args.output,
            only=only,
            conversion=conversion,
            progress=progress,
        )
    except OutputError as error:
        sys.stderr.write(f"newsevents convert: {error}\n")
        return EXIT_USAGE
    except OSError as error:  # the disk filled up, say
        shown = for_terminal(str(args.output))
        sys.stderr.write(f"newsevents convert: cannot write {shown}: {error.strerror or error}\n")
        return EXIT_USAGE
    finally:
        if progress is not None:
            progress.close()
    _print(conversion, args.format)
    if conversion.unreadable or UNREADABLE_CODES & set(conversion.by_code):
        return EXIT_USAGE
    failing = {Severity.ERROR} | ({Severity.WARNING} if args.strict else set())
    if any(CATALOG[code].severity in failing for code in conversion.by_code):
        return EXIT_INVALID
    return EXIT_OK


def _print(conversion: Conversion, form: str) -> None:
    if form == "json":
        import json

        data = {
            **conversion.summary(),
            "listed": [issue.to_dict() for issue in conversion.issues],
        }
        sys.stdout.write(json_safe(json.dumps(data, indent=2, ensure_ascii=False)) + "\n")
        return
    for issue in conversion.issues:
        where = issue.location
        at = for_terminal(f"{where.file}:{where.line}" if where.line else f"{where.file}")
        message = for_terminal(issue.message, 1000)
        sys.stdout.write(f"{issue.severity} {issue.code} {at}: {message}\n")
    sys.stdout.write(conversion.summary_text())


class _Progress:
    """Rows converted so far, on one line of a terminal's stderr."""

    def __init__(self) -> None:
        self.shown = False

    def __call__(self, records: int) -> None:
        sys.stderr.write(f"\r{records:,} records written")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")


def run_validate_from(args: argparse.Namespace) -> int:
    """``newsevents validate --from SOURCE``: convert, validate, print one report as
    ``validate`` prints its own (every ``--format``, ``--color``), with its exit status."""
    from newsevents.validation.formats import render, wants_colour

    if args.jobs > 1:
        sys.stderr.write(
            "newsevents validate: --from converts in one process; for worker processes, "
            "convert first (newsevents convert ... -o OUT.parquet), then validate the output "
            "with --jobs (docs/scale.md)\n"
        )
        return EXIT_USAGE
    report: Report = validate_source(
        list(args.paths),
        args.source_format,
        select=args.select,
        ignore=args.ignore,
        max_issues=args.max_issues or None,
        strict=args.strict,
    )
    sys.stdout.write(render(report, args.format, wants_colour(args.color, sys.stdout)))
    if UNREADABLE_CODES & report.codes():
        return EXIT_USAGE
    return EXIT_OK if report.valid else EXIT_INVALID
