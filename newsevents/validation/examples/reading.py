"""Examples of reading problems (NE1xx): files that cannot be read as records."""

from __future__ import annotations

import contextlib
import copy
import gzip
import io
import json
import os
import resource
from collections.abc import Iterator
from pathlib import Path

from newsevents.validation.examples import base
from newsevents.validation.examples.model import RECORDS_FILE, CodeExample, jsonl
from newsevents.validation.issue import Report


def _valid_lines() -> bytes:
    return jsonl(list(base.records().values()))


def _lines(extra: bytes) -> tuple[dict[str, bytes], int]:
    """The valid records with one more line appended; returns the files and its index."""
    return {RECORDS_FILE: _valid_lines() + extra}, len(base.NAMES)


def examples() -> list[CodeExample]:
    """Return the reading examples."""
    found = [
        CodeExample(
            code="NE101",
            mistake="A path that does not exist is given.",
            shown="newsevents validate missing.jsonl",
            files={},
            paths=["missing.jsonl"],
            file="missing.jsonl",
            record=None,
            pointer="",
        ),
        CodeExample(
            code="NE105",
            mistake="A CSV file is given.",
            shown="newsevents validate events.csv",
            files={"events.csv": b"id,event_type\nev-1,alert\n"},
            file="events.csv",
            record=None,
            pointer="",
        ),
        CodeExample(
            code="NE106",
            mistake="A file named .parquet holds something else (here, a cut Parquet footer).",
            shown="events.parquet: PAR1\\x00\\x00...",
            files={"events.parquet": b"PAR1" + b"\x00" * 60},
            file="events.parquet",
            record=None,
            pointer="",
        ),
        _parquet_column_type(),
        *_file_system_examples(),
        *_content_examples(),
        *_writing_examples(),
        CodeExample(
            code="NE122",
            mistake="An export wrote an empty file.",
            shown="events.jsonl: 0 bytes",
            files={"events.jsonl": b""},
            file="events.jsonl",
            record=None,
            pointer="",
        ),
    ]
    line_examples = [
        ("NE102", "A line holds a Latin-1 byte.", b'{"note": "Caf\xe9"}\n'),
        ("NE103", "A line is cut short.", b'{"record_type": "actor", "id": "actor-x"\n'),
        ("NE104", "A line holds an array, not an object.", b'["actor-x", "NATO"]\n'),
        (
            "NE108",
            "A line nests arrays 2,000 deep.",
            b'{"notes": ' + b"[" * 2000 + b"]" * 2000 + b"}\n",
        ),
    ]
    for code, mistake, line in line_examples:
        files, index = _lines(line)
        shown = line.decode("utf-8", "backslashreplace").strip()
        if len(shown) > 80:
            shown = shown[:40] + " ... " + shown[-20:]
        found.append(CodeExample(code, mistake, f"line {index + 1}: {shown}", files, "", index))
    return found


def _parquet_column_type() -> CodeExample:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsevents.io.arrow import records_to_table

    actors = [r for r in base.records().values() if r["record_type"] == "actor"]
    table = records_to_table("actor", actors)
    position = table.schema.get_field_index("title")
    titles = pa.array([5 if row.get("title") else None for row in actors], pa.int64())
    table = table.set_column(position, pa.field("title", pa.int64()), titles)
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return CodeExample(
        code="NE107",
        mistake="An actors table stores title as integers.",
        shown="actors.parquet: title: int64",
        files={"actors.parquet": sink.getvalue()},
        file="actors.parquet",
        record=None,
        pointer="/title",
    )


@contextlib.contextmanager
def _fifo() -> Iterator[None]:
    os.mkfifo("events.jsonl")
    yield


@contextlib.contextmanager
def _dangling_link() -> Iterator[None]:
    os.symlink("exported/events.jsonl", "events.jsonl")
    yield


_NOBODY = 65534


@contextlib.contextmanager
def _unlistable_folder() -> Iterator[None]:
    """A folder whose mode denies listing; root ignores modes, so as root the validation
    runs with the effective user id of ``nobody`` meanwhile."""
    os.makedirs("batch/private")
    Path("batch/ok.jsonl").write_bytes(_valid_lines())
    os.chmod("batch/private", 0)
    os.chmod(".", 0o755)
    root = os.geteuid() == 0
    try:
        if root:
            os.seteuid(_NOBODY)
        yield
    finally:
        if root:
            os.seteuid(0)
        os.chmod("batch/private", 0o755)


def _file_system_examples() -> list[CodeExample]:
    return [
        CodeExample(
            code="NE109",
            mistake="A named pipe (FIFO) is given; reading it would wait forever for a writer.",
            shown="mkfifo events.jsonl && newsevents validate events.jsonl",
            files={},
            paths=["events.jsonl"],
            file="events.jsonl",
            record=None,
            pointer="",
            around=_fifo,
        ),
        CodeExample(
            code="NE110",
            mistake="A symbolic link points to a file that is not there.",
            shown="events.jsonl -> exported/events.jsonl (missing)",
            files={},
            paths=["events.jsonl"],
            file="events.jsonl",
            record=None,
            pointer="",
            around=_dangling_link,
        ),
        CodeExample(
            code="NE111",
            mistake="A folder holds a subfolder that cannot be listed (mode 000).",
            shown="newsevents validate batch/   # batch/private: permission denied",
            files={},
            paths=["batch"],
            file="batch/private",
            record=None,
            pointer="",
            around=_unlistable_folder,
        ),
    ]


def _content_examples() -> list[CodeExample]:
    valid = _valid_lines()
    actors = [name for name, r in base.records().items() if r["record_type"] == "actor"]
    actor = base.records()[actors[0]]
    name = json.dumps(actor["name"], ensure_ascii=False)
    repeated = json.dumps(actor, ensure_ascii=False)[:-1] + f', "name": {name}}}'
    lines = valid.decode("utf-8").splitlines(keepends=True)
    index = list(base.records()).index(actors[0])
    lines[index] = repeated + "\n"
    files = {RECORDS_FILE: "".join(lines).encode("utf-8")}
    digits = b'{"record_type": "actor", "id": "actor-x", "size": ' + b"7" * 5000 + b"}\n"
    digit_files, digit_index = _lines(digits)
    return [
        CodeExample(
            code="NE112",
            mistake="A file is saved as UTF-16 (as some Windows editors do).",
            shown='records.jsonl: \\xff\\xfe{\\x00"\\x00r\\x00...',
            files={RECORDS_FILE: valid.decode("utf-8").encode("utf-16")},
            record=None,
            pointer="",
        ),
        CodeExample(
            code="NE113",
            mistake="A gzip-compressed file is given under its uncompressed name.",
            shown="records.jsonl: \\x1f\\x8b\\x08...",
            files={RECORDS_FILE: gzip.compress(valid, mtime=0)},
            record=None,
            pointer="",
        ),
        CodeExample(
            code="NE114",
            mistake="A record has the key id twice; a parser keeps one of them, silently.",
            shown=f'line {index + 1}: {{..., "name": {name}, "name": {name}}}',
            files=files,
            record=index,
            pointer="/name",
        ),
        _parquet_value(),
        CodeExample(
            code="NE115",
            mistake="A line of a gigabyte (a document text pasted thousands of times) meets a "
            "process allowed less memory.",
            shown="records.jsonl: line 1 is 1,073,741,824 bytes; ulimit -v allows less",
            files={},
            paths=[RECORDS_FILE],
            record=0,
            pointer="",
            around=_huge_line_little_memory,
        ),
        CodeExample(
            code="NE116",
            mistake="A number has 5,000 digits.",
            shown=f'line {digit_index + 1}: {{"record_type": "actor", "size": 7777...7777}}',
            files=digit_files,
            record=digit_index,
            pointer="/size",
        ),
    ]


def _parquet_value() -> CodeExample:
    import pyarrow as pa
    import pyarrow.parquet as pq

    days = pa.array([0, 3_000_000], pa.int32()).cast(pa.date32())  # 1970, and year 10183
    table = pa.table({"id": ["actor-a", "actor-b"], "founded": days})
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return CodeExample(
        code="NE117",
        mistake="A date column holds a day past the year 9999.",
        shown="actors.parquet: founded = 10183-06-12 (date32)",
        files={"actors.parquet": sink.getvalue()},
        file="actors.parquet",
        record=1,
        pointer="/founded",
        also=frozenset({"NE201", "NE307"}),
    )


@contextlib.contextmanager
def _huge_line_little_memory() -> Iterator[None]:
    """A sparse file with a 1 GiB line, read while the address space may grow 256 MiB."""
    with open(RECORDS_FILE, "wb") as stream:
        stream.write(b'{"note": "' + b"x" * 8192)
        stream.truncate(1 << 30)
    limit = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (_address_space() + (256 << 20), limit[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, limit)


def _address_space() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 4 << 30  # pragma: no cover - Linux has /proc


def _written_to_arrow(paths: list[str]) -> Report:
    """Write the records of a JSON Lines file to an Arrow table, as any of our writers do."""
    from newsevents.io.arrow import records_to_table
    from newsevents.io.faithful import ConversionError
    from newsevents.validation.collector import IssueCollector
    from newsevents.validation.selection import Selection

    [path] = paths
    records = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    collector = IssueCollector(Selection.of(None, None), None)
    collector.file_seen(path)
    try:
        records_to_table(records[0]["record_type"], records)
    except ConversionError as error:
        collector.extend(error.issues(path))
    return collector.report(records=len(records), files=(), strict=False, tool={})


def _writing_examples() -> list[CodeExample]:
    events = [r for r in base.records().values() if r["record_type"] == "event"]
    changed = copy.deepcopy(events)
    changed[1]["cameo"]["quad_class"] = 4.0
    extra = copy.deepcopy(events)
    extra[2]["confidence"] = 0.9
    return [
        CodeExample(
            code="NE120",
            mistake="An event with quad_class 4.0 is written to Parquet (the column holds "
            "integers: it would come back as 4).",
            shown="records_to_table('event', events)   # events[1].cameo.quad_class == 4.0",
            files={RECORDS_FILE: jsonl(changed)},
            record=1,
            pointer="/cameo/quad_class",
            runner=_written_to_arrow,
        ),
        CodeExample(
            code="NE121",
            mistake="An event with a field the schema does not have is written to Parquet.",
            shown="records_to_table('event', events)   # events[2].confidence == 0.9",
            files={RECORDS_FILE: jsonl(extra)},
            record=2,
            pointer="/confidence",
            runner=_written_to_arrow,
        ),
    ]
