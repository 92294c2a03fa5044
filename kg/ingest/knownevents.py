"""Events the graph already has, found again where a report describes them in other words.

"Le Groupe a tenu deux réunions en 2007" is the curated ``event-icat-meetings-new-york-2007``,
which another document named; kg.ingest.events proposes it as a new event (it has no name to look
up), so the participants listed next would hang on a duplicate. The gazetteer knows events by
label only; here they are indexed by what the graph's facts say of them (in any graph: the entity
graph and every passage): organiser or host, date (a year at least, also read from the slug's
``-YYYY`` ending, kg/data/README.md) and place (country or place name).

A described event is the known one when exactly one known event agrees with the facts proposed
for it on organiser and date, or on two of organiser, date and place; the event agreeing on most
wins, and two agreeing equally link nothing (the reader decides, not the machine). A date that
falls outside the known event's at the same precision, a known event the passage names itself, or
one whose label prints another ordinal ("dix-septième session") is never linked.

"Ont participé aux trois réunions que le Groupe a tenues à ce jour: A, B" lists who attended
every meeting of that body so far: :func:`to_date_participants` gives A and B to its other known
meetings too, when the count printed adds up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.ingest.figures import NUMBER_WORDS
from kg.ingest.textkey import label_key

__all__ = ["KnownEvents", "link_known_events", "to_date_participants"]

_KINDS = {
    "atkg:organizedBy": "organiser",
    "atkg:hostedBy": "organiser",
    "atkg:startDate": "date",
    "atkg:endDate": "date",
    "dcterms:date": "date",
    "atkg:location": "place",
    "atkg:placeName": "place",
}
_SLUG_YEAR = re.compile(r"-((?:19|20)\d\d)$")
_TENS = {"dix", "vingt", "trente", "quarante", "cinquante", "soixante", "quatre"}


def ordinal(words: tuple[str, ...]) -> tuple[str, ...]:
    """The ordinal a label's folded words print ("dix", "huitieme" of "dix-huitième session"),
    or ``()``: two sessions of one body differ by it alone."""
    for index, word in enumerate(words):
        if word.endswith("ieme") or word in ("premier", "premiere"):
            start = index
            while start > 0 and words[start - 1] in _TENS:
                start -= 1
            return words[start : index + 1]
    return ()


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


def _value(predicate: str, value: str) -> str:
    """Slugs as they are; a place name folded (accents, case) without its language tag."""
    if predicate == "atkg:placeName":
        return label_key(re.sub(r"@[a-z]{2,3}$", "", value))
    return value


def _date_agrees(date: str, known: set[str]) -> bool | None:
    """Whether one proposed date agrees with a known event's dates: inside their span at its own
    precision ("2007-10" within "2007-10-05"/"2007-10-07"), or under a less precise one ("2007");
    False when the known dates are as precise and it falls outside them (another event), None when
    nothing compares."""
    finer = sorted(k[: len(date)] for k in known if len(k) >= len(date) >= 4)
    if finer:
        return finer[0] <= date <= finer[-1]
    return True if any(len(k) >= 4 and date.startswith(k) for k in known) else None


@dataclass
class KnownEvents:
    """Known event slug -> {"organiser"|"date"|"place": values}; body -> the known events that
    established it (``atkg:establishedBy``)."""

    evidence: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    founding: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def from_quads(cls, quads: Iterable[tuple]) -> KnownEvents:
        from kg.namespace import ID, shorten

        # (subject, predicate, object) as reports name them: individuals by slug, terms as CURIEs
        triples = [(shorten(s), shorten(p), shorten(o), str(s).startswith(str(ID))) for s, p, o, _ in quads]
        events = {s for s, p, o, named in triples if p == "rdf:type" and o == "atkg:Event" and named}
        index = cls({slug: {} for slug in sorted(events)})
        for slug in events:
            year = _SLUG_YEAR.search(slug)
            if year:
                index.evidence[slug].setdefault("date", set()).add(year.group(1))
        for slug, predicate, value, _ in triples:
            if predicate == "atkg:establishedBy" and value in events:
                index.founding.setdefault(slug, set()).add(value)
            if predicate in _KINDS and slug in events:
                index.evidence[slug].setdefault(_KINDS[predicate], set()).add(_value(predicate, value))
        return index

    def agreeing(self, said: dict[str, set[str]], slug: str) -> list[str] | None:
        """The kinds of evidence on which ``said`` and the known event ``slug`` agree; None when
        a date of ``said`` falls outside the known event's dates at the same precision."""
        known = self.evidence.get(slug, {})
        kinds = []
        if any(s & known.get(kind, set()) for kind, s in said.items() if kind == "organiser"):
            kinds.append("organiser")
        dates = [_date_agrees(d, known.get("date", set())) for d in sorted(said.get("date", ()))]
        if False in dates:
            return None
        if True in dates:
            kinds.append("date")
        if said.get("place", set()) & known.get("place", set()):
            kinds.append("place")
        return kinds

    def find(self, said: dict[str, set[str]]) -> str | None:
        """The one known event that ``said`` (a described event's proposed facts) describes, or
        None: it must agree on two of organiser, date and place, and on more kinds than any
        other known event."""
        ranked = []
        for slug in sorted(self.evidence):
            kinds = self.agreeing(said, slug)
            if kinds is not None and len(kinds) >= 2:
                ranked.append((-len(kinds), slug))
        ranked.sort()
        if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
            return None
        return ranked[0][1]


def said_of(slug: str, facts: list[dict]) -> dict[str, set[str]]:
    """What one passage's fact candidates say of ``slug``, by kind of evidence."""
    said: dict[str, set[str]] = {}
    for fact in facts:
        kind = _KINDS.get(fact["predicate"])
        if kind and fact["subject"] == slug:
            said.setdefault(kind, set()).add(_value(fact["predicate"], fact["object"]))
    return said


def link_known_events(
    entities: list[dict],
    facts: list[dict],
    known: KnownEvents,
    described: set[str],
    labels: dict[str, dict[str, str]],
    forms: dict[str, list[tuple[str, ...]]] | None = None,
) -> dict[str, str]:
    """Described events of one passage (``described``: their proposed slugs) that are known
    events become mentions of the known slug, and their facts its facts (``entities`` and
    ``facts``, the passage's candidates, are changed in place). A known event the passage names
    is not the one it describes beside it, nor is one whose labels (``forms``: slug -> labels'
    folded words) print another ordinal ("dix-septième session" for "dix-huitième session").
    Returns new slug -> known slug."""
    from kg.ingest.gazetteer import label_words
    from kg.ingest.queue import candidate_id

    linked: dict[str, str] = {}
    named = {c["entity"] for c in entities if c["entity"]}  # a known event the passage names
    for candidate in entities:
        slug = candidate["proposed_slug"]
        if candidate["entity"] or candidate["type"] != "atkg:Event" or slug not in described:
            continue
        match = known.find(said_of(slug, facts))
        if match is None or match in named:
            continue  # "le Forum de Vienne [...], les réunions du Comité directeur": another one
        number = ordinal(label_words(candidate["labels"]["fr"] or ""))
        known_forms = (forms or {}).get(match, [])
        if (
            number
            and any(ordinal(f) for f in known_forms)
            and not any(_contains(f, number) for f in known_forms)
        ):
            continue
        linked[slug] = match
        candidate.update(
            entity=match,
            proposed_slug=match,
            labels={"fr": labels.get(match, {}).get("fr"), "en": labels.get(match, {}).get("en")},
            id=candidate_id("entity", candidate["passage"], match, match),
        )
    for fact in facts:
        if fact["subject"] in linked or fact["object"] in linked:
            fact["subject"] = linked.get(fact["subject"], fact["subject"])
            fact["object"] = linked.get(fact["object"], fact["object"])
            fact["id"] = candidate_id(
                "fact", fact["passage"], fact["subject"], fact["predicate"], fact["object"]
            )
    return linked


_TO_DATE = re.compile(
    r"\b(?:aux|des)\s+(?P<all>deux|trois|quatre|cinq|six)\s+réunions\b[^:.]*?à\s+ce\s+jour[^:]*:", re.I
)
_HELD_N = re.compile(r"\b(?P<n>deux|trois|quatre|cinq|six)\s+réunions\b", re.I)


def to_date_participants(text: str, facts: list[dict], known: KnownEvents) -> list[dict]:
    """ "Ont participé aux trois réunions que le Groupe a tenues à ce jour les organisations
    suivantes: A, B" after "Le Groupe a tenu deux réunions en 2007": the list is of every meeting
    the body held, so A and B also took part in the other known meetings of that body (organised
    by it, or the one that established it: ICAT's Tokyo meeting) up to the year of the ones just
    named (not later), when the count printed adds up (the two just named plus one other is
    three). Returns the new fact candidates (``facts`` is unchanged)."""
    from kg.ingest.queue import candidate_id

    out: list[dict] = []
    for summary in _TO_DATE.finditer(text):
        before = list(_HELD_N.finditer(text, 0, summary.start()))
        listed = [
            f
            for f in facts
            if f["predicate"] == "atkg:participant" and summary.group(0).strip() in f["evidence"]
        ]
        events = {f["subject"] for f in listed}
        if not before or len(events) != 1:
            continue
        [event] = events
        bodies = {
            f["object"] for f in facts if f["subject"] == event and f["predicate"] == "atkg:organizedBy"
        }
        bodies |= known.evidence.get(event, {}).get("organiser", set())
        others = {
            slug
            for slug, evidence in known.evidence.items()
            if slug != event and evidence.get("organiser", set()) & bodies
        }
        others |= {e for body in bodies for e in known.founding.get(body, ()) if e != event}
        dates = {f["object"] for f in facts if f["subject"] == event and _KINDS.get(f["predicate"]) == "date"}
        latest = max((d[:4] for d in dates | known.evidence.get(event, {}).get("date", set())), default=None)
        others = {o for o in others if latest and max(known.evidence[o].get("date", {"9999"}))[:4] <= latest}
        if (
            not others
            or NUMBER_WORDS[before[-1].group("n").lower()] + len(others)
            != NUMBER_WORDS[summary.group("all").lower()]
        ):
            continue
        for other in sorted(others):
            for fact in listed:
                extra = dict(fact, subject=other)
                extra["id"] = candidate_id("fact", fact["passage"], other, fact["predicate"], fact["object"])
                out.append(extra)
    return out
