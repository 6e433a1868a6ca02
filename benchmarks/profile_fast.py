"""Measure and profile the fast path in one process: CPU seconds per 100,000 records.

    python benchmarks/profile_fast.py PATH [PATH...] [--repeat 3] [--profile] [--compute]

Each path is validated ``--repeat`` times in this process (the first run also loads the
codebooks); the best CPU time (``time.process_time``: every thread of the process, so Arrow's
threads count) and the wall time of that run are printed.  On a shared machine, compare CPU
seconds measured back to back rather than wall clock.  ``--profile`` prints the top cProfile
entries of one more run; ``--compute`` the time spent in each ``pyarrow.compute`` function.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import functools
import pstats
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow.compute as pc

from newsevents.validation.fast import validate_fast


def timed(path: Path, repeat: int) -> tuple[float, float, int]:
    """Best CPU seconds, the wall seconds of that run, and the number of records."""
    best: tuple[float, float, int] | None = None
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        report = validate_fast(path)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        records = sum(f.records or 0 for f in report.files)
        if best is None or cpu < best[0]:
            best = (cpu, wall, records)
    assert best is not None
    return best


def compute_calls() -> dict[str, list[float]]:
    """Wrap every ``pyarrow.compute`` function to count its calls and seconds."""
    stats: dict[str, list[float]] = collections.defaultdict(lambda: [0, 0.0])

    def wrap(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def counted(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                entry = stats[name]
                entry[0] += 1
                entry[1] += time.perf_counter() - start

        return counted

    skip = {"field", "scalar", "list_functions", "get_function", "call_function"}
    for name in dir(pc):
        function = getattr(pc, name)
        if callable(function) and name[:1].islower() and name not in skip:
            setattr(pc, name, wrap(name, function))
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="cProfile one more run")
    parser.add_argument("--compute", action="store_true", help="time pyarrow.compute calls")
    parser.add_argument("--top", type=int, default=40)
    options = parser.parse_args()
    for path in options.paths:
        cpu, wall, records = timed(path, options.repeat)
        print(
            f"{path}: {records:,} records, best of {options.repeat}: {cpu:.2f} CPU s "
            f"({100_000 * cpu / max(records, 1):.2f} CPU s per 100k, "
            f"{records / cpu:,.0f} records per CPU s), wall {wall:.2f} s "
            f"({records / wall:,.0f} records/s)"
        )
        if options.profile:
            profile = cProfile.Profile()
            profile.runcall(validate_fast, path)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(options.top)
        if options.compute:
            stats = compute_calls()
            validate_fast(path)
            total = sum(s[1] for s in stats.values())
            print(
                f"pyarrow.compute: {total:.2f} s in {sum(s[0] for s in stats.values()):.0f} calls"
            )
            for name, (calls, seconds) in sorted(stats.items(), key=lambda kv: -kv[1][1])[:25]:
                print(f"  {name:32s} {calls:7.0f} calls {seconds:7.3f} s")


if __name__ == "__main__":
    main()
