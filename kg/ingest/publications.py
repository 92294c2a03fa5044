"""Who published a publication and when; when a resolution was adopted.

"L'ONUDC a publié en février 2012 une stratégie", "le Rapport mondial de l'UNODC [...], publié en
février 2009", "la Loi type (publiée en 2009)", "la résolution 61/180 du 20 décembre 2006",
"la résolution 23/5 adoptée le 13 juin 2013 par le Conseil": the date at the precision printed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.ingest.dates import first_date

__all__ = ["publication_facts", "PUBLISHED"]

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
_OF = re.compile(r"^\s*,?\s*(?:de\s+(?:l[’']\s*|la\s+)?|du\s+|des\s+|d[’']\s*)$", re.I)
_RESOLUTION_DATE = re.compile(r"^\s*,?\s*(?:du|en\s+date\s+du|adoptée?\s+le|datée?\s+du)\s+", re.I)


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
    for resolution in (i for i in items if i.type in _RESOLUTIONS):
        tail = sentence[resolution.end : resolution.end + 60]
        if _RESOLUTION_DATE.match(tail):
            when = first_date(tail)
            if when:
                out.append((resolution.slug, "dcterms:date", when, 0.6))
    return out
