"""Code points covered by spans, as merged intervals: a long span costs no more than a short one."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Sequence

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


def overlapping(
    first: Iterable[tuple[int, int, int]], second: Iterable[tuple[int, int, int]]
) -> Iterator[tuple[int, int]]:
    """The (first index, second index) pairs whose intervals (start, end, index) share a
    code point.

    One sweep over the starts, keeping the intervals still open on each side: time grows
    with the intervals and the pairs found, not with the square of the intervals.
    """
    starts = sorted(
        [(start, end, 0, index) for start, end, index in first if end > start]
        + [(start, end, 1, index) for start, end, index in second if end > start]
    )
    still_open: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])
    for start, end, side, index in starts:
        for intervals in still_open:
            while intervals and intervals[0][0] <= start:
                heapq.heappop(intervals)
        others = (other for _, other in still_open[1 - side])
        yield from ((index, other) if side == 0 else (other, index) for other in others)
        heapq.heappush(still_open[side], (end, index))
