"""The filing PDF: PDF/A-2b, every font embedded, searchable text, bookmarks a judge can use, and nothing in
its metadata but the title. Opened with pikepdf, read with pdftotext, as a clerk's system would."""

from __future__ import annotations

import re
import subprocess

import pikepdf
import pytest
from docx import Document

from assembler.api import render_document
from conftest import require_layout_tools
from samples import motion_answers, order_answers

PARTIES = {
    "plaintiffs": [
        {"name": 'Acme "Tools" & Co.', "short_name": "Acme", "kind": "corporation", "organized_under": "Delaware",
         "principal_place_of_business": "New York, New York"},
        {"name": "Jane Roe", "short_name": "Roe", "kind": "individual"},
    ],
}


@pytest.fixture(scope="module")
def pdfs(builtin, tmp_path_factory):
    """A memorandum (E.D. Mo., one movant) and an injunction order (S.D.N.Y., two plaintiffs, one of them an
    individual, one a company with quotation marks in its name), each written with ``pdf=True``."""
    require_layout_tools()
    folder = tmp_path_factory.mktemp("pdf")
    memo = render_document(builtin, "rule-12b2-motion", motion_answers(), folder / "memo.docx", pdf=True)
    order = render_document(builtin, "pi-order", order_answers(court="nysd", **PARTIES), folder / "order.docx",
                            pdf=True)
    return {"memo": memo, "order": order}


def text_of(path) -> list[str]:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]


def outline(path) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []

    def walk(items, depth):
        for item in items:
            found.append((depth, item.title))
            walk(item.children, depth + 1)

    with pikepdf.open(path) as pdf, pdf.open_outline() as tree:
        walk(tree.root, 0)
    return found


def fonts(pdf: pikepdf.Pdf) -> list[tuple[str, bool]]:
    """(font name, embedded?) for every font any page uses."""
    seen = []
    for page in pdf.pages:
        for font in (page.Resources.get("/Font") or {}).values():
            described = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            descriptor = described.get("/FontDescriptor")
            embedded = descriptor is not None and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            seen.append((str(font.BaseFont), embedded))
    return seen


@pytest.mark.layout
@pytest.mark.parametrize("name", ["memo", "order"])
def test_the_pdf_is_pdfa_2b_with_every_font_embedded(pdfs, name):
    path = pdfs[name].pdf_path
    assert path == pdfs[name].docx_path.with_suffix(".pdf") and path.exists()
    with pikepdf.open(path) as pdf:
        meta = pdf.open_metadata()
        assert (meta.get("pdfaid:part"), meta.get("pdfaid:conformance")) == ("2", "B")
        used = fonts(pdf)
    assert used, "no fonts: the text would not be searchable"
    assert all(embedded for _, embedded in used), used


@pytest.mark.layout
def test_the_memorandum_pdf_has_bookmarks_for_the_tables_and_every_argument_heading(pdfs):
    marks = outline(pdfs["memo"].pdf_path)
    titles = [title for _, title in marks]
    assert titles[:2] == ["TABLE OF CONTENTS", "TABLE OF AUTHORITIES"]
    for heading in ("PRELIMINARY STATEMENT", "STATEMENT OF FACTS", "LEGAL STANDARD", "ARGUMENT", "CONCLUSION"):
        assert (0, heading) in marks
    points = [title for depth, title in marks if depth == 1]
    assert points[0].startswith("I. ") and "General Jurisdiction" in points[0]
    assert any(title.startswith("V. ") for title in points)
    assert any(depth == 2 and title.startswith("A. ") for depth, title in marks)  # II.A under point II


@pytest.mark.layout
def test_the_pdf_text_is_searchable_and_carries_the_caption(pdfs):
    memo = " ".join(text_of(pdfs["memo"].pdf_path)[0].split())
    assert "UNITED STATES DISTRICT COURT EASTERN DISTRICT OF MISSOURI" in memo
    assert "CEPIA, L.L.C." in memo and "4:11-CV-273 SNLJ" in memo
    order = " ".join(text_of(pdfs["order"].pdf_path)[0].split())
    assert "SOUTHERN DISTRICT OF NEW YORK" in order
    assert "ACME \u201cTOOLS\u201d & CO." in order.upper() and "JANE ROE" in order.upper()


@pytest.mark.layout
@pytest.mark.parametrize("name", ["memo", "order"])
def test_the_page_count_is_every_page_laid_out_down_to_the_signature(pdfs, name):
    pages = text_of(pdfs[name].pdf_path)
    with pikepdf.open(pdfs[name].pdf_path) as pdf:
        assert len(pdf.pages) == len(pages) > 1
    assert "CERTIFICATE OF SERVICE" in pages[-1] if name == "memo" else "United States District Judge" in pages[-1]


@pytest.mark.layout
@pytest.mark.parametrize("name", ["memo", "order"])
def test_the_metadata_holds_the_title_and_nothing_that_identifies_firm_tool_or_working_hours(pdfs, name):
    result = pdfs[name]
    with pikepdf.open(result.pdf_path) as pdf:
        info = {str(k): str(v) for k, v in pdf.docinfo.items()}
        meta = pdf.open_metadata()
        assert info["/Title"].replace("\u2019", "'") == result.draft.title
        assert meta["dc:title"] == info["/Title"]
        assert not {"/Author", "/Creator", "/Producer"} & set(info)
        assert not any(k in meta for k in ("dc:creator", "xmp:CreatorTool", "pdf:Producer"))
        assert meta["xmp:CreateDate"].endswith("T09:00:00")  # the draft's date, not the hour it was converted
    assert b"LibreOffice" not in result.pdf_path.read_bytes()


@pytest.mark.layout
def test_assembler_pdf_converts_a_draft_edited_in_word(pdfs, tmp_path, run_cli):
    edited = tmp_path / "edited.docx"
    document = Document(str(pdfs["memo"].docx_path))
    document.add_paragraph("A paragraph the associate added in Word.")
    document.core_properties.author = "Associate at the firm"
    document.save(str(edited))
    code, out, err = run_cli("pdf", edited)
    assert (code, err) == (0, "") and f"wrote {tmp_path / 'edited.pdf'}" in out
    pages = text_of(tmp_path / "edited.pdf")
    assert "A paragraph the associate added in Word." in " ".join(pages[-1].split())
    with pikepdf.open(tmp_path / "edited.pdf") as pdf:
        assert "/Author" not in pdf.docinfo
        assert pdf.open_metadata()["pdfaid:part"] == "2"
    code, _, err = run_cli("pdf", edited)
    assert code == 2 and "already exists; pass --force" in err


def test_without_libreoffice_pdf_is_one_line_naming_the_debian_package_and_nothing_is_written(
        tmp_path, run_cli, monkeypatch):
    import shutil

    real = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None if name == "soffice" else real(name, *a, **k))
    answers = tmp_path / "answers.yaml"
    answers.write_text((__import__("samples").EXAMPLES / "cepia-motion.yaml").read_text())
    code, out, err = run_cli("render", "rule-12b2-motion", "--answers", answers, "-o", tmp_path / "m.docx", "--pdf")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "libreoffice-writer-nogui" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.yaml"]
    draft = tmp_path / "draft.docx"
    Document().save(str(draft))
    code, _, err = run_cli("pdf", draft)
    assert code == 2 and "libreoffice-writer-nogui" in err and not (tmp_path / "draft.pdf").exists()


def test_pdf_refuses_what_is_not_a_word_draft(tmp_path, run_cli):
    code, _, err = run_cli("pdf", tmp_path / "missing.docx")
    assert code == 2 and "missing.docx: no such file" in err
    code, _, err = run_cli("pdf", tmp_path / "notes.txt")
    assert code == 2 and "notes.txt: give a Word draft (.docx)" in err


@pytest.mark.layout
def test_the_memorandum_pdf_numbers_front_matter_in_roman_and_the_body_from_1(pdfs):
    sheets = text_of(pdfs["memo"].pdf_path)
    assert all(sheet.strip() for sheet in sheets), "a blank page in the filing"
    footers = [[line.strip() for line in sheet.splitlines() if line.strip()][-1] for sheet in sheets]
    front = footers.index("1")
    assert front >= 2 and footers[:front] == ["i", "ii", "iii", "iv"][:front]
    assert footers[front:] == [str(n) for n in range(1, len(sheets) - front + 1)]
    assert sheets[front].lstrip().startswith("PRELIMINARY STATEMENT")


SPLIT_AT_LINE_END = re.compile(r"(?:§§?|¶¶?|\b[Ii]d\.(?: at)?|Fed\. R\.(?: Civ\.)?(?: P\.)?|\b\d+ [A-Z]\w*\.[\w.]*|"
                               r"\bNo\.|\d+[-\u2011])$")
SPLIT_AT_LINE_START = re.compile(r"^(?:\([a-z0-9]{1,3}\)|at \d)")


@pytest.mark.layout
@pytest.mark.parametrize("name", ["memo", "order"])
def test_no_citation_is_split_across_lines_in_the_pdf(pdfs, name):
    lines = [line.strip() for sheet in text_of(pdfs[name].pdf_path) for line in sheet.splitlines() if line.strip()]
    split = [f"{a} / {b}" for a, b in zip(lines, lines[1:])
             if SPLIT_AT_LINE_END.search(a) or SPLIT_AT_LINE_START.search(b)]
    assert split == []


@pytest.mark.layout
@pytest.mark.parametrize("name", ["memo", "order"])
def test_the_signature_block_is_on_one_page(pdfs, name):
    first, last = ("Respectfully submitted,", "Attorneys for") if name == "memo" else ("SO ORDERED", "United States "
                                                                                         "District Judge")
    sheets = text_of(pdfs[name].pdf_path)
    assert [n for n, s in enumerate(sheets) if first in s][-1] == [n for n, s in enumerate(sheets) if last in s][-1]


def _draft_with_a_tracked_change(builtin, tmp_path):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    out = render_document(builtin, "pi-order", order_answers(), tmp_path / "order.docx").docx_path
    document = Document(str(out))
    paragraph = next(p for p in document.paragraphs if "This Order remains in effect" in p.text)
    inserted = OxmlElement("w:ins")
    for key, value in (("w:id", "901"), ("w:author", "Associate"), ("w:date", "2026-12-04T10:00:00Z")):
        inserted.set(qn(key), value)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = " Added in review."
    run.append(text)
    inserted.append(run)
    paragraph._p.append(inserted)
    document.save(str(tmp_path / "edited.docx"))
    return tmp_path / "edited.docx"


def test_a_draft_with_tracked_changes_is_refused_before_it_becomes_the_filing(builtin, tmp_path, run_cli):
    require_layout_tools()
    edited = _draft_with_a_tracked_change(builtin, tmp_path)
    code, out, err = run_cli("pdf", str(edited))
    assert code == 2 and not (tmp_path / "edited.pdf").exists()
    assert err.strip() == (f"error: {edited}: has tracked changes (1 insertion); accept or reject them in Word "
                           "(Review > Accept) before making the PDF to file")


def test_text_no_installed_font_can_draw_is_refused_naming_it(builtin, tmp_path, run_cli, monkeypatch):
    require_layout_tools()
    import assembler.word.pdf as pdf

    answers = order_answers()
    answers["defendants"][0]["name"] = "株式会社テスト"
    out = render_document(builtin, "pi-order", answers, tmp_path / "order.docx").docx_path
    # as on a machine without a Japanese font (this one may have one)
    monkeypatch.setattr(pdf, "_a_font_has", lambda character: not "\u3040" <= character <= "\u9fff")
    code, _, err = run_cli("pdf", str(out))
    assert code == 2 and not (tmp_path / "order.pdf").exists()
    assert "no installed font has the character(s) '株式会社テスト'" in err and "fonts-noto-cjk" in err
