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
