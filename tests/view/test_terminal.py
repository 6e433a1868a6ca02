"""The terminal view on any valid dataset: every span's text shown, no control character sent."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings

from newsevents.testing import datasets_strategy
from newsevents.view import build_page
from newsevents.view.terminal import render_terminal

_SENT_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@settings(max_examples=25)
@given(datasets_strategy(max_documents=2, max_actors=3, max_events=4))
def test_every_span_is_listed_and_no_control_character_reaches_the_terminal(
    dataset: Any,
) -> None:
    plain = render_terminal(dataset.records(), width=80, colour=False)
    coloured = render_terminal(dataset.records(), width=80, colour=True)
    assert not _SENT_CONTROLS.search(plain)
    assert not _SENT_CONTROLS.search(_SGR.sub("", coloured))
    page = build_page(dataset.records())
    for entry in page.events:
        assert re.search(rf"\s{re.escape(entry.event.id)}\s", plain)
        for span in entry.spans:
            assert re.search(rf"{span.role} {span.start}-{span.end}\s", plain)


_SGR = re.compile(r"\x1b\[[0-9;]*m")
"""Select Graphic Rendition: the only escape sequence the view itself sends (colours)."""
