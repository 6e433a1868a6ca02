"""Krippendorff's alpha across more than two annotations."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsevents
from newsevents.scoring import Annotation, read_annotation
from newsevents.scoring.multi import agreement, alpha_scores

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "datasets" / "military-posture-2022" / "1.0.0"
SECOND = ROOT / "datasets" / "military-posture-2022" / "source" / "annotator-2.jsonl"
IMPERFECT = ROOT / "examples" / "imperfect-annotation.jsonl"


@pytest.fixture(scope="module")
def annotations() -> list[Annotation]:
    return [read_annotation(p, p.name) for p in (GOLD, SECOND, IMPERFECT)]


def test_with_two_annotators_alpha_is_the_scorecards(annotations: list[Annotation]) -> None:
    pairwise = newsevents.score(annotations[0], annotations[1], resamples=0)
    multi = {s.name: s for s in alpha_scores(annotations[:2], resamples=0)}
    for score in pairwise.attributes:
        if score.kind != "set":
            assert multi[score.name].alpha == pytest.approx(score.alpha), score.name
            assert multi[score.name].units == score.pairs, score.name


def test_identical_annotations_agree_perfectly(annotations: list[Annotation]) -> None:
    scores = alpha_scores([annotations[0]] * 3, resamples=0)
    assert all(s.alpha in (1.0, None) for s in scores)
    assert all(s.alpha_ordinal in (1.0, None) for s in scores)


def test_three_annotators(annotations: list[Annotation]) -> None:
    scores = {s.name: s for s in alpha_scores(annotations, resamples=50)}
    detection = scores["detection"]
    assert detection.annotators == 3
    assert detection.units == 21  # 20 pivot events and the imperfect one's false alarm
    assert scores["factuality.modality"].alpha is not None
    assert scores["factuality.modality"].alpha < 1.0  # the imperfect annotation's asserted
    assert scores["factuality.modality"].interval is not None


def test_agreement_validates_and_needs_two() -> None:
    with pytest.raises(ValueError, match="at least two"):
        agreement([GOLD])
