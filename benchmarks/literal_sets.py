"""What declaring the models' membership rules as ``Literal`` sets would buy.

Three rules check membership in Python today: the CAMEO event code (an AfterValidator, NE401),
the PLOVER type (a field validator, NE406) and the ISO 3166-1 country of actors and locations
(a field validator, NE410).  A ``Literal`` of the same values is checked inside pydantic-core.
This script times each field's validator both ways on the values of the benchmark corpus and
counts how often each field occurs per record, to estimate the saving per record.

    python benchmarks/literal_sets.py --records 20000
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

from pydantic import TypeAdapter

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_jsonl  # noqa: E402


def _values(records: list[dict[str, Any]]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {"cameo code": [], "plover type": [], "country": []}
    for record in records:
        if isinstance(record.get("cameo"), dict):
            found["cameo code"].append(record["cameo"]["code"])
        if isinstance(record.get("plover"), dict):
            found["plover type"].append(record["plover"]["type"])
        for value in _countries(record):
            found["country"].append(value)
    return found


def _countries(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("country", "country_code") and isinstance(item, str):
                yield item
            else:
                yield from _countries(item)
    elif isinstance(value, list):
        for item in value:
            yield from _countries(item)


def _time(check: Callable[[Any], Any], values: list[str], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for value in values:
            check(value)
        best = min(best, time.process_time() - started)
    return best / max(1, len(values))


def main(argv: list[str] | None = None) -> None:
    """Print, per field, the microseconds per value today and as a Literal."""
    import orjson
    import pycountry

    from newsevents.codebooks import PLOVER_TYPES, cameo_codes, is_country_code
    from newsevents.models.coding import CameoEventCode, PloverCoding
    from newsevents.models.location import check_country

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    args = parser.parse_args(argv)
    path = HERE / "data" / f"literal-{args.records}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        write_jsonl(path, args.records, 7, 0.0)
    records = [orjson.loads(line) for line in path.read_bytes().splitlines()]
    values = _values(records)
    countries = sorted(c.alpha_3 for c in pycountry.countries)
    assert all(is_country_code(c) for c in countries)
    today: dict[str, Callable[[Any], Any]] = {
        "cameo code": TypeAdapter(CameoEventCode).validate_python,
        "plover type": lambda v: PloverCoding._known_type(v),  # type: ignore[operator]
        "country": check_country,
    }
    literal: dict[str, Callable[[Any], Any]] = {
        "cameo code": TypeAdapter(Literal[tuple(sorted(cameo_codes()))]).validate_python,  # type: ignore[misc]
        "plover type": TypeAdapter(Literal[tuple(sorted(PLOVER_TYPES))]).validate_python,  # type: ignore[misc]
        "country": TypeAdapter(Literal[tuple(countries)]).validate_python,  # type: ignore[misc]
    }
    print(f"{len(records):,} records; microseconds per value (CPU), best of 5")
    print("| field | values per record | today (Python) | as a Literal | saved per record |")
    print("|---|---:|---:|---:|---:|")
    total = 0.0
    for field, found in values.items():
        per_record = len(found) / len(records)
        now, then = _time(today[field], found), _time(literal[field], found)
        saved = (now - then) * per_record * 1e6
        total += saved
        print(f"| {field} | {per_record:.2f} | {now * 1e6:.2f} | {then * 1e6:.2f} | {saved:.2f} |")
    print(f"| all three | | | | {total:.2f} us |")


if __name__ == "__main__":
    main()
