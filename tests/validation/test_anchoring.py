"""Spans against their document's text, with the likely cause of a mismatch."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.models import text_sha256
from newsevents.validation import validate
from newsevents.validation.checks.anchoring import DocumentText, likely_cause


def messages(report: Any) -> list[tuple[str, str, str]]:
    return [(i.code, i.location.pointer, i.message) for i in report.issues]


@pytest.mark.parametrize(
    ("text", "exact", "shift", "cause"),
    [
        ("café — troops", "troops", "utf8", "UTF-8 byte offsets: the text is at 7:13"),
        ("flag 🇺🇦 troops", "troops", "utf16", "UTF-16 code units: the text is at 8:14"),
        ("the troops left", "troops", 1, "off by one: the text is at 4:10"),
        ("the troops left", "troops", -1, "off by one: the text is at 4:10"),
        ("troops, and more troops", "troops", 9, "the text occurs at 17:23"),
        ("no such words here", "troops", 3, None),
    ],
)
def test_likely_cause(text: str, exact: str, shift: object, cause: str | None) -> None:
    at = max(text.find(exact), 0)
    if shift == "utf8":
        start = len(text[:at].encode("utf-8"))
    elif shift == "utf16":
        start = len(text[:at].encode("utf-16-le")) // 2
    else:
        assert isinstance(shift, int)
        start = at + shift
    found = likely_cause(DocumentText("d", text), start, start + len(exact), exact)
    if cause is None:
        assert found == ""
    else:
        assert found.endswith(cause)


def test_every_span_of_an_event_and_of_a_document_is_checked(records: dict[str, Any]) -> None:
    alert = records["alert"]
    for where in ("trigger", "force/evidence", "time/evidence", "readiness/evidence"):
        holder = alert
        *parents, last = where.split("/")
        for part in parents:
            holder = holder[part]
        holder[last] = {**holder[last], "exact": "x" * len(holder[last]["exact"])}
    alert["participants"][0]["mention"]["exact"] = "OTAN"
    records["document"]["dateline"]["evidence"]["exact"] = "Brüssel!"
    report = validate(list(records.values()))
    assert sorted(p for c, p, _ in messages(report) if c == "NE604") == [
        "/dateline/evidence",
        "/force/evidence",
        "/participants/0/mention",
        "/readiness/evidence",
        "/time/evidence",
        "/trigger",
    ]


def test_span_past_the_end(records: dict[str, Any]) -> None:
    text_length = len(records["document"]["text"])
    records["alert"]["trigger"] = {"start": text_length - 1, "end": text_length + 2, "exact": "put"}
    [(code, where, message)] = messages(validate(list(records.values())))
    assert (code, where) == ("NE601", "/trigger/end")
    assert message.endswith(f"the document's {text_length} code points")


def test_prefix_and_suffix_are_checked(records: dict[str, Any]) -> None:
    quote = records["statement"]["quote"]
    quote["prefix"] = "«"
    quote["suffix"] = "” spokesman"
    report = validate(list(records.values()))
    assert [(c, p) for c, p, _ in messages(report)] == [("NE608", "/quote/prefix")]
    assert report.valid  # a warning


def test_events_before_their_document_are_checked_when_it_arrives(
    records: dict[str, Any],
) -> None:
    records["alert"]["trigger"]["start"] += 1
    records["alert"]["trigger"]["end"] += 1
    document = records.pop("document")
    report = validate([*records.values(), document])
    assert [(c, r) for c, r in ((i.code, i.location.record) for i in report.issues)] == [
        ("NE604", 4)
    ]


def test_spans_unchecked_without_any_document_is_one_info(records: dict[str, Any]) -> None:
    del records["document"]
    report = validate(list(records.values()))
    assert report.valid
    [issue] = report.issues
    assert issue.code == "NE607"
    assert issue.message == (
        '4 record(s) point into documents whose text is not available: "doc-nato-alert"'
    )


def test_an_invalid_document_still_supplies_its_text(records: dict[str, Any]) -> None:
    records["document"]["sha256"] = "f" * 64
    records["alert"]["trigger"]["start"] += 1
    records["alert"]["trigger"]["end"] += 1
    codes = [i.code for i in validate(list(records.values())).issues]
    assert codes == ["NE606", "NE604"]


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=60), st.data())
def test_anchored_spans_pass_and_shifted_ones_are_caught(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    exact = text[start:end]
    shift = data.draw(st.integers(-start, len(text) - end))
    document = {
        "record_type": "document",
        "schema_version": "1.0.0",
        "id": "d",
        "text": text,
        "sha256": text_sha256(text),
        "language": "en",
        "is_translation": False,
        "dateline": {
            "name": "X",
            "kind": "place",
            "evidence": {"start": start + shift, "end": end + shift, "exact": exact},
        },
    }
    codes = [i.code for i in validate([document]).issues]
    if text[start + shift : end + shift] == exact:
        assert codes == []
    else:
        assert codes == ["NE604"]
