"""Every known-entity mention ingest proposes that the leave-one-out gold counts wrong.

The gold of kg/ingest/leaveoneout.py holds only the entities a passage's curated facts name, so a
correct mention of an entity no fact of that passage names counts as an error. This lists them
(passage, surface text, entity, its labels, the sentence) for a human to judge; the judgements are
kept in benchmarks/data/mention-audit.tsv and bench_ingest.py reads them.

    .venv/bin/python benchmarks/mention_errors.py            # table of unjudged errors
    .venv/bin/python benchmarks/mention_errors.py --all      # every error, judged or not
    .venv/bin/python benchmarks/mention_errors.py --missed   # gold mentions not proposed
    .venv/bin/python benchmarks/mention_errors.py --reports  # wrong and missed mentions of the
        # development reports (own report, A, B), whose golds list every mention

Report C (benchmarks/data/heldout2/) is held out: it is deliberately not listed here.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.corpus import load_corpus  # noqa: E402
from kg.curated import CuratedData  # noqa: E402
from kg.ingest.audit import AUDIT, read_audit  # noqa: E402
from kg.ingest.gazetteer import Gazetteer  # noqa: E402
from kg.ingest.leaveoneout import split_for  # noqa: E402
from kg.ingest.mentions import find_mentions  # noqa: E402
from kg.ingest.sentences import sentences  # noqa: E402
from kg.workspace import Workspace  # noqa: E402


def errors(missed: bool = False) -> list[tuple[str, str, str, str, str]]:
    """(passage, entity, surface, labels, sentence) of each proposed (passage, entity) pair the
    curated gold does not hold; the first surface form and its sentence in reading order. With
    ``missed``, the gold pairs not proposed instead (surface and sentence empty)."""
    quads = CuratedData.load(Workspace(ROOT)).quads()
    rows = []
    for key, source in sorted(load_corpus(ROOT / "corpus").items()):
        visible, gold = split_for(quads, key, {p.label: p.text for p in source.passages})
        gazetteer = Gazetteer.from_quads(visible)
        all_labels: dict[str, list[str]] = {}
        for names in gazetteer.names.values():
            for name in names:
                all_labels.setdefault(name.slug, []).append(name.label)
        earlier: frozenset[str] = frozenset()
        for passage in source.passages:
            name = f"{key}-{passage.label}"
            found = find_mentions(passage.text, gazetteer, earlier)
            earlier = frozenset(m.slug for m in found)
            if missed:
                proposed = {m.slug for m in found if m.name.known}
                for pair in sorted(p for p in gold.mentions if p[0] == name and p[1] not in proposed):
                    rows.append((name, pair[1], "", " | ".join(sorted(set(all_labels.get(pair[1], [])))), ""))
                continue
            seen: set[str] = set()
            spans = sentences(passage.text)
            for mention in found:
                if not mention.name.known or mention.slug in seen:
                    continue
                seen.add(mention.slug)
                if (name, mention.slug) in gold.mentions:
                    continue
                sentence = next((passage.text[a:b] for a, b in spans if a <= mention.start < b), passage.text)
                labels = " | ".join(sorted(set(all_labels.get(mention.slug, []))))
                rows.append((name, mention.slug, mention.text, labels, " ".join(sentence.split())))
    return rows


def development_reports() -> list[tuple]:
    """(name, report, gold, symbol, date) of the reports whose golds list every mention, as
    bench_ingest.py lists them; never a held-out report (C, D)."""
    from benchmarks.bench_ingest import OWN_REPORT, WRITTEN

    return [OWN_REPORT, *(row for row in WRITTEN if "held-out" not in row[0])]


def report_errors() -> list[tuple[str, str, str, str, str]]:
    """(report, mark, passage, entity, surface or sentence) of every wrong ("F") and missed ("M")
    known-entity mention of the development reports, against the full graph (as bench_ingest.py
    ingests them). Their passages are split as ``atkg corpus add`` splits them."""
    import json

    from kg.corpus import DocumentInfo, has_numbered_paragraphs, parse_document
    from kg.sources.reading import read_source_text

    quads = CuratedData.load(Workspace(ROOT)).quads()
    gazetteer = Gazetteer.from_quads(quads)
    rows = []
    for report, text_file, gold_file, symbol, date in development_reports():
        gold = json.loads(gold_file.read_text(encoding="utf-8"))["mentions"]
        source_text = read_source_text(text_file)[0]
        info = DocumentInfo("005", text_file.name, None, None, date, symbol)
        if not has_numbered_paragraphs(info, source_text):  # as `atkg corpus add` splits it
            info = DocumentInfo(**{**info.__dict__, "paragraphs": "blank-line"})
        earlier: frozenset[str] = frozenset()
        for passage in parse_document(info, source_text).passages:
            label, text = passage.label, passage.text
            found = find_mentions(text, gazetteer, earlier)
            earlier = frozenset(m.slug for m in found)
            if label not in gold:
                continue
            proposed: dict[str, str] = {}
            for mention in found:
                if mention.name.known:
                    proposed.setdefault(mention.slug, mention.text)
            for slug, surface in proposed.items():
                if slug not in gold[label]:
                    rows.append((report, "F", label, slug, " ".join(surface.split())))
            for slug in gold[label]:
                if slug not in proposed:
                    rows.append((report, "M", label, slug, " ".join(text.split())[:160]))
    return rows


def main() -> None:
    if "--reports" in sys.argv:
        for row in report_errors():
            print("\t".join(row))
        return
    judged = read_audit(AUDIT)
    show_all = "--all" in sys.argv
    if "--missed" in sys.argv:
        for row in errors(missed=True):
            print("\t".join(row[:2] + row[3:4]))
        return
    rows = errors()
    for passage, slug, surface, labels, sentence in rows:
        verdict = judged.get((passage, slug))
        if verdict is not None and not show_all:
            continue
        mark = "?" if verdict is None else ("T" if verdict[0] else "F")
        print(f"{mark}\t{passage}\t{slug}\t{surface}\t[{labels}]\t{sentence}")
    unjudged = sum(1 for r in rows if (r[0], r[1]) not in judged)
    print(
        f"\n{len(rows)} proposed mentions outside the curated gold; {unjudged} not judged yet",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
