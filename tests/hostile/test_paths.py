"""Every path is classified before it is opened: FIFOs, devices, sockets, broken and looping
links, folders and files that cannot be read each get their true cause and exit status 2,
never a hang and never a silent skip, given directly, found in a folder or as --documents."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.io.paths import classify, inside, open_regular
from newsevents.io.readers import FileReading, ReadProblem
from newsevents.validation.examples import base
from newsevents.validation.examples.model import jsonl
from tests.hostile.conftest import run, unblocking

VALID = jsonl(list(base.records().values()))


def test_a_fifo_given_directly_is_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "events.jsonl"
    os.mkfifo(fifo)
    with unblocking(fifo):
        outcome = run(str(fifo))
    assert outcome.status == 2
    assert outcome.codes == {"NE109"}
    [issue] = outcome.report["issues"]
    assert "a FIFO (named pipe), not a regular file" in issue["message"]


def test_a_fifo_inside_a_folder_is_reported_and_the_rest_validated(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_bytes(VALID)
    os.mkfifo(tmp_path / "b.jsonl")
    with unblocking(tmp_path / "b.jsonl"):
        outcome = run(str(tmp_path))
    assert outcome.status == 2
    assert outcome.codes_at(f"{tmp_path.as_posix()}/b.jsonl") == {"NE109"}
    assert outcome.report["summary"]["records"] == len(base.records())


def test_a_fifo_as_documents_is_not_opened(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_bytes(VALID)
    os.mkfifo(tmp_path / "texts.jsonl")
    with unblocking(tmp_path / "texts.jsonl"):
        outcome = run(str(tmp_path / "a.jsonl"), "--documents", str(tmp_path / "texts.jsonl"))
    assert outcome.status == 2
    assert outcome.codes_at(str(tmp_path / "texts.jsonl")) == {"NE109"}


def test_a_device_and_a_socket_are_named_as_such(tmp_path: Path) -> None:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "s.jsonl"))
    try:
        outcome = run("/dev/null", str(tmp_path / "s.jsonl"))
    finally:
        sock.close()
    messages = [i["message"] for i in outcome.report["issues"]]
    assert outcome.status == 2 and outcome.codes == {"NE109"}
    assert any("a character device" in m for m in messages)
    assert any("a socket" in m for m in messages)


def test_dangling_and_looping_links_are_broken_links_not_missing_files(tmp_path: Path) -> None:
    os.symlink("nowhere.jsonl", tmp_path / "dangling.jsonl")
    os.symlink("loop.jsonl", tmp_path / "loop.jsonl")
    for name, cause in (("dangling.jsonl", "dangling"), ("loop.jsonl", "loops")):
        outcome = run(str(tmp_path / name))
        assert outcome.status == 2 and outcome.codes == {"NE110"}
        assert cause in outcome.report["issues"][0]["message"]
    folder = run(str(tmp_path))
    assert folder.status == 2
    assert folder.codes_at(f"{tmp_path.as_posix()}/loop.jsonl") == {"NE110"}
    assert folder.codes_at(f"{tmp_path.as_posix()}/dangling.jsonl") == {"NE110"}


def test_a_link_to_a_folder_is_followed_once_and_a_link_back_is_reported(
    tmp_path: Path,
) -> None:
    (tmp_path / "data" / "part").mkdir(parents=True)
    (tmp_path / "data" / "part" / "a.jsonl").write_bytes(VALID)
    os.symlink("..", tmp_path / "data" / "part" / "up")
    os.symlink("data/part", tmp_path / "linked")
    outcome = run(str(tmp_path))
    files = [f["path"] for f in outcome.report["files"]]
    root = tmp_path.as_posix()
    assert f"{root}/data/part/a.jsonl" in files  # read once, not again through "linked"
    assert f"{root}/linked/a.jsonl" not in files
    assert outcome.codes_at(f"{root}/data/part/up") == {"NE110"}
    assert "loops" in outcome.report["issues"][0]["message"]
    assert outcome.status == 2
    only_link = run(str(tmp_path / "linked"))
    assert [f["path"] for f in only_link.report["files"] if f["records"]] == [
        f"{root}/linked/a.jsonl"
    ]
    assert only_link.codes_at(f"{root}/linked/up/part") == {"NE110"}


def _as_nobody(*arguments: str) -> tuple[int, dict[str, object], str]:
    """Run the command line as the unprivileged user ``nobody`` (root ignores modes)."""
    prefix = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    command = [*prefix] if os.geteuid() == 0 else []
    command += [sys.executable, "-m", "newsevents", "validate", "--format", "json", *arguments]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    return done.returncode, json.loads(done.stdout), done.stderr


def test_a_subfolder_that_cannot_be_listed_fails_the_run(shared_folder: Path) -> None:
    (shared_folder / "ok.jsonl").write_bytes(VALID)
    (shared_folder / "private").mkdir()
    (shared_folder / "private" / "hidden-errors.jsonl").write_bytes(b"[1]\n")
    os.chmod(shared_folder / "private", 0)
    status, report, stderr = _as_nobody(str(shared_folder))
    assert status == 2 and "Traceback" not in stderr
    assert report["summary"]["by_code"] == {"NE111": 1}
    [issue] = report["issues"]  # type: ignore[misc]
    assert issue["location"]["file"] == f"{shared_folder.as_posix()}/private"
    assert "permission denied" in issue["message"]


def test_a_file_that_cannot_be_read_is_permission_denied(shared_folder: Path) -> None:
    (shared_folder / "secret.jsonl").write_bytes(VALID)
    os.chmod(shared_folder / "secret.jsonl", 0)
    status, report, stderr = _as_nobody(str(shared_folder / "secret.jsonl"))
    assert status == 2 and "Traceback" not in stderr
    assert report["summary"]["by_code"] == {"NE101": 1}
    assert "permission denied" in report["issues"][0]["message"]  # type: ignore[index]


def test_a_reading_refuses_a_path_that_became_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "swapped.jsonl"
    os.mkfifo(fifo)  # classified earlier as a file, swapped since
    with unblocking(fifo):
        items = list(FileReading(fifo, "swapped.jsonl"))
    assert [item.code for _, item in items if isinstance(item, ReadProblem)] == ["NE109"]


def test_manifest_paths_must_stay_inside_their_folder(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").write_bytes(b"")
    os.symlink("/etc", tmp_path / "out")
    assert inside(tmp_path, "x.jsonl") == tmp_path / "x.jsonl"
    for bad in ("../x.jsonl", "/etc/passwd", "a/../../x", "out/passwd", "", "a\\b", "./x.jsonl"):
        assert inside(tmp_path, bad) is None, bad


KINDS = ("valid", "fifo", "dangling", "loop", "gzip", "utf16", "empty-folder", "link-up")
EXPECTED = {
    "fifo": "NE109",
    "dangling": "NE110",
    "loop": "NE110",
    "gzip": "NE113",
    "utf16": "NE112",
    "link-up": "NE110",
}


def _make(folder: Path, name: str, kind: str) -> str:
    import gzip

    path = folder / name
    if kind in ("empty-folder", "link-up"):
        path = folder / name.removesuffix(".jsonl")
    {
        "valid": lambda: path.write_bytes(VALID),
        "fifo": lambda: os.mkfifo(path),
        "dangling": lambda: os.symlink(f"missing-{name}", path),
        "loop": lambda: os.symlink(name, path),
        "gzip": lambda: path.write_bytes(gzip.compress(VALID)),
        "utf16": lambda: path.write_bytes(VALID.decode("utf-8").encode("utf-16")),
        "empty-folder": lambda: path.mkdir(),
        "link-up": lambda: os.symlink(".", path),
    }[kind]()
    return path.relative_to(folder).as_posix()


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(KINDS), min_size=1, max_size=5, unique=True))
def test_any_mix_of_file_system_objects_gets_one_true_cause_each(kinds: list[str]) -> None:

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        made = [(_make(folder, f"f{i}.jsonl", kind), kind) for i, kind in enumerate(kinds)]
        fifos = [folder / path for path, kind in made if kind == "fifo"]
        with unblocking(fifos[0]) if fifos else _nothing():
            outcome = run(str(folder))
        root = folder.as_posix()
        for path, kind in made:
            expected = {EXPECTED[kind]} if kind in EXPECTED else set()
            assert outcome.codes_at(f"{root}/{path}") == expected, (kind, outcome.report)
        unreadable = any(kind in EXPECTED for _, kind in made)
        assert outcome.status == (2 if unreadable or "valid" not in kinds else 0)


def _nothing() -> object:
    import contextlib

    return contextlib.nullcontext()


def test_classify_names_every_kind(tmp_path: Path) -> None:
    (tmp_path / "f").write_bytes(b"")
    os.mkfifo(tmp_path / "p")
    assert classify(tmp_path / "f").kind == "file"
    assert classify(tmp_path).kind == "folder"
    problem = classify(tmp_path / "p").problem
    assert problem is not None and problem.code == "NE109"
    missing = classify(tmp_path / "missing").problem
    assert missing is not None and (missing.code, missing.reason) == (
        "NE101",
        "no such file or folder",
    )
    with open_regular(tmp_path / "f") as stream:
        assert stream.read() == b""


def _nest(folder: Path, depth: int, content: bytes, name: str = "a") -> None:
    """Folders ``name/name/.../name`` ``depth`` deep, a records file at the bottom; made through
    file descriptors, since the whole path may be longer than the system allows."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir(name, dir_fd=descriptor)
            inner = os.open(name, os.O_RDONLY, dir_fd=descriptor)
            os.close(descriptor)
            descriptor = inner
        file = os.open("r.jsonl", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=descriptor)
        os.write(file, content)
        os.close(file)
    finally:
        os.close(descriptor)


def _unnest(folder: Path, depth: int, name: str = "a") -> None:
    """Remove what :func:`_nest` made (shutil.rmtree recurses, and would fail)."""
    descriptors = [os.open(folder, os.O_RDONLY)]
    for _ in range(depth):
        descriptors.append(os.open(name, os.O_RDONLY, dir_fd=descriptors[-1]))
    os.unlink("r.jsonl", dir_fd=descriptors[-1])
    os.close(descriptors.pop())
    while descriptors:
        os.rmdir(name, dir_fd=descriptors[-1])
        os.close(descriptors.pop())
    folder.rmdir()


def test_folders_nested_deeper_than_python_recursion_are_walked() -> None:
    # Outside pytest's tmp_path: pytest's own clean-up of old runs recurses and would fail.
    folder = Path(tempfile.mkdtemp(prefix="newsevents-deep-"))
    _nest(folder, 1100, VALID)  # 2,200 characters of path: within the system's limit
    try:
        outcome = run(str(folder))
    finally:
        _unnest(folder, 1100)
    assert outcome.status == 0 and outcome.report["summary"]["records"] == len(base.records())


def test_folders_nested_past_the_path_limit_are_named_not_skipped() -> None:
    folder = Path(tempfile.mkdtemp(prefix="newsevents-deep-"))
    _nest(folder, 420, VALID, "a" * 10)  # 4,620 characters: past PATH_MAX
    try:
        outcome = run(str(folder))
    finally:
        _unnest(folder, 420, "a" * 10)
    assert outcome.status == 2
    [issue] = outcome.report["issues"]
    assert issue["code"] == "NE111" and "file name too long" in issue["message"]
