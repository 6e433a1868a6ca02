"""Input-derived strings are made safe before any renderer shows them."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.cli import main
from newsevents.validation import validate
from newsevents.validation.messages import describe, quote
from newsevents.validation.render import render_text
from newsevents.validation.safe import (
    UNSAFE_CATEGORIES,
    digit_count,
    for_github_message,
    for_github_property,
    for_html,
    for_terminal,
    integer_text,
    json_safe,
    shorten,
)

HOSTILE = st.text(
    st.characters(codec=None, categories=["Cc", "Cf", "Cs", "Zl", "Zp", "Ll", "Nd", "Po", "So"]),
    max_size=300,
)


def _unsafe(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) in UNSAFE_CATEGORIES]


@settings(max_examples=200)
@given(HOSTILE)
def test_terminal_text_has_no_control_format_or_separator_character(text: str) -> None:
    shown = for_terminal(text)
    assert _unsafe(shown) == []
    shown.encode("utf-8")  # no lone surrogate left: it prints on any UTF-8 terminal
    assert len(shown) < 200 + 40


@given(HOSTILE)
def test_safe_text_of_printable_ascii_is_unchanged(text: str) -> None:
    plain = "".join(c for c in text if c.isascii() and c.isprintable())
    assert for_terminal(plain, limit=10_000) == plain


def test_escapes_name_the_character() -> None:
    assert for_terminal("a\x1b[2Jb\r\nc\u202ed\x9b") == "a\\x1b[2Jb\\x0d\\x0ac\\u202ed\\x9b"


def test_long_values_are_cut_with_their_length() -> None:
    assert shorten("x" * 1_000_000).endswith("… (1,000,000 characters)")
    assert shorten("short") == "short"


def test_html_and_github_forms_escape_their_own_syntax() -> None:
    assert for_html('<script>"x"</script>') == "&lt;script&gt;&quot;x&quot;&lt;/script&gt;"
    assert for_github_message("50% done") == "50%25 done"
    assert for_github_property("a.jsonl:3,x") == "a.jsonl%3A3%2Cx"
    assert "\n" not in for_github_message("a\nb") and "\r" not in for_github_property("\r")


@given(st.integers() | st.integers(10**4000, 10**4500).map(lambda n: n * 10**300 + 7))
def test_integers_of_any_size_are_quoted_without_conversion_error(value: int) -> None:
    text = integer_text(value)
    assert len(text) < 72 + 40
    assert quote(value) == text
    assert describe(value).startswith("the integer ")


def test_digit_count_agrees_with_the_decimal_text() -> None:
    previous = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        for exponent in (0, 1, 2, 49, 50, 51, 4300, 4301, 10_000):
            for value in (10**exponent - 1, 10**exponent, 10**exponent + 1, 2**exponent):
                assert digit_count(value) == len(str(value)), value
    finally:
        sys.set_int_max_str_digits(previous)


@settings(max_examples=60, deadline=None)
@given(HOSTILE.filter(bool), HOSTILE)
def test_a_text_report_of_hostile_ids_and_values_forges_no_line(record_id: str, value: str) -> None:
    records = [
        {"record_type": "actor", "schema_version": "1.0.0", "id": record_id, "name": value},
        {"record_type": "actor", "schema_version": "1.0.0", "id": record_id, "title": value},
        {"record_type": "actor", "schema_version": 10**5000},
    ]
    text = render_text(validate(records))
    assert _unsafe(text.replace("\n", "")) == []
    for line in text.split("\n"):
        assert REPORT_LINE.fullmatch(line), line


REPORT_LINE = re.compile(
    r"|(valid|INVALID): .*|(error|warning|info) NE\d{3} [a-z0-9-]+ \(\d+\)|files:|  \S.*"
)


def test_long_strings_in_messages_are_cut_with_their_length() -> None:
    assert quote("x" * 1000) == '"' + "x" * 71 + '…" (1,000 characters)'
    assert quote("short") == '"short"'


@settings(max_examples=200)
@given(st.dictionaries(HOSTILE, HOSTILE | st.lists(HOSTILE, max_size=2), max_size=3))
def test_safe_json_is_the_same_value_and_inert(value: dict[str, object]) -> None:
    text = json_safe(json.dumps(value, indent=2, ensure_ascii=False))
    assert json.loads(text) == json.loads(json.dumps(value))  # what the ASCII JSON says
    assert _unsafe(text.replace("\n", "")) == []
    text.encode("utf-8")


def test_a_hostile_file_name_is_inert_in_every_report(tmp_path: Path) -> None:
    name = b"\xff\x1b]0;owned\x07\r\nerror NE000 forged (1).jsonl"
    (tmp_path / "x").mkdir()
    with open(os.fsencode(tmp_path) + b"/x/" + name, "wb") as stream:
        stream.write(b"{}\n")
    folder = str(tmp_path / "x")
    for arguments in (["--format", "json"], []):
        stdout = io.StringIO()
        with contextlib.redirect_stdout(stdout):
            status = main(["validate", *arguments, folder])
        assert status == 1
        text = stdout.getvalue()
        assert _unsafe(text.replace("\n", "")) == []
        assert "error NE000 forged" not in text.split("\n")
        if arguments:
            path = json.loads(text)["files"][0]["path"]
            assert os.fsencode(path) == os.fsencode(folder) + b"/" + name


@settings(max_examples=40, deadline=None)
@given(HOSTILE, HOSTILE)
def test_the_report_json_of_the_api_is_inert_and_the_same_value(record_id: str, value: str) -> None:
    record = {"record_type": "actor", "schema_version": "1.1.0", "id": record_id, "name": value}
    report = validate([record])
    text = report.to_json()
    assert not _unsafe(text.replace("\n", ""))
    assert json.loads(text) == json.loads(json.dumps(report.to_dict()))
