"""Alignment properties: self-score, symmetry, removal, one attribute, span shift, optimality."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from newsevents.scoring import Annotation, align
from newsevents.scoring.alignment import anchor_spans, best_assignment
from newsevents.scoring.metrics import attribute_scores, detection
from newsevents.scoring.spans import covered, dice, length, shared
from newsevents.testing import Dataset, datasets_strategy

SMALL = settings(max_examples=8)


def _annotation(drawn: Dataset) -> Annotation:
    return Annotation(drawn.documents, drawn.actors, drawn.events)


def _alignable(drawn: Dataset) -> bool:
    """Every event has a span, and no two events of a type share their first span."""
    keys = []
    for event in drawn.events:
        spans = anchor_spans(event, "trigger")
        if not spans:
            return False
        keys.append((event.document_id, event.event_type_name, spans[0].start, spans[0].end))
    return len(set(keys)) == len(keys)


def _datasets() -> st.SearchStrategy[Dataset]:
    return datasets_strategy(max_documents=2, max_actors=3, max_events=5).filter(_alignable)


@SMALL
@given(_datasets())
def test_an_annotation_aligned_with_itself_is_perfect(drawn: Dataset) -> None:
    annotation = _annotation(drawn)
    alignment = align(annotation, annotation)
    assert not alignment.missed and not alignment.spurious
    assert all(p.gold_id == p.system_id and not p.disagreements for p in alignment.pairs)
    rows = detection(alignment, resamples=0, seed=0)
    if drawn.events:
        assert rows[-2].f1 == 1.0
    for score in attribute_scores(alignment, annotation, annotation, resamples=0, seed=0):
        assert score.agreed == score.pairs
        assert score.kappa in (1.0, None)
        assert score.alpha in (1.0, None)
        assert score.f1 in (1.0, None)


def _drop(drawn: Dataset, event_id: str) -> Annotation:
    kept = tuple(e for e in drawn.events if e.id != event_id)
    return Annotation(drawn.documents, drawn.actors, kept)


@SMALL
@given(_datasets(), st.data())
def test_precision_and_recall_swap_with_the_sides(drawn: Dataset, data: st.DataObject) -> None:
    assume(drawn.events)
    dropped = data.draw(st.sampled_from([e.id for e in drawn.events]))
    full, partial = _annotation(drawn), _drop(drawn, dropped)
    forward = detection(align(full, partial), 0, 0)[-2]
    backward = detection(align(partial, full), 0, 0)[-2]
    assert forward.precision == backward.recall
    assert forward.recall == backward.precision
    assert forward.f1 == backward.f1


@SMALL
@given(_datasets(), st.data())
def test_removing_one_matched_event_lowers_recall_by_one_in_n(
    drawn: Dataset, data: st.DataObject
) -> None:
    assume(drawn.events)
    dropped = data.draw(st.sampled_from([e.id for e in drawn.events]))
    n = len(drawn.events)
    row = detection(align(_annotation(drawn), _drop(drawn, dropped)), 0, 0)[-2]
    assert row.recall is not None
    assert abs(row.recall - (1.0 - 1.0 / n)) < 1e-12
    assert row.precision in (1.0, None)


_CHANGES = {
    "factuality.genericity": (
        "factuality",
        "genericity",
        {"specific": "generic", "generic": "specific"},
    ),
    "factuality.polarity": (
        "factuality",
        "polarity",
        {"positive": "negative", "negative": "positive"},
    ),
}


@SMALL
@given(_datasets(), st.sampled_from(sorted(_CHANGES)), st.data())
def test_changing_one_attribute_changes_only_its_figures(
    drawn: Dataset, name: str, data: st.DataObject
) -> None:
    assume(drawn.events)
    index = data.draw(st.integers(0, len(drawn.events) - 1))
    part, field, flip = _CHANGES[name]
    event = drawn.events[index]
    changed_part = getattr(event, part).model_copy(
        update={field: flip[getattr(getattr(event, part), field)]}
    )
    events = list(drawn.events)
    events[index] = event.model_copy(update={part: changed_part})
    gold = _annotation(drawn)
    system = Annotation(drawn.documents, drawn.actors, tuple(events))
    alignment = align(gold, system)
    (pair,) = [p for p in alignment.pairs if p.disagreements]
    assert [d.attribute for d in pair.disagreements] == [name]
    before = {s.name: s for s in attribute_scores(align(gold, gold), gold, gold, 0, 0)}
    after = {s.name: s for s in attribute_scores(alignment, gold, system, 0, 0)}
    assert {n for n in before if before[n] != after[n]} == {name}
    assert after[name].agreed == before[name].agreed - 1


@SMALL
@given(_datasets(), st.data())
def test_shifting_a_span_away_turns_a_match_into_a_miss_and_a_false_alarm(
    drawn: Dataset, data: st.DataObject
) -> None:
    assume(drawn.events)
    index = data.draw(st.integers(0, len(drawn.events) - 1))
    event = drawn.events[index]
    far = max(len(d.text or "") for d in drawn.documents) + 10
    (span,) = anchor_spans(event, "trigger")
    moved = span.model_copy(update={"start": far, "end": far + 3})
    update = {"trigger": moved} if event.trigger is not None else {}
    if event.trigger is None and getattr(event, "quote", None) is not None:
        update = {"quote": moved}
    elif event.trigger is None:
        update = {"evidence": [moved, *event.evidence[1:]]}
    events = list(drawn.events)
    events[index] = event.model_copy(update=update)
    gold = _annotation(drawn)
    alignment = align(gold, Annotation(drawn.documents, drawn.actors, tuple(events)))
    assert len(alignment.pairs) == len(drawn.events) - 1
    assert [u.event_id for u in alignment.missed] == [event.id]
    assert [u.event_id for u in alignment.spurious] == [event.id]


def _brute_force(weights: np.ndarray) -> tuple[int, float]:
    rows, columns = weights.shape
    best = (0, 0.0)
    for size in range(min(rows, columns) + 1):
        for chosen in itertools.permutations(range(columns), size):
            for picked in itertools.combinations(range(rows), size):
                values = [weights[i, j] for i, j in zip(picked, chosen, strict=True)]
                if all(v > 0 for v in values):
                    best = max(best, (size, float(sum(values))))
    return best


@settings(max_examples=200)
@given(
    st.integers(1, 4).flatmap(
        lambda rows: st.integers(1, 4).flatmap(
            lambda columns: st.lists(
                st.lists(
                    st.sampled_from([0.0, 0.0, 0.25, 0.5, 0.8, 1.0]),
                    min_size=columns,
                    max_size=columns,
                ),
                min_size=rows,
                max_size=rows,
            )
        )
    )
)
def test_the_assignment_is_optimal_against_brute_force(matrix: list[list[float]]) -> None:
    weights = np.array(matrix)
    chosen = best_assignment(weights)
    assert len({i for i, _ in chosen}) == len(chosen) == len({j for _, j in chosen})
    count, total = _brute_force(weights)
    assert len(chosen) == count
    assert abs(sum(weights[i, j] for i, j in chosen) - total) < 1e-9


@settings(max_examples=200)
@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=4),
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=4),
)
def test_interval_coverage_counts_code_points_as_sets_do(
    first: list[tuple[int, int]], second: list[tuple[int, int]]
) -> None:
    points_a = {i for s, e in first for i in range(s, e)}
    points_b = {i for s, e in second for i in range(s, e)}
    a, b = covered(first), covered(second)
    assert length(a) == len(points_a)
    assert shared(a, b) == len(points_a & points_b)
    expected = (
        2 * len(points_a & points_b) / (len(points_a) + len(points_b))
        if (points_a and points_b)
        else 0.0
    )
    assert dice(a, b) == pytest.approx(expected)
