"""The web UI's JSON API and pages, in process, over a ledger built from examples/: status
codes, JSON shapes, unknown ids, path traversal, search syntax, the read-only and security
stance, and that every query behind a request is answered from an index."""

from __future__ import annotations

import html
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator

from consilience.api import build
from consilience.ingest.naming import source_name
from consilience.store import SCHEMA_VERSION, Ledger
from consilience.store.schema import SCHEMA_V4
from tests.conftest import SEEDS, queries_run, run_cli

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx's successor
    from fastapi.testclient import TestClient

from consilience.present.web import create_app

TEST_HOST = "testserver"  # the Host name TestClient sends


@pytest.fixture(scope="module")
def ledger_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "example.db"
    build([str(Path(__file__).resolve().parents[1] / "examples")], path).close()
    return path


@pytest.fixture(scope="module")
def client(ledger_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ledger_path, allowed_hosts=[TEST_HOST])) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def ledger(ledger_path: Path) -> Iterator[Ledger]:
    with Ledger(ledger_path, readonly=True) as opened:
        yield opened


def get_json(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, (url, response.text[:300])
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def test_overview_counts_the_ledger(client: TestClient, ledger: Ledger) -> None:
    overview = get_json(client, "/api/overview")
    assert overview["documents"] == ledger.document_count() == 6
    assert overview["claims"]["figures"] == ledger.claim_count("figures") > 0
    assert overview["results"]["slots"] == ledger.result_count("slots") > 0
    assert overview["published_first"] <= overview["published_last"]
    assert overview["aligned"] is True


def test_slots_are_paged_in_rank_order(client: TestClient, ledger: Ledger) -> None:
    every = ledger.slots()
    page = get_json(client, "/api/slots?limit=2&offset=1")
    assert (page["total"], page["limit"], page["offset"]) == (len(every), 2, 1)
    assert [slot["id"] for slot in page["items"]] == [slot["id"] for slot in every[1:3]]
    assert page["items"][0] == every[1]  # the stored record, whole
    assert get_json(client, "/api/slots?offset=1000")["items"] == []
    for bad in ("limit=0", "limit=501", "offset=-1", "limit=x", "offset=99999999999999999999"):
        get_json(client, f"/api/slots?{bad}", status=422)


def test_slot_detail_resolves_every_claim(client: TestClient, ledger: Ledger) -> None:
    conflicting = next(slot for slot in ledger.slots() if slot["verdict"] == "conflicting")
    detail = get_json(client, f"/api/slots/{conflicting['id']}")
    assert detail["disputed"] is True
    for value in detail["values"]:
        assert [ref["id"] for ref in value["sources"]] == value["claims"]
        for ref in value["sources"]:
            claim = ledger.claim(ref["id"])
            assert claim is not None
            assert ref["text"] == claim["text"] and ref["doc"] == claim["doc"]
            assert ref["label"]  # the source is named
    for explanation in detail["explanations"]:
        assert all(ref["text"] for ref in explanation["claims"])


def test_document_detail_gives_text_claims_and_runs(client: TestClient, ledger: Ledger) -> None:
    listing = get_json(client, "/api/documents?limit=2")
    assert listing["total"] == 6 and len(listing["items"]) == 2
    first = listing["items"][0]
    assert set(first["claims"]) == {
        "entities", "figures", "dates", "statements", "incidents", "quotes",
    }  # fmt: skip
    assert first["claims"]["figures"] == len(ledger.document_claims(first["id"])["figures"])
    detail = get_json(client, f"/api/documents/{first['id']}")
    text = ledger.document_text(first["id"])
    assert detail["text"] == text
    assert detail["document"]["id"] == first["id"] and "text" not in detail["document"]
    assert "".join(run["text"] for run in detail["runs"]) == text
    for kind, claims in detail["claims"].items():
        assert claims == ledger.document_claims(first["id"])[kind]
        for claim in claims:
            assert text[claim["start"] : claim["end"]] == claim["text"]


def test_claim_gives_its_passage(client: TestClient, ledger: Ledger) -> None:
    figure = ledger.figures()[0]
    found = get_json(client, f"/api/claims/{figure['id']}")
    assert found["claim"]["kind"] == "figures" and found["text"] == figure["text"]
    text = ledger.document_text(figure["doc"])
    assert text is not None
    around = found["before"].lstrip("…") + found["text"] + found["after"].rstrip("…")
    assert around in text
    assert found["document"]["id"] == figure["doc"] and found["document"]["label"]


def test_figures_by_measure(client: TestClient, ledger: Ledger) -> None:
    killed = get_json(client, "/api/figures?measure=killed&limit=500")
    expected = [f["id"] for f in ledger.figures() if f["measure"] == "killed"]
    assert expected and sorted(f["id"] for f in killed["items"]) == sorted(expected)
    assert all(f["measure"] == "killed" for f in killed["items"])
    assert get_json(client, "/api/figures?measure=nothing-like-this")["items"] == []
    get_json(client, "/api/figures", status=422)  # which measure is required


def test_timeline_entries_name_their_sources(client: TestClient, ledger: Ledger) -> None:
    page = get_json(client, "/api/timeline?limit=3")
    assert page["total"] == ledger.result_count("timeline") and len(page["items"]) == 3
    for entry in page["items"]:
        assert entry["spans"] and all(span["label"] for span in entry["spans"])
        assert entry["sources"] == sorted({span["label"] for span in entry["spans"]})


def test_search_finds_words_and_marks_them(client: TestClient) -> None:
    found = get_json(client, "/api/search?q=Kelvara+flood")
    assert found["items"]
    for hit in found["items"]:
        words = [hit["snippet"][start:end].lower() for start, end in hit["matches"]]
        # Any form of a word matches ("flooding"): the index stems words.
        assert words and all(word.startswith(("kelvara", "flood")) for word in words)
    assert get_json(client, "/api/search?q=")["items"] == []


@pytest.mark.parametrize(
    "query",
    ['"', '"flood', "flood*", "*", "NEAR(flood", "NEAR(", "-flood", "flood -", "AND OR NOT",
     "title:flood", "^flood", "'; DROP TABLE documents; --", "(", "\\", "%00", "\u202e"],
)  # fmt: skip
def test_search_syntax_characters_are_plain_words(client: TestClient, query: str) -> None:
    assert client.get("/api/search", params={"q": query}).status_code == 200
    assert client.get("/search", params={"q": query}).status_code == 200


UNKNOWN = [
    "/api/slots/no-such-slot",
    "/api/documents/0000000000000000",
    "/api/claims/0000000000000000-f0",
    "/api/claims/not-a-claim",
    "/slots/no-such-slot",
    "/documents/0000000000000000",
]


@pytest.mark.parametrize("url", UNKNOWN)
def test_unknown_ids_are_404(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    if url.startswith("/api/"):
        assert response.json()["detail"].startswith("no ")
    else:
        assert "<h2>404" in response.text


@pytest.mark.parametrize(
    "url",
    [
        "/api/documents/..%2F..%2Fetc%2Fpasswd",
        "/api/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/api/documents/..",
        "/api/documents/../../pyproject.toml",
        "/api/claims/..%2F..%2Fpyproject.toml",
        "/documents/..%2F..%2F..%2Fetc%2Fpasswd",
        "/documents/..%5C..%5Cpyproject.toml",
        "/static/..%2F..%2F..%2Fpyproject.toml",
        "/static/..%2Fapp.py",
        "/static/%2e%2e%2fapp.py",
        "/static/web.css",  # a file in the package, but not one the server serves
    ],
)
def test_no_path_traversal(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "root:" not in response.text and "[build-system]" not in response.text
    assert "import" not in response.text


def test_only_reads_are_allowed(client: TestClient) -> None:
    for method in ("POST", "PUT", "PATCH", "DELETE", "OPTIONS"):
        response = client.request(method, "/api/slots")
        assert response.status_code == 405, method
        assert response.headers["allow"] == "GET, HEAD"
    head = client.head("/api/slots")
    assert head.status_code == 200 and head.content == b""


def test_security_headers_everywhere(client: TestClient) -> None:
    for url in ("/", "/api/slots", "/static/claims.js", "/api/slots/none", "/nowhere"):
        headers = client.get(url).headers
        policy = headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self';" in policy
        assert "unsafe-inline" not in policy and "http" not in policy and "*" not in policy
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_pages_carry_no_inline_script(client: TestClient, ledger: Ledger) -> None:
    doc = ledger.documents()[0]["id"]
    slot = ledger.slots()[0]["id"]
    for url in ("/", "/slots", f"/slots/{slot}", "/documents", f"/documents/{doc}",
                "/timeline", "/search?q=flood"):  # fmt: skip
        html = client.get(url).text
        # Data for the claim panel is a JSON block, which a browser never runs.
        scripts = [
            tag for tag in re.findall(r"<script[^>]*>", html) if "application/json" not in tag
        ]
        assert scripts == ['<script src="/static/claims.js" defer>']
        assert not re.search(r"\son[a-z]+\s*=", html), url  # no inline event handler
        assert not re.search(r"(src|href)=\"(https?:)?//", html), url  # nothing remote
    assert "swagger" not in client.get("/docs").text.lower()
    assert client.get("/openapi.json").json()["paths"]["/api/slots"]


def test_foreign_host_names_are_refused(ledger_path: Path) -> None:
    """A page that rebinds its own name to 127.0.0.1 must not read the ledger."""
    app = create_app(ledger_path)  # the loopback names only
    with TestClient(app, base_url="http://127.0.0.1:8000") as local:
        assert local.get("/api/overview").status_code == 200
        assert local.get("/api/overview", headers={"host": "localhost:8000"}).status_code == 200
        assert local.get("/", headers={"host": "[::1]:8000"}).status_code == 200
        refused = local.get("/api/overview", headers={"host": "attacker.example"})
        assert refused.status_code == 400


class FocusMarks(HTMLParser):
    """Collects the text inside <mark class="... focus"> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "mark" and "focus" in classes:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)


def test_slot_pages_link_claims_to_their_marked_passage(client: TestClient, ledger: Ledger) -> None:
    html = client.get("/slots").text
    links = re.findall(r'href="(/documents/([0-9a-f]+)\?claim=([^"#]+)#claim-\3)"', html)
    assert links
    url, doc, claim_id = links[0]
    claim = ledger.claim(claim_id)
    assert claim is not None and claim["doc"] == doc
    page = client.get(url.replace("&amp;", "&"))
    marks = FocusMarks()
    marks.feed(page.text)
    assert "".join(marks.text) == claim["text"]


def test_pagers_link_to_the_next_page(client: TestClient) -> None:
    html = client.get("/documents?limit=2").text
    assert html.count('class="doc-link"') == 2
    assert 'href="/documents?limit=2&amp;offset=2"' in html
    assert client.get("/documents?limit=2&offset=4").text.count('class="doc-link"') == 2


ALL_ROUTES = [
    "/", "/slots", "/slots/{slot}", "/documents", "/documents/{doc}?claim={claim}",
    "/timeline", "/search?q=flood+river", "/api/overview", "/api/slots", "/api/slots/{slot}",
    "/api/documents?offset=2", "/api/documents/{doc}", "/api/claims/{claim}",
    "/api/figures?measure=killed", "/api/timeline", "/api/search?q=flood",
]  # fmt: skip


def test_every_query_behind_a_request_uses_an_index(client: TestClient, ledger: Ledger) -> None:
    figure = ledger.figures()[0]
    ids = {"slot": ledger.slots()[0]["id"], "doc": figure["doc"], "claim": figure["id"]}
    urls = [route.format(**ids) for route in ALL_ROUTES]
    for url in urls:  # warm: the totals are counted once per state of the ledger
        assert client.get(url).status_code == 200, url
    queries = [s for s in queries_run(client, urls) if s.lstrip().upper().startswith("SELECT")]
    assert len(queries) > len(urls)
    for query in queries:
        plan = [row[3] for row in ledger._db.execute("EXPLAIN QUERY PLAN " + query)]
        full_scans = [
            step
            for step in plan
            if step.startswith("SCAN ")
            and "USING INDEX" not in step
            and "COVERING INDEX" not in step
            and "VIRTUAL TABLE" not in step
        ]
        # Sorting is allowed only over the rows an index search found, never a whole table.
        if "USE TEMP B-TREE FOR ORDER BY" in plan:
            assert any(step.startswith("SEARCH ") for step in plan), (query, plan)
        assert not full_scans, (query, plan)


def test_serve_command_serves_loopback_read_only(ledger_path: Path, tmp_path: Path) -> None:
    missing = run_cli("serve", str(tmp_path / "missing.db"))
    assert missing.returncode == 3  # a ledger problem (README, "Bad inputs")
    assert missing.stderr.strip().splitlines() == [
        f"consilience: {tmp_path / 'missing.db'}: no such ledger"
    ]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "consilience", "serve", str(ledger_path), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/overview", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline
                time.sleep(0.1)
        assert response.status_code == 200 and response.json()["documents"] == 6
        assert httpx.post(f"http://127.0.0.1:{port}/api/slots").status_code == 405
        head = httpx.head(f"http://127.0.0.1:{port}/slots")
        assert head.status_code == 200 and head.content == b""
        assert head.headers["content-type"].startswith("text/html")
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=10)
    assert f"serving {ledger_path} at http://127.0.0.1:{port}/" in stderr


def test_every_record_matches_the_openapi_spec(client: TestClient, ledger: Ledger) -> None:
    """Responses are serialized straight from the ledger, so check every real record (not
    only fuzzed ones) against the shapes /openapi.json promises."""
    spec = client.get("/openapi.json").json()

    def check(route: str, url: str) -> None:
        content = spec["paths"][route]["get"]["responses"]["200"]["content"]
        schema = {**content["application/json"]["schema"], "components": spec["components"]}
        response = client.get(url)
        assert response.status_code == 200, url
        errors = list(Draft202012Validator(schema).iter_errors(response.json()))
        assert not errors, (url, [error.message for error in errors[:3]])

    check("/api/overview", "/api/overview")
    check("/api/slots", "/api/slots?limit=500")
    check("/api/documents", "/api/documents?limit=500")
    check("/api/timeline", "/api/timeline?limit=500")
    check("/api/search", "/api/search?q=flood")
    for slot in ledger.slots():
        check("/api/slots/{slot_id}", f"/api/slots/{slot['id']}")
    for measure in {figure["measure"] for figure in ledger.figures()}:
        check("/api/figures", f"/api/figures?measure={measure}&limit=500")
    for document in ledger.documents():
        check("/api/documents/{doc_id}", f"/api/documents/{document['id']}")
        for claims in ledger.document_claims(document["id"]).values():
            for claim in claims[:3]:
                check("/api/claims/{claim_id}", f"/api/claims/{claim['id']}")


# -- search: word forms, figures by measure and value, ledgers made before stemming -------


@pytest.fixture(scope="module")
def seeds_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}")
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    build([str(SEEDS)], path).close()
    return path


@pytest.fixture(scope="module")
def seeds(seeds_ledger: Path) -> Iterator[tuple[TestClient, Ledger]]:
    with (
        TestClient(create_app(seeds_ledger, allowed_hosts=[TEST_HOST])) as test_client,
        Ledger(seeds_ledger, readonly=True) as opened,
    ):
        yield test_client, opened


def only_other_forms(ledger: Ledger, word: str, form: str) -> set[str]:
    """The documents whose text holds `form` but never `word` itself: only a stemmed
    search for `word` finds them."""
    return {
        doc_id
        for doc_id, text in ledger.iter_texts()
        if re.search(rf"\b{form}\b", text, re.I) and not re.search(rf"\b{word}\b", text, re.I)
    }


def test_search_finds_other_forms_of_a_word(seeds: tuple[TestClient, Ledger]) -> None:
    client, ledger = seeds
    killing_only = only_other_forms(ledger, "killed", "killing")
    assert killing_only  # a seed says "the killing of 147 people" and never "killed"
    found = get_json(client, "/api/search?q=killed")
    assert found["stemmed"] is True
    hits = {hit["id"]: hit for hit in found["items"]}
    for doc_id in killing_only:
        hit = hits[doc_id]
        marked = {hit["snippet"][start:end].lower() for start, end in hit["matches"]}
        assert marked == {"killing"}
        document = ledger.document(doc_id)
        assert document is not None and hit["label"] == source_name(document)
    page = client.get("/search", params={"q": "killed"}).text
    assert "<b>killing</b>" in page and "in any form" in page


def test_figures_are_found_by_measure_and_value(seeds: tuple[TestClient, Ledger]) -> None:
    client, ledger = seeds
    stating = [f for f in ledger.figures() if f["measure"] == "killed" and f["value"] == 147]
    assert len({f["doc"] for f in stating}) >= 2  # several seeds state 147 killed
    found = get_json(client, "/api/search/figures?measure=killed&value=147")
    assert (found["min"], found["max"], found["more"]) == (147, 147, False)
    assert sorted(f["id"] for f in found["items"]) == sorted(f["id"] for f in stating)
    for item in found["items"]:
        document = ledger.document(item["doc"])
        assert document is not None
        assert item["label"] == source_name(document)
        assert item["published"] == document["published"]
        assert item["number_text"] == "147" and item["qualifier"] == "exact"
        assert document["text"][item["start"] : item["end"]] == item["text"]
    # A range, by value: 132 and 147 are below 148, 150 is not; 8 to 82 are below 100.
    ranged = get_json(client, "/api/search/figures?measure=killed&min=100&max=148")
    values = [item["value"] for item in ranged["items"]]
    expected = [f["value"] for f in ledger.figures() if f["measure"] == "killed"]
    assert values == sorted(v for v in expected if v is not None and 100 <= v <= 148)
    assert 132 in values and 150 not in values
    assert get_json(client, "/api/search/figures?measure=wounded&value=147")["items"] == []
    paged = get_json(client, "/api/search/figures?measure=killed&min=100&limit=2")
    assert paged["more"] is True and [i["value"] for i in paged["items"]] == values[:2]


def test_figure_search_page_links_each_claim_to_its_passage(
    seeds: tuple[TestClient, Ledger],
) -> None:
    client, ledger = seeds
    page = client.get("/search", params={"measure": "killed", "value": "147", "min": ""})
    assert page.status_code == 200
    assert '<option value="killed" selected>' in page.text
    assert '<option value="kidnapped"' not in page.text  # no seed figure is of that measure
    links = re.findall(r'href="(/documents/([0-9a-f]+)\?claim=([^"#]+)#claim-\3)"', page.text)
    stating = {f["id"] for f in ledger.figures() if f["measure"] == "killed" and f["value"] == 147}
    assert {claim_id for _, _, claim_id in links} == stating
    for _, doc, _ in links:
        document = ledger.document(doc)
        assert document is not None
        assert f"<td>{source_name(document)}" in html.unescape(page.text)
    url, _, claim_id = links[0]
    marks = FocusMarks()
    marks.feed(client.get(url.replace("&amp;", "&")).text)
    claim = ledger.claim(claim_id)
    assert claim is not None and "".join(marks.text) == claim["text"]


HOSTILE = ['"', '"killed', "killed*", "NEAR(killed", "NEAR(", "title:killed", "-", "(", "\\",
           "<script>alert(1)</script>", "' OR 1=1 --", "%00", "\u202e", "1e400", "nan"]  # fmt: skip


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_search_input_gets_a_clean_answer(
    seeds: tuple[TestClient, Ledger], text: str
) -> None:
    client, _ = seeds
    for params in ({"q": text}, {"measure": text}, {"measure": "killed", "value": text},
                   {"measure": "killed", "min": text, "max": text}):  # fmt: skip
        page = client.get("/search", params=params)
        assert page.status_code == 200, params
        assert "<script>alert" not in page.text
        answer = client.get("/api/search/figures" if "measure" in params else "/api/search",
                            params=params)  # fmt: skip
        assert answer.status_code in (200, 422), params  # 422: a value that is no number
        assert answer.headers["content-type"].startswith("application/json")
    # None of them is a number: the page says what the field takes.
    assert "takes a number" in client.get("/search", params={"measure": "k", "max": text}).text


def test_figure_search_uses_the_value_index(seeds: tuple[TestClient, Ledger]) -> None:
    client, ledger = seeds
    urls = ["/api/search/figures?measure=killed&min=100&max=200",
            "/api/search/figures?measure=killed&max=50",
            "/search?measure=killed&value=147&q=killed"]  # fmt: skip
    statements = queries_run(client, urls)
    plans = {
        query: [str(row[3]) for row in ledger._db.execute("EXPLAIN QUERY PLAN " + query)]
        for query in statements
        if query.lstrip().upper().startswith("SELECT") and "FROM figures" in query
    }
    ranged = [plan for query, plan in plans.items() if "$.value') <=" in query]
    assert len(ranged) == 3
    for plan in ranged:  # one step: the rows come in value order, nothing is sorted
        assert len(plan) == 1 and "USING INDEX figures_measure_value" in plan[0], plan
    for query, plan in plans.items():
        assert all(step.startswith("SEARCH") for step in plan), (query, plan)


def test_figure_search_matches_the_openapi_spec(seeds: tuple[TestClient, Ledger]) -> None:
    client, _ = seeds
    spec = client.get("/openapi.json").json()
    for route, url in (("/api/search/figures", "/api/search/figures?measure=killed&limit=50"),
                       ("/api/search/figures", "/api/search/figures?measure=displaced"),
                       ("/api/search", "/api/search?q=killed")):  # fmt: skip
        content = spec["paths"][route]["get"]["responses"]["200"]["content"]
        schema = {**content["application/json"]["schema"], "components": spec["components"]}
        found = get_json(client, url)
        assert found["items"], url
        errors = list(Draft202012Validator(schema).iter_errors(found))
        assert not errors, (url, [error.message for error in errors[:3]])


def unstemmed(current: Path, path: Path) -> None:
    """At `path`, the ledger `current` as a version-4 consilience made it: its full-text
    index tokenized without stemming, no index of figures by value."""
    shutil.copyfile(current, path)
    db = sqlite3.connect(path)
    old_index = next(sql for sql in SCHEMA_V4 if sql.startswith("CREATE VIRTUAL TABLE"))
    assert "porter" not in old_index
    db.execute("DROP TABLE documents_fts")
    db.execute(old_index)
    db.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
    db.execute("DROP INDEX figures_measure_value")
    db.execute("PRAGMA user_version = 4")
    db.commit()
    db.close()


def schema_rows(path: Path) -> set[tuple[str, str, str]]:
    db = sqlite3.connect(path)
    rows = {
        (str(r[0]), str(r[1]), str(r[2]))
        for r in db.execute("SELECT type, name, sql FROM sqlite_master")
    }
    db.close()
    return rows


def test_ledger_made_before_stemming_is_read_then_migrated(
    seeds_ledger: Path, tmp_path: Path
) -> None:
    path = tmp_path / "v4.db"
    unstemmed(seeds_ledger, path)
    with Ledger(seeds_ledger, readonly=True) as current:
        killing_only = only_other_forms(current, "killed", "killing")
        stating = {f["id"] for f in current.figures() if f["value"] == 147}
    # Read-only (as `serve` opens it) it is read as it is: words match as written.
    with TestClient(create_app(path, allowed_hosts=[TEST_HOST])) as old:
        found = get_json(old, "/api/search?q=killed")
        assert found["stemmed"] is False and found["items"]
        assert not killing_only & {hit["id"] for hit in found["items"]}
        assert "predates stemming" in old.get("/search?q=killed").text
        figures = get_json(old, "/api/search/figures?measure=killed&value=147")["items"]
        assert {f["id"] for f in figures} == stating
    with Ledger(path, readonly=True) as read:
        assert read.schema_version == 4  # nothing written
        assert {f.check: f.ok for f in read.check()}["schema"]
    # A writable open migrates it: the same schema as a new ledger, the index sound.
    with Ledger(path) as migrated:
        assert migrated.schema_version == SCHEMA_VERSION
        assert all(f.ok for f in migrated.check())
    assert schema_rows(path) == schema_rows(seeds_ledger)
    with TestClient(create_app(path, allowed_hosts=[TEST_HOST])) as upgraded:
        found = get_json(upgraded, "/api/search?q=killed")
        assert found["stemmed"] is True
        assert killing_only <= {hit["id"] for hit in found["items"]}
        assert "predates stemming" not in upgraded.get("/search?q=killed").text
