"""The published event schema points every validator at the record's own event type.

Before 1.1.0 the event schema was a ``oneOf`` with an OpenAPI ``discriminator`` that JSON
Schema validators ignore, so an alert missing its force was told what the deployment branch
lacked.  These tests run the two tools a non-Python user would: python-jsonschema's
``best_match`` and the check-jsonschema command.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from newsevents import schema
from newsevents.testing import alerts, deployments, general_events, to_json
from newsevents.versions import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[1]
EVENTS = json.loads(
    (ROOT / "datasets" / "military-posture-2022" / "1.0.0" / "records.json").read_text("utf-8")
)["events"]
VALIDATOR = Draft202012Validator(schema.load(SCHEMA_VERSION, "event"))

MISSING = {"alert": "force", "deployment": "status", "statement": "speech"}
"""For each event type, a field only that type requires."""


def _event(event_type: str) -> dict[str, Any]:
    found: dict[str, Any] = next(e for e in EVENTS if e["event_type"] == event_type)
    return {**found, "schema_version": SCHEMA_VERSION}


@pytest.mark.parametrize("event_type", sorted(MISSING))
def test_best_match_names_the_missing_field_of_the_record_s_own_type(event_type: str) -> None:
    record = _event(event_type)
    field = MISSING[event_type]
    del record[field]
    error = best_match(VALIDATOR.iter_errors(record))
    assert error is not None
    assert error.message == f"'{field}' is a required property"
    assert error.validator == "required"
    where, index, branch = list(error.schema_path)[:3]
    assert (where, branch) == ("allOf", "then")
    chosen = VALIDATOR.schema["allOf"][index]["if"]["properties"]["event_type"]["const"]
    assert chosen == event_type


@settings(max_examples=30, deadline=None)
@given(
    st.one_of(alerts(), deployments(), general_events()).map(to_json),
    st.sampled_from(["factuality", "provenance", "document_id"]),
)
def test_any_event_missing_a_shared_field_is_told_that_field(
    record: dict[str, Any], field: str
) -> None:
    del record[field]
    error = best_match(VALIDATOR.iter_errors(record))
    assert error is not None and error.message == f"'{field}' is a required property"


def test_an_unknown_event_type_is_told_the_known_ones() -> None:
    record = {**_event("alert"), "event_type": "alarm"}
    error = best_match(VALIDATOR.iter_errors(record))
    assert error is not None and error.validator == "enum"
    assert "['alert', 'deployment', 'general', 'statement']" in error.message


def test_a_wrong_value_in_a_deployment_is_told_in_deployment_terms() -> None:
    record = {**_event("deployment"), "status": "sent"}
    error = best_match(VALIDATOR.iter_errors(record))
    assert error is not None and list(error.path) == ["status"]
    assert "'considered'" in error.message


def _check_jsonschema() -> str:
    found = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    if found is None:  # the test extra installs it; without it this test cannot run
        pytest.fail("check-jsonschema is not installed: pip install -e '.[test]'")
    return found


@pytest.mark.parametrize("event_type", sorted(MISSING))
def test_check_jsonschema_names_the_missing_field_of_the_right_type(
    tmp_path: Path, event_type: str
) -> None:
    record = _event(event_type)
    field = MISSING[event_type]
    del record[field]
    instance = tmp_path / "event.json"
    instance.write_text(json.dumps(record), encoding="utf-8")
    schema_file = ROOT / "schema" / SCHEMA_VERSION / "event.json"
    result = subprocess.run(
        [_check_jsonschema(), "--schemafile", str(schema_file), str(instance)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert f"'{field}' is a required property" in result.stdout
    others = set(MISSING.values()) - {field}
    assert not any(f"'{other}' is a required property" in result.stdout for other in others)


def test_check_jsonschema_accepts_the_shipped_events_under_1_1_0(tmp_path: Path) -> None:
    instance = tmp_path / "events.json"
    instance.write_text(json.dumps(EVENTS[0]), encoding="utf-8")
    schema_file = ROOT / "schema" / SCHEMA_VERSION / "event.json"
    result = subprocess.run(
        [_check_jsonschema(), "--schemafile", str(schema_file), str(instance)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
