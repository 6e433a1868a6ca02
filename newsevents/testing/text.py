"""Strategies for the building blocks: identifiers, free text, document text and spans."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from hypothesis import strategies as st
from pydantic import BaseModel

from newsevents.models import EvidenceSpan

T = TypeVar("T")
P = ParamSpec("P")

MAX_EXACT = 100_000
"""Longest ``exact`` text an EvidenceSpan allows."""

_ID_FIRST = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_ID_REST = _ID_FIRST + "._:-"

WORDS = (
    "NATO",
    "Pentagon",
    "troops",
    "alert",
    "deploy",
    "readiness",
    "said",
    "Kyiv",
    "Moskva",
    "Київ",
    "Москва",
    "北约",
    "部队",
    "soldats",
    "déploiement",
    "8,500",
    "Monday",
    "🇺🇸",
    "e\u0301",
)
"""Words, some multi-byte or astral, so offsets in code points differ from bytes and UTF-16."""

_SEPARATORS = (" ", " ", " ", ", ", ". ", "\n", "\n\n", "\t", " — ", '"', "\u00a0")


def reused(builder: Callable[P, T]) -> Callable[P, T]:
    """Return the same strategy object for the same (hashable) arguments.

    Hypothesis validates each new strategy object on its first draw; building the nested
    strategies afresh on every draw made records several times slower to generate.
    """
    cached: Callable[..., T] = functools.lru_cache(maxsize=1024)(builder)

    @functools.wraps(builder)
    def build(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return cached(*args, **kwargs)
        except TypeError:  # an unhashable argument (a list of codes, say): build afresh
            return builder(*args, **kwargs)

    return build


def to_json(model: BaseModel) -> dict[str, Any]:
    """Return a model in the canonical JSON form: ``model_dump(mode="json", exclude_none=True)``."""
    dumped: dict[str, Any] = model.model_dump(mode="json", exclude_none=True)
    return dumped


@reused
def maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """Draw None or a value of ``strategy``."""
    return st.none() | strategy


_IDENTIFIERS = st.builds(
    str.__add__, st.sampled_from(_ID_FIRST), st.text(st.sampled_from(_ID_REST), max_size=15)
)


def identifiers() -> st.SearchStrategy[str]:
    """Draw a record id: a letter or digit, then up to 15 of letters, digits and ``._:-``."""
    return _IDENTIFIERS


@reused
def free_text(min_size: int = 1, max_size: int = 30) -> st.SearchStrategy[str]:
    """Draw any Unicode text (no lone surrogates), as annotators and OCR produce."""
    return st.text(st.characters(codec="utf-8"), min_size=min_size, max_size=max_size)


_SHORT = st.one_of(st.sampled_from(WORDS), free_text(1, 40))
_LONG = st.one_of(st.sampled_from(WORDS), free_text(1, 80))
_PIECES = st.lists(st.one_of(st.sampled_from(WORDS), free_text(1, 8)), min_size=1, max_size=80)


def short_texts() -> st.SearchStrategy[str]:
    """Draw a ShortText value (1-500 code points; kept under 40)."""
    return _SHORT


def long_texts() -> st.SearchStrategy[str]:
    """Draw a LongText value (1-20,000 code points; kept under 80)."""
    return _LONG


@reused
@st.composite
def document_texts(draw: st.DrawFn, max_words: int = 40) -> str:
    """Draw a document text: words (some non-ASCII) and arbitrary Unicode, with separators."""
    pieces = draw(_PIECES)[:max_words]
    separators = st.sampled_from(_SEPARATORS)
    parts: list[str] = []
    for piece in pieces:
        if parts:
            parts.append(draw(separators))
        parts.append(piece)
    return "".join(parts)


@reused
def spans_in(text: str, max_width: int = 60) -> st.SearchStrategy[EvidenceSpan]:
    """Draw a span anchored in ``text``: offsets, exact text and (maybe) the true prefix/suffix."""
    if not text:
        raise ValueError("spans_in needs a non-empty text")
    return _spans_in(text, max_width)


@st.composite
def _spans_in(draw: st.DrawFn, text: str, max_width: int) -> EvidenceSpan:
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, min(len(text), start + max(1, min(max_width, MAX_EXACT)))))
    prefix = suffix = None
    if start > 0 and draw(st.booleans()):
        prefix = text[max(0, start - draw(st.integers(1, 32))) : start]
    if end < len(text) and draw(st.booleans()):
        suffix = text[end : end + draw(st.integers(1, 32))]
    return EvidenceSpan(start=start, end=end, exact=text[start:end], prefix=prefix, suffix=suffix)


@st.composite
def _free_spans(draw: st.DrawFn) -> EvidenceSpan:
    exact = draw(st.one_of(st.sampled_from(WORDS), free_text(1, 20)))
    start = draw(st.integers(0, 100_000))
    prefix = draw(maybe(free_text(0, 20)))
    suffix = draw(maybe(free_text(0, 20)))
    return EvidenceSpan(
        start=start, end=start + len(exact), exact=exact, prefix=prefix, suffix=suffix
    )


@reused
def evidence_spans(text: str | None = None) -> st.SearchStrategy[EvidenceSpan]:
    """Draw a valid span: anchored in ``text`` when given, else free-standing."""
    return _free_spans() if text is None else spans_in(text)
