"""The OOXML surgery python-docx does not offer, kept in one place: footnotes, fields, fast tables, metadata.

Everything here works on python-docx objects and lxml elements; nothing else in `assembler` touches raw
WordprocessingML.
"""

from __future__ import annotations

import re

import datetime as dt
from collections.abc import Iterable
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from assembler.text.markup import Run

_FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_FOOTNOTES_XML = (
    f"<w:footnotes {nsdecls('w')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    "</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


_SPECIAL = re.compile("([\t\n\u2011])")
_SPECIAL_ELEMENT = {"\t": "w:tab", "\n": "w:br", "\u2011": "w:noBreakHyphen"}


def run_element(run: Run) -> Any:
    """A ``w:r`` for one run of text, with italics/bold/underline as the run says."""
    r = OxmlElement("w:r")
    if run.italic or run.bold or run.underline:
        rpr = OxmlElement("w:rPr")
        if run.bold:
            rpr.append(OxmlElement("w:b"))
        if run.italic:
            rpr.append(OxmlElement("w:i"))
        if run.underline:
            u = OxmlElement("w:u")
            u.set(qn("w:val"), "single")
            rpr.append(u)
        r.append(rpr)
    for index, piece in enumerate(_SPECIAL.split(run.text)):
        if index % 2:  # a tab, line break or non-breaking hyphen is its own element in Word, not a character
            r.append(OxmlElement(_SPECIAL_ELEMENT[piece]))
        elif piece:
            t = OxmlElement("w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = piece
            r.append(t)
    return r


def _footnotes_part(document: Any) -> XmlPart:
    part = document.part
    for rel in part.rels.values():
        if rel.reltype == RT.FOOTNOTES:
            return rel.target_part
    footnotes = XmlPart(PackURI("/word/footnotes.xml"), _FOOTNOTES_CT, parse_xml(_FOOTNOTES_XML), part.package)
    part.relate_to(footnotes, RT.FOOTNOTES)
    settings = document.settings.element
    if settings.find(qn("w:footnotePr")) is None:
        # Word expects the separator footnotes to be declared in settings.
        pr = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
        settings.insert(0, pr) if len(settings) == 0 else settings[0].addnext(pr)
    return footnotes


def add_footnote(document: Any, paragraph: Any, runs: Iterable[Run]) -> int:
    """Append a real Word footnote reference to ``paragraph`` and its text to the footnotes part."""
    footnotes = _footnotes_part(document).element
    ids = [int(n.get(qn("w:id"))) for n in footnotes.findall(qn("w:footnote"))]
    note_id = max(ids + [0]) + 1

    note = OxmlElement("w:footnote")
    note.set(qn("w:id"), str(note_id))
    p = OxmlElement("w:p")
    p.append(_properties("w:pPr", "w:pStyle", "FootnoteText"))
    p.append(_reference_run("w:footnoteRef"))
    p.append(run_element(Run(" ")))
    for run in runs:
        p.append(run_element(run))
    note.append(p)
    footnotes.append(note)

    reference = _reference_run("w:footnoteReference")
    reference[-1].set(qn("w:id"), str(note_id))
    paragraph._p.append(reference)
    return note_id


def _reference_run(tag: str) -> Any:
    r = OxmlElement("w:r")
    r.append(_properties("w:rPr", "w:rStyle", "FootnoteReference"))
    r.append(OxmlElement(tag))
    return r


def _properties(tag: str, style_tag: str, style_id: str) -> Any:
    """A paragraph's or run's properties (``w:pPr`` / ``w:rPr``) naming only its style, by style id."""
    properties = OxmlElement(tag)
    style = OxmlElement(style_tag)
    style.set(qn("w:val"), style_id)
    properties.append(style)
    return properties


def add_field(paragraph: Any, instruction: str, placeholder: str = "1") -> None:
    """A simple field (``PAGE``, ``NUMPAGES``) that Word and LibreOffice compute when they lay out."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    field.append(run_element(Run(placeholder)))
    paragraph._p.append(field)


def append_table(document: Any, columns: list[str], rows: list[list[str]], style: str, widths: list[int]) -> None:
    """A bordered table (the header row repeated on every page), written in one pass at the floor's cost.

    A Schedule A runs to tens of thousands of sellers. python-docx's row API is quadratic; building cells
    element by element cost ~40 lxml calls a row; and even a table parsed at once slows superlinearly when
    lxml moves it into the document (10,000 rows 1.6 s, 30,000 rows 11 s, reconciling namespaces node by
    node). So the rows are written as one XML string from a fixed prototype, and the document holds a small
    placeholder table that :func:`_splice` replaces with that string when the part is serialized: the
    in-memory document never carries the rows (nothing reads a table before saving), and the saved XML is
    exactly what the element-by-element table gave. ``widths`` are in twentieths of a point."""
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    opening = [f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="'
               f'{_escape(style)}"/></w:pPr>' for w in widths]
    parts = [f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{borders}'
             f'</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
             "<w:tr><w:trPr><w:tblHeader/></w:trPr>"]
    parts += [f"{cell}{_run_xml(text, bold=True)}</w:p></w:tc>" for cell, text in zip(opening, columns)]
    parts.append("</w:tr>")
    for row in rows:
        parts.append("<w:tr>")
        parts += [f"{cell}{_run_xml(text)}</w:p></w:tc>" for cell, text in zip(opening, row)]
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    xml = "".join(parts).encode("utf-8")
    del parts
    if _NOT_XML.search(xml):  # the text is escaped, so only a character XML cannot hold could break it
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters")
    body = document.element.body
    body.insert(len(body) - 1, _splice(document, xml))  # before the final sectPr


_NOT_XML = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")


def _splice(document: Any, xml: bytes) -> Any:
    """A placeholder table to stand in ``document`` for ``xml`` until the document part is serialized."""
    part = document.part
    if not isinstance(part, _SplicingPart):
        part.__class__ = type("SplicingDocumentPart", (_SplicingPart, type(part)), {})
        part.spliced = {}
    marker = f"assembler-splice-{len(part.spliced)}"
    placeholder = parse_xml(f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{marker}"/></w:tblPr></w:tbl>')
    part.spliced[f'<w:tbl><w:tblPr><w:tblStyle w:val="{marker}"/></w:tblPr></w:tbl>'.encode()] = xml
    return placeholder


class _SplicingPart:
    """Mixed into a document part that holds placeholders: its serialized XML carries the real tables."""

    spliced: dict[bytes, bytes]

    @property
    def blob(self) -> bytes:
        data = super().blob  # type: ignore[misc]
        for placeholder, xml in self.spliced.items():
            data = data.replace(placeholder, xml, 1)
        return data


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _run_xml(text: str, bold: bool = False) -> str:
    """The XML :func:`run_element` makes for ``Run(text, bold=bold)``, as a string."""
    properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
    if not _SPECIAL.search(text):
        return f'<w:r>{properties}<w:t xml:space="preserve">{_escape(text)}</w:t></w:r>' if text else (
            f"<w:r>{properties}</w:r>" if properties else "<w:r/>")
    pieces = []
    for index, piece in enumerate(_SPECIAL.split(text)):
        if index % 2:
            pieces.append(f"<{_SPECIAL_ELEMENT[piece]}/>")
        elif piece:
            pieces.append(f'<w:t xml:space="preserve">{_escape(piece)}</w:t>')
    return f"<w:r>{properties}{''.join(pieces)}</w:r>"


def document_time(day: Any) -> dt.datetime:
    """The time written into a document's metadata: 9:00 on ``day`` (a date or ``YYYY-MM-DD``; today if
    empty), so the same inputs give the same file and no working hours leak into it."""
    if not day:
        day = dt.date.today()
    elif not isinstance(day, dt.date):
        day = dt.date.fromisoformat(str(day)[:10])
    return dt.datetime(day.year, day.month, day.day, 9, 0, 0)


def clean_metadata(document: Any, title: str, author: str, when: dt.datetime, identifier: str = "") -> None:
    """Metadata safe to file: title and author from the answers, nothing from the tool or its template; the
    identifier ties a draft to its manifest (a digest, no answer in it), and survives editing in Word."""
    props = document.core_properties
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.subject = ""
    props.keywords = ""
    props.comments = ""
    props.category = ""
    props.content_status = ""
    props.identifier = identifier
    props.language = ""
    props.version = ""
    props.revision = 1
    props.created = when
    props.modified = when
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES):
            del package.rels[rel_id]
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype == RT.CUSTOM_XML:
            del document.part.rels[rel_id]


def field_char(kind: str) -> Any:
    """One ``w:fldChar`` run (``begin``, ``separate`` or ``end``) of a complex field."""
    r = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    r.append(char)
    return r


def instruction(text: str) -> Any:
    r = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {text} "
    r.append(instr)
    return r


def hidden_field(paragraph_element: Any, text: str) -> None:
    """A field with no visible result, such as a ``TA`` (table of authorities entry) mark."""
    paragraph_element.append(field_char("begin"))
    paragraph_element.append(instruction(text))
    paragraph_element.append(field_char("end"))


def tab_stop_right_dotted(paragraph: Any, position_twips: int = 9360) -> None:
    """A right-aligned tab with a dot leader, for page numbers at the margin of a table of contents."""
    ppr = paragraph._p.get_or_add_pPr()
    tabs = OxmlElement("w:tabs")
    tab = OxmlElement("w:tab")
    tab.set(qn("w:val"), "right")
    tab.set(qn("w:leader"), "dot")
    tab.set(qn("w:pos"), str(position_twips))
    tabs.append(tab)
    ppr.append(tabs)


def update_fields_on_open(document: Any) -> None:
    """Ask Word to recompute fields (the tables' page numbers) when the draft is opened."""
    settings = document.settings.element
    flag = settings.find(qn("w:updateFields"))
    if flag is None:
        flag = OxmlElement("w:updateFields")
        settings.append(flag)
    flag.set(qn("w:val"), "true")


def outline_level(paragraph: Any, level: int = 0) -> None:
    """Give a paragraph that is not a Heading an outline level (0 = top), so it becomes a PDF bookmark and
    shows in Word's navigation pane; Word's ``TOC \\o`` field still lists only the Heading styles."""
    ppr = paragraph._p.get_or_add_pPr()
    node = OxmlElement("w:outlineLvl")
    node.set(qn("w:val"), str(level))
    ppr.append(node)


def front_matter_section(document: Any, paragraph: Any) -> None:
    """End the front matter (caption, tables) at ``paragraph`` with a section break: pages numbered i, ii, ...
    before it, 1, 2, ... after it. The front section copies the body's page setup and footer (which holds the
    ``PAGE`` field), so both number in the same place; Word and LibreOffice both read ``w:pgNumType``."""
    import copy

    body = document.element.body
    last = body.find(qn("w:sectPr"))
    front = copy.deepcopy(last)
    _page_numbers(front, fmt="lowerRoman")
    _page_numbers(last, fmt="decimal")
    paragraph._p.get_or_add_pPr().append(front)


def _page_numbers(sect_pr: Any, fmt: str) -> None:
    """Set ``w:pgNumType`` (format, restarting at 1) where the schema wants it: before ``w:cols`` and what
    follows it."""
    for old in sect_pr.findall(qn("w:pgNumType")):
        sect_pr.remove(old)
    node = OxmlElement("w:pgNumType")
    node.set(qn("w:fmt"), fmt)
    node.set(qn("w:start"), "1")
    later = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi",
             "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")
    anchor = next((child for child in sect_pr if child.tag in {qn(t) for t in later}), None)
    if anchor is None:
        sect_pr.append(node)
    else:
        anchor.addprevious(node)
