"""Croissant, Frictionless and the dataset card, checked by the ecosystem's own validators."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import mlcroissant as mlc
import pytest
import yaml

from newsevents.dataset import Dataset
from newsevents.tools.dataset_metadata import CROISSANT_CONTEXT


@pytest.fixture
def copy(tmp_path: Path, folder: Path) -> Path:
    """A writable copy of the shipped version folder."""
    target = tmp_path / folder.name
    shutil.copytree(folder, target)
    return target


def _text(value: Any) -> Any:
    return value.decode("utf-8") if isinstance(value, bytes) else value


def test_croissant_validates(folder: Path) -> None:
    mlc.Dataset(jsonld=str(folder / "croissant.json"))  # raises mlc.ValidationError if invalid


def test_croissant_context_is_the_one_mlcroissant_expects() -> None:
    from mlcroissant._src.core.context import Context, CroissantVersion
    from mlcroissant._src.core.rdf import make_context

    expected = make_context(Context(conforms_to=CroissantVersion.V_1_1))
    assert expected == CROISSANT_CONTEXT


def test_croissant_loads_every_record_set(folder: Path, records: dict[str, Any]) -> None:
    dataset = mlc.Dataset(jsonld=str(folder / "croissant.json"))
    events = list(dataset.records(record_set="events"))
    assert [_text(e["events/id"]) for e in events] == [e["id"] for e in records["events"]]
    polarity = [_text(e["events/factuality"]["events/factuality/polarity"]) for e in events]
    assert polarity == [e["factuality"]["polarity"] for e in records["events"]]
    roles = [
        [_text(p["events/participants/role"]) for p in e["events/participants"]] for e in events
    ]
    assert roles == [[p["role"] for p in e["participants"]] for e in records["events"]]
    flat = list(dataset.records(record_set="events_flat"))
    assert [_text(r["events_flat/cameo_code"]) for r in flat] == [
        e["cameo"]["code"] for e in records["events"]
    ]
    assert len(list(dataset.records(record_set="actors"))) == len(records["actors"])
    assert len(list(dataset.records(record_set="documents"))) == 1


def test_croissant_load_catches_a_wrong_sha256(copy: Path) -> None:
    path = copy / "croissant.json"
    croissant = json.loads(path.read_text(encoding="utf-8"))
    croissant["distribution"][2]["sha256"] = "0" * 64
    path.write_text(json.dumps(croissant), encoding="utf-8")
    dataset = mlc.Dataset(jsonld=str(path))  # validate alone does not see it
    with pytest.raises(mlc.GenerationError, match=r"Download\(events-parquet\)") as info:
        list(dataset.records(record_set="events"))
    assert "Hash of downloaded file" in str(info.value.__cause__)


def _frictionless(descriptor: Path) -> dict[str, Any]:
    frictionless = Path(sys.executable).parent / "frictionless"
    result = subprocess.run(
        [str(frictionless), "validate", "--json", str(descriptor)],
        capture_output=True,
        text=True,
        check=False,
        cwd=descriptor.parent,
    )
    report: dict[str, Any] = json.loads(result.stdout)
    report["returncode"] = result.returncode
    return report


def test_frictionless_validates_the_flat_table(folder: Path) -> None:
    report = _frictionless(folder / "datapackage.json")
    assert report["returncode"] == 0, report
    assert report["valid"]
    assert [task["name"] for task in report["tasks"]] == [
        "events_flat_csv",
        "events_flat_parquet",
    ]
    events = len(json.loads((folder / "records.json").read_text(encoding="utf-8"))["events"])
    assert all(task["stats"]["rows"] == events for task in report["tasks"])
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    (event_type,) = [
        f for f in package["resources"][0]["schema"]["fields"] if f["name"] == "event_type"
    ]
    assert event_type["constraints"]["enum"] == EVENT_TYPES[folder.name]


EVENT_TYPES = {
    "1.0.0": ["alert", "deployment", "statement"],
    "1.1.0": ["alert", "deployment", "statement", "general"],
}
"""The event types each version's schema has: a 1.0.0 table may not hold a general event."""


def test_frictionless_catches_a_broken_row(copy: Path) -> None:
    path = copy / "events_flat.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.append(lines[1])  # a duplicate event id
    path.write_text("".join(lines), encoding="utf-8")
    report = _frictionless(copy / "datapackage.json")
    assert report["returncode"] == 1
    errors = {task["name"]: [e["type"] for e in task["errors"]] for task in report["tasks"]}
    assert set(errors["events_flat_csv"]) == {"unique-error", "primary-key", "hash-count"}
    assert errors["events_flat_parquet"] == []


def test_the_card_has_hugging_face_front_matter(shipped: Dataset) -> None:
    text = (shipped.folder / "README.md").read_text(encoding="utf-8")
    assert text.startswith("---\n")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["license"] == "cc-by-4.0"
    configs = {c["config_name"]: c for c in front["configs"]}
    configurations = {"1.0.0": set(), "1.1.0": {"annotator-1", "annotator-2"}}[shipped.version]
    assert set(configs) == {"events", "actors", "documents", "events_flat"} | configurations
    assert configs["events"]["default"] is True
    for config in configs.values():
        for data_file in config["data_files"]:
            assert data_file["path"].endswith(".parquet")  # one folder, one format
            assert (shipped.folder / data_file["path"]).is_file()
    assert f"| events | {len(shipped.events)} |" in text
