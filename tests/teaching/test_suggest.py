"""Did you mean: one suggestion when one edit fixes an issue, and applying it does."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.codebooks import cameo_code
from newsevents.codebooks.event_types import allowed_cameo_codes
from newsevents.validation import Report, validate
from newsevents.validation.examples import base
from newsevents.validation.issue import Issue, Suggestion, report_schema
from newsevents.validation.render import render_text
from newsevents.validation.suggest import near_id, schema_words, suggest

Records = list[dict[str, Any]]
Mistake = Callable[[st.DrawFn, Records], None]


def _records() -> Records:
    return list(base.records().values())


def _keys(report: Report) -> set[tuple[str, int | None, str]]:
    return {(i.code, i.location.record, i.location.pointer) for i in report.issues}


def _applied(records: Records, issue: Issue) -> Records:
    assert issue.suggestion is not None and issue.location.record is not None
    fixed = list(records)
    fixed[issue.location.record] = issue.suggestion.apply(records[issue.location.record])
    return fixed


def _events(records: Records) -> list[dict[str, Any]]:
    return [r for r in records if r["record_type"] == "event"]


def _enum_case(draw: st.DrawFn, records: Records) -> None:
    """An enumerated value in other case: Speaker, ALERT, Positive."""
    record = draw(st.sampled_from(_events(records)))
    places = [
        (holder, key)
        for holder in _objects(record)
        for key, value in holder.items()
        if isinstance(value, str)
        and value in schema_words().values.get(key, ())
        and any(c.isalpha() for c in value)
    ]
    holder, key = draw(st.sampled_from(places))
    changed = draw(st.sampled_from([str.upper, str.title, str.swapcase]))(holder[key])
    if changed != holder[key]:
        holder[key] = changed
    else:
        holder[key] = holder[key] + "s"


def _objects(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        return [value, *(o for v in value.values() for o in _objects(v))]
    if isinstance(value, list):
        return [o for v in value for o in _objects(v)]
    return []


def _lost_zero(draw: st.DrawFn, records: Records) -> None:
    """A statement's CAMEO code without its leading zero, the rest coded for the real code."""
    statement = next(r for r in records if r.get("event_type") == "statement")
    codes = sorted(c for c in allowed_cameo_codes("statement") if c.startswith("0"))
    entry = cameo_code(draw(st.sampled_from(codes)))
    assert entry is not None and entry.goldstein_gdelt is not None
    statement["cameo"] = {
        "code": entry.code[1:],
        "root": entry.root,
        "quad_class": entry.quad_gdelt,
        "goldstein": entry.goldstein_gdelt,
    }


def _country_name(draw: st.DrawFn, records: Records) -> None:
    """An actor's country as its name or alpha-2 code, not alpha-3."""
    actor = next(r for r in records if r.get("country"))
    country = pycountry.countries.get(alpha_3=actor["country"])
    actor["country"] = draw(st.sampled_from([country.alpha_2, country.name]))


def _near_actor_id(draw: st.DrawFn, records: Records) -> None:
    """A participant's actor id with one letter more."""
    event = draw(st.sampled_from(_events(records)))
    participant = draw(st.sampled_from(event["participants"]))
    participant["actor_id"] += draw(st.sampled_from("xyz2"))


def _misspelt_field(draw: st.DrawFn, records: Records) -> None:
    """A field name with one letter dropped (the suggestion may be ambiguous: none then)."""
    record = draw(st.sampled_from(records))
    name = draw(st.sampled_from(sorted(k for k in record if len(k) > 5)))
    cut = draw(st.integers(1, len(name) - 1))
    record[name[:cut] + name[cut + 1 :]] = record.pop(name)


SUGGESTED: tuple[Mistake, ...] = (_enum_case, _lost_zero, _country_name, _near_actor_id)


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_these_mistakes_get_a_suggestion_that_fixes_them(data: st.DataObject) -> None:
    records = _records()
    mistake = data.draw(st.sampled_from(SUGGESTED))
    mistake(data.draw, records)
    report = validate(records)
    suggested = [i for i in report.issues if i.suggestion is not None]
    assert suggested, [(i.code, i.location.pointer) for i in report.issues]
    for issue in suggested:
        key = (issue.code, issue.location.record, issue.location.pointer)
        assert key not in _keys(validate(_applied(records, issue)))


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_a_suggestion_never_adds_an_issue(data: st.DataObject) -> None:
    records = _records()
    data.draw(st.sampled_from((*SUGGESTED, _misspelt_field)))(data.draw, records)
    report = validate(records)
    for issue in (i for i in report.issues if i.suggestion is not None):
        after = _keys(validate(_applied(records, issue)))
        assert after < _keys(report) or not after - _keys(report)


def _issue_after(mutate: Callable[[dict[str, dict[str, Any]]], None]) -> list[Issue]:
    named = base.records()
    mutate(named)
    return list(validate(list(named.values())).issues)


@pytest.mark.parametrize(
    ("mutate", "code", "expected"),
    [
        (lambda r: r["statement"]["cameo"].update(code="10"), "NE403", "010"),
        (lambda r: r["statement"]["cameo"].update(code=10), "NE302", "010"),
        (lambda r: r["statement"]["participants"][0].update(role="Speaker"), "NE304", "speaker"),
        (lambda r: r["alert"].update(event_type="Alert"), "NE307", "alert"),
        (lambda r: r["germany"].update(country="DE"), "NE410", "DEU"),
        (lambda r: r["germany"].update(country="Germany"), "NE410", "DEU"),
        (lambda r: r["alert"]["cameo"].update(quad_class="4"), "NE304", 4),
        (
            lambda r: r["statement"]["cameo"].update(code="Make statement, not specified below"),
            "NE401",
            "010",
        ),
        (lambda r: r["alert"]["participants"][0].update(actor_id="actor-nat0"), "NE502", None),
    ],
)
def test_typical_mistakes_get_the_expected_suggestion(
    mutate: Callable[[dict[str, dict[str, Any]]], None], code: str, expected: Any
) -> None:
    issue = next(i for i in _issue_after(mutate) if i.code == code)
    assert issue.suggestion is not None
    if expected is not None:
        assert issue.suggestion.value == expected
    else:
        assert issue.suggestion.value == "actor-nato"


def test_a_misspelt_field_is_renamed() -> None:
    def mutate(r: dict[str, dict[str, Any]]) -> None:
        r["alert"]["factuality"]["certanty"] = "certain"

    issue = next(i for i in _issue_after(mutate) if i.code == "NE303")
    assert issue.suggestion == Suggestion(
        "move", "/factuality/certainty", source="/factuality/certanty"
    )
    assert issue.suggestion.text() == 'did you mean "certainty"?'


@pytest.mark.parametrize(
    "mutate",
    [
        lambda r: r["germany"].update(country="Narnia"),
        lambda r: r["alert"]["cameo"].update(code="13y"),
        # right for another model only: speaker is not a role of alerts
        lambda r: r["alert"]["participants"][0].update(role="Speaker"),
        lambda r: r["alert"].update(zzzz=1),
    ],
)
def test_no_suggestion_without_one_edit_that_fixes(
    mutate: Callable[[dict[str, dict[str, Any]]], None],
) -> None:
    assert all(i.suggestion is None for i in _issue_after(mutate))


def test_no_suggestion_when_two_ids_are_as_near() -> None:
    assert near_id("actor-ab", {"actor-a", "actor-b"}) is None
    assert near_id("actor-a", {"actor-a"}) is None  # itself is no suggestion


def test_codes_without_lookups_give_none() -> None:
    assert suggest("NE604", ["trigger"], {"trigger": {}}) is None


def test_the_suggestion_is_in_the_json_and_text_reports(tmp_path: Path) -> None:
    named = base.records()
    named["germany"]["country"] = "DE"
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in named.values()), encoding="utf-8")
    report = validate(str(path))
    as_json = report.to_dict()
    jsonschema.Draft202012Validator(report_schema()).validate(as_json)
    (issue,) = (i for i in as_json["issues"] if i["code"] == "NE410")
    assert issue["suggestion"] == {
        "op": "replace",
        "path": "/country",
        "value": "DEU",
        "text": 'did you mean "DEU"?',
    }
    assert '/country: expected an ISO 3166-1 alpha-3 code, found "DE"; did you mean "DEU"?' in (
        render_text(report)
    )


def test_the_issue_s_confidense_is_renamed_to_confidence() -> None:
    def mutate(r: dict[str, dict[str, Any]]) -> None:
        r["alert"]["provenance"]["confidense"] = 0.8

    (issue,) = _issue_after(mutate)
    assert issue.suggestion is not None
    assert issue.suggestion.to_dict() == {
        "op": "move",
        "from": "/provenance/confidense",
        "path": "/provenance/confidence",
        "text": 'did you mean "confidence"?',
    }
