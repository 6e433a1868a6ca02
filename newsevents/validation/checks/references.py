"""References across every input file: duplicate ids, unknown targets, self-reports, cycles.

Only ids and edges are kept, never whole records: the id of every record (valid or not, so
that one broken actor does not make every event citing it an error too), each event's
document, the references not yet resolvable, and the ``reports`` edges of statements.
References are resolved as soon as their target is known, the rest once all files are read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsevents.models import Actor, EventBase, Statement
from newsevents.validation.checks.registry import (
    RecordContext,
    RecordPlace,
    check,
    finisher,
    new_issue,
)
from newsevents.validation.issue import Issue, Suggestion
from newsevents.validation.messages import quote
from newsevents.validation.suggest import near_id

if TYPE_CHECKING:
    from newsevents.validation.checks.state import RunState

KIND_CODES = {"actor": "NE502", "document": "NE503", "event": "NE504"}
_RECORD_BITS = 40
_PLACE_BITS = 64
_PLACE_MASK = (1 << _PLACE_BITS) - 1


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference from a record (at ``pointer``) to a record of ``kind`` with ``target`` id."""

    kind: str
    target: str
    place: RecordPlace
    record_id: str | None
    pointer: str
    from_document: str | None = None  # a statement's document, for NE507


class ReferenceIndex:
    """Ids seen per record kind, each event's document, unresolved references, report edges."""

    def __init__(self) -> None:
        # id -> where its first record is and (events) its document, packed in one int:
        # document number << 64 | file_index << 40 | record.  There is one entry per record
        # of the input, so it is kept as small as a Python dict entry can be.
        self.first: dict[str, dict[str, int]] = {k: {} for k in KIND_CODES}
        self.file_names: dict[int, str | None] = {}
        self.document_numbers: dict[str, int] = {}
        self.document_ids: list[str] = []
        self.outside_documents: set[str] = set()
        self.pending: list[Reference] = []
        self.reports: dict[str, tuple[RecordPlace, tuple[str, ...]]] = {}

    def register(self, record: dict[str, Any], place: RecordPlace) -> tuple[Issue, ...]:
        """Note a record's id (NE501 when its kind already has it) and an event's document."""
        kind, record_id = record.get("record_type"), record.get("id")
        if not isinstance(kind, str) or kind not in self.first or not isinstance(record_id, str):
            return ()
        document_id = record.get("document_id")
        wanted = document_id if kind == "event" and isinstance(document_id, str) else None
        return self.register_id(kind, record_id, place, wanted)

    def register_id(
        self, kind: str, record_id: str, place: RecordPlace, document_id: str | None = None
    ) -> tuple[Issue, ...]:
        """:meth:`register` a record known by its kind, id and (events) document."""
        seen = self.first[kind]
        if record_id in seen:
            first = self._describe(seen[record_id])
            where = place.location("/id")
            return (new_issue("NE501", where, record_id, found=_q(record_id), first=first),)
        self.note(kind, record_id, place, document_id)
        return ()

    def _document_number(self, document_id: str) -> int:
        number = self.document_numbers.get(document_id)
        if number is None:
            self.document_ids.append(document_id)
            number = self.document_numbers[document_id] = len(self.document_ids)
        return number

    def note(
        self, kind: str, record_id: str, place: RecordPlace, document_id: str | None = None
    ) -> None:
        """Note that a record of ``kind`` with ``record_id`` is at ``place`` (in
        ``document_id``), without the duplicate check: for readers that vouch for it."""
        self.file_names.setdefault(place.file_index, place.file)
        packed = (place.file_index << _RECORD_BITS | (place.record or 0)) & _PLACE_MASK
        if document_id is not None:
            packed |= self._document_number(document_id) << _PLACE_BITS
        self.first[kind][record_id] = packed

    def know(
        self, kind: str, record_id: str, place: RecordPlace, document_id: str | None = None
    ) -> bool:
        """Note a record without the duplicate check (a worker's part: the parent decides),
        unless its id is known already (the first record wins); return whether it was noted."""
        if record_id in self.first[kind]:
            return False
        self.note(kind, record_id, place, document_id)
        return True

    @property
    def event_document(self) -> EventDocuments:
        """The document of each event seen so far, as a mapping from event id."""
        return EventDocuments(self)

    def _describe(self, packed: int) -> str:
        file_index = (packed & _PLACE_MASK) >> _RECORD_BITS
        record = packed & ((1 << _RECORD_BITS) - 1)
        return RecordPlace(self.file_names.get(file_index), file_index, record).describe()

    def known(self, kind: str, target: str) -> bool:
        """Whether a record of ``kind`` with id ``target`` has been seen."""
        return target in self.first[kind] or (
            kind == "document" and target in self.outside_documents
        )

    def refer(
        self,
        kind: str,
        target: str,
        place: RecordPlace,
        record_id: str | None,
        pointer: str,
        from_document: str | None = None,
    ) -> Iterable[Issue]:
        """:meth:`resolve` the reference, without building it when its target is known
        and nothing else is asked of it (most references)."""
        if from_document is None and self.known(kind, target):
            return ()
        return self.resolve(Reference(kind, target, place, record_id, pointer, from_document))

    def resolve(self, reference: Reference) -> Iterator[Issue]:
        """Check ``reference`` now if its target is known, else keep it for the end."""
        if self.known(reference.kind, reference.target):
            yield from self._reported_elsewhere(reference)
        else:
            self.pending.append(reference)

    def _reported_elsewhere(self, reference: Reference) -> Iterator[Issue]:
        if reference.from_document is None:
            return
        other = self.event_document.get(reference.target)
        if other is not None and other != reference.from_document:
            context = {
                "found": _q(reference.target),
                "other": _q(other),
                "document": _q(reference.from_document),
            }
            where = reference.place.location(reference.pointer)
            yield new_issue("NE507", where, reference.record_id, **context)

    def finish(self, documents_at_hand: bool) -> Iterator[Issue]:
        """Report every reference whose target never appeared (documents: only when some
        are at hand; otherwise NE607 says spans were not checked)."""
        for reference in self.pending:
            if self.known(reference.kind, reference.target):
                yield from self._reported_elsewhere(reference)
            elif reference.kind != "document" or documents_at_hand:
                code = KIND_CODES[reference.kind]
                where = reference.place.location(reference.pointer)
                fix = near_id(reference.target, self.first[reference.kind])
                suggestion = None if fix is None else Suggestion("replace", where.pointer, fix)
                yield new_issue(
                    code, where, reference.record_id, suggestion, found=_q(reference.target)
                )
        self.pending.clear()


class EventDocuments:
    """A mapping view: event id -> document id, stored inside ``ReferenceIndex.first``."""

    def __init__(self, index: ReferenceIndex) -> None:
        self._index = index

    def get(self, event_id: str) -> str | None:
        """The event's document, or None when the event is unknown."""
        number = self._index.first["event"].get(event_id, 0) >> _PLACE_BITS
        return self._index.document_ids[number - 1] if number else None

    def __getitem__(self, event_id: str) -> str:
        found = self.get(event_id)
        if found is None:
            raise KeyError(event_id)
        return found


def _q(text: str) -> str:
    return quote(text)


def _event_references(event: EventBase) -> Iterator[tuple[str, str, str]]:
    # A field this event type does not have, or that could not be read
    # (newsevents.validation.partial), holds no reference; the others are still resolved.
    # Read from __dict__: a missing attribute costs pydantic an exception.
    fields = event.__dict__
    document_id = fields.get("document_id")
    if document_id is not None:
        yield "document", document_id, "/document_id"
    for index, participant in enumerate(fields.get("participants", ())):
        yield "actor", participant.actor_id, f"/participants/{index}/actor_id"
    force = fields.get("force")
    if force is not None and force.actor_id is not None:
        yield "actor", force.actor_id, "/force/actor_id"
    for index, link in enumerate(fields.get("links", ())):
        yield "event", link.event_id, f"/links/{index}/event_id"
    factuality = fields.get("factuality")
    condition = None if factuality is None else factuality.condition
    if condition is not None and condition.event_id is not None:
        yield "event", condition.event_id, "/factuality/condition/event_id"
    for index, alternative in enumerate(() if condition is None else condition.any_of or ()):
        if alternative.event_id is not None:
            pointer = f"/factuality/condition/any_of/{index}/event_id"
            yield "event", alternative.event_id, pointer
    holder = None if factuality is None else factuality.holder
    if holder is not None:
        yield "actor", holder, "/factuality/holder"
    purpose = fields.get("purpose")
    if purpose is not None and purpose.event_id is not None:
        yield "event", purpose.event_id, "/purpose/event_id"


@check("NE502", "NE503", "NE504", "NE507", models=(EventBase,))
def event_references(event: EventBase, context: RecordContext) -> Iterator[Issue]:
    """Resolve the actors, document and events an event refers to."""
    index, place, record_id = context.state.references, context.place, context.record_id
    refer = index.refer
    found: list[Issue] = []
    for kind, target, pointer in _event_references(event):
        found += refer(kind, target, place, record_id, pointer)
    reports = event.__dict__.get("reports", ()) if isinstance(event, Statement) else ()
    document_id = event.__dict__.get("document_id")
    for position, target in enumerate(reports):
        found += refer("event", target, place, record_id, f"/reports/{position}", document_id)
    if reports and record_id is not None and record_id not in index.reports:
        index.reports[record_id] = (place, tuple(reports))
    return iter(found)


@check("NE502", models=(Actor,))
def actor_references(actor: Actor, context: RecordContext) -> Iterator[Issue]:
    """Resolve the actors an actor is a member of."""
    index, place, record_id = context.state.references, context.place, context.record_id
    found: list[Issue] = []
    for position, target in enumerate(actor.__dict__.get("member_of", ())):
        found += index.refer("actor", target, place, record_id, f"/member_of/{position}")
    return iter(found)


@finisher("NE502", "NE503", "NE504", "NE507")
def unresolved_references(state: RunState) -> Iterator[Issue]:
    """Report the references whose target appeared in no input file."""
    yield from state.references.finish(state.documents.at_hand)


@finisher("NE506")
def report_cycles(state: RunState) -> Iterator[Issue]:
    """Report each cycle of statements reporting statements, once, at its first statement."""
    edges = state.references.reports
    graph = {node: [t for t in targets if t in edges] for node, (_, targets) in edges.items()}
    for component in strongly_connected(graph):
        if len(component) < 2:
            continue  # a statement reporting itself is NE505, raised by the model
        members = set(component)
        start = min(component, key=lambda n: (edges[n][0].file_index, edges[n][0].record or 0))
        cycle = shortest_cycle(start, graph, members)
        place, targets = edges[start]
        pointer = f"/reports/{targets.index(cycle[1])}"
        text = " → ".join(cycle)
        yield new_issue("NE506", place.location(pointer), start, cycle=text)


def strongly_connected(graph: dict[str, list[str]]) -> list[list[str]]:
    """Return the strongly connected components of ``graph`` (Tarjan, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = graph.get(node, [])
            if child < len(targets):
                work.append((node, child + 1))
                target = targets[child]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    return components


def shortest_cycle(start: str, graph: dict[str, list[str]], members: set[str]) -> list[str]:
    """Return a shortest cycle ``start -> ... -> start`` inside one component (BFS)."""
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for target in graph[node]:
                if target not in members:
                    continue
                if target == start and node != start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [*reversed(path), start]
                if target not in previous:
                    previous[target] = node
                    following.append(target)
        frontier = following
    return [start, start]  # pragma: no cover - a component of two or more always cycles
