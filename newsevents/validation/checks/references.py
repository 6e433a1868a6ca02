"""References across every input file: duplicate ids, unknown targets, self-reports, cycles.

Only ids and edges are kept, never whole records: the id of every record (valid or not, so
that one broken actor does not make every event citing it an error too), each event's
document, the references not yet resolvable, and the ``reports`` edges of statements.
References are resolved as soon as their target is known, the rest once all files are read.
"""

from __future__ import annotations

from collections.abc import Iterator
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
from newsevents.validation.issue import Issue
from newsevents.validation.messages import quote

if TYPE_CHECKING:
    from newsevents.validation.checks.state import RunState

KIND_CODES = {"actor": "NE502", "document": "NE503", "event": "NE504"}


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
        self.first: dict[str, dict[str, RecordPlace]] = {k: {} for k in KIND_CODES}
        self.outside_documents: set[str] = set()
        self.event_document: dict[str, str] = {}
        self.pending: list[Reference] = []
        self.reports: dict[str, tuple[RecordPlace, tuple[str, ...]]] = {}

    def register(self, record: dict[str, Any], place: RecordPlace) -> tuple[Issue, ...]:
        """Note a record's id (NE501 when its kind already has it) and an event's document."""
        kind, record_id = record.get("record_type"), record.get("id")
        seen = self.first.get(kind) if isinstance(kind, str) else None
        if seen is None or not isinstance(record_id, str):
            return ()
        if record_id in seen:
            first = seen[record_id].describe()
            where = place.location("/id")
            return (new_issue("NE501", where, record_id, found=_q(record_id), first=first),)
        seen[record_id] = place
        document_id = record.get("document_id")
        if kind == "event" and isinstance(document_id, str):
            self.event_document[record_id] = document_id
        return ()

    def known(self, kind: str, target: str) -> bool:
        """Whether a record of ``kind`` with id ``target`` has been seen."""
        return target in self.first[kind] or (
            kind == "document" and target in self.outside_documents
        )

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
                yield new_issue(code, where, reference.record_id, found=_q(reference.target))
        self.pending.clear()


def _q(text: str) -> str:
    return quote(text)


def _event_references(event: EventBase) -> Iterator[tuple[str, str, str]]:
    yield "document", event.document_id, "/document_id"
    for index, participant in enumerate(event.participants):
        yield "actor", participant.actor_id, f"/participants/{index}/actor_id"
    force = getattr(event, "force", None)
    if force is not None and force.actor_id is not None:
        yield "actor", force.actor_id, "/force/actor_id"
    for index, link in enumerate(event.links):
        yield "event", link.event_id, f"/links/{index}/event_id"
    condition = event.factuality.condition
    if condition is not None and condition.event_id is not None:
        yield "event", condition.event_id, "/factuality/condition/event_id"
    purpose = getattr(event, "purpose", None)
    if purpose is not None and purpose.event_id is not None:
        yield "event", purpose.event_id, "/purpose/event_id"


@check("NE502", "NE503", "NE504", "NE507", models=(EventBase,))
def event_references(event: EventBase, context: RecordContext) -> Iterator[Issue]:
    """Resolve the actors, document and events an event refers to."""
    index = context.state.references
    for kind, target, pointer in _event_references(event):
        yield from index.resolve(Reference(kind, target, context.place, event.id, pointer))
    if isinstance(event, Statement):
        for position, target in enumerate(event.reports):
            reference = Reference(
                "event",
                target,
                context.place,
                event.id,
                f"/reports/{position}",
                event.document_id,
            )
            yield from index.resolve(reference)
        if event.reports and event.id not in index.reports:
            index.reports[event.id] = (context.place, tuple(event.reports))


@check("NE502", models=(Actor,))
def actor_references(actor: Actor, context: RecordContext) -> Iterator[Issue]:
    """Resolve the actors an actor is a member of."""
    index = context.state.references
    for position, target in enumerate(actor.member_of):
        pointer = f"/member_of/{position}"
        yield from index.resolve(Reference("actor", target, context.place, actor.id, pointer))


@finisher("NE502", "NE503", "NE504", "NE507")
def unresolved_references(state: RunState) -> Iterator[Issue]:
    """Report the references whose target appeared in no input file."""
    yield from state.references.finish(bool(state.documents.texts))


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
        cycle = _cycle_from(start, graph, members)
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


def _cycle_from(start: str, graph: dict[str, list[str]], members: set[str]) -> list[str]:
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
