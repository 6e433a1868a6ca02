"""One contender measured in its own process: ``python contenders.py NAME DATA LIMIT [JOBS]``.

Prints one JSON object: records done, wall and CPU seconds of the work alone (imports and
schema compilation excluded), and the peak RSS of this process and of its children.  Run
in a fresh process each time so peaks do not carry over from one contender to the next.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import resource
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson

RECORD_TYPES = ("document", "actor", "event")


def _lines(path: Path, limit: int | None) -> list[bytes]:
    with path.open("rb") as stream:
        return [line for line in itertools.islice(stream, limit) if line.strip()]


def _schemas() -> dict[str, dict[str, Any]]:
    from newsevents.schema import load

    return {kind: load("1.0.0", kind) for kind in RECORD_TYPES}


def draft7(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema rewritten for a Draft 7 validator: $defs -> definitions, refs to match."""
    text = json.dumps(schema).replace('"#/$defs/', '"#/definitions/')
    converted: dict[str, Any] = json.loads(text)
    converted["definitions"] = converted.pop("$defs", {})
    converted["$schema"] = "http://json-schema.org/draft-07/schema#"
    converted.pop("$id", None)
    return converted


def _per_line(check: Callable[[dict[str, Any]], object]) -> Callable[[list[bytes]], int]:
    def run(lines: list[bytes]) -> int:
        loads = orjson.loads
        for line in lines:
            try:
                record = loads(line)
            except orjson.JSONDecodeError:
                continue
            if isinstance(record, dict):
                check(record)
        return len(lines)

    return run


def _by_type(validators: dict[str, Callable[[Any], object]]) -> Callable[[dict[str, Any]], object]:
    fallback = validators["event"]

    def check(record: dict[str, Any]) -> object:
        return validators.get(record.get("record_type"), fallback)(record)  # type: ignore[arg-type]

    return check


def prepare(name: str, jobs: int) -> Callable[[Path, int | None], int]:
    """Return the contender ``name``: compiled and ready, taking (data, line limit)."""
    if name == "orjson":
        return lambda path, limit: _per_line(lambda record: None)(_lines(path, limit))
    if name == "pydantic":
        from newsevents.models import RECORD_ADAPTER

        def pydantic(path: Path, limit: int | None) -> int:
            lines, validate = _lines(path, limit), RECORD_ADAPTER.validate_json
            for line in lines:
                with contextlib.suppress(Exception):  # an invalid record: counted only
                    validate(line)
            return len(lines)

        return pydantic
    if name == "pydantic-python":  # what our engine does: orjson, then the models
        from newsevents.models import RECORD_ADAPTER

        def checked(record: dict[str, Any]) -> object:
            with contextlib.suppress(Exception):
                return RECORD_ADAPTER.validate_python(record)
            return None

        return lambda path, limit: _per_line(checked)(_lines(path, limit))
    if name.startswith("jsonschema-rs"):
        import jsonschema_rs

        compiled = {k: jsonschema_rs.validator_for(s) for k, s in _schemas().items()}
        if name.endswith("is-valid"):
            check = _by_type({k: v.is_valid for k, v in compiled.items()})
        else:
            check = _by_type({k: _all(v.iter_errors) for k, v in compiled.items()})
        return lambda path, limit: _per_line(check)(_lines(path, limit))
    if name == "fastjsonschema":
        import fastjsonschema

        compiled = {k: fastjsonschema.compile(draft7(s)) for k, s in _schemas().items()}
        check = _by_type({k: _first_error(v) for k, v in compiled.items()})
        return lambda path, limit: _per_line(check)(_lines(path, limit))
    if name == "jsonschema":
        import jsonschema

        checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
        built = {
            k: jsonschema.Draft202012Validator(s, format_checker=checker)
            for k, s in _schemas().items()
        }
        check = _by_type({k: _all(v.iter_errors) for k, v in built.items()})
        return lambda path, limit: _per_line(check)(_lines(path, limit))
    return _ours(name, jobs)


def _all(errors: Callable[[Any], Iterator[Any]]) -> Callable[[Any], object]:
    return lambda record: list(errors(record))


def _first_error(validate: Callable[[Any], Any]) -> Callable[[Any], object]:
    def check(record: Any) -> object:
        try:
            return validate(record)
        except Exception as error:  # fastjsonschema stops at the first error
            return error

    return check


def _ours(name: str, jobs: int) -> Callable[[Path, int | None], int]:
    from newsevents.validation import validate
    from newsevents.validation.parallel import validate_paths

    runs: dict[str, Callable[[Path], Any]] = {
        "ours": lambda path: validate(path),
        "ours-jobs": lambda path: validate_paths(path, jobs=jobs),
        "ours-parquet": lambda path: validate(path),
    }
    run = runs[name]

    def ours(path: Path, limit: int | None) -> int:
        report = run(path)
        return int(report.records)

    return ours


def peak_rss_mb() -> float:
    """This process's peak resident set (VmHWM: unlike ru_maxrss, not inherited over exec)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> None:
    """Measure one contender and print the JSON result."""
    name, data = argv[0], Path(argv[1])
    limit = int(argv[2]) if len(argv) > 2 and argv[2] != "0" else None
    jobs = int(argv[3]) if len(argv) > 3 else 1
    contender = prepare(name, jobs)
    wall, cpu = time.perf_counter(), time.process_time()
    records = contender(data, limit)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = {
        "contender": name,
        "records": records,
        "wall_s": wall,
        "cpu_s": cpu + children.ru_utime + children.ru_stime,
        "peak_rss_mb": peak_rss_mb(),
        "children_peak_rss_mb": children.ru_maxrss / 1024,
    }
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main(sys.argv[1:])
