"""Long documents are read section by section: exact spans, unique ids, and each section's
claims those of the section read alone. The section size is made small here so that the
seed articles make a document of many sections without a minute of parsing."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import pytest

import consilience.extract.sections as sections
from consilience.extract import CLAIM_KINDS, DocumentClaims, extract, extract_many
from consilience.extract.claims import Claim, FigureClaim, claim_id

from .conftest import text_document

SMALL_SECTION = 5_000
OFFSETS = ("start", "end", "number_start", "number_end", "date_start", "date_end")
OFFSETS += ("content_start", "content_end", "trigger_start", "trigger_end")


@pytest.fixture
def small_sections(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(sections, "SECTION_CHARS", SMALL_SECTION)
    return SMALL_SECTION


def seeds_text(seeds_dir: Path) -> str:
    return "\n\n".join(path.read_text("utf-8") for path in sorted(seeds_dir.glob("*.txt")))


def assert_exact(text: str, claims: DocumentClaims) -> None:
    """Every span field of every claim covers exactly the text it reports."""
    for kind in CLAIM_KINDS:
        found = claims.claims_of(kind)
        # Ids are unique across the document: numbered on from one section to the next.
        assert [c.id for c in found] == [
            claim_id(claims.document.id, kind, i) for i in range(len(found))
        ]
        for claim in found:
            assert text[claim.start : claim.end] == claim.text
            for prefix, attribute in (
                ("number", "number_text"), ("date", "date_text"), ("trigger", "trigger"),
            ):  # fmt: skip
                if hasattr(claim, f"{prefix}_start"):
                    start, end = getattr(claim, f"{prefix}_start"), getattr(claim, f"{prefix}_end")
                    assert text[start:end] == getattr(claim, attribute)
            if hasattr(claim, "content"):
                assert text[claim.content_start : claim.content_end] == claim.content
    # A figure names an incident of its own document, by the incident's id there.
    incidents = {incident.id for incident in claims.incidents}
    assert all(f.incident is None or f.incident in incidents for f in claims.figures)


def comparable(claim: Claim, offset: int, claims: DocumentClaims) -> dict[str, Any]:
    """A claim without its id, its offsets moved by `offset`; the incident a figure names
    (among `claims`) by where that incident starts."""
    record = {f.name: getattr(claim, f.name) for f in fields(claim) if f.name != "id"}
    for name in OFFSETS:
        if name in record:
            record[name] += offset
    if record.get("incident") is not None:
        starts = {incident.id: incident.start for incident in claims.incidents}
        record["incident"] = starts[record["incident"]] + offset
    return record


def test_a_long_document_matches_its_sections_read_alone(
    seeds_dir: Path, small_sections: int
) -> None:
    text = seeds_text(seeds_dir)
    cuts = sections.section_offsets(text)
    assert len(cuts) >= 5
    assert all(end - start <= small_sections for start, end in cuts)
    # Cuts fall on paragraph or line ends, never inside a word.
    assert all(text[end - 1] == "\n" or text[end - 1] == " " for _, end in cuts[:-1])
    document = text_document(text, published="2026-01-20")
    whole = extract(document)
    assert whole.problems == ()
    assert_exact(text, whole)
    assert len(whole.figures) > 10 and len(whole.dates) > 10 and len(whole.quotes) > 3
    for kind in CLAIM_KINDS:
        expected: list[dict[str, Any]] = []
        for start, end in cuts:
            alone = extract(text_document(text[start:end], published="2026-01-20"))
            expected.extend(comparable(claim, start, alone) for claim in alone.claims_of(kind))
        # A piece read alone has its own document id; the long document's is kept.
        for record in expected:
            record["doc"] = document.id
        assert [comparable(claim, 0, whole) for claim in whole.claims_of(kind)] == expected, kind


def test_a_single_line_document_is_cut_at_sentence_ends(
    seeds_dir: Path, small_sections: int
) -> None:
    text = " ".join(seeds_text(seeds_dir).split())
    cuts = sections.section_offsets(text)
    assert len(cuts) >= 5
    assert all(text[end - 2 : end] == ". " for _, end in cuts[:-1])
    claims = extract(text_document(text, published="2026-01-20"))
    assert claims.problems == ()
    assert_exact(text, claims)
    assert len(claims.figures) > 10


def test_a_document_within_one_section_is_read_whole(seeds_dir: Path) -> None:
    """Below the real section size nothing changes: the seeds together are one section,
    and a figure that inherits its subject from an earlier paragraph keeps it."""
    text = seeds_text(seeds_dir)
    assert sections.one_section(text)
    assert sections.section_offsets(text) == [(0, len(text))]


def test_extract_many_mixes_long_and_short_documents(seeds_dir: Path, small_sections: int) -> None:
    long_text = seeds_text(seeds_dir)
    short_texts = [path.read_text("utf-8")[:3_000] for path in sorted(seeds_dir.glob("*.txt"))]
    documents = [text_document(t, published="2026-01-20") for t in short_texts[:2]]
    documents.append(text_document(long_text, published="2026-01-20"))
    documents += [text_document(t, published="2026-01-20") for t in short_texts[2:]]
    together = extract_many(documents)
    assert [c.document.id for c in together] == [d.id for d in documents]
    for document, claims in zip(documents, together, strict=True):
        alone = extract(document)
        for kind in CLAIM_KINDS:
            assert claims.claims_of(kind) == alone.claims_of(kind)
        assert_exact(document.text, claims)


def test_a_moved_figure_names_its_incident_by_the_id_in_the_whole() -> None:
    doc = "a" * 16
    figure = FigureClaim(
        id=f"{doc}-f0", doc=doc, start=4, end=20, text="12 were killed", number_text="12",
        number_start=4, number_end=6, value=12, low=12, high=12, qualifier="exact",
        measure="killed", subject=None, subject_inherited=True, trigger="killed",
        implicit=False, place=[], place_inherited=False, time=None, time_inherited=False,
        attribution=None, modality="asserted", incident=f"{doc}-i0",
    )  # fmt: skip
    moved = sections.moved(figure, "figures", 100, 3, {f"{doc}-i0": f"{doc}-i2"})
    assert (moved.id, moved.start, moved.number_end) == (f"{doc}-f3", 104, 106)
    assert moved.incident == f"{doc}-i2"
    assert sections.moved(replace(figure, incident=None), "figures", 100, 3, {}).incident is None
