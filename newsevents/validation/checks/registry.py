"""The registry of record checks: pure functions ``(record, context) -> Iterator[Issue]``.

Each check is registered once, with the codes it may report and the record models it
applies to; the runner calls the checks of a record's model on every record that passed the
structural validation.  Checks that need other records (references, spans whose document
comes later) keep small state in the run's :class:`RunState`, reached through the context,
and report the rest from a *finisher* once every file has been read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from newsevents.codes import spec
from newsevents.validation.hints import HINTS
from newsevents.validation.issue import Issue, IssueLocation, Suggestion

if TYPE_CHECKING:
    from newsevents.validation.checks.state import RunState


@dataclass(frozen=True, slots=True)
class RecordPlace:
    """Where a record is: the file as given, its order among files, record index and line."""

    file: str | None
    file_index: int
    record: int | None
    line: int | None = None

    def location(self, pointer: str = "", column: int | None = None) -> IssueLocation:
        """Return the issue location of ``pointer`` in this record."""
        return IssueLocation(self.file, self.record, self.line, column, pointer)

    def describe(self) -> str:
        """Say where the record is, for messages: ``events.jsonl record 3``."""
        where = "input" if self.file is None else self.file
        return f"{where} record {self.record}" if self.record is not None else where


def new_issue(
    code: str,
    location: IssueLocation,
    record_id: str | None = None,
    suggestion: Suggestion | None = None,
    /,
    **context: object,
) -> Issue:
    """Return an issue of ``code``, its message rendered from the catalogue template, with
    the one edit that fixes it when there is one (:mod:`newsevents.validation.suggest`)."""
    check = spec(code)
    return Issue(
        code=code,
        severity=check.severity,
        message=check.render(**context),
        location=location,
        record_id=record_id,
        hint=HINTS.get(code),
        suggestion=suggestion,
    )


@dataclass(slots=True)
class RecordContext:
    """What a check knows besides the record: where it is, its id and the run's state."""

    state: RunState
    place: RecordPlace
    record_id: str | None

    def issue(self, code: str, pointer: str = "", /, **context: object) -> Issue:
        """Return an issue of ``code`` at ``pointer`` in the current record."""
        return new_issue(code, self.place.location(pointer), self.record_id, **context)


RecordCheck = Callable[[Any, RecordContext], Iterator[Issue]]
Finisher = Callable[["RunState"], Iterator[Issue]]


@dataclass(frozen=True, slots=True)
class RegisteredCheck:
    """A check with the codes it reports and the models it applies to."""

    name: str
    codes: frozenset[str]
    models: tuple[type[BaseModel], ...]
    run: RecordCheck


@dataclass(frozen=True, slots=True)
class RegisteredFinisher:
    """An end-of-run step with the codes it reports."""

    name: str
    codes: frozenset[str]
    run: Finisher


CHECKS: list[RegisteredCheck] = []
FINISHERS: list[RegisteredFinisher] = []


def check(*codes: str, models: tuple[type[BaseModel], ...]) -> Callable[[RecordCheck], RecordCheck]:
    """Register a record check reporting ``codes`` on records of ``models``."""

    def register(function: RecordCheck) -> RecordCheck:
        for code in codes:
            spec(code)  # a typo in a code fails at import, not at run time
        CHECKS.append(RegisteredCheck(function.__name__, frozenset(codes), models, function))
        return function

    return register


def finisher(*codes: str) -> Callable[[Finisher], Finisher]:
    """Register an end-of-run step reporting ``codes``."""

    def register(function: Finisher) -> Finisher:
        for code in codes:
            spec(code)
        FINISHERS.append(RegisteredFinisher(function.__name__, frozenset(codes), function))
        return function

    return register
