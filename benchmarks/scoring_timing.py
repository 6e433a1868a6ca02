"""How long scoring takes: the shipped dataset, and one generated document of N events.

For each input, the median of ``--repeat`` runs of:

- ``align``: the alignment alone (documents, events, actors, disagreements), typed input;
- ``score``: validation of both sides, alignment and every figure, without intervals;
- ``score + intervals``: the same with ``--resamples`` bootstrap resamples (the default 1000).

The system is the gold with every tenth event removed (unless another refers to it), so the
alignment has misses.

    python benchmarks/scoring_timing.py                 # shipped dataset, 200 and 1,000 events
    python benchmarks/scoring_timing.py --events 2000 --repeat 3
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from view_timing import generated_records

import newsevents
from newsevents.scoring import Annotation, align, read_annotation

ROOT = Path(__file__).resolve().parents[1]


def _median(run: Callable[[], Any], repeat: int) -> float:
    found = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        found.append(time.perf_counter() - start)
    return statistics.median(found)


def _inputs(sizes: list[int]) -> list[tuple[str, list[dict[str, Any]]]]:
    shipped = read_annotation(ROOT / "datasets" / "military-posture-2022" / "1.0.0", "gold")
    found = [("shipped (20 events)", shipped.records())]
    found += [(f"generated ({n:,} events)", generated_records(n)) for n in sizes]
    return found


def main() -> None:
    """Print one row per input: the median seconds of align, score, score with intervals."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, action="append", help="generated sizes")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--resamples", type=int, default=1000)
    args = parser.parse_args()
    print("| input | align (s) | score (s) | score + intervals (s) |")
    print("|---|---|---|---|")
    for label, records in _inputs(args.events or [200, 1000]):
        events = [r for r in records if r["record_type"] == "event"]
        kept = [r for r in records if r["record_type"] != "event"]
        referenced = {i for e in events for i in e.get("reports", [])}
        referenced |= {link["event_id"] for e in events for link in e.get("links", [])}
        dropped = {e["id"] for i, e in enumerate(events) if i % 10 == 9} - referenced
        system = kept + [e for e in events if e["id"] not in dropped]
        gold_typed, system_typed = Annotation.of(records), Annotation.of(system)
        aligned = _median(partial(align, gold_typed, system_typed), args.repeat)
        scored = _median(partial(newsevents.score, records, system, resamples=0), args.repeat)
        with_intervals = _median(
            partial(newsevents.score, records, system, resamples=args.resamples), 1
        )
        print(f"| {label} | {aligned:.2f} | {scored:.2f} | {with_intervals:.2f} |")


if __name__ == "__main__":
    main()
