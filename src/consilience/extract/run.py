"""The extraction run: every extractor over one document or a batch (the package's
docstring says how). Loaded when one of its names is first used."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from consilience.extract.claims import (
    CLAIM_KINDS,
    DocumentClaims,
    IncidentClaim,
    claim_id,
)
from consilience.extract.entities import find_entities
from consilience.extract.figures import find_figures
from consilience.extract.incidents import find_incidents
from consilience.extract.nlp import PIPE_BATCH, forget_parse, load_nlp
from consilience.extract.quotes import find_quotes
from consilience.extract.sections import moved, one_section, section_offsets
from consilience.extract.statements import find_statements, with_readings
from consilience.extract.temporal import find_dates
from consilience.ingest.document import Document
from consilience.ingest.problems import error_reason
from consilience.lexicon import load_lexicon

if TYPE_CHECKING:  # spaCy is imported by load_nlp, when it is first needed
    from spacy.tokens import Doc

    Parsed = list[tuple[int, Doc]]

# Bump when extraction output changes, so ledgers re-extract documents they already hold.
# 10: documents longer than one section (SECTION_CHARS) are read section by section, the
# narrative context (reference date, place, subject) starting afresh in each section;
# dates outside years 0001-9999 have no value; numbers too large for a float are no figure.
# 11: dated statements are claims of kind `statements` (were `events`); claims of kind
# `incidents` (events a document reports) and a figure's `incident` join the contract.
# 12: figures carry `modality`; the measure `munitions`.
# 13: dates read the tense of their clause and the story's day (issue 15); decades `198`.
# The digest of the language's resource files follows the number: a changed word list
# re-extracts the documents as a new extractor would.
EXTRACTOR_VERSION = f"14+{load_lexicon().digest}"


T = TypeVar("T")


def extract(document: Document) -> DocumentClaims:
    """All claims of one document. A pure function of the document and its metadata (its
    publication date anchors relative dates)."""
    return extract_many([document])[0]


def extract_many(documents: Sequence[Document]) -> list[DocumentClaims]:
    """`extract` of each document, the texts of those within one section parsed together
    as one stream (faster, same claims); a longer document is read section by section.
    Parses are consumed as they come, so a batch never holds all of its Docs at once."""
    nlp = load_nlp()
    short = (document.text for document in documents if one_section(document.text))
    docs: Iterator[Doc] = iter(nlp.pipe(short, batch_size=PIPE_BATCH))
    results: list[DocumentClaims] = []
    for document in documents:
        if one_section(document.text):
            results.append(_unread_claims(document, [(0, next(docs))]))
        else:
            results.append(_extract_sections(document, section_offsets(document.text)))
    return _read_statements(results)


def extract_parsed(document: Document, parsed: Parsed) -> DocumentClaims:
    """All claims of one document from its parse (`parse(document.text)`)."""
    return _read_statements([_unread_claims(document, parsed)])[0]


def _unread_claims(document: Document, parsed: Parsed) -> DocumentClaims:
    """The claims of one document, its statements not yet read for the timeline."""
    found, problems = _run_extractors(document.id, document.text, document.published, parsed)
    return DocumentClaims(document=document, problems=tuple(problems), **found)


def _read_statements(results: list[DocumentClaims]) -> list[DocumentClaims]:
    """Every document's statements read for the timeline, all of them in one stream
    (statements.with_readings); if that fails, each document's on its own, so that one
    document costs only its own readings (its statements are kept, unread, and the
    failure is one of its problems)."""
    try:
        read = with_readings([s for result in results for s in result.statements])
    except Exception:  # one document must never stop a build: find which one
        return [_read_one(result) for result in results]
    by_id = {statement.id: statement for statement in read}
    return [
        replace(result, statements=[by_id[s.id] for s in result.statements]) for result in results
    ]


def _read_one(result: DocumentClaims) -> DocumentClaims:
    try:
        return replace(result, statements=with_readings(result.statements))
    except Exception as error:
        problem = f"statements not read for the timeline ({error_reason(error)}); other claims kept"
        return replace(result, problems=(*result.problems, problem))


def _extract_sections(document: Document, sections: list[tuple[int, int]]) -> DocumentClaims:
    """Each section read as a document of its own, its claims moved to the section's place
    in the whole text and numbered on from the claims before them."""
    nlp = load_nlp()
    claims: dict[str, list[Any]] = {kind: [] for kind in CLAIM_KINDS}
    problems: list[str] = []
    for start, end in sections:
        text = document.text[start:end]
        parsed = nlp(text)
        found, failed = _run_extractors(
            document.id, text, document.published, [(0, parsed)], (start, end)
        )
        forget_parse(parsed)
        del parsed
        problems.extend(failed)
        # Figures name their incident by id, so the incidents' new ids go with them.
        first_incident = len(claims["incidents"])
        renamed = {
            c.id: claim_id(document.id, "incidents", first_incident + i)
            for i, c in enumerate(found["incidents"])
        }
        for kind in CLAIM_KINDS:
            kept = claims[kind]
            first = len(kept)
            kept.extend(
                moved(c, kind, start, first + i, renamed) for i, c in enumerate(found[kind])
            )
    return DocumentClaims(document=document, problems=tuple(problems), **claims)


def _run_extractors(
    doc_id: str,
    text: str,
    published: str | None,
    parsed: Parsed,
    section: tuple[int, int] | None = None,
) -> tuple[dict[str, list[Any]], list[str]]:
    """Every extractor over one parsed text, each guarded; an extractor whose input came
    from a failed one reads an empty list in its place."""
    problems: list[str] = []

    def failed(kind: str, error: Exception) -> None:
        where = "" if section is None else f" from characters {section[0]}-{section[1]}"
        problems.append(f"{kind} not extracted{where} ({error_reason(error)}); other claims kept")

    def guarded(kind: str, find: Callable[[], list[T]]) -> list[T]:
        try:
            return find()
        except Exception as error:  # one document must never stop a build
            failed(kind, error)
            return []

    entities = guarded("entities", lambda: find_entities(doc_id, text, parsed))
    dates = guarded("dates", lambda: find_dates(doc_id, text, parsed, published))
    figures = guarded("figures", lambda: find_figures(doc_id, text, parsed, dates))
    incidents: list[IncidentClaim] = []
    try:
        incidents, figures = find_incidents(
            doc_id, text, parsed, dates, entities, figures, published
        )
    except Exception as error:  # figures keep `incident` None
        failed("incidents", error)
    found: dict[str, list[Any]] = {
        "entities": entities,
        "figures": figures,
        "dates": dates,
        "statements": guarded(
            "statements", lambda: find_statements(doc_id, text, parsed, dates, entities)
        ),
        "incidents": incidents,
        "quotes": guarded("quotes", lambda: find_quotes(doc_id, text, parsed, dates)),
    }
    return found, problems
