"""Ids kept as 64-bit keys: equal ids share a key, and a collision never changes the report.

The collision tests replace the key function with one that gives many different ids the
same key (their length modulo 3, or one key for everything): the fast path, in one process
and over several chunks, must still give the reference report issue for issue, with no
duplicate or unknown reference invented or lost.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reports import example_reports, same
from reports import write_jsonl as write

from newsevents.testing import Broken, Dataset, broken_records, datasets_strategy
from newsevents.validation import Report, validate
from newsevents.validation.examples import code_examples
from newsevents.validation.examples.base import records as example_records
from newsevents.validation.fast import chunks, hashes, validate_fast
from newsevents.validation.fast.hashes import Hasher, KeySet, KeyTable, hash_values
from newsevents.validation.fast.run import inline
from newsevents.validation.parallel import validate_with

SETTINGS = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _checks(values: list[bytes]) -> np.ndarray:  # type: ignore[type-arg]
    digests = b"".join(hashlib.sha256(v).digest()[:4] for v in values)
    return np.frombuffer(digests, np.uint32).copy()


def by_length(values: list[bytes]) -> tuple[np.ndarray, np.ndarray]:  # type: ignore[type-arg]
    """Keys that collide for every id of the same length modulo 3."""
    return np.array([len(v) % 3 for v in values], np.uint64), _checks(values)


def one_key(values: list[bytes]) -> tuple[np.ndarray, np.ndarray]:  # type: ignore[type-arg]
    """One key for every id."""
    return np.full(len(values), 7, np.uint64), _checks(values)


COLLIDING = {"by_length": by_length, "one_key": one_key}


@contextlib.contextmanager
def colliding(function: Callable[[list[bytes]], Any]) -> Iterator[None]:
    with mock.patch.object(hashes, "HASH", function):
        yield


def in_chunks(path: Path | list[Path]) -> Report:
    """The fast path over chunks of about 1 KB, scanned one after the other here."""
    with mock.patch.object(chunks, "MIN_CHUNK_BYTES", 1024):
        return validate_with(path, inline, jobs=4)


def test_equal_ids_share_a_key_and_no_key_is_zero() -> None:
    values = pa.array(["actor-a", "actor-b", None, "actor-a", ""], pa.string())
    hasher = Hasher([values])
    keys = hasher.keys_of(values)
    assert keys[0] == keys[3] != keys[1]
    assert keys[2] == 0 and keys[4] != 0
    assert len(hasher.keys) == 3  # each distinct value hashed once
    with colliding(lambda v: (np.zeros(len(v), np.uint64), _checks(v))):
        assert (hash_values([b"a", b"b"])[0] == 1).all()  # 0 means "no value"


@given(st.lists(st.text(max_size=6), max_size=30), st.lists(st.text(max_size=6), max_size=30))
@settings(max_examples=100, deadline=None)
def test_key_set_holds_what_was_added(first: list[str], second: list[str]) -> None:
    found = KeySet()
    added: set[int] = set()
    for group in (first, second, first[:3]):
        keys = hash_values([v.encode("utf-8", "surrogatepass") for v in group])[0]
        found.add(keys)
        added.update(int(k) for k in keys)
    probe = hash_values([v.encode("utf-8", "surrogatepass") for v in first + second + ["?"]])
    assert [int(k) in added for k in probe[0]] == found.holds(probe[0]).tolist()


@given(
    st.lists(st.tuples(st.integers(1, 6), st.integers(0, 3)), max_size=60),
    st.sampled_from([3, 1 << 18]),
)
@settings(max_examples=100, deadline=None)
def test_a_key_seen_with_two_checks_is_ambiguous(pairs: list[tuple[int, int]], flush: int) -> None:
    table = KeyTable()
    table.FLUSH_PAIRS = flush  # small: pairs go through the file
    for start in range(0, len(pairs), 7):
        part = pairs[start : start + 7]
        table.add(
            np.array([k << 61 | k for k, _ in part], np.uint64),
            np.array([c for _, c in part], np.uint32),
        )
        if start == 14:
            table.settle()  # settling, then adding more, loses nothing
    table = pickle.loads(pickle.dumps(table))  # as a worker sends it
    checks: dict[int, set[int]] = {}
    for key, check in pairs:
        checks.setdefault(key << 61 | key, set()).add(check)
    table.settle()  # every part merged: every ambiguous key found
    assert table.ambiguous == {k for k, c in checks.items() if len(c) > 1}
    assert table.size == len(checks)
    keys = np.array(sorted(checks), np.uint64)
    seen = table.check_of(keys).tolist()
    assert all(seen[i] in checks[k] for i, k in enumerate(sorted(checks)))


def _unknown_behind_a_known_id(records: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Records where unknown targets have the length (so, under ``by_length``, the key) of
    known ids, a duplicate id, a statement reporting an event of another document and a
    cycle of reports."""
    found = copy.deepcopy(records)
    found["alert"]["participants"][0]["actor_id"] = "actor-nate"  # unknown, as long as actor-nato
    found["council"]["member_of"] = ["actor-natp"]
    found["statement"]["reports"] = ["ev-alerx", "ev-romania"]
    other = copy.deepcopy(found["document"])
    other["id"] = "doc-nato-alerx"
    echo = copy.deepcopy(found["statement"])
    echo["id"], echo["document_id"], echo["reports"] = "ev-echo", "doc-nato-alerx", ["ev-stmt2"]
    second = copy.deepcopy(found["statement"])
    second["id"], second["reports"] = "ev-stmt2", ["ev-echo"]
    twin = copy.deepcopy(found["germany"])
    twin["id"] = "actor-nac"  # a duplicate id
    return [*found.values(), other, echo, second, twin]


@pytest.mark.parametrize("function", sorted(COLLIDING))
def test_collisions_neither_invent_nor_hide_reference_issues(function: str, tmp_path: Path) -> None:
    records = _unknown_behind_a_known_id(example_records())
    path = write(tmp_path / "records.jsonl", records)
    reference = validate(path)
    codes = set(reference.codes())
    assert {"NE501", "NE502", "NE504"} <= codes
    with colliding(COLLIDING[function]):
        same(reference, validate_fast(path))
        same(reference, in_chunks(path))


@pytest.mark.parametrize("code", sorted(c for c in code_examples() if c.startswith("NE5")))
def test_every_reference_code_example_under_collisions(code: str, tmp_path: Path) -> None:
    def colliding_fast(*paths: Any, **options: Any) -> Report:
        with colliding(by_length):
            return validate_fast(*paths, **options)

    same(*example_reports(code, tmp_path, colliding_fast))


@SETTINGS
@given(
    datasets_strategy(max_events=5),
    st.lists(broken_records(), max_size=3),
    st.sampled_from(sorted(COLLIDING)),
)
def test_generated_datasets_under_collisions(
    tmp_path_factory: pytest.TempPathFactory,
    dataset: Dataset,
    broken: list[Broken],
    function: str,
) -> None:
    records = [*dataset.json_records(), *(b.record for b in broken)]
    path = write(tmp_path_factory.mktemp("keys") / "records.jsonl", records)
    reference = validate(path)
    with colliding(COLLIDING[function]):
        same(reference, validate_fast(path))
        same(reference, in_chunks(path))


@SETTINGS
@given(datasets_strategy(max_events=5), st.lists(broken_records(), max_size=3))
def test_generated_datasets_over_chunks(
    tmp_path_factory: pytest.TempPathFactory, dataset: Dataset, broken: list[Broken]
) -> None:
    records = [*dataset.json_records(), *(b.record for b in broken)]
    path = write(tmp_path_factory.mktemp("keys") / "records.jsonl", records)
    reference = validate(path)
    same(reference, in_chunks(path))
    with (
        mock.patch.object(hashes, "RECENT_KEYS", 2),  # ids forgotten after a few
        mock.patch.object(chunks, "BLOCK_BYTES", 1500),  # in batches of a few records
    ):
        same(reference, validate_fast(path))


def test_facts_written_to_the_file_read_back_alike() -> None:
    from newsevents.validation.fast.facts import FactFile, Facts

    store = FactFile()
    facts = Facts()
    facts.ids["event"] = (np.array([3, 5], np.uint64), np.array([0, 4], np.int32))
    facts.fill()
    store[(0, 1)] = facts
    store[(0, 0)] = Facts()
    again = store[(0, 1)]
    assert again.ids["event"][0].tolist() == [3, 5] and again.ids["event"][1].tolist() == [0, 4]
    assert again.event_documents is not None and again.event_documents.tolist() == [0, 0]
    assert sorted(store) == [(0, 0), (0, 1)] and len(store) == 2
    store.close()
