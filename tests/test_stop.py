"""Stopping a parallel build leaves nothing running: SIGTERM and Ctrl-C stop its workers
and it exits with the signal's status; after SIGKILL the orphaned workers exit by
themselves. Multiprocessing's resource tracker goes too, and the ledger keeps every
document stored before the stop. Real processes, found through /proc; for the process
pool and for a local Dask cluster (whose worker processes are the build's children too)."""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from consilience import Ledger
from consilience.ingest import Document
from consilience.scale import open_runner

from .conftest import documents_in, text_document

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="finds processes through Linux's /proc"
)

DOCUMENTS = 200
WORKERS = 2
# Enough documents stored that the build is well under way, and far from its end.
STORED_BEFORE_STOP = 4
# Starting the workers (each loads the spaCy model) on a slow, busy machine.
START_TIMEOUT_S = 120.0
# A stopped build, or orphaned workers, must be gone within this.
EXIT_TIMEOUT_S = 30.0

# How a build spreads its extraction: the flags that ask for two workers of each kind.
RUNNERS = [
    pytest.param(["--workers", str(WORKERS)], id="pool"),
    pytest.param(
        ["--dask", "--workers", str(WORKERS)],
        id="dask-local",
        marks=pytest.mark.skipif(
            importlib.util.find_spec("distributed") is None, reason="needs distributed"
        ),
    ),
]

# A process, as (pid, start time in clock ticks since boot): a pid may be reused, the pair not.
Proc = tuple[int, int]


def write_corpus(root: Path, examples_dir: Path) -> None:
    """Many distinct short reports made from the example texts, so the build runs a while."""
    bases = [path.read_text(encoding="utf-8") for path in sorted(examples_dir.glob("*.txt"))]
    root.mkdir()
    for number in range(DOCUMENTS):
        (root / f"report-{number:04d}.txt").write_text(
            f"Report {number} from the Ostmark desk\n{bases[number % len(bases)]}\n",
            encoding="utf-8",
        )


def stat_of(pid: int) -> tuple[str, int, int] | None:
    """(state, parent pid, start time) of a process, or None once it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2 :].split()  # the command name may hold spaces
    return fields[0], int(fields[1]), int(fields[19])


def children_of(parent: int) -> set[Proc]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = stat_of(int(entry.name))
            if stat is not None and stat[1] == parent and stat[0] != "Z":
                found.add((int(entry.name), stat[2]))
    return found


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def running(proc: Proc) -> bool:
    """Whether the process still runs: a zombie has exited, whoever reaps it."""
    stat = stat_of(proc[0])
    return stat is not None and stat[2] == proc[1] and stat[0] != "Z"


def poll(condition: object, timeout: float, what: str) -> None:
    assert callable(condition)
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def start_build(
    tmp_path: Path, examples_dir: Path, runner: list[str]
) -> tuple[subprocess.Popen[bytes], Path]:
    """`consilience build` with the `runner` flags; its stderr (a line per document) goes
    to a file."""
    corpus = tmp_path / "corpus"
    write_corpus(corpus, examples_dir)
    ledger = tmp_path / "stop.db"
    with (tmp_path / "stderr.txt").open("wb") as stderr:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "consilience",
                "build",
                str(corpus),
                *runner,
                "--ledger",
                str(ledger),
                # Small batches: the first documents are stored soon after the workers start.
                "--batch-size",
                "2",
            ],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        ), ledger


def running_tree(build: subprocess.Popen[bytes], ledger: Path) -> tuple[set[Proc], set[Proc]]:
    """Once the workers have stored a few documents: (workers, resource trackers)."""

    def working() -> bool:
        assert build.poll() is None, f"the build ended early: {build.returncode}"
        return documents_in(ledger) >= STORED_BEFORE_STOP

    poll(working, START_TIMEOUT_S, f"{STORED_BEFORE_STOP} documents in the ledger")
    children = children_of(build.pid)
    trackers = {proc for proc in children if "resource_tracker" in command_line(proc[0])}
    workers = {proc for proc in children - trackers if "spawn_main" in command_line(proc[0])}
    assert len(workers) == WORKERS, [command_line(pid) for pid, _ in children]
    assert len(trackers) == 1, [command_line(pid) for pid, _ in children]
    return workers, trackers


def end(build: subprocess.Popen[bytes], tree: set[Proc]) -> None:
    """Kill whatever a failed test left running, the build's workers included."""
    build.kill()
    build.wait()
    for proc in tree:
        if running(proc):
            os.kill(proc[0], signal.SIGKILL)


def assert_ledger_kept(ledger: Path, at_least: int) -> None:
    with Ledger(ledger, create=False) as kept:
        held = kept.document_count()
    assert at_least <= held < DOCUMENTS, f"the stop should land part-way, held {held}"


@contextmanager
def stopped_build(
    sent: signal.Signals, tmp_path: Path, examples_dir: Path, runner: list[str]
) -> Iterator[subprocess.Popen[bytes]]:
    """A parallel build sent `sent` once it has stored documents and its workers run; the
    block sees it ended. After the block every process of its tree must exit, and the
    ledger must keep what it had stored."""
    build, ledger = start_build(tmp_path, examples_dir, runner)
    tree: set[Proc] = set()
    try:
        workers, trackers = running_tree(build, ledger)
        tree = workers | trackers
        stored = documents_in(ledger)
        build.send_signal(sent)
        build.wait(timeout=EXIT_TIMEOUT_S)
        yield build
        poll(
            lambda: not any(running(proc) for proc in tree),
            EXIT_TIMEOUT_S,
            "the workers and the resource tracker to exit",
        )
    finally:
        end(build, tree)
    assert_ledger_kept(ledger, stored)


@pytest.mark.parametrize("runner", RUNNERS)
@pytest.mark.parametrize(
    ("sent", "status"),
    [
        pytest.param(signal.SIGTERM, 128 + signal.SIGTERM, id="TERM"),
        pytest.param(signal.SIGINT, 128 + signal.SIGINT, id="INT"),
    ],
)
def test_signal_stops_workers_and_build_exits_with_its_status(
    tmp_path: Path, examples_dir: Path, runner: list[str], sent: signal.Signals, status: int
) -> None:
    # Stopping terminates the workers mid-batch; it does not wait for their work.
    with stopped_build(sent, tmp_path, examples_dir, runner) as build:
        stderr = (tmp_path / "stderr.txt").read_text(errors="replace")
        assert build.returncode == status, stderr[-2000:]
        # One line says it stopped, after the per-document progress; no traceback.
        assert stderr.splitlines()[-1].startswith("consilience: "), stderr[-2000:]
        assert "Traceback" not in stderr, stderr[-2000:]


@pytest.mark.parametrize("runner", RUNNERS)
def test_orphaned_workers_exit_after_parent_is_killed(
    tmp_path: Path, examples_dir: Path, runner: list[str]
) -> None:
    with stopped_build(signal.SIGKILL, tmp_path, examples_dir, runner) as build:
        assert build.returncode == -signal.SIGKILL


def sleep_in_batch(documents: list[Document]) -> list[object]:
    """A batch that runs far longer than the test: mark that it started, then sleep."""
    Path(documents[0].text).touch()
    time.sleep(60)
    return []


def test_interrupt_through_open_runner_terminates_running_batches(tmp_path: Path) -> None:
    started = tmp_path / "started"
    before = children_of(os.getpid())
    workers: set[Proc] = set()
    # The interrupt comes from inside the block, once its batches run.
    with pytest.raises(KeyboardInterrupt), open_runner(sleep_in_batch, WORKERS) as runner:  # noqa: PT012
        for index in range(2 * WORKERS):
            runner.submit(index, [text_document(str(started))])
        poll(started.exists, START_TIMEOUT_S, "a batch to start")
        workers = {
            proc
            for proc in children_of(os.getpid()) - before
            if "spawn_main" in command_line(proc[0])
        }
        assert len(workers) == WORKERS
        stopping = time.monotonic()
        raise KeyboardInterrupt
    # The batches would sleep for a minute: they were terminated, not waited for.
    assert time.monotonic() - stopping < EXIT_TIMEOUT_S
    assert not any(running(proc) for proc in workers)
