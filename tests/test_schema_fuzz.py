"""Fuzzing from the published JSON Schema (hypothesis-jsonschema).

Whatever the JSON Schema accepts, the models accept or reject with a registered NE code: the
rules the schema cannot express (docs/json-schema-limits.md), never a structural error and
never a crash.  The one allowed exception is Python's ``re``: its ``$`` also matches before a
final newline, so the ``jsonschema`` library accepts ``"abc\\n"`` for ``^abc$`` where the
ECMA-262 regexes the spec prescribes (and pydantic) do not.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis_jsonschema import from_schema
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from newsevents.codes import CATALOG
from newsevents.models import RECORD_ADAPTER
from newsevents.schema import load
from newsevents.versions import SCHEMA_VERSION


def _check(record_type: str, examples: int) -> None:
    published = load(SCHEMA_VERSION, record_type)
    validator = Draft202012Validator(published, format_checker=Draft202012Validator.FORMAT_CHECKER)

    @settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(from_schema(published))
    def accepted_or_rejected_by_code(instance: Any) -> None:
        assert not list(validator.iter_errors(instance))
        try:
            RECORD_ADAPTER.validate_python(instance)
        except ValidationError as error:
            for found in error.errors():
                if found["type"] == "string_pattern_mismatch":
                    assert str(found["input"]).endswith("\n"), found
                else:
                    assert found["type"] in CATALOG, found

    accepted_or_rejected_by_code()


@pytest.mark.parametrize(("record_type", "examples"), [("document", 40), ("actor", 40)])
def test_what_the_schema_accepts_the_model_accepts_or_rejects_by_code(
    record_type: str, examples: int
) -> None:
    _check(record_type, examples)


def test_events_drawn_from_the_schema_are_accepted_or_rejected_by_code() -> None:
    _check("event", 15)
