"""References across every input file: duplicates, unknown targets, cycles, other documents."""

from __future__ import annotations

import copy
import itertools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.validation import validate
from newsevents.validation.checks.references import strongly_connected


def located(report: Any) -> list[tuple[str, str | None, int | None, str]]:
    return [(i.code, i.location.file, i.location.record, i.location.pointer) for i in report.issues]


def test_duplicate_ids_within_and_across_files(records: dict[str, Any], write_jsonl: Any) -> None:
    first = write_jsonl("a.jsonl", records.values())
    second = write_jsonl("b.jsonl", [records["nato"], records["alert"]])
    report = validate([str(first), str(second)])
    assert [(c, r, p) for c, _, r, p in located(report)] == [
        ("NE501", 0, "/id"),
        ("NE501", 1, "/id"),
    ]
    assert report.issues[0].message.endswith("a.jsonl record 1")


def test_same_id_in_different_kinds_is_allowed(records: dict[str, Any]) -> None:
    records["nato"]["id"] = records["alert"]["id"]
    for event in ("alert", "deployment"):
        records[event]["participants"][0]["actor_id"] = "ev-alert"
    records["council"]["member_of"] = ["ev-alert"]
    assert validate(list(records.values())).issues == ()


def test_references_resolve_forward_across_files(records: dict[str, Any], write_jsonl: Any) -> None:
    events = {k: v for k, v in records.items() if v["record_type"] == "event"}
    others = {k: v for k, v in records.items() if v["record_type"] != "event"}
    first = write_jsonl("1-events.jsonl", reversed(list(events.values())))
    second = write_jsonl("2-others.jsonl", others.values())
    assert validate([str(first), str(second)]).issues == ()


def test_unknown_actor_document_and_event(records: dict[str, Any]) -> None:
    records["alert"]["participants"][0]["actor_id"] = "actor-otan"
    records["council"]["member_of"] = ["actor-un"]
    records["lithuania"]["document_id"] = "doc-missing"
    records["statement"]["reports"] = ["ev-alert", "ev-gone"]
    records["deployment"]["links"] = [{"relation": "follows", "event_id": "ev-before"}]
    records["deployment"]["factuality"]["condition"]["event_id"] = "ev-request"
    codes = sorted((c, p) for c, _, _, p in located(validate(list(records.values()))))
    assert codes == [
        ("NE502", "/member_of/0"),
        ("NE502", "/participants/0/actor_id"),
        ("NE503", "/document_id"),
        ("NE504", "/factuality/condition/event_id"),
        ("NE504", "/links/0/event_id"),
        ("NE504", "/reports/1"),
    ]


def test_an_invalid_actor_still_defines_its_id(records: dict[str, Any]) -> None:
    records["nato"]["kind"] = "alliance"
    assert [c for c, *_ in located(validate(list(records.values())))] == ["NE304"]


def test_cycle_of_three_statements_is_reported_once_at_its_first(records: dict[str, Any]) -> None:
    statements = []
    for number in range(3):
        statement = copy.deepcopy(records["statement"])
        statement["id"] = f"ev-s{number}"
        statement["reports"] = [f"ev-s{(number + 1) % 3}"]
        statements.append(statement)
    report = validate([*records.values(), *statements])
    assert located(report) == [("NE506", None, 9, "/reports/0")]
    assert report.issues[0].message == "cycle: ev-s0 → ev-s1 → ev-s2 → ev-s0"


def test_statement_reporting_an_event_of_another_document_warns(records: dict[str, Any]) -> None:
    other = copy.deepcopy(records["document"])
    other["id"] = "doc-copy"
    event = copy.deepcopy(records["lithuania"])
    event["id"] = "ev-copy"
    event["document_id"] = "doc-copy"
    records["statement"]["reports"].append("ev-copy")
    # the reported event comes after the statement: resolved at the end of the run
    report = validate([*records.values(), other, event])
    assert [(i.code, i.severity) for i in report.issues] == [("NE507", "warning")]


graphs = st.dictionaries(
    st.sampled_from("abcdef"), st.lists(st.sampled_from("abcdef"), max_size=3), max_size=6
)


@settings(max_examples=200, deadline=None)
@given(graphs)
def test_strongly_connected_components_agree_with_reachability(
    graph: dict[str, list[str]],
) -> None:
    nodes = set(graph)
    edges = {n: [t for t in graph[n] if t in nodes] for n in nodes}

    def reachable(start: str) -> set[str]:
        seen, todo = {start}, [start]
        while todo:
            for target in edges[todo.pop()]:
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        return seen

    components = strongly_connected(edges)
    assert sorted(itertools.chain.from_iterable(components)) == sorted(nodes)
    reach = {n: reachable(n) for n in nodes}
    for component in components:
        for a, b in itertools.product(component, repeat=2):
            assert b in reach[a] and a in reach[b]
    for a, b in itertools.combinations(nodes, 2):
        together = any(a in c and b in c for c in components)
        assert together == (b in reach[a] and a in reach[b])
