"""The Python API: `build` a ledger from files, then read it through `Ledger`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from consilience.align import align
from consilience.defaults import DEFAULT_LEDGER
from consilience.extract import EXTRACTOR_VERSION
from consilience.extract.claims import DocumentClaims
from consilience.ingest import (
    DEFAULT_MAX_BYTES,
    Discovery,
    Document,
    FileRead,
    IngestProblem,
    IngestWarning,
    Metadata,
    ingest_file,
)
from consilience.ingest.discover import discover
from consilience.scale import (
    DEFAULT_BATCH_SIZE,
    POOL_THRESHOLD_CHARS,
    ClaimSet,
    ExtractionFailed,
    OrderedExtraction,
    Runner,
    claims_of,
    extract_batch,
    open_runner,
)
from consilience.scale.parquet import ingest_parquet, is_parquet
from consilience.store import Ledger, LedgerError
from consilience.store.commits import CommitGroup, Immediate
from consilience.store.lock import WriterLock

if TYPE_CHECKING:
    from consilience.scale.partitioned import ClaimsDirectory


@dataclass
class BuildReport:
    """What a build did, for the summary line and the exit status."""

    files: int = 0
    extracted: int = 0
    unchanged: int = 0
    removed: int = 0
    problems: list[IngestProblem] = field(default_factory=list)
    # Documents stored without some claim kind, because its extractor failed on them.
    partial: list[IngestProblem] = field(default_factory=list)
    # Inputs built as they are, with something to check (a page with little text).
    warnings: list[IngestWarning] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    # Processes (or Dask worker threads) extraction ran in at once; 0: nothing extracted.
    workers: int = 0

    @property
    def documents(self) -> int:
        return self.extracted + self.unchanged

    @property
    def skipped(self) -> int:
        return len(self.problems)


@dataclass(frozen=True)
class BuildEvent:
    """One step of a build, for progress displays: `kind` is start, waiting (for another
    build's lock), file, document, problem (an input skipped), warning (an input built,
    with something to check) or partial (a document stored without the claims of an
    extractor that failed on it)."""

    kind: str
    where: str = ""
    status: str = ""
    total_files: int = 0


def build(
    paths: list[str] | str,
    ledger: str | Path | Ledger = DEFAULT_LEDGER,
    *,
    overrides: Metadata | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_event: Callable[[BuildEvent], None] | None = None,
    workers: int | None = None,
    dask: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    wait: bool = True,
    pool_threshold: int = POOL_THRESHOLD_CHARS,
) -> Ledger:
    """Ingest `paths`, extract every new or changed document, and store it in `ledger`.

    Unchanged documents (same content, metadata and extractor version) are not extracted
    again. A skipped input never removes what the ledger already holds for it. The
    returned Ledger's `last_build` is the BuildReport.

    Extraction runs in this process (`workers=1`), in `workers` local processes, or on
    Dask: `dask="local"` starts a LocalCluster of `workers` processes (default: one per
    core), and an address (`"tcp://scheduler:8786"`) uses a running cluster. By default
    (`workers=None`) it runs in this process until `pool_threshold` characters of text
    are to be extracted (unchanged documents not counted), then in a pool of one process
    per core: below that, starting the pool costs more than it saves. `batch_size`
    documents go to a worker at a time. Whichever runs it, the ledger is written here,
    in input order, and holds the same result.

    One build writes to a ledger at a time: a second one waits for the first to finish
    (`wait=False`: raises LedgerBusy instead). A ledger whose file fails SQLite's quick
    check raises LedgerError before anything is written.
    """
    notify = on_event or (lambda event: None)
    path = ledger.path if isinstance(ledger, Ledger) else Path(ledger)
    lock = WriterLock(path, wait=wait, on_wait=lambda line: notify(BuildEvent("waiting", line)))
    with lock:
        target = ledger if isinstance(ledger, Ledger) else Ledger(path)
        try:
            damage = target.quick_check()
            if damage is not None:
                raise LedgerError(
                    f"{path}: the ledger file is corrupted ({damage}); nothing was written; "
                    f"`consilience check {path}` tells more"
                )
            report = _extract_into(
                target,
                paths,
                overrides,
                max_bytes,
                notify,
                workers,
                dask,
                batch_size,
                pool_threshold,
            )
            _align_current(target)
        except BaseException:
            if target is not ledger:
                target.close()
            raise
    target.last_build = report
    return target


# How often alignment is redone when the corpus changed while it ran (another process
# writing without the lock) before the results are left marked out of date.
_ALIGN_ATTEMPTS = 3


def _align_current(target: Ledger) -> None:
    """Align when a document came, went or changed, and mark the results current only
    if no document changed while they were computed."""
    for _ in range(_ALIGN_ATTEMPTS):
        if target.alignment_current():
            return
        generation = target.generation()
        align(target)
        if target.mark_aligned(generation):
            return


def build_partitioned(
    paths: list[str] | str,
    out: str | Path,
    *,
    overrides: Metadata | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_event: Callable[[BuildEvent], None] | None = None,
    workers: int | None = None,
    dask: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    wait: bool = True,
    pool_threshold: int = POOL_THRESHOLD_CHARS,
) -> ClaimsDirectory:
    """`build`, with claims written as partitioned Parquet in the folder `out` instead of a
    ledger (see consilience.scale.partitioned), then aligned from there.

    `out` then holds the documents of this build's inputs: those it held already
    (extracted by this extractor version) are kept without extracting them again, the
    others are dropped. Its JSON export is the one a ledger built from the same inputs
    gives. One build writes to a folder at a time, as to a ledger (`wait` as in `build`).
    """
    from consilience.scale.partitioned import ClaimsDirectory, ClaimsWriter  # imports pyarrow

    notify = on_event or (lambda event: None)
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    lock = WriterLock(root, wait=wait, on_wait=lambda line: notify(BuildEvent("waiting", line)))
    with lock:
        writer = ClaimsWriter(root, EXTRACTOR_VERSION)
        report = _extract_into(
            writer,
            paths,
            overrides,
            max_bytes,
            notify,
            workers,
            dask,
            batch_size,
            pool_threshold,
        )
        report.removed = writer.commit()
        claims = ClaimsDirectory(root)
        # align() reads and writes through the methods a directory shares with a Ledger.
        align(cast(Ledger, claims))
    claims.last_build = report
    return claims


class _Target(Protocol):
    """Where a build stores documents: a Ledger, or a ClaimsWriter."""

    def is_current(self, doc_id: str, extractor_version: str) -> bool: ...

    def update_path(self, document: Document) -> None: ...

    def write_document(self, claims: DocumentClaims, extractor_version: str) -> None: ...

    def finish_file(self, source_file: str, doc_ids: frozenset[str]) -> int: ...


@dataclass(frozen=True)
class _FileDone:
    """Marks, in the stream of items, where one input file ends."""

    path: str


def _extract_into(
    target: _Target,
    paths: list[str] | str,
    overrides: Metadata | None,
    max_bytes: int,
    notify: Callable[[BuildEvent], None],
    workers: int | None,
    dask: str | None,
    batch_size: int,
    pool_threshold: int,
) -> BuildReport:
    """Read every input, send what needs extracting to the runner, and store the results
    in input order. An unchanged document is never sent; whether it is unchanged is asked
    again when its turn comes, since a file read before it may have removed it. A
    document extraction failed on is reported and not stored; one that an extractor
    failed on is stored with the other extractors' claims, and reported.

    A ledger commits many documents at once (`Ledger.grouped_commits`), and before
    every wait for extraction; each event is sent once what was stored before it is
    committed, so a stopped or failed build has reported exactly what it stored."""
    report = BuildReport()
    files, found = _discover([paths] if isinstance(paths, str) else list(paths))
    report.files = len(files)
    report.ignored = found.ignored
    notify(BuildEvent("start", total_files=len(files)))
    with (
        _grouped_commits(target) as commits,
        open_runner(extract_batch, workers, dask, pool_threshold) as runner,
    ):
        stream = OrderedExtraction(_CommitBeforeWaiting(runner, commits), batch_size)

        def tell(event: BuildEvent) -> None:
            commits.after_commit(partial(notify, event))

        def skip(problem: IngestProblem) -> None:
            report.problems.append(problem)
            tell(BuildEvent("problem", where=str(problem)))

        for problem in found.problems:
            skip(problem)

        def store(item: object, claims: ClaimSet | ExtractionFailed | None) -> None:
            if isinstance(item, IngestProblem):
                skip(item)
            elif isinstance(item, IngestWarning):
                report.warnings.append(item)
                tell(BuildEvent("warning", where=str(item)))
            elif isinstance(item, Document):
                if claims is None and target.is_current(item.id, EXTRACTOR_VERSION):
                    target.update_path(item)
                    status = "unchanged"
                    report.unchanged += 1
                else:
                    claims = stream.extract_now(item) if claims is None else claims
                    if isinstance(claims, ExtractionFailed):
                        skip(IngestProblem(item.path, claims.reason))
                        return
                    found = claims_of(item, claims)
                    target.write_document(found, EXTRACTOR_VERSION)
                    for reason in found.problems:
                        incomplete = IngestProblem(item.path, reason)
                        report.partial.append(incomplete)
                        tell(BuildEvent("partial", where=str(incomplete)))
                    status = "extracted"
                    report.extracted += 1
                tell(BuildEvent("document", where=item.path, status=status))
            elif isinstance(item, FileRead) and item.complete:
                report.removed += target.finish_file(item.source_file, item.doc_ids)
            elif isinstance(item, _FileDone):
                tell(BuildEvent("file", where=item.path))

        for path in files:
            for item in _ingest(path, overrides, max_bytes):
                wanted = isinstance(item, Document) and not target.is_current(
                    item.id, EXTRACTOR_VERSION
                )
                for ready in stream.feed(item, extract=wanted):
                    store(*ready)
                commits.commit_if_due()
            for ready in stream.feed(_FileDone(path)):
                store(*ready)
        for ready in stream.finish():
            store(*ready)
        report.workers = runner.workers
    return report


def _grouped_commits(target: _Target) -> AbstractContextManager[CommitGroup | Immediate]:
    """A ledger's writes share transactions; a claims folder keeps none open (it is
    written when the build ends)."""
    if isinstance(target, Ledger):
        return target.grouped_commits()
    return nullcontext(Immediate())


class _CommitBeforeWaiting:
    """The build's runner, committing what is stored before each wait for extraction:
    the wait may be long (a large document, a slow worker), and no transaction is kept
    open through it, so other writers and readers of progress are not held up. (It
    costs little: 47 commits instead of 18 for 1,500 portal items on two workers.)"""

    def __init__(self, runner: Runner, commits: CommitGroup | Immediate) -> None:
        self._runner = runner
        self._commits = commits

    @property
    def window(self) -> int:
        return self._runner.window

    def submit(self, index: int, documents: list[Document]) -> None:
        self._runner.submit(index, documents)

    def wait(self, block: bool) -> list[tuple[int, list[Any]]]:
        if block:
            self._commits.commit()
        return self._runner.wait(block)

    def close(self) -> None:
        self._runner.close()


def _discover(paths: list[str]) -> tuple[list[str], Discovery]:
    """The input files in the order `discover` gives them (the paths in order, each
    folder sorted), Parquet files included, each once."""
    found = Discovery()
    files: dict[str, None] = {}
    for name in paths:
        if is_parquet(name) and Path(name).is_file():
            files[name] = None
            continue
        one = discover([name])
        found.problems += one.problems
        found.ignored += [path for path in one.ignored if not is_parquet(path)]
        parquet = [path for path in one.ignored if is_parquet(path)]
        files.update(dict.fromkeys(sorted(one.files + parquet, key=Path)))
    return list(files), found


def _ingest(path: str, overrides: Metadata | None, max_bytes: int) -> Iterator[object]:
    if is_parquet(path):
        return ingest_parquet(path, overrides, max_bytes)
    return ingest_file(path, overrides, max_bytes)
