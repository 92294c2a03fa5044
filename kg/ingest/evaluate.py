"""Score a review queue against a gold standard: the figures ``benchmarks/bench_ingest.py`` prints.

Gold is what a curator would have written for the document: the known entities each passage
mentions, the new entities it introduces (with every label they go by), and its facts. Proposed
new entities are aligned with gold ones by slug, label or acronym (accents, case and OCR folded),
agreements by their parties, and described events (which have no name) by passage and by agreeing
on a date, place or organiser (``_align_events``); facts are compared after that alignment, as
(subject, predicate, object) sets per document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.ingest.textkey import label_key

__all__ = ["Gold", "Score", "evaluate", "EXTRACTED_PREDICATES"]

EXTRACTED_PREDICATES = frozenset(
    {
        "atkg:party",
        "dcterms:date",
        "atkg:launchedBy",
        "atkg:launchDate",
        "atkg:fundedBy",
        "atkg:chairs",
        "atkg:coordinates",
        "atkg:managedBy",
        "atkg:organizedBy",
        "atkg:hostedBy",
        "atkg:participant",
        "atkg:placeName",
        "atkg:location",
        "atkg:startDate",
        "atkg:endDate",
        "atkg:publishedBy",
        "atkg:ratified",
        "org:memberOf",
        "atkg:partner",
        "atkg:implementedIn",
        "atkg:basedIn",
        "atkg:value",
        "atkg:unit",
        "atkg:observedEntity",
    }
)
_STRUCTURAL = ("obs-", "measure-")  # nodes of a pattern, scored through their facts
_NOT_ORGANISATIONS = {
    "atkg:JointProgramme",
    "atkg:Event",
    "atkg:Campaign",
    "atkg:Publication",
    "atkg:ActionPlan",
    "atkg:LegalInstrument",
    "atkg:Resolution",
    "atkg:Award",
    "atkg:Observation",
    "atkg:Measure",
    "atkg:Region",
    "atkg:Country",
    "atkg:Agreement",
    "atkg:MemorandumOfUnderstanding",
    "atkg:WorkingArrangement",
    "atkg:CooperationAgreement",
    "atkg:Partnership",
    "atkg:Ratification",
    "org:Membership",
    "time:Interval",
    "atkg:Practice",  # what a State reports doing, not a body
    "org:Role",
    "atkg:Person",
    "foaf:Person",
}


@dataclass
class Gold:
    mentions: set[tuple[str, str]]  # (passage "005-3", slug)
    entities: dict[str, dict]  # gold slug -> {"type": ..., "labels": [...]}
    facts: set[tuple[str, str, str]]  # (subject, predicate, object) with gold slugs
    # gold slug -> the passages ("005-3") whose curated facts name it; empty when the gold does not
    # say (our written reports): events are then aligned on stricter evidence (_align_events)
    passages: dict[str, set[str]] = field(default_factory=dict)
    # gold new entity -> the passage ("003-68") that introduces it (first in reading order); only
    # the leave-one-out golds know it, and only _align_described reads it
    introduced: dict[str, str] = field(default_factory=dict)


@dataclass
class Score:
    found: int
    expected: int
    correct_found: int  # proposals that are right (precision numerator)
    proposed: int

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.correct_found / self.proposed if self.proposed else 1.0


@dataclass
class Scores:
    mentions: Score
    new_entities: Score
    new_organisations: Score
    facts: Score
    alignment: dict[str, str] = field(default_factory=dict)


def is_organisation(type_name: str) -> bool:
    return type_name not in _NOT_ORGANISATIONS


def _literal(value: str) -> str:
    """Facts compare literals without language tags and number formatting."""
    return value.rsplit("@", 1)[0].strip().lower() if "@" in value else value.strip().lower()


_AGREEMENTS = {
    "atkg:Agreement",
    "atkg:MemorandumOfUnderstanding",
    "atkg:WorkingArrangement",
    "atkg:CooperationAgreement",
    "atkg:Partnership",
}


def _align_by_parties(candidates: list[dict], gold: Gold, proposed: dict, alignment: dict) -> None:
    """Agreements have no name to compare: align them by their (aligned) parties."""
    gold_parties: dict[str, set[str]] = {}
    for s, p, o in gold.facts:
        if p == "atkg:party":
            gold_parties.setdefault(s, set()).add(o)
    parties: dict[str, set[str]] = {}
    for c in candidates:
        if c["kind"] == "fact" and c["predicate"] == "atkg:party":
            parties.setdefault(c["subject"], set()).add(alignment.get(c["object"], c["object"]))
    for slug, c in proposed.items():
        if c["type"] not in _AGREEMENTS or slug in alignment:
            continue
        match = sorted(g for g, members in gold_parties.items() if members and members == parties.get(slug))
        if match:
            alignment[slug] = match[0]


_EVENT_DATES = ("atkg:startDate", "atkg:endDate", "dcterms:date")
_EVENT_PLACES = ("atkg:placeName", "atkg:location")
_EVENT_HOSTS = ("atkg:organizedBy", "atkg:hostedBy")


def _event_evidence(facts, subject_of, key) -> dict[str, dict[str, set[str]]]:
    """Event -> {"date": ..., "place": ..., "organiser": ...}: the values its facts give."""
    out: dict[str, dict[str, set[str]]] = {}
    for s, p, o in facts:
        kind = (
            "date"
            if p in _EVENT_DATES
            else "place"
            if p in _EVENT_PLACES
            else "organiser"
            if p in _EVENT_HOSTS
            else None
        )
        if kind and subject_of(s):
            out.setdefault(s, {}).setdefault(kind, set()).add(_literal(key(o)))
    return out


def _same_date(a: str, b: str) -> bool:
    """Equal, or the one printed to the month is the start of the other ("2008-04", "2008-04-14")."""
    short, long = sorted((a, b), key=len)
    return short == long or (len(short) >= 7 and long.startswith(short))


def _agreeing(ours: dict[str, set[str]], theirs: dict[str, set[str]]) -> list[str]:
    kinds = []
    for kind in ("date", "place", "organiser"):
        mine, gold = ours.get(kind, set()), theirs.get(kind, set())
        same = _same_date if kind == "date" else str.__eq__
        if any(same(a, b) for a in mine for b in gold):
            kinds.append(kind)
    return kinds


def _align_events(candidates: list[dict], gold: Gold, proposed: dict, alignment: dict) -> None:
    """Events the report describes ("une réunion de chercheurs au Caire") have no name to compare:
    a proposed event still unaligned is the gold event (still unaligned) that its passage
    introduces, when they agree on at least one of date, place (city or country) or organiser
    (or host). The passage is one whose curated facts name the gold event; when the gold does not
    record passages (our written reports), two of the three must agree instead. Each gold event
    takes at most one proposal, the one agreeing on most (then on most values), ties by slug."""
    gold_events = {
        slug
        for slug, entity in gold.entities.items()
        if entity["type"] == "atkg:Event" and slug not in alignment.values()
    }
    ours_events = {s for s, c in proposed.items() if c["type"] == "atkg:Event" and s not in alignment}
    if not gold_events or not ours_events:
        return
    theirs = _event_evidence(gold.facts, gold_events.__contains__, lambda o: o)
    facts = [(c["subject"], c["predicate"], c["object"]) for c in candidates if c["kind"] == "fact"]
    ours = _event_evidence(facts, ours_events.__contains__, lambda o: alignment.get(o, o))
    where: dict[str, set[str]] = {}
    for c in candidates:
        if c["kind"] == "entity" and not c["entity"] and c["proposed_slug"] in ours_events:
            where.setdefault(c["proposed_slug"], set()).add(c["passage"])
    pairs = []
    for mine in sorted(ours_events):
        for theirs_slug in sorted(gold_events):
            passages = gold.passages.get(theirs_slug, set())
            if passages and not passages & where.get(mine, set()):
                continue
            kinds = _agreeing(ours.get(mine, {}), theirs.get(theirs_slug, {}))
            if len(kinds) >= (1 if passages else 2):
                values = sum(
                    len(ours.get(mine, {}).get(k, set()) & theirs.get(theirs_slug, {}).get(k, set()))
                    for k in kinds
                )
                pairs.append((-len(kinds), -values, theirs_slug, mine))
    taken: set[str] = set()
    for _, _, theirs_slug, mine in sorted(pairs):
        if theirs_slug not in taken and mine not in alignment:
            alignment[mine] = theirs_slug
            taken.add(theirs_slug)


# Described things are aligned within a family of types: a "stratégie" may be a curator's plan.
_DESCRIBED_FAMILIES = (
    frozenset({"atkg:Publication", "atkg:ActionPlan"}),
    frozenset({"atkg:JointProgramme", "atkg:Campaign", "atkg:Initiative"}),
)
_MADE_BY = frozenset(
    {
        "atkg:publishedBy",
        "atkg:launchedBy",
        "atkg:partner",
        "atkg:managedBy",
        "atkg:fundedBy",
        "atkg:implementedIn",
    }
)


def _align_described(candidates: list[dict], gold: Gold, proposed: dict, alignment: dict) -> None:
    """Publications, plans, programmes and campaigns the text describes rather than names ("l'OIT a
    mis au point un manuel"): curators label them in their own words ("Combating Forced Labour: A
    Handbook for Employers"), so no name compares. A proposal still unaligned is aligned with a gold
    entity still unaligned when (1) the proposal comes from the passage that introduces the gold
    entity (Gold.introduced), (2) their types are of one family (_DESCRIBED_FAMILIES), and (3) they
    agree on who made them: at least one (predicate, object) among publishedBy, launchedBy, partner,
    managedBy, fundedBy, implementedIn is both proposed and in the gold. The gold entity sharing the
    most such pairs wins, a tie aligns nothing, and a gold entity is given to one proposal only."""
    if not gold.introduced:
        return
    made: dict[str, set[tuple[str, str]]] = {}
    for s, p, o in gold.facts:
        if p in _MADE_BY:
            made.setdefault(s, set()).add((p, o))
    said: dict[str, set[tuple[str, str]]] = {}
    for c in candidates:
        if c["kind"] == "fact" and c["predicate"] in _MADE_BY:
            said.setdefault(c["subject"], set()).add(
                (c["predicate"], alignment.get(c["object"], c["object"]))
            )
    taken = set(alignment.values())
    for slug, c in sorted(proposed.items(), key=lambda kv: (kv[1]["passage"], kv[0])):
        family = next((f for f in _DESCRIBED_FAMILIES if c["type"] in f), None)
        if family is None or slug in alignment or not said.get(slug):
            continue
        shared = sorted(
            (-len(said[slug] & made.get(g, set())), g)
            for g, passage in gold.introduced.items()
            if passage == c["passage"] and g not in taken and gold.entities[g]["type"] in family
        )
        shared = [(n, g) for n, g in shared if n < 0]
        if shared and (len(shared) == 1 or shared[0][0] < shared[1][0]):
            alignment[slug] = shared[0][1]
            taken.add(shared[0][1])


def _align_observations(candidates: list[dict], gold: Gold, alignment: dict) -> None:
    """Figures are numbered per passage in reading order, and curators may record more of them:
    align an observation by its passage and value, not by its number."""
    gold_by_value: dict[tuple[str, str], str] = {}
    for s, p, o in sorted(gold.facts):
        if p == "atkg:value" and s.startswith("obs-"):
            gold_by_value.setdefault((s.rsplit("-", 1)[0], _literal(o)), s)
    for c in candidates:
        if c["kind"] == "fact" and c["predicate"] == "atkg:value" and c["subject"].startswith("obs-"):
            match = gold_by_value.get((c["subject"].rsplit("-", 1)[0], _literal(c["object"])))
            if match:
                alignment.setdefault(c["subject"], match)


def _pick(first: str, sharing: list[str], proposed_slug: str) -> str:
    """Several national bodies share a label ("Ministère de la justice" of Greece and of the
    Netherlands): the one whose country prefix the proposed slug carries (``nld-...``)."""
    prefix = proposed_slug.split("-", 1)[0]
    return next((g for g in sharing if len(sharing) > 1 and g.split("-", 1)[0] == prefix), first)


def evaluate(candidates: list[dict], gold: Gold) -> Scores:
    predicted_mentions = {
        (c["passage"], c["entity"]) for c in candidates if c["kind"] == "entity" and c["entity"]
    }
    mentions = Score(
        len(gold.mentions & predicted_mentions),
        len(gold.mentions),
        len(gold.mentions & predicted_mentions),
        len(predicted_mentions),
    )
    keys: dict[str, str] = {}  # folded label / acronym / slug -> gold slug
    shared: dict[str, list[str]] = {}  # folded label -> every gold slug it names
    for slug, entity in gold.entities.items():
        keys[slug] = slug
        for label in entity["labels"]:
            keys.setdefault(label_key(label), slug)
            if slug not in shared.setdefault(label_key(label), []):
                shared[label_key(label)].append(slug)
    proposed: dict[str, dict] = {}
    for c in candidates:
        if c["kind"] == "entity" and not c["entity"] and not c["proposed_slug"].startswith(_STRUCTURAL):
            proposed.setdefault(c["proposed_slug"], c)
    alignment: dict[str, str] = {}
    for slug, c in proposed.items():
        labels = c.get("labels") or {}
        names = [
            slug,
            label_key(labels.get("fr") or ""),
            label_key(c.get("text", "")),
            label_key(labels.get("en") or ""),
        ]
        names += [label_key(a.rsplit("@", 1)[0]) for a in c.get("alt", [])]
        match = next((_pick(keys[n], shared.get(n, []), slug) for n in names if n and n in keys), None)
        if match is None:  # a name cut short or run on: one key starts the other (12+ letters),
            # the longest shared start wins
            starts = sorted(
                (-min(len(k), len(n)), k)
                for n in names[1:2]
                if len(n) >= 12
                for k in keys
                if len(k) >= 12 and (k.startswith(n) or n.startswith(k))
            )
            match = keys[starts[0][1]] if starts else None
        if match:
            alignment[slug] = match
    _align_by_parties(candidates, gold, proposed, alignment)
    _align_events(candidates, gold, proposed, alignment)
    _align_described(candidates, gold, proposed, alignment)
    _align_observations(candidates, gold, alignment)
    gold_orgs = {s for s, e in gold.entities.items() if is_organisation(e["type"])}
    proposed_orgs = {s for s, c in proposed.items() if is_organisation(c["type"])}
    found = set(alignment.values())
    right = sum(1 for slug in proposed if slug in alignment)
    new_entities = Score(len(found & set(gold.entities)), len(gold.entities), right, len(proposed))
    new_orgs = Score(
        len(found & gold_orgs),
        len(gold_orgs),
        sum(1 for s in proposed_orgs if s in alignment),
        len(proposed_orgs),
    )

    def key(value: str) -> str:
        return alignment.get(value, value)

    predicted_facts = {
        (key(c["subject"]), c["predicate"], _literal(key(c["object"])))
        for c in candidates
        if c["kind"] == "fact" and c["predicate"] in EXTRACTED_PREDICATES
    }
    expected = {(s, p, _literal(o)) for s, p, o in gold.facts}
    hits = expected & predicted_facts
    facts = Score(len(hits), len(expected), len(hits), len(predicted_facts))
    return Scores(mentions, new_entities, new_orgs, facts, alignment)
