"""The web UI in Debian's chromium, against a real server started here on a free loopback
port: a conflicting figure's claim opens its highlighted passage, and a document made of
script-injection payloads is shown as text and runs nothing."""

from __future__ import annotations

import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from consilience.api import build
from consilience.present.web import create_app
from tests.browser import XSS_TEXT, browser_page

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx's successor
    from fastapi.testclient import TestClient


@contextmanager
def serving(ledger: Path) -> Iterator[str]:
    """`consilience serve`'s app on 127.0.0.1 and a port the system picks; yields its URL."""
    server = uvicorn.Server(
        uvicorn.Config(create_app(ledger), host="127.0.0.1", port=0, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
        time.sleep(0.02)
    try:
        host, port = server.servers[0].sockets[0].getsockname()[:2]
        assert host == "127.0.0.1"  # loopback only
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def watch_console(page: Any) -> list[str]:
    """Console errors, which is where a blocked script or a CSP violation shows up."""
    errors: list[str] = []

    def on_console(message: Any) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


@pytest.fixture(scope="module")
def xss_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("xss")
    (folder / "valdoria.txt").write_text(XSS_TEXT, encoding="utf-8")
    path = folder / "xss.db"
    build([str(folder / "valdoria.txt")], path).close()
    return path


def test_conflicting_slot_claim_opens_its_marked_passage(seeds_dir: Path, tmp_path: Path) -> None:
    ledger = tmp_path / "seeds.db"
    build([str(seeds_dir)], ledger).close()
    with serving(ledger) as url, browser_page() as (page, dialogs):
        errors = watch_console(page)
        page.goto(url + "/slots")
        conflicting = page.locator("section.slot", has=page.locator("h3 .badge.v-conflicting"))
        assert conflicting.count() >= 1
        link = conflicting.first.locator("table.values a.claim-link").first
        claim_id = link.get_attribute("data-claim")
        claim_text = link.inner_text()
        assert claim_id and claim_text.strip()
        link.click()
        page.wait_for_url(f"**/documents/*?claim={claim_id}#claim-{claim_id}")
        focused = page.locator("mark.focus")
        assert focused.count() >= 1
        assert "".join(focused.all_inner_texts()) == claim_text
        assert focused.first.is_visible()
        assert all(claim_id in m.split() for m in focused.evaluate_all(
            "marks => marks.map(m => m.getAttribute('data-claims'))"
        ))  # fmt: skip
        # claims.js ran (served from /static, allowed by the policy): its panel names the claim.
        assert claim_text in page.locator("#claim-panel").inner_text()
        # Clicking another highlight moves the focus there.
        other_id = page.locator(".doc-text mark:not(.focus)").first.get_attribute("data-claim")
        other = page.locator(f'.doc-text mark[data-claim="{other_id}"]').first
        other.click()
        assert "focus" in (other.get_attribute("class") or "").split()
        assert page.locator(".doc-text mark.focus").count() < page.locator(".doc-text mark").count()
        assert dialogs == [] and errors == []


def test_injected_markup_is_shown_as_text_and_never_runs(xss_ledger: Path) -> None:
    with serving(xss_ledger) as url, browser_page() as (page, dialogs):
        errors = watch_console(page)
        page.goto(url + "/documents")
        page.locator("a.doc-link").first.click()
        page.wait_for_url("**/documents/*")
        pages = [page.url, url + "/search?q=Valdoria+script", url + "/", url + "/slots",
                 url + "/timeline"]  # fmt: skip
        for address in pages:
            page.goto(address)
            page.wait_for_load_state("load")
            assert page.evaluate("typeof window.__pwned") == "undefined", address
            # Only our own script runs; the claim panel's data is a JSON block, never run.
            # No injected element made it into the DOM.
            scripts = page.evaluate(
                "Array.from(document.scripts).filter(s => s.type !== 'application/json').length"
            )
            assert scripts == 1, address
            assert page.locator("img, svg[onload], [onerror], [onload]").count() == 0, address
        page.goto(pages[0])
        shown = page.locator(".doc-text").inner_text()
        assert '<script>window.__pwned = 1; alert("script")</script>' in shown
        assert "<img src=x onerror=" in shown
        page.goto(pages[1])
        assert page.locator(".search-hit").count() == 1
        assert "<script>" in page.locator(".search-hit").inner_text()
        assert dialogs == []
        assert errors == []


def test_pages_escape_document_text(xss_ledger: Path) -> None:
    """The same without a browser: the HTML holds the payloads only as escaped text."""
    with TestClient(create_app(xss_ledger, allowed_hosts=["testserver"])) as client:
        doc_id = client.get("/api/documents").json()["items"][0]["id"]
        for url in (f"/documents/{doc_id}", "/search?q=Valdoria", "/", "/documents"):
            html = client.get(url).text
            assert "&lt;script&gt;window.__pwned" in html or url in ("/", "/documents"), url
            assert "<script>window" not in html and "<img src=x" not in html, url
            assert "<svg onload" not in html, url
        # The API returns the text as JSON, never as something a browser would render.
        response = client.get(f"/api/documents/{doc_id}")
        assert response.headers["content-type"] == "application/json"
        assert response.json()["text"] == XSS_TEXT
