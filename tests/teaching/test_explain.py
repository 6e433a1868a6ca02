"""``newsevents explain``: every code explained offline from the catalogue and its example."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.cli import main
from newsevents.codes import CATALOG
from newsevents.explain import explanation, find, listing, render
from newsevents.validation.hints import HINTS


@settings(max_examples=30, deadline=None)
@given(check=st.sampled_from(sorted(CATALOG.values(), key=lambda c: c.code)))
def test_a_code_and_its_slug_in_any_case_explain_the_same_check(check: Any) -> None:
    assert find(check.code.lower()) is find(check.slug) is find(f" {check.code} ")


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_every_code_is_explained_with_its_example_issue(code: str) -> None:
    found = explanation(code)
    check = CATALOG[code]
    assert (found["severity"], found["family"]) == (str(check.severity), str(check.family))
    assert found["description"] == check.description
    assert found.get("fix") == HINTS.get(code)
    assert found["example"]["issue"]["code"] == code
    text = render(found)
    assert text.startswith(f"{code} {check.slug} ({check.severity}, {check.family})")
    assert found["example"]["issue"]["message"] in text


def test_explain_prints_the_explanation_and_json(capsys: Any) -> None:
    assert main(["explain", "NE401"]) == 0
    text = capsys.readouterr().out
    assert "cameo-code-unknown" in text and 'found "13y"' in text and "Fix: " in text
    assert main(["explain", "cameo-code-unknown", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["code"] == "NE401"


def test_list_names_every_code_once(capsys: Any) -> None:
    assert main(["explain", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == list(CATALOG)
    assert listing().splitlines() == lines


def test_an_unknown_code_is_a_usage_error_that_suggests(capsys: Any) -> None:
    assert main(["explain", "span-text-mismach"]) == 2
    assert "did you mean span-text-mismatch" in capsys.readouterr().err
    assert main(["explain"]) == 2
    assert "give a code or slug, or --list" in capsys.readouterr().err


def test_the_text_report_points_to_explain(capsys: Any) -> None:
    from pathlib import Path

    example = Path(__file__).resolve().parents[2] / "examples" / "third-party.jsonl"
    main(["validate", str(example)])
    assert "newsevents explain NE401" in capsys.readouterr().out
