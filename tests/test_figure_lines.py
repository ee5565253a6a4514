"""Figures in terse list, table and infobox lines (extract/figures/lines.py), on lines
written for these tests, through the real extractor."""

from __future__ import annotations

from typing import Any

import pytest

from .test_figures import figures, summary

# (a) NUMBER DASH-or-COLON MEASURE-WORD


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("317 - injured", ("317", 317, 317, 317, "exact", "wounded")),
        ("14 \u2013 missing", ("14", 14, 14, 14, "exact", "missing")),
        ("56 \u2014 arrested", ("56", 56, 56, 56, "exact", "arrested")),
        ("2,450: displaced", ("2,450", 2450, 2450, 2450, "exact", "displaced")),
        ("about 90 - evacuated", ("about 90", 90, 85, 95, "approximately", "evacuated")),
        ("31 \u2013 dead", ("31", 31, 31, 31, "exact", "killed")),
        ("8 - kidnapped", ("8", 8, 8, 8, "exact", "kidnapped")),
    ],
)
def test_number_then_measure_word(line: str, expected: tuple[Any, ...]) -> None:
    assert summary(f"Storm over Vasko Bay\n{line}\n") == [expected]


def test_number_then_measure_word_lines_in_a_row() -> None:
    text = "Ferry fire off Lurra\n212 - injured\n9 \u2013 missing\n48 \u2014 arrested\n"
    found = figures(text)
    assert [(f.value, f.measure, f.trigger, f.implicit) for f in found] == [
        (212, "wounded", "injured", False),
        (9, "missing", "missing", False),
        (48, "arrested", "arrested", False),
    ]
    assert [f.text for f in found] == ["212 - injured", "9 \u2013 missing", "48 \u2014 arrested"]


# (b) MEASURE-WORD COLON-or-DASH NUMBER


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Killed: 17", ("17", 17, 17, 17, "exact", "killed")),
        ("Wounded: 88", ("88", 88, 88, 88, "exact", "wounded")),
        ("Deaths: 1,350", ("1,350", 1350, 1350, 1350, "exact", "killed")),
        ("Injured - 52", ("52", 52, 52, 52, "exact", "wounded")),
        ("Missing: at least 11", ("at least 11", 11, 11, None, "at_least", "missing")),
        ("Arrests \u2013 over 300", ("over 300", 300, 301, None, "more_than", "arrested")),
        ("Refugees: 40,000\u201345,000", ("40,000\u201345,000", None, 40000, 45000, "range", "displaced")),
        ("Shot: 6", ("6", 6, 6, 6, "exact", "wounded")),
        ("Fled: nearly 2,000", ("nearly 2,000", 2000, 1800, 1999, "fewer_than", "displaced")),
        ("Kidnapped: 5", ("5", 5, 5, 5, "exact", "kidnapped")),
        ("Death toll: 64", ("64", 64, 64, 64, "exact", "killed")),
    ],
)  # fmt: skip
def test_measure_word_then_number(line: str, expected: tuple[Any, ...]) -> None:
    assert summary(f"Flooding in the Teravin valley\n{line}\n") == [expected]


def test_infobox_fields_each_give_a_figure() -> None:
    text = "Battle of Kessa Ridge\nKilled: 230\nWounded: 615\nMissing: 40\nDuration: 3 days\n"
    found = figures(text)
    assert [(f.value, f.measure, f.trigger, f.implicit) for f in found] == [
        (230, "killed", "Killed", False),
        (615, "wounded", "Wounded", False),
        (40, "missing", "Missing", False),
    ]


def test_label_words_beside_the_participle_are_the_subject() -> None:
    text = "Raid on Pelvar\nCivilians killed: 19\nDestroyed homes - 140\nDisplaced people: 4,000\n"
    found = figures(text)
    assert [(f.value, f.measure, f.subject) for f in found] == [
        (19, "killed", "Civilians"),
        (140, "destroyed", "homes"),
        (4000, "displaced", "people"),
    ]
    assert not any(f.subject_inherited for f in found)


# (c) NUMBER [SUBJECT WORDS] PARTICIPLE on a line without a verb of its own


@pytest.mark.parametrize(
    ("line", "expected", "subject"),
    [
        ("140\u2013180 civilians killed", ("140\u2013180", None, 140, 180, "range", "killed"), "civilians"),
        ("15-22 soldiers killed", ("15-22", None, 15, 22, "range", "killed"), "soldiers"),
        ("4,100 homes destroyed", ("4,100", 4100, 4100, 4100, "exact", "destroyed"), "homes"),
        ("over 70 wounded", ("over 70", 70, 71, None, "more_than", "wounded"), None),
        ("Six fishermen missing", ("Six", 6, 6, 6, "exact", "missing"), "fishermen"),
        ("around 600 residents evacuated", ("around 600", 600, 570, 630, "approximately", "evacuated"), "residents"),
        ("Three miners killed in Dorvash", ("Three", 3, 3, 3, "exact", "killed"), "miners"),
    ],
)  # fmt: skip
def test_number_subject_participle(line: str, expected: tuple[Any, ...], subject: str) -> None:
    found = figures(f"Quake near Halmo\n{line}\n")
    assert [(f.number_text, f.value, f.low, f.high, f.qualifier, f.measure) for f in found] == [
        expected
    ]
    if subject is not None:
        assert found[0].subject == subject
        assert not found[0].subject_inherited


def test_several_terse_counts_on_one_line() -> None:
    text = "Bus crash on the Orsa pass: 12 passengers killed, 30 injured\n"
    assert [(v, m) for _, v, _, _, _, m in summary(text)] == [(12, "killed"), (30, "wounded")]


# (d) items under a heading that names a measure


def test_numbered_items_under_a_measure_heading() -> None:
    text = (
        "Deaths by province\n"
        "1. Northern province: 4,512\n"
        "2. Coastal district: 1,020\n"
        "3) Upper Tesk: about 300\n"
    )
    found = figures(text)
    assert [(f.value, f.low, f.high, f.qualifier, f.measure) for f in found] == [
        (4512, 4512, 4512, "exact", "killed"),
        (1020, 1020, 1020, "exact", "killed"),
        (300, 285, 315, "approximately", "killed"),
    ]
    assert [f.subject for f in found] == ["Northern province", "Coastal district", "Upper Tesk"]
    assert [f.trigger for f in found] == ["Deaths", "Deaths", "Deaths"]
    assert [f.text for f in found] == [
        "Northern province: 4,512",
        "Coastal district: 1,020",
        "Upper Tesk: about 300",
    ]


def test_bulleted_items_under_a_measure_heading() -> None:
    text = (
        "Displaced, by district:\n\n"
        "\u2022 Marrin: 2,300\n"
        "- Old Quay: 1,800\u20132,100\n"
        "* Sorrel Heights: over 900\n"
        "Total: 5,000\n"
    )
    found = figures(text)
    assert [(f.value, f.low, f.high, f.qualifier, f.measure, f.subject) for f in found] == [
        (2300, 2300, 2300, "exact", "displaced", "Marrin"),
        (None, 1800, 2100, "range", "displaced", "Old Quay"),
        (900, 901, None, "more_than", "displaced", "Sorrel Heights"),
        (5000, 5000, 5000, "exact", "displaced", None),
    ]


def test_an_item_label_that_names_a_measure_gives_its_own() -> None:
    text = "Casualties at the Brenn crossing\n- Killed: 9\n- Wounded: 27\n"
    assert [(v, m) for _, v, _, _, _, m in summary(text)] == [(9, "killed"), (27, "wounded")]


# A figure the dependency rules already found is not counted twice


def test_dependency_figures_are_not_repeated() -> None:
    text = "Ferry fire off Lurra\n1,200: displaced\n40 people were killed in Tarsk.\n"
    assert [(v, m) for _, v, _, _, _, m in summary(text)] == [(1200, "displaced"), (40, "killed")]


# No figure


@pytest.mark.parametrize(
    "text",
    [
        "Flight 370: 239\n",
        "Results by district\nFlight 370: 239\n",
        "Population: 12,000\n",
        "Ostrava Lake facts\nPopulation: 12,000\nArea: 45\n",
        "Timeline\n1998 \u2013 founded\n2004 \u2013 destroyed\n2011 \u2013 rebuilt\n",
        "Year \u2013 Deaths\n2019 \u2013 45\n2020 \u2013 61\n",
        "Deaths by year\n2019: 45\n2020: 61\n",
        "Damage: $40 million\n",
        "Killed: 12%\n",
        "Ward 12 \u2013 injured\n",
        "Aged 25 \u2013 injured\n",
        "March 12 \u2013 killed\n",
        "Level: 3\n",
        "The Velmar road \u2013 closed since the storm \u2013 reopened on Tuesday for 300 trucks.\n",
        "Orvik 3 \u2013 1 Vell\n",
        "The dead\nAna Brel: 34\nTomas Vell: 51\n",
    ],
)
def test_lines_that_are_no_figures(text: str) -> None:
    assert figures(text) == []


def test_an_age_is_no_count() -> None:
    assert "40" not in [f.number_text for f in figures("Injured: 40-year-old man\n")]


@pytest.mark.parametrize(
    "text",
    [
        "The convoy \u2013 which had waited three days at the border post near Kell \u2013 "
        "carried 40 wounded.\n",
        "Killed: 12 villagers and the rest of this line is a long piece of prose about them\n",
        "Officials said 212 - a figure still rising on Monday - were injured in the clashes.\n",
        "Three gunmen killed 12 villagers\n",
        "Two soldiers shot and wounded a protester\n",
        "12 killed as storm hits Orvik\n",
    ],
)
def test_prose_is_left_to_the_dependency_rules(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with_lines = summary(text)
    monkeypatch.setattr("consilience.extract.figures.line_figures", lambda *args: [])
    assert with_lines == summary(text)


def test_an_active_verb_with_its_object_is_no_terse_line() -> None:
    assert [(v, m) for _, v, _, _, _, m in summary("Three gunmen killed 12 villagers\n")] == [
        (12, "killed")
    ]
