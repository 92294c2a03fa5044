"""The ingest diagnostic: fact scores per predicate and the missed/wrong facts with their sentence."""

from __future__ import annotations

from kg.ingest.diagnose import by_predicate, misses_report, predicate_table
from kg.ingest.evaluate import Gold, evaluate


def _fact(passage, subject, predicate, obj, evidence, confidence=0.5):
    return {
        "kind": "fact",
        "passage": passage,
        "subject": subject,
        "predicate": predicate,
        "object": obj,
        "evidence": evidence,
        "confidence": confidence,
    }


def _entity(passage, slug):
    return {"kind": "entity", "passage": passage, "entity": slug, "proposed_slug": slug, "text": slug}


CANDIDATES = [
    _entity("905-1", "unodc"),
    _entity("905-1", "icat"),
    _entity("905-1", "ilo"),
    _fact("905-1", "unodc", "org:memberOf", "icat", "L’ONUDC et l’OIT sont membres du Groupe."),
    _fact("905-1", "ilo", "atkg:chairs", "icat", "L’ONUDC et l’OIT sont membres du Groupe.", 0.4),
]
GOLD = Gold(
    mentions=set(),
    entities={},
    facts={
        ("unodc", "org:memberOf", "icat"),
        ("ilo", "org:memberOf", "icat"),
        ("iom", "org:memberOf", "icat"),
    },
)
WHERE = {(s, p, o): ["905-1"] for s, p, o in GOLD.facts}
TEXTS = {"905-1": "1. L’ONUDC et l’OIT sont membres du Groupe."}


def test_scores_per_predicate_with_what_was_reachable():
    scores = evaluate(CANDIDATES, GOLD)
    table = by_predicate(CANDIDATES, GOLD, scores, WHERE)
    assert {p: (s.expected, s.reachable, s.found, s.proposed) for p, s in table.items()} == {
        "org:memberOf": (3, 2, 1, 1),  # the IOM is not named in the passage: no rule can find it
        "atkg:chairs": (0, 0, 0, 1),
    }
    assert predicate_table(table).splitlines() == [
        "predicate               gold reachable  found     R  proposed     P",
        "org:memberOf               3         2      1   33%         1  100%",
        "atkg:chairs                0         0      0    0%         1    0%",
    ]


def test_misses_and_wrong_proposals_with_their_passage_and_sentence():
    scores = evaluate(CANDIDATES, GOLD)
    assert misses_report(CANDIDATES, GOLD, scores, WHERE, TEXTS).splitlines() == [
        "== atkg:chairs: 0 missed, 1 wrong",
        "  WRONG  ilo icat  [905-1] (conf 0.4)",
        "      | L’ONUDC et l’OIT sont membres du Groupe.",
        "== org:memberOf: 2 missed, 0 wrong",
        "  MISSED in 905-1: ilo icat; iom icat",
        "      | 1. L’ONUDC et l’OIT sont membres du Groupe.",
    ]
    assert misses_report(CANDIDATES, GOLD, scores, WHERE, TEXTS, "atkg:chairs").startswith("== atkg:chairs")
