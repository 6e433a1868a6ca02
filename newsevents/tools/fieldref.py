"""Generate docs/schema.md, the field reference, from the models and their JSON Schema.

Every model and field comes from the generated JSON Schema (what a third party validates
against), every rule from :data:`newsevents.testing.RULES` (each one broken and caught by the
tests), the example from :mod:`newsevents.tools.example_records`.  A test fails when the
committed file differs from :func:`render`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsevents import schema
from newsevents.codebooks import CODEBOOK_VERSION
from newsevents.codebooks.event_types import EVENT_TYPES as EVENT_TYPE_NAMES
from newsevents.codebooks.event_types import allowed_cameo_codes, allowed_roles, cameo_prefixes
from newsevents.codes import spec
from newsevents.testing import RULES, to_json
from newsevents.tools import example_records
from newsevents.versions import SCHEMA_VERSION

ORDER = (
    "Document",
    "Actor",
    "Alert",
    "Deployment",
    "Statement",
    "GeneralEvent",
    "EvidenceSpan",
    "Quantity",
    "EventTime",
    "Location",
    "Factuality",
    "Condition",
    "ConditionAlternative",
    "Provenance",
    "SourceRecord",
    "PublicationDate",
    "CameoCoding",
    "PloverCoding",
    "AcledCoding",
    "Participant",
    "Force",
    "ReadinessChange",
    "Purpose",
    "EventLink",
)
"""Models in the order the reference lists them: records first, then their parts."""

EVENT_TYPES = ("Alert", "Deployment", "Statement", "GeneralEvent")
_LONG_ENUM = 12


def definitions() -> dict[str, dict[str, Any]]:
    """Return every model's JSON Schema, keyed by model name."""
    found: dict[str, dict[str, Any]] = {}
    for name, body in schema.generate().items():
        found.update(body.get("$defs", {}))
        if name != "event":
            found[body["title"].split()[-1].capitalize()] = body
    return found


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _link(name: str) -> str:
    return f"[{name}](#{name.lower()})"


def type_of(field: dict[str, Any]) -> str:
    """Render a property's JSON Schema type in words (``list of [EvidenceSpan](#...)``)."""
    if "$ref" in field:
        return _link(field["$ref"].rsplit("/", 1)[-1])
    if "anyOf" in field:
        kinds = [type_of(option) for option in field["anyOf"] if option.get("type") != "null"]
        return " or ".join(kinds)
    if "const" in field:
        return f'`"{field["const"]}"`'
    if "enum" in field:
        values = field["enum"]
        if len(values) > _LONG_ENUM:
            return f"string: one of {len(values)} codebook values"
        return "one of " + ", ".join(f"`{json.dumps(v, ensure_ascii=False)}`" for v in values)
    kind = str(field.get("type", "any"))
    if kind == "array":
        return "list of " + type_of(field.get("items", {}))
    if "format" in field:
        return f"{kind} ({field['format']})"
    return kind


def constraints_of(field: dict[str, Any]) -> str:
    """Render a property's constraints (bounds, lengths, pattern, default)."""
    options = [o for o in field.get("anyOf", [field]) if o.get("type") != "null"]
    inner = options[0] if len(options) == 1 else {}
    parts: list[str] = []
    for key, label in (
        ("minimum", ">="),
        ("maximum", "<="),
        ("minLength", "min length"),
        ("maxLength", "max length"),
        ("minItems", "min items"),
        ("maxItems", "max items"),
    ):
        value = inner.get(key, field.get(key))
        if value is not None:
            parts.append(f"{label} {value}")
    pattern = inner.get("pattern", field.get("pattern"))
    if pattern and "enum" not in inner:
        parts.append(f"pattern `{pattern}`")
    if "default" in field and field["default"] not in (None, []):
        parts.append(f"default `{json.dumps(field['default'])}`")
    items = inner.get("items", {})
    if inner.get("type") == "array" and "$ref" not in items and constraints_of(items):
        parts.append(f"each item: {constraints_of(items)}")
    return "; ".join(parts)


def _since(field: dict[str, Any]) -> str:
    """Say which version added the field, its values, or made it optional (after 1.0.0)."""
    notes = []
    added = field.get("x-since")
    if added and added != "1.0.0":
        notes.append(f"*Since {added}.*")
    by_version: dict[str, list[str]] = {}
    for value, version in field.get("x-values-since", {}).items():
        by_version.setdefault(version, []).append(f"`{value}`")
    notes += [f"*Since {v}: {', '.join(values)}.*" for v, values in sorted(by_version.items())]
    relaxed = field.get("x-optional-since")
    if relaxed:
        notes.append(f"*Required before {relaxed}.*")
    return " ".join(notes)


def _examples(field: dict[str, Any]) -> str:
    values = field.get("examples", [])
    return ", ".join(f"`{json.dumps(v, ensure_ascii=False)}`" for v in values)


def model_section(name: str, body: dict[str, Any]) -> list[str]:
    """Render one model: its description, a table of its fields, and the rules it enforces."""
    lines = [f"### {name}", "", _cell(body.get("description", "")), ""]
    lines += [
        "| field | type | required | description | constraints | examples |",
        "|---|---|---|---|---|---|",
    ]
    required = set(body.get("required", []))
    for field_name, field in body.get("properties", {}).items():
        row = (
            f"`{field_name}`",
            _cell(type_of(field)),
            "yes" if field_name in required else "no",
            _cell(" ".join(filter(None, (field.get("description", ""), _since(field))))),
            _cell(constraints_of(field)),
            _cell(_examples(field)),
        )
        lines.append("| " + " | ".join(row) + " |")
    owners = {name, "Event"} if name in EVENT_TYPES else {name}
    rules = [rule for rule in RULES if rule.model in owners]
    if rules:
        lines += ["", "Rules:", ""]
        lines += [f"- `{r.field}`: {r.statement} (**{r.code}** {spec(r.code).slug})" for r in rules]
    return [*lines, ""]


def rules_table() -> list[str]:
    """Render every cross-field rule with its code, model, field and severity."""
    lines = ["| code | slug | model | field | rule |", "|---|---|---|---|---|"]
    for rule in sorted(RULES, key=lambda r: (r.code, r.model)):
        model = "Alert, Deployment, Statement" if rule.model == "Event" else rule.model
        lines.append(
            f"| {rule.code} | {spec(rule.code).slug} | {model} | `{rule.field}` | "
            f"{_cell(rule.statement)} |"
        )
    return lines


def event_types_table() -> list[str]:
    """Render the CAMEO codes and participant roles each event type allows."""
    lines = [
        "| event type | CAMEO codes (a prefix allows the code and all below it) | codes | roles |",
        "|---|---|---|---|",
    ]
    for event_type in EVENT_TYPE_NAMES:
        prefixes = ", ".join(f"`{p}`" for p in cameo_prefixes(event_type))
        roles = ", ".join(f"`{r}`" for r in allowed_roles(event_type))
        count = len(allowed_cameo_codes(event_type))
        lines.append(f"| {event_type} | {prefixes} | {count} | {roles} |")
    return lines


def _json_block(record: dict[str, Any]) -> list[str]:
    return ["```json", json.dumps(record, indent=2, ensure_ascii=False), "```"]


HEADER = """# Schema {version}: field reference

<!-- Generated by `python -m newsevents.tools.regenerate` (make schema) from the models; do not
edit by hand. A test fails when this file differs from what the models generate. -->

Three kinds of top-level record, each carrying `record_type` and `schema_version`:

- **document**: a news text kept verbatim, with its sha256; every span points into it (from
  1.1.0 a document may be known only by its source, without text).
- **actor**: a person, body, force, state or organisation, defined once per dataset.
- **event**: an **alert**, a **deployment**, a **statement** or (from 1.1.0) a **general**
  event (`event_type` says which), annotated in one document, referring to actors and other
  events by id.

This reference covers every published version: a field or value added after 1.0.0 is marked
*since* its version, and a field that became optional *required before* it. A record declaring
an earlier version may not use what came later (NE205); the 1.0.0 schema itself is the
published `schema/1.0.0/`.

The published JSON Schemas are `schema/{version}/{{document,actor,event}}.json` (Draft 2020-12;
`newsevents schema --version {version} --record-type event` prints one). They check structure;
the rules below them, which JSON Schema cannot express, are listed in
[json-schema-limits.md](json-schema-limits.md). Codebook values (CAMEO, PLOVER, ACLED,
countries) follow codebooks {codebooks}; versions are explained in [versioning.md](versioning.md).
Why events refer to actors instead of embedding them, why spans carry offsets and text, and
why factuality has several axes: [design.md](design.md).
"""


def render() -> str:
    """Return the text of docs/schema.md."""
    document, actors, alert = example_records.validated()
    found = definitions()
    lines = [HEADER.format(version=SCHEMA_VERSION, codebooks=CODEBOOK_VERSION)]
    lines += ["## A complete example", ""]
    lines += ["An alert, annotated in this document text (offsets count code points):", ""]
    lines += ["```text", document.text or "", "```", ""]
    lines += [
        f"The document record has `sha256` `{document.sha256}`; the actors it refers to are "
        + ", ".join(f"`{a.id}`" for a in actors)
        + '. The alert, in its canonical JSON form (`model_dump(mode="json", '
        "exclude_none=True)`):",
        "",
        *_json_block(to_json(alert)),
        "",
    ]
    lines += ["## Rules beyond the JSON Schema", ""]
    lines += [
        "Each rule is enforced by the models, which raise a pydantic error whose `type` is the "
        "code and whose `loc` is the field; the validator reports the same codes (see "
        "[validation.md](validation.md)). Checks across records (references, spans against "
        "the document text, dates against publication) are the validator's.",
        "",
        *rules_table(),
        "",
        "What each event type allows (NE402, NE714), from the codebook "
        "`newsevents/codebooks/data/event_types.json`; the reasons are in "
        "[codebook.md](codebook.md):",
        "",
        *event_types_table(),
        "",
        "## Models",
        "",
    ]
    for name in ORDER:
        lines += model_section(name, found[name])
    missing = sorted(set(found) - set(ORDER))
    if missing:
        raise ValueError(f"models missing from the reference order: {missing}")
    return "\n".join(lines).rstrip() + "\n"


def write(root: Path) -> Path:
    """Write docs/schema.md under ``root``; return its path."""
    path = root / "docs" / "schema.md"
    path.write_text(render(), encoding="utf-8")
    return path
