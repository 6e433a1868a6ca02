"""The command line: parses arguments, calls the library, renders results.

Exit codes: 0 success (valid), 1 invalid data, 2 usage error or unreadable input.
Every command's logic lives in the library; this module only wires it to argv.  Options and
paths may come in any order (``validate A --documents D B``), as in ruff and the jsonschema
CLI; ``-`` stands for standard input where a command reads files.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Any

from newsevents import schema as schema_module
from newsevents.codebooks import CODEBOOK_VERSION
from newsevents.dataset import DatasetError
from newsevents.versions import PUBLISHED_VERSIONS, RECORD_TYPES, SCHEMA_VERSION

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors exit with 2 and a one-line message, the arguments
    it quotes made safe for the terminal (a file name from a shell glob can hold anything)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        from newsevents.validation.safe import for_terminal

        self.print_usage(sys.stderr)
        sys.stderr.write(f"newsevents: error: {for_terminal(message)}\n")
        raise SystemExit(EXIT_USAGE)


def _cmd_schema(args: argparse.Namespace) -> int:
    from newsevents.validation.safe import for_terminal

    if args.deprecated_version is not None:
        sys.stderr.write("newsevents schema: --version is deprecated, use --schema-version\n")
    version = args.deprecated_version or args.schema_version
    if version not in PUBLISHED_VERSIONS:
        known = ", ".join(PUBLISHED_VERSIONS)
        shown = for_terminal(version)
        sys.stderr.write(f"newsevents: schema version {shown} is not published ({known})\n")
        return EXIT_USAGE
    sys.stdout.write(schema_module.dumps(schema_module.load(version, args.record_type)))
    return EXIT_OK


def _cmd_info(args: argparse.Namespace) -> int:
    from newsevents.summary import schema_summary

    sys.stdout.write(schema_summary())
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from newsevents.summary import demo

    return demo()


def version_text() -> str:
    """The ``--version`` line: package, newest schema, published schemas, codebooks, report."""
    from newsevents import __version__
    from newsevents.validation.issue import REPORT_VERSION

    return (
        f"newsevents {__version__} (schema {SCHEMA_VERSION}; published schemas "
        f"{', '.join(PUBLISHED_VERSIONS)}; codebooks {CODEBOOK_VERSION}; report {REPORT_VERSION})"
    )


def _command(
    commands: argparse._SubParsersAction[Any], name: str, summary: str, examples: str
) -> argparse.ArgumentParser:
    """Add a subcommand with its one-line help, a description and examples."""
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=summary[:1].upper() + summary[1:] + ".",
        epilog="examples:\n" + examples,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of every subcommand."""
    parser = _Parser(
        prog="newsevents",
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Run `newsevents COMMAND --help` for a command's options and examples.",
    )
    parser.add_argument("-V", "--version", action="version", version=version_text())
    commands = parser.add_subparsers(
        dest="command", required=True, parser_class=_Parser, metavar="COMMAND"
    )

    schema = _command(
        commands,
        "schema",
        "print a published JSON Schema",
        "  newsevents schema --record-type actor\n"
        "  newsevents schema --schema-version 1.0.0 --record-type event > event.json",
    )
    schema.add_argument(
        "--schema-version",
        default=SCHEMA_VERSION,
        metavar="VERSION",
        help="schema version (default: %(default)s)",
    )
    schema.add_argument("--version", dest="deprecated_version", help=argparse.SUPPRESS)
    schema.add_argument(
        "--record-type", default="event", choices=RECORD_TYPES, help="record type (default: event)"
    )
    schema.set_defaults(run=_cmd_schema)

    info = _command(commands, "info", "summarise the schema and codebooks", "  newsevents info")
    info.set_defaults(run=_cmd_info)

    demo = _command(
        commands,
        "demo",
        "show the shipped dataset and the validation of a file with typical mistakes",
        "  newsevents demo",
    )
    demo.set_defaults(run=_cmd_demo)

    completion = _command(
        commands,
        "completion",
        "print a shell completion script (needs the completion extra: shtab)",
        "  newsevents completion bash > ~/.local/share/bash-completion/completions/newsevents\n"
        "  newsevents completion zsh > ~/.zfunc/_newsevents",
    )
    completion.add_argument("shell", choices=("bash", "zsh", "tcsh"), help="the shell")
    completion.set_defaults(run=_cmd_completion)

    for name in SUBCOMMAND_MODULES:
        importlib.import_module(name).add_parser(commands)
    return parser


def _cmd_completion(args: argparse.Namespace) -> int:
    try:
        import shtab
    except ImportError:
        sys.stderr.write(
            "newsevents completion: needs shtab: pip install 'newsevents[completion]'\n"
        )
        return EXIT_USAGE
    sys.stdout.write(shtab.complete(build_parser(), shell=args.shell) + "\n")
    return EXIT_OK


def parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse ``argv`` with a subcommand's options and paths in any order.

    argparse stops a subcommand's paths at the first option (``validate A --documents D B``
    leaves ``B`` over); the subcommand's arguments are then parsed again, intermixed.
    """
    given = list(sys.argv[1:] if argv is None else argv)
    args, extra = parser.parse_known_args(given)
    if not extra:
        return args
    command = _subparser(parser, args.command)
    if command is None or args.command not in given:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    rest = given[given.index(args.command) + 1 :]
    return command.parse_intermixed_args(rest, argparse.Namespace(command=args.command))


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser | None:
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        if isinstance(action, argparse._SubParsersAction):
            found: argparse.ArgumentParser | None = action.choices.get(name)
            return found
    return None


SUBCOMMAND_MODULES = (
    "newsevents.validation.cli",
    "newsevents.explain",
    "newsevents.view.cli",
    "newsevents.scoring.cli",
    "newsevents.migration.cli",
    "newsevents.crosswalk.cli",
)
"""Modules that each register subcommands with ``add_parser(commands)``: one per feature."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    parser = build_parser()
    args = parse(parser, argv)
    try:
        code: int = args.run(args)
    except BrokenPipeError:  # e.g. piped into head
        from newsevents.validation.cli import silence_stdout

        silence_stdout()
        return EXIT_OK
    except DatasetError as error:  # a damaged dataset folder: its message says where
        sys.stderr.write(f"newsevents: {error}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("newsevents: interrupted\n")
        return EXIT_USAGE
    return code
