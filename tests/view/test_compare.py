"""The comparison view: the scorer's alignment marked in the text, disagreements side by side."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.cli import main
from newsevents.scoring import Annotation, align, read_annotation
from newsevents.testing import datasets_strategy
from newsevents.view.compare import compare_page, render_comparison_html


@pytest.fixture(scope="module")
def sides(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The shipped dataset as gold, and a system that misses one event, invents one and
    disagrees on one attribute of another."""
    import newsevents

    data = newsevents.load_dataset()
    gold = [r.model_dump(mode="json", exclude_none=True) for r in data.documents]
    gold += [r.model_dump(mode="json", exclude_none=True) for r in data.actors]
    gold += [r.model_dump(mode="json", exclude_none=True) for r in data.events]
    system = copy.deepcopy(gold)
    dropped = next(r for r in system if r.get("id") == "ev-dep-06")
    system.remove(dropped)
    invented = copy.deepcopy(dropped)
    text = gold[0]["text"]
    invented["id"] = "sys-dep-99"
    invented["trigger"] = {"start": 0, "end": 10, "exact": text[0:10]}
    system.append(invented)
    changed = next(r for r in system if r.get("id") == "ev-stmt-01")
    changed["factuality"]["certainty"] = "probable"
    folder = tmp_path_factory.mktemp("compare")
    paths = folder / "gold.jsonl", folder / "system.jsonl"
    for path, records in zip(paths, (gold, system), strict=True):
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return paths


def test_comparison_marks_the_scorers_alignment(sides: tuple[Path, Path], open_page: Any) -> None:
    gold, system = sides
    alignment = align(read_annotation(str(gold), "gold"), read_annotation(str(system), "system"))
    expected = {p.gold_id: "matched" for p in alignment.pairs}
    expected |= {m.event_id: "missed" for m in alignment.missed}
    expected |= {s.event_id: "spurious" for s in alignment.spurious}
    assert expected["ev-dep-06"] == "missed" and expected["sys-dep-99"] == "spurious"
    page = open_page(render_comparison_html(str(gold), str(system)))
    assert page.errors == []
    shown = page.page.evaluate(
        """() => Array.from(document.querySelectorAll("section.document ol.events > li")).map(
            li => [li.querySelector("button.select .id").textContent, li.className])"""
    )
    assert {event_id: mark.removeprefix("m-") for event_id, mark in shown} == expected
    data = page.data()
    texts = page.span_texts()
    for span_id, span in data["spans"].items():
        assert texts[span_id] == span["exact"]
    for event_id, mark in (("ev-dep-06", "missed"), ("sys-dep-99", "spurious")):
        key = next(k for k, v in data["selectable"].items() if v["id"] == event_id)
        first = data["selectable"][key]["spans"][0]
        classes = page.page.evaluate(
            "id => Array.from(document.querySelectorAll('article mark.seg'))"
            ".filter(m => m.dataset.spans.split(' ').includes(id)).map(m => m.className)",
            first,
        )
        assert classes and all(f"c-{mark}" in c for c in classes), (event_id, classes)
    spurious = next(k for k, v in data["selectable"].items() if v["id"] == "sys-dep-99")
    page.page.click(f'button.select[data-select="{spurious}"]')
    assert "Washington" in page.page.inner_text("article mark.seg.on >> nth=0")
    matched = next(k for k, v in data["selectable"].items() if v["id"] == "ev-stmt-01")
    page.page.click(f'button.select[data-select="{matched}"]')
    owners = {data["spans"][s]["owner"] for s in data["selectable"][matched]["spans"]}
    assert owners == {"ev-stmt-01"}  # gold and system spans: the system kept the gold id
    row = page.page.inner_text(f"#details-{matched} table.compare")
    assert "certainty" in row and "certain" in row and "probable" in row


def test_comparison_cli_writes_the_page(sides: tuple[Path, Path], tmp_path: Path) -> None:
    gold, system = sides
    out = tmp_path / "diff.html"
    assert main(["view", "--gold", str(gold), "--system", str(system), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "m-spurious" in html and "m-missed" in html and "m-matched" in html


def test_comparison_of_an_invalid_side_exits_1(
    sides: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold, _ = sides
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"record_type": "event"}\n', encoding="utf-8")
    assert main(["view", "--gold", str(gold), "--system", str(broken), "-o", "x.html"]) == 1
    assert "the system annotation is not valid" in capsys.readouterr().err
    assert not Path("x.html").exists()


def test_comparison_needs_both_sides(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["view", "--gold", "gold.jsonl"]) == 2
    assert "--system" in capsys.readouterr().err


def test_comparison_in_the_terminal_lists_marks_and_disagreements(
    sides: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    gold, system = sides
    assert main(["view", "--gold", str(gold), "--system", str(system), "--terminal"]) == 0
    out = capsys.readouterr().out
    assert "[deployment] missed ev-dep-06" in out
    assert "[deployment] spurious sys-dep-99" in out
    assert "certainty: gold certain, system probable" in out


@settings(max_examples=25)
@given(datasets_strategy(max_documents=2, max_actors=3, max_events=5), st.data())
def test_every_aligned_event_is_shown_once_with_the_scorers_mark(dataset: Any, data: Any) -> None:
    gold = Annotation.of(dataset.records())
    events = st.sampled_from(gold.events)
    kept = data.draw(st.lists(events, unique_by=lambda e: e.id)) if gold.events else []
    system = Annotation(gold.documents, gold.actors, tuple(kept))
    alignment = align(gold, system)
    page = compare_page(gold, system, alignment)
    shown = [(entry.event.id, entry.mark) for entry in page.events]
    expected = [(p.gold_id, "matched") for p in alignment.pairs]
    expected += [(m.event_id, "missed") for m in alignment.missed]
    expected += [(s.event_id, "spurious") for s in alignment.spurious]
    assert sorted(shown) == sorted(expected)
    for document in page.documents:
        if document.pieces is not None:
            covered = {span.id for piece in document.pieces for span in piece.spans}
            spans = [*document.own_spans, *(s for entry in document.events for s in entry.spans)]
            assert covered == {span.id for span in spans}
