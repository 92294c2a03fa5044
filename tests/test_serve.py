"""`atkg serve`: the real oxigraph server on a free loopback port, queried with urllib."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from xml.etree import ElementTree

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

from kg.errors import UsageError
from kg.serve import server_command

ID = "https://w3id.org/atkg/id/"
QUERY = (
    "PREFIX org: <http://www.w3.org/ns/org#> PREFIX id: <https://w3id.org/atkg/id/> "
    "SELECT ?m WHERE { ?m org:memberOf id:gmg } ORDER BY ?m"
)
MEMBERS = ["ilo", "iom", "ohchr", "undp", "unesco", "unfpa", "unhcr", "unicef", "unodc"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(seed_built):
    port = free_port()
    server = subprocess.Popen(
        server_command(seed_built.store, "127.0.0.1", port),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise
            time.sleep(0.1)
    yield base
    server.terminate()
    server.wait(timeout=10)


def get(base: str, query: str, accept: str) -> tuple[str, bytes]:
    url = base + "/query?" + urllib.parse.urlencode({"query": query})
    with urllib.request.urlopen(
        urllib.request.Request(url, headers={"Accept": accept}), timeout=10
    ) as response:
        return response.headers.get_content_type(), response.read()


def post(base: str, query: str, accept: str) -> tuple[str, bytes]:
    request = urllib.request.Request(
        base + "/query",
        data=query.encode(),
        method="POST",
        headers={"Accept": accept, "Content-Type": "application/sparql-query"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers.get_content_type(), response.read()


@pytest.mark.parametrize("send", [get, post])
def test_every_results_format_parses_back(endpoint, send):
    kind, body = send(endpoint, QUERY, "application/sparql-results+json")
    assert kind == "application/sparql-results+json"
    assert [b["m"]["value"].removeprefix(ID) for b in json.loads(body)["results"]["bindings"]] == MEMBERS
    kind, body = send(endpoint, QUERY, "application/sparql-results+xml")
    assert kind == "application/sparql-results+xml"
    uris = ElementTree.fromstring(body).iter("{http://www.w3.org/2005/sparql-results#}uri")
    assert [u.text.removeprefix(ID) for u in uris] == MEMBERS
    kind, body = send(endpoint, QUERY, "text/csv")
    assert kind == "text/csv"
    assert list(csv.reader(io.StringIO(body.decode()))) == [["m"]] + [[ID + m] for m in MEMBERS]
    kind, body = send(endpoint, QUERY, "text/tab-separated-values")
    assert kind == "text/tab-separated-values"
    rows = ox.parse_query_results(body, format=ox.QueryResultsFormat.TSV)
    assert [r["m"].value.removeprefix(ID) for r in rows] == MEMBERS


@pytest.mark.parametrize("send", [get, post])
def test_construct_as_turtle(endpoint, send):
    query = (
        "PREFIX atkg: <https://w3id.org/atkg/ontology#> "
        "CONSTRUCT { ?a atkg:party ?b } WHERE { ?a atkg:party ?b }"
    )
    kind, body = send(endpoint, query, "text/turtle")
    assert kind == "text/turtle"
    graph = Graph().parse(data=body.decode(), format="turtle")
    assert (URIRef(ID + "agreement-unodc-unwto-2012"), None, URIRef(ID + "unwto")) in graph
    assert len(graph) == 6


def test_the_default_graph_is_the_union(endpoint):
    _, body = get(
        endpoint, "ASK { <https://w3id.org/atkg/id/icat> ?p ?o }", "application/sparql-results+json"
    )
    assert json.loads(body)["boolean"] is True


def test_updates_are_refused(endpoint):
    request = urllib.request.Request(
        endpoint + "/update",
        data=b"INSERT DATA { <http://a> <http://b> <http://c> }",
        method="POST",
        headers={"Content-Type": "application/sparql-update"},
    )
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=10)
    assert error.value.code == 403
    _, body = get(endpoint, "ASK { <http://a> <http://b> <http://c> }", "application/sparql-results+json")
    assert json.loads(body)["boolean"] is False


def test_a_query_page_for_people(endpoint):
    with urllib.request.urlopen(endpoint + "/", timeout=10) as response:
        assert response.headers.get_content_type() == "text/html"
        assert b"yasgui" in response.read().lower()


def test_the_command_binds_to_localhost_by_default(seed_built, tmp_path):
    command = server_command(seed_built.store)
    assert command[1:] == [
        "serve-read-only",
        "--location",
        str(seed_built.store),
        "--bind",
        "127.0.0.1:7878",
        "--union-default-graph",
    ]
    assert server_command(seed_built.store, "::1", 8000, 30)[-5:] == [
        "--bind",
        "[::1]:8000",
        "--union-default-graph",
        "--timeout-s",
        "30",
    ]
    with pytest.raises(UsageError, match="no built store here"):
        server_command(tmp_path)
    with pytest.raises(UsageError, match="^--port 70000: give a port between 1 and 65535$"):
        server_command(seed_built.store, port=70000)


def test_serve_refuses_a_missing_store(cli, seed_workspace):
    result = cli("--workspace", seed_workspace.root, "serve", "--port", "1")
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: {seed_workspace.store}: no built store here (run `atkg build` first)\n",
    )
