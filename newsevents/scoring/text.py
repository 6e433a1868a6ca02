"""The scorecard for people: aligned tables, then every disagreement, miss and false alarm."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newsevents.scoring.agreement import Interval
from newsevents.validation.safe import for_terminal

if TYPE_CHECKING:
    from newsevents.scoring.metrics import AttributeScore
    from newsevents.scoring.scorecard import Scorecard


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _interval(interval: Interval | None) -> str:
    return "" if interval is None else f"[{interval.low:.2f}, {interval.high:.2f}]"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = "  ".join
    found = [
        line(
            h.ljust(w) if i == 0 else h.rjust(w)
            for i, (h, w) in enumerate(zip(header, widths, strict=True))
        )
    ]
    for row in rows:
        found.append(
            line(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
        )
    return found


def _value(value: Any) -> str:
    return for_terminal(json.dumps(value, ensure_ascii=False), 200)


def render(card: Scorecard, shown: int = 20) -> str:
    """The text report of ``card``; ``shown`` caps the listed disagreements, misses and
    false alarms (all are counted)."""
    alignment = card.alignment
    percent = round(card.confidence * 100)
    lines = [
        f"system {for_terminal(card.system.label)} scored against gold "
        f"{for_terminal(card.gold.label)}",
        f"match rule {card.match}; scorecard {card.scorecard_version}; {percent}% intervals "
        f"from {card.resamples} bootstrap resamples (seed {card.seed})",
        f"documents paired by text sha256: {len(alignment.documents)}; unpaired: "
        f"{len(alignment.unpaired_documents)}; actors aligned: {len(alignment.actors)} "
        f"(gold {card.gold.actors}, system {card.system.actors})",
        "",
        "Event detection",
    ]
    rows = [
        [
            d.event_type,
            str(d.gold),
            str(d.system),
            str(d.matched),
            _number(d.precision),
            _number(d.recall),
            _number(d.f1),
            _interval(d.f1_interval),
        ]
        for d in card.detection
    ]
    header = ["type", "gold", "system", "matched", "precision", "recall", "F1", "F1 interval"]
    lines += [*_table(header, rows), "", "Attributes of matched pairs (nominal and ordinal)"]
    rows = []
    for a in card.attributes:
        if a.kind == "set":
            continue
        alpha = _number(a.alpha_ordinal) if a.kind == "ordinal" else ""
        rows.append(
            [
                a.name,
                str(a.pairs),
                str(a.agreed),
                _number(a.accuracy),
                _number(a.kappa),
                _interval(a.intervals.get("kappa")),
                _number(a.alpha),
                _interval(a.intervals.get("alpha")),
                alpha,
            ]
        )
    header = [
        "attribute",
        "pairs",
        "agreed",
        "accuracy",
        "kappa",
        "kappa interval",
        "alpha",
        "alpha interval",
        "alpha ordinal",
    ]
    lines += [*_table(header, rows), "", "Attributes of matched pairs (sets: members)"]
    rows = [
        [
            a.name,
            str(a.pairs),
            str(a.agreed),
            _number(a.precision),
            _number(a.recall),
            _number(a.f1),
            _interval(a.intervals.get("f1")),
        ]
        for a in card.attributes
        if a.kind == "set"
    ]
    header = ["attribute", "pairs", "identical", "precision", "recall", "F1", "F1 interval"]
    lines += [*_table(header, rows), "", "Spans of matched pairs (trigger, quote, evidence)"]
    rows = [
        [
            s.name,
            str(s.tp),
            str(s.fp),
            str(s.fn),
            _number(s.precision),
            _number(s.recall),
            _number(s.f1),
        ]
        for s in card.spans
    ]
    lines += [*_table(["spans", "tp", "fp", "fn", "precision", "recall", "F1"], rows), ""]
    lines += _listing(card, shown)
    return "\n".join(lines) + "\n"


def _listing(card: Scorecard, shown: int) -> list[str]:
    alignment = card.alignment
    found = [d for p in alignment.pairs for d in ((p, x) for x in p.disagreements)]
    lines = [f"Disagreements on matched pairs ({len(found)})"]
    for pair, d in found[:shown]:
        ids = for_terminal(f"{pair.gold_id} ~ {pair.system_id}")
        lines.append(f"  {ids} {d.attribute}: gold {_value(d.gold)}, system {_value(d.system)}")
    if len(found) > shown:
        lines.append(f"  ... and {len(found) - shown} more (--format json lists all)")
    for title, events in (
        ("Missed gold events", alignment.missed),
        ("False alarms (system events matching no gold event)", alignment.spurious),
    ):
        lines += ["", f"{title} ({len(events)})"]
        for event in events[:shown]:
            span = (
                f" {event.span[0]}:{event.span[1]} {_value(event.span[2])}"
                if event.span
                else " (no span)"
            )
            lines.append(f"  {for_terminal(event.event_id)} ({event.event_type}){span}")
        if len(events) > shown:
            lines.append(f"  ... and {len(events) - shown} more")
    return lines


def agreement_markdown(card: Scorecard) -> str:
    """The agreement of two annotators as Markdown tables: detection, then one row per
    attribute with its figures and their intervals (for data cards)."""
    percent = round(card.confidence * 100)
    every = card.detection_of("all")
    lines = [
        f"Detection: {every.matched} events matched of {every.gold} and {every.system}; "
        f"F1 {_number(every.f1)} {_interval(every.f1_interval)} (precision "
        f"{_number(every.precision)}, recall {_number(every.recall)}; match rule "
        f"`{card.match}`). Intervals: {percent}% percentile bootstrap, {card.resamples} "
        f"resamples, seed {card.seed}.",
        "",
        "| attribute | kind | pairs | agreed | accuracy | Cohen's kappa | Krippendorff's alpha "
        "| alpha (ordinal) | set F1 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for a in card.attributes:

        def cell(name: str, value: float | None, a: AttributeScore = a) -> str:
            if value is None:
                return "-"
            return f"{value:.3f} {_interval(a.intervals.get(name))}".strip()

        set_kind = a.kind == "set"
        row = [
            f"`{a.name}`",
            a.kind,
            str(a.pairs),
            str(a.agreed),
            "" if set_kind else cell("accuracy", a.accuracy),
            "" if set_kind else cell("kappa", a.kappa),
            "" if set_kind else cell("alpha", a.alpha),
            cell("alpha_ordinal", a.alpha_ordinal) if a.kind == "ordinal" else "",
            cell("f1", a.f1) if set_kind else "",
        ]
        lines.append("| " + " | ".join(row) + " |")
    spans = {s.name: s for s in card.spans}
    lines += [
        "",
        f"Spans of matched pairs: exact F1 {_number(spans['exact'].f1)}, overlap (code points) "
        f"F1 {_number(spans['overlap'].f1)}.",
    ]
    return "\n".join(lines) + "\n"
