"""A memorandum arrives with its Table of Contents, Table of Authorities and certificate of compliance."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from docx.shared import Pt

from assembler.assembly.assemble import assemble
from assembler.api import render_document
from assembler.word.writer import TABLES_BY_WORD, TABLES_LAID_OUT, default_skeleton, render
from assembler.word.wordcount import count_words
from conftest import require_layout_tools
from samples import motion_answers, plain
from assembler.citing.toa import subsection

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def styled(document, style):
    return [plain(p.text) for p in document.paragraphs if p.style.name == style]


def field_codes(path) -> list[str]:
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    return [" ".join(code.split()) for code in re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", xml)]


@pytest.fixture(scope="module")
def memo(builtin, tmp_path_factory):
    out = tmp_path_factory.mktemp("memo") / "memo.docx"
    result = render_document(builtin, "rule-12b2-motion", motion_answers(court="nysd"), out)
    return result, docx.Document(out), out


def test_the_table_of_authorities_lists_exactly_the_authorities_cited(memo, builtin):
    result, document, _ = memo
    entries = styled(document, "table of authorities")
    cited = {(use.key, use.pin) for use in result.draft.citations}
    expected = {builtin.registry.get(k).full_plain(subsection(builtin.registry.get(k), pin)) for k, pin in cited}
    assert sorted(entry.split("\t")[0] for entry in entries) == sorted(expected)


def test_authorities_are_grouped_cases_first_and_alphabetical_within(memo, builtin):
    _, document, _ = memo
    headings = styled(document, "TOA Heading")
    assert headings[0] == "Cases"
    assert headings == [h for h in ("Cases", "Constitutional Provisions", "Statutes", "Rules", "Other Authorities")
                        if h in headings]
    paragraphs = [p.text for p in document.paragraphs]
    cases = paragraphs[paragraphs.index("Cases") + 1: paragraphs.index(headings[1])]
    assert cases == sorted(cases, key=str.lower)
    first = next(p for p in document.paragraphs if p.style.name == "table of authorities")
    assert next(r for r in first.runs if r.text).italic  # the case name, as cited


def test_the_table_of_contents_lists_every_heading_in_order(memo):
    result, document, _ = memo
    headings = [b.text.replace("\t", " ") for b in result.draft.blocks if getattr(b, "style", "").startswith("heading")]
    toc = [t.split("\t")[0] for t in styled(document, "toc 1") + styled(document, "toc 2") + styled(document, "toc 3")]
    in_order = [plain(p.text).split("\t")[0] for p in document.paragraphs if p.style.name.startswith("toc ")]
    assert in_order == headings and sorted(toc) == sorted(headings)


def test_the_tables_are_word_fields_with_a_ta_entry_at_every_citation(memo):
    result, _, path = memo
    codes = field_codes(path)
    assert any(code.startswith('TOC \\o "1-3"') for code in codes)
    assert any(code.startswith('TOA \\c "1"') for code in codes)
    marks = [c for c in codes if c.startswith("TA ")]
    assert len(marks) == len(result.draft.citations)
    long_entries = [c for c in marks if "\\l " in c]
    # one long entry per authority (per subsection, for a statute or rule)
    registry = result.draft.registry
    assert len(long_entries) == len({(u.key, subsection(registry.get(u.key), u.pin)) for u in result.draft.citations})
    with zipfile.ZipFile(path) as package:
        assert b'w:updateFields w:val="true"' in package.read("word/settings.xml")


def test_without_a_layout_the_draft_says_word_fills_the_page_numbers(memo):
    result, document, _ = memo
    assert result.manifest["tables"] == TABLES_BY_WORD
    assert all(t.endswith("\t") for t in styled(document, "toc 1"))  # no invented page numbers
    assert TABLES_BY_WORD in [c.text for c in document.comments]


def test_a_layout_pass_fills_in_page_numbers_that_match_the_pages(builtin, tmp_path):
    require_layout_tools()
    from conftest import to_pdf

    draft = assemble(builtin, "rule-12b2-motion", motion_answers())
    rendered = render(draft, layout=True)
    assert rendered.tables == TABLES_LAID_OUT
    path = tmp_path / "memo.docx"
    path.write_bytes(rendered.data)
    document = docx.Document(path)
    toc = {t.split("\t")[0]: int(t.split("\t")[1]) for t in styled(document, "toc 1")}
    to_pdf(tmp_path, tmp_path / "profile", path)
    import subprocess

    sheets = subprocess.run(["pdftotext", "-layout", str(tmp_path / "memo.pdf"), "-"], capture_output=True,
                            text=True, check=True).stdout.split("\f")
    # each page by the number printed in its footer (the last line): front matter i, ii; the body 1, 2, ...
    printed = {[line for line in text.splitlines() if line.strip()][-1].strip(): text for text in sheets if text.strip()}
    labels = list(printed)
    front = [label for label in labels if set(label) <= set("ivx")]
    assert front == ["i", "ii", "iii", "iv", "v"][:len(front)] and len(front) >= 2
    body = labels[len(front):]
    assert body == [str(n) for n in range(1, len(body) + 1)]
    pages = [printed[label] for label in body]
    for heading, page in toc.items():
        body_pages = [n for n, text in enumerate(pages, start=1) if re.search(rf"(?m)^\s*{re.escape(heading)}\s*$", text)]
        assert page in body_pages, f"{heading}: table says {page}, laid out on {body_pages}"
    daimler = next(t for t in styled(document, "table of authorities") if t.startswith("Daimler"))
    listed = daimler.split("\t")[1]
    cited_on = [n for n, text in enumerate(pages, start=1)
                if "Daimler" in text or "Id." in text or "id." in text]  # by name, or by Id. after it
    if listed == "passim":  # the table says "passim" only for an authority cited on five pages or more
        assert len(cited_on) >= 5, f"passim, but Daimler or an Id. appears only on pages {cited_on}"
    else:
        assert {int(n) for n in listed.split(", ")} <= set(cited_on), f"listed {listed}, cited on {cited_on}"


def test_the_certificate_of_compliance_states_the_count_and_the_rule(memo):
    result, document, _ = memo
    text = plain("\n".join(p.text for p in document.paragraphs))
    count = count_words(document).words
    assert result.manifest["word_count"] == count
    assert f"contains {count:,} words, within the limit of 8,750 words" in text
    assert ("complies with Local Civil Rule 7.1(c) of the Local Rules of the United States District Courts for the "
            "Southern and Eastern Districts of New York.") in text


def test_the_certificate_follows_the_signature_block_and_is_dated_and_signed_on_its_own(memo):
    _, document, _ = memo
    lines = [plain(p.text) for p in document.paragraphs]
    certificate = lines.index("CERTIFICATE OF COMPLIANCE")
    assert any(line.startswith("Attorneys for ") for line in lines[:certificate])  # the signature block is above
    after = [line for line in lines[certificate + 1:] if line][:3]
    assert after[1] == "Dated: St. Louis, Missouri, ____________________" and after[2] == "/s/ Signing Attorney"


def test_a_judges_own_word_limit_is_the_limit_the_certificate_states(builtin, tmp_path):
    render_document(builtin, "rule-12b2-motion", motion_answers(court="nysd", judge_word_limit=7000), tmp_path / "m.docx")
    text = plain("\n".join(p.text for p in docx.Document(tmp_path / "m.docx").paragraphs))
    assert "complies with the word limit set by the Individual Practices of the Judge to whom this case is assigned" in text
    assert "words, within the limit of 7,000 words." in text and "8,750" not in text


def test_no_certificate_where_the_court_does_not_require_one(builtin, tmp_path):
    result = render_document(builtin, "rule-12b2-motion", motion_answers(court="moed"), tmp_path / "m.docx")
    assert "CERTIFICATE OF COMPLIANCE" not in "\n".join(p.text for p in docx.Document(tmp_path / "m.docx").paragraphs)
    assert "word_count" not in result.manifest


def hand_counted():
    """A memorandum whose countable words were counted by hand: 3 + 3 + 2 (footnote) = 8."""
    from assembler.word.ooxml import add_footnote
    from assembler.text.markup import Run

    document = docx.Document(io.BytesIO(default_skeleton()))
    for paragraph in list(document.paragraphs):  # the skeleton's tagged caption lines and title
        paragraph.text = "UNITED STATES DISTRICT COURT" if paragraph.style.name == "Court Name" else paragraph.text
    document.add_paragraph("TABLE OF CONTENTS", style="Table Heading")
    document.add_paragraph("PRELIMINARY STATEMENT\t1", style="toc 1")
    body = document.add_paragraph("One two three.", style="Body Text")
    add_footnote(document, body, [Run("Footnote words.")])
    document.add_paragraph("See § 1116.", style="Body Text")
    document.add_paragraph("Dated: May 1, 2026", style="Signature Dated")
    document.add_paragraph("Counsel for Defendant", style="Signature Block")
    document.add_paragraph("CERTIFICATE OF SERVICE", style="Centered")
    document.add_paragraph("I certify that these words are not counted.", style="Body Text")
    return document


def test_the_word_count_matches_a_hand_count():
    count = count_words(hand_counted())
    assert (count.body, count.footnotes, count.words) == (6, 2, 8)


def test_tiny_layout_tokens_never_reach_the_final_draft(memo):
    _, document, _ = memo
    assert not any("@@" in p.text for p in document.paragraphs)
    assert not any(r.font.size == Pt(1) for p in document.paragraphs for r in p.runs)
