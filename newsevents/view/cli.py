"""``newsevents view``: an annotation, or a comparison of two, as HTML or in the terminal.

The input is validated first: a view of broken records would mislead, so invalid input gets
the validator's report on stderr and exit status 1 (2 when a path cannot be read at all).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsevents.io.readers import UNREADABLE_CODES, read_records
from newsevents.scoring.alignment import DEFAULT_MATCH, MATCH_RULES
from newsevents.validation import Report, validate
from newsevents.validation.render import render_text
from newsevents.validation.safe import for_terminal

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
MIN_WIDTH, MAX_WIDTH = 20, 1000
"""Terminal widths the view draws: rich pads every line to the width, so 10**8 columns
would take minutes and gigabytes."""

_EPILOG = """\
examples:
  newsevents view --dataset -o article.html
  newsevents view my-annotations/ --documents my-documents.jsonl --terminal
  newsevents view --gold gold.jsonl --system system.jsonl -o diff.html
exit status: 0 written, 1 invalid input, 2 usage error or unreadable input."""


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """Register the ``view`` subcommand."""
    parser = commands.add_parser(
        "view",
        help="show an annotation (or a gold/system comparison) as one HTML file or in the terminal",
        description="Write one self-contained HTML file showing each document's text with "
        "every span\nhighlighted beside its events, or print it in the terminal.  The input "
        "is validated first.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders of records")
    parser.add_argument(
        "--dataset",
        action="store_true",
        help="view the shipped reference dataset (newest version) instead of files",
    )
    parser.add_argument(
        "--documents",
        action="append",
        metavar="PATH",
        help="file or folder of the document records the spans point into (repeatable)",
    )
    parser.add_argument(
        "-o", "--output", default="-", metavar="FILE", help="HTML file to write (default: stdout)"
    )
    parser.add_argument("--title", help="page title (default: the document's title)")
    parser.add_argument(
        "--terminal", action="store_true", help="print the view in the terminal instead of HTML"
    )
    parser.add_argument(
        "--width",
        type=int,
        default=None,
        metavar="N",
        help=f"terminal width, {MIN_WIDTH} to {MAX_WIDTH} (default: detected)",
    )
    parser.add_argument("--gold", metavar="PATH", help="the gold annotation of a comparison")
    parser.add_argument("--system", metavar="PATH", help="the system annotation to compare")
    parser.add_argument(
        "--match",
        default=DEFAULT_MATCH,
        choices=tuple(MATCH_RULES),
        help="event matching rule of the comparison, as in newsevents score (default: "
        "%(default)s): "
        + "; ".join(f"{rule.name}: {rule.description}" for rule in MATCH_RULES.values()),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Validate the input, render the view and write it; return the exit status."""
    comparing = args.gold is not None or args.system is not None
    if comparing and (args.gold is None or args.system is None or args.paths):
        return _usage("a comparison takes --gold PATH and --system PATH, and no other PATH")
    if args.dataset and (comparing or args.paths):
        return _usage("--dataset views the shipped dataset alone: give no PATH, --gold or --system")
    if not comparing and not args.paths and not args.dataset:
        return _usage("give the PATH of the records to view, --dataset, or --gold and --system")
    if args.width is not None and not MIN_WIDTH <= args.width <= MAX_WIDTH:
        return _usage(f"--width must be from {MIN_WIDTH} to {MAX_WIDTH:,}")
    if comparing:
        from newsevents.scoring import ScoringInputError
        from newsevents.view.compare import comparison_page

        try:
            page, marks = comparison_page(args.gold, args.system, args.match)
        except ScoringInputError as error:
            return _invalid(error.report, f"the {error.side} annotation")
        return _write(args, page, marks, [args.gold, args.system])
    if args.dataset:
        page, args.title, shipped = _shipped_page(args.title)
        return _write(args, page, (), shipped)
    report = validate(list(args.paths), documents=args.documents)
    if not report.valid:
        return _invalid(report, "the input")
    from pydantic import ValidationError

    from newsevents.view.page import build_page

    # As the validator does, --documents lends its document records only, unvalidated: one
    # the view cannot type is said, never a traceback.
    lent = [r for r in read_records(args.documents or ()) if r.get("record_type") == "document"]
    try:
        page = build_page([*read_records(args.paths), *lent])
    except ValidationError as error:
        detail = error.errors(include_url=False)[0]
        where = "/".join(str(part) for part in detail["loc"][1:])
        return _unviewable(f"a document of --documents is not valid at /{where}: {detail['msg']}")
    inputs = [*args.paths, *(args.documents or ())]
    read = [file.path for file in report.files]
    return _write(args, page, (), [*inputs, *read])


def _shipped_page(title: str | None) -> tuple[Any, str, list[Path]]:
    """The page of the shipped dataset, its title, and its files (never to be written over)."""
    from newsevents.dataset import load_dataset
    from newsevents.view.page import build_page

    data = load_dataset()
    files = [path for path in data.folder.iterdir() if path.is_file()]
    return build_page(data), title or f"{data.name} {data.version}", files


def _write(
    args: argparse.Namespace,
    page: Any,
    marks: Iterable[tuple[str, str]],
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> int:
    if args.terminal:
        from newsevents.view.terminal import TerminalViewUnavailable, render_page_terminal

        width = args.width or _terminal_width()
        try:
            text = render_page_terminal(page, width=width, colour=sys.stdout.isatty())
        except TerminalViewUnavailable as error:
            return _usage(str(error))
        sys.stdout.write(text)
        return EXIT_OK
    from newsevents.view.html import render_page

    html = render_page(page, title=args.title, marks=marks)
    if args.output == "-":
        sys.stdout.write(html)
        return EXIT_OK
    from newsevents.io.outputs import OutputError, open_output

    try:
        with open_output(args.output, inputs) as stream:
            stream.write(html)
    except OutputError as error:
        return _usage(str(error))
    except OSError as error:  # the disk filled up, say
        return _usage(f"cannot write {for_terminal(args.output)}: {error.strerror or error}")
    sys.stderr.write(f"newsevents view: wrote {for_terminal(args.output)}\n")
    return EXIT_OK


def _terminal_width() -> int:
    try:
        return min(max(os.get_terminal_size().columns, MIN_WIDTH), MAX_WIDTH)
    except OSError:
        return 100


def _invalid(report: Report, what: str) -> int:
    sys.stderr.write(render_text(report))
    sys.stderr.write(f"newsevents view: {what} is not valid; fix the errors above first\n")
    return EXIT_USAGE if UNREADABLE_CODES & report.codes() else EXIT_INVALID


def _unviewable(message: str) -> int:
    sys.stderr.write(
        f"newsevents view: {for_terminal(message, 1000)}; validate it with its "
        "records to see every problem\n"
    )
    return EXIT_INVALID


def _usage(message: str) -> int:
    sys.stderr.write(f"newsevents view: {message}\n")
    return EXIT_USAGE
