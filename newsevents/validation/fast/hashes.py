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
import tempfile
from collections.abc import Callable, Iterable
from typing import IO, Any

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
    """The distinct (key, check) pairs of a run; notes the keys seen with two checks
    (ambiguous).  Pairs are buffered, then written to a temporary file in PARTS parts by the
    keys' top bits; ``settle`` reads one part at a time, so memory follows one part."""

    FLUSH_PAIRS = 1 << 18

    def __init__(self) -> None:
        self.ambiguous: set[int] = set()
        self._buffer: list[list[tuple[Keys, Checks]]] = [[] for _ in range(PARTS)]
        self._buffered = 0
        self._file: IO[bytes] | None = None
        self._spans: list[list[tuple[int, int]]] = [[] for _ in range(PARTS)]  # offset, count
        self._end = 0
        self._settled = False  # every part merged once since the last pair added

    @property
    def empty(self) -> bool:
        """Whether no pair was ever added."""
        return self._end == 0 and self._buffered == 0

    def add(self, keys: Keys, checks: Checks) -> None:
        """Add pairs (in any order, repeats allowed)."""
        if len(keys) == 0:
            return
        self._settled = False
        part = keys >> _PART_SHIFT
        for number in range(PARTS):
            mine = part == number
            if mine.any():
                self._buffer[number].append((keys[mine], checks[mine]))
        self._buffered += len(keys)
        if self._buffered >= self.FLUSH_PAIRS:
            self._flush()

    def extend(self, other: KeyTable) -> None:
        """Add every pair and ambiguous key of ``other``."""
        self.ambiguous |= other.ambiguous
        for number in range(PARTS):
            self.add(*other._part(number))

    def settle(self) -> None:
        """Merge each part (one at a time): every ambiguous key is known after this."""
        if self._settled:
            return
        for number in range(PARTS):
            _, found = _merged([self._part(number)])
            self.ambiguous |= found
        self._settled = True

    def check_of(self, keys: Keys) -> Checks:
        """The check of each key (0 when the key was never seen)."""
        found = np.zeros(len(keys), np.uint32)
        part = keys >> _PART_SHIFT
        for number in range(PARTS):
            mine = np.flatnonzero(part == number)
            if len(mine) == 0:
                continue
            (known, checks), ambiguous = _merged([self._part(number)])
            self.ambiguous |= ambiguous
            if len(known):
                where = np.clip(np.searchsorted(known, keys[mine]), 0, len(known) - 1)
                hit = known[where] == keys[mine]
                found[mine[hit]] = checks[where[hit]]
        return found

    @property
    def size(self) -> int:
        """Number of distinct keys."""
        return sum(len(_merged([self._part(n)])[0][0]) for n in range(PARTS))

    def _flush(self) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed when collected
        self._file.seek(self._end)
        for number, pieces in enumerate(self._buffer):
            if not pieces:
                continue
            (keys, checks), found = _merged(pieces)
            self.ambiguous |= found
            self._file.write(keys.tobytes())
            self._file.write(checks.tobytes())
            self._spans[number].append((self._end, len(keys)))
            self._end += len(keys) * 12
            pieces.clear()
        self._buffered = 0

    def _part(self, number: int) -> tuple[Keys, Checks]:
        """Every pair of part ``number`` (written and buffered)."""
        keys = [np.zeros(0, np.uint64)] + [k for k, _ in self._buffer[number]]
        checks = [np.zeros(0, np.uint32)] + [c for _, c in self._buffer[number]]
        for offset, count in self._spans[number] if self._file is not None else ():
            assert self._file is not None
            self._file.seek(offset)
            raw = self._file.read(count * 12)
            keys.append(np.frombuffer(raw[: count * 8], np.uint64))
            checks.append(np.frombuffer(raw[count * 8 :], np.uint32))
        return np.concatenate(keys), np.concatenate(checks)

    def __getstate__(self) -> dict[str, object]:
        parts = [self._part(number) for number in range(PARTS)]
        return {"ambiguous": self.ambiguous, "parts": parts}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__()  # type: ignore[misc]
        self.ambiguous = set(state["ambiguous"])
        for keys, checks in state["parts"]:
            self.add(keys, checks)


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


RECENT_KEYS = 1 << 19
"""Keys a :class:`RecentKeys` generation holds before it becomes the older one."""


class RecentKeys:
    """The keys added lately: two generations of a :class:`KeySet`, the older dropped when
    the newer is full, so memory stays bounded (a key forgotten is only looked for later)."""

    def __init__(self) -> None:
        self.newer, self.older = KeySet(), KeySet()

    def add(self, keys: Keys) -> None:
        """Add keys (maybe forgetting the oldest)."""
        if self.newer.size >= RECENT_KEYS:
            self.newer, self.older = KeySet(), self.newer
        self.newer.add(keys)

    def holds(self, keys: Keys) -> npt.NDArray[np.bool_]:
        """Whether each key was added and not forgotten."""
        found: npt.NDArray[np.bool_] = self.newer.holds(keys) | self.older.holds(keys)
        return found


class KeySet:
    """A growing set of keys, in parts (by top bits) of a few sorted runs each, merged
    when one would outgrow another."""

    def __init__(self) -> None:
        self.parts: list[list[Keys]] = [[] for _ in range(PARTS)]
        self.size = 0  # keys added (repeats counted)

    def add(self, keys: Keys) -> None:
        """Add keys."""
        self.size += len(keys)
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
                found[mine] |= member(keys[mine], run)
        return found


def member(keys: Keys, ordered: Keys) -> npt.NDArray[np.bool_]:
    """Whether each key is in ``ordered`` (sorted): ``np.isin`` without sorting it again."""
    if len(ordered) == 0:
        return np.zeros(len(keys), np.bool_)
    where = np.clip(np.searchsorted(ordered, keys), 0, len(ordered) - 1)
    found: npt.NDArray[np.bool_] = ordered[where] == keys
    return found
