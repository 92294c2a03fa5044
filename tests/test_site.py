"""`atkg site`: pages as files (links, sources, French quotes, conflicts), deterministic, escaped.

Built from the seed + views fixture (tests/data/seed, tests/data/views), whose hostile labels
must reach every page as text. Expected facts are the fixture's, read by hand from its TriG.
"""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kg.provenance import passage_iri, passage_texts
from kg.site import render_site, write_site
from kg.store import memory_store, open_store
from tests.views_fixture import HOSTILE_LABELS, views_built  # noqa: F401  (a fixture)
from viz.graphs import VIEW_NAMES

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def site_en(views_built):  # noqa: F811
    return render_site(open_store(views_built.store), "en")


@pytest.fixture(scope="module")
def site_fr(views_built):  # noqa: F811
    return render_site(open_store(views_built.store), "fr")


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_the_site_has_a_home_an_ontology_the_views_and_a_page_per_entity_and_document(site_en):
    files = sorted(site_en)
    assert files[:2] == ["doc/doc-000.html", "doc/doc-001.html"]
    assert {f for f in files if f.startswith("views/")} == {f"views/{n}.html" for n in (*VIEW_NAMES, "index")}
    assert {"index.html", "ontology.html", "id/ilo.html", "id/icat.html", "id/ngo-hostile.html"} <= set(files)
    # memberships and intervals get pages too, so every linked end of a fact has one
    assert "id/membership-unodc-icat-working-group-chair-2010.html" in files
    # every link is relative and lands on a page of the site (the views link ../id/<slug>.html)
    for name, html in site_en.items():
        for target in re.findall(r'href="([^"#]+)', html):
            assert "//" not in target, (name, target)
            assert posixpath.normpath(posixpath.join(posixpath.dirname(name), target)) in site_en, (
                name,
                target,
            )


def test_an_entity_page_cites_each_fact_with_title_paragraph_and_french_text(site_en, views_built):  # noqa: F811
    page = site_en["id/ilo.html"]
    assert "<h1>International Labour Organization</h1>" in page
    assert '<a href="../ontology.html#atkg-UNEntity">United Nations entity</a>' in page
    # acronyms and variants, both languages
    assert "BIT · Bureau international du Travail · ILO · OIT" in page
    group = page.split("<h3>International Labour Organization — member of — …</h3>")[1].split("<h3>")[0]
    icat = re.search(
        r'<li><a href="icat.html">Inter-Agency Coordination Group against Trafficking in Persons</a>'
        r"(.*?)</li>",
        group,
        re.S,
    )
    assert icat, group
    paragraph = passage_texts(views_built.corpus_dir)[passage_iri("000", "11")]
    details = re.findall(
        r'<details data-passage="([^"]+)"><summary>(.*?)</summary>'
        r'<blockquote lang="fr">(.*?)</blockquote><a href="([^"]+)">',
        icat.group(1),
        re.S,
    )
    assert [(p, unescape(q), h) for p, _, q, h in details] == [
        ("passage-000-11", paragraph, "../doc/doc-000.html#p-11")
    ]
    assert unescape(details[0][1]).endswith(" — Document 000, paragraph 11")
    assert unescape(details[0][1]).startswith("Improving the coordination of efforts against trafficking")
    # the picture of its neighbourhood links the neighbours' pages
    assert '<svg class="neighbourhood"' in page and '<a href="icat.html"><circle' in page


def test_incoming_facts_read_from_the_other_end(site_en):
    page = site_en["id/icat.html"]
    heading = "<h3>… — member of — Inter-Agency Coordination Group against Trafficking in Persons</h3>"
    members = page.split(heading)[1].split("<h3>")[0]
    # by label: the hostile NGO's "</script>…" sorts first
    assert re.findall(r'<li><a href="([a-z-]+)\.html">', members) == [
        "ngo-hostile",
        "interpol",
        "ilo",
        "iom",
        "ohchr",
        "unhcr",
        "unicef",
        "unifem",
        "unodc",
        "unfpa",
    ]


def test_a_document_page_shows_each_paragraph_with_its_facts(site_en, views_built):  # noqa: F811
    page = site_en["doc/doc-000.html"]
    section = re.search(r'<section class="para" id="p-11">(.*?)</section>', page, re.S).group(1)
    paragraph = passage_texts(views_built.corpus_dir)[passage_iri("000", "11")]
    assert '<p lang="fr">' in section and unescape(section).count(paragraph) == 1
    assert (
        '<a href="../id/ilo.html">International Labour Organization</a> — member of — '
        '<a href="../id/icat.html">' in section
    )
    assert page.count('<section class="para" id="p-') == len(
        [p for p in passage_texts(views_built.corpus_dir) if str(p).startswith(str(passage_iri("000", "")))]
    )


def test_the_ontology_page_lists_classes_and_properties_with_labels_and_usage(site_fr):
    page = site_fr["ontology.html"]
    row = re.search(r'<tr id="atkg-CoordinationMechanism">(.*?)</tr>', page, re.S).group(1)
    assert '<td lang="fr">mécanisme de coordination</td><td lang="en">coordination mechanism</td>' in row
    assert '<a href="#org-OrganizationalCollaboration">org:OrganizationalCollaboration</a>' in row
    assert (
        re.search(r'<td class="num">(\d+) individu\(s\)</td>', row).group(1) == "4"
    )  # ICAT, its group, GMG, UN.GIFT SC
    member = re.search(r'<tr id="org-memberOf">(.*?)</tr>', page, re.S).group(1)
    assert "<td>propriété d'objet</td>" in member.replace("&#39;", "'")
    assert '<a href="#foaf-Agent">foaf:Agent</a>' in member or "foaf:Agent" in member


def test_conflicting_claims_are_flagged_on_the_entity_page(views_built):  # noqa: F811
    from rdflib import Literal, URIRef
    from rdflib.namespace import DCTERMS, XSD

    from kg.namespace import ID

    quads = list(open_store(views_built.store).quads())
    # a second paragraph dating the UNODC–IOM agreement differently (2011, not 2012-04)
    quads.append(
        (
            ID["agreement-unodc-iom-2012"],
            DCTERMS.date,
            Literal("2011", datatype=XSD.gYear),
            URIRef(ID["passage-001-2"]),
        )
    )
    # and a second paragraph listing only three of ICAT's members
    member_of = URIRef("http://www.w3.org/ns/org#memberOf")
    for member in ("ilo", "iom", "unodc"):
        quads.append((ID[member], member_of, ID["icat"], URIRef(ID["passage-001-2"])))
    site = render_site(memory_store(quads), "en")
    page = site["id/agreement-unodc-iom-2012.html"]
    conflicts = page.split('<h2 class="conflicts">Where the sources disagree</h2>')[1].split("</ul>")[0]
    assert text_of(conflicts).count("Date:") == 2
    assert "Date: 2011 — stated in" in text_of(conflicts) and "Date: 2012-04 — stated in" in text_of(
        conflicts
    )
    assert page.count('<li class="conflict">') == 2 and page.count("⚠ sources disagree") == 2
    # INTERPOL is in 000 §11's list, not in the other: flagged on its page and on ICAT's
    interpol = site["id/interpol.html"]
    assert (
        "member of Inter-Agency Coordination Group against Trafficking in Persons: "
        "International Criminal Police Organization — stated in "
    ) in text_of(interpol)
    assert text_of(interpol).count("missing from") == 1 and interpol.count('<li class="conflict">') == 1
    assert '<li class="conflict"><a href="interpol.html">' in site["id/icat.html"]
    assert '<li class="conflict"><a href="ilo.html">' not in site["id/icat.html"]  # in both lists


def test_french_site_is_french(site_fr):
    from kg.site.text import WORDS

    english = [
        en for key, en in WORDS["en"].items() if en != WORDS["fr"][key] and "{" not in en and len(en) > 4
    ]
    for name in ("index.html", "id/ilo.html", "doc/doc-000.html", "ontology.html"):
        html = site_fr[name]
        assert '<html lang="fr">' in html
        # the page's own words; text marked lang="en" (English labels, definitions, curators'
        # notes) is the data's, and says it is English
        html = re.sub(r'<(span|td)[^>]* lang="en">.*?</\1>', "", html, flags=re.S)
        shown = text_of(re.sub(r"<script[^>]*>.*?</script>", "", html, flags=re.S))
        assert [e for e in english if re.search(rf"\b{re.escape(e)}\b", shown)] == [], name
    page = site_fr["id/ilo.html"]
    assert "<h1>Organisation internationale du Travail</h1>" in page
    assert "Document 000, paragraphe 11" in page and "paragraph 11" not in page


class _Tags(HTMLParser):
    """Every element and attribute name a browser's parser would see."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


def test_hostile_labels_are_text_on_every_page(site_en, site_fr):
    payloads = {label for labels in HOSTILE_LABELS.values() for label in labels.values()}
    for site in (site_en, site_fr):
        for name, html in site.items():
            markup = re.sub(r"(<script[^>]*>).*?(</script>)", r"\1\2", html, flags=re.S)
            for payload in payloads:
                assert payload not in markup, (name, payload)
            parsed = _Tags()
            parsed.feed(html)
            assert parsed.tags.isdisjoint({"img", "iframe", "object", "embed", "link", "base"}), name
            assert not any(a.startswith("on") for a in parsed.attributes), name
    assert "&lt;img src=x onerror=alert(1)&gt;" in site_fr["id/ngo-hostile.html"]


def test_site_is_byte_identical_across_processes(views_built, tmp_path):  # noqa: F811
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"site{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "kg",
                "--workspace",
                str(views_built.root),
                "site",
                "--out",
                str(out),
                "--lang",
                "fr",
            ],
            check=True,
            capture_output=True,
            env=env,
            cwd=ROOT,
        )
        outputs.append(
            {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
        )
    assert len(outputs[0]) == 63 and outputs[0] == outputs[1]


def test_cli_site_writes_replaces_and_refuses_a_foreign_folder(cli, views_built, tmp_path):  # noqa: F811
    out = tmp_path / "site"
    result = cli("--workspace", views_built.root, "site", "--out", out)
    assert result.exit_code == 0, result.stderr
    total = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    assert result.stdout.splitlines() == [
        f"63 files, {total} bytes: 48 entity pages, 5 document pages, 7 views, ontology.html",
        f"Open {(out / 'index.html').resolve()} in a browser",
    ]
    (out / "id" / "stale.html").write_text("left over", encoding="utf-8")
    assert cli("--workspace", views_built.root, "site", "--out", out).exit_code == 0
    assert not (out / "id" / "stale.html").exists()  # replaced whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging folder left

    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine", encoding="utf-8")
    result = cli("--workspace", views_built.root, "site", "--out", foreign)
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: --out {foreign}: the folder is not empty and holds no index.html; "
        "atkg site replaces its folder whole, so give it a new or empty one\n"
    )
    assert [p.name for p in foreign.iterdir()] == ["notes.txt"]
    result = cli("--workspace", views_built.root, "site", "--out", out, "--lang", "de")
    assert result.exit_code == 2 and "'de' is not one of" in result.stderr


def test_write_site_returns_what_it_wrote(views_built, tmp_path):  # noqa: F811
    summary = write_site(views_built, open_store(views_built.store), tmp_path / "s", "en")
    assert (summary.entities, summary.documents, summary.views, summary.files) == (48, 5, 7, 63)
    assert summary.bytes == sum(p.stat().st_size for p in (tmp_path / "s").rglob("*") if p.is_file())


def test_nodes_without_a_label_are_named_from_their_facts(site_en, site_fr):
    membership = "id/membership-unodc-icat-working-group-chair-2010.html"
    # member — role (the ontology's label of atkg:ChairRole) — organisation
    assert (
        "<h1>United Nations Office on Drugs and Crime — chair — ICAT working group</h1>"
        in site_en[membership]
    )
    assert (
        "<h1>Office des Nations Unies contre la drogue et le crime — président — "
        "Groupe de travail de l&#39;ICAT</h1>"
    ) in site_fr[membership]
    interval = site_en["id/interval-membership-unodc-icat-working-group-chair-2010.html"]
    assert "<h1>2010 – …</h1>" in interval  # a start, no end
    # the member's page names the membership, not its slug
    assert (
        '<a href="membership-unodc-icat-working-group-chair-2010.html">'
        "United Nations Office on Drugs and Crime — chair — ICAT working group</a>"
    ) in site_en["id/unodc.html"]


def _ontology_comments() -> dict[str, dict[str, str]]:
    """The definitions of every class and property of the real ontology, by CURIE and language."""
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF, RDFS

    from kg.curation.terms import TERM_KINDS
    from kg.namespace import shorten

    graph = Graph().parse(ROOT / "ontology" / "atkg.ttl")
    terms = {s for s, o in graph.subject_objects(RDF.type) if o in TERM_KINDS and isinstance(s, URIRef)}
    return {shorten(t): {c.language: str(c) for c in graph.objects(t, RDFS.comment)} for t in terms}


def _definition_cells(page: str) -> dict[str, tuple[str, str]]:
    """Each term row's definition cell: anchor -> (its lang attribute, its text)."""
    cells = {}
    for anchor, row in re.findall(r'<tr id="([^"]+)">(.*?)</tr>', page, re.S):
        tds = re.findall(r"<td([^>]*)>(.*?)</td>", row, re.S)
        # columns: term (+ kind for properties), fr label, en label, definition, ...
        labelled = [i for i, (attrs, _) in enumerate(tds) if attrs == ' lang="en"']
        attrs, text = tds[labelled[0] + 1]
        cells[anchor] = (attrs, unescape(text))
    return cells


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_ontology_page_defines_every_term_in_its_own_language_only(site_fr, site_en, lang):
    from kg.site.pages import term_anchor

    page = (site_fr if lang == "fr" else site_en)["ontology.html"]
    other = "en" if lang == "fr" else "fr"
    comments = _ontology_comments()
    cells = _definition_cells(page)
    # 40 classes, 40 object, 20 datatype and 22 annotation properties
    assert set(cells) == {term_anchor(c) for c in comments} and len(cells) == 122
    for curie, texts in comments.items():
        assert cells[term_anchor(curie)] == (f' lang="{lang}"', texts[lang]), curie
    # not one definition of the other language anywhere on the page
    shown = text_of(page)
    assert [texts[other] for texts in comments.values() if texts[other] in shown] == []


def test_the_french_ontology_page_shows_the_french_definitions(site_fr, site_en):
    row = re.search(r'<tr id="atkg-CoordinationMechanism">(.*?)</tr>', site_fr["ontology.html"], re.S).group(
        1
    )
    assert (
        '<td lang="fr">Groupe par lequel des organisations coordonnent leur action (ICAT, Groupe mondial '
        "sur la migration, commission nationale, groupe de travail, groupe de réflexion).</td>"
    ) in row
    row = re.search(r'<tr id="atkg-CoordinationMechanism">(.*?)</tr>', site_en["ontology.html"], re.S).group(
        1
    )
    assert (
        '<td lang="en">A group through which organizations coordinate (ICAT, the Global Migration Group, '
        "a national commission, a working group, a think tank).</td>"
    ) in row
    assert "Groupe par lequel" not in site_en["ontology.html"]
    assert "A group through which" not in site_fr["ontology.html"]


def test_a_term_without_a_definition_in_the_page_language_shows_none(views_built):  # noqa: F811
    """No fallback to the other language: the hole is `atkg validate`'s untranslated-term finding."""
    from rdflib import Literal
    from rdflib.namespace import RDFS

    from kg.namespace import ATKG, GRAPH_ONTOLOGY

    english = Literal("A group through which organizations coordinate", lang="en")
    french = "Groupe par lequel des organisations coordonnent leur action"
    quads = [
        q
        for q in open_store(views_built.store).quads()
        if not (q[0] == ATKG.CoordinationMechanism and q[1] == RDFS.comment and q[3] == GRAPH_ONTOLOGY)
    ]
    quads.append((ATKG.CoordinationMechanism, RDFS.comment, english, GRAPH_ONTOLOGY))
    for lang, expected in (("fr", ""), ("en", str(english))):
        page = render_site(memory_store(quads), lang)["ontology.html"]
        assert _definition_cells(page)["atkg-CoordinationMechanism"] == (f' lang="{lang}"', expected)
        assert french not in page
