"""The corpus as maintainers grow it: the catalog (``corpus/documents.toml``), reading text and
PDF files, ``atkg corpus add`` and what ``atkg corpus list/show`` print. The paragraph parser
itself stays in ``kg.corpus``."""
