"""Slot alignment speed and memory: synthetic ledgers of 10k, 100k and 1M figure claims
are aligned into slots; prints the time and the peak memory of each size.

Each size runs in its own process so that peak memory (max RSS) is that size's alone. The
ledger is written first (not timed); the timed step reads the figure claims from it and
computes slots, verdicts and explanations and stores them in the ledger
(`consilience.align.store_slots`, what a build runs). Text reuse is measured apart
(bench/reuse_speed.py).

Synthetic news: one event per 50 claims, each reported by 5 documents of 10 figures
(killed, wounded, arrested, displaced, damaged, each twice), with tolls that agree, round
off, rise across reports or contradict each other, dated on the event's day, in one of 200
towns of one of 20 countries (each report names its town as a place entity and reports one
incident of the event's kind there, so events are resolved across documents as in a build:
thousands of events at once, many of one kind in one country).

Usage: python bench/align_speed.py [--sizes 10000 100000 1000000]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from consilience.align import store_slots
from consilience.extract.claims import DocumentClaims, EntityClaim, FigureClaim, IncidentClaim
from consilience.ingest import Metadata, make_document
from consilience.store import Ledger

MEASURES = [
    ("killed", "people"),
    ("wounded", "people"),
    ("arrested", "protesters"),
    ("displaced", "residents"),
    ("damaged", "homes"),
]
KINDS = ["earthquake", "flood", "storm", "fire", "road_crash", "shooting", "airstrike", "attack"]
COUNTRIES = ["FR", "DE", "IN", "BR", "NG", "PK", "PH", "US", "MX", "ID"]
COUNTRIES += ["TR", "EG", "KE", "PE", "TH", "UA", "SY", "SD", "CD", "BD"]
FIGURES_PER_DOC = 10
DOCS_PER_EVENT = 5


def write_ledger(path: Path, claims: int) -> None:
    rng = random.Random(claims)
    places = [f"Town{n}" for n in range(200)]
    documents = claims // FIGURES_PER_DOC
    with Ledger(path) as ledger:
        for number in range(documents):
            event = number // DOCS_PER_EVENT
            event_rng = random.Random(event)
            day = date(2000, 1, 1) + timedelta(days=event_rng.randrange(11000))
            place = event_rng.choice(places)
            country = COUNTRIES[places.index(place) % len(COUNTRIES)]
            kind = event_rng.choice(KINDS)
            published = f"{day + timedelta(days=number % DOCS_PER_EVENT)}T12:00:00+00:00"
            text = f"Report {number} about event {event} in {place}. " * 4
            document = make_document(
                text=text,
                path=f"doc{number:08d}.txt",
                source_file=f"doc{number:08d}.txt",
                format="text",
                encoding="utf-8",
                metadata=Metadata(published=published),
            )
            figures = []
            for index in range(FIGURES_PER_DOC):
                measure, subject = MEASURES[index % len(MEASURES)]
                true_value = event_rng.randrange(1, 500) + index
                roll = rng.random()
                value = true_value
                qualifier, low, high = "exact", float(value), float(value)
                if roll < 0.15:
                    value = true_value + rng.randrange(1, 30)
                    low = high = float(value)
                elif roll < 0.3:
                    qualifier = "approximately"
                    value = round(true_value, -1)
                    low, high = float(int(value * 0.95)), float(int(value * 1.05) + 1)
                figures.append(
                    FigureClaim(
                        id=f"{document.id}-f{index}",
                        doc=document.id,
                        start=0,
                        end=20,
                        text=text[:20],
                        number_text=str(value),
                        number_start=0,
                        number_end=3,
                        value=float(value),
                        low=low,
                        high=high,
                        qualifier=qualifier,
                        measure=measure,
                        subject=subject,
                        subject_inherited=False,
                        trigger=measure,
                        implicit=False,
                        place=[place],
                        place_inherited=False,
                        time=day.isoformat(),
                        time_inherited=False,
                        attribution=None,
                        incident=f"{document.id}-i0",
                    )
                )
            at = text.index(place)
            town = EntityClaim(f"{document.id}-e0", document.id, at, at + len(place), place, "GPE")
            incident = IncidentClaim(
                id=f"{document.id}-i0",
                doc=document.id,
                start=0,
                end=20,
                text=text[:20],
                kind=kind,
                trigger=kind,
                trigger_start=0,
                trigger_end=3,
                name=None,
                places=[place, country],
                place_ids=[f"iso3166:{country}"],
                date=day.isoformat(),
                mod=None,
                date_text=day.isoformat(),
                date_source="text",
                ongoing=False,
            )
            claims = DocumentClaims(
                document, entities=[town], figures=figures, incidents=[incident]
            )
            ledger.write_document(claims, "bench")


def measure_one(claims: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        started = time.perf_counter()
        write_ledger(path, claims)
        written = time.perf_counter() - started
        with Ledger(path) as ledger:
            started = time.perf_counter()
            slots = store_slots(ledger, links=[])
            elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "claims": claims,
        "slots": slots,
        "write_s": round(written, 1),
        "align_s": round(elapsed, 2),
        "peak_mb": round(peak_mb),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one)))
        return
    print(
        f"{'claims':>9} {'slots':>8} {'write s':>8} {'align s':>8} {'claims/s':>9} {'peak MB':>8}"
    )
    for size in args.sizes:
        output = subprocess.run(
            [sys.executable, __file__, "--one", str(size)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        result = json.loads(output.strip().splitlines()[-1])
        rate = result["claims"] / result["align_s"] if result["align_s"] else 0
        print(
            f"{result['claims']:>9} {result['slots']:>8} {result['write_s']:>8} "
            f"{result['align_s']:>8} {rate:>9.0f} {result['peak_mb']:>8}"
        )


if __name__ == "__main__":
    main()
