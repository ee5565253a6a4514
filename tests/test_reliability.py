"""No single document, fault or second process takes a build down (issue 12).

Real processes on real files: documents that used to abort a whole build, two builds on
one ledger, a full disk, a read-only ledger, a read-only filesystem and a corrupted
ledger each end in one line and their own exit status, and `check` finds the damage.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from consilience import Ledger, build
from consilience.exits import EXIT_STATUSES
from consilience.extract import EXTRACTOR_VERSION, extract
from consilience.store.lock import LedgerBusy, WriterLock

from .conftest import ROOT, run_cli, text_document

GOOD_ONE = "Flood in Pellin\nA flood killed 12 people in Pellin on Friday, police said.\n"
GOOD_TWO = "Fire in Karsk\nA fire injured 20 workers at a mill in Karsk on Monday.\n"


def one_line(stderr: str) -> str:
    """The only `consilience:` line of a failed command (a traceback fails the test)."""
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.startswith("consilience:")]
    assert len(lines) == 1, stderr
    return lines[0]


def export_json(ledger: Path) -> str:
    with Ledger(ledger, readonly=True) as opened:
        return opened.to_json()


# -- one document never costs the build --------------------------------------------------


def test_documents_that_crashed_a_build_are_named_and_the_rest_is_built(tmp_path: Path) -> None:
    lines = [
        {"text": GOOD_ONE, "published": "2030-05-03"},
        {"text": "Storm \ud800 in Arve: 5 people were killed.", "published": "2030-05-03"},
        {"text": "Storm in Arve.", "title": "Cut emoji \udc00", "published": "2030-05-03"},
        {"text": f"A storm. {'9' * 320} people were killed.", "published": "2030-05-03"},
        {"text": "3000000 days later 4 people were killed.", "published": "2030-05-03"},
        {"text": "Yesterday 7 people were killed in Arve.", "published": "0001-01-01"},
        {"text": "Tomorrow 2 people will be honoured in Arve.", "published": "9999-12-31"},
        {"text": GOOD_TWO, "published": "2030-05-04"},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    ledger = tmp_path / "l.db"
    result = run_cli("build", str(feed), "--ledger", str(ledger))
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    skipped = [line for line in result.stderr.splitlines() if "skipped" in line]
    assert skipped == [
        f"consilience: skipped {feed}:2: 'text' holds a lone surrogate (U+D800) at "
        "character 6, which is not valid Unicode text",
        f"consilience: skipped {feed}:3: 'title' holds a lone surrogate (U+DC00) at "
        "character 10, which is not valid Unicode text",
    ]
    with Ledger(ledger, readonly=True) as opened:
        paths = sorted(document["path"] for document in opened.documents())
        figures = opened.figures()
        assert opened.alignment_current()
    assert paths == [f"{feed}#{n}" for n in (1, 4, 5, 6, 7, 8)]
    assert {figure["value"] for figure in figures} >= {12, 20}
    assert all(figure["value"] is None or figure["value"] < 1e308 for figure in figures)
    # Built again, nothing is extracted twice and the same two lines are reported.
    again = run_cli("build", str(feed), "--ledger", str(ledger))
    assert again.returncode == 1
    assert "6 documents (0 extracted, 6 unchanged" in again.stdout


def test_a_sidecar_with_a_lone_surrogate_skips_its_file_only(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text(GOOD_ONE)
    (corpus / "two.txt").write_text(GOOD_TWO)
    (corpus / "two.meta.json").write_text('{"publisher": "Daily \\udfff Lantern"}')
    result = run_cli("build", str(corpus), "--ledger", str(tmp_path / "l.db"))
    assert result.returncode == 1
    assert "two.txt: 'publisher' holds a lone surrogate (U+DFFF)" in one_line(result.stderr)
    assert "1 documents (1 extracted" in result.stdout


def test_an_extractor_that_fails_costs_its_own_claims_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failing extractor (here: quotes, made to raise) is reported for its document, and
    the document is stored with every other kind of claim."""
    import consilience.extract.run as extract_module

    def broken(*args: object) -> list[object]:
        raise RecursionError("maximum recursion depth exceeded")

    whole = extract(text_document(GOOD_ONE, "2030-05-03"))
    monkeypatch.setattr(extract_module, "find_quotes", broken)
    events: list[str] = []
    corpus = tmp_path / "one.txt"
    corpus.write_text(GOOD_ONE)
    built = build(
        [str(corpus)],
        tmp_path / "l.db",
        overrides=None,
        on_event=lambda event: events.append(f"{event.kind} {event.where}"),
    )
    report = built.last_build
    assert report.extracted == 1 and report.skipped == 0
    [partial] = report.partial
    assert partial.where == str(corpus)
    assert "quotes" in partial.reason and "RecursionError" in partial.reason
    assert f"partial {partial}" in events
    assert [f["text"] for f in built.figures()] == [f.text for f in whole.figures]
    assert built.quotes() == []
    built.close()


def test_a_timeline_reading_that_fails_costs_its_own_document_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The statements of a batch are read for the timeline together; when that fails on
    one document (made to raise on Karsk's clause), the others are still read, and the
    failing one keeps its statements, unread, with the failure among its problems."""
    import consilience.extract.statements as statements_module
    from consilience.extract import extract_many

    real = statements_module.read_statements

    def failing_on_karsk(records: Iterator[dict[str, object]]) -> object:
        records = list(records)
        if any("Karsk" in str(record["text"]) for record in records):
            raise MemoryError("cannot parse")
        return real(records)

    monkeypatch.setattr(statements_module, "read_statements", failing_on_karsk)
    one, two = extract_many(
        [text_document(GOOD_ONE, "2030-05-03"), text_document(GOOD_TWO, "2030-05-03")]
    )
    assert one.problems == ()
    assert any(s.dates_verb and "flood killed" in s.label for s in one.statements)
    assert two.statements and not any(s.dates_verb for s in two.statements)
    [problem] = two.problems
    assert "not read for the timeline" in problem and "MemoryError" in problem


# -- one writer at a time ----------------------------------------------------------------


def write_reports(folder: Path, count: int, place: str) -> None:
    folder.mkdir()
    for number in range(count):
        (folder / f"{place.lower()}-{number:02d}.txt").write_text(
            f"Report {number} from {place}\nA flood killed {number + 3} people in {place} "
            f"on Friday, officials said. {number + 10} homes were destroyed.\n"
        )


def test_two_builds_started_together_end_with_both_inputs(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    write_reports(first, 12, "Pellin")
    write_reports(second, 12, "Karsk")
    ledger = tmp_path / "shared.db"
    command = [sys.executable, "-m", "consilience", "build"]
    runs = [
        subprocess.Popen(
            [*command, str(folder), "--ledger", str(ledger)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in (first, second)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    alone = tmp_path / "alone.db"
    assert run_cli("build", str(first), str(second), "--ledger", str(alone)).returncode == 0
    assert export_json(ledger) == export_json(alone)


def test_a_second_build_waits_for_the_lock_or_refuses_with_no_wait(tmp_path: Path) -> None:
    corpus = tmp_path / "one.txt"
    corpus.write_text(GOOD_ONE)
    ledger = tmp_path / "l.db"
    with WriterLock(ledger):
        refused = run_cli("build", str(corpus), "--ledger", str(ledger), "--no-wait")
        assert refused.returncode == 3
        assert f"(pid {os.getpid()}) is writing to this ledger" in one_line(refused.stderr)
        with pytest.raises(LedgerBusy):
            build([str(corpus)], ledger, wait=False)
        waiting = subprocess.Popen(
            [sys.executable, "-m", "consilience", "build", str(corpus), "--ledger", str(ledger)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert waiting.stderr is not None
        # The second build says it waits, and is still running while the lock is held.
        first_line = waiting.stderr.readline()
        assert "waiting for it to finish" in first_line, first_line
        time.sleep(1)
        assert waiting.poll() is None, "the second build did not wait for the lock"
    out, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err
    assert "1 documents (1 extracted" in out


def test_a_ledger_reached_through_a_link_has_the_same_lock(tmp_path: Path) -> None:
    corpus = tmp_path / "one.txt"
    corpus.write_text(GOOD_ONE)
    ledger = tmp_path / "l.db"
    link = tmp_path / "link.db"
    link.symlink_to(ledger)
    with WriterLock(ledger):
        refused = run_cli("build", str(corpus), "--ledger", str(link), "--no-wait")
    assert refused.returncode == 3
    assert "another build" in one_line(refused.stderr)


def test_results_are_not_marked_current_when_the_corpus_changed_meanwhile(
    tmp_path: Path,
) -> None:
    """The generation check behind the lock: results computed before another writer
    changed the corpus are not marked current."""
    corpus = tmp_path / "one.txt"
    corpus.write_text(GOOD_ONE)
    ledger = build([str(corpus)], tmp_path / "l.db")
    seen = ledger.generation()
    claims = extract(text_document(GOOD_TWO, "2030-05-04"))
    ledger.write_document(claims, EXTRACTOR_VERSION)
    assert ledger.generation() > seen
    assert not ledger.mark_aligned(seen)
    assert not ledger.alignment_current()
    assert ledger.mark_aligned(ledger.generation())
    ledger.close()


# -- full disks, read-only files and filesystems -----------------------------------------


def mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True, timeout=30)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 700 KB tmpfs: a real filesystem that fills up."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a full disk needs a tmpfs, and mounting one needs root")
    point = tmp_path / "small"
    point.mkdir()
    try:
        mount("-t", "tmpfs", "-o", "size=700k", "tmpfs", str(point))
    except (subprocess.CalledProcessError, OSError) as error:
        pytest.skip(f"this machine does not allow mounting a tmpfs ({error})")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True, timeout=30)


@pytest.fixture
def read_only_view(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(a writable folder, the same folder bind-mounted read-only)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a read-only filesystem needs a bind mount, and mounting needs root")
    source, view = tmp_path / "source", tmp_path / "view"
    source.mkdir()
    view.mkdir()
    try:
        mount("--bind", str(source), str(view))
    except (subprocess.CalledProcessError, OSError) as error:
        pytest.skip(f"this machine does not allow bind mounts ({error})")
    try:
        mount("-o", "remount,bind,ro", str(view))
        yield source, view
    finally:
        subprocess.run(["umount", "-l", str(view)], capture_output=True, timeout=30)


def test_a_full_disk_stops_the_build_with_one_line_and_keeps_what_was_stored(
    small_disk: Path, seeds_dir: Path, examples_dir: Path
) -> None:
    ledger = small_disk / "l.db"
    result = run_cli("build", str(seeds_dir), str(examples_dir), "--ledger", str(ledger))
    assert result.returncode == 3
    assert (
        one_line(result.stderr)
        == f"consilience: {ledger}: the disk is full (what was stored before is kept)"
    )
    stored = re.findall(r"^extracted ", result.stderr, re.M)
    with Ledger(ledger, readonly=True) as opened:
        assert opened.document_count() == len(stored) > 0
        assert all(finding.ok for finding in opened.check() if finding.check != "results")
    # An export that does not fit leaves no half-written file behind.
    out = small_disk / "out.json"
    exported = run_cli("export", str(ledger), "-o", str(out))
    assert exported.returncode == 4
    assert one_line(exported.stderr) == f"consilience: {out}: cannot write (the disk is full)"
    assert sorted(p.name for p in small_disk.iterdir()) == [
        "l.db",
        "l.db-shm",
        "l.db-wal",
        "l.db.lock",
    ]


def test_a_ledger_on_a_read_only_filesystem_is_read_and_never_written(
    read_only_view: tuple[Path, Path], examples_dir: Path, tmp_path: Path
) -> None:
    source, view = read_only_view
    writable = source / "l.db"
    assert run_cli("build", str(examples_dir), "--ledger", str(writable)).returncode == 0
    ledger = view / "l.db"
    note = f"consilience: {ledger}: on a read-only filesystem or folder; read as an unchanging snapshot"
    shown = run_cli("show", str(ledger), "--json")
    assert shown.returncode == 0, shown.stderr
    assert one_line(shown.stderr) == note
    assert len(json.loads(shown.stdout)["overview"]["documents"]) == 6
    exported = run_cli("export", str(ledger), "-o", str(tmp_path / "out.json"))
    assert exported.returncode == 0
    assert (tmp_path / "out.json").read_text() == export_json(writable)
    report = run_cli("report", str(ledger), "-o", str(tmp_path / "r.html"))
    assert report.returncode == 0 and (tmp_path / "r.html").stat().st_size > 0
    checked = run_cli("check", str(ledger))
    assert checked.returncode == 0, checked.stdout
    assert "counts only: read-only" in checked.stdout
    built = run_cli("build", str(examples_dir), "--ledger", str(ledger))
    assert built.returncode == 3
    assert "Read-only file system" in one_line(built.stderr)
    # Commits left in a -wal file (a build killed before its checkpoint) are invisible
    # to a snapshot: such a ledger is refused, never shown without them.
    pending = source / "pending.db"
    shutil.copy(writable, pending)
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sqlite3, sys; db = sqlite3.connect(sys.argv[1]); "
            "db.execute('PRAGMA wal_autocheckpoint = 0'); "
            "db.execute(\"UPDATE documents SET title = 'Retitled'\"); db.commit(); os._exit(0)",
            str(pending),
        ],
        check=True,
        timeout=60,
    )
    assert (source / "pending.db-wal").stat().st_size > 0
    # With its -shm, SQLite reads the -wal read-only itself; copied without it, it cannot.
    shown = run_cli("show", str(view / "pending.db"), "--json")
    assert shown.returncode == 0 and "Retitled" in shown.stdout
    (source / "pending.db-shm").unlink()
    refused = run_cli("show", str(view / "pending.db"))
    assert refused.returncode == 3
    assert "has commits still in pending.db-wal" in one_line(refused.stderr)
    into_read_only = run_cli("export", str(writable), "-o", str(view / "x.json"))
    assert into_read_only.returncode == 4
    assert one_line(into_read_only.stderr) == (
        f"consilience: {view / 'x.json'}: cannot write (Read-only file system)"
    )


def without_root_override(command: list[str], read_only: Path) -> list[str]:
    """`command` run so that file permissions bind it. Root writes any file; in a user
    namespace of its own it keeps its uid, so it still reads what it owns (this checkout,
    even in a private folder), but loses the power to write a file marked read-only
    (`read_only` is one, to try that on)."""
    if os.geteuid() != 0:
        return command
    wrapped = ["unshare", "--user"]
    if shutil.which("unshare") is None:
        pytest.skip("root writes any file here: no unshare to run the build without that")
    probe = subprocess.run(
        [*wrapped, sys.executable, "-c", "open(__import__('sys').argv[1], 'a')", str(read_only)],
        capture_output=True,
        timeout=60,
    )
    if probe.returncode == 0 or b"PermissionError" not in probe.stderr:
        pytest.skip("root writes any file here: no user namespace to run the build in")
    return [*wrapped, *command]


def test_a_read_only_ledger_file_gets_one_line_and_status_3(
    tmp_path: Path, examples_dir: Path
) -> None:
    ledger = tmp_path / "l.db"
    assert run_cli("build", str(examples_dir), "--ledger", str(ledger)).returncode == 0
    before = ledger.read_bytes()
    ledger.chmod(0o444)
    article = tmp_path / "new.txt"
    article.write_text(GOOD_ONE)
    command = [sys.executable, "-m", "consilience", "build", str(article), "--ledger", str(ledger)]
    result = subprocess.run(
        without_root_override(command, ledger),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 3, result.stderr
    assert one_line(result.stderr) == (
        f"consilience: {ledger}: the ledger cannot be written (a read-only file, folder "
        "or filesystem)"
    )
    assert ledger.read_bytes() == before


# -- corruption --------------------------------------------------------------------------


def built_ledger(tmp_path: Path, seeds_dir: Path) -> Path:
    ledger = tmp_path / "l.db"
    assert run_cli("build", str(seeds_dir), "--ledger", str(ledger)).returncode == 0
    return ledger


def page_of(ledger: Path, table: str) -> int:
    """The number (1-based) of a page of `table`'s b-tree, found with SQLite's dbstat."""
    db = sqlite3.connect(ledger)
    try:
        rows = db.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,),
        ).fetchall()
        size = int(db.execute("PRAGMA page_size").fetchone()[0])
    finally:
        db.close()
    if not rows:
        pytest.skip("this SQLite has no dbstat table to find a page with")
    return int(rows[len(rows) // 2][0]) * size - size


def test_a_corrupted_page_is_found_by_check_and_stops_build_before_it_writes(
    tmp_path: Path, seeds_dir: Path, examples_dir: Path
) -> None:
    ledger = built_ledger(tmp_path, seeds_dir)
    offset = page_of(ledger, "entities")
    with ledger.open("r+b") as handle:
        handle.seek(offset + 8)
        handle.write(bytes(range(256)) * 4)
    damaged = ledger.read_bytes()
    checked = run_cli("check", str(ledger))
    assert checked.returncode == 3
    assert re.search(r"^FAIL  integrity: ", checked.stdout, re.M), checked.stdout
    assert one_line(checked.stderr).endswith("checks failed")
    built = run_cli("build", str(examples_dir), "--ledger", str(ledger))
    assert built.returncode == 3
    assert "the ledger file is corrupted" in one_line(built.stderr)
    assert ledger.read_bytes() == damaged


def test_check_finds_damage_sqlite_cannot_see(tmp_path: Path, seeds_dir: Path) -> None:
    """A claim whose span no longer holds its text, a text changed behind its hash, and
    results left out of date are each one failed line; a sound ledger passes all."""
    ledger = built_ledger(tmp_path, seeds_dir)
    sound = run_cli("check", str(ledger))
    assert sound.returncode == 0, sound.stdout
    assert len(sound.stdout.splitlines()) == 7 and "FAIL" not in sound.stdout
    db = sqlite3.connect(ledger)
    with db:
        db.execute('UPDATE figures SET "end" = "end" + 100000 WHERE rowid = 1')
        db.execute("UPDATE documents SET text = text || ' ' WHERE rowid = 2")
        db.execute("UPDATE meta SET value = '0' WHERE key = 'aligned'")
    db.close()
    checked = run_cli("check", str(ledger))
    assert checked.returncode == 3
    failed = sorted(re.findall(r"^FAIL  ([a-z -]+):", checked.stdout, re.M))
    assert failed == ["claim spans", "document hashes"]
    assert re.search(r"^warn  results: alignment results are out of date", checked.stdout, re.M)


def test_results_out_of_date_are_a_warning_not_damage(tmp_path: Path, seeds_dir: Path) -> None:
    """A stopped build leaves results older than the corpus: a state `build` repairs, so
    `check` warns and exits 0, and scripts can tell it from damage."""
    ledger = built_ledger(tmp_path, seeds_dir)
    db = sqlite3.connect(ledger)
    with db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'aligned'")
    db.close()
    checked = run_cli("check", str(ledger))
    assert checked.returncode == 0, checked.stdout
    assert checked.stderr.strip() == f"{ledger}: no damage found (1 warning)"
    assert "FAIL" not in checked.stdout


def test_readme_lists_every_exit_status() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Bad inputs", 1)[1].split("\n## ", 1)[0]
    for status in EXIT_STATUSES:
        assert re.search(rf"^\| {status} \|", section, re.M), f"exit status {status} missing"
    assert "consilience check" in section


def test_usage_errors_exit_2_and_are_not_reported_as_bugs(tmp_path: Path) -> None:
    for args, said in (
        (("frob",), "No such command 'frob'"),
        (("build",), "Missing argument"),
        (("show", "--limit", "0", str(tmp_path / "l.db")), "--limit"),
    ):
        result = run_cli(*args)
        assert result.returncode == 2, result.stderr
        assert said in result.stderr
        assert "internal error" not in result.stderr and "Traceback" not in result.stderr


def test_a_claims_folder_has_one_writer_too(tmp_path: Path) -> None:
    corpus = tmp_path / "one.txt"
    corpus.write_text(GOOD_ONE)
    out = tmp_path / "claims"
    out.mkdir()
    with WriterLock(out):
        refused = run_cli("build", str(corpus), "--out", str(out), "--no-wait")
    assert refused.returncode == 3
    assert "another build" in one_line(refused.stderr)
    built = run_cli("build", str(corpus), "--out", str(out))
    assert built.returncode == 0, built.stderr
    assert "1 documents (1 extracted" in built.stdout
