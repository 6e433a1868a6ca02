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
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import krippendorff
import numpy as np

ABSENT = "(none)"
"""The category a missing value counts as in kappa and nominal alpha: one annotator gave the
attribute a value and the other did not."""

PACKAGE_CELLS = 4_000_000
"""Largest units x values x values array handed to the ``krippendorff`` package, which builds
one per call (4 million cells: 32 MB).  Beyond it (an attribute with as many values as units,
such as trigger offsets, on a thousand events would need 8 GB) :func:`coincidence_alpha`
computes the same coefficient from the units' few values."""

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
    rank = _ranks(data, level, order)
    units = len(data[0]) if data else 0
    if units * max(len(rank), 1) ** 2 <= PACKAGE_CELLS:
        return alpha_of_counts(value_counts(data, level, order), level)
    per_unit = [Counter(rank[row[u]] for row in data if row[u] in rank) for u in range(units)]
    return coincidence_alpha(per_unit, len(rank), level)


def _ranks(
    data: Sequence[Sequence[Hashable | None]],
    level: Literal["nominal", "ordinal"],
    order: Sequence[Hashable],
) -> dict[Hashable, int]:
    if level == "ordinal":
        return {value: index for index, value in enumerate(order)}
    values = {v for row in data for v in row if v is not None}
    return {value: index for index, value in enumerate(sorted(values, key=repr))}


def value_counts(
    data: Sequence[Sequence[Hashable | None]],
    level: Literal["nominal", "ordinal"] = "nominal",
    order: Sequence[Hashable] = (),
) -> np.ndarray[Any, Any]:
    """The units-by-values table of ``data``: how many annotators gave each value to each
    unit (columns in ``order`` for an ordinal level, else in a fixed order of the values).
    Resampling units is taking rows of it, which is how the bootstrap uses it."""
    rank = _ranks(data, level, order)
    units = len(data[0]) if data else 0
    counts = np.zeros((units, max(len(rank), 1)))
    for row in data:
        for unit, value in enumerate(row):
            if value is not None and value in rank:
                counts[unit, rank[value]] += 1
    return counts


def alpha_of_counts(
    counts: np.ndarray[Any, Any], level: Literal["nominal", "ordinal"] = "nominal"
) -> float | None:
    """Krippendorff's alpha from a units-by-values table (the ``krippendorff`` package's
    ``value_counts`` input); None when undefined."""
    pairable = counts[counts.sum(axis=1) >= 2]
    if np.count_nonzero(pairable.sum(axis=0)) < 2:
        return None
    if pairable.shape[0] * counts.shape[1] ** 2 > PACKAGE_CELLS:
        rows = [{int(v): float(row[v]) for v in np.nonzero(row)[0]} for row in pairable]
        return coincidence_alpha(rows, counts.shape[1], level)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        value = float(
            krippendorff.alpha(
                value_counts=pairable,
                value_domain=list(range(counts.shape[1])),
                level_of_measurement=level,
            )
        )
    return None if math.isnan(value) else value


def coincidence_alpha(
    units: Sequence[Mapping[int, float]],
    values: int,
    level: Literal["nominal", "ordinal"] = "nominal",
) -> float | None:
    """Krippendorff's alpha from each unit's value counts (value code below ``values``: how
    many annotators gave it), through the coincidence matrix of the values present only
    (Krippendorff 2011, "Computing Krippendorff's alpha-reliability"): o_ck = sum over units
    of n_uc (n_uk - [c = k]) / (m_u - 1), then alpha = 1 - (n - 1) sum o_ck delta_ck /
    sum n_c n_k delta_ck.  The same coefficient as the package's (a test checks them against
    each other), in memory proportional to the data."""
    coincidences: dict[tuple[int, int], float] = {}
    for unit in units:
        m = float(sum(unit.values()))
        if m < 2:
            continue
        for first, first_count in unit.items():
            for second, second_count in unit.items():
                same = 1.0 if first == second else 0.0
                share = first_count * (second_count - same) / (m - 1.0)
                if share:
                    key = (first, second)
                    coincidences[key] = coincidences.get(key, 0.0) + share
    totals = np.zeros(values)
    for (value, _), share in coincidences.items():
        totals[value] += share
    n = float(totals.sum())
    if np.count_nonzero(totals) < 2 or n <= 1:
        return None
    if level == "nominal":
        observed = sum(share for (c, k), share in coincidences.items() if c != k)
        expected = n * n - float(np.sum(totals**2))
    else:
        delta = ordinal_delta(totals)
        observed = sum(share * delta[c, k] for (c, k), share in coincidences.items())
        expected = float(totals @ delta @ totals)
    if expected == 0:
        return None
    return 1.0 - (n - 1.0) * observed / expected


def bootstrap(
    statistic: Callable[[np.ndarray[Any, Any]], float | None],
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
        value = statistic(generator.integers(0, units, units))
        if value is not None:
            found.append(value)
    if not found:
        return None
    tail = (1 - CONFIDENCE) / 2 * 100
    low, high = np.percentile(found, [tail, 100 - tail])
    return Interval(float(low), float(high))


def pair_alpha(
    first: np.ndarray[Any, Any],
    second: np.ndarray[Any, Any],
    values: int,
    level: Literal["nominal", "ordinal"] = "nominal",
) -> float | None:
    """Krippendorff's alpha of two annotators who both coded every unit, from their value
    codes (integers below ``values``; for an ordinal level, the codes are the ranks).

    The same coefficient as :func:`krippendorff_alpha` (a test checks them against each other),
    computed from the coincidence sums in a few array operations, for the bootstrap: the
    ``krippendorff`` package builds a units-by-values-by-values array per call, which for an
    attribute with as many values as units (trigger offsets, dates) makes a thousand resamples
    of a thousand units take minutes.  With two values per unit, each unit adds one
    coincidence each way: D_o = 2 sum(delta(c_u, k_u)), D_e = sum n_c n_k delta(c, k), and
    alpha = 1 - (n - 1) D_o / D_e.
    """
    units = len(first)
    if units == 0:
        return None
    totals = np.bincount(first, minlength=values) + np.bincount(second, minlength=values)
    if np.count_nonzero(totals) < 2:
        return None
    n = 2 * units
    if level == "nominal":
        observed = 2.0 * float(np.count_nonzero(first != second))
        expected = float(n * n - np.sum(totals.astype(float) ** 2))
    else:
        delta = ordinal_delta(totals)
        observed = 2.0 * float(np.sum(delta[first, second]))
        expected = float(totals @ delta @ totals)
    if expected == 0:
        return None
    return 1.0 - (n - 1) * observed / expected


def ordinal_delta(totals: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Krippendorff's ordinal distance between every two of the ranked values whose
    frequencies are ``totals``: the squared count of the values between them, the two ends
    counted half."""
    ranks = np.arange(len(totals))
    cumulative = np.cumsum(totals)
    low = np.minimum.outer(ranks, ranks)
    high = np.maximum.outer(ranks, ranks)
    between = cumulative[high] - np.where(low > 0, cumulative[low - 1], 0)
    delta: np.ndarray[Any, Any] = (between - (totals[low] + totals[high]) / 2.0) ** 2
    np.fill_diagonal(delta, 0.0)
    return delta
