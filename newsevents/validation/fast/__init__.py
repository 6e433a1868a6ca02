"""The fast path: validation over Arrow columns, the reference path only where needed.

``suspect_rows(batch)`` flags the rows of an Arrow record batch that may have an issue of
their own; ``validate_fast(paths)`` validates files (JSON Lines, Parquet in our layout) and
returns the same report as :func:`newsevents.validate`, checking whole columns with Arrow
compute and sending only the suspect rows through the per-record reference path.
"""

from newsevents.validation.fast.mask import suspect_rows
from newsevents.validation.fast.run import FastRun, validate_fast

__all__ = ["FastRun", "suspect_rows", "validate_fast"]
