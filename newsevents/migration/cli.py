"""``newsevents migrate PATH... --to VERSION -o OUT``: argv wired to the migration chain.

Exit status: 0 every record migrated; 1 some record refused (NE902-NE904) or invalid JSON;
2 usage error (an unpublished --to version, an output that cannot be written or that is one of
the inputs) or input that cannot be read at all (``newsevents.io.readers.UNREADABLE_CODES``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from newsevents.io.outputs import OutputError
from newsevents.io.readers import UNREADABLE_CODES
from newsevents.validation.issue import Issue
from newsevents.validation.safe import for_terminal
from newsevents.versions import PUBLISHED_VERSIONS, SCHEMA_VERSION

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """Register the ``migrate`` subcommand."""
    parser = commands.add_parser(
        "migrate",
        help="migrate records to another published schema version, reporting every change",
        description="Rewrite records from their own schema_version to --to through the "
        "registered steps between adjacent published versions. Each change is an issue "
        "(NE901); a record that cannot be migrated without loss is left out and reported "
        "(NE902-NE904).",
        epilog="exit status: 0 every record migrated, 1 some record refused, 2 usage error or "
        "unreadable input.\n\n"
        "examples:\n"
        "  newsevents migrate events.jsonl --to 1.1.0 -o events-1.1.0.jsonl\n"
        "  newsevents migrate annotations/ --to 1.0.0 -o events-1.0.0.jsonl --format json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="JSON, JSON Lines or Parquet")
    parser.add_argument(
        "--to",
        default=SCHEMA_VERSION,
        metavar="VERSION",
        help=f"target schema version, one of {', '.join(PUBLISHED_VERSIONS)} (%(default)s)",
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="output file (.jsonl or .json)"
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="report format (text)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Migrate the paths of ``args``, write the output, print the report."""
    from newsevents.migration import migrate_paths, write_records

    if args.to not in PUBLISHED_VERSIONS:
        published = ", ".join(PUBLISHED_VERSIONS)
        wanted = for_terminal(args.to)
        sys.stderr.write(f"newsevents migrate: --to {wanted} is not published ({published})\n")
        return EXIT_USAGE
    records, report = migrate_paths(args.paths, to=args.to)
    inputs = [*args.paths, *(file.path for file in report.files)]
    try:
        write_records(records, Path(args.output), inputs)
    except OSError as error:
        sys.stderr.write(f"newsevents migrate: {_reason(error, args.output)}\n")
        return EXIT_USAGE
    if args.format == "json":
        sys.stdout.write(report.to_json())  # escaped: inert on a terminal
    else:
        for issue in report.issues:
            sys.stdout.write(_line(issue))
        refused = report.records - len(records)
        sys.stdout.write(
            f"migrated {len(records)} of {report.records} record(s) to {args.to}; "
            f"{refused} refused; written to {for_terminal(args.output)}\n"
        )
    if UNREADABLE_CODES & report.codes():
        return EXIT_USAGE
    return EXIT_OK if report.valid else EXIT_REFUSED


def _line(issue: Issue) -> str:
    """One issue as a line of text: every part that comes from the input made safe."""
    where = issue.location
    record = "" if where.record is None else f" record {where.record}"
    place = for_terminal(f"{where.file or '-'}{record} {where.pointer or '/'}")
    message = for_terminal(issue.message, 1000)
    return f"{issue.severity} {issue.code} {issue.slug}: {place}: {message}\n"


def _reason(error: OSError, output: str) -> str:
    if isinstance(error, OutputError):
        return str(error)
    return f"cannot write {for_terminal(output)}: {for_terminal(str(error))}"
