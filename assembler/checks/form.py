"""What a clerk sees before reading a word: form. Straight quotation marks, a citation a line can break
inside (a draft edited in Word loses the no-break spaces the tool set), and a filed PDF's page count.

The rules for what is right are :mod:`assembler.word.typography`'s, the same ones the draft was typeset
with, so ``check`` and ``render`` can never disagree about a quotation mark.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from assembler.word.typography import breakable_citations, straight_quotes

RULE = "typography"
SHOWN = 8  # problems of one kind listed one by one; the rest are counted


@dataclass(frozen=True)
class Problem:
    rule: str
    message: str


def typography_problems(paragraphs: list[str]) -> list[Problem]:
    """Straight quotes and breakable citations, each quoted in context, the first few of each kind listed."""
    quotes: list[str] = []
    breaks: list[str] = []
    for text in paragraphs:
        positions = straight_quotes(text)
        if positions:
            more = f"; {len(positions)} in this paragraph" if len(positions) > 1 else ""
            quotes.append(f"straight quotation mark in \"…{_context(text, positions[0])}…\" (a printed brief "
                          f"uses “ ” ‘ ’{more})")
        breaks.extend(breakable_citations(text))
    problems = _capped([Problem(RULE, message) for message in dict.fromkeys(quotes)],
                       "more paragraphs with straight quotation marks")
    cited = [Problem(RULE, f"a line can break inside the citation \"{citation}\" (join its parts with no-break "
                           "spaces, Ctrl+Shift+Space in Word, and a non-breaking hyphen, Ctrl+Shift+-)")
             for citation in dict.fromkeys(breaks)]
    return problems + _capped(cited, "more citations a line can break inside")


def _context(text: str, position: int, width: int = 25) -> str:
    return " ".join(text[max(0, position - width): position + width].split())


def _capped(problems: list[Problem], what: str) -> list[Problem]:
    if len(problems) <= SHOWN:
        return problems
    return problems[:SHOWN] + [Problem(RULE, f"and {len(problems) - SHOWN} {what}")]


@dataclass(frozen=True)
class PdfPages:
    total: int
    body: int  # from the first bookmark after the tables to the signature (or the end)
    how: str   # how the body was found, for the report


def pdf_pages(path: Path) -> PdfPages:
    """Count a filing PDF's pages, and the body's: the front matter (the pages before the first bookmark that
    is not a table's) is not counted, nor anything after the page that carries the date and signature or the
    first certificate (found with pdftotext where poppler is installed)."""
    import pikepdf

    from assembler.word.pdf import PdfError

    try:
        document = pikepdf.open(path)
    except (OSError, pikepdf.PdfError) as exc:
        raise PdfError(f"{path}: cannot be read as a PDF ({type(exc).__name__})") from None
    with document:
        total = len(document.pages)
        start = _body_start(document)
    end, found_end = _body_end(path, start, total)
    how = ("from the first heading after the tables" if start else "from the first page") + \
          (" to the signature" if found_end else " to the last page")
    return PdfPages(total, end - start + 1, how)


def _body_start(document) -> int:
    import pikepdf

    with document.open_outline() as outline:
        for item in outline.root:
            if item.title.strip().upper().startswith("TABLE OF"):
                continue
            destination = item.destination
            if isinstance(destination, pikepdf.Array) and len(destination):
                return pikepdf.Page(destination[0]).index
            return 0
    return 0


def _body_end(path: Path, start: int, total: int) -> tuple[int, bool]:
    if not shutil.which("pdftotext"):
        return total - 1, False
    try:
        text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True,
                              timeout=120).stdout
    except (OSError, subprocess.SubprocessError):
        return total - 1, False
    for index, page in enumerate(text.split("\f")[:total]):
        lines = [line.strip().upper() for line in page.splitlines()]
        if index >= start and any(line.startswith(("DATED:", "CERTIFICATE OF")) for line in lines):
            return index, True
    return total - 1, False
