"""`assembler check` catches the partner review's classes of defect in a draft a lawyer has since edited in
Word. Each test edits a clean rendered order (python-docx, as Word would save it) to break one rule, and
expects exactly that rule's finding and no other."""

from __future__ import annotations

import docx
import pytest
import yaml

from assembler.api import render_document
from assembler.checks.check import check_draft
from assembler.library.loading import load_library
from samples import order_answers, plain


@pytest.fixture(scope="module")
def clean_order(builtin, tmp_path_factory):
    out = tmp_path_factory.mktemp("order") / "order.docx"
    render_document(builtin, "pi-order", order_answers(), out)
    return out


def problems(builtin, path) -> list[str]:
    # text typed into these edits has plain spaces in its citations; the typography findings that brings are
    # tested in test_form_checks
    return [str(f) for f in check_draft(builtin, path, template_id="pi-order", layout=False).findings
            if f.rule != "typography"]


def edited(clean_order, tmp_path, change) -> str:
    document = docx.Document(str(clean_order))
    change(document)
    out = tmp_path / "edited.docx"  # no manifest beside it: a copy sent round by email
    document.save(str(out))
    return out


def paragraph(document, starting: str):
    return next(p for p in document.paragraphs if starting in plain(p.text))  # plain: typesetting undone


def append(starting: str, words: str):
    def change(document):
        paragraph(document, starting).add_run(words)
    return change


def test_the_bundled_order_checks_clean(builtin, clean_order):
    assert problems(builtin, clean_order) == []


def _last_run_without_period(document):
    runs = paragraph(document, "This Order remains in effect").runs
    runs[-1].text = runs[-1].text.rstrip(".")


def _double_honorific(document):
    # the judge's line as a lawyer might retype it in Word
    line = next(p for p in document.paragraphs if p.text.strip().upper() == "J. PAUL OETKEN")
    line.runs[0].text, *rest = ["Hon. Hon. J. Paul Oetken"] + ["" for _ in line.runs[1:]]
    for run, text in zip(line.runs[1:], rest):
        run.text = text


@pytest.mark.parametrize("change, rule, shown", [
    (append("This Order remains in effect", " #. Any party may apply for relief."), "completeness", "'#.'"),
    (append("This Order remains in effect", " {{ bond_amount }} applies."), "completeness", "{{"),
    (_last_run_without_period, "drafting", "without closing punctuation"),
    (_double_honorific, "caption and signature", "'Hon.' twice"),
    (append("This Order remains in effect", " The Lanham Act, 15 U.S.C., governs."), "Bluebook R. 12", "'15 U.S.C.'"),
    (append("This Order remains in effect", " Relief is under 15 U.S.C. § of the Act."), "Bluebook R. 12", "U.S.C. §"),
    (append("This Order remains in effect", " Fed. R. Civ. P. governs a motion to modify it."), "Bluebook R. 12",
     "'Fed. R. Civ. P.'"),
    (append("The balance of hardships tips", " The same is true of marks, Id. at 288."), "Bluebook R. 4.1",
     "'Id.' capitalised inside a sentence"),
    (append("The balance of hardships tips",
            " See Winter v. Nat. Res. Def. Council, Inc., 555 U.S. 7, 20 (2008); Citigroup Glob. Mkts., Inc. v. VCG "
            "Special Opportunities Master Fund Ltd., 598 F.3d 30, 35 (2d Cir. 2010). Id. at 36."),
     "Bluebook R. 4.1", "follows a string citation"),
    (append("The balance of hardships tips",
            " See Jackson Dairy, Inc. v. H. P. Hood & Sons, Inc., 596 F.2d 70, 73 (2d Cir. 1979)."),
     "authorities", "Jackson Dairy (preliminary injunction vacated"),
], ids=["hash-markup", "jinja-braces", "no-closing-punctuation", "hon-hon", "usc-without-section",
        "section-sign-without-number", "rule-without-number", "capital-id-mid-sentence", "id-after-string-cite",
        "adverse-authority-as-support"])
def test_each_class_of_defect_is_caught_alone(builtin, clean_order, tmp_path, change, rule, shown):
    found = problems(builtin, edited(clean_order, tmp_path, change))
    assert found and all(f.startswith(rule) for f in found), found  # that rule and no other
    assert shown in found[0] and len(found) <= 2, found  # (template braces: one finding each for "{{" and "}}")


@pytest.mark.parametrize("words", [
    " But see Jackson Dairy, Inc. v. H. P. Hood & Sons, Inc., 596 F.2d 70, 73 (2d Cir. 1979).",
    " Cf. Jackson Dairy, Inc. v. H. P. Hood & Sons, Inc., 596 F.2d 70, 73 (2d Cir. 1979).",
    " See Jackson Dairy, Inc. v. H. P. Hood & Sons, Inc., 596 F.2d 70, 72 (2d Cir. 1979).",  # where it states the test
    " See Jackson Dairy, Inc. v. H. P. Hood & Sons, Inc., 596 F.2d 70, 73 (2d Cir. 1979) (distinguishing a "
    "distributor's lost sales).",
    # Bluebook R. 1.2: a sentence stating what the case held cites it with no signal
    " The Second Circuit there held that a distributor had not shown irreparable harm. Jackson Dairy, Inc. v. H. P. "
    "Hood & Sons, Inc., 596 F.2d 70, 73 (2d Cir. 1979).",
], ids=["but-see", "cf", "the-standard-it-states", "distinguished", "its-holding-stated"])
def test_an_adverse_case_met_head_on_or_cited_for_its_standard_is_not_flagged(builtin, clean_order, tmp_path, words):
    assert problems(builtin, edited(clean_order, tmp_path, append("The balance of hardships tips", words))) == []


def test_an_adverse_case_with_no_signal_and_no_statement_of_its_holding_is_flagged(builtin, clean_order, tmp_path):
    words = " An injunction is warranted. Jackson Dairy, Inc. v. H. P. Hood & Sons, Inc., 596 F.2d 70, 73 (2d Cir. 1979)."
    found = problems(builtin, edited(clean_order, tmp_path, append("The balance of hardships tips", words)))
    assert len(found) == 1 and found[0].startswith("authorities") and "Jackson Dairy" in found[0], found


def test_the_adverse_rule_knows_whose_paper_it_is(builtin, clean_order, tmp_path):
    # WPIX favours the right holder: support in the plaintiff's order, adverse in a defendant's paper
    assert problems(builtin, clean_order) == []
    report = check_draft(builtin, clean_order, template_id="rule-12b2-proposed-order", layout=False)
    assert any(str(f).startswith("authorities") and "WPIX" in str(f) for f in report.findings)


def test_an_unverified_authority_is_flagged(clean_order, tmp_path):
    # a firm library whose registry holds a case no one has yet checked
    firm = tmp_path / "firm"
    (firm / "clauses" / "authorities").mkdir(parents=True)
    (firm / "clauses" / "authorities" / "pending.yaml").write_text(yaml.safe_dump({"authorities": [{
        "key": "hamilton-vortic", "kind": "case", "name": "Hamilton International Ltd. v. Vortic LLC",
        "short_name": "Hamilton", "volume": 13, "reporter": "F.4th", "page": 264, "court": "2d Cir.", "year": 2021,
        "verified": False, "source": "not yet read", "holding": "not yet read", "outcome": "not yet read",
        "favours": "plaintiff"}]}), encoding="utf-8")
    library = load_library(firm)
    words = " See Hamilton Int'l Ltd. v. Vortic LLC, 13 F.4th 264, 271 (2d Cir. 2021)."
    found = problems(library, edited(clean_order, tmp_path, append("The balance of hardships tips", words)))
    assert len(found) == 1 and found[0].startswith("authorities") and "is not verified in the registry" in found[0]


@pytest.mark.parametrize("words, flagged", [
    (" But see Winter v. Nat. Res. Def. Council, Inc., 555 U.S. 7, 20 (2008); Jackson Dairy, Inc. v. H. P. Hood & "
     "Sons, Inc., 596 F.2d 70, 73 (2d Cir. 1979).", False),
    (" But see Winter v. Nat. Res. Def. Council, Inc., 555 U.S. 7, 20 (2008); see also Jackson Dairy, Inc. v. H. P. "
     "Hood & Sons, Inc., 596 F.2d 70, 73 (2d Cir. 1979).", True),
    (" See Winter v. Nat. Res. Def. Council, Inc., 555 U.S. 7, 20 (2008); Jackson Dairy, Inc. v. H. P. Hood & Sons, "
     "Inc., 596 F.2d 70, 73 (2d Cir. 1979).", True),
    (" But see Winter v. Nat. Res. Def. Council, Inc., 555 U.S. 7, 20 (2008). The Court agrees; see Jackson Dairy, "
     "Inc. v. H. P. Hood & Sons, Inc., 596 F.2d 70, 73 (2d Cir. 1979).", True),
], ids=["but-see-carries-through-the-string", "see-also-replaces-it", "see-carries-as-support",
        "a-new-sentence-ends-it"])
def test_a_signal_carries_through_a_string_citation_until_another_replaces_it(builtin, clean_order, tmp_path, words,
                                                                             flagged):
    found = problems(builtin, edited(clean_order, tmp_path, append("The balance of hardships tips", words)))
    assert any("Jackson Dairy (" in f for f in found) == flagged, found
