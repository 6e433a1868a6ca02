"""The public API's docstrings: numpydoc sections, and their examples run as doctests."""

from __future__ import annotations

import doctest
import importlib
import inspect

import pytest

import newsevents
from newsevents.validation.issue import Issue, Report, Suggestion, report_schema
from newsevents.validation.suggest import near_id, suggest

DOCTESTED = (
    "newsevents",
    "newsevents.dataset",
    "newsevents.explain",
    "newsevents.migration",
    "newsevents.models.document",
    "newsevents.validation.issue",
    "newsevents.validation.runner",
    "newsevents.validation.suggest",
)
PUBLIC_FUNCTIONS = tuple(
    member
    for member in (getattr(newsevents, name) for name in newsevents.__all__)
    if inspect.isfunction(member)
)
"""Every function of the public API (``newsevents.__all__``): each in numpydoc style."""
NUMPYDOC = (
    *PUBLIC_FUNCTIONS,
    Report,
    Report.to_pandas,
    Issue,
    Suggestion,
    report_schema,
    suggest,
    near_id,
)
"""The API documented in numpydoc style (docs/api.md): every public function, and the report's
classes; the record models are documented by their fields' descriptions."""


@pytest.mark.parametrize("name", DOCTESTED)
def test_the_examples_in_docstrings_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    assert result.attempted > 0


@pytest.mark.parametrize("member", NUMPYDOC, ids=lambda m: m.__qualname__)
def test_the_public_api_has_numpydoc_sections(member: object) -> None:
    text = inspect.getdoc(member) or ""
    assert "Examples\n--------" in text
    if inspect.isfunction(member) and member.__name__ not in ("report_schema", "near_id"):
        assert "Returns\n-------" in text
        signature = inspect.signature(member)
        if [p for p in signature.parameters if p != "self"]:
            assert "Parameters\n----------" in text
