"""The names the graph already knows: every label of every entity, and every country of ISO 3166.

Built from curated quads (not the store), so the leave-one-out benchmark can build one from the
graph minus a document. Countries the graph lacks are still recognised, as *new* entities whose
slug and labels ``atkg entity add-country`` would give; country adjectives ("béninois") name the
country too. Pattern nodes (measures, memberships) have labels but are parts of statements, not
things a text names; titles get their feminine form ("la Rapporteuse spéciale").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING

from kg.ingest.demonyms import DEMONYMS, inflections
from kg.ingest.textkey import label_key

if TYPE_CHECKING:
    from kg.ingest.knownevents import KnownEvents

__all__ = ["Name", "Gazetteer", "PATTERN_NODES", "feminine", "most_specific"]

_SKOS = "http://www.w3.org/2004/02/skos/core#"
_LABELS = {f"{_SKOS}prefLabel": 0, f"{_SKOS}altLabel": 1, f"{_SKOS}hiddenLabel": 2}
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_ID = "https://w3id.org/atkg/id/"
_ENTITIES = f"{_ID}graph-entities"
_SHORT = 6  # labels whose key is this short must match whole words and look like acronyms


@dataclass(frozen=True)
class Name:
    """One way to name one thing: the key to look for and what it stands for."""

    key: str
    slug: str
    label: str
    rank: int  # 0 preferred label, 1 alternative, 2 hidden (OCR), 3 country adjective
    known: bool  # in the graph (else a country the graph does not have yet)
    acronym: bool  # short and written in capitals: must match in capitals
    proper: bool = False  # a proper noun (country name): must start with a capital in the text
    generic: bool = False  # "Atelier régional", "Groupe de travail": yields to a longer name
    words: tuple[str, ...] = ()  # the label's words, folded, without a leading elided article
    needs: frozenset[str] = frozenset()  # a short form stands for the entity only beside these


@dataclass
class Gazetteer:
    names: dict[str, list[Name]] = field(default_factory=dict)  # key -> names (best first)
    types: dict[str, str] = field(default_factory=dict)  # slug -> prefixed type
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # slug -> lang -> prefLabel
    forms: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # slug -> labels' words
    events: KnownEvents | None = None  # known events by organiser, date, place (kg.ingest.knownevents)
    absent: set[str] = field(default_factory=set)  # countries recognised that the graph lacks

    def add(self, name: Name) -> None:
        if len(name.key) < 2 or name.key.isdigit():
            return
        entries = self.names.setdefault(name.key, [])
        if any(e.slug == name.slug for e in entries):
            return
        entries.append(name)
        entries.sort(key=lambda n: (not n.known, n.rank, n.slug))

    @classmethod
    def from_quads(cls, quads: Iterable[tuple], with_iso_countries: bool = True) -> Gazetteer:
        """Labels of every individual described in the entity graph (and, in ``events``, what
        every graph says of the known events)."""
        from kg.ingest.knownevents import KnownEvents

        quads = list(quads)
        gazetteer = cls(events=KnownEvents.from_quads(quads))
        labelled: list[tuple[str, str, int, str]] = []
        for s, p, o, g in quads:
            if str(g) != _ENTITIES or not str(s).startswith(_ID):
                continue
            slug = str(s)[len(_ID) :]
            if str(p) == _RDF_TYPE:
                gazetteer.types[slug] = most_specific(gazetteer.types.get(slug), _prefixed(str(o)))
            elif str(p) in _LABELS:
                labelled.append((slug, str(o), _LABELS[str(p)], getattr(o, "language", None) or ""))
                if str(p) == f"{_SKOS}prefLabel" and getattr(o, "language", None):
                    gazetteer.labels.setdefault(slug, {})[o.language] = str(o)
        for slug, label, rank, _language in sorted(labelled):
            if slug.startswith(PATTERN_NODES):
                continue  # a measure or a membership is part of a statement, not a thing named
            for form in (label, *feminine(label)):
                gazetteer.add(_name(form, slug, rank, known=True))
            gazetteer.forms.setdefault(slug, []).append(label_words(label))
        for slug in sorted(s for s in gazetteer.types if s.startswith("country-")):
            for adjective in DEMONYMS.get(slug.removeprefix("country-"), ()):
                for form in inflections(adjective):
                    gazetteer.add(Name(label_key(form), slug, form, 3, True, False))
        if with_iso_countries:
            for code, names in sorted(iso_countries().items()):
                slug = f"country-{code}"
                if slug in gazetteer.types:
                    continue
                gazetteer.types[slug] = "atkg:Country"
                gazetteer.absent.add(slug)
                gazetteer.labels[slug] = {"fr": names[0], "en": names[1]}
                for rank, label in enumerate(names[:1] + names[2:]):
                    gazetteer.add(_name(label, slug, min(rank, 1), known=False))
                for adjective in DEMONYMS.get(code, ()):
                    for form in inflections(adjective):
                        gazetteer.add(Name(label_key(form), slug, form, 3, False, False))
        gazetteer._qualify()
        return gazetteer

    def _qualify(self) -> None:
        """A short label that begins the French preferred label, whose rest names another entity
        (``Ministère de l'intérieur`` of ``Ministère de l'intérieur du Bélarus``, ``Comité
        directeur`` of ``... de l'Initiative mondiale ...``), stands for the entity only where that
        other entity is named too. Only when the other is a country, or the short form is generic
        or in lower case: "Division de la promotion de la femme" is a name on its own. The United
        Nations go without saying in a UN report. A national body whose preferred label ends with
        its country in brackets ("Comité national de lutte contre la traite des personnes
        (Croatie)") is named by a label that does not say the country ("comité national",
        "Ministère de la justice") only where the country is named: every State has one."""
        country_keys: dict[str, set[str]] = {}
        for key, names in self.names.items():
            for name in names:
                if name.slug.startswith("country-") and len(key) > 3:
                    country_keys.setdefault(name.slug, set()).add(key)
        for names in self.names.values():
            for index, name in enumerate(names):
                preferred = self.labels.get(name.slug, {}).get("fr")
                if (
                    not name.known
                    or not preferred
                    or name.slug.startswith("country-")
                    or any(c.isdigit() for c in name.key)  # "résolution 2006/27" is specific already
                ):
                    continue
                country = self._bracketed_country(preferred)
                if country and not any(k in name.key for k in country_keys.get(country, ())):
                    names[index] = name = replace(name, needs=name.needs | {country})
                rest = _rest_after(preferred, name.words)
                if rest is None:
                    continue
                rest = re.sub(r"^(?:de la|de l['’]|de|du|des|d['’])\s*|[()]", "", rest.strip()).strip()
                others = {n.slug for n in self.names.get(label_key(rest), ()) if n.slug != name.slug}
                national = all(o.startswith("country-") for o in others)
                if (
                    others
                    and not others & _UNITED_NATIONS
                    and (national or name.generic or name.label[:1].islower())
                ):
                    names[index] = replace(name, needs=name.needs | frozenset(others))

    def _bracketed_country(self, label: str) -> str | None:
        """``... (Croatie)``, ``... (Albanie, 2011)`` -> ``country-HRV``, ``country-ALB``."""
        bracket = re.search(r"\(([^()]+)\)\s*$", label)
        if not bracket:
            return None
        first = bracket.group(1).split(",")[0].strip()
        slugs = {n.slug for n in self.names.get(label_key(first), ()) if n.slug.startswith("country-")}
        return next(iter(slugs)) if len(slugs) == 1 else None


_UNITED_NATIONS = frozenset({"un", "united-nations", "onu"})
PATTERN_NODES = ("obs-", "measure-", "membership-", "interval-", "ratification-")
_FEMININE = (
    ("Rapporteur spécial", "Rapporteuse spéciale"),
    ("Représentant spécial", "Représentante spéciale"),
    ("Rapporteur", "Rapporteuse"),
    ("Représentant", "Représentante"),
    ("Coordonnateur", "Coordonnatrice"),
    ("Médiateur", "Médiatrice"),
    ("Directeur", "Directrice"),
    ("Président", "Présidente"),
)


def feminine(label: str) -> list[str]:
    """The title a woman holds, as French writes it: ``Rapporteur spécial sur la traite`` is
    ``la Rapporteuse spéciale sur la traite`` when a woman holds the mandate."""
    for masculine, female in _FEMININE:
        for m, f in ((masculine, female), (masculine.lower(), female.lower())):
            if label.startswith(m + " "):
                return [f + label[len(m) :]]
    return []


def _rest_after(label: str, words: tuple[str, ...]) -> str | None:
    """What ``label`` says after its first words when they are ``words`` (None otherwise):
    ``Ministère de la justice (Pays-Bas)`` after ``ministere de la justice`` is ``(Pays-Bas)``."""
    tokens = label.split()
    count = 0
    for index, token in enumerate(tokens):
        if count == len(words):
            rest = " ".join(tokens[index:])
            return rest if label_words(label)[: len(words)] == words else None
        count += len(label_words(token))
        if count > len(words):
            return None
    return None


_ELIDED = re.compile(r"^\s*(?:[lLdDI|]['’]\s*)")


def label_words(label: str) -> tuple[str, ...]:
    """``l'Office des Nations Unies`` -> ``("office", "des", "nations", "unies")``."""
    return tuple(w for w in (label_key(w) for w in re.split(r"[\s'’\-]+", _ELIDED.sub("", label))) if w)


def _name(label: str, slug: str, rank: int, known: bool) -> Name:
    from kg.ingest.newentities import type_of

    key = label_key(label)
    letters = [c for c in label if c.isalpha()]
    acronym = len(key) <= _SHORT and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)
    proper = slug.startswith("country-") and label[:1].isupper()
    words = label.split()
    generic = (
        len(words) <= 3
        and type_of(label) is not None
        and all(w[:1].islower() for w in words[1:])
        and not slug.startswith("country-")
    )
    return Name(key, slug, label, rank, known, acronym, proper, generic, label_words(label))


_GENERIC = ("foaf:Agent", "org:Organization")


def most_specific(current: str | None, other: str) -> str:
    """Of two classes stated for one individual, the specific one (``foaf:Person`` over
    ``foaf:Agent``), else the first in sorted order: the same answer whatever order quads come in."""
    if current is None:
        return other
    return min((current, other), key=lambda t: (t in _GENERIC, t))


def _prefixed(iri: str) -> str:
    for prefix, namespace in (
        ("atkg", "https://w3id.org/atkg/ontology#"),
        ("org", "http://www.w3.org/ns/org#"),
        ("foaf", "http://xmlns.com/foaf/0.1/"),
        ("time", "http://www.w3.org/2006/time#"),
    ):
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


@cache
def iso_countries() -> dict[str, list[str]]:
    """ISO alpha-3 -> [French name, English name, other French forms...]: the UN short names
    ``atkg entity add-country`` writes, then ISO's French name and the short forms of both."""
    import pycountry

    from kg.countries import country_names

    out: dict[str, list[str]] = {}
    for record in pycountry.countries:
        english, french, _, iso_french = country_names(record)
        names = [french, english]
        for name in (iso_french, *(n.split(",")[0].split(" (")[0].strip() for n in (french, iso_french))):
            if name not in names:
                names.append(name)
        out[record.alpha_3] = names
    return out
