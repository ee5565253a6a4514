"""The JSON contract: it validates against its schema, spans hold, and output is deterministic."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from consilience import Ledger
from consilience.extract.claims import DocumentClaims, FigureClaim, IncidentClaim

from .conftest import EXAMPLES, ROOT, run_cli, text_document

SCHEMA = json.loads(
    (ROOT / "src" / "consilience" / "schema" / "consilience-2.schema.json").read_text()
)
TOP_KEYS = ["schema", "documents", "entities", "figures", "dates", "statements", "incidents",
            "quotes", "slots", "events", "reuse", "timeline", "actors"]  # fmt: skip


def build_and_export(corpus: Path, ledger: Path) -> str:
    assert run_cli("build", str(corpus), "--ledger", str(ledger)).returncode == 0
    result = run_cli("export", str(ledger), "--format", "json")
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_and_export(EXAMPLES, tmp_path_factory.mktemp("export") / "l.db")


def test_export_validates_against_the_schema(exported: str) -> None:
    record = json.loads(exported)
    jsonschema.validate(record, SCHEMA)
    assert list(record) == TOP_KEYS
    assert record["schema"] == "consilience/2"
    assert len(record["documents"]) == 6 and record["entities"]


def test_schema_rejects_a_claim_without_its_span(exported: str) -> None:
    record = json.loads(exported)
    del record["entities"][0]["start"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, SCHEMA)


def test_every_span_is_the_document_text_it_claims(tmp_path: Path, examples_dir: Path) -> None:
    ledger_path = tmp_path / "l.db"
    record = json.loads(build_and_export(examples_dir, ledger_path))
    with Ledger(ledger_path, create=False) as ledger:
        texts = {d["id"]: ledger.document_text(d["id"]) for d in record["documents"]}
    for kind in ("entities", "figures", "dates", "statements", "incidents", "quotes"):
        for claim in record[kind]:
            assert texts[claim["doc"]][claim["start"] : claim["end"]] == claim["text"]


def test_plain_text_offsets_apply_to_the_file_on_disk(tmp_path: Path, examples_dir: Path) -> None:
    record = json.loads(build_and_export(examples_dir, tmp_path / "l.db"))
    paths = {d["id"]: Path(d["path"]) for d in record["documents"] if d["format"] == "text"}
    checked = 0
    for claim in record["entities"]:
        if claim["doc"] in paths:
            on_disk = paths[claim["doc"]].read_text(encoding="utf-8")
            assert on_disk[claim["start"] : claim["end"]] == claim["text"]
            checked += 1
    assert checked > 5


def test_same_inputs_give_byte_identical_json(tmp_path: Path, examples_dir: Path) -> None:
    first = build_and_export(examples_dir, tmp_path / "one.db")
    second = build_and_export(examples_dir, tmp_path / "two.db")
    assert first == second
    # Rebuilding over an existing ledger gives the same bytes as building it fresh.
    assert build_and_export(examples_dir, tmp_path / "one.db") == first


def test_extract_prints_one_document_in_the_same_contract(examples_dir: Path) -> None:
    result = run_cli("extract", str(examples_dir / "marrowby-courier.txt"))
    assert result.returncode == 0, result.stderr
    record: dict[str, Any] = json.loads(result.stdout)
    jsonschema.validate(record, SCHEMA)
    assert list(record) == ["schema", "document", *TOP_KEYS[2:]]
    assert record["document"]["publisher"] == "The Marrowby Courier"
    text = (examples_dir / "marrowby-courier.txt").read_text()
    for claim in record["entities"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]
    assert run_cli("extract", str(examples_dir / "marrowby-courier.txt")).stdout == result.stdout


def test_extract_jsonl_prints_one_line_per_document(examples_dir: Path) -> None:
    result = run_cli("extract", str(examples_dir / "radio-kelvara.jsonl"))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    for line in lines:
        jsonschema.validate(json.loads(line), SCHEMA)


def test_extract_published_flag_sets_the_document_date(examples_dir: Path) -> None:
    result = run_cli(
        "extract", str(examples_dir / "harbour-gazette.txt"), "--published", "2023-10-19"
    )
    assert json.loads(result.stdout)["document"]["published"] == "2023-10-19"
    bad = run_cli("extract", str(examples_dir / "harbour-gazette.txt"), "--published", "19/10/2023")
    assert bad.returncode == 2 and "not YYYY-MM-DD" in bad.stderr


def test_incidents_and_events_fit_the_schema(tmp_path: Path) -> None:
    text = "A flood hit Keldby on 3 May 2031. At least 12 people were killed."
    document = text_document(text, published="2031-05-04")
    doc = document.id
    flood = IncidentClaim(
        id=f"{doc}-i0", doc=doc, start=0, end=32, text=text[:32], kind="flood",
        trigger="flood", trigger_start=2, trigger_end=7, name=None, places=["Keldby"],
        place_ids=[], date="2031-05-03", mod=None, date_text="3 May 2031",
        date_source="text", ongoing=False,
    )  # fmt: skip
    at = text.index("At least")
    killed = FigureClaim(
        id=f"{doc}-f0", doc=doc, start=at, end=len(text) - 1, text=text[at:-1],
        number_text="At least 12", number_start=at, number_end=at + 11, value=12, low=12,
        high=None, qualifier="at_least", measure="killed", subject="people",
        subject_inherited=False, trigger="killed", implicit=False, place=["Keldby"],
        place_inherited=True, time="2031-05-03", time_inherited=True, attribution=None,
        modality="asserted", incident=flood.id,
    )  # fmt: skip
    event = {
        "id": "event-0", "kind": "flood", "label": "flood, Keldby, 3 May 2031", "name": None,
        "places": [{"name": "Keldby", "id": None, "level": "city", "country": "XK",
                    "region": None, "within": [], "latitude": None, "longitude": None}],
        "date": {"value": "2031-05-03", "mod": None, "start": "2031-05-03", "end": "2031-05-03"},
        "ongoing": False, "first_reported": "2031-05-04", "last_reported": "2031-05-04",
        "documents": [doc], "sources": 1, "independent_sources": 1, "mentions": [flood.id],
        "slots": ["slot-0"],
        "tolls": {"killed": {"slot": "slot-0", "best": 12, "low": 12, "high": None,
                             "latest": 12, "claims": [killed.id]}},
    }  # fmt: skip
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.write_document(DocumentClaims(document, figures=[killed], incidents=[flood]), "t")
        ledger.replace_results("events", [event])
        record = ledger.to_dict()
        # The incident's own kind does not hide which kind of claim it is.
        assert ledger.claim(flood.id) == {
            **flood.to_dict(),
            "kind": "incidents",
            "incident_kind": "flood",
        }
    assert list(record) == TOP_KEYS
    assert record["incidents"] == [flood.to_dict()] and record["events"] == [event]
    assert record["figures"][0]["incident"] == flood.id
    record["figures"][0]["event"] = event["id"]
    jsonschema.validate(record, SCHEMA)
    for broken in ({"date_source": "guessed"}, {"ongoing": None}, {"trigger_end": -1}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(
                {**record, "incidents": [{**record["incidents"][0], **broken}]}, SCHEMA
            )
    del record["events"][0]["tolls"]["killed"]["slot"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, SCHEMA)
