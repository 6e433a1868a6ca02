"""The HTML view in a real browser: headless Chromium, driven by Playwright."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings

from newsevents import text_sha256
from newsevents.testing import datasets_strategy
from newsevents.view import render_html
from newsevents.view.html import SHOWN_NUL


def assert_loaded_cleanly(page: Any) -> None:
    """No console or page error, and no request but the file itself."""
    assert page.errors == []
    assert [url for url in page.requests if url != page.url] == []


def assert_spans_shown(page: Any, with_text: bool = True) -> None:
    """Every span's highlighted elements read its exact text."""
    data = page.data()
    texts = page.span_texts()
    for span_id, span in data["spans"].items():
        assert texts.get(span_id) == span["exact"].replace("\x00", SHOWN_NUL), span


def assert_selection_exact(page: Any) -> None:
    """Selecting each event highlights exactly the elements of its spans, and shows its fields."""
    data = page.data()
    for key, item in data["selectable"].items():
        page.page.click(f'button.select[data-select="{key}"]')
        assert page.expanded() == [key]
        own = set(item["spans"])
        marks = page.marks_on()
        assert all(own & set(spans.split(" ")) for spans in marks), key
        assert own <= page.highlighted(), key
        assert page.page.is_visible(f"#details-{key}")
        page.page.keyboard.press("Escape")
        assert page.marks_on() == []


def test_shipped_dataset_loads_shows_every_span_and_selects_each_event(
    open_page: Any, shipped_records: list[Any]
) -> None:
    page = open_page(render_html(shipped_records))
    assert_loaded_cleanly(page)
    data = page.data()
    assert len(data["spans"]) > 100
    assert_spans_shown(page)
    assert_selection_exact(page)
    assert_loaded_cleanly(page)


def test_selected_event_shows_codebook_labels(open_page: Any, shipped_records: list[Any]) -> None:
    page = open_page(render_html(shipped_records))
    page.page.click("button.select.event >> nth=0")
    details = page.page.inner_text(".details:not([hidden])")
    assert "152 Increase military alert status" in details
    assert "15 " in details and "material conflict" in details and "-7.2" in details
    assert "orderer" in details and "Lloyd Austin" in details


def test_clicking_highlighted_text_selects_its_event(
    open_page: Any, shipped_records: list[Any]
) -> None:
    page = open_page(render_html(shipped_records))
    page.page.click("article mark.seg.r-trigger >> nth=0")
    [key] = page.expanded()
    assert page.data()["selectable"][key]["kind"] == "event"


def test_links_between_events_select_the_other_event(
    open_page: Any, shipped_records: list[Any]
) -> None:
    page = open_page(render_html(shipped_records))
    statement = page.page.locator("button.select.event", has_text="statement").first
    statement.click()
    link = page.page.locator(".details:not([hidden]) button.link").first
    target = link.get_attribute("data-select")
    link.click()
    assert page.expanded() == [target]


def test_keyboard_moves_through_the_events(open_page: Any, shipped_records: list[Any]) -> None:
    page = open_page(render_html(shipped_records))
    buttons = page.page.locator("section.document button.select.event")
    keys = [buttons.nth(i).get_attribute("data-select") for i in range(buttons.count())]
    buttons.first.focus()
    page.page.keyboard.press("Enter")
    assert page.expanded() == [keys[0]]
    page.page.keyboard.press("ArrowDown")
    assert page.expanded() == [keys[1]]
    assert page.page.evaluate("document.activeElement.dataset.select") == keys[1]
    page.page.keyboard.press("End")
    assert page.expanded() == [keys[-1]]
    page.page.keyboard.press("ArrowUp")
    assert page.expanded() == [keys[-2]]
    page.page.keyboard.press("Home")
    assert page.expanded() == [keys[0]]
    page.page.keyboard.press("Escape")
    assert page.expanded() == []
    page.page.keyboard.press("Tab")
    assert page.page.evaluate("document.activeElement.tagName") == "BUTTON"


def test_actors_select_their_mentions(open_page: Any, shipped_records: list[Any]) -> None:
    page = open_page(render_html(shipped_records))
    data = page.data()
    actors = {k: v for k, v in data["selectable"].items() if v["kind"] == "actor"}
    assert len(actors) == 20
    kirby = next(k for k, v in actors.items() if v["id"] == "actor-kirby")
    page.page.click(f'button.select[data-select="{kirby}"]')
    assert page.highlighted() >= set(actors[kirby]["spans"])
    assert {data["spans"][s]["exact"] for s in actors[kirby]["spans"]} >= {"Kirby"}


def test_phone_width_is_usable(open_page: Any, shipped_records: list[Any]) -> None:
    page = open_page(render_html(shipped_records), width=375, height=740)
    assert_loaded_cleanly(page)
    assert page.page.evaluate("document.documentElement.scrollWidth") <= 375
    button = page.page.locator("button.select.event").nth(3)
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert box["height"] >= 32  # a finger can hit it
    button.click()
    details = page.page.locator(".details:not([hidden])")
    assert details.is_visible()
    details_box = details.bounding_box()
    assert details_box is not None and details_box["x"] + details_box["width"] <= 375
    assert page.page.evaluate("document.documentElement.scrollWidth") <= 375


@settings(max_examples=6, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(dataset=datasets_strategy(max_documents=2, max_actors=3, max_events=4))
def test_any_valid_dataset_shows_every_span_and_selects_each_event(
    open_page: Any, dataset: Any
) -> None:
    page = open_page(render_html(dataset.records()))
    assert_loaded_cleanly(page)
    assert_spans_shown(page)
    assert_selection_exact(page)


def test_carriage_returns_and_nul_survive_the_html_parser(open_page: Any) -> None:
    text = "On alert\r\nnow\rtroops\x00 here"
    records = [
        {
            "record_type": "document",
            "schema_version": "1.0.0",
            "id": "doc-1",
            "text": text,
            "sha256": text_sha256(text),
            "language": "en",
            "is_translation": False,
        },
        {
            "record_type": "event",
            "schema_version": "1.0.0",
            "event_type": "alert",
            "id": "ev-1",
            "document_id": "doc-1",
            "factuality": {"polarity": "positive", "modality": "asserted", "tense": "present"},
            "trigger": {"start": 3, "end": 12, "exact": text[3:12]},
            "evidence": [{"start": 10, "end": 20, "exact": text[10:20]}],
            "force": {"description": "troops"},
            "provenance": {
                "annotator": "a",
                "method": "by_hand",
                "guideline_version": "1.0.0",
                "annotated_at": "2026-01-01T00:00:00Z",
            },
        },
    ]
    page = open_page(render_html(records))
    assert_loaded_cleanly(page)
    assert_spans_shown(page)
    shown = page.page.evaluate("document.querySelector('article.text').textContent")
    assert shown == text.replace("\x00", SHOWN_NUL)
