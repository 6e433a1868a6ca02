"""The command line: parses arguments, calls the library, renders results.

Exit codes: 0 success (valid), 1 invalid data, 2 usage error or unreadable input.
Every command's logic lives in the library; this module only wires it to argv.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from newsevents import schema as schema_module
from newsevents.codebooks import CODEBOOK_VERSION
from newsevents.versions import PUBLISHED_VERSIONS, RECORD_TYPES, SCHEMA_VERSION

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors exit with 2 and a one-line message."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"newsevents: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def _cmd_schema(args: argparse.Namespace) -> int:
    if args.version not in PUBLISHED_VERSIONS:
        known = ", ".join(PUBLISHED_VERSIONS)
        sys.stderr.write(f"newsevents: schema version {args.version} is not published ({known})\n")
        return EXIT_USAGE
    sys.stdout.write(schema_module.dumps(schema_module.load(args.version, args.record_type)))
    return EXIT_OK


def _cmd_info(args: argparse.Namespace) -> int:
    from newsevents.summary import schema_summary

    sys.stdout.write(schema_summary())
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from newsevents.summary import demo

    return demo()


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of every subcommand."""
    parser = _Parser(prog="newsevents", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--version",
        action="version",
        version=f"newsevents schema {SCHEMA_VERSION}, codebooks {CODEBOOK_VERSION}",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    schema = commands.add_parser("schema", help="print a published JSON Schema")
    schema.add_argument(
        "--version", default=SCHEMA_VERSION, help="schema version (default: %(default)s)"
    )
    schema.add_argument(
        "--record-type", default="event", choices=RECORD_TYPES, help="record type (default: event)"
    )
    schema.set_defaults(run=_cmd_schema)

    info = commands.add_parser("info", help="summarise the schema and codebooks")
    info.set_defaults(run=_cmd_info)

    demo = commands.add_parser("demo", help="show the shipped dataset and its validation")
    demo.set_defaults(run=_cmd_demo)

    for name in SUBCOMMAND_MODULES:
        importlib.import_module(name).add_parser(commands)
    return parser


SUBCOMMAND_MODULES = ("newsevents.validation.cli", "newsevents.view.cli", "newsevents.scoring.cli")
"""Modules that each register subcommands with ``add_parser(commands)``: one per feature."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except BrokenPipeError:  # e.g. piped into head
        return EXIT_OK
    except KeyboardInterrupt:
        sys.stderr.write("newsevents: interrupted\n")
        return EXIT_USAGE
    return code
