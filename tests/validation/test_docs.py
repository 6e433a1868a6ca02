"""The generated docs page and the published report schema stay true to the code."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from newsevents.codes import CATALOG
from newsevents.validation.docs import DOCS_PATH, render
from newsevents.validation.hints import HINTS

ROOT = Path(__file__).resolve().parents[2]
REPORT_SCHEMA = ROOT / "docs" / "report.schema.json"


def test_committed_validation_docs_equal_what_the_catalogue_generates() -> None:
    committed = (ROOT / DOCS_PATH).read_text(encoding="utf-8")
    assert committed == render(), "run `make schema` to regenerate docs/validation.md"


def test_docs_have_a_section_and_an_example_for_every_code() -> None:
    text = render()
    for code, check in CATALOG.items():
        section = text.split(f"### {code} {check.slug}\n", 1)[1].split("\n### ", 1)[0]
        assert "Example: " in section
        assert f'"code": "{code}"' in section


def test_hints_name_only_registered_codes() -> None:
    assert set(HINTS) <= set(CATALOG)


def test_report_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_code_and_slug_fits_the_report_schema() -> None:
    schema = json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))
    code = jsonschema.Draft202012Validator(schema["$defs"]["code"])
    slug = jsonschema.Draft202012Validator(schema["$defs"]["issue"]["properties"]["slug"])
    for check in CATALOG.values():
        assert code.is_valid(check.code)
        assert slug.is_valid(check.slug)
