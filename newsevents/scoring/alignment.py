"""Align a system's events, actors and documents with the gold: one-to-one and optimal.

Documents pair by the sha256 of their text, since spans are offsets into it.  Within each
pair of documents the events are assigned one-to-one, among the pairs the matching rule
admits, so that the pairs are as many as possible and their total span similarity as large as
possible (``scipy.optimize.linear_sum_assignment``, the Hungarian method).  This is the TAC
KBP event nugget scorer's alignment (a one-to-one mapping maximising the summed span
similarity), with code points where it has tokens.  Actors pair across the whole
annotation by Wikidata id, name and CAMEO code, again optimally; the attribute comparisons
then read a system's ids as the gold ids they were aligned with.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

import numpy as np

from newsevents.models import Actor, EvidenceSpan
from newsevents.scoring.annotation import Annotation, Event
from newsevents.scoring.attributes import ATTRIBUTES, GOLD, Crosswalk, jsonable
from newsevents.scoring.spans import Intervals, covered, dice, overlapping, shared


@dataclass(frozen=True)
class MatchRule:
    """When a gold and a system event may match, and how similar they are.

    ``spans`` is ``trigger`` (the trigger, else the quote, else the first evidence span) or
    ``all`` (trigger, quote and evidence together, ACE's event extent); ``typed`` requires the
    same event type; ``exact`` requires identical offsets, otherwise any shared code point
    admits the pair and the similarity is the Dice coefficient of the code points.
    """

    name: str
    description: str
    spans: Literal["trigger", "all"] = "trigger"
    typed: bool = True
    exact: bool = False


MATCH_RULES: dict[str, MatchRule] = {
    rule.name: rule
    for rule in (
        MatchRule("exact", "same event type and identical trigger offsets", exact=True),
        MatchRule("overlap", "same event type and overlapping triggers (Dice of code points)"),
        MatchRule("evidence", "same event type; trigger, quote and evidence spans overlap", "all"),
        MatchRule("untyped", "overlapping triggers, whatever the event type", typed=False),
    )
}
"""The selectable matching rules, by name; ``overlap`` is the default."""

DEFAULT_MATCH = "overlap"


@dataclass(frozen=True)
class Disagreement:
    """One attribute on which a matched pair differs: its name and both values (JSON form).

    Ids inside the system value are already the gold ids they were aligned with
    (``"unaligned:<id>"`` when they have none)."""

    attribute: str
    gold: Any
    system: Any


@dataclass(frozen=True)
class MatchedPair:
    """A gold event and the system event aligned with it.

    ``document_id`` is the gold document's id; ``score`` the span similarity (1.0 identical);
    ``event_type`` the gold event's type; ``disagreements`` every attribute that differs."""

    gold_id: str
    system_id: str
    document_id: str
    event_type: str
    score: float
    disagreements: tuple[Disagreement, ...] = ()


@dataclass(frozen=True)
class UnmatchedEvent:
    """A gold event no system event matched (a miss) or a system event matching no gold event
    (a false alarm): its id, document, type and anchor span (start, end, text) if any."""

    event_id: str
    document_id: str
    event_type: str
    span: tuple[int, int, str] | None


@dataclass(frozen=True)
class ActorPair:
    """A gold actor and the system actor aligned with it, and the evidence (``basis``)."""

    gold_id: str
    system_id: str
    basis: str


@dataclass(frozen=True)
class DocumentPair:
    """A gold and a system document with the same text (sha256)."""

    gold_id: str
    system_id: str
    sha256: str


@dataclass(frozen=True)
class Alignment:
    """The alignment of a system annotation with the gold, as data.

    ``pairs`` are the matched events with their disagreements, ``missed`` the gold events left
    unmatched, ``spurious`` the system events left unmatched, ``actors`` the aligned actors;
    ``documents`` the paired documents and ``unpaired_documents`` the ids (gold or system) of
    documents whose text the other side does not have: their events are all missed or
    spurious.
    """

    match: str
    documents: tuple[DocumentPair, ...]
    pairs: tuple[MatchedPair, ...]
    missed: tuple[UnmatchedEvent, ...]
    spurious: tuple[UnmatchedEvent, ...]
    actors: tuple[ActorPair, ...]
    unpaired_documents: tuple[str, ...] = ()

    def crosswalk(self) -> Crosswalk:
        """The map from system ids to the gold ids they were aligned with."""
        return Crosswalk(
            actors={p.system_id: p.gold_id for p in self.actors},
            events={p.system_id: p.gold_id for p in self.pairs},
            identity=False,
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the alignment in JSON form."""
        return {
            "match": self.match,
            "documents": [asdict(d) for d in self.documents],
            "pairs": [
                {
                    "gold_id": p.gold_id,
                    "system_id": p.system_id,
                    "document_id": p.document_id,
                    "event_type": p.event_type,
                    "score": round(p.score, 6),
                    "disagreements": [asdict(d) for d in p.disagreements],
                }
                for p in self.pairs
            ],
            "missed": [_unmatched(u) for u in self.missed],
            "spurious": [_unmatched(u) for u in self.spurious],
            "actors": [asdict(a) for a in self.actors],
            "unpaired_documents": list(self.unpaired_documents),
        }


def _unmatched(event: UnmatchedEvent) -> dict[str, Any]:
    found = {k: v for k, v in vars(event).items() if k != "span"}
    if event.span is not None:
        found["span"] = {"start": event.span[0], "end": event.span[1], "exact": event.span[2]}
    return found


def align(
    gold: Annotation | Iterable[Any], system: Annotation | Iterable[Any], match: str = DEFAULT_MATCH
) -> Alignment:
    """Align ``system`` with ``gold`` (annotations or records) under rule ``match``."""
    rule = MATCH_RULES.get(match)
    if rule is None:
        known = ", ".join(MATCH_RULES)
        raise ValueError(f"unknown match rule {match!r}; the rules are {known}")
    gold = gold if isinstance(gold, Annotation) else Annotation.of(gold)
    system = system if isinstance(system, Annotation) else Annotation.of(system)
    documents, unpaired = _pair_documents(gold, system)
    system_doc = {d.system_id: d.gold_id for d in documents}
    found: list[tuple[Event, Event, float]] = []
    missed: list[Event] = []
    spurious: list[Event] = []
    gold_by_document, system_by_document = _by_document(gold), _by_document(system)
    for document in documents:
        in_gold = gold_by_document.get(document.gold_id, [])
        in_system = system_by_document.get(document.system_id, [])
        pairs = assign(in_gold, in_system, rule)
        found += [(in_gold[i], in_system[j], s) for i, j, s in pairs]
        rows, columns = {p[0] for p in pairs}, {p[1] for p in pairs}
        missed += [e for i, e in enumerate(in_gold) if i not in rows]
        spurious += [e for j, e in enumerate(in_system) if j not in columns]
    paired_gold = {d.gold_id for d in documents}
    missed += [e for e in gold.events if e.document_id not in paired_gold]
    spurious += [e for e in system.events if e.document_id not in system_doc]
    actors = align_actors(gold, system)
    draft = Alignment(match, tuple(documents), (), (), (), tuple(actors))
    events = {s.id: g.id for g, s, _ in found}
    crosswalk = Crosswalk(draft.crosswalk().actors, events, identity=False)
    pairs_out = tuple(
        MatchedPair(
            g.id, s.id, g.document_id, g.event_type_name, score, disagreements(g, s, crosswalk)
        )
        for g, s, score in found
    )
    return Alignment(
        match,
        tuple(documents),
        pairs_out,
        tuple(_unmatched_event(e) for e in missed),
        tuple(_unmatched_event(e) for e in spurious),
        tuple(actors),
        tuple(unpaired),
    )


def _by_document(annotation: Annotation) -> dict[str, list[Event]]:
    found: dict[str, list[Event]] = {}
    for event in annotation.events:
        found.setdefault(event.document_id, []).append(event)
    return found


def disagreements(gold: Event, system: Event, crosswalk: Crosswalk) -> tuple[Disagreement, ...]:
    """Every attribute on which ``system`` differs from ``gold``, ids read through the
    crosswalk."""
    found = []
    for attribute in ATTRIBUTES:
        gold_value = attribute.value(gold, GOLD)
        system_value = attribute.value(system, crosswalk)
        if gold_value != system_value:
            found.append(Disagreement(attribute.name, jsonable(gold_value), jsonable(system_value)))
    return tuple(found)


def _pair_documents(gold: Annotation, system: Annotation) -> tuple[list[DocumentPair], list[str]]:
    by_hash = {d.sha256: d.id for d in system.documents}
    pairs = [
        DocumentPair(d.id, by_hash[d.sha256], d.sha256)
        for d in gold.documents
        if d.sha256 is not None and d.sha256 in by_hash
    ]
    paired = {p.gold_id for p in pairs} | {p.system_id for p in pairs}
    unpaired = [d.id for d in (*gold.documents, *system.documents) if d.id not in paired]
    return pairs, unpaired


def anchor_spans(event: Event, spans: Literal["trigger", "all"]) -> list[EvidenceSpan]:
    """The spans an event is matched by: its trigger (else quote, else first evidence span),
    or, for ``all``, every one of trigger, quote and evidence."""
    quote = getattr(event, "quote", None)
    every = [s for s in (event.trigger, quote, *event.evidence) if s is not None]
    return every if spans == "all" else every[:1]


def _covered(spans: Sequence[EvidenceSpan]) -> Intervals:
    return covered((s.start, s.end) for s in spans)


def similarity(gold: Event, system: Event, rule: MatchRule) -> float:
    """The span similarity of two events under ``rule``; 0.0 when the rule does not admit them."""
    if rule.typed and gold.event_type_name != system.event_type_name:
        return 0.0
    gold_spans, system_spans = anchor_spans(gold, rule.spans), anchor_spans(system, rule.spans)
    if rule.exact:
        same = [(s.start, s.end) for s in gold_spans] == [(s.start, s.end) for s in system_spans]
        return 1.0 if gold_spans and same else 0.0
    return dice(_covered(gold_spans), _covered(system_spans))


def _bounds(event: Event, rule: MatchRule) -> tuple[int, int] | None:
    spans = anchor_spans(event, rule.spans)
    return (min(s.start for s in spans), max(s.end for s in spans)) if spans else None


def candidates(
    gold: Sequence[Event], system: Sequence[Event], rule: MatchRule
) -> Iterator[tuple[int, int]]:
    """The (gold, system) index pairs whose anchor spans' extents overlap: the only pairs
    the rule can admit, found in one sweep over the extents instead of trying every pair."""

    def extents(events: Sequence[Event]) -> Iterator[tuple[int, int, int]]:
        for index, event in enumerate(events):
            bounds = _bounds(event, rule)
            if bounds is not None:
                yield (*bounds, index)

    return overlapping(extents(gold), extents(system))


TIE_BREAK = 1e-6
"""Weight of attribute agreement in the assignment: it only decides between alignments with
the same number of pairs and (to this precision) the same total span similarity."""


def assign(
    gold: Sequence[Event], system: Sequence[Event], rule: MatchRule
) -> list[tuple[int, int, float]]:
    """The optimal one-to-one assignment, as (gold, system, similarity) index triples.

    Optimal means: as many pairs as the rule admits, then the greatest total span similarity,
    then (``TIE_BREAK``) the most attributes in agreement, so that two events with the same
    spans pair with their own counterparts.  Pairs the rule does not admit are never returned.

    The admitted pairs fall into groups that share no event (events whose spans overlap each
    other); each group is assigned on its own, which gives the same optimum while memory and
    time grow with the groups, not with the square of a long document's events.
    """
    if not gold or not system:
        return []
    admitted: dict[tuple[int, int], float] = {}
    for i, j in candidates(gold, system, rule):
        score = similarity(gold[i], system[j], rule)
        if score > 0:
            admitted[i, j] = score
    chosen: list[tuple[int, int, float]] = []
    for rows, columns in _groups(admitted):
        scores = np.zeros((len(rows), len(columns)))
        agreement = np.zeros_like(scores)
        place = {j: b for b, j in enumerate(columns)}
        for a, i in enumerate(rows):
            for j in columns:
                if (i, j) in admitted:
                    scores[a, place[j]] = admitted[i, j]
                    agreement[a, place[j]] = attribute_agreement(gold[i], system[j])
        for a, b in best_assignment(scores + TIE_BREAK * agreement):
            chosen.append((rows[a], columns[b], admitted[rows[a], columns[b]]))
    return sorted(chosen)


def _groups(pairs: Iterable[tuple[int, int]]) -> list[tuple[list[int], list[int]]]:
    """The connected groups of a bipartite graph given by its (row, column) edges, each as
    its sorted rows and columns (union-find over rows and columns)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for i, j in pairs:
        parent[root(("row", i))] = root(("column", j))
    groups: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for node in list(parent):
        side, index = node
        rows, columns = groups.setdefault(root(node), ([], []))
        (rows if side == "row" else columns).append(index)
    return [(sorted(rows), sorted(columns)) for rows, columns in groups.values()]


def best_assignment(weights: np.ndarray[Any, Any]) -> list[tuple[int, int]]:
    """The (row, column) pairs of positive weight that are as many as possible and, among
    those, of greatest total weight (weights at most 2); the Hungarian method
    (``scipy.optimize.linear_sum_assignment``) on the weights lifted by a constant that makes
    one more pair always worth more than any gain in weight."""
    if weights.size == 0:
        return []
    # Imported here: scipy takes a fifth of a second to import, and only scoring needs it.
    from scipy.optimize import linear_sum_assignment

    admitted = weights > 0
    lift = 2.0 * min(weights.shape) + 1.0
    rows, columns = linear_sum_assignment(np.where(admitted, weights + lift, 0.0), maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, columns, strict=True) if admitted[i, j]]


def attribute_agreement(gold: Event, system: Event) -> float:
    """The share of :data:`ATTRIBUTES` two events agree on, ids compared as written."""
    same = sum(a.value(gold, GOLD) == a.value(system, GOLD) for a in ATTRIBUTES)
    return same / len(ATTRIBUTES)


def _unmatched_event(event: Event) -> UnmatchedEvent:
    spans = anchor_spans(event, "trigger")
    span = (spans[0].start, spans[0].end, spans[0].exact) if spans else None
    return UnmatchedEvent(event.id, event.document_id, event.event_type_name, span)


def _names(actor: Actor) -> set[str]:
    return {n.casefold().removeprefix("the ").strip() for n in (actor.name, actor.canonical_name)}


def _surname(actor: Actor) -> str | None:
    words = actor.canonical_name.split()
    return words[-1].casefold() if words else None


Mentions = dict[str, dict[str, Intervals]]
"""Actor id -> document sha256 -> the code points where the events name the actor."""


def actor_mentions(annotation: Annotation) -> Mentions:
    """Where each actor is named: participant mentions and force spans, by document text."""
    sha = {d.id: d.sha256 or d.id for d in annotation.documents}
    found: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for event in annotation.events:
        spans = [(p.actor_id, p.mention) for p in event.participants]
        force = getattr(event, "force", None)
        if force is not None and force.actor_id is not None:
            spans.append((force.actor_id, force.evidence))
        for actor_id, span in spans:
            if span is not None:
                by_text = found.setdefault(actor_id, {})
                by_text.setdefault(sha.get(event.document_id, ""), []).append(
                    (span.start, span.end)
                )
    return {a: {k: covered(v) for k, v in texts.items()} for a, texts in found.items()}


def _mentioned_together(gold: Mentions, system: Mentions, gold_id: str, system_id: str) -> bool:
    first, second = gold.get(gold_id, {}), system.get(system_id, {})
    return any(shared(first[text], second[text]) for text in first.keys() & second.keys())


def actor_similarity(
    gold: Actor,
    system: Actor,
    gold_mentions: Mentions | None = None,
    system_mentions: Mentions | None = None,
) -> tuple[float, str]:
    """How strongly two actors look the same, and why: a shared Wikidata id weighs 4, a shared
    name (or canonical name) 3, a shared mention in the text 2, a shared last word of the
    canonical name 1, the same CAMEO actor code 1, the same kind 0.5.  Below 2 the pair is not
    admitted (0.0)."""
    mentioned = _mentioned_together(gold_mentions or {}, system_mentions or {}, gold.id, system.id)
    parts = [
        (
            "wikidata_id",
            4.0,
            gold.wikidata_id is not None and gold.wikidata_id == system.wikidata_id,
        ),
        ("name", 3.0, bool(_names(gold) & _names(system))),
        ("mention", 2.0, mentioned),
        (
            "surname",
            1.0,
            _surname(gold) is not None and _surname(gold) == _surname(system),
        ),
        ("cameo_code", 1.0, gold.cameo_code is not None and gold.cameo_code == system.cameo_code),
        ("kind", 0.5, gold.kind == system.kind),
    ]
    total = sum(weight for _, weight, holds in parts if holds)
    basis = "+".join(name for name, _, holds in parts if holds)
    return (total, basis) if total >= 2 else (0.0, "")


def align_actors(gold: Annotation, system: Annotation) -> list[ActorPair]:
    """The one-to-one actor alignment: as many pairs as :func:`actor_similarity` admits, then
    the greatest total similarity."""
    if not gold.actors or not system.actors:
        return []
    gold_mentions, system_mentions = actor_mentions(gold), actor_mentions(system)
    admitted: dict[tuple[int, int], tuple[float, str]] = {}
    for i, j in actor_candidates(gold, system, gold_mentions, system_mentions):
        found = actor_similarity(gold.actors[i], system.actors[j], gold_mentions, system_mentions)
        if found[0] > 0:
            admitted[i, j] = found
    pairs: list[ActorPair] = []
    for rows, columns in _groups(admitted):
        scores = np.zeros((len(rows), len(columns)))
        for a, i in enumerate(rows):
            for b, j in enumerate(columns):
                scores[a, b] = admitted.get((i, j), (0.0, ""))[0] / 12.0
        for a, b in best_assignment(scores):
            i, j = rows[a], columns[b]
            pairs.append(ActorPair(gold.actors[i].id, system.actors[j].id, admitted[i, j][1]))
    order = {actor.id: index for index, actor in enumerate(gold.actors)}
    return sorted(pairs, key=lambda pair: order[pair.gold_id])


def actor_candidates(
    gold: Annotation, system: Annotation, gold_mentions: Mentions, system_mentions: Mentions
) -> set[tuple[int, int]]:
    """The (gold, system) actor index pairs :func:`actor_similarity` can admit (a score of 2
    or more needs a shared Wikidata id, a shared name, a shared mention, or a shared surname
    and CAMEO code), found through indexes instead of trying every pair."""

    def keys(actor: Actor) -> Iterator[tuple[str, ...]]:
        if actor.wikidata_id is not None:
            yield ("wikidata", actor.wikidata_id)
        for name in _names(actor):
            yield ("name", name)
        if actor.cameo_code is not None and _surname(actor) is not None:
            yield ("surname", str(_surname(actor)), actor.cameo_code)

    index: dict[tuple[str, ...], list[int]] = {}
    for j, actor in enumerate(system.actors):
        for key in keys(actor):
            index.setdefault(key, []).append(j)
    found = {
        (i, j)
        for i, actor in enumerate(gold.actors)
        for key in keys(actor)
        for j in index.get(key, ())
    }
    by_text: dict[str, tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]] = {}
    for side, (annotation, mentions) in enumerate(
        ((gold, gold_mentions), (system, system_mentions))
    ):
        place = {actor.id: index for index, actor in enumerate(annotation.actors)}
        for actor_id, texts in mentions.items():
            for text, intervals in texts.items() if actor_id in place else ():
                spans = by_text.setdefault(text, ([], []))[side]
                spans.extend((start, end, place[actor_id]) for start, end in intervals)
    for first, second in by_text.values():
        found.update(overlapping(first, second))
    return found
