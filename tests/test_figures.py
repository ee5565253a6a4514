"""Figures, construction by construction, on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from consilience.extract import extract
from consilience.extract.claims import FigureClaim
from consilience.extract.figures.numbers import interval, word_value

from .conftest import text_document


def figures(text: str) -> list[FigureClaim]:
    document = text_document(text)
    found = extract(document).figures
    for figure in found:
        assert text[figure.start : figure.end] == figure.text
        assert text[figure.number_start : figure.number_end] == figure.number_text
        assert figure.start <= figure.number_start < figure.number_end <= figure.end
    return found


def summary(text: str) -> list[tuple[Any, ...]]:
    return [(f.number_text, f.value, f.low, f.high, f.qualifier, f.measure) for f in figures(text)]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["147"], 147), (["66,000"], 66000), (["thirty", "-", "six"], 36), (["Thirty", "-", "six"], 36),
        (["1.5", "million"], 1_500_000), (["66", "thousand"], 66000), (["a", "dozen"], 12),
        (["two", "hundred"], 200), (["two", "hundred", "and", "five"], 205), (["twelve"], 12),
    ],
)  # fmt: skip
def test_written_numbers_parse(words: list[str], value: int) -> None:
    assert word_value(words) == value


@pytest.mark.parametrize(
    ("value", "qualifier", "expected"),
    [
        (150, "approximately", (142, 158)), (66000, "more_than", (66001, None)),
        (630, "at_least", (630, None)), (30, "up_to", (None, 30)), (147, "exact", (147, 147)),
        (10, "at_most", (None, 10)), (40, "approximately", (38, 42)),
    ],
)  # fmt: skip
def test_qualifiers_map_to_documented_intervals(
    value: int, qualifier: str, expected: tuple[int | None, int | None]
) -> None:
    assert interval(value, qualifier) == expected


def test_nearly_keeps_a_band_below_the_number() -> None:
    assert summary("Nearly 30 people were hurt in the crash.") == [
        ("Nearly 30", 30, 27, 29, "fewer_than", "wounded")
    ]


def test_coordinated_passives_give_one_figure_each() -> None:
    text = "In the riots, 63 residents were killed, 210 were wounded, and 95 were arrested."
    assert [(n, v, m) for n, v, _, _, _, m in summary(text)] == [
        ("63", 63, "killed"), ("210", 210, "wounded"), ("95", 95, "arrested"),
    ]  # fmt: skip
    spans = [f.text for f in figures(text)]
    assert spans == ["63 residents were killed", "210 were wounded", "95 were arrested"]


def test_active_voice_and_more_inherit_the_subject() -> None:
    found = figures("Gunmen killed 17 villagers and fatally wounded 4 more near the market.")
    assert [(f.value, f.measure, f.subject) for f in found] == [
        (17, "killed", "villagers"),
        (4, "killed", "villagers"),
    ]
    assert found[1].subject_inherited


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blast resulted in the deaths of 23 workers.", (23, "killed")),
        ("Witnesses described the killing of 40 prisoners.", (40, "killed")),
        ("Officials confirmed the wounding of 51 people.", (51, "wounded")),
        ("Rights groups condemned the arrest of 18 journalists.", (18, "arrested")),
        ("The deportation of thousands of families began in spring.", (None, "displaced")),
        ("The storm caused the destruction of 90 homes.", (90, "destroyed")),
    ],
)
def test_nominalisations(text: str, expected: tuple[int | None, str]) -> None:
    [figure] = figures(text)
    assert (figure.value, figure.measure) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The earthquake left 300 people injured.", (300, "wounded")),
        ("The cyclone left 12,000 homeless.", (12000, "displaced")),
        ("The fighting caused 700 families to flee.", (700, "displaced")),
        ("Police said 6 people were still missing.", (6, "missing")),
        ("The raid left two children dead.", (2, "killed")),
    ],
)
def test_outcome_beside_a_neutral_verb(text: str, expected: tuple[int, str]) -> None:
    [figure] = figures(text)
    assert (figure.value, figure.measure) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police detained 60 people, 12 of whom were later jailed.", [(60, "detained"), (12, "imprisoned")]),
        ("Six of the deaths were children under five.", [(6, "killed")]),
        ("Of the dead, 12 were found downstream and 9 near the bridge.", [(12, "killed"), (9, "killed")]),
    ],
)  # fmt: skip
def test_partitives(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(f.value, f.measure) for f in figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More than 4,000 troops were deployed to the border.", ("More than 4,000", 4001, None)),
        ("At least 12 people died in the fire.", ("At least 12", 12, None)),
        ("About 150 protesters were detained.", ("About 150", 142, 158)),
        ("As many as 80 people were evacuated.", ("As many as 80", None, 80)),
        ("Between 120 and 150 people were arrested.", ("Between 120 and 150", 120, 150)),
        ("Dozens of shops were damaged by the blast.", ("Dozens", 24, 99)),
        (
            "Hundreds of thousands of people fled the region.",
            ("Hundreds of thousands", 200000, 999999),
        ),
        ("Several people were injured.", ("Several", 3, 9)),
        ("Thirty-six miners were killed.", ("Thirty-six", 36, 36)),
        ("Some 1.5 million people were displaced.", ("Some 1.5 million", 1425000, 1575000)),
    ],
)
def test_qualified_and_vague_counts(
    text: str, expected: tuple[str, int | None, int | None]
) -> None:
    [figure] = figures(text)
    assert (figure.number_text, figure.low, figure.high) == expected


def test_ranges_keep_both_ends_and_no_midpoint() -> None:
    [figure] = figures("Between 120 and 150 people were arrested.")
    assert (figure.value, figure.qualifier) == (None, "range")


@pytest.mark.parametrize(
    "text",
    [
        "The 44-day war ended in November 2020.",
        "Thirty-six years have passed since the tragedy.",
        "They marked the 36th anniversary of the events.",
        "Article 1 of the covenant guarantees the right.",
        "Resolution 822 was adopted by the council.",
        "A 25-year-old man was questioned and released.",
        "The government pledged $5 million in aid to 3 provinces.",
        "Turnout rose by 12 percent in 1990.",
        "The two countries signed an agreement.",
        "Many people were injured, officials said.",
        "The bridge is 40 metres long.",
    ],
)
def test_numbers_that_are_not_counts(text: str) -> None:
    assert figures(text) == []


def test_negation_is_a_zero_figure() -> None:
    assert summary("No one was killed in the explosion.") == [
        ("No one", 0, 0, 0, "exact", "killed")
    ]
    [figure] = figures("There were no injuries, the fire service said.")
    assert (figure.value, figure.measure) == (0, "wounded")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A man was shot and killed outside the bar.", (1, "killed")),
        ("A teenager was wounded in the attack.", (1, "wounded")),
        ("He and three others were shot near the station.", (4, "wounded")),
        ("A police officer was abducted on Monday.", (1, "kidnapped")),
    ],
)
def test_implicit_counts_without_numerals(text: str, expected: tuple[int, str]) -> None:
    [figure] = figures(text)
    assert (figure.value, figure.measure) == expected
    assert figure.implicit


def test_combined_outcomes_are_other() -> None:
    [figure] = figures("Hundreds were killed, wounded, or went missing during the raids.")
    assert (figure.measure, figure.low, figure.high) == ("other", 200, 999)


def test_death_toll_phrasing() -> None:
    [figure] = figures("The death toll rose to 34 on Monday.")
    assert (figure.value, figure.measure) == (34, "killed")


def test_list_items_take_the_measure_of_their_nominal() -> None:
    found = figures(
        "The fire led to the destruction of 300 shops and offices, 40 cars including buses."
    )
    assert [(f.value, f.measure, f.text) for f in found] == [
        (300, "destroyed", "the destruction of 300 shops and offices"),
        (40, "destroyed", "40 cars including buses"),
    ]


def test_recognised_only_with_as() -> None:
    [figure] = figures("In all, 150 people are officially recognised as victims of the massacre.")
    assert (figure.value, figure.measure, figure.attribution) == (150, "recognised", "officially")
    assert figures("The court recognised 3 claims.") == []


def test_attribution_place_and_time() -> None:
    text = (
        "Heavy rain fell on Quito on Tuesday.\n"
        "At least 9 people drowned, police said.\n"
        "In Lima, 3 people were hurt, according to the regional hospital."
    )
    first, second = figures(text)
    assert (first.attribution, first.place, first.place_inherited) == ("police", ["Quito"], True)
    assert (first.time, first.time_inherited) == ("XXXX-WXX-2", True)  # no document date
    assert (second.attribution, second.place, second.place_inherited) == (
        "the regional hospital",
        ["Lima"],
        False,
    )


def test_headline_line_is_its_own_sentence() -> None:
    found = figures(
        "Blast kills 12 in Orvik market\nORVIK - Police said the blast was heard across town."
    )
    assert [(f.value, f.text) for f in found] == [(12, "Blast kills 12 in Orvik market")]


def test_group_members_counted_apart_or_together() -> None:
    # People listed as one verb's patient, a single person among them, are one count (the
    # list "each counted", issue 14); members all counted by numbers stay apart.
    assert [(f.number_text, f.value, f.implicit) for f in figures(
        "Two soldiers and a shepherd were killed in the raid."
    )] == [("Two soldiers and a shepherd", 3, True)]  # fmt: skip
    assert [(f.number_text, f.value) for f in figures(
        "Two soldiers and six militants were killed in the clashes near Dorn."
    )] == [("Two", 2), ("six", 6)]  # fmt: skip
    [family] = figures("A man and his three sons were injured when the roof fell.")
    assert (family.value, family.implicit, family.measure) == (4, True, "wounded")


def test_single_person_in_an_including_subset() -> None:
    found = figures("The fire killed 9 people, including a firefighter, officials said.")
    assert [(f.value, f.measure, f.implicit) for f in found] == [
        (9, "killed", False),
        (1, "killed", True),
    ]
    subset = figures("Forty people, including six children, were evacuated.")
    assert [(f.value, f.measure) for f in subset] == [(40, "evacuated"), (6, "evacuated")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three more bodies were found, bringing the death toll to 21.", [(3, "killed"), (21, "killed")]),
        ("Two more people died overnight, raising the number of dead to 15.", [(2, "killed"), (15, "killed")]),
        ("The toll has risen to 63, up from 41 on Friday.", [(63, "killed"), (41, "killed")]),
        ("Police put the crowd at 8,000.", [(8000, "protesters")]),
    ],
)  # fmt: skip
def test_running_totals_and_estimates(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(f.value, f.measure) for f in figures(text)] == expected


def test_a_verb_of_exceeding_makes_a_lower_bound() -> None:
    [figure] = figures("The death toll has passed 500.")
    assert (figure.qualifier, figure.low, figure.high) == ("more_than", 501, None)


def test_purpose_clause_names_the_measure() -> None:
    [figure] = figures("Some 2,000 farmers gathered outside parliament to protest the tax.")
    assert (figure.measure, figure.low, figure.high) == ("protesters", 1900, 2100)


def test_a_status_undone_is_no_figure() -> None:
    assert figures("Thirty prisoners escaped from the jail after the attack.") == []


def test_gapped_list_items_continue_the_figure_before() -> None:
    found = figures(
        "Of the injured, 20 were taken to Dellow, 14 to Orvik and 3 to the field clinic."
    )
    assert [(f.value, f.measure) for f in found] == [
        (20, "wounded"),
        (14, "wounded"),
        (3, "wounded"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three gunmen killed 12 villagers.", [(12, "killed")]),
        ("Tens of thousands of children flooded the square.", []),
        ("Two soldiers shot and wounded a protester.", [(1, "wounded")]),
    ],
)
def test_an_active_subject_is_the_agent_not_the_counted(
    text: str, expected: list[tuple[int, str]]
) -> None:
    assert [(f.value, f.measure) for f in figures(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The rebels threatened to kill 20 hostages.",
        "The dam could displace 40,000 people.",
        "He was accused of plotting to kill a judge.",
        "The driver was not injured.",
    ],
)
def test_what_did_not_happen_is_no_figure(text: str) -> None:
    assert figures(text) == []


def test_places_and_times_after_a_verb_are_not_counted() -> None:
    assert [
        (f.value, f.measure) for f in figures("He was arrested in several states and 3 countries.")
    ] == [(1, "arrested")]


def test_including_after_the_verb_shares_its_patient() -> None:
    found = figures("At least 40 people were killed, including 15 children, in the airstrike.")
    assert [(f.value, f.measure) for f in found] == [(40, "killed"), (15, "killed")]


def test_verb_to_death_is_killed() -> None:
    found = figures("Of the victims, three were beaten to death and two were strangled.")
    assert [(f.value, f.measure) for f in found] == [(3, "killed"), (2, "killed")]


def test_reciprocal_and_gerund_mentions_are_no_figure() -> None:
    assert figures("The law forbids citizens from killing one another.") == []
    assert figures("She said he had talked about killing the minister.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 9,000 residents left homeless were moved to camps.", [(9000, "displaced")]),
        ("A further 12 people were reported missing.", [(12, "missing")]),
        ("The army moved 3,000 reservists to the border.", [(3000, "deployed")]),
        ("The government said it would send 800 troops.", [(800, "deployed")]),
        ("A dozen officers suffered minor injuries.", [(12, "wounded")]),
        ("The storm drove some 4,000 people from their homes.", [(4000, "displaced")]),
        ("Some 30,000 people remain in emergency shelters.", [(30000, "displaced")]),
        ("The quake flattened 2,300 houses.", [(2300, "destroyed")]),
        ("Organisers put the turnout at 180,000.", [(180000, "protesters")]),
        ("The number of people killed rose to 41.", [(41, "killed")]),
        ("He addressed a crowd of 8,000 in the square.", [(8000, "protesters")]),
    ],
)
def test_more_news_constructions(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(f.value, f.measure) for f in figures(text)] == expected


def test_an_estimate_restates_the_figure_before() -> None:
    text = "A commission put the toll at 212, while historians estimate between 450 and 600."
    assert [(f.low, f.high, f.measure) for f in figures(text)] == [
        (212, 212, "killed"),
        (450, 600, "killed"),
    ]


def test_wire_dateline_does_not_swallow_the_count() -> None:
    text = "VELMAR, Aug. 6 - At least 54 miners were killed in the blast, officials said."
    [figure] = figures(text)
    assert (figure.number_text, figure.low, figure.measure) == ("At least 54", 54, "killed")
    assert figure.text == "At least 54 miners were killed in the blast"


def test_a_place_phrase_on_a_measure_noun_is_not_counted() -> None:
    found = figures("The death toll from the storms in the three provinces stands at 88.")
    assert [(f.value, f.measure) for f in found] == [(88, "killed")]


def test_a_noun_with_a_verb_lemma_is_no_trigger() -> None:
    assert figures("The minister met ambassadors and charges d'affaires of 30 countries.") == []


def test_among_the_dead_with_a_single_person_and_a_count() -> None:
    found = figures("Among the dead were a shepherd and four members of one family.")
    assert [(f.value, f.measure, f.implicit) for f in found] == [
        (1, "killed", True),
        (4, "killed", False),
    ]
    assert all(not f.text.endswith(" and") for f in found)


def test_remains_and_hostages_and_half_a_million() -> None:
    assert [(f.value, f.measure) for f in figures("Teams recovered the remains of 40 people.")] == [
        (40, "killed")
    ]
    assert [(f.value, f.measure) for f in figures("Rebels took nine workers hostage.")] == [
        (9, "kidnapped")
    ]
    [figure] = figures("Half a million residents fled the coast.")
    assert (figure.value, figure.measure) == (500000, "displaced")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seven of the wounded died overnight in hospital.", [(7, "killed")]),
        ("Gunmen were still holding 60 people hostage.", [(60, "kidnapped")]),
        ("Fourteen hostages were taken to hospital.", [(14, "wounded")]),
        (
            "More than 12,000 people crossed the border to escape the fighting.",
            [(12000, "displaced")],
        ),
        ("Troops opened fire, killing a teenage demonstrator.", [(1, "killed")]),
        ("Nearly 500 villagers fled Grisk after the attack.", [(500, "displaced")]),
    ],
)
def test_verbs_say_what_happened(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(f.value, f.measure) for f in figures(text)] == expected
