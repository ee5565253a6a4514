"""Build throughput: documents/s and words/s for ingest + extract + store, and peak memory.

Usage: python bench/build_speed.py [--documents N]

Generates N news-length reports by varying the example corpus, builds a fresh ledger from
them in one process, then rebuilds it (which must do no extraction work), and prints the
figures. Record them with the date in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

from consilience import build
from consilience.extract import load_nlp

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def make_corpus(folder: Path, documents: int) -> int:
    """Write `documents` reports of about 600 words; return the total word count."""
    bases = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))]
    words = 0
    for number in range(documents):
        body = "\n".join(bases[(number + k) % len(bases)] for k in range(3))
        text = f"Report {number}\n{body}\nFiled by desk {number}.\n"
        (folder / f"report-{number:05d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=500)
    args = parser.parse_args()
    load_nlp()  # model loading is a one-off cost, not throughput
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        corpus.mkdir()
        words = make_corpus(corpus, args.documents)
        ledger_path = Path(folder) / "bench.db"
        started = time.perf_counter()
        with build([str(corpus)], ledger_path) as ledger:
            assert ledger.last_build.extracted == args.documents
        first = time.perf_counter() - started
        started = time.perf_counter()
        with build([str(corpus)], ledger_path) as ledger:
            assert ledger.last_build.extracted == 0
        second = time.perf_counter() - started
        size = ledger_path.stat().st_size
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"cores: {os.cpu_count()}  documents: {args.documents}  words: {words:,}")
    rate = f"{args.documents / first:8.1f} docs/s  {words / first:10,.0f} words/s"
    print(f"fresh build:   {first:7.2f} s  {rate}")
    print(f"rebuild (no work): {second:5.2f} s  {args.documents / second:8.1f} docs/s")
    print(f"ledger size: {size / 1e6:.1f} MB  peak RSS: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
