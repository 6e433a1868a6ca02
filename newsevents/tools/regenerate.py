"""Regenerate every committed artefact derived from the models: ``make schema``."""

from __future__ import annotations

from pathlib import Path

from newsevents import schema
from newsevents.tools import build_dataset, scoring_artefacts

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    """Write the current version's JSON Schemas (and other generated files) into the repo."""
    for path in schema.write(ROOT / "schema"):
        print(f"wrote {path.relative_to(ROOT)}")
    build_dataset.main()
    write_validation_artefacts()
    write_field_reference()
    scoring_artefacts.main()


def write_field_reference() -> None:
    """Write docs/schema.md, the field reference generated from the models."""
    from newsevents.tools import fieldref

    print(f"wrote {fieldref.write(ROOT).relative_to(ROOT)}")


def write_validation_artefacts() -> None:
    """Write docs/validation.md (from the code catalogue) and the example's expected report."""
    from newsevents.validation import docs as validation_docs
    from newsevents.validation import showcase

    for path in (validation_docs.write(ROOT), showcase.write_expected_report(ROOT)):
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
