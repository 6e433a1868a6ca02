"""Ids as 64-bit keys, so the facts kept for the cross-record checks stay small.

Every id, reference target and document id a batch holds is kept as a *key* (a 64-bit
hash, the same in every process: blake2b, not Python's salted ``hash``).  Equal ids have
equal keys, so a duplicate or a reference never goes unseen; two different ids may share a
key, so each distinct value also has a *check*, an independent 32-bit hash.  A key seen
with two checks is *ambiguous*: the rows that hold or name it go to the reference path,
which compares the ids themselves.  Key 0 stands for "no value".
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

Keys = npt.NDArray[np.uint64]
Checks = npt.NDArray[np.uint32]
NONE = np.uint64(0)
PARTS = 8
_PART_SHIFT = np.uint64(61)  # a key's part: its top three bits


def blake2b_keys(values: list[bytes]) -> tuple[Keys, Checks]:
    """The key and check of each value: the two halves of one 12-byte blake2b digest."""
    digests = b"".join(hashlib.blake2b(v, digest_size=12).digest() for v in values)
    raw = np.frombuffer(digests, np.uint8).reshape(-1, 12)
    keys = raw[:, :8].copy().view(np.uint64).reshape(-1)
    checks = raw[:, 8:].copy().view(np.uint32).reshape(-1)
    return keys, checks


HASH: Callable[[list[bytes]], tuple[Keys, Checks]] = blake2b_keys
"""How values become (key, check); tests replace it with one that makes keys collide."""


def hash_values(values: list[bytes]) -> tuple[Keys, Checks]:
    """Key (never 0) and check of each value."""
    if not values:
        return np.zeros(0, np.uint64), np.zeros(0, np.uint32)
    keys, checks = HASH(values)
    keys = np.asarray(keys, np.uint64).copy()
    keys[keys == NONE] = 1
    return keys, np.asarray(checks, np.uint32)


def key_of(value: str) -> int:
    """The key of one id."""
    return int(hash_values([value.encode("utf-8", "surrogatepass")])[0][0])


class Hasher:
    """Hashes the string columns of one batch, each distinct value once."""

    def __init__(self, columns: Iterable[pa.Array]) -> None:
        given = [c.cast(pa.large_string()) for c in columns if len(c)]
        joined = pa.concat_arrays([pa.array([], pa.large_string()), *given])
        self.distinct = pc.unique(pc.drop_null(joined))
        raw = [v.encode("utf-8", "surrogatepass") for v in self.distinct.to_pylist()]
        self.keys, self.checks = hash_values(raw)

    def keys_of(self, values: pa.Array) -> Keys:
        """The key of each value (0 for null)."""
        if len(values) == 0:
            return np.zeros(0, np.uint64)
        where = pc.index_in(values.cast(pa.large_string()), value_set=self.distinct)
        index = pc.fill_null(where, -1).to_numpy(zero_copy_only=False).astype(np.int64)
        found = np.zeros(len(values), np.uint64)
        valid = index >= 0
        found[valid] = self.keys[index[valid]]
        return found


class KeyTable:
    """The distinct (key, check) pairs of a run, merged as batches come; notes the keys
    seen with two checks (ambiguous).  Kept in PARTS parts by the keys' top bits, so that
    merging needs memory for one part only."""

    def __init__(self) -> None:
        self.parts = [_PairRuns() for _ in range(PARTS)]
        self.ambiguous: set[int] = set()

    def add(self, keys: Keys, checks: Checks) -> None:
        """Add pairs (in any order, repeats allowed)."""
        part = keys >> _PART_SHIFT
        for number, runs in enumerate(self.parts):
            mine = part == number
            if mine.any():
                self.ambiguous |= runs.add(keys[mine], checks[mine])

    def extend(self, other: KeyTable) -> None:
        """Add every pair and ambiguous key of ``other``."""
        self.ambiguous |= other.ambiguous
        for runs, theirs in zip(self.parts, other.parts, strict=True):
            while theirs.runs:
                self.ambiguous |= runs.add(*theirs.runs.pop(0))

    def settle(self) -> None:
        """Merge every part into one run: every ambiguous key is known after this."""
        for runs in self.parts:
            self.ambiguous |= runs.merge_all()

    def check_of(self, keys: Keys) -> Checks:
        """The check of each key (0 when the key was never seen)."""
        self.settle()
        found = np.zeros(len(keys), np.uint32)
        part = keys >> _PART_SHIFT
        for number, runs in enumerate(self.parts):
            mine = np.flatnonzero(part == number)
            if len(mine) and runs.runs:
                known, checks = runs.runs[0]
                where = np.clip(np.searchsorted(known, keys[mine]), 0, len(known) - 1)
                hit = known[where] == keys[mine]
                found[mine[hit]] = checks[where[hit]]
        return found

    @property
    def size(self) -> int:
        """Number of pairs kept."""
        return sum(len(k) for runs in self.parts for k, _ in runs.runs)


class _PairRuns:
    """Sorted runs of distinct (key, check) pairs, one key each."""

    def __init__(self) -> None:
        self.runs: list[tuple[Keys, Checks]] = []

    def add(self, keys: Keys, checks: Checks) -> set[int]:
        ambiguous = set()
        run, found = _merged([(keys, checks)])
        self.runs.append(run)
        ambiguous |= found
        while len(self.runs) > 1 and len(self.runs[-2][0]) <= 2 * len(self.runs[-1][0]):
            last = self.runs.pop()
            self.runs[-1], found = _merged([self.runs[-1], last])
            ambiguous |= found
        return ambiguous

    def merge_all(self) -> set[int]:
        if len(self.runs) <= 1:
            return set()
        run, found = _merged(self.runs)
        self.runs = [run]
        return found


def _merged(runs: list[tuple[Keys, Checks]]) -> tuple[tuple[Keys, Checks], set[int]]:
    """One sorted run of the pairs of ``runs``, one pair per key; the keys seen with two
    checks."""
    keys = np.concatenate([np.zeros(0, np.uint64), *(r[0] for r in runs)])
    checks = np.concatenate([np.zeros(0, np.uint32), *(r[1] for r in runs)])
    order = np.lexsort((checks, keys))
    keys, checks = keys[order], checks[order]
    del order
    if len(keys) == 0:
        return (keys, checks), set()
    fresh = np.ones(len(keys), bool)
    fresh[1:] = (keys[1:] != keys[:-1]) | (checks[1:] != checks[:-1])
    keys, checks = keys[fresh], checks[fresh]
    twice = keys[1:] == keys[:-1]
    ambiguous: set[int] = set()
    if twice.any():
        ambiguous = {int(k) for k in keys[1:][twice]}
        first = np.ones(len(keys), bool)
        first[1:] = ~twice
        keys, checks = keys[first], checks[first]
    return (keys, checks), ambiguous


def repeated_keys(chunks: list[Keys]) -> Keys:
    """The keys occurring more than once across ``chunks`` (0 left out): one part of the
    keys (by their top bits) at a time, so the sort's memory follows one part."""
    found = [np.zeros(0, np.uint64)]
    for part in range(PARTS):
        mine = [c[(c >> _PART_SHIFT) == part] for c in chunks]
        keys = np.sort(np.concatenate([np.zeros(0, np.uint64), *mine]))
        keys = keys[keys != NONE]
        found.append(np.unique(keys[1:][keys[1:] == keys[:-1]]))
    return np.concatenate(found)


class KeySet:
    """A growing set of keys, in parts (by top bits) of a few sorted runs each, merged
    when one would outgrow another."""

    def __init__(self) -> None:
        self.parts: list[list[Keys]] = [[] for _ in range(PARTS)]

    def add(self, keys: Keys) -> None:
        """Add keys."""
        part = keys >> _PART_SHIFT
        for number, runs in enumerate(self.parts):
            mine = keys[part == number]
            if len(mine) == 0:
                continue
            runs.append(np.unique(mine))
            while len(runs) > 1 and len(runs[-2]) <= 2 * len(runs[-1]):
                last = runs.pop()
                runs[-1] = np.unique(np.concatenate([runs[-1], last]))

    def holds(self, keys: Keys) -> npt.NDArray[np.bool_]:
        """Whether each key was added."""
        found = np.zeros(len(keys), np.bool_)
        part = keys >> _PART_SHIFT
        for number, runs in enumerate(self.parts):
            mine = np.flatnonzero(part == number)
            for run in runs if len(mine) else ():
                where = np.clip(np.searchsorted(run, keys[mine]), 0, len(run) - 1)
                found[mine] |= run[where] == keys[mine]
        return found


def member(keys: Keys, ordered: Keys) -> npt.NDArray[np.bool_]:
    """Whether each key is in ``ordered`` (sorted): ``np.isin`` without sorting it again."""
    if len(ordered) == 0:
        return np.zeros(len(keys), np.bool_)
    where = np.clip(np.searchsorted(ordered, keys), 0, len(ordered) - 1)
    found: npt.NDArray[np.bool_] = ordered[where] == keys
    return found
