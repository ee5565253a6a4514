"""The events in every view, over a ledger built from examples/: `show` lists what the
ledger's `events` table holds, the report charts each toll with one mark per figure claim,
events-csv has one documented row per event, and the web UI and API serve each event
(404 for an unknown one) with every source text escaped."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import warnings
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from rich.console import Console

from consilience.api import build
from consilience.ingest import Metadata
from consilience.present.charts import toll_caption, toll_chart
from consilience.present.report import render_report
from consilience.present.show_tables import EVENTS_SHOWN
from consilience.present.terminal import print_summary
from consilience.present.views import TOLL_MEASURES
from consilience.store import Ledger
from tests.conftest import EXAMPLES, queries_run, run_cli

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx's successor
    from fastapi.testclient import TestClient

from consilience.present.web import create_app

TEST_HOST = "testserver"
EVENTS_CSV_HEADER = [
    "id", "kind", "label", "name", "date_start", "date_end", "country", "region", "place",
    "latitude", "longitude", "ongoing", "first_reported", "last_reported", "sources",
    "independent_sources",
    "killed_best", "killed_low", "killed_high", "killed_latest", "killed_claims",
    "wounded_best", "wounded_low", "wounded_high", "wounded_latest", "wounded_claims",
    "missing_best", "missing_low", "missing_high", "missing_latest", "missing_claims",
    "documents", "headline",
]  # fmt: skip
MARK = re.compile(r'class="toll-mark\b')
UNKNOWN_EVENT = "ev-000000000000"


@pytest.fixture(scope="module")
def ledger_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("events") / "example.db"
    build([str(EXAMPLES)], path).close()
    return path


@pytest.fixture(scope="module")
def ledger(ledger_path: Path) -> Iterator[Ledger]:
    with Ledger(ledger_path, readonly=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def events(ledger: Ledger) -> list[dict[str, Any]]:
    return ledger.results("events")


@pytest.fixture(scope="module")
def client(ledger_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ledger_path, allowed_hosts=[TEST_HOST])) as test_client:
        yield test_client


def drawable(ledger: Ledger, claim_id: str) -> bool:
    """Whether the toll chart can place a claim: its report is dated and it states a number."""
    claim = ledger.claim(claim_id)
    assert claim is not None, claim_id
    document = ledger.document(claim["doc"])
    assert document is not None
    try:
        date.fromisoformat(str(document["published"])[:10])
    except ValueError:
        return False
    return any(claim.get(key) is not None for key in ("value", "low", "high"))


def toll_slot_claims(ledger: Ledger, toll: dict[str, Any]) -> list[str]:
    slot = ledger.result("slots", toll["slot"])
    assert slot is not None, toll["slot"]
    assert set(toll["claims"]) <= set(slot["claims"])
    return list(slot["claims"])


def cell(value: Any) -> str:
    """How the CSV export writes a value."""
    return "" if value is None or value == float("inf") else str(value)


def test_the_examples_report_events_with_tolls(events: list[dict[str, Any]]) -> None:
    assert events, "align wrote no events for the example corpus"
    assert any(set(event.get("tolls", {})) & set(TOLL_MEASURES) for event in events)
    ranks = [event["sources"] for event in events]
    assert ranks == sorted(ranks, reverse=True)  # most reported first


def test_show_lists_the_events_before_the_slots(
    ledger: Ledger, ledger_path: Path, events: list[dict[str, Any]]
) -> None:
    buffer = io.StringIO()
    print_summary(ledger, Console(file=buffer, width=400, highlight=False))
    out = buffer.getvalue()
    title = f"{len(events)} event{'' if len(events) == 1 else 's'} (first and last"
    assert title in out
    assert out.index(title) < out.index("figure slots")
    listed = out.split(title, 1)[1].split("figure slots", 1)[0]
    for event in events[:EVENTS_SHOWN]:
        assert event["label"] in listed, event["label"]
        for measure in TOLL_MEASURES:
            if measure in event.get("tolls", {}):
                assert f"{measure} " in listed
    for event in events[EVENTS_SHOWN:]:
        assert event["label"] not in listed
    if len(events) > EVENTS_SHOWN:
        assert f"{len(events) - EVENTS_SHOWN} more events" in out
    # Each slot line names its event.
    slots_part = out.split("figure slots", 1)[1]
    for slot in ledger.results_page("slots", 40):
        label = (slot.get("event") or {}).get("label")
        if label:
            assert label[:20] in slots_part, label
    shown = run_cli("show", str(ledger_path))
    assert shown.returncode == 0, shown.stderr
    assert title in shown.stdout
    as_json = run_cli("show", str(ledger_path), "--json", "--limit", "3")
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout)["events"] == events[:3]


def test_report_has_an_events_section_with_a_toll_chart_per_measure(
    ledger: Ledger, events: list[dict[str, Any]]
) -> None:
    page = render_report(ledger)
    assert 'id="view-events"' in page and 'data-view="view-events"' in page
    # The overview, the view the report opens on, lists the events before the sources.
    overview = page[page.index('id="view-overview"') : page.index("</section>")]
    assert overview.index('<table class="events">') < overview.index('<table class="documents">')
    for event in events:
        assert f'href="#event-{event["id"]}" data-view="view-events"' in overview
    charts = 0
    for event in events:
        assert f'href="#event-{event["id"]}"' in page
        start = page.index(f'id="event-{event["id"]}"')
        section = page[start : page.index("</section>", start)]
        assert html.escape(event["label"], quote=False) in section
        for slot_id in event.get("slots", []):
            assert f'href="#slot-{slot_id}"' in section
            assert f'id="slot-{slot_id}"' in page  # the slot's own section exists
        figures = {
            match.group(1): body
            for match in re.finditer(r'aria-label="([a-z_]+) reported over time"', section)
            for body in [section[match.start() : section.index("</figure>", match.start())]]
        }
        for measure in TOLL_MEASURES:
            toll = event.get("tolls", {}).get(measure)
            if toll is None:
                assert measure not in figures
                continue
            claims = toll_slot_claims(ledger, toll)
            expected = sum(drawable(ledger, claim) for claim in claims)
            if expected == 0:
                continue
            charts += 1
            body = figures[measure]
            assert len(MARK.findall(body)) == expected, (event["id"], measure)
            for claim in claims:
                if drawable(ledger, claim):
                    assert f'data-claim="{claim}"' in body
            assert "exact value" in body and "interval" in body  # the caption
            if expected < len(claims):
                assert f"Not drawn: {len(claims) - expected} " in body
    assert charts > 0


def test_events_csv_has_one_row_per_event(
    ledger_path: Path, events: list[dict[str, Any]], tmp_path: Path
) -> None:
    output = tmp_path / "events.csv"
    result = run_cli("export", str(ledger_path), "--format", "events-csv", "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert not list(tmp_path.glob("*.partial"))
    printed = run_cli("export", str(ledger_path), "--format", "events-csv")
    assert printed.returncode == 0, printed.stderr
    text = output.read_text(encoding="utf-8")
    assert printed.stdout == text
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == EVENTS_CSV_HEADER
    rows = list(reader)
    assert [row["id"] for row in rows] == [event["id"] for event in events]
    for row, event in zip(rows, events, strict=True):
        for field in ("kind", "label", "name", "first_reported", "last_reported", "sources",
                      "independent_sources"):  # fmt: skip
            assert row[field] == cell(event.get(field)), field
        assert row["date_start"] == cell(event["date"]["start"])
        assert row["date_end"] == cell(event["date"]["end"])
        assert row["ongoing"] == ("true" if event.get("ongoing") else "false")
        assert row["documents"] == ";".join(event["documents"])
        for measure in ("killed", "wounded", "missing"):
            toll = event.get("tolls", {}).get(measure) or {}
            for field in ("best", "low", "high", "latest"):
                assert row[f"{measure}_{field}"] == cell(toll.get(field)), (measure, field)
            assert row[f"{measure}_claims"] == ";".join(toll.get("claims", []))
        resolved = [p for p in event["places"] if p.get("level")]
        levels = ("city", "region", "country")
        place = min(resolved, key=lambda p: levels.index(p["level"])) if resolved else None
        place = place or (event["places"][0] if event["places"] else {})
        assert row["place"] == cell(place.get("name"))
        assert row["country"] == cell(place.get("country"))
        assert row["latitude"] == cell(place.get("latitude"))
    refused = run_cli("export", str(ledger_path), "--format", "events-csv", "--table", "slots")
    assert refused.returncode != 0


def test_event_pages_and_api(client: TestClient, events: list[dict[str, Any]]) -> None:
    listing = client.get("/events")
    assert listing.status_code == 200
    for event in events[:50]:
        assert f'href="/events/{event["id"]}"' in listing.text
        assert html.escape(event["label"], quote=False) in listing.text
    assert 'href="/events"' in client.get("/").text  # linked from the nav and overview
    page = client.get("/api/events?limit=2&offset=1").json()
    assert (page["total"], page["limit"], page["offset"]) == (len(events), 2, 1)
    assert page["items"] == events[1:3]
    for event in events:
        shown = client.get(f"/events/{event['id']}")
        assert shown.status_code == 200
        assert html.escape(event["label"], quote=False) in shown.text
        for place in event["places"]:
            if place.get("id"):
                assert place["id"] in shown.text  # its gazetteer id
        for slot_id in event.get("slots", []):
            assert f'href="/slots/{slot_id}"' in shown.text
        detail = client.get(f"/api/events/{event['id']}").json()
        assert detail["id"] == event["id"] and detail["slots"] == event.get("slots", [])
        assert {d["id"] for d in detail["reports"]} == set(event["documents"])
        drawn = 0
        for measure, points in detail["toll_points"].items():
            assert set(event["tolls"][measure]["claims"]) <= {point["id"] for point in points}
            drawn += sum(
                1 for p in points if p["published"] and {p["value"], p["low"], p["high"]} != {None}
            )
        assert len(MARK.findall(shown.text)) == drawn
    missing = client.get(f"/events/{UNKNOWN_EVENT}")
    assert missing.status_code == 404 and "<h2>404" in missing.text
    missing_api = client.get(f"/api/events/{UNKNOWN_EVENT}")
    assert missing_api.status_code == 404
    assert missing_api.json()["detail"].startswith("no event")
    assert client.get("/api/events?limit=0").status_code == 422


def test_event_records_match_the_openapi_spec(
    client: TestClient, events: list[dict[str, Any]]
) -> None:
    spec = client.get("/openapi.json").json()

    def check(route: str, url: str) -> None:
        content = spec["paths"][route]["get"]["responses"]["200"]["content"]
        schema = {**content["application/json"]["schema"], "components": spec["components"]}
        errors = list(Draft202012Validator(schema).iter_errors(client.get(url).json()))
        assert not errors, (url, [error.message for error in errors[:3]])

    check("/api/events", "/api/events?limit=500")
    for event in events:
        check("/api/events/{event_id}", f"/api/events/{event['id']}")


def test_event_requests_use_an_index(
    client: TestClient, ledger: Ledger, events: list[dict[str, Any]]
) -> None:
    urls = ["/events", "/api/events", "/"]
    urls += [f"/events/{events[0]['id']}", f"/api/events/{events[0]['id']}"] if events else []
    for url in urls:
        assert client.get(url).status_code == 200, url
    statements = queries_run(client, urls)
    for query in (s for s in statements if s.lstrip().upper().startswith("SELECT")):
        plan = [row[3] for row in ledger._db.execute("EXPLAIN QUERY PLAN " + query)]
        scans = [
            step
            for step in plan
            if step.startswith("SCAN ")
            and "USING INDEX" not in step
            and "COVERING INDEX" not in step
            and "VIRTUAL TABLE" not in step
        ]
        assert not scans, (query, plan)


def test_source_titles_are_escaped_on_the_event_page(tmp_path: Path) -> None:
    hostile = "<script>window.__pwned = 1</script> Quake report"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "quake.txt").write_text(
        "HUALIEN, Taiwan, April 3, 2024 - An earthquake struck Hualien, Taiwan on "
        "Wednesday, killing 9 people and injuring 1,011 others, officials said.\n",
        encoding="utf-8",
    )
    path = tmp_path / "hostile.db"
    with build([str(corpus)], path, overrides=Metadata(title=hostile, published="2024-04-03")):
        pass
    with Ledger(path, readonly=True) as opened:
        found = opened.results("events")
    assert found, "no event resolved from the hostile corpus"
    with TestClient(create_app(path, allowed_hosts=[TEST_HOST])) as hostile_client:
        for url in (f"/events/{found[0]['id']}", "/events", "/"):
            text = hostile_client.get(url).text
            assert "<script>window.__pwned" not in text, url
            assert re.findall(r"<script[^>]*>", text) == ['<script src="/static/claims.js" defer>']
        event_page = hostile_client.get(f"/events/{found[0]['id']}").text
        assert "&lt;script&gt;window.__pwned" in event_page
        with Ledger(path, readonly=True) as opened:
            report = render_report(opened)
        assert "<script>window.__pwned" not in report
        assert "&lt;script&gt;window.__pwned" in report


def test_toll_chart_marks_escapes_and_caption() -> None:
    points: list[dict[str, Any]] = [
        {"id": "a-f0", "doc": "a", "label": "<b>Gazette</b>", "published": "2024-04-03",
         "value": 9, "low": 9, "high": 9, "number_text": "9", "text": "killing 9"},
        {"id": "b-f0", "doc": "b", "label": "Wire", "published": "2024-04-03",
         "value": None, "low": 10, "high": 14, "number_text": "10 to 14", "text": "<i>x</i>"},
        {"id": "c-f0", "doc": "c", "label": "Wire", "published": "2024-04-20",
         "value": 14, "low": 14, "high": None, "number_text": "at least 14", "text": "x"},
        {"id": "d-f0", "doc": "d", "label": "Undated", "published": None,
         "value": 12, "low": 12, "high": 12, "number_text": "12", "text": "x"},
    ]  # fmt: skip
    svg = str(toll_chart("killed", points))
    assert len(MARK.findall(svg)) == 3
    assert svg.count('class="toll-legend"') == 2  # the undated source draws nothing
    assert "<b>Gazette" not in svg and "&lt;b&gt;Gazette" in svg
    assert "<i>x" not in svg
    assert "2024-04-03" in svg  # the date axis
    assert 'toll-exact"' in svg and 'toll-range"' in svg and 'toll-open"' in svg
    caption = toll_caption(points)
    assert "Exact values: 1; intervals: 2." in caption and "Not drawn: 1 " in caption
    assert str(toll_chart("killed", points[3:])) == ""
