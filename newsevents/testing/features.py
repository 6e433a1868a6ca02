"""Records that use what schema 1.1.0 added, for tests of the version promise and migrations.

The other strategies draw records any version reads; :func:`newer_records` takes such a draw
and adds, at random, the parts 1.1.0 introduced: a document known only by its source, a
general event, an attitude holder, inferred participants and places, a portion of a
quantity, any-of conditions, typed statement links, imported provenance and a deployment
without a force.  Every draw is a valid 1.1.0 record.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from newsevents.models import RECORD_ADAPTER
from newsevents.testing.events import Scope, alerts, deployments, general_events, statements
from newsevents.testing.records import actors, documents
from newsevents.testing.text import identifiers, long_texts, short_texts, to_json

Record = dict[str, Any]

_PORTIONS = st.sampled_from(("all", "most", "half", "some", "few", "part"))
_STATEMENT_RELATIONS = st.sampled_from(
    ("reports", "denies", "announces", "recommends", "warns_of", "responds_to")
)
_DATASETS = st.sampled_from(("GDELT 2.0", "ACLED", "PLOVER", "POLECAT"))


def _source_only(draw: st.DrawFn, document: Record) -> None:
    for name in ("text", "sha256"):
        document.pop(name, None)
    for part in ("dateline", "publication"):
        if isinstance(document.get(part), dict):
            document[part].pop("evidence", None)
    if draw(st.booleans()):
        document["url"] = "https://example.org/" + draw(identifiers())
    else:
        document.setdefault("title", draw(short_texts()))


def _inferred(draw: st.DrawFn, part: Record) -> None:
    if draw(st.booleans()):
        part["inferred"] = True
        part["inferred_from"] = draw(long_texts())


def _event_features(draw: st.DrawFn, event: Record) -> None:
    factuality = event["factuality"]
    if draw(st.booleans()):
        factuality["holder"] = draw(identifiers())
    condition = factuality.get("condition")
    if condition is not None and draw(st.booleans()):
        texts = draw(st.lists(long_texts(), min_size=2, max_size=3))
        condition["any_of"] = [{"text": text} for text in texts]
    for part in [*event.get("participants", []), *event.get("locations", [])]:
        _inferred(draw, part)
    size = (event.get("force") or {}).get("size")
    if size is not None and draw(st.booleans()):
        for name in ("value", "low", "high"):
            size.pop(name, None)
        size.update(portion=draw(_PORTIONS), of=draw(st.integers(1, 100_000)))
    if event["event_type"] == "statement" and event.get("links"):
        typed = [{**link, "relation": draw(_STATEMENT_RELATIONS)} for link in event["links"]]
        unique = {(link["relation"], link["event_id"]): link for link in typed}
        event["links"] = list(unique.values())  # a link listed twice is NE508
    if event["event_type"] == "deployment" and draw(st.booleans()):
        event.pop("force", None)
    if draw(st.booleans()):
        provenance = event["provenance"]
        provenance["method"] = "imported"
        provenance["source_record"] = {
            "dataset": draw(_DATASETS),
            "record_id": draw(identifiers()),
            "row": draw(st.integers(0, 10**6)),
        }


@st.composite
def newer_records(draw: st.DrawFn) -> Record:
    """Draw a valid 1.1.0 record (JSON) that may use any part 1.1.0 added."""
    scope = Scope(actor_ids=("actor-1", "actor-2"))
    base = draw(
        st.one_of(
            documents(),
            actors(),
            alerts(),
            deployments(),
            statements(scope),
            general_events(),
        )
    )
    record = to_json(base)
    if record["record_type"] == "document" and draw(st.booleans()):
        _source_only(draw, record)
    elif record["record_type"] == "event":
        _event_features(draw, record)
    RECORD_ADAPTER.validate_python(record)  # every draw is a valid 1.1.0 record
    return record
