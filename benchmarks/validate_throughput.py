"""Validation throughput: ours against the fastest validators, on the same records, in one run.

    python benchmarks/validate_throughput.py                 # make bench: 1M records, ~30 min
    python benchmarks/validate_throughput.py --records 200000  # make bench-quick: minutes
    python benchmarks/validate_throughput.py --big-file 2    # peak RSS on a ~2 GB JSONL
    python benchmarks/validate_throughput.py --ten-million   # 10M records, one command

Generates the corpus once (JSON Lines and Parquet, cached under benchmarks/data/), then
measures every contender in a fresh process per run (so each peak RSS is its own), the
contenders interleaved run after run, and prints medians: records/s, the ratio to the parse
floor (orjson alone), our ratio to each peer, peak RSS.  Slow contenders run on the first
records only (``--sample``).  Results go to benchmarks/results/ as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_jsonl, write_parquet  # noqa: E402

PEERS = (
    "orjson",
    "jsonschema-rs",
    "jsonschema-rs-is-valid",
    "fastjsonschema",
    "pydantic",
    "pydantic-python",
    "jsonschema",
)
LABELS = {
    "orjson": "orjson.loads per line (the parse floor)",
    "jsonschema-rs": "jsonschema-rs: orjson + iter_errors",
    "jsonschema-rs-is-valid": "jsonschema-rs: orjson + is_valid",
    "fastjsonschema": "fastjsonschema (schema converted to Draft 7)",
    "pydantic": "pydantic validate_json per line: our models alone (the floor)",
    "pydantic-python": "orjson + pydantic validate_python per line: our models alone",
    "jsonschema": "python-jsonschema Draft202012Validator.iter_errors",
    "ours": "ours: newsevents validate, JSON Lines, 1 process",
    "ours-jobs": "ours: --jobs {jobs}, JSON Lines",
    "ours-parquet": "ours: Parquet, 1 process",
}


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000, help="corpus size")
    parser.add_argument("--invalid-share", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="runs per contender (median)")
    parser.add_argument("--jobs", type=int, default=2, help="workers for ours-jobs (0: skip)")
    parser.add_argument("--sample", type=int, default=50_000, help="records for slow peers")
    parser.add_argument("--jsonschema-sample", type=int, default=5_000)
    parser.add_argument("--skip", nargs="*", default=[], help="contenders to leave out")
    parser.add_argument("--data", type=Path, default=HERE / "data")
    parser.add_argument("--results", type=Path, default=HERE / "results")
    parser.add_argument("--big-file", type=float, metavar="GB", help="peak RSS on a big JSONL")
    parser.add_argument("--ten-million", action="store_true", help="validate 10M records")
    return parser.parse_args(argv)


def corpus(args: argparse.Namespace) -> tuple[Path, Path, dict[str, Any]]:
    """The JSON Lines file and Parquet folder of the corpus (generated once, then cached)."""
    args.data.mkdir(parents=True, exist_ok=True)
    stem = f"corpus-{args.records}-{args.seed}-{args.invalid_share}"
    jsonl, parquet, about = (args.data / f"{stem}{s}" for s in (".jsonl", "-parquet", ".json"))
    if not about.exists():
        started = time.perf_counter()
        made = write_jsonl(jsonl, args.records, args.seed, args.invalid_share)
        seconds = time.perf_counter() - started
        tables = write_parquet(parquet, args.records, args.seed, args.invalid_share)
        facts = {
            "records": made.records,
            "by_type": dict(made.by_type),
            "by_mutation": dict(made.by_mutation),
            "jsonl_bytes": jsonl.stat().st_size,
            "generation_s": round(seconds, 1),
            "parquet_records": tables,
        }
        about.write_text(json.dumps(facts, indent=2))
    return jsonl, parquet, json.loads(about.read_text())


def measure(name: str, data: Path, limit: int | None, jobs: int = 1) -> dict[str, Any]:
    """Run one contender in a fresh process and return its result."""
    command = [sys.executable, str(HERE / "contenders.py"), name, str(data), str(limit or 0)]
    environment = dict(os.environ)
    done = subprocess.run(
        [*command, str(jobs)], capture_output=True, text=True, check=False, env=environment
    )
    if done.returncode != 0:
        raise RuntimeError(f"{name} failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def plan(
    args: argparse.Namespace, jsonl: Path, parquet: Path
) -> list[tuple[str, Path, int | None]]:
    """(contender, data, record limit) of every contender to run."""
    slow = {"fastjsonschema": args.sample, "jsonschema": args.jsonschema_sample}
    chosen: list[tuple[str, Path, int | None]] = [(p, jsonl, slow.get(p)) for p in PEERS]
    chosen += [("ours", jsonl, None), ("ours-parquet", parquet, None)]
    if args.jobs > 1:
        chosen.append(("ours-jobs", jsonl, None))
    return [c for c in chosen if c[0] not in args.skip]


def summarise(runs: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """Medians per contender."""
    summary: dict[str, dict[str, Any]] = {}
    for name, results in runs.items():
        rates = [r["records"] / r["wall_s"] for r in results]
        cpu_rates = [r["records"] / r["cpu_s"] for r in results if r["cpu_s"] > 0]
        summary[name] = {
            "records": results[0]["records"],
            "records_per_s": statistics.median(rates),
            "records_per_cpu_s": statistics.median(cpu_rates) if cpu_rates else None,
            "peak_rss_mb": statistics.median(r["peak_rss_mb"] for r in results),
            "children_peak_rss_mb": statistics.median(r["children_peak_rss_mb"] for r in results),
            "runs": results,
        }
    return summary


def table(summary: dict[str, dict[str, Any]], jobs: int) -> str:
    """The Markdown table of the medians, ratios to the floor and ours against each peer."""
    floor = summary.get("orjson", {}).get("records_per_s")
    ours = summary.get("ours", {}).get("records_per_s")
    lines = [
        "| contender | records | records/s | records/CPU-s | to floor | ours (1 process) / it "
        "| peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in sorted(summary.items(), key=lambda item: -item[1]["records_per_s"]):
        rate = row["records_per_s"]
        to_floor = f"{rate / floor:.3f}" if floor else "-"
        versus = f"{ours / rate:.2f}x" if ours and not name.startswith("ours") else "-"
        rss = max(row["peak_rss_mb"], row["children_peak_rss_mb"])
        label = LABELS.get(name, name).format(jobs=jobs)
        cpu = row["records_per_cpu_s"]
        # Worker processes are forked by a server process: their CPU time is not ours to see.
        per_cpu = "-" if cpu is None or name == "ours-jobs" else f"{cpu:,.0f}"
        lines.append(
            f"| {label} | {row['records']:,} | {rate:,.0f} | {per_cpu} | {to_floor} | {versus} "
            f"| {rss:,.0f} |"
        )
    return "\n".join(lines)


def _verdict(met: bool) -> str:
    return "met" if met else "missed"


def targets(summary: dict[str, dict[str, Any]]) -> list[str]:
    """Each speed target of issue 9 with the figure reached."""
    rate = {name: row["records_per_s"] for name, row in summary.items()}
    found = []

    def target(label: str, numerator: str, denominator: str, goal: float) -> None:
        if numerator in rate and denominator in rate:
            ratio = rate[numerator] / rate[denominator]
            found.append(f"{label}: {ratio:.2f}x ({_verdict(ratio >= goal)})")

    target("1 process >= 0.33x jsonschema-rs iter_errors", "ours", "jsonschema-rs", 0.33)
    target("1 process within 1.3x of pydantic validate_json alone", "ours", "pydantic", 1 / 1.3)
    target("--jobs 2 >= 1.8x one process", "ours-jobs", "ours", 1.8)
    target("Parquet >= JSON Lines", "ours-parquet", "ours", 1.0)
    return found


def machine() -> dict[str, Any]:
    """Where the figures were measured."""
    from importlib.metadata import version

    packages = ("orjson", "pyarrow", "pydantic", "jsonschema", "jsonschema-rs", "fastjsonschema")
    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "packages": {p: version(p) for p in packages},
    }


def big_file(args: argparse.Namespace) -> None:
    """Generate a JSON Lines file of about ``--big-file`` GB in a temporary folder and report
    the peak RSS and throughput of validating it (one process, and --jobs)."""
    folder = Path(tempfile.mkdtemp(prefix="newsevents-big-"))
    try:
        count = int(args.big_file * 1e9 / 1150)
        path = folder / "big.jsonl"
        write_jsonl(path, count, args.seed, args.invalid_share)
        print(f"generated {path.stat().st_size / 1e9:.2f} GB, {count:,} records")
        for name in ["ours", "ours-jobs"] if args.jobs > 1 else ["ours"]:
            result = measure(name, path, None, args.jobs)
            rss = max(result["peak_rss_mb"], result["children_peak_rss_mb"])
            rate = result["records"] / result["wall_s"]
            print(f"{name}: {rate:,.0f} records/s, peak RSS {rss:,.0f} MB", flush=True)
            save(args, {"big_file": {name: result, "bytes": path.stat().st_size}})
    finally:
        shutil.rmtree(folder)


def ten_million(args: argparse.Namespace) -> None:
    """Generate 10 million records and validate them, report included, in one command."""
    folder = Path(tempfile.mkdtemp(prefix="newsevents-10m-"))
    try:
        path = folder / "ten-million.jsonl"
        started = time.perf_counter()
        write_jsonl(path, 10_000_000, args.seed, args.invalid_share)
        size = path.stat().st_size / 1e9
        print(f"generated in {time.perf_counter() - started:.0f} s: {size:.1f} GB")
        name = "ours-jobs" if args.jobs > 1 else "ours"
        result = measure(name, path, None, args.jobs)
        rate = result["records"] / result["wall_s"]
        print(f"{name}: {result['records']:,} records in {result['wall_s']:.0f} s ({rate:,.0f}/s)")
        save(args, {"ten_million": result})
    finally:
        shutil.rmtree(folder)


def save(args: argparse.Namespace, content: dict[str, Any]) -> Path:
    """Write a result file under ``--results``."""
    args.results.mkdir(parents=True, exist_ok=True)
    path = args.results / f"throughput-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps({"machine": machine(), **content}, indent=2, default=str))
    return path


def main(argv: list[str] | None = None) -> int:
    """Generate, measure, print and save."""
    args = arguments(argv)
    if args.big_file:
        big_file(args)
        return 0
    if args.ten_million:
        ten_million(args)
        return 0
    jsonl, parquet, facts = corpus(args)
    print(f"corpus: {facts['records']:,} records ({facts['jsonl_bytes'] / 1e6:,.0f} MB JSONL)")
    chosen = plan(args, jsonl, parquet)
    runs: dict[str, list[dict[str, Any]]] = {}
    for round_ in range(args.repeat):
        for name, data, limit in chosen:
            result = measure(name, data, limit, args.jobs)
            runs.setdefault(name, []).append(result)
            rate = result["records"] / result["wall_s"]
            print(f"  run {round_ + 1}/{args.repeat} {name}: {rate:,.0f} records/s", flush=True)
    summary = summarise(runs)
    print()
    print(table(summary, args.jobs))
    print()
    print("\n".join(targets(summary)))
    saved = save(args, {"corpus": facts, "arguments": vars(args), "summary": summary})
    print(f"\nresults: {saved}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
