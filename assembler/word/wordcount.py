"""Counting a memorandum's words the way the court's rule counts them.

S.D.N.Y./E.D.N.Y. Local Civil Rule 7.1(c) counts the memorandum "exclusive of the caption, any index, table of
contents, table of authorities, signature blocks, or any required certificates, but including footnotes".
So, in a .docx: tables (the caption is one) are skipped; so are paragraphs in the caption, title, table and
signature styles; counting stops at the first paragraph that begins "CERTIFICATE OF" (certificates close a
memorandum); footnotes referenced from counted paragraphs are counted.

A word is a run of characters between spaces (a non-breaking space separates words too), as Word counts
them: "§ 1116" is two words, "U.S.C." one.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Iterator
from typing import Any

from assembler.text.markup import WORD_COUNT  # noqa: F401 - re-exported for the writer

NOT_COUNTED_STYLES = frozenset({
    "Title", "Court Name", "Caption Text", "Table Heading", "TOA Heading", "toc 1", "toc 2", "toc 3",
    "table of authorities", "TOC Heading", "Signature Block", "Signature Dated", "Table Text",
})
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class WordCount:
    body: int
    footnotes: int

    @property
    def words(self) -> int:
        return self.body + self.footnotes


def words_in(text: str) -> int:
    return len(text.split())


def paragraph_text(p: Any) -> str:
    """The visible text of a ``w:p`` element: text runs and tabs, not field codes or deleted text."""
    parts = []
    for node in p.iter(f"{_W}t", f"{_W}tab"):
        parts.append(node.text or "" if node.tag == f"{_W}t" else " ")
    return "".join(parts)


def count_words(document: Any) -> WordCount:
    """Words counted under the rule, in a python-docx ``Document``."""
    body = footnotes = 0
    for text, notes in counted_paragraphs(document):
        body += words_in(text)
        footnotes += sum(words_in(note) for note in notes)
    return WordCount(body, footnotes)


def counted_paragraphs(document: Any) -> Iterator[tuple[str, list[str]]]:
    """The paragraphs the rule counts, in order, each with the text of the footnotes it calls."""
    styles = {s.style_id: s.name for s in document.styles}
    notes = footnote_texts(document)
    for element in document.element.body.iterchildren(f"{_W}p"):
        text = paragraph_text(element)
        if text.strip().upper().startswith("CERTIFICATE OF"):
            return
        style = element.find(f"{_W}pPr/{_W}pStyle")
        if style is not None and styles.get(style.get(f"{_W}val")) in NOT_COUNTED_STYLES:
            continue
        yield text, [notes.get(ref.get(f"{_W}id"), "") for ref in element.iter(f"{_W}footnoteReference")]


def footnote_texts(document: Any) -> dict[str, str]:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES:
            part = rel.target_part
            root = part.element if hasattr(part, "element") else etree.fromstring(part.blob)
            return {
                note.get(f"{_W}id"): " ".join(paragraph_text(p) for p in note.iter(f"{_W}p"))
                for note in root.iter(f"{_W}footnote")
            }
    return {}
