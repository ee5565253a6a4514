"""Explanations a person reads: one per kind and pair of values, in plain sentences that name
every source by the one naming rule, most important first. Checked on the seed articles and
the example corpus, built for real."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from consilience import build
from consilience.align.explain import KIND_ORDER, Names, explain_values
from consilience.align.figures import MEASURE_FAMILY, Figure, load_figures
from consilience.align.independence import ReuseIndex
from consilience.ingest.naming import source_name

from .conftest import EXAMPLES, SEEDS

# Kinds about one source only: one explanation per document, not per pair of values.
PER_SOURCE = {"same_source_inconsistency", "arithmetic"}


@dataclasses.dataclass
class Built:
    documents: list[dict[str, Any]]
    figures: list[dict[str, Any]]
    slots: list[dict[str, Any]]
    figure_records: list[Figure]

    def explanations(self) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
        for slot in self.slots:
            for explanation in slot["explanations"]:
                yield slot, explanation


@pytest.fixture(scope="module")
def ledgers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    """Each corpus built once for the module, on first use."""
    return _Ledgers(tmp_path_factory)


class _Ledgers(dict[str, Built]):
    def __init__(self, factory: pytest.TempPathFactory) -> None:
        super().__init__()
        self._factory = factory

    def __missing__(self, corpus: str) -> Built:
        folder = SEEDS if corpus == "seeds" else EXAMPLES
        if not folder.is_dir():
            pytest.skip(f"{folder} not found")
        with build([str(folder)], self._factory.mktemp(corpus) / "ledger.db") as ledger:
            documents = ledger.documents()
            published = {d["id"]: d.get("published") for d in documents}
            figures = list(load_figures(ledger.iter_claims("figures"), published))
            self[corpus] = Built(documents, ledger.figures(), ledger.slots(), figures)
        return self[corpus]


@pytest.fixture(params=["seeds", "examples"])
def built(request: pytest.FixtureRequest, ledgers: dict[str, Built]) -> Built:
    return ledgers[request.param]


def killed_slot(built: Built) -> dict[str, Any]:
    [killed] = [slot for slot in built.slots if slot["measure"] == "killed"]
    return killed


def value_of_claims(slot: dict[str, Any]) -> dict[str, int]:
    return {claim: i for i, value in enumerate(slot["values"]) for claim in value["claims"]}


def pair_explanations(
    built: Built,
) -> Iterator[tuple[dict[str, Any], dict[str, Any], frozenset[int]]]:
    """Explanations between two values of their slot (every claim one of the slot's
    answers), with the two values."""
    for slot, explanation in built.explanations():
        values = value_of_claims(slot)
        if all(claim in values for claim in explanation["claims"]):
            pair = frozenset(values[claim] for claim in explanation["claims"])
            if len(pair) == 2:
                yield slot, explanation, pair


def test_one_explanation_per_kind_and_pair_of_values(built: Built) -> None:
    doc_of = {figure["id"]: figure["doc"] for figure in built.figures}
    seen: set[tuple[str, str, frozenset[int], frozenset[str]]] = set()
    merged = 0
    for slot, explanation, pair in pair_explanations(built):
        documents = frozenset(doc_of[claim] for claim in explanation["claims"])
        if explanation["kind"] in PER_SOURCE:
            assert len(documents) == 1, explanation["text"]
        key = (
            slot["id"],
            explanation["kind"],
            pair,
            documents if explanation["kind"] in PER_SOURCE else frozenset(),
        )
        assert key not in seen, explanation["text"]
        seen.add(key)
        merged += len(documents) > 2
    # Passages that state the same values are one explanation, not one per passage pair.
    assert merged >= 1


def test_each_source_is_named_once_by_the_naming_rule(built: Built) -> None:
    names = {document["id"]: source_name(document) for document in built.documents}
    doc_of = {figure["id"]: figure["doc"] for figure in built.figures}
    for _, explanation, _ in pair_explanations(built):
        who_says = explanation["text"].split(". ")[0]
        for name in {names[doc_of[claim]] for claim in explanation["claims"]}:
            assert who_says.count(name) == 1, (name, explanation["text"])


def test_merged_values_read_as_one_sentence(ledgers: dict[str, Built]) -> None:
    texts = [
        explanation["text"] for explanation in killed_slot(ledgers["examples"])["explanations"]
    ]
    assert (
        "Estrovia Daily Ledger and The Marrowby Courier say 29; The Harbour Gazette says 41. "
        "41 is the later figure and may revise 29."
    ) in texts
    # Two places on the two sides, written as the texts write them.
    assert any("12 is for Selvik, 34 for the mill bridge." in text for text in texts)


def test_no_file_name_where_the_document_has_a_better_name(built: Built) -> None:
    texts = [explanation["text"] for _, explanation in built.explanations()]
    better = [d for d in built.documents if source_name(d) != Path(d["path"]).name]
    assert better
    for document in better:
        file_name = Path(document["path"].split("#")[0]).name
        assert not any(file_name in text for text in texts), file_name
    if len(better) == len(built.documents):  # then no file name at all
        assert not any(re.search(r"\w\.(?:html?|txt|md|jsonl|json)\b", text) for text in texts)


def test_no_machine_text(built: Built) -> None:
    measures = {*MEASURE_FAMILY, *MEASURE_FAMILY.values(), "killed", "wounded", "missing"}
    tag = re.compile(r"\((?:" + "|".join(sorted(measures)) + r")\)")
    for _, explanation in built.explanations():
        text = explanation["text"]
        assert "differ (" not in text, text
        assert not tag.search(text), text
        assert not re.search(r"\d{4}-\d{2}-\d{2}", text), text  # dates as a reader writes them
        assert text.endswith("."), text


def test_places_are_written_as_the_texts_write_them(built: Built) -> None:
    texts = [explanation["text"] for _, explanation in built.explanations()]
    places = {place for figure in built.figures for place in figure.get("place") or []}
    for place in places:
        key = place.casefold().removeprefix("the ")
        if key != place.removeprefix("the "):
            assert not any(re.search(rf"\b{re.escape(key)}\b", text) for text in texts), key


_PLACES_SENTENCE = re.compile(
    r"(?:^|\. )(\S.*?) is for (.+?), (\S.*?) for (.+?)(?: as a whole, which contains \w+)?\."
)


def _names(listed: str) -> set[str]:
    return {name.strip() for name in re.split(r", | and ", listed)}


def test_no_place_on_both_sides(built: Built) -> None:
    found = 0
    for _, explanation in built.explanations():
        for match in _PLACES_SENTENCE.finditer(explanation["text"]):
            assert not _names(match[2]) & _names(match[4]), explanation["text"]
            found += 1
    assert found  # both corpora have figures for different places


def test_a_place_both_passages_name_is_left_out(ledgers: dict[str, Built]) -> None:
    killed = killed_slot(ledgers["seeds"])
    [inconsistent] = [e for e in killed["explanations"] if e["kind"] == "same_source_inconsistency"]
    # Both figures of that article name Baku; what differs is the rest.
    text = inconsistent["text"]
    assert "the Soviet Union" in text and "Sumgayit" in text and "Baku" not in text


def test_a_place_inside_the_other_figures_places_is_not_listed_twice(
    ledgers: dict[str, Built],
) -> None:
    """ "soviet union vs soviet union, baku" reads as the one place that differs."""
    figures = ledgers["seeds"].figure_records
    one = next(f for f in figures if f.value == 132)
    other = next(f for f in figures if f.value == 147 and f.doc != one.doc)
    one = dataclasses.replace(one, places=("soviet union",), time=None, time_span=None)
    other = dataclasses.replace(other, places=("soviet union", "baku"), time=None, time_span=None)
    other = dataclasses.replace(other, head=one.head, measure=one.measure)
    names = Names({one.doc: "First", other.doc: "Second"}, {"soviet union": "the Soviet Union"})
    [explanation] = explain_values([[one], [other]], ReuseIndex([]), names)
    assert explanation.kind == "scope"
    assert (
        explanation.text
        == "First says 132; Second says 147. The passage giving 147 also names Baku."
    )


def test_kinds_come_in_order_of_importance(built: Built) -> None:
    doc_of = {figure["id"]: figure["doc"] for figure in built.figures}
    for slot in built.slots:
        ranks = [
            (KIND_ORDER.index(e["kind"]), -len({doc_of[c] for c in e["claims"] if c in doc_of}))
            for e in slot["explanations"]
            if all(c in set(slot["claims"]) for c in e["claims"])
        ]
        assert ranks == sorted(ranks), [e["kind"] for e in slot["explanations"]]
    disputed = [slot for slot in built.slots if slot["verdict"] == "conflicting"]
    assert disputed
    for slot in disputed:
        first = slot["explanations"][0]["kind"]
        assert first in {"contradiction", "same_source_inconsistency", "arithmetic"}


def test_places_inside_a_wider_one(tmp_path: Path) -> None:
    """A count for towns against a count for their country: a scope difference when the
    towns' count is smaller, a contradiction when it is larger, worded by place."""
    corpus = tmp_path / "storms"
    corpus.mkdir()
    reports = {
        "Tagus Radio": "The storms killed 12 people in Lisbon and Porto, the civil protection "
        "agency said.",
        "Iberia Wire": "The storms killed 40 people across Portugal, the government said.",
        "Harbour Post": "At least 55 people were killed by the storms in Lisbon and Porto, "
        "hospital unions said.",
    }
    for i, (publisher, sentence) in enumerate(reports.items()):
        text = f"Storms hit Portugal on 9 March 2031. {sentence}"
        (corpus / f"r{i}.txt").write_text(text, encoding="utf-8")
        meta = f'{{"publisher": "{publisher}", "published": "2031-03-10"}}'
        (corpus / f"r{i}.meta.json").write_text(meta, encoding="utf-8")
    with build([str(corpus)], tmp_path / "storms.db") as ledger:
        [killed] = [slot for slot in ledger.slots() if slot["measure"] == "killed"]
    texts = [(e["kind"], e["text"]) for e in killed["explanations"]]
    assert (
        "scope",
        "Tagus Radio says 12; Iberia Wire says 40. "
        "12 is for Lisbon and Porto, 40 for Portugal as a whole, which contains them.",
    ) in texts
    assert (
        "contradiction",
        "Iberia Wire says 40; Harbour Post says at least 55. "
        "At least 55 for Lisbon and Porto is more than 40 for Portugal, which contains them.",
    ) in texts
