"""``newsevents score``: wires argv to :func:`newsevents.scoring.score`.

Exit codes: 0 scored; 1 an input is invalid (the validator's report is printed, no score);
2 usage error or an input that cannot be read at all.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from newsevents.io.readers import UNREADABLE_CODES
from newsevents.scoring.agreement import DEFAULT_RESAMPLES, DEFAULT_SEED
from newsevents.scoring.alignment import DEFAULT_MATCH, MATCH_RULES
from newsevents.scoring.annotation import ScoringInputError
from newsevents.validation.render import render_text

EXIT_SCORED, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

_EPILOG = (
    "matching rules:\n"
    + "\n".join(f"  {name:9} {rule.description}" for name, rule in MATCH_RULES.items())
    + "\nexit status: 0 scored, 1 an input is invalid, 2 usage error or unreadable input.\n"
    "docs/scoring.md explains every figure.\n\n"
    "examples:\n"
    "  newsevents score --gold gold.jsonl --system system.jsonl\n"
    "  newsevents score --gold gold/ --system system/ --match overlap --format json"
)


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """Register the ``score`` subcommand."""
    parser = commands.add_parser(
        "score",
        help="score an annotation against a gold standard; measure agreement",
        description="Validate both annotations, align the system's events and actors with the\n"
        "gold one-to-one, and report detection, attribute and agreement figures.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--gold",
        required=True,
        metavar="PATH",
        help="the gold annotation: a file or folder of records",
    )
    parser.add_argument(
        "--system",
        required=True,
        metavar="PATH",
        help="the annotation to score: a file or folder of records",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="scorecard format (text)"
    )
    parser.add_argument(
        "--match",
        choices=tuple(MATCH_RULES),
        default=DEFAULT_MATCH,
        help=f"event matching rule (default {DEFAULT_MATCH})",
    )
    parser.add_argument(
        "--resamples",
        type=int,
        default=DEFAULT_RESAMPLES,
        metavar="N",
        help=f"bootstrap resamples for the intervals (default {DEFAULT_RESAMPLES}; 0 for none)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        metavar="N",
        help=f"seed of the bootstrap (default {DEFAULT_SEED})",
    )
    parser.add_argument(
        "--shown",
        type=int,
        default=20,
        metavar="N",
        help="disagreements, misses and false alarms listed in text (20)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Score ``args.system`` against ``args.gold``, print the scorecard, return the status."""
    from newsevents.scoring.scorecard import score

    for option in ("resamples", "shown"):
        if getattr(args, option) < 0:
            sys.stderr.write(f"newsevents score: --{option} must be 0 or more\n")
            return EXIT_USAGE
    try:
        card = score(
            args.gold, args.system, match=args.match, resamples=args.resamples, seed=args.seed
        )
    except ScoringInputError as error:
        sys.stderr.write(f"newsevents score: {error}; no score is given\n\n")
        sys.stderr.write(render_text(error.report))
        unreadable = set(error.report.by_code) & UNREADABLE_CODES
        return EXIT_USAGE if unreadable else EXIT_INVALID
    sys.stdout.write(card.to_json() if args.format == "json" else card.to_text(args.shown))
    return EXIT_SCORED
