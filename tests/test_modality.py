"""A figure's `modality`: a projection ("the toll could rise to 40") is kept as a claim in
the ledger, every export and every view, marked as such, and is never a count in
alignment: no slot holds it, so it is never a best value, never in a toll and never makes
a verdict conflicting. Two reports of our own about a fictional event in Orvik, their
figure claims written as the extractor writes them, go through a real ledger and the real
align stage."""

from __future__ import annotations

import csv
import io
import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pyarrow.parquet as pq
import pytest

from consilience.align import align
from consilience.align.figures import load_figures
from consilience.align.grouping import group_figures
from consilience.extract import EXTRACTOR_VERSION
from consilience.extract.claims import MODALITIES, DocumentClaims, FigureClaim
from consilience.ingest import Document, Metadata, make_document
from consilience.present.report import render_report
from consilience.present.stated import PROJECTION_NOTE, figure_value_text
from consilience.present.views import document_view
from consilience.scale.partitioned import ClaimsDirectory, ClaimsWriter
from consilience.store import Ledger

from .conftest import ROOT, run_cli

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx's successor
    from fastapi.testclient import TestClient

from consilience.present.web import create_app

SCHEMA = json.loads(
    (ROOT / "src" / "consilience" / "schema" / "consilience-2.schema.json").read_text()
)
STATED = "12 people were killed in Orvik on Tuesday, police said."
PROJECTED = "Officials said the toll in Orvik could rise to 40."
TEST_HOST = "testserver"


def _document(name: str, text: str) -> Document:
    return make_document(
        text=text,
        path=f"{name}.txt",
        source_file=f"{name}.txt",
        format="text",
        encoding="utf-8",
        metadata=Metadata(publisher=name, published="2031-06-04"),
    )


def _figure(
    document: Document, number: str, clause: str, value: int, trigger: str, modality: str
) -> FigureClaim:
    """A killed figure of `document`, its spans found in its text as the extractor's are."""
    text = document.text
    start = text.index(clause)
    at = text.index(number, start)
    return FigureClaim(
        id=f"{document.id}-f0", doc=document.id, start=start, end=start + len(clause),
        text=clause, number_text=number, number_start=at, number_end=at + len(number),
        value=value, low=value, high=value, qualifier="exact", measure="killed",
        subject="people" if "people" in clause else None, subject_inherited=False,
        trigger=trigger, implicit=False, place=["Orvik"], place_inherited=False,
        time=None, time_inherited=False, attribution="police" if "police" in text else
        "Officials", modality=modality, incident=None,
    )  # fmt: skip


def _corpus(modality: str) -> list[DocumentClaims]:
    """The stated report and the projecting one, the second's figure of `modality`."""
    stated, projected = _document("courier", STATED), _document("herald", PROJECTED)
    return [
        DocumentClaims(
            stated,
            figures=[_figure(stated, "12", STATED[:-14], 12, "killed", "asserted")],
        ),
        DocumentClaims(
            projected,
            figures=[
                _figure(projected, "40", "the toll in Orvik could rise to 40", 40, "toll", modality)
            ],
        ),
    ]


def _aligned_ledger(path: Path, modality: str) -> Path:
    with Ledger(path) as ledger:
        for claims in _corpus(modality):
            ledger.write_document(claims, EXTRACTOR_VERSION)
        align(ledger)
    return path


@pytest.fixture(scope="module")
def projected_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _aligned_ledger(tmp_path_factory.mktemp("modality") / "orvik.db", "projection")


def _projection(record: dict[str, Any]) -> dict[str, Any]:
    [figure] = [f for f in record["figures"] if f["modality"] == "projection"]
    return figure


def test_a_projection_round_trips_through_the_ledger_and_the_json_export(
    projected_ledger: Path,
) -> None:
    result = run_cli("export", str(projected_ledger), "--format", "json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    jsonschema.validate(record, SCHEMA)
    projection = _projection(record)
    assert (projection["number_text"], projection["value"]) == ("40", 40)
    assert [f["modality"] for f in record["figures"]] == ["asserted", "projection"]
    # Every figure carries its modality, and the schema knows only the two.
    assert set(MODALITIES) == {"asserted", "projection"}
    broken = {**record, "figures": [{**projection, "modality": "likely"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)
    without = {**projection}
    del without["modality"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**record, "figures": [without]}, SCHEMA)


def test_the_figures_csv_has_a_modality_column(projected_ledger: Path) -> None:
    result = run_cli("export", str(projected_ledger), "--format", "csv", "--table", "figures")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["modality"] for row in rows] == ["asserted", "projection"]


def test_a_projection_is_in_no_slot_and_no_toll(projected_ledger: Path) -> None:
    with Ledger(projected_ledger, readonly=True) as ledger:
        record = ledger.to_dict()
    projection = _projection(record)
    [slot] = [slot for slot in record["slots"] if slot["measure"] == "killed"]
    assert projection["id"] not in slot["claims"]
    assert slot["best"] == 12 and (slot["low"], slot["high"]) == (12, 12)
    assert slot["verdict"] == "single_source"
    assert [value["value"] for value in slot["values"]] == [12]
    for event in record["events"]:
        for toll in event["tolls"].values():
            assert projection["id"] not in toll["claims"]
            assert toll["best"] != 40
    assert any(event["tolls"].get("killed", {}).get("best") == 12 for event in record["events"])


def test_the_same_figure_asserted_would_conflict(tmp_path: Path) -> None:
    """The control: asserted, the 40 is a rival answer, and the slot is disputed."""
    with Ledger(_aligned_ledger(tmp_path / "asserted.db", "asserted"), readonly=True) as ledger:
        record = ledger.to_dict()
    [slot] = [slot for slot in record["slots"] if slot["measure"] == "killed"]
    assert sorted(value["value"] for value in slot["values"]) == [12, 40]
    assert slot["verdict"] == "conflicting"


def test_grouping_leaves_projections_out() -> None:
    claims = [figure.to_dict() for corpus in _corpus("projection") for figure in corpus.figures]
    figures = list(load_figures(claims, {claim["doc"]: "2031-06-04" for claim in claims}))
    assert [figure.projection for figure in figures] == [False, True]
    groups = group_figures(figures, {})
    assert [[figure.value for figure in group] for group in groups] == [[12]]
    # A figure stored before figures had a modality reads as asserted.
    old = [{k: v for k, v in claim.items() if k != "modality"} for claim in claims]
    assert not any(figure.projection for figure in load_figures(old, {}))


def test_the_claims_directory_has_a_modality_column(tmp_path: Path) -> None:
    out = tmp_path / "claims"
    writer = ClaimsWriter(out, EXTRACTOR_VERSION)
    for claims in _corpus("projection"):
        writer.write_document(claims, EXTRACTOR_VERSION)
    writer.commit()
    table = pq.read_table(next((out / "figures").glob("part-*.parquet")))
    assert sorted(table["modality"].to_pylist()) == ["asserted", "projection"]
    with Ledger(tmp_path / "same.db") as ledger:
        for claims in _corpus("projection"):
            ledger.write_document(claims, EXTRACTOR_VERSION)
        assert ClaimsDirectory(out).figures() == ledger.figures()


def test_views_mark_a_projection(projected_ledger: Path) -> None:
    with Ledger(projected_ledger, readonly=True) as ledger:
        projection = _projection(ledger.to_dict())
        view = document_view(ledger, projection["doc"])
        assert view is not None and view["projections"] == [projection["id"]]
        html = render_report(ledger)
    assert figure_value_text(projection) == f"40 {PROJECTION_NOTE}"
    assert figure_value_text({**projection, "modality": "asserted"}) == "40"
    assert f'data-projections="{projection["id"]}"' in html
    assert 'class="k-figures projection' in html


@pytest.fixture(scope="module")
def client(projected_ledger: Path) -> Iterator[TestClient]:
    with TestClient(create_app(projected_ledger, allowed_hosts=[TEST_HOST])) as test_client:
        yield test_client


def test_the_web_document_page_marks_a_projection(
    client: TestClient, projected_ledger: Path
) -> None:
    with Ledger(projected_ledger, readonly=True) as ledger:
        projection = _projection(ledger.to_dict())
        stated = next(f for f in ledger.figures() if f["modality"] == "asserted")
    page = client.get(f"/documents/{projection['doc']}")
    assert page.status_code == 200
    assert f"<td>40 {PROJECTION_NOTE}</td>" in page.text
    assert f'data-projections="{projection["id"]}"' in page.text
    other = client.get(f"/documents/{stated['doc']}")
    assert "<td>12</td>" in other.text and "data-projections=" not in other.text
    api = client.get("/api/figures?measure=killed").json()
    assert sorted(item["modality"] for item in api["items"]) == ["asserted", "projection"]


def test_the_report_panel_names_a_projection(projected_ledger: Path, tmp_path: Path) -> None:
    from tests.browser import browser_page

    with Ledger(projected_ledger, readonly=True) as ledger:
        record = ledger.to_dict()
        report = tmp_path / "report.html"
        report.write_text(render_report(ledger), encoding="utf-8")
    projection = _projection(record)
    stated = next(f for f in record["figures"] if f["modality"] == "asserted")
    with browser_page() as (page, _):
        page.goto(report.as_uri() + f"#claim-{projection['id']}")
        panel = page.locator("#claim-panel")
        assert PROJECTION_NOTE in panel.inner_text()
        page.goto(report.as_uri() + f"#claim-{stated['id']}")
        page.reload()  # a new fragment alone loads nothing
        shown = page.locator("#claim-panel").inner_text()
        assert "12 people were killed" in shown and PROJECTION_NOTE not in shown
