"""The views a user reads: `consilience show` (terminal and JSON) and the self-contained
HTML report, opened in a real browser with the network cut off."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consilience.api import build
from consilience.ingest import Metadata
from consilience.present.charts import slot_chart
from consilience.present.highlight import Span, runs
from consilience.present.report import write_report
from consilience.store import Ledger
from tests.browser import XSS_TEXT, browser_page
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def seed_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import SEEDS

    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (clone with ../shared beside the repo)")
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    build([str(SEEDS)], path).close()
    return path


@pytest.fixture(scope="module")
def seed_report(seed_ledger: Path) -> Path:
    output = seed_ledger.with_name("report.html")
    result = run_cli("report", str(seed_ledger), "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert f"wrote {output}" in result.stderr
    return output


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(XSS_TEXT, encoding="utf-8")
    path = folder / "hostile.db"
    publisher = "<img src=x onerror=\"window.__pwned = 4; alert('publisher')\">"
    with build([str(folder / "hostile.txt")], path, overrides=Metadata(publisher=publisher)) as led:
        return write_report(led, folder / "report.html")


def test_show_prints_slots_conflicts_and_timeline(seed_ledger: Path) -> None:
    shown = run_cli("show", str(seed_ledger))
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout
    assert "figure slots" in out and "timeline:" in out
    assert "where the sources differ" in out
    # The killed slot's conflict opens on its headline, then shows its three most
    # important explanations (contradictions first) and folds the rest, among them the
    # arithmetic of the source that adds up parts to less than its own total.
    conflicts = out.split("where the sources differ", 1)[1]
    assert "killed" in conflicts and "Sources say 132 to 150 people were killed." in conflicts
    assert "contradiction:" in conflicts and "more explanations" in conflicts
    record = json.loads(run_cli("show", str(seed_ledger), "--json").stdout)
    killed = next(c for c in record["conflicts"] if c["measure"] == "killed")
    kinds = [e["kind"] for e in killed["explanations"]]
    assert kinds[0] == "contradiction" and "arithmetic" in kinds
    assert any("131" in e["text"] for e in killed["explanations"] if e["kind"] == "arithmetic")


def test_show_json_is_the_same_content_for_scripts(seed_ledger: Path) -> None:
    shown = run_cli("show", str(seed_ledger), "--json", "--limit", "5")
    assert shown.returncode == 0, shown.stderr
    record = json.loads(shown.stdout)
    assert len(record["overview"]["documents"]) == 5
    assert len(record["slots"]) == 5 and len(record["timeline"]) == 5
    killed = next(c for c in record["conflicts"] if c["measure"] == "killed")
    assert killed["verdict"] == "conflicting"
    assert {"132", "147"} <= set(killed["values"])
    assert {e["kind"] for e in killed["explanations"]} >= {"arithmetic", "contradiction"}


def test_report_is_self_contained(seed_report: Path, seed_ledger: Path) -> None:
    html = seed_report.read_text(encoding="utf-8")
    # Nothing is fetched: no external script, stylesheet, image, font or frame.
    assert not re.search(r"<(script|img|iframe|link)[^>]+(src|href)=", html, re.I)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html, re.I)
    assert "default-src 'none'" in html
    with Ledger(seed_ledger) as ledger:
        slots = ledger.slots()
        documents = ledger.documents()
    for slot in slots:
        assert f'id="slot-{slot["id"]}"' in html
    for document in documents:
        assert f'id="doc-{document["id"]}"' in html
    # One chart per disputed slot, one per event toll, and the timeline.
    disputed = [s for s in slots if s["verdict"] in ("conflicting", "compatible")]
    tolls = html.count('reported over time"')
    assert tolls >= 1
    assert html.count("<svg") - tolls == len(disputed) + 1


def test_report_click_on_a_conflicting_slot_shows_the_passage(seed_report: Path) -> None:
    with browser_page() as (page, dialogs):
        fetched: list[str] = []
        page.on("request", lambda request: fetched.append(request.url))
        page.goto(seed_report.as_uri())
        page.click("a[data-view=view-figures]")
        slot = page.locator("section.slot:has(.badge.v-conflicting)").first
        link = slot.locator("table.values a.claim-link").first
        claim_text = link.inner_text().strip()
        claim = link.get_attribute("data-claim")
        doc = link.get_attribute("data-doc")
        link.click()
        focused = page.locator("mark.focus")
        assert focused.count() >= 1
        assert focused.first.is_visible()
        assert "".join(focused.all_inner_texts()).strip() == claim_text
        # The passage is in its own document, and that document is the one shown.
        assert page.locator(f"#doc-{doc} mark.focus").count() == focused.count()
        assert page.locator("article.document:visible").count() == 1
        assert claim in page.locator("#claim-panel").inner_text()
        assert dialogs == []
        assert all(url.startswith("file://") for url in fetched), fetched


def test_report_chart_points_open_their_passage(seed_report: Path) -> None:
    with browser_page() as (page, _):
        page.goto(seed_report.as_uri() + "#view-figures")
        point = page.locator(".chart svg a.claim-link").first
        claim = point.get_attribute("data-claim")
        point.click()
        marks = page.locator("mark.focus")
        assert marks.count() >= 1 and marks.first.is_visible()
        assert claim in (marks.first.get_attribute("data-claims") or "").split()


def test_report_link_to_a_claim_opens_it(seed_report: Path, seed_ledger: Path) -> None:
    with Ledger(seed_ledger) as ledger:
        figure = ledger.figures()[3]
    with browser_page() as (page, _):
        page.goto(seed_report.as_uri() + f"#claim-{figure['id']}")
        marks = page.locator("mark.focus")
        assert "".join(marks.all_inner_texts()) == figure["text"]


def test_hostile_text_is_shown_as_text_and_runs_nothing(hostile_report: Path) -> None:
    html = hostile_report.read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    with browser_page() as (page, dialogs):
        page.goto(hostile_report.as_uri())
        for view in ("view-overview", "view-figures", "view-timeline", "view-documents"):
            page.click(f"a[data-view={view}]")
        page.locator("mark").first.click()
        assert dialogs == []
        assert page.evaluate("typeof window.__pwned") == "undefined"
        text = page.locator(".doc-text").first.inner_text()
        assert "<script>window.__pwned = 1;" in text
        assert "<img src=x onerror=" in text
        assert page.locator("main img, main iframe").count() == 0
        assert "<img src=x" in page.locator("table.documents").inner_text()


def test_chart_escapes_source_names() -> None:
    hostile = "<script>x</script>"
    ref = {"id": "d-f0", "doc": "d", "label": hostile, "text": "5"}
    row = {"form": hostile, "label": hostile, "shape": "point", "extent": (5, 5), "claims": [ref]}
    svg = str(slot_chart({"measure": "killed", "best": 5, "stated": [row]}))
    assert "<script>" not in svg and "&lt;script&gt;" in svg


@given(
    st.text(min_size=0, max_size=40),
    st.lists(st.tuples(st.integers(-5, 50), st.integers(-5, 50)), max_size=8),
)
def test_highlight_runs_cover_the_text_and_each_claim(
    text: str, bounds: list[tuple[int, int]]
) -> None:
    spans = [Span(f"c{i}", "figures", a, b) for i, (a, b) in enumerate(bounds)]
    cut = runs(text, spans)
    assert "".join(run.text for run in cut) == text
    for span in spans:
        start, end = max(0, span.start), min(len(text), span.end)
        covered = "".join(run.text for run in cut if span.claim in run.claims)
        assert covered == (text[start:end] if end > start else "")


def test_csv_slot_tables_are_flat_with_documented_columns(
    seed_ledger: Path, tmp_path: Path
) -> None:
    import csv

    from consilience.present.export import SLOT_COLUMNS, SLOT_VALUE_COLUMNS

    result = run_cli("export", str(seed_ledger), "--format", "csv", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    with (tmp_path / "slots.csv").open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == SLOT_COLUMNS
        slots = list(reader)
    with (tmp_path / "slot_values.csv").open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == SLOT_VALUE_COLUMNS
        values = list(reader)
    killed = next(row for row in slots if row["measure"] == "killed")
    assert killed["verdict"] == "conflicting" and "arithmetic" in killed["explanation_kinds"]
    stated = {row["text"] for row in values if row["slot"] == killed["id"]}
    assert {"132", "147"} <= stated
    with Ledger(seed_ledger) as ledger:
        claims = sum(len(v["claims"]) for slot in ledger.slots() for v in slot["values"])
        assert len(values) == claims
        for row in values:
            assert ledger.claim(row["claim"])["doc"] == row["doc"]  # type: ignore[index]
