"""Extract-stage speed: the bare spaCy pipeline against spaCy plus every extractor.

Usage: python bench/extract_speed.py [--words 200000] [--processes 1 2]

The corpus is the seed articles (../shared/seeds, or examples/ when absent) repeated until
it holds at least --words words, one document per article copy. For each process count it
prints words/s for (a) the bare pipeline (parse only) and (b) the full extract stage, and
the time extraction adds on top of parsing; then, in one process, the time the temporal
tagger alone takes on the parsed corpus and its share of the full extract stage. Record the
figures in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import time
from multiprocessing import get_context
from pathlib import Path

from consilience.extract import extract
from consilience.extract.nlp import load_nlp, parse
from consilience.extract.temporal import find_dates
from consilience.ingest import Document, Metadata, iter_inputs, make_document

ROOT = Path(__file__).resolve().parents[1]


def corpus(words: int) -> tuple[list[Document], str]:
    seeds = ROOT.parent / "shared" / "seeds"
    source = seeds if seeds.is_dir() else ROOT / "examples"
    bases = [item for item in iter_inputs([str(source)]) if isinstance(item, Document)]
    documents: list[Document] = []
    total = 0
    while total < words:
        for base in bases:
            # A distinct line per copy, so every document is its own (as in a real archive).
            text = f"Copy {len(documents)}.\n{base.text}"
            documents.append(
                make_document(
                    text=text, path=f"{base.path}#{len(documents)}", source_file=base.path,
                    format="text", encoding="utf-8", metadata=base.metadata or Metadata(),
                )
            )  # fmt: skip
            total += len(text.split())
    return documents, str(source)


def _bare(document: Document) -> int:
    return sum(len(doc) for _, doc in parse(document.text))


def _full(document: Document) -> int:
    claims = extract(document)
    return len(claims.entities) + len(claims.figures)


def _warm() -> None:
    load_nlp()


def run(documents: list[Document], processes: int, job: str) -> float:
    work = _bare if job == "bare" else _full
    started = time.perf_counter()
    if processes == 1:
        for document in documents:
            work(document)
    else:
        with get_context("fork").Pool(processes, initializer=_warm) as pool:
            list(pool.imap_unordered(work, documents, chunksize=4))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    documents, source = corpus(args.words)
    words = sum(len(d.text.split()) for d in documents)
    load_nlp()
    extract(documents[0])  # warm up: model loading is not throughput
    print(
        f"cores: {os.cpu_count()}  corpus: {source}  documents: {len(documents)}  words: {words:,}"
    )
    full_in_one = 0.0
    for processes in args.processes:
        bare = run(documents, processes, "bare")
        full = run(documents, processes, "full")
        added = (full - bare) / bare * 100
        full_in_one = full if processes == 1 else full_in_one
        print(
            f"{processes} process{'es' if processes > 1 else ''}: "
            f"bare spaCy {words / bare:8,.0f} words/s ({bare:6.1f} s)  "
            f"full extract {words / full:8,.0f} words/s ({full:6.1f} s)  "
            f"extraction adds {added:5.1f}%"
        )
    if full_in_one:
        tagger = temporal_tagger_seconds(documents)
        print(
            f"temporal tagger alone: {tagger:6.2f} s, {tagger / full_in_one * 100:4.1f}% of the "
            f"full extract stage in one process"
        )


def temporal_tagger_seconds(documents: list[Document], rounds: int = 3) -> float:
    """The temporal tagger's own time: every document parsed first, then tagged; the best
    of a few rounds, as a run of two seconds swings with the machine's load."""
    parsed = [(document, list(parse(document.text))) for document in documents]
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for document, sentences in parsed:
            find_dates(document.id, document.text, sentences, document.published)
        best = min(best, time.perf_counter() - started)
    return best


if __name__ == "__main__":
    main()
