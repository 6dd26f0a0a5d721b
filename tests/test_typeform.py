"""`check` holds a memorandum's type size and line spacing to the court's rule (``type_size``,
``footnote_size``, ``spacing`` in court-rules.yaml), as the draft stands after a lawyer edited it in Word."""

from __future__ import annotations

import docx
import pytest
from docx.enum.text import WD_LINE_SPACING
from docx.shared import Pt

from assembler.api import render_document
from assembler.checks.check import check_draft
from assembler.library.loading import load_library
from factories import make_library
from samples import motion_answers


@pytest.fixture(scope="module")
def memo(builtin, tmp_path_factory):
    folder = tmp_path_factory.mktemp("memo")
    render_document(builtin, "rule-12b2-motion", motion_answers(court="nysd"), folder / "memo.docx")
    return folder / "memo.docx"


def _edited(memo, tmp_path, change):
    document = docx.Document(memo)
    change(document)
    out = tmp_path / "memo.docx"
    document.save(out)
    (tmp_path / "memo.assembly.yaml").write_bytes(memo.with_suffix(".assembly.yaml").read_bytes())
    return out


def _paragraph(document, starting):
    return next(p for p in document.paragraphs if p.text.startswith(starting))


def _form(library, path):
    return [str(f) for f in check_draft(library, path, layout=False).findings if "type" in f.message
            or "spaced" in f.message]


def test_the_memorandum_as_drafted_meets_the_rule(builtin, memo):
    assert _form(builtin, memo) == []


def test_a_paragraph_shrunk_to_eleven_point_is_reported(builtin, memo, tmp_path):
    def shrink(document):
        for run in _paragraph(document, "Plaintiff Cepia").runs:
            run.font.size = Pt(11)

    findings = _form(builtin, _edited(memo, tmp_path, shrink))
    assert len(findings) == 1
    assert findings[0].startswith("S.D.N.Y. Local Civ. R. 7.1(c): 1 paragraph of text in type smaller than the "
                                  "12-point the rule requires (11-point: \"Plaintiff Cepia")


def test_single_spaced_body_text_is_reported_but_block_quotes_and_headings_are_not(builtin, memo, tmp_path):
    def tighten(document):
        for starting in ("Plaintiff Cepia", "Cepia is a"):
            _paragraph(document, starting).paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE

    findings = _form(builtin, _edited(memo, tmp_path, tighten))
    assert len(findings) == 1
    assert findings[0].startswith("S.D.N.Y. Local Civ. R. 7.1(c): 2 paragraphs of text not double-spaced as the rule "
                                  "requires (single-spaced: \"Plaintiff Cepia")


def test_a_shrunken_footnote_is_held_to_the_footnote_size(builtin, memo, tmp_path):
    from assembler.text.markup import Run
    from assembler.word.ooxml import add_footnote

    def note_in_small_type(document):
        add_footnote(document, _paragraph(document, "Plaintiff Cepia"), [Run("The complaint says no more.")])
        document.styles["Footnote Text"].font.size = Pt(8)

    findings = _form(builtin, _edited(memo, tmp_path, note_in_small_type))
    assert findings == ["S.D.N.Y. Local Civ. R. 7.1(c): 1 footnote paragraph in type smaller than the 10-point the "
                        "rule requires (8-point: \"The complaint says no more.\")"]


def test_a_firm_rule_for_larger_type_and_one_and_a_half_spacing_is_applied(memo, tmp_path):
    root = make_library(tmp_path / "firm")
    (root / "templates" / "court-rules.yaml").write_text(
        "nysd: {rule: Judge's Individual Practices 2.B, type_size: 14, spacing: '1.5'}\n", encoding="utf-8")
    findings = _form(load_library(root), memo)
    assert len(findings) == 1  # 12-point fails a 14-point rule; double spacing satisfies a 1.5 rule
    assert findings[0].startswith("Judge's Individual Practices 2.B: ")
    assert "in type smaller than the 14-point the rule requires (12-point" in findings[0]


def test_the_count_leaves_out_only_what_the_rule_excludes(memo):
    from assembler.word.wordcount import count_words

    document = docx.Document(memo)
    signature = sum(len(p.text.split()) for p in document.paragraphs
                    if p.style.name in ("Signature Block", "Signature Dated"))
    caption = sum(len(p.text.split()) for table in document.tables[:1] for row in table.rows for cell in row.cells
                  for p in cell.paragraphs) + sum(len(p.text.split()) for p in document.paragraphs
                                                  if p.style.name in ("Court Name", "Title"))
    default = count_words(document).words
    assert signature > 0 and caption > 0
    # certificates close the memorandum: counting them reaches the signature block between them
    certificates = count_words(document, ("caption", "tables", "signature block")).words - default
    assert certificates > len("I certify that this memorandum".split())
    assert count_words(document, ("caption", "tables")).words == default + certificates + signature
    assert count_words(document, ("tables", "signature block", "certificates")).words == default + caption


def test_check_states_what_the_rule_counted(memo, tmp_path, run_cli):
    root = make_library(tmp_path / "firm")
    (root / "templates" / "court-rules.yaml").write_text(
        "nysd: {rule: Judge's Rule 3, limit_words: 100, excluded: [caption, tables], counted: []}\n", encoding="utf-8")
    code, out, _ = run_cli("--library", root, "check", memo, "--no-layout")
    assert code == 1
    assert "over the limit of 100 (caption and tables excluded; footnotes excluded)" in out
