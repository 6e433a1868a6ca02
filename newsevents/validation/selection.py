"""Which codes a run reports: ``select`` and ``ignore`` by code, slug, prefix or family."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newsevents.codes import BY_SLUG, CATALOG, Family


def expand(specs: Iterable[str]) -> frozenset[str]:
    """Return the codes named by ``specs``: codes (NE604), slugs, prefixes (NE6) or families.

    Each spec may itself be a comma-separated list.  Raises ValueError on a spec that names
    no code, so a typo is a usage error rather than a silently empty selection.
    """
    codes: set[str] = set()
    for text in specs:
        for item in (part.strip() for part in text.split(",")):
            if not item:
                continue
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


@dataclass(frozen=True, slots=True)
class Selection:
    """The codes selected (None: all) minus the codes ignored."""

    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()

    @classmethod
    def of(cls, select: Iterable[str] | None, ignore: Iterable[str] | None) -> Selection:
        """Build a selection from user specs (see :func:`expand`)."""
        chosen = expand(select) if select is not None else None
        return cls(chosen, expand(ignore or ()))

    def enabled(self, code: str) -> bool:
        """Whether issues of ``code`` are reported."""
        return (self.select is None or code in self.select) and code not in self.ignore

    def any_enabled(self, codes: Iterable[str]) -> bool:
        """Whether at least one of ``codes`` is reported (a check emitting none can be skipped)."""
        return any(self.enabled(code) for code in codes)
