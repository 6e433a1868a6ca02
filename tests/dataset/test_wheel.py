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

import pytest

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "newsevents/_published/datasets/military-posture-2022/1.0.0/"

SCRIPT = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    import newsevents
    from newsevents import DatasetFileError, load_dataset

    data = load_dataset()
    events = data.to_arrow("events")
    result = {
        "module": newsevents.__file__,
        "folder": str(data.folder),
        "counts": [len(data.documents), len(data.actors), len(data.events)],
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
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for entry in manifest["files"]:
            assert PREFIX + entry["path"] in names
            assert len(archive.read(PREFIX + entry["path"])) == entry["bytes"]
        assert PREFIX + "manifest.json" in names


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
    assert result["counts"] == [1, 20, 20]
    assert result["rows"] == 20
    assert all(Path(p).is_file() for p in result["paths"])
    assert "events.jsonl" in result["error"]
    assert "size" in result["error"] or "checksum" in result["error"]
