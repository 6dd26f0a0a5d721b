"""The PDF a lawyer files on CM/ECF: PDF/A-2b, fonts embedded, text searchable, bookmarks from the headings.

LibreOffice (through :mod:`assembler.word.layout`, the one place that runs it) lays the Word draft out and
exports it; pikepdf then leaves in the metadata only what a filed paper should carry — its title and the
draft's own date — and drops the author, the producing program and the conversion time.
"""

from __future__ import annotations

import datetime as dt
import functools
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
        document = Document(io.BytesIO(docx))
    except Exception as exc:  # python-docx raises several kinds for a file that is not a Word document
        raise PdfError(f"{name}: cannot be read as a Word document ({type(exc).__name__})") from None
    properties = document.core_properties
    _refuse_tracked_changes(document, name)
    _refuse_characters_no_font_has(document, name)
    try:
        pdf = layout.pdf_of(docx, PDF_OPTIONS)
    except layout.LayoutFailed as cause:
        raise PdfError(f"{name}: LibreOffice could not convert it to PDF ({cause})") from None
    return clean_pdf_metadata(pdf, properties.title or "", properties.modified or properties.created)


_REVISIONS = ("ins", "del", "moveFrom", "moveTo")


def _refuse_tracked_changes(document: object, name: str) -> None:
    """A filed paper shows no revision marks: LibreOffice prints tracked changes as they stand ("14" struck
    through beside "21"), so a draft with changes not yet accepted or rejected is refused."""
    from docx.oxml.ns import qn

    body = document.element.body  # type: ignore[attr-defined]
    counts = {tag: len(body.findall(f".//{qn('w:' + tag)}")) for tag in _REVISIONS}
    if any(counts.values()):
        found = ", ".join(f"{n} {'insertion' if t == 'ins' else 'deletion' if t == 'del' else 'move'}"
                          f"{'s' if n != 1 else ''}" for t, n in counts.items() if n)
        raise PdfError(f"{name}: has tracked changes ({found}); accept or reject them in Word (Review > Accept) "
                       "before making the PDF to file")


def _refuse_characters_no_font_has(document: object, name: str) -> None:
    """Text no installed font can draw prints as empty boxes in the PDF (a defendant's name in Japanese on a
    machine without a Japanese font), though the draft looks right in Word: refuse, naming the text."""
    import unicodedata

    from docx.oxml.ns import qn

    texts = ["".join(t.text or "" for t in p.iter(qn("w:t")))
             for p in document.element.body.iter(qn("w:p"))]  # type: ignore[attr-defined]
    wanted = sorted({c for text in texts for c in text
                     if ord(c) > 0x24F and unicodedata.category(c)[0] not in ("Z", "C")})
    missing = [c for c in wanted if not _a_font_has(c)]
    if missing:
        where = next(t for t in texts if any(c in t for c in missing)).strip()
        shown = "".join(dict.fromkeys(c for c in where if c in missing))[:12]
        raise PdfError(f"{name}: no installed font has the character(s) '{shown}' (in \"{where[:60]}\"), which "
                       "would print as empty boxes; install a font that has them (on Debian, fonts-noto-cjk for "
                       "Chinese, Japanese and Korean) and make the PDF again")


@functools.lru_cache(maxsize=4096)
def _a_font_has(character: str) -> bool:
    """Whether fontconfig knows an installed font with ``character`` (LibreOffice finds its fallback fonts
    through fontconfig). Without fontconfig's ``fc-list`` nothing can be said, and nothing is refused."""
    import subprocess

    try:
        found = subprocess.run(["fc-list", f":charset={ord(character):x}", "family"], capture_output=True,
                               text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return True
    return found.returncode != 0 or bool(found.stdout.strip())


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
