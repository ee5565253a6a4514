"""Odd files and hostile names in input folders: named pipes, sockets, devices, broken
links and link loops are each one problem line and never hang or crash a build; names
and metadata holding newlines, escape sequences or Rich markup are printed escaped; UTF-16
saved without a byte-order mark is read as text while binary stays rejected."""

from __future__ import annotations

import array
import importlib.util
import json
import marshal
import math
import os
import random
import shutil
import socket
import sys
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from consilience.ingest import Document, IngestProblem, ingest_file
from consilience.ingest.decode import decode_bytes
from consilience.ingest.discover import discover
from consilience.ingest.problems import InputRejected, printable

from .conftest import run_cli

GOOD = "Hailstorm in Pellin\nA hailstorm damaged 30 roofs in Pellin on Friday, firemen said.\n"
HOSTILE_NAME = "evil\nconsilience: skipped nothing\x1b[2J\x1b]0;owned\x07\u202etxt.md"

posix_only = pytest.mark.skipif(
    not hasattr(os, "mkfifo") or not hasattr(socket, "AF_UNIX"), reason="POSIX file types"
)


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    """A bound Unix socket file; short path, since socket paths are limited to ~100 bytes."""
    path = tmp_path / "corpus" / "sock"
    path.parent.mkdir(exist_ok=True)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
    except OSError as error:
        server.close()
        pytest.skip(f"cannot bind a Unix socket at {path}: {error}")
    yield path
    server.close()


def odd_corpus(folder: Path) -> dict[str, str]:
    """A good article beside one of each odd kind; returns odd entry name -> reason start."""
    folder.mkdir(exist_ok=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "self.txt").symlink_to("self.txt")
    (folder / "ping.md").symlink_to("pong.md")
    (folder / "pong.md").symlink_to("ping.md")
    (folder / "broken.txt").symlink_to("missing-target.txt")
    (folder / "null.txt").symlink_to(os.devnull)
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..")
    return {
        "pipe.txt": "a named pipe (FIFO), not a regular file",
        "self.txt": "symbolic link loop",
        "ping.md": "symbolic link loop",
        "pong.md": "symbolic link loop",
        "broken.txt": "broken symbolic link (to missing-target.txt)",
        "null.txt": "a character device, not a regular file",
        "sub/up": "symbolic link loop (leads back to ",
        "sock": "a socket, not a regular file",
    }


@posix_only
def test_build_reports_each_odd_file_once_and_builds_the_rest(
    tmp_path: Path, unix_socket: Path
) -> None:
    folder = unix_socket.parent
    expected = odd_corpus(folder)
    ledger = tmp_path / "L.db"

    result = run_cli("build", str(folder), "--ledger", str(ledger))

    assert result.returncode == 1, result.stderr
    assert "1 documents (1 extracted" in result.stdout
    assert f"{len(expected)} inputs skipped" in result.stdout
    skipped = [line for line in result.stderr.splitlines() if "skipped" in line]
    assert len(skipped) == len(expected), result.stderr
    for name, reason in expected.items():
        [line] = [line for line in skipped if f"{folder / name}: " in line]
        assert reason in line
    assert "Traceback" not in result.stderr


@posix_only
def test_odd_files_named_directly_are_problems_not_hangs(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    expected = {
        str(folder / name): reason
        for name, reason in odd_corpus(folder).items()
        if name not in ("sock", "sub/up")  # no socket here; a link to a folder is walked
    }

    found = discover(list(expected))

    assert found.files == []
    assert {problem.where: problem.reason for problem in found.problems} == expected


@posix_only
def test_folder_reached_twice_through_links_is_walked_once(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "a.txt").write_text(GOOD, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "first").symlink_to(shared)
    (corpus / "second").symlink_to(shared)
    (corpus / "same.txt").symlink_to(shared / "a.txt")
    (shared / "back").symlink_to(corpus)  # corpus -> first -> back -> corpus

    found = discover([str(corpus)])

    assert found.files == [str(corpus / "first" / "a.txt")]
    [loop] = found.problems
    assert loop.where == str(corpus / "first" / "back")
    assert loop.reason == f"symbolic link loop (leads back to {corpus})"


def test_a_folder_that_cannot_be_listed_is_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests may run as root, whom permissions do not stop: make listing fail instead.
    (tmp_path / "locked").mkdir()
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = discover([str(tmp_path)])
    assert found.files == [str(tmp_path / "good.txt")]
    assert [str(problem) for problem in found.problems] == [
        f"{tmp_path / 'locked'}: cannot list folder (permission denied)"
    ]


@posix_only
def test_hostile_file_name_gets_one_escaped_problem_line(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / HOSTILE_NAME).write_bytes(b"")  # empty: skipped, so its name is printed
    os.mkfifo(folder / f"pipe{HOSTILE_NAME}")

    result = run_cli("build", str(folder), "--ledger", str(tmp_path / "L.db"))

    assert result.returncode == 1, result.stderr
    assert "\x1b" not in result.stderr + result.stdout
    assert "\u202e" not in result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("consilience: ")]
    shown = printable(str(folder / HOSTILE_NAME))
    assert f"consilience: skipped {shown}: empty file" in skipped
    assert any(line.startswith(f"consilience: skipped {folder}/pipe") for line in skipped)
    assert len(skipped) == 2, result.stderr
    assert "\\n" in shown and "\\x1b[2J" in shown and "\\u202e" in shown


def test_printable_escapes_controls_and_keeps_letters() -> None:
    assert printable("Zürich, Кыїв, 東京, مرحبا — ok") == "Zürich, Кыїв, 東京, مرحبا — ok"
    assert printable("a\nb\rc\td") == "a\\nb\\rc\\td"
    assert printable("\x1b[31mred\x1b[0m") == "\\x1b[31mred\\x1b[0m"
    assert printable("\x00\x7f\x85\x9b") == "\\x00\\x7f\\u0085\\u009b"
    assert printable("exe\u202etxt\u2066\u200f") == "exe\\u202etxt\\u2066\\u200f"
    assert printable("line\u2028para\u2029") == "line\\u2028para\\u2029"
    # An undecodable byte of a POSIX file name, as os.fsdecode holds it.
    assert printable(os.fsdecode(b"caf\xe9.txt")) == "caf\\xe9.txt"
    assert str(IngestProblem("a\nb.txt", "bad\x1b[2J")) == "a\\nb.txt: bad\\x1b[2J"


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file names must be UTF-8")
def test_undecodable_file_name_does_not_crash_the_build(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / os.fsdecode(b"bad\xff.txt")).write_bytes(b"\x89PNG\r\n\x1a\n")

    result = run_cli("build", str(folder), "--ledger", str(tmp_path / "L.db"))

    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"consilience: skipped {folder}/bad\\xff.txt: binary file" in result.stderr


def test_show_prints_markup_and_controls_in_metadata_literally(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "hail.txt").write_text(GOOD, encoding="utf-8")
    title = "[bold red]Hail\x1b[2J[/] :warning: \u202eLLIP"
    publisher = "[link=https://x.invalid]Pub\r\nLine[/link]"
    sidecar = {"title": title, "publisher": publisher}
    (folder / "hail.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    ledger = tmp_path / "L.db"
    assert run_cli("build", str(folder), "--ledger", str(ledger)).returncode == 0

    result = run_cli("show", str(ledger))

    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "[bold red]Hail\\x1b[2J[/] :warning: \\u202eLLIP" in result.stdout
    assert "[link=https://x.invalid]Pub\\r\\nLine[/link]" in result.stdout
    assert "\u26a0" not in result.stdout  # the emoji code stays text


def example_texts() -> list[Path]:
    folder = Path(__file__).resolve().parents[1] / "examples"
    return sorted(path for path in folder.iterdir() if path.suffix in (".txt", ".md", ".html"))


def document_of(path: Path) -> Document:
    items = list(ingest_file(str(path)))
    assert not [item for item in items if isinstance(item, IngestProblem)], items
    [document] = [item for item in items if isinstance(item, Document)]
    return document


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("original", example_texts(), ids=lambda path: path.name)
def test_utf16_without_bom_reads_as_its_utf8_original(
    tmp_path: Path, original: Path, encoding: str
) -> None:
    copy = tmp_path / original.name
    copy.write_bytes(original.read_text(encoding="utf-8").encode(encoding))
    sidecar = original.with_suffix(".meta.json")
    if sidecar.exists():
        shutil.copy(sidecar, tmp_path)

    document = document_of(copy)
    expected = document_of(original)

    assert document.encoding == encoding
    assert document.text == expected.text
    assert document.title == expected.title
    assert document.id == expected.id


def test_utf16_without_bom_in_other_scripts() -> None:
    text = "Паводок у Марроубі: 41 загиблий, 112 поранених.\nΠλημμύρα στο Μάροουμπι.\n"
    for encoding in ("utf-16-le", "utf-16-be"):
        assert decode_bytes(text.encode(encoding)) == (text, encoding)


_NOT_SURROGATES = [*range(0x100, 0xD800), *range(0xE000, 0x10000)]


def binary_samples() -> dict[str, bytes]:
    rng = random.Random(12)
    text = GOOD.encode("utf-16-le")
    quiet_audio = array.array("h", (int(90 * math.sin(i / 7)) for i in range(4000))).tobytes()
    return {
        "random bytes": bytes(rng.randrange(256) for _ in range(4000)),
        "little-endian 16-bit counters": array.array("H", range(2000)).tobytes(),
        "32-bit integers": array.array("i", (rng.randrange(90) for _ in range(1000))).tobytes(),
        "quiet 16-bit audio": quiet_audio,
        "compiled Python": importlib.util.MAGIC_NUMBER
        + marshal.dumps(compile(Path(__file__).read_text(encoding="utf-8"), "t", "exec")),
        "UTF-16 text with a binary block": text
        + bytes(rng.randrange(256) for _ in range(400))
        + text,
        # Units no decoder refuses (no surrogates) but mostly unassigned or private use.
        "UTF-16 text with a block of random code units": text
        + array.array("H", (rng.choice(_NOT_SURROGATES) for _ in range(300))).tobytes()
        + text,
        "UTF-16 text of control characters": "".join(chr(i) for i in range(1, 32)).encode(
            "utf-16-le"
        )
        * 10,
        "UTF-16 text cut mid-character": text + b"A",
    }


@pytest.mark.parametrize("name", sorted(binary_samples()))
def test_binary_with_nul_bytes_stays_rejected(tmp_path: Path, name: str) -> None:
    data = binary_samples()[name]
    assert b"\x00" in data
    with pytest.raises(InputRejected, match="^binary file"):
        decode_bytes(data)


def test_a_real_wav_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "clip.txt"
    with wave.open(str(path), "wb") as clip:
        clip.setnchannels(1)
        clip.setsampwidth(2)
        clip.setframerate(8000)
        clip.writeframes(array.array("h", (int(60 * math.sin(i / 5)) for i in range(8000))))
    [problem] = [item for item in ingest_file(str(path)) if isinstance(item, IngestProblem)]
    assert problem.reason.startswith("binary file")


@posix_only
def test_extract_on_a_named_pipe_says_so_instead_of_waiting(tmp_path: Path) -> None:
    pipe = tmp_path / "p.txt"
    os.mkfifo(pipe)
    result = run_cli("extract", str(pipe))
    assert result.returncode == 1
    assert f"consilience: skipped {pipe}: a named pipe (FIFO), not a regular file" in result.stderr
    [problem] = [item for item in ingest_file(str(pipe)) if isinstance(item, IngestProblem)]
    assert problem.reason.startswith("a named pipe")
