"""The Schedule A table, written in one pass: what a lawyer sees is exactly what the sellers' answers say.

The fast writer must give the very table Word would get from building each cell element by element (the
reference below does that with python-docx's element API), for any text an answer can hold, and the order
must read right in Word: one row per seller, in order, under a bold header row repeated on every page.
"""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from assembler.api import render_document
from assembler.text.markup import Run
from assembler.word.ooxml import append_table, run_element
from samples import sellers_order_answers

COLUMNS = ["No.", "Defendant", "Online store", "Marketplace", "URL"]
WIDTHS = [700, 2600, 2000, 1500, 2560]


def reference_row(cells: list[str], header: bool):
    """A row built element by element, as Word's own object model would."""
    tr = OxmlElement("w:tr")
    if header:
        trpr = OxmlElement("w:trPr")
        trpr.append(OxmlElement("w:tblHeader"))
        tr.append(trpr)
    for text, width in zip(cells, WIDTHS):
        tc = OxmlElement("w:tc")
        tcpr = OxmlElement("w:tcPr")
        tcw = OxmlElement("w:tcW")
        tcw.set(qn("w:w"), str(width))
        tcw.set(qn("w:type"), "dxa")
        tcpr.append(tcw)
        tc.append(tcpr)
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), "Table Text")
        ppr.append(style)
        p.append(ppr)
        p.append(run_element(Run(text, bold=header)))
        tc.append(p)
        tr.append(tc)
    return tr


def saved_rows(document) -> list:
    out = io.BytesIO()
    document.save(out)
    saved = Document(io.BytesIO(out.getvalue()))
    return saved.element.body.findall(qn("w:tbl"))[-1].findall(qn("w:tr"))


cell_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufffe\uffff",
                                  min_codepoint=9).filter(lambda c: c in "\t\n" or ord(c) >= 32), max_size=30)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(cell_text, min_size=5, max_size=5), max_size=6))
def test_every_row_is_the_table_built_element_by_element(rows):
    document = Document()
    append_table(document, COLUMNS, rows, "Table Text", WIDTHS)
    expected = [reference_row(COLUMNS, True)] + [reference_row(r, False) for r in rows]
    got = saved_rows(document)
    assert [etree.tostring(r, method="c14n", exclusive=True) for r in got] == [etree.tostring(r, method="c14n", exclusive=True) for r in expected]


def test_the_order_shows_every_seller_in_order_under_a_repeated_bold_header(builtin, tmp_path):
    sellers = [{"name": f"Seller {n} & Sons <Ltd.>", "store": "“Chloé” Société" if n % 2 else "",
                "marketplace": "AliExpress", "url": f"https://example.com/store?id={n}&x=1"} for n in range(1, 1201)]
    out = render_document(builtin, "pi-order", sellers_order_answers("ilnd", sellers), tmp_path / "o.docx")
    document = Document(str(out.docx_path))
    table = document.tables[-1]
    assert [c.text for c in table.rows[0].cells] == COLUMNS
    assert all(r.bold for c in table.rows[0].cells for r in c.paragraphs[0].runs)
    assert table.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert len(table.rows) == len(sellers) + 1
    for n in (1, 2, 600, 1200):
        seller = sellers[n - 1]
        assert [c.text for c in table.rows[n].cells] == [str(n), seller["name"], seller["store"],
                                                          seller["marketplace"], seller["url"]]
    assert "SCHEDULE A" in [p.text for p in document.paragraphs]


def test_two_tables_in_one_document_each_keep_their_rows():
    document = Document()
    append_table(document, COLUMNS, [["1", "First", "", "", ""]], "Table Text", WIDTHS)
    document.add_paragraph("between")
    append_table(document, COLUMNS, [["1", "Second", "", "", ""], ["2", "Third", "", "", ""]], "Table Text", WIDTHS)
    out = io.BytesIO()
    document.save(out)
    tables = Document(io.BytesIO(out.getvalue())).tables
    assert [[c.text for c in r.cells][1] for t in tables for r in t.rows] == [
        "Defendant", "First", "Defendant", "Second", "Third"]


def test_a_character_xml_cannot_hold_is_refused():
    with pytest.raises(ValueError, match="XML compatible"):
        append_table(Document(), COLUMNS, [["1", "bad\x01name", "", "", ""]], "Table Text", WIDTHS)
