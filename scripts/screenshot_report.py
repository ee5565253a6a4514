"""Take the README's screenshots of the HTML report for the example corpus.

    python scripts/screenshot_report.py [LEDGER] [--out docs/]

Builds the example ledger when none is given, writes the report, opens it in Debian's
chromium through Playwright, and saves the overview (its headlines), the killed slot, and a
highlighted passage with its claim panel and citation.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import browser_page  # noqa: E402

from consilience.api import build  # noqa: E402
from consilience.present.report import write_report  # noqa: E402
from consilience.store import Ledger  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ledger", nargs="?", type=Path, help="ledger (default: build examples/)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = args.ledger
        if path is None:
            path = Path(scratch) / "example.db"
            os.chdir(ROOT)  # so the report shows the corpus's paths as a user types them
            build(["examples"], path).close()
        report = Path(scratch) / "report.html"
        with Ledger(path) as ledger:
            write_report(ledger, report)
        with browser_page() as (page, _):
            page.set_viewport_size({"width": 1100, "height": 900})
            page.goto(report.as_uri() + "#view-figures")
            slot = page.locator("section.slot:has(.chart)").first
            slot.scroll_into_view_if_needed()
            slot.screenshot(path=str(args.out / "report-slot.png"))
            slot.locator("table.values a.claim-link").first.click()
            page.wait_for_timeout(200)
            page.locator('#claim-panel button.cite[data-format="wikipedia"]').click()
            page.wait_for_timeout(200)
            page.screenshot(path=str(args.out / "report-passage.png"))
            page.goto(report.as_uri() + "#view-overview")
            page.screenshot(path=str(args.out / "report-overview.png"))
    for name in ("report-overview.png", "report-slot.png", "report-passage.png"):
        print(f"wrote {args.out / name}")


if __name__ == "__main__":
    main()
