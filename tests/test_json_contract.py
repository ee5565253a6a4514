"""The JSON contract: it validates against its schema, spans hold, and output is deterministic."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from consilience import Ledger

from .conftest import EXAMPLES, ROOT, run_cli

SCHEMA = json.loads(
    (ROOT / "src" / "consilience" / "schema" / "consilience-1.schema.json").read_text()
)
TOP_KEYS = ["schema", "documents", "entities", "figures", "dates", "events", "quotes", "slots",
            "reuse", "timeline", "actors"]  # fmt: skip


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
    assert record["schema"] == "consilience/1"
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
    for kind in ("entities", "figures", "dates", "events", "quotes"):
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
