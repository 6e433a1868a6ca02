"""Selection by code, slug, prefix or family; caps per code; deterministic order; verdicts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsevents.codes import CATALOG, Severity
from newsevents.validation import validate
from newsevents.validation.collector import IssueCollector
from newsevents.validation.issue import Issue, IssueLocation
from newsevents.validation.selection import Selection, expand


def test_expand_codes_slugs_prefixes_families_and_lists() -> None:
    assert expand(["NE604"]) == {"NE604"}
    assert expand(["ne604"]) == {"NE604"}
    assert expand(["span-text-mismatch"]) == {"NE604"}
    assert expand(["NE60"]) == {c for c in CATALOG if c.startswith("NE60")}
    assert expand(["anchoring"]) == {c for c in CATALOG if c.startswith("NE6")}
    assert expand(["NE101, NE102,", "NE103"]) == {"NE101", "NE102", "NE103"}


# A blank spec (an empty shell variable) would select nothing: every input "valid".
@pytest.mark.parametrize("spec", ["NE999", "NE", "spans", "NE6040", "", " ", "\r", ","])
def test_expand_rejects_what_names_no_code(spec: str) -> None:
    with pytest.raises(ValueError):
        expand([spec])


def test_ignore_wins_over_select() -> None:
    selection = Selection.of(["NE6"], ["NE604"])
    assert selection.enabled("NE601") and not selection.enabled("NE604")
    assert not selection.enabled("NE301")


def _issue(code: str, record: int, file: str = "a.jsonl") -> Issue:
    check = CATALOG[code]
    return Issue(code, check.severity, "m", IssueLocation(file, record, None, None, ""))


def test_cap_keeps_the_first_in_location_order_whatever_the_arrival_order() -> None:
    collector = IssueCollector(Selection(), max_issues=3)
    collector.file_seen("a.jsonl")
    for record in [9, 4, 7, 1, 8, 2, 6, 3, 5, 0] * 5:
        collector.add(_issue("NE501", record))
    report = collector.report(records=10, files=[], strict=False, tool={})
    assert [i.location.record for i in report.issues] == [0, 0, 0, None]
    assert report.by_code == {"NE501": 50, "NE806": 1}
    assert report.issues[-1].message == "47 more NE501 issue(s) were counted but not listed"


def test_strict_counts_warnings_and_infos_never_fail() -> None:
    for strict, codes, valid in [
        (False, ["NE803"], True),
        (True, ["NE803"], False),
        (True, ["NE607", "NE805"], True),
        (False, ["NE501"], False),
    ]:
        collector = IssueCollector(Selection(), max_issues=None)
        for code in codes:
            collector.add(_issue(code, 0))
        report = collector.report(records=1, files=[], strict=strict, tool={})
        assert report.valid is valid
        assert report.errors == sum(CATALOG[c].severity == Severity.ERROR for c in codes)


def test_deselected_checks_are_not_even_run(records: dict[str, Any]) -> None:
    records["alert"]["trigger"]["start"] += 1
    records["alert"]["trigger"]["end"] += 1
    records["alert"]["participants"][0]["actor_id"] = "nobody"
    report = validate(list(records.values()), select=["reference"])
    assert report.by_code == {"NE502": 1}
    report = validate(list(records.values()), ignore=["NE5", "NE6"])
    assert report.by_code == {}
    assert report.valid


@pytest.mark.parametrize(
    "options", [["--select", "NE3"], ["--ignore", "reading"], ["--ignore", "NE101,NE103"]]
)
def test_unreadable_input_is_reported_whatever_is_selected(
    options: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsevents.cli import main

    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    assert main(["validate", *options, str(tmp_path / "missing.jsonl")]) == 2
    assert "NE101" in capsys.readouterr().out
    assert main(["validate", *options, str(broken)]) == 1
    assert "NE103" in capsys.readouterr().out


def test_a_repeated_key_may_be_ignored_since_the_record_is_checked_all_the_same(
    tmp_path: Path,
) -> None:
    from newsevents.validation import validate

    path = tmp_path / "repeated.jsonl"
    path.write_text('{"record_type": "actor", "record_type": "actor"}\n', encoding="utf-8")
    assert "NE114" in validate(path).codes()
    assert "NE114" not in validate(path, ignore=["NE114"]).codes()
    assert validate(tmp_path / "missing.jsonl", ignore=["reading"]).codes() == {"NE101"}
