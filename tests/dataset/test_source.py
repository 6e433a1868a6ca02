"""The hand annotation: text kept byte for byte, every span exact, the hard cases as decided."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents import Alert, Deployment, Statement
from newsevents.dataset import Dataset
from newsevents.tools.dataset_source import (
    CONTEXT_WIDTH,
    Source,
    SourceError,
    add_span_context,
    cameo_coding,
    iter_spans,
)

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seed" / "article.txt"
SEED_SHA256 = "1fac9181cac1eda682166ce2af5f0f34ad28f07acf3e5e46e269996f4e92df0c"
SOURCE_ARTICLE = ROOT / "datasets" / "military-posture-2022" / "source" / "article.txt"


def test_article_copies_are_the_seed_byte_for_byte(folder: Path) -> None:
    for path in (SOURCE_ARTICLE, folder / "article.txt"):
        data = path.read_bytes()
        assert hashlib.sha256(data).hexdigest() == SEED_SHA256
        assert len(data) == 2232
        assert len(data.decode("utf-8")) == 2216
        assert b"Kirbysaid" in data and b"BidenThe" in data


@pytest.mark.skipif(not SEED.exists(), reason="shared/seed is beside the repository only in CI")
def test_article_equals_the_shared_seed(folder: Path) -> None:
    assert SOURCE_ARTICLE.read_bytes() == SEED.read_bytes()
    assert (folder / "article.txt").read_bytes() == SEED.read_bytes()


def test_document_text_is_the_article(shipped: Dataset, folder: Path) -> None:
    (document,) = shipped.documents
    assert document.text.encode("utf-8") == (folder / "article.txt").read_bytes()


def test_every_span_selects_its_exact_text(shipped: Dataset) -> None:
    (document,) = shipped.documents
    text = document.text
    spans = [s for r in (document, *shipped.actors, *shipped.events) for s in iter_spans(r)]
    assert len(spans) > 100
    for span in spans:
        assert text[span.start : span.end] == span.exact
        assert span.prefix is None or text[: span.start].endswith(span.prefix)
        assert span.suffix is None or text[span.end :].startswith(span.suffix)
        assert len(span.prefix or "") == min(CONTEXT_WIDTH, span.start)


def test_publication_date_is_inferred_with_its_basis(shipped: Dataset) -> None:
    (document,) = shipped.documents
    assert document.publication is not None
    assert document.publication.status == "inferred"
    assert document.publication.date.isoformat() == "2022-01-24"
    assert document.publication.date.strftime("%A") == "Monday"
    assert "never states its date" in (document.publication.basis or "")
    assert document.publication.evidence is not None
    assert document.publication.evidence.exact == "Monday"


ANNOTATED = {
    "1.0.0": ("ne-annotator-1", "1.0.0", "2026-11-25T12:00:00+00:00"),
    "1.1.0": ("ne-adjudicator", "1.1.0", "2026-12-01T19:00:00+00:00"),
}
"""Who made each version, under which guidelines, when: 1.0.0 stays as annotator-1 made it."""


def test_provenance_is_by_hand_under_its_guidelines(shipped: Dataset) -> None:
    for event in shipped.events:
        assert event.provenance.method == "by_hand"
        made = (
            event.provenance.annotator,
            event.provenance.guideline_version,
            event.provenance.annotated_at.isoformat(),
        )
        assert made == ANNOTATED[shipped.version]


def test_the_newest_version_follows_the_current_codebook(newest: Dataset) -> None:
    codebook = (ROOT / "docs" / "codebook.md").read_text(encoding="utf-8")
    match = re.search(r"^Version: (\d+\.\d+\.\d+)$", codebook, re.MULTILINE)
    assert match is not None
    assert {e.provenance.guideline_version for e in newest.events} == {match.group(1)}
    for _, guidelines, _ in ANNOTATED.values():  # the codebook says what each version was
        assert f"**{guidelines}**" in codebook


def test_every_reference_resolves(shipped: Dataset) -> None:
    actor_ids = {a.id for a in shipped.actors}
    event_ids = {e.id for e in shipped.events}
    for event in shipped.events:
        assert {p.actor_id for p in event.participants} <= actor_ids
        assert {link.event_id for link in event.links} <= event_ids - {event.id}
        if isinstance(event, Statement):
            assert set(event.reports) <= event_ids - {event.id}
        condition = event.factuality.condition
        if condition is not None and condition.event_id is not None:
            assert condition.event_id in event_ids


def _event(shipped: Dataset, event_id: str) -> Alert | Deployment | Statement:
    (found,) = [e for e in shipped.events if e.id == event_id]
    return found


def test_the_negated_deployment_to_ukraine(shipped: Dataset) -> None:
    event = _event(shipped, "ev-dep-03")
    assert isinstance(event, Deployment)
    assert event.factuality.polarity == "negative"
    assert event.status == "not_planned"
    assert event.destination is not None and event.destination.country_code == "UKR"
    assert "negation" in event.factuality.plover_special_contexts


def test_the_conditional_deployments_name_nato_activation(shipped: Dataset) -> None:
    for event_id in ("ev-dep-01", "ev-dep-02"):
        event = _event(shipped, event_id)
        assert event.factuality.modality == "conditional"
        assert event.factuality.condition is not None
        assert event.factuality.condition.event_id == "ev-alert-02"
        assert event.factuality.certainty == "possible"
    assert _event(shipped, "ev-alert-02").factuality.modality == "possible"


def test_could_not_rule_out_is_a_possibility_not_a_negation(shipped: Dataset) -> None:
    event = _event(shipped, "ev-dep-04")
    assert isinstance(event, Deployment)
    assert (event.factuality.polarity, event.factuality.modality) == ("positive", "possible")
    assert event.status == "considered"


def test_the_alert_keeps_its_decision_chain_and_readiness(shipped: Dataset) -> None:
    alert = _event(shipped, "ev-alert-01")
    assert isinstance(alert, Alert)
    assert alert.cameo is not None and alert.cameo.code == "152"
    assert alert.authorized_by == ["actor-biden"]
    assert alert.ordered_by == ["actor-austin"]
    assert alert.actors_in_role("recommender") == ["actor-austin"]
    assert alert.readiness is not None
    assert (alert.readiness.before, alert.readiness.after) == ("P10D", "P5D")
    assert alert.force.size is not None and alert.force.size.value == 8500
    assert alert.force.size.approximate


def test_statements_have_one_speaker_and_quotes_where_quoted(shipped: Dataset) -> None:
    statements = [e for e in shipped.events if isinstance(e, Statement)]
    assert len(statements) == 12
    for statement in statements:
        assert len(statement.actors_in_role("speaker")) == 1
        assert (statement.quote is None) == (statement.speech == "reported_speech")
    reported = {e for s in statements for e in s.reports}
    unreported = {e.id for e in shipped.events if not isinstance(e, Statement)} - reported
    assert unreported == {"ev-dep-06"}


def test_cameo_codes_fit_each_event_type(shipped: Dataset) -> None:
    for event in shipped.events:
        assert event.cameo is not None
        if isinstance(event, Alert):
            assert event.cameo.root == "15"
        if isinstance(event, Statement):
            assert event.cameo.root in {"01", "02", "03", "04", "05", "10", "11", "12", "13"}


def test_every_record_explains_non_obvious_choices(shipped: Dataset) -> None:
    assert all(event.notes for event in shipped.events)


def test_a_span_off_its_text_is_refused() -> None:
    with pytest.raises(SourceError, match="not 'Pentagon'"):
        add_span_context({"start": 0, "end": 8, "exact": "Pentagon"}, "Washington", "here")


def test_an_unknown_cameo_code_is_refused() -> None:
    with pytest.raises(SourceError):
        cameo_coding("999")


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=120), st.data())
def test_span_context_is_the_text_around_the_span(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    span = add_span_context({"start": start, "end": end, "exact": text[start:end]}, text)
    prefix, suffix = span.get("prefix", ""), span.get("suffix", "")
    assert text[start - len(prefix) : end + len(suffix)] == prefix + span["exact"] + suffix
    assert len(prefix) == min(CONTEXT_WIDTH, start)
    assert len(suffix) == min(CONTEXT_WIDTH, len(text) - end)


def test_the_source_expands_to_the_shipped_records(source: Source, shipped: Dataset) -> None:
    assert source.document == shipped.documents[0]
    assert source.actors == shipped.actors
    assert source.events == shipped.events
