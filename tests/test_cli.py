"""The command line: help with examples everywhere, and the build, show and export tour."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from consilience.ingest.problems import printable
from consilience.present.tsv import Section, tsv_text

from .conftest import EXAMPLES, run_cli


@pytest.mark.parametrize("command", ["build", "extract", "export", "show", "cite"])
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


LONG_PUBLISHER = "The Marrowby Courier and Lower Kelvara Valley Evening Post (Estrovia)"
TABBED_TITLE = "Estrovia mourns\tits flood victims \\ a backslash"  # ingest may join the tab
SECTIONS = {
    "headlines": ["kind", "id", "label", "headline"],
    "sources": ["document", "publisher", "published", "claims"],
    "events": [
        "event",
        "kind",
        "date",
        "first",
        "last",
        "reports",
        "indep.",
        "toll: latest (low–high)",
    ],
    "slots": ["measure", "of", "event", "best", "low–high", "verdict", "sources"],
    "conflicts": ["slot", "measure", "of", "verdict", "value", "sources"],
    "explanations": ["slot", "kind", "explanation"],
    "timeline": ["date", "what", "sources"],
    "reuse": ["source", "other source", "score", "shared passages"],
    "totals": ["of", "name", "count"],
}


@pytest.fixture(scope="module")
def long_names_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example corpus, one source with a long publisher and one title holding a tab
    and a backslash (from their .meta.json), built by the command."""
    folder = tmp_path_factory.mktemp("long-names")
    corpus = folder / "examples"
    shutil.copytree(EXAMPLES, corpus)
    courier = json.loads((corpus / "marrowby-courier.meta.json").read_text(encoding="utf-8"))
    courier["publisher"] = LONG_PUBLISHER
    (corpus / "marrowby-courier.meta.json").write_text(json.dumps(courier), encoding="utf-8")
    gazette = {"publisher": "The Harbour Gazette", "title": TABBED_TITLE}
    (corpus / "harbour-gazette.meta.json").write_text(json.dumps(gazette), encoding="utf-8")
    ledger = folder / "long.db"
    built = run_cli("build", str(corpus), "--ledger", str(ledger))
    assert built.returncode == 0, built.stderr
    return ledger


def test_show_to_a_file_or_pipe_cuts_no_value(long_names_ledger: Path) -> None:
    shown = run_cli("show", str(long_names_ledger))  # stdout is a pipe here
    assert shown.returncode == 0, shown.stderr
    record = json.loads(run_cli("show", str(long_names_ledger), "--json").stdout)
    documents = record["overview"]["documents"]
    expected = [document["title"] for document in documents]
    expected += [document["publisher"] for document in documents if document["publisher"]]
    expected += [slot["event"]["label"] for slot in record["slots"] if slot.get("event")]
    expected += [entry["what"] for entry in record["timeline"]]
    assert LONG_PUBLISHER in expected
    lines = shown.stdout.splitlines()
    for value in expected:  # whole, on one line: a reader can grep for it
        assert any(printable(value) in line for line in lines), value
    assert "\t" not in shown.stdout


def test_show_format_tsv_prints_each_table_whole(long_names_ledger: Path) -> None:
    shown = run_cli("show", str(long_names_ledger), "--format", "tsv")
    assert shown.returncode == 0, shown.stderr
    sections: dict[str, list[list[str]]] = {}
    for block in shown.stdout.split("\n\n"):
        title, *lines = block.strip("\n").split("\n")
        assert title.startswith("# ")
        sections[title[2:]] = [line.split("\t") for line in lines]
    assert {name: rows[0] for name, rows in sections.items()} == SECTIONS
    for name, rows in sections.items():
        assert all(len(row) == len(SECTIONS[name]) for row in rows), name

    record = json.loads(run_cli("show", str(long_names_ledger), "--json").stdout)
    sources = {(row[0], row[1], row[2]) for row in sections["sources"][1:]}
    assert sources == {
        (tsv(document["title"]), tsv(document["publisher"]), document["published"])
        for document in record["overview"]["documents"]
    }
    assert any("\\\\ a backslash" in row[0] for row in sections["sources"])
    events = [row[2] for row in sections["slots"][1:]]
    assert events == [slot["event"]["label"] for slot in record["slots"]]
    assert [row[1] for row in sections["timeline"][1:]] == [e["what"] for e in record["timeline"]]
    explanations = sum(len(conflict["explanations"]) for conflict in record["conflicts"])
    assert len(sections["explanations"]) - 1 == explanations  # all of them, not the first 6
    assert "…" not in shown.stdout


def tsv(value: str) -> str:
    """A value as `show --format tsv` writes it: backslash, tab and line break escaped."""
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def test_tsv_keeps_a_value_with_tabs_and_line_breaks_in_its_cell() -> None:
    hostile = "a\tb\nc\\t\x1b[2J"
    text = tsv_text([Section("sources", ("document", "publisher"), [(hostile, "x")])])
    assert text == "# sources\ndocument\tpublisher\na\\tb\\nc\\\\t\\x1b[2J\tx\n"


def test_show_formats_are_checked(long_names_ledger: Path) -> None:
    assert run_cli("show", str(long_names_ledger), "--format", "json").stdout.startswith("{")
    for args in (("--format", "xml"), ("--json", "--format", "tsv")):
        result = run_cli("show", str(long_names_ledger), *args)
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("consilience: ")
