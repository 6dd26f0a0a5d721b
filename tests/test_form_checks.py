"""`check` sees form: straight quotes and breakable citations in a draft edited in Word, and a filed PDF's
pages against the page limit."""

from __future__ import annotations

import pikepdf
import pytest
from docx import Document

from assembler.api import render_document
from assembler.checks.check import check_draft
from assembler.checks.form import pdf_pages
from conftest import require_layout_tools
from samples import motion_answers, order_answers


@pytest.fixture(scope="module")
def drafts(builtin, tmp_path_factory):
    folder = tmp_path_factory.mktemp("form")
    parties = {"defendants": [{"name": 'Widget "Prime" Inc.', "short_name": "Widget", "kind": "corporation"}],
               "movants": ["Widget"]}
    return {
        "memo": render_document(builtin, "rule-12b2-motion", motion_answers(court="nysd"), folder / "m.docx").docx_path,
        "order": render_document(builtin, "pi-order", order_answers(court="moed", **parties),
                                 folder / "o.docx").docx_path,
    }


def typography(report):
    return [str(f) for f in report.findings if f.rule == "typography"]


@pytest.mark.parametrize("name", ["memo", "order"])
def test_a_draft_as_rendered_has_no_typography_problem(builtin, drafts, name):
    assert typography(check_draft(builtin, drafts[name], layout=False)) == []


def edited(path, tmp_path, *paragraphs):
    document = Document(str(path))
    for text in paragraphs:
        document.add_paragraph(text)
    out = tmp_path / path.name
    document.save(str(out))
    return out


def test_an_edit_in_word_with_straight_quotes_and_plain_spaces_is_reported(builtin, drafts, tmp_path):
    path = edited(drafts["memo"], tmp_path,
                  'The Court called it "exceptional." See Fed. R. Civ. P. 12(b)(2); Daimler, 571 U.S. at 139-40.')
    found = typography(check_draft(builtin, path, layout=False))
    assert any('straight quotation mark in "…' in f and "exceptional" in f for f in found)
    for citation in ("Fed. R. Civ. P. 12(b)(2)", "571 U.S. at 139-40"):
        assert any(f'can break inside the citation "{citation}"' in f for f in found), found


def test_quotes_in_a_url_or_email_address_are_not_reported(builtin, drafts, tmp_path):
    path = edited(drafts["order"], tmp_path, "Listing at https://shop.example.com/item?name=\"x\" or o'neil@example.com.")
    assert typography(check_draft(builtin, path, layout=False)) == []


def test_many_straight_quotes_are_listed_a_few_at_a_time(builtin, drafts, tmp_path):
    path = edited(drafts["order"], tmp_path, *[f'Paragraph {n} says "this" plainly.' for n in range(20)])
    found = typography(check_draft(builtin, path, layout=False))
    assert len(found) == 9 and found[-1].endswith("and 12 more paragraphs with straight quotation marks")
    assert "Paragraph 0 says" in found[0] and "2 in this paragraph" in found[0]


def blank_pdf(path, pages, bookmarks):
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(612, 792))
    with pdf.open_outline() as outline:
        for title, page in bookmarks:
            outline.root.append(pikepdf.OutlineItem(title, page))
    pdf.save(path)
    return path


def test_a_pdfs_body_pages_start_at_the_first_heading_after_the_tables(tmp_path):
    path = blank_pdf(tmp_path / "b.pdf", 9, [("TABLE OF CONTENTS", 0), ("TABLE OF AUTHORITIES", 1),
                                              ("PRELIMINARY STATEMENT", 2), ("ARGUMENT", 4)])
    assert pdf_pages(path).total == 9 and pdf_pages(path).body == 7
    assert pdf_pages(blank_pdf(tmp_path / "c.pdf", 4, [])).body == 4  # no bookmarks: every page counts


def test_check_counts_a_pdf_against_the_page_limit_given(builtin, tmp_path, run_cli):
    path = blank_pdf(tmp_path / "brief.pdf", 30, [("TABLE OF CONTENTS", 0), ("PRELIMINARY STATEMENT", 2)])
    code, out, _ = run_cli("check", path, "--page-limit", 25)
    assert code == 1 and "--page-limit: 28 pages" in out and "over the limit of 25" in out
    code, out, err = run_cli("check", path, "--page-limit", 28)
    assert code == 0 and "no problems found" in out
    code, out, err = run_cli("check", path)
    assert code == 0 and "no page limit known" in err


def test_a_pdf_that_is_not_a_pdf_is_one_line_exit_2(tmp_path, run_cli):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    code, _, err = run_cli("check", bad)
    assert code == 2 and err.startswith(f"error: {bad}: cannot be read as a PDF") and err.count("\n") == 1


@pytest.mark.layout
def test_check_reads_the_courts_page_limit_for_the_pdf_of_a_memorandum(builtin, tmp_path, run_cli):
    require_layout_tools()
    result = render_document(builtin, "rule-12b2-motion", motion_answers(court="moed"), tmp_path / "m.docx",
                             pdf=True)
    code, out, _ = run_cli("check", result.pdf_path)
    assert code == 0 and "(memorandum, moed; rules: E.D. Mo. L.R. 4.01(D))" in out
    code, out, _ = run_cli("check", result.pdf_path, "--page-limit", 2)
    assert code == 1 and "to the signature), over the limit of 2" in out
    with pikepdf.open(result.pdf_path) as pdf:
        body = pdf_pages(result.pdf_path).body
        assert 2 < body <= len(pdf.pages) - 2  # the caption and tables pages are not counted
