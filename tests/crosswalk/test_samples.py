"""The shipped samples are the bytes copied from their public sources (data/README.md)."""

from __future__ import annotations

import hashlib

from tests.crosswalk.conftest import GDELT_SAMPLE, PLOVER_SAMPLE

SHA256 = {
    GDELT_SAMPLE: "6a64ec54dbb97db23e01eee124ef47cddb4ef6f7c0aa7847d40def34796bc63e",
    PLOVER_SAMPLE: "f59c2a505b346a71898c1de31e066787e4b6887471ff0ac5d0f193a0cc6e5419",
}


def test_the_samples_are_byte_for_byte_the_copies_the_readme_describes() -> None:
    for path, expected in SHA256.items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == expected, path.name
    assert GDELT_SAMPLE.read_text("utf-8").count("\n") == 34  # the header and 33 rows
    assert PLOVER_SAMPLE.read_text("utf-8").count('"id": "PLOVER-GSR01-') == 10
