"""Anchoring: every evidence span must select, in its document's text, the words it quotes.

Offsets count Unicode code points, end exclusive (W3C TextPositionSelector).  When the quoted
text is not at the offsets but occurs elsewhere, the issue says why it most likely moved:
UTF-8 byte offsets, UTF-16 code units, or an offset off by one.  Spans of a document not yet
read are checked when it arrives; spans of documents never at hand are summarised by NE607.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, NamedTuple

from pydantic import BaseModel

from newsevents.models import Document, EventBase, EvidenceSpan
from newsevents.validation.checks.registry import (
    RecordContext,
    RecordPlace,
    check,
    finisher,
    new_issue,
)
from newsevents.validation.checks.walk import instances
from newsevents.validation.issue import Issue
from newsevents.validation.messages import enumerate_values, quote

if TYPE_CHECKING:
    from newsevents.validation.checks.state import RunState

_MAX_OCCURRENCES = 1000
TEXTS_IN_MEMORY = 8_000_000
"""Characters of document text a run holds in memory; older texts go to a temporary file."""


class DocumentText:
    """A document's text, publication date, and (computed on demand) its encoded forms.

    The text may be moved to a temporary file (:meth:`spill`) and is then read back when
    asked for, so a long run keeps only the recent texts in memory.
    """

    __slots__ = ("_spilled", "_text", "_utf8", "_utf16", "id", "published")

    def __init__(
        self, document_id: str, text: str | None, published: dt.date | None = None
    ) -> None:
        self.id = document_id
        self._text = text
        self.published = published
        self._utf8: bytes | None = None
        self._utf16: bytes | None = None
        self._spilled: tuple[IO[bytes], int, int] | None = None

    @property
    def text(self) -> str | None:
        """The text (read back from the temporary file when it was moved there)."""
        if self._spilled is None:
            return self._text
        file, at, size = self._spilled
        file.seek(at)
        return file.read(size).decode("utf-8", "surrogatepass")

    def spill(self, file: IO[bytes]) -> int:
        """Move the text to the end of ``file``; return the number of characters freed."""
        if self._text is None:
            return 0
        data = self._text.encode("utf-8", "surrogatepass")
        file.seek(0, os.SEEK_END)
        self._spilled = (file, file.tell(), len(data))
        file.write(data)
        freed, self._text, self._utf8, self._utf16 = len(self._text), None, None, None
        return freed

    def utf8(self) -> bytes:
        """The text's UTF-8 bytes."""
        if self._utf8 is None:
            self._utf8 = (self.text or "").encode("utf-8", "surrogatepass")
        return self._utf8

    def utf16(self) -> bytes:
        """The text's UTF-16 (little-endian) code units."""
        if self._utf16 is None:
            self._utf16 = (self.text or "").encode("utf-16-le", "surrogatepass")
        return self._utf16


Work = Callable[[DocumentText], Iterator[Issue]]


class DocumentStore:
    """The texts at hand, by document id, and the work waiting for documents not yet read."""

    def __init__(self, budget: int | None = None) -> None:
        self.texts: dict[str, DocumentText] = {}
        self._waiting: dict[str, list[tuple[RecordPlace, Work]]] = {}
        self._budget, self._held = TEXTS_IN_MEMORY if budget is None else budget, 0
        self._in_memory: deque[DocumentText] = deque()
        self._file: IO[bytes] | None = None

    @property
    def at_hand(self) -> bool:
        """Whether any document text was read."""
        return bool(self.texts)

    def add(self, document: DocumentText) -> Iterator[Issue]:
        """Keep ``document`` now (the first of an id wins); return the issues of the work
        that was waiting for it."""
        if document.id in self.texts:
            return iter(())
        self.texts[document.id] = document
        self._keep(document)
        waiting = self._waiting.pop(document.id, [])
        return (issue for _, work in waiting for issue in work(document))

    def _keep(self, document: DocumentText) -> None:
        """Hold ``document``'s text in memory, moving the oldest texts to a temporary file
        once they pass the budget: only ids and file offsets stay for those."""
        self._held += len(document._text or "")
        self._in_memory.append(document)
        while self._held > self._budget and self._in_memory:
            if self._file is None:
                # Removed when the store is collected: it lives as long as the run.
                self._file = tempfile.TemporaryFile()  # noqa: SIM115
            self._held -= self._in_memory.popleft().spill(self._file)

    def when_available(self, document_id: str, place: RecordPlace, work: Work) -> Iterator[Issue]:
        """Run ``work`` on the document now if it is at hand, else when it is added."""
        document = self.texts.get(document_id)
        if document is not None:
            return work(document)
        self._waiting.setdefault(document_id, []).append((place, waiting_form(work)))
        return iter(())

    def waiting(self) -> dict[str, list[RecordPlace]]:
        """Document ids never read, with the records whose work waits for them."""
        return {key: [place for place, _ in items] for key, items in self._waiting.items()}


def spans_of(model: BaseModel) -> list[tuple[str, EvidenceSpan]]:
    """Return (JSON pointer, span) for every evidence span anywhere inside ``model``."""
    return instances(model, EvidenceSpan)


class Span(NamedTuple):
    """What the anchoring checks read of an evidence span (small, for worker processes)."""

    start: int
    end: int
    exact: str
    prefix: str | None
    suffix: str | None


@dataclass(frozen=True, slots=True)
class SpanWork:
    """The spans of one record, to check once their document's text is at hand: the model's
    spans while the document is at hand, :class:`Span` tuples once it must wait."""

    spans: tuple[tuple[str, EvidenceSpan | Span], ...]
    place: RecordPlace
    record_id: str | None

    def __call__(self, document: DocumentText) -> Iterator[Issue]:
        text, place, record_id = document.text, self.place, self.record_id
        found: list[Issue] = []
        for pointer, span in self.spans:
            found += span_issues(document, text, span, pointer, place, record_id)
        return iter(found)

    def compact(self) -> SpanWork:
        """This work with its spans as small tuples (for a wait or another process)."""
        spans = tuple(
            (pointer, Span(s.start, s.end, s.exact, s.prefix, s.suffix))
            for pointer, s in self.spans
        )
        return SpanWork(spans, self.place, self.record_id)


def waiting_form(work: Work) -> Work:
    """``work`` as it is kept while its document is awaited: small, and picklable cheaply."""
    return work.compact() if isinstance(work, SpanWork) else work


def check_span(
    document: DocumentText,
    span: EvidenceSpan | Span,
    pointer: str,
    place: RecordPlace,
    record_id: str | None,
) -> Iterator[Issue]:
    """Yield NE601, NE604 or NE608 when ``span`` does not fit ``document``'s text, NE509 when
    the document has no text (it is known only by its source, schema 1.1.0)."""
    return iter(span_issues(document, document.text, span, pointer, place, record_id))


def span_issues(
    document: DocumentText,
    text: str | None,
    span: EvidenceSpan | Span,
    pointer: str,
    place: RecordPlace,
    record_id: str | None,
) -> list[Issue]:
    """The issues of ``span`` against ``document``, whose text (read once) is ``text``."""
    start, end = span.start, span.end
    if text is None:
        return [new_issue("NE509", place.location(pointer), record_id, document=document.id)]
    if end > len(text):
        where = place.location(f"{pointer}/end")
        return [new_issue("NE601", where, record_id, start=start, end=end, length=len(text))]
    found = text[start:end]
    if found != span.exact:
        cause = likely_cause(document, start, end, span.exact)
        context = {"expected": quote(span.exact), "found": quote(found), "cause": cause}
        where = place.location(pointer)
        return [new_issue("NE604", where, record_id, start=start, end=end, **context)]
    prefix, suffix = span.prefix, span.suffix
    issues: list[Issue] = []
    if prefix is not None:
        before = text[max(0, start - len(prefix)) : start]
        if before != prefix:
            context = {"which": "prefix", "expected": quote(prefix), "found": quote(before)}
            issues.append(
                new_issue("NE608", place.location(f"{pointer}/prefix"), record_id, **context)
            )
    if suffix is not None:
        after = text[end : end + len(suffix)]
        if after != suffix:
            context = {"which": "suffix", "expected": quote(suffix), "found": quote(after)}
            issues.append(
                new_issue("NE608", place.location(f"{pointer}/suffix"), record_id, **context)
            )
    return issues


def likely_cause(document: DocumentText, start: int, end: int, exact: str) -> str:
    """Say why ``exact`` is not at ``start:end`` when it can be found elsewhere, else ''."""
    width = len(exact)
    as_utf8 = exact.encode("utf-8", "surrogatepass")
    if document.utf8()[start:end] == as_utf8:
        at = len(document.utf8()[:start].decode("utf-8", "ignore"))
        return f"; the offsets look like UTF-8 byte offsets: the text is at {at}:{at + width}"
    as_utf16 = exact.encode("utf-16-le", "surrogatepass")
    if document.utf16()[2 * start : 2 * end] == as_utf16:
        at = len(document.utf16()[: 2 * start].decode("utf-16-le", "ignore"))
        return f"; the offsets look like UTF-16 code units: the text is at {at}:{at + width}"
    text = document.text or ""  # check_span never asks this of a document without text
    for shift in (-1, 1):
        if start + shift >= 0 and text[start + shift : end + shift] == exact:
            return f"; the offsets are off by one: the text is at {start + shift}:{end + shift}"
    nearest = _nearest(text, exact, start)
    if nearest is not None:
        return f"; the text occurs at {nearest}:{nearest + width}"
    return ""


def _nearest(text: str, exact: str, start: int) -> int | None:
    best: int | None = None
    at = text.find(exact)
    for _ in range(_MAX_OCCURRENCES):
        if at < 0:
            break
        if best is None or abs(at - start) < abs(best - start):
            best = at
        at = text.find(exact, at + 1)
    return best


@check("NE601", "NE604", "NE608", models=(EventBase,))
def event_spans(event: EventBase, context: RecordContext) -> Iterator[Issue]:
    """Check the event's spans against its document, now or once the document is read."""
    spans = spans_of(event)
    if not spans:
        return iter(())
    work = SpanWork(tuple(spans), context.place, context.record_id)
    return context.state.documents.when_available(event.document_id, context.place, work)


@check("NE509", "NE601", "NE604", "NE608", models=(Document,))
def document_spans(document: Document, context: RecordContext) -> Iterator[Issue]:
    """Check the spans a document record holds (dateline, publication) against its text.

    A document without text (known only by its source) is kept as such: the spans of its
    events, waiting or still to come, and its own are NE509.
    """
    text = DocumentText(document.id, document.text)
    if document.text is None:
        yield from context.state.documents.add(text)
    for pointer, span in spans_of(document):
        yield from span_issues(text, document.text, span, pointer, context.place, context.record_id)


@finisher("NE607")
def spans_not_checked(state: RunState) -> Iterator[Issue]:
    """Say, once, which records' spans could not be checked for want of document text."""
    waiting = state.documents.waiting()
    if not waiting or state.documents.at_hand:
        return  # with some documents at hand, a missing one is an NE503 error instead
    places = list({place for places in waiting.values() for place in places})
    first = min(places, key=lambda p: (p.file_index, p.record or 0))
    documents = enumerate_values(sorted(waiting))
    yield new_issue("NE607", first.location(), None, count=len(places), documents=documents)
