"""Two similar events stay two events: ECB+ topics hold articles about two bank bombings,
two shootings..., told apart by the file name (see consilience.eval.ecbplus)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from consilience.api import build
from consilience.eval.ecbplus import score_ledger, subtopic
from consilience.eval.portal import figure_clusters
from consilience.store import Ledger

from .conftest import SHARED

TOPICS = SHARED / "data" / "ecbplus-dev"
# Two topics with casualty figures in both of their events: 8 (two bank bombings) and
# 16 (two shootings of police officers).
CHOSEN = ("8", "16")


@pytest.mark.skipif(not TOPICS.exists(), reason=f"needs the ECB+ articles at {TOPICS}")
def test_the_two_events_of_a_topic_never_share_an_event(tmp_path: Path) -> None:
    build([str(TOPICS / topic) for topic in CHOSEN], tmp_path / "ecb.db", workers=2).close()
    with Ledger(tmp_path / "ecb.db", readonly=True) as ledger:
        gold = {str(d["id"]): subtopic(str(d["path"])) for d in ledger.documents()}
        clusters = figure_clusters(ledger)
        members: dict[str, set[str | None]] = defaultdict(set)
        for figure in ledger.iter_claims("figures"):
            if figure["measure"] in ("killed", "wounded"):
                members[clusters[str(figure["id"])]].add(gold[str(figure["doc"])])
        scores, mixed, _ = score_ledger(ledger)
    assert len(members) >= 4
    assert mixed == 0, [sorted(map(str, m)) for m in members.values() if len(m) > 1]
    assert scores["killed"].pair_precision >= 0.9, scores["killed"].line()
