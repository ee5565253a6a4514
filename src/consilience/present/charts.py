"""Charts as inline SVG, built as text so a report needs no script library and no
network: a dot/interval plot per disputed slot, a timeline, and an event's toll over
time. Every piece of text
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
    """One row per value as stated (views.stated_rows): a value as a filled dot, an
    approximate value as a hollow dot, a stated range as a bar with end caps, a bound as
    a triangle at its number with a line toward its open side. Nothing is drawn wider
    than what its source states; the best value is a dashed line."""
    rows = [row for row in slot.get("stated", []) if row["extent"][0] is not None]
    if not rows:
        return Markup("")
    ends = [end for row in rows for end in row["extent"] if end is not None]
    low, high = _padded(min(ends), max(ends))
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
    if isinstance(best, int | float) and low <= best <= high:
        parts.append(
            f'<line x1="{x(best):.1f}" x2="{x(best):.1f}" y1="0" y2="{height - AXIS_HEIGHT}" '
            'stroke="#c0392b" stroke-dasharray="4 3"><title>best '
            f"{escape(number(best))}</title></line>"
        )
    for i, row in enumerate(rows):
        y = i * ROW_HEIGHT + ROW_HEIGHT / 2
        label = _short(str(row["label"]), LABEL_CHARS)
        tip = f"{row['label']}: {row['form']} ({_SHAPE_WORDS[row['shape']]})"
        parts.append(
            f'{_link_open(row["claims"][0], href)}<g class="chart-row s-{escape(row["shape"])}">'
            f"<title>{escape(tip)}</title>"
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#1d2430">{escape(label)}</text>'
            f"{_stated_mark(row, x, y, (x(low), x(high)))}</g></a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


# What each mark of a slot chart stands for, in its tooltip (the caption says it too).
_SHAPE_WORDS = {
    "point": "a value as stated",
    "approximate": "an approximate value",
    "interval": "a range the source states",
    "at_least": "a lower bound",
    "at_most": "an upper bound",
}
_MARK = "#2a5db0"


def _stated_mark(
    row: dict[str, Any], x: Callable[[float], float], y: float, plot: tuple[float, float]
) -> str:
    first, last = row["extent"]
    shape = row["shape"]
    at = x(first)
    if shape == "interval" and last is not None and last > first:
        end = x(last)
        return (
            f'<line x1="{at:.1f}" x2="{end:.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="{_MARK}" '
            'stroke-width="5" opacity="0.55"/>'
            f'<line x1="{at:.1f}" x2="{at:.1f}" y1="{y - 6:.1f}" y2="{y + 6:.1f}" '
            f'stroke="{_MARK}" stroke-width="2"/>'
            f'<line x1="{end:.1f}" x2="{end:.1f}" y1="{y - 6:.1f}" y2="{y + 6:.1f}" '
            f'stroke="{_MARK}" stroke-width="2"/>'
        )
    if shape in ("at_least", "at_most"):
        side = 1 if shape == "at_least" else -1
        edge = plot[1] if side > 0 else plot[0]
        tip = at + 7 * side
        return (
            f'<line x1="{at:.1f}" x2="{edge:.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="{_MARK}" '
            'stroke-width="1.5" stroke-dasharray="3 3" opacity="0.7"/>'
            f'<polygon points="{at:.1f},{y - 6:.1f} {tip:.1f},{y:.1f} {at:.1f},{y + 6:.1f}" '
            f'fill="{_MARK}"/>'
        )
    if shape == "approximate":
        return (
            f'<circle cx="{at:.1f}" cy="{y:.1f}" r="5" fill="#fff" stroke="{_MARK}" '
            'stroke-width="2"/>'
        )
    return f'<circle cx="{at:.1f}" cy="{y:.1f}" r="5" fill="{_MARK}"/>'


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
    """`text` in at most `length` characters, cut at a word (a single long word is cut)."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > length // 2 else cut).rstrip(" ,;:·") + "…"


# The toll-over-time chart: one colour and marker per source, so each stays recognisable
# among many (colours of the Okabe–Ito palette, told apart without colour vision too).
TOLL_COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#6b6b6b")
TOLL_SHAPES = ("circle", "square", "triangle", "diamond", "down")
TOLL_LEFT = 64  # room for the value axis and its title
TOLL_PLOT_WIDTH = 440
TOLL_PLOT_HEIGHT = 220
TOLL_TOP = 14
TOLL_BOTTOM = 44  # date ticks and the axis title
TOLL_LEGEND_WIDTH = 210
TOLL_LEGEND_ROW = 18
TOLL_LEGEND_CHARS = 28
TOLL_SPREAD = 10  # pixels between marks of one day, so none hides another


def toll_marks(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The points a toll chart can draw (a publication date and a value or bound), each
    with its day and its `shape`: "exact" (one value), "range" (low–high) or "open"
    (a low bound only: "at least 40")."""
    marks = []
    for point in points:
        day = _day(str(point.get("published") or "")[:10])
        value, low, high = (_number(point.get(key)) for key in ("value", "low", "high"))
        if day is None or (value is None and low is None and high is None):
            continue
        if low is None and high is not None:
            low = min(0.0, high)  # "up to 40"
        if low is not None and high is None:
            shape, middle = "open", low
        elif low is not None and high is not None and high > low:
            shape, middle = "range", (low + high) / 2
        else:
            shape = "exact"
            low = high = middle = value if value is not None else (low or 0.0)
        marks.append(
            {
                **point,
                "day": day,
                "shape": shape,
                "y_low": low,
                "y_high": high,
                "y_value": value if value is not None else middle,
            }
        )
    return marks


def toll_caption(points: list[dict[str, Any]]) -> str:
    """What a toll chart's marks mean, with how many of each it draws and leaves out."""
    marks = toll_marks(points)
    exact = sum(1 for mark in marks if mark["shape"] == "exact")
    text = (
        "One mark per figure a source gave, at the date its report was published. "
        "A filled marker is an exact value. A vertical bar is an interval: capped at both "
        "ends for a range (low–high), with an arrow at its top for an open-ended figure "
        "(“at least …”); the hollow marker on a bar is the value the source stated (the "
        "middle, where it stated none). "
        f"Exact values: {exact}; intervals: {len(marks) - exact}."
    )
    if len(points) > len(marks):
        text += (
            f" Not drawn: {len(points) - len(marks)} (a report with no publication date, "
            "or no number stated)."
        )
    return text


def toll_charts(event: dict[str, Any], href: Href = claim_href) -> dict[str, dict[str, Any]]:
    """{measure: {"svg", "caption"}} for each toll of an event view (`toll_points`)."""
    return {
        measure: {"svg": toll_chart(measure, points, href), "caption": toll_caption(points)}
        for measure, points in event.get("toll_points", {}).items()
    }


def toll_chart(measure: str, points: list[dict[str, Any]], href: Href = claim_href) -> Markup:
    """An event's toll of one measure over time: each figure claim a mark at (its report's
    publication date, its value), or a vertical bar for a range; a legend names sources."""
    marks = toll_marks(points)
    if not marks:
        return Markup("")
    order = sorted(marks, key=lambda mark: (mark["day"], str(mark.get("label")), mark["id"]))
    labels = list(dict.fromkeys(str(mark.get("label") or "?") for mark in order))
    styles = {
        label: (TOLL_COLOURS[i % len(TOLL_COLOURS)], TOLL_SHAPES[i % len(TOLL_SHAPES)])
        for i, label in enumerate(labels)
    }
    days: list[int] = [mark["day"].toordinal() for mark in order]
    first, last = min(days), max(days)
    pad = max(1.0, (last - first) * 0.06)
    day_low, day_high = first - pad, last + pad
    values: list[float] = [mark["y_low"] for mark in order] + [
        mark["y_high"] for mark in order if mark["y_high"] is not None
    ]
    low, high = _padded(min(values), max(values))
    if min(values) >= 0:
        low = max(0.0, low)
    plot_bottom = TOLL_TOP + TOLL_PLOT_HEIGHT
    width = TOLL_LEFT + TOLL_PLOT_WIDTH + 16 + TOLL_LEGEND_WIDTH
    height = max(plot_bottom + TOLL_BOTTOM, TOLL_TOP + len(labels) * TOLL_LEGEND_ROW + 8)

    def x(day: float) -> float:
        return TOLL_LEFT + (day - day_low) / (day_high - day_low) * TOLL_PLOT_WIDTH

    def y(value: float) -> float:
        return plot_bottom - (value - low) / (high - low) * TOLL_PLOT_HEIGHT

    parts = [_svg_open(width, height, f"{measure} reported over time")]
    parts.append(
        f'<rect x="{TOLL_LEFT}" y="{TOLL_TOP}" width="{TOLL_PLOT_WIDTH}" '
        f'height="{TOLL_PLOT_HEIGHT}" fill="none" stroke="#c9d1dc"/>'
    )
    for tick in _ticks(low, high):
        parts.append(
            f'<line x1="{TOLL_LEFT}" x2="{TOLL_LEFT + TOLL_PLOT_WIDTH}" y1="{y(tick):.1f}" '
            f'y2="{y(tick):.1f}" stroke="#e3e7ee"/><text x="{TOLL_LEFT - 6}" '
            f'y="{y(tick) + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="#5b6575">{escape(number(tick))}</text>'
        )
    for tick in _ticks(day_low, day_high, whole=True):
        if not day_low <= tick <= day_high:
            continue
        day = date.fromordinal(int(tick)).isoformat()
        parts.append(
            f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{TOLL_TOP}" y2="{plot_bottom + 4}" '
            f'stroke="#e3e7ee"/><text x="{x(tick):.1f}" y="{plot_bottom + 17}" '
            f'text-anchor="middle" font-size="11" fill="#5b6575">{escape(day)}</text>'
        )
    parts.append(
        f'<text x="{TOLL_LEFT + TOLL_PLOT_WIDTH / 2:.1f}" y="{plot_bottom + 36}" '
        'text-anchor="middle" font-size="12" fill="#1d2430">date the report was published</text>'
        f'<text x="14" y="{TOLL_TOP + TOLL_PLOT_HEIGHT / 2:.1f}" text-anchor="middle" '
        f'font-size="12" fill="#1d2430" transform="rotate(-90 14 '
        f'{TOLL_TOP + TOLL_PLOT_HEIGHT / 2:.1f})">{escape(_short(measure, 30))}</text>'
    )
    same_day: dict[date, int] = {}
    for mark in order:
        same_day[mark["day"]] = same_day.get(mark["day"], 0) + 1
    placed: dict[date, int] = {}
    for mark in order:
        count, index = same_day[mark["day"]], placed.get(mark["day"], 0)
        placed[mark["day"]] = index + 1
        at = x(mark["day"].toordinal()) + (index - (count - 1) / 2) * TOLL_SPREAD
        colour, shape = styles[str(mark.get("label") or "?")]
        parts.append(_toll_mark(mark, at, y, TOLL_TOP, colour, shape, href))
    legend_x = TOLL_LEFT + TOLL_PLOT_WIDTH + 16
    for i, label in enumerate(labels):
        colour, shape = styles[label]
        row_y = TOLL_TOP + i * TOLL_LEGEND_ROW + 8
        parts.append(
            f'<g class="toll-legend"><title>{escape(label)}</title>'
            f"{_marker(shape, legend_x + 6, row_y, colour, filled=True)}"
            f'<text x="{legend_x + 16}" y="{row_y + 4:.1f}" font-size="12" '
            f'fill="#1d2430">{escape(_short(label, TOLL_LEGEND_CHARS))}</text></g>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _toll_mark(
    mark: dict[str, Any],
    at: float,
    y: Callable[[float], float],
    top: float,
    colour: str,
    shape: str,
    href: Href,
) -> str:
    """One figure claim on the toll chart, a link to its passage."""
    tip = (
        f"{mark.get('label')}, {mark['day'].isoformat()}: {mark.get('number_text') or ''} "
        f"({mark.get('text')})"
    )
    drawn = []
    if mark["shape"] == "exact":
        drawn.append(_marker(shape, at, y(mark["y_value"]), colour, filled=True))
    else:
        bottom = y(mark["y_low"])
        upper = top + 2 if mark["y_high"] is None else y(mark["y_high"])
        drawn.append(
            f'<line x1="{at:.1f}" x2="{at:.1f}" y1="{bottom:.1f}" y2="{upper:.1f}" '
            f'stroke="{colour}" stroke-width="2"/>'
            f'<line x1="{at - 4:.1f}" x2="{at + 4:.1f}" y1="{bottom:.1f}" y2="{bottom:.1f}" '
            f'stroke="{colour}" stroke-width="2"/>'
        )
        if mark["y_high"] is None:
            drawn.append(
                f'<path d="M{at - 4:.1f},{upper + 6:.1f} L{at:.1f},{upper:.1f} '
                f'L{at + 4:.1f},{upper + 6:.1f}" fill="none" stroke="{colour}" stroke-width="2"/>'
            )
        else:
            drawn.append(
                f'<line x1="{at - 4:.1f}" x2="{at + 4:.1f}" y1="{upper:.1f}" y2="{upper:.1f}" '
                f'stroke="{colour}" stroke-width="2"/>'
            )
        drawn.append(_marker(shape, at, y(mark["y_value"]), colour, filled=False))
    return (
        f"{_link_open(mark, href)}"
        f'<g class="toll-mark toll-{mark["shape"]}"><title>{escape(tip)}</title>'
        f"{''.join(drawn)}</g></a>"
    )


def _marker(shape: str, cx: float, cy: float, colour: str, *, filled: bool) -> str:
    """A source's marker: filled for an exact value, hollow on an interval's bar."""
    paint = f'fill="{colour}"' if filled else f'fill="#fff" stroke="{colour}" stroke-width="1.5"'
    r = 4.5
    if shape == "square":
        return f'<rect x="{cx - r:.1f}" y="{cy - r:.1f}" width="{2 * r}" height="{2 * r}" {paint}/>'
    corners = {
        "triangle": ((0, -r - 1), (r + 1, r), (-r - 1, r)),
        "down": ((0, r + 1), (r + 1, -r), (-r - 1, -r)),
        "diamond": ((0, -r - 1.5), (r + 1.5, 0), (0, r + 1.5), (-r - 1.5, 0)),
    }.get(shape)
    if corners is not None:
        points = " ".join(f"{cx + dx:.1f},{cy + dy:.1f}" for dx, dy in corners)
        return f'<polygon points="{points}" {paint}/>'
    return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r}" {paint}/>'


def _number(value: Any) -> float | None:
    """A finite number, else None (an open upper bound is stored as infinity or null)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)
