"""Score the temporal tagger on TimeML (TimeBank, AQUAINT) the way TempEval-3 did.

Strict match: the same span. Relaxed match: overlapping spans. Type F1 and value F1:
relaxed matches whose TIMEX3 type (value) equals the gold one, over all predicted and all
gold expressions. Errors are counted by the construction they are written in (the name of
the tagger's pattern that covers the expression), so what remains to do reads as a table.
dateparser's `search_dates` is scored beside ours as what a user would otherwise pick.

Usage: python -m consilience.eval.timeml [TIMEML_DIR ...] [--part dev|test|all] [--limit N]
       [--no-dateparser] [-v]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from consilience.extract.nlp import parse
from consilience.extract.temporal import construction_of, find_dates


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
    type: int = 0
    value: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    # construction -> [gold, found, value right, missed, extra, wrong value, wrong type]
    by_construction: dict[str, list[int]] = field(default_factory=dict)

    def count(self, construction: str, kind: int) -> None:
        self.by_construction.setdefault(construction, [0] * 7)[kind] += 1

    @staticmethod
    def _f1(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
        p = hits / predicted if predicted else 0.0
        r = hits / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def line(self, label: str) -> str:
        sp, sr, sf = self._f1(self.strict, self.predicted, self.gold)
        rp, rr, rf = self._f1(self.relaxed, self.predicted, self.gold)
        tf = self._f1(self.type, self.predicted, self.gold)[2]
        vp, vr, vf = self._f1(self.value, self.predicted, self.gold)
        return (
            f"{label:<12} strict P {sp:.3f} R {sr:.3f} F1 {sf:.3f} | relaxed P {rp:.3f} R {rr:.3f} "
            f"F1 {rf:.3f} | type F1 {tf:.3f} | value P {vp:.3f} R {vr:.3f} F1 {vf:.3f} | "
            f"{self.gold} gold, {self.predicted} found, {self.seconds:.1f} s"
        )

    def table(self) -> str:
        """Remaining errors by construction, most first."""
        rows = sorted(self.by_construction.items(), key=lambda kv: (-sum(kv[1][3:]), kv[0]))
        lines = [
            f"  {'construction':<22} {'gold':>5} {'found':>5} {'value ok':>8} "
            f"{'missed':>6} {'extra':>6} {'value':>6} {'type':>6}"
        ]
        lines += [
            f"  {name:<22} {gold:>5} {found:>5} {right:>8} {missed:>6} {extra:>6} {value:>6} "
            f"{kind:>6}"
            for name, (gold, found, right, missed, extra, value, kind) in rows
            if missed or extra or value or kind
        ]
        return "\n".join(lines)

    def value_accuracy(self, constructions: set[str]) -> tuple[int, int]:
        """Of the gold expressions written in these constructions and found, how many have
        the gold value: (right, found)."""
        rows = [row for name, row in self.by_construction.items() if name in constructions]
        return sum(row[2] for row in rows), sum(row[1] for row in rows)

    @property
    def type_f1(self) -> float:
        return self._f1(self.type, self.predicted, self.gold)[2]

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
            written = document.text[gold.start : gold.end]
            construction = construction_of(written)
            result.count(construction, 0)
            if match is None:
                result.errors.append(f"{document.name}: missed {written!r} ({gold.value})")
                result.count(construction, 3)
                continue
            result.count(construction, 1)
            used.add(match)
            found = predicted[match]
            result.relaxed += 1
            if (found.start, found.end) == (gold.start, gold.end):
                result.strict += 1
            if found.type == gold.type:
                result.type += 1
            else:
                result.count(construction, 6)
            if found.value == gold.value:
                result.value += 1
                result.count(construction, 2)
            else:
                result.count(construction, 5)
                result.errors.append(
                    f"{document.name}: {written!r} gold {gold.value}, "
                    f"ours {found.value} ({document.text[found.start : found.end]!r})"
                )
        for index, found in enumerate(predicted):
            if index not in used:
                extra = document.text[found.start : found.end]
                result.errors.append(f"{document.name}: extra {extra!r} ({found.value})")
                result.count(construction_of(extra), 4)
    result.seconds = time.perf_counter() - started
    return result


# The constructions a report names the day of an incident in, relative to its own date.
INCIDENT_DAY_CONSTRUCTIONS = {"weekday", "deictic_day"}


def kept_aside(name: str) -> bool:
    """One document in five, by a hash of its file name, is kept aside as a test that the
    tagger's rules were not tuned to: scored, but its errors not read while developing."""
    return int(hashlib.sha1(name.encode()).hexdigest(), 16) % 5 == 0


def in_part(name: str, part: str) -> bool:
    return part == "all" or (part == "test") == kept_aside(name)


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
    parser.add_argument(
        "--part",
        choices=["dev", "test", "all"],
        default="all",
        help="the development part, the part kept aside (one document in five), or all",
    )
    parser.add_argument("--no-dateparser", action="store_true", help="skip the dateparser baseline")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every error")
    args = parser.parse_args()
    for folder in args.folders:
        paths = [p for p in sorted(folder.glob("*.tml")) if in_part(p.name, args.part)]
        if args.limit:
            paths = paths[: args.limit]
        documents = [read_timeml(path) for path in paths]
        print(f"{folder.name} ({len(documents)} documents):")
        mine = score(documents, ours)
        print(mine.line("consilience"))
        right, found = mine.value_accuracy(INCIDENT_DAY_CONSTRUCTIONS)
        print(
            f"  incident days (weekdays, yesterday, tonight, overnight): value right "
            f"{right}/{found} = {right / found if found else 0.0:.3f}"
        )
        print(mine.table())
        if args.verbose:
            for error in mine.errors:
                print("  " + error)
        if not args.no_dateparser:
            print(score(documents, dateparser_baseline).line("dateparser"))


if __name__ == "__main__":
    main()
