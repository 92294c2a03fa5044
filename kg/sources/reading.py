"""Turn a file a maintainer hands us into the UTF-8 text the corpus keeps.

UN reports arrive as text exports (UTF-8, or Windows-1252 from older Office tools) or as PDFs. A
PDF's text layer is extracted with pypdf, page by page, so the parser sees the same page-header
and footnote layout as in our text files; a scan has no text layer, and OCR is a separate,
deliberate step (ocrmypdf) rather than something done silently here.
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import UsageError, ValidationError

__all__ = ["read_source_text"]

_CONTROL = {c for c in range(32) if chr(c) not in "\t\n\r\f"}


def read_source_text(path: Path) -> tuple[str, str]:
    """The file's text (newlines normalised) and how it was read (``utf-8``, ``cp1252``, ``pdf``)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot read it ({error.strerror})") from None
    if not data.strip():
        raise ValidationError(f"{path}: the file is empty")
    if data.startswith(b"%PDF-"):
        text, how = _pdf_text(path, data), "pdf"
    else:
        text, how = _decode(path, data)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    if not text.strip():
        raise ValidationError(f"{path}: no text in the file")
    return text if text.endswith("\n") else text + "\n", how


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    """UTF-8 when it decodes, else Windows-1252 (a superset of Latin-1's printable characters);
    bytes that are mostly control characters are a binary file, not a report."""
    if b"\x00" in data or sum(b in _CONTROL for b in data[:4096]) > len(data[:4096]) // 100:
        raise ValidationError(f"{path}: a binary file, not text or PDF (give a .txt or .pdf)")
    try:
        return data.decode("utf-8").removeprefix("\ufeff"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _pdf_text(path: Path, data: bytes) -> str:
    import io
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed-PDF chatter; we report once
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ValidationError(f"{path}: the PDF is encrypted; save an unprotected copy first")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise ValidationError(f"{path}: unreadable PDF ({type(error).__name__}: {error})") from None
    if not any(page.strip() for page in pages):
        raise ValidationError(
            f"{path}: the PDF has no text layer (a scan?); OCR it first, "
            f"e.g. `ocrmypdf --language fra {path.name} ocr.pdf`, then add ocr.pdf"
        )
    return "\n\n".join(page.rstrip() for page in pages)
