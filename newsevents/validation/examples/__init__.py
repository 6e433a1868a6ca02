"""An invalid example for every issue code: the docs show them, the tests run them.

Each :class:`CodeExample` takes the small valid dataset of :mod:`.base`, makes one typical
mistake, and says which issue the validator must report and where.  ``docs/validation.md`` is
generated from these examples and the code catalogue, and a test validates every example and
checks the code and location, so the documentation cannot drift from the validator.
"""

from __future__ import annotations

from functools import cache

from newsevents.validation.examples.model import CodeExample, run_example


@cache
def code_examples() -> dict[str, CodeExample]:
    """Return the example of every code, by code."""
    from newsevents.validation.examples import (
        crosswalk,
        dataset_rules,
        migration,
        reading,
        record_rules,
    )

    found: dict[str, CodeExample] = {}
    for module in (reading, record_rules, dataset_rules, migration, crosswalk):
        for example in module.examples():
            found[example.code] = example
    return dict(sorted(found.items()))


__all__ = ["CodeExample", "code_examples", "run_example"]
