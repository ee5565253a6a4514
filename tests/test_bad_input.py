"""Bad input gets one clear line naming the file and the problem; the rest still builds."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from consilience import Ledger
from consilience.ingest import Document, IngestProblem, ingest_file

from .conftest import run_cli

GOOD = "Hailstorm in Pellin\nA hailstorm damaged 30 roofs in Pellin on Friday, firemen said.\n"


def problems_of(path: Path, **kwargs: object) -> list[IngestProblem]:
    items = list(ingest_file(str(path), **kwargs))  # type: ignore[arg-type]
    assert not any(isinstance(item, Document) for item in items)
    return [item for item in items if isinstance(item, IngestProblem)]


def random_bytes(size: int, seed: int, allow_nul: bool = True) -> bytes:
    rng = random.Random(seed)
    low = 0 if allow_nul else 1
    return bytes(rng.randrange(low, 256) for _ in range(size))


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\t\n", "empty file (whitespace only)"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "binary file (a PNG image), not text"),
        (
            "nul.txt",
            b"Some text\x00with a NUL byte inside.\n",
            "binary file (contains NUL bytes), not text",
        ),
        ("noise.txt", random_bytes(4000, seed=7, allow_nul=False), "undecodable"),
        (
            "report.html",
            b"<html><body><script>var a = 1;</script></body></html>",
            "no article text",
        ),
    ],
)
def test_each_bad_file_gets_its_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    [problem] = problems_of(path)
    assert problem.where == str(path)
    assert problem.reason.startswith(reason)
    assert "\n" not in str(problem)


def test_legacy_encoding_falls_back_to_a_detected_one(tmp_path: Path) -> None:
    text = "Le maire a déclaré que 14 élèves ont été blessés près de l'école Sainte-Hélène.\n" * 3
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("cp1252"))
    [document] = [item for item in ingest_file(str(path)) if isinstance(item, Document)]
    assert document.text == text
    assert document.encoding == "cp1252"


def test_cyrillic_legacy_encoding_is_detected(tmp_path: Path) -> None:
    text = "Мэр сообщил, что возле школы пострадали 14 учеников, а дорога закрыта.\n" * 3
    path = tmp_path / "cyrillic.txt"
    path.write_bytes(text.encode("cp1251"))
    [document] = [item for item in ingest_file(str(path)) if isinstance(item, Document)]
    assert document.text == text


def test_oversized_file_is_skipped_with_the_limit_named(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    [problem] = problems_of(path, max_bytes=1000)
    assert "5,000 bytes, over the 1,000-byte limit" in problem.reason


def test_malformed_jsonl_lines_are_reported_and_the_rest_kept(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"text": "Good line one: 3 injured."})
        + "\n"
        + '{"text": "unterminated\n'
        + "[1, 2]\n"
        + json.dumps({"title": "no text"})
        + "\n"
        + json.dumps({"text": "x", "published": "yesterday"})
        + "\n"
        + json.dumps({"text": "Good line six: 5 injured."})
        + "\n"
    )
    items = list(ingest_file(str(path)))
    documents = [item for item in items if isinstance(item, Document)]
    problems = [item for item in items if isinstance(item, IngestProblem)]
    assert [d.text for d in documents] == ["Good line one: 3 injured.", "Good line six: 5 injured."]
    assert [p.where for p in problems] == [f"{path}:{n}" for n in (2, 3, 4, 5)]
    assert "malformed JSON" in problems[0].reason
    assert "expected a JSON object, got list" in problems[1].reason
    assert "no 'text' string" in problems[2].reason
    assert "not YYYY-MM-DD" in problems[3].reason


def test_jsonl_line_over_the_limit_is_skipped_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"text": "y" * 5000}) + "\n" + json.dumps({"text": "Small one."}) + "\n"
    )
    items = list(ingest_file(str(path), max_bytes=1000))
    assert [item.text for item in items if isinstance(item, Document)] == ["Small one."]
    [problem] = [item for item in items if isinstance(item, IngestProblem)]
    assert problem.where == f"{path}:1" and "over the 1,000-byte limit" in problem.reason


def test_malformed_sidecar_names_the_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(GOOD)
    (tmp_path / "story.meta.json").write_text('{"publisher": "Oops",}')
    [problem] = problems_of(path)
    assert "sidecar story.meta.json: malformed JSON" in problem.reason


def make_corpus_with_bad_files(root: Path) -> None:
    (root / "good-one.txt").write_text(GOOD)
    (root / "good-two.md").write_text("# Flood in Arve\n\nThe river flooded 12 farms near Arve.\n")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(random_bytes(3000, seed=3))
    (root / "nul.txt").write_bytes(b"text\x00text")
    (root / "bad.jsonl").write_text('{"text": "Fine line about 2 ships."}\n{not json}\n')


def test_cli_reports_one_line_per_bad_input_and_builds_the_rest(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make_corpus_with_bad_files(corpus)
    ledger = tmp_path / "l.db"
    result = run_cli("build", str(corpus), "--ledger", str(ledger), "--max-bytes", "100000")
    assert result.returncode == 1
    skipped = [
        line for line in result.stderr.splitlines() if line.startswith("consilience: skipped")
    ]
    assert len(skipped) == 4, result.stderr
    for name in ("empty.txt", "binary.txt", "nul.txt", "bad.jsonl:2"):
        assert any(name in line for line in skipped), (name, skipped)
    assert "4 inputs skipped" in result.stdout
    with Ledger(ledger, create=False) as opened:
        paths = sorted(Path(d["path"]).name for d in opened.documents())
    assert paths == ["bad.jsonl#1", "good-one.txt", "good-two.md"]


def test_a_file_turned_bad_keeps_what_the_ledger_held(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(GOOD)
    (corpus / "b.jsonl").write_text('{"text": "Line one about 4 trucks."}\n{"text": "Line two."}\n')
    ledger = tmp_path / "l.db"
    assert run_cli("build", str(corpus), "--ledger", str(ledger)).returncode == 0
    with Ledger(ledger, create=False) as opened:
        before = opened.to_json()
    (corpus / "a.txt").write_bytes(b"\x00\x01\x02 broken")
    (corpus / "b.jsonl").write_text('{"text": "Line one about 4 trucks."}\n{broken\n')
    result = run_cli("build", str(corpus), "--ledger", str(ledger))
    assert result.returncode == 1
    with Ledger(ledger, create=False) as opened:
        assert opened.to_json() == before


def test_missing_path_and_unsupported_file_are_reported(tmp_path: Path, examples_dir: Path) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(examples_dir, corpus)
    (tmp_path / "slides.pdf").write_bytes(b"%PDF-1.4")
    result = run_cli(
        "build",
        str(corpus),
        str(tmp_path / "nope.txt"),
        str(tmp_path / "slides.pdf"),
        "--ledger",
        str(tmp_path / "l.db"),
    )
    assert result.returncode == 1
    assert (
        f"consilience: skipped {tmp_path / 'nope.txt'}: no such file or directory" in result.stderr
    )
    assert "unsupported format (.pdf)" in result.stderr
    assert "6 documents" in result.stdout


def test_a_file_that_is_not_a_ledger_is_refused_clearly(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 50)
    result = run_cli("show", str(bogus))
    assert result.returncode == 3  # a ledger problem (README, "Bad inputs")
    assert result.stderr.strip().count("\n") == 0
    assert "not a consilience ledger" in result.stderr
    assert bogus.read_text().startswith("these are my notes")
