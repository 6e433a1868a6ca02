"""The page model: facts with codebook labels, documents without text, spans that do not fit."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given, settings

from newsevents.testing import datasets_strategy
from newsevents.view import ViewError, build_page, render_html
from newsevents.view.facts import QUAD_CLASSES
from newsevents.view.html import SHOWN_NUL


def test_quad_class_names_come_from_the_model() -> None:
    assert QUAD_CLASSES == {
        1: "verbal cooperation",
        2: "material cooperation",
        3: "verbal conflict",
        4: "material conflict",
    }


def test_event_facts_name_codes_actors_and_links(shipped_records: list[Any]) -> None:
    page = build_page(shipped_records)
    entries = {entry.event.id: entry for entry in page.events}
    facts = {
        (section.title, row.label): row
        for section in entries["ev-alert-01"].facts
        for row in section.rows
    }
    assert facts["Coding", "CAMEO"].value == "152 Increase military alert status"
    assert facts["Coding", "root"].value.startswith("15 ")
    assert facts["Coding", "QuadClass"].value == "4 material conflict (gdelt)"
    assert facts["Coding", "Goldstein"].value == "-7.2 (gdelt table)"
    assert facts["Time", "precision"].value == "day"
    assert "Lloyd Austin" in facts["Participants", "orderer"].value
    assert any(title == "Other fields" and label.startswith("force") for title, label in facts)
    reported = [
        row
        for entry in page.events
        for section in entry.facts
        for row in section.rows
        if row.label == "reported by"
    ]
    assert reported and all(e.startswith("ev-stmt") for row in reported for e in row.events)


def test_records_may_be_dicts_or_a_loaded_dataset(shipped_records: list[Any]) -> None:
    import newsevents

    dicts = [r.model_dump(mode="json") for r in shipped_records]
    assert render_html(dicts) == render_html(shipped_records)
    assert newsevents.render_html(newsevents.load_dataset()) == render_html(shipped_records)


def test_a_document_without_text_shows_its_events_as_a_table(
    shipped_records: list[Any], open_page: Any
) -> None:
    records = [r.model_dump(mode="json", exclude_none=True) for r in shipped_records]
    document = records[0]
    for key in ("text", "sha256", "publication"):
        document.pop(key, None)
    document.update(schema_version="1.1.0", url="https://example.org/article")
    _drop_spans(document)
    events = [r for r in records if r["record_type"] == "event"]
    for event in events:
        _drop_spans(event)
        if event["event_type"] == "statement":
            event["speech"] = "reported_speech"
    page = build_page(records)
    assert page.documents[0].pieces is None and page.spans == {}
    opened = open_page(render_html(records))
    assert opened.errors == []
    rows = opened.page.locator("table.events-table tbody tr")
    assert rows.count() == len(events)
    rows.nth(0).locator("button.select").click()
    assert opened.page.is_visible(".details:not([hidden])")
    assert "CAMEO" in opened.page.inner_text(".details:not([hidden])")


def _drop_spans(value: Any) -> None:
    if isinstance(value, dict):
        for key in [k for k, v in value.items() if isinstance(v, dict) and "exact" in v]:
            del value[key]
        for key in [k for k, v in value.items() if isinstance(v, list)]:
            value[key] = [v for v in value[key] if not (isinstance(v, dict) and "exact" in v)]
        for item in value.values():
            _drop_spans(item)
    elif isinstance(value, list):
        for item in value:
            _drop_spans(item)


def test_a_span_that_does_not_select_its_text_is_refused(shipped_records: list[Any]) -> None:
    records = [r.model_dump(mode="json", exclude_none=True) for r in shipped_records]
    event = next(r for r in records if r.get("trigger"))
    event["trigger"]["start"] += 1
    event["trigger"]["end"] += 1
    with pytest.raises(ViewError, match="does not select"):
        build_page(records)


def test_events_without_their_document_record_are_listed_as_a_table(
    shipped_records: list[Any],
) -> None:
    events = [r for r in shipped_records if getattr(r, "record_type", "") == "event"]
    page = build_page(events[:3])
    [document] = page.documents
    assert document.document is None and document.pieces is None
    assert {e.event.id for e in document.events} == {e.id for e in events[:3]}
    html = render_html(events[:3])
    assert "No document record" in html and html.count("<tr") == 4


def test_the_docstring_examples_run() -> None:
    import doctest

    from newsevents.view import html

    result = doctest.testmod(html, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


class _Marks(HTMLParser):
    """Collects, per span id, the text of the highlighted elements covering it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: dict[str, str] = {}
        self.open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        spans = dict(attrs).get("data-spans")
        if tag == "mark" and spans:
            self.open = spans.split(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.open = None

    def handle_data(self, data: str) -> None:
        for span_id in self.open or ():
            self.texts[span_id] = self.texts.get(span_id, "") + data


@settings(max_examples=60)
@given(datasets_strategy(max_documents=2, max_actors=3, max_events=5))
def test_the_page_shows_every_span_of_any_valid_dataset(dataset: Any) -> None:
    page = build_page(dataset.records())
    parser = _Marks()
    parser.feed(render_html(dataset.records()))
    for span in page.spans.values():
        assert parser.texts[span.id] == span.exact.replace("\x00", SHOWN_NUL)
    shown = {span for entry in page.events for span in entry.spans}
    assert {span.id for span in shown} <= set(page.spans)
