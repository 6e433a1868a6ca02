"""Scoring: compare an annotation with a gold standard and measure agreement.

``align`` pairs a system's documents, events and actors with the gold (one-to-one, optimal)
and keeps every disagreement as data; ``score`` validates both sides, aligns them and returns a
:class:`Scorecard` of detection, attribute and agreement figures.  docs/scoring.md explains the
matching rules and how they relate to the TAC KBP and ACE scorers.
"""

from newsevents.scoring.alignment import (
    DEFAULT_MATCH,
    MATCH_RULES,
    ActorPair,
    Alignment,
    Disagreement,
    DocumentPair,
    MatchedPair,
    MatchRule,
    UnmatchedEvent,
    align,
)
from newsevents.scoring.annotation import Annotation, ScoringInputError, read_annotation
from newsevents.scoring.attributes import ATTRIBUTES, Attribute, Crosswalk
from newsevents.scoring.multi import AlphaScore, agreement
from newsevents.scoring.scorecard import SCORECARD_VERSION, Scorecard, score

__all__ = [
    "ATTRIBUTES",
    "DEFAULT_MATCH",
    "MATCH_RULES",
    "SCORECARD_VERSION",
    "ActorPair",
    "Alignment",
    "AlphaScore",
    "Annotation",
    "Attribute",
    "Crosswalk",
    "Disagreement",
    "DocumentPair",
    "MatchRule",
    "MatchedPair",
    "Scorecard",
    "ScoringInputError",
    "UnmatchedEvent",
    "agreement",
    "align",
    "read_annotation",
    "score",
]
