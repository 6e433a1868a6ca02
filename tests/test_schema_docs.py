"""The schema's documentation: the generated field reference, the example, the README section."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from newsevents.codes import CATALOG
from newsevents.models import RECORD_ADAPTER
from newsevents.schema import load
from newsevents.testing import RULES, errors_of, to_json
from newsevents.tools import example_records, fieldref
from newsevents.versions import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start : end if end != -1 else len(text)]


def _blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.DOTALL)


def test_the_committed_field_reference_is_what_the_models_generate() -> None:
    committed = (DOCS / "schema.md").read_text(encoding="utf-8")
    assert committed == fieldref.render(), "run `make schema` and commit docs/schema.md"


def test_the_field_reference_lists_every_model_field_and_rule() -> None:
    text = fieldref.render()
    for name, body in fieldref.definitions().items():
        section = _section(text, f"### {name}\n")
        for field in body.get("properties", {}):
            assert f"| `{field}` |" in section, f"{name}.{field}"
    for rule in RULES:
        assert f"| {rule.code} | {CATALOG[rule.code].slug} |" in text


def test_the_example_is_valid_and_anchored() -> None:
    document, actors, alert = example_records.validated()
    actor_ids = {a.id for a in actors}
    assert {p.actor_id for p in alert.participants} | {alert.force.actor_id} <= actor_ids
    assert alert.document_id == document.id

    def spans(value: Any) -> list[dict[str, Any]]:
        if isinstance(value, dict):
            own = [value] if {"start", "end", "exact"} <= set(value) else []
            return own + [s for item in value.values() for s in spans(item)]
        if isinstance(value, list):
            return [s for item in value for s in spans(item)]
        return []

    found = spans(to_json(alert))
    assert len(found) >= 10
    for span in found:
        assert document.text[span["start"] : span["end"]] == span["exact"]


def test_the_example_in_the_reference_is_the_canonical_alert() -> None:
    text = (DOCS / "schema.md").read_text(encoding="utf-8")
    shown = json.loads(_blocks(text, "json")[0])
    assert shown == to_json(example_records.validated()[2])
    validator = Draft202012Validator(
        load(SCHEMA_VERSION, "event"), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    assert not list(validator.iter_errors(shown))


@pytest.mark.parametrize(
    "name", ["schema.md", "versioning.md", "design.md", "json-schema-limits.md", "testing.md"]
)
def test_schema_docs_link_only_to_files_that_exist(name: str) -> None:
    text = (DOCS / name).read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
        if not target.startswith("http"):
            assert (DOCS / target).exists(), f"{name} links to missing {target}"


def test_json_schema_limits_lists_every_rule_the_schema_cannot_express() -> None:
    text = (DOCS / "json-schema-limits.md").read_text(encoding="utf-8")
    cross_record = {"NE501", "NE502", "NE503", "NE504", "NE506", "NE507", "NE601", "NE604"}
    for code in {rule.code for rule in RULES} | cross_record | {"NE608", "NE705", "NE413"}:
        assert f"| {code} |" in text, code


def test_versioning_states_the_promises() -> None:
    text = (DOCS / "versioning.md").read_text(encoding="utf-8")
    for phrase in ("packaging.version", "PATCH", "MINOR", "MAJOR", "NE203", "CODEBOOK_VERSION"):
        assert phrase in text
    assert "same records, different bytes" in text


def test_the_readme_section_example_validates_and_its_code_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = _section(readme, "## The schema in five minutes")
    (example,) = _blocks(section, "json")
    record = json.loads(example)
    assert errors_of(RECORD_ADAPTER, record) == []
    text = example_records.TEXT
    assert text[record["trigger"]["start"] : record["trigger"]["end"]] == "alert"
    (code,) = _blocks(section, "python")
    (tmp_path / "alert.json").write_text(example, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md", "exec"), {})
    assert printed.getvalue().splitlines() == [
        "8500 ACTUAL",
        "[('NE405', ('event', 'alert', 'cameo', 'goldstein'))]",
    ]
    for link in ("docs/schema.md", "docs/versioning.md"):
        assert f"({link}" in section and (ROOT / link).exists()
    assert os.path.exists(ROOT / "docs" / "json-schema-limits.md")
