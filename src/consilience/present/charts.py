"""Charts as inline SVG, built as text so a report needs no script library and no
network: a dot/interval plot per disputed slot and a timeline. Every piece of text
drawn comes from sources and is escaped here."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from html import escape
from typing import Any

from markupsafe import Markup

from consilience.present.render import number

Href = Callable[[dict[str, Any]], str]
LABEL_WIDTH = 230
LABEL_CHARS = 30  # fits LABEL_WIDTH at 12px even in wide letters
PLOT_WIDTH = 480
ROW_HEIGHT = 22
AXIS_HEIGHT = 34
MAX_TIMELINE_ROWS = 60
WINDOW_DAYS = 366  # entries longer than this (centuries, years) would flatten the rest
BUSY_WINDOW_DAYS = 92


def claim_href(ref: dict[str, Any]) -> str:
    return f"#claim-{ref['id']}"


def slot_chart(slot: dict[str, Any], href: Href = claim_href) -> Markup:
    """Each source's value (a dot) or interval (a bar) on one axis, best value marked."""
    rows = [
        (ref, value)
        for value in slot.get("values", [])
        for ref in value.get("sources", [])
        if value.get("low") is not None
    ]
    if not rows:
        return Markup("")
    lows = [_finite(value["low"], value["value"]) for _, value in rows]
    highs = [_finite(value["high"], value["value"]) for _, value in rows]
    low, high = _padded(min(lows), max(highs))
    height = len(rows) * ROW_HEIGHT + AXIS_HEIGHT

    def x(value: float) -> float:
        return LABEL_WIDTH + (value - low) / (high - low) * PLOT_WIDTH

    parts = [_svg_open(LABEL_WIDTH + PLOT_WIDTH + 20, height, f"values of {slot.get('measure')}")]
    for tick in _ticks(low, high):
        parts.append(
            f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="0" y2="{height - AXIS_HEIGHT + 4}" '
            f'stroke="#e3e7ee"/><text x="{x(tick):.1f}" y="{height - AXIS_HEIGHT + 18}" '
            f'text-anchor="middle" font-size="11" fill="#5b6575">{escape(number(tick))}</text>'
        )
    best = slot.get("best")
    if isinstance(best, int | float):
        parts.append(
            f'<line x1="{x(best):.1f}" x2="{x(best):.1f}" y1="0" y2="{height - AXIS_HEIGHT}" '
            'stroke="#c0392b" stroke-dasharray="4 3"><title>best '
            f"{escape(number(best))}</title></line>"
        )
    for i, (ref, value) in enumerate(rows):
        y = i * ROW_HEIGHT + ROW_HEIGHT / 2
        label = _short(str(ref.get("label", "?")), LABEL_CHARS)
        tip = f"{ref.get('label')}: {ref.get('text')} ({value.get('text')})"
        shape = (
            f'<line x1="{x(lows[i]):.1f}" x2="{x(highs[i]):.1f}" y1="{y:.1f}" y2="{y:.1f}" '
            'stroke="#2a5db0" stroke-width="5" stroke-linecap="round" opacity="0.45"/>'
            if highs[i] > lows[i]
            else ""
        )
        parts.append(
            f'{_link_open(ref, href)}<g class="chart-row">'
            f"<title>{escape(tip)}</title>"
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#1d2430">{escape(label)}</text>{shape}'
            f'<circle cx="{x(_finite(value["value"], lows[i])):.1f}" cy="{y:.1f}" r="5" '
            'fill="#2a5db0"/></g></a>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def timeline_chart(entries: list[dict[str, Any]], href: Href = claim_href) -> Markup:
    """Dated entries as bars on a calendar axis; the window covers the entries shorter
    than a year, so one 'the 19th–20th centuries' does not flatten every day."""
    dated = [
        (entry, start, end)
        for entry in entries
        if (start := _day(entry.get("start"))) and (end := _day(entry.get("end")))
    ]
    short = [(e, s, t) for e, s, t in dated if (t - s).days <= WINDOW_DAYS] or dated
    if not short:
        return Markup("")
    ordered = sorted(short, key=lambda item: (item[1], item[2]))
    first, last = _busiest_window([(s.toordinal(), t.toordinal() + 1) for _, s, t in ordered])
    shown = ordered[:MAX_TIMELINE_ROWS]
    height = len(shown) * ROW_HEIGHT + AXIS_HEIGHT

    def x(day: int) -> float:
        clipped = min(max(day, first), last)
        return LABEL_WIDTH + (clipped - first) / (last - first) * PLOT_WIDTH

    parts = [_svg_open(LABEL_WIDTH + PLOT_WIDTH + 20, height, "timeline")]
    for tick in _ticks(first, last, whole=True):
        day = date.fromordinal(int(tick)).isoformat()
        parts.append(
            f'<line x1="{x(int(tick)):.1f}" x2="{x(int(tick)):.1f}" y1="{AXIS_HEIGHT - 10}" '
            f'y2="{height}" stroke="#e3e7ee"/><text x="{x(int(tick)):.1f}" '
            f'y="{AXIS_HEIGHT - 16}" text-anchor="middle" font-size="11" '
            f'fill="#5b6575">{escape(day)}</text>'
        )
    for i, (entry, start, end) in enumerate(shown):
        y = AXIS_HEIGHT + i * ROW_HEIGHT + ROW_HEIGHT / 2
        outside = end.toordinal() + 1 <= first or start.toordinal() >= last
        spans = entry.get("spans") or [{}]
        ref = {"id": spans[0].get("event", ""), "doc": spans[0].get("doc", "")}
        sources = len(entry.get("documents", []))
        left, right = x(start.toordinal()), x(end.toordinal() + 1)
        tip = f"{entry.get('date')}: {entry.get('what')} ({sources} sources)"
        fade = ' opacity="0.35"' if outside else ""
        what = str(entry.get("what") or entry.get("date"))
        # Entries outside the drawn window sit at its edge, their date written out.
        label = escape(_short(f"{entry.get('date')} · {what}" if outside else what, LABEL_CHARS))
        parts.append(
            f'{_link_open(ref, href)}<g class="chart-row">'
            f"<title>{escape(tip)}</title>"
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#1d2430">{label}'
            f'</text><rect x="{left:.1f}" y="{y - 6:.1f}" width="{max(right - left, 4):.1f}" '
            f'height="12" rx="3" fill="{"#2a5db0" if sources > 1 else "#8a94a6"}"'
            f"{fade}/></g></a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _link_open(ref: dict[str, Any], href: Href) -> str:
    """An SVG link to a claim, the same as the claim links in tables (claims.js opens it)."""
    return (
        f'<a class="claim-link" href="{escape(href(ref))}" '
        f'data-claim="{escape(str(ref.get("id", "")))}" '
        f'data-doc="{escape(str(ref.get("doc", "")))}">'
    )


def _busiest_window(spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The day range to draw: the BUSY_WINDOW_DAYS stretch holding the most entries when it
    holds at least a third of them (an anniversary piece recalls 1990 and reports 2026: draw
    the cluster, not sixty empty years), else the whole range. `spans` sorted by start."""
    whole = (spans[0][0], max(end for _, end in spans))
    best_count, best = 0, whole
    j = 0
    for i, (start, _) in enumerate(spans):
        while j < len(spans) and spans[j][0] < start + BUSY_WINDOW_DAYS:
            j += 1
        if j - i > best_count:
            # A member as long as a year ("1990") would stretch the window back out.
            last = max(min(end, begin + 31) for begin, end in spans[i:j])
            best_count, best = j - i, (start, last)
    if best_count * 3 < len(spans) or best[1] - best[0] >= whole[1] - whole[0]:
        return whole
    return best


def _svg_open(width: int, height: int, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
        'font-family="system-ui, sans-serif">'
    )


def _finite(value: Any, fallback: Any) -> float:
    """Open-ended ranges ("more than 40") are stored up to infinity: draw them to the value."""
    number_ = value if isinstance(value, int | float) else fallback
    if not isinstance(number_, int | float) or math.isinf(number_):
        return float(fallback) if isinstance(fallback, int | float) else 0.0
    return float(number_)


def _padded(low: float, high: float) -> tuple[float, float]:
    if high <= low:
        return low - max(1.0, abs(low) * 0.1), high + max(1.0, abs(high) * 0.1)
    pad = (high - low) * 0.08
    return low - pad, high + pad


def _ticks(low: float, high: float, whole: bool = False) -> list[float]:
    """About five round tick values between low and high."""
    step = 10 ** math.floor(math.log10((high - low) / 5))
    for multiple in (1, 2, 5, 10):
        if (high - low) / (step * multiple) <= 6:
            step *= multiple
            break
    if whole:
        step = max(1, round(step))
    first = math.ceil(low / step) * step
    return [first + i * step for i in range(int((high - first) / step) + 1)]


def _day(text: Any) -> date | None:
    try:
        return date.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


def _short(text: str, length: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"
