""" "Le Groupe", "l'Office", "le Comité": short names for the body the report named last.

UN reports name a body in full once ("le Groupe interinstitutions de coordination contre la
traite des personnes (ICAT)") and then call it by its head noun with a capital ("Le Groupe a tenu
deux réunions"). The document memory keeps what was named, in reading order; a capitalised head
noun after a determiner, not part of a longer name, refers to the latest entity whose French label
starts with that noun. Facts naming an entity this way carry a provenance note (the passage does
not print its label), as the curated data does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.ingest.textkey import label_key

__all__ = ["Reference", "DocumentMemory", "find_references", "is_bare_head"]

_HEADS = (
    "Groupe|Comité|Conseil|Office|Initiative|Fonds|Forum|Mécanisme|Réseau|Commission|Alliance|"
    "Partenariat|Programme|Campagne|Conférence|Équipe|Bureau|Institut|Organisation|Agence|Centre|"
    "Section|Service|Unité|Coalition|Plateforme|Observatoire|Secrétariat|Assemblée|Cellule|Protocole|Convention|"
    "Manuel|Rapport|Guide|Étude|Plan|Stratégie|Atelier|Séminaire|"
    "Task\\s+force"
)
_REFERENCE = re.compile(
    rf"\b(?:[Ll]e|[Ll]a|[Ll][’']\s*|[Dd]u|[Aa]u|[Dd]e\s+la|[Dd]e\s+l[’']\s*|à\s+la|à\s+l[’']\s*|[Cc]e|[Cc]et|[Cc]ette)\s*"
    rf"(?P<head>{_HEADS})\b"
    r"(?=\s*[,.;:)]|\s+(?:a|ont|est|sont|avait|avaient|sera|se|s[’']|qui|que|dont|lui|leur|en|de|du|des|pour|et|ou|"
    r"à|au|aux|dans|sur|par|avec|ne|n[’']|y|également|aussi|continue|continuera|poursuit|compte|comprend|"
    r"regroupe|rassemble|réunit|se\s+compose|a\s+été)\b)"
)


_BARE = re.compile(rf"(?:{_HEADS})(?:\s+(?:directeur|de\s+travail|consultatif|exécutif))?", re.I)


def is_bare_head(label: str) -> bool:
    """ "Groupe", "Comité directeur": a head noun alone is a reference, not a new body's name.

    >>> is_bare_head("Groupe"), is_bare_head("Groupe mondial sur la migration")
    (True, False)
    """
    return bool(_BARE.fullmatch(label.strip()))


_EVENTS = {"atkg:Event"}
_PUBLICATIONS = {"atkg:Publication"}
_PROGRAMMES = {"atkg:JointProgramme", "atkg:Campaign", "atkg:Initiative", "atkg:ActionPlan"}
_MECHANISMS = {"atkg:CoordinationMechanism", "org:OrganizationalCollaboration", "atkg:Partnership"}
# "cet atelier", "à cette réunion", "ce rapport": a demonstrative (or "ledit") and a common noun
# refer to the last thing of that kind the report named
_KINDS = {
    "atelier": _EVENTS,
    "réunion": _EVENTS,
    "conférence": _EVENTS,
    "séminaire": _EVENTS,
    "session": _EVENTS,
    "forum": _EVENTS,
    "manifestation": _EVENTS,
    "exposition": _EVENTS,
    "débat": _EVENTS,
    "sommet": _EVENTS,
    "rapport": _PUBLICATIONS,
    "publication": _PUBLICATIONS,
    "manuel": _PUBLICATIONS,
    "guide": _PUBLICATIONS,
    "série": _PUBLICATIONS,
    "étude": _PUBLICATIONS,
    "outil": _PUBLICATIONS,
    "document": _PUBLICATIONS,
    "programme": _PROGRAMMES,
    "campagne": _PROGRAMMES,
    "initiative": _PROGRAMMES,
    "projet": _PROGRAMMES,
    "plan": _PROGRAMMES,
    "groupe": _MECHANISMS,
    "comité": _MECHANISMS,
    "mécanisme": _MECHANISMS,
    "commission": _MECHANISMS,
    "réseau": _MECHANISMS,
    "partenariat": _MECHANISMS,
}
_DEMONSTRATIVE = re.compile(
    rf"\b(?:[Cc]e|[Cc]et|[Cc]ette|[Ll]edit|[Ll]adite)\s+(?P<noun>{'|'.join(_KINDS)})\b(?!\s+(?:de|d[’']|du|des)\b|\s+[a-zéè]+(?:aire|aux|al|ale|ique|iques|ienne|ien)\b)"
)


@dataclass(frozen=True)
class Reference:
    start: int
    end: int
    slug: str
    type: str
    text: str  # as printed: "Le Groupe"


@dataclass
class DocumentMemory:
    """Entities named so far in the document, latest last (slug, type, French label)."""

    seen: list[tuple[str, str, str]] = field(default_factory=list)

    def see(self, slug: str, type_name: str, label: str | None) -> None:
        if type_name == "atkg:Country" or not label:
            return
        entry = (slug, type_name, label)
        if entry in self.seen:
            self.seen.remove(entry)
        self.seen.append(entry)

    def latest(self, kinds: set[str]) -> tuple[str, str] | None:
        for slug, type_name, _ in reversed(self.seen):
            if type_name in kinds:
                return slug, type_name
        return None

    def resolve(self, head: str) -> tuple[str, str] | None:
        key = label_key(head.split()[0])
        for slug, type_name, label in reversed(self.seen):
            first = re.match(r"\s*([^\W\d_]+)", label)
            if first and label_key(first.group(1)) == key:
                return slug, type_name
        return None


def find_references(text: str, taken: list[tuple[int, int]], memory: DocumentMemory) -> list[Reference]:
    """References by head noun in ``text`` outside the spans already ``taken`` by names.

    >>> memory = DocumentMemory()
    >>> memory.see("icat", "atkg:CoordinationMechanism", "Groupe interinstitutions de coordination")
    >>> [(r.text, r.slug) for r in find_references("Le Groupe a tenu deux réunions.", [], memory)]
    [('Le Groupe', 'icat')]
    """
    out: list[Reference] = []
    for match in _REFERENCE.finditer(text):
        if any(a < match.end() and match.start("head") < b for a, b in taken):
            continue
        resolved = memory.resolve(match.group("head"))
        if resolved:
            out.append(Reference(match.start("head"), match.end("head"), *resolved, match.group(0)))
    for match in _DEMONSTRATIVE.finditer(text):
        if any(a < match.end() and match.start() < b for a, b in taken):
            continue
        resolved = memory.latest(_KINDS[match.group("noun").lower()])
        if resolved:
            out.append(Reference(match.start(), match.end(), *resolved, match.group(0)))
    return sorted(out, key=lambda r: r.start)
