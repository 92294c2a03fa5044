"""The curation checks every edit, ``atkg validate`` and ``atkg build`` share.

Each check reads quads and returns ``kg.build.Finding`` rows whose detail names the fact at fault
and says how to fix it. They can run on the whole graph (build, validate) or only around the
nodes an edit touched (``focus``), which is what keeps a one-fact edit under a second:

- ``domain`` / ``range``: the subject and object of a fact belong to the classes the property
  calls for, subclasses included (``kg.curation.schema``);
- ``self-membership``: nothing is a member, chair, coordinator or part of itself;
- ``citation``: the passage a fact sits in mentions every entity of the fact (``kg.citations``),
  unless an ``atkg:provenanceNote`` says how it names it indirectly;
- ``ambiguous-label`` (edits only): a label an edit adds is not, folded for case and accents,
  already the name of another entity.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from kg.build import Finding
from kg.curation.schema import Schema
from kg.namespace import ATKG, GRAPH_INFERRED, GRAPH_ONTOLOGY, GRAPH_PROVENANCE, ID, ORG, shorten
from kg.rdfio import Quad

__all__ = [
    "fact_findings",
    "citation_findings",
    "label_findings",
    "curation_findings",
    "fact_text",
    "SELF_RELATIONS",
]

SELF_RELATIONS = frozenset(
    {
        ORG.memberOf,
        ORG.hasMember,
        ORG.subOrganizationOf,
        ATKG.chairs,
        ATKG.coordinates,
        ATKG.observerOf,
        ATKG.party,
        ATKG.partner,
    }
)
_NOT_FACTS = {GRAPH_ONTOLOGY, GRAPH_PROVENANCE, GRAPH_INFERRED}
_NAMES = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, ATKG.iso3166Alpha3, ATKG.iso3166Alpha2)


def fact_text(quad: Quad) -> str:
    """``ilo org:memberOf country-RWA [000 §11]``: a fact as a maintainer typed it."""
    s, p, o, g = quad
    where = shorten(g)
    if where.startswith("passage-"):
        _, key, label = where.split("-", 2)
        where = f"{key} §{label}"
    else:
        where = where.removeprefix("graph-")
    obj = shorten(o) if isinstance(o, URIRef) else f'"{o}"'
    return f"{shorten(s)} {shorten(p)} {obj} [{where}]"


def _classes(names: Iterable[URIRef]) -> str:
    return " or ".join(sorted(shorten(n) for n in names)) or "no class"


def _types(quads: Iterable[Quad]) -> dict[URIRef, set[URIRef]]:
    types: dict[URIRef, set[URIRef]] = defaultdict(set)
    for s, p, o, _ in quads:
        if p == RDF.type and isinstance(o, URIRef):
            types[s].add(o)
    return types


def fact_findings(schema: Schema, quads: Iterable[Quad], focus: set | None = None) -> list[Finding]:
    """Domain, range and self-membership findings on the facts that mention a focus node."""
    quads = list(quads)
    types = _types(quads)
    findings: set[Finding] = set()
    members: dict[URIRef, dict[URIRef, object]] = defaultdict(dict)
    for quad in quads:
        s, p, o, g = quad
        if g in _NOT_FACTS or p == RDF.type:
            continue
        if focus is not None and s not in focus and o not in focus:
            continue
        if p in (ORG.member, ORG.organization):
            members[s][p] = o
        if p in SELF_RELATIONS and s == o:
            findings.add(
                Finding(
                    "self-membership",
                    f"{fact_text(quad)}: {shorten(s)} cannot be related to itself by {shorten(p)}; "
                    "check the subject and the object",
                )
            )
        sides = [("domain", "a subject", s, schema.domains, "the direction of the fact or the subject's")]
        if p in schema.object_properties and isinstance(o, URIRef):
            sides.append(("range", "an object", o, schema.ranges, "the object or its"))
        for check, role, node, table, fix in sides:
            for required in table.get(p, ()):
                if types.get(node) and not schema.is_a(types[node], required):
                    findings.add(
                        Finding(
                            check,
                            f"{fact_text(quad)}: {shorten(p)} needs {role} that is {_classes(required)}, "
                            f"and {shorten(node)} is {_classes(types[node])}; check {fix} class "
                            "(atkg entity edit --set-type)",
                        )
                    )
    for node, roles in members.items():
        if roles.get(ORG.member) is not None and roles.get(ORG.member) == roles.get(ORG.organization):
            findings.add(
                Finding(
                    "self-membership",
                    f"{shorten(node)}: member and organization are both {shorten(roles[ORG.member])}; "
                    "check the subject and the object",
                )
            )
    return sorted(findings)


def citation_findings(
    quads: Iterable[Quad], texts: Mapping[URIRef, str], graphs: set | None = None
) -> list[Finding]:
    """Facts whose passage does not mention one of their entities (``atkg check-provenance``)."""
    from kg.citations import check_citations

    if graphs is not None:
        texts = {g: t for g, t in texts.items() if g in graphs}
    out = []
    for f in check_citations(quads, texts):
        out.append(
            Finding(
                "citation",
                f"{f.passage}: {f.subject} {f.predicate} -> {f.entity}: {f.reason}; cite a passage "
                'that names it, or explain the indirect mention with --note "why"',
            )
        )
    return out


def _name_index(quads: Iterable[Quad]) -> dict[str, set[URIRef]]:
    from kg.textmatch import fold

    index: dict[str, set[URIRef]] = defaultdict(set)
    for s, p, o, g in quads:
        if g in _NOT_FACTS or not isinstance(s, URIRef) or not str(s).startswith(str(ID)):
            continue
        if p in _NAMES and isinstance(o, Literal):
            index[fold(str(o)).strip()].add(s)
    return index


def label_findings(before: Iterable[Quad], after: Iterable[Quad], focus: set) -> list[Finding]:
    """Labels an edit gave a focus node that, folded, already name another entity (or its slug)."""
    from kg.textmatch import fold

    before, after = set(before), set(after)
    if not any(q[1] in _NAMES and q[0] in focus for q in after - before):
        return []
    old = _name_index(before)
    new = _name_index(after)
    slugs: dict[str, set[URIRef]] = defaultdict(set)
    typed = {q[0] for q in after if q[1] == RDF.type}
    merged = {q[0] for q in after if q[1] == DCTERMS.isReplacedBy} - typed  # merge redirects
    for s, _, _, g in after:
        if g not in _NOT_FACTS and isinstance(s, URIRef) and str(s).startswith(str(ID)) and s not in merged:
            slugs[fold(str(s)[len(str(ID)) :]).strip()].add(s)
    findings = []
    for key, nodes in sorted(new.items()):
        grown = nodes - old.get(key, set())
        for node in sorted(grown & focus):
            others = sorted((nodes | slugs.get(key, set())) - {node})
            if others:
                findings.append(
                    Finding(
                        "ambiguous-label",
                        f"'{key}' would name both {shorten(node)} and "
                        f"{', '.join(shorten(o) for o in others)}; "
                        "choose a label that tells them apart, or merge them (atkg entity merge)",
                    )
                )
    return findings


def curation_findings(ontology: list[Quad], quads: list[Quad], texts: Mapping[URIRef, str]) -> list[Finding]:
    """Every curation finding of a whole graph (build and validate)."""
    schema = Schema.from_quads(ontology)
    return sorted(set(fact_findings(schema, quads) + citation_findings(quads, texts)))
