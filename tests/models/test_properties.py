"""Properties over generated records: valid under the models and the published JSON Schema,
lossless through JSON, and rejected with the right code and location when one rule is broken."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from newsevents.codes import CATALOG
from newsevents.models import (
    RECORD_ADAPTER,
    Actor,
    Alert,
    Deployment,
    Document,
    GeneralEvent,
    Statement,
)
from newsevents.schema import load
from newsevents.testing import RULES, Broken, broken_records, errors_of, records, to_json
from newsevents.versions import SCHEMA_VERSION

MODELS = {
    "document": Document,
    "actor": Actor,
    "alert": Alert,
    "deployment": Deployment,
    "statement": Statement,
    "general": GeneralEvent,
}
VALIDATORS = {
    record_type: Draft202012Validator(
        load(SCHEMA_VERSION, record_type), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    for record_type in ("document", "actor", "event")
}
MODELS_DIR = Path(__file__).resolve().parents[2] / "newsevents" / "models"


def _kind(record: dict[str, Any]) -> str:
    return str(record.get("event_type") or record["record_type"])


def _schema_errors(record: dict[str, Any]) -> list[str]:
    validator = VALIDATORS[record["record_type"]]
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(record)]


@settings(max_examples=100, deadline=None)
@given(records())
def test_every_generated_record_is_valid_under_model_and_json_schema(record: Any) -> None:
    data = to_json(record)
    assert errors_of(MODELS[_kind(data)], data) == []
    assert errors_of(RECORD_ADAPTER, data) == []
    assert _schema_errors(data) == []


@settings(max_examples=80, deadline=None)
@given(records())
def test_model_to_json_to_model_is_the_identity(record: Any) -> None:
    assert RECORD_ADAPTER.validate_json(record.model_dump_json()) == record
    assert type(record).model_validate_json(record.model_dump_json(exclude_none=True)) == record
    data = to_json(record)
    again = RECORD_ADAPTER.validate_python(data)
    assert again == record
    assert to_json(again) == data


def _assert_rejected_as_broken(broken: Broken) -> None:
    model = MODELS[_kind(broken.record)]
    assert errors_of(model, broken.record) == [(broken.code, broken.loc)], broken.rule.statement
    tags = (
        ("event", broken.record["event_type"])
        if broken.record["record_type"] == "event"
        else (broken.record["record_type"],)
    )
    assert errors_of(RECORD_ADAPTER, broken.record) == [(broken.code, (*tags, *broken.loc))]


@settings(max_examples=150, deadline=None)
@given(broken_records())
def test_a_record_with_one_rule_broken_is_rejected_with_its_code_and_location(
    broken: Broken,
) -> None:
    _assert_rejected_as_broken(broken)


@pytest.mark.parametrize("code", sorted({rule.code for rule in RULES}))
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_each_rule_is_broken_and_caught(code: str, data: st.DataObject) -> None:
    broken = data.draw(broken_records(codes={code}))
    assert broken.code == code
    _assert_rejected_as_broken(broken)


def test_every_code_a_model_raises_has_a_rule_and_is_catalogued() -> None:
    pattern = re.compile(r'(?:Violation|_unknown|PydanticCustomError)\(\s*"(NE[0-9]{3})"')
    raised = {
        code
        for path in MODELS_DIR.rglob("*.py")
        if path.name != "versioning.py"  # version restrictions: tests/models/test_versioning.py
        for code in pattern.findall(path.read_text(encoding="utf-8"))
    }
    assert raised == {rule.code for rule in RULES}
    assert raised <= set(CATALOG)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.floats() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def _objects(value: Any) -> list[dict[str, Any]]:
    """Every JSON object inside ``value`` (itself included)."""
    found: list[dict[str, Any]] = []
    if isinstance(value, dict):
        found.append(value)
        for item in value.values():
            found.extend(_objects(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(_objects(item))
    return found


@settings(max_examples=150, deadline=None)
@given(records(), st.data())
def test_what_the_model_accepts_the_json_schema_accepts(record: Any, data: st.DataObject) -> None:
    """Replace one value anywhere in a valid record; if the model still accepts, so must the
    schema (the model is never laxer than the published JSON Schema)."""
    changed = copy.deepcopy(to_json(record))
    target = data.draw(st.sampled_from(_objects(changed)))
    key = data.draw(st.sampled_from(sorted(target)) | st.text(max_size=8))
    if key in ("record_type", "event_type") and target is changed:
        return  # the discriminators choose the model; changing them is another test
    target[key] = data.draw(JSON_VALUES)
    if not errors_of(RECORD_ADAPTER, changed):
        assert _schema_errors(changed) == []
