"""The scorecard end to end: validation first, JSON under its schema, text, pandas, CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import newsevents
from newsevents.cli import main
from newsevents.scoring import ScoringInputError
from newsevents.scoring.scorecard import (
    SCHEMA_FILE,
    Scorecard,
    published_schema,
    scorecard_schema,
)

GOLD = Path(__file__).resolve().parents[2] / "datasets" / "military-posture-2022" / "1.0.0"


@pytest.fixture(scope="module")
def gold_records() -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for name in ("documents", "actors", "events")
        for line in (GOLD / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    ]


@pytest.fixture(scope="module")
def changed(gold_records: list[dict[str, Any]]) -> Scorecard:
    """The gold with one statement dropped and one CAMEO code changed, scored against it."""
    records = [r for r in gold_records if r.get("id") != "ev-stmt-12"]
    records = [r for r in records if "ev-stmt-12" not in r.get("reports", [])]
    for record in records:
        if record.get("id") == "ev-stmt-11":
            record["cameo"] = {"code": "014", "root": "01", "quad_class": 1, "goldstein": 0.0}
    return newsevents.score(GOLD, records, resamples=50)


def test_the_published_schema_is_the_derived_one() -> None:
    assert published_schema() == scorecard_schema(), (
        f"newsevents/scoring/{SCHEMA_FILE} is stale: python -m newsevents.tools.scoring_artefacts"
    )


def test_a_scorecard_is_valid_under_its_published_schema(changed: Scorecard) -> None:
    jsonschema.Draft202012Validator(published_schema()).validate(changed.to_dict())
    assert changed.to_dict()["scorecard_version"] == "1.0.0"


def test_a_change_shows_as_a_miss_and_a_disagreement(changed: Scorecard) -> None:
    assert [u.event_id for u in changed.alignment.missed] == ["ev-stmt-12"]
    assert changed.detection_of("all").recall == pytest.approx(19 / 20)
    assert changed.detection_of("all").precision == 1.0
    (pair,) = [p for p in changed.alignment.pairs if p.disagreements]
    assert pair.gold_id == "ev-stmt-11"
    assert [d.attribute for d in pair.disagreements] == ["cameo.code"]
    assert changed.attribute("cameo.code").agreed == changed.attribute("cameo.code").pairs - 1
    text = changed.to_text()
    assert "ev-stmt-11 ~ ev-stmt-11 cameo.code" in text
    assert "ev-stmt-12 (statement)" in text


def test_tables_for_pandas(changed: Scorecard) -> None:
    pytest.importorskip("pandas")  # a test extra; the method's error without it is tested below
    attributes = changed.to_pandas("attributes")
    assert set(attributes["name"]) == {a.name for a in changed.attributes}
    disagreements = changed.to_pandas("disagreements")
    assert "ev-stmt-11" in set(disagreements["gold_id"])
    unmatched = changed.to_pandas("unmatched")
    assert list(unmatched["event_id"]) == ["ev-stmt-12"]
    assert list(changed.to_pandas("detection")["event_type"])[-2:] == ["all", "macro"]


def test_to_pandas_without_pandas_says_what_to_install(
    changed: Scorecard, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        changed.to_pandas()


def test_an_invalid_side_gets_no_score(gold_records: list[dict[str, Any]]) -> None:
    broken = [dict(r) for r in gold_records]
    broken[-1] = {**broken[-1], "document_id": "no-such-document"}
    with pytest.raises(ScoringInputError) as raised:
        newsevents.score(GOLD, broken, resamples=0)
    assert raised.value.side == "system"
    assert not raised.value.report.valid


def test_cli_json_scores_the_gold_against_itself(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(
        [
            "score",
            "--gold",
            str(GOLD),
            "--system",
            str(GOLD),
            "--format",
            "json",
            "--resamples",
            "20",
        ]
    )
    card = json.loads(capsys.readouterr().out)
    assert status == 0
    all_events = next(d for d in card["detection"] if d["event_type"] == "all")
    assert all_events["f1"] == 1.0
    assert all(not p["disagreements"] for p in card["alignment"]["pairs"])


def test_cli_reports_an_invalid_input_and_exits_1(
    tmp_path: Path, gold_records: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    system = tmp_path / "system.jsonl"
    lines = [json.dumps(r) for r in gold_records]
    lines[-1] = lines[-1].replace('"statement"', '"statment"', 1)
    system.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status = main(["score", "--gold", str(GOLD), "--system", str(system)])
    captured = capsys.readouterr()
    assert status == 1
    assert captured.out == ""
    assert "system annotation is invalid" in captured.err
    assert "INVALID" in captured.err


def test_cli_exits_2_on_a_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["score", "--gold", str(GOLD), "--system", str(tmp_path / "missing.jsonl")])
    assert status == 2
    assert "NE101" in capsys.readouterr().err


def test_the_readme_shows_the_example_as_scored(capsys: pytest.CaptureFixture[str]) -> None:
    root = GOLD.parents[2]
    example = root / "examples" / "imperfect-annotation.jsonl"
    status = main(["score", "--gold", str(GOLD), "--system", str(example)])
    output = capsys.readouterr().out
    assert status == 0
    readme = (root / "README.md").read_text(encoding="utf-8")
    shown = readme.split(
        "newsevents score --gold datasets/military-posture-2022/1.0.0 "
        "--system examples/imperfect-annotation.jsonl\n```\n\n```text\n"
    )[1]
    shown = shown.split("```", 1)[0]
    for line in shown.splitlines():
        if line.strip() != "..." and "..." not in line:
            assert line in output.splitlines(), line
