"""The self-contained HTML report: one file holding the overview, every slot with its
chart and explanations, the timeline and every document with its claims highlighted.
Styles, script and charts are inline, so the file opens with no network at all."""

from __future__ import annotations

from pathlib import Path

from consilience import __version__
from consilience.present.charts import claim_href, slot_chart, timeline_chart
from consilience.present.export import write_whole
from consilience.present.render import asset, environment
from consilience.present.views import (
    Sources,
    document_view,
    overview,
    slot_views,
    timeline_view,
)
from consilience.store import Ledger


def render_report(ledger: Ledger) -> str:
    """The report as HTML text."""
    sources = Sources(ledger)
    slots = slot_views(ledger, sources)
    timeline = timeline_view(ledger, sources)
    summary = overview(ledger)
    documents = [document_view(ledger, d["id"]) for d in summary["documents"]]
    template = environment().get_template("report.html.j2")
    return template.render(
        version=__version__,
        overview=summary,
        slots=slots,
        disputed=[slot for slot in slots if slot["disputed"]],
        charts={slot["id"]: slot_chart(slot) for slot in slots if slot["disputed"]},
        timeline=timeline,
        timeline_svg=timeline_chart(timeline),
        documents=[view for view in documents if view is not None],
        href=claim_href,
        css=asset("style.css"),
        js=asset("claims.js"),
    )


def write_report(ledger: Ledger, output: Path) -> Path:
    """Write the report to `output` (UTF-8), replacing the file only once it is complete."""
    write_whole(output, render_report(ledger))
    return output
