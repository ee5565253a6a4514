"""Values as stated: each distinct form a source states a slot's figure in ("133", "an
estimated 133") is its own row, with the source, who it attributes the figure to, its
publication date and the passages. Views show these rows, and the low–high a view prints
is the span of what sources state: approximate values ("about 30") widen nothing.

Rows are shaped from the stored claims of a slot; nothing is recomputed."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from consilience.extract.claims import PROJECTION
from consilience.numbers import number

if TYPE_CHECKING:
    from consilience.present.views import Sources
    from consilience.store import Ledger

# How a view marks a figure the source projects ("could rise to 40"), not states.
PROJECTION_NOTE = "(projection)"
# How a stated value is drawn and listed: one value as written; an approximate one
# ("about 30", "nearly 40"); a range the source states ("between 450 and 600", "hundreds");
# a bound open on one side ("at least 8", "up to 40").
POINT, APPROXIMATE, INTERVAL, AT_LEAST, AT_MOST = (
    "point",
    "approximate",
    "interval",
    "at_least",
    "at_most",
)
SHAPE_OF_QUALIFIER = {
    "exact": POINT,
    "approximately": APPROXIMATE,
    "range": INTERVAL,
    "vague": INTERVAL,
    "more_than": AT_LEAST,
    "at_least": AT_LEAST,
    "fewer_than": AT_MOST,
    "at_most": AT_MOST,
    "up_to": AT_MOST,
}


def is_projection(claim: dict[str, Any]) -> bool:
    """A figure the source says may, could or is expected to be reached: not a count."""
    return claim.get("modality") == PROJECTION


def figure_value_text(claim: dict[str, Any]) -> str:
    """A figure's number as written, marked when it is a projection: "40 (projection)"."""
    text = str(claim.get("number_text") or "")
    return f"{text} {PROJECTION_NOTE}" if is_projection(claim) else text


def stated_rows(ledger: Ledger, sources: Sources, slot: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per (stated form, source) of the slot's figures, parts of a breakdown left
    out, sorted by value then publication date. Each row: `form` as written, `value`,
    `low`, `high`, `shape`, `extent` (the stated low and high), the source's `label`, `doc`,
    `published`, the `attributions` the source gives, and `claims` (refs to passages)."""
    parts = set(slot.get("parts") or [])
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for claim_id in slot.get("claims") or []:
        if claim_id in parts:
            continue
        claim = ledger.claim(claim_id)
        if claim is None:
            continue
        form = figure_value_text(claim) or str(claim.get("text") or "")
        key = (" ".join(form.lower().split()), str(claim["doc"]))
        document = sources.get(str(claim["doc"]))
        row = rows.get(key)
        if row is None:
            shape = SHAPE_OF_QUALIFIER.get(str(claim.get("qualifier") or "exact"), POINT)
            row = rows[key] = {
                "form": " ".join(form.split()),
                "value": claim.get("value"),
                "low": _finite(claim.get("low")),
                "high": _finite(claim.get("high")),
                "qualifier": claim.get("qualifier"),
                "shape": shape,
                "doc": claim["doc"],
                "label": document["label"],
                "published": document.get("published"),
                "time": claim.get("time"),
                "for": _days(claim.get("time")),
                "attributions": [],
                "claims": [],
            }
            row["extent"] = _extent(row)
        attribution = claim.get("attribution")
        if attribution and attribution not in row["attributions"]:
            row["attributions"].append(str(attribution))
        row["claims"].append(
            {
                "id": claim_id,
                "kind": "figures",
                "doc": claim["doc"],
                "label": document["label"],
                "text": claim["text"],
            }
        )
    return sorted(rows.values(), key=_value_order)


def stated_range(rows: list[dict[str, Any]]) -> tuple[float | None, float | None]:
    """The lowest and highest value some source states (a bound counts as its number)."""
    lows = [row["extent"][0] for row in rows if row["extent"][0] is not None]
    highs = [row["extent"][1] for row in rows if row["extent"][1] is not None]
    return (min(lows) if lows else None, max(highs) if highs else None)


def value_span(slot: dict[str, Any]) -> str:
    """A slot's low–high as the terminal and CSV show it, from its stored values: the
    lowest and highest value stated ("110–112"), never the margins an approximate value
    is read with; a slot of one value shows it as stated ("More than 300")."""
    values = slot.get("values") or []
    if len(values) == 1:
        return str(values[0].get("text") or "")
    ats = [v["value"] if v.get("value") is not None else v.get("low") for v in values]
    found = sorted(float(at) for at in ats if isinstance(at, int | float) and not math.isinf(at))
    if not found:
        return ""
    low, high = number(found[0]), number(found[-1])
    return low if low == high else f"{low}–{high}"


def _extent(row: dict[str, Any]) -> tuple[float | None, float | None]:
    """What the source states, as low and high: a value for a point or an approximate
    value, the two ends of a range, the number of a bound."""
    value, low, high = row["value"], row["low"], row["high"]
    shape = row["shape"]
    if shape == INTERVAL and low is not None:
        return (low, high if high is not None else low)
    if shape == AT_LEAST:
        edge = low if low is not None else value
        return (edge, edge)
    if shape == AT_MOST:
        edge = high if high is not None else value
        return (edge, edge)
    at = value if value is not None else low
    return (at, at)


def _days(time: object) -> str:
    """The day or days a figure is for, as a reader scans them: "2023-10-14TNI" is
    "2023-10-14", "2023-10-14/2023-10-15" is "2023-10-14 – 2023-10-15"."""
    if not time:
        return ""
    return " – ".join(part.split("T")[0] for part in str(time).split("/"))


def _finite(value: object) -> float | None:
    if isinstance(value, int | float) and not math.isinf(value):
        return value
    return None


def _value_order(row: dict[str, Any]) -> tuple[float, str, str]:
    at = row["extent"][0]
    return (at if at is not None else math.inf, str(row["published"] or "~"), row["label"])
