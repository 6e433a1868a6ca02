"""The page model: documents cut into highlighted pieces, events and actors with their facts.

Built from typed records only; the HTML template and the terminal view both read it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, get_args

from newsevents.models import RECORD_ADAPTER, Actor, Document, Event
from newsevents.models.events import EventBase
from newsevents.view.facts import Row, Section, actor_label, cameo_label, event_facts
from newsevents.view.spans import ROLES, Segment, Span, segments, spans_of

EVENT_TYPES: tuple[str, ...] = tuple(kind.event_type_name for kind in get_args(get_args(Event)[0]))
"""Every event type of the schema, in the order the legend shows them."""


class ViewError(ValueError):
    """Records that cannot be shown: a span outside its document's text or not matching it."""


@dataclass(slots=True)
class EventEntry:
    """An event as the page lists it."""

    event: EventBase
    dom_id: str
    label: str
    facts: list[Section]
    spans: list[Span]
    mark: str = ""
    """In a comparison: matched, missed or spurious."""
    counterpart: str = ""
    """In a comparison: the id of the system event matched with this gold event."""
    disagreements: list[tuple[str, str, str]] = field(default_factory=list)
    """In a comparison: (attribute, gold value, system value) where the pair differs."""


@dataclass(frozen=True, slots=True)
class Piece:
    """A piece of document text and the spans that cover it (first: the one it is drawn as)."""

    text: str
    spans: tuple[Span, ...]

    @property
    def span_ids(self) -> str:
        """The covering spans' ids, space-separated (an HTML token list)."""
        return " ".join(span.id for span in self.spans)


@dataclass(slots=True)
class DocumentEntry:
    """A document: its facts, its text in pieces (None when it has no text), its events."""

    document: Document | None
    id: str
    dom_id: str
    facts: list[Row]
    pieces: list[Piece] | None
    events: list[EventEntry] = field(default_factory=list)
    own_spans: list[Span] = field(default_factory=list)
    """Spans of the document record itself (its publication date's evidence)."""

    def recut(self) -> None:
        """Cut the text again at the spans of the document and of its events, now."""
        if self.document is not None:
            spans = [*self.own_spans, *(s for e in self.events for s in e.spans)]
            self.pieces = pieces_of(self.document.text, spans)


@dataclass(slots=True)
class ActorEntry:
    """An actor, its fields, and where events name it."""

    actor: Actor
    dom_id: str
    label: str
    facts: list[Row]
    mentions: list[tuple[EventEntry, str, Span | None]]


@dataclass(slots=True)
class Page:
    """Everything the view shows."""

    documents: list[DocumentEntry]
    actors: list[ActorEntry]
    spans: dict[str, Span]
    event_types: tuple[str, ...] = EVENT_TYPES
    roles: tuple[Any, ...] = ROLES

    @property
    def events(self) -> Iterable[EventEntry]:
        """Every event entry, document by document."""
        for document in self.documents:
            yield from document.events

    def script_data(self) -> dict[str, Any]:
        """The data the page's script needs: what each event and actor highlights."""
        selectable: dict[str, dict[str, Any]] = {}
        for entry in self.events:
            ids = [span.id for span in entry.spans]
            selectable[entry.dom_id] = {
                "id": entry.event.id,
                "kind": "event",
                "type": entry.event.event_type_name,
                "spans": ids,
            }
        for actor in self.actors:
            ids = [span.id for _, _, span in actor.mentions if span is not None]
            selectable[actor.dom_id] = {"id": actor.actor.id, "kind": "actor", "spans": ids}
        spans = {
            span.id: {
                "owner": span.owner,
                "pointer": span.pointer,
                "role": span.role,
                "start": span.start,
                "end": span.end,
                "exact": span.exact,
            }
            for span in self.spans.values()
        }
        return {"selectable": selectable, "spans": spans}

    def event_dom_ids(self) -> dict[str, str]:
        """Event id -> the id of its element, for links between events."""
        found: dict[str, str] = {}
        for entry in self.events:
            found.setdefault(entry.event.id, entry.dom_id)
        return found


def typed(records: Iterable[object] | Any) -> list[Any]:
    """Return records as models; dicts are validated with the schema's models.

    A loaded dataset (anything with ``documents``, ``actors`` and ``events``) gives its records.
    """
    names = ("documents", "actors", "events")
    if all(hasattr(records, name) for name in names):
        records = [record for name in names for record in getattr(records, name)]
    return [
        record
        if isinstance(record, Document | Actor | EventBase)
        else RECORD_ADAPTER.validate_python(record)
        for record in records
    ]


def build_page(records: Iterable[object] | Any, prefix: str = "") -> Page:
    """Return the page model of ``records`` (documents, actors and events, in any order, or
    a loaded dataset).

    ``prefix`` starts every element and span id, so two pages can be merged (a comparison).
    """
    documents: list[Document] = []
    actors: dict[str, Actor] = {}
    events: list[EventBase] = []
    for record in typed(records):
        if isinstance(record, Document):
            documents.append(record)
        elif isinstance(record, Actor):
            actors[record.id] = record
        else:
            events.append(record)
    texts = {document.id: document.text for document in documents}
    entries = _event_entries(events, actors, texts, prefix)
    by_document: dict[str, list[EventEntry]] = defaultdict(list)
    for entry in sorted(entries, key=reading_order):
        by_document[entry.event.document_id].append(entry)
    shown = [
        _document_entry(document, f"{prefix}doc{index}", by_document.pop(document.id, []))
        for index, document in enumerate(documents)
    ]
    for index, (document_id, orphans) in enumerate(by_document.items()):
        shown.append(DocumentEntry(None, document_id, f"{prefix}nodoc{index}", [], None, orphans))
    spans = {span.id: span for entry in entries for span in entry.spans}
    spans.update((span.id, span) for document in shown for span in document.own_spans)
    return Page(shown, _actors(actors, entries, prefix), spans)


def _event_entries(
    events: list[EventBase],
    actors: Mapping[str, Actor],
    texts: Mapping[str, str | None],
    prefix: str,
) -> list[EventEntry]:
    reported_by: dict[str, list[str]] = defaultdict(list)
    for event in events:
        for reported in getattr(event, "reports", ()):
            reported_by[reported].append(event.id)
    entries = []
    for index, event in enumerate(events):
        spans = _collect(event.id, event, f"{prefix}e{index}", texts.get(event.document_id))
        facts = event_facts(event, actors, reported_by)
        entries.append(EventEntry(event, f"{prefix}ev{index}", _event_label(event), facts, spans))
    return entries


def _document_entry(document: Document, dom_id: str, events: list[EventEntry]) -> DocumentEntry:
    spans = _collect(document.id, document, dom_id, document.text)
    rows = _document_facts(document)
    entry = DocumentEntry(document, document.id, dom_id, rows, None, events, spans)
    entry.recut()
    return entry


def _collect(owner: str, record: Any, prefix: str, text: str | None) -> list[Span]:
    found = []
    for number, (pointer, role, span) in enumerate(spans_of(record)):
        if text is not None and span.select(text) != span.exact:
            raise ViewError(
                f"{owner}{pointer}: span {span.start}:{span.end} does not select "
                f"{span.exact!r} in the document text; run newsevents validate"
            )
        found.append(
            Span(f"{prefix}s{number}", owner, pointer, role, span.start, span.end, span.exact)
        )
    return found


def pieces_of(text: str | None, spans: Sequence[Span]) -> list[Piece] | None:
    """Return ``text`` cut at every boundary of ``spans`` (None when there is no text)."""
    if text is None:
        return None
    by_id = {span.id: span for span in spans}
    cut: list[Segment] = segments(len(text), spans)
    return [
        Piece(text[piece.start : piece.end], tuple(by_id[i] for i in piece.span_ids))
        for piece in cut
    ]


def reading_order(entry: EventEntry) -> tuple[int, int]:
    """Sort key: events in the order of their trigger (else first span) in the text."""
    trigger = getattr(entry.event, "trigger", None)
    if trigger is not None:
        return trigger.start, 0
    starts = [span.start for span in entry.spans]
    return (min(starts), 1) if starts else (2**62, 1)


def _event_label(event: EventBase) -> str:
    words = [event.trigger.exact] if event.trigger else []
    summary = getattr(event, "summary", None)
    if not words and summary:
        words.append(summary)
    if event.cameo is not None:
        words.append(cameo_label(event.cameo.code))
    return " · ".join(words)


def _document_facts(document: Document) -> list[Row]:
    data = document.model_dump(mode="json", exclude_none=True, exclude={"text", "record_type"})
    rows: list[Row] = []
    for name, value in data.items():
        if isinstance(value, dict):
            rows += [Row(f"{name} {key}", _plain(item)) for key, item in value.items()]
        else:
            rows.append(Row(name, _plain(value)))
    return rows


def _plain(value: object) -> str:
    if isinstance(value, dict) and "exact" in value:
        return str(value["exact"])
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _actors(
    actors: Mapping[str, Actor], entries: list[EventEntry], prefix: str
) -> list[ActorEntry]:
    mentions: dict[str, list[tuple[EventEntry, str, Span | None]]] = defaultdict(list)
    for entry in entries:
        by_pointer = {span.pointer: span for span in entry.spans}
        for number, participant in enumerate(entry.event.participants):
            span = by_pointer.get(f"/participants/{number}/mention")
            mentions[participant.actor_id].append((entry, participant.role, span))
    result = []
    for index, actor in enumerate(actors.values()):
        data = actor.model_dump(mode="json", exclude_none=True, exclude={"record_type", "id"})
        facts = [Row(name, _joined(value)) for name, value in data.items() if value != []]
        label = actor_label(actor.id, actors)
        result.append(ActorEntry(actor, f"{prefix}actor{index}", label, facts, mentions[actor.id]))
    return result


def _joined(value: object) -> str:
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)
