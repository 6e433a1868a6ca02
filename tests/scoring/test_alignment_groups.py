"""The assignment runs on groups of events whose spans overlap: the same optimum as one
matrix over a document's every event, with memory that grows with the groups only."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsevents
from newsevents.models import EvidenceSpan
from newsevents.scoring import Annotation, alignment
from newsevents.scoring.alignment import (
    MATCH_RULES,
    actor_similarity,
    align_actors,
    assign,
    best_assignment,
    similarity,
)
from newsevents.scoring.spans import overlapping

_TEMPLATE = next(e for e in newsevents.load_dataset().events if e.trigger is not None)


def _events(spans: list[tuple[int, int]], prefix: str) -> list[Any]:
    return [
        _TEMPLATE.model_copy(
            update={
                "id": f"{prefix}-{n}",
                "trigger": EvidenceSpan(start=start, end=end, exact="x" * (end - start)),
            }
        )
        for n, (start, end) in enumerate(spans)
    ]


_SPANS = st.lists(
    st.tuples(st.integers(0, 40), st.integers(1, 6)).map(lambda p: (p[0], p[0] + p[1])),
    min_size=1,
    max_size=7,
)


@settings(max_examples=40, deadline=None)
@given(gold=_SPANS, system=_SPANS)
def test_groups_give_the_optimum_of_the_whole_matrix(
    gold: list[tuple[int, int]], system: list[tuple[int, int]]
) -> None:
    rule = MATCH_RULES["overlap"]
    gold_events, system_events = _events(gold, "g"), _events(system, "s")
    whole = np.array([[similarity(g, s, rule) for s in system_events] for g in gold_events])
    best = best_assignment(whole)
    found = assign(gold_events, system_events, rule)
    assert len(found) == len(best)
    assert sum(score for _, _, score in found) == pytest.approx(sum(whole[i, j] for i, j in best))
    assert all(score > 0 for _, _, score in found)
    assert len({i for i, _, _ in found}) == len({j for _, j, _ in found}) == len(found)


def test_a_long_document_is_assigned_event_by_event(monkeypatch: pytest.MonkeyPatch) -> None:
    # 2,000 events a side that overlap only their counterpart: before, one 2,000 x 2,000
    # matrix (and, at 20,000 events, gigabytes); now 2,000 matrices of one cell.
    shapes: list[tuple[int, ...]] = []

    def spy(weights: np.ndarray[Any, Any]) -> list[tuple[int, int]]:
        shapes.append(weights.shape)
        return best_assignment(weights)

    monkeypatch.setattr(alignment, "best_assignment", spy)
    spans = [(10 * n, 10 * n + 9) for n in range(2000)]
    found = assign(_events(spans, "g"), _events(spans, "s"), MATCH_RULES["overlap"])
    assert [(i, j) for i, j, _ in found] == [(n, n) for n in range(2000)]
    assert set(shapes) == {(1, 1)}


_INTERVALS = st.lists(
    st.tuples(st.integers(0, 30), st.integers(0, 6)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(first=_INTERVALS, second=_INTERVALS)
def test_the_sweep_finds_exactly_the_overlapping_pairs(
    first: list[tuple[int, int]], second: list[tuple[int, int]]
) -> None:
    found = list(
        overlapping([(*a, i) for i, a in enumerate(first)], [(*b, j) for j, b in enumerate(second)])
    )
    expected = {
        (i, j)
        for i, (a_start, a_end) in enumerate(first)
        for j, (b_start, b_end) in enumerate(second)
        if max(a_start, b_start) < min(a_end, b_end)
    }
    assert sorted(found) == sorted(expected)


_ACTORS = newsevents.load_dataset().actors
_VARIED = st.fixed_dictionaries(
    {
        "name": st.sampled_from(["Joe Biden", "the Pentagon", "NATO", "John Kirby", "Kirby"]),
        "canonical_name": st.sampled_from(["Joe Biden", "NATO", "John Kirby", "Jen Psaki"]),
        "wikidata_id": st.sampled_from([None, "Q1", "Q2"]),
        "cameo_code": st.sampled_from([None, "USAGOV", "USAMIL"]),
        "kind": st.sampled_from(["person", "organization"]),
    }
)


def _actors(drawn: list[dict[str, Any]], prefix: str) -> list[Any]:
    return [
        _ACTORS[n % len(_ACTORS)].model_copy(update={**fields, "id": f"{prefix}-{n}"})
        for n, fields in enumerate(drawn)
    ]


@settings(max_examples=40, deadline=None)
@given(
    gold=st.lists(_VARIED, min_size=1, max_size=6), system=st.lists(_VARIED, min_size=1, max_size=6)
)
def test_actors_are_aligned_as_by_the_whole_matrix(
    gold: list[dict[str, Any]], system: list[dict[str, Any]]
) -> None:
    gold_side = Annotation((), tuple(_actors(gold, "g")), ())
    system_side = Annotation((), tuple(_actors(system, "s")), ())
    whole = np.array(
        [[actor_similarity(g, s)[0] / 12.0 for s in system_side.actors] for g in gold_side.actors]
    )
    best = best_assignment(whole)
    found = align_actors(gold_side, system_side)
    index = {actor.id: n for n, actor in enumerate(gold_side.actors)}
    column = {actor.id: n for n, actor in enumerate(system_side.actors)}
    assert len(found) == len(best)
    total = sum(whole[index[p.gold_id], column[p.system_id]] for p in found)
    assert total == pytest.approx(sum(whole[i, j] for i, j in best))


def test_actors_are_compared_only_where_they_can_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    # A converted GDELT file holds thousands of actors: 3,000 a side took four minutes and
    # 1.4 GB comparing every pair; only actors sharing a name (here, each with its twin) are.
    compared: list[tuple[str, str]] = []
    real = alignment.actor_similarity

    def spy(gold: Any, system: Any, *mentions: Any) -> tuple[float, str]:
        compared.append((gold.id, system.id))
        return real(gold, system, *mentions)

    monkeypatch.setattr(alignment, "actor_similarity", spy)
    fields = [
        {"name": f"Actor {n}", "canonical_name": f"Actor {n}", "wikidata_id": None}
        for n in range(500)
    ]
    gold_side = Annotation((), tuple(_actors(fields, "g")), ())
    system_side = Annotation((), tuple(_actors(fields, "s")), ())
    found = align_actors(gold_side, system_side)
    assert [(p.gold_id, p.system_id) for p in found] == [(f"g-{n}", f"s-{n}") for n in range(500)]
    assert len(compared) == 500


def test_an_unknown_match_rule_is_a_value_error_naming_the_rules() -> None:
    with pytest.raises(ValueError, match="the rules are exact, overlap, evidence, untyped"):
        alignment.align([], [], match="fuzzy")
