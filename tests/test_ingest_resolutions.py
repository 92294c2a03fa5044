"""Resolutions cited by number (kg/ingest/resolutions.py) and their dates (kg/ingest/publications.py)."""

from __future__ import annotations

from kg.ingest.facts import Item
from kg.ingest.publications import publication_facts
from kg.ingest.resolutions import find_resolutions

CITED = (
    "Rappelant ses résolutions 53/199, du 15 décembre 1998, et 61/185 du 20 décembre 2006, et la "
    "résolution 1980/67 du Conseil économique et social, du 25 juillet 1980; la résolution 23/5 adoptée "
    "le 13 juin 2013 par le Conseil des droits de l’homme; ses résolutions 61/180, 64/178 et 67/190."
)


def test_every_number_of_a_list_is_a_resolution_slugged_by_its_body():
    found = find_resolutions(CITED, [], [])
    assert [(CITED[e.start : e.end], e.label, e.label_en, e.type, e.slug) for e in found] == [
        ("53/199", "résolution 53/199", "resolution 53/199", "atkg:Resolution", "resolution-ga-53-199"),
        ("61/185", "résolution 61/185", "resolution 61/185", "atkg:Resolution", "resolution-ga-61-185"),
        (
            "1980/67",
            "résolution 1980/67",
            "resolution 1980/67",
            "atkg:Resolution",
            "resolution-ecosoc-1980-67",
        ),
        ("23/5", "résolution 23/5", "resolution 23/5", "atkg:Resolution", "resolution-hrc-23-5"),
        ("61/180", "résolution 61/180", "resolution 61/180", "atkg:Resolution", "resolution-ga-61-180"),
        ("64/178", "résolution 64/178", "resolution 64/178", "atkg:Resolution", "resolution-ga-64-178"),
        ("67/190", "résolution 67/190", "resolution 67/190", "atkg:Resolution", "resolution-ga-67-190"),
    ]


def test_a_resolution_the_graph_or_another_finder_has_is_not_proposed_again():
    from kg.ingest.gazetteer import Name
    from kg.ingest.mentions import Mention

    known = [m for m in find_resolutions(CITED, [], []) if CITED[m.start : m.end] == "61/180"]
    name = Name("61/180", "resolution-ga-61-180", "61/180", 1, True, False)
    mention = Mention(known[0].start, known[0].end, "61/180", name)
    assert "61/180" not in [CITED[e.start : e.end] for e in find_resolutions(CITED, [mention], [])]
    assert find_resolutions("Le paragraphe 4/2 et la page 12/3 ne sont pas des résolutions.", [], []) == []
    # "résolutions" printed before a number it does not introduce
    assert find_resolutions("Les résolutions et le paragraphe 4/2 sont cités.", [], []) == []


def test_a_resolution_s_date_after_its_number_or_after_the_body_that_adopted_it():
    slugs = {e.slug: e for e in find_resolutions(CITED, [], [])}
    items = [Item(e.start, e.end, slug, "atkg:Resolution", True) for slug, e in slugs.items()]
    dates = sorted((s, o) for s, p, o, _ in publication_facts(CITED, items) if p == "dcterms:date")
    assert dates == [
        ("resolution-ecosoc-1980-67", "1980-07-25"),
        ("resolution-ga-53-199", "1998-12-15"),
        ("resolution-ga-61-185", "2006-12-20"),
        ("resolution-hrc-23-5", "2013-06-13"),
    ]
