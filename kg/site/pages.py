"""The site's pages as HTML strings: home, one per entity, one per document, the ontology.

Page models are built here (plain tuples and dicts, every list sorted) and the jinja2 templates
of ``templates/`` render them with autoescape on, so no string from the data can become markup.
Links are relative (``id/x.html`` from the home page, ``x.html`` between entity pages), so the
folder works from ``file://`` and when served at ``/`` (where ``/id/<slug>`` maps to
``id/<slug>.html``).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import quote

from kg.site.data import Fact, SiteData, Value, sort_key
from kg.site.text import WORDS

__all__ = ["SitePages", "file_name", "term_anchor"]

_TEMPLATES = Path(__file__).resolve().parent / "templates"
NEIGHBOURS = 24
"""Neighbours drawn in an entity page's neighbourhood picture (the rest are in its fact list)."""


def file_name(slug: str) -> str:
    """The file of a slug's page (slugs are ASCII words; anything else is percent-encoded)."""
    return quote(slug, safe="") + ".html"


def term_anchor(curie: str) -> str:
    return curie.replace(":", "-")


@cache
def _environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(_TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["page"] = file_name
    env.filters["anchor"] = term_anchor
    return env


@cache
def _asset(name: str) -> str:
    return (_TEMPLATES / name).read_text(encoding="utf-8")


_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


@dataclass
class Source:
    passage: str
    doc: str
    anchor: str
    heading: str
    """Document title and paragraph number."""
    text: str


@dataclass
class Row:
    other: object
    """Value (entity slug or literal) at the other end."""
    other_label: str
    sources: list[Source]
    conflict: bool = False


@dataclass
class Group:
    heading: str
    rows: list[Row] = field(default_factory=list)


class SitePages:
    """Renders every page of one language from :class:`SiteData`."""

    def __init__(self, data: SiteData, lang: str, conflicts: list, views: list[tuple[str, str, str, int]]):
        self.data = data
        self.lang = lang
        self.words = WORDS[lang]
        self.conflicts = conflicts
        self.views = views
        """(file, title, description, nodes) of each network view."""
        self._composed: dict[str, str] = {}
        self.by_entity: dict[str, list[Fact]] = defaultdict(list)
        self.by_passage: dict[str, list[Fact]] = defaultdict(list)
        for fact in data.facts:
            self.by_entity[fact.subject].append(fact)
            if fact.object.slug and fact.object.slug != fact.subject:
                self.by_entity[fact.object.slug].append(fact)
            self.by_passage[fact.passage].append(fact)

    # -- helpers -------------------------------------------------------------------------------
    def label(self, slug: str) -> str:
        """The entity's label; nodes without one (memberships, intervals, figures) are named
        from their own facts, so a page never shows a bare slug where a reader expects a name."""
        if slug in self.data.pref:
            return self.data.label(slug, self.lang)
        if slug not in self._composed:
            self._composed[slug] = slug  # guards against a cycle while composing
            self._composed[slug] = self._compose(slug)
        return self._composed[slug]

    def _compose(self, slug: str) -> str:
        out: dict[str, list] = defaultdict(list)
        for fact in self.by_entity.get(slug, []):
            if fact.subject == slug:
                out[fact.predicate].append(fact.object)
        types = self.data.types.get(slug, set())

        def first(predicate: str) -> str:
            values = sorted(out.get(predicate, []))
            if not values:
                return "…"
            value = values[0]
            if value.slug:
                return self.label(value.slug)
            return self.data.term_label(value.text, self.lang) if ":" in value.text[:6] else value.text

        if "org:Membership" in types:
            return f"{first('org:member')} — {first('org:role')} — {first('org:organization')}"
        if "time:Interval" in types:
            return f"{first('atkg:startDate')} – {first('atkg:endDate')}"
        if "atkg:Observation" in types:
            unit = first("atkg:unit")
            colon = " : " if self.lang == "fr" else ": "
            return f"{first('atkg:measure')}{colon}{first('atkg:value')}" + (
                "" if unit == "…" else f" {unit}"
            )
        kind = self.kind_label(slug)
        return f"{kind} ({slug})" if kind else slug

    def kind_label(self, slug: str) -> str:
        types = sorted(self.data.types.get(slug, ()))
        return ", ".join(self._cap(self.data.term_label(t, self.lang)) for t in types)

    @staticmethod
    def _cap(text: str) -> str:
        return text[:1].upper() + text[1:]

    def value_label(self, value: Value) -> str:
        """An entity by its label; a literal (date, figure, note) as written."""
        return self.label(value.slug) if value.slug else value.text

    def source(self, passage: str) -> Source:
        p = self.data.passages.get(passage)
        if p is None:
            return Source(passage, "", "", passage, "")
        document = self.data.documents.get(p.doc)
        title = (document.titles.get(self.lang) or document.titles.get("fr", "")) if document else p.doc
        heading = f"{title} — {p.citation.get(self.lang, p.label)}"
        return Source(passage, p.doc, f"p-{p.label}", heading, p.text)

    def _render(self, template: str, root: str, **values) -> str:
        return (
            _environment()
            .get_template(template)
            .render(lang=self.lang, w=self.words, root=root, csp=values.pop("csp", _CSP), **values)
        )

    # -- pages ---------------------------------------------------------------------------------
    def home(self) -> str:
        from markupsafe import Markup

        from viz.page import script_hash, script_json

        data = self.data
        classes = Counter(t for slug in data.entities for t in data.types.get(slug, ()))
        by_class = sorted(
            ((self._cap(data.term_label(c, self.lang)), c, n) for c, n in classes.items()),
            key=lambda row: (-row[2], row[0].casefold(), row[1]),
        )
        index = [
            [slug, self.label(slug), self.kind_label(slug), sorted(self._names(slug))]
            for slug in data.entities
            if slug in data.pref
        ]
        script = _asset("search.js")
        csp = _CSP.replace("default-src 'none';", f"default-src 'none'; script-src {script_hash(script)};")
        documents = [
            (
                d.slug,
                d.titles.get(self.lang) or d.titles.get("fr", d.slug),
                d.identifier,
                d.year,
                len(d.passages),
            )
            for d in sorted(data.documents.values(), key=lambda d: d.slug)
        ]
        return self._render(
            "index.html",
            "",
            csp=csp,
            counts=(len(data.entities), len(data.facts), len(data.documents), len(data.passages)),
            by_class=by_class,
            views=self.views,
            documents=documents,
            index_json=Markup(script_json(index)),
            script=Markup(script),
        )

    def _names(self, slug: str) -> set[str]:
        names = set(self.data.pref.get(slug, {}).values())
        names.update(self.data.acronyms(slug))
        return names

    def entity(self, slug: str) -> str:
        data = self.data
        groups: dict[tuple, Group] = {}
        flagged = self._conflicting(slug)
        # lists the sources give differently (members of ICAT): flagged on the member's page too
        listed_in = {c.subject for c in self.conflicts if c.property == "members" and c.value == slug}
        me = self.label(slug)
        rows: dict[tuple, Row] = {}
        for fact in self.by_entity.get(slug, []):
            relation = data.term_label(fact.predicate, self.lang)
            if fact.subject == slug:
                key = (0, relation, fact.predicate)
                heading = f"{me} — {relation} — …"
                other, other_label = fact.object, self.value_label(fact.object)
            else:
                key = (1, relation, fact.predicate)
                heading = f"… — {relation} — {me}"
                other = Value(fact.subject, fact.subject)
                other_label = self.label(fact.subject)
            group = groups.setdefault(key, Group(heading))
            row_key = (key, other)
            if row_key not in rows:
                rows[row_key] = Row(other, other_label, [])
                group.rows.append(rows[row_key])
            rows[row_key].sources.append(self.source(fact.passage))
            if (
                (fact.predicate, other.slug or other.text) in flagged
                or ("members", other.slug) in flagged
                or (fact.predicate == "org:memberOf" and fact.subject == slug and other.slug in listed_in)
            ):
                rows[row_key].conflict = True
        ordered = []
        for key in sorted(groups):
            group = groups[key]
            group.rows.sort(key=lambda r: (r.other_label.casefold(), str(r.other)))
            for row in group.rows:
                row.sources.sort(key=lambda s: (s.doc, sort_key(s.passage)))
            ordered.append(group)
        identity = sorted(
            (self._cap(data.term_label(p, self.lang)), v.text) for p, v in data.identity.get(slug, ())
        )
        conflicts = [
            (
                self._cap(data.term_label(c.property, self.lang)) if ":" in c.property else c.property,
                self.label(c.value) if c.value in data.pref else c.value,
                [self.source(p) for p in c.sources],
                [self.source(p) for p in c.missing_from],
            )
            for c in self.conflicts
            if c.subject == slug
        ] + [
            (
                f"{self.data.term_label('org:memberOf', self.lang)} {self.label(c.subject)}",
                self.label(c.value),
                [self.source(p) for p in c.sources],
                [self.source(p) for p in c.missing_from],
            )
            for c in self.conflicts
            if c.property == "members" and c.value == slug
        ]
        return self._render(
            "entity.html",
            "../",
            slug=slug,
            title=me,
            kind=self.kind_label(slug),
            types=sorted(data.types.get(slug, ())),
            type_label=lambda t: self._cap(data.term_label(t, self.lang)),
            pref=sorted(data.pref.get(slug, {}).items()),
            variants=data.acronyms(slug),
            identity=identity,
            groups=ordered,
            conflicts=conflicts,
            picture=self._neighbourhood(slug),
        )

    def _conflicting(self, slug: str) -> set[tuple[str, str]]:
        found = set()
        for c in self.conflicts:
            if c.subject == slug:
                found.add((c.property, c.value))
        return found

    def _neighbourhood(self, slug: str):
        """A small static picture: the entity in the middle, its busiest neighbours around it."""
        counts: Counter = Counter()
        for fact in self.by_entity.get(slug, []):
            other = fact.object.slug if fact.subject == slug else fact.subject
            if other and other != slug:
                counts[other] += 1
        ranked = sorted(counts, key=lambda o: (-counts[o], o))
        shown = ranked[:NEIGHBOURS]
        points = []
        radius = 170.0
        for i, other in enumerate(shown):
            angle = 2 * math.pi * i / max(len(shown), 1) - math.pi / 2
            x, y = round(radius * math.cos(angle), 1), round(radius * 0.8 * math.sin(angle), 1)
            anchor = "middle" if abs(x) < 20 else ("start" if x > 0 else "end")
            dx = 0 if anchor == "middle" else (9 if x > 0 else -9)
            dy = -10 if y < -20 and anchor == "middle" else (18 if anchor == "middle" else 4)
            points.append((other, self._short(other), x, y, anchor, x + dx, y + dy, counts[other]))
        return {"points": points, "more": len(ranked) - len(shown), "center": self._short(slug)}

    def _short(self, slug: str) -> str:
        label = self.label(slug)
        if len(label) <= 26:
            return label
        acronyms = [
            a for a in self.data.alt.get(slug, {}).get(self.lang, ()) if len(a) <= 12 and " " not in a
        ]
        if acronyms:
            return min(acronyms, key=lambda a: (-sum(c.isupper() for c in a), len(a), a))
        return label[:24] + "…"

    def document(self, slug: str) -> str:
        data = self.data
        document = data.documents[slug]
        paragraphs = []
        total = 0
        for passage in document.passages:
            p = data.passages[passage]
            facts = []
            for fact in self.by_passage.get(passage, []):
                facts.append(
                    (
                        fact.subject,
                        self.label(fact.subject),
                        data.term_label(fact.predicate, self.lang),
                        fact.object,
                        self.value_label(fact.object),
                    )
                )
            total += len(facts)
            paragraphs.append((p.label, p.citation.get(self.lang, p.label), p.text, facts))
        return self._render(
            "doc.html",
            "../",
            document=document,
            title=document.titles.get(self.lang) or document.titles.get("fr", slug),
            paragraphs=paragraphs,
            total=total,
        )

    def ontology(self) -> str:
        data = self.data
        instances = Counter(t for slug in data.entities for t in data.types.get(slug, ()))
        uses = Counter(f.predicate for f in data.facts)
        uses.update(p for values in data.identity.values() for p, _ in values)
        children: dict[str, list[str]] = defaultdict(list)
        for term in data.terms.values():
            for parent in term.parents:
                children[parent].append(term.curie)

        def describe(term):
            # The page's language only, never the other one in its place: a French page is
            # French everywhere. A term without a definition in a language is a finding of
            # `atkg validate` (untranslated-term), not something to paper over here.
            comment = term.comments.get(self.lang, "")
            comment_lang = self.lang
            return {
                "curie": term.curie,
                "kind": self.words[f"kind.{term.kind}"],
                "fr": term.labels.get("fr", ""),
                "en": term.labels.get("en", ""),
                "comment": comment,
                "comment_lang": comment_lang,
                "parents": sorted(term.parents),
                "children": sorted(children.get(term.curie, ())),
                "domains": sorted(term.domains),
                "ranges": sorted(term.ranges),
                "usage": instances[term.curie] if term.kind == "class" else uses[term.curie],
            }

        classes = [
            describe(t) for t in sorted(data.terms.values(), key=lambda t: t.curie) if t.kind == "class"
        ]
        properties = [
            describe(t) for t in sorted(data.terms.values(), key=lambda t: t.curie) if t.kind != "class"
        ]
        known = set(data.terms)
        return self._render("ontology.html", "", classes=classes, properties=properties, known=known)
