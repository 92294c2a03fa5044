"""A human judgement of the known-entity mentions the curated gold cannot score.

Leave-one-out gold holds only the entities a passage's facts name, so ingest's correct mentions of
other entities count as errors. ``benchmarks/data/mention-audit.tsv`` records, for each such
(passage, entity), whether the text really mentions that entity, judged by reading it; the bench
prints precision both without (a lower bound) and with it.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["AUDIT", "HEADER", "read_audit", "audited"]

AUDIT = Path(__file__).resolve().parent.parent.parent / "benchmarks" / "data" / "mention-audit.tsv"
HEADER = "passage\tentity\tsurface\tverdict\treason"


def read_audit(path: Path) -> dict[tuple[str, str], tuple[bool, str, str]]:
    """(passage, entity) -> (is a true mention, surface, reason); no file is an empty audit."""
    if not path.exists():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0] != HEADER:
        raise ValueError(f"{path}: the first line must be the header {HEADER!r}")
    out: dict[tuple[str, str], tuple[bool, str, str]] = {}
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != 5 or fields[3] not in ("true", "false"):
            raise ValueError(f"{path}:{number}: expected 5 tab-separated fields, verdict true|false")
        out[(fields[0], fields[1])] = (fields[3] == "true", fields[2], fields[4])
    return out


def audited(candidates: list[dict], gold_mentions: set[tuple[str, str]], audit: dict) -> tuple[int, int, int]:
    """(right, proposed, unjudged) for known-entity mentions: right are those in the curated gold
    plus those outside it that the audit judged true; an unjudged one counts as wrong."""
    predicted = {(c["passage"], c["entity"]) for c in candidates if c["kind"] == "entity" and c["entity"]}
    outside = predicted - gold_mentions
    right = len(predicted & gold_mentions) + sum(1 for k in outside if audit.get(k, (False,))[0])
    return right, len(predicted), sum(1 for k in outside if k not in audit)
