"""The adjudicated source (dataset 1.1.0) is valid, and docs/adjudication.md lists exactly its
differences from annotator-1 (dataset 1.0.0) and from annotator-2."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsevents
from newsevents.scoring import Annotation, align, read_annotation
from newsevents.tools.dataset_source import load_source

ROOT = Path(__file__).resolve().parents[2]
DATASET = ROOT / "datasets" / "military-posture-2022"


@pytest.fixture(scope="module")
def adjudicated() -> Annotation:
    source = load_source(DATASET / "source" / "adjudicated-1.1.0.yaml")
    assert (source.version, source.document.schema_version) == ("1.1.0", "1.1.0")
    return read_annotation(Annotation((source.document,), source.actors, source.events), "1.1.0")


def _decisions() -> list[dict[str, str]]:
    text = (ROOT / "docs" / "adjudication.md").read_text(encoding="utf-8")
    table = text.split("| event | attribute |", 1)[1].split("\n\n", 1)[0]
    rows = [line.strip("|").split(" | ") for line in table.splitlines()[2:]]
    return [{"event": r[0].strip(), "attribute": r[1], "decision": r[4]} for r in rows]


def _differences(gold: Annotation, system: Annotation) -> set[tuple[str, str]]:
    alignment = align(gold, system)
    found = {(p.gold_id, d.attribute) for p in alignment.pairs for d in p.disagreements}
    return found | {(u.event_id, "(event)") for u in (*alignment.missed, *alignment.spurious)}


def test_the_adjudicated_records_are_valid(adjudicated: Annotation) -> None:
    assert newsevents.validate(adjudicated.records()).valid
    assert {e.provenance.annotator for e in adjudicated.events} == {"ne-adjudicator"}


def test_the_decisions_table_is_the_difference_from_annotator_1(adjudicated: Annotation) -> None:
    first = read_annotation(DATASET / "1.0.0", "gold")
    changed = {(d["event"], d["attribute"]) for d in _decisions() if d["decision"] != "annotator-1"}
    assert _differences(first, adjudicated) == changed


def test_the_decisions_table_is_the_difference_from_annotator_2(adjudicated: Annotation) -> None:
    second = read_annotation(DATASET / "source" / "annotator-2.jsonl", "annotator-2")
    kept = {(d["event"], d["attribute"]) for d in _decisions() if d["decision"] != "annotator-2"}
    assert _differences(adjudicated, second) == kept


def test_confidence_follows_the_documented_rule(adjudicated: Annotation) -> None:
    values = {e.id: e.provenance.confidence for e in adjudicated.events}
    assert set(values.values()) == {0.5, 0.7, 0.9}
    assert {k for k, v in values.items() if v == 0.5} == {"ev-dep-05", "ev-stmt-11"}
    assert values["ev-consult-01"] == 0.7


def test_the_adjudicated_source_builds_into_a_valid_version_folder(tmp_path: Path) -> None:
    from newsevents.tools.build_dataset import build

    out = tmp_path / "military-posture-2022"
    manifest = build(DATASET / "source" / "adjudicated-1.1.0.yaml", out)
    assert (manifest["version"], manifest["schema_version"]) == ("1.1.0", "1.1.0")
    folder = out / "1.1.0"
    report = newsevents.validate(folder)
    assert report.valid
    assert report.records == 42  # the main records only: configurations are read apart
    paths = {entry["path"] for entry in manifest["files"]}
    for name in ("annotator-1", "annotator-2"):
        tables = [folder / f"{name}-{t}.jsonl" for t in ("documents", "actors", "events")]
        assert {p.name for p in tables} <= paths
        assert newsevents.validate(tables).valid
    second = read_annotation(
        [folder / f"annotator-2-{t}.jsonl" for t in ("documents", "actors", "events")], "a2"
    )
    source = read_annotation(DATASET / "source" / "annotator-2.jsonl", "source")
    assert second.records() == source.records()
    card = (folder / "README.md").read_text(encoding="utf-8")
    assert "- config_name: annotator-2" in card
    assert "Agreement of `annotator-2` with `annotator-1`" in card
