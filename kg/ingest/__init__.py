"""Machine reading of a source document: mentions, candidate entities and facts, a review queue.

``atkg ingest ID`` proposes; a maintainer decides with ``atkg review``. Nothing here writes the
curated data: accepted candidates go through ``kg.edit`` like any hand edit, so a proposal can
never put into the graph what ``atkg fact add`` / ``atkg entity add`` would refuse.
"""
