"""Build small real PDFs for the corpus tests with pypdf (no binary fixture to keep in git)."""

from __future__ import annotations

from pathlib import Path


def write_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF whose pages show ``pages`` (lines of text, Helvetica, WinAnsi); an empty list of
    lines makes a page without text, as a scan without OCR has."""
    from pypdf import PdfWriter
    from pypdf.generic import ContentStream, DictionaryObject, NameObject

    writer = PdfWriter()
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    font_ref = writer._add_object(font)
    for lines in pages:
        page = writer.add_blank_page(width=595, height=842)
        body = b""
        if lines:
            body = b"BT /F1 11 Tf 14 TL 56 780 Td\n"
            for line in lines:
                escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                body += b"(" + escaped.encode("cp1252") + b") Tj T*\n"
            body += b"ET\n"
        stream = ContentStream(None, writer)
        stream.set_data(body)
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font_ref})}
        )
    with open(path, "wb") as handle:
        writer.write(handle)
    return path
