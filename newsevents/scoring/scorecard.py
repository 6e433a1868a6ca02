"""The scorecard: every figure of one comparison, with the alignment, as data, JSON and text.

Its JSON form is derived from these dataclasses by pydantic (``TypeAdapter``), and so is its
published JSON Schema (``scorecard.schema.json`` in this package, ``SCORECARD_VERSION``): the
fields are declared once, here and in :mod:`newsevents.scoring.alignment`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any, Literal

from pydantic import TypeAdapter

from newsevents.scoring.agreement import CONFIDENCE, DEFAULT_RESAMPLES, DEFAULT_SEED
from newsevents.scoring.alignment import DEFAULT_MATCH, Alignment, align
from newsevents.scoring.annotation import Annotation, read_annotation
from newsevents.scoring.metrics import (
    AttributeScore,
    Detection,
    attribute_scores,
    detection,
    span_scores,
)

SCORECARD_VERSION = "1.0.0"
"""Version of the scorecard's JSON form; its schema is ``scorecard.schema.json``."""

SCHEMA_FILE = "scorecard.schema.json"
SCHEMA_ID = f"https://newsevents.example/scorecard/{SCORECARD_VERSION}/scorecard.schema.json"


@dataclass(frozen=True)
class Side:
    """One side of the comparison: its label (path or dataset) and its record counts."""

    label: str
    documents: int
    actors: int
    events: int

    @classmethod
    def of(cls, annotation: Annotation) -> Side:
        """Describe ``annotation``."""
        return cls(
            annotation.label,
            len(annotation.documents),
            len(annotation.actors),
            len(annotation.events),
        )


@dataclass(frozen=True)
class SpanScore:
    """Spans of the matched pairs: ``exact`` (identical offsets) or ``overlap`` (code points)."""

    name: str
    tp: int
    fp: int
    fn: int
    precision: float | None
    recall: float | None
    f1: float | None


@dataclass(frozen=True)
class Scorecard:
    """Every figure of a system scored against a gold annotation, and the alignment behind it.

    ``detection`` holds one row per event type, then ``all`` (micro) and ``macro``;
    ``attributes`` one row per attribute of :data:`newsevents.scoring.ATTRIBUTES`; ``spans``
    the exact and overlap span figures; ``alignment`` every pair, miss and false alarm.
    Intervals are percentile bootstraps at ``confidence`` over ``resamples`` seeded resamples.
    """

    gold: Side
    system: Side
    match: str
    detection: tuple[Detection, ...]
    attributes: tuple[AttributeScore, ...]
    spans: tuple[SpanScore, ...]
    alignment: Alignment
    resamples: int = DEFAULT_RESAMPLES
    seed: int = DEFAULT_SEED
    confidence: float = CONFIDENCE
    scorecard_version: str = SCORECARD_VERSION
    tool: dict[str, str] = field(default_factory=dict)

    def detection_of(self, event_type: str = "all") -> Detection:
        """The detection row of ``event_type`` (``all``: micro over types; ``macro``)."""
        return next(d for d in self.detection if d.event_type == event_type)

    def attribute(self, name: str) -> AttributeScore:
        """The score of attribute ``name``."""
        return next(a for a in self.attributes if a.name == name)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (validates under :func:`scorecard_schema`)."""
        found: dict[str, Any] = _ADAPTER.dump_python(self, mode="json")
        return {"$schema": SCHEMA_ID, **found}

    def to_json(self, indent: int | None = 2) -> str:
        """The JSON scorecard as a string; control, format and bidirectional characters from
        the input written as ``\\u`` escapes (:func:`newsevents.validation.safe.json_safe`)."""
        from newsevents.validation.safe import json_safe

        return json_safe(json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)) + "\n"

    def to_text(self, shown: int = 20) -> str:
        """A readable report: detection, attributes, spans, then the disagreements."""
        from newsevents.scoring.text import render

        return render(self, shown)

    def to_pandas(
        self, table: Literal["detection", "attributes", "disagreements", "unmatched"] = "attributes"
    ) -> Any:
        """One table of the scorecard as a pandas DataFrame (pandas must be installed)."""
        from newsevents.scoring.tables import table_rows

        try:
            import pandas
        except ImportError as error:  # pandas is optional: only this method needs it
            raise ImportError(
                "Scorecard.to_pandas() needs pandas: pip install pandas (or newsevents[test])"
            ) from error
        return pandas.DataFrame(table_rows(self, table))


_ADAPTER: TypeAdapter[Scorecard] = TypeAdapter(Scorecard)


def scorecard_schema() -> dict[str, Any]:
    """The JSON Schema of the scorecard, derived from the dataclasses (Draft 2020-12)."""
    schema = _ADAPTER.json_schema(mode="serialization")
    schema["properties"] = {"$schema": {"const": SCHEMA_ID}, **schema["properties"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


@cache
def published_schema() -> dict[str, Any]:
    """The scorecard schema shipped in the package (a test keeps it equal to the derived one)."""
    loaded: dict[str, Any] = json.loads(
        files("newsevents.scoring").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    )
    return loaded


def score(
    gold: Any,
    system: Any,
    *,
    match: str = DEFAULT_MATCH,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> Scorecard:
    """Validate both annotations, align ``system`` with ``gold`` and score it.

    Each side is a path (file or folder), a loaded :class:`newsevents.Dataset`, an
    :class:`Annotation` or an iterable of records.  An invalid side raises
    :class:`newsevents.scoring.ScoringInputError` carrying the validator's report.
    """
    from newsevents import __version__

    gold_annotation = read_annotation(gold, "gold")
    system_annotation = read_annotation(system, "system")
    alignment = align(gold_annotation, system_annotation, match)
    spans = span_scores(alignment, gold_annotation, system_annotation)
    return Scorecard(
        gold=Side.of(gold_annotation),
        system=Side.of(system_annotation),
        match=match,
        detection=tuple(detection(alignment, resamples, seed)),
        attributes=tuple(
            attribute_scores(alignment, gold_annotation, system_annotation, resamples, seed)
        ),
        spans=tuple(
            SpanScore(name, c.tp, c.fp, c.fn, c.precision, c.recall, c.f1)
            for name, c in spans.items()
        ),
        alignment=alignment,
        resamples=resamples,
        seed=seed,
        tool={"name": "newsevents", "version": __version__},
    )
