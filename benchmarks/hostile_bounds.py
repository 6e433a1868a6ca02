"""Bounds for hostile input: what the reading-level checks cost, and how long each hostile
case takes, in a fresh process each, with a time and memory bound per case.

    python benchmarks/hostile_bounds.py            # every case; exit 1 if a bound is missed
    python benchmarks/hostile_bounds.py --quick    # smaller sizes

1. The cost of the checks a fast parser needs beside it (repeated keys, digit runs), per
   record, on records shaped like real annotations: ``orjson.loads`` alone versus
   ``orjson.loads`` plus :func:`newsevents.io.readers.hidden_problems`.
2. Each hostile case validated by ``newsevents validate --format json`` in a fresh process:
   wall time, peak RSS, exit status, and whether stderr has a traceback.  The tests check the
   verdicts; this checks that none takes long or grows without bound.
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import orjson

from newsevents.io.readers import hidden_problems
from newsevents.validation.examples import base


def check_cost(repeat: int) -> tuple[float, float, float]:
    """Seconds per record: parse alone, parse plus checks; and the overhead (ratio - 1)."""
    lines = [orjson.dumps(r) for r in base.records().values()] * repeat
    start = time.perf_counter()
    for line in lines:
        orjson.loads(line)
    parse = time.perf_counter() - start
    start = time.perf_counter()
    for line in lines:
        hidden_problems(line, orjson.loads(line))
    checked = time.perf_counter() - start
    return parse / len(lines), checked / len(lines), checked / parse - 1


Maker = Callable[[Path], list[str]]


def _line_file(name: str, line: bytes, count: int = 1) -> Maker:
    def make(folder: Path) -> list[str]:
        path = folder / name
        with open(path, "wb") as stream:
            for _ in range(count):
                stream.write(line)
        return [str(path)]

    return make


def _fifo_folder(folder: Path) -> list[str]:
    (folder / "data").mkdir()
    os.mkfifo(folder / "data" / "events.jsonl")
    (folder / "data" / "ok.jsonl").write_bytes(b"{}\n")
    return [str(folder / "data")]


def _deep_folders(depth: int) -> Maker:
    def make(folder: Path) -> list[str]:
        path = folder.joinpath("top", *["a"] * depth)  # shutil.rmtree recurses: keep it shallow
        path.mkdir(parents=True)
        os.symlink(folder / "top", path / "back")
        (path / "x.jsonl").write_bytes(b"{}\n")
        return [str(folder / "top")]

    return make


def _many_issues(count: int) -> Maker:
    record = {"record_type": "actor", "schema_version": "1.0.0", "id": "a", "kind": "bogus"}
    lines = b"".join(orjson.dumps({**record, "id": f"a{i}"}) + b"\n" for i in range(count))
    return _line_file("issues.jsonl", lines)


def cases(scale: int) -> dict[str, tuple[Maker, list[str], float, int]]:
    """Name -> (maker, extra arguments, seconds bound, peak RSS bound in MiB)."""
    megabyte = 1 << 20
    repeated = b"{" + b", ".join(b'"k": %d' % i for i in range(100_000 * scale)) + b"}\n"
    # An escaped backslash before "u003a" counts as a colon: the cheap test's false alarm.
    escaped = b'{"a": "' + b"\\\\u003a" * (1_000_000 * scale) + b'"}\n'
    digits = b'{"id": "' + (b"1" * 4300 + b"x") * (200 * scale) + b'"}\n'
    return {
        "fifo in a folder": (_fifo_folder, [], 20.0, 400),
        "500 nested folders and a link back": (_deep_folders(500), [], 30.0, 400),
        "gzip file (sniffed, not read)": (
            _line_file("r.jsonl", gzip.compress(b"{}\n" * 100_000 * scale)),
            [],
            20.0,
            400,
        ),
        "UTF-16 file (sniffed, not read)": (
            _line_file("r.jsonl", "{}\n".encode("utf-16") * 100_000 * scale),
            [],
            20.0,
            400,
        ),
        "one object repeating a key 100,000 times": (
            _line_file("r.jsonl", repeated),
            [],
            30.0,
            600,
        ),
        "1,000,000 false alarms of the cheap test (slow parse)": (
            _line_file("r.jsonl", escaped),
            [],
            30.0,
            600,
        ),
        "runs of 4,300 digits, 200 of them": (_line_file("r.jsonl", digits), [], 30.0, 400),
        "a 64 MB line of digits": (
            _line_file("r.jsonl", b'{"id": "' + b"7" * 64 * megabyte * scale + b'"}\n'),
            [],
            60.0,
            1200,
        ),
        # Three issues a record; listed issues past 50,000 wait on disk: memory stays flat.
        "150,000 issues, --max-issues 0": (
            _many_issues(50_000 * scale),
            ["--max-issues", "0"],
            120.0,
            300,
        ),
        "900,000 issues, --max-issues 0": (
            _many_issues(300_000 * scale),
            ["--max-issues", "0"],
            300.0,
            300,
        ),
        "900,000 issues, --max-issues 0 --jobs 2": (
            _many_issues(300_000 * scale),
            ["--max-issues", "0", "--jobs", "2"],
            300.0,
            300,
        ),
    }


# The peak of this process alone: VmHWM, which execve resets (ru_maxrss keeps the peak of the
# benchmark that forked it). With --jobs, the workers' peaks are read before they exit.
_WRAPPER = (
    "import re, sys\n"
    "from pathlib import Path\n"
    "def hwm(pid='self'):\n"
    "    text = Path(f'/proc/{pid}/status').read_text()\n"
    "    return int(re.search(r'VmHWM:\\s+(\\d+)', text).group(1))\n"
    "import concurrent.futures.process as process\n"
    "peaks = []\n"
    "shutdown = process.ProcessPoolExecutor.shutdown\n"
    "def measured(self, *args, **kwargs):\n"
    "    for worker in list((self._processes or {}).values()):\n"
    "        try:\n"
    "            peaks.append(hwm(worker.pid))\n"
    "        except (OSError, AttributeError):\n"
    "            pass\n"
    "    return shutdown(self, *args, **kwargs)\n"
    "process.ProcessPoolExecutor.shutdown = measured\n"
    "from newsevents.cli import main\n"
    "status = main(sys.argv[1:])\n"
    "sys.stderr.write(f'\\npeak-rss-kib {hwm()} workers-kib {max(peaks, default=0)}\\n')\n"
    "sys.exit(status)\n"
)


def run_case(maker: Maker, extra: list[str]) -> tuple[float, int, int, int, bool]:
    """Validate in a fresh process: seconds, peak RSS in MiB (of the process, and of its
    largest worker with --jobs), exit status, traceback seen."""
    with tempfile.TemporaryDirectory() as name:
        paths = maker(Path(name))
        command = [sys.executable, "-c", _WRAPPER, "validate", "--format", "json"]
        start = time.perf_counter()
        done = subprocess.run(
            [*command, *extra, *paths], capture_output=True, check=False, timeout=600
        )
        seconds = time.perf_counter() - start
        marker = done.stderr.rsplit(b"peak-rss-kib ", 1)
        found = marker[1].split() if len(marker) == 2 else []
        rss = int(found[0]) // 1024 if found else -1
        workers = int(found[2]) // 1024 if len(found) > 2 else 0
        return seconds, rss, workers, done.returncode, b"Traceback" in done.stderr


def main() -> int:
    """Print both tables; return 1 if a bound is missed or a traceback is seen."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs")
    args = parser.parse_args()
    parse, checked, overhead = check_cost(200 if args.quick else 2000)
    print("checks beside the parser, per record of the example dataset:")
    print(f"  orjson.loads {parse * 1e6:.2f} us; + hidden_problems {checked * 1e6:.2f} us")
    print(f"  overhead {overhead:.0%} of the parse (not of validation, which costs far more)")
    print()
    print(f"{'case':56} {'s':>7} {'bound':>6} {'MiB':>6} {'worker':>6} {'bound':>6} exit traceback")
    failed = False
    for name, (maker, extra, bound, memory) in cases(1).items():
        if args.quick and ("64 MB" in name or "900,000" in name):
            continue
        seconds, rss, workers, status, traceback = run_case(maker, extra)
        missed = seconds > bound or max(rss, workers) > memory or traceback
        failed |= missed
        shown = "?" if rss < 0 else str(rss)
        worker = str(workers) if workers else "-"
        flag = "  MISSED" if missed else ""
        print(
            f"{name:56} {seconds:7.2f} {bound:6.0f} {shown:>6} {worker:>6} {memory:6d} "
            f"{status:4d} {traceback!s:9}{flag}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
