"""Long documents: time and peak memory of extracting one document of 0.1, 1 and 10 MB.

Usage: python bench/long_document.py [--sizes 0.1 1 10] [--variants paragraphs single-line]
                                     [--build]

Each document is generated news text (bench/newsgen.py reports joined one after another,
the same for the same size). The `paragraphs` variant keeps the reports' line breaks; the
`single-line` variant puts the whole document on one line, so sections can only be cut at
a sentence end or a space. Every measurement runs in a fresh child process, so its peak
resident memory (max RSS) is that of loading the model and extracting that one document,
nothing left over from another run. The target: 10 MB in under 1 GB, time linear in size.
With --build, the child runs a whole `consilience.build` of the document written to a
file (ingest, extraction, the ledger write and alignment) instead of `extract` alone.
Record the figures in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from consilience import build  # noqa: E402
from consilience.extract import extract, load_nlp  # noqa: E402
from consilience.ingest import Metadata, make_document  # noqa: E402
from newsgen import corpus  # noqa: E402

VARIANTS = ("paragraphs", "single-line")


def long_text(megabytes: float, variant: str) -> str:
    """About `megabytes` million characters of news, cut at the end of a report."""
    size = int(megabytes * 1_000_000)
    reports: list[str] = []
    total = 0
    number = 0
    while total < size:
        for record in corpus(200, seed=number):
            reports.append(record["text"])
            total += len(record["text"]) + 1
            if total >= size:
                break
        number += 1
    text = "\n".join(reports)
    return " ".join(text.split("\n")) if variant == "single-line" else text


def measure(megabytes: float, variant: str, whole_build: bool) -> dict[str, float | int | str]:
    """Run in the child: generate, load the model, extract (or build), report."""
    text = long_text(megabytes, variant)
    document = make_document(
        text=text, path=f"long-{megabytes}-{variant}.txt", source_file="bench",
        format="text", encoding="utf-8", metadata=Metadata(published="2024-03-01"),
    )  # fmt: skip
    load_nlp()
    loaded_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    if whole_build:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "long.txt"
            path.write_text(text, encoding="utf-8")
            del text, document
            with build([str(path)], Path(folder) / "long.db") as ledger:
                claims = sum(ledger.claim_count(kind) for kind in ("entities", "figures", "dates"))
                problems = ledger.last_build.skipped + len(ledger.last_build.partial)
                chars = len(ledger.document_text(ledger.documents()[0]["id"]) or "")
    else:
        found = extract(document)
        claims = sum(len(found.claims_of(kind)) for kind in ("entities", "figures", "dates"))
        problems = len(found.problems)
        chars = len(text)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "megabytes": megabytes,
        "variant": variant,
        "chars": chars,
        "seconds": round(seconds, 1),
        "loaded_mb": loaded_kb // 1024,
        "peak_mb": peak_kb // 1024,
        "claims": claims,
        "problems": problems,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1.0, 10.0])
    parser.add_argument("--variants", nargs="+", choices=VARIANTS, default=list(VARIANTS))
    parser.add_argument("--build", action="store_true", help="measure a whole build")
    parser.add_argument("--child", nargs=2, metavar=("MB", "VARIANT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(float(args.child[0]), args.child[1], args.build)))
        return
    print("build (ingest, extract, store, align)" if args.build else "extract")
    print(f"{'size':>6} {'variant':<12} {'chars':>10} {'seconds':>8} {'s/MB':>6} "
          f"{'model MB':>8} {'peak MB':>8} {'claims':>8} {'problems':>8}")  # fmt: skip
    for variant in args.variants:
        for megabytes in args.sizes:
            child = [sys.executable, __file__, "--child", str(megabytes), variant]
            child += ["--build"] if args.build else []
            done = subprocess.run(child, check=True, capture_output=True, text=True)
            row = json.loads(done.stdout.strip().splitlines()[-1])
            per_mb = float(row["seconds"]) / (int(row["chars"]) / 1_000_000)
            print(
                f"{megabytes:>5}M {variant:<12} {row['chars']:>10} {row['seconds']:>8} "
                f"{per_mb:>6.0f} {row['loaded_mb']:>8} {row['peak_mb']:>8} {row['claims']:>8} "
                f"{row['problems']:>8}",
                flush=True,
            )


if __name__ == "__main__":
    main()
