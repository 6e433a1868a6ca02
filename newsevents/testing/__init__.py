"""Public hypothesis strategies for every newsevents model, for our tests and for yours.

Every strategy is written by hand so that each draw respects the field constraints, the
codebooks and every cross-field rule: whatever it draws, the model and the published JSON
Schema accept.  Strategies that draw spans take the document ``text`` the spans must select;
events take a :class:`Scope` naming the text, the document and the ids they may refer to.
:func:`datasets_strategy` draws a small coherent dataset (references resolve, spans anchored),
and :func:`broken_records` draws a record with exactly one rule broken, with the issue code
and location a validator must report.  See ``docs/testing.md``.

Hypothesis is not a dependency of newsevents itself: ``pip install 'newsevents[testing]'``.
"""

try:
    import hypothesis  # noqa: F401
except ImportError as error:  # pragma: no cover - tested in a venv without the extra
    raise ImportError(
        "newsevents.testing needs hypothesis: pip install 'newsevents[testing]'"
    ) from error

from newsevents.testing.check import errors_of
from newsevents.testing.codings import (
    acled_codings,
    cameo_actor_codes,
    cameo_codings,
    cameo_event_codes,
    country_codes,
    plover_codings,
)
from newsevents.testing.events import (
    AnyEvent,
    Scope,
    alerts,
    deployments,
    event_links,
    events,
    forces,
    general_events,
    iso_durations,
    participants,
    purposes,
    readiness_changes,
    statements,
)
from newsevents.testing.features import newer_records
from newsevents.testing.mutations import Broken, broken_records
from newsevents.testing.parts import (
    conditions,
    event_times,
    factualities,
    locations,
    period_start,
    provenances,
    quantities,
)
from newsevents.testing.records import (
    AnyRecord,
    Dataset,
    actors,
    consistent_records,
    datasets_strategy,
    documents,
    json_records,
    publication_dates,
    records,
)
from newsevents.testing.rules import RULES, Rule
from newsevents.testing.text import (
    document_texts,
    evidence_spans,
    free_text,
    identifiers,
    long_texts,
    maybe,
    short_texts,
    spans_in,
    to_json,
)

__all__ = [
    "RULES",
    "AnyEvent",
    "AnyRecord",
    "Broken",
    "Dataset",
    "Rule",
    "Scope",
    "acled_codings",
    "actors",
    "alerts",
    "broken_records",
    "cameo_actor_codes",
    "cameo_codings",
    "cameo_event_codes",
    "conditions",
    "consistent_records",
    "country_codes",
    "datasets_strategy",
    "deployments",
    "document_texts",
    "documents",
    "errors_of",
    "event_links",
    "event_times",
    "events",
    "evidence_spans",
    "factualities",
    "forces",
    "free_text",
    "general_events",
    "identifiers",
    "iso_durations",
    "json_records",
    "locations",
    "long_texts",
    "maybe",
    "newer_records",
    "participants",
    "period_start",
    "plover_codings",
    "provenances",
    "publication_dates",
    "purposes",
    "quantities",
    "readiness_changes",
    "records",
    "short_texts",
    "spans_in",
    "statements",
    "to_json",
]
