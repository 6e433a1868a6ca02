"""The docs as tests: find the Python and shell snippets of a Markdown file and run them.

The conventions (docs/docs-as-tests.md):

- Every fenced ``python`` and ``sh`` block of README.md and docs/*.md runs, in order, in a
  fresh folder holding the fixtures listed in :data:`FIXTURES`.  The Python blocks of one file
  run as one script (``python script.py``), so they share names as a reader's session would.
- ``<!-- snippet: skip REASON -->`` on the line before a fence: the block does not run.
- ``<!-- snippet: file NAME -->`` on the line before a fence: the block's text is written to
  ``NAME`` before anything runs.
- A ``print(...)`` line whose output is shown (a ``# ...`` comment at its end or on the lines
  right after it) is checked: the block's printed lines must equal the shown ones.
- A ``text`` block right after a ``sh`` block shows the output of its first command; a line
  ``...`` stands for any lines and a line ending in ``...`` for any line starting so.
- A shell command must exit 0, or 1 where it validates invalid data (``# exit 1`` or the
  text ``INVALID`` in its shown output); 2 means the docs use the command wrongly.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON_LANGUAGES = frozenset({"python", "py"})
SHELL_LANGUAGES = frozenset({"sh", "shell", "bash", "console"})
_FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,})(?P<language>[\w+-]*)\s*$")
_MARKER = re.compile(r"^\s*<!--\s*snippet:\s*(?P<kind>skip|file)\b\s*(?P<value>.*?)\s*-->\s*$")
_SEPARATOR = "----- snippet {} -----"


@dataclass
class Snippet:
    """One fenced block: where it is, its language and text, its marker and shown output."""

    path: Path
    line: int
    language: str
    code: str
    skip: str | None = None
    file: str | None = None
    shown: str | None = None
    expected_prints: list[str] = field(default_factory=list)

    @property
    def where(self) -> str:
        """``README.md:96``, for messages."""
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def snippets(path: Path) -> list[Snippet]:
    """Every fenced block of ``path``, with its marker and shown output."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[Snippet] = []
    index = 0
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if match is None:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and lines[end].strip() != match["fence"]:
            end += 1
        indent = len(match["indent"])
        code = "\n".join(line[indent:] for line in lines[index + 1 : end]) + "\n"
        snippet = Snippet(path, index + 1, match["language"], code)
        marker = _MARKER.match(lines[index - 1]) if index > 0 else None
        if marker is not None:
            if marker["kind"] == "skip":
                snippet.skip = marker["value"] or "(no reason given)"
            else:
                snippet.file = marker["value"]
        follows_shell = found and found[-1].language in SHELL_LANGUAGES
        if follows_shell and snippet.language == "text" and _blank_after(lines, found[-1], index):
            found[-1].shown = code
        if snippet.language in PYTHON_LANGUAGES:
            snippet.expected_prints = shown_prints(code)
        found.append(snippet)
        index = end + 1
    return found


def _blank_after(lines: list[str], previous: Snippet, start: int) -> bool:
    closing = previous.line + previous.code.count("\n")
    return all(not line.strip() for line in lines[closing + 1 : start])


def shown_prints(code: str) -> list[str]:
    """The output a block shows for its ``print`` lines (empty when it shows none)."""
    lines = code.splitlines()
    shown: list[str] = []
    for number, line in enumerate(lines):
        if not line.lstrip().startswith("print("):
            continue
        comment = re.search(r"\)\s*#\s?(.*)$", line)
        if comment:
            shown.append(comment.group(1))
            continue
        following = number + 1
        while following < len(lines) and lines[following].lstrip().startswith("#"):
            shown.append(lines[following].lstrip()[1:].strip())
            following += 1
    return shown


FIXTURES = {
    "examples": "examples",
    "datasets": "datasets",
    "events.jsonl": "datasets/military-posture-2022/1.0.0/events.jsonl",
    "actors.jsonl": "datasets/military-posture-2022/1.0.0/actors.jsonl",
    "documents.jsonl": "datasets/military-posture-2022/1.0.0/documents.jsonl",
    "annotations/events.jsonl": "datasets/military-posture-2022/1.0.0/events.jsonl",
    "annotations/actors.jsonl": "datasets/military-posture-2022/1.0.0/actors.jsonl",
}
"""What the folder a file's snippets run in holds (name: source in the repository): the
example files, the shipped datasets' folders, and the reference dataset's tables as a reader's
own files."""


def prepare(folder: Path, found: list[Snippet]) -> None:
    """Fill ``folder`` with the fixtures and the files the snippets declare."""
    for name, source in FIXTURES.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if (ROOT / source).is_dir():
            shutil.copytree(ROOT / source, target)
        else:
            shutil.copyfile(ROOT / source, target)
    for snippet in found:
        if snippet.file:
            (folder / snippet.file).write_text(snippet.code, encoding="utf-8")


def python_script(found: list[Snippet]) -> tuple[str, list[Snippet]]:
    """The file's running Python blocks as one script, a separator printed after each."""
    blocks = [s for s in found if s.language in PYTHON_LANGUAGES and not s.skip and not s.file]
    parts = []
    for number, snippet in enumerate(blocks):
        parts.append(f"# {snippet.where}\n{snippet.code}")
        parts.append(f"print({_SEPARATOR.format(number)!r}, flush=True)\n")
    return "".join(parts), blocks


def run_python(folder: Path, found: list[Snippet], python: str) -> list[str]:
    """Run the Python blocks in ``folder``; return one problem per failing block."""
    script, blocks = python_script(found)
    if not blocks:
        return []
    (folder / "snippets_script.py").write_text(script, encoding="utf-8")
    result = subprocess.run(
        [python, "snippets_script.py"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        env=_environment(),
    )
    outputs = _split(result.stdout, len(blocks))
    problems = []
    if result.returncode != 0:
        failed = blocks[min(len(outputs), len(blocks) - 1)]
        problems.append(f"{failed.where}: exit {result.returncode}\n{result.stderr[-3000:]}")
    for snippet, output in zip(blocks, outputs, strict=False):
        if snippet.expected_prints and output.splitlines() != snippet.expected_prints:
            problems.append(
                f"{snippet.where}: printed {output.splitlines()}, the docs show "
                f"{snippet.expected_prints}"
            )
    return problems


def _split(stdout: str, count: int) -> list[str]:
    outputs = []
    rest = stdout
    for number in range(count):
        marker = _SEPARATOR.format(number) + "\n"
        if marker not in rest:
            break
        output, rest = rest.split(marker, 1)
        outputs.append(output)
    return outputs


def shell_commands(snippet: Snippet) -> list[str]:
    """The commands of a shell block: comments dropped, ``$`` prompts removed."""
    commands = []
    for line in snippet.code.splitlines():
        text = line.strip().removeprefix("$ ")
        if text and not text.startswith("#"):
            commands.append(text)
    return commands


def run_shell(folder: Path, snippet: Snippet, bin_folder: str | None = None) -> list[str]:
    """Run a shell block's commands in ``folder``; return its problems."""
    environment = _environment()
    if bin_folder is not None:
        environment["PATH"] = bin_folder + os.pathsep + environment["PATH"]
    problems = []
    for number, command in enumerate(shell_commands(snippet)):
        result = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
            env=environment,
        )
        allowed = {0, 1} if _may_fail(command, snippet, number) else {0}
        if result.returncode not in allowed or "Traceback" in result.stderr:
            problems.append(
                f"{snippet.where}: `{command}` exited {result.returncode}\n{result.stderr[-2000:]}"
            )
        if number == 0 and snippet.shown is not None and not matches(result.stdout, snippet.shown):
            problems.append(
                f"{snippet.where}: `{command}` printed\n{result.stdout}\nthe docs show\n"
                f"{snippet.shown}"
            )
    return problems


def _may_fail(command: str, snippet: Snippet, number: int) -> bool:
    line = next(line for line in snippet.code.splitlines() if command in line)
    shown_invalid = number == 0 and snippet.shown is not None and "INVALID" in snippet.shown
    return "# exit 1" in line or "validate" in command or shown_invalid


def matches(output: str, shown: str) -> bool:
    """Whether ``output`` has the lines ``shown`` (``...`` lines match any lines; a line
    ending in ``...`` matches any line starting with the rest)."""
    return _match(output.rstrip("\n").splitlines(), shown.rstrip("\n").splitlines())


def _match(lines: list[str], pattern: list[str]) -> bool:
    if not pattern:
        return not lines
    head, rest = pattern[0], pattern[1:]
    if head.strip() == "...":
        return any(_match(lines[start:], rest) for start in range(len(lines) + 1))
    if not lines:
        return False
    prefix = head.removesuffix("...").rstrip()
    fits = lines[0].startswith(prefix) if head.endswith("...") else lines[0] == head
    return fits and _match(lines[1:], rest)


def _environment() -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    environment.update({"NO_COLOR": "1", "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"})
    environment.pop("FORCE_COLOR", None)
    return environment


def documented_files() -> list[Path]:
    """README.md and every Markdown file under docs/."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]
