"""The checks, one module per family; importing this package registers every record check.

Reading problems come from :mod:`newsevents.io.readers`, version and structure issues from
:mod:`.version` and :mod:`.structure` (the models raise the codebook, anchoring and
factuality rules they can decide from one record), and the record checks registered here
decide the rest: codebook warnings, references, anchoring, factuality across records and
best practice.
"""

from newsevents.validation.checks import anchoring, codebook, factuality, practice, references
from newsevents.validation.checks.registry import (
    CHECKS,
    FINISHERS,
    RecordContext,
    RecordPlace,
    RegisteredCheck,
    RegisteredFinisher,
    new_issue,
)

FAMILY_MODULES = (anchoring, codebook, factuality, practice, references)

__all__ = [
    "CHECKS",
    "FAMILY_MODULES",
    "FINISHERS",
    "RecordContext",
    "RecordPlace",
    "RegisteredCheck",
    "RegisteredFinisher",
    "new_issue",
]
