"""What ingest missed and what it got wrong, per predicate: the reading aid for writing fact rules.

Scoring stays in kg.ingest.evaluate; this module re-uses its alignment (proposed slug -> gold slug)
and only regroups the same sets by predicate, with the passage and sentence each fact comes from,
so a rule writer sees which phrasing a rule should cover. It reads gold, so nothing here may feed
proposals: it is called by ``benchmarks/bench_ingest.py --misses`` only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kg.ingest.evaluate import EXTRACTED_PREDICATES, Gold, Scores, _literal
from kg.ingest.review import LITERAL_PREDICATES

__all__ = ["PredicateScore", "by_predicate", "gold_passages", "misses_report", "predicate_table"]


@dataclass
class PredicateScore:
    expected: int = 0
    found: int = 0
    proposed: int = 0
    reachable: int = 0  # gold facts whose entities ingest named in one of the fact's passages

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 0.0

    @property
    def precision(self) -> float:
        return self.found / self.proposed if self.proposed else 0.0


def _predicted(candidates: list[dict], alignment: dict[str, str]) -> dict[tuple[str, str, str], list[dict]]:
    """Scored proposal key (as evaluate builds it) -> the candidates that make it."""
    out: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for c in candidates:
        if c["kind"] == "fact" and c["predicate"] in EXTRACTED_PREDICATES:
            key = (
                alignment.get(c["subject"], c["subject"]),
                c["predicate"],
                _literal(alignment.get(c["object"], c["object"])),
            )
            out[key].append(c)
    return out


_NODES = ("obs-", "measure-", "membership-", "interval-", "ratification-", "agreement-")


def _named(candidates: list[dict], alignment: dict[str, str]) -> dict[str, set[str]]:
    """Passage name -> the (gold-aligned) slugs of the entities ingest found in it."""
    out: dict[str, set[str]] = defaultdict(set)
    for c in candidates:
        if c["kind"] == "entity":
            slug = c["entity"] or c["proposed_slug"]
            out[c["passage"]].add(alignment.get(slug, slug))
    return out


def by_predicate(
    candidates: list[dict],
    gold: Gold,
    scores: Scores,
    where: dict[tuple[str, str, str], list[str]] | None = None,
) -> dict[str, PredicateScore]:
    """Recall and precision of facts per predicate (the pooled figures evaluate prints, split).
    With ``where`` (gold_passages()), also how many gold facts a rule could reach: those whose
    subject and object (unless a literal) ingest found as entities in a passage stating it."""
    predicted = _predicted(candidates, scores.alignment)
    expected = {(s, p, _literal(o)) for s, p, o in gold.facts}
    named = _named(candidates, scores.alignment)
    table: dict[str, PredicateScore] = defaultdict(PredicateScore)
    for key in expected:
        table[key[1]].expected += 1
        if key in predicted:
            table[key[1]].found += 1
        for passage in (where or {}).get(key, []):
            here = {_literal(slug) for slug in named.get(passage, set())}
            subject_ok = key[0].startswith(_NODES) or _literal(key[0]) in here
            object_ok = key[1] in LITERAL_PREDICATES or key[2].startswith(_NODES) or key[2] in here
            if subject_ok and object_ok:
                table[key[1]].reachable += 1
                break
    for key in predicted:
        table[key[1]].proposed += 1
    return dict(table)


def gold_passages(quads, doc: str) -> dict[tuple[str, str, str], list[str]]:
    """(subject, predicate, object as scored) -> the passage labels of ``doc`` that state it."""
    from kg.namespace import ID, shorten

    out: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for s, p, o, g in quads:
        name = shorten(g)
        if not name.startswith(f"passage-{doc}-"):
            continue
        obj = shorten(o) if str(o).startswith(str(ID)) else str(o)
        out[(shorten(s), shorten(p), _literal(obj))].append(name.removeprefix("passage-"))
    return out


def misses_report(
    candidates: list[dict],
    gold: Gold,
    scores: Scores,
    where: dict[tuple[str, str, str], list[str]],
    texts: dict[str, str],
    predicate: str | None = None,
) -> str:
    """Missed gold facts and wrong proposals, grouped by predicate, with passage and sentence.

    ``where``: gold_passages(); ``texts``: passage name ("004-12") -> its text.
    """
    predicted = _predicted(candidates, scores.alignment)
    expected = {(s, p, _literal(o)) for s, p, o in gold.facts}
    lines: list[str] = []
    predicates = sorted({k[1] for k in expected} | {k[1] for k in predicted})
    for name in predicates:
        if predicate and name != predicate:
            continue
        missed = sorted(k for k in expected - set(predicted) if k[1] == name)
        wrong = sorted(k for k in set(predicted) - expected if k[1] == name)
        if not missed and not wrong:
            continue
        lines.append(f"== {name}: {len(missed)} missed, {len(wrong)} wrong")
        by_passage: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for key in missed:
            by_passage[(where.get(key) or ["?"])[0]].append(key)
        for passage, keys in sorted(by_passage.items()):
            lines.append(f"  MISSED in {passage}: " + "; ".join(f"{k[0]} {k[2]}" for k in keys))
            lines.append(f"      | {' '.join(texts.get(passage, '').split())[:600]}")
        for key in wrong:
            made = predicted[key][0]
            lines.append(
                f"  WRONG  {made['subject']} {made['object']}  [{made['passage']}] "
                f"(conf {made['confidence']})"
            )
            lines.append(f"      | {' '.join(made['evidence'].split())[:400]}")
    return "\n".join(lines)


def predicate_table(table: dict[str, PredicateScore]) -> str:
    """The per-predicate table, most misses first."""
    rows = sorted(table.items(), key=lambda kv: (-(kv[1].expected - kv[1].found), kv[0]))
    out = [f"{'predicate':<22} {'gold':>5} {'reachable':>9} {'found':>6} {'R':>5} {'proposed':>9} {'P':>5}"]
    for name, score in rows:
        out.append(
            f"{name:<22} {score.expected:>5} {score.reachable:>9} {score.found:>6} {score.recall:>5.0%} "
            f"{score.proposed:>9} {score.precision:>5.0%}"
        )
    return "\n".join(out)
