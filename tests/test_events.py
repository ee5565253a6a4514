"""Events: incidents found in one document (kind, name, places, incident date, which figure
counts which), and their resolution across documents. Sentences are our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consilience.api import build
from consilience.extract import extract
from consilience.extract.claims import DocumentClaims
from consilience.lexicon.incidents import load_vocabulary
from consilience.store import Ledger

from .conftest import text_document


def incidents_of(text: str, published: str | None = "2031-06-10") -> DocumentClaims:
    return extract(text_document(text, published))


def only_kind(text: str) -> str:
    claims = incidents_of(text)
    assert len(claims.incidents) == 1, [(i.kind, i.trigger) for i in claims.incidents]
    return claims.incidents[0].kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A ferry capsized off the coast of Sicily on Monday, killing 12 passengers.", "sinking"),
        ("Nine people died when their bus plunged into a ravine in Peru.", "road_crash"),
        ("A small plane crashed shortly after take-off near Lyon, killing four.", "air_crash"),
        ("Troops stormed the town hall in Tarvesk and killed three guards.", "attack"),
        ("A powerful storm tore roofs off 300 homes in Queensland.", "storm"),
        (
            "Police said 40 people were arrested after the protest turned violent in Lima.",
            "crackdown",
        ),
        ("A gas explosion at a chemical plant in Gujarat killed seven workers.", "explosion"),
        ("Gunmen opened fire on a wedding party in Zamfara, killing 11 guests.", "shooting"),
        ("A stampede at a stadium gate in Luanda left 17 people dead.", "stampede"),
    ],
)
def test_kind_of_what_happened(text: str, kind: str) -> None:
    assert only_kind(text) == kind


def test_consequences_belong_to_their_cause() -> None:
    claims = incidents_of(
        "A strong earthquake struck central Chile on Sunday. Dozens of buildings collapsed "
        "in Talca, where 14 people were killed."
    )
    assert [i.kind for i in claims.incidents] == ["earthquake"]
    assert claims.figures[0].incident == claims.incidents[0].id


def test_name_place_and_incident_date() -> None:
    claims = incidents_of(
        "Cyclone Mira made landfall in Mozambique yesterday, killing at least 30 people."
    )
    (incident,) = claims.incidents
    assert incident.kind == "storm"
    assert incident.name == "Cyclone Mira"
    assert incident.place_ids == ["iso3166:MZ"]
    assert (incident.date, incident.date_source) == ("2031-06-09", "text")


def test_undated_report_takes_its_publication_day() -> None:
    (incident,) = incidents_of("A landslide buried 20 homes in Sichuan, China.").incidents
    assert (incident.date, incident.date_source) == ("2031-06-10", "published")


def test_another_event_quoted_for_comparison_keeps_its_own_figure() -> None:
    claims = incidents_of(
        "The earthquake in Hatay on Monday killed 41 people. The 2009 earthquake in the same "
        "region killed 300."
    )
    first, second = claims.incidents
    assert (first.kind, second.kind) == ("earthquake", "earthquake")
    assert second.date == "2009"
    by_value = {f.value: f.incident for f in claims.figures}
    assert by_value[41] == first.id and by_value[300] == second.id


def test_the_republic_is_the_country_the_document_is_about() -> None:
    claims = incidents_of(
        "Azerbaijan marks the crackdown of January 1990. Troops killed 147 people across "
        "the Republic during the crackdown."
    )
    assert any("iso3166:AZ" in i.place_ids for i in claims.incidents)


def test_a_long_war_is_kept_apart_from_one_strike_in_it() -> None:
    claims = incidents_of(
        "An airstrike on a market in Idlib killed 9 people on Tuesday. The death toll in the "
        "war since 2011 has risen to 500,000."
    )
    kinds = {i.id: i.kind for i in claims.incidents}
    linked = {f.value: kinds[f.incident or ""] for f in claims.figures}
    assert linked[9] == "airstrike" and linked[500000] == "war"


def test_vocabulary_is_data_and_every_kind_is_documented() -> None:
    vocabulary = load_vocabulary()
    docs = (Path(__file__).parents[1] / "docs" / "alignment.md").read_text(encoding="utf-8")
    for kind in vocabulary.kinds:
        assert f"`{kind}`" in docs, f"{kind} missing from docs/alignment.md"
    for kind in vocabulary.kinds.values():
        assert kind.effect_of <= {k.family for k in vocabulary.kinds.values()}


def write_feed(folder: Path, items: list[tuple[str, str]]) -> Path:
    path = folder / "feed.jsonl"
    path.write_text(
        "".join(json.dumps({"text": text, "published": day}) + "\n" for day, text in items),
        encoding="utf-8",
    )
    return path


def events_by_item(ledger_path: Path) -> list[str]:
    """The event of each feed line's first killed figure, in line order."""
    with Ledger(ledger_path, readonly=True) as ledger:
        line = {str(d["id"]): int(str(d["path"]).rsplit("#", 1)[1]) for d in ledger.documents()}
        event_of = {c: s["event"]["id"] for s in ledger.slots() for c in s["claims"]}
        found: dict[int, str] = {}
        for figure in ledger.iter_claims("figures"):
            if figure["measure"] == "killed":
                found.setdefault(line[str(figure["doc"])], event_of[str(figure["id"])])
    return [found[n] for n in sorted(found)]


def test_a_feed_of_many_events(tmp_path: Path) -> None:
    feed = write_feed(
        tmp_path,
        [
            ("2031-03-03", "A magnitude 7.1 earthquake strikes Hualien, Taiwan, killing 9 people."),
            ("2031-03-03", "Flash floods in Bahia, Brazil, kill 14 people."),
            ("2031-03-04", "Floods in Kerala, India, kill 22 people and displace thousands."),
            ("2031-03-04", "A bus crash on a highway in Bolivia kills 31 passengers."),
            ("2031-03-04", "The death toll from the Hualien earthquake in Taiwan rises to 13."),
            ("2031-03-05", "A roof collapse at a market in Lagos, Nigeria, kills 6 traders."),
            ("2031-04-15", "The death toll from the earthquake in Taiwan rises to 18."),
            ("2031-03-05", "The toll from the floods in Bahia, Brazil, rises to 20 dead."),
        ],
    )
    build([str(feed)], tmp_path / "feed.db")
    quake, bahia, kerala, bus, quake2, roof, quake3, bahia2 = events_by_item(tmp_path / "feed.db")
    assert quake == quake2 == quake3, "a toll revised six weeks later stays with its event"
    assert bahia == bahia2
    assert len({quake, bahia, kerala, bus, roof}) == 5, "different places or kinds stay apart"
    with Ledger(tmp_path / "feed.db", readonly=True) as ledger:
        events = {e["id"]: e for e in ledger.results("events")}
    taiwan = events[quake]
    assert taiwan["kind"] == "earthquake"
    assert taiwan["tolls"]["killed"]["latest"] == 18
    assert taiwan["first_reported"] == "2031-03-03" and taiwan["last_reported"] == "2031-04-15"
    assert any(p["id"] == "iso3166:TW" or "iso3166:TW" in p["within"] for p in taiwan["places"])


def test_a_part_larger_than_its_whole_is_a_contradiction(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Floods struck Azerbaijan on 3 May 2031. The floods killed 150 people in Baku "
        "and Ganja, officials said.",
        encoding="utf-8",
    )
    (corpus / "b.txt").write_text(
        "Floods struck Azerbaijan on 3 May 2031. The floods killed 120 people across "
        "Azerbaijan, the ministry said.",
        encoding="utf-8",
    )
    (corpus / "c.txt").write_text(
        "Floods struck Azerbaijan on 3 May 2031. The floods killed 90 people in Baku "
        "and Ganja, a relief group said.",
        encoding="utf-8",
    )
    build([str(corpus)], tmp_path / "x.db")
    with Ledger(tmp_path / "x.db", readonly=True) as ledger:
        figures = {f["id"]: f["value"] for f in ledger.iter_claims("figures")}
        (slot,) = [s for s in ledger.slots() if s["measure"] == "killed"]
    pairs = {(e["kind"], frozenset(figures[c] for c in e["claims"])) for e in slot["explanations"]}
    assert ("contradiction", frozenset({150, 120})) in pairs
    assert ("scope", frozenset({90, 120})) in pairs
