"""What a file's first bytes say it is: compressed or archived, or text in another encoding.

A gzip file or a UTF-16 export read as UTF-8 JSON gives one "invalid byte" or "invalid JSON"
issue per line and no word of the cause; sniffing the start once names the cause in one issue
per file.  Compressed files are not decompressed on the fly: a run reports the bytes on disk
(size and sha256, as a manifest lists them), ``--jobs`` splits files at byte offsets, and a
small archive can expand without bound; decompressing first keeps all three honest.
"""

from __future__ import annotations

from dataclasses import dataclass

SNIFF_BYTES = 4096
"""How many leading bytes are looked at."""

COMPRESSIONS: tuple[tuple[bytes, str, str], ...] = (
    (b"\x1f\x8b", "gzip", "gunzip FILE"),
    (b"PK\x03\x04", "zip", "unzip FILE"),
    (b"PK\x05\x06", "zip", "unzip FILE"),
    (b"\x28\xb5\x2f\xfd", "zstd", "zstd -d FILE"),
    (b"BZh", "bzip2", "bunzip2 FILE"),
    (b"\xfd7zXZ\x00", "xz", "unxz FILE"),
)
"""Magic bytes of compressed or archived files, their name and the command that undoes them."""

BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "UTF-32 LE"),
    (b"\x00\x00\xfe\xff", "UTF-32 BE"),
    (b"\xff\xfe", "UTF-16 LE"),
    (b"\xfe\xff", "UTF-16 BE"),
)
"""Byte order marks, longest first (a UTF-32 LE mark starts like a UTF-16 LE one)."""


NUL_PLACES: tuple[tuple[str, int, frozenset[int]], ...] = (
    ("UTF-32 BE", 4, frozenset({0, 1, 2})),
    ("UTF-32 LE", 4, frozenset({1, 2, 3})),
    ("UTF-16 BE", 2, frozenset({0})),
    ("UTF-16 LE", 2, frozenset({1})),
)
"""Where ASCII characters put NUL bytes in each encoding (byte index modulo the period)."""


@dataclass(frozen=True, slots=True)
class Sniffed:
    """What the first bytes say: the issue code (NE112, NE113) and its message context."""

    code: str
    context: dict[str, object]


def sniff(head: bytes, file_format: str) -> Sniffed | None:
    """Return what is wrong with a file whose first bytes are ``head``, or None when they
    look like what ``file_format`` (json, jsonl or parquet) should hold."""
    for magic, name, command in COMPRESSIONS:
        if head.startswith(magic):
            shown = {"json": "JSON", "jsonl": "JSON Lines", "parquet": "Parquet"}
            context = {"compression": name, "format": shown.get(file_format, file_format)}
            return Sniffed("NE113", {**context, "command": command})
    if file_format == "parquet":
        return None
    for mark, encoding in BOMS:
        if head.startswith(mark):
            return Sniffed("NE112", {"encoding": encoding, "evidence": "its byte order mark"})
    by_nul_bytes = _by_nul_bytes(head)
    if by_nul_bytes is not None:
        evidence = "NUL bytes between its characters, no byte order mark"
        return Sniffed("NE112", {"encoding": by_nul_bytes, "evidence": evidence})
    return None


def _by_nul_bytes(head: bytes) -> str | None:
    # JSON text starts with ASCII, so UTF-16 and UTF-32 put NUL bytes in fixed places
    # (RFC 4627, section 3); UTF-8 JSON never holds a raw NUL byte.
    sample = head[: len(head) - len(head) % 4]
    if len(sample) < 4 or b"\x00" not in sample or not sample.strip(b"\x00"):
        return None
    nuls = [i for i, byte in enumerate(sample) if byte == 0]
    for encoding, period, places in NUL_PLACES:
        expected = len(sample) // period * len(places)
        # Most ASCII characters leave these bytes NUL; allow a few non-ASCII characters.
        hits = sum(1 for i in nuls if i % period in places)
        # ...and the characters' own bytes are not NUL: a file of NUL bytes (zeros left by
        # a crash or a preallocated file) is not text in any encoding.
        others = len(nuls) - hits
        if hits >= 0.9 * expected and others <= 0.1 * (len(sample) - expected):
            return encoding
    return None
