"""The published JSON Schemas: generated from the models, committed, bundled, loaded offline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from newsevents import schema
from newsevents.versions import PUBLISHED_VERSIONS, RECORD_TYPES, SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("record_type", RECORD_TYPES)
def test_the_committed_schema_is_what_the_models_generate(record_type: str) -> None:
    committed = (ROOT / "schema" / SCHEMA_VERSION / f"{record_type}.json").read_text("utf-8")
    generated = schema.dumps(schema.generate()[record_type])
    assert committed == generated, "run `make schema` and commit schema/"


@pytest.mark.parametrize("version", PUBLISHED_VERSIONS)
@pytest.mark.parametrize("record_type", RECORD_TYPES)
def test_every_published_schema_is_bundled_and_valid_draft_2020_12(
    version: str, record_type: str
) -> None:
    loaded = schema.load(version, record_type)
    Draft202012Validator.check_schema(loaded)
    assert loaded["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert loaded["$id"] == schema.schema_id(version, record_type)
    assert f"/{version}/" in loaded["$id"]


def test_the_schema_folder_holds_exactly_the_published_versions() -> None:
    folders = sorted(p.name for p in (ROOT / "schema").iterdir() if p.is_dir())
    assert folders == sorted(PUBLISHED_VERSIONS)
    for version in folders:
        files = sorted(p.stem for p in (ROOT / "schema" / version).glob("*.json"))
        assert files == sorted(RECORD_TYPES)


def test_no_schema_refers_outside_itself() -> None:
    for version in PUBLISHED_VERSIONS:
        for record_type in RECORD_TYPES:
            text = json.dumps(schema.load(version, record_type))
            refs = {part.split('"')[0] for part in text.split('"$ref": "')[1:]}
            assert all(ref.startswith("#/$defs/") for ref in refs)


def test_unknown_versions_and_record_types_are_refused() -> None:
    with pytest.raises(KeyError, match="not published"):
        schema.load("9.9.9", "event")
    with pytest.raises(KeyError, match="unknown record type"):
        schema.load(SCHEMA_VERSION, "quote")


def test_write_produces_the_committed_files(tmp_path: Path) -> None:
    written = schema.write(tmp_path)
    assert sorted(p.name for p in written) == sorted(f"{t}.json" for t in RECORD_TYPES)
    for path in written:
        assert path.read_text("utf-8") == (ROOT / "schema" / SCHEMA_VERSION / path.name).read_text(
            "utf-8"
        )


def test_every_field_has_a_description() -> None:
    for record_type in RECORD_TYPES:
        loaded = schema.load(SCHEMA_VERSION, record_type)
        bodies = [loaded, *loaded.get("$defs", {}).values()]
        for body in bodies:
            for name, field in body.get("properties", {}).items():
                assert field.get("description"), f"{body.get('title')}.{name} has no description"


def test_the_event_schema_chooses_its_branch_by_event_type_with_if_then() -> None:
    event = schema.load(SCHEMA_VERSION, "event")
    assert "oneOf" not in event and "discriminator" not in event
    branches = {
        rule["if"]["properties"]["event_type"]["const"]: rule["then"]["$ref"]
        for rule in event["allOf"]
    }
    assert branches == {
        "alert": "#/$defs/Alert",
        "deployment": "#/$defs/Deployment",
        "statement": "#/$defs/Statement",
        "general": "#/$defs/GeneralEvent",
    }
    assert event["properties"]["event_type"]["enum"] == list(branches)
    for value, ref in branches.items():
        name = ref.rsplit("/", 1)[1]
        assert event["$defs"][name]["properties"]["event_type"]["const"] == value


def test_the_1_0_0_event_schema_keeps_its_published_one_of() -> None:
    event = schema.load("1.0.0", "event")
    assert [branch["$ref"] for branch in event["oneOf"]] == [
        "#/$defs/Alert",
        "#/$defs/Deployment",
        "#/$defs/Statement",
    ]
