"""Records with exactly one rule broken, and the code and location a validator must report."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from newsevents.testing.events import Scope, alerts, deployments, general_events, statements
from newsevents.testing.records import actors, documents
from newsevents.testing.rules import RULES, Rule
from newsevents.testing.text import to_json

_BASES: dict[str, st.SearchStrategy[Any]] = {
    "alert": alerts(),
    "deployment": deployments(),
    "statement": statements(Scope()),
    "general": general_events(),
    "document": documents(),
    "actor": actors(),
}


@dataclass(frozen=True)
class Broken:
    """A JSON record with exactly one rule broken, and what its model reports."""

    record: dict[str, Any]
    code: str
    loc: tuple[str | int, ...]
    rule: Rule

    @property
    def pointer(self) -> str:
        """The location as an RFC 6901 JSON Pointer (``/participants/2/role``)."""
        parts = (str(p).replace("~", "~0").replace("/", "~1") for p in self.loc)
        return "".join("/" + p for p in parts)


def broken_records(codes: Collection[str] | None = None) -> st.SearchStrategy[Broken]:
    """Draw a valid record of a kind the rule applies to, then break one rule (of ``codes``)."""
    rules = [rule for rule in RULES if codes is None or rule.code in codes]
    if not rules:
        raise ValueError(f"no model rule has one of the codes {sorted(codes or ())}")
    return _broken(tuple(rules))


@st.composite
def _broken(draw: st.DrawFn, rules: tuple[Rule, ...]) -> Broken:
    rule = draw(st.sampled_from(rules))
    kind = draw(st.sampled_from(sorted(rule.kinds)))
    record = to_json(draw(_BASES[kind]))
    loc = rule.mutate(draw, record, kind)
    return Broken(record, rule.code, loc, rule)
