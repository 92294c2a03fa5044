"""Words the pages show that do not come from the data, in French and English.

Labels of classes and properties come from the ontology (``rdfs:label``); these are the rest:
view titles and descriptions, the kinds of tie a view derives (co-organised event, shared
mechanisms...), and the page's own controls.
"""

from __future__ import annotations

__all__ = ["TEXT", "text"]

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "mechanisms.title": "Coordination mechanisms and their members",
        "mechanisms.description": "Each coordination mechanism linked to its members, chairs, coordinators "
        "and observers; actors sitting in several mechanisms have a thick border.",
        "partnerships.title": "Partnerships between actors",
        "partnerships.description": "Actors tied by agreements, joint programmes, co-organised events and "
        "funding; colour shows the kind of tie, width the number of ties.",
        "countries.title": "Countries and what touches them",
        "countries.description": "Countries and regions with the programmes, events, agreements and "
        "ratifications that involve them.",
        "ego.title": "Neighbourhood of {center}",
        "ego.description": "{center} and every entity within {depth} tie(s) of it, through any fact the "
        "documents state.",
        "timeline.title": "Dated ties",
        "timeline.description": "Every tie that carries a date (agreements, events, programmes, "
        "memberships, ratifications) on a time axis, one band per kind of tie; narrow the years with "
        "the range above the graph.",
        "comembership.title": "Actors sharing coordination mechanisms",
        "comembership.description": "Actors linked when they belong to the same mechanism, the width "
        "counting shared mechanisms; colour shows communities found by the Louvain method.",
        "funding.title": "Funding flows",
        "funding.description": "Arrows from each funder to what it funds.",
        "kind.agreement": "agreement",
        "kind.programme": "joint programme",
        "kind.event": "co-organised event",
        "kind.funding": "funding",
        "kind.shared": "shared mechanism(s)",
        "kind.includes": "includes",
        "community": "community {n}",
        "sampled": "This graph has {total} nodes and {total_ties} ties, too many to draw: shown are the "
        "{shown} most connected nodes and the {shown_ties} ties among them. Narrow it with an ego view "
        "(--center) or a year range (--from/--to).",
        "actors": "{n} actor(s)",
        "several": "member of several mechanisms",
        "sources": "Sources",
        "via": "Through",
        "year": "Year",
        "type": "Type",
        "labels": "Labels",
        "also": "Also",
        "nodes": "nodes",
        "edges": "edges",
        "search": "Find a node",
        "choose": "(choose a node)",
        "filter": "Filter",
        "filter.nodes": "node type",
        "filter.edges": "edge kind",
        "apply": "Apply",
        "reset": "Reset",
        "from": "From",
        "to": "To",
        "legend": "Legend",
        "node.types": "Node types",
        "edge.kinds": "Edge kinds",
        "size.note": "Node size: degree centrality.",
        "index.title": "Network views of the anti-trafficking knowledge graph",
        "index.description": "Interactive views of who coordinates with whom against human trafficking; "
        "each opens offline in a browser.",
        "index.view": "View",
        "index.size": "Size",
        "index.matrix": "Mechanism membership by agency",
        "index.matrix.note": "M member, C chair, K coordinator, O observer.",
        "index.timeline": "Agreements and events by date",
        "index.date": "Date",
        "index.what": "What",
        "index.who": "Who",
        "index.none": "Nothing to show.",
        "empty": "This view has nothing to draw for this graph.",
        "search.hint": "label, acronym, in French or English",
        "search.none": "No match",
        "search.count": "{n} match(es)",
        "entity.page": "Entity page",
        "facts.count": "{n} fact(s) the documents state, each with its paragraph:",
        "panel.hint": "Click a node or a tie to see its facts and the paragraphs that state them.",
        "labels.note": "Labels: the most central nodes; zoom in for more.",
        "depth": "Depth",
        "show.all": "Show all",
        "close": "Close",
        "kb": "KB",
        "colon": ": ",
    },
    "fr": {
        "mechanisms.title": "Mécanismes de coordination et leurs membres",
        "mechanisms.description": "Chaque mécanisme de coordination relié à ses membres, présidents, "
        "coordonnateurs et observateurs ; les acteurs présents dans plusieurs mécanismes ont une "
        "bordure épaisse.",
        "partnerships.title": "Partenariats entre acteurs",
        "partnerships.description": "Acteurs liés par des accords, des programmes conjoints, des "
        "manifestations coorganisées et des financements ; la couleur indique le type de lien, "
        "l'épaisseur leur nombre.",
        "countries.title": "Les pays et ce qui les concerne",
        "countries.description": "Pays et régions avec les programmes, manifestations, accords et "
        "ratifications qui les concernent.",
        "ego.title": "Voisinage : {center}",
        "ego.description": "{center} et toute entité à {depth} lien(s) au plus, par tout fait que les "
        "documents énoncent.",
        "timeline.title": "Liens datés",
        "timeline.description": "Tous les liens qui portent une date (accords, manifestations, programmes, "
        "appartenances, ratifications) sur un axe du temps, une bande par type de lien ; restreignez "
        "les années avec le curseur au-dessus du graphe.",
        "comembership.title": "Acteurs partageant des mécanismes de coordination",
        "comembership.description": "Acteurs reliés lorsqu'ils appartiennent au même mécanisme, l'épaisseur "
        "comptant les mécanismes partagés ; la couleur montre les communautés trouvées par la méthode "
        "de Louvain.",
        "funding.title": "Flux de financement",
        "funding.description": "Flèches de chaque bailleur vers ce qu'il finance.",
        "kind.agreement": "accord",
        "kind.programme": "programme conjoint",
        "kind.event": "manifestation coorganisée",
        "kind.funding": "financement",
        "kind.shared": "mécanisme(s) partagé(s)",
        "kind.includes": "comprend",
        "community": "communauté {n}",
        "sampled": "Ce graphe compte {total} nœuds et {total_ties} liens, trop pour les dessiner : seuls "
        "les {shown} nœuds les plus connectés et les {shown_ties} liens qui les relient sont affichés. "
        "Restreignez-le avec une vue centrée (--center) ou une période (--from/--to).",
        "actors": "{n} acteur(s)",
        "several": "membre de plusieurs mécanismes",
        "sources": "Sources",
        "via": "Par",
        "year": "Année",
        "type": "Type",
        "labels": "Libellés",
        "also": "Aussi",
        "nodes": "nœuds",
        "edges": "liens",
        "search": "Trouver un nœud",
        "choose": "(choisir un nœud)",
        "filter": "Filtrer",
        "filter.nodes": "type de nœud",
        "filter.edges": "type de lien",
        "apply": "Appliquer",
        "reset": "Réinitialiser",
        "from": "De",
        "to": "À",
        "legend": "Légende",
        "node.types": "Types de nœuds",
        "edge.kinds": "Types de liens",
        "size.note": "Taille des nœuds : centralité de degré.",
        "index.title": "Vues en réseau du graphe de connaissances sur la traite des personnes",
        "index.description": "Vues interactives de qui coordonne avec qui contre la traite des personnes ; "
        "chacune s'ouvre hors ligne dans un navigateur.",
        "index.view": "Vue",
        "index.size": "Taille",
        "index.matrix": "Appartenance aux mécanismes, par organisme",
        "index.matrix.note": "M membre, C président, K coordonnateur, O observateur.",
        "index.timeline": "Accords et manifestations par date",
        "index.date": "Date",
        "index.what": "Quoi",
        "index.who": "Qui",
        "index.none": "Rien à montrer.",
        "empty": "Cette vue n'a rien à dessiner pour ce graphe.",
        "search.hint": "libellé, sigle, en français ou en anglais",
        "search.none": "Aucun résultat",
        "search.count": "{n} résultat(s)",
        "entity.page": "Page de l'entité",
        "facts.count": "{n} fait(s) énoncé(s) par les documents, chacun avec son paragraphe :",
        "panel.hint": "Cliquez sur un nœud ou un lien pour voir ses faits et les paragraphes qui "
        "les énoncent.",
        "labels.note": "Libellés : les nœuds les plus centraux ; zoomez pour en voir plus.",
        "depth": "Profondeur",
        "show.all": "Tout afficher",
        "close": "Fermer",
        "kb": "Ko",
        "colon": " : ",
    },
}


def text(lang: str, key: str, **values: object) -> str:
    """The ``key`` sentence in ``lang``, with ``{placeholders}`` filled.

    >>> text("fr", "community", n=2)
    'communauté 2'
    """
    return TEXT[lang][key].format(**values)
