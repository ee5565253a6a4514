"""Who copies whom: the document pairs that share passages, with their score and the
shared passages side by side, and per slot the agreements counted once because of it.
Read from the stored reuse links; nothing is recomputed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from consilience.present.views import Sources
    from consilience.store import Ledger

PASSAGES_SHOWN = 12  # per pair; the count of the rest is shown


def reuse_pairs(ledger: Ledger, sources: Sources) -> list[dict[str, Any]]:
    """Every linked pair of documents, highest score first: both sources named, the score,
    and each shared passage as the two texts."""
    texts: dict[str, str] = {}

    def text_of(doc_id: str) -> str:
        if doc_id not in texts:
            document = ledger.document(doc_id) or {}
            texts[doc_id] = str(document.get("text") or "")
        return texts[doc_id]

    pairs: list[dict[str, Any]] = []
    for link in sources.reuse_links():
        a, b = str(link["a"]), str(link["b"])
        passages = list(link.get("passages") or [])
        pairs.append(
            {
                "id": link.get("id") or f"{a}~{b}",
                "a": {"doc": a, "label": sources.label(a)},
                "b": {"doc": b, "label": sources.label(b)},
                "score": link.get("score"),
                "passages": [
                    {
                        "a": text_of(a)[int(p["a_start"]) : int(p["a_end"])],
                        "b": text_of(b)[int(p["b_start"]) : int(p["b_end"])],
                        "a_start": int(p["a_start"]),
                        "b_start": int(p["b_start"]),
                    }
                    for p in passages[:PASSAGES_SHOWN]
                ],
                "more_passages": max(0, len(passages) - PASSAGES_SHOWN),
            }
        )
    pairs.sort(key=lambda pair: (-(pair["score"] or 0), pair["a"]["label"], pair["b"]["label"]))
    return pairs


def counted_once(slot: dict[str, Any], sources: Sources) -> list[dict[str, Any]]:
    """The slot's values whose sources include documents that share passages: each with
    the linked pairs among its documents, so a reader sees why "3 sources" counts as fewer
    independent ones."""
    linked = sources.reuse_partners()
    found = []
    for value in slot.get("values") or []:
        documents = [str(doc) for doc in value.get("documents") or []]
        pairs = _linked_pairs(documents, linked)
        if pairs:
            found.append(
                {
                    "value": value.get("text"),
                    "sources": len(documents),
                    "independent_sources": value.get("independent_sources"),
                    "pairs": [(sources.label(a), sources.label(b)) for a, b in pairs],
                }
            )
    return found


def _linked_pairs(documents: Iterable[str], linked: dict[str, set[str]]) -> list[tuple[str, str]]:
    docs = sorted(set(documents))
    return [(a, b) for i, a in enumerate(docs) for b in docs[i + 1 :] if b in linked.get(a, ())]
