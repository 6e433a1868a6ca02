"""The terminal view: each document's text with its spans styled, then its events and facts.

Colour is the event type, the text style is the span role (the legend printed first says
which); the events below list every span's text and offsets, so nothing depends on colour.
Needs ``rich`` (``pip install 'newsevents[terminal]'``).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from newsevents.validation.safe import escape_controls
from newsevents.view.facts import Section
from newsevents.view.page import DocumentEntry, EventEntry, Page, build_page
from newsevents.view.spans import ROLES

_TYPE_COLOURS = ("red", "blue", "green", "magenta", "yellow", "cyan", "white")
_ROLE_STYLES = {
    "trigger": "bold underline",
    "quote": "italic",
    "mention": "underline",
    "quantity": "bold",
    "condition": "italic underline",
    "evidence": "",
}


def _safe(text: str) -> str:
    """``text`` with every control, format and separator character escaped, as every report
    escapes input (:func:`newsevents.validation.safe.escape_controls`); line breaks and TABs
    of a document's text are layout, so they stay."""
    return "\n".join(
        "\t".join(escape_controls(cell) for cell in line.split("\t")) for line in text.split("\n")
    )


class TerminalViewUnavailable(ImportError):
    """rich is not installed."""


def _rich() -> Any:
    try:
        import rich.console
        import rich.table
        import rich.text
    except ImportError as error:
        raise TerminalViewUnavailable(
            "the terminal view needs rich: pip install 'newsevents[terminal]'"
        ) from error
    return rich


def render_terminal(records: Iterable[object], *, width: int = 100, colour: bool = True) -> str:
    """Return the terminal view of ``records``: ANSI-styled text when ``colour``."""
    return render_page_terminal(build_page(records), width=width, colour=colour)


def render_page_terminal(page: Page, *, width: int = 100, colour: bool = True) -> str:
    """Return the terminal view of a page model."""
    rich = _rich()
    out = io.StringIO()
    console = rich.console.Console(
        file=out,
        width=width,
        force_terminal=colour,
        no_color=not colour,
        color_system="standard" if colour else None,
        highlight=False,
        emoji=False,
        markup=False,
    )
    colours = {
        kind: _TYPE_COLOURS[i % len(_TYPE_COLOURS)] for i, kind in enumerate(page.event_types)
    }
    types = {span.id: entry.event.event_type_name for entry in page.events for span in entry.spans}
    legend = rich.text.Text("event types: ")
    for kind, name in colours.items():
        legend.append(kind, style=f"bold {name}")
        legend.append(" ")
    legend.append("\nspan roles: ")
    for role in ROLES:
        legend.append(role.label, style=_ROLE_STYLES.get(role.name, "dim"))
        legend.append(" ")
    console.print(legend)
    for document in page.documents:
        console.rule(document.id)
        if document.pieces is None:
            console.print(_table(rich, document))
        else:
            text = rich.text.Text()
            for piece in document.pieces:
                if piece.spans:
                    first = piece.spans[0]
                    colour_name = colours.get(types.get(first.id, ""), "white")
                    text.append(
                        _safe(piece.text), style=f"{colour_name} {_ROLE_STYLES.get(first.role, '')}"
                    )
                else:
                    text.append(_safe(piece.text))
            console.print(text)
        for entry in document.events:
            console.print(_event(rich, entry, colours))
    if page.actors:
        console.rule("actors")
        for actor in page.actors:
            roles = ", ".join(f"{role} in {entry.event.id}" for entry, role, _ in actor.mentions)
            line = f"{actor.actor.id}: {actor.label}; {roles or 'no event'}"
            console.print(rich.text.Text(_safe(line)))
    return out.getvalue()


def _event(rich: Any, entry: EventEntry, colours: dict[str, str]) -> Any:
    event = entry.event
    text = rich.text.Text("\n")
    text.append(
        f"[{event.event_type_name}]", style=f"bold {colours.get(event.event_type_name, 'white')}"
    )
    if entry.mark:
        text.append(f" {entry.mark}", style="bold")
    text.append(_safe(f" {event.id}  {entry.label}") + "\n", style="bold")
    for span in entry.spans:
        text.append(_safe(f"    {span.role} {span.start}-{span.end} “{span.exact}”") + "\n")
    if entry.counterpart:
        text.append(_safe(f"  compared with system event {entry.counterpart}") + "\n", style="bold")
    for attribute, gold, system in entry.disagreements:
        text.append(_safe(f"    {attribute}: gold {gold}, system {system}") + "\n", style="bold")
    for section in entry.facts:
        text.append(_section(section))
    return text


def _section(section: Section) -> str:
    lines = []
    for row in section.rows:
        value = " ".join(part for part in (row.value, *row.events) if part)
        if row.quote:
            value += f" “{row.quote}”"
        lines.append(_safe(f"    {row.label}: {value}") + "\n")
    return f"  {_safe(section.title)}\n" + "".join(lines)


def _table(rich: Any, document: DocumentEntry) -> Any:
    table = rich.table.Table(title=f"{len(document.events)} event(s); the document has no text")
    for column in ("event", "type", "CAMEO", "date", "participants"):
        table.add_column(column)
    for entry in document.events:
        event = entry.event
        cells = (
            event.id,
            event.event_type_name,
            event.cameo.code if event.cameo else "",
            event.time.date.isoformat() if event.time else "",
            "; ".join(f"{p.role}: {p.actor_id}" for p in event.participants),
        )
        table.add_row(*(rich.text.Text(_safe(cell)) for cell in cells))
    return table
