"""Hostile strings in every text field: escaped by the template engine, inert in the browser."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.view import render_html
from newsevents.view.html import script_json


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_hostile_strings_are_escaped_in_the_html(hostile_records: list[Any]) -> None:
    html = render_html(hostile_records)
    tags = _tags(html)
    assert [tag for tag, _ in tags if tag in ("img", "svg", "iframe", "object", "embed")] == []
    assert [tag for tag, _ in tags].count("script") == 2
    assert not any(name.startswith("on") for _, attrs in tags for name in attrs)
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "{{ 7 * 7 }}" in html  # the template engine does not evaluate data


def test_the_page_is_self_contained(shipped_records: list[Any]) -> None:
    tags = _tags(render_html(shipped_records))
    for tag, attrs in tags:
        assert tag not in ("link", "img", "iframe", "base"), tag
        assert "src" not in attrs, tag
        href = attrs.get("href")
        assert href is None or href.startswith("#"), href
    policy = next(a["content"] for t, a in tags if a.get("http-equiv") == "Content-Security-Policy")
    assert policy is not None and "default-src 'none'" in policy


@settings(max_examples=300)
@given(
    st.recursive(
        st.text() | st.integers() | st.none(), lambda c: st.lists(c) | st.dictionaries(st.text(), c)
    )
)
def test_script_data_cannot_close_its_script_element(data: Any) -> None:
    text = script_json(data)
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text) == data


def test_hostile_strings_inject_nothing_and_run_nothing(
    open_page: Any, hostile_records: list[Any], hostile_strings: tuple[str, ...]
) -> None:
    page = open_page(render_html(hostile_records))
    _assert_inert(page)
    data = page.data()
    for key in data["selectable"]:
        page.page.click(f'button.select[data-select="{key}"]')
    _assert_inert(page)
    text = page.page.inner_text("body")
    for hostile in hostile_strings[:3]:
        assert hostile in text  # shown as text, not dropped
    texts = page.span_texts()
    for span_id, span in data["spans"].items():
        assert texts[span_id] == span["exact"]


def _assert_inert(page: Any) -> None:
    assert page.errors == []
    assert page.page.evaluate("window.__pwned") is None
    counts = page.page.evaluate(
        """() => ({
            script: document.querySelectorAll("script").length,
            injected: document.querySelectorAll("img, svg, iframe, object, embed, base").length,
            handlers: Array.from(document.querySelectorAll("*")).filter(
                e => Array.from(e.attributes).some(a => a.name.startsWith("on"))).length,
            links: Array.from(document.querySelectorAll("a[href]")).filter(
                a => !a.getAttribute("href").startsWith("#")).length,
        })"""
    )
    assert counts == {"script": 2, "injected": 0, "handlers": 0, "links": 0}
    # a right-to-left override cannot reorder text outside the element that holds it
    leaks = page.page.evaluate(
        """() => {
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const leaks = [];
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (node.parentElement.tagName === "SCRIPT") continue;
                if (!node.data.includes("\\u202e")) continue;
                let element = node.parentElement, isolated = false;
                for (; element && element !== document.body; element = element.parentElement) {
                    const bidi = getComputedStyle(element).unicodeBidi;
                    if (bidi === "isolate" || bidi === "plaintext" || element.tagName === "BDI") {
                        isolated = true;
                        break;
                    }
                }
                if (!isolated) leaks.push(node.parentElement.outerHTML.slice(0, 120));
            }
            return leaks;
        }"""
    )
    assert leaks == []
