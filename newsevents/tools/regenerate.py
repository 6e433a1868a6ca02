"""Regenerate every committed artefact derived from the models: ``make schema``."""

from __future__ import annotations

from pathlib import Path

from newsevents import schema
from newsevents.tools import build_dataset

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    """Write the current version's JSON Schemas (and other generated files) into the repo."""
    for path in schema.write(ROOT / "schema"):
        print(f"wrote {path.relative_to(ROOT)}")
    build_dataset.main()


if __name__ == "__main__":
    main()
