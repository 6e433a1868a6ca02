"""The comparison view: the scorer's alignment of a system annotation with the gold, shown.

The alignment is the scorer's (:func:`newsevents.scoring.align`), never recomputed here: each
gold event is marked matched or missed, each unmatched system event spurious and shown in the
gold document it was annotated in, and a matched gold event carries the system event's spans
and the attributes on which the two disagree, side by side.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import Any

from newsevents.scoring import DEFAULT_MATCH, Alignment, Annotation, align, read_annotation
from newsevents.view.page import DocumentEntry, Page, build_page, reading_order

MARKS: tuple[tuple[str, str], ...] = (
    ("matched", "a gold event the system found (selecting it shows both annotations' spans)"),
    ("missed", "a gold event the system did not find (its words dashed in red)"),
    ("spurious", "a system event that matches no gold event (its words dotted in orange)"),
)
"""The comparison's marks and what each means, for the legend."""

Source = str | os.PathLike[str] | Annotation | Iterable[Any]


def comparison_page(
    gold: Source, system: Source, match: str | None = None
) -> tuple[Page, tuple[tuple[str, str], ...]]:
    """Validate both sides, align them and return the page model and its legend marks.

    Raises :class:`newsevents.scoring.ScoringInputError` when a side is invalid and
    ``KeyError`` for an unknown matching rule.
    """
    gold_annotation = read_annotation(gold, "gold")
    system_annotation = read_annotation(system, "system")
    alignment = align(gold_annotation, system_annotation, match or DEFAULT_MATCH)
    return compare_page(gold_annotation, system_annotation, alignment), MARKS


def render_comparison_html(
    gold: Source, system: Source, match: str | None = None, *, title: str | None = None
) -> str:
    """Return the self-contained HTML page of the comparison of ``system`` with ``gold``."""
    from newsevents.view.html import render_page

    page, marks = comparison_page(gold, system, match)
    return render_page(page, title=title or "gold and system compared", marks=marks)


def compare_page(gold: Annotation, system: Annotation, alignment: Alignment) -> Page:
    """Return the page of the gold annotation with the alignment's marks and system events."""
    page = build_page(_records(gold), prefix="g")
    theirs = build_page(_records(system), prefix="s")
    system_events = {entry.event.id: entry for entry in theirs.events}
    pairs = {pair.gold_id: pair for pair in alignment.pairs}
    for entry in page.events:
        pair = pairs.get(entry.event.id)
        entry.mark = "matched" if pair else "missed"
        if pair is not None:
            other = system_events[pair.system_id]
            entry.counterpart = pair.system_id
            entry.spans = [*entry.spans, *other.spans]
            page.spans.update((span.id, span) for span in other.spans)
            entry.disagreements = [
                (d.attribute, _shown(d.gold), _shown(d.system)) for d in pair.disagreements
            ]
    gold_document = {d.system_id: d.gold_id for d in alignment.documents}
    documents = {entry.id: entry for entry in page.documents if entry.document is not None}
    for unmatched in alignment.spurious:
        entry = system_events[unmatched.event_id]
        entry.mark = "spurious"
        home = documents.get(gold_document.get(entry.event.document_id, ""))
        if home is None:
            home = _system_document(page, theirs, entry.event.document_id)
        home.events.append(entry)
        page.spans.update((span.id, span) for span in entry.spans)
    for document in page.documents:
        document.events.sort(key=reading_order)
        document.recut()
    return page


def _records(annotation: Annotation) -> list[Any]:
    return [*annotation.documents, *annotation.actors, *annotation.events]


def _system_document(page: Page, theirs: Page, document_id: str) -> DocumentEntry:
    """The system's own document entry, added to the page, for events the gold has no text for."""
    for entry in page.documents:
        if entry.dom_id.startswith("s") and entry.id == document_id:
            return entry
    source = next(d for d in theirs.documents if d.id == document_id)
    entry = DocumentEntry(
        source.document, source.id, source.dom_id, source.facts, None, [], source.own_spans
    )
    page.documents.append(entry)
    page.spans.update((span.id, span) for span in source.own_spans)
    return entry


def _shown(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
