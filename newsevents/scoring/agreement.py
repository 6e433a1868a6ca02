"""Agreement coefficients and their bootstrap intervals.

Krippendorff's alpha comes from the maintained ``krippendorff`` package; Cohen's kappa is
its two-line definition, (p_o - p_e) / (1 - p_e), checked against published examples in the
tests.  A coefficient is undefined (``None``) when the chance agreement is total: every value
the same, where p_e = 1 and alpha's expected disagreement is 0.
"""

from __future__ import annotations

import math
import warnings
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Literal

import krippendorff
import numpy as np

ABSENT = "(none)"
"""The category a missing value counts as in kappa and nominal alpha: one annotator gave the
attribute a value and the other did not."""

DEFAULT_RESAMPLES = 1000
DEFAULT_SEED = 13
CONFIDENCE = 0.95


@dataclass(frozen=True)
class Interval:
    """A percentile bootstrap interval (``CONFIDENCE`` two-sided) of a figure."""

    low: float
    high: float


def cohen_kappa(first: Sequence[Hashable], second: Sequence[Hashable]) -> float | None:
    """Cohen's kappa of two annotators' labels of the same items; None when undefined."""
    n = len(first)
    if n == 0 or n != len(second):
        return None
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    counts_first, counts_second = Counter(first), Counter(second)
    expected = sum(counts_first[v] * counts_second[v] for v in counts_first) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def krippendorff_alpha(
    data: Sequence[Sequence[Hashable | None]],
    level: Literal["nominal", "ordinal"] = "nominal",
    order: Sequence[Hashable] = (),
) -> float | None:
    """Krippendorff's alpha of ``data`` (one row per annotator, one column per unit, None for
    a missing value) at ``level``; an ordinal level ranks values by ``order`` and treats values
    outside it as missing.  None when undefined (fewer than two values, or no pairable unit)."""
    if level == "ordinal":
        rank = {value: index for index, value in enumerate(order)}
    else:
        values = {v for row in data for v in row if v is not None}
        rank = {value: index for index, value in enumerate(sorted(values, key=repr))}
    matrix = np.array(
        [[rank.get(v, math.nan) if v is not None else math.nan for v in row] for row in data],
        dtype=float,
    )
    present = matrix[:, (~np.isnan(matrix)).sum(axis=0) >= 2]
    if len(np.unique(present[~np.isnan(present)])) < 2:
        return None
    domain = sorted(rank.values())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        value = float(
            krippendorff.alpha(
                reliability_data=matrix, value_domain=domain, level_of_measurement=level
            )
        )
    return None if math.isnan(value) else value


def bootstrap(
    statistic: Callable[[Sequence[int]], float | None],
    units: int,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> Interval | None:
    """The percentile interval of ``statistic`` over ``resamples`` resamples (with
    replacement) of the unit indices ``0 .. units - 1``; None with no unit or no defined value.

    Resampling is seeded, so a scorecard is reproducible."""
    if units == 0 or resamples <= 0:
        return None
    generator = np.random.default_rng(seed)
    found = []
    for _ in range(resamples):
        value = statistic(generator.integers(0, units, units).tolist())
        if value is not None:
            found.append(value)
    if not found:
        return None
    tail = (1 - CONFIDENCE) / 2 * 100
    low, high = np.percentile(found, [tail, 100 - tail])
    return Interval(float(low), float(high))
