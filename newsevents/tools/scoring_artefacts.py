"""Regenerate the scoring artefacts: the scorecard's JSON Schema and the data card's agreement.

``python -m newsevents.tools.scoring_artefacts`` (also run by ``make schema`` through
``newsevents.tools.regenerate``); tests fail when a committed artefact differs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATASET = ROOT / "datasets" / "military-posture-2022"
AGREEMENT_BLOCK = re.compile(
    r"(<!-- agreement:start[^\n]*-->\n)(.*?)(<!-- agreement:end -->)", re.S
)


def write_scorecard_schema(root: Path = ROOT) -> Path:
    """Write newsevents/scoring/scorecard.schema.json from the scorecard dataclasses."""
    from newsevents.scoring.scorecard import SCHEMA_FILE, scorecard_schema

    path = root / "newsevents" / "scoring" / SCHEMA_FILE
    text = json.dumps(scorecard_schema(), indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


def agreement_table(root: Path = ROOT) -> str:
    """The agreement of annotator-2 with annotator-1 (dataset 1.0.0), as Markdown."""
    from newsevents.scoring.scorecard import score
    from newsevents.scoring.text import agreement_markdown

    dataset = root / "datasets" / "military-posture-2022"
    card = score(dataset / "1.0.0", dataset / "source" / "annotator-2.jsonl")
    return agreement_markdown(card)


def write_datacard_agreement(root: Path = ROOT) -> Path:
    """Replace the agreement block of docs/datacard.md with the scorer's current output."""
    path = root / "docs" / "datacard.md"
    text = path.read_text(encoding="utf-8")
    table = agreement_table(root)
    updated = AGREEMENT_BLOCK.sub(lambda m: m.group(1) + table + m.group(3), text)
    path.write_text(updated, encoding="utf-8")
    return path


def main() -> None:
    """Write both artefacts."""
    for path in (write_scorecard_schema(), write_datacard_agreement()):
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
