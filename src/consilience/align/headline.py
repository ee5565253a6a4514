"""The headline of a slot and of an event: the answer first, in one or two sentences,
composed at alignment time from the slot's own values so that every view (terminal,
report, web UI, JSON) shows the same words and none recomputes them.

"Sources say 132 to 150 people were killed. 147 is stated by 3 independent sources; the
latest report (20 January 2026, Source) says 147; 2 sources give approximate figures."
The range is of the values sources state (never wider than what some source states)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from consilience.lexicon.headlines import HeadlineWords, load_headline_words
from consilience.numbers import number

Namer = Callable[[str], str]


def slot_headline(
    slot: Mapping[str, Any],
    name: Namer,
    approximate: Collection[str] = (),
    language: str = "en",
) -> str:
    """The headline of one slot record (Slot.to_dict()); "" when it holds no value.
    `approximate` are the documents that state a figure of the slot as approximate, a
    range or a bound (a value group's own low and high merge exact and approximate)."""
    words = load_headline_words(language)
    values = [v for v in slot.get("values") or [] if _at(v) is not None]
    if not values:
        return ""
    form = words.sentences
    what = _what(slot, words)
    documents = {doc for v in values for doc in v.get("documents") or []}
    ordered = sorted(values, key=lambda v: (_at(v), _written(v)))
    stated = sorted({_written(v) for v in values})
    if len(stated) == 1:
        value = stated[0]
        if len(documents) == 1:
            opening = form["only_source"].format(
                source=name(next(iter(documents))), value=value, what=what
            )
        elif len(documents) == 2:
            opening = form["both_sources"].format(value=value, what=what)
        else:
            opening = form["all_sources"].format(count=len(documents), value=value, what=what)
    else:
        low, high = _written(ordered[0]), _written(ordered[-1])
        opening = form["range"].format(low=low, high=high, what=what)
    clauses = []
    if len(stated) > 1:
        clauses.append(_best_clause(slot, values, form))
    latest = slot.get("latest") or {}
    if len(documents) > 1 and latest.get("published") and latest.get("document"):
        clauses.append(
            form["latest"].format(
                date=written_date(str(latest["published"]), words),
                source=name(str(latest["document"])),
                value=latest.get("text") or number(latest.get("value")),
            )
        )
    if approximate and len(stated) > 1:
        count = len(approximate)
        clauses.append(
            form["approximate_one"] if count == 1 else form["approximate"].format(count=count)
        )
    clauses = [clause for clause in clauses if clause]
    if not clauses:
        return opening
    return f"{opening} {_capitalised(form['clause_separator'].join(clauses))}."


def event_headline(event: Mapping[str, Any], toll_headline: str, language: str = "en") -> str:
    """An event's headline: its label, then its main toll's headline; without a toll, who
    reported it and when."""
    form = load_headline_words(language).sentences
    label = str(event.get("label") or event.get("id") or "")
    if toll_headline:
        return form["event"].format(label=label, headline=toll_headline)
    first, last = event.get("first_reported"), event.get("last_reported")
    count = len(event.get("documents") or [])
    if not first:
        undated = "event_reports_undated_one" if count == 1 else "event_reports_undated"
        return form[undated].format(label=label, count=count)
    if count <= 1:
        return form["event_reports_one"].format(label=label, first=first)
    return form["event_reports"].format(label=label, count=count, first=first, last=last or first)


def written_date(published: str, words: HeadlineWords) -> str:
    """ "2026-01-20T..." as "20 January 2026"; a partial or odd date as it is stored."""
    day = published[:10]
    try:
        year, month, dom = (int(part) for part in day.split("-"))
    except ValueError:
        return published
    if month not in words.months:
        return published
    return words.date_format.format(day=dom, month=words.months[month], year=year)


def _what(slot: Mapping[str, Any], words: HeadlineWords) -> str:
    """ "people were killed": the slot's subject and what befell it."""
    outcome = words.outcomes.get(str(slot.get("measure")), words.outcomes.get("other", ""))
    subject = str(slot.get("subject") or "").strip()
    return " ".join(part for part in (subject, outcome) if part)


def _best_clause(
    slot: Mapping[str, Any], values: Sequence[Mapping[str, Any]], form: Mapping[str, str]
) -> str:
    best = slot.get("best")
    held = [v for v in values if best is not None and _at(v) == float(best)]
    if not held:
        return ""
    count = max(int(v.get("independent_sources") or 0) for v in held)
    text = str(slot.get("best_text") or number(best))
    if count == 1:
        return form["best_one"].format(value=text)
    return form["best"].format(value=text, count=count)


def _at(value: Mapping[str, Any]) -> float | None:
    """Where a stated value sits on the number line: its value, else its low end
    ("hundreds of thousands" states no single value)."""
    at = value.get("value") if value.get("value") is not None else value.get("low")
    return None if at is None else float(at)


def _written(value: Mapping[str, Any]) -> str:
    """A stated value as the headline writes it: its number, else the words stated."""
    if value.get("value") is not None:
        return number(value["value"])
    return str(value.get("text") or number(value.get("low")))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
