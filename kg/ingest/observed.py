"""What a figure is about: the entity an observation observes ("La Croatie a indiqué que [...] 65
victimes" -> Croatia; "la Pacific Asia Travel Association, qui compte 250 membres" -> the
association; "Organisée par l'OSCE, elle a réuni 90 participants" -> the conference, not the OSCE).

The entity the sentence is about comes first, not the one that reports, funds or runs it: a name
introduced by "par", "selon", "d'après", "avec l'appui de" is the source or the agent of something
else. After the figure, a State named as where the people counted come from or go to ("200 élèves
d'Australie", "vers des pays comme la Belgique") is not what is counted.
"""

from __future__ import annotations

import re
from typing import Protocol, TypeVar

__all__ = ["observed_entity"]


class _Named(Protocol):
    start: int
    end: int
    type: str

    @property
    def country(self) -> bool: ...


N = TypeVar("N", bound=_Named)

# articles, with the OCR's "I’" for "l’" ("par I’OSCE")
_ARTICLE = r"(?:[lI][’']\s*|le\s+|la\s+|les\s+|du\s+|de\s+la\s+|de\s+[lI][’']\s*|des\s+|d[’']\s*|de\s+)?"
# what separates the names of a list ("par l'OSCE et l'OCEMN", "la Belgique, Chypre et l'Italie")
_LIST_GAP = re.compile(rf"^\s*(?:,|\bet\b|\bou\b)?\s*{_ARTICLE}$", re.I)
# "mise en place par l'OIM", "selon l'OIM", "avec l'appui financier de l'OSCE", "Organisée par l'OSCE et
# l'OCEMN": who made, said or paid, not what the figure counts
_SOURCE = re.compile(
    r"(?:\bpar|(?:\bselon|\bd[’']après)(?:\s+(?:les|des)\s+(?:données|chiffres|statistiques|informations)\s+d\S*)?"
    r"|\bappui(?:\s+\w+)?\s+d[eu’']|\bconcours\s+d[eu’']|\baide\s+d[eu’']|\bdirection\s+d[eu’'])\s*"
    rf"{_ARTICLE}$",
    re.I,
)
# "qui compte 250 membres", "qui regroupe 46 agences", "partenariat de 33 femmes": the name just before
_RELATIVE = re.compile(
    r"(?:\bqui\s+(?:compte|comptait|regroupe|regroupait|réunit|rassemble|comprend|représente)"
    r"|\bcomposée?s?\s+de|\bd[’']\s*environ|,\s*\w+\s+\w*\s*de)\s+"
    r"(?:plus\s+de\s+|près\s+de\s+|environ\s+|quelque\s+|au\s+moins\s+)?$",
    re.I,
)
# "Il a réuni 35 enquêteurs", "Organisée par l'OSCE, elle a réuni 90 participants": a subject pronoun
_PRONOUN = re.compile(r"(?:^\s*(?:\d+\.\s*)?|[,;]\s*)(?:Il|Elle|il|elle)\s[^,;:()]*$")
# "Des délégations de 19 États y ont participé": the event the passage spoke of
_THERE = re.compile(r"\by\s+(?:ont|a|avaient|avait)\s+(?:participé|assisté|pris\s+part)\b")
# "l'opération « Filet bleu », qui a permis d'identifier 87 victimes": the name the relative follows
_WHICH = re.compile(r"^[\s»”\")]*,?\s*(?:qui|à\s+laquelle|auquel|auxquel(?:le)?s|où|dont)\s[^,;:()]*$")
# "La Roumanie a signalé que [...] le Comité central [...] a sensibilisé 980 700 personnes": the
# State reports, the body it names acts
_REPORTS = re.compile(
    r"^\s*a\s+(?:signalé|indiqué|déclaré|mentionné|précisé|noté|fait\s+savoir|souligné|rapporté)\s+qu",
    re.I,
)
_PROVENANCE = re.compile(rf"(?:\bde|\bd[’']|\bdu|\bdes|\bvers|\bcomme|\ben|\bau|\baux)\s*{_ARTICLE}$", re.I)


def _sources(sentence: str, named: list[N]) -> set[int]:
    """Positions (starts) of the names introduced as a source or an agent, with those listed after
    them ("par l'OSCE et l'OCEMN")."""
    out: set[int] = set()
    ordered = sorted(named, key=lambda i: i.start)
    for k, item in enumerate(ordered):
        before = sentence[max(0, item.start - 45) : item.start]
        if item.country:  # "accueillie par le Gouvernement roumain": the adjective's noun
            before = re.sub(r"\w+\s+$", "", before)
        if _SOURCE.search(before):
            out.add(item.start)
        elif k and ordered[k - 1].start in out and _LIST_GAP.match(sentence[ordered[k - 1].end : item.start]):
            out.add(item.start)
    return out


def observed_entity(
    sentence: str, start: int, end: int, named: list[N], earlier: list[N], things: set[str]
) -> list[N]:
    """The entity (as a one-item list, or empty) a figure at ``sentence[start:end]`` is about.
    ``named``: agents and things of the sentence, outside the figure; ``earlier``: those of the
    passage's earlier sentences; ``things``: the types that are things, not agents."""
    sources = _sources(sentence, named)
    nearest = [i for i in named if i.end <= start][-1:]
    if nearest and (
        _RELATIVE.search(sentence[nearest[0].end : start]) or _WHICH.match(sentence[nearest[0].end : start])
    ):
        return nearest
    before = [i for i in named if i.end <= start and i.start not in sources]
    if len(before) > 1 and before[0].country and _REPORTS.match(sentence[before[0].end :]):
        # the body the reported clause is about: the subject of the verb that governs the figure
        acting = [i for i in before[1:] if not i.country and not re.search(r"[,;:]", sentence[i.end : start])]
        return acting[:1] or before[:1]
    if before:
        return before[:1]
    if _THERE.search(sentence, start):
        events = [i for i in earlier if i.type == "atkg:Event"]
        if events:
            return events[-1:]
    clause = sentence[max((m.end() for m in re.finditer(r"[;:]", sentence[:start])), default=0) : start]
    if _PRONOUN.search(clause):
        # what the passage last spoke of: a thing if it named one, else its last body
        spoken = [i for i in earlier if i.type in things] or [i for i in earlier if not i.country]
        if spoken:
            return spoken[-1:]
    after, away, previous = [], False, end
    for i in (i for i in named if i.start >= end and i.start not in sources):
        gap = sentence[max(end, i.start - 40) : i.start]
        # "vers des pays comme la Belgique, Chypre et l'Italie": the list goes on from where it began
        listed = away and bool(_LIST_GAP.match(sentence[previous : i.start]))
        away, previous = i.country and (bool(_PROVENANCE.search(gap)) or listed), i.end
        if not away:
            after.append(i)
    return after[:1] or earlier[:1]
