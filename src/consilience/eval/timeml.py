"""Score the temporal tagger on TimeML (TimeBank, AQUAINT) the way TempEval-3 did.

Strict match: the same span. Relaxed match: overlapping spans. Value F1: relaxed matches
whose TIMEX3 value equals the gold value, over all predicted and all gold expressions.
dateparser's `search_dates` is scored beside ours as what a user would otherwise pick.

Usage: python -m consilience.eval.timeml [TIMEML_DIR ...] [--limit N] [--no-dateparser]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from consilience.extract.nlp import parse
from consilience.extract.temporal import find_dates


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str | None


@dataclass
class TimemlDocument:
    name: str
    text: str
    dct: str | None
    timexes: list[Timex]


@dataclass
class TimexScore:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def _f1(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
        p = hits / predicted if predicted else 0.0
        r = hits / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def line(self, label: str) -> str:
        sp, sr, sf = self._f1(self.strict, self.predicted, self.gold)
        rp, rr, rf = self._f1(self.relaxed, self.predicted, self.gold)
        vp, vr, vf = self._f1(self.value, self.predicted, self.gold)
        return (
            f"{label:<12} strict P {sp:.3f} R {sr:.3f} F1 {sf:.3f} | relaxed P {rp:.3f} R {rr:.3f} "
            f"F1 {rf:.3f} | value P {vp:.3f} R {vr:.3f} F1 {vf:.3f} | {self.gold} gold, "
            f"{self.predicted} found, {self.seconds:.1f} s"
        )

    @property
    def relaxed_f1(self) -> float:
        return self._f1(self.relaxed, self.predicted, self.gold)[2]

    @property
    def value_f1(self) -> float:
        return self._f1(self.value, self.predicted, self.gold)[2]


_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_timeml(path: Path) -> TimemlDocument:
    """The raw text of a .tml file with its TIMEX3 spans (the creation time excluded)."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"([^\"]+)\"", raw)
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    text_parts: list[str] = []
    length = 0
    timexes: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    position = 0
    for match in _TAG.finditer(body):
        piece = html.unescape(body[position : match.start()])
        text_parts.append(piece)
        length += len(piece)
        position = match.end()
        closing, name, attributes = match.group(1), match.group(2), match.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attributes)))
        elif open_timex is not None:
            start, attrs = open_timex
            timexes.append(Timex(start, length, attrs.get("type", ""), attrs.get("value")))
            open_timex = None
    text_parts.append(html.unescape(body[position:]))
    dct = dct_match.group(1)[:10] if dct_match else None
    return TimemlDocument(path.name, "".join(text_parts), dct, timexes)


def ours(document: TimemlDocument) -> list[Timex]:
    parsed = list(parse(document.text))
    return [
        Timex(d.start, d.end, d.type, d.value)
        for d in find_dates("tml", document.text, parsed, document.dct)
    ]


def dateparser_baseline(document: TimemlDocument) -> list[Timex]:
    """dateparser's search_dates, anchored on the document date, located in the text."""
    from dateparser.search import search_dates

    base = dt.datetime.fromisoformat(document.dct) if document.dct else dt.datetime(2000, 1, 1)
    found = search_dates(document.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    timexes = []
    position = 0
    for phrase, moment in found:
        start = document.text.find(phrase, position)
        if start < 0:
            continue
        position = start + len(phrase)
        timexes.append(Timex(start, start + len(phrase), "DATE", moment.date().isoformat()))
    return timexes


def score(
    documents: list[TimemlDocument], tagger: Callable[[TimemlDocument], list[Timex]]
) -> TimexScore:
    result = TimexScore()
    started = time.perf_counter()
    for document in documents:
        predicted = tagger(document)
        result.gold += len(document.timexes)
        result.predicted += len(predicted)
        used: set[int] = set()
        for gold in document.timexes:
            match = next(
                (
                    i for i, p in enumerate(predicted)
                    if i not in used and p.start < gold.end and gold.start < p.end
                ),
                None,
            )  # fmt: skip
            if match is None:
                missed = document.text[gold.start : gold.end]
                result.errors.append(f"{document.name}: missed {missed!r} ({gold.value})")
                continue
            used.add(match)
            found = predicted[match]
            result.relaxed += 1
            if (found.start, found.end) == (gold.start, gold.end):
                result.strict += 1
            if found.value == gold.value:
                result.value += 1
            else:
                result.errors.append(
                    f"{document.name}: {document.text[gold.start : gold.end]!r} gold {gold.value}, "
                    f"ours {found.value} ({document.text[found.start : found.end]!r})"
                )
        for index, found in enumerate(predicted):
            if index not in used:
                extra = document.text[found.start : found.end]
                result.errors.append(f"{document.name}: extra {extra!r} ({found.value})")
    result.seconds = time.perf_counter() - started
    return result


def main() -> None:
    root = Path(__file__).resolve().parents[3]
    default = root.parent / "shared" / "data" / "tempeval3"
    parser = argparse.ArgumentParser(description="Score temporal tagging on TimeML.")
    parser.add_argument(
        "folders", nargs="*", type=Path, default=[default / "TimeBank", default / "AQUAINT"]
    )
    parser.add_argument(
        "--limit", type=int, default=0, help="only the first N documents of each folder"
    )
    parser.add_argument("--no-dateparser", action="store_true", help="skip the dateparser baseline")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every error")
    args = parser.parse_args()
    for folder in args.folders:
        paths = sorted(folder.glob("*.tml"))
        if args.limit:
            paths = paths[: args.limit]
        documents = [read_timeml(path) for path in paths]
        print(f"{folder.name} ({len(documents)} documents):")
        mine = score(documents, ours)
        print(mine.line("consilience"))
        if args.verbose:
            for error in mine.errors:
                print("  " + error)
        if not args.no_dateparser:
            print(score(documents, dateparser_baseline).line("dateparser"))


if __name__ == "__main__":
    main()
