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
from newsevents.scoring import alignment
from newsevents.scoring.alignment import MATCH_RULES, assign, best_assignment, similarity

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
