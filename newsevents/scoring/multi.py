"""Agreement of more than two annotators: Krippendorff's alpha per attribute.

Kappa compares two annotators; alpha takes any number, and units some annotators left
unannotated.  Every annotation is aligned with the first (the pivot) by the same rule as
``score``; a unit is a pivot event, with the aligned event of each other annotator (missing
where none is aligned), and each event no pivot event matched is a unit of its own (which
alpha cannot pair, so it counts only for detection).  Values are read as in
:mod:`newsevents.scoring.attributes`, ids through each annotator's crosswalk to the pivot.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from newsevents.scoring.agreement import (
    ABSENT,
    DEFAULT_RESAMPLES,
    DEFAULT_SEED,
    Interval,
    bootstrap,
    krippendorff_alpha,
)
from newsevents.scoring.alignment import DEFAULT_MATCH, Alignment, align
from newsevents.scoring.annotation import Annotation, Event, read_annotation
from newsevents.scoring.attributes import ATTRIBUTES, GOLD, Attribute, Crosswalk

Row = list[Hashable | None]


@dataclass(frozen=True)
class AlphaScore:
    """Krippendorff's alpha of one attribute over ``units`` units and ``annotators`` rows,
    with its bootstrap interval (units resampled); ordinal attributes also at their level."""

    name: str
    kind: str
    annotators: int
    units: int
    alpha: float | None
    interval: Interval | None
    alpha_ordinal: float | None = None


@dataclass(frozen=True)
class Unit:
    """One event as each annotator has it (None where an annotator has none)."""

    events: tuple[tuple[Event, Crosswalk] | None, ...]


def units_of(annotations: Sequence[Annotation], match: str = DEFAULT_MATCH) -> list[Unit]:
    """The units of ``annotations``: pivot events with their aligned counterparts, then each
    other annotator's unaligned events."""
    pivot = annotations[0]
    alignments: list[Alignment] = [align(pivot, other, match) for other in annotations[1:]]
    events = [{e.id: e for e in a.events} for a in annotations]
    crosswalks = [GOLD, *(a.crosswalk() for a in alignments)]
    found = []
    for event in pivot.events:
        row: list[tuple[Event, Crosswalk] | None] = [(event, GOLD)]
        for k, alignment in enumerate(alignments, 1):
            partner = next((p.system_id for p in alignment.pairs if p.gold_id == event.id), None)
            row.append((events[k][partner], crosswalks[k]) if partner else None)
        found.append(Unit(tuple(row)))
    for k, alignment in enumerate(alignments, 1):
        for spurious in alignment.spurious:
            row = [None] * len(annotations)
            row[k] = (events[k][spurious.event_id], crosswalks[k])
            found.append(Unit(tuple(row)))
    return found


def reliability_data(attribute: Attribute, units: Sequence[Unit]) -> list[Row]:
    """One row per annotator, one column per unit where someone gives a value: the value,
    ``(none)`` where the annotator has the event without a value, None where not the event."""
    columns: list[Row] = []
    for unit in units:
        column: Row = []
        for cell in unit.events:
            if cell is None:
                column.append(None)
            else:
                value = attribute.value(*cell)
                column.append(ABSENT if value is None else value)
        if any(v not in (None, ABSENT) for v in column):
            columns.append(column)
    return [list(row) for row in zip(*columns, strict=True)] if columns else []


def _detection_rows(units: Sequence[Unit]) -> list[Row]:
    columns = [[cell is not None for cell in unit.events] for unit in units]
    return [list(row) for row in zip(*columns, strict=True)] if columns else []


def _alpha(
    rows: list[Row],
    level: Literal["nominal", "ordinal"] = "nominal",
    order: Sequence[Hashable] = (),
) -> Callable[[np.ndarray[Any, Any]], float | None]:
    """Alpha of the units (columns) a sample of column indices picks."""

    def of(sample: np.ndarray[Any, Any]) -> float | None:
        return krippendorff_alpha([[row[i] for i in sample] for row in rows], level, order)

    return of


def agreement(
    sources: Sequence[object],
    *,
    match: str = DEFAULT_MATCH,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> list[AlphaScore]:
    """Krippendorff's alpha of two or more annotations (paths, datasets or records, each
    validated first) for detection and for every attribute, with bootstrap intervals."""
    if len(sources) < 2:
        raise ValueError("agreement needs at least two annotations")
    annotations = [read_annotation(s, f"annotation {i + 1}") for i, s in enumerate(sources)]
    return alpha_scores(annotations, match=match, resamples=resamples, seed=seed)


def alpha_scores(
    annotations: Sequence[Annotation],
    *,
    match: str = DEFAULT_MATCH,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> list[AlphaScore]:
    """:func:`agreement` on annotations already validated and typed."""
    units = units_of(annotations, match)
    found = []
    rows = _detection_rows(units)
    width = len(rows[0]) if rows else 0
    detection = _alpha(rows)
    found.append(
        AlphaScore(
            "detection",
            "nominal",
            len(annotations),
            width,
            detection(np.arange(width)),
            bootstrap(detection, width, resamples, seed),
        )
    )
    for attribute in ATTRIBUTES:
        rows = reliability_data(attribute, units)
        width = len(rows[0]) if rows else 0
        nominal = _alpha(rows)
        ordinal = None
        if attribute.kind == "ordinal":
            ordinal = _alpha(rows, "ordinal", attribute.order)(np.arange(width))
        found.append(
            AlphaScore(
                attribute.name,
                attribute.kind,
                len(annotations),
                width,
                nominal(np.arange(width)),
                bootstrap(nominal, width, resamples, seed),
                ordinal,
            )
        )
    return found
