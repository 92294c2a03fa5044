"""Facts our vocabulary can hold, read from one sentence at a time by trigger phrases.

A trigger ("lancée par", "a signé un mémorandum d'accord", "présidé par"...) says which property
links which of the sentence's entities: the thing named before a passive trigger and the agents
after it, or the agents before an active one and the thing after. Agreements and figures are
n-ary: they come as a new node (agreement, observation) plus the facts of their pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.ingest.agreements import SET_UP, is_place, stated_partnerships
from kg.ingest.campaigns import described_campaigns
from kg.ingest.dates import date_range, first_date
from kg.ingest.figures import find_figures
from kg.ingest.founding import launch_dates
from kg.ingest.memberships import listed_members
from kg.ingest.observed import observed_entity
from kg.ingest.places import COUNTRY_OF, find_places
from kg.ingest.publications import PUBLISHED, described_publications, publication_facts
from kg.ingest.ratifications import ratifications
from kg.ingest.roles import founders, in_capacity, roles

__all__ = ["Item", "Proposal", "NewNode", "read_sentence", "AGENT_TYPES", "THINGS"]

AGENT_TYPES = {
    "org:Organization",
    "atkg:UNEntity",
    "atkg:IntergovernmentalOrganization",
    "atkg:RegionalOrganization",
    "atkg:GovernmentBody",
    "atkg:NonGovernmentalOrganization",
    "atkg:PrivateSectorEntity",
    "atkg:AcademicInstitution",
    "atkg:MediaOrganization",
    "atkg:Fund",
    "atkg:Initiative",
    "atkg:CoordinationMechanism",
    "atkg:Country",
    "foaf:Agent",
    "org:OrganizationalCollaboration",
}
_THINGS = {
    "atkg:JointProgramme",
    "atkg:Campaign",
    "atkg:Event",
    "atkg:Publication",
    "atkg:Fund",
    "atkg:Initiative",
    "atkg:ActionPlan",
    "atkg:CoordinationMechanism",
    "atkg:Award",
}
THINGS = _THINGS


@dataclass(frozen=True)
class Item:
    """An entity named in the sentence (known or proposed), at sentence-relative offsets."""

    start: int
    end: int
    slug: str
    type: str
    new: bool = False  # proposed by ingest, not in the graph yet

    @property
    def agent(self) -> bool:
        return self.type in AGENT_TYPES

    @property
    def country(self) -> bool:
        return self.type == "atkg:Country"


@dataclass(frozen=True)
class Proposal:
    subject: str
    predicate: str
    object: str  # a slug, or a literal as `atkg fact add` takes it ("2012-04", "Vienne@fr", "76")
    confidence: float
    role: str | None = None  # a membership's role ("chair", "founder"): written as org:Membership
    start: str | None = None  # and the period it was held
    end: str | None = None
    note: str | None = None  # why the passage supports an object it does not name (provenance note)


@dataclass(frozen=True)
class NewNode:
    """A node an n-ary fact needs (agreement, observation): proposed as a new entity."""

    slug: str
    type: str
    label_fr: str
    label_en: str | None  # None when the text gives no English name
    confidence: float
    described: bool = False  # a publication the text describes (kg.ingest.publications)


# (pattern, property, direction, confidence): "passive" = thing before, agents after;
# "active" = agents before, thing after; "inverse" properties point agent -> thing.
# the date a participle may carry before its agents: "lancée le 18 octobre 2013 par", "créé en 2012 par"
_WHEN = (
    r"(?:,?\s*(?:en|le|dès|au\s+début\s+de|à\s+la\s+fin\s+de)\s+(?:l[’']année\s+)?(?:1er\s+|\d{1,2}\s+)?"
    r"(?:\w+\s+)?\d{4},?\s+)?"
)
_PASSIVE = [
    (rf"lanc[ée]e?s?\s+{_WHEN}(?:conjointement\s+)?par", "atkg:launchedBy", 0.75),
    (
        rf"(?:cr[ée]{{2}}e?s?|fond[ée]e?s?|institu[ée]e?s?|mise?s?\s+en\s+place)\s+{_WHEN}par",
        "atkg:launchedBy",
        0.6,
    ),
    (
        r"financ[ée]e?s?\s+(?:notamment\s+|conjointement\s+|principalement\s+)?par|avec\s+l[’']appui\s+financier\s+d[eu]"
        r"|gr[âa]ce\s+(?:à|au|aux)\s+(?:un\s+|des\s+)?(?:financements?|contributions?|fonds)\s+(?:fournis?\s+par\s+|d[eu]\s+|des\s+)",
        "atkg:fundedBy",
        0.7,
    ),
    (
        rf"organis[ée]e?s?\s+{_WHEN}(?:conjointement\s+)?par|à\s+l[’']initiative\s+d[eu]",
        "atkg:organizedBy",
        0.75,
    ),
    (
        r"re[çc]u\s+(?:un\s+|une\s+|des\s+)?(?:appui|soutien|financements?|contributions?|dons?|fonds|aide)\s+"
        r"(?:financi\w+\s+)?(?:supplémentaires?\s+)?(?:de\s+la\s+part\s+)?(?:d[eu]s?\b|de\s+l[’'])"
        r"|rendue?s?\s+possibles?\s+(?:grâce\s+à|par)\s+(?:un|des)\s+dons?\s+(?:d[eu]s?\b|de\s+l[’'])",
        "atkg:fundedBy",
        0.6,
    ),
    (r"accueilli[e]?s?\s+par|sous\s+les\s+auspices\s+d[eu]", "atkg:hostedBy", 0.6),
    (r"g[ée]r[ée]e?s?\s+par|administr[ée]e?s?\s+par", "atkg:managedBy", 0.75),
    (
        r"publi[ée]e?s?\s+par|[ée]labor[ée]e?s?\s+par|r[ée]dig[ée]e?s?\s+par|r[ée]alis[ée]e?s?\s+par"
        r"|établie?s?\s+par|produite?s?\s+par|conçue?s?\s+par|mise?s?\s+au\s+point\s+par|préparée?s?\s+par"
        r"|diffusée?s?\s+par",
        "atkg:publishedBy",
        0.65,
    ),
    (
        r"avec\s+l[’']\s*appui\s+d[eu]|avec\s+le\s+soutien\s+d[eu]|avec\s+le\s+concours\s+d[eu]"
        r"|avec\s+la\s+participation\s+d[eu]",
        "atkg:partner",
        0.5,
    ),
    (
        r"mis\s+en\s+(?:œ|oe|ce|c)uvre\s+par|ex[ée]cut[ée]e?s?\s+par|en\s+partenariat\s+avec|en\s+collaboration\s+avec"
        r"|en\s+coop[ée]ration\s+avec",
        "atkg:partner",
        0.55,
    ),
]
_INVERSE_PASSIVE = [
    (r"(?:co)?présid[ée]e?s?\s+(?:conjointement\s+)?par", "atkg:chairs", 0.75),
    (
        r"compos[ée]e?s?\s+(?:de\s+représentants\s+)?d[eu]s?|\bcomprend\b|\brassembl\w+|\bregroup\w+"
        r"|dont\s+les\s+membres\s+sont",
        "org:memberOf",
        0.5,
    ),
    (r"coordonn[ée]e?s?(?:\s*,?\s*respectivement\s*,?)?\s+par", "atkg:coordinates", 0.7),
    # "mises sur pied sous la direction de l'OIT, de l'OIM": who leads it coordinates it
    (r"sous\s+la\s+(?:direction|conduite|coordination)\s+(?:conjointe\s+)?d[eu]", "atkg:coordinates", 0.6),
]
_ACTIVE = [
    (
        r"\b(?:a|ont)\s+(?:fourni|apporté|accordé|versé)\s+(?:un\s+|une\s+|des\s+)?(?:appui|soutien|aide|"
        r"contributions?|financements?|fonds)\s+(?:financi\w+\s+)?(?:à|au|aux)\b",
        "atkg:fundedBy",
        0.6,
    ),
    (r"\b(?:a|ont|avait|avaient)\s+(?:\S+\s+)?lanc[ée]|\blancent\b|\blance\b", "atkg:launchedBy", 0.7),
    (r"\b(?:a|ont)\s+organis[ée]|\borganisent\b", "atkg:organizedBy", 0.7),
    (r"\b(?:a|ont)\s+(?:\S+\s+)?publi[ée]|\bpublient\b", "atkg:publishedBy", 0.7),
    (r"\b(?:a|ont)\s+financ[ée]|\bfinancent\b", "atkg:fundedBy", 0.6),
    (r"\b(?:a|ont)\s+(?:\S+\s+)?contribué\s+(?:financièrement\s+)?(?:à|au|aux)\b", "atkg:fundedBy", 0.5),
    (r"\b(?:a|ont)\s+(?:\S+\s+)?accueilli\b", "atkg:hostedBy", 0.55),
    (r"\bg[èe]rent\b|\bg[èe]re\b|\badministrent\b|\badministre\b", "atkg:managedBy", 0.6),
]
_INVERSE_ACTIVE = [
    (
        r"\b(?:co)?pr[ée]side(?:nt)?\b|\b(?:a|ont)\s+(?:co)?pr[ée]sid[ée]|assur\w*\s+la\s+(?:co)?pr[ée]sidence\s+d[eu]",
        "atkg:chairs",
        0.7,
    ),
    (r"\bcoordonnent\b|\bcoordonne\b|assur\w*\s+la\s+coordination\s+d[eu]", "atkg:coordinates", 0.6),
    (
        r"\b(?:est|sont|était|étaient|devenue?s?|est\s+devenue?)\s+membres?\s+d[eu]|\bmembres?\s+d[eu]\b|"
        r"\brejoint\b|\bont\s+rejoint\b|\ba\s+rejoint\b",
        "org:memberOf",
        0.55,
    ),
    (r"\b(?:a|ont)\s+ratifi[ée]|\b(?:a|ont)\s+adh[ée]r[ée]\s+à|\bratifient\b", "atkg:ratified", 0.7),
    (r"\b(?:a|ont)\s+particip[ée]\s+à|\bparticipent\s+à|\bparticipé\s+à", "atkg:participant", 0.5),
]
_AGREEMENTS = [
    (
        r"m[ée]morandums?\s+d[’']\s*accord|protocoles?\s+d[’']\s*accord",
        "atkg:MemorandumOfUnderstanding",
        "Mémorandum d'accord",
        "Memorandum of understanding",
    ),
    (
        r"accords?\s+de\s+travail|arrangements?\s+de\s+travail",
        "atkg:WorkingArrangement",
        "Accord de travail",
        "Working arrangement",
    ),
    (
        r"accords?\s+de\s+partenariat|partenariats?\s+stratégiques?",
        "atkg:Partnership",
        "Accord de partenariat",
        "Partnership agreement",
    ),
    (
        r"accords?\s+de\s+coop[ée]ration|accords?\b|lettres?\s+d[’']entente",
        "atkg:CooperationAgreement",
        "Accord de coopération",
        "Cooperation agreement",
    ),
]
_CARRIED_OUT = re.compile(
    r"\bqu[e’']\s*[^,;]{0,80}?(?P<verb>\b(?:met(?:tent)?\s+en\s+(?:œ|oe|ce|c)uvre|exécut(?:e|ent)|mèn(?:e|ent))\b)",
    re.I,
)
# a study carried out in the States named next (where it was done, not what it is about)
_UNDERTAKEN = re.compile(
    r"\s*,?\s*(?:[qg]u[e’']\s*\w+\s+)?(?:(?:avait|avaient|a|ont)\s+)?(?:entrepris|réalisé|men[ée]|conduit)e?s?\s+(?=(?:au|en|aux|dans)\b)",
    re.I,
)


def _listed_places(items: list[Item], position: int, sentence: str) -> list[Item]:
    """The States and regions listed from ``position`` on ("au Kazakhstan, au Kirghizstan, en
    Ouzbékistan et au Tadjikistan"), each after its preposition."""
    out: list[Item] = []
    cursor = position
    for item in (i for i in items if i.start >= position):
        if not (item.country or item.type == "atkg:Region"):
            break
        if not re.fullmatch(
            r"\s*(?:,|et|,\s*et)?\s*(?:au|en|aux|à|dans)\s*(?:l[’']\s*)?", sentence[cursor : item.start]
        ):
            break
        out.append(item)
        cursor = item.end
    return out


_OF_OWNER = re.compile(r"\s(?:de\s+l[’']|du|de\s+la)\s*$", re.I)
_NAMED_WITH_STATE = {"atkg:NonGovernmentalOrganization", "atkg:PrivateSectorEntity"}
_TAKE_PART = re.compile(
    r"(?:^\s*(?:\d+\.\s*)?(?P<y>Y)\s+participent|\b(?:auxquel(?:le)?s|auquel|à\s+laquelle)\s+particip(?:e|ent))\b"
)
_CLAUSE_END = re.compile(r";|\bdont\b|\bpour\b|\bafin\b")
# "confier au Directeur exécutif de l'ONUDC la coordination des activités du Groupe"
_ENTRUSTED = re.compile(
    r"\bconfi\w*\s+(?:à|au|aux)\s+[^,;]{0,80}?(?P<task>\bla\s+coordination\s+d[eu]s?\b)", re.I
)
_SIGNED = re.compile(r"\bsign[ée]|\bconclu|\bsignent\b|\bsignature\b", re.I)
_CLAUSE = re.compile(r";|\bqui\b|\bdont\b|\blequel\b|\blaquelle\b")


_PARTNERED = {"atkg:Initiative", "atkg:JointProgramme", "atkg:Campaign"}
# what partners work on (the subjects of the curated atkg:partner facts)
_PARTNER_OF = {*_PARTNERED, "atkg:Event"}
_OPENING = re.compile(r"\s*(?:\d+\.\s*)?")
_WORKS_WITH = re.compile(
    r"\b(?:travaill\w+|collabor\w+|coop[èé]r\w+|œuvr\w+|oeuvr\w+)\s+(?:\S+\s+)?"
    r"(?:en\s+partenariat\s+|en\s+collaboration\s+|en\s+coopération\s+|étroitement\s+)?avec",
    re.I,
)


def _compile(rules):
    return [(re.compile(pattern, re.I), *rest) for pattern, *rest in rules]


_PASSIVE_RE = _compile(_PASSIVE)
_INVERSE_PASSIVE_RE = _compile(_INVERSE_PASSIVE)
_ACTIVE_RE = _compile(_ACTIVE)
_INVERSE_ACTIVE_RE = _compile(_INVERSE_ACTIVE)
_AGREEMENT_RE = _compile(_AGREEMENTS)


_LIST_GAP = re.compile(
    r"\s*\)?\s*(?:,|et|ainsi\s+que|,\s*et|,\s*ainsi\s+que)?\s*"
    r"(?:(?:des\s+|les\s+)?représentants\s+(?:du\s+|de\s+la\s+|de\s+l[’']\s*|des\s+|de\s+)?)?"
    r"(?:par\s+(?=l|d))?(?:l[’']|le|la|les|du|de\s+la|de\s+l[’']|de|des|d[’']|par)?\s*"
    r"(?:gouvernements?\s+(?:du\s+|de\s+la\s+|de\s+l[’']\s*|des\s+)?)?\(?\s*$",
    re.I,
)


def _agents_after(items: list[Item], position: int, sentence: str) -> list[Item]:
    """The agents listed right after ``position`` ("par l'ONUDC, l'OIM et le HCR")."""
    out: list[Item] = []
    cursor = position
    for item in items:
        if item.start < cursor:
            continue
        gap = sentence[cursor : item.start]
        if out and not _LIST_GAP.fullmatch(gap):
            break
        if not out and (len(gap) > 60 or _CLAUSE.search(gap) or re.search(r"\bavec\b", gap)):
            break  # "administré par des bénévoles en coopération avec UN.GIFT": not by UN.GIFT
        if item.agent:
            out.append(item)
            cursor = item.end
        elif out:
            break
    return out


# ", en coopération avec l'ONUDC et d'autres organisations concernées,": whoever acts with the
# subject is not the subject
_INCISE = re.compile(
    r",\s*(?:en\s+(?:coopération|collaboration|partenariat|association|liaison)\s+)?avec\b[^,;]*,"
    # "l'Association [...] (ANAEP), qui regroupe 46 agences, a rejoint"
    r"|(?<=\))\s*,\s*qui\s+[^,;]{3,60},(?=\s*(?:a|ont)\s|\s*$)",
    re.I,
)


# no curated fact of these has a State as its subject: a State is what funds, launches, manages
_NEVER_OF_STATES = {"atkg:managedBy", "atkg:fundedBy", "atkg:launchedBy", "atkg:partner"}
_FRAME = re.compile(
    r"\b(?:dans\s+le\s+cadre|sous\s+l[’']égide|au\s+nom)\s+d[eu’']\s*(?:la\s+|l[’']\s*)?$", re.I
)


def _agents_before(items: list[Item], position: int, sentence: str) -> list[Item]:
    head = sentence[:position]
    incises = [m.span() for m in _INCISE.finditer(head)]
    for start, end in incises:  # blanked, offsets kept: the subject before it heads the clause
        head = head[:start] + " " * (end - start) + head[end:]
    clause_start = max((m.end() for m in re.finditer(r";|,\s*(?:et\s+)?(?=[a-z])", head)), default=0)
    return [
        i
        for i in items
        if clause_start <= i.start
        and i.end <= position
        and i.agent
        and not any(start <= i.start < end for start, end in incises)
        and not (i.country and re.search(r"\(\s*$", head[: i.start]))  # "Sabeeka Al-Khalifa (Bahreïn)"
        and not _FRAME.search(head[max(0, i.start - 30) : i.start])  # "Dans le cadre du Conseil, X a"
    ][:4]


_FUNDED = {
    "atkg:JointProgramme",
    "atkg:Campaign",
    "atkg:Initiative",
    "atkg:Event",
    "atkg:Publication",
    "atkg:Fund",
}
_PREFERRED = {
    "atkg:fundedBy": _FUNDED,
    "atkg:partner": {"atkg:JointProgramme", "atkg:Campaign", "atkg:Initiative"},
    "atkg:organizedBy": {"atkg:Event"},
    "atkg:hostedBy": {"atkg:Event"},
    "atkg:managedBy": {"atkg:Fund"},
    "atkg:publishedBy": {"atkg:Publication"},
    "atkg:launchedBy": {"atkg:JointProgramme", "atkg:Campaign", "atkg:Initiative", "atkg:Fund"},
    "atkg:chairs": {"atkg:CoordinationMechanism", "atkg:Event"},
    "atkg:coordinates": {"atkg:CoordinationMechanism", "atkg:JointProgramme", "atkg:Initiative"},
}


def _thing_before(
    items: list[Item], position: int, things: bool = True, prop: str = "", context: list[Item] = ()
) -> Item | None:
    preferred = [i for i in [*context, *items] if i.end <= position and i.type in _PREFERRED.get(prop, ())]
    if preferred:
        return preferred[-1]
    before = [i for i in items if i.end <= position and (i.type in _THINGS or not things)]
    return before[-1] if before else None


def _thing_after(items: list[Item], position: int, kinds: set[str] | None = None) -> Item | None:
    for item in items:
        if item.start >= position and (kinds is None or item.type in kinds):
            return item
    return None


# a publication cited by its head noun ("l'enquête", "le rapport", "cette série"); see the figures
_CITED = re.compile(
    r"\b(?:le|la|l[’']|cette|ce|cet|ces|les)\s*(?:rapport|enquête|étude|série|publication|base\s+de\s+données"
    r"|guide|manuel|documentaire)s?\b",
    re.I,
)
# an event named as a landmark in time where the sentence opens: "Avant le Forum de Vienne, [...]",
# "Comme suite au Forum de Vienne, [...]" (not "une dynamique avant le Forum, qui s'est tenu [...]")
_LANDMARK = re.compile(
    r"^\s*(?:\d+\.\s*)?(?:Avant|Après|Comme\s+suite|À\s+la\s+suite|Depuis)"
    r"\s+(?:le|la|les|l[’']|au|aux|à\s+la|à\s+l[’']|du|de\s+la|de\s+l[’']|des)?\s*$"
)
# a regional or international event is not one State's, whatever State the passage is about
_ABROAD = re.compile(r"région|internationa|mondia|autres\s+pays|étranger", re.I)
_INTERNATIONAL = re.compile(
    r"\b(?:international\w*|mondia\w*|interparlementaire|Nations\s+Unies|européen\w*|INTERPOL)\b", re.I
)


def _number_of(noun: str) -> str:
    """ "Nombre de victimes", "Nombre d'enquêtes" (elision before a vowel or a mute h)."""
    return f"Nombre d’{noun}" if re.match(r"[aeiouyhéèêàâîôûÉ]", noun, re.I) else f"Nombre de {noun}"


_CONSENSUS = re.compile(
    r"\s+(?:a\s+été\s+|ont\s+été\s+)?(?:conclu|trouvé|obtenu|réalisé)?s?\s*sur\s+"
    r"(?:la\s+nécessité|le\s+fait|l[’']importance|le\s+principe)",
    re.I,
)


_ABOUT = re.compile(
    r"\b(?:portant\s+(?:sur|notamment\s+sur)|relatif\s+à|relative\s+à|concernant|en\s+vue\s+de\s+la\s+création)\b",
    re.I,
)


def _agreement(sentence, parties, type_name, label_fr, label_en, confidence, nodes, proposals) -> None:
    """An agreement node (slug from its first two parties and its year) and its atkg:party facts."""
    when = first_date(sentence)
    year = (when or "")[:4]
    slug = "agreement-" + "-".join(p.removeprefix("country-").lower() for p in parties[:2])
    slug += f"-{year}" if year else ""
    names = " / ".join(parties[:3])
    nodes.append(NewNode(slug, type_name, f"{label_fr} ({names})", f"{label_en} ({names})", confidence))
    proposals.extend(Proposal(slug, "atkg:party", p, confidence) for p in parties[:8])
    if when:
        proposals.append(Proposal(slug, "dcterms:date", when, confidence - 0.05))


def read_sentence(
    sentence: str,
    items: list[Item],
    doc: str,
    label: str,
    counter: list[int],
    context: list[Item] = (),
    topic: list[Item] = (),
):
    """Facts (and the n-ary nodes they need) one sentence states. ``context``: the things named in
    the passage's earlier sentences (negative offsets), for "Elle a été organisée par...";
    ``topic``: what earlier passages of the document named, last one last (for figures only)."""
    proposals: list[Proposal] = []
    nodes: list[NewNode] = []
    items = sorted(items, key=lambda i: i.start)
    context = sorted(context, key=lambda i: i.start)
    top = [i for i in items if not any(o != i and o.start <= i.start and i.end <= o.end for o in items)]
    # the State the sentence (or else the passage) is about, when it names exactly one
    states = {i.slug for i in top if i.country} or {i.slug for i in context if i.country}
    sole_state = next(iter(states)) if len(states) == 1 else None

    # first, so that the qualified reading (role, period) is the one kept when rules agree
    for r in roles(sentence, top, context):
        proposals.append(Proposal(r.member, r.predicate, r.body, r.confidence, r.role, r.start, r.end))
    pronoun = re.match(r"\s*(?:\d+\.\s*)?(?:Il|Elle)\s", sentence)
    for pattern, prop, confidence in _PASSIVE_RE:
        for match in pattern.finditer(sentence):
            # "Il a été créé par...": the pronoun is what the passage is about, its first name
            named = [c for c in context if c.agent or c.type in _THINGS]
            subject = named[:1] if pronoun and not any(i.end <= match.start() for i in items) else []
            thing = (
                subject[0]
                if subject
                else _thing_before(items, match.start(), prop=prop, context=context)
                or _thing_before(items, match.start(), things=False)
            )
            if "initiative" in match.group(0) and not any(
                i.type == "atkg:Event" for i in items if i.end <= match.start()
            ):
                # "À l'initiative du Comité [...], il s'est tenu [...] une exposition": the event after
                # (none found: not the one an earlier sentence named)
                thing = _thing_after(items, match.end(), {"atkg:Event"})
            if thing is None and re.match(r"\s*(?:\d+\.\s*)?[A-ZÉ]\w+(?:é|ée|és|ées)\b", sentence):
                # "Élaboré, lancé et diffusé par l'ONUDC en 2011, le manuel [...]": the participle
                # opens the sentence and what it describes follows its agents
                thing = _thing_after(items, match.end(), _PREFERRED.get(prop) or _THINGS)
            if prop == "atkg:partner" and _OPENING.fullmatch(sentence[: match.start()]):
                # "En collaboration avec A et B, l'OIM a organisé une réunion": what the sentence
                # goes on to say was done
                listed = _agents_after(items, match.end(), sentence)
                cursor = listed[-1].end if listed else match.end()
                thing = _thing_after(items, cursor, _PARTNER_OF)
                if len(listed) > 1 and "," in sentence[listed[-2].end : listed[-1].start]:
                    listed = listed[:-1]  # the last, after the phrase's comma, is who acted
                for agent in listed if thing is not None else ():
                    proposals.append(Proposal(thing.slug, prop, agent.slug, 0.5))
                continue
            elif (
                prop == "atkg:partner"
                and thing is not None
                and thing.type not in _THINGS
                and re.search(r",\s*$", sentence[: match.start()])
            ):
                continue  # "Le Ministère, en coopération avec l'ONUDC, a accueilli": co-organisers
            if thing is None or (prop == "atkg:publishedBy" and thing.type not in PUBLISHED):
                continue  # only a publication or a plan is published (all 82 curated publishedBy)
            if prop == "atkg:organizedBy" and thing.type != "atkg:Event":
                continue  # all 50 curated are: not "Le Rapport présenté lors d'une [réunion] organisée par"
            if thing.country and prop in _NEVER_OF_STATES:
                continue  # "La Grèce a [...] deux mécanismes, l'un [...] géré par le Ministère"
            if prop == "atkg:hostedBy" and thing.type != "atkg:Event":
                continue  # "un examen [...] sous les auspices de UN.GIFT": only an event is hosted
            if prop == "atkg:partner" and re.search(r"avec$", match.group(0)):
                after = _thing_after(items, match.end(), _PARTNERED)
                if after is not None and after.start - match.end() < 12:
                    continue  # "A et B travaillent en partenariat avec UN.GIFT": read below
            agents = _agents_after(items, match.end(), sentence)
            for agent in agents:
                if agent.slug != thing.slug:
                    proposals.append(Proposal(thing.slug, prop, agent.slug, confidence))
            if prop == "atkg:launchedBy":
                for r in founders(sentence, thing, agents):
                    proposals.append(Proposal(r.member, r.predicate, r.body, r.confidence, r.role))
                when = first_date(sentence)
                if when and (agents or "place" not in match.group(0)):
                    # "des mécanismes mis en place par ces deux pays": set up by no one named, and
                    # not necessarily when the sentence's date says
                    proposals.append(Proposal(thing.slug, "atkg:launchDate", when, confidence - 0.2))
    for pattern, prop, confidence in _INVERSE_PASSIVE_RE:
        for match in pattern.finditer(sentence):
            # the outermost name: "initiatives de groupes d'experts UN.GIFT", not UN.GIFT inside it
            outer = [i for i in top if i.end <= match.start() and i.type in _PREFERRED.get(prop, ())]
            thing = (
                (outer[-1] if outer else None)
                or _thing_before(items, match.start(), prop=prop)
                or _thing_before(items, match.start(), things=False)
            )
            if thing is None:
                continue
            if prop == "org:memberOf" and thing.type == "atkg:Event":
                continue  # who an event brings together attends it (kg.ingest.memberships)
            if "respectivement" in match.group(0):
                # "deux équipes [...] coordonnées, respectivement, par A et par B": in order
                agents = _agents_after(items, match.end(), sentence)
                kinds = _PREFERRED.get(prop, _THINGS)
                things = [i for i in items if i.end <= match.start() and i.type in kinds][-len(agents) :]
                if len(things) == len(agents):
                    for pair in zip(things, agents, strict=True):
                        proposals.append(Proposal(pair[1].slug, prop, pair[0].slug, confidence))
                continue
            for agent in _agents_after(items, match.end(), sentence):
                if agent.slug != thing.slug:
                    proposals.append(Proposal(agent.slug, prop, thing.slug, confidence))
    for pattern, prop, confidence in _ACTIVE_RE:
        for match in pattern.finditer(sentence):
            thing = _thing_after(items, match.end(), _THINGS)
            if thing is None or thing.start - match.end() > 80:
                continue  # what the verb governs is near it, not at the other end of the sentence
            for agent in _agents_before(items, match.start(), sentence):
                if agent.slug != thing.slug:
                    proposals.append(Proposal(thing.slug, prop, agent.slug, confidence))
    # "Eurolines et la Compagnie nationale [...] travaillent en partenariat avec UN.GIFT"
    for match in _WORKS_WITH.finditer(sentence):
        thing = _thing_after(items, match.end(), _PARTNERED)
        if thing is None or thing.start - match.end() > 12:
            continue
        clause = max((m.end() for m in re.finditer(r"[;:]", sentence[: match.start()])), default=0)
        for agent in [i for i in top if clause <= i.start and i.end <= match.start() and i.agent]:
            if agent.slug != thing.slug:
                proposals.append(Proposal(thing.slug, "atkg:partner", agent.slug, 0.5))
    for match in _ENTRUSTED.finditer(sentence):
        thing = _thing_after(items, match.end())
        for agent in (
            i for i in top if match.start() <= i.start and i.end <= match.start("task") and i.agent
        ):
            if thing is not None and agent.slug != thing.slug:
                proposals.append(Proposal(agent.slug, "atkg:coordinates", thing.slug, 0.6))
    for match in _TAKE_PART.finditer(sentence):
        # "des programmes conjoints auxquels participent A et B", "[Des programmes conjoints sont
        # en cours d'élaboration.] Y participent A et B": partners in the programme
        if match.group("y"):
            thing = next((i for i in reversed(context) if i.type in _PARTNERED), None)
        else:
            thing = next(
                (i for i in reversed(top) if i.type in _PARTNERED and 0 <= match.start() - i.end <= 3), None
            )
        stops = (m.start() for m in _CLAUSE_END.finditer(sentence, match.end()))  # not "pour" in a name
        end = next((e for e in stops if not any(i.start <= e < i.end for i in items)), len(sentence))
        for agent in (i for i in top if match.end() <= i.start and i.end <= end and i.agent):
            if thing is not None and agent.slug != thing.slug:
                proposals.append(Proposal(thing.slug, "atkg:partner", agent.slug, 0.5))
    for match in _CARRIED_OUT.finditer(sentence):
        # "le programme conjoint que UN.GIFT met en œuvre en Serbie": who carries it out
        # (the name may run over the clause: "programme conjoint que UN.GIFT met en œuvre en Serbie")
        thing = next((i for i in top if i.type in _PARTNERED and i.start < match.start() <= i.end + 3), None)
        for agent in (
            i for i in items if match.start() <= i.start and i.end <= match.start("verb") and i.agent
        ):
            if thing is not None and agent.slug != thing.slug:
                proposals.append(Proposal(thing.slug, "atkg:partner", agent.slug, 0.5))
    for thing in (i for i in top if i.type in {"atkg:Campaign", "atkg:JointProgramme"}):
        # "la Campagne Cœur bleu [...] de l'ONUDC", "les programmes de collecte de données de
        # l'ONUDC": the organisation whose campaign or programme it is launched it (not an
        # initiative's frame: "les programmes conjoints de UN.GIFT" are run by its partners)
        owner = next(
            (
                i
                for i in items
                if i.agent
                and i.type not in {"atkg:Country", "atkg:Initiative"}
                and thing.start < i.start <= thing.end + 8
                and abs(i.end - thing.end) <= 8
                and _OF_OWNER.search(sentence[thing.start : i.start])
            ),
            None,
        )
        if owner is not None and owner.slug != thing.slug:
            proposals.append(Proposal(thing.slug, "atkg:launchedBy", owner.slug, 0.45))
    joined = re.search(
        r"\b(?:a|ont)\s+rejoint\s+(?:la\s+campagne|l[’']initiative|le\s+programme)\b", sentence
    )
    if joined:
        kinds = {"atkg:Campaign", "atkg:Initiative", "atkg:JointProgramme"}
        # the one named right after ("a rejoint la campagne « Sois vigilant ! »"), else the one before
        thing = next(
            (i for i in items if i.type in kinds and 0 <= i.start - joined.end() <= 4), None
        ) or next(
            (i for i in reversed([*context, *items]) if i.type in kinds and i.end <= joined.start()), None
        )
        if thing:
            for agent in _agents_before(top, joined.start(), sentence):
                proposals.append(Proposal(thing.slug, "atkg:partner", agent.slug, 0.5))
    for pattern, prop, confidence in _INVERSE_ACTIVE_RE:
        for match in pattern.finditer(sentence):
            if prop == "org:memberOf" and joined and match.start() >= joined.start():
                continue
            kinds = {"atkg:LegalInstrument"} if prop == "atkg:ratified" else None
            if prop == "atkg:participant":
                thing = _thing_after(items, match.end(), {"atkg:Event"})
                if thing is None:
                    continue
                for agent in _agents_before(items, match.start(), sentence):
                    proposals.append(Proposal(thing.slug, prop, agent.slug, confidence))
                continue
            thing = _thing_after(items, match.end(), kinds)
            if thing is None:
                continue
            if prop == "atkg:chairs" and re.search(
                r",\s*(?:que\s+|qu[’']\s*)(?:l[’']\s*|la\s+|le\s+|les\s+)?[^,;]{1,80}$",
                sentence[: match.start()],
            ):
                continue  # "le Groupe, que l'OIM a présidé [...], a consacré sa réunion": the Groupe (roles)
            for agent in _agents_before(top, match.start(), sentence):
                if agent.slug != thing.slug and (prop != "atkg:ratified" or agent.country):
                    proposals.append(Proposal(agent.slug, prop, thing.slug, confidence))

    for state, instrument, when in ratifications(sentence, top):
        proposals.append(Proposal(state, "atkg:ratified", instrument, 0.7))
        if when:
            slug = f"ratification-{state.removeprefix('country-')}-{instrument.removeprefix('instrument-')}"
            # not ``label``: that is the passage's, which the observations below are numbered by
            named = f"{state.removeprefix('country-')}, {instrument.removeprefix('instrument-')}"
            nodes.append(
                NewNode(slug, "atkg:Ratification", f"Ratification ({named})", f"Ratification ({named})", 0.65)
            )
            proposals.append(Proposal(slug, "atkg:ratifyingState", state, 0.65))
            proposals.append(Proposal(slug, "atkg:instrument", instrument, 0.65))
            proposals.append(Proposal(slug, "dcterms:date", when, 0.6))
    for thing, when, confidence in launch_dates(sentence, items):
        proposals.append(Proposal(thing, "atkg:launchDate", when, confidence))
    for subject, prop, obj, confidence in publication_facts(sentence, items):
        proposals.append(Proposal(subject, prop, obj, confidence))
    for subject, prop, obj, confidence in in_capacity(sentence, top):  # "en sa qualité de gestionnaire du"
        proposals.append(Proposal(subject, prop, obj, confidence))
    publications = described_publications(sentence, items)
    for described in publications:  # "l'OIT a mis au point un manuel"
        nodes.append(NewNode(described.slug, described.type, described.label, None, 0.5, True))
        proposals += [Proposal(described.slug, "atkg:publishedBy", a, 0.55) for a in described.agents]
        if described.date:
            proposals.append(Proposal(described.slug, "dcterms:date", described.date, 0.5))
    # "les évaluations juridiques nationales qu'il avait entreprises au Kazakhstan, au Kirghizstan"
    studies = [(d.slug, d.end) for d in publications]
    studies += [(i.slug, i.end) for i in items if i.type == "atkg:Publication"]
    for slug, end in studies:
        undertaken = _UNDERTAKEN.match(sentence, end)
        for place in _listed_places(items, undertaken.end(), sentence) if undertaken else ():
            proposals.append(Proposal(slug, "atkg:implementedIn", place.slug, 0.45))
    for campaign in described_campaigns(sentence, items, context):  # "La Roumanie a élaboré une campagne"
        nodes.append(NewNode(campaign.slug, "atkg:Campaign", campaign.label, None, 0.5, True))
        proposals.append(Proposal(campaign.slug, campaign.predicate, campaign.agent, 0.5))
        if campaign.date:
            proposals.append(Proposal(campaign.slug, "atkg:launchDate", campaign.date, 0.45))
    for listed in listed_members(sentence, top, context):
        if listed.predicate == "atkg:participant":
            proposals.append(Proposal(listed.body, listed.predicate, listed.member, listed.confidence))
        else:
            proposals.append(Proposal(listed.member, listed.predicate, listed.body, listed.confidence))

    stated = False
    for pattern, type_name, label_fr, label_en in _AGREEMENT_RE:
        match = pattern.search(sentence)
        if not match:
            continue
        if not (_SIGNED.search(sentence) or (type_name == "atkg:Partnership" and SET_UP.search(sentence))):
            break  # a partnership is set up; every other agreement is signed or concluded
        if _CONSENSUS.match(sentence, match.end()):
            break  # "un accord a été conclu sur la nécessité de...": parties agreeing, no agreement
        # "un accord conclu entre A et B": the parties are those after "entre"; a country
        # adjective ("des sociétés de presse néerlandaises") or a place ("en Inde") is not one
        between = re.compile(r"\bentre\b").search(sentence, match.end(), match.end() + 40)
        # "[...] un mémorandum d'accord portant sur la création d'un Centre de recherche": what it is
        # about names no party
        about = _ABOUT.search(sentence, match.end())
        named = [
            i
            for i in top
            if i.agent
            and not is_place(sentence, i)
            and (between is None or i.start >= between.end())
            and (about is None or i.start < about.start())
        ]
        parties = list(dict.fromkeys(i.slug for i in named))
        if len(parties) >= 2:
            stated = True
            _agreement(sentence, parties, type_name, label_fr, label_en, 0.7, nodes, proposals)
        break
    if not stated:  # "une coopération étroite entre A et B", "Les entités partenaires sont B, C"
        for partnership in stated_partnerships(sentence, top, context):
            _agreement(
                sentence,
                partnership.parties,
                "atkg:Partnership",
                "Partenariat",
                "Partnership",
                partnership.confidence,
                nodes,
                proposals,
            )

    events = [i for i in items if i.type == "atkg:Event"]
    for event in events:
        if _LANDMARK.search(sentence[: event.start]):
            continue  # "Avant le Forum de Vienne, [...] un forum parlementaire": when, not what
        # what follows the event up to the next one is about it ("les réunions du Comité, et [...]
        # du Forum de Vienne qui s'est tenu à Vienne du 13 au 15 février": the Forum's place, dates)
        scope = min((e.start for e in events if e.start > event.start), default=len(sentence))
        # the place after the event's name (or inside it: "deux réunions à New York"), else the one
        # printed just before it ("a accueilli à Tokyo en septembre 2006 la première réunion")
        others = [i for i in items if i is not event]
        places = [
            p
            for p in find_places(sentence, event.start, scope)
            if not any(i.start < p[1] and p[0] < i.end for i in others)
        ][:1] or [
            p
            for p in find_places(sentence, max(0, event.start - 60), event.start)
            if not any(i.start < p[1] and p[0] < i.end for i in others)
        ][-1:]
        for _, _, french, english in places:
            proposals.append(Proposal(event.slug, "atkg:placeName", f"{french}@fr", 0.6))
            if english:
                proposals.append(Proposal(event.slug, "atkg:placeName", f"{english}@en", 0.55))
            # a new event's State (one the graph has keeps the location curators gave it, or none)
            if (
                event.new
                and french in COUNTRY_OF
                and not any(i.country and i.start > event.start for i in items)
            ):
                country = f"country-{COUNTRY_OF[french]}"
                note = f"held in {french}, a city of {country}"
                proposals.append(Proposal(event.slug, "atkg:location", country, 0.45, note=note))
        span = date_range(sentence[event.start : scope])
        if span:
            proposals.append(Proposal(event.slug, "atkg:startDate", span[0], 0.6))
            proposals.append(Proposal(event.slug, "atkg:endDate", span[1], 0.6))
        else:
            # a range printed just before the event ("au Caire, les 11 et 12 janvier 2008, une
            # réunion") is read whole by kg.ingest.events, not as its last day
            before = sentence[max(0, event.start - 40) : event.start]
            ranged = date_range(sentence[max(0, event.start - 60) : event.start])
            when = first_date(sentence[event.start : scope]) or (None if ranged else first_date(before))
            if when:
                proposals.append(Proposal(event.slug, "atkg:startDate", when, 0.45))
        located = False
        for country in (
            i for i in items if i.country and event.start < i.start < scope and i.start - event.end <= 80
        ):
            proposals.append(Proposal(event.slug, "atkg:location", country.slug, 0.45))
            located = True
            break
        if (
            event.new
            and not located
            and not places
            and not _ABROAD.search(sentence[event.start : min(scope, event.end + 60)])
            # "a organisé, en Albanie, un atelier": kg.ingest.events reads that country
            and not any(
                i.country
                and 0 < event.start - i.end <= 40
                and re.search(r"\b(?:en|au|aux)\s*$", sentence[: i.start])
                for i in items
            )
        ):
            # "Le Bélarus a indiqué qu'un programme de formation [...]": a State's own event, in a
            # sentence (or a passage) about that State alone
            if sole_state:
                proposals.append(Proposal(event.slug, "atkg:location", sole_state, 0.4))
    # not initiatives: UN.GIFT, a hotline act and are based somewhere; curators never record one
    # as implemented in a State (none of the 57 implementedIn facts of 000-004)
    kinds = {"atkg:JointProgramme", "atkg:Campaign"}
    things = [i for i in items if i.type in kinds] or [i for i in context if i.type in kinds][-1:]

    # "dans le cadre de UN.GIFT en Afrique du Sud": the frame, not what is carried out there
    things = [
        t
        for t in things
        if not re.search(
            r"(?:dans\s+le\s+cadre|sous\s+les\s+auspices)\s+d[eu’']\S*\s*$",
            sentence[max(0, t.start - 40) : t.start],
            re.I,
        )
    ]
    for thing in things:
        for country in items:
            if (country.country or country.type == "atkg:Region") and country.start > thing.end:
                before = sentence[max(thing.end, country.start - 6) : country.start]
                if re.search(r"\b(?:au|en|aux|dans)\s*(?:l[’'])?\s*$", before):
                    proposals.append(Proposal(thing.slug, "atkg:implementedIn", country.slug, 0.5))
    # a new national campaign or plan, in a passage about exactly one State ("La Bulgarie a indiqué
    # que la campagne nationale [...]"): carried out in that State
    for thing in (i for i in items if i.new and i.type in {*kinds, "atkg:ActionPlan"}):
        if sole_state:
            proposals.append(Proposal(thing.slug, "atkg:implementedIn", sole_state, 0.4))
    national = {
        "atkg:GovernmentBody",
        "atkg:CoordinationMechanism",
        "org:Organization",
        "atkg:AcademicInstitution",
    }
    for body in (i for i in items if i.new and i.type in _NAMED_WITH_STATE):
        # "l'Association des chefs traditionnels du Niger", "la Compagnie nationale des chemins de fer
        # autrichiens": an association or a company is where its own name says, and only then
        inside = [i for i in items if i.country and body.start < i.start and i.end <= body.end]
        if inside and not _INTERNATIONAL.search(sentence[body.start : body.end]):
            proposals.append(Proposal(body.slug, "atkg:basedIn", inside[-1].slug, 0.5))
    named = [i for i in top if i.country and sentence[i.start : i.start + 1].isupper()]
    for body in (i for i in items if i.type in national and i.new):
        if _INTERNATIONAL.search(sentence[body.start : body.end]):
            continue  # "ECPAT International", "Union interparlementaire": not a State's body
        nearby = [i for i in items if i.country and -60 <= i.start - body.end <= 25 and i.start > body.start]
        if nearby:
            proposals.append(Proposal(body.slug, "atkg:basedIn", nearby[0].slug, 0.5))
            continue
        # "La Croatie a indiqué que le coordonnateur national...": the State the sentence (or the
        # paragraph) is about, when it names exactly one; or, when it names several, the last
        # State named before the body ("Le Japon a indiqué que [...] le Ministère", "En Hongrie, une
        # unité [...] tandis que [...] la police allemande, autrichienne"); a State
        # named in the same list ("Ukraine et Ligue des États arabes") is not where it is
        before = [i for i in named if i.end <= body.start]
        if before and re.fullmatch(
            r"\s*(?:,|et|,\s*et)\s*(?:de\s+|d[’']|du|des)?\s*(?:l[’']|le|la|les)?\s*",
            sentence[before[-1].end : body.start],
        ):
            before = []
        if sole_state:
            proposals.append(Proposal(body.slug, "atkg:basedIn", sole_state, 0.4))
        elif before:
            proposals.append(Proposal(body.slug, "atkg:basedIn", before[-1].slug, 0.4))

    for figure in find_figures(sentence):
        # what the sentence is about: its first named agent or thing before the figure ("La
        # Croatie a indiqué que [...] 65 victimes"), else after it, else the passage's first;
        # never a name inside the figure ("25 000 dollars des États-Unis")
        named = [
            i
            for i in top
            if (i.agent or i.type in _THINGS) and not (figure.start <= i.start <= figure.end + 6)
        ]
        before = [i for i in named if i.end <= figure.start]
        earlier = [i for i in context if i.agent or i.type in _THINGS]
        observed = observed_entity(sentence, figure.start, figure.end, named, earlier, _THINGS)
        confidence = 0.4
        cited = _CITED.search(sentence[: figure.start])
        if cited and not any(i.agent or i.type in _THINGS for i in before if i.start > cited.end()):
            # "Si les entreprises qui ont répondu à l'enquête [...], moins de 20 %", "D'après le
            # rapport, [...] (79 %)": the figure is about the publication last named or described
            pubs = [i for i in [*topic, *context, *before] if i.type == "atkg:Publication"]
            observed = pubs[-1:] or observed
        if not observed:
            observed = list(topic[-1:])  # what the document spoke of last (a figure about nothing
            confidence = 0.3  # named here: "Plus de 800 organisations se sont inscrites")
        if not observed:
            continue  # a figure about nothing named is not an observation we can record
        counter[0] += 1
        slug = f"obs-{doc}-{label}-{counter[0]}"
        measure, measure_fr, measure_en, unit = figure.measure
        text = sentence[figure.start : figure.end]
        nodes.append(NewNode(slug, "atkg:Observation", text, text, confidence))
        nodes.append(
            NewNode(
                f"measure-{measure}",
                "atkg:Measure",
                ("Part" if unit == "percent" else _number_of(measure_fr)),
                f"Number of {measure_en}" if unit != "percent" else "Share",
                confidence,
            )
        )
        proposals.append(Proposal(slug, "atkg:measure", f"measure-{measure}", confidence))
        proposals.append(Proposal(slug, "atkg:value", figure.value, confidence))
        proposals.append(Proposal(slug, "atkg:unit", unit, confidence))
        proposals.append(Proposal(slug, "atkg:observedEntity", observed[0].slug, confidence - 0.05))
        if figure.qualifier:
            proposals.append(Proposal(slug, "atkg:valueQualifier", figure.qualifier, confidence))
        if figure.period:
            proposals.append(Proposal(slug, "atkg:period", figure.period, confidence - 0.05))
        if figure.start_date:
            proposals.append(Proposal(slug, "atkg:startDate", figure.start_date, confidence - 0.05))
        if figure.end_date:
            proposals.append(Proposal(slug, "atkg:endDate", figure.end_date, confidence - 0.05))
    return proposals, nodes
