"""The command line: help with examples everywhere, and the build, show and export tour."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from .conftest import run_cli


@pytest.mark.parametrize("command", ["build", "extract", "export", "show"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert "Example" in result.stdout
    assert f"consilience {command}" in result.stdout


def test_build_show_export_tour(tmp_path: Path, examples_dir: Path) -> None:
    ledger = tmp_path / "tour.db"
    built = run_cli("build", str(examples_dir), "--ledger", str(ledger))
    assert built.returncode == 0, built.stderr
    assert "6 documents (6 extracted, 0 unchanged, 0 removed), 0 inputs skipped" in built.stdout
    # Not a terminal: one plain line per document instead of a progress bar.
    assert built.stderr.count("extracted ") == 6

    again = run_cli("build", str(examples_dir), "--ledger", str(ledger))
    assert "(0 extracted, 6 unchanged, 0 removed)" in again.stdout

    shown = run_cli("show", str(ledger))
    assert shown.returncode == 0
    for expected in ("6 documents", "The Marrowby Courier", "2023-10-16", "entities"):
        assert expected in shown.stdout

    tables = tmp_path / "tables"
    exported = run_cli("export", str(ledger), "--format", "csv", "-o", str(tables))
    assert exported.returncode == 0
    assert sorted(p.name for p in tables.iterdir()) == sorted(
        f"{name}.csv"
        for name in (
            "documents",
            "entities",
            "figures",
            "dates",
            "statements",
            "incidents",
            "quotes",
            "slots",
            "events",
            "slot_values",
            "reuse",
            "timeline",
            "actors",
        )
    )
    documents = list(csv.DictReader((tables / "documents.csv").open(encoding="utf-8")))
    assert len(documents) == 6
    assert {row["publisher"] for row in documents} >= {"Radio Kelvara", "The Harbour Gazette"}
    with (tables / "figures.csv").open(encoding="utf-8") as handle:
        figures = list(csv.DictReader(handle))
    assert list(figures[0])[:9] == [
        "id",
        "doc",
        "start",
        "end",
        "text",
        "number_text",
        "number_start",
        "number_end",
        "value",
    ]
    assert {row["measure"] for row in figures} >= {"killed", "wounded"}
    with (tables / "dates.csv").open(encoding="utf-8") as handle:
        dates = list(csv.DictReader(handle))
    assert list(dates[0])[:9] == [
        "id",
        "doc",
        "start",
        "end",
        "text",
        "type",
        "value",
        "mod",
        "anchor",
    ]
    assert "2023-10-15" in {row["value"] for row in dates}
    with (tables / "quotes.csv").open(encoding="utf-8") as handle:
        assert handle.readline().strip().startswith("id,doc,start,end,text,type,content")

    one = run_cli("export", str(ledger), "--format", "csv", "--table", "entities")
    rows = list(csv.DictReader(io.StringIO(one.stdout)))
    assert rows and set(rows[0]) == {"id", "doc", "start", "end", "text", "label"}


def test_build_flags_override_metadata(tmp_path: Path, examples_dir: Path) -> None:
    ledger = tmp_path / "l.db"
    result = run_cli(
        "build",
        str(examples_dir / "harbour-gazette.txt"),
        "--ledger",
        str(ledger),
        "--publisher",
        "Override Press",
        "--title",
        "Given title",
        "--published",
        "2023-11-01",
    )
    assert result.returncode == 0
    shown = run_cli("export", str(ledger), "--format", "csv", "--table", "documents")
    [row] = list(csv.DictReader(io.StringIO(shown.stdout)))
    assert (row["publisher"], row["title"], row["published"]) == (
        "Override Press",
        "Given title",
        "2023-11-01",
    )


def test_show_and_export_refuse_a_missing_ledger(tmp_path: Path) -> None:
    for args in (("show",), ("export",)):
        result = run_cli(*args, str(tmp_path / "absent.db"))
        assert result.returncode == 3  # a ledger problem (README, "Bad inputs")
        assert "no such ledger" in result.stderr
        assert not (tmp_path / "absent.db").exists()
