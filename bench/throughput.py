"""Extract-stage throughput: the bare spaCy pipeline against the full extract stage, on one
process, two local processes, and a two-worker Dask LocalCluster.

Usage: python bench/throughput.py [--docs 2000] [--feed FILE.jsonl] [--repeat 1]
       [--batch-size 32] [--skip-n-process] [--skip-dask]

The corpus is generated (bench/newsgen.py: fictional news reports of about 460 words with
counts, dates, quotes and datelines), or with --feed the documents of a JSONL file (the
first --docs of them, when given), read as a build reads it. Each configuration runs the
same streaming code a build runs (consilience.scale: batches in flight, results taken in
input order) once with the bare pipeline as the job (spaCy parses the batch; token counts
come back) and once with the full extract stage (parse, then every extractor; the claims
come back). Worker start-up (spawning processes, loading the model) is timed apart and left
out of the rates. Each configuration runs in a fresh process of its own; its peak memory
is the largest sum of the resident memory of that process and every process it started
(pool workers; Dask nannies and workers; the scheduler runs inside it), sampled every 50 ms.

For comparison it also times spaCy's own `nlp.pipe(n_process=2)` (bare, and with the
extractors run on the parsed documents in this process), the other way to use two cores.

Last, the default path: a plain `consilience.build` of the same documents (written to a
JSONL file) with no `workers`, as `consilience build` runs it, timed end to end (start-up,
ingest, extraction, the ledger's writes, alignment) and up to its last document stored. Its
throughput is printed as a fraction of the bare pipeline's best. Record the figures in
BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

import newsgen  # noqa: E402
from consilience import build  # noqa: E402
from consilience.extract import extract_parsed  # noqa: E402
from consilience.extract.nlp import PIPE_BATCH, load_nlp  # noqa: E402
from consilience.ingest import Document, Metadata, ingest_file, make_document  # noqa: E402
from consilience.ingest.document import METADATA_FIELDS  # noqa: E402
from consilience.scale import (  # noqa: E402
    DaskRunner,
    OrderedExtraction,
    PoolRunner,
    Runner,
    SerialRunner,
    claims_of,
    extract_batch,
    parse_batch,
)


def documents(count: int | None, feed: str | None = None) -> list[Document]:
    """The generated corpus as ingest would make it from a JSONL file, or the first
    `count` documents of `feed` (all of them when None)."""
    if feed is not None:
        read = [item for item in ingest_file(feed) if isinstance(item, Document)]
        return read if count is None else read[:count]
    return [
        make_document(
            text=record["text"],
            path=f"corpus.jsonl#{number + 1}",
            source_file="corpus.jsonl",
            format="jsonl",
            encoding="utf-8",
            metadata=Metadata(
                title=record["title"],
                publisher=record["publisher"],
                published=record["published"],
                url=record["url"],
            ),
        )
        for number, record in enumerate(newsgen.corpus(2000 if count is None else count))
    ]


class PeakMemory:
    """The largest total RSS of this process and all its descendants while it runs."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for process in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += process.memory_info().rss
            self.peak = max(self.peak, total)
            self._stop.wait(0.05)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Run:
    config: str
    job: str
    seconds: float
    startup: float
    peak_mb: float


def stream(runner: Runner, docs: list[Document], batch_size: int, full: bool) -> int:
    """Push every document through the runner as a build does; return the claims (or
    tokens) that came back."""
    engine = OrderedExtraction(runner, batch_size)
    total = 0

    def take(ready: Iterator[tuple[object, Any]]) -> None:
        nonlocal total
        for item, found in ready:
            assert isinstance(item, Document)
            if full:
                claims = claims_of(item, found)
                total += sum(len(claims.claims_of(kind)) for kind in ("entities", "figures"))
            else:
                total += int(found)

    for document in docs:
        take(engine.feed(document, extract=True))
    take(engine.finish())
    return total


def warm(runner: Runner, docs: list[Document], workers: int) -> None:
    """One small batch per worker, so every worker has started and loaded the model."""
    engine = OrderedExtraction(runner, batch_size=1)
    for document in docs[: 2 * workers]:
        list(engine.feed(document, extract=True))
    list(engine.finish())


def measure(
    config: str, make: Callable[[Callable[..., Any]], Runner], docs: list[Document], args: Any
) -> list[Run]:
    """Bare, then full, `--repeat` times over; the fastest run of each is kept (the machine
    may be busy with other work now and then), and the largest peak."""
    runs: dict[str, Run] = {}
    for _ in range(args.repeat):
        for job, function in (("bare", parse_batch), ("full", extract_batch)):
            with PeakMemory() as memory:
                started = time.perf_counter()
                runner = make(function)
                warm(runner, docs, 2)
                startup = time.perf_counter() - started
                started = time.perf_counter()
                stream(runner, docs, args.batch_size, job == "full")
                seconds = time.perf_counter() - started
                runner.close()
            print(f"  {config:<28} {job}: {seconds:7.1f} s", flush=True)
            run = Run(config, job, seconds, startup, memory.peak / 1e6)
            best = runs.setdefault(job, run)
            best.seconds = min(best.seconds, run.seconds)
            best.startup = min(best.startup, run.startup)
            best.peak_mb = max(best.peak_mb, run.peak_mb)
    return [runs["bare"], runs["full"]]


def n_process_runs(docs: list[Document], repeat: int) -> list[Run]:
    """spaCy's own multiprocessing: parse in 2 forked processes; extractors run here."""
    nlp = load_nlp()
    runs: dict[str, Run] = {}
    for _ in range(repeat):
        for job in ("bare", "full"):
            with PeakMemory() as memory:
                started = time.perf_counter()
                parsed = nlp.pipe((d.text for d in docs), n_process=2, batch_size=PIPE_BATCH)
                for document, doc in zip(docs, parsed, strict=True):
                    if job == "full":
                        extract_parsed(document, [(0, doc)])
                seconds = time.perf_counter() - started
            print(f"  {'nlp.pipe(n_process=2)':<28} {job}: {seconds:7.1f} s", flush=True)
            run = Run("nlp.pipe(n_process=2)", job, seconds, 0.0, memory.peak / 1e6)
            best = runs.setdefault(job, run)
            best.seconds = min(best.seconds, run.seconds)
            best.peak_mb = max(best.peak_mb, run.peak_mb)
    return [runs["bare"], runs["full"]]


DEFAULT = "plain build (no --workers)"


def default_runs(docs: list[Document], repeat: int) -> list[Run]:
    """A plain `build` of `docs` written to a JSONL file, with no `workers`: the time to
    its last document stored ("stored") and to its end ("build"), start-up included, as a
    user waits for them. The best of `repeat` runs counts."""
    runs: dict[str, Run] = {}
    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "corpus.jsonl"
        with feed.open("w", encoding="utf-8") as handle:
            for document in docs:
                record = {"text": document.text}
                for name in METADATA_FIELDS:
                    if getattr(document.metadata, name) is not None:
                        record[name] = getattr(document.metadata, name)
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        for number in range(repeat):
            stored = 0.0
            ledger = Path(folder) / f"bench-{number}.db"
            with PeakMemory() as memory:
                started = time.perf_counter()

                def on_event(event: Any, started: float = started) -> None:
                    nonlocal stored
                    if event.kind == "document":
                        stored = time.perf_counter() - started

                with build([str(feed)], ledger, on_event=on_event) as built:
                    report = built.last_build
                seconds = time.perf_counter() - started
            assert report.extracted == len(docs), report
            print(
                f"  {DEFAULT:<28} stored: {stored:7.1f} s  build: {seconds:7.1f} s  "
                f"(extraction processes: {report.workers})",
                flush=True,
            )
            for job, taken in (("stored", stored), ("build", seconds)):
                run = Run(DEFAULT, job, taken, 0.0, memory.peak / 1e6)
                best = runs.setdefault(job, run)
                best.seconds = min(best.seconds, run.seconds)
                best.peak_mb = max(best.peak_mb, run.peak_mb)
    return [runs["stored"], runs["build"]]


CONFIGS: dict[str, tuple[str, Callable[[Callable[..., Any]], Runner] | None]] = {
    "serial": ("1 process", SerialRunner),
    "pool": ("2 processes (pool)", lambda job: PoolRunner(job, 2)),
    "dask": ("Dask LocalCluster, 2 workers", lambda job: DaskRunner(job, "local", 2)),
    "n_process": ("nlp.pipe(n_process=2)", None),
    "default": (DEFAULT, None),
}


def run_config(name: str, docs: list[Document], args: Any) -> list[Run]:
    label, make = CONFIGS[name]
    if name == "default":
        return default_runs(docs, args.repeat)
    return n_process_runs(docs, args.repeat) if make is None else measure(label, make, docs, args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, help="documents (default: 2000, or all of --feed)")
    parser.add_argument("--feed", help="a JSONL file to read documents from")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the best counts")
    parser.add_argument("--skip-n-process", action="store_true")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--config", choices=sorted(CONFIGS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    docs = documents(args.docs, args.feed)
    if args.config:  # one configuration, in a process of its own, for clean memory figures
        runs = run_config(args.config, docs, args)
        print("RESULT " + json.dumps([asdict(run) for run in runs]), flush=True)
        return
    words = sum(len(d.text.split()) for d in docs)
    print(
        f"{dt.date.today()}  cores: {os.cpu_count()}  {platform.machine()}  "
        f"Python {platform.python_version()}  documents: {len(docs)}  words: {words:,} "
        f"({words / len(docs):.0f} a document)",
        flush=True,
    )
    runs = []
    for name in CONFIGS:
        if (name == "n_process" and args.skip_n_process) or (name == "dask" and args.skip_dask):
            continue
        command = [sys.executable, __file__, "--config", name, "--docs", str(len(docs))]
        command += ["--batch-size", str(args.batch_size), "--repeat", str(args.repeat)]
        command += ["--feed", args.feed] if args.feed else []
        child = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
        for line in child.stdout.splitlines():
            if line.startswith("RESULT "):
                runs += [Run(**fields) for fields in json.loads(line[len("RESULT ") :])]
            else:
                print(line, flush=True)
    print()
    print("| configuration | stage | docs/s | words/s | start-up s | peak RSS MB | full/bare |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for run in runs:
        bare = next((r for r in runs if r.config == run.config and r.job == "bare"), None)
        ratio = f"{bare.seconds / run.seconds:.2f}" if bare and run.job == "full" else ""
        print(
            f"| {run.config} | {run.job} | {len(docs) / run.seconds:,.1f} | "
            f"{words / run.seconds:,.0f} | {run.startup:.1f} | {run.peak_mb:,.0f} | {ratio} |"
        )
    fastest = min((r for r in runs if r.job == "bare"), key=lambda r: r.seconds, default=None)
    if fastest is None:
        return
    print()
    print(
        f"The bare pipeline's best: {len(docs) / fastest.seconds:,.1f} docs/s ({fastest.config})."
    )
    for run in runs:
        if run.config == DEFAULT:
            what = "to its last document stored" if run.job == "stored" else "end to end"
            print(
                f"Plain build, {what}: {len(docs) / run.seconds:,.1f} docs/s, "
                f"{fastest.seconds / run.seconds:.2f} of it."
            )


if __name__ == "__main__":
    main()
