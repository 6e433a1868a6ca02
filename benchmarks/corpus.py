"""A fast generator of realistic records: the hand-made stories stamped with fresh ids/offsets.

Every story instance gets a document (its text behind a varying lead, so offsets move), its
events and, the first time a copy of the shared actors is used, those actors.  A chosen share
of records is then broken by one typical mistake (see ``mutations``).  No hypothesis here: a
million records take seconds.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
from mutations import for_record_type
from stories import ACTORS, PROVENANCE, STORIES, Json, Story

from newsevents import text_sha256
from newsevents.models import RECORD_ADAPTER

LEADS = (
    "",
    "(Reuters) ",
    "UPDATED — ",
    "Breaking: ",
    "From our correspondent. ",
    "Analysis | Europe’s security — ",
    "Dépêche AFP. ",
)
ACTORS_PER_COPY = len(ACTORS)
STORIES_PER_ACTOR_COPY = 20


def _canonical(record: Json) -> Json:
    """Return ``record`` validated and dumped the way the models write it."""
    dumped: Json = RECORD_ADAPTER.validate_python(record).model_dump(mode="json", exclude_none=True)
    return dumped


def _placeholder_ids(value: Any, index: dict[str, str]) -> Any:
    if isinstance(value, dict):
        return {k: _placeholder_ids(v, index) for k, v in value.items()}
    if isinstance(value, list):
        return [_placeholder_ids(v, index) for v in value]
    return index.get(value, value) if isinstance(value, str) else value


@dataclass
class _Template:
    """One story, validated and canonical, with offsets relative to the unprefixed text."""

    story: Story
    document: Json
    events: list[Json]


def _templates() -> list[_Template]:
    templates = []
    for story in STORIES:
        document = _canonical(
            {
                "record_type": "document",
                "schema_version": "1.0.0",
                "id": "D",
                "text": story.text,
                "sha256": text_sha256(story.text),
                "language": story.language,
                "is_translation": False,
                "publisher": "bench wire",
                "publication": story.publication,
                "dateline": story.dateline,
            }
        )
        ids = {f"@{k}": f"E{k}" for k in range(len(story.events))}
        events = [
            _canonical(
                {
                    "record_type": "event",
                    "schema_version": "1.0.0",
                    "id": f"E{k}",
                    "document_id": "D",
                    **_placeholder_ids(event, ids),
                    "provenance": PROVENANCE,
                }
            )
            for k, event in enumerate(story.events)
        ]
        templates.append(_Template(story, document, events))
    return templates


_PLACEHOLDER = re.compile(r"D|E[0-9]")
_HOLE = re.compile(rb'"\xc2\xa7(OFF|ID|STR)([^"]*)\xc2\xa7"')


class _Stamp:
    """A record serialised once with holes for ids, offsets and strings; filled per copy."""

    def __init__(self, template: Json, strings: tuple[str, ...] = ()) -> None:
        def mark(value: Any) -> Any:
            if isinstance(value, dict):
                if "exact" in value and "start" in value:
                    return {
                        **value,
                        "start": f"§OFF{value['start']}§",
                        "end": f"§OFF{value['end']}§",
                    }
                return {k: f"§STR{k}§" if k in strings else mark(v) for k, v in value.items()}
            if isinstance(value, list):
                return [mark(v) for v in value]
            if isinstance(value, str) and (value in ACTORS or _PLACEHOLDER.fullmatch(value)):
                return f"§ID{value}§"
            return value

        parts = _HOLE.split(orjson.dumps(mark(template)))
        self.literals = parts[0::3]
        self.holes = list(zip(parts[1::3], (p.decode() for p in parts[2::3]), strict=True))

    def fill(self, shift: int, ids: dict[str, str], strings: dict[str, str]) -> bytes:
        """Return the JSON line of a copy with ids renamed and offsets moved by ``shift``."""
        pieces = [self.literals[0]]
        for (kind, key), literal in zip(self.holes, self.literals[1:], strict=True):
            if kind == b"OFF":
                pieces.append(str(int(key) + shift).encode())
            elif kind == b"ID":
                pieces.append(b'"' + ids[key].encode() + b'"')
            else:
                pieces.append(orjson.dumps(strings[key]))
            pieces.append(literal)
        return b"".join(pieces)


@dataclass
class Corpus:
    """What a generation produced: record counts by type and by mutation."""

    records: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    by_mutation: Counter[str] = field(default_factory=Counter)


def _actor_ids(copy: int) -> dict[str, str]:
    return {key: f"actor-{key}-{copy}" for key in ACTORS}


def _actors(copy: int) -> Iterator[Json]:
    for key, fields in ACTORS.items():
        yield {
            "record_type": "actor",
            "schema_version": "1.0.0",
            "id": f"actor-{key}-{copy}",
            **fields,
            "member_of": [],
        }


def valid_lines(count: int, seed: int) -> Iterator[tuple[str, bytes]]:
    """Yield ``count`` (record type, JSON line) of valid records in a dataset-like order."""
    rng = random.Random(seed)
    stamps = [
        (t, _Stamp(t.document, ("text", "sha256")), [_Stamp(e) for e in t.events])
        for t in _templates()
    ]
    copies = max(1, count // (STORIES_PER_ACTOR_COPY * 6))
    emitted = 0
    instance = 0
    while emitted < count:
        template, document, events = stamps[rng.randrange(len(stamps))]
        copy = instance % copies
        lead = LEADS[rng.randrange(len(LEADS))] + "¶" * rng.randrange(0, 40)
        ids = {"D": f"doc-{seed}-{instance:09d}", **_actor_ids(copy)}
        ids.update({f"E{k}": f"ev-{seed}-{instance:09d}-{k}" for k in range(len(events))})
        batch: list[tuple[str, bytes]] = []
        if instance < copies:
            batch.extend(("actor", orjson.dumps(actor)) for actor in _actors(copy))
        text = lead + template.story.text
        strings = {"text": text, "sha256": text_sha256(text)}
        batch.append(("document", document.fill(len(lead), ids, strings)))
        batch.extend(("event", event.fill(len(lead), ids, {})) for event in events)
        yield from batch[: count - emitted]
        emitted += len(batch)
        instance += 1


def records(count: int, seed: int, invalid_share: float) -> Iterator[tuple[str, bytes, str]]:
    """Yield (record type, JSON line, mutation or "") with ``invalid_share`` of them broken."""
    rng = random.Random(seed + 1)
    seen_ids: list[str] = []
    for record_type, line in valid_lines(count, seed):
        if rng.random() >= invalid_share:
            yield record_type, line, ""
            continue
        record = orjson.loads(line)
        if record_type == "event" and len(seen_ids) < 1000:
            seen_ids.append(record["id"])
        choices = for_record_type(record_type)
        mutation = choices[rng.randrange(len(choices))]
        broken = mutation.apply(record, rng, seen_ids)
        if broken is None:
            yield record_type, line, ""
        else:
            raw = broken if isinstance(broken, bytes) else orjson.dumps(broken)
            yield record_type, raw, mutation.name


def write_jsonl(path: Path, count: int, seed: int, invalid_share: float) -> Corpus:
    """Write the corpus to ``path`` as JSON Lines and return what it holds."""
    corpus = Corpus()
    with path.open("wb", buffering=1 << 20) as out:
        for record_type, line, mutation in records(count, seed, invalid_share):
            out.write(line + b"\n")
            corpus.by_type[record_type] += 1
            if mutation:
                corpus.by_mutation[mutation] += 1
            corpus.records += 1
    return corpus


UNREPRESENTABLE = frozenset({"truncated-line", "string-for-number"})
"""Mistakes a Parquet table of the derived schema cannot hold."""


def _tables(record_type: str, batch: list[Json]) -> Iterator[Any]:
    """The batch as Arrow tables, leaving out (by halving) any record Arrow cannot hold."""
    from newsevents.io.arrow import records_to_table

    try:
        yield records_to_table(record_type, batch)
    except (ValueError, TypeError, KeyError, AttributeError, pa.ArrowException):
        if len(batch) > 1:  # else: a mistake Parquet cannot hold (a string for a number...)
            middle = len(batch) // 2
            yield from _tables(record_type, batch[:middle])
            yield from _tables(record_type, batch[middle:])


def write_parquet(folder: Path, count: int, seed: int, invalid_share: float) -> dict[str, int]:
    """Write the same corpus as one Parquet file per record type, as far as Parquet can hold
    it; return the rows written per type."""
    import pyarrow.parquet as pq

    from newsevents.io.arrow import arrow_schema

    folder.mkdir(parents=True, exist_ok=True)
    writers = {
        kind: pq.ParquetWriter(folder / f"{kind}.parquet", arrow_schema(kind))
        for kind in ("document", "actor", "event")
    }
    pending: dict[str, list[Json]] = {kind: [] for kind in writers}
    written = dict.fromkeys(writers, 0)

    def flush(kind: str) -> None:
        tables = [t.cast(arrow_schema(kind)) for t in _tables(kind, pending[kind])]
        if tables:
            table = pa.concat_tables(tables)
            writers[kind].write_table(table)
            written[kind] += table.num_rows
        pending[kind].clear()

    for record_type, line, mutation in records(count, seed, invalid_share):
        if mutation in UNREPRESENTABLE:
            continue
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError:
            continue
        if isinstance(record, dict) and record_type in pending:
            pending[record_type].append(record)
            if len(pending[record_type]) >= 20_000:
                flush(record_type)
    for kind, writer in writers.items():
        flush(kind)
        writer.close()
    return written
