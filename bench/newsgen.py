"""A generator of plausible, entirely fictional news reports, for throughput benchmarks.

Every report has a headline, a dateline, counts of casualties and damage (some exact,
some approximate, some revised), dates absolute and relative, direct and reported quotes,
and background paragraphs, so the extractors meet the constructions they meet in real
news. The same seed always gives the same corpus.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

TOWNS = [
    "Marrowby", "Karsk", "Velden", "Ostrava Minor", "Lindqvist", "Port Aldane", "Brisholm",
    "Tavrin", "Quellport", "Hesketh", "Norrvik", "Saltmere", "Eskerfield", "Dunmarrow",
    "Keldholm", "Ambermouth", "Greyhaven", "Rovan", "Sollen", "Ferrowick",
]  # fmt: skip
REGIONS = ["Estrovia", "the Kelvara valley", "Northmark", "the Ardent coast", "Valmora"]
PUBLISHERS = [
    "Estrovia Daily Ledger", "The Harbour Gazette", "Northwind Wire Service",
    "The Marrowby Courier", "Radio Kelvara", "Valmora Evening Post", "Coastal Herald",
]  # fmt: skip
FIRST = ["Ilsa", "Tomas", "Edda", "Marek", "Sofia", "Anton", "Lena", "Pavel", "Nora", "Joren"]
LAST = ["Montreve", "Reyl", "Kolvin", "Halden", "Varga", "Strand", "Okafor", "Lindahl", "Brenn"]
ROLES = [
    "the regional governor", "a spokesman for the fire service", "the interior minister",
    "the mayor", "a doctor at the central hospital", "the police chief", "a local teacher",
]  # fmt: skip
AGENCIES = [
    "the fire service", "the health ministry", "the regional police", "the Red Cross",
    "the civil protection agency", "the town council", "the army",
]  # fmt: skip
EVENTS = [
    ("flood", "floodwaters swept through", "the river burst its banks"),
    ("earthquake", "a strong earthquake struck", "the ground shook for almost a minute"),
    ("fire", "a fire tore through", "flames spread from a warehouse"),
    ("storm", "a violent storm hit", "winds of more than 120 kilometres an hour"),
    ("explosion", "an explosion ripped through", "a gas main exploded"),
    ("landslide", "a landslide buried part of", "heavy rain loosened the hillside"),
]
QUALIFIED = ["at least {n}", "about {n}", "more than {n}", "nearly {n}", "{n}", "some {n}"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
BACKGROUND = [
    "The town last saw damage on this scale in {year}, when {n} homes were lost.",
    "Officials said the warning system had been upgraded in {year} at a cost of {money}.",
    "Residents have complained for years that the {thing} was poorly maintained.",
    "An inquiry into the response is expected to report by the end of {month}.",
    "The region's population has grown by {pct} percent since {year}.",
    "Schools in {town} will remain closed until further notice, {agency} said.",
    "Aid convoys from {town2} reached the area late on {weekday}.",
    "Insurers estimate the losses at {money}, though the figure is likely to rise.",
    "In {year}, a similar disaster in {town2} killed {n} people.",
    "Volunteers handed out blankets and hot meals at the sports hall on {street}.",
]
QUOTES = [
    "We heard it before we saw it",
    "Nobody expected it to happen so fast",
    "We are doing everything we can to reach the people still trapped",
    "Every family here has lost something tonight",
    "The priority now is to find the missing and care for the injured",
    "I have lived here for forty years and never seen anything like it",
    "The response was too slow, and people died because of it",
]
THINGS = ["river embankment", "old dam", "hospital generator", "mountain road", "sea wall"]
STREETS = ["Quay Street", "Mill Lane", "Harbour Road", "Station Square", "Church Row"]


def _amount(rng: random.Random, low: int, high: int) -> str:
    return rng.choice(QUALIFIED).format(n=rng.randint(low, high))


def report(number: int, rng: random.Random) -> dict[str, Any]:
    """One report: a JSON-ready record with `text`, title, publisher and published."""
    town, town2 = rng.sample(TOWNS, 2)
    region = rng.choice(REGIONS)
    kind, verb, cause = rng.choice(EVENTS)
    day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 2000))
    published = day + dt.timedelta(days=rng.randint(0, 3))
    when = f"{day.day} {day.strftime('%B')} {day.year}"
    weekday = WEEKDAYS[day.weekday()]
    killed = rng.randint(3, 180)
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(3)]

    def background() -> str:
        return rng.choice(BACKGROUND).format(
            year=rng.randint(1960, 2019),
            n=rng.randint(2, 900),
            money=f"{rng.randint(2, 90)} million euros",
            thing=rng.choice(THINGS),
            month=rng.choice(["March", "June", "September", "December"]),
            pct=rng.randint(2, 40),
            town=town,
            town2=town2,
            agency=rng.choice(AGENCIES),
            weekday=rng.choice(WEEKDAYS),
            street=rng.choice(STREETS),
        )

    headline = f"{kind.capitalize()} kills {_amount(rng, killed - 5, killed)} in {town}"
    paragraphs = [
        f"{town.upper()}, {day.strftime('%b')}. {day.day} - "
        f"{_amount(rng, killed - 3, killed).capitalize()} people were killed and "
        f"{_amount(rng, killed, killed * 4)} injured when {verb} {town} on {weekday}, "
        f"{rng.choice(AGENCIES)} said.",
        f"The disaster began shortly before {rng.randint(1, 11)} p.m. on {when}, when "
        f"{cause}. By the next morning {killed} deaths had been confirmed in {town} and "
        f"{rng.randint(1, 40)} people were still missing.",
        f"“{rng.choice(QUOTES)},” said {people[0]}, {rng.choice(ROLES)}. “{rng.choice(QUOTES)}.”",
        f"{rng.choice(AGENCIES).capitalize()} said {_amount(rng, 20, 800)} homes were "
        f"destroyed and {_amount(rng, 100, 5000)} residents were evacuated to shelters in "
        f"{town2}. Another {rng.randint(2, 60)} buildings were damaged.",
        f"{people[1]}, {rng.choice(ROLES)}, told reporters that the death toll could rise "
        f"to {killed + rng.randint(5, 60)} as rescuers searched the rubble.",
        f"The day after the {kind}, {rng.randint(200, 3000)} soldiers were deployed to "
        f"{region}, and {rng.randint(2, 40)} people were arrested for looting.",
        " ".join(background() for _ in range(4)),
        f"The interior minister said on {weekday} that {_amount(rng, 50, 400)} police officers "
        f"had been sent to keep order, and that an investigation into the {kind} had begun.",
        " ".join(background() for _ in range(3)),
        f"According to the health ministry, {rng.randint(5, 90)} of the injured were in a "
        f"serious condition on {(day + dt.timedelta(days=2)).strftime('%A')}.",
        f"{people[2]} said she had spent the night on the roof of her house on "
        f"{rng.choice(STREETS)}. “{rng.choice(QUOTES)},” she said.",
        " ".join(background() for _ in range(4)),
        f"“{rng.choice(QUOTES)},” {people[1]} added. Officials in {town2} said "
        f"{rng.randint(2, 30)} families from {town} had been given temporary housing.",
        f"A memorial service will be held in {town} on "
        f"{(published + dt.timedelta(days=rng.randint(3, 20))).strftime('%d %B')}, "
        f"the mayor's office said last {rng.choice(WEEKDAYS)}.",
        " ".join(background() for _ in range(3)),
    ]
    return {
        "title": headline,
        "publisher": rng.choice(PUBLISHERS),
        "published": published.isoformat(),
        "url": f"https://news.example/{number}",
        "text": f"{headline}\n" + "\n".join(paragraphs) + f"\nReport {number}.\n",
    }


def corpus(documents: int, seed: int = 7) -> list[dict[str, Any]]:
    """`documents` reports, the same for the same seed."""
    rng = random.Random(seed)
    return [report(number, rng) for number in range(documents)]


def write_jsonl(path: Path, documents: int, seed: int = 7) -> int:
    """Write a JSONL corpus; return its word count."""
    words = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in corpus(documents, seed):
            words += len(record["text"].split())
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return words
