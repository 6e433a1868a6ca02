"""Document: the verbatim text, its sha256, translations and the publication date."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from newsevents.models import Document, text_sha256
from newsevents.testing import errors_of

TEXT = "Київ — The Pentagon put some 8,500 troops on alert. 🇺🇸"


def _document(**fields: Any) -> dict[str, Any]:
    return {
        "record_type": "document",
        "schema_version": "1.0.0",
        "id": "doc-1",
        "text": TEXT,
        "sha256": text_sha256(TEXT),
        "language": "en",
        "is_translation": False,
        **fields,
    }


def test_the_hash_is_of_the_utf8_bytes() -> None:
    assert text_sha256(TEXT) == hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    assert Document.model_validate(_document()).sha256 == text_sha256(TEXT)


def test_a_wrong_hash_is_rejected_at_sha256() -> None:
    data = _document(sha256=text_sha256(TEXT + " "))
    assert errors_of(Document, data) == [("NE606", ("sha256",))]


def test_an_upper_case_hash_is_malformed() -> None:
    data = _document(sha256=text_sha256(TEXT).upper())
    assert errors_of(Document, data) == [("string_pattern_mismatch", ("sha256",))]


def test_a_translation_names_its_source_language() -> None:
    data = _document(is_translation=True, translation_method="machine")
    assert errors_of(Document, data) == [("NE719", ("source_language",))]
    assert errors_of(Document, {**data, "source_language": "uk"}) == []


def test_an_inferred_publication_date_gives_its_basis() -> None:
    data = _document(publication={"date": "2022-01-24", "status": "inferred"})
    assert errors_of(Document, data) == [("NE707", ("publication", "basis"))]
    data["publication"]["basis"] = "the article's URL carries the date"
    assert errors_of(Document, data) == []


def test_dateline_rules_are_located_inside_the_dateline() -> None:
    data = _document(dateline={"name": "Ukraine", "kind": "country"})
    assert errors_of(Document, data) == [("NE717", ("dateline", "country_code"))]


@pytest.mark.parametrize(
    ("field", "value", "kind"),
    [
        ("language", "English", "string_pattern_mismatch"),
        ("url", "ftp://example.org/a", "string_pattern_mismatch"),
        ("schema_version", "2.0.0", "string_pattern_mismatch"),
        ("schema_version", "1.0", "string_pattern_mismatch"),
        ("text", "", "string_too_short"),
        ("is_translation", "false", "bool_type"),
        ("record_type", "actor", "literal_error"),
    ],
)
def test_field_constraints(field: str, value: object, kind: str) -> None:
    errors = errors_of(Document, _document(**{field: value}))
    assert (kind, (field,)) in errors


def test_unknown_fields_are_rejected() -> None:
    assert errors_of(Document, _document(headline="x")) == [("extra_forbidden", ("headline",))]


def test_documents_are_immutable() -> None:
    document = Document.model_validate(_document())
    with pytest.raises(ValueError, match="frozen"):
        document.text = "changed"  # type: ignore[misc]
