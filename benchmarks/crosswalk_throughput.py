"""Crosswalk throughput: rows/s of each source's conversion against pandas.read_csv of the file.

Generates a day of GDELT 2.0 (150,000 rows by default, in the raw 61-column TAB layout, from
the shipped gdeltPyR rows with fresh ids, dates and places), an ACLED export and a PLOVER
JSON Lines file of the same size from the codebooks, then for each, in a fresh process so the
peak memory is its own:

- ``newsevents convert --from SOURCE -o out.jsonl`` (read, map, check, write JSON Lines);
- ``pandas.read_csv`` of the same file (all columns as strings: the parse floor), or
  ``pandas.read_json(lines=True)`` for PLOVER.

Prints rows per CPU second of each (the machine may be shared: CPU time is what the code
costs; the wall rate is printed too) and the peak resident memory (ru_maxrss), and the
conversion's peak at a fifth of the rows, to show that memory does not grow with the file.  Run:
``python benchmarks/crosswalk_throughput.py [--rows N]`` (``pip install -e '.[bench]'`` for
pandas).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "crosswalk" / "data" / "gdelt2_events_gdeltPyR_events2samps_head33.csv"


def make_gdelt(path: Path, rows: int, seed: int = 12) -> None:
    """Write ``rows`` raw GDELT 2.0 rows (61 TAB columns, no header), varied from the sample."""
    from newsevents.crosswalk import countries
    from newsevents.crosswalk.gdelt import COLUMNS_2

    random_ = random.Random(seed)
    with SAMPLE.open(encoding="utf-8", newline="") as stream:
        base = list(csv.DictReader(stream))
    fips = sorted(countries.fips_to_iso3())
    with path.open("w", encoding="utf-8") as out:
        for n in range(rows):
            row = dict(base[n % len(base)])
            row["GLOBALEVENTID"] = str(1_000_000_000 + n)
            day = random_.randint(1, 28)
            row["SQLDATE"], row["MonthYear"] = f"202201{day:02d}", "202201"
            row["Year"], row["FractionDate"] = "2022", f"{2022 + day / 365:.4f}"
            if row["ActionGeo_Type"] != "0":
                row["ActionGeo_CountryCode"] = random_.choice(fips)
            row["SOURCEURL"] = f"https://example.org/news/{n // 7}"
            out.write("\t".join(row[c] for c in COLUMNS_2) + "\n")


def make_acled(path: Path, rows: int, seed: int = 12) -> None:
    """Write ``rows`` ACLED rows made from the codebook (no ACLED data)."""
    from newsevents.codebooks import ACLED_EVENT_TYPES
    from newsevents.codebooks.acled import acled_disorder_type
    from newsevents.crosswalk.acled import COLUMNS

    random_ = random.Random(seed)
    types = sorted(ACLED_EVENT_TYPES)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, COLUMNS, restval="")
        writer.writeheader()
        for n in range(rows):
            event_type = random_.choice(types)
            writer.writerow(
                {
                    "event_id_cnty": f"XYZ{n}",
                    "event_date": f"2022-01-{random_.randint(1, 28):02d}",
                    "year": "2022",
                    "time_precision": "1",
                    "disorder_type": acled_disorder_type(event_type),
                    "event_type": event_type,
                    "sub_event_type": random_.choice(ACLED_EVENT_TYPES[event_type]),
                    "actor1": f"Actor {n % 500}",
                    "actor2": f"Actor {(n * 7) % 500}",
                    "iso": "804",
                    "location": f"Place {n % 2000}",
                    "latitude": "50.45",
                    "longitude": "30.52",
                    "geo_precision": "1",
                    "source": "Example Wire",
                    "notes": "A made-up event.",
                    "fatalities": "0",
                    "timestamp": "1643068800",
                }
            )


def make_plover(path: Path, rows: int, seed: int = 12) -> None:
    """Write ``rows`` PLOVER v0.8 records as JSON Lines."""
    from newsevents.codebooks import PLOVER_TYPES

    random_ = random.Random(seed)
    with path.open("w", encoding="utf-8") as stream:
        for n in range(rows):
            record = {
                "id": f"p{n}",
                "date": f"2022-01-{random_.randint(1, 28):02d}",
                "source": [{"actor_text": f"Actor {n % 500}", "code": "USA", "sector": "GOV"}],
                "recipient": [{"actor_text": "Russia", "code": "RUS"}],
                "event": [random_.choice(PLOVER_TYPES)],
                "context": ["military"],
                "publication": "Example Wire",
                "coder": "bench",
                "coded_date": "2022-01-25",
            }
            stream.write(json.dumps(record) + "\n")


def _worker(task: str, source: str, path: str) -> None:
    # Imports come first: the rate is the conversion's or the parse's, not Python's start-up.
    import pandas as pd

    from newsevents.crosswalk import convert

    start, cpu = time.perf_counter(), time.process_time()
    if task == "convert":
        with tempfile.TemporaryDirectory() as folder:
            conversion = convert([path], source, "newsevents", Path(folder) / "out.jsonl")
        rows = conversion.read
    elif source == "plover":
        rows = len(pd.read_json(path, lines=True, dtype=False))
    elif source == "gdelt":
        rows = len(pd.read_csv(path, sep="\t", header=None, dtype=str, quoting=csv.QUOTE_NONE))
    else:
        rows = len(pd.read_csv(path, dtype=str))
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"rows": rows, "seconds": seconds, "cpu": cpu_seconds, "peak_mb": peak_mb}))


def _run(task: str, source: str, path: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--worker", task, source, str(path)]
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    """Generate the files, run each measurement in its own process, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=150_000, help="rows per source (150000)")
    parser.add_argument("--worker", nargs=3, metavar=("TASK", "SOURCE", "PATH"), help="internal")
    args = parser.parse_args()
    if args.worker:
        _worker(*args.worker)
        return
    makers = {
        "gdelt": (make_gdelt, ".export.CSV"),
        "acled": (make_acled, ".csv"),
        "plover": (make_plover, ".jsonl"),
    }
    print(
        "| source | rows | convert rows/s (CPU) | pandas rows/s (CPU) | convert / pandas "
        f"| convert rows/s (wall) | convert peak MB | at {args.rows // 5:,} rows "
        "| pandas peak MB |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for source, (make, suffix) in makers.items():
            path, small = Path(folder) / f"{source}{suffix}", Path(folder) / f"small{suffix}"
            make(path, args.rows)
            make(small, args.rows // 5)
            ours, theirs = _run("convert", source, path), _run("pandas", source, path)
            fifth = _run("convert", source, small)
            ours_rate = ours["rows"] / ours["cpu"]
            pandas_rate = theirs["rows"] / theirs["cpu"]
            print(
                f"| {source} | {int(ours['rows']):,} | {ours_rate:,.0f} | {pandas_rate:,.0f} "
                f"| {ours_rate / pandas_rate:.2f} | {ours['rows'] / ours['seconds']:,.0f} "
                f"| {ours['peak_mb']:.0f} | {fifth['peak_mb']:.0f} | {theirs['peak_mb']:.0f} |"
            )


if __name__ == "__main__":
    main()
