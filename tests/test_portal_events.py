"""Event grouping on a real current-events feed, scored against the feed's own filing
(see consilience.eval.portal), on the first three months of 2025: a part of the
development months, built in about a minute."""

from __future__ import annotations

from pathlib import Path

import pytest

from consilience.api import build
from consilience.eval.portal import annotator_agreement, score_ledger, tool_feed
from consilience.store import Ledger

from .conftest import SHARED

FEED = SHARED / "data" / "portal" / "portal-2025.jsonl"
# Measured 0.871 and 0.824 pairwise F1 on January to March 2025 (BENCHMARKS.md, "Events").
FLOOR_KILLED = 0.85
FLOOR_WOUNDED = 0.80


@pytest.mark.skipif(not FEED.exists(), reason=f"needs the portal feed at {FEED}")
def test_reports_of_one_incident_share_an_event_and_others_do_not(tmp_path: Path) -> None:
    incidents, _ = annotator_agreement()
    feed = tmp_path / "feed.jsonl"
    items = tool_feed(FEED, feed, "2025-01-01", "2025-04-01")
    ledger_path = tmp_path / "feed.db"
    build([str(feed)], ledger_path, workers=2).close()
    with Ledger(ledger_path, readonly=True) as ledger:
        scores = score_ledger(ledger, items, incidents)
    killed, wounded = scores["killed"], scores["wounded"]
    assert killed.gold_pairs >= 20 and killed.pair_f1 >= FLOOR_KILLED, killed.line()
    assert wounded.pair_f1 >= FLOOR_WOUNDED, wounded.line()
    assert killed.bcubed_f1 >= 0.94, killed.line()


def test_the_tool_never_reads_the_filing(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "x", "text": "A flood.", "published": "2025-01-02", "topics": ["T"], '
        '"section": "S"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    kept = tool_feed(source, out, "2025-01-01", "2025-02-01")
    assert kept[1]["topics"] == ["T"]
    assert "topics" not in out.read_text(encoding="utf-8")
    assert "section" not in out.read_text(encoding="utf-8")
