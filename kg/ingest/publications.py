"""Who published a publication and when; when a resolution was adopted.

"L'ONUDC a publié en février 2012 une stratégie", "le Rapport mondial de l'UNODC [...], publié en
février 2009", "la Loi type (publiée en 2009)", "la résolution 61/180 du 20 décembre 2006",
"la résolution 23/5 adoptée le 13 juin 2013 par le Conseil": the date at the precision printed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.ingest.dates import first_date

__all__ = [
    "publication_facts",
    "described_publications",
    "described_name",
    "merge_described",
    "Described",
    "PUBLISHED",
]

PUBLISHED = {"atkg:Publication", "atkg:ActionPlan"}
_RESOLUTIONS = {"atkg:Resolution", "atkg:LegalInstrument"}
_ACTIVE = re.compile(
    r"\b(?:(?:a|ont|avait|avaient)\s+(?:\S+\s+){0,2}?(?:publi[ée]|élaboré|établi|produit|rédigé|"
    r"mis\s+au\s+point|diffusé|lancé|présenté|réalisé|achevé|terminé|conçu|préparé|développé)s?"
    r"|publie|publient|élaborent|produisent|préparent|établissent)\b",
    re.I,
)
_PASSIVE_DATE = re.compile(
    r"\b(?:publi[ée]e?s?|paru|parue|établie?s?|produite?s?|lancée?s?|élaborée?s?|adoptée?s?|diffusée?s?)"
    r"\s*,?\s*(?:\S+\s+){0,1}?(?:en|le|au|à\s+la\s+fin\s+de)\b",
    re.I,
)
_NOUN_DATE = re.compile(r"\b(?:publication|parution|lancement|adoption)\s*,?\s*(?:en|le)\b", re.I)
# "le Plan d'action mondial [...], qu'elle a adopté dans sa résolution 64/293 du 30 juillet 2010":
# the plan takes the date of the resolution that adopted it
_ADOPTED_IN = re.compile(
    r"^\s*,?\s*(?:qu[’']\s*(?:il|elle)s?\s+(?:a|ont)\s+|qui\s+a\s+été\s+|a\s+été\s+)?adopté(?:e|s|es)?"
    r"\s+(?:par\s+[^,;()]{3,60}?\s+)?dans\s+(?:sa|la|leur)\s+$",
    re.I,
)
# "Élaboré, lancé et diffusé par l'ONUDC en 2011, le manuel intitulé “First Aid Kit [...]”"
_OPENING_NAMED = re.compile(
    r"\s*(?:\d+\.\s*)?(?:[ÉE]labor|Lanc|Publi|[ÉE]tabli|Produit|Con[çc]u|R[ée]alis|Diffus|Pr[ée]sent)\w*"
    r"(?:\s*,\s*\w+)*(?:\s+et\s+\w+)?\s+(?:conjointement\s+)?par\b",
)
_OF = re.compile(r"^\s*,?\s*(?:de\s+(?:l[’']\s*|la\s+)?|du\s+|des\s+|d[’']\s*)$", re.I)
# "du 20 décembre 2006", "adoptée le 13 juin 2013", and after the body that adopted it: "2013/41 du
# Conseil économique et social, du 25 juillet 2013"
_RESOLUTION_DATE = re.compile(
    r"^\s*,?\s*(?:(?:du|de\s+l[’']\s*|de\s+la)\s*[A-ZÉ][^,;()\d]{4,60},\s*)?"
    r"(?:du|en\s+date\s+du|adoptée?\s+le|datée?\s+du)\s+(?=1er|\d)",
    re.I,
)


def publication_facts(sentence: str, items: Sequence) -> list[tuple[str, str, str, float]]:
    """(subject, predicate, object, confidence) for publications and resolutions in a sentence."""
    out: list[tuple[str, str, str, float]] = []
    items = sorted(items, key=lambda i: i.start)
    publications = [i for i in items if i.type in PUBLISHED]
    for pub in publications:
        # "le rapport de l'ONUDC", "les Principes directeurs du Fonds [...]"
        agent = next((i for i in items if i.start >= pub.end and i.agent), None)
        if agent and _OF.match(sentence[pub.end : agent.start]):
            out.append((pub.slug, "atkg:publishedBy", agent.slug, 0.55))
    for match in _ACTIVE.finditer(sentence):
        pub = next((i for i in publications if i.start >= match.end()), None)
        if pub is None or len(sentence[match.end() : pub.start]) > 60:
            continue
        clause = max((m.end() for m in re.finditer(r"[;:]", sentence[: match.start()])), default=0)
        agents = [i for i in items if clause <= i.start and i.end <= match.start() and i.agent]
        if not agents or match.start() - agents[-1].end > 40:
            continue  # the authors are the subject right before the verb ("L'OIT et l'UNICEF ont élaboré")
        agents = [a for k, a in enumerate(agents) if all(a.slug != b.slug for b in agents[:k])][-5:]
        for agent in agents:
            out.append((pub.slug, "atkg:publishedBy", agent.slug, 0.6))
        when = first_date(sentence[match.start() : pub.start])
        if when:
            out.append((pub.slug, "dcterms:date", when, 0.55))
    for pattern in (_PASSIVE_DATE, _NOUN_DATE):
        for match in pattern.finditer(sentence):
            before = [i for i in publications if i.end <= match.start() and match.start() - i.end <= 120]
            after = [i for i in publications if i.start >= match.end() and i.start - match.end() <= 40]
            pub = (after[:1] if pattern is _NOUN_DATE else []) or before[-1:] or after[:1]
            when = first_date(sentence[match.start() : match.end() + 30])
            if pub and when:
                out.append((pub[0].slug, "dcterms:date", when, 0.55))
    opening = _OPENING_NAMED.match(sentence)
    if opening:
        pub = next((i for i in publications if i.start >= opening.end()), None)
        when = (
            first_date(sentence[opening.end() : pub.start])
            if pub and pub.start - opening.end() <= 150
            else None
        )
        if pub and when:
            out.append((pub.slug, "dcterms:date", when, 0.55))
    for resolution in (i for i in items if i.type in _RESOLUTIONS):
        tail = sentence[resolution.end : resolution.end + 60]
        if _RESOLUTION_DATE.match(tail):
            when = first_date(tail)
            if when:
                out.append((resolution.slug, "dcterms:date", when, 0.6))
                adopted = [i for i in publications if i.end <= resolution.start]
                if adopted and _ADOPTED_IN.match(sentence[adopted[-1].end : resolution.start]):
                    out.append((adopted[-1].slug, "dcterms:date", when, 0.55))
    return out


# --- publications the text describes rather than names ------------------------------------------
# "l'OIT a mis au point un manuel [...]", "le Pacte mondial, l'OIT et UN.GIFT ont conçu [...] une
# enquête du secteur privé sur la traite", "du rapport du Secrétaire général sur [...]": curators
# record these as publications (pub-...) or plans (plan-...) labelled from the description. A
# description becomes a proposed entity only together with who produced it (the subject of the
# verb, or "de"/"du" + a named agent right after the head noun): a bare "un rapport" is not proposed.
_HEAD = (
    r"(?:rapports?|[ée]tudes?|enqu[êe]tes?|manuels?|guides?|outils?|notes?\s+(?:verbales?|consultatives?)"
    r"|directives|principes\s+directeurs|documents?|publications?|s[ée]ries?\s+de\s+\w+"
    r"|bases?\s+de\s+donn[ée]es|sites?\s+web|mat[ée]riels?|brochures?|recueils?|cursus|registres?"
    r"|[ée]valuations?|documentaires?|strat[ée]gies?|plans?\s+d[’']\s*action)"
)
_PLANS = re.compile(r"(?:strat[ée]gies?|plans?\s+d[’']\s*action)\b", re.I)
_DETERMINER = (
    r"(?:un\s+certain\s+nombre\s+de|de\s+nombreu(?:x|ses)|plusieurs|divers(?:es)?|une?|des|les?|la|l[’']\s*"
    r"|ses|leurs?|son|sa)\s+"
)
_ORDINAL = r"(?:(?:prochain|premier|nouveau|nouvelle|deuxième|troisième|seconde?)\s+)?"
_DESCRIBED = re.compile(rf"\b{_DETERMINER}{_ORDINAL}({_HEAD})\b", re.I)
_OF_HEAD = re.compile(
    rf"\b(?:l[’']\s*|les?\s+|la\s+|du\s+|des\s+|aux?\s+){_ORDINAL}({_HEAD})((?:\s+[a-zà-ÿ’'-]+){{0,3}}?)"
    r"\s+(?:de\s+l[’']\s*|de\s+la\s+|du\s+|des\s+|de\s+|d[’']\s*)$",
    re.I,
)
_MAKE = re.compile(
    r"\b(?:(?:a|ont|avait|avaient)\s+(?:\S+\s+){0,2}?(?:publi[ée]|élaboré|établi|produit|rédigé|défini"
    r"|mis\s+au\s+point|conçu|préparé|développé|envoyé|terminé|achevé|réalisé)s?"
    r"|publie|publient|élaborent|élabore|produisent|préparent|établissent)\b",
    re.I,
)
# a participle opening the sentence, its agents, then what it describes
_OPENING = re.compile(
    r"\s*(?:\d+\.\s*)?(?:Lancée?s?|Élaborée?s?|Publiée?s?|Établie?s?|Produite?s?|Conçue?s?|Réalisée?s?"
    r"|Mise?s?\s+au\s+point)(?:\s+et\s+\w+)?\s+(?:conjointement\s+)?par\b",
)
# where a described name ends: punctuation, a relative pronoun, a purpose or a participle clause
_NAME_END = re.compile(
    r"[,;:()“”«»]|\.(?:\s|$)|\s(?:qui|que|qu[’']|dont|afin|lequel|laquelle|lesquels|lesquelles|où|intitulée?s?"
    r"|permettant|visant|destinée?s?|contenant|présentant|en\s+vue|avec|lors|depuis|pendant|et\s+(?:a|ont)"
    r"|aux\s+fins|à\s+l[’']\s*intention|à\s+l[’']\s*usage|à\s+partir|tant"
    r"|a\s+été|ont|est|sont|sera|seront|avait|avaient)\b",
    re.I,
)
_TRAILING = re.compile(r"(?:\s+(?:de|des|du|la|le|les|l[’']|d[’']|et|à|au|aux|en|sur|pour|par))+\s*$", re.I)


@dataclass(frozen=True)
class Described:
    """A publication or plan the sentence describes: its node and who produced it."""

    slug: str
    type: str
    label: str  # as written, first letter capitalised
    start: int
    agents: tuple[str, ...]
    date: str | None
    end: int = 0  # where the printed name ends (the label may add the State: "... (Japon)")


def _name_end(sentence: str, start: int, items: Sequence) -> int:
    """The end of a described name starting at ``start``: the first boundary, a named agent or
    thing included whole (their names may hold commas), at most 14 words besides such names."""
    position = start
    while True:
        stop = _NAME_END.search(sentence, position)
        end = stop.start() if stop else len(sentence)
        inside = [i for i in items if i.start < end < i.end]
        if not inside:
            break
        position = max(i.end for i in inside)
    outside = [
        w
        for w in re.finditer(r"\S+", sentence[start:end])
        if not any(i.start <= start + w.start() < i.end for i in items)
    ]
    if len(outside) > 14:  # at most 14 words of description, names not counted, none cut
        end = start + outside[13].end()
    label = _TRAILING.sub("", sentence[start:end].rstrip())
    return start + len(label)


def _label(text: str) -> str:
    text = " ".join(text.replace("’", "'").split()).replace("'", "’")
    return text[:1].upper() + text[1:]


def described_name(sentence: str, start: int, items: Sequence) -> tuple[int, str]:
    """(end, label) of the description starting at ``start`` (kg.ingest.campaigns uses it too)."""
    end = _name_end(sentence, start, items)
    return end, _label(sentence[start:end])


def _node(label: str, type_name: str, suffix: str = "") -> str:
    from kg.ingest.slugs import TYPE_PREFIX, slugify

    prefix = TYPE_PREFIX[type_name]
    return prefix + (f"{suffix}-" if suffix else "") + slugify(label)


def described_publications(sentence: str, items: Sequence) -> list[Described]:
    """Publications and plans a sentence describes, with who made them (see the comment above)."""
    items = sorted(items, key=lambda i: i.start)
    named = [i for i in items if i.type in PUBLISHED]
    out: list[Described] = []

    def add(head_start: int, agents: list, clause_start: int) -> None:
        if any(i.start <= head_start < i.end + 3 for i in named):
            return  # the publication is named: the rules above read it
        end, label = described_name(sentence, head_start, items)
        if len(label) < 5 or any(d.start == head_start for d in out):
            return
        if re.match(r"\s*,?\s*intitulée?s?\b", sentence[end:], re.I):
            return  # "un manuel intitulé Combattre le travail forcé": the title names it
        type_name = "atkg:ActionPlan" if _PLANS.match(label) else "atkg:Publication"
        when = first_date(sentence[clause_start:head_start])
        slugs = [a.slug for k, a in enumerate(agents) if all(a.slug != b.slug for b in agents[:k])]
        head = sentence[head_start:end].split()[0].lower()
        if len(slugs) > 1 and head.endswith(("s", "x")) and all(a.country for a in agents):
            # "Maurice et le Niger ont élaboré des plans d'action nationaux": one plan per State
            for agent in agents:
                iso = agent.slug.removeprefix("country-").lower()
                own = f"{label} ({sentence[agent.start : agent.end]})"  # as curators label them
                out.append(
                    Described(
                        _node(label, type_name, iso), type_name, own, head_start, (agent.slug,), when, end
                    )
                )
            return
        if len(agents) == 1 and agents[0].country:  # a State's own: "Directives [...] (Estonie)"
            iso = agents[0].slug.removeprefix("country-").lower()
            own = f"{label} ({sentence[agents[0].start : agents[0].end]})"
            out.append(
                Described(_node(label, type_name, iso), type_name, own, head_start, tuple(slugs), when, end)
            )
            return
        out.append(Described(_node(label, type_name), type_name, label, head_start, tuple(slugs), when, end))

    for match in _MAKE.finditer(sentence):
        clause = max((m.end() for m in re.finditer(r"[;:]", sentence[: match.start()])), default=0)
        agents = [i for i in items if clause <= i.start and i.end <= match.start() and i.agent]
        if not agents or match.start() - agents[-1].end > 40:
            continue
        agents = [
            a for a in agents if not any(b is not a and b.start <= a.start and a.end <= b.end for b in agents)
        ]
        described = _DESCRIBED.search(sentence, match.end(), match.end() + 80)
        if described is None or re.search(r"[.;]", sentence[match.end() : described.start()]):
            continue
        if any(match.end() <= i.start < described.start() for i in items):
            continue  # the verb governs something named before the description
        add(described.start(1), agents[-5:], clause)
    opening = _OPENING.match(sentence)
    if opening:  # "Lancée par l'ONUDC en octobre 2011, la base de données de jurisprudence [...]"
        described = _DESCRIBED.search(sentence, opening.end(), opening.end() + 120)
        if described and sentence[: described.start()].rstrip().endswith(","):
            agents = [i for i in items if opening.end() <= i.start and i.end <= described.start() and i.agent]
            if agents:
                add(described.start(1), agents[-5:], 0)
    for agent in (i for i in items if i.agent):
        before = sentence[max(0, agent.start - 90) : agent.start]
        of = _OF_HEAD.search(before)
        if of is None:
            continue
        head_start = agent.start - len(before) + of.start(1)
        clause = max((m.end() for m in re.finditer(r"[;:]", sentence[:head_start])), default=0)
        if not any(d.start == head_start for d in out):
            add(head_start, [agent], clause)
    return out


def merge_described(
    text: str, entities: list[dict], facts: list[dict], described: set[str]
) -> dict[str, str]:
    """A description and a title of one publication in a passage ("ont établi [...] un guide [...].
    Intitulée Combattre la traite des personnes: Guide à l'usage des parlementaires, cette
    publication"): when exactly one publication or campaign the passage names after the description
    has the described one's head noun in or just before its name, the description's facts are about
    it, and the described node is dropped (``entities`` and ``facts``, one passage's candidates, are
    changed in place). Returns the dropped slugs with the slug that took their facts."""
    from kg.ingest.queue import candidate_id

    merged: dict[str, str] = {}
    kinds = PUBLISHED | {"atkg:Campaign"}
    named = [
        c
        for c in entities
        if c["kind"] == "entity" and c["type"] in kinds and c["proposed_slug"] not in described
    ]
    folded = text.replace("’", "'").lower()
    for node in [c for c in entities if c["proposed_slug"] in described]:
        head = node["labels"]["fr"].split()[0].lower().rstrip("sx")
        here = folded.find(node["text"].replace("’", "'").lower().split(" (")[0])
        same = set()
        for title in named:
            name = title["text"].replace("’", "'").lower()
            at = folded.find(name, here + 1)
            if (
                here >= 0
                and at > here
                and title["type"] == node["type"]
                and head in folded[max(0, at - 30) : at + len(name)]
            ):
                same.add(title["entity"] or title["proposed_slug"])
        if len(same) != 1:
            continue
        [slug] = same
        merged[node["proposed_slug"]] = slug
        entities.remove(node)
        for fact in facts:  # either end: a figure may be about the described publication
            if node["proposed_slug"] not in (fact["subject"], fact["object"]):
                continue
            for end in ("subject", "object"):
                if fact[end] == node["proposed_slug"]:
                    fact[end] = slug
            fact["id"] = candidate_id(
                "fact", fact["passage"], fact["subject"], fact["predicate"], fact["object"]
            )
    return merged
