"""What worker processes use of the run: ``Run.problem``, ``documents.at_hand``,
``ReferenceIndex.know``, and the texts moved out of memory."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.io.readers import ReadProblem, Where
from newsevents.validation.checks.anchoring import DocumentStore, DocumentText
from newsevents.validation.checks.references import ReferenceIndex
from newsevents.validation.checks.registry import RecordPlace
from newsevents.validation.examples.base import records as example_records
from newsevents.validation.runner import Run
from newsevents.validation.selection import Selection


def new_run() -> Run:
    return Run(Selection.of(None, None), None, False)


def test_problem_reports_a_reading_problem_where_it_is() -> None:
    run = new_run()
    run.problem(Where("a.jsonl", 3, 4, 2), ReadProblem("NE104", {"found": [1]}))
    report = run.finish()
    (issue,) = report.issues
    assert issue.code == "NE104"
    assert (issue.location.file, issue.location.record, issue.location.line) == ("a.jsonl", 3, 4)


def test_documents_are_at_hand_once_kept() -> None:
    store = DocumentStore()
    assert not store.at_hand
    list(store.add(DocumentText("doc-1", "text")))
    assert store.at_hand


def test_know_registers_the_first_record_only() -> None:
    index = ReferenceIndex()
    first = RecordPlace("a.jsonl", 0, 5)
    assert index.know("event", "ev-1", first, "doc-1")
    assert not index.know("event", "ev-1", RecordPlace("b.jsonl", 1, 9), "doc-2")
    assert index.known("event", "ev-1")
    assert index.event_document.get("ev-1") == "doc-1"
    assert index.file_names == {0: "a.jsonl"}
    assert not index.known("actor", "ev-1")


@given(st.lists(st.sampled_from(["ev-1", "ev-2", "ev-3"]), min_size=1, max_size=8))
@settings(max_examples=50, deadline=None)
def test_know_then_a_duplicate_is_described_at_the_known_place(order: list[str]) -> None:
    """A record registered after ``know`` with the same id is NE501 pointing at the known
    record, as if the reference had read it there."""
    index = ReferenceIndex()
    for number, name in enumerate(order):
        index.know("event", name, RecordPlace("a.jsonl", 0, number))
    record = copy.deepcopy(example_records()["alert"])
    record["id"] = order[-1]
    (issue,) = index.register(record, RecordPlace("b.jsonl", 1, 0))
    assert issue.code == "NE501"
    first = order.index(order[-1])
    assert f"a.jsonl record {first}" in issue.message


def test_texts_moved_to_a_temporary_file_are_read_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """With room for no text in memory, every text goes to the temporary file at once, and
    the spans are still checked against it: the same report, mismatches and causes included."""
    from newsevents.validation import validate
    from newsevents.validation.checks import anchoring

    records = list(example_records().values())
    event = next(r for r in records if r["record_type"] == "event" and "trigger" in r)
    broken = copy.deepcopy(event)
    broken["id"] += "-shifted"
    broken["trigger"]["start"] += 1  # NE604, whose message quotes the document's text
    broken["trigger"]["end"] += 1
    reference = validate([*records, broken]).to_dict()
    monkeypatch.setattr(anchoring, "TEXTS_IN_MEMORY", 0)
    store = anchoring.DocumentStore()
    document = anchoring.DocumentText("doc", "Text “quoted”.")
    list(store.add(document))
    assert document._spilled is not None and document.text == "Text “quoted”."
    spilled = validate([*records, broken]).to_dict()
    spilled.pop("tool"), reference.pop("tool")
    assert spilled == reference
    assert "NE604" in reference["summary"]["by_code"]
