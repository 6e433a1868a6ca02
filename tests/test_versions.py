"""Schema versions: parsed and compared with packaging, never as strings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from packaging.version import Version

import newsevents
from newsevents import versions
from newsevents.codebooks import CODEBOOK_VERSION
from newsevents.versions import (
    PUBLISHED_VERSIONS,
    SCHEMA_VERSION,
    is_newer_than_known,
    newest_published,
    parse_version,
    reading_version,
    supported_majors,
)


def test_versions_order_numerically_not_as_strings() -> None:
    assert "1.10.0" < "1.9.0"  # the string comparison pystac fell for
    ten, nine = parse_version("1.10.0"), parse_version("1.9.0")
    assert ten is not None and nine is not None and ten > nine


@pytest.mark.parametrize(
    "text", ["1.0", "1.0.0.0", "v1.0.0", "01.0.0", "1.00.0", "1.0.0rc1", "", "a.b.c"]
)
def test_only_plain_major_minor_patch_parses(text: str) -> None:
    assert parse_version(text) is None


@given(st.tuples(*[st.integers(0, 10_000)] * 3))
def test_parse_version_orders_like_the_integer_triples(parts: tuple[int, int, int]) -> None:
    text = ".".join(map(str, parts))
    parsed = parse_version(text)
    assert parsed is not None and parsed.release == parts and str(parsed) == text


@given(st.tuples(*[st.integers(0, 50)] * 3), st.tuples(*[st.integers(0, 50)] * 3))
def test_comparison_matches_tuples(a: tuple[int, ...], b: tuple[int, ...]) -> None:
    left, right = (parse_version(".".join(map(str, v))) for v in (a, b))
    assert left is not None and right is not None
    assert (left < right) == (a < b) and (left == right) == (a == b)


def test_the_current_version_is_published_and_newest() -> None:
    assert SCHEMA_VERSION in PUBLISHED_VERSIONS
    assert max(PUBLISHED_VERSIONS, key=Version) == SCHEMA_VERSION
    assert supported_majors() == (1,)
    assert newest_published(1) == "1.1.0"
    assert newest_published(2) is None


@pytest.mark.parametrize(
    ("declared", "read_as", "newer"),
    [
        ("1.0.0", "1.0.0", False),
        ("1.0.7", "1.0.0", False),
        ("1.1.0", "1.1.0", False),
        ("1.1.3", "1.1.0", True),
        ("1.4.0", "1.1.0", True),
        ("1.10.0", "1.1.0", True),
        ("2.0.0", None, False),
        ("0.9.0", None, False),
        ("1.0", None, False),
        ("one", None, False),
    ],
)
def test_a_1_x_reader_reads_every_1_y_record(
    declared: str, read_as: str | None, newer: bool
) -> None:
    assert reading_version(declared) == read_as
    assert is_newer_than_known(declared) is newer


def test_reading_picks_the_newest_published_version_not_newer_than_the_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(versions, "PUBLISHED_VERSIONS", ("1.0.0", "1.2.0", "1.10.0"))
    assert reading_version("1.9.3") == "1.2.0"
    assert reading_version("1.10.0") == "1.10.0"
    assert reading_version("1.11.0") == "1.10.0"
    assert is_newer_than_known("1.11.0") and not is_newer_than_known("1.9.3")
    assert newest_published(1) == "1.10.0"


def test_the_codebooks_have_their_own_semver() -> None:
    assert parse_version(CODEBOOK_VERSION) is not None


def _shipped() -> list[dict[str, object]]:
    import json
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "datasets" / "military-posture-2022"
    bundle = json.loads((folder / "1.0.0" / "records.json").read_text("utf-8"))
    return [*bundle["documents"], *bundle["actors"], *bundle["events"]]


def _gdelt_records(with_span: bool) -> list[dict[str, object]]:
    """A text-less 1.1.0 document (a GDELT row's article) and a general event on it."""
    provenance = {
        "annotator": "newsevents convert",
        "method": "imported",
        "guideline_version": "1.0.0",
        "annotated_at": "2026-12-01T00:00:00Z",
        "source_record": {"dataset": "GDELT 2.0", "record_id": "1025183290", "row": 0},
    }
    event: dict[str, object] = {
        "record_type": "event",
        "event_type": "general",
        "schema_version": "1.1.0",
        "id": "gdelt-1025183290",
        "document_id": "doc-gdelt-1",
        "cameo": {"code": "040", "root": "04", "quad_class": 1, "goldstein": 1.0},
        "participants": [{"actor_id": "actor-biden", "role": "source"}],
        "factuality": {"polarity": "positive", "modality": "asserted", "tense": "past"},
        "provenance": provenance,
    }
    if with_span:
        event["trigger"] = {"start": 0, "end": 4, "exact": "call"}
    document = {
        "record_type": "document",
        "schema_version": "1.1.0",
        "id": "doc-gdelt-1",
        "language": "en",
        "is_translation": False,
        "url": "https://example.org/2022/01/24/biden-call",
    }
    return [event, document]  # the event first: its spans wait for the document


def test_a_folder_mixing_1_0_0_and_1_1_0_records_validates() -> None:
    from newsevents import validate

    report = validate([*_shipped(), *_gdelt_records(with_span=False)])
    assert report.errors == 0, [i.to_dict() for i in report.issues]


def test_each_record_is_checked_against_its_own_version() -> None:
    from newsevents import validate

    records = _shipped()
    alert = next(r for r in records if r.get("event_type") == "alert")
    index = records.index(alert)
    records[index] = {**alert, "factuality": {**alert["factuality"], "holder": "actor-austin"}}  # type: ignore[dict-item]
    report = validate(records)
    found = [(i.code, i.location.record, i.location.pointer) for i in report.issues]
    assert ("NE205", index, "/factuality/holder") in found
    records[index] = {**records[index], "schema_version": "1.1.0"}
    assert validate(records).errors == 0


def test_a_span_into_a_text_less_document_is_ne509_even_when_read_first() -> None:
    from newsevents import validate

    report = validate([*_shipped(), *_gdelt_records(with_span=True)])
    found = [(i.code, i.location.pointer) for i in report.issues if i.severity == "error"]
    assert found == [("NE509", "/trigger")]


def test_every_bundled_dataset_version_loads_with_its_own_schema_version() -> None:
    from newsevents import available_datasets, load_dataset

    found = available_datasets()
    assert found
    for name, dataset_versions in found.items():
        for version in dataset_versions:
            data = load_dataset(name, version)
            declared = {r.schema_version for r in (*data.documents, *data.actors, *data.events)}
            assert declared <= set(PUBLISHED_VERSIONS)
            assert data.to_arrow("events").num_rows == len(data.events)


@pytest.mark.parametrize("digits", [4_301, 10_000])
def test_a_version_past_the_int_conversion_limit_is_malformed_not_a_crash(digits: int) -> None:
    huge = "1" * digits
    assert versions.parse_version(f"{huge}.0.0") is None
    report = newsevents.validate([{"record_type": "actor", "schema_version": f"1.{huge}.0"}])
    assert "NE204" in report.codes()
