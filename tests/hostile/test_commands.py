"""The commands besides ``validate`` on hostile input: ``migrate``, ``convert``, ``validate
--from``, ``score``, ``view`` and ``explain`` keep the same promises.

Each run goes through the command line in this process and must: print no traceback, print
no control character a file could smuggle onto the terminal, exit 2 for input that cannot be
read or an output that cannot be written, and never destroy or block on a file.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from newsevents.cli import main
from newsevents.dataset import load_dataset
from tests.hostile.conftest import unblocking

HOSTILE_NAME = "x\x1b[2J\u202e.jsonl"
"""A file name that clears the screen and reverses the line when printed raw."""

_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


@dataclass(frozen=True)
class Ran:
    """What one command run gave."""

    status: int
    stdout: str
    stderr: str


def command(*arguments: str) -> Ran:
    """Run ``newsevents ARGUMENTS``; it may print neither a traceback nor a raw control."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        status = main(list(arguments))
    ran = Ran(status, stdout.getvalue(), stderr.getvalue())
    assert "Traceback" not in ran.stderr + ran.stdout, ran.stderr
    for text in (ran.stdout, ran.stderr):
        assert _RAW_CONTROL.search(text) is None, text
    return ran


@pytest.fixture(scope="module")
def records_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped 1.0.0 records, as one JSON file."""
    folder = tmp_path_factory.mktemp("records")
    source = load_dataset(version="1.0.0").folder / "records.json"
    path = folder / "records.json"
    path.write_bytes(source.read_bytes())
    return path


# -- outputs: never the input, never a FIFO nobody reads, never a folder ---------------------


def _same_as_input(command_line: list[str], path: Path) -> None:
    before = path.read_bytes()
    ran = command(*command_line)
    assert ran.status == 2
    assert "it is also an input" in ran.stderr
    assert path.read_bytes() == before


def test_migrate_refuses_to_write_over_its_input(records_file: Path, tmp_path: Path) -> None:
    copy = tmp_path / "records.json"
    copy.write_bytes(records_file.read_bytes())
    _same_as_input(["migrate", str(copy), "--to", "1.1.0", "-o", str(copy)], copy)
    # a file found in a folder given is an input too
    _same_as_input(["migrate", str(tmp_path), "--to", "1.1.0", "-o", str(copy)], copy)


@pytest.mark.parametrize("name", ["migrate", "view"])
def test_an_output_fifo_nobody_reads_is_refused_not_waited_on(
    name: str, records_file: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    arguments = {
        "migrate": ["migrate", str(records_file), "--to", "1.1.0", "-o", str(fifo)],
        "view": ["view", str(records_file), "-o", str(fifo)],
    }[name]
    with unblocking(fifo):
        ran = command(*arguments)
    assert ran.status == 2
    assert "FIFO (named pipe) that nobody reads" in ran.stderr


def test_an_output_folder_is_refused(records_file: Path, tmp_path: Path) -> None:
    ran = command("migrate", str(records_file), "--to", "1.1.0", "-o", str(tmp_path))
    assert ran.status == 2
    assert "a folder" in ran.stderr


def test_view_refuses_to_write_over_its_input(records_file: Path, tmp_path: Path) -> None:
    copy = tmp_path / "records.json"
    copy.write_bytes(records_file.read_bytes())
    _same_as_input(["view", str(copy), "-o", str(copy)], copy)


# -- migrate: unreadable input is exit 2; what it prints is inert ----------------------------


def test_migrate_exits_2_for_input_it_cannot_read(tmp_path: Path) -> None:
    fifo = tmp_path / "records.jsonl"
    os.mkfifo(fifo)
    with unblocking(fifo):
        ran = command("migrate", str(fifo), "--to", "1.1.0", "-o", str(tmp_path / "out.jsonl"))
    assert ran.status == 2
    assert "NE109" in ran.stdout
    assert "record None" not in ran.stdout


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile=st.text(min_size=1, max_size=40), form=st.sampled_from(["text", "json"]))
def test_migrate_prints_hostile_names_and_values_inert(hostile: str, form: str) -> None:
    record = {"record_type": "actor", "schema_version": hostile, "id": "a", "name": hostile}
    with tempfile.TemporaryDirectory(prefix="hostile-commands-") as name:
        folder = Path(name)
        source = folder / HOSTILE_NAME
        source.write_text(json.dumps(record) + "\n", encoding="utf-8")
        out = str(folder / "o.JSON")
        ran = command("migrate", str(source), "--to", "1.1.0", "-o", out, "--format", form)
        assert ran.status in (0, 1)
        assert isinstance(json.loads(Path(out).read_text(encoding="utf-8")), list)


# -- convert ------------------------------------------------------------------------------


def test_convert_refuses_to_write_over_its_input(records_file: Path, tmp_path: Path) -> None:
    copy = tmp_path / "events.jsonl"
    copy.write_text('{"id": "p-1"}\n', encoding="utf-8")
    _same_as_input(["convert", "--from", "plover", str(copy), "-o", str(copy)], copy)
    table = tmp_path / "out.events.parquet"
    table.write_bytes(b"PAR1")
    other = tmp_path / "out.documents.parquet"
    other.write_bytes(b"kept")
    _same_as_input(
        ["convert", "--from", "plover", str(table), "-o", str(tmp_path / "out.parquet")], table
    )
    assert other.read_bytes() == b"kept"  # nothing is truncated before the refusal


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_convert_to_a_fifo_nobody_reads_is_refused(suffix: str, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "p-1"}\n', encoding="utf-8")
    out = tmp_path / f"out{suffix}"
    fifo = tmp_path / ("out.documents.parquet" if suffix == ".parquet" else out.name)
    os.mkfifo(fifo)
    with unblocking(fifo):
        ran = command("convert", "--from", "plover", str(source), "-o", str(out))
    assert ran.status == 2
    assert "nobody reads" in ran.stderr


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile=st.text(min_size=1, max_size=40), form=st.sampled_from(["text", "json"]))
def test_convert_prints_hostile_names_and_values_inert(hostile: str, form: str) -> None:
    row = {"id": hostile, "date": hostile, "event": hostile, "source": hostile}
    with tempfile.TemporaryDirectory(prefix="hostile-commands-") as name:
        source = Path(name) / HOSTILE_NAME
        source.write_text(json.dumps(row) + "\n", encoding="utf-8")
        out = str(Path(name) / "o.jsonl")
        ran = command("convert", "--from", "plover", str(source), "-o", out, "--format", form)
        assert ran.status in (0, 1)


# -- explain and score: arguments of any shape ----------------------------------------------


@settings(max_examples=30, deadline=None)
@given(argument=st.text(min_size=1, max_size=30) | st.just("9" * 5000))
def test_explain_answers_any_argument_with_a_usage_error_or_a_code(argument: str) -> None:
    # no command line holds a NUL; "-..." is an option, for argparse to refuse
    assume("\x00" not in argument and not argument.startswith("-"))
    ran = command("explain", argument)
    assert ran.status in (0, 2)
    assert len(ran.stderr) < 600  # a long argument is cut, with its length


@pytest.mark.parametrize("option", ["--shown", "--resamples"])
def test_score_refuses_a_negative_count(option: str, records_file: Path) -> None:
    ran = command("score", "--gold", str(records_file), "--system", str(records_file), option, "-1")
    assert ran.status == 2
    assert f"{option} must be 0 or more" in ran.stderr


def test_view_of_the_shipped_dataset_never_writes_over_its_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On a copy of the version folder, so that a regression cannot damage the real one.
    import dataclasses
    import shutil

    import newsevents.dataset

    real = load_dataset()
    copy = tmp_path / real.folder.name
    shutil.copytree(real.folder, copy)
    monkeypatch.setattr(
        newsevents.dataset, "load_dataset", lambda: dataclasses.replace(real, folder=copy)
    )
    manifest = copy / "manifest.json"
    _same_as_input(["view", "--dataset", "-o", str(manifest)], manifest)


def test_convert_quotes_an_unknown_only_type_inert(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "p-1"}\n', encoding="utf-8")
    out = str(tmp_path / "o.jsonl")
    ran = command("convert", "--from", "plover", str(source), "-o", out, "--only", "\x1b[2J")
    assert ran.status == 2
    assert "found \\x1b[2J" in ran.stderr


# -- every command, every input it cannot read: its cause, exit 2, never a hang -------------


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _dangling(path: Path) -> None:
    path.symlink_to(path.with_name("missing"))


def _gzip(path: Path) -> None:
    import gzip

    path.write_bytes(gzip.compress(b'{"record_type": "actor"}\n'))


def _utf16(path: Path) -> None:
    path.write_bytes('{"record_type": "actor"}\n'.encode("utf-16"))


KINDS = {"fifo": (_fifo, "NE109"), "dangling": (_dangling, "NE110")}
KINDS |= {"gzip": (_gzip, "NE113"), "utf16": (_utf16, "NE112")}

COMMANDS = {
    "migrate": lambda path, out: ["migrate", path, "--to", "1.1.0", "-o", out],
    "score": lambda path, out: ["score", "--gold", path, "--system", path],
    "view": lambda path, out: ["view", path, "-o", out],
    "view-compare": lambda path, out: ["view", "--gold", path, "--system", path, "-o", out],
    **{
        f"convert-{source}": (
            lambda path, out, source=source: ["convert", "--from", source, path, "-o", out]
        )
        for source in ("gdelt", "acled", "plover")
    },
    **{
        f"validate-from-{source}": (
            lambda path, out, source=source: ["validate", "--from", source, path]
        )
        for source in ("gdelt", "acled", "plover")
    },
}


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_names_what_it_cannot_read_and_exits_2(
    name: str, kind: str, tmp_path: Path
) -> None:
    make, code = KINDS[kind]
    path = tmp_path / "input.jsonl"
    make(path)
    with unblocking(path):
        ran = command(*COMMANDS[name](str(path), str(tmp_path / "out.html")))
    assert ran.status == 2
    assert code in ran.stdout + ran.stderr


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_names_a_file_denied_to_it(name: str, shared_folder: Path) -> None:
    # Root ignores modes, so the command runs as nobody (as tests/hostile/test_paths.py does).
    import subprocess
    import sys

    path = shared_folder / "input.jsonl"
    path.write_text('{"record_type": "actor"}\n', encoding="utf-8")
    os.chmod(path, 0o600)
    outputs = shared_folder / "out"
    outputs.mkdir(mode=0o777)
    os.chmod(outputs, 0o777)
    prefix = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    arguments = COMMANDS[name](str(path), str(outputs / "out.html"))
    done = subprocess.run(
        [*(prefix if os.geteuid() == 0 else []), sys.executable, "-m", "newsevents", *arguments],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "NE101" in done.stdout + done.stderr
    assert "permission denied" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_view_takes_only_documents_from_documents_and_names_a_bad_one(tmp_path: Path) -> None:
    # --documents lends document texts, unvalidated (as validate does): an event there with a
    # span past the text, or a document the view cannot type, raised a traceback.
    folder = load_dataset().folder
    lent = tmp_path / "lent.jsonl"
    event = json.loads((folder / "events.jsonl").read_text(encoding="utf-8").splitlines()[0])
    event |= {"id": "ev-elsewhere", "trigger": {"start": 9000, "end": 9005, "exact": "xxxxx"}}
    lent.write_text(json.dumps(event) + "\n", encoding="utf-8")
    given = [str(folder / "actors.jsonl"), str(folder / "events.jsonl")]
    documents = ["--documents", str(folder / "documents.jsonl"), "--documents", str(lent)]
    ran = command("view", *given, *documents, "-o", str(tmp_path / "page.html"))
    assert ran.status == 0
    lent.write_text('{"record_type": "document", "id": "d-x", "text": 5}\n', encoding="utf-8")
    ran = command("view", *given, *documents, "-o", str(tmp_path / "page.html"))
    assert ran.status == 1
    assert "a document of --documents is not valid" in ran.stderr
