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
    for index, piece in enumerate(re.split(r"([\t\n])", run.text)):
        if index % 2:  # a tab or line break is its own element in Word, not a character in the text
            r.append(OxmlElement("w:tab" if piece == "\t" else "w:br"))
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
    ppr = OxmlElement("w:pPr")
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), "FootnoteText")
    ppr.append(style)
    p.append(ppr)
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
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "FootnoteReference")
    rpr.append(style)
    r.append(rpr)
    r.append(OxmlElement(tag))
    return r


def add_field(paragraph: Any, instruction: str, placeholder: str = "1") -> None:
    """A simple field (``PAGE``, ``NUMPAGES``) that Word and LibreOffice compute when they lay out."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    field.append(run_element(Run(placeholder)))
    paragraph._p.append(field)


def append_table(document: Any, columns: list[str], rows: list[list[str]], style: str, widths: list[int]) -> None:
    """A bordered table built straight in lxml: python-docx's row-by-row API is far too slow for a
    Schedule A of thousands of sellers. ``widths`` are in twentieths of a point."""
    tbl = parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        '<w:tblBorders>' + "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        ) + '</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>'
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid></w:tbl>"
    )
    tbl.append(_row(columns, widths, style, header=True))
    for row in rows:
        tbl.append(_row(row, widths, style, header=False))
    body = document.element.body
    body.insert(len(body) - 1, tbl)  # before the final sectPr


def _row(cells: list[str], widths: list[int], style: str, header: bool) -> Any:
    tr = OxmlElement("w:tr")
    if header:
        trpr = OxmlElement("w:trPr")
        trpr.append(OxmlElement("w:tblHeader"))  # repeat the header row on every page
        tr.append(trpr)
    for text, width in zip(cells, widths):
        tc = OxmlElement("w:tc")
        tcpr = OxmlElement("w:tcPr")
        tcw = OxmlElement("w:tcW")
        tcw.set(qn("w:w"), str(width))
        tcw.set(qn("w:type"), "dxa")
        tcpr.append(tcw)
        tc.append(tcpr)
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        pstyle = OxmlElement("w:pStyle")
        pstyle.set(qn("w:val"), style)
        ppr.append(pstyle)
        p.append(ppr)
        p.append(run_element(Run(text, bold=header)))
        tc.append(p)
        tr.append(tc)
    return tr


def document_time(day: Any) -> dt.datetime:
    """The time written into a document's metadata: 9:00 on ``day`` (a date or ``YYYY-MM-DD``; today if
    empty), so the same inputs give the same file and no working hours leak into it."""
    if not day:
        day = dt.date.today()
    elif not isinstance(day, dt.date):
        day = dt.date.fromisoformat(str(day)[:10])
    return dt.datetime(day.year, day.month, day.day, 9, 0, 0)


def clean_metadata(document: Any, title: str, author: str, when: dt.datetime) -> None:
    """Metadata safe to file: title and author from the answers, nothing from the tool or its template."""
    props = document.core_properties
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.subject = ""
    props.keywords = ""
    props.comments = ""
    props.category = ""
    props.content_status = ""
    props.identifier = ""
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
