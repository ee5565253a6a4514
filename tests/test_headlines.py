"""The headline of each slot and event: the answer first, composed at alignment from the
stored values, the same words in every view and in the JSON a script reads."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest

from consilience.api import build
from consilience.numbers import number
from consilience.store import Ledger
from tests.conftest import EXAMPLES, run_cli


@pytest.fixture(scope="module")
def example_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("headlines") / "example.db"
    build([str(EXAMPLES)], path).close()
    return path


def test_disputed_slot_headline_gives_range_best_latest_and_approximations(
    example_ledger: Path,
) -> None:
    with Ledger(example_ledger, readonly=True) as ledger:
        killed = next(s for s in ledger.slots() if s["measure"] == "killed")
        documents = {d["id"]: d for d in ledger.documents()}
    values = [v["value"] for v in killed["values"] if v["value"] is not None]
    headline = killed["headline"]
    opening = f"Sources say {number(min(values))} to {number(max(values))} people were killed."
    assert headline.startswith(opening)
    best = next(v for v in killed["values"] if v["value"] == killed["best"])
    count = best["independent_sources"]
    assert f"{killed['best_text']} is stated by {count} independent source" in headline
    latest = documents[killed["latest"]["document"]]
    assert f"({_day_month_year(latest['published'])}, {latest['publisher']})" in headline
    assert re.search(r"\d+ sources? gives? (an )?approximate figures?\.$", headline)


def test_every_headline_number_is_a_value_some_source_states(example_ledger: Path) -> None:
    with Ledger(example_ledger, readonly=True) as ledger:
        slots = ledger.slots()
    for slot in slots:
        opening = slot["headline"].split(".")[0]
        stated = {number(v["value"]) for v in slot["values"] if v["value"] is not None}
        stated |= {v["text"] for v in slot["values"]}
        for figure in re.findall(r"\d[\d,]*", opening):
            assert figure in stated, (opening, stated)


def test_headlines_are_in_show_json_and_the_export(example_ledger: Path) -> None:
    shown = run_cli("show", str(example_ledger), "--json")
    assert shown.returncode == 0, shown.stderr
    record = json.loads(shown.stdout)
    assert all(slot["headline"] for slot in record["slots"])
    assert all(event["headline"] for event in record["events"])
    exported = run_cli("export", str(example_ledger), "--format", "json")
    whole = json.loads(exported.stdout)
    assert [s["headline"] for s in whole["slots"]][:3] == [s["headline"] for s in record["slots"]][
        :3
    ]
    event = whole["events"][0]
    assert event["headline"].startswith(event["label"] + ": ")


def test_terminal_view_opens_on_the_headlines(example_ledger: Path) -> None:
    shown = run_cli("show", str(example_ledger))
    assert shown.returncode == 0, shown.stderr
    with Ledger(example_ledger, readonly=True) as ledger:
        event = ledger.events()[0]
    flat = " ".join(shown.stdout.split())
    assert " ".join(event["headline"].split()) in flat
    # The headlines come before the tables.
    assert flat.index(" ".join(event["headline"].split())) < flat.index("figure slots")


def _day_month_year(published: str) -> str:
    return datetime.date.fromisoformat(published[:10]).strftime("%-d %B %Y")
