"""Synthetic graphs in our vocabulary and patterns, N times the curated data, for scale figures.

Why: the curated graph (8,231 quads) is far too small to show how queries, analyses, loading and
views behave at the sizes an adopting organisation will reach. Rather than invent a generator with
its own idea of what the data looks like, the curated graph itself is replicated: copy 0 is the
curated graph exactly as `atkg build` stores it; copy k (k >= 1) is the same graph with every
individual and passage renamed (``id:unodc`` -> ``id:unodc-x17``) and every label suffixed
(``"UNODC"@en`` -> ``"UNODC 17"@en``), so labels stay unique and the checks stay quiet. The
ontology and the four fixed graphs (``id:graph-entities``, ...) are shared. Copies are then tied
together by a few seeded "bridge" memberships per copy (an actor of copy k joins a mechanism of an
earlier copy, with its inverse in ``id:graph-inferred``), so the network is one web, not N
identical islands.

The output is N-Quads, written copy by copy (never the whole graph in memory), byte-for-byte the
same for the same (factor, seed)::

    .venv/bin/python benchmarks/synthetic.py 100 --out /tmp/atkg-100x.nq [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyoxigraph as ox  # noqa: E402

ID = "https://w3id.org/atkg/id/"
ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
LABELS = {SKOS + "prefLabel", SKOS + "altLabel", SKOS + "hiddenLabel"}
GRAPH_ONTOLOGY = ID + "graph-ontology"
GRAPH_INFERRED = ID + "graph-inferred"
BRIDGES_PER_COPY = 3
DEFAULT_SEED = 20240601
# Markers where a copy's suffixes go; neither occurs in the data (checked when the template is made).
_IRI_MARK = "@@I@@"
_LABEL_MARK = "@@L@@"

__all__ = ["CopyTemplate", "base_quads", "make_template", "write_synthetic", "BRIDGES_PER_COPY"]


def base_quads(root: Path) -> list[ox.Quad]:
    """What `atkg build` stores for the workspace at ``root`` (asserted + inferred), blank nodes
    relabelled canonically so that the ontology's blank nodes print the same in every run."""
    from kg.build import inferred_quads, load_sources
    from kg.rdfio import canonical_quads, to_ox
    from kg.workspace import Workspace

    asserted = load_sources(Workspace(root))
    quads = canonical_quads(set(asserted + inferred_quads(asserted)))
    return [ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g)) for s, p, o, g in quads]


def _renamed(term) -> bool:
    return (
        isinstance(term, ox.NamedNode)
        and term.value.startswith(ID)
        and not term.value.startswith(ID + "graph-")
    )


def _iri_or_term(term) -> str:
    return f"<{term.value}{_IRI_MARK}>" if _renamed(term) else str(term)


class CopyTemplate:
    """The curated graph as text with markers: copy k is two ``str.replace`` calls away."""

    def __init__(self, shared: str, per_copy: str, shared_count: int, per_copy_count: int, bridges) -> None:
        self.shared = shared  # the ontology graph: written once
        self.per_copy = per_copy
        self.shared_count = shared_count
        self.per_copy_count = per_copy_count
        # (actor IRI, mechanism IRI, passage graph IRI) of every plain membership: bridge material
        self.bridges: list[tuple[str, str, str]] = bridges

    def copy(self, k: int) -> str:
        if k == 0:
            return self.per_copy.replace(_IRI_MARK, "").replace(_LABEL_MARK, "")
        return self.per_copy.replace(_IRI_MARK, f"-x{k}").replace(_LABEL_MARK, f" {k}")


def make_template(quads: list[ox.Quad]) -> CopyTemplate:
    text = "".join(str(q) for q in quads)
    if _IRI_MARK in text or _LABEL_MARK in text:
        raise ValueError("the data holds a synthetic-copy marker; pick other markers")
    shared: list[str] = []
    per_copy: list[str] = []
    bridges = []
    for quad in quads:
        s, p, o, g = quad.subject, quad.predicate, quad.object, quad.graph_name
        if isinstance(g, ox.NamedNode) and g.value == GRAPH_ONTOLOGY:
            shared.append(f"{quad} .\n")
            continue
        if p.value in LABELS and isinstance(o, ox.Literal):
            obj = str(ox.Literal(o.value + _LABEL_MARK, language=o.language))
        else:
            obj = _iri_or_term(o)
        per_copy.append(f"{_iri_or_term(s)} {p} {obj} {_iri_or_term(g)} .\n")
        if (
            p.value == ORG + "memberOf"
            and _renamed(s)
            and _renamed(o)
            and g.value.startswith(ID + "passage-")
        ):
            bridges.append((s.value, o.value, g.value))
    shared.sort()
    per_copy.sort()
    return CopyTemplate("".join(shared), "".join(per_copy), len(shared), len(per_copy), sorted(bridges))


def bridge_lines(template: CopyTemplate, k: int, seed: int) -> list[str]:
    """The seeded memberships tying copy k to earlier copies (none for copy 0), with inverses."""
    if k == 0 or not template.bridges:
        return []
    rng = random.Random(f"{seed}:{k}")
    lines: set[str] = set()
    for _ in range(BRIDGES_PER_COPY):
        actor, _, passage = rng.choice(template.bridges)
        _, mechanism, _ = rng.choice(template.bridges)
        earlier = rng.randrange(k)
        theirs = mechanism + (f"-x{earlier}" if earlier else "")
        ours, graph = actor + f"-x{k}", passage + f"-x{k}"
        lines.add(f"<{ours}> <{ORG}memberOf> <{theirs}> <{graph}> .\n")
        lines.add(f"<{theirs}> <{ORG}hasMember> <{ours}> <{GRAPH_INFERRED}> .\n")
    return sorted(lines)


def synthetic_chunks(template: CopyTemplate, factor: int, seed: int) -> Iterator[str]:
    """The synthetic graph, one copy at a time."""
    yield template.shared
    for k in range(factor):
        yield template.copy(k) + "".join(bridge_lines(template, k, seed))


def write_synthetic(root: Path, factor: int, out: TextIO | Path, seed: int = DEFAULT_SEED) -> int:
    """Write ``factor`` copies of the curated graph of workspace ``root`` as N-Quads; the quad count."""
    if factor < 1:
        raise ValueError(f"factor {factor}: give 1 or more copies")
    template = make_template(base_quads(root))
    if isinstance(out, Path):
        partial = out.with_name(out.name + ".partial")
        with partial.open("w", encoding="utf-8", newline="\n") as stream:
            count = write_synthetic_to(template, factor, stream, seed)
        partial.replace(out)
        return count
    return write_synthetic_to(template, factor, out, seed)


def write_synthetic_to(template: CopyTemplate, factor: int, stream: TextIO, seed: int) -> int:
    count = 0
    for chunk in synthetic_chunks(template, factor, seed):
        stream.write(chunk)
        count += chunk.count("\n")
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("factor", type=int, help="copies of the curated graph (10, 100, 1000...)")
    parser.add_argument("--out", type=Path, required=True, help="N-Quads file to write")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--workspace", type=Path, default=Path(__file__).resolve().parent.parent)
    options = parser.parse_args(argv)
    count = write_synthetic(options.workspace, options.factor, options.out, options.seed)
    print(f"{options.out}: {count:,} quads ({options.factor}x, seed {options.seed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
