"""Stream documents to extraction workers in batches and take their claims back in input order.

Whatever runs the batches (this process, a process pool, a Dask cluster) and in whatever
order they finish, the caller sees every input item once, in the order it was fed, each
document with its claims. The ledger is written by the caller alone, in that order, so a
build does the same writes in the same order on one process or a hundred, and its result
is the same byte for byte.

Memory stays flat: a bounded number of batches is in flight, a batch closes after a
fixed number of input items even when few of them need extracting, and feeding waits for a
batch once too many items wait behind the batches in flight, so the queue of items
waiting for an earlier batch never grows with the corpus.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from consilience.defaults import DEFAULT_BATCH_SIZE
from consilience.extract import DocumentClaims, extract, extract_many
from consilience.extract.claims import (
    DateClaim,
    EntityClaim,
    FigureClaim,
    IncidentClaim,
    QuoteClaim,
    StatementClaim,
)
from consilience.ingest import Document
from consilience.ingest.problems import error_reason

# A batch closes after this many input items per document slot even if it is not full
# (most items unchanged), so items waiting behind it stay bounded.
ITEMS_PER_SLOT = 4

ClaimSet = tuple[
    list[EntityClaim],
    list[FigureClaim],
    list[DateClaim],
    list[StatementClaim],
    list[IncidentClaim],
    list[QuoteClaim],
    list[str],  # problems: extractors that failed on the document (see DocumentClaims)
]


@dataclass(frozen=True)
class ExtractionFailed:
    """In a batch's results in place of a document's claims: its text could not be
    parsed at all (the extractors are guarded one by one; the parse is not)."""

    reason: str


def extract_batch(documents: Sequence[Document]) -> list[ClaimSet | ExtractionFailed]:
    """The worker's job: claims of each document, without the document itself (the caller
    holds it; sending its text back would double the traffic). Never raises for one
    document: when the batch cannot be parsed together each document is tried alone, and
    one whose parse fails comes back as `ExtractionFailed`."""
    try:
        return [_claim_set(claims) for claims in extract_many(documents)]
    except Exception:  # one document must not fail the others of its batch
        return [_extract_alone(document) for document in documents]


def _extract_alone(document: Document) -> ClaimSet | ExtractionFailed:
    try:
        return _claim_set(extract(document))
    except Exception as error:
        return ExtractionFailed(f"not extracted ({error_reason(error)})")


def _claim_set(claims: DocumentClaims) -> ClaimSet:
    return (
        claims.entities,
        claims.figures,
        claims.dates,
        claims.statements,
        claims.incidents,
        claims.quotes,
        list(claims.problems),
    )


def parse_batch(documents: Sequence[Document]) -> list[int]:
    """The bare spaCy pipeline over a batch (token counts), the baseline extraction is
    measured against in bench/throughput.py."""
    from consilience.extract.nlp import parse_many

    parses = parse_many([document.text for document in documents])
    return [sum(len(doc) for _, doc in parsed) for parsed in parses]


def claims_of(document: Document, found: ClaimSet) -> DocumentClaims:
    """A worker's claims put back together with their document."""
    entities, figures, dates, statements, incidents, quotes, problems = found
    return DocumentClaims(
        document, entities, figures, dates, statements, incidents, quotes, tuple(problems)
    )


class Runner(Protocol):
    """Runs batches somewhere. `window` is how many batches it is worth keeping in flight."""

    @property
    def window(self) -> int: ...

    def submit(self, index: int, documents: list[Document]) -> None:
        """Start the batch numbered `index` (numbers are never reused)."""

    def wait(self, block: bool) -> list[tuple[int, list[Any]]]:
        """Batches finished since the last call, as (index, results); with `block`, wait
        for at least one (there must be one in flight)."""

    def close(self) -> None: ...


@dataclass
class _Entry:
    item: object
    batch: int | None  # the batch extracting this document, or None
    slot: int = 0  # its position in that batch


class OrderedExtraction:
    """Feed items in order; get them back in the same order, documents with their claims.

    `feed(item, extract=True)` sends a document to be extracted; any other item (a
    problem, a marker, a document that needs no work) just keeps its place in line. A
    document whose id is already on its way to a worker is not sent twice: it comes back
    with no claims, after the first copy, like an unchanged document.
    """

    def __init__(self, runner: Runner, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.runner = runner
        self.batch_size = batch_size
        self._queue: deque[_Entry] = deque()
        self._open: list[Document] = []
        self._open_items = 0
        self._next_batch = 0
        self._in_flight: dict[int, list[Document]] = {}
        self._done: dict[int, list[Any]] = {}
        self._pending_ids: set[str] = set()

    def feed(self, item: object, extract: bool = False) -> Iterator[tuple[object, Any]]:
        """Add one item; yield (item, claims or None) for every item now ready, in order."""
        if extract and isinstance(item, Document) and item.id not in self._pending_ids:
            self._pending_ids.add(item.id)
            self._queue.append(_Entry(item, self._next_batch, len(self._open)))
            self._open.append(item)
        else:
            self._queue.append(_Entry(item, None))
        self._open_items += 1
        if self._open and (
            len(self._open) >= self.batch_size
            or self._open_items >= self.batch_size * ITEMS_PER_SLOT
        ):
            self._submit_open()
        elif not self._open:
            self._open_items = 0
        yield from self._release(block=False)
        while self._in_flight and self._waiting_too_much():
            yield from self._release(block=True)

    def finish(self) -> Iterator[tuple[object, Any]]:
        """Send the last, partial batch and yield everything still waiting."""
        if self._open:
            self._submit_open()
        while self._queue:
            waiting_for = self._queue[0].batch
            if waiting_for is not None and waiting_for not in self._done and not self._in_flight:
                raise RuntimeError("an extraction batch was lost")  # pragma: no cover
            yield from self._release(block=True)

    def extract_now(self, document: Document) -> Any:
        """Extract one document out of line and wait for it: for a document that seemed
        unchanged when it was read but was removed before its turn came."""
        index = self._next_batch
        self._next_batch += 1
        self._in_flight[index] = [document]
        self.runner.submit(index, [document])
        while index not in self._done:
            self._collect(block=True)
        return self._done.pop(index)[0]

    def _waiting_too_much(self) -> bool:
        """Enough batches are in flight, or enough items wait behind them (a long run of
        unchanged documents behind a batch that a runner holds back, or a slow one)."""
        window = max(1, self.runner.window)
        return (
            len(self._in_flight) >= window
            or len(self._queue) > window * self.batch_size * ITEMS_PER_SLOT
        )

    def _submit_open(self) -> None:
        index = self._next_batch
        self._next_batch += 1
        batch, self._open, self._open_items = self._open, [], 0
        self._in_flight[index] = batch
        self.runner.submit(index, batch)

    def _collect(self, block: bool) -> None:
        for index, results in self.runner.wait(block):
            batch = self._in_flight.pop(index, None)
            if batch is None:
                continue  # a batch is taken once, however often it ran
            if len(results) != len(batch):
                raise RuntimeError(
                    f"extraction batch {index} came back with {len(results)} results "
                    f"for {len(batch)} documents"
                )
            self._done[index] = results

    def _release(self, block: bool) -> Iterator[tuple[object, Any]]:
        """Yield the ready items at the head of the line; with `block`, wait for a batch
        when the head is still waiting for one."""
        self._collect(block=False)
        yield from self._ready()
        if block and self._in_flight:
            self._collect(block=True)
            yield from self._ready()

    def _ready(self) -> Iterator[tuple[object, Any]]:
        while self._queue:
            head = self._queue[0]
            if head.batch is None:
                self._queue.popleft()
                yield head.item, None
                continue
            results = self._done.get(head.batch)
            if results is None:
                return
            self._queue.popleft()
            assert isinstance(head.item, Document)
            self._pending_ids.discard(head.item.id)
            if head.slot == len(results) - 1:
                del self._done[head.batch]
            yield head.item, results[head.slot]
