"""The hand-made golds of our written reports hold only what the graph and the vocabulary can hold.

A gold names known entities by the slugs of the real curated graph, new entities with a class of
the ontology, facts with predicates the vocabulary defines, dates at a precision xsd can type, and
one mention list per passage, labelled exactly as `atkg corpus add` splits the report. A typo in a
slug or a passage label would silently lower a benchmark score; these checks catch it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.ingest.gazetteer import PATTERN_NODES  # nodes a pattern mints: the gold's own slugs

ROOT = Path(__file__).resolve().parent.parent
REPORTS = [
    # (report, gold, symbol printed in its page headers, date)
    ("tests/data/ingest/rapport_afrique_ouest.txt", "tests/data/ingest/gold.json", "A/67/990", "2012-08-14"),
    (
        "tests/data/ingest/rapport_coordination_2014.txt",
        "tests/data/ingest/gold_coordination_2014.json",
        "CTOC/COP/2014/91",
        "2014-07-28",
    ),
    (
        "benchmarks/data/heldout/rapport_national_moldova.txt",
        "benchmarks/data/heldout/gold_national_moldova.json",
        "A/69/987",
        "2015-03-03",
    ),
    (
        "benchmarks/data/heldout2/rapport_travail_force_2017.txt",
        "benchmarks/data/heldout2/gold_travail_force_2017.json",
        "CTOC/COP/WG.4/2017/3",
        "2017-08-10",
    ),
    (
        "benchmarks/data/heldout3/rapport_traite_conflits_2019.txt",
        "benchmarks/data/heldout3/gold_traite_conflits_2019.json",
        "A/74/302",
        "2019-08-13",
    ),
]
LITERALS = {"atkg:value", "atkg:unit", "atkg:placeName", "atkg:valueQualifier"}
DATES = {"dcterms:date", "atkg:startDate", "atkg:endDate", "atkg:launchDate", "atkg:period"}
ROLES = {"atkg:MemberRole", "atkg:ChairRole", "atkg:CoordinatorRole", "atkg:FounderRole", "atkg:ObserverRole"}


@pytest.fixture(scope="module")
def vocabulary() -> dict[str, set[str]]:
    """Slugs of the curated graph, classes and properties of the ontology, predicates curators use."""
    from rdflib import OWL, RDF, Graph

    from kg.curated import CuratedData
    from kg.namespace import ID, shorten
    from kg.workspace import Workspace

    quads = CuratedData.load(Workspace(ROOT)).quads()
    slugs = {shorten(t) for q in quads for t in (q[0], q[2]) if str(t).startswith(str(ID))}
    ontology = Graph().parse(ROOT / "ontology" / "atkg.ttl")
    classes = {shorten(s) for s in ontology.subjects(RDF.type, OWL.Class)}
    properties = {
        shorten(s)
        for kind in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
        for s in ontology.subjects(RDF.type, kind)
    }
    used = {shorten(q[1]) for q in quads}
    return {"slugs": slugs, "classes": classes, "properties": properties | used}


@pytest.mark.parametrize(("report", "gold_file", "symbol", "date"), REPORTS, ids=lambda v: Path(str(v)).stem)
def test_gold_is_in_the_graphs_terms(vocabulary, report, gold_file, symbol, date):
    from kg.ingest.evaluate import EXTRACTED_PREDICATES

    gold = json.loads((ROOT / gold_file).read_text(encoding="utf-8"))
    assert gold["document"] == Path(report).name
    new = set(gold["entities"])
    assert sorted(new & vocabulary["slugs"]) == []  # a new entity is new
    assert (
        sorted(
            (label, slug)
            for label, slugs in gold["mentions"].items()
            for slug in slugs
            if slug not in vocabulary["slugs"]
        )
        == []
    )
    assert [label for label, slugs in gold["mentions"].items() if len(set(slugs)) != len(slugs)] == []
    assert (
        sorted(
            (slug, e["type"])
            for slug, e in gold["entities"].items()
            if e["type"] not in vocabulary["classes"]
        )
        == []
    )
    named = {s for s, e in gold["entities"].items() if e["labels"]}
    assert all(
        e["type"].endswith(("Agreement", "Understanding", "Arrangement", "Partnership"))
        for s, e in gold["entities"].items()
        if s not in named
    )  # only agreements go unnamed
    wrong = []
    for s, p, o in gold["facts"]:
        if p not in EXTRACTED_PREDICATES and p not in vocabulary["properties"]:
            wrong.append(("predicate", p))
        if p in DATES and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", o):
            wrong.append(("date", s, p, o))
        if p == "org:role" and o not in ROLES:
            wrong.append(("role", s, o))
        if p == "atkg:valueQualifier" and o not in ("more-than", "at-least", "about", "up-to"):
            wrong.append(("qualifier", s, o))
        terms = [s] + (
            [] if p in LITERALS | DATES or p == "org:role" or o.startswith(("org:", "atkg:")) else [o]
        )
        for term in terms:
            if term not in new and term not in vocabulary["slugs"] and not term.startswith(PATTERN_NODES):
                wrong.append(("slug", term, p))
    assert wrong == []
    assert len({tuple(f) for f in gold["facts"]}) == len(gold["facts"])


@pytest.mark.parametrize(("report", "gold_file", "symbol", "date"), REPORTS, ids=lambda v: Path(str(v)).stem)
def test_gold_passages_are_those_corpus_add_gives(workspace_factory, report, gold_file, symbol, date):
    from kg.corpus import load_corpus
    from kg.sources.adding import add_document

    gold = json.loads((ROOT / gold_file).read_text(encoding="utf-8"))
    workspace = workspace_factory()
    added = add_document(workspace, ROOT / report, title="Rapport", date=date, symbol=symbol)
    passages = load_corpus(workspace.corpus_dir)[added.info.key].passages
    labels = [p.label for p in passages]
    if Path(report).name == "rapport_afrique_ouest.txt":  # the development gold lists cited passages only
        assert set(gold["mentions"]) <= set(labels)
    else:
        assert labels == list(gold["mentions"])
    observations = {s.rsplit("-", 1)[0] for s, _, _ in gold["facts"] if s.startswith("obs-")}
    assert observations <= {f"obs-{added.info.key}-{label}" for label in labels}
