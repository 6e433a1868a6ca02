"""One side of a comparison: the documents, actors and events of one annotation, validated."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newsevents.io.readers import read_records
from newsevents.models import RECORD_ADAPTER, Actor, Document
from newsevents.models.events.base import EventBase
from newsevents.validation import Report, validate

Event = EventBase
"""Any event record, whatever its type."""


class ScoringInputError(ValueError):
    """One side of a comparison is not a valid annotation; ``report`` says why."""

    def __init__(self, side: str, report: Report) -> None:
        super().__init__(
            f"the {side} annotation is invalid ({report.errors} error(s)): "
            "run `newsevents validate` on it and fix every error before scoring"
        )
        self.side = side
        self.report = report


@dataclass(frozen=True)
class Annotation:
    """The typed records of one annotation: documents, actors and events, in input order."""

    documents: tuple[Document, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    label: str = ""

    @classmethod
    def of(cls, records: Iterable[Any], label: str = "") -> Annotation:
        """Type ``records`` (dicts or models) without validating them across records."""
        documents: list[Document] = []
        actors: list[Actor] = []
        events: list[Event] = []
        for raw in records:
            record = raw if isinstance(raw, Document | Actor | EventBase) else _parse(raw)
            if isinstance(record, Document):
                documents.append(record)
            elif isinstance(record, Actor):
                actors.append(record)
            else:
                events.append(record)
        return cls(tuple(documents), tuple(actors), tuple(events), label)

    def records(self) -> list[dict[str, Any]]:
        """Return every record in canonical JSON form, documents first."""
        every: list[Document | Actor | Event] = [*self.documents, *self.actors, *self.events]
        return [r.model_dump(mode="json", exclude_none=True) for r in every]


def _parse(raw: Any) -> Document | Actor | Event:
    return RECORD_ADAPTER.validate_python(raw)


def read_annotation(source: Any, side: str) -> Annotation:
    """Validate ``source`` (a path or list of paths, an :class:`Annotation`, a Dataset or
    records) and type it.

    Raises :class:`ScoringInputError` with the validator's report when the source has errors:
    an invalid input gets no score, since a score of broken records would mislead.
    """
    if isinstance(source, Annotation):
        records: list[Any] = source.records()
        label = source.label
    elif hasattr(source, "documents") and hasattr(source, "events"):
        records = Annotation(source.documents, source.actors, source.events).records()
        label = f"{getattr(source, 'name', 'dataset')} {getattr(source, 'version', '')}".strip()
    elif _is_paths(source):
        paths = [source] if isinstance(source, str | os.PathLike) else list(source)
        records = read_records(paths)
        label = ", ".join(os.fspath(path) for path in paths)
        source = paths
    else:
        records = [
            r.model_dump(mode="json", exclude_none=True) if _is_model(r) else r for r in source
        ]
        label = side
    report = validate(source if _is_paths(source) else records)
    if not report.valid:
        raise ScoringInputError(side, report)
    return Annotation.of(records, label)


def _is_paths(value: object) -> bool:
    """A path, or a non-empty list or tuple of paths (files or folders)."""
    if isinstance(value, str | os.PathLike):
        return True
    return (
        isinstance(value, list | tuple)
        and bool(value)
        and all(isinstance(v, str | os.PathLike) for v in value)
    )


def _is_model(value: object) -> bool:
    return hasattr(value, "model_dump")
