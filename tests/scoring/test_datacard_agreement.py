"""The agreement table in docs/datacard.md is the scorer's output on the shipped files."""

from __future__ import annotations

import re
from pathlib import Path

import newsevents
from newsevents.tools.scoring_artefacts import agreement_table

ROOT = Path(__file__).resolve().parents[2]
DATASET = ROOT / "datasets" / "military-posture-2022"


def test_the_data_card_agreement_table_is_current() -> None:
    text = (ROOT / "docs" / "datacard.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- agreement:start[^\n]*-->\n(.*?)<!-- agreement:end -->", text, re.S)
    assert found is not None
    assert found.group(1) == agreement_table(ROOT), (
        "docs/datacard.md's agreement table is stale: python -m newsevents.tools.scoring_artefacts"
    )


def test_annotator_2_is_valid_independent_and_by_hand() -> None:
    report = newsevents.validate(DATASET / "source" / "annotator-2.jsonl")
    assert report.valid
    card = newsevents.score(
        DATASET / "1.0.0", DATASET / "source" / "annotator-2.jsonl", resamples=0
    )
    assert card.system.events == 20
    assert not set(card.alignment.crosswalk().events) & {p.gold_id for p in card.alignment.pairs}
