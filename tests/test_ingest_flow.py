"""The whole flow on our own written report: add, ingest, review, accept, build, query (real store)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPORT = Path(__file__).resolve().parent / "data" / "ingest" / "rapport_afrique_ouest.txt"


@pytest.fixture
def ws(workspace_factory, cli):
    workspace = workspace_factory()
    result = cli(
        "--workspace",
        workspace.root,
        "corpus",
        "add",
        REPORT,
        "--title",
        "Coopération régionale contre la traite",
        "--date",
        "2012-08-14",
        "--symbol",
        "A/67/990",
    )
    assert result.exit_code == 0, result.stderr
    return workspace


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """One workspace with the report added and ingested, for tests that do not accept anything."""
    from kg.ingest.pipeline import ingest_document
    from kg.sources.adding import add_document
    from tests.conftest import make_workspace

    workspace = make_workspace(tmp_path_factory.mktemp("ingested"))
    add_document(workspace, REPORT, title="Coopération régionale", date="2012-08-14", symbol="A/67/990")
    ingest_document(workspace, "005")
    return workspace


def run(cli, ws, *args):
    return cli("--workspace", ws.root, *args)


def queue(cli, ws) -> list[dict]:
    result = run(cli, ws, "review", "list", "005", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def find(candidates, **fields) -> dict:
    [candidate] = [c for c in candidates if all(c.get(k) == v for k, v in fields.items())]
    return candidate


def test_add_ingest_review_accept_build_query(ws, cli):
    from kg.build import build
    from kg.store import open_store

    result = run(cli, ws, "ingest", "005")
    assert result.exit_code == 0, result.stderr
    assert (
        result.stdout == "kg/review/005.json: 39 known-entity mentions, 31 new entities, 71 facts proposed\n"
    )
    first = (ws.root / "kg" / "review" / "005.json").read_bytes()
    assert run(cli, ws, "ingest", "005").exit_code == 0
    assert (ws.root / "kg" / "review" / "005.json").read_bytes() == first  # deterministic
    before = {p.name: p.read_bytes() for p in ws.data_dir.iterdir()}
    assert {p.name: p.read_bytes() for p in ws.data_dir.iterdir()} == before  # nothing curated yet

    candidates = queue(cli, ws)
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    walkthrough = readme.split("## Add a new report", 1)[1].split("\n## ", 1)[0]
    shown = set(re.findall(r"\b[ef]-[0-9a-f]{8}\b", walkthrough))
    assert len(shown) == 4 and shown <= {c["id"] for c in candidates}  # the README's ids are real
    olm = find(candidates, passage="005-1", entity="iom")
    assert olm == {
        "id": olm["id"],
        "kind": "entity",
        "passage": "005-1",
        "status": "pending",
        "text": "OlM",
        "entity": "iom",
        "proposed_slug": "iom",
        "type": "atkg:IntergovernmentalOrganization",
        "labels": {
            "fr": "Organisation internationale pour les migrations",
            "en": "International Organization for Migration",
        },
        "confidence": 0.95,
    }
    prepem = find(candidates, kind="entity", proposed_slug="programme-prepem")
    assert (prepem["entity"], prepem["type"], prepem["labels"], prepem["alt"]) == (
        None,
        "atkg:JointProgramme",
        {"fr": "Programme régional de protection des enfants migrants", "en": None},
        ["PREPEM@fr"],
    )
    launched = find(
        candidates, kind="fact", subject="programme-prepem", predicate="atkg:launchedBy", object="unodc"
    )
    assert launched["passage"] == "005-7"
    assert launched["evidence"].startswith(
        "7. Le Programme régional de protection des enfants migrants (PREPEM)"
    )
    assert launched["confidence"] == 0.75

    # a fact on a new entity waits for the entity; an entity without English label waits for one
    refused = run(cli, ws, "review", "accept", "005", launched["id"], prepem["id"])
    assert refused.exit_code == 1
    assert refused.stderr.splitlines() == [
        f"refused {prepem['id']}: programme-prepem: no en label; give one with "
        f"`atkg review edit 005 {prepem['id']} --label-en TEXT`",
        f"refused {launched['id']}: programme-prepem is a proposed new entity: accept {prepem['id']} first",
    ]
    assert {p.name: p.read_bytes() for p in ws.data_dir.iterdir()} == before
    assert find(queue(cli, ws), id=launched["id"])["status"] == "pending"

    edited = run(
        cli,
        ws,
        "review",
        "edit",
        "005",
        prepem["id"],
        "--label-en",
        "Regional Programme for the Protection of Migrant Children",
    )
    assert edited.exit_code == 0, edited.stderr
    accepted = run(cli, ws, "review", "accept", "005", prepem["id"], launched["id"])
    assert accepted.exit_code == 0, accepted.stderr
    assert accepted.stdout == (
        f"accepted {prepem['id']}: added programme-prepem (atkg:JointProgramme)\n"
        f"accepted {launched['id']}: added programme-prepem atkg:launchedBy unodc [005 §7]\n"
        "2 accepted, 0 refused (left pending with the reason)\n"
    )

    # rename a proposed slug: the queue's facts follow; the agreement is accepted as one n-ary node
    cnltp = find(candidates, kind="entity", proposed_slug="cnltp")
    run(
        cli,
        ws,
        "review",
        "edit",
        "005",
        cnltp["id"],
        "--slug",
        "ben-cnltp",
        "--label-en",
        "National Commission against Trafficking in Persons of Benin",
    )
    agreement = find(queue(cli, ws), kind="entity", proposed_slug="agreement-unodc-cnltp-2011")
    parties = [c["object"] for c in queue(cli, ws) if c.get("subject") == "agreement-unodc-cnltp-2011"]
    assert parties == ["unodc", "ben-cnltp", "2011-03-12"]
    done = run(cli, ws, "review", "accept", "005", cnltp["id"], agreement["id"])
    assert done.exit_code == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "5 accepted, 0 refused (left pending with the reason)"

    # reject, and refuse to reject what is accepted
    region = find(candidates, kind="entity", passage="005-1", proposed_slug="region-afrique-ouest")
    assert run(cli, ws, "review", "reject", "005", region["id"]).stdout == f"rejected {region['id']}\n"
    again = run(cli, ws, "review", "reject", "005", prepem["id"])
    assert (again.exit_code, again.stderr) == (
        2,
        f"Error: {prepem['id']} is already accepted; remove what it added with `atkg fact rm`\n",
    )
    kept = run(cli, ws, "ingest", "005")
    assert kept.stdout.endswith("(2 earlier decisions kept)\n")  # the rejected region, the launch fact

    build(ws)
    store = open_store(ws.store)
    rows = store.query(
        "SELECT ?g ?label WHERE { GRAPH ?g { id:programme-prepem atkg:launchedBy id:unodc } "
        "GRAPH id:graph-entities { id:programme-prepem skos:prefLabel ?label FILTER(lang(?label) = 'en') } }"
    )
    assert [(r["g"].value.rsplit("/", 1)[1], r["label"].value) for r in rows] == [
        ("passage-005-7", "Regional Programme for the Protection of Migrant Children")
    ]
    rows = store.query(
        "SELECT ?party ?date WHERE { GRAPH id:passage-005-3 { "
        "id:agreement-unodc-cnltp-2011 atkg:party ?party ; "
        "dcterms:date ?date } GRAPH id:graph-entities { id:agreement-unodc-cnltp-2011 a "
        "atkg:MemorandumOfUnderstanding } } ORDER BY ?party"
    )
    assert [(r["party"].value.rsplit("/", 1)[1], r["date"].value) for r in rows] == [
        ("ben-cnltp", "2011-03-12"),
        ("unodc", "2011-03-12"),
    ]


def test_min_confidence_accepts_only_the_confident(ws, cli):
    run(cli, ws, "ingest", "005")
    result = run(cli, ws, "review", "accept", "005", "--min-confidence", "0.95")
    assert result.exit_code == 0, result.stderr
    statuses = {(c["status"], c["confidence"] >= 0.95) for c in queue(cli, ws)}
    assert statuses == {("accepted", True), ("pending", False)}


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["review", "list", "009"],
            2,
            "Error: document '009': not in the corpus (known: 000, 001, 002, 003, 004, 005)\n",
        ),
        (
            ["review", "list", "004"],
            2,
            "Error: no review queue for document 004: run `atkg ingest 004` first\n",
        ),
        (["review", "list", "005", "--format", "xml"], 2, "Error: --format 'xml': give table or json\n"),
        (
            ["review", "accept", "005", "f-00000000"],
            2,
            "Error: no candidate f-00000000 in this queue (see `atkg review list`)\n",
        ),
        (["review", "accept", "005"], 2, "Error: name candidates, or give --all or --min-confidence X\n"),
        (
            ["ingest", "042"],
            2,
            "Error: document '042': not in the corpus (known: 000, 001, 002, 003, 004, 005)\n",
        ),
    ],
)
def test_review_errors_are_one_line(ingested, cli, args, code, message):
    before = (ingested.root / "kg" / "review" / "005.json").read_bytes()
    result = run(cli, ingested, *args)
    assert (result.exit_code, result.stderr) == (code, message)
    assert (ingested.root / "kg" / "review" / "005.json").read_bytes() == before


def test_review_edit_changes_only_what_the_kind_allows(ingested, cli):
    candidates = queue(cli, ingested)
    fact = find(candidates, kind="fact", subject="campaign-blue-heart", object="country-BEN")
    entity = find(candidates, kind="entity", proposed_slug="programme-prepem")
    wrong = run(cli, ingested, "review", "edit", "005", entity["id"], "--object", "iom")
    assert (wrong.exit_code, wrong.stderr) == (
        2,
        "Error: an entity candidate takes --slug, --type, --label-fr, --label-en\n",
    )
    empty = run(cli, ingested, "review", "edit", "005", fact["id"])
    assert empty.stderr == (
        "Error: nothing to change: give --slug, --type, --label-fr, --label-en, --subject, --predicate "
        "or --object\n"
    )
    done = run(cli, ingested, "review", "edit", "005", fact["id"], "--predicate", "atkg:partner")
    assert done.exit_code == 0, done.stderr
    assert json.loads(done.stdout) == {**fact, "predicate": "atkg:partner"}
    assert find(queue(cli, ingested), id=fact["id"])["predicate"] == "atkg:partner"
