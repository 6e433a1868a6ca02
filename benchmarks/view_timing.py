"""How long the HTML view takes: the shipped dataset, and one generated document of N events.

For each input it measures, as the median of ``--repeat`` runs:

- ``render_html``: records (already typed) to the HTML string, in this process;
- ``newsevents view``: the whole command in a fresh process (start-up, validation of the
  files, reading, rendering, writing), as a reviewer runs it;
- with ``--browser``, the page in headless Chromium: load until the script has run, then
  select the middle event (highlight its spans and open its fields).

    python benchmarks/view_timing.py                  # shipped dataset and 1,000 events
    python benchmarks/view_timing.py --events 5000 --repeat 5 --browser
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import newsevents
from newsevents import parse_record, text_sha256
from newsevents.view import render_html

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "datasets/military-posture-2022/1.0.0/records.json"
SENTENCE = (
    "{speaker} said on Monday that some {size} troops of the {unit} were put on alert "
    "and could deploy to {place} if NATO decides so. "
)
PLACES = {
    "Poland": "POL",
    "Romania": "ROU",
    "Estonia": "EST",
    "Latvia": "LVA",
    "Lithuania": "LTU",
    "Bulgaria": "BGR",
    "Germany": "DEU",
}
SPEAKERS = ("John Kirby", "Lloyd Austin", "Jen Psaki", "Jens Stoltenberg")


def generated_records(events: int) -> list[dict[str, Any]]:
    """One document of ``events`` sentences and one event per sentence, spans anchored."""
    actors = [
        {
            "record_type": "actor",
            "schema_version": "1.0.0",
            "id": f"actor-{index}",
            "name": name,
            "canonical_name": name,
            "kind": "person",
            "country": "USA",
        }
        for index, name in enumerate(SPEAKERS)
    ]
    text, found = "", []
    for index in range(events):
        speaker = SPEAKERS[index % len(SPEAKERS)]
        fields = {
            "speaker": speaker,
            "size": f"{1000 + index:,}",
            "unit": f"{index % 90 + 1}th brigade",
            "place": list(PLACES)[index % len(PLACES)],
        }
        sentence = SENTENCE.format(**fields)
        found.append((len(text), sentence, fields))
        text += sentence
    document = {
        "record_type": "document",
        "schema_version": "1.0.0",
        "id": "doc-generated",
        "text": text,
        "sha256": text_sha256(text),
        "language": "en",
        "is_translation": False,
    }
    records = [document, *actors]
    for index, (offset, sentence, fields) in enumerate(found):
        records.append(_event(index, offset, sentence, fields, last=index == events - 1))
    return records


def _span(offset: int, sentence: str, words: str) -> dict[str, Any]:
    start = offset + sentence.index(words)
    return {"start": start, "end": start + len(words), "exact": words}


def _event(
    index: int, offset: int, sentence: str, fields: dict[str, str], last: bool
) -> dict[str, Any]:
    speaker = {
        "actor_id": f"actor-{SPEAKERS.index(fields['speaker'])}",
        "mention": _span(offset, sentence, fields["speaker"]),
    }
    common: dict[str, Any] = {
        "record_type": "event",
        "schema_version": "1.0.0",
        "id": f"ev-{index}",
        "document_id": "doc-generated",
        "time": {"date": "2022-01-24", "precision": "day", "expression": "Monday"},
        "provenance": {
            "annotator": "generator",
            "method": "automatic",
            "guideline_version": "1.0.0",
            "annotated_at": "2026-12-01T00:00:00Z",
        },
    }
    force = {
        "description": f"{fields['size']} troops",
        "size": {
            "value": int(fields["size"].replace(",", "")),
            "approximate": True,
            "unit": "troops",
            "evidence": _span(offset, sentence, f"some {fields['size']} troops"),
        },
    }
    if index % 3 == 0:
        return common | {
            "event_type": "statement",
            "cameo": {"code": "010", "root": "01", "quad_class": 1, "goldstein": 0.0},
            "participants": [speaker | {"role": "speaker"}],
            "factuality": {"polarity": "positive", "modality": "asserted", "tense": "past"},
            "trigger": _span(offset, sentence, "said"),
            "speech": "reported_speech",
            "summary": f"{fields['speaker']} said troops were put on alert.",
            "reports": [] if last else [f"ev-{index + 1}"],
        }
    if index % 3 == 1:
        return common | {
            "event_type": "alert",
            "cameo": {"code": "152", "root": "15", "quad_class": 4, "goldstein": -7.2},
            "participants": [speaker | {"role": "source"}],
            "factuality": {"polarity": "positive", "modality": "asserted", "tense": "past"},
            "trigger": _span(offset, sentence, "alert"),
            "evidence": [_span(offset, sentence, "were put on alert")],
            "force": force,
        }
    condition = "if NATO decides so"
    return common | {
        "event_type": "deployment",
        "participants": [speaker | {"role": "source"}],
        "cameo": {"code": "154", "root": "15", "quad_class": 4, "goldstein": -7.2},
        "factuality": {
            "polarity": "positive",
            "modality": "conditional",
            "tense": "future",
            "condition": {"text": condition, "evidence": _span(offset, sentence, condition)},
        },
        "trigger": _span(offset, sentence, "deploy"),
        "evidence": [_span(offset, sentence, f"could deploy to {fields['place']}")],
        "force": force,
        "destination": {
            "name": fields["place"],
            "kind": "country",
            "country_code": PLACES[fields["place"]],
            "evidence": _span(offset, sentence, fields["place"]),
        },
        "status": "considered",
    }


def median_seconds(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The median wall time and CPU time (this process and its children) of ``action``.

    On a shared machine the wall time grows with the load; the CPU time much less."""
    walls, cpus = [], []
    for _ in range(repeat):
        began, cpu = time.perf_counter(), _cpu()
        action()
        walls.append(time.perf_counter() - began)
        cpus.append(_cpu() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def cli_seconds(path: Path, out: Path, repeat: int) -> tuple[float, float]:
    """The median wall time of ``newsevents view PATH -o OUT`` in a fresh process."""
    command = [sys.executable, "-m", "newsevents", "view", str(path), "-o", str(out)]
    return median_seconds(lambda: subprocess.run(command, check=True, capture_output=True), repeat)


def browser_seconds(html_path: Path, repeat: int) -> tuple[float, float]:
    """Median seconds to load the page in Chromium, and to select its middle event (measured
    in the page: the click's handler, style and layout, up to the next frame)."""
    from playwright.sync_api import sync_playwright

    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
    flags += ["--disable-background-networking", "--disable-component-update", "--disable-sync"]
    loads, selects = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=flags)
        for _ in range(repeat):
            page = browser.new_page()
            began = time.perf_counter()
            page.goto(html_path.as_uri(), wait_until="load")
            loads.append(time.perf_counter() - began)
            selects.append(page.evaluate(_SELECT_MIDDLE) / 1000)
            page.close()
        browser.close()
    return statistics.median(loads), statistics.median(selects)


_SELECT_MIDDLE = """async () => {
    const buttons = document.querySelectorAll("button.select.event");
    const began = performance.now();
    buttons[Math.floor(buttons.length / 2)].click();
    document.body.offsetHeight;
    await new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
    return performance.now() - began;
}"""


def main() -> None:
    """Measure and print a table of medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000, help="events in the generated document")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--browser", action="store_true", help="also time Chromium")
    args = parser.parse_args()
    data = newsevents.load_dataset()
    shipped = [*data.documents, *data.actors, *data.events]
    generated = generated_records(args.events)
    typed = [parse_record(record) for record in generated]
    with tempfile.TemporaryDirectory() as folder:
        generated_path = Path(folder) / "generated.jsonl"
        generated_path.write_text("".join(json.dumps(r) + "\n" for r in generated), "utf-8")
        inputs = [
            (f"shipped dataset ({len(data.events)} events)", shipped, SHIPPED),
            (f"generated document ({args.events:,} events)", typed, generated_path),
        ]
        print(f"medians of {args.repeat} runs; load average {os.getloadavg()[0]:.1f}")
        for name, records, path in inputs:
            html = render_html(records)
            out = Path(folder) / "view.html"
            out.write_text(html, encoding="utf-8")
            render, render_cpu = median_seconds(lambda r=records: render_html(r), args.repeat)
            command, command_cpu = cli_seconds(path, out, args.repeat)
            line = f"{name}: render_html {render:.3f} s (CPU {render_cpu:.3f} s), "
            line += f"newsevents view {command:.3f} s (CPU {command_cpu:.3f} s), "
            line += f"page {len(html.encode('utf-8')) / 1e6:.2f} MB"
            if args.browser:
                load, select = browser_seconds(out, args.repeat)
                line += f", Chromium load {load:.3f} s, select an event {select:.3f} s"
            print(line)


if __name__ == "__main__":
    main()
