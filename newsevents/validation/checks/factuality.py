"""Factuality and time across records: an asserted past event cannot postdate its report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from newsevents.models import EventBase
from newsevents.validation.checks.anchoring import DocumentText
from newsevents.validation.checks.registry import RecordContext, RecordPlace, check, new_issue
from newsevents.validation.issue import Issue


@check("NE705", models=(EventBase,))
def asserted_past_after_publication(event: EventBase, context: RecordContext) -> Iterator[Issue]:
    """An event the text asserts happened in the past is not dated after publication (NE705).

    The date is the first day of the period its precision names, so a later first day is
    after publication whatever the precision.
    """
    time, factuality = event.time, event.factuality
    if time is None or factuality.modality != "asserted" or factuality.tense != "past":
        return iter(())
    work = AfterPublication(time.date, context.place, context.record_id)
    return context.state.documents.when_available(event.document_id, context.place, work)


@dataclass(frozen=True, slots=True)
class AfterPublication:
    """An asserted past event's date, to compare with its document's publication date."""

    date: dt.date
    place: RecordPlace
    record_id: str | None

    def __call__(self, document: DocumentText) -> Iterator[Issue]:
        if document.published is not None and self.date > document.published:
            where = self.place.location("/time/date")
            found, published = self.date.isoformat(), document.published.isoformat()
            yield new_issue("NE705", where, self.record_id, found=found, published=published)
