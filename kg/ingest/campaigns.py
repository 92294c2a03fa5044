"""Campaigns a State or a body reports without naming them: who ran them, or where.

"La Roumanie, par exemple, a élaboré une campagne qui s'adresse aux personnes [...]", "Le Japon a
mené diverses initiatives de sensibilisation du public en 2007", "UN.GIFT mène des campagnes axées
sur l'industrie du voyage": curators record each as a campaign (campaign-...) labelled from the
description, ``atkg:launchedBy`` the subject. When the text only reports that a campaign took place
("Les Philippines ont fait mention d'une campagne de sensibilisation menée par l'intermédiaire
d'ONG", "Au Qatar, les campagnes de sensibilisation visent [...]", "une campagne [...] a été lancée
en 2006" in a passage about the Netherlands), the State is where it ran: ``atkg:implementedIn``.
A description with neither an agent nor a State is not proposed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.ingest.dates import first_date
from kg.ingest.publications import described_name

__all__ = ["DescribedCampaign", "described_campaigns"]

_CAMPAIGN = re.compile(
    r"\b(?:une?|des|les|la|l[’']\s*|aux|ses|leurs?|sa|diverses|plusieurs|de\s+nombreuses)\s+"
    r"(campagnes?|initiatives?\s+de\s+sensibilisation)\b",
    re.I,
)
# the subject ran it: a verb of doing between the subject and the campaign, or "gouvernementales"
_RAN = re.compile(
    r"\b(?:élaboré|mené|mène|mènent|lancé|lancement|poursuivre|poursuit|poursuivent|organisé"
    r"|conduit|réalisé|entrepris|gouvernementales?)\b",
    re.I,
)
# a finite verb ends the description ("les campagnes de sensibilisation visent [...]")
_VERB = re.compile(
    r"\s(?:vise|visent|cible|ciblent|est|sont|a|ont|était|étaient|permet|permettent|permettra|doit|doivent"
    r"|peut|peuvent|comprend|comprennent|consiste|consistent|financée?s?|soutenue?s?)\b",
    re.I,
)
# the subject opens the sentence or its clause, after at most an adverbial ("En 2007, ", "Au ")
_SUBJECT = re.compile(r"^\s*(?:\d+\.\s*)?(?:[^,]{0,40},\s*)?(?:Au|Aux|En|Le|La|Les|L[’'])?\s*$")
_BY_OTHERS = re.compile(
    r"\b(?:été\s+)?(?:menée?s?|lancée?s?|organisée?s?|conduite?s?|produite?s?)\s+par\s+des?\b", re.I
)
_WHERE = re.compile(r"^\s*(?:\d+\.\s*)?(?:Au|Aux|En)\s+$", re.I)
_PASSIVE = re.compile(r"^\s*(?:a|ont)\s+été\s+(?:lancée?s?|menée?s?|organisée?s?)\b", re.I)


@dataclass(frozen=True)
class DescribedCampaign:
    slug: str
    label: str
    start: int
    predicate: str  # atkg:launchedBy or atkg:implementedIn
    agent: str
    date: str | None


def described_campaigns(sentence: str, items: Sequence, context: Sequence = ()) -> list[DescribedCampaign]:
    """Campaigns ``sentence`` describes, each with its agent or State (see the module docstring).
    ``context``: what the passage's earlier sentences named (the State a passage is about)."""
    items = sorted(items, key=lambda i: i.start)
    out: list[DescribedCampaign] = []
    for match in _CAMPAIGN.finditer(sentence):
        start = match.start(1)
        if any(i.start <= start < i.end for i in items):
            continue  # named ("la Campagne Cœur bleu"): the general rules read it
        end, label = described_name(sentence, start, items)
        verb = _VERB.search(sentence, start, end)
        if verb:  # "les campagnes de sensibilisation visent les travailleurs": the name ends there
            end = start + len(sentence[start : verb.start()].rstrip())
            label = label[: end - start]
        tail = sentence[end : end + 40]
        if re.match(r"\s*[“«\"]", tail) or any(
            end <= i.start < end + 3 and i.type == "atkg:Campaign" for i in items
        ):
            continue  # "la campagne “Start Freedom”": named
        clause = max((m.end() for m in re.finditer(r"[;:]", sentence[:start])), default=0)
        before = [i for i in items if clause <= i.start and i.end <= start and i.agent]
        subject = before[0] if before and _SUBJECT.match(sentence[clause : before[0].start]) else None
        if subject is not None and any(i.agent and i is not subject for i in before):
            subject = None  # someone else is named in between: not the subject's own campaign
        when = first_date(sentence[clause:end])
        if subject is not None:
            framed = _WHERE.match(sentence[: subject.start])
            if _BY_OTHERS.search(sentence[start : end + 40]):
                continue  # "des campagnes [...] ont été menées par des ONG": not the subject's
            ran = _RAN.search(sentence[subject.end : start]) or _RAN.search(label)
            if framed and subject.country:
                predicate = "atkg:implementedIn"
            elif ran:
                predicate = "atkg:launchedBy"
            elif subject.country:
                predicate = "atkg:implementedIn"
            else:
                continue
            agent = subject.slug
        elif _PASSIVE.match(tail) and not _BY_OTHERS.search(sentence[start : end + 40]):
            states = [i for i in context if i.country]
            if not states:
                continue
            predicate, agent = "atkg:implementedIn", states[0].slug
        else:
            continue
        iso = agent.removeprefix("country-").lower() if agent.startswith("country-") else ""
        if iso:  # curators name a State's campaign with the State: "Campagne [...] (Roumanie)"
            state = next(i for i in [*items, *context] if i.slug == agent)
            where = sentence if state in items else ""
            label = f"{label} ({where[state.start : state.end]})" if where else label
        from kg.ingest.slugs import slugify

        slug = "campaign-" + (f"{iso}-" if iso else "") + slugify(label)
        if all(d.slug != slug for d in out):
            out.append(DescribedCampaign(slug, label, start, predicate, agent, when))
    return out
