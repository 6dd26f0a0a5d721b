"""Laying a draft out with LibreOffice to learn which page each heading and citation falls on.

A copy of the draft is written with tiny tokens (``@@c12@@``, in 1-point type) at every citation and heading,
converted to PDF with LibreOffice headless, and read back page by page with ``pdftotext``. The tokens are
what the reader of the final draft would see, minus a few points of width, so the pages match the draft.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

TOKEN = re.compile(r"@@([ch]\d+)@@")


def available() -> bool:
    return bool(shutil.which("soffice") and shutil.which("pdftotext"))


def token(kind: str, number: int) -> str:
    return f"@@{kind}{number}@@"


def pages_of_tokens(docx: bytes, timeout: int = 120) -> dict[str, int] | None:
    """``{"c12": 4, "h3": 5, ...}``: the page each token fell on; None if LibreOffice could not lay it out."""
    with tempfile.TemporaryDirectory(prefix="assembler-layout-") as tmp:
        folder = Path(tmp)
        source = folder / "draft.docx"
        source.write_bytes(docx)
        try:
            to_pdf(folder, folder / "profile", source, timeout=timeout)
            text = subprocess.run(["pdftotext", str(folder / "draft.pdf"), "-"], check=True, capture_output=True,
                                  text=True, timeout=timeout).stdout
        except (OSError, subprocess.SubprocessError):
            return None
    found: dict[str, int] = {}
    for number, page in enumerate(text.split("\f"), start=1):
        for match in TOKEN.finditer(page.replace(" ", "")):
            found.setdefault(match.group(1), number)
    return found


def convert_to_pdf(docx: bytes, options: dict[str, object], timeout: int = 300) -> bytes | None:
    """The PDF LibreOffice makes of ``docx`` with its Writer PDF export ``options`` (e.g.
    ``{"SelectPdfVersion": 2}``); None if LibreOffice failed."""
    with tempfile.TemporaryDirectory(prefix="assembler-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "draft.docx"
        source.write_bytes(docx)
        try:
            to_pdf(folder, folder / "profile", source, timeout=timeout, options=options)
            return (folder / "draft.pdf").read_bytes()
        except (OSError, subprocess.SubprocessError):
            return None


def to_pdf(folder: Path, profile: Path, *documents: Path, timeout: int = 300,
           options: dict[str, object] | None = None) -> None:
    """Convert documents to PDF in ``folder`` with LibreOffice headless, in its own throwaway profile (so a
    running LibreOffice, or another conversion, cannot interfere). ``options`` are the Writer PDF export
    filter's settings, passed in LibreOffice's JSON form."""
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", _target(options),
         "--outdir", str(folder), *map(str, documents)],
        check=True, capture_output=True, timeout=timeout,
    )


def _target(options: dict[str, object] | None) -> str:
    """``pdf``, or ``pdf:writer_pdf_Export:{...}`` with each option typed as LibreOffice's JSON filter
    syntax wants it (booleans, longs, strings)."""
    if not options:
        return "pdf"
    typed = {}
    for name, value in options.items():
        kind = "boolean" if isinstance(value, bool) else "long" if isinstance(value, int) else "string"
        typed[name] = {"type": kind, "value": str(value).lower() if isinstance(value, bool) else str(value)}
    return "pdf:writer_pdf_Export:" + json.dumps(typed, separators=(",", ":"))
