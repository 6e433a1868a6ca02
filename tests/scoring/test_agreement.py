"""Agreement coefficients against published values, and their edge cases."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.scoring.agreement import bootstrap, cohen_kappa, krippendorff_alpha


def _labels(table: dict[tuple[str, str], int]) -> tuple[list[str], list[str]]:
    first: list[str] = []
    second: list[str] = []
    for (a, b), count in table.items():
        first += [a] * count
        second += [b] * count
    return first, second


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # Wikipedia, "Cohen's kappa", worked example: 50 proposals, p_o = 0.7, p_e = 0.5.
        ({("yes", "yes"): 20, ("yes", "no"): 5, ("no", "yes"): 10, ("no", "no"): 15}, 0.4),
        # Ibid., "same percentages but different numbers": kappa 0.1304 and 0.2593.
        ({("yes", "yes"): 45, ("yes", "no"): 15, ("no", "yes"): 25, ("no", "no"): 15}, 0.1304),
        ({("yes", "yes"): 25, ("yes", "no"): 35, ("no", "yes"): 5, ("no", "no"): 35}, 0.2593),
    ],
)
def test_cohen_kappa_matches_published_examples(
    table: dict[tuple[str, str], int], expected: float
) -> None:
    kappa = cohen_kappa(*_labels(table))
    assert kappa is not None
    assert round(kappa, 4) == expected


# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: four
# observers, twelve units, missing values; nominal alpha 0.743, ordinal 0.815.
_N = None
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _N, _N, _N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _N, 3],
    [_N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _N],
]


def test_krippendorff_alpha_matches_the_published_example() -> None:
    nominal = krippendorff_alpha(KRIPPENDORFF_2011)
    ordinal = krippendorff_alpha(KRIPPENDORFF_2011, "ordinal", (1, 2, 3, 4, 5))
    assert nominal is not None and round(nominal, 3) == 0.743
    assert ordinal is not None and round(ordinal, 3) == 0.815


def test_alpha_takes_categories_as_labels_not_numbers() -> None:
    words = [["abcde"[v - 1] if v else None for v in row] for row in KRIPPENDORFF_2011]
    nominal = krippendorff_alpha(words)
    ordinal = krippendorff_alpha(words, "ordinal", tuple("abcde"))
    assert nominal is not None and round(nominal, 3) == 0.743
    assert ordinal is not None and round(ordinal, 3) == 0.815


def test_coefficients_are_undefined_when_every_value_is_the_same() -> None:
    assert cohen_kappa(["a", "a", "a"], ["a", "a", "a"]) is None
    assert krippendorff_alpha([["a", "a"], ["a", "a"]]) is None
    assert cohen_kappa([], []) is None
    assert krippendorff_alpha([["a", None], [None, "b"]]) is None


def test_two_annotators_kappa_and_alpha_differ_by_the_small_sample_correction() -> None:
    first, second = _labels(
        {("yes", "yes"): 20, ("yes", "no"): 5, ("no", "yes"): 10, ("no", "no"): 15}
    )
    alpha = krippendorff_alpha([first, second])
    # Scott's pi for this table is 0.3939; alpha = 1 - (1 - pi) * (2n - 1) / (2n), n = 50.
    assert alpha is not None
    assert math.isclose(alpha, 1 - (1 - 0.393939) * 99 / 100, abs_tol=1e-4)


@settings(max_examples=50)
@given(st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from("abc")), min_size=1))
def test_kappa_is_one_exactly_when_annotators_agree_on_varied_labels(
    pairs: list[tuple[str, str]],
) -> None:
    first = [a for a, _ in pairs]
    kappa = cohen_kappa(first, first)
    assert kappa == (None if len(set(first)) == 1 else 1.0)
    observed = cohen_kappa(first, [b for _, b in pairs])
    assert observed is None or -1.0 <= observed <= 1.0


def test_bootstrap_is_seeded_and_brackets_the_figure() -> None:
    values = [1.0] * 30 + [0.0] * 10

    def mean(sample: list[int]) -> float:
        return sum(values[i] for i in sample) / len(sample)

    first = bootstrap(mean, len(values), 500, seed=1)
    again = bootstrap(mean, len(values), 500, seed=1)
    assert first == again
    assert first is not None and first.low < 0.75 < first.high
    assert bootstrap(mean, 0) is None


@settings(max_examples=100)
@given(
    st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), min_size=1, max_size=30),
    st.sampled_from(["nominal", "ordinal"]),
)
def test_the_fast_two_annotator_alpha_is_the_packages(
    pairs: list[tuple[int, int]], level: str
) -> None:
    import numpy as np

    from newsevents.scoring.agreement import pair_alpha

    first = np.array([a for a, _ in pairs])
    second = np.array([b for _, b in pairs])
    rows = [[a for a, _ in pairs], [b for _, b in pairs]]
    expected = krippendorff_alpha(rows, level, tuple(range(5)))  # type: ignore[arg-type]
    found = pair_alpha(first, second, 5, level)  # type: ignore[arg-type]
    if expected is None:
        assert found is None
    else:
        assert found == pytest.approx(expected, abs=1e-9)


@settings(max_examples=100)
@given(
    st.integers(2, 4).flatmap(
        lambda coders: st.lists(
            st.lists(st.one_of(st.none(), st.integers(0, 4)), min_size=coders, max_size=coders),
            min_size=1,
            max_size=15,
        )
    ),
    st.sampled_from(["nominal", "ordinal"]),
)
def test_the_coincidence_alpha_is_the_packages(units: list[list[int | None]], level: str) -> None:
    from newsevents.scoring.agreement import alpha_of_counts, coincidence_alpha, value_counts

    rows = [list(row) for row in zip(*units, strict=True)]
    counts = value_counts(rows, level, tuple(range(5)))  # type: ignore[arg-type]
    expected = alpha_of_counts(counts, level)  # type: ignore[arg-type]
    per_unit = [{v: float(n) for v, n in enumerate(row) if n} for row in counts]
    found = coincidence_alpha(per_unit, 5, level)  # type: ignore[arg-type]
    if expected is None:
        assert found is None
    else:
        assert found == pytest.approx(expected, abs=1e-9)


def test_a_many_valued_attribute_does_not_build_a_cube() -> None:
    """A thousand units with a thousand values each way: the package would need 8 GB."""
    first = [f"value-{i}" for i in range(1000)]
    second = [*first[:-10], *(f"other-{i}" for i in range(10))]
    alpha = krippendorff_alpha([first, second])
    assert alpha is not None and 0.98 < alpha < 1.0
