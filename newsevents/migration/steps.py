"""The registered migration steps, one per pair of adjacent published versions and direction.

As in pystac's migration chain, each step is one small function from a version to the next
(or the previous); :func:`chain` composes them.  Unlike pystac, a step reports every change it
makes as a coded issue (NE901), and a step that would lose information refuses the record
(NE902) instead of dropping a field silently.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from packaging.version import Version

from newsevents.models.versioning import newer_features, validator_for
from newsevents.versions import PUBLISHED_VERSIONS

Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Change:
    """One change a step made or refused: its code, JSON pointer and message context."""

    code: str
    pointer: str
    context: dict[str, object] = field(default_factory=dict)


class Refused(Exception):
    """A step cannot migrate the record without losing information; ``changes`` say why."""

    def __init__(self, changes: list[Change]) -> None:
        super().__init__(f"{len(changes)} feature(s) cannot be migrated")
        self.changes = changes


StepFunction = Callable[[Record], tuple[Record, list[Change]]]


@dataclass(frozen=True, slots=True)
class Step:
    """A registered step from ``source`` to ``target``, adjacent published versions."""

    source: str
    target: str
    run: StepFunction


STEPS: dict[tuple[str, str], Step] = {}
"""Every registered step, by (source, target)."""


def step(source: str, target: str) -> Callable[[StepFunction], StepFunction]:
    """Register the decorated function as the step from ``source`` to ``target``."""

    def register(function: StepFunction) -> StepFunction:
        STEPS[(source, target)] = Step(source, target, function)
        return function

    return register


def chain(source: str, target: str) -> list[Step]:
    """Return the steps from ``source`` to ``target`` through adjacent published versions.

    Raises KeyError when either is not published or a step is missing.
    """
    ordered = sorted(PUBLISHED_VERSIONS, key=Version)
    if source not in ordered or target not in ordered:
        raise KeyError(f"no migration from {source} to {target}")
    start, end = ordered.index(source), ordered.index(target)
    hops = ordered[start : end + 1] if end >= start else ordered[end : start + 1][::-1]
    return [STEPS[pair] for pair in pairwise(hops)]


def pointer(loc: tuple[str | int, ...]) -> str:
    """Return a model location as an RFC 6901 JSON pointer."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in loc)


def _version_change(record: Record, target: str) -> tuple[Record, list[Change]]:
    migrated = copy.deepcopy(record)
    source = migrated.get("schema_version")
    migrated["schema_version"] = target
    context: dict[str, object] = {"source": source, "target": target}
    return migrated, [Change("NE901", "/schema_version", context)]


@step("1.0.0", "1.1.0")
def up_1_0_to_1_1(record: Record) -> tuple[Record, list[Change]]:
    """1.0.0 -> 1.1.0: a minor; every 1.0.0 record is a 1.1.0 record with a new version."""
    return _version_change(record, "1.1.0")


@step("1.1.0", "1.0.0")
def down_1_1_to_1_0(record: Record) -> tuple[Record, list[Change]]:
    """1.1.0 -> 1.0.0: lossless only when the record uses nothing 1.1.0 added."""
    model = validator_for("1.1.0").validate_python(record)
    refused = []
    for violation in newer_features(model, "1.0.0"):
        if violation.code == "NE301":
            feature = f"leaving out {violation.context.get('field')}"
        else:
            feature = str(violation.context.get("feature"))
        context: dict[str, object] = {"feature": feature, "target": "1.0.0"}
        refused.append(Change("NE902", pointer(violation.loc), context))
    if refused:
        raise Refused(refused)
    return _version_change(record, "1.0.0")
