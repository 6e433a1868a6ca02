"""Examples of reading problems (NE1xx): files that cannot be read as records."""

from __future__ import annotations

import io

from newsevents.validation.examples import base
from newsevents.validation.examples.model import RECORDS_FILE, CodeExample, jsonl


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
            mistake="A file named .parquet holds something else (here, the start of a ZIP).",
            shown="events.parquet: PK\\x03\\x04...",
            files={"events.parquet": b"PK\x03\x04" + b"\x00" * 60},
            file="events.parquet",
            record=None,
            pointer="",
        ),
        _parquet_column_type(),
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
