"""`assembler check` passes the examples and catches each broken rule, naming the rule."""

from __future__ import annotations

import docx
import pytest
import yaml

from assembler.api import render_document
from conftest import require_layout_tools
from samples import motion_answers, order_answers


@pytest.fixture(scope="module")
def drafts(builtin, tmp_path_factory):
    folder = tmp_path_factory.mktemp("drafts")
    render_document(builtin, "rule-12b2-motion", motion_answers(), folder / "memo-moed.docx")
    render_document(builtin, "rule-12b2-motion", motion_answers(court="nysd"), folder / "memo-nysd.docx")
    render_document(builtin, "pi-order", order_answers(), folder / "order.docx")
    return folder


def edited(drafts, name, tmp_path, change):
    """A copy of a draft, edited as a lawyer might in Word (the manifest goes with it)."""
    document = docx.Document(drafts / f"{name}.docx")
    change(document)
    out = tmp_path / f"{name}.docx"
    document.save(out)
    (tmp_path / f"{name}.assembly.yaml").write_bytes((drafts / f"{name}.assembly.yaml").read_bytes())
    return out


def body_paragraph(document, starting):
    return next(p for p in document.paragraphs if p.text.startswith(starting))


def findings(run_cli, path, *extra):
    code, out, err = run_cli("check", path, *extra)
    return code, out


@pytest.mark.parametrize("name", ["memo-moed", "memo-nysd", "order"])
def test_the_examples_pass(run_cli, drafts, name):
    code, out = findings(run_cli, drafts / f"{name}.docx", "--no-layout")
    assert code == 0, out
    assert "no problems found" in out


def test_over_the_word_limit_names_the_local_rule_and_the_certificate_goes_stale(run_cli, drafts, tmp_path):
    def pad(document):
        body_paragraph(document, "Plaintiff Cepia").add_run(" word" * 9000)

    code, out = findings(run_cli, edited(drafts, "memo-nysd", tmp_path, pad))
    assert code == 1
    assert "S.D.N.Y. Local Civ. R. 7.1(c): " in out and "over the limit of 8,750" in out
    assert "the certificate of compliance states" in out


def test_a_word_limit_from_the_command_line(run_cli, drafts):
    code, out = findings(run_cli, drafts / "memo-nysd.docx", "--word-limit", "500")
    assert code == 1 and "--word-limit: " in out and "over the limit of 500" in out


def test_over_the_page_limit_in_the_eastern_district_of_missouri(run_cli, drafts, tmp_path):
    require_layout_tools()

    def pad(document):
        anchor = body_paragraph(document, "Plaintiff Cepia")
        for _ in range(40):
            anchor.insert_paragraph_before("Padding sentence that runs long. " * 12, style="Body Text")

    code, out = findings(run_cli, edited(drafts, "memo-moed", tmp_path, pad))
    assert code == 1 and "E.D. Mo. L.R. 4.01(D): " in out and "over the limit of 15" in out


def test_a_missing_certificate_of_compliance(run_cli, drafts, tmp_path):
    def drop(document):
        for paragraph in document.paragraphs:
            if paragraph.text.startswith(("CERTIFICATE OF COMPLIANCE", "I certify that this memorandum")):
                paragraph._p.getparent().remove(paragraph._p)

    code, out = findings(run_cli, edited(drafts, "memo-nysd", tmp_path, drop), "--no-layout")
    assert code == 1 and "no certificate of compliance" in out


@pytest.mark.parametrize("text, shown", [("[INSERT DATE]", "[INSERT DATE]"), ("{{ judge }}", "{{"), ("TBD", "TBD")])
def test_leftover_placeholders(run_cli, drafts, tmp_path, text, shown):
    code, out = findings(run_cli, edited(drafts, "order", tmp_path,
                                         lambda d: body_paragraph(d, "This matter").add_run(f" {text}")))
    assert code == 1 and f"completeness: leftover placeholder or template syntax '{shown}'" in out


def test_id_with_nothing_before_it(run_cli, drafts, tmp_path):
    code, out = findings(run_cli, edited(drafts, "memo-moed", tmp_path,
                                         lambda d: body_paragraph(d, "Plaintiff Cepia").insert_paragraph_before(
                                             "Id. at 5.", style="Body Text")), "--no-layout")
    assert code == 1 and "Bluebook R. 4.1: 'Id." in out


def test_a_short_form_before_the_full_citation(run_cli, drafts, tmp_path):
    code, out = findings(run_cli, edited(drafts, "memo-moed", tmp_path,
                                         lambda d: body_paragraph(d, "Plaintiff Cepia").insert_paragraph_before(
                                             "See Walden, 571 U.S. at 284.", style="Body Text")), "--no-layout")
    assert code == 1 and "Bluebook R. 10.9: short form '571 U.S. at 284" in out


def test_a_case_cited_but_missing_from_the_table_of_authorities(run_cli, drafts, tmp_path):
    def drop_daimler(document):
        entry = next(p for p in document.paragraphs if p.style.name == "table of authorities"
                     and p.text.startswith("Daimler"))
        entry._p.getparent().remove(entry._p)

    code, out = findings(run_cli, edited(drafts, "memo-moed", tmp_path, drop_daimler), "--no-layout")
    assert code == 1 and "Table of Authorities: " in out and "571 U.S. 117 is cited but not listed" in out


@pytest.mark.parametrize(
    "change, rule",
    [
        (lambda d: [p._p.getparent().remove(p._p) for p in d.paragraphs
                    if "FINDINGS" in p.text or "finds" in p.text or "because" in p.text], "Fed. R. Civ. P. 65(d)(1)(A)"),
        (lambda d: body_paragraph(d, "8.").add_run(" Defendants are enjoined from the acts described in the Complaint."),
         "Fed. R. Civ. P. 65(d)(1)(C)"),
        (lambda d: body_paragraph(d, "8.").insert_paragraph_before("This Order binds all persons with notice of it."),
         "Fed. R. Civ. P. 65(d)(2)"),
        (lambda d: [p._p.getparent().remove(p._p) for p in d.paragraphs
                    if "security" in p.text.lower() or "bond" in p.text.lower()], "Fed. R. Civ. P. 65(c)"),
    ],
)
def test_each_rule_65_element(run_cli, drafts, tmp_path, change, rule):
    code, out = findings(run_cli, edited(drafts, "order", tmp_path, change))
    assert code == 1 and f"{rule}: " in out


def test_an_unreadable_file_is_exit_2(run_cli, tmp_path):
    bad = tmp_path / "not-a-draft.docx"
    bad.write_text("plain text")
    code, _, err = run_cli("check", bad)
    assert code == 2 and "cannot be read as a Word document" in err and len(err.strip().splitlines()) == 1
    code, _, err = run_cli("check", tmp_path / "missing.docx")
    assert code == 2


def test_without_a_manifest_the_template_can_be_named(run_cli, drafts, tmp_path):
    copy = tmp_path / "loose.docx"
    copy.write_bytes((drafts / "order.docx").read_bytes())
    code, out, _ = run_cli("check", copy, "--template", "pi-order")
    assert code == 0 and "(order, nysd;" in out  # the court read from the caption


def test_laying_out_for_a_page_limit_does_not_disturb_the_certificate_count(run_cli, tmp_path):
    """A court with both a page limit and a certificate: the layout pass must not change the words counted."""
    require_layout_tools()
    firm = tmp_path / "firm"
    (firm / "templates").mkdir(parents=True)
    (firm / "templates" / "court-rules.yaml").write_text(
        "moed:\n  rule: E.D. Mo. L.R. 4.01(D)\n  limit_pages: 15\n  limit_words: 8750\n  certificate: true\n")
    answers = tmp_path / "case.yaml"
    answers.write_text(yaml.safe_dump(motion_answers()))
    code, _, err = run_cli("--library", firm, "render", "rule-12b2-motion", "--answers", answers,
                           "-o", tmp_path / "memo.docx", "--no-layout")
    assert code == 0, err
    code, out, _ = run_cli("--library", firm, "check", tmp_path / "memo.docx")
    assert code == 0, out
