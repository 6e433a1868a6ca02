"""Figures computed on an alignment: detection, attributes of matched pairs, spans."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from newsevents.models import EvidenceSpan
from newsevents.scoring.agreement import (
    ABSENT,
    DEFAULT_RESAMPLES,
    DEFAULT_SEED,
    Interval,
    bootstrap,
    cohen_kappa,
    krippendorff_alpha,
    pair_alpha,
)
from newsevents.scoring.alignment import Alignment, anchor_spans
from newsevents.scoring.annotation import Annotation, Event
from newsevents.scoring.attributes import ATTRIBUTES, GOLD, Attribute, Value
from newsevents.scoring.spans import covered, length, shared


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives, and the figures they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        """tp / (tp + fp); None with no system item."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """tp / (tp + fn); None with no gold item."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """2 tp / (2 tp + fp + fn), the harmonic mean of precision and recall."""
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else None

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def total(counts: Sequence[Counts]) -> Counts:
    """The sum of ``counts``."""
    found = Counts()
    for count in counts:
        found = found + count
    return found


@dataclass(frozen=True)
class Detection:
    """Event detection for one event type (``all`` for every type, micro-averaged).

    ``gold`` and ``system`` count the events, ``matched`` the aligned pairs; ``f1_interval`` is
    the bootstrap interval of F1 over the events as units."""

    event_type: str
    gold: int
    system: int
    matched: int
    precision: float | None
    recall: float | None
    f1: float | None
    f1_interval: Interval | None = None


@dataclass(frozen=True)
class AttributeScore:
    """One attribute over the matched pairs where at least one side has a value.

    Nominal and ordinal attributes: ``agreed`` pairs, ``accuracy`` (observed agreement),
    Cohen's ``kappa`` and Krippendorff's ``alpha`` (nominal; ``alpha_ordinal`` too for an ordered
    attribute), a missing value counting as the category ``(none)``.  Set attributes
    (participants, reports, links, ...): micro ``precision``, ``recall`` and ``f1`` of the set
    members, which for two annotators is also their positive specific agreement; ``agreed``
    counts identical sets.  ``intervals`` holds the bootstrap interval of each figure."""

    name: str
    kind: str
    pairs: int
    agreed: int
    accuracy: float | None = None
    kappa: float | None = None
    alpha: float | None = None
    alpha_ordinal: float | None = None
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    intervals: dict[str, Interval] = field(default_factory=dict)

    def figures(self) -> dict[str, float | None]:
        """The figures that apply to this attribute's kind, by name."""
        if self.kind == "set":
            return {"precision": self.precision, "recall": self.recall, "f1": self.f1}
        found = {"accuracy": self.accuracy, "kappa": self.kappa, "alpha": self.alpha}
        if self.kind == "ordinal":
            found["alpha_ordinal"] = self.alpha_ordinal
        return found


def detection(alignment: Alignment, resamples: int, seed: int) -> list[Detection]:
    """Detection per event type, then ``all`` (micro) and ``macro`` (mean over types)."""
    units: list[tuple[str, Counts]] = [(p.event_type, Counts(tp=1)) for p in alignment.pairs]
    units += [(u.event_type, Counts(fn=1)) for u in alignment.missed]
    units += [(u.event_type, Counts(fp=1)) for u in alignment.spurious]
    found = []
    for event_type in sorted({t for t, _ in units}):
        found.append(_detection(event_type, total([c for t, c in units if t == event_type])))
    every = total([c for _, c in units])

    f1_of = _count_figures([c for _, c in units])["f1"]
    found.append(_detection("all", every, bootstrap(f1_of, len(units), resamples, seed)))
    typed = found[:-1]
    found.append(
        Detection(
            "macro",
            every.tp + every.fn,
            every.tp + every.fp,
            every.tp,
            _mean([d.precision for d in typed]),
            _mean([d.recall for d in typed]),
            _mean([d.f1 for d in typed]),
        )
    )
    return found


def _detection(event_type: str, counts: Counts, interval: Interval | None = None) -> Detection:
    return Detection(
        event_type,
        counts.tp + counts.fn,
        counts.tp + counts.fp,
        counts.tp,
        counts.precision,
        counts.recall,
        counts.f1,
        interval,
    )


def _mean(values: Sequence[float | None]) -> float | None:
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None


def value_pairs(
    attribute: Attribute, alignment: Alignment, gold: Annotation, system: Annotation
) -> list[tuple[Value, Value]]:
    """The (gold, system) values of ``attribute`` on every matched pair where either has one."""
    gold_events = {e.id: e for e in gold.events}
    system_events = {e.id: e for e in system.events}
    crosswalk = alignment.crosswalk()
    found = []
    for pair in alignment.pairs:
        gold_value = attribute.value(gold_events[pair.gold_id], GOLD)
        system_value = attribute.value(system_events[pair.system_id], crosswalk)
        if gold_value is not None or system_value is not None:
            found.append((gold_value, system_value))
    return found


def attribute_score(
    attribute: Attribute,
    values: Sequence[tuple[Value, Value]],
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> AttributeScore:
    """Score one attribute from its (gold, system) value pairs, with bootstrap intervals."""
    figures = _figures(attribute, values)
    agreed = sum(g == s for g, s in values)
    intervals: dict[str, Interval] = {}
    for name, statistic in resampled_figures(attribute, values).items():
        interval = bootstrap(statistic, len(values), resamples, seed)
        if interval is not None and figures.get(name) is not None:
            intervals[name] = interval
    return AttributeScore(
        attribute.name, attribute.kind, len(values), agreed, intervals=intervals, **figures
    )


Statistic = Callable[[np.ndarray[Any, Any]], float | None]


def resampled_figures(
    attribute: Attribute, values: Sequence[tuple[Value, Value]]
) -> dict[str, Statistic]:
    """Each figure of :func:`attribute_score` as a function of a resample (an array of pair
    indices), on arrays built once: a thousand resamples of a thousand pairs take
    milliseconds per figure.  Alpha uses :func:`pair_alpha`, the package's coefficient in
    array form (tested equal)."""
    if attribute.kind == "set":
        counts = [_set_counts(g, s) for g, s in values]
        return _count_figures(counts)
    if not values:
        return {}
    first = [ABSENT if g is None else g for g, _ in values]
    second = [ABSENT if s is None else s for _, s in values]
    codes = {v: i for i, v in enumerate(sorted(set(first) | set(second), key=repr))}
    a = np.array([codes[v] for v in first])
    b = np.array([codes[v] for v in second])
    size = len(codes)

    def accuracy(sample: np.ndarray[Any, Any]) -> float | None:
        return float(np.mean(a[sample] == b[sample]))

    def kappa(sample: np.ndarray[Any, Any]) -> float | None:
        x, y = a[sample], b[sample]
        n = len(sample)
        expected = float(np.bincount(x, minlength=size) @ np.bincount(y, minlength=size)) / n**2
        if expected >= 1.0:
            return None
        return (float(np.mean(x == y)) - expected) / (1.0 - expected)

    def alpha(sample: np.ndarray[Any, Any]) -> float | None:
        return pair_alpha(a[sample], b[sample], size)

    found: dict[str, Statistic] = {"accuracy": accuracy, "kappa": kappa, "alpha": alpha}
    if attribute.kind == "ordinal":
        rank: dict[Hashable, int] = {v: i for i, v in enumerate(attribute.order)}
        ra = np.array([rank.get(g, -1) if g is not None else -1 for g, _ in values])
        rb = np.array([rank.get(s, -1) if s is not None else -1 for _, s in values])

        def alpha_ordinal(sample: np.ndarray[Any, Any]) -> float | None:
            x, y = ra[sample], rb[sample]
            both = (x >= 0) & (y >= 0)
            return pair_alpha(x[both], y[both], len(attribute.order), "ordinal")

        found["alpha_ordinal"] = alpha_ordinal
    return found


def _count_figures(counts: Sequence[Counts]) -> dict[str, Statistic]:
    tp = np.array([c.tp for c in counts])
    fp = np.array([c.fp for c in counts])
    fn = np.array([c.fn for c in counts])

    def summed(sample: np.ndarray[Any, Any]) -> Counts:
        return Counts(int(tp[sample].sum()), int(fp[sample].sum()), int(fn[sample].sum()))

    return {
        "precision": lambda sample: summed(sample).precision,
        "recall": lambda sample: summed(sample).recall,
        "f1": lambda sample: summed(sample).f1,
    }


def _figures(
    attribute: Attribute, values: Sequence[tuple[Value, Value]], only: str | None = None
) -> dict[str, Any]:
    if attribute.kind == "set":
        counts = total([_set_counts(g, s) for g, s in values])
        return {"precision": counts.precision, "recall": counts.recall, "f1": counts.f1}
    if not values:
        found: dict[str, Any] = {"accuracy": None, "kappa": None, "alpha": None}
        if attribute.kind == "ordinal":
            found["alpha_ordinal"] = None
        return found
    first = [ABSENT if g is None else g for g, _ in values]
    second = [ABSENT if s is None else s for _, s in values]
    wanted = {"accuracy", "kappa", "alpha"} | (
        {"alpha_ordinal"} if attribute.kind == "ordinal" else set()
    )
    if only is not None:
        wanted = {only}
    found = {}
    if "accuracy" in wanted:
        found["accuracy"] = sum(a == b for a, b in zip(first, second, strict=True)) / len(values)
    if "kappa" in wanted:
        found["kappa"] = cohen_kappa(first, second)
    if "alpha" in wanted:
        found["alpha"] = krippendorff_alpha([first, second])
    if "alpha_ordinal" in wanted:
        rows = [[g for g, _ in values], [s for _, s in values]]
        found["alpha_ordinal"] = krippendorff_alpha(rows, "ordinal", attribute.order)
    return found


def _set_counts(gold: Value, system: Value) -> Counts:
    gold_set = gold if isinstance(gold, frozenset) else frozenset()
    system_set = system if isinstance(system, frozenset) else frozenset()
    return Counts(
        len(gold_set & system_set), len(system_set - gold_set), len(gold_set - system_set)
    )


def attribute_scores(
    alignment: Alignment, gold: Annotation, system: Annotation, resamples: int, seed: int
) -> list[AttributeScore]:
    """Every attribute of :data:`ATTRIBUTES` scored on the matched pairs."""
    return [
        attribute_score(a, value_pairs(a, alignment, gold, system), resamples, seed)
        for a in ATTRIBUTES
    ]


def _spans(event: Event) -> list[EvidenceSpan]:
    return anchor_spans(event, "all")


def span_scores(alignment: Alignment, gold: Annotation, system: Annotation) -> dict[str, Counts]:
    """Spans of the matched pairs (trigger, quote, evidence): ``exact`` counts identical
    offsets, ``overlap`` counts code points."""
    gold_events = {e.id: e for e in gold.events}
    system_events = {e.id: e for e in system.events}
    exact, overlap = Counts(), Counts()
    for pair in alignment.pairs:
        gold_spans = _spans(gold_events[pair.gold_id])
        system_spans = _spans(system_events[pair.system_id])
        exact = exact + _set_counts(
            frozenset((s.start, s.end) for s in gold_spans),
            frozenset((s.start, s.end) for s in system_spans),
        )
        gold_points = covered((s.start, s.end) for s in gold_spans)
        system_points = covered((s.start, s.end) for s in system_spans)
        both = shared(gold_points, system_points)
        overlap = overlap + Counts(both, length(system_points) - both, length(gold_points) - both)
    return {"exact": exact, "overlap": overlap}
