"""The merged timeline: the same happening told by several documents is one entry, with
every document and span that dates it; different happenings stay apart even on the same
day; a vague date does not swallow specific events; entries come in calendar order. Only
statements whose date says when their verb happened make entries, never a dateline, and
each entry reads as a short label: who did what, where."""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from consilience import build
from consilience.align.timeline import TimelineEntry, build_timeline
from consilience.align.timespan import parse_span
from consilience.extract.statement_labels import (
    LABEL_CHARS,
    is_dateline,
    label_problem,
    read_statements,
)
from consilience.store import Ledger

from .conftest import EXAMPLES, SEEDS, SHARED


def event(
    doc: str,
    n: int,
    date: str | None,
    what: str,
    *,
    mod: str | None = None,
    actors: tuple[str, ...] = (),
    places: tuple[str, ...] = (),
    when: str | None = None,
) -> dict[str, Any]:
    """A dated statement claim shaped as `Ledger.statements()` returns it: the clause
    "On <when>, <what>", `when` (the date as written) being the TIMEX value unless given,
    at character 100 * n of its document."""
    written = when or date or "then"
    return statement(
        doc,
        n,
        f"On {written}, {what}",
        written,
        date,
        mod=mod,
        what=what,
        actors=actors,
        places=places,
    )


def statement(
    doc: str,
    n: int,
    text: str,
    written: str,
    date: str | None,
    *,
    mod: str | None = None,
    what: str | None = None,
    actors: tuple[str, ...] = (),
    places: tuple[str, ...] = (),
) -> dict[str, Any]:
    """A dated statement claim of the clause `text`, dated by the words `written` in it,
    read for the timeline as extraction reads it."""
    at = text.index(written)
    record: dict[str, Any] = {
        "id": f"{doc}-e{n}",
        "doc": doc,
        "start": 100 * n,
        "end": 100 * n + len(text),
        "text": text,
        "date": date,
        "mod": mod,
        "date_start": 100 * n + at,
        "date_end": 100 * n + at + len(written),
        "date_text": written,
        "what": text.replace(written, "") if what is None else what,
        "actors": list(actors),
        "places": list(places),
    }
    # How extraction reads it for the timeline (extract.statements stores the same).
    reading = read_statements([record]).get(record["id"])
    record["dates_verb"] = reading is not None
    record["label"] = reading.label if reading is not None else ""
    record["actor_named"] = reading.named if reading is not None else False
    return record


A, B, C = "a" * 16, "b" * 16, "c" * 16


def entry_of(timeline: list[TimelineEntry], event_id: str) -> TimelineEntry:
    return next(entry for entry in timeline if event_id in entry.events)


def test_the_same_storm_in_three_documents_is_one_entry() -> None:
    events = [
        event(
            A,
            0,
            "2031-03-14",
            "a violent storm tore the roofs off forty houses in Keldby",
            places=("Keldby",),
        ),
        event(
            B,
            0,
            "2031-03-14",
            "the storm ripped roofs from houses across Keldby",
            places=("Keldby",),
        ),
        event(
            C,
            3,
            "2031-03-14",
            "Keldby residents lost their roofs when the storm struck",
            places=("Keldby",),
        ),
    ]
    [entry] = build_timeline(events)
    record = entry.to_dict()
    assert record["documents"] == [A, B, C]
    assert record["events"] == [f"{A}-e0", f"{B}-e0", f"{C}-e3"]
    assert (record["date"], record["start"], record["end"]) == (
        "2031-03-14",
        "2031-03-14",
        "2031-03-14",
    )
    assert "storm" in record["what"]
    assert [(s["doc"], s["event"], s["start"], s["date_text"]) for s in record["spans"]] == [
        (A, f"{A}-e0", 0, "2031-03-14"), (B, f"{B}-e0", 0, "2031-03-14"),
        (C, f"{C}-e3", 300, "2031-03-14"),
    ]  # fmt: skip
    assert record["id"].startswith("t") and json.loads(json.dumps(record)) == record


def test_a_month_and_its_exact_day_for_the_same_election_merge() -> None:
    events = [
        event(
            A,
            0,
            "2029-05",
            "voters in Ostmark elected Lena Varga as mayor",
            actors=("Lena Varga",),
            places=("Ostmark",),
        ),
        event(
            B,
            1,
            "2029-05-12",
            "Lena Varga won the Ostmark mayoral election",
            actors=("Lena Varga",),
            places=("Ostmark",),
        ),
    ]
    [entry] = build_timeline(events)
    assert entry.documents == (A, B)
    # The most specific date of the members names the entry.
    assert (entry.date, entry.start, entry.end) == ("2029-05-12", "2029-05-12", "2029-05-12")


def test_two_happenings_on_the_same_day_stay_apart() -> None:
    events = [
        event(
            A,
            0,
            "2031-03-14",
            "a storm tore the roofs off forty houses in Keldby",
            places=("Keldby",),
        ),
        event(
            B,
            0,
            "2031-03-14",
            "the council of Brenna approved a new budget for its schools",
            places=("Brenna",),
        ),
        event(
            C,
            0,
            "2031-03-14",
            "fire destroyed the old grain mill outside Brenna",
            places=("Brenna",),
        ),
    ]
    timeline = build_timeline(events)
    assert len(timeline) == 3
    assert all(len(entry.documents) == 1 for entry in timeline)


def test_a_decade_does_not_swallow_a_specific_year() -> None:
    events = [
        event(
            A,
            0,
            "199X",
            "the harbour of Keldby grew into the busiest port of the coast",
            places=("Keldby",),
        ),
        event(
            B, 0, "1994", "a fire destroyed the harbour warehouses of Keldby", places=("Keldby",)
        ),
    ]
    assert len(build_timeline(events)) == 2


def test_coarse_dates_need_more_shared_words_than_equal_ones() -> None:
    # Two shared words ("fire", "Brenna") are enough between two days...
    same_day = [
        event(A, 0, "2030-06-02", "fire destroyed the grain mill in Brenna", places=("Brenna",)),
        event(
            B,
            0,
            "2030-06-02",
            "Brenna firefighters fought the fire for six hours",
            places=("Brenna",),
        ),
    ]
    assert len(build_timeline(same_day)) == 1
    # ...but not between a day and its whole year,
    vague = [same_day[0], {**same_day[1], "date": "2030"}]
    assert len(build_timeline(vague)) == 2
    # unless the clauses tell the same happening.
    retold = [
        same_day[0],
        event(B, 0, "2030", "the fire that destroyed the grain mill of Brenna", places=("Brenna",)),
    ]
    [entry] = build_timeline(retold)
    assert entry.date == "2030-06-02"


def test_a_vague_date_cannot_chain_two_different_days_together() -> None:
    events = [
        event(A, 0, "2030-02-03", "the Kell bridge collapsed under a lorry", places=("Kell",)),
        event(
            B, 0, "2030-09-20", "the Kell bridge collapsed again after repairs", places=("Kell",)
        ),
        event(C, 0, "2030", "the Kell bridge collapsed", places=("Kell",)),
    ]
    timeline = build_timeline(events)
    assert entry_of(timeline, f"{A}-e0") is not entry_of(timeline, f"{B}-e0")
    assert len(timeline) == 2  # the vague one joins one of them, not both


def test_a_document_repeating_itself_is_one_entry() -> None:
    events = [
        event(A, 0, "2031-03-14", "the storm tore roofs off houses in Keldby", places=("Keldby",)),
        event(A, 5, "2031-03-14", "the storm tore the roofs off Keldby houses", places=("Keldby",)),
    ]
    [entry] = build_timeline(events)
    assert entry.documents == (A,) and len(entry.spans) == 2


def test_an_interval_across_new_year_meets_its_second_day() -> None:
    events = [
        event(
            A,
            0,
            "2029-12-31/2030-01-01",
            "fireworks set the Ostmark town hall roof alight",
            places=("Ostmark",),
        ),
        event(
            B,
            0,
            "2030-01-01",
            "the roof of Ostmark town hall caught fire from fireworks",
            places=("Ostmark",),
        ),
    ]
    [entry] = build_timeline(events)
    assert entry.documents == (A, B)


def test_order_follows_interval_start_then_end() -> None:
    events = [
        event(A, 0, "1987-05-03/1987-05-04", "the dam on the Kell was opened"),
        event(A, 1, "198X", "the shipyards closed one after another", mod="END"),
        event(A, 2, "1987", "a new railway reached Ostmark"),
        event(A, 3, "19", "the valley emptied as farms were abandoned"),
        event(A, 4, "1987-05", "the mayor resigned over a scandal", mod="MID"),
        event(A, 5, "198X", "miners struck for higher wages", mod="START"),
        event(A, 6, "1986-W02", "the river froze solid"),
    ]
    timeline = build_timeline(events)
    assert [(e.date, e.mod, e.start, e.end) for e in timeline] == [
        ("19", None, "1900-01-01", "1999-12-31"),
        ("198X", "START", "1980-01-01", "1982-12-31"),
        ("1986-W02", None, "1986-01-06", "1986-01-12"),
        ("1987", None, "1987-01-01", "1987-12-31"),
        ("198X", "END", "1987-01-01", "1989-12-31"),
        ("1987-05-03/1987-05-04", None, "1987-05-03", "1987-05-04"),
        ("1987-05", "MID", "1987-05-11", "1987-05-20"),
    ]


def test_recurring_and_unplaceable_dates_get_no_entry() -> None:
    events = [
        event(A, 0, "XXXX-01-20", "Ostmark keeps a day of mourning for the flood victims"),
        event(A, 1, None, "the flood victims were mourned"),
        event(A, 2, "P3Y", "the rebuilding of Ostmark lasted"),
        event(A, 3, "2029-01-20", "the flood drowned the lower town of Ostmark"),
    ]
    assert [entry.events for entry in build_timeline(events)] == [(f"{A}-e3",)]
    assert parse_span("XXXX-01-20") is None


def test_the_timeline_is_the_same_whatever_the_input_order() -> None:
    events = [
        event(doc, n, date, what, places=("Keldby",))
        for doc in (A, B, C)
        for n, (date, what) in enumerate(
            [
                ("2031-03-14", "a storm tore roofs off houses in Keldby"),
                ("2031-03", "Keldby houses lost their roofs in a storm"),
                ("2031", "the Keldby harbour reopened"),
                ("203X", "Keldby grew"),
            ]
        )
    ]
    expected = [entry.to_dict() for entry in build_timeline(events)]
    for seed in range(5):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        assert [entry.to_dict() for entry in build_timeline(shuffled)] == expected


def _overlaps(claim: dict[str, Any], start: int, end: int) -> bool:
    return bool(claim["start"] < end and start < claim["end"])


def test_the_seed_timeline_merges_what_the_sources_share(seeds_dir: Path, tmp_path: Path) -> None:
    with build([str(seeds_dir)], tmp_path / "seeds.db") as ledger:
        names = {d["id"]: Path(d["path"]).name for d in ledger.documents()}
        events = ledger.statements()
    timeline = build_timeline(events)
    starts = [entry.start for entry in timeline]
    assert starts == sorted(starts)

    whats = {e["id"]: e["what"].lower() for e in events}

    def supported(date: str, *words: str) -> TimelineEntry:
        """The entry dated `date` whose members' clauses say all `words`, with most sources."""
        return max(
            (
                e
                for e in timeline
                if e.date == date and all(any(w in whats[i] for i in e.events) for w in words)
            ),
            key=lambda e: len(e.documents),
        )

    attack = supported("1990-01-19/1990-01-20", "attacked", "baku")
    moscow = supported("1990-01-21", "heydar aliyev", "moscow")
    assert len(attack.documents) >= 3 and len(moscow.documents) >= 3
    assert timeline.index(attack) < timeline.index(moscow)
    later = [e for e in timeline if e.start >= "1994"]
    assert any(e.start.startswith("1994") for e in later)
    # The seeds date the 2020 victory only on nouns ("That victory in 2020", "the Patriotic
    # War of 2020") or in a clause whose actor is "we": no verb of theirs is dated 2020.
    assert not any(e.start.startswith("2020") for e in later)
    assert any(e.start.startswith("2023") for e in later)
    assert timeline.index(moscow) < timeline.index(later[0])

    # The hand annotation: which statements of different articles tell the same happening.
    gold = json.loads((SHARED / "gold" / "seeds_gold.json").read_text(encoding="utf-8"))
    where = {event_id: i for i, entry in enumerate(timeline) for event_id in entry.events}
    merged = []
    for agreement in gold["event_agreements"]:
        votes: dict[int, int] = {}
        for ref in agreement["refs"]:
            hits = {
                where[e["id"]]
                for e in events
                if names[e["doc"]] == ref["file"]
                and e["id"] in where
                and _overlaps(e, ref["start"], ref["end"])
            }
            for index in hits:
                votes[index] = votes.get(index, 0) + 1
        if max(votes.values(), default=0) * 2 > len(agreement["refs"]):
            merged.append(agreement["value"])
    print(
        f"gold event agreements merged: {len(merged)} of {len(gold['event_agreements'])}: {merged}"
    )
    # The night attack, the Moscow speech and the March 1994 resolution; the 2020 victory,
    # September 2023 and the late-1980s background are told in clauses that share no words.
    assert {"1990-01-19/1990-01-20", "1990-01-21", "1994-03 (1994-03-29)"} <= set(merged)


def test_blocking_misses_no_pair_that_all_pairs_would_merge() -> None:
    from consilience.align.timeline import _Claim, _links, content_words, same_happening

    rnd = random.Random(7)
    values = ["1989-12-31", "1990-01-01", "1989-12", "1990-01", "1989", "1990", "198X", "199X"]
    values += ["1989-12-30/1990-01-02", "1990-W01", "1990-Q1", "19", "18/19", "1999-12-31"]
    words = ["flood", "mill", "Keldby", "storm", "roof", "bridge", "vote", "fire"]
    claims = []
    for n in range(120):
        record = event(A, n, rnd.choice(values), " ".join(rnd.sample(words, 4)))
        span = parse_span(record["date"])
        assert span is not None
        claims.append(_Claim(record, span.first, span.last, content_words(record)))
    everything = {
        (a.event["id"], b.event["id"])
        for i, a in enumerate(claims)
        for b in claims[i + 1 :]
        if same_happening(a, b) is not None
    }
    found = {(a, b) for _, a, b in _links(claims)}
    assert everything and found == {tuple(sorted(pair)) for pair in everything}


# Dated statements of four seed articles as their extraction gives them (article, number,
# date, mod, clause, actors, places): the night attack on Baku, Heydar Aliyev in Moscow the
# next day and the parliament's resolution of March 1994, told with dates of different
# granularity (a night, a year, a third of a month, a month, a day).
SEED_STATEMENTS = [
    ("a", 4, "1990-01-19/1990-01-20", None,
     "military units of the former Soviet Union attacked the civilian population of Baku "
     "from both land and sea", (), ("Soviet Union", "Baku")),
    ("b", 5, "1990", None,
     "the night of January 19 to 20, the former Soviet military troops attacked Baku by the "
     "land and sea", ("Soviet",), ("Baku",)),
    ("b", 6, "1990-01-19/1990-01-20", None,
     "1990, , the former Soviet military troops attacked Baku by the land and sea",
     ("Soviet",), ("Baku",)),
    ("d", 4, "1990-01-19/1990-01-20", None,
     "units of the Soviet Army, special forces, and internal troops stormed the cities of "
     "Baku, Sumgayit, Lankaran, and Neftchala", ("the Soviet Army",),
     ("Baku", "Sumgayit", "Lankaran", "Neftchala")),
    ("c", 7, "1990-01", "MID",
     "more than 66,000 soldiers and officers from units of the USSR Ministry of Defense, the "
     "State Security Committee, and the Ministry of Internal Affairs were brought to",
     ("the USSR Ministry of Defense", "the State Security Committee",
      "the Ministry of Internal Affairs"), ()),
    ("b", 8, "1990-01-21", None,
     "those hard days of people, ,Heydar Aliyev, the National Leader of Azerbaijan arrived in "
     "Azerbaijan’s representation in Moscow", ("Heydar Aliyev", "the National Leader"),
     ("Azerbaijan", "Moscow")),
    ("c", 11, "1990-01-21", None,
     "the prohibitions of the Soviet regime, he came to Azerbaijan’s Permanent Mission in "
     "Moscow, publicly accused the organizers of the bloody tragedy before the world "
     "community, and called on the Azerbaijani people to unite",
     ("Soviet", "Azerbaijan’s Permanent Mission", "Azerbaijani"), ("Moscow",)),
    ("a", 13, "1994-03", None,
     "a parliamentary decision titled “On the tragic events committed in Baku on 20 January "
     "1990” was adopted", (), ("Baku",)),
    ("c", 14, "1994-03-29", None,
     "Later, again at his initiative, the tragedy received for the first time a political and "
     "legal assessment at the state level by the highest legislative body—the Milli Majlis "
     "(National Assembly", (), ()),
    ("d", 7, "1994-03", None,
     "the Milli Majlis (Parliament) of the Republic of Azerbaijan adopted the decisive "
     "resolution “On the tragic events committed in Baku on 20 January 1990,” officially "
     "recognizing the Soviet aggression and honoring the victims as Martyrs",
     ("the Milli Majlis", "Parliament", "Soviet", "Martyrs"),
     ("the Republic of Azerbaijan", "Baku")),
]  # fmt: skip


def syndicated(copies: int, *, credited: bool = False) -> list[dict[str, Any]]:
    """The seed statements as `copies` outlets carry them, each copy a document of its own
    (`{article}{copy}`); `credited` ends each clause with the outlet's name, a word no other
    copy has."""
    statements = []
    for copy in range(copies):
        outlet = "Outlet" + "".join("abcdefghij"[int(digit)] for digit in str(copy))
        for article, n, date, mod, what, actors, places in SEED_STATEMENTS:
            doc = f"{article}{copy:015d}"
            claim = event(doc, n, date, what, mod=mod, actors=actors, places=places)
            if credited:  # in the words compared; each clause is parsed once all the same
                claim["what"] = f"{what} ({outlet})"
            statements.append(claim)
    return statements


def shapes(timeline: list[TimelineEntry]) -> set[tuple[Any, ...]]:
    """Each entry as its date and the seed statements it holds (article and place in it),
    whichever copies they are."""
    return {
        (entry.date, entry.mod, entry.start, entry.end, frozenset(
            (span["doc"][0], span["start"]) for span in entry.spans
        ))
        for entry in timeline
    }  # fmt: skip


def test_two_hundred_copies_give_the_entries_of_three() -> None:
    few, many = build_timeline(syndicated(3)), build_timeline(syndicated(200))
    assert shapes(many) == shapes(few)
    assert len(few) < len(SEED_STATEMENTS)  # the articles do tell the same happenings
    assert {(e.date, e.what) for e in many} == {(e.date, e.what) for e in few}
    for entry in many:
        articles = sorted({doc[0] for doc in entry.documents})
        assert list(entry.documents) == [f"{a}{copy:015d}" for a in articles for copy in range(200)]
        assert len(entry.spans) == 200 * len({(s["doc"][0], s["start"]) for s in entry.spans})


def test_two_hundred_credited_copies_give_the_entries_of_three() -> None:
    # Every copy's clauses differ by the outlet's name: near-copies, not copies; counted one
    # by one, each word of a clause would be found in more claims than may propose pairs.
    few = build_timeline(syndicated(3, credited=True))
    many = build_timeline(syndicated(200, credited=True))
    assert shapes(many) == shapes(few) == shapes(build_timeline(syndicated(3)))
    for entry in many:
        articles = sorted({doc[0] for doc in entry.documents})
        assert list(entry.documents) == [f"{a}{copy:015d}" for a in articles for copy in range(200)]


def test_label_scores_by_word_share_are_the_pairwise_sums() -> None:
    from consilience.align.timeline import content_words, label_scores

    rnd = random.Random(3)
    vocabulary = [f"w{chr(97 + n // 26)}{chr(97 + n % 26)}" for n in range(40)]
    counts = Counter(frozenset(rnd.sample(vocabulary, rnd.randrange(0, 9))) for _ in range(400))
    labels = [" ".join(rnd.sample(vocabulary, rnd.randrange(1, 6))) for _ in range(50)]
    scores = label_scores(labels, counts)
    for label in labels:
        mine = content_words({"what": label})
        if not mine:  # "was": function words only
            assert scores[label] == 0.0
            continue
        pairwise = sum(
            n * len(mine & other) / math.sqrt(len(mine) * len(other))
            for other, n in counts.items()
            if other
        )
        assert math.isclose(scores[label], pairwise, rel_tol=1e-9, abs_tol=1e-9)


def dated(*clauses: tuple[str, str], places: tuple[str, ...] = ()) -> list[TimelineEntry]:
    """The timeline of one-clause documents, each dated 2031-05-03 by the words given."""
    return build_timeline(
        statement(f"{n:016d}", 0, text, written, "2031-05-03", places=places)
        for n, (text, written) in enumerate(clauses)
    )


def test_only_a_date_that_dates_its_verb_makes_an_entry() -> None:
    [flood] = dated(("The river Kell flooded Keldby on 3 May 2031", "3 May 2031"))
    assert flood.date == "2031-05-03" and flood.what == "river Kell flooded Keldby"
    # The date of a noun, the date as subject or object, a clause without a verb of its own.
    for text in (
        "Residents of Keldby commemorated the flood of 3 May 2031 with a march",
        "The 3 May 2031 flood left deep marks on Keldby",
        "3 May 2031 marked a turning point for Keldby",
        "Keldby remembers 3 May 2031",
        "including the 3 May 2031 flood",
        "a report dated 3 May 2031",
        "to rebuild the bridge by 3 May 2031",
        "The council met before the vote of 3 May 2031",
    ):
        assert dated((text, "3 May 2031")) == [], text


def test_a_setting_dates_its_verb_and_a_saying_is_no_happening() -> None:
    [storm] = dated(
        ("Two people died in the storms of 3 May 2031 in Keldby", "3 May 2031"),
        places=("Keldby",),
    )
    assert storm.what == "Two people died · Keldby"
    [curfew] = dated(("The mayor of Keldby announced a curfew on 3 May 2031", "3 May 2031"))
    assert "announced curfew" in curfew.what
    assert dated(("Officials in Keldby said on 3 May 2031", "3 May 2031")) == []
    assert dated(("Police told reporters on 3 May 2031", "3 May 2031")) == []


def test_a_dateline_is_not_an_entry_however_many_reports_carry_it() -> None:
    clauses = [("KELDBY, Ostmark, 3 May 2031 (Northwind", "3 May 2031")] * 3
    clauses += [("Published: 3 May 2031", "3 May 2031"), ("3 May 2031", "3 May 2031")]
    assert dated(*clauses) == []
    wire = statement("d" * 16, 0, "KELDBY, Ostmark, 3 May 2031 (Northwind", "3 May 2031", "x")
    assert is_dateline(wire)
    told = statement("d" * 16, 0, "KELDBY flooded on 3 May 2031, officials said", "3 May 2031", "x")
    assert not is_dateline(told)


def test_a_pronoun_joins_an_entry_but_a_name_labels_it() -> None:
    assert dated(("she resigned as mayor of Ostmark on 3 May 2031", "3 May 2031")) == []
    [entry] = dated(
        ("she resigned as mayor of Ostmark on 3 May 2031", "3 May 2031"),
        ("Lena Varga resigned as mayor of Ostmark on 3 May 2031", "3 May 2031"),
    )
    assert len(entry.documents) == 2 and entry.what.startswith("Lena Varga resigned")


def test_a_long_clause_gives_a_short_label_of_whole_words() -> None:
    text = (
        "On 3 May 2031, the exhausted volunteer firefighters of the northern Keldby district "
        "finally extinguished the enormous blaze at the abandoned textile factory near the "
        "old harbour of Keldby"
    )
    [entry] = dated((text, "3 May 2031"), places=("Keldby",))
    assert len(entry.what) <= LABEL_CHARS and label_problem(entry.what, [text]) is None
    assert "firefighters" in entry.what and "extinguished" in entry.what


def test_the_label_checker_names_what_is_wrong() -> None:
    source = ["Thousands joined a daily rally in Keldby, including students"]
    assert label_problem("", source) == "empty"
    assert label_problem("Thousands joined daily rall", source) == "cut mid-word"
    assert label_problem("including", source) == "fragment"
    assert label_problem("in Keldby", source) == "fragment"
    assert label_problem("daily rally · Keldby", source) == "no verb"
    assert label_problem("Thousands joined daily rally · Keldby", source) is None


def timeline_problems(ledger: Ledger) -> list[str]:
    """What is wrong with a built ledger's stored timeline: unreadable labels, entries that
    hold a dateline, entries none of whose statements states the entry's date in its
    document's text."""
    statements = {s["id"]: s for s in ledger.statements()}
    texts = {d["id"]: (ledger.document(d["id"]) or {})["text"] for d in ledger.documents()}
    found = []
    for entry in ledger.timeline():
        members = [statements[i] for i in entry["events"]]
        problem = label_problem(entry["what"], [m["text"] for m in members])
        if problem or len(entry["what"]) > LABEL_CHARS:
            found.append(f"{entry['what']!r}: {problem or 'too long'}")
        if any(is_dateline(m) for m in members):
            found.append(f"{entry['what']!r} holds a dateline")
        if not any(
            m["date"] == entry["date"]
            and texts[m["doc"]][m["date_start"] : m["date_end"]] == m["date_text"] != ""
            for m in members
        ):
            found.append(f"{entry['what']!r}: {entry['date']} is stated by none of its spans")
    return found


@pytest.fixture(scope="module")
def seed_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (clone with ../shared beside the repo)")
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    build([str(SEEDS)], path).close()
    return path


def test_the_seed_timeline_reads(seed_ledger: Path) -> None:
    with Ledger(seed_ledger) as ledger:
        assert timeline_problems(ledger) == []
        timeline = ledger.timeline()
    assert len({(e["date"], e["what"]) for e in timeline}) == len(timeline)

    def central(date: str, least: int) -> str:
        labels = [e["what"] for e in timeline if e["date"] == date and len(e["documents"]) >= least]
        assert len(labels) == 1, (date, labels)
        return labels[0]

    # The night attack (five articles), Heydar Aliyev in Moscow the next day (four) and the
    # parliament's resolution of March 1994: who acted, what they did, where.
    attack, moscow, resolution = (
        central("1990-01-19/1990-01-20", 3), central("1990-01-21", 3), central("1994-03-29", 3)
    )  # fmt: skip
    assert "Soviet" in attack and "attacked" in attack and "Baku" in attack
    assert attack.index("Soviet") < attack.index("attacked") < attack.index("Baku")
    assert moscow.startswith("Heydar Aliyev") and "Moscow" in moscow
    assert resolution.startswith("Milli Majlis")


def test_the_example_timeline_reads(tmp_path: Path) -> None:
    with build([str(EXAMPLES)], tmp_path / "examples.db") as ledger:
        assert timeline_problems(ledger) == []
        timeline = ledger.timeline()
    # The three reports' datelines and "Published:" lines are no entries; the flood is.
    assert not any(e["date"] in ("2023-10-15", "2023-10-18") and "(" in e["what"] for e in timeline)
    [flood] = [e for e in timeline if e["date"] == "2023-10-14T24:00"]
    assert flood["what"].startswith("Kelvara river")
    assert len(flood["documents"]) == 2
