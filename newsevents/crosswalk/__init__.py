"""Crosswalks: GDELT 2.0, ACLED and PLOVER/POLECAT records into the schema and out again.

One module per source, each a reader (``read_gdelt(path) -> Iterator[record]``) and a writer
(``write_gdelt(records, path)``); :func:`convert` runs one into the other, and
``newsevents.validate(path, source_format="gdelt")`` converts and validates in one step.
Everything a mapping loses or cannot decide is an issue (family ``crosswalk``, NE0xx) in the
:class:`Conversion`, with counts of rows read, converted and skipped by reason.
docs/crosswalk.md has the field-by-field tables.
"""

from newsevents.crosswalk.acled import read_acled, write_acled
from newsevents.crosswalk.common import Conversion
from newsevents.crosswalk.convert import SOURCES, TARGETS, convert
from newsevents.crosswalk.gdelt import read_gdelt, write_gdelt
from newsevents.crosswalk.plover import read_plover, write_plover
from newsevents.crosswalk.validate import validate_source

__all__ = [
    "SOURCES",
    "TARGETS",
    "Conversion",
    "convert",
    "read_acled",
    "read_gdelt",
    "read_plover",
    "validate_source",
    "write_acled",
    "write_gdelt",
    "write_plover",
]
