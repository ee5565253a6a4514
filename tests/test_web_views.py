"""The web UI's answer-first pages: headlines on the overview and the slot pages, values
as stated, the reuse page and the claim cards the panel shows, on the example corpus."""

from __future__ import annotations

import html
import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from consilience.api import build
from consilience.store import Ledger
from tests.conftest import EXAMPLES

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx's successor
    from fastapi.testclient import TestClient

from consilience.present.web import create_app

TEST_HOST = "testserver"


@pytest.fixture(scope="module")
def ledger_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web-views") / "example.db"
    build([str(EXAMPLES)], path).close()
    return path


@pytest.fixture(scope="module")
def client(ledger_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ledger_path, allowed_hosts=[TEST_HOST])) as test_client:
        yield test_client


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_overview_and_slot_page_open_on_the_headline(client: TestClient, ledger_path: Path) -> None:
    with Ledger(ledger_path, readonly=True) as ledger:
        event = ledger.events()[0]
        killed = next(s for s in ledger.slots() if s["measure"] == "killed")
    overview = _text(client.get("/").text)
    assert "In brief" in overview
    told = event["headline"].removeprefix(event["label"] + ": ")
    assert " ".join(told.split()) in overview
    slot_page = client.get(f"/slots/{killed['id']}").text
    assert " ".join(killed["headline"].split()) in _text(slot_page)
    assert 'class="stated-row' in slot_page


def test_slot_page_lists_each_stated_form_with_source_and_date(
    client: TestClient, ledger_path: Path
) -> None:
    with Ledger(ledger_path, readonly=True) as ledger:
        killed = next(s for s in ledger.slots() if s["measure"] == "killed")
        claims = [ledger.claim(c) for c in killed["claims"] if c not in killed["parts"]]
    page = client.get(f"/slots/{killed['id']}").text
    rows = re.findall(r'<tr class="stated-row.*?</tr>', page, re.S)
    forms = {(c["number_text"].lower(), c["doc"]) for c in claims if c is not None}
    assert len(rows) == len(forms)
    for row in rows:
        cells = [_text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        assert cells[1] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", cells[3]), cells


def test_reuse_page_lists_pairs_with_passages(client: TestClient, ledger_path: Path) -> None:
    with Ledger(ledger_path, readonly=True) as ledger:
        link = ledger.reuse()[0]
        a_text = ledger.document(link["a"])["text"]  # type: ignore[index]
    page = client.get("/reuse")
    assert page.status_code == 200
    passage = link["passages"][0]
    shared = a_text[passage["a_start"] : passage["a_end"]]
    assert " ".join(shared.split()) in _text(page.text)


def test_document_page_carries_claim_cards_with_citations(
    client: TestClient, ledger_path: Path
) -> None:
    with Ledger(ledger_path, readonly=True) as ledger:
        killed = next(s for s in ledger.slots() if s["measure"] == "killed")
        claim = ledger.claim(killed["claims"][0])
    assert claim is not None
    page = client.get(f"/documents/{claim['doc']}").text
    data = re.search(r'<script type="application/json" id="claim-cards">(.*?)</script>', page, re.S)
    assert data is not None
    cards = json.loads(data.group(1))
    card = cards[claim["id"]]
    assert card["slot"]["id"] == killed["id"]
    assert card["cite"]["wikipedia"].startswith("{{cite news")
    assert claim["text"] in card["cite"]["wikipedia"]
