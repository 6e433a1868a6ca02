"""newsevents.testing: spans anchored where asked, coherent datasets, helpers that hold."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from newsevents.codebooks import cameo_code, expected_goldstein, expected_quad_class
from newsevents.models import RECORD_ADAPTER, CameoCoding, Document, EvidenceSpan, Statement
from newsevents.testing import (
    Broken,
    Dataset,
    Scope,
    broken_records,
    cameo_codings,
    consistent_records,
    datasets_strategy,
    document_texts,
    errors_of,
    events,
    json_records,
    plover_codings,
    spans_in,
    statements,
    to_json,
)


@settings(deadline=None)
@given(st.data())
def test_spans_in_select_their_exact_text(data: st.DataObject) -> None:
    text = data.draw(document_texts())
    span = data.draw(spans_in(text))
    assert span.select(text) == span.exact
    if span.prefix is not None:
        assert text[: span.start].endswith(span.prefix)
    if span.suffix is not None:
        assert text[span.end :].startswith(span.suffix)


def test_spans_in_needs_some_text() -> None:
    with pytest.raises(ValueError, match="non-empty"):
        spans_in("")


@settings(deadline=None)
@given(cameo_codings())
def test_cameo_codings_agree_with_the_codebook(coding: CameoCoding) -> None:
    entry = cameo_code(coding.code)
    assert entry is not None and coding.root == entry.root
    assert coding.quad_class == expected_quad_class(entry, coding.quad_class_convention)
    table_value = expected_goldstein(entry, coding.goldstein_table)
    assert table_value is None or coding.goldstein == table_value


@settings(deadline=None)
@given(st.sampled_from(["152", "0861", "141", "010"]).flatmap(lambda c: plover_codings(c)))
def test_plover_codings_follow_a_given_cameo_code(coding: Any) -> None:
    assert coding.type in ("MOBILIZE", "PROTEST") or coding.type is not None


@settings(max_examples=40, deadline=None)
@given(statements(Scope(actor_ids=("actor-1",), event_ids=())))
def test_a_scope_limits_what_an_event_refers_to(statement: Statement) -> None:
    assert {p.actor_id for p in statement.participants} == {"actor-1"}
    assert statement.reports == [] and statement.links == []


def test_a_statement_without_actors_cannot_be_drawn() -> None:
    with pytest.raises(ValueError, match="speaker"):
        statements(Scope(actor_ids=()))


@settings(max_examples=30, deadline=None)
@given(events(Scope(actor_ids=())))
def test_events_without_actors_have_no_participants(event: Any) -> None:
    assert event.participants == [] and event.event_type != "statement"


def _spans(value: Any) -> list[EvidenceSpan]:
    if isinstance(value, EvidenceSpan):
        return [value]
    if isinstance(value, list):
        return [span for item in value for span in _spans(item)]
    if isinstance(value, BaseModel):
        return [span for name in type(value).model_fields for span in _spans(getattr(value, name))]
    return []


@settings(max_examples=40, deadline=None)
@given(datasets_strategy())
def test_a_generated_dataset_is_coherent(dataset: Dataset) -> None:
    documents = {d.id: d for d in dataset.documents}
    actors = {a.id for a in dataset.actors}
    ids = [r.id for r in dataset.records()]
    assert len(ids) == len(set(ids))
    for document in dataset.documents:
        assert all(s.select(document.text) == s.exact for s in _spans(document))
    for actor in dataset.actors:
        assert set(actor.member_of) <= actors - {actor.id}
    seen: dict[str, str] = {}
    for event in dataset.events:
        document = documents[event.document_id]
        assert all(s.select(document.text) == s.exact for s in _spans(event))
        assert {p.actor_id for p in event.participants} <= actors
        earlier = {i for i, d in seen.items() if d == event.document_id}
        referenced = [link.event_id for link in event.links]
        if isinstance(event, Statement):
            referenced += event.reports
        if event.factuality.condition and event.factuality.condition.event_id:
            referenced.append(event.factuality.condition.event_id)
        for part in ("force", "purpose"):
            value = getattr(event, part, None)
            if part == "force" and value is not None and value.actor_id is not None:
                assert value.actor_id in actors
            if part == "purpose" and value is not None and value.event_id is not None:
                referenced.append(value.event_id)
        assert set(referenced) <= earlier
        published = document.publication.date if document.publication else None
        if event.time and published and event.factuality.tense == "past":
            assert event.time.date <= published
            assert event.time.end_date is None or event.time.end_date <= published
        seen[event.id] = event.document_id


@settings(max_examples=20, deadline=None)
@given(consistent_records(max_documents=1, max_actors=2, max_events=2))
def test_consistent_records_are_valid_json_records(found: list[Any]) -> None:
    assert isinstance(found[0], Document)
    for record in found:
        assert errors_of(RECORD_ADAPTER, to_json(record)) == []


@settings(max_examples=40, deadline=None)
@given(json_records())
def test_json_records_are_canonical(record: dict[str, Any]) -> None:
    assert to_json(RECORD_ADAPTER.validate_python(record)) == record
    assert all(value is not None for value in record.values())


@settings(deadline=None)
@given(broken_records(codes={"NE714"}))
def test_broken_records_give_a_json_pointer(broken: Broken) -> None:
    assert broken.pointer == "/" + "/".join(str(p) for p in broken.loc)


def test_broken_records_refuse_unknown_codes() -> None:
    with pytest.raises(ValueError, match="no model rule"):
        broken_records(codes={"NE999"})
