"""Laying a :class:`~assembler.assembly.Draft` out as a Word document a litigator can edit and file.

The caption and title come from a docxtpl *skeleton* (a .docx with Jinja tags), so a firm can restyle its
papers by putting its own ``skeleton.docx`` in ``templates/`` of its library. The body — clauses, headings,
footnotes, signature blocks, Schedule A — is added with python-docx and :mod:`assembler.ooxml`.

Styles follow S.D.N.Y./E.D.N.Y. Local Civil Rule 7.1 and common federal practice: 12-point Times New Roman,
double-spaced body, single-spaced headings, block quotes and footnotes (10-point), one-inch margins, page
numbers in the footer, Heading 1–3 for the navigation pane.
"""

from __future__ import annotations

import datetime as dt
import io
from functools import lru_cache
from pathlib import Path
from typing import Any

from .assembly import Draft, Table
from .markup import Footnote, Paragraph, Run

FONT = "Times New Roman"
_STYLE_FOR = {
    "body": "Body Text", "plain": "Body Text Plain", "block": "Block Quote", "numbered": "Decretal",
    "center": "Centered", "signature": "Signature Block", "heading1": "Heading 1", "heading2": "Heading 2",
    "heading3": "Heading 3", "title": "Title",
}


def render_docx(draft: Draft, skeleton: Path | None = None) -> bytes:
    """The finished .docx as bytes (the caller writes it atomically)."""
    from docxtpl import DocxTemplate

    source = io.BytesIO(skeleton.read_bytes() if skeleton else default_skeleton())
    template = DocxTemplate(source)
    template.render(_skeleton_context(draft), jinja_env=_skeleton_env(), autoescape=True)
    document = template.docx
    writer = _BodyWriter(document)
    for block in draft.blocks:
        if isinstance(block, Table):
            writer.table(block)
        else:
            writer.paragraph(block)
    _closing(writer, draft)
    from .ooxml import clean_metadata

    filer = draft.context.get("filer") or {}
    when = _filing_datetime(draft.context.get("filing_date"))
    clean_metadata(document, draft.title, str(filer.get("firm") or ""), when)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _filing_datetime(value: Any) -> dt.datetime:
    day = dt.date.fromisoformat(value) if value else dt.date.today()
    return dt.datetime(day.year, day.month, day.day, 9, 0, 0)


@lru_cache(maxsize=1)
def _skeleton_env():
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)


def _skeleton_context(draft: Draft) -> dict[str, Any]:
    caption = draft.caption
    return {
        "court_lines": caption["court_lines"],
        "plaintiffs": caption["plaintiffs"],
        "defendants": caption["defendants"],
        "case_number": caption["case_number"],
        "judge": caption["judge"],
        "title": draft.title,
    }


class _BodyWriter:
    def __init__(self, document: Any) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        self.document = document
        self.number = 0
        # python-docx resolves a style name on every add_paragraph by scanning all styles; a long order made
        # that the largest cost of rendering. Resolve each name once.
        self._style_ids = {
            style.name: style.style_id for style in document.styles if style.type == WD_STYLE_TYPE.PARAGRAPH
        }

    def add(self, text: str = "", style: str = "Body Text") -> Any:
        """A new body paragraph in a named style of the skeleton."""
        try:
            style_id = self._style_ids[style]
        except KeyError:
            from .errors import TemplateError

            raise TemplateError(f"the Word skeleton has no paragraph style named '{style}'") from None
        paragraph = self.document.add_paragraph(text)
        paragraph._p.style = style_id
        return paragraph

    def paragraph(self, block: Paragraph) -> None:
        if block.style == "pagebreak":
            from docx.enum.text import WD_BREAK

            self.add(style="Body Text Plain").add_run().add_break(WD_BREAK.PAGE)
            return
        paragraph = self.add(style=_STYLE_FOR.get(block.style, "Body Text"))
        if block.style == "numbered":
            self.number += 1
            paragraph.add_run(f"{self.number}.\t")
        for item in block.items:
            if isinstance(item, Footnote):
                from .ooxml import add_footnote

                add_footnote(self.document, paragraph, item.runs)
            else:
                self.run(paragraph, item)

    def run(self, paragraph: Any, item: Run) -> None:
        # keep "§ 1116" and "¶ 4" together on one line, as a typesetter would
        run = paragraph.add_run(item.text.replace("§ ", "§\u00a0").replace("¶ ", "¶\u00a0"))
        run.italic = item.italic or None
        run.bold = item.bold or None
        run.underline = item.underline or None

    def lines(self, texts: list[str], style: str = "Signature Block") -> None:
        for text in texts:
            self.add(text, style)

    def table(self, table: Table) -> None:
        from .ooxml import append_table

        self.paragraph(Paragraph([Run(table.title, bold=True)], "heading1"))
        append_table(self.document, table.columns, table.rows, "Table Text", [700, 2600, 2000, 1500, 2560])


def _closing(writer: _BodyWriter, draft: Draft) -> None:
    ctx = draft.context
    if draft.template.signature == "judge":
        writer.add("", "Body Text Plain")
        judge = ctx.get("judge")
        writer.lines(["_________________________________"] + ([f"Hon. {judge}"] if judge else []) +
                     ["United States District Judge"])
        _after_signature(writer, draft, {})
        return
    filer = ctx.get("filer") or {}
    dated = ctx.get("filing_date")
    writer.add(f"Dated: {_long(dated) if dated else '____________________'}", "Signature Dated")
    writer.lines(_counsel_block(filer, ctx))
    _after_signature(writer, draft, filer)


def _after_signature(writer: _BodyWriter, draft: Draft, filer: dict[str, Any]) -> None:
    for block in draft.after_signature:
        if isinstance(block, Table):
            writer.table(block)
        else:
            writer.paragraph(block)
    if draft.template.certificate_of_service and draft.template.signature == "counsel":
        attorneys = filer.get("attorneys") or [{}]
        writer.lines(["", "____________________________", str(attorneys[0].get("name") or "")])


def _counsel_block(filer: dict[str, Any], ctx: dict[str, Any]) -> list[str]:
    attorneys = filer.get("attorneys") or []
    lines = ["Respectfully submitted,", ""]
    if filer.get("firm"):
        lines.append(str(filer["firm"]).upper())
    lines += ["", "By: ____________________________"]
    for attorney in attorneys:
        bar = f" (Bar No. {attorney['bar_number']})" if attorney.get("bar_number") else ""
        lines.append(f"{attorney['name']}{bar}")
        if attorney.get("email"):
            lines.append(str(attorney["email"]))
    lines += [str(line) for line in filer.get("address") or []]
    if filer.get("phone"):
        lines.append(f"Tel.: {filer['phone']}")
    represents = ctx.get("movant_names") or _join(filer.get("represents") or [])
    if represents:
        count = len(ctx.get("movants") or filer.get("represents") or [])
        lines += ["", f"Attorneys for {'Defendant' if count == 1 else 'Defendants'} {represents}"
                  if ctx.get("movants") else f"Attorneys for {represents}"]
    return lines


def _join(items: list[str]) -> str:
    from .clausetext import join_and

    return join_and(items)


def _long(value: str) -> str:
    from .clausetext import longdate

    return longdate(value)


@lru_cache(maxsize=1)
def default_skeleton() -> bytes:
    """The built-in skeleton: styles, page setup, footer page number, caption and title with docxtpl tags."""
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Inches, Pt, RGBColor

    from .ooxml import add_field

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))

    styles = doc.styles

    def para_style(name: str, base: str = "Normal", *, spacing: float = 1.0, indent: float = 0.0,
                   left: float = 0.0, right: float = 0.0, align=None, bold=False, size=12, after=0, before=0,
                   keep=False, hanging=0.0) -> Any:
        try:
            style = styles[name]
        except KeyError:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base] if base and name != base else None
        font = style.font
        font.name, font.size, font.bold, font.italic = FONT, Pt(size), bold or None, None
        _plain_font(style)
        font.color.rgb = RGBColor(0, 0, 0)
        fmt = style.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.DOUBLE if spacing == 2 else WD_LINE_SPACING.SINGLE
        fmt.first_line_indent = Inches(-hanging) if hanging else (Inches(indent) if indent else None)
        fmt.left_indent = Inches(left) if left else None
        fmt.right_indent = Inches(right) if right else None
        fmt.space_after, fmt.space_before = Pt(after), Pt(before)
        fmt.keep_with_next = keep or None
        if align is not None:
            fmt.alignment = align
        return style

    para_style("Normal", base="", size=12)
    para_style("Body Text", spacing=2, indent=0.5)
    para_style("Body Text Plain", spacing=2)
    para_style("Decretal", spacing=2, indent=0.5)
    para_style("Block Quote", left=1, right=1, after=12)
    para_style("Centered", spacing=2, align=WD_ALIGN_PARAGRAPH.CENTER)
    para_style("Signature Block", left=3.25)
    para_style("Signature Dated", before=24)
    para_style("Caption Text")
    para_style("Court Name", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    para_style("Title", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=24, after=24)
    para_style("Heading 1", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=12, after=12, keep=True)
    para_style("Heading 2", bold=True, left=0.5, hanging=0.5, before=12, after=12, keep=True)
    para_style("Heading 3", bold=True, left=1.0, hanging=0.5, before=12, after=12, keep=True)
    para_style("Footnote Text", size=10, after=6)
    para_style("Table Text", size=9)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        styles[name].font.all_caps = None
    ref = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
    ref.font.superscript = True

    footer = section.footer.paragraphs[0]
    footer.style = styles["Normal"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_field(footer, "PAGE")

    for line in ("{{ court_lines[0] }}", "{{ court_lines[1] }}"):
        doc.add_paragraph(line, style="Court Name")
    doc.add_paragraph("", style="Caption Text")

    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Inches(3.6), Inches(2.9)
    _border(left, ("right", "bottom"))
    left_lines = [
        "{%p for line in plaintiffs.lines %}", "{{ line }}", "{%p endfor %}", "",
        "\t\t\t{{ plaintiffs.role }},", "", "\t– against –", "",
        "{%p for line in defendants.lines %}", "{{ line }}", "{%p endfor %}", "",
        "\t\t\t{{ defendants.role }}.", "",
    ]
    left.paragraphs[0].text = left_lines[0]
    for text in left_lines[1:]:
        left.add_paragraph(text)
    right.paragraphs[0].text = ""
    for text in ("", "", "Case No. {{ case_number }}", "{%p if judge %}", "Hon. {{ judge }}", "{%p endif %}"):
        right.add_paragraph(text)
    for cell in (left, right):
        for paragraph in cell.paragraphs:
            paragraph.style = styles["Caption Text"]
        right.paragraphs[0].paragraph_format.left_indent = Inches(0.3)
    for paragraph in right.paragraphs:
        paragraph.paragraph_format.left_indent = Inches(0.3)

    doc.add_paragraph("{{ title }}", style="Title")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _plain_font(style: Any) -> None:
    """Drop the default template's theme fonts (which win over font.name) and decorative borders."""
    from docx.oxml.ns import qn

    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attr), FONT)
    for tag in ("w:spacing", "w:kern"):
        node = rpr.find(qn(tag))
        if node is not None:
            rpr.remove(node)
    ppr = style.element.pPr
    if ppr is not None:
        border = ppr.find(qn("w:pBdr"))
        if border is not None:
            ppr.remove(border)


def _border(cell: Any, sides: tuple[str, ...]) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tcpr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in sides:
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "8")
        edge.set(qn("w:color"), "000000")
        borders.append(edge)
    tcpr.append(borders)
