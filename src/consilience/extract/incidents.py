"""Incidents: what happened, where and when, as one document tells it; and which incident
each figure counts.

A word of the incident vocabulary (resources/<lang>/incidents.toml) marks a mention; the
mentions of one document that tell of the same incident become one `IncidentClaim`. Its
places are the place names of its sentences, resolved against the gazetteer; its date is a
date its sentences state, else the publication day (`date_source: published`). A figure
counts the incident named in its own sentence (the most specific kind there, or the one
its measure points to), else the one its measure points to, else the one named last
before it, else the document's first. docs/alignment.md ("Events") states each rule.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from consilience.extract.claims import (
    DateClaim,
    EntityClaim,
    FigureClaim,
    IncidentClaim,
    claim_id,
)
from consilience.extract.incident_mentions import Mention, attach_dates, mentions_in
from consilience.extract.syntax import PLACE_LABELS
from consilience.lexicon.incidents import IncidentVocabulary, load_vocabulary
from consilience.places import BIG_CITY, CITY, COUNTRY, fold_name, load_gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    Parsed = list[tuple[int, Doc]]


@dataclass
class _Incident:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def head(self) -> Mention:
        """The mention that names the incident: the most specific kind, a consequence
        ("buildings collapsed") giving way to its cause (the earthquake)."""
        vocabulary = load_vocabulary()
        families = {m.family for m in self.mentions}
        causes = [m for m in self.mentions if not families & vocabulary.kind(m.kind).effect_of]
        return max(causes or self.mentions, key=lambda m: (m.rank, -m.sentence))

    @property
    def date(self) -> DateClaim | None:
        return next((m.date for m in self.mentions if m.date is not None), None)


def find_incidents(
    doc_id: str,
    text: str,
    parsed: Parsed,
    dates: Sequence[DateClaim],
    entities: Sequence[EntityClaim],
    figures: Sequence[FigureClaim],
    published: str | None,
    vocabulary: IncidentVocabulary | None = None,
) -> tuple[list[IncidentClaim], list[FigureClaim]]:
    """The document's incidents, and its figures with `incident` set."""
    words = vocabulary or load_vocabulary()
    sentences = [
        (offset, sentence)
        for offset, doc in parsed
        for sentence in doc.sents
        if sentence.text.strip()
    ]
    mentions: list[Mention] = []
    for index, (offset, sentence) in enumerate(sentences):
        mentions.extend(mentions_in(sentence, offset, index, words))
    attach_dates(mentions, dates, parsed)
    incidents = _merge(mentions, words)
    places = _document_places(entities, figures)
    countries = _document_countries(entities)
    claims = [
        _claim(doc_id, text, number, incident, entities, figures, places, countries, published)
        for number, incident in enumerate(incidents)
    ]
    linked = _link_figures(figures, incidents, claims, sentences, words)
    return claims, linked


def _merge(mentions: list[Mention], words: IncidentVocabulary) -> list[_Incident]:
    """Mentions that tell of one incident, in text order of their first mention.

    In one sentence, the most specific kind stands for the others ("an airstrike on the
    market killed ..." is one incident, not an attack and a strike). Across sentences a
    mention joins an earlier incident of its family, of a family it is a consequence or a
    cause of, or one its kind refers back to ("the attack" after "an airstrike"), unless
    the two state different dates; a generic word ("the incident") joins the last one."""
    incidents: list[_Incident] = []
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    for sentence in sorted(by_sentence):
        group = by_sentence[sentence]
        single = [m for m in group if not m.ongoing]
        ongoing = [m for m in group if m.ongoing]
        if single:
            head = max(single, key=lambda m: m.rank)
            head.name = head.name or next((m.name for m in single if m.name), None)
            head.date = head.date or next((m.date for m in single if m.date), None)
            _place(head, incidents, words)
        for mention in ongoing:
            _place(mention, incidents, words)
    return incidents


def _place(mention: Mention, incidents: list[_Incident], words: IncidentVocabulary) -> None:
    single = [incident for incident in incidents if not incident.head.ongoing]
    if mention.generic and not mention.date and single:
        single[-1].mentions.append(mention)  # "the incident", "the crash": the one just told
        return
    for incident in incidents:
        head = incident.head
        if head.ongoing != mention.ongoing:
            continue
        if mention.ongoing and head.kind != mention.kind:
            continue
        same_family = head.family == mention.family
        generic = head.family in words.kind(mention.kind).refers_to
        effect = (
            head.family in words.kind(mention.kind).effect_of
            or mention.family in words.kind(head.kind).effect_of
        )
        if not (same_family or generic or effect):
            continue
        if mention.name and head.name and mention.name != head.name:
            continue
        if mention.date and incident.date and not _same_day(mention.date, incident.date):
            continue
        incident.mentions.append(mention)
        return
    incidents.append(_Incident([mention]))


def _same_day(one: DateClaim, other: DateClaim) -> bool:
    """Two dates that may name the same day: equal days (whatever their hours), or one
    inside the other ("March 2031" and "2031-03-02")."""
    a, b = str(one.value)[:10], str(other.value)[:10]
    return a.startswith(b) or b.startswith(a)


def _country_word(name: str, countries: list[str]) -> str:
    """ "the Republic" in a document about a country is that country: the one it names
    most."""
    if fold_name(name) not in load_vocabulary().document_country or not countries:
        return name
    country = load_gazetteer().country(Counter(countries).most_common(1)[0][0])
    return country.name if country is not None else name


def _document_countries(entities: Sequence[EntityClaim]) -> list[str]:
    """ISO codes of the countries the document names, once per mention, whatever label the
    recogniser gave the name (the small model calls "Azerbaijan" a person at times)."""
    gazetteer = load_gazetteer()
    return [
        place.country
        for entity in entities
        if (place := gazetteer.resolve(entity.text)) is not None and place.level == COUNTRY
    ]


def _document_places(entities: Sequence[EntityClaim], figures: Sequence[FigureClaim]) -> list[str]:
    """Place names of the document: its place entities, else the places its figures give
    (the small model often takes a town for a person or an organisation)."""
    names = [e.text for e in entities if e.label in PLACE_LABELS]
    return names or [p for f in figures for p in f.place]  # repeats kept: they count


def _claim(
    doc_id: str,
    text: str,
    number: int,
    incident: _Incident,
    entities: Sequence[EntityClaim],
    figures: Sequence[FigureClaim],
    document_places: list[str],
    countries: list[str],
    published: str | None,
) -> IncidentClaim:
    head = incident.head
    spans = [m.sentence_span for m in incident.mentions]

    def inside(start: int, end: int) -> bool:
        return any(s <= start and end <= t for s, t in spans)

    names = [e.text for e in entities if e.label in PLACE_LABELS and inside(e.start, e.end)]
    names += [p for f in figures if inside(f.number_start, f.number_end) for p in f.place]
    names = [_country_word(name, countries) for name in names]
    places = list(dict.fromkeys(names)) or list(dict.fromkeys(document_places))[:2]
    gazetteer = load_gazetteer()
    place_ids = list(
        dict.fromkeys(
            place.id
            for name in places
            if (place := gazetteer.resolve(name, countries)) is not None
            # A town of another country than those the document names is a namesake; so is
            # a small town when the document names no country.
            and (
                place.level != CITY
                or (place.country in countries if countries else place.population >= BIG_CITY)
            )
        )
    )
    date = incident.date
    if date is not None:
        value, mod, date_text, source = date.value, date.mod, date.text, "text"
    elif published and not head.ongoing and len(published) >= 10:
        value, mod, date_text, source = published[:10], None, None, "published"
    else:
        value, mod, date_text, source = None, None, None, "none"
    name = next((m.name for m in incident.mentions if m.name), None)
    start, end = head.sentence_span
    return IncidentClaim(
        id=claim_id(doc_id, "incidents", number),
        doc=doc_id,
        start=start,
        end=end,
        text=text[start:end],
        kind=head.kind,
        trigger=text[head.trigger[0] : head.trigger[1]],
        trigger_start=head.trigger[0],
        trigger_end=head.trigger[1],
        name=name,
        places=places,
        place_ids=place_ids,
        date=value,
        mod=mod,
        date_text=date_text,
        date_source=source,
        ongoing=head.ongoing,
    )


def _link_figures(
    figures: Sequence[FigureClaim],
    incidents: list[_Incident],
    claims: list[IncidentClaim],
    sentences: list[tuple[int, Span]],
    words: IncidentVocabulary,
) -> list[FigureClaim]:
    """Each figure with the id of the incident it counts (None when the document names
    none)."""
    if not claims:
        return list(figures)
    owner: dict[int, list[tuple[Mention, str]]] = {}
    for incident, claim in zip(incidents, claims, strict=True):
        for mention in incident.mentions:
            owner.setdefault(mention.sentence, []).append((mention, claim.id))
    starts = [offset + sentence.start_char for offset, sentence in sentences]
    main = next((c.id for c in claims if not c.ongoing), claims[0].id)
    # Sentences naming a single incident, in order, and the last such incident in each.
    told = sorted(s for s, found in owner.items() if any(not m.ongoing for m, _ in found))
    last_told = {s: [c for m, c in owner[s] if not m.ongoing][-1] for s in told}
    pointed_by: dict[str, str] = {}
    for claim in reversed(claims):  # the first incident a measure points to wins
        for measure in words.kind(claim.kind).measures:
            pointed_by[measure] = claim.id
    linked: list[FigureClaim] = []
    for figure in figures:
        index = _sentence_of(starts, figure.number_start)
        here = owner.get(index, [])
        choice: str | None = None
        if here:
            cumulative = words.is_cumulative(figure.text)
            ongoing = [(m, c) for m, c in here if m.ongoing]
            single = [(m, c) for m, c in here if not m.ongoing]
            if ongoing and (cumulative or not single):
                choice = ongoing[0][1]
            else:
                best = max(
                    single,
                    key=lambda mc: (
                        figure.measure in words.kind(mc[0].kind).measures,
                        mc[0].rank,
                        -abs(mc[0].trigger[0] - figure.number_start),
                    ),
                )
                choice = best[1]
        else:
            earlier = bisect_left(told, index) - 1
            before = last_told[told[earlier]] if earlier >= 0 else None
            choice = pointed_by.get(figure.measure) or before or main
        linked.append(replace(figure, incident=choice))
    return linked


def _sentence_of(starts: list[int], position: int) -> int:
    return max(0, bisect_right(starts, position) - 1)
