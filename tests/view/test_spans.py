"""Spans found by walking the models, and the text cut at every span boundary."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.testing import datasets_strategy, document_texts, evidence_spans
from newsevents.view.spans import ROLES, Span, segments, spans_of


def _json_spans(value: Any) -> int:
    """Count the span objects in a record's JSON form."""
    if isinstance(value, dict):
        own = 1 if {"start", "end", "exact"} <= value.keys() else 0
        return own + sum(_json_spans(v) for v in value.values())
    if isinstance(value, list):
        return sum(_json_spans(v) for v in value)
    return 0


@st.composite
def texts_with_spans(draw: st.DrawFn) -> tuple[str, list[Span]]:
    text = draw(document_texts())
    drawn = draw(st.lists(evidence_spans(text), max_size=12))
    spans = [
        Span(f"s{i}", "owner", f"/evidence/{i}", "evidence", s.start, s.end, s.exact)
        for i, s in enumerate(drawn)
    ]
    return text, spans


@settings(max_examples=200)
@given(texts_with_spans())
def test_pieces_give_back_the_text_and_every_span(drawn: tuple[str, list[Span]]) -> None:
    text, spans = drawn
    pieces = segments(len(text), spans)
    assert "".join(text[p.start : p.end] for p in pieces) == text
    assert all(p.start < p.end for p in pieces)
    for span in spans:
        covered = "".join(text[p.start : p.end] for p in pieces if span.id in p.span_ids)
        assert covered == span.exact
    for left, right in pairwise(pieces):
        assert left.end == right.start
    # a piece is covered by exactly the spans that contain it
    for piece in pieces:
        inside = {s.id for s in spans if s.start <= piece.start and piece.end <= s.end}
        assert set(piece.span_ids) == inside


def test_nested_and_overlapping_spans_are_cut_where_they_start_and_end() -> None:
    text = "the possible deployment to Europe"
    spans = [
        Span("a", "e1", "/evidence/0", "evidence", 4, 33, text[4:33]),
        Span("b", "e1", "/trigger", "trigger", 13, 23, "deployment"),
        Span("c", "e2", "/evidence/0", "evidence", 20, 33, text[20:33]),
    ]
    pieces = [(text[p.start : p.end], p.span_ids) for p in segments(len(text), spans)]
    assert pieces == [
        ("the ", ()),
        ("possible ", ("a",)),
        ("deploym", ("b", "a")),  # the trigger is drawn first: its role is the most specific
        ("ent", ("b", "c", "a")),
        (" to Europe", ("c", "a")),
    ]


@settings(max_examples=30)
@given(datasets_strategy(max_documents=1, max_actors=2, max_events=4))
def test_every_span_of_a_record_is_found(dataset: Any) -> None:
    for record in dataset.records():
        found = list(spans_of(record))
        assert len(found) == _json_spans(record.model_dump(mode="json"))
        assert {role for _, role, _ in found} <= {role.name for role in ROLES}


def test_roles_come_from_the_field_or_the_model_holding_the_span(
    shipped_records: list[Any],
) -> None:
    roles: dict[str, str] = {}
    for record in shipped_records:
        for pointer, role, _ in spans_of(record):
            roles.setdefault(pointer.split("/", 2)[1] + ":" + role, pointer)
    assert "trigger:trigger" in roles
    assert "quote:quote" in roles
    assert "participants:mention" in roles
    assert "factuality:condition" in roles
    assert "force:quantity" in roles or "force:force" in roles
    assert "evidence:evidence" in roles
