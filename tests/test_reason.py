"""`atkg reason`: HermiT's inferences land in the inferred graph, asserted graphs untouched."""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import RDF, XSD

from kg.build import build
from kg.namespace import ATKG, GRAPH_INFERRED, ID, ORG
from kg.reason import run_hermit
from kg.store import open_store
from tests.edit_support import ws_args


def test_reason_writes_inferences_to_the_inferred_graph_only(seed_workspace, cli):
    build(seed_workspace)
    before = set(open_store(seed_workspace.store).quads())
    result = cli(*ws_args(seed_workspace), "reason")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"61 triple(s) inferred by HermiT; the inferred graph of {seed_workspace.store} now holds 79\n"
    )
    assert result.stderr == (
        "Note: 8 date triple(s) (xsd:date, xsd:gYear, xsd:gYearMonth) not sent to HermiT: "
        "outside the OWL 2 datatype map\n"
    )
    after = set(open_store(seed_workspace.store).quads())
    assert {q for q in after if q[3] != GRAPH_INFERRED} == {q for q in before if q[3] != GRAPH_INFERRED}
    new = after - before
    assert {q[3] for q in new} == {GRAPH_INFERRED}
    assert (ID.ilo, RDF.type, ORG.Organization, GRAPH_INFERRED) in new
    assert (ID["agreement-unodc-iom-2012"], RDF.type, ATKG.Agreement, GRAPH_INFERRED) in new
    again = cli(*ws_args(seed_workspace), "reason")  # idempotent
    assert again.stdout == result.stdout
    assert set(open_store(seed_workspace.store).quads()) == after


def test_gyear_literals_are_kept_from_hermit_and_said(seed_workspace):
    from kg.build import load_sources

    quads = load_sources(seed_workspace)
    assert any(isinstance(o, Literal) and o.datatype == XSD.gYear for _, _, o, _ in quads)
    run = run_hermit(quads)
    assert run.consistent and run.unsatisfiable == []
    assert run.notes == [
        "8 date triple(s) (xsd:date, xsd:gYear, xsd:gYearMonth) not sent to HermiT: "
        "outside the OWL 2 datatype map"
    ]


def test_reason_without_a_store_is_a_usage_error(seed_workspace, cli):
    result = cli(*ws_args(seed_workspace), "reason")
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: {seed_workspace.store}: no built store here (run `atkg build` first)\n",
    )
