"""The scorecard as flat rows: one list of dicts per table, for pandas and the text report."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsevents.scoring.scorecard import Scorecard

TABLES = ("detection", "attributes", "disagreements", "unmatched")


def table_rows(scorecard: Scorecard, table: str) -> list[dict[str, Any]]:
    """The rows of ``table`` (one of :data:`TABLES`)."""
    if table == "detection":
        return [_flat(asdict(d)) for d in scorecard.detection]
    if table == "attributes":
        rows = []
        for score in scorecard.attributes:
            row = {k: v for k, v in asdict(score).items() if k != "intervals"}
            for name, interval in score.intervals.items():
                row[f"{name}_low"], row[f"{name}_high"] = interval.low, interval.high
            rows.append(row)
        return rows
    if table == "disagreements":
        return [
            {
                "gold_id": pair.gold_id,
                "system_id": pair.system_id,
                "document_id": pair.document_id,
                "event_type": pair.event_type,
                "attribute": d.attribute,
                "gold": d.gold,
                "system": d.system,
            }
            for pair in scorecard.alignment.pairs
            for d in pair.disagreements
        ]
    if table == "unmatched":
        rows = []
        for side, events in (
            ("missed", scorecard.alignment.missed),
            ("spurious", scorecard.alignment.spurious),
        ):
            for event in events:
                start, end, exact = event.span if event.span else (None, None, None)
                rows.append(
                    {
                        "kind": side,
                        "event_id": event.event_id,
                        "document_id": event.document_id,
                        "event_type": event.event_type,
                        "start": start,
                        "end": end,
                        "exact": exact,
                    }
                )
        return rows
    raise ValueError(f"unknown table {table!r}: expected one of {', '.join(TABLES)}")


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    interval = row.pop("f1_interval", None)
    row["f1_low"] = interval["low"] if interval else None
    row["f1_high"] = interval["high"] if interval else None
    return row
