"""Text-reuse detection speed: sentences compared through MinHash/LSH should cost about
linearly in the number of documents. Prints time and peak memory per corpus size.

Usage: python bench/reuse_speed.py [--sizes 1000 4000]
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from pathlib import Path

from consilience.align.reuse import find_reuse

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def corpus(size: int) -> list[tuple[str, str]]:
    """Documents of twelve sentences: one in fifty copied from a small pool of example
    sentences (so some documents share passages), the rest random words from them."""
    rng = random.Random(size)
    pool = [
        line.strip()
        for path in sorted(EXAMPLES.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").split(". ")
        if len(line.split()) > 6
    ]
    words = " ".join(pool).split()
    documents = []
    for number in range(size):
        sentences = [
            rng.choice(pool) if rng.random() < 0.02 else " ".join(rng.sample(words, 14))
            for _ in range(12)
        ]
        documents.append((f"{number:016x}", ". ".join(sentences) + "."))
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000])
    args = parser.parse_args()
    for size in args.sizes:
        documents = corpus(size)
        started = time.perf_counter()
        links = find_reuse(documents)
        elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        pairs = f"{len(links):>7} linked pairs"
        print(f"{size:>6} documents: {elapsed:6.2f} s  {pairs}  peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
