"""Every Python and shell snippet of README.md and docs/ runs, and shows what it prints."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from snippets import (
    ROOT,
    SHELL_LANGUAGES,
    documented_files,
    matches,
    prepare,
    run_python,
    run_shell,
    shown_prints,
    snippets,
)


@pytest.mark.parametrize("path", documented_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_snippets_of_a_page_run_and_print_what_it_shows(path: Path, tmp_path: Path) -> None:
    found = snippets(path)
    prepare(tmp_path, found)
    problems = run_python(tmp_path, found, sys.executable)
    bin_folder = str(Path(sys.executable).parent)
    for snippet in found:
        if snippet.language in SHELL_LANGUAGES and not snippet.skip:
            problems.extend(run_shell(tmp_path, snippet, bin_folder))
    assert not problems, "\n\n".join(problems)


def test_every_snippet_is_python_or_shell_or_says_what_it_is() -> None:
    """A fence without a language cannot be run or skipped on purpose."""
    unlabelled = [s.where for p in documented_files() for s in snippets(p) if not s.language]
    assert not unlabelled


def test_a_skipped_snippet_says_why() -> None:
    skipped = [s for p in documented_files() for s in snippets(p) if s.skip]
    assert all(s.skip != "(no reason given)" for s in skipped), [s.where for s in skipped]


@pytest.mark.parametrize(
    ("output", "shown", "expected"),
    [
        ("a\nb\nc\n", "a\n...\nc", True),
        ("a\nc\n", "a\n...\nc", True),
        ("a\nb\n", "a\n...\nc", False),
        ("hint: x; y\n", "hint: x; ...", True),
        ("hint: z\n", "hint: x; ...", False),
        ("a\n", "a\nb", False),
        ("a\nb\n", "a", False),
    ],
)
def test_shown_output_matching(output: str, shown: str, expected: bool) -> None:
    assert matches(output, shown) is expected


def test_shown_prints_are_read_from_comments() -> None:
    code = 'x = 1\nprint(x)  # 1\nprint([x])\n# [1]\nprint("no output shown")\n'
    assert shown_prints(code) == ["1", "[1]"]
