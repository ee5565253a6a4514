"""Web UI load: requests/s and latency of `consilience serve` under concurrent clients.

Usage: python bench/web_load.py [--ledger PATH] [--documents 1000] [--clients 50] [--seconds 10]

Builds a ledger of N short, entirely fictional news reports (several reports per event, so
the figures line up into slots), or reuses the one at --ledger when it exists. Then starts
`consilience serve` in its own process on a free loopback port and runs C concurrent
clients (asyncio, each its own httpx client and connection) for S seconds, each alternating GET
/api/slots and the HTML page of a random document. Prints requests/s, latency percentiles
and the error count; record them with the date in BENCHMARKS.md. Client and server share
the machine, so the figures are a floor for a dedicated server.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import httpx

from consilience import build

# Town names built from syllables, one town per event, so each event is its own story.
PREFIXES = ["Bel", "Kor", "Vask", "Ter", "Ost", "Mar", "Hal", "Quin", "Dur", "Sel", "Ren",
            "Tav", "Brim", "Esk", "Lom", "Wend"]  # fmt: skip
SUFFIXES = ["mouth", "by", "holm", "wick", "dale", "ford", "stead", "vik", "gard", "ton",
            "mere", "combe", "ness"]  # fmt: skip
OUTLETS = ["Northgate Evening Star", "Teslow Wire", "Radio Okkavar", "The Quarne Bugle",
           "Coastline Daily", "Holtby Observer"]  # fmt: skip
HAPPENINGS = [
    ("a flash flood", "swept through the lower town"),
    ("a warehouse fire", "spread to the neighbouring streets"),
    ("a ferry collision", "happened in thick fog off the harbour"),
    ("a storm", "tore roofs from houses along the coast"),
    ("a mine collapse", "trapped workers below the surface"),
]
REPORTS_PER_EVENT = 5


def report(number: int) -> str:
    """One short report; reports of the same event state close but differing tolls."""
    event = number // REPORTS_PER_EVENT
    rng = random.Random(event)
    town = PREFIXES[event % len(PREFIXES)] + SUFFIXES[event // len(PREFIXES) % len(SUFFIXES)]
    what, how = rng.choice(HAPPENINGS)
    day = date(2001, 1, 1) + timedelta(days=event * 45 + rng.randrange(5))
    killed, injured = rng.randrange(3, 60), rng.randrange(10, 300)
    own = random.Random(number)
    stated = killed + own.choice([0, 0, 0, 1, 2, -1])
    qualifier = own.choice(["", "at least ", "about ", "more than "])
    outlet = own.choice(OUTLETS)
    published = day + timedelta(days=own.randrange(1, 4))
    return (
        f"{what.capitalize()} in {town} kills {stated}\n"
        f"Published: {published.isoformat()}\n"
        f"By the {outlet} staff\n\n"
        f"{town.upper()} — {what.capitalize()} {how} on {day.strftime('%d %B %Y')}, and "
        f"{qualifier}{stated} people were killed, officials said. "
        f"{injured} people were injured and {own.randrange(50, 900)} residents were evacuated "
        f"from their homes, according to the civil protection agency. "
        f'"We have never seen anything like it," said mayor {own.choice(["Ada", "Ivo"])} '
        f"{own.choice(['Lunde', 'Serra', 'Moss'])}. Rescue teams from the capital "
        f"arrived the day after, and {own.randrange(2, 40)} houses were destroyed.\n"
    )


def make_ledger(path: Path, documents: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for number in range(documents):
            (Path(folder) / f"report-{number:05d}.txt").write_text(report(number), "utf-8")
        started = time.perf_counter()
        with build([folder], path) as ledger:
            built = ledger.document_count()
        took = time.perf_counter() - started
    print(f"built {path}: {built} documents in {took:.0f} s ({built / took:.1f} docs/s)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def client(
    base: str, paths: list[str], until: float, seed: int, errors: Counter[str]
) -> list[tuple[str, float, bool, int]]:
    """One client with its own connection, requesting in a loop until `until`:
    (route, seconds, ok, bytes) for each request; what went wrong is counted in `errors`."""
    rng = random.Random(seed)
    done = []
    turn = seed % 2
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        while time.perf_counter() < until:
            path = "/api/slots" if turn == 0 else rng.choice(paths)
            route = "/api/slots" if turn == 0 else "/documents/{id}"
            turn = 1 - turn
            started = time.perf_counter()
            size = 0
            try:
                response = await http.get(path)
                size = len(response.content)
                ok = response.status_code == 200 and size > 0
                if not ok:
                    errors[f"{route}: HTTP {response.status_code}"] += 1
            except httpx.HTTPError as error:
                ok = False
                errors[f"{route}: {type(error).__name__} {error}"] += 1
            done.append((route, time.perf_counter() - started, ok, size))
    return done


async def load(
    base: str, clients: int, seconds: float, errors: Counter[str]
) -> list[tuple[str, float, bool, int]]:
    paths: list[str] = []
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        while True:
            params = {"limit": 500, "offset": len(paths)}
            listing = (await http.get("/api/documents", params=params)).json()
            paths += [f"/documents/{item['id']}" for item in listing["items"]]
            if not listing["items"] or len(paths) >= listing["total"]:
                break
    until = time.perf_counter() + seconds
    runs = await asyncio.gather(*(client(base, paths, until, n, errors) for n in range(clients)))
    return [request for run in runs for request in run]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def report_figures(requests: list[tuple[str, float, bool, int]], seconds: float) -> None:
    for route in ("/api/slots", "/documents/{id}", "all"):
        chosen = [r for r in requests if route in ("all", r[0])]
        times = [r[1] * 1000 for r in chosen]
        errors = sum(not r[2] for r in chosen)
        size = sum(r[3] for r in chosen) / max(1, len(chosen)) / 1000
        rate = len(chosen) / seconds
        print(
            f"{route:16} {len(chosen):6} requests  {size:6.1f} kB  {rate:7.1f} req/s  "
            f"p50 {percentile(times, 0.50):6.1f} ms  p95 {percentile(times, 0.95):6.1f} ms  "
            f"p99 {percentile(times, 0.99):6.1f} ms  errors {errors}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ledger", type=Path, help="Ledger to reuse (built there if absent).")
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        ledger = args.ledger or Path(scratch) / "web-load.db"
        if not ledger.exists():
            make_ledger(ledger, args.documents)
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "consilience", "serve", str(ledger), "--port", str(port)],
            stderr=subprocess.PIPE,
            text=True,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    overview = httpx.get(base + "/api/overview", timeout=2).json()
                    break
                except httpx.HTTPError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise SystemExit(f"server did not start: {server.stderr}") from None
                    time.sleep(0.2)
            print(
                f"cores: {os.cpu_count()}  ledger: {overview['documents']} documents, "
                f"{overview['results']['slots']} slots, {overview['claims']['figures']} figures"
            )
            print(f"{args.clients} clients for {args.seconds:.0f} s, one server process")
            errors: Counter[str] = Counter()
            requests = asyncio.run(load(base, args.clients, args.seconds, errors))
            report_figures(requests, args.seconds)
            for what, count in errors.most_common():
                print(f"error x{count}: {what}")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
