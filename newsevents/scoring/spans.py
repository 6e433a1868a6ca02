"""Code points covered by spans, as merged intervals: a long span costs no more than a short one."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

Intervals = tuple[tuple[int, int], ...]


def covered(spans: Iterable[tuple[int, int]]) -> Intervals:
    """The code points ``spans`` (start, end) cover, as sorted disjoint intervals."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def length(intervals: Sequence[tuple[int, int]]) -> int:
    """How many code points ``intervals`` cover."""
    return sum(end - start for start, end in intervals)


def shared(first: Sequence[tuple[int, int]], second: Sequence[tuple[int, int]]) -> int:
    """How many code points two sets of sorted disjoint intervals share."""
    i = j = found = 0
    while i < len(first) and j < len(second):
        start = max(first[i][0], second[j][0])
        end = min(first[i][1], second[j][1])
        found += max(0, end - start)
        if first[i][1] < second[j][1]:
            i += 1
        else:
            j += 1
    return found


def dice(first: Sequence[tuple[int, int]], second: Sequence[tuple[int, int]]) -> float:
    """The Dice coefficient of the code points two interval sets cover (0.0 if one is empty)."""
    total = length(first) + length(second)
    return 2 * shared(first, second) / total if length(first) and length(second) else 0.0
