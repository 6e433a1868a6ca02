"""Validation of third-party annotations: one report of coded, located issues.

``validate(source)`` reads JSON, JSON Lines or Parquet (or takes records as dicts), checks
each record's version, structure, codebooks, references, anchoring in its document's text,
factuality and best practice, and returns a :class:`Report` of :class:`Issue` records.
"""

from newsevents.validation.issue import REPORT_VERSION, InputFile, Issue, IssueLocation, Report
from newsevents.validation.runner import DEFAULT_MAX_ISSUES, validate

__all__ = [
    "DEFAULT_MAX_ISSUES",
    "REPORT_VERSION",
    "InputFile",
    "Issue",
    "IssueLocation",
    "Report",
    "validate",
]
