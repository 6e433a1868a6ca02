"""Every code has an invalid example, and each example raises exactly its code, where it says."""

from __future__ import annotations

import pytest

from newsevents.codes import CATALOG
from newsevents.validation import validate
from newsevents.validation.examples import base, code_examples, run_example
from newsevents.validation.examples.model import matching


def test_every_code_has_an_example() -> None:
    assert set(code_examples()) == set(CATALOG)


def test_the_example_dataset_is_valid_without_any_issue() -> None:
    report = validate(list(base.records().values()))
    assert report.valid
    assert report.issues == ()


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_example_raises_its_code_at_its_location_and_nothing_else(code: str) -> None:
    example = code_examples()[code]
    report = run_example(example)
    assert matching(example, report), [i.to_dict() for i in report.issues]
    others = set(report.by_code) - {code} - example.also
    assert not others, [i.to_dict() for i in report.issues]
    assert report.by_code[code] == 1
