"""The Arrow schema derived from the models, and lossless record <-> table conversion."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsevents.io.arrow import arrow_schema, records_to_table, table_to_records
from newsevents.models import RECORD_ADAPTER
from newsevents.versions import SCHEMA_VERSION

PROVENANCE = {
    "annotator": "tester",
    "method": "by_hand",
    "guideline_version": "1.0.0",
    "annotated_at": "2026-11-25T09:00:00+01:00",
}
ALERT: dict[str, Any] = {
    "record_type": "event",
    "schema_version": "1.0.0",
    "id": "ev-1",
    "document_id": "doc-1",
    "event_type": "alert",
    "cameo": {"code": "152", "root": "15", "quad_class": 4, "goldstein": -7.2},
    "participants": [{"actor_id": "a-1", "role": "source"}],
    "time": {"date": "2022-01-24", "precision": "day", "expression": "Monday"},
    "factuality": {"polarity": "positive", "modality": "asserted", "tense": "present"},
    "force": {
        "description": "troops",
        "size": {"value": 8500, "approximate": True, "unit": "troops"},
    },
    "readiness": {
        "measure": "notice_to_deploy",
        "direction": "increase",
        "before": "P10D",
        "after": "P5D",
    },
    "provenance": PROVENANCE,
}
STATEMENT: dict[str, Any] = {
    "record_type": "event",
    "schema_version": "1.0.0",
    "id": "ev-2",
    "document_id": "doc-1",
    "event_type": "statement",
    "participants": [{"actor_id": "a-1", "role": "speaker"}],
    "factuality": {"polarity": "positive", "modality": "asserted", "tense": "past"},
    "speech": "reported_speech",
    "summary": "Kirby said no final decision had been made.",
    "reports": ["ev-1"],
    "provenance": PROVENANCE,
}


def canonical(record: dict[str, Any]) -> dict[str, Any]:
    return RECORD_ADAPTER.validate_python(record).model_dump(mode="json", exclude_none=True)


def test_every_table_has_the_versions_in_its_metadata() -> None:
    for record_type in ("document", "actor", "event"):
        metadata = arrow_schema(record_type).metadata
        assert metadata[b"newsevents.record_type"] == record_type.encode()
        assert metadata[b"newsevents.schema_version"] == SCHEMA_VERSION.encode()
        old = arrow_schema(record_type, "1.0.0").metadata
        assert old[b"newsevents.schema_version"] == b"1.0.0"
        assert b"newsevents.codebook_version" in metadata


def test_nested_models_become_structs_and_lists_stay_lists() -> None:
    schema = arrow_schema("event")
    assert pa.types.is_struct(schema.field("factuality").type)
    assert pa.types.is_list(schema.field("participants").type)
    assert schema.field("time").type.field("date").type == pa.date32()
    assert schema.field("provenance").type.field("annotated_at").type == pa.string()
    assert schema.field("cameo").type.field("quad_class").type == pa.int8()


def test_event_table_is_the_union_of_every_event_type() -> None:
    names = set(arrow_schema("event").names)
    assert {"force", "readiness", "status", "destination", "speech", "reports"} <= names
    # force is required for alerts and deployments but absent from statements.
    assert arrow_schema("event").field("force").nullable


def test_round_trip_through_parquet_keeps_records_byte_for_byte(tmp_path: Path) -> None:
    records = [canonical(ALERT), canonical(STATEMENT)]
    table = records_to_table("event", records, {"dataset_version": "1.0.0"})
    path = tmp_path / "events.parquet"
    pq.write_table(table, path)
    back = table_to_records(pq.read_table(path))
    assert back == records
    # The annotator's time-zone offset survives: timestamps are stored as written.
    assert back[0]["provenance"]["annotated_at"] == "2026-11-25T09:00:00+01:00"
    assert pq.ParquetFile(path).metadata.metadata[b"newsevents.dataset_version"] == b"1.0.0"


def test_table_without_metadata_needs_a_record_type() -> None:
    table = records_to_table("event", [canonical(ALERT)]).replace_schema_metadata(None)
    with pytest.raises(ValueError, match="record_type"):
        table_to_records(table)
    assert table_to_records(table, "event") == [canonical(ALERT)]
