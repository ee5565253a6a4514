"""Slots, verdicts and explanations, end to end: small corpora of our own reports go through
ingest, extract and align, and the slots a user reads are checked."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from consilience import build


def align_corpus(folder: Path, reports: dict[str, tuple[str, str | None]]) -> dict[str, Any]:
    """Write each report (text, published) with a sidecar, build a ledger, return its JSON
    export plus a map from document id to file stem."""
    folder.mkdir()
    for stem, (text, published) in reports.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
        if published:
            meta = {"published": published, "publisher": stem}
            (folder / f"{stem}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with build([str(folder)], folder.parent / f"{folder.name}.db") as ledger:
        record = ledger.to_dict()
    record["names"] = {d["id"]: Path(d["path"]).stem for d in record["documents"]}
    return record


def slots_for(record: dict[str, Any], measure: str) -> list[dict[str, Any]]:
    return [slot for slot in record["slots"] if slot["measure"] == measure]


def kinds(slot: dict[str, Any]) -> set[str]:
    return {item["kind"] for item in slot["explanations"]}


def test_rising_toll_across_reports_is_an_update_with_the_latest_figure(tmp_path: Path) -> None:
    record = align_corpus(
        tmp_path / "quake",
        {
            "a": (
                "At least 3 people were killed when an earthquake struck the town of Merrow "
                "on Monday, officials said.",
                "2031-05-12T06:00:00+00:00",
            ),
            "b": (
                "The death toll from the earthquake in Merrow rose to 11 on Monday evening, "
                "the regional governor said.",
                "2031-05-12T19:00:00+00:00",
            ),
            "c": (
                "Rescuers said 27 people were killed in the Merrow earthquake. Hundreds of "
                "homes were left without power.",
                "2031-05-13T09:30:00+00:00",
            ),
        },
    )
    [slot] = slots_for(record, "killed")
    assert slot["sources"] == 3
    assert "update" in kinds(slot)
    assert "contradiction" not in kinds(slot)
    assert slot["latest"]["value"] == 27
    assert record["names"][slot["latest"]["document"]] == "c"
    assert slot["best"] == 27
    assert (slot["low"], slot["high"]) == (3, 27)


def test_same_event_different_numbers_is_a_contradiction(tmp_path: Path) -> None:
    record = align_corpus(
        tmp_path / "market",
        {
            "first": (
                "Four people were killed in a shooting at the Alder Street market in Pellham "
                "on Saturday, police said.",
                "2031-03-08",
            ),
            "second": (
                "Seven people were killed in a shooting at the Alder Street market in Pellham "
                "on Saturday, according to hospital staff.",
                "2031-03-08",
            ),
        },
    )
    [slot] = slots_for(record, "killed")
    assert slot["verdict"] == "conflicting"
    assert "contradiction" in kinds(slot)
    [contradiction] = [e for e in slot["explanations"] if e["kind"] == "contradiction"]
    assert sorted(contradiction["claims"]) == sorted(slot["claims"])
    assert slot["best"] == 4  # a tie between two single sources goes to the lower value


def test_no_one_killed_against_a_toll_is_a_contradiction(tmp_path: Path) -> None:
    record = align_corpus(
        tmp_path / "depot",
        {
            "depot-a": (
                "No one was killed in the fire at the Dunmore depot on Tuesday, the fire "
                "service said.",
                "2031-02-04",
            ),
            "depot-b": (
                "Two workers were killed in the fire at the Dunmore depot on Tuesday.",
                "2031-02-04",
            ),
        },
    )
    [slot] = slots_for(record, "killed")
    assert sorted(value["value"] for value in slot["values"]) == [0, 2]
    assert slot["verdict"] == "conflicting"
    assert "contradiction" in kinds(slot)


def test_copied_wire_text_counts_once(tmp_path: Path) -> None:
    wire = (
        "Police in the port city of Velna detained 214 people after protesters blocked the "
        "main coastal road for most of Thursday afternoon."
    )
    record = align_corpus(
        tmp_path / "protest",
        {
            "wire": (wire, "2031-07-10"),
            "reprint": ("Evening edition. " + wire + " Traffic resumed at night.", "2031-07-10"),
            "local": (
                "After the clashes in Velna on Thursday, a police spokeswoman said officers "
                "had arrested 214 protesters.",
                "2031-07-11",
            ),
        },
    )
    [slot] = slots_for(record, "arrested")
    assert slot["verdict"] == "agreed"
    assert slot["sources"] == 3
    assert slot["independent_sources"] == 2
    assert "subject" in kinds(slot)  # detained vs arrested is shown, not hidden


def test_an_earlier_years_figure_stays_out_of_this_events_slot(tmp_path: Path) -> None:
    record = align_corpus(
        tmp_path / "flood",
        {
            "now": (
                "Floods killed 12 people in the Ostra valley on 3 April 2031. In 2009 a "
                "flood in the same valley killed 300 people.",
                "2031-04-04",
            ),
            "also": (
                "Rescue teams in the valley confirmed on Friday that twelve residents had "
                "died in the floods of 3 April 2031.",
                "2031-04-04",
            ),
        },
    )
    slots = slots_for(record, "killed")
    by_value = {value["value"]: slot for slot in slots for value in slot["values"]}
    assert by_value[12] is not by_value[300]
    assert by_value[12]["verdict"] == "agreed"
    assert by_value[300]["verdict"] == "single_source"


def test_approximate_and_exact_figures_are_compatible(tmp_path: Path) -> None:
    record = align_corpus(
        tmp_path / "storm",
        {
            "one": ("About 20 people were injured in the storm in Caldy on Friday.", "2031-09-06"),
            "two": ("The storm injured 21 people in Caldy on Friday.", "2031-09-06"),
        },
    )
    [slot] = slots_for(record, "wounded")
    assert slot["verdict"] == "compatible"  # "about 20" allows 19 to 21
    assert kinds(slot) == {"approximation"}


def test_an_exact_figure_just_outside_an_approximate_one_is_explained(tmp_path: Path) -> None:
    record = align_corpus(
        tmp_path / "storm",
        {
            "one": ("About 20 people were injured in the storm in Caldy on Friday.", "2031-09-06"),
            "three": (
                "Eighteen people were hurt when the storm hit Caldy on Friday.",
                "2031-09-06",
            ),
        },
    )
    [slot] = slots_for(record, "wounded")
    assert slot["verdict"] == "conflicting"
    assert kinds(slot) == {"approximation"}


def test_parts_that_do_not_add_up_to_the_stated_total(tmp_path: Path) -> None:
    record = align_corpus(
        tmp_path / "parts",
        {
            "report": (
                "The storm killed 12 people in Arlo on Sunday. Nine people were killed in "
                "Benn and four people were killed in Cray. In total, 30 people were killed "
                "in the storm on Sunday, the ministry said.",
                "2031-10-13",
            ),
        },
    )
    [slot] = slots_for(record, "killed")
    assert len(slot["parts"]) == 3
    [item] = [e for e in slot["explanations"] if e["kind"] == "arithmetic"]
    assert "12 + 9 + 4 = 25" in item["text"] and "30" in item["text"]
    assert slot["best"] == 30


def test_one_document_with_two_values_is_a_same_source_inconsistency(tmp_path: Path) -> None:
    record = align_corpus(
        tmp_path / "twice",
        {
            "paper": (
                "Fourteen people were killed in the collapse of a bridge in Dorrin on "
                "Wednesday. Rescue work continued overnight.\n\nThe collapse in Dorrin on "
                "Wednesday killed 11 people, the mayor said.",
                "2031-11-20",
            ),
            "other": (
                "The mayor's office in Dorrin said on Thursday that the death toll from the "
                "bridge disaster on Wednesday stood at 14.",
                None,
            ),
        },
    )
    [slot] = slots_for(record, "killed")
    assert "same_source_inconsistency" in kinds(slot)
    assert slot["best"] == 14


def test_soldiers_and_civilians_are_different_questions(tmp_path: Path) -> None:
    record = align_corpus(
        tmp_path / "shelling",
        {
            "a": ("Shelling killed 9 civilians in Rusk on Monday.", "2031-06-03"),
            "b": ("Shelling killed 4 soldiers near Rusk on Monday.", "2031-06-03"),
        },
    )
    slots = slots_for(record, "killed")
    assert sorted(slot["subject"] for slot in slots) == ["combatants", "people"]
    assert all(slot["verdict"] == "single_source" for slot in slots)


def test_a_wider_area_with_a_larger_count_is_a_scope_difference(tmp_path: Path) -> None:
    record = align_corpus(
        tmp_path / "scope",
        {
            "town": ("The cyclone killed 12 people in Truro on Monday.", "2031-01-14"),
            "county": (
                "Across Cornwall, the cyclone killed 40 people on Monday. Truro and Penzance "
                "were the worst hit.",
                "2031-01-14",
            ),
        },
    )
    [slot] = slots_for(record, "killed")
    assert slot["verdict"] == "conflicting"
    assert "scope" in kinds(slot)
    assert "contradiction" not in kinds(slot)


def test_same_week_same_toll_in_towns_no_report_connects_are_different_events(
    tmp_path: Path,
) -> None:
    # Each report names its town as a place entity (the split needs one on each side).
    record = align_corpus(
        tmp_path / "two-storms",
        {
            "north": ("A tornado killed 6 people in Leeds on Monday.", "2031-04-08"),
            "south": ("A tornado killed 9 people in Bristol on Wednesday.", "2031-04-10"),
        },
    )
    slots = slots_for(record, "killed")
    assert len(slots) == 2
    assert all(slot["verdict"] == "single_source" for slot in slots)


def test_weekly_reports_of_a_long_conflict_do_not_chain_into_one_event(tmp_path: Path) -> None:
    # One report a week for ten weeks, each about a new clash in the same province: every
    # pair of neighbours is within the merge slack, but the whole run is not one event.
    days = [date(2032, 3, 1) + timedelta(weeks=week) for week in range(10)]
    reports = {
        f"w{week}": (
            f"Officials said {4 + week} people were killed in a clash in Varn province on "
            f"{day.day} {day:%B} {day.year}.",
            day.isoformat(),
        )
        for week, day in enumerate(days)
    }
    record = align_corpus(tmp_path / "weekly", reports)
    slots = slots_for(record, "killed")
    assert len(slots) >= 2
    for slot in slots:
        times = sorted(
            next(f for f in record["figures"] if f["id"] == claim)["time"]
            for claim in slot["claims"]
        )
        first, last = date.fromisoformat(times[0]), date.fromisoformat(times[-1])
        assert (last - first).days <= 31 + 7


def test_subject_heads_and_classes_of_common_subject_phrases() -> None:
    from consilience.align.figures import subject_class, subject_head

    cases = {
        "innocent civilians including the children, women and the old": ("civilian", "people"),
        "three gunmen": ("gunman", "combatants"),
        "soldiers and officers from units of the army": ("officer", "combatants"),
        "houses and apartments": ("apartment", "buildings"),
        "Ardavians": ("ardavian", "people"),
        "specimens": ("specimen", "specimen"),
        "": ("", "people"),
    }
    for subject, (head, kind) in cases.items():
        assert subject_head(subject) == head, subject
        assert subject_class(head, "killed", subject) == kind, subject


def test_a_report_placed_only_by_a_landmark_stays_with_the_main_event(tmp_path: Path) -> None:
    record = align_corpus(
        tmp_path / "landmark",
        {
            "first": ("Floods killed 9 people in Leeds on Monday.", "2031-04-08"),
            "second": ("Floods killed 9 people in Leeds on Monday, officials said.", "2031-04-08"),
            "later": (
                "The death toll from the floods rose to 14 on Tuesday after divers searched "
                "near the old mill bridge.",
                "2031-04-09",
            ),
        },
    )
    [slot] = slots_for(record, "killed")
    assert slot["sources"] == 3
    assert slot["latest"]["value"] == 14
