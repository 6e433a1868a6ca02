"""The dataset ships inside the wheel and loads, checksums verified, from a fresh environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "newsevents/_published/datasets/military-posture-2022/"

SCRIPT = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    import newsevents
    from newsevents import DatasetFileError, load_dataset

    data = load_dataset()
    events = data.to_arrow("events")
    first = load_dataset(version="1.0.0")
    result = {
        "module": newsevents.__file__,
        "folder": str(data.folder),
        "versions": [data.version, first.version],
        "counts": [len(data.documents), len(data.actors), len(data.events)],
        "first_counts": [len(first.documents), len(first.actors), len(first.events)],
        "rows": events.num_rows,
        "paths": sorted(str(p) for p in data.parquet_paths.values()),
    }
    target = data.folder / "events.jsonl"
    target.write_bytes(target.read_bytes()[:-2] + b"\\n")
    try:
        load_dataset()
    except DatasetFileError as error:
        result["error"] = str(error)
    print(json.dumps(result))
    """
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from the working tree."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("newsevents-*.whl")
    return built


def test_the_data_files_are_inside_the_wheel(wheel: Path, folder: Path) -> None:
    """Every bundled version, each file of its manifest."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    prefix = f"{PREFIX}{folder.name}/"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for entry in manifest["files"]:
            assert prefix + entry["path"] in names
            assert len(archive.read(prefix + entry["path"])) == entry["bytes"]
        assert prefix + "manifest.json" in names


def test_an_installed_wheel_loads_and_verifies_the_data(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    # Dependencies come from the test environment (read-only, after the venv's own packages);
    # .pth files in that folder are not processed, so the checkout is not on the path.
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(site, "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    work = tmp_path / "elsewhere"
    work.mkdir()
    run = subprocess.run(
        [str(python), "-c", SCRIPT], cwd=work, env=env, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["module"].startswith(site)
    assert result["folder"].startswith(site)
    assert str(ROOT) not in result["folder"]
    assert result["versions"] == ["1.1.0", "1.0.0"]
    assert result["counts"] == [1, 20, 21]
    assert result["first_counts"] == [1, 20, 20]
    assert result["rows"] == 21
    assert all(Path(p).is_file() for p in result["paths"])
    assert "events.jsonl" in result["error"]
    assert "size" in result["error"] or "checksum" in result["error"]


# A wheel installed alone: only the declared dependencies, from outside the repository.

READER_TOOLS = ("pandas", "duckdb", "polars")
"""What the README's examples use besides newsevents: the reader's own tools (pandas is also
the `pandas` extra)."""

IMPORT_EVERY_MODULE = textwrap.dedent(
    """
    import importlib, json, pkgutil
    import newsevents

    failures = {}
    for module in pkgutil.walk_packages(newsevents.__path__, "newsevents.", lambda name: None):
        if module.name == "newsevents.__main__":  # runs the command line; tested apart
            continue
        try:
            importlib.import_module(module.name)
        except Exception as error:
            failures[module.name] = f"{type(error).__name__}: {error}"
    print(json.dumps(failures))
    """
)


def _closure(names: list[str]) -> dict[str, Any]:
    """The installed distributions of ``names`` and of everything they require."""
    from importlib.metadata import PackageNotFoundError, distribution

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    found: dict[str, Any] = {}
    todo = [Requirement(name) for name in names]
    while todo:
        requirement = todo.pop()
        key = canonicalize_name(requirement.name)
        if key in found or (requirement.marker and not requirement.marker.evaluate({"extra": ""})):
            continue
        try:
            found[key] = distribution(requirement.name)
        except PackageNotFoundError:
            continue
        todo.extend(Requirement(r) for r in found[key].requires or ())
    return found


def _site_of(distributions: dict[str, Any], folder: Path) -> Path:
    """A folder holding (links to) only these distributions' files: a site without extras."""
    folder.mkdir()
    for dist in distributions.values():
        for top in {
            f.parts[0] for f in dist.files or () if f.parts[0] not in ("..", "__pycache__")
        }:
            source = Path(dist.locate_file(top))
            if source.exists() and not (folder / top).exists():
                (folder / top).symlink_to(source)
    return folder


@pytest.fixture(scope="module")
def alone(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel and only its declared dependencies; returns its bin/."""
    import tomllib

    base = tmp_path_factory.mktemp("alone")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = _site_of(_closure(project["dependencies"]), base / "declared")
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(site, "declared-dependencies.pth").write_text(f"{declared}\n")
    return venv / "bin"


def _run(bin_folder: Path, *argv: str, cwd: Path, **options: Any) -> Any:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PATH"] = f"{bin_folder}{os.pathsep}{env['PATH']}"
    return subprocess.run(
        list(argv), cwd=cwd, env=env, capture_output=True, text=True, check=False, **options
    )


def test_the_wheel_ships_the_report_schema_and_example_but_not_the_maintainer_tools(
    wheel: Path,
) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert "newsevents/_published/report.schema.json" in names
    assert "newsevents/_published/examples/third-party.jsonl" in names
    assert not [n for n in names if n.startswith("newsevents/tools/")]


def test_every_shipped_module_imports_with_only_the_declared_dependencies(
    alone: Path, tmp_path: Path
) -> None:
    result = _run(alone, str(alone / "python"), "-c", IMPORT_EVERY_MODULE, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    failures = json.loads(result.stdout)
    testing = {name for name in failures if name.startswith("newsevents.testing")}
    assert set(failures) == testing, failures
    assert all("pip install 'newsevents[testing]'" in failures[name] for name in testing)


def test_the_readme_examples_run_from_the_installed_wheel(alone: Path, tmp_path: Path) -> None:
    """The README's Python and shell snippets, from a folder outside the repository, with the
    wheel, its declared dependencies and the reader's own tools (pandas, DuckDB, Polars)."""
    from snippets import SHELL_LANGUAGES, prepare, run_python, run_shell, snippets

    tools = _site_of(_closure(list(READER_TOOLS)), tmp_path / "tools")
    site = next((alone.parent / "lib").glob("python*/site-packages"))
    (site / "reader-tools.pth").write_text(f"{tools}\n")
    try:
        work = tmp_path / "work"
        work.mkdir()
        found = snippets(ROOT / "README.md")
        prepare(work, found)
        problems = run_python(work, found, str(alone / "python"))
        for snippet in found:
            if snippet.language in SHELL_LANGUAGES and not snippet.skip:
                problems.extend(run_shell(work, snippet, str(alone)))
    finally:
        (site / "reader-tools.pth").unlink()
    assert not problems, "\n\n".join(problems)


def test_the_installed_command_line_teaches_offline(alone: Path, tmp_path: Path) -> None:
    version = _run(alone, "newsevents", "-V", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("newsevents 0.")
    explained = _run(alone, "newsevents", "explain", "NE401", cwd=tmp_path)
    assert explained.returncode == 0 and 'found "13y"' in explained.stdout
    demo = _run(alone, "newsevents", "demo", cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert "$ newsevents validate examples/third-party.jsonl" in demo.stdout
    assert "INVALID: 13 records" in demo.stdout
    example = ROOT / "examples" / "third-party.jsonl"
    piped = _run(alone, "newsevents", "validate", "-", cwd=tmp_path, input=example.read_text())
    assert piped.returncode == 1 and "cameo-code-unknown" in piped.stdout
    testing = _run(alone, "python", "-c", "import newsevents.testing", cwd=tmp_path)
    assert "pip install 'newsevents[testing]'" in testing.stderr


def test_the_installed_validator_reads_every_way(alone: Path, tmp_path: Path) -> None:
    """From the wheel alone: validate a file in one process and with --jobs 2 (the same
    report), the installed dataset's Parquet files, and load_dataset()."""
    example = str(ROOT / "examples" / "third-party.jsonl")
    one = _run(alone, "newsevents", "validate", "--format", "json", example, cwd=tmp_path)
    two = _run(
        alone, "newsevents", "validate", "--jobs", "2", "--format", "json", example, cwd=tmp_path
    )
    assert (one.returncode, two.returncode) == (1, 1), one.stderr + two.stderr
    assert json.loads(one.stdout)["issues"] == json.loads(two.stdout)["issues"] != []
    script = (
        "import json, newsevents; d = newsevents.load_dataset(); "
        "print(json.dumps([str(d.folder), len(d.events)]))"
    )
    loaded = _run(alone, str(alone / "python"), "-c", script, cwd=tmp_path)
    assert loaded.returncode == 0, loaded.stderr
    folder, events = json.loads(loaded.stdout)
    assert events == 21  # the newest version, 1.1.0
    report = _run(
        alone, "newsevents", "validate", "--jobs", "2", "--format", "json", folder, cwd=tmp_path
    )
    assert report.returncode == 0, report.stdout + report.stderr
    files = json.loads(report.stdout)["files"]
    assert {f["format"] for f in files} == {"parquet"} and len(files) == 3
