"""newsevents: a versioned schema, a reference dataset and validators for news events about
military alerts, troop deployments and public statements.

The public API is listed in ``__all__``; everything else is internal.
"""

from typing import TYPE_CHECKING, Any

from newsevents.codebooks import CODEBOOK_VERSION
from newsevents.dataset import (
    Dataset,
    DatasetError,
    DatasetFileError,
    DatasetNotFoundError,
    DatasetWarning,
    available_datasets,
    load_dataset,
)
from newsevents.migration import migrate
from newsevents.models import (
    RECORD_ADAPTER,
    AcledCoding,
    Actor,
    Alert,
    CameoCoding,
    Condition,
    Deployment,
    Document,
    Event,
    EventLink,
    EventTime,
    EvidenceSpan,
    Factuality,
    Force,
    GeneralEvent,
    Location,
    Participant,
    PloverCoding,
    Provenance,
    PublicationDate,
    Purpose,
    Quantity,
    ReadinessChange,
    Record,
    SourceRecord,
    Statement,
    text_sha256,
    validator_for,
)
from newsevents.validation import Issue, Report, validate
from newsevents.versions import PUBLISHED_VERSIONS, SCHEMA_VERSION
from newsevents.view import render_html

if TYPE_CHECKING:
    from newsevents.scoring.scorecard import Scorecard

__version__ = "0.1.0"


def score(gold: Any, system: Any, **options: Any) -> "Scorecard":
    """Validate two annotations, align ``system`` with ``gold`` and return the scorecard.

    The scoring package (and scipy) is imported on first use only; docs/scoring.md explains
    every figure.

    Parameters
    ----------
    gold, system
        Each a path (a file or a folder), a loaded :class:`Dataset` or an iterable of
        records. Spans are compared only within documents whose texts have the same sha256.
    **options
        ``match`` (the matching rule: ``overlap``, the default, ``exact``, ``evidence`` or
        ``untyped``), ``resamples`` (bootstrap resamples for the intervals) and ``seed``.

    Returns
    -------
    Scorecard
        Detection per event type (micro and macro), every attribute of the matched pairs
        with agreement coefficients, span F1, and the alignment itself
        (``scorecard.alignment``: matched pairs, missed and spurious events).

    Raises
    ------
    newsevents.scoring.ScoringInputError
        When a side is invalid or unreadable; it carries the validator's report.

    Examples
    --------
    >>> gold = load_dataset()
    >>> card = score(gold, gold, resamples=0)
    >>> card.detection_of("all").f1
    1.0
    """
    from newsevents.scoring.scorecard import score as score_annotations

    return score_annotations(gold, system, **options)


def parse_record(
    data: object,
) -> Document | Actor | Alert | Deployment | Statement | GeneralEvent:
    """Validate a dict (or any object) as a top-level record and return the typed model.

    The models check structure, the codebooks and every rule one record can decide; checks
    across records (references, spans against their document) are :func:`validate`'s.

    Parameters
    ----------
    data
        A record as read from JSON: a dict with ``record_type`` (and ``event_type`` for
        events) and ``schema_version``.

    Returns
    -------
    Document, Actor, Alert, Deployment, Statement or GeneralEvent
        The typed record.

    Raises
    ------
    pydantic.ValidationError
        When the record breaks a rule; each error's ``type`` is its issue code (``NE405``)
        and its ``loc`` the field.

    Examples
    --------
    >>> actor = parse_record({"record_type": "actor", "schema_version": "1.0.0",
    ...     "id": "actor-nato", "name": "NATO", "canonical_name": "NATO",
    ...     "kind": "international_organisation"})
    >>> actor.kind
    'international_organisation'
    """
    return RECORD_ADAPTER.validate_python(data)


__all__ = [
    "CODEBOOK_VERSION",
    "PUBLISHED_VERSIONS",
    "SCHEMA_VERSION",
    "AcledCoding",
    "Actor",
    "Alert",
    "CameoCoding",
    "Condition",
    "Dataset",
    "DatasetError",
    "DatasetFileError",
    "DatasetNotFoundError",
    "DatasetWarning",
    "Deployment",
    "Document",
    "Event",
    "EventLink",
    "EventTime",
    "EvidenceSpan",
    "Factuality",
    "Force",
    "GeneralEvent",
    "Issue",
    "Location",
    "Participant",
    "PloverCoding",
    "Provenance",
    "PublicationDate",
    "Purpose",
    "Quantity",
    "ReadinessChange",
    "Record",
    "Report",
    "SourceRecord",
    "Statement",
    "__version__",
    "available_datasets",
    "load_dataset",
    "migrate",
    "parse_record",
    "render_html",
    "score",
    "text_sha256",
    "validate",
    "validator_for",
]
