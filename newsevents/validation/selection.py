"""Which codes a run reports: ``select`` and ``ignore`` by code, slug, prefix or family."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newsevents.codes import BY_SLUG, CATALOG, Family, Severity


def expand(specs: Iterable[str]) -> frozenset[str]:
    """Return the codes named by ``specs``: codes (NE604), slugs, prefixes (NE6) or families.

    Each spec may itself be a comma-separated list.  Raises ValueError on a spec that names
    no code, so a typo is a usage error rather than a silently empty selection.
    """
    codes: set[str] = set()
    for text in specs:
        items = [part.strip() for part in text.split(",") if part.strip()]
        if not items:
            raise ValueError(f"{text!r} names no code")
        for item in items:
            found = _codes_of(item)
            if not found:
                raise ValueError(f"{item!r} is not a code, slug, code prefix or family")
            codes |= found
    return frozenset(codes)


def _codes_of(item: str) -> set[str]:
    upper = item.upper()
    if upper in CATALOG:
        return {upper}
    if item in BY_SLUG:
        return {BY_SLUG[item].code}
    families = {str(f) for f in Family}
    if item in families:
        return {c for c, s in CATALOG.items() if s.family == item}
    if upper.startswith("NE") and upper[2:].isdigit() and len(upper) in (3, 4):
        return {c for c in CATALOG if c.startswith(upper)}
    return set()


_READ_ALL_THE_SAME = frozenset({"NE107", "NE114", "NE120", "NE121"})
"""Reading errors after which the record is still checked: a Parquet column of another type
(read as absent), a repeated key (the last value), and the two Arrow writing codes."""

ALWAYS_REPORTED = (
    frozenset(
        code
        for code, check in CATALOG.items()
        if check.family == Family.READING and check.severity == Severity.ERROR
    )
    - _READ_ALL_THE_SAME
)
"""Input that could not be read (a missing file, a line that is not JSON, a record that is
no object...): no check ran on it, selected or not, so ``select`` and ``ignore`` never hide
it, and it always decides the verdict and the exit status."""


@dataclass(frozen=True, slots=True)
class Selection:
    """The codes selected (None: all) minus the codes ignored; input that could not be read
    is always reported (:data:`ALWAYS_REPORTED`)."""

    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()

    @classmethod
    def of(cls, select: Iterable[str] | None, ignore: Iterable[str] | None) -> Selection:
        """Build a selection from user specs (see :func:`expand`)."""
        chosen = expand(select) if select is not None else None
        return cls(chosen, expand(ignore or ()))

    def enabled(self, code: str) -> bool:
        """Whether issues of ``code`` are reported."""
        if code in ALWAYS_REPORTED:
            return True
        return (self.select is None or code in self.select) and code not in self.ignore

    def any_enabled(self, codes: Iterable[str]) -> bool:
        """Whether at least one of ``codes`` is reported (a check emitting none can be skipped)."""
        return any(self.enabled(code) for code in codes)
