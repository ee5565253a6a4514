"""The views a journalist reads first, in a real browser (Debian's chromium): on the seed
articles plus a reworded copy of one of them, the report opens on headlines, lists each
stated form of a value as its own dated row, shows who shares passages with whom, cites
a claim's passage, and filters slots. Hostile text in every new field runs nothing."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from consilience.api import build
from consilience.present.report import write_report
from consilience.store import Ledger
from tests.browser import XSS_TEXT, browser_page
from tests.conftest import SEEDS

# The seed the copy rewords (it states that 147 people were killed), and the copy's words:
# a light rewording, as a second outlet running the same story would do.
REWORDED_SEED = "003_4c7d0c1693d6d885.txt"
REWORDINGS = {
    "Today marks": "This day marks",
    "remembered": "recalled",
    "violent": "brutal",
    "ruthlessly": "mercilessly",
    "illegal": "unlawful",
    "surrounding": "neighbouring",
    "population": "populace",
    "informed": "told",
}
COPY_PUBLISHER = "Reworded Copy Wire"
# Each seed gets a publisher and a date in a sidecar, as a user gives them.
PUBLISHED = ("2026-01-18", "2026-01-19", "2026-01-20", "2026-01-20", "2026-01-21")


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The seeds (each with a publisher and a date) and a reworded copy of one, built into
    a ledger and written as a report."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (clone with ../shared beside the repo)")
    folder = tmp_path_factory.mktemp("seeds-and-copy")
    corpus = folder / "corpus"
    corpus.mkdir()
    for index, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
        shutil.copy(seed, corpus / seed.name)
        meta = {"publisher": f"Outlet {index}", "published": PUBLISHED[index]}
        (corpus / f"{seed.stem}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    text = (SEEDS / REWORDED_SEED).read_text(encoding="utf-8")
    for old, new in REWORDINGS.items():
        assert old in text, f"the seed no longer holds {old!r}"
        text = text.replace(old, new)
    (corpus / "copy.txt").write_text(text, encoding="utf-8")
    copy_meta = {"publisher": COPY_PUBLISHER, "published": "2026-01-22"}
    (corpus / "copy.meta.json").write_text(json.dumps(copy_meta), encoding="utf-8")
    ledger = folder / "corpus.db"
    with build([str(corpus)], ledger) as built:
        write_report(built, folder / "report.html")
    return ledger, folder / "report.html"


def _killed_slot(page: Any) -> Any:
    page.locator('#slot-filters select[data-filter="measure"]').select_option("killed")
    return page.locator('section.slot[data-measure="killed"]').first


def test_headline_opens_the_report_and_the_killed_slot(corpus_report: tuple[Path, Path]) -> None:
    ledger, report = corpus_report
    with Ledger(ledger, readonly=True) as opened:
        killed = next(s for s in opened.slots() if s["measure"] == "killed")
    with browser_page() as (page, _):
        page.goto(report.as_uri())
        brief = page.locator("div.headlines").inner_text()
        assert re.search(r"Sources say \d+ to \d+ people were killed\.", brief), brief
        page.goto(report.as_uri() + "#view-figures")
        slot = page.locator(f"section#slot-{killed['id']}")
        headline = slot.locator("p.headline").inner_text()
    assert headline == killed["headline"]
    # The range is what sources state, and the latest report is named with its date.
    values = [v["value"] for v in killed["values"] if v["value"] is not None]
    assert f"Sources say {min(values):g} to {max(values):g} people were killed." in headline
    assert re.search(r"the latest report \(\d{1,2} January 2026, [^)]+\) says \d+", headline)


def test_exact_and_approximate_forms_of_one_value_are_separate_dated_rows(
    corpus_report: tuple[Path, Path],
) -> None:
    _, report = corpus_report
    with browser_page() as (page, _):
        page.goto(report.as_uri() + "#view-figures")
        slot = _killed_slot(page)
        rows = slot.locator("table.stated-values tbody tr")
        cells = [
            [cell.inner_text().strip() for cell in row.locator("td").all()] for row in rows.all()
        ]
    forms = [row[0] for row in cells]
    # "150" and "approximately 150" are stated by different seeds: two rows, not one.
    assert "150" in forms and any(f != "150" and f.endswith("150") for f in forms), forms
    # Every row names a source and shows the date its source was published.
    for row in cells:
        assert row[1], row
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row[3]), row


def test_values_sort_by_date(corpus_report: tuple[Path, Path]) -> None:
    _, report = corpus_report
    with browser_page() as (page, _):
        page.goto(report.as_uri() + "#view-figures")
        slot = _killed_slot(page)
        slot.locator('button.sort-by[data-sort="published"]').click()
        dates = slot.locator("table.stated-values tbody td.published").all_inner_texts()
        assert dates == sorted(dates)
        slot.locator('button.sort-by[data-sort="value"]').click()
        values = slot.locator("table.stated-values tbody tr").evaluate_all(
            "rows => rows.map(r => Number(r.getAttribute('data-value')))"
        )
    assert values == sorted(values)


def test_reuse_view_lists_the_reworded_pair_with_both_passages(
    corpus_report: tuple[Path, Path],
) -> None:
    _, report = corpus_report
    with browser_page() as (page, _):
        page.goto(report.as_uri() + "#view-reuse")
        pair = page.locator("section.reuse-pair", has_text=COPY_PUBLISHER)
        assert pair.count() == 1
        heading = pair.locator("h3").inner_text()
        rows = [
            (row.locator("td.passage-a").inner_text(), row.locator("td.passage-b").inner_text())
            for row in pair.locator("table.reuse tbody tr").all()
        ]
    assert "Outlet 3" in heading  # the seed the copy rewords
    assert rows and all(a.strip() and b.strip() for a, b in rows)
    # Reworded passages are listed side by side: the seed's words and the copy's.
    original = (SEEDS / REWORDED_SEED).read_text(encoding="utf-8")
    reworded = [(a, b) for a, b in rows if a != b]
    assert reworded, rows
    for a, b in reworded:
        seed_side, copy_side = (a, b) if a in original else (b, a)
        assert seed_side in original and copy_side not in original
        assert any(new in copy_side for new in REWORDINGS.values())


def test_cite_action_gives_cite_news_with_the_passage(corpus_report: tuple[Path, Path]) -> None:
    _, report = corpus_report
    with browser_page() as (page, _):
        page.goto(report.as_uri() + "#view-figures")
        slot = _killed_slot(page)
        link = slot.locator("table.stated-values a.claim-link").first
        claim_text = link.inner_text()
        link.click()
        panel = page.locator("#claim-panel")
        assert "killed" in panel.locator("dl.card").inner_text()
        panel.locator('button.cite[data-format="wikipedia"]').click()
        wikipedia = panel.locator("textarea.citation").input_value()
        panel.locator('button.cite[data-format="csl"]').click()
        csl = json.loads(panel.locator("textarea.citation").input_value())
    assert wikipedia.startswith("{{cite news") and wikipedia.endswith("}}")
    quote = re.search(r"\|quote=(.*)}}$", wikipedia)
    assert quote is not None and " ".join(claim_text.split()) in quote.group(1)
    assert re.search(r"\|publisher=Outlet \d", wikipedia) and "|date=2026-01-" in wikipedia
    assert csl[0]["type"] == "article-newspaper" and csl[0]["issued"]["date-parts"][0][0] == 2026


def test_filters_hide_and_show_slots(corpus_report: tuple[Path, Path]) -> None:
    _, report = corpus_report
    with browser_page() as (page, _):
        page.goto(report.as_uri() + "#view-figures")
        sections = page.locator("section.slot")
        total = sections.count()
        measure = page.locator('#slot-filters select[data-filter="measure"]')
        measure.select_option("wounded")
        shown = page.locator("section.slot:not(.filtered)")
        assert 0 < shown.count() < total
        assert set(shown.evaluate_all("s => s.map(x => x.dataset.measure)")) == {"wounded"}
        assert page.locator("tr.slot-row:not(.filtered)").count() == shown.count()
        measure.select_option("")
        assert page.locator("section.slot:not(.filtered)").count() == total
        page.locator('#slot-filters select[data-filter="source"]').select_option(
            label=COPY_PUBLISHER
        )
        by_copy = page.locator("section.slot:not(.filtered)").count()
        assert 0 < by_copy < total
        page.locator('#slot-filters select[data-filter="source"]').select_option("")
        page.locator('#slot-filters input[data-filter="text"]').fill("no slot says this")
        assert page.locator("section.slot:not(.filtered)").count() == 0
        page.locator('#slot-filters input[data-filter="text"]').fill("")
        assert page.locator("section.slot:not(.filtered)").count() == total


HOSTILE = (
    "<img src=x onerror=\"window.__pwned = 9; alert('name')\"></script><script>alert(1)</script>"
)


def test_hostile_text_in_every_new_field_runs_nothing(tmp_path: Path) -> None:
    """A publisher, a title and a text that try to run script, in two documents sharing a
    passage: they reach the headline, the stated rows, the reuse view, the filters, the
    claim cards and the citations, and run nowhere."""
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(XSS_TEXT, encoding="utf-8")
        meta = {"publisher": f"{HOSTILE} {name}", "title": HOSTILE, "published": "2031-03-04"}
        (tmp_path / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with build([str(tmp_path)], tmp_path / "hostile.db") as built:
        report = write_report(built, tmp_path / "report.html")
        assert built.reuse(), "the two copies share passages"
    with browser_page() as (page, dialogs):
        page.goto(report.as_uri())
        page.goto(report.as_uri() + "#view-figures")
        page.locator('#slot-filters select[data-filter="source"]').select_option(index=1)
        page.locator('#slot-filters input[data-filter="text"]').fill("<script>")
        page.locator('#slot-filters input[data-filter="text"]').fill("")
        page.locator("table.stated-values a.claim-link").first.click()
        for citation in ("wikipedia", "csl"):
            page.locator(f'#claim-panel button.cite[data-format="{citation}"]').click()
        cited = page.locator("#claim-panel textarea.citation").input_value()
        page.goto(report.as_uri() + "#view-reuse")
        reuse = page.locator("#view-reuse").inner_text()
        pwned = page.evaluate("window.__pwned")
    assert pwned is None and dialogs == []
    assert "onerror" in reuse  # shown as text
    assert "onerror" in cited  # the citation quotes the hostile name as text
