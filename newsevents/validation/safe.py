"""Make input-derived strings safe to show: on a terminal, in HTML, in GitHub annotations.

Record ids, file names, pointers and quoted values come from files nobody vetted.  Printed raw,
an ESC sequence clears the screen or sets the terminal title, a CR or LF forges report lines, a
bidirectional override reorders what the reader sees and a lone surrogate cannot be encoded.
Every renderer passes such strings through one of these helpers, and very long values are cut
with their length said, so a report stays readable whatever the input held.
"""

from __future__ import annotations

import html
import re
import sys
import unicodedata
from functools import cache

UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
"""Unicode categories escaped before display: controls, format characters (bidirectional
overrides, zero-width characters), surrogates and the line and paragraph separators."""

MAX_LENGTH = 200
"""Longest input-derived string shown whole; longer ones are cut and their length given."""


@cache
def _unsafe() -> re.Pattern[str]:
    # Derived from the Unicode database once, on first use (about 0.1 s), never typed by hand.
    ranges: list[tuple[int, int]] = []
    for point in range(sys.maxunicode + 1):
        if unicodedata.category(chr(point)) in UNSAFE_CATEGORIES:
            if ranges and ranges[-1][1] == point - 1:
                ranges[-1] = (ranges[-1][0], point)
            else:
                ranges.append((point, point))
    parts = "".join(
        re.escape(chr(start)) + ("" if start == end else "-" + re.escape(chr(end)))
        for start, end in ranges
    )
    return re.compile(f"[{parts}]")


def _escape(match: re.Match[str]) -> str:
    point = ord(match.group())
    if point <= 0xFF:
        return f"\\x{point:02x}"
    if point <= 0xFFFF:
        return f"\\u{point:04x}"
    return f"\\U{point:08x}"


def escape_controls(text: str) -> str:
    """Return ``text`` with every control, format and separator character escaped
    (``\\x1b``, ``\\u202e``), so it prints as one inert line."""
    if text.isprintable() and text.isascii():
        return text  # the common case, decided in C
    return _unsafe().sub(_escape, text)


def json_safe(text: str) -> str:
    """Return JSON text (from ``json.dumps``) with every control, format and separator
    character and every lone surrogate inside its strings written as a ``\\u`` escape: the
    same JSON value, inert on a terminal and encodable as UTF-8.  Line breaks are kept: in
    ``json.dumps`` output a raw line break is always layout, never inside a string."""
    if text.isascii() and "\x7f" not in text:
        return text  # json.dumps escapes every other ASCII control character already
    return _unsafe().sub(_json_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    point = ord(match.group())
    if point == 0x0A:
        return "\n"
    if point > 0xFFFF:
        point -= 0x10000
        return f"\\u{0xD800 + (point >> 10):04x}\\u{0xDC00 + (point & 0x3FF):04x}"
    return f"\\u{point:04x}"


def shorten(text: str, limit: int = MAX_LENGTH) -> str:
    """Return ``text``, or its start and its length when longer than ``limit`` characters."""
    if len(text) <= limit:
        return text
    return f"{text[: max(limit - 24, 8)]}… ({len(text):,} characters)"


def for_terminal(text: str, limit: int = MAX_LENGTH) -> str:
    """Return an input-derived string safe to print: shortened, then controls escaped."""
    return escape_controls(shorten(text, limit))


def for_html(text: str, limit: int = MAX_LENGTH) -> str:
    """Return an input-derived string safe inside HTML text or a quoted attribute."""
    return html.escape(for_terminal(text, limit), quote=True)


def for_github_message(text: str, limit: int = MAX_LENGTH) -> str:
    """Return a string safe as the message of a GitHub workflow command
    (``::error file=...::message``): ``%``, CR and LF percent-encoded."""
    return _percent(for_terminal(text, limit), "%\r\n")


def for_github_property(text: str, limit: int = MAX_LENGTH) -> str:
    """Return a string safe as a property of a GitHub workflow command (``file=``,
    ``title=``): also ``:`` and ``,`` percent-encoded."""
    return _percent(for_terminal(text, limit), "%\r\n:,")


def _percent(text: str, characters: str) -> str:
    for character in characters:  # "%" first, so the other escapes are not escaped again
        text = text.replace(character, f"%{ord(character):02X}")
    return text


INT_DIGITS_SHOWN = 20
"""Leading digits shown of an integer too long to print whole."""


def integer_text(value: int, limit: int = 72) -> str:
    """Return an integer as text, however many digits it has, without the conversion error
    Python raises past ``sys.get_int_max_str_digits()`` digits: long ones are cut, with
    their number of digits."""
    magnitude = -value if value < 0 else value
    digits = digit_count(magnitude)
    if digits <= limit:
        return str(value)
    leading = magnitude // 10 ** (digits - INT_DIGITS_SHOWN)
    sign = "-" if value < 0 else ""
    return f"{sign}{leading}… ({digits:,} digits)"


def digit_count(magnitude: int) -> int:
    """Return the number of decimal digits of a non-negative integer, without converting it."""
    if magnitude < 10:
        return 1
    estimate = int(magnitude.bit_length() * 0.30102999566398120)  # log10(2)
    return estimate + 1 if magnitude >= 10**estimate else estimate
