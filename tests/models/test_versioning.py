"""The version promise: 1.0.0 is a restriction of the one set of models, and stays so."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from newsevents.io.arrow import arrow_schema
from newsevents.models import RECORD_ADAPTER, newer_features, validator_for
from newsevents.schema import load
from newsevents.testing import actors, alerts, deployments, documents, to_json
from newsevents.testing.features import newer_records
from newsevents.versions import PUBLISHED_VERSIONS, SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[2]
DATASET = ROOT / "datasets" / "military-posture-2022" / "1.0.0"

PUBLISHED_SHA256 = {
    "1.0.0/actor.json": "2211cd965b650285e67f38f5cd9a2da4b1363e393e8c37a71f0e3d832f8dca10",
    "1.0.0/document.json": "bc920da29cd080804f95a6e4620319f0ce3c294b54f76da9c4e8cfddfabc542d",
    "1.0.0/event.json": "86898ac1261443251d8277c22149d17eb12901666d62c6b96030864c6ac0355f",
}
"""A published schema never changes: its bytes are pinned here when it is published."""


def _schema_validator(version: str, record_type: str) -> Draft202012Validator:
    return Draft202012Validator(load(version, record_type))


def _as_1_0(record: Any) -> dict[str, Any]:
    data = to_json(record)
    data["schema_version"] = "1.0.0"
    return data


ONE_ZERO_RECORDS = st.one_of(documents(), actors(), alerts(), deployments()).map(_as_1_0)


@settings(max_examples=60, deadline=None)
@given(ONE_ZERO_RECORDS)
def test_a_valid_1_0_0_record_is_valid_under_1_1_0_models_and_json_schema(data: Any) -> None:
    kind = data["record_type"]
    if not validator_for("1.0.0").is_valid(data):
        return  # a draw using a 1.1.0 field or value is not a 1.0.0 record
    assert not list(_schema_validator("1.0.0", kind).iter_errors(data))
    RECORD_ADAPTER.validate_python(data)
    assert not list(_schema_validator("1.1.0", kind).iter_errors(data))


def test_the_shipped_1_0_0_dataset_is_valid_under_both_versions() -> None:
    bundle = json.loads((DATASET / "records.json").read_text("utf-8"))
    records = [*bundle["documents"], *bundle["actors"], *bundle["events"]]
    for record in records:
        validator_for("1.0.0").validate_python(record)
        RECORD_ADAPTER.validate_python(record)
        assert not list(_schema_validator("1.1.0", record["record_type"]).iter_errors(record))


def _alert() -> dict[str, Any]:
    bundle = json.loads((DATASET / "records.json").read_text("utf-8"))
    alert: dict[str, Any] = next(e for e in bundle["events"] if e["event_type"] == "alert")
    return alert


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"event_type": "general"}, ("event", "general", "event_type")),
        ({"factuality_holder": "actor-austin"}, ("event", "alert", "factuality", "holder")),
        ({"method": "imported"}, ("event", "alert", "provenance", "method")),
        ({"factuality_holder": None}, ("event", "alert", "factuality", "holder")),
    ],
)
def test_a_1_0_0_record_using_a_1_1_0_feature_is_ne205_there(
    change: dict[str, str | None], loc: tuple[str, ...]
) -> None:
    alert = _alert()
    if "event_type" in change:
        alert["event_type"] = "general"
        for name in ("force", "readiness", "purpose"):
            alert.pop(name, None)
        alert["participants"] = [p for p in alert["participants"] if p["role"] == "source"]
    if "factuality_holder" in change:
        alert["factuality"]["holder"] = change["factuality_holder"]
    if "method" in change:
        alert["provenance"]["method"] = "imported"
    RECORD_ADAPTER.validate_python({**alert, "schema_version": "1.1.0"})
    with pytest.raises(ValidationError) as caught:
        validator_for("1.0.0").validate_python(alert)
    assert [(e["type"], e["loc"]) for e in caught.value.errors()] == [("NE205", loc)]


def test_a_1_0_0_document_without_text_misses_a_required_field() -> None:
    document = {
        "record_type": "document",
        "schema_version": "1.0.0",
        "id": "doc-1",
        "language": "en",
        "is_translation": False,
        "url": "https://example.org/a",
    }
    RECORD_ADAPTER.validate_python(document)
    with pytest.raises(ValidationError) as caught:
        validator_for("1.0.0").validate_python(document)
    found = {(e["type"], e["loc"]) for e in caught.value.errors()}
    assert found == {("NE301", ("document", "text")), ("NE301", ("document", "sha256"))}


def test_every_published_version_has_a_validator_and_unknown_majors_none() -> None:
    for version in PUBLISHED_VERSIONS:
        assert validator_for(version).version == version
    with pytest.raises(KeyError):
        validator_for("2.0.0")


def test_every_published_version_but_the_current_one_is_pinned() -> None:
    # The current version's files are checked against the models (tests/test_schema.py);
    # when a newer version becomes current, the previous one must be pinned here.
    pinned = {name.split("/")[0] for name in PUBLISHED_SHA256}
    assert pinned == set(PUBLISHED_VERSIONS) - {SCHEMA_VERSION}


@pytest.mark.parametrize("name", sorted(PUBLISHED_SHA256))
def test_published_schema_files_never_change(name: str) -> None:
    digest = hashlib.sha256((ROOT / "schema" / name).read_bytes()).hexdigest()
    assert digest == PUBLISHED_SHA256[name]


@pytest.mark.parametrize("table", ["documents", "actors", "events"])
def test_parquet_written_by_1_0_0_has_the_1_0_0_columns(table: str) -> None:
    written = pq.read_schema(DATASET / f"{table}.parquet")
    expected = arrow_schema(table.removesuffix("s"), "1.0.0")
    assert written.names == expected.names
    for field in expected:
        assert written.field(field.name).metadata == field.metadata
        assert written.field(field.name).nullable == field.nullable


@pytest.mark.parametrize("version", PUBLISHED_VERSIONS)
@pytest.mark.parametrize("record_type", ["document", "actor", "event"])
def test_every_published_version_has_an_arrow_schema(version: str, record_type: str) -> None:
    schema = arrow_schema(record_type, version)
    assert schema.metadata[b"newsevents.schema_version"] == version.encode()


def test_1_1_0_fields_round_trip_through_parquet(tmp_path: Path) -> None:
    from newsevents.io.arrow import records_to_table, table_to_records

    alert = {**_alert(), "schema_version": "1.1.0"}
    alert["factuality"] = {**alert["factuality"], "holder": "actor-austin"}
    size = alert["force"]["size"]
    alert["force"] = {**alert["force"], "size": {"portion": "most", "of": 8500, "unit": "troops"}}
    alert["provenance"] = {
        **alert["provenance"],
        "method": "imported",
        "source_record": {"dataset": "GDELT 2.0", "record_id": "1025183290", "row": 0},
    }
    canonical = RECORD_ADAPTER.validate_python(alert).model_dump(mode="json", exclude_none=True)
    path = tmp_path / "events.parquet"
    pq.write_table(records_to_table("event", [canonical]), path)
    assert table_to_records(pq.read_table(path)) == [canonical]
    assert size["value"] == 8500  # the 1.0.0 record said 8500; the portion says "most of" it


@settings(max_examples=80, deadline=None)
@given(newer_records())
def test_a_1_1_0_record_is_1_0_0_exactly_when_it_uses_nothing_1_1_0_added(
    data: dict[str, Any],
) -> None:
    kind = data["record_type"]
    assert not list(_schema_validator("1.1.0", kind).iter_errors(data))
    model = RECORD_ADAPTER.validate_python(data)
    newer = list(newer_features(model, "1.0.0"))
    old = {**data, "schema_version": "1.0.0"}
    if not newer:
        validator_for("1.0.0").validate_python(old)
        assert not list(_schema_validator("1.0.0", kind).iter_errors(old))
        return
    with pytest.raises(ValidationError) as caught:
        validator_for("1.0.0").validate_python(old)
    found = {(e["type"], e["loc"][-len(v.loc) :]) for e in caught.value.errors() for v in newer}
    assert {(v.code, v.loc) for v in newer} <= found
    assert list(_schema_validator("1.0.0", kind).iter_errors(old))


@settings(max_examples=40, deadline=None)
@given(newer_records())
def test_a_1_1_0_record_goes_through_parquet_unchanged(data: dict[str, Any]) -> None:
    from newsevents.io.arrow import records_to_table, table_to_records

    canonical = RECORD_ADAPTER.validate_python(data).model_dump(mode="json", exclude_none=True)
    table = records_to_table(data["record_type"], [canonical])
    assert table_to_records(table) == [canonical]
