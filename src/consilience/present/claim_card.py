"""A claim as its panel shows it (report and web UI): what kind of claim, its value and
qualifier, measure and subject, date, place, attribution, the slot or event it belongs to,
and its citation in the two forms the cite action copies. Read from stored claims and
results only."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from consilience.present.cite import citation_fields, cite_news, claim_sentence, csl_json
from consilience.present.stated import figure_value_text
from consilience.present.views import Sources
from consilience.store import Ledger

# The claim kinds a panel cites: what a source states. A name (an entity) is not cited.
CARD_KINDS = ("figures", "dates", "statements", "incidents", "quotes")
# The fields a panel lists, in order, each read from the first of its claim fields present
# (a figure's date is its `time`, a statement's its `date`, a quote's source its speaker).
CARD_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("value", ("number_text", "value")),
    ("qualifier", ("qualifier",)),
    ("measure", ("measure",)),
    ("subject", ("subject",)),
    ("date", ("time", "date", "value")),
    ("place", ("place", "places")),
    ("attribution", ("attribution", "speaker")),
    ("kind of incident", ("kind",)),
    ("quoted", ("content",)),
    ("what", ("what",)),
)


def claim_card(
    ledger: Ledger,
    sources: Sources,
    claim: Mapping[str, Any],
    kind: str,
    slot: Mapping[str, Any] | None = None,
    look_up: bool = True,
) -> dict[str, Any]:
    """The panel record of one claim of `kind` (a claim kind: figures, dates, ...).
    `slot` is the slot holding it when the caller knows it (the report knows every slot
    and passes `look_up=False`); else a figure's slot is looked up in the ledger."""
    fields: list[tuple[str, str]] = []
    for label, keys in CARD_FIELDS:
        if kind == "dates" and label == "date":
            keys = ("value",)
        elif (label == "value" and kind != "figures") or (
            label == "kind of incident" and kind != "incidents"
        ):
            continue
        shown = _shown(claim, keys)
        if label == "value" and kind == "figures":
            shown = figure_value_text(dict(claim)) or shown
        if shown:
            fields.append((label, shown))
    if slot is None and look_up and kind == "figures":
        slot = ledger.result_holding_claim("slots", str(claim["id"]))
    document = sources.get(str(claim["doc"]))
    quote = claim_sentence(sources.text(str(claim["doc"])), int(claim["start"]), int(claim["end"]))
    citation = citation_fields(claim, document, quote)
    event = (slot or {}).get("event") or {}
    return {
        "id": claim["id"],
        "kind": kind,
        "doc": claim["doc"],
        "source": document["label"],
        "fields": fields,
        "slot": (
            {
                "id": slot["id"],
                "label": f"{slot.get('measure')}"
                + (f" · {slot['subject']}" if slot.get("subject") else ""),
            }
            if slot
            else None
        ),
        "event": {"id": event["id"], "label": event.get("label") or event["id"]}
        if event.get("id")
        else None,
        "cite": {
            "wikipedia": cite_news(citation),
            "csl": csl_json(citation, str(claim["id"])),
        },
    }


def _shown(claim: Mapping[str, Any], keys: tuple[str, ...]) -> str:
    for key in keys:
        value = claim.get(key)
        if value is None or value == "" or value == []:
            continue
        if isinstance(value, list):
            return ", ".join(str(item) for item in value)
        return str(value).replace("_", " ") if key == "qualifier" else str(value)
    return ""
