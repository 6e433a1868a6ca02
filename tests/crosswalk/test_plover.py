"""PLOVER and POLECAT: the gold-standard excerpt (v0.5b1, not strict JSON), v0.8 records and
NGEC output mapped by hand, round-tripped, and every problem coded at its record."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsevents.crosswalk import Conversion, read_plover, write_plover
from newsevents.models import text_sha256
from newsevents.validation import validate
from tests.crosswalk.conftest import PLOVER_SAMPLE


def _convert(path: Path) -> tuple[dict[str, dict[str, Any]], Conversion]:
    conversion = Conversion(max_issues=None)
    return {r["id"]: r for r in read_plover(path, conversion=conversion)}, conversion


def test_the_gold_standard_excerpt_converts_every_record() -> None:
    records, conversion = _convert(PLOVER_SAMPLE)
    assert (conversion.read, conversion.converted, dict(conversion.skipped)) == (10, 10, {})
    assert dict(conversion.records) == {"document": 10, "actor": 18, "event": 10}
    assert conversion.by_code == {"NE015": 1, "NE013": 3}
    assert validate(list(records.values())).valid


def test_agree_0010_by_hand_norway_and_saudi_arabia() -> None:
    records, conversion = _convert(PLOVER_SAMPLE)
    event = records["PLOVER-GSR01-AGREE-0010"]
    assert event["event_type"] == "general"
    assert event["plover"] == {"type": "AGREE"}
    assert event["time"] == {"date": "2000-01-01", "precision": "day"}
    source, target = (records[p["actor_id"]] for p in event["participants"])
    assert (source["name"], source["cameo_code"], source["kind"]) == (
        "NATO-member Norway",
        "NOR",
        "state",
    )
    assert (target["name"], target["country"]) == ("Saudi Arabia", "SAU")
    document = records[event["document_id"]]
    assert document["text"].startswith("NATO-member Norway is willing to send material")
    assert document["sha256"] == text_sha256(document["text"])
    assert document["publisher"] == "OEDA team from CAMEO 1.1b3 manual"
    assert event["provenance"]["annotator"] == "Parus Analytics"
    assert event["provenance"]["annotated_at"] == "2016-12-12T00:00:00Z"
    assert event["provenance"]["source_record"]["row"] == 1
    line = [i.location.line for i in conversion.issues if i.location.record == 0]
    assert line == [1, 1, 1, 1]


def test_placeholders_and_compound_actors() -> None:
    records, _ = _convert(PLOVER_SAMPLE)
    stub = records["PLOVER-GSR01-MOBILIZE-0002"]  # "NEED EXAMPLE.", actors "---"
    assert stub["participants"] == []
    compound = records["PLOVER-GSR01-AGREE-0001"]  # Hungarian and Romanian officials
    roles = [(p["role"], records[p["actor_id"]]["cameo_code"]) for p in compound["participants"]]
    assert roles == [("source", "HUNGOV"), ("source", "ROUGOV")]
    macedonian = records["PLOVER-GSR01-MOBILIZE-0001"]  # code "---": a name, no code
    actor = records[macedonian["participants"][0]["actor_id"]]
    assert actor["name"] == "Macedonian army" and "cameo_code" not in actor


V08 = {
    "id": "v08-1",
    "date": "2022-01-24",
    "source": [{"actor_text": "Pentagon", "code": "USA", "sector": "MIL"}],
    "recipient": [],
    "event": ["MOBILIZE"],
    "mode": ["troops"],
    "context": ["military", "future"],
    "text": "The Pentagon will put 8,500 troops on alert.",
    "language": "en",
    "coder": "annotator-1",
    "coded_date": "2022-01-25",
}


def test_a_v08_record_with_mode_troops_is_a_deployment_and_future_is_factuality(
    tmp_path: Path,
) -> None:
    path = tmp_path / "plover.jsonl"
    path.write_text(json.dumps(V08) + "\n", encoding="utf-8")
    records, conversion = _convert(path)
    event = records["v08-1"]
    assert event["event_type"] == "deployment"
    assert event["plover"] == {"type": "MOBILIZE", "modes": ["troops"], "contexts": ["military"]}
    assert event["factuality"] == {"polarity": "positive", "modality": "planned", "tense": "future"}
    assert records[event["force"]["actor_id"]]["cameo_code"] == "USAMIL"
    assert conversion.by_code == {}


def test_polecat_output_is_read_by_its_keys(tmp_path: Path) -> None:
    record = {
        "id": "pc-1",
        "date": "2022-01-24",
        "event_type": ["SANCTION"],
        "event_mode": ["SANCTION-withdraw"],
        "contexts": ["diplomatic"],
        "headline": "Made-up headline",
        "publisher": "Example Wire",
        "attributes": {
            "ACTOR": [{"text": "Ruritania", "country": "FRA", "code_1": "GOV"}],
            "RECIP": [{"text": "Examplestan", "country": "DEU"}],
        },
    }
    path = tmp_path / "polecat.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    records, _ = _convert(path)
    event = records["pc-1"]
    assert event["plover"] == {
        "type": "SANCTION",
        "modes": ["withdraw"],
        "contexts": ["diplomatic"],
    }
    assert event["provenance"]["source_record"]["dataset"] == "POLECAT"
    codes = [records[p["actor_id"]]["cameo_code"] for p in event["participants"]]
    assert codes == ["FRAGOV", "DEU"]
    assert records[event["document_id"]]["title"] == "Made-up headline"


def test_problems_are_coded_at_their_record(tmp_path: Path) -> None:
    lines = [
        json.dumps({**V08, "id": "a", "event": ["FIGHT"]}),
        json.dumps({**V08, "id": "b", "date": "24 Jan 2022"}),
        '{"id": "c", "date": ',
        "[1, 2]",
        json.dumps({**V08, "id": "a"}),
        json.dumps({**V08, "id": "e", "event": []}),
    ]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, conversion = _convert(path)
    found = {(i.code, i.location.record, i.location.line) for i in conversion.issues}
    assert found == {
        ("NE005", 0, 1),
        ("NE003", 1, 2),
        ("NE103", 2, 3),
        ("NE104", 3, 4),
        ("NE014", 4, 5),
        ("NE004", 5, 6),
    }
    assert conversion.read == 6 and conversion.converted == 0


def test_plover_round_trip_keeps_every_field_the_schema_holds(tmp_path: Path) -> None:
    source = tmp_path / "plover.jsonl"
    source.write_text(json.dumps(V08) + "\n", encoding="utf-8")
    out = tmp_path / "back.jsonl"
    write_plover(read_plover(source), out)
    (back,) = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    # source's sector is kept in the CAMEO actor code and written back as code + sector.
    assert back == {**V08, "recipient": []}


def test_the_v08_manual_actor_keys_are_read_and_a_wikidata_id_survives(tmp_path: Path) -> None:
    record = {
        **V08,
        "id": "v08-2",
        "mode": [],
        "context": [],
        "source": [
            {
                "raw_text": "Example Actor",
                "country_code": "USA",
                "sector_code": "GOV",
                "wikidata_id": "Q42",
            }
        ],
    }
    path = tmp_path / "manual.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    records, _ = _convert(path)
    actor = records[records["v08-2"]["participants"][0]["actor_id"]]
    assert (actor["name"], actor["cameo_code"], actor["wikidata_id"]) == (
        "Example Actor",
        "USAGOV",
        "Q42",
    )
    out = tmp_path / "back.jsonl"
    write_plover(records.values(), out)
    back = json.loads(out.read_text("utf-8"))
    assert back["source"] == [
        {"actor_text": "Example Actor", "code": "USA", "sector": "GOV", "identifier_id": "Q42"}
    ]


def test_a_deployment_keeps_one_source_and_counts_the_others(tmp_path: Path) -> None:
    second = {"actor_text": "Examplestan", "code": "DEU"}
    path = tmp_path / "two.jsonl"
    path.write_text(json.dumps({**V08, "source": [*V08["source"], second]}) + "\n", "utf-8")
    records, conversion = _convert(path)
    assert records["v08-1"]["event_type"] == "deployment"
    assert [p["role"] for p in records["v08-1"]["participants"]] == ["source"]
    actors = [r for r in records.values() if r["record_type"] == "actor"]
    assert [a["name"] for a in actors] == ["Pentagon"]  # no record for an actor left out
    (issue,) = [i for i in conversion.issues if i.code == "NE013"]
    assert issue.location.pointer == "/source" and issue.message.startswith("source: 1 value(s)")
