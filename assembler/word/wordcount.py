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

# The parts of a memorandum a court's rule may leave out of the count (``excluded`` in court-rules.yaml), by the
# paragraph styles that carry them. Certificates are found by their heading; the caption is also the table
# before the title.
PART_STYLES = {
    "caption": frozenset({"Title", "Court Name", "Caption Text"}),
    "tables": frozenset({"Table Heading", "TOA Heading", "toc 1", "toc 2", "toc 3", "table of authorities",
                         "TOC Heading"}),
    "signature block": frozenset({"Signature Block", "Signature Dated"}),
    "certificates": frozenset(),
}
ALL_PARTS = tuple(PART_STYLES)
NOT_COUNTED_STYLES = frozenset().union(*PART_STYLES.values(), {"Table Text"})
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class WordCount:
    body: int
    footnotes: int

    @property
    def words(self) -> int:
        return self.body + self.footnotes


def is_certificate_heading(text: str) -> bool:
    """A certificate (of compliance, of service) begins here; certificates close a memorandum and are not
    counted. The one test for where they start, used by the count, the writer and ``check``."""
    return text.strip().upper().startswith("CERTIFICATE OF")


def words_in(text: str) -> int:
    return len(text.split())


_ELEMENT_TEXT = {f"{_W}tab": " ", f"{_W}noBreakHyphen": "\u2011"}


def paragraph_text(p: Any) -> str:
    """The visible text of a ``w:p`` element: text runs and tabs, not field codes or deleted text."""
    parts = []
    for node in p.iter(f"{_W}t", f"{_W}tab", f"{_W}noBreakHyphen"):
        parts.append(node.text or "" if node.tag == f"{_W}t" else _ELEMENT_TEXT[node.tag])
    return "".join(parts)


def count_words(document: Any, excluded: tuple[str, ...] = ALL_PARTS, footnotes: bool = True) -> WordCount:
    """Words counted under the rule, in a python-docx ``Document``: ``excluded`` names the parts the court's rule
    leaves out (see :data:`PART_STYLES`), ``footnotes`` whether footnotes count (court-rules.yaml's ``excluded``
    and ``counted``)."""
    body = notes_count = 0
    for text, notes in counted_paragraphs(document, excluded):
        body += words_in(text)
        notes_count += sum(words_in(note) for note in notes) if footnotes else 0
    return WordCount(body, notes_count)


def counted_paragraphs(document: Any, excluded: tuple[str, ...] = ALL_PARTS) -> Iterator[tuple[str, list[str]]]:
    """The paragraphs the rule counts, in order, each with the text of the footnotes it calls."""
    styles = {s.style_id: s.name for s in document.styles}
    notes = footnote_texts(document)
    skipped = frozenset({"Table Text"}).union(*(PART_STYLES[part] for part in excluded if part in PART_STYLES))
    before_title = True
    for element in document.element.body.iterchildren(f"{_W}p", f"{_W}tbl"):
        if element.tag == f"{_W}tbl":  # the caption is the table before the title; Schedule A is never counted
            if before_title and "caption" not in excluded:
                yield from ((paragraph_text(p), []) for p in element.iter(f"{_W}p"))
            continue
        text = paragraph_text(element)
        if is_certificate_heading(text) and "certificates" in excluded:
            return
        style = element.find(f"{_W}pPr/{_W}pStyle")
        name = styles.get(style.get(f"{_W}val")) if style is not None else None
        before_title = before_title and name != "Title"
        if name in skipped:
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
