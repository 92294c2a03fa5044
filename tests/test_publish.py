"""atkg publish and remote stores: refusals and credentials, exact messages (the round trips on
real engines are in tests/engines)."""

from __future__ import annotations

import re

import pytest

from kg.errors import UsageError
from kg.remote import credentials


def test_build_refuses_a_remote_store_and_points_to_publish(seed_workspace, cli):
    result = cli("--workspace", seed_workspace.root, "--store", "http://127.0.0.1:9/sparql", "build")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: --store http://127.0.0.1:9/sparql: build writes a local store; build without --store, "
        "then `atkg publish --store URL` puts the graph into a remote store\n"
    )
    assert not seed_workspace.store.exists()


def test_credentials_come_from_the_environment_both_or_neither():
    assert credentials({}) is None
    assert credentials({"ATKG_STORE_USER": "dba", "ATKG_STORE_PASSWORD": "secret"}) == ("dba", "secret")
    with pytest.raises(UsageError) as error:
        credentials({"ATKG_STORE_USER": "dba"})
    assert error.value.message == (
        "ATKG_STORE_PASSWORD is not set: give both ATKG_STORE_USER and ATKG_STORE_PASSWORD, or neither"
    )


def test_publish_needs_an_http_store(seed_built, cli):
    result = cli("--workspace", seed_built.root, "publish")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: publish needs --store URL, the Graph Store Protocol endpoint of the remote store\n"
    )


def test_publish_to_an_unreachable_store_names_it(seed_built, cli):
    from tests.engines.servers import free_port

    url = f"http://127.0.0.1:{free_port()}/store"
    result = cli("--workspace", seed_built.root, "publish", "--store", url)
    assert result.exit_code == 2
    # the first graph sent is named in the message; the progress bar may precede it
    last = result.stderr.splitlines()[-1]
    assert re.fullmatch(
        re.escape(f"Error: {url}?graph=") + r"https%3A%2F%2Fw3id\.org%2Fatkg%2Fid%2F[a-z0-9-]+"
        r": cannot reach the store \(\[Errno 111\] Connection refused\)",
        last,
    ), last
