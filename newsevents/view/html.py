"""One self-contained HTML file: the page model through a Jinja2 template with autoescaping.

Every string from an annotation reaches the page through Jinja2's HTML escaping; the script's
data is JSON with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, so no string can close the
script element.  The style and script are inlined and allowed by their hashes in a Content
Security Policy that forbids everything else: no network, no other script.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from newsevents.view.page import EventEntry, Page, Piece, build_page
from newsevents.view.spans import Span

_PALETTE = ("#c5221f", "#1a66c9", "#188038", "#8e24aa", "#b06000", "#00838f", "#5f6368")
_LIGHT = ("#fbd3d0", "#cfe0fa", "#ccebd5", "#ecd3f2", "#fde3c3", "#c9eef1", "#e3e5e8")
_MID = ("#f28b82", "#8ab4f8", "#81c995", "#d7aefb", "#fcc97a", "#78d9ec", "#bdc1c6")

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028"}
_JSON_ESCAPES["\u2029"] = "\\u2029"


def render_html(records: Iterable[object] | Any, *, title: str | None = None) -> str:
    """Return one self-contained HTML page showing ``records``.

    Each document's text is shown verbatim with every span highlighted, beside the list of
    its events; selecting an event highlights its spans and shows its fields.  Documents
    without text show their events as a table.  Every annotation string is escaped by
    Jinja2's autoescaping.  The records are not validated across records: validate them
    first (``newsevents view`` does).

    Parameters
    ----------
    records
        Documents, actors and events in any order, as models or record dicts, or a dataset
        from :func:`newsevents.load_dataset`.
    title
        The page title (default: the document's title, else "newsevents view").

    Returns
    -------
    str
        The HTML page: no network access, no external asset; it opens from disk.

    Raises
    ------
    newsevents.view.ViewError
        When a span does not select its ``exact`` text in its document.

    Examples
    --------
    >>> import newsevents
    >>> html = newsevents.render_html(newsevents.load_dataset())
    >>> html.startswith("<!DOCTYPE html>"), 'src="http' in html
    (True, False)
    """
    page = build_page(records)
    return render_page(page, title=title)


def render_page(
    page: Page, *, title: str | None = None, marks: Iterable[tuple[str, str]] = ()
) -> str:
    """Return the HTML of a page model (``marks``: comparison legend entries)."""
    style = _asset("view.css") + _type_colours(page.event_types)
    script = _asset("view.js")
    documents = len(page.documents)
    events = sum(len(d.events) for d in page.documents)
    summary = f"{documents} document(s), {len(page.actors)} actor(s), {events} event(s), "
    summary += f"{len(page.spans)} span(s)"
    return _template().render(
        page=page,
        title=title or _default_title(page),
        summary=summary,
        marks=list(marks),
        style=Markup(style),
        script=Markup(script),
        style_hash=_csp_hash(style),
        script_hash=_csp_hash(script),
        data=Markup(script_json(page.script_data())),
        event_dom=page.event_dom_ids(),
        type_of=_type_of(page),
        piece_title=_piece_title,
        piece_marks=_piece_marks(page),
        mark_class=_mark_class,
    )


def script_json(data: Any) -> str:
    """Return ``data`` as JSON that is safe inside an HTML ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return "".join(_JSON_ESCAPES.get(char, char) for char in text)


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


@cache
def _asset(name: str) -> str:
    return resources.files("newsevents.view").joinpath("templates", name).read_text("utf-8")


@cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("newsevents.view", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    environment.filters["verbatim"] = verbatim
    return environment.get_template("page.html.j2")


def verbatim(text: str) -> Markup:
    """Escape document text so the browser keeps it as it is: a carriage return is written as
    a character reference (the HTML parser turns a raw one into a line feed), and NUL, which
    no HTML text can hold, is shown as U+2400 SYMBOL FOR NULL."""
    escaped = str(Markup.escape(text))
    return Markup(escaped.replace("\r", "&#13;").replace("\x00", SHOWN_NUL))


SHOWN_NUL = "\u2400"
"""What a NUL in a document's text is shown as."""


def _type_colours(event_types: tuple[str, ...]) -> str:
    rules = []
    for index, kind in enumerate(event_types):
        strong, light = _PALETTE[index % len(_PALETTE)], _LIGHT[index % len(_LIGHT)]
        mid = _MID[index % len(_MID)]
        rules.append(
            f".t-{kind}.badge, .t-{kind}.swatch {{ background: {strong}; }}\n"
            f"mark.seg.t-{kind} {{ background-color: {light}; }}\n"
            f'body[data-selected-type="{kind}"] mark.seg.on {{ background-color: {mid}; }}\n'
        )
    return "\n" + "".join(rules)


def _type_of(page: Page) -> Any:
    types = {span.id: entry.event.event_type_name for entry in page.events for span in entry.spans}

    def type_of(span: Span) -> str:
        return types.get(span.id, "document")

    return type_of


def _piece_marks(page: Page) -> Any:
    marks = {span.id: entry.mark for entry in page.events if entry.mark for span in entry.spans}

    def piece_marks(piece: Piece) -> str:
        """The comparison marks of the events whose spans cover ``piece`` (CSS classes)."""
        found = {marks[span.id] for span in piece.spans if span.id in marks}
        return "".join(f" c-{mark}" for mark in sorted(found))

    return piece_marks


def _piece_title(piece: Piece) -> str:
    return "; ".join(f"{span.owner} {span.role}" for span in piece.spans)


def _mark_class(entry: EventEntry) -> str:
    return f"m-{entry.mark}" if entry.mark else ""


def _default_title(page: Page) -> str:
    titled = [d.document.title for d in page.documents if d.document and d.document.title]
    return titled[0] if len(page.documents) == 1 and titled else "newsevents view"
