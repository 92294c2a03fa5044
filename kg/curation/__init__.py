"""Curation safeguards shared by every edit command, ``atkg validate`` and ``atkg build``."""
