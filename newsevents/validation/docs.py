"""Generate ``docs/validation.md`` from the code catalogue and the per-code examples.

Every code's section comes from its registration (slug, severity, family, description),
its hint, and the issue the validator reports on its invalid example, so the page shows
real output and a test keeps the committed file equal to what this module generates.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsevents.codes import CATALOG, CheckSpec, Family
from newsevents.validation.examples import CodeExample, code_examples, run_example
from newsevents.validation.examples.model import matching
from newsevents.validation.hints import HINTS

DOCS_PATH = Path("docs") / "validation.md"

_FAMILY_TITLES = {
    Family.READING: "Reading (NE1xx)",
    Family.VERSION: "Version (NE2xx)",
    Family.STRUCTURE: "Structure (NE3xx)",
    Family.CODEBOOK: "Codebooks (NE4xx)",
    Family.REFERENCE: "References (NE5xx)",
    Family.ANCHORING: "Anchoring (NE6xx)",
    Family.FACTUALITY: "Factuality and time (NE7xx)",
    Family.PRACTICE: "Best practice (NE8xx)",
    Family.MIGRATION: "Migration (NE9xx)",
    Family.CROSSWALK: "Crosswalk (NE0xx)",
}

_INTRO = """\
# Validation: every issue code

<!-- Generated from newsevents/codes.py and newsevents/validation/examples by
`make schema` (python -m newsevents.tools.regenerate). Do not edit by hand. -->

`newsevents validate` (and `newsevents.validate()`) reports every problem it finds as an
issue with a stable **code**, a **slug**, a **severity** and a **location**: the file, the
record's index in it (0-based), the line for JSON Lines (1-based), and an RFC 6901 JSON
pointer into the record. Severities: **error** (the record breaks a MUST: the file is
invalid), **warning** (a SHOULD: `--strict` makes warnings fail too) and **info** (a note).

Codes can be chosen with `--select` and `--ignore` by code (`NE604`), slug
(`span-text-mismatch`), prefix (`NE6`) or family (`anchoring`). The report format is in
[report.schema.json](report.schema.json); the command line in [cli.md](cli.md).

Each section below shows one typical mistake, made in a small valid dataset (a document,
four actors, four events: `newsevents/validation/examples/base.py`), and the issue the
validator reports for it, verbatim.

How records are checked, in order: the file is read (NE1xx); the record's `schema_version`
chooses the schema it is validated against (NE2xx); the models check structure, codebooks
and the rules one record can decide (NE3xx, NE4xx and most of NE6xx/NE7xx); records that pass
are then checked across records: references (NE5xx), spans against their document's text
(NE6xx), publication dates (NE705), codebook warnings for open lists (NE413, NE414) and best
practice (NE8xx). A record with structure errors is not checked further; fix those first.

A GDELT, ACLED or PLOVER file validated as it is (`newsevents validate --from gdelt FILE`) is
converted first: what the conversion cannot read, decide or keep is reported with the
crosswalk's codes (NE0xx), located at the source row and column ([crosswalk.md](crosswalk.md)).
"""


def render() -> str:
    """Return the text of ``docs/validation.md``."""
    examples = code_examples()
    lines = [_INTRO, "## All codes", "", "| Code | Slug | Severity | Description |"]
    lines.append("|---|---|---|---|")
    for code, check in CATALOG.items():
        anchor = f"{code.lower()}-{check.slug}"
        description = check.description.replace("|", "\\|")
        lines.append(f"| [{code}](#{anchor}) | {check.slug} | {check.severity} | {description} |")
    for family, title in _FAMILY_TITLES.items():
        lines.extend(["", f"## {title}"])
        for code, check in CATALOG.items():
            if check.family == family:
                lines.extend(["", *_section(check, examples[code])])
    return "\n".join(lines) + "\n"


def _section(check: CheckSpec, example: CodeExample) -> list[str]:
    report = run_example(example)
    found = matching(example, report)
    if not found:
        raise ValueError(f"the example of {check.code} does not raise it where it says")
    issue = found[0].to_dict()
    shown = {k: v for k, v in issue.items() if k not in ("slug", "severity", "hint")}
    lines = [
        f"### {check.code} {check.slug}",
        "",
        f"**{check.severity}** · {check.description}",
        "",
        f"Message: `{check.template}`",
    ]
    hint = HINTS.get(check.code)
    if hint:
        lines.extend(["", f"Hint: {hint}"])
    lines.extend(
        [
            "",
            f"Example: {example.mistake}",
            "",
            "```text",
            example.shown,
            "```",
            "",
            "```json",
            json.dumps(shown, indent=2, ensure_ascii=False),
            "```",
        ]
    )
    return lines


def write(root: Path) -> Path:
    """Write ``docs/validation.md`` under ``root`` and return its path."""
    path = root / DOCS_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(), encoding="utf-8")
    return path
