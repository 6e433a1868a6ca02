"""Factuality and time across records: an asserted past event cannot postdate its report."""

from __future__ import annotations

from collections.abc import Iterator

from newsevents.models import EventBase
from newsevents.validation.checks.anchoring import DocumentText
from newsevents.validation.checks.registry import RecordContext, check
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
    date = time.date

    def work(document: DocumentText) -> Iterator[Issue]:
        if document.published is not None and date > document.published:
            published = document.published.isoformat()
            yield context.issue("NE705", "/time/date", found=date.isoformat(), published=published)

    return context.state.documents.when_available(event.document_id, context.place, work)
