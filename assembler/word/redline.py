"""What changed between two versions of a clause, word by word: for the terminal, and as a Word redline
with real tracked changes a partner can accept or reject.

The comparison is of the clause text as the library stores it (citations appear as their ``cite(...)``
calls), because that is what a knowledge-management lawyer approves.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
from dataclasses import dataclass
from typing import Literal

Op = Literal["same", "insert", "delete"]
_TOKEN = re.compile(r"\s+|[\w'’-]+|[^\w\s]")


@dataclass(frozen=True)
class Piece:
    op: Op
    text: str


def word_diff(old: str, new: str) -> list[Piece]:
    """The new text as a sequence of unchanged, inserted and deleted pieces, split at word boundaries."""
    a, b = _TOKEN.findall(_reflow(old)), _TOKEN.findall(_reflow(new))
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("delete", "replace"):
            pieces.append(Piece("delete", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            pieces.append(Piece("insert", "".join(b[j1:j2])))
        if tag == "equal":
            pieces.append(Piece("same", "".join(a[i1:i2])))
    return pieces


def _reflow(text: str) -> str:
    """Line breaks inside a paragraph of clause text are only where its author wrapped the source; a blank
    line separates paragraphs. Compare the words, not the wrapping."""
    paragraphs = re.split(r"\n[ \t]*\n\s*", text.strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


def changed(pieces: list[Piece]) -> bool:
    return any(p.op != "same" for p in pieces)


def as_markup(pieces: list[Piece]) -> str:
    """wdiff-style text: ``[-deleted-]`` and ``{+inserted+}``, readable without colour."""
    marks = {"same": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return "".join(marks[p.op].format(p.text) for p in pieces)


def as_rich(pieces: list[Piece]) -> str:
    """Console markup: deletions struck through in red, insertions underlined in green, with the wdiff
    markers kept so the change survives copying out of the terminal."""
    from rich.markup import escape

    styles = {"same": "{}", "delete": "[red strike]\\[-{}-][/]", "insert": "[green underline]{{+{}+}}[/]"}
    return "".join(styles[p.op].format(escape(p.text)) for p in pieces)


def redline_docx(pieces: list[Piece], title: str, subtitle: str, author: str, when: dt.datetime) -> bytes:
    """A Word document whose body is the new text with the changes as tracked insertions and deletions
    (``w:ins`` / ``w:del``), attributed to ``author`` at ``when``."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    from assembler.word.ooxml import clean_metadata

    document = Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(12)
    document.add_heading(title, level=1)
    document.add_paragraph(subtitle).runs[0].italic = True
    stamp = when.replace(microsecond=0).isoformat() + ("Z" if when.tzinfo is None else "")
    revision = 0

    def run(text: str, deleted: bool = False):
        r = OxmlElement("w:r")
        t = OxmlElement("w:delText" if deleted else "w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
        return r

    def tracked(tag: str, text: str):
        nonlocal revision
        revision += 1
        change = OxmlElement(tag)
        change.set(qn("w:id"), str(revision))
        change.set(qn("w:author"), author)
        change.set(qn("w:date"), stamp)
        change.append(run(text, deleted=tag == "w:del"))
        return change

    paragraph = document.add_paragraph()._p
    for piece in pieces:
        # a blank line in the clause text is a new paragraph in the redline
        parts = re.split(r"\n\s*\n", piece.text)
        for index, part in enumerate(parts):
            if index:
                paragraph = document.add_paragraph()._p
            text = part
            if not text:
                continue
            if piece.op == "same":
                paragraph.append(run(text))
            else:
                paragraph.append(tracked("w:ins" if piece.op == "insert" else "w:del", text))
    clean_metadata(document, title, author, when)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
