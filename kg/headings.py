"""Column headings, notes and words the command line prints about its rows, in French and English.

`atkg analyze` and the tables of `atkg query run` take ``--lang``: a French reader gets French
headings, kinds and relations, as the views and the site do. The French follows the usage of
United Nations French texts (``centralité d'intermédiarité``, ``mécanisme``, ``bailleur de
fonds``). Machine formats of named queries (SPARQL results CSV, TSV, JSON) keep the query's
variable names: they are the query's interface, whatever the language of the labels.

Kept free of heavy imports: the CLI loads it for every listing.
"""

from __future__ import annotations

__all__ = [
    "ANALYZE_HEADINGS",
    "analyze_headings",
    "betweenness_heading",
    "kind_word",
    "relation_word",
    "column_title",
    "row_count",
    "QUERY_COLUMNS_FR",
    "QUERY_WORDS_FR",
    "cell_word",
]

LANGUAGES = ("en", "fr")

# The headings of each `atkg analyze` measure; the betweenness column of centrality and brokers is
# written by :func:`betweenness_heading` (its note says when the values are an estimate).
ANALYZE_HEADINGS: dict[str, dict[str, list[str]]] = {
    "en": {
        "centrality": ["node", "label", "kind", "neighbours", "degree", "", "eigenvector"],
        "brokers": ["actor", "mechanisms", "linked", ""],
        "overlap": ["mechanism", "other", "shared", "either", "jaccard"],
        "communities": ["community", "size", "members"],
        "path": ["step", "from", "relation", "to", "via", "passages", "shortest_paths"],
    },
    "fr": {
        "centrality": [
            "nœud",
            "libellé",
            "type",
            "voisins",
            "centralité de degré",
            "",
            "centralité de vecteur propre",
        ],
        "brokers": ["acteur", "nombre de mécanismes", "mécanismes", ""],
        "overlap": [
            "mécanisme",
            "autre mécanisme",
            "membres communs",
            "membres de l'un ou de l'autre",
            "indice de Jaccard",
        ],
        "communities": ["communauté", "taille", "membres"],
        "path": ["étape", "de", "relation", "à", "par", "passages", "plus courts chemins"],
    },
}

_KINDS = {"fr": {"actor": "acteur", "mechanism": "mécanisme"}}

# The ties of the coordination network (kg.network), and a directed tie walked backwards (^).
_RELATIONS = {
    "fr": {
        "memberOf": "membre de",
        "^memberOf": "a pour membre",
        "chairs": "préside",
        "^chairs": "présidé par",
        "coordinates": "coordonne",
        "^coordinates": "coordonné par",
        "observerOf": "observateur de",
        "^observerOf": "a pour observateur",
        "fundedBy": "financé par",
        "^fundedBy": "finance",
        "agreement": "accord",
        "partner": "partenaire",
        "co-organiser": "coorganisateur",
    }
}

# French titles of the named queries' columns (their variables), for tables: a query's variable
# is an identifier, its title is for a reader. A column without a title here shows its variable.
QUERY_COLUMNS_FR: dict[str, str] = {
    "actor": "acteur",
    "actor_type": "type d'acteur",
    "agreement": "accord",
    "agreement_type": "type d'accord",
    "country": "pays",
    "date": "date",
    "document": "document",
    "document_title": "titre du document",
    "end": "fin",
    "entity": "entité",
    "event": "manifestation",
    "facts": "faits",
    "file": "fichier",
    "founder": "fondateur",
    "funder": "bailleur de fonds",
    "funders": "bailleurs de fonds",
    "how": "nature du lien",
    "instrument": "instrument",
    "kind": "type",
    "label": "libellé",
    "label_language": "langue du libellé",
    "launched": "lancement",
    "measure": "mesure",
    "mechanism": "mécanisme",
    "member": "membre",
    "membership": "appartenance",
    "object": "objet",
    "observation": "observation",
    "organisers": "organisateurs",
    "other_passage": "autre passage",
    "other_value": "autre valeur",
    "paragraph": "paragraphe",
    "paragraph_text": "texte du paragraphe",
    "parties": "parties",
    "partner": "partenaire",
    "partners": "partenaires",
    "passage": "passage",
    "passages": "passages",
    "period": "période",
    "place": "lieu",
    "places": "lieux",
    "predicate": "prédicat",
    "programme": "programme",
    "property": "propriété",
    "publication": "publication",
    "publisher": "éditeur",
    "qualifier": "précision",
    "ratified_in": "année de ratification",
    "recipient": "bénéficiaire",
    "relation": "relation",
    "replaced_by": "remplacé par",
    "reported_from": "selon les sources du",
    "reported_to": "selon les sources au",
    "role": "rôle",
    "start": "début",
    "subject": "sujet",
    "target": "cible",
    "tie": "lien",
    "unit": "unité",
    "value": "valeur",
    "via": "par",
}


# French for the words named queries answer with in some columns (a role, a kind of tie), which
# the query text writes in English (``BIND ("event" AS ?how)``, a role's local name), per column:
# the same English word may read differently in another column.
QUERY_WORDS_FR: dict[str, dict[str, str]] = {
    "role": {
        "member": "membre",
        "founder": "fondateur",
        "chair": "président",
        "coordinator": "coordonnateur",
        "observer": "observateur",
    },
    "how": {
        "programme": "programme",
        "event": "manifestation",
        "agreement": "accord",
        "funder": "bailleur de fonds",
    },
    "tie": {
        "agreement": "accord",
        "programme": "programme",
        "partnership": "partenariat",
        "event": "manifestation",
        "funded by": "financé par",
        "funds": "finance",
    },
    "relation": {"established": "créé", "requested": "demandé"},
    "membership": {
        "both": "les deux",
        "first only": "le premier seulement",
        "second only": "le second seulement",
    },
    "kind": {
        "preferred": "préféré",
        "alternative": "variante",
        "contradiction": "contradiction",
        "precision": "précision",
    },
}


def _check(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"language {lang!r}: fr or en")
    return lang


def betweenness_heading(lang: str, nodes: int, sources: int | None = None, seed: int | None = None) -> str:
    """The betweenness column's heading: with ``sources``, a note that the values are estimated
    from that many of the ``nodes`` sources, drawn with ``seed``.

    >>> betweenness_heading("fr", 89)
    "centralité d'intermédiarité"
    >>> betweenness_heading("fr", 18000, 256, 42)
    "centralité d'intermédiarité (estimée à partir de 256 des 18\\xa0000 sources, graine 42)"
    >>> betweenness_heading("en", 18000, 256, 42)
    'betweenness (estimated from 256 of 18,000 sources, seed 42)'
    """
    if _check(lang) == "fr":
        if sources is None:
            return "centralité d'intermédiarité"
        count = f"{nodes:,}".replace(",", "\u00a0")  # French groups digits with a no-break space
        note = f"estimée à partir de {sources} des {count} sources, graine {seed}"
        return f"centralité d'intermédiarité ({note})"
    if sources is None:
        return "betweenness"
    return f"betweenness (estimated from {sources} of {nodes:,} sources, seed {seed})"


def analyze_headings(measure: str, lang: str, betweenness: str = "") -> list[str]:
    """The headings of ``measure`` in ``lang``, its betweenness column (if any) being ``betweenness``.

    >>> analyze_headings("brokers", "fr", "centralité d'intermédiarité")
    ['acteur', 'nombre de mécanismes', 'mécanismes', "centralité d'intermédiarité"]
    """
    return [heading or betweenness for heading in ANALYZE_HEADINGS[_check(lang)][measure]]


def kind_word(kind: str, lang: str) -> str:
    """A node's kind (``actor``, ``mechanism``) in ``lang``.

    >>> kind_word("mechanism", "fr")
    'mécanisme'
    """
    return _KINDS.get(_check(lang), {}).get(kind, kind)


def relation_word(relation: str, lang: str) -> str:
    """A tie of the coordination network (``memberOf``, ``^memberOf``, ``agreement``...) in ``lang``.

    >>> relation_word("^memberOf", "fr")
    'a pour membre'
    >>> relation_word("^memberOf", "en")
    '^memberOf'
    """
    return _RELATIONS.get(_check(lang), {}).get(relation, relation)


def column_title(column: str, lang: str) -> str:
    """A named query's column as a table heads it in ``lang`` (English: the variable itself).
    A ``<column>_label`` a table shows is the label of ``<column>``.

    >>> column_title("funder", "fr"), column_title("measure_label", "fr"), column_title("funder", "en")
    ('bailleur de fonds', 'mesure (libellé)', 'funder')
    """
    if _check(lang) == "en":
        return column
    if column in QUERY_COLUMNS_FR:
        return QUERY_COLUMNS_FR[column]
    base = column.removesuffix("_label")
    if base != column and base in QUERY_COLUMNS_FR:
        return f"{QUERY_COLUMNS_FR[base]} (libellé)"
    return column


def cell_word(column: str, value: str, lang: str) -> str:
    """A word a named query answers with in ``column``, in ``lang`` (any other value as it is).

    >>> cell_word("role", "chair", "fr"), cell_word("role", "chair", "en"), cell_word("role", "UNODC", "fr")
    ('président', 'chair', 'UNODC')
    """
    if _check(lang) == "en":
        return value
    return QUERY_WORDS_FR.get(column, {}).get(value, value)


def row_count(rows: int, lang: str = "en") -> str:
    """The line under a table: how many rows it has.

    >>> row_count(1), row_count(2), row_count(0, "fr"), row_count(1, "fr"), row_count(2, "fr")
    ('(1 row)', '(2 rows)', '(0 ligne)', '(1 ligne)', '(2 lignes)')
    """
    if _check(lang) == "fr":
        return f"({rows} ligne{'s' if rows > 1 else ''})"
    return f"({rows} row{'s' if rows != 1 else ''})"
