"""Laying a :class:`~assembler.assembly.assemble.Draft` out as a Word document a litigator can edit and file.

The caption and title come from a docxtpl *skeleton* (a .docx with Jinja tags), so a firm can restyle its
papers by putting its own ``skeleton.docx`` in ``templates/`` of its library. The body — clauses, headings,
footnotes, signature blocks, Schedule A — is added with python-docx and :mod:`assembler.word.ooxml`.

Styles follow S.D.N.Y./E.D.N.Y. Local Civil Rule 7.1 and common federal practice: 12-point Times New Roman,
double-spaced body, single-spaced headings, block quotes and footnotes (10-point), one-inch margins, page
numbers in the footer, Heading 1–3 for the navigation pane.
"""

from __future__ import annotations

import dataclasses
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from assembler.assembly.assemble import Draft, Table
from assembler.text.markup import CiteMark, Footnote, Paragraph, Run
from assembler.word.ooxml import run_element

FONT = "Times New Roman"
_STYLE_FOR = {
    "body": "Body Text", "plain": "Body Text Plain", "block": "Block Quote", "numbered": "Decretal",
    "center": "Centered", "signature": "Signature Block", "heading1": "Heading 1", "heading2": "Heading 2",
    "heading3": "Heading 3", "title": "Title",
}


@dataclass
class Rendered:
    data: bytes
    tables: str | None  # how a memorandum's tables got their page numbers; None without tables
    word_count: int | None  # words counted under the court's rule, for the certificate of compliance


def render_docx(draft: Draft, skeleton: Path | None = None) -> bytes:
    """The finished .docx as bytes (the caller writes it atomically). No layout pass: see :func:`render`."""
    return render(draft, skeleton, layout=False).data


def render(draft: Draft, skeleton: Path | None = None, *, layout: bool = False, strict: bool = False) -> Rendered:
    """The finished draft. A memorandum gets a Table of Contents and a Table of Authorities; with ``layout``
    and LibreOffice present their page numbers come from laying the draft out (twice at most, until the pages
    settle), otherwise Word fills them from the fields when the draft is opened. A LibreOffice that is there
    but fails is never silent: a warning names the cause, and ``strict`` refuses the draft instead."""
    from assembler.word import layout as lay

    if draft.template.kind != "memorandum":
        data, count = _build(draft, skeleton)
        return Rendered(data, None, count)
    pages: dict[str, int] | None = None
    if layout and lay.available():
        for _ in range(2):  # the second pass only matters if filling in the numbers moved a page break
            try:
                found = _printed_pages(lay.pages_of_tokens(_build(draft, skeleton, pages=pages, tokens=True)[0]))
            except lay.LayoutFailed as cause:
                _layout_failed(str(cause), strict)
                break
            settled = found == pages
            pages = found or pages
            if settled or not found:
                break
    tables = TABLES_LAID_OUT if pages else TABLES_BY_WORD
    data, count = _build(draft, skeleton, pages=pages, note=tables)
    return Rendered(data, tables, count)


def _layout_failed(cause: str, strict: bool) -> None:
    from assembler.errors import AssemblerError
    from assembler.word.layout import warn

    message = f"LibreOffice could not lay the draft out ({cause})"
    if strict:
        raise AssemblerError(f"{message}; --strict refuses a memorandum whose tables have no page numbers "
                             "(fix LibreOffice, or render with --no-layout)")
    warn(f"{message}; the tables' page numbers are left to Word, which fills them in when the draft is opened")


def _printed_pages(found: dict[str, int] | None) -> dict[str, int] | None:
    """Page numbers as printed: the body is numbered from 1 after the roman-numbered front matter, so a
    token's page counted from the first sheet is shifted back by the front matter's pages (the first heading,
    ``h0``, opens the body on a new page)."""
    if not found or "h0" not in found:
        return found
    front = found["h0"] - 1
    return {token: page - front for token, page in found.items()}


TABLES_LAID_OUT = ("Page numbers in the tables of contents and authorities were set from a LibreOffice layout of "
                   "this draft; Word recomputes them from the fields when the draft is opened.")
TABLES_BY_WORD = ("Page numbers in the tables of contents and authorities are left to Word: they fill in from the "
                  "fields when the draft is opened and fields are updated (LibreOffice was not used).")


def _build(draft: Draft, skeleton: Path | None, *, pages: dict[str, int] | None = None, tokens: bool = False,
           note: str | None = None) -> tuple[bytes, int | None]:
    from docxtpl import DocxTemplate

    from assembler.word.ooxml import clean_metadata, document_time, update_fields_on_open
    from assembler.word.typography import typeset_line

    source = io.BytesIO(skeleton.read_bytes() if skeleton else default_skeleton())
    template = DocxTemplate(source)
    template.render(_skeleton_context(draft), jinja_env=_skeleton_env(), autoescape=True)
    document = template.docx
    if draft.rules is not None and draft.template.kind != "order":
        court_type_size(document, draft.rules.type_size, draft.rules.footnote_size)
    writer = _BodyWriter(document, draft, tokens)
    if draft.template.kind == "memorandum":
        _tables(writer, draft, pages, note)
    for block in draft.blocks:
        if isinstance(block, Table):
            writer.table(block)
        else:
            writer.paragraph(block)
    _closing(writer, draft)
    count = _fill_word_count(document, draft.rules)
    when = document_time(draft.filing_date)
    clean_metadata(document, typeset_line(draft.title), draft.firm, when, draft.identity)
    if draft.template.kind == "memorandum":
        update_fields_on_open(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), count


def court_type_size(document: Any, size: int, footnote: int | None) -> None:
    """Set a paper in the type its court's rules require: every style set in the skeleton's 12-point body type
    takes ``size`` (C.D. Cal. L.R. 11-3.1.1: 14-point), and footnotes take ``footnote`` where the rules name a size
    (S.D. Fla. L.R. 5.1(a)(4): 12-point, footnotes included); otherwise 10-point beside 12-point text, or the text's
    own size beside larger text. A firm skeleton's sizes other than 12-point (a table's 9-point) are left alone."""
    from docx.shared import Pt

    if size == 12 and not footnote:
        return
    for style in document.styles:
        font = getattr(style, "font", None)
        if font is None or style.name == "Footnote Text":
            continue
        if font.size == Pt(12):
            font.size = Pt(size)
    try:
        notes = document.styles["Footnote Text"]
    except KeyError:
        return
    notes.font.size = Pt(footnote or (10 if size <= 12 else size))


def _fill_word_count(document: Any, rules: Any = None) -> int | None:
    """Put the count into the certificate of compliance, if the draft has one. The certificate itself is not
    counted, so the number it states is final."""
    from docx.oxml.ns import qn

    from assembler.word.wordcount import WORD_COUNT, count_words

    holders = [t for t in document.element.body.iter(qn("w:t")) if t.text and WORD_COUNT in t.text]
    if not holders:
        return None
    count = (count_words(document, rules.excluded, "footnotes" in rules.counted) if rules else count_words(document)).words
    for text in holders:
        text.text = text.text.replace(WORD_COUNT, f"{count:,}")
    return count


def _tables(writer: _BodyWriter, draft: Draft, pages: dict[str, int] | None, note: str | None) -> None:
    """Table of Contents and Table of Authorities, each a Word field whose cached result is the entries."""
    from docx.enum.text import WD_BREAK

    from assembler.word.ooxml import field_char, front_matter_section, instruction, outline_level, tab_stop_right_dotted
    from assembler.citing.toa import CATEGORIES, authority_table

    def entries(field_code: str, rows: list[tuple[str, list[Run], str]]) -> None:
        for number, (style, runs, page) in enumerate(rows):
            paragraph = writer.add(style=style)
            tab_stop_right_dotted(paragraph)
            if number == 0:
                for element in (field_char("begin"), instruction(field_code), field_char("separate")):
                    paragraph._p.append(element)
            for run in _typeset(runs):
                writer.run(paragraph, run)
            paragraph.add_run(f"\t{page}")
            if number == len(rows) - 1:
                paragraph._p.append(field_char("end"))

    heading = writer.add("TABLE OF CONTENTS", "Table Heading")
    outline_level(heading)
    if note:
        writer.document.add_comment(heading.runs, text=note, author="Drafting note", initials="N")  # no generator name
    toc_rows = []
    for index, block in enumerate(h for h in draft.blocks if isinstance(h, Paragraph) and h.style.startswith("heading")):
        level = int(block.style[-1])
        page = str(pages.get(f"h{index}", "")) if pages else ""
        toc_rows.append((f"toc {level}", [Run(block.text.replace("\t", " "))], page))
    if toc_rows:
        entries('TOC \\o "1-3" \\h \\z', toc_rows)
    writer.add(style="Body Text Plain").add_run().add_break(WD_BREAK.PAGE)

    outline_level(writer.add("TABLE OF AUTHORITIES", "Table Heading"))
    page_of = {int(k[1:]): v for k, v in (pages or {}).items() if k.startswith("c")}
    for kind, group in authority_table(draft.citations, draft.registry).items():
        category, title = CATEGORIES[kind]
        writer.add(title, "TOA Heading")
        rows = []
        for entry in group:
            authority = entry.authority
            runs = ([Run(authority.name, italic=True), Run(entry.cited[len(authority.name):])]
                    if authority.is_case else [Run(entry.cited)])
            rows.append(("table of authorities", runs, entry.pages(page_of)))
        entries(f'TOA \\c "{category}" \\p', rows)
    # the caption and tables are front matter, numbered i, ii, ...; the argument starts a section at page 1
    front_matter_section(writer.document, writer.add(style="Body Text Plain"))


@lru_cache(maxsize=1)
def _skeleton_env():
    from assembler.text.jinja import sandbox

    return sandbox(autoescape=True)


def _skeleton_context(draft: Draft) -> dict[str, Any]:
    """The caption and title for the skeleton's tags, typeset like the body."""
    from assembler.word.typography import typeset_line

    def typeset_all(value: Any) -> Any:
        if isinstance(value, str):
            return typeset_line(value)
        if isinstance(value, (list, tuple)):
            return [typeset_all(v) for v in value]
        if isinstance(value, dict):
            return {k: typeset_all(v) for k, v in value.items()}
        if dataclasses.is_dataclass(value):  # a caption side: its lines and role, read by attribute in the tags
            return {f.name: typeset_all(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return value

    return typeset_all(_caption_context(draft))


def _caption_context(draft: Draft) -> dict[str, Any]:
    caption = draft.caption
    return {
        "court_lines": list(caption.court_lines),
        "plaintiffs": caption.plaintiffs,
        "defendants": caption.defendants,
        "case_number": caption.case_number,
        "judge": caption.judge,
        "versus": caption.versus,
        "title": draft.title,
    }


class _BodyWriter:
    def __init__(self, document: Any, draft: Draft | None = None, tokens: bool = False) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        self.document = document
        self.draft = draft
        self.tokens = tokens  # mark headings and citations for the layout pass
        self.headings = 0
        self.ta_seen: set[tuple[str, str | None]] = set()
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
            from assembler.errors import TemplateError

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
        if block.style.startswith("heading") and self.draft is not None:
            self.token(paragraph, "h", self.headings)
            self.headings += 1
        if block.style == "numbered":
            self.number += 1
            paragraph.add_run(f"{self.number}.\t")
        for item in _typeset(block.items):
            if isinstance(item, Footnote):
                from assembler.word.ooxml import add_footnote

                add_footnote(self.document, paragraph, item.runs)
                for index in item.cites:
                    self.cite(paragraph, index)
            elif isinstance(item, CiteMark):
                self.cite(paragraph, item.index)
            else:
                self.run(paragraph, item)

    def cite(self, paragraph: Any, index: int) -> None:
        """A Table of Authorities entry (``TA`` field) where citation ``index`` falls, in memoranda."""
        if self.draft is None or self.draft.template.kind != "memorandum":
            return
        from assembler.word.ooxml import hidden_field
        from assembler.citing.toa import CATEGORIES, field_text, subsection, ta_short
        from assembler.word.typography import typeset_line

        use = self.draft.citations[index]
        authority = self.draft.registry.get(use.key)
        part = subsection(authority, use.pin)  # a statute or rule is listed to the subsection cited
        category = CATEGORIES[authority.kind][0]
        short = field_text(typeset_line(ta_short(authority, part)))
        if (authority.key, part) in self.ta_seen:
            hidden_field(paragraph._p, f'TA \\s "{short}" \\c {category}')
        else:
            self.ta_seen.add((authority.key, part))
            long = field_text(typeset_line(authority.full_plain(part)))
            hidden_field(paragraph._p, f'TA \\l "{long}" \\s "{short}" \\c {category}')
        self.token(paragraph, "c", index)

    def token(self, paragraph: Any, kind: str, number: int) -> None:
        if not self.tokens:
            return
        from docx.shared import Pt

        from assembler.word.layout import token

        paragraph.add_run(token(kind, number)).font.size = Pt(1)

    def run(self, paragraph: Any, item: Run) -> None:
        """Append a run already typeset (see :func:`_typeset`)."""
        paragraph._p.append(run_element(item))

    def lines(self, texts: list[str], style: str = "Signature Block") -> None:
        """A block of lines (a signature block) kept together on one page: each line is kept with the next,
        which Word and LibreOffice both honour."""
        from assembler.word.typography import typeset_line

        for number, text in enumerate(texts):
            paragraph = self.add(typeset_line(text), style)
            if number < len(texts) - 1:
                paragraph.paragraph_format.keep_with_next = True

    def table(self, table: Table) -> None:
        from assembler.word.ooxml import append_table

        self.paragraph(Paragraph([Run(table.title, bold=True)], "heading1"))
        others = len(table.columns) - 1  # the number column is narrow; the rest share the 6.5-inch line
        widths = [700, 2600, 2000, 1500, 2560] if others == 4 else [700] + [8660 // others] * others
        append_table(self.document, table.columns, table.rows, "Table Text", widths)


def _typeset(items: list[Any]) -> list[Any]:
    """A paragraph's runs as a typesetter would print them (curly quotes, citations that do not break; see
    :mod:`assembler.word.typography`), typeset together so a quote is curled by its neighbours in other runs.
    A footnote is its own paragraph."""
    from assembler.word.typography import typeset_runs

    runs = [item for item in items if isinstance(item, Run)]
    texts = iter(typeset_runs([run.text for run in runs]))
    out: list[Any] = []
    for item in items:
        if isinstance(item, Run):
            out.append(Run(next(texts), item.italic, item.bold, item.underline))
        elif isinstance(item, Footnote):
            out.append(Footnote(_typeset(item.runs), item.cites))
        else:
            out.append(item)
    return out


def _closing(writer: _BodyWriter, draft: Draft) -> None:
    """The signature block, the papers after it (certificate of service, Schedule A) and the certificate's
    signature, all as the assembly decided them; each block kept together on one page."""
    signature = draft.signature
    if signature.dated is None:  # an order: "SO ORDERED." and its date line stay with the judge's signature
        _keep_closing_lines_with_signature(writer.document)
        writer.add("", "Body Text Plain").paragraph_format.keep_with_next = True
    else:
        writer.add(signature.dated, "Signature Dated").paragraph_format.keep_with_next = True
    writer.lines(list(signature.lines))
    for block in draft.after_signature:
        if isinstance(block, Table):
            writer.table(block)
        else:
            writer.paragraph(block)
    writer.lines(list(draft.service_signature))


def _keep_closing_lines_with_signature(document: Any) -> None:
    """An order's "SO ORDERED." and date line stay on the page of the judge's signature."""
    from docx.oxml.ns import qn

    closing = []
    for element in reversed(document.element.body.findall(qn("w:p"))[-3:]):
        text = "".join(t.text or "" for t in element.iter(qn("w:t"))).strip().upper()
        if not text.startswith(("SO ORDERED", "DATED")):
            break
        closing.append(element)
    for element in closing:
        element.get_or_add_pPr().keepNext_val = True


@lru_cache(maxsize=1)
def default_skeleton() -> bytes:
    """The built-in skeleton, built once and kept across runs (in the cache folder, under a name that changes
    with this module's source and python-docx's version, so a change to either builds it afresh)."""
    import hashlib
    import os
    import tempfile

    import docx

    from assembler.text.analysis_cache import cache_folder

    stamp = hashlib.sha256(Path(__file__).read_bytes() + docx.__version__.encode()).hexdigest()[:12]
    kept = cache_folder() / f"skeleton-{stamp}.docx"
    try:
        return kept.read_bytes()
    except OSError:
        pass
    data = _build_skeleton()
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=kept.parent, delete=False, suffix=".tmp") as handle:
            handle.write(data)
        os.replace(handle.name, kept)
    except OSError:
        pass
    return data


def _build_skeleton() -> bytes:
    """The built-in skeleton: styles, page setup, footer page number, caption and title with docxtpl tags."""
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Inches, Pt, RGBColor

    from assembler.word.ooxml import add_field

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
    para_style("Table Heading", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=0, after=12)
    para_style("TOA Heading", bold=True, before=12, after=6, keep=True)
    para_style("toc 1", left=0.0, hanging=0.0, after=6, right=0.4)
    para_style("toc 2", left=1.0, hanging=0.5, after=6, right=0.4)  # points I, II... indented under ARGUMENT
    para_style("toc 3", left=1.5, hanging=0.5, after=6, right=0.4)
    para_style("table of authorities", left=0.5, hanging=0.5, after=6, right=0.4)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        styles[name].font.all_caps = None
    ref = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
    ref.font.superscript = True

    footer = section.footer.paragraphs[0]
    footer.style = styles["Normal"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_field(footer, "PAGE")

    for line in ("{{ court_lines[0] }}", "{{ court_lines[1] }}",  # the division, where the court names one:
                 "{%p if court_lines|length > 2 %}", "{{ court_lines[2] }}", "{%p endif %}"):
        doc.add_paragraph(line, style="Court Name")
    doc.add_paragraph("", style="Caption Text")

    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Inches(3.6), Inches(2.9)
    _border(left, ("right", "bottom"))
    left_lines = [
        "{%p for line in plaintiffs.lines %}", "{{ line }}", "{%p endfor %}", "",
        "\t\t\t{{ plaintiffs.role }},", "", "\t{{ versus }}", "",
        "{%p for line in defendants.lines %}", "{{ line }}", "{%p endfor %}", "",
        "\t\t\t{{ defendants.role }}.", "",
    ]
    left.paragraphs[0].text = left_lines[0]
    for text in left_lines[1:]:
        left.add_paragraph(text)
    right.paragraphs[0].text = ""
    for text in ("", "", "Case No.\u00a0{{ case_number }}", "{%p if judge %}", "Hon. {{ judge }}", "{%p endif %}"):
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
