"""Strategies for top-level records and for small coherent datasets of them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, get_args

from hypothesis import strategies as st

from newsevents.models import Actor, Document, PublicationDate, text_sha256
from newsevents.models.actor import ActorKind
from newsevents.testing.codings import cameo_actor_codes, country_codes
from newsevents.testing.events import AnyEvent, Scope, alerts, deployments, events, statements
from newsevents.testing.parts import EARLIEST, LATEST, locations
from newsevents.testing.text import (
    document_texts,
    evidence_spans,
    identifiers,
    long_texts,
    maybe,
    short_texts,
    to_json,
)
from newsevents.versions import SCHEMA_VERSION

AnyRecord = Document | Actor | AnyEvent

LANGUAGES = ("en", "fr", "de", "uk", "ru", "ar", "zh-Hans", "pt-BR", "es-419")


@st.composite
def publication_dates(draw: st.DrawFn, text: str | None = None) -> PublicationDate:
    """Draw a publication date, stated or inferred (an inferred one says from what)."""
    status = draw(st.sampled_from(("stated", "inferred")))
    return PublicationDate(
        date=draw(st.dates(EARLIEST, LATEST)),
        status=status,  # type: ignore[arg-type]
        basis=draw(long_texts()) if status == "inferred" else None,
        evidence=draw(maybe(evidence_spans(text))),
    )


@st.composite
def documents(draw: st.DrawFn, document_id: str | None = None) -> Document:
    """Draw a document whose sha256 is its text's; a translation names its source language."""
    text = draw(document_texts())
    is_translation = draw(st.booleans())
    host = draw(st.sampled_from(("example.org", "news.example.com", "www.example.net")))
    path = draw(st.text("abcdefghijklmnopqrstuvwxyz0123456789-/", max_size=20))
    return Document(
        record_type="document",
        schema_version=SCHEMA_VERSION,
        id=document_id or draw(identifiers()),
        text=text,
        sha256=text_sha256(text),
        language=draw(st.sampled_from(LANGUAGES)),
        is_translation=is_translation,
        source_language=draw(st.sampled_from(LANGUAGES)) if is_translation else None,
        translation_method=draw(maybe(st.sampled_from(("human", "machine", "unknown"))))
        if is_translation
        else None,
        title=draw(maybe(short_texts())),
        publication=draw(maybe(publication_dates(text))),
        dateline=draw(maybe(locations(text))),
        publisher=draw(maybe(short_texts())),
        url=draw(maybe(st.just(f"https://{host}/{path}"))),
        notes=draw(maybe(long_texts())),
    )


@st.composite
def actors(
    draw: st.DrawFn, actor_id: str | None = None, member_ids: tuple[str, ...] | None = None
) -> Actor:
    """Draw an actor; a CAMEO code that starts with a country starts with the actor's country.

    ``member_ids``: the actors it may belong to (None: any id; empty: none).
    """
    own_id = actor_id or draw(identifiers())
    country = draw(maybe(country_codes()))
    if member_ids is None:
        groups = draw(
            st.lists(identifiers().filter(lambda i: i != own_id), max_size=2, unique=True)
        )
    else:
        pool = [i for i in member_ids if i != own_id]
        groups = draw(st.lists(st.sampled_from(pool), unique=True, max_size=2)) if pool else []
    name = draw(short_texts())
    return Actor(
        record_type="actor",
        schema_version=SCHEMA_VERSION,
        id=own_id,
        name=name,
        canonical_name=draw(st.just(name) | short_texts()),
        kind=draw(st.sampled_from(get_args(ActorKind))),
        cameo_code=draw(maybe(cameo_actor_codes(country))),
        country=country,
        title=draw(maybe(short_texts())),
        wikidata_id=draw(maybe(st.from_regex(r"Q[1-9][0-9]{0,11}", fullmatch=True))),
        member_of=groups,
        notes=draw(maybe(long_texts())),
    )


def records() -> st.SearchStrategy[AnyRecord]:
    """Draw any top-level record: a document, an actor or an event (free-standing)."""
    return st.one_of(documents(), actors(), events())


def json_records() -> st.SearchStrategy[dict[str, Any]]:
    """Draw any top-level record in its canonical JSON form."""
    return records().map(to_json)


@dataclass(frozen=True)
class Dataset:
    """A small coherent dataset: every reference resolves and every span is anchored."""

    documents: tuple[Document, ...]
    actors: tuple[Actor, ...]
    events: tuple[AnyEvent, ...]

    def records(self) -> list[AnyRecord]:
        """Return documents, then actors, then events."""
        return [*self.documents, *self.actors, *self.events]

    def json_records(self) -> list[dict[str, Any]]:
        """Return every record in its canonical JSON form."""
        return [to_json(record) for record in self.records()]


@st.composite
def datasets_strategy(
    draw: st.DrawFn, max_documents: int = 2, max_actors: int = 4, max_events: int = 5
) -> Dataset:
    """Draw a coherent dataset: documents, actors and the events annotated in the documents.

    Ids are unique across all records.  Events point only at actors of the dataset and at
    earlier events of their own document (so statements never report in a cycle), their spans
    select their document's text exactly, and a past event is not dated after its document's
    publication date.
    """
    n_docs = draw(st.integers(1, max_documents))
    n_actors = draw(st.integers(1, max_actors))
    n_events = draw(st.integers(0, max_events))
    ids = draw(st.lists(identifiers(), min_size=n_docs + n_actors + n_events, unique=True))
    doc_ids, actor_ids = ids[:n_docs], ids[n_docs : n_docs + n_actors]
    docs = tuple(draw(documents(document_id)) for document_id in doc_ids)
    people = tuple(
        draw(actors(actor_id, tuple(actor_ids[:index]))) for index, actor_id in enumerate(actor_ids)
    )
    annotated: list[AnyEvent] = []
    for event_id in ids[n_docs + n_actors :]:
        doc = draw(st.sampled_from(docs))
        scope = Scope(
            text=doc.text,
            document_id=doc.id,
            actor_ids=tuple(actor_ids),
            event_ids=tuple(e.id for e in annotated if e.document_id == doc.id),
            published=doc.publication.date if doc.publication else None,
            event_id=event_id,
        )
        kinds: list[st.SearchStrategy[AnyEvent]] = [
            alerts(scope),
            deployments(scope),
            statements(scope),
        ]
        annotated.append(draw(st.one_of(kinds)))
    return Dataset(docs, people, tuple(annotated))


def consistent_records(**sizes: int) -> st.SearchStrategy[list[AnyRecord]]:
    """Draw the records of a coherent dataset (see :func:`datasets_strategy`)."""
    return datasets_strategy(**sizes).map(Dataset.records)
