"""Quotes and reported speech (`find_quotes`), on sentences written for these tests about
invented people and places, and on the gold quotes of the seed articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consilience.extract.claims import QuoteClaim
from consilience.extract.nlp import parse
from consilience.extract.quotes import find_quotes
from consilience.extract.temporal import find_dates
from consilience.ingest import Metadata, make_document

SHARED = Path(__file__).resolve().parents[2] / "shared"


def quotes(text: str, published: str | None = "2026-01-20") -> list[QuoteClaim]:
    """The quotes of `text`, every span checked against the text it claims to cover."""
    document = make_document(
        text=text, path="t.txt", source_file="t.txt", format="text", encoding="utf-8",
        metadata=Metadata(published=published),
    )  # fmt: skip
    parsed = list(parse(text))
    dates = find_dates(document.id, text, parsed, document.published)
    found = find_quotes(document.id, text, parsed, dates)
    for index, quote in enumerate(found):
        assert quote.id == f"{document.id}-q{index}"
        assert text[quote.start : quote.end] == quote.text
        assert text[quote.content_start : quote.content_end] == quote.content
        assert quote.start <= quote.content_start < quote.content_end <= quote.end
    assert [q.start for q in found] == sorted(q.start for q in found)
    return found


def one(text: str) -> QuoteClaim:
    [quote] = quotes(text)
    return quote


# Direct quotes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ('Mayor Ana Morel said: "We will rebuild every house in this town."', "said"),
        ('"We will rebuild every house in this town," Mayor Ana Morel said.', "said"),
        ("“We will rebuild every house in this town,” said Mayor Ana Morel.", "said"),
        ("Mayor Ana Morel told reporters: «We will rebuild every house in this town.»", "told"),
        ("« We will rebuild every house in this town », Mayor Ana Morel said.", "said"),
        ("Mayor Ana Morel said: ‹We will rebuild every house in this town.›", "said"),
        ("‘We will rebuild every house in this town,’ said Mayor Ana Morel.", "said"),
    ],
)
def test_direct_quotes_in_any_marks_with_the_speaker_before_or_after(text: str, cue: str) -> None:
    quote = one(text)
    assert quote.type == "direct"
    assert quote.content.startswith("We will rebuild every house in this town")
    assert quote.content[-1] in "n,."  # the marks and the spaces inside them excluded
    assert (quote.speaker, quote.speaker_text, quote.cue) == ("Ana Morel", "Mayor Ana Morel", cue)
    assert quote.text.startswith(("Mayor", "“", '"', "«", "‘"))


def test_the_quote_claim_covers_marks_and_attribution_the_content_only_the_words() -> None:
    text = "“The water came at night,” said Mayor Ana Morel."
    quote = one(text)
    assert quote.content == "The water came at night,"
    assert quote.text == "“The water came at night,” said Mayor Ana Morel"
    assert (quote.content_start, quote.content_end) == (1, 1 + len(quote.content))


def test_a_quote_split_by_its_attribution_is_one_quote() -> None:
    text = "“We will rebuild,” Mayor Ana Morel said, “within a year.”"
    quote = one(text)
    assert quote.type == "direct"
    assert quote.content == "We will rebuild,” Mayor Ana Morel said, “within a year."
    assert (quote.speaker, quote.cue) == ("Ana Morel", "said")
    assert quote.text == text


def test_a_participle_and_a_colon_introduce_the_quote() -> None:
    text = (
        "President Ana Morel posted a message on her social media accounts on Sunday, "
        "stating: “Our thoughts are with the families of Karsk tonight.”"
    )
    quote = one(text)
    assert quote.content == "Our thoughts are with the families of Karsk tonight."
    assert (quote.speaker, quote.cue) == ("Ana Morel", "stating")
    assert quote.date == "2026-01-18"  # the Sunday before publication


def test_a_line_ending_with_a_colon_introduces_the_quote_on_the_next_line() -> None:
    text = "Mayor Ana Morel said on Monday:\n“We will rebuild every house in this town.”"
    quote = one(text)
    assert (quote.speaker, quote.cue) == ("Ana Morel", "said")
    assert quote.content == "We will rebuild every house in this town."


def test_a_name_and_a_colon_attribute_a_quote_without_a_verb() -> None:
    text = "Mayor Ana Morel visited the flooded villages on Monday.\nMorel: «We will rebuild every house.»"
    quote = quotes(text)[-1]
    assert (quote.type, quote.speaker, quote.speaker_text, quote.cue) == (
        "direct",
        "Ana Morel",
        "Morel",
        None,
    )


def test_a_second_quote_keeps_the_speaker_of_the_first() -> None:
    text = (
        "Mayor Ana Morel visited Karsk.\n“We will rebuild,” she said. “Nobody will be left behind.”"
    )
    first, second = quotes(text)
    assert (first.speaker, first.speaker_text, first.cue) == ("Ana Morel", "she", "said")
    assert (second.content, second.speaker, second.cue) == (
        "Nobody will be left behind.",
        "Ana Morel",
        None,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Thousands marched on the anniversary of “Black January” in Karsk.",
        "Mayor Ana Morel said the memorial known as “Eternal Flame” would reopen.",
        "Residents laid flowers in the “Alley of Martyrs” on Monday.",
        "Mayor Ana Morel called the flood a “crime” against the town.",
        "The decree “On the Memory of the Victims of Karsk” was signed in 1998.",
    ],
)
def test_names_and_scare_quotes_in_marks_are_not_quotes(text: str) -> None:
    assert [q for q in quotes(text) if q.type == "direct"] == []


def test_apostrophes_do_not_open_or_close_single_quotes() -> None:
    text = "The mayor’s office didn’t comment on the town’s plans for the river’s banks."
    assert quotes(text) == []


# Reported speech -----------------------------------------------------------------------


_VERBS = ["said", "stated", "warned", "noted", "added", "emphasized", "stressed", "claimed"]


@pytest.mark.parametrize("verb", [*_VERBS, "announced", "insisted"])
def test_reported_speech_with_a_that_clause(verb: str) -> None:
    text = f"Governor Tomas Varga {verb} that the northern road would stay closed until spring."
    quote = one(text)
    assert quote.type == "reported"
    assert quote.content == "the northern road would stay closed until spring"
    assert (quote.speaker, quote.speaker_text, quote.cue) == (
        "Tomas Varga",
        "Governor Tomas Varga",
        verb,
    )
    assert quote.text == text.rstrip(".")


def test_told_reporters_that() -> None:
    quote = one("Governor Tomas Varga told reporters that the dam had held.")
    assert (quote.content, quote.speaker, quote.cue) == ("the dam had held", "Tomas Varga", "told")


def test_a_statement_without_that() -> None:
    quote = one("Governor Tomas Varga said the dam had held through the night.")
    assert (quote.type, quote.content) == ("reported", "the dam had held through the night")


def test_two_statements_coordinated_in_one_sentence_are_two_quotes() -> None:
    text = "Governor Tomas Varga warned that the river could rise and added that help was coming."
    warned, added = quotes(text)
    assert (warned.content, warned.cue) == ("the river could rise", "warned")
    assert (added.content, added.cue, added.speaker) == ("help was coming", "added", "Tomas Varga")


def test_a_negated_or_questioning_verb_reports_nothing() -> None:
    assert quotes("Governor Tomas Varga did not say that the dam had failed.") == []
    assert quotes("Reporters asked Governor Tomas Varga whether the dam had failed.") == []


def test_as_emphasized_by_reports_the_clause_it_comments_on() -> None:
    text = (
        "President Ana Morel laid a wreath in Karsk on Monday.\n"
        "While the flood remains a tragedy, it is also, as emphasized by the head of state, "
        "a turning point in the history of the valley."
    )
    quote = one(text)
    assert quote.type == "reported"
    assert quote.content == "a turning point in the history of the valley"
    assert (quote.speaker, quote.speaker_text, quote.cue) == (
        "Ana Morel",
        "the head of state",
        "emphasized",
    )
    assert quote.text.startswith("as emphasized")


def test_as_noted_by_at_the_start_of_the_sentence() -> None:
    quote = one("As noted by the ministry, the northern road will reopen in May.")
    assert (quote.content, quote.speaker, quote.cue) == (
        "the northern road will reopen in May",
        "the ministry",
        "noted",
    )


@pytest.mark.parametrize(
    "text",
    [
        "According to the Ministry of Emergencies, the flood destroyed 40 houses.",
        "The flood destroyed 40 houses, according to the Ministry of Emergencies.",
    ],
)
def test_according_to(text: str) -> None:
    quote = one(text)
    assert (quote.type, quote.content, quote.cue.lower() if quote.cue else None) == (
        "reported",
        "the flood destroyed 40 houses" if text[0] == "A" else "The flood destroyed 40 houses",
        "according to",
    )
    assert (quote.speaker, quote.speaker_text) == (
        "the Ministry of Emergencies",
        "the Ministry of Emergencies",
    )


# Speakers ------------------------------------------------------------------------------


def test_a_pronoun_speaker_is_the_person_named_before() -> None:
    text = (
        "On January 21, Governor Tomas Varga arrived in Karsk and spoke at a meeting.\n"
        "He stated that he is along with his people."
    )
    quote = one(text)
    assert (quote.content, quote.speaker, quote.speaker_text) == (
        "he is along with his people",
        "Tomas Varga",
        "He",
    )


def test_a_title_speaker_is_the_person_with_that_title() -> None:
    text = (
        "President Ana Morel met Prime Minister Ivan Petrov in Velora on Tuesday.\n"
        "The head of state emphasized that the border would stay open."
    )
    quote = one(text)
    assert (quote.speaker, quote.speaker_text) == ("Ana Morel", "The head of state")
    prime = one(text.replace("The head of state", "The prime minister"))
    assert (prime.speaker, prime.speaker_text) == ("Ivan Petrov", "The prime minister")


def test_a_role_given_by_apposition_is_a_title() -> None:
    text = (
        "Ivan Petrov, the mayor of Velora, met President Ana Morel on Tuesday.\n"
        "The mayor said that the talks were useful."
    )
    assert one(text).speaker == "Ivan Petrov"


def test_a_title_speaker_prefers_the_full_title_over_a_later_person() -> None:
    text = (
        "On January 21, Ivan Petrov, the National Leader of Velora, arrived in Karsk with "
        "President Ana Morel.\nThe National Leader said that the valley would be rebuilt."
    )
    assert one(text).speaker == "Ivan Petrov"
    assert one(text.replace("The National Leader said", "The head of state said")).speaker == (
        "Ana Morel"
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Mayor Ana Morel met a delegation.\nA spokesman said that the talks had failed.",
            "A spokesman",
        ),
        (
            "Mayor Ana Morel met a delegation.\nLocal officials said that the talks had failed.",
            "Local officials",
        ),
        (
            "Mayor Ana Morel met a delegation.\nWitnesses said that the talks had failed.",
            "Witnesses",
        ),
    ],
)
def test_unnamed_speakers_are_not_resolved_to_a_person(text: str, speaker: str) -> None:
    quote = one(text)
    assert (quote.speaker, quote.speaker_text) == (speaker, speaker)


def test_an_impersonal_statement_has_no_speaker() -> None:
    quote = one("It was announced that the northern bridge will reopen in May.")
    assert (quote.content, quote.speaker, quote.cue) == (
        "the northern bridge will reopen in May",
        None,
        "announced",
    )


def test_a_statement_before_its_attribution() -> None:
    quote = one("The town will recover within a year, Mayor Ana Morel said.")
    assert (quote.type, quote.content, quote.speaker) == (
        "reported",
        "The town will recover within a year",
        "Ana Morel",
    )


def test_a_surname_speaker_is_the_full_name_given_earlier() -> None:
    text = (
        "Defence Minister Ivan Petrov arrived in Velora on Tuesday.\n"
        "Petrov said that the army was ready to help."
    )
    quote = one(text)
    assert (quote.speaker, quote.speaker_text) == ("Ivan Petrov", "Petrov")


def test_an_organisation_speaker_is_kept_as_written() -> None:
    quote = one("The Ministry of Health said that 12 people were injured in Karsk.")
    assert (quote.speaker, quote.speaker_text) == (
        "The Ministry of Health",
        "The Ministry of Health",
    )


def test_the_date_of_the_sentence_not_the_date_in_what_was_said() -> None:
    text = "On March 3, 2025, Governor Tomas Varga said that the dam was built on June 1, 1960."
    quote = one(text)
    assert quote.date == "2025-03-03"
    assert one("Governor Tomas Varga said that the dam was built in 1960.").date is None


def test_quotes_come_in_text_order_with_ids_by_rank() -> None:
    text = (
        "Governor Tomas Varga said that the road would reopen.\n"
        "“We are ready,” said Mayor Ana Morel.\n"
        "According to the ministry, 40 houses were destroyed."
    )
    found = quotes(text)
    assert [q.type for q in found] == ["reported", "direct", "reported"]


# Properties ----------------------------------------------------------------------------

_PIECES = [
    "Mayor Ana Morel said",
    "“We will rebuild,”",
    "she added,",
    "«the river is rising.»",
    '"Nobody was hurt."',
    "‘we stay here’",
    "that the road is closed",
    "according to the ministry,",
    "as emphasized by the head of state,",
    "the town’s “Black January” memorial",
    "He stated that he is ready.",
    ":",
    "\n",
    "“",
    "”",
    '"',
    "‘",
    "’",
    "«",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(st.sampled_from(_PIECES), st.text(alphabet="ab .,:\n\"“”«»‹›‘’'", max_size=6)),
        min_size=1,
        max_size=12,
    )
)
def test_every_span_is_the_slice_of_the_text_it_claims(pieces: list[str]) -> None:
    text = " ".join(pieces)
    for quote in quotes(text, published=None):
        assert quote.type in ("direct", "reported")
        assert quote.content.strip() == quote.content


# The seed articles ---------------------------------------------------------------------


def test_every_gold_quote_of_the_seed_articles_is_found() -> None:
    gold_file = SHARED / "gold" / "seeds_gold.json"
    if not gold_file.is_file():
        pytest.skip(f"gold quotes not found at {gold_file} (clone with ../shared beside the repo)")
    gold = json.loads(gold_file.read_text(encoding="utf-8"))["quotes"]
    missing = []
    for expected in gold:
        text = (SHARED / "seeds" / expected["file"]).read_text(encoding="utf-8")
        assert text[expected["start"] : expected["end"]] == expected["text"]
        found = quotes(text, published=None)
        if not any(
            q.content_start < expected["end"]
            and expected["start"] < q.content_end
            and q.speaker == expected["speaker"]
            for q in found
        ):
            missing.append((expected["file"], expected["text"], expected["speaker"]))
    assert missing == []
