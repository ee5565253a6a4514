"""The Python API: `build` a ledger from files, then read it through `Ledger`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from consilience.align import align
from consilience.extract import EXTRACTOR_VERSION, extract
from consilience.ingest import (
    DEFAULT_MAX_BYTES,
    Document,
    FileRead,
    IngestProblem,
    Metadata,
    discover,
    ingest_file,
)
from consilience.store import Ledger

DEFAULT_LEDGER = "consilience.db"


@dataclass
class BuildReport:
    """What a build did, for the summary line and the exit status."""

    files: int = 0
    extracted: int = 0
    unchanged: int = 0
    removed: int = 0
    problems: list[IngestProblem] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.extracted + self.unchanged

    @property
    def skipped(self) -> int:
        return len(self.problems)


@dataclass(frozen=True)
class BuildEvent:
    """One step of a build, for progress displays: `kind` is start, document or problem."""

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
) -> Ledger:
    """Ingest `paths`, extract every new or changed document, and store it in `ledger`.

    Unchanged documents (same content, metadata and extractor version) are not extracted
    again. A skipped input never removes what the ledger already holds for it. The
    returned Ledger's `last_build` is the BuildReport.
    """
    notify = on_event or (lambda event: None)
    target = ledger if isinstance(ledger, Ledger) else Ledger(ledger)
    report = BuildReport()
    found = discover([paths] if isinstance(paths, str) else list(paths))
    report.files = len(found.files)
    report.ignored = found.ignored
    notify(BuildEvent("start", total_files=len(found.files)))
    for problem in found.problems:
        report.problems.append(problem)
        notify(BuildEvent("problem", where=str(problem)))
    for path in found.files:
        for item in ingest_file(path, overrides, max_bytes):
            if isinstance(item, IngestProblem):
                report.problems.append(item)
                notify(BuildEvent("problem", where=str(item)))
            elif isinstance(item, Document):
                status = _store(target, item)
                if status == "extracted":
                    report.extracted += 1
                else:
                    report.unchanged += 1
                notify(BuildEvent("document", where=item.path, status=status))
            elif isinstance(item, FileRead) and item.complete:
                report.removed += target.finish_file(item.source_file, item.doc_ids)
        notify(BuildEvent("file", where=path))
    if not target.alignment_current():
        # Alignment is corpus-wide: redone only when a document came, went or changed.
        align(target)
        target.mark_aligned()
    target.last_build = report
    return target


def _store(ledger: Ledger, document: Document) -> str:
    if ledger.is_current(document.id, EXTRACTOR_VERSION):
        ledger.update_path(document)
        return "unchanged"
    ledger.write_document(extract(document), EXTRACTOR_VERSION)
    return "extracted"
