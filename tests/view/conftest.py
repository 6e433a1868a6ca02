"""Fixtures of the view tests: records to show, and headless Chromium driven by Playwright.

The browser is Debian's chromium (``make test`` installs it); it is never downloaded, and the
tests fail, rather than skip, where it is missing.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def shipped_records() -> list[Any]:
    """The shipped dataset's records, typed."""
    import newsevents

    data = newsevents.load_dataset()
    return [*data.documents, *data.actors, *data.events]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Chromium for the whole session."""
    if not CHROMIUM.exists():
        found = shutil.which("chromium")
        pytest.fail(
            f"the browser tests need Debian's chromium at {CHROMIUM} (found: {found}); "
            "`make test` installs it (apt-get install chromium)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


class OpenPage:
    """A page loaded in the browser, with every console error, page error and request seen."""

    def __init__(self, browser: Any, html: str, tmp: Path, width: int, height: int) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        self.page.on("request", lambda request: self.requests.append(request.url))
        path = tmp / "view.html"
        path.write_text(html, encoding="utf-8")
        self.url = path.as_uri()
        self.page.goto(self.url)

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.errors.append(f"{message.type}: {message.text}")

    def data(self) -> dict[str, Any]:
        """The page's embedded data, as its script reads it."""
        return self.page.evaluate(  # type: ignore[no-any-return]
            "JSON.parse(document.getElementById('view-data').textContent)"
        )

    def span_texts(self) -> dict[str, str]:
        """Span id -> the text of the highlighted elements covering it, in document order."""
        return self.page.evaluate(  # type: ignore[no-any-return]
            """() => {
                const texts = {};
                for (const mark of document.querySelectorAll("mark.seg[data-spans]")) {
                    for (const id of mark.dataset.spans.split(" ")) {
                        texts[id] = (texts[id] || "") + mark.textContent;
                    }
                }
                return texts;
            }"""
        )

    def highlighted(self) -> set[str]:
        """Ids of the spans of every highlighted ("on") element."""
        found: list[str] = self.page.evaluate(
            "Array.from(document.querySelectorAll('mark.seg.on')).map(m => m.dataset.spans)"
        )
        return {span for spans in found for span in spans.split(" ")}

    def marks_on(self) -> list[str]:
        """The ``data-spans`` of every highlighted element."""
        return self.page.evaluate(  # type: ignore[no-any-return]
            "Array.from(document.querySelectorAll('mark.seg.on')).map(m => m.dataset.spans)"
        )

    def expanded(self) -> list[str]:
        """The keys of the selected (expanded) buttons."""
        return self.page.evaluate(  # type: ignore[no-any-return]
            "Array.from(document.querySelectorAll('button.select[aria-expanded=true]'))"
            ".map(b => b.dataset.select)"
        )

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def open_page(browser: Any, tmp_path: Path) -> Iterator[Any]:
    """Open HTML in a fresh browser context: ``open_page(html, width=1280, height=900)``."""
    opened: list[OpenPage] = []

    def open_(html: str, width: int = 1280, height: int = 900) -> OpenPage:
        folder = tmp_path / str(len(opened))
        folder.mkdir()
        page = OpenPage(browser, html, folder, width, height)
        opened.append(page)
        return page

    yield open_
    for page in opened:
        page.close()


HOSTILE = (
    "<script>window.__pwned = 1</script>",
    '"><img src=x onerror="window.__pwned = 1">',
    "javascript:window.__pwned=1",
    "\u202eevil\u202c reversed",
    "</script><script>window.__pwned = 1</script>",
    "'><svg/onload=window.__pwned=1>",
    'https://example.org/"><svg/onload=window.__pwned=1>',
    "{{ 7 * 7 }} &amp; &lt;b&gt; \u2028\u2029 <!-- -->",
)
"""Strings that would inject markup or run script if a view did not escape them."""


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))
    elif isinstance(value, str):
        yield path


def _set(record: Any, path: tuple[Any, ...], value: Any) -> None:
    for key in path[:-1]:
        record = record[key]
    record[path[-1]] = value


def _get(record: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        record = record[key]
    return record


def _hostile_records() -> list[dict[str, Any]]:
    """The shipped records with a hostile string in every text field a record accepts one in.

    Each document's text gets the hostile strings appended (its spans stay valid), and the
    first event of each document gets an evidence span on each of them, so hostile text is
    highlighted too; every other string field takes a hostile string wherever the record
    stays valid (ids, codes and dates refuse them).
    """
    import newsevents
    from newsevents import parse_record, text_sha256

    data = newsevents.load_dataset()
    records = [r.model_dump(mode="json", exclude_none=True) for r in data.documents]
    records += [r.model_dump(mode="json", exclude_none=True) for r in data.actors]
    records += [r.model_dump(mode="json", exclude_none=True) for r in data.events]
    extra: dict[str, list[dict[str, Any]]] = {}
    for document in records[: len(data.documents)]:
        start = len(document["text"]) + 2
        document["text"] += "\n\n"
        spans = []
        for text in HOSTILE:
            spans.append({"start": start, "end": start + len(text), "exact": text})
            document["text"] += text + " "
            start += len(text) + 1
        document["sha256"] = text_sha256(document["text"])
        extra[document["id"]] = spans
    count = 0
    for record in records:
        for path in list(_leaves(record)):
            if path[-1] in ("exact", "text", "sha256", "prefix", "suffix"):
                continue
            before = _get(record, path)
            _set(record, path, HOSTILE[count % len(HOSTILE)])
            try:
                parse_record(record)
            except ValueError:
                _set(record, path, before)
            else:
                count += 1
    for record in records:
        spans = extra.pop(record.get("document_id", ""), None)
        if spans is not None:
            record.setdefault("evidence", []).extend(spans)
    assert count > 50, count
    return records


@pytest.fixture(scope="session")
def hostile_records() -> list[dict[str, Any]]:
    """The shipped records with a hostile string in every text field (see above)."""
    return _hostile_records()


@pytest.fixture(scope="session")
def hostile_strings() -> tuple[str, ...]:
    """The hostile strings."""
    return HOSTILE
