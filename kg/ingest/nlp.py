"""The French spaCy pipeline, loaded once per process and only when ingesting (it takes seconds)."""

from __future__ import annotations

from functools import cache

from kg.errors import KgError

__all__ = ["MODEL", "load_nlp"]

MODEL = "fr_core_news_md"


@cache
def load_nlp():
    try:
        import spacy

        # tagger (POS) and entity recogniser only: the dependency parser is the slowest component
        # and ingest splits sentences itself (kg.ingest.sentences)
        return spacy.load(MODEL, exclude=["lemmatizer", "parser"])
    except (ImportError, OSError) as error:
        raise KgError(
            f"the French spaCy model {MODEL} is not installed ({error.__class__.__name__}); "
            "run `pip install -e .` (it is a pinned dependency)"
        ) from None
