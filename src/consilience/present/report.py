"""The self-contained HTML report: one file holding the overview, every event with its
toll over time, every slot with its chart and explanations, the timeline and every
document with its claims highlighted. Styles, script and charts are inline, so the file
opens with no network at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from consilience import __version__
from consilience.present.charts import claim_href, slot_chart, timeline_chart, toll_charts
from consilience.present.claim_card import CARD_KINDS, claim_card
from consilience.present.export import write_whole
from consilience.present.render import asset, environment, script_json
from consilience.present.reuse_view import reuse_pairs
from consilience.present.views import (
    Sources,
    brief,
    document_view,
    event_views,
    overview,
    slot_views,
    timeline_view,
)
from consilience.store import Ledger

# The verdicts a slot can have, in the order the report's filter lists them.
VERDICTS = ("conflicting", "compatible", "agreed", "single_source")
# Where an event's links go in the report: anchors of its sections, and the view to open.
REPORT_LINKS: dict[str, Any] = {
    "event": lambda event_id: f"#event-{event_id}",
    "slot": lambda slot_id: f"#slot-{slot_id}",
    "doc": lambda doc_id: f"#doc-{doc_id}",
    "slot_view": "view-figures",
}


def render_report(ledger: Ledger) -> str:
    """The report as HTML text."""
    sources = Sources(ledger)
    slots = slot_views(ledger, sources)
    events = event_views(ledger, sources)
    timeline = timeline_view(ledger, sources)
    summary = overview(ledger)
    documents = [document_view(ledger, d["id"]) for d in summary["documents"]]
    slot_of = {claim: slot for slot in slots for claim in slot.get("claims", [])}
    cards = {
        claim["id"]: claim_card(
            ledger, sources, claim, kind, slot_of.get(claim["id"]), look_up=False
        )
        for view in documents
        if view is not None
        for kind, found in view["claims"].items()
        if kind in CARD_KINDS
        for claim in found
    }
    template = environment().get_template("report.html.j2")
    return template.render(
        brief=brief(events, slots),
        measures=sorted({str(slot["measure"]) for slot in slots}),
        verdicts=[v for v in VERDICTS if any(slot["verdict"] == v for slot in slots)],
        reuse=reuse_pairs(ledger, sources),
        cards_json=script_json(cards),
        version=__version__,
        overview=summary,
        events=events,
        event_charts={event["id"]: toll_charts(event) for event in events},
        event_links=REPORT_LINKS,
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
