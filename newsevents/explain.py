"""``newsevents explain CODE|SLUG``: what an issue code means, offline (like ``ruff rule``).

Everything comes from the catalogue (:mod:`newsevents.codes`), the hints and the example of
each code (:mod:`newsevents.validation.examples`), which is validated on the spot, so the
issue shown is the one this version reports, not a copy that could drift.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from typing import Any

from newsevents.codes import BY_SLUG, CATALOG, CheckSpec
from newsevents.validation.safe import for_terminal

EXIT_OK, EXIT_USAGE = 0, 2

_EXAMPLES = """\
examples:
  newsevents explain NE401
  newsevents explain span-text-mismatch
  newsevents explain --list
  newsevents explain NE604 --format json"""


def find(code_or_slug: str) -> CheckSpec:
    """Return the check of a code (``NE401``, any case) or slug (``cameo-code-unknown``).

    Raises
    ------
    KeyError
        For an unknown code or slug; the message names the nearest known ones.

    Examples
    --------
    >>> find("ne401").slug
    'cameo-code-unknown'
    """
    wanted = code_or_slug.strip()
    found = CATALOG.get(wanted.upper()) or BY_SLUG.get(wanted.lower())
    if found is None:
        names = {**{code.lower(): code for code in CATALOG}, **{slug: slug for slug in BY_SLUG}}
        near = [names[n] for n in difflib.get_close_matches(wanted.lower(), names)]
        advice = f"; did you mean {' or '.join(near)}?" if near else ""
        shown = for_terminal(repr(code_or_slug), 80)  # an argument may be anything, any length
        raise KeyError(f"unknown code or slug {shown}{advice}")
    return found


def explanation(code_or_slug: str) -> dict[str, Any]:
    """Return what a code means: description, severity, family, message template, hint, and
    an invalid example with the issue this version reports for it (and its fix).

    Examples
    --------
    >>> explanation("NE401")["example"]["issue"]["code"]
    'NE401'
    """
    from newsevents.validation.examples import code_examples
    from newsevents.validation.examples.model import matching, run_example
    from newsevents.validation.hints import HINTS

    check = find(code_or_slug)
    found: dict[str, Any] = {
        "code": check.code,
        "slug": check.slug,
        "severity": str(check.severity),
        "family": str(check.family),
        "description": check.description,
        "message": check.template,
    }
    if check.code in HINTS:
        found["fix"] = HINTS[check.code]
    example = code_examples().get(check.code)
    if example is not None:
        issues = matching(example, run_example(example))
        shown: dict[str, Any] = {"mistake": example.mistake, "input": example.shown}
        if issues:
            shown["issue"] = {k: v for k, v in issues[0].to_dict().items() if k != "hint"}
        found["example"] = shown
    return found


def render(found: dict[str, Any]) -> str:
    """Return an explanation as text for a terminal."""
    lines = [
        f"{found['code']} {found['slug']} ({found['severity']}, {found['family']})",
        "",
        found["description"],
        "",
        f"Message: {found['message']}",
    ]
    if "fix" in found:
        lines.extend(["", f"Fix: {found['fix']}"])
    example = found.get("example")
    if example:
        lines.extend(["", f"Example: {example['mistake']}", *_indented(example["input"])])
        issue = example.get("issue")
        if issue:
            where = issue["location"]
            at = " ".join(
                str(part)
                for part in (where.get("file"), _record(where), where.get("pointer"))
                if part
            )
            lines.extend(["", "Reported as:", f"  {at or 'input'}: {issue['message']}"])
            if "suggestion" in issue:
                lines.append(f"  {issue['suggestion']['text']}")
    anchor = f"{found['code'].lower()}-{found['slug']}"
    lines.extend(["", f"All codes: newsevents explain --list (docs/validation.md#{anchor})"])
    return "\n".join(lines) + "\n"


def _indented(text: str) -> list[str]:
    return [f"  {line}" for line in text.splitlines()]


def _record(where: dict[str, Any]) -> str:
    return f"record {where['record']}" if "record" in where else ""


def listing() -> str:
    """Return every code with its slug, severity and description, one a line."""
    width = max(len(c.slug) for c in CATALOG.values())
    return "".join(
        f"{c.code}  {c.slug:<{width}}  {c.severity:<7}  {c.description}\n" for c in CATALOG.values()
    )


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """Register the ``explain`` subcommand."""
    parser = commands.add_parser(
        "explain",
        help="explain an issue code: what it checks, an example and the fix",
        description="Explain an issue code or slug offline: its description, severity, "
        "family, message, the fix, and an invalid example with the issue it raises.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("code", nargs="?", metavar="CODE|SLUG", help="NE401 or cameo-code-unknown")
    parser.add_argument("--list", action="store_true", help="list every code")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (text)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the explanation of ``args.code`` (or the list) and return the exit status."""
    if args.list:
        if args.format == "json":
            codes = [explanation(code) for code in CATALOG]
            sys.stdout.write(json.dumps(codes, indent=2, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(listing())
        return EXIT_OK
    if args.code is None:
        sys.stderr.write("newsevents explain: give a code or slug, or --list\n")
        return EXIT_USAGE
    try:
        found = explanation(args.code)
    except KeyError as error:
        sys.stderr.write(f"newsevents explain: {error.args[0]}\n")
        return EXIT_USAGE
    if args.format == "json":
        sys.stdout.write(json.dumps(found, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render(found))
    return EXIT_OK
