"""The PDF a lawyer files on CM/ECF: PDF/A-2b, fonts embedded, text searchable, bookmarks from the headings.

LibreOffice (through :mod:`assembler.word.layout`, the one place that runs it) lays the Word draft out and
exports it; pikepdf then leaves in the metadata only what a filed paper should carry — its title and the
draft's own date — and drops the author, the producing program and the conversion time.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

from assembler.errors import AssemblerError

# LibreOffice's Writer PDF export settings (filter option names as LibreOffice spells them)
PDF_OPTIONS: dict[str, object] = {
    "SelectPdfVersion": 2,         # PDF/A-2b: what courts that ask for PDF/A accept; fonts must be embedded
    "UseTaggedPDF": True,          # reading order and structure for screen readers
    "ExportBookmarks": True,       # an outline from the headings (Heading 1-3 and the tables' headings)
    "InitialView": 1,              # open with the bookmarks shown
    "DisplayPDFDocumentTitle": True,
    "ExportNotes": False,          # Word comments (the tables' note) stay out of the filed paper
    "ExportNotesPages": False,
    "ExportFormFields": False,
    "EmbedStandardFonts": True,
    # LibreOffice adds a blank page before a section that restarts at page 1 after an odd roman page (so that
    # page 1 falls on a right-hand sheet, as in a printed book); Word does not, and a filing must not
    "IsSkipEmptyPages": True,
}


class LibreOfficeMissing(AssemblerError):
    """A PDF needs LibreOffice, and ``soffice`` is not on the PATH."""

    def __init__(self) -> None:
        super().__init__("writing a PDF needs LibreOffice, and 'soffice' was not found; on Debian or Ubuntu "
                         "install it with: apt-get install libreoffice-writer-nogui")


class PdfError(AssemblerError):
    """LibreOffice could not convert a draft, or a PDF cannot be read."""


def require_libreoffice() -> None:
    """Refuse early, before anything is written, when no PDF can be made."""
    if not shutil.which("soffice"):
        raise LibreOfficeMissing()


def docx_to_pdf(docx: bytes, name: str = "the draft") -> bytes:
    """The filing PDF of a .docx (ours, or one a lawyer edited in Word). ``name`` is used in errors."""
    from docx import Document

    from assembler.word import layout

    require_libreoffice()
    try:
        properties = Document(io.BytesIO(docx)).core_properties
    except Exception as exc:  # python-docx raises several kinds for a file that is not a Word document
        raise PdfError(f"{name}: cannot be read as a Word document ({type(exc).__name__})") from None
    try:
        pdf = layout.pdf_of(docx, PDF_OPTIONS)
    except layout.LayoutFailed as cause:
        raise PdfError(f"{name}: LibreOffice could not convert it to PDF ({cause})") from None
    return clean_pdf_metadata(pdf, properties.title or "", properties.modified or properties.created)


def clean_pdf_metadata(pdf: bytes, title: str, when: dt.datetime | None) -> bytes:
    """Keep the title (and the draft's date); drop author, creator tool, producer. The XMP packet and the
    document information dictionary are changed together, as PDF/A requires them to agree."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        with document.open_metadata(set_pikepdf_as_editor=False) as meta:
            for key in ("dc:creator", "xmp:CreatorTool", "pdf:Producer", "xmp:CreateDate", "xmp:ModifyDate",
                        "xmp:MetadataDate", "dc:description", "pdf:Keywords", "dc:subject"):
                if key in meta:
                    del meta[key]
            # set the title ourselves: LibreOffice writes an apostrophe into the XMP title as a literal "&apos;"
            meta["dc:title"] = title
            if when is not None:
                stamp = when.replace(tzinfo=None).isoformat(timespec="seconds")
                meta["xmp:CreateDate"] = meta["xmp:ModifyDate"] = stamp
        info = document.docinfo
        for key in ("/Author", "/Creator", "/Producer", "/Subject", "/Keywords"):
            if key in info:
                del info[key]
        if when is None:
            for key in ("/CreationDate", "/ModDate"):
                if key in info:
                    del info[key]
        out = io.BytesIO()
        document.save(out)
    return out.getvalue()


def pdf_path_for(docx_path: Path) -> Path:
    """``OUT.pdf`` beside ``OUT.docx``."""
    return docx_path.with_suffix(".pdf")


def page_count(data: bytes, name: str) -> int:
    """Pages in a PDF; an unreadable file is a :class:`PdfError` naming it."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as document:
            return len(document.pages)
    except pikepdf.PdfError as exc:
        raise PdfError(f"{name}: cannot be read as a PDF ({exc})") from None
