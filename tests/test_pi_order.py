"""The proposed preliminary-injunction order as the court reads it: each finding and each decretal command its
own numbered paragraph, whatever the number of marks, parties and courts."""

from __future__ import annotations

import re

import pytest
import yaml
from docx import Document

from assembler.api import render_document
from assembler.assembly.assemble import assemble
from assembler.assembly.manifest import manifest_path
from assembler.checks.check import check_draft
from assembler.errors import AssemblerError
from assembler.citing.citations import CitationFormatter
from assembler.text.clausetext import render_text
from assembler.text.markup import strip_markers
from samples import order_answers, plain


def _marks(count: int) -> list[dict[str, str]]:
    words = ["ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO"]
    return [{"mark": words[i], "registration_number": f"{1234560 + i}", "goods": f"goods of class {i + 1}"}
            for i in range(count)]


def numbered_paragraphs(path, heading: str | None = None) -> list[str]:
    """Texts, without their numbers, of the numbered paragraphs under ``heading`` (or all of them); the numbers
    must run 1, 2, 3 ... through the whole order."""
    doc = Document(str(path))
    found, inside, expected = [], heading is None, 1
    for para in doc.paragraphs:
        if para.style.name.startswith("Heading"):
            inside = heading is None or para.text.strip() == heading
            continue
        if para.style.name == "Decretal":
            number, _, text = para.text.partition(".\t")
            assert number == str(expected), f"paragraph numbered {number!r}, expected {expected}: {para.text[:60]}"
            expected += 1
            if inside:
                found.append(text)
    return found


@pytest.mark.parametrize("count", [1, 2, 5])
def test_each_finding_is_its_own_numbered_paragraph_whatever_the_number_of_marks(builtin, tmp_path, count):
    out = tmp_path / "order.docx"
    render_document(builtin, "pi-order", order_answers(marks=_marks(count)), out)
    findings = numbered_paragraphs(out, "FINDINGS OF FACT AND CONCLUSIONS OF LAW")
    every = [p.text for p in Document(str(out)).paragraphs]
    assert not [p for p in every if "#." in p]

    success = next(i for i, p in enumerate(findings) if "is likely to succeed on its claim" in p)
    listing = plain(findings[success])
    for mark in _marks(count):
        assert f"{mark['mark']} (U.S. Reg. No. {int(mark['registration_number']):,}), for {mark['goods']}" in listing
    assert listing.endswith(f"for goods of class {count}.")
    if count > 1:
        assert f"; and {_marks(count)[-1]['mark']} (U.S. Reg. No." in listing
    # the conduct finding follows as the next numbered paragraph, not run into the list of marks
    assert findings[success + 1].startswith("The record shows that ")
    assert "The record shows" not in listing
    # jurisdiction (subject matter, personal), likely success, conduct, harm, hardships, public interest
    assert sum("The record shows that" in p for p in findings) == 1
    assert any(p.startswith("The balance of hardships tips") for p in findings)


def test_conduct_typed_as_a_sentence_does_not_end_in_two_periods(builtin, tmp_path):
    out = tmp_path / "order.docx"
    render_document(builtin, "pi-order", order_answers(infringing_conduct="sold counterfeit goods."), out)
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "sold counterfeit goods. That use is likely" in text
    assert ".." not in text


def test_a_finding_about_another_state_is_a_warning_printed_and_kept_in_the_manifest(builtin, tmp_path):
    out = tmp_path / "order.docx"
    # the bundled S.D.N.Y. answers, filed in N.D. Ill.: the jurisdiction finding speaks of New York buyers
    result = render_document(builtin, "pi-order", order_answers("ilnd"), out)
    assert any("'forum_contacts' names New York, but the court is in Illinois" in w for w in result.warnings)
    manifest = yaml.safe_load(manifest_path(out).read_text(encoding="utf-8"))
    assert any("forum_contacts" in w and "Illinois" in w for w in manifest["warnings"])


@pytest.mark.parametrize("contacts, warned", [
    ("Defendants sold goods to New York residents through their website", False),
    ("Defendants shipped goods to New Yorkers and to buyers in West Virginia", True),
    ("Defendants' agent in Washington, D.C. took orders from New York", False),
    ("Defendants advertised in Texas and New Jersey", True),
])
def test_only_states_other_than_the_forum_are_flagged(builtin, contacts, warned):
    draft = assemble(builtin, "pi-order", order_answers("nysd", forum_contacts=contacts))
    flagged = [w for w in draft.warnings if "'forum_contacts' names" in w]
    assert bool(flagged) is warned
    if "West Virginia" in contacts:
        assert "names West Virginia, but" in flagged[0]  # one state, not also Virginia


def test_the_bundled_order_names_no_other_state(builtin):
    assert not [w for w in assemble(builtin, "pi-order", order_answers()).warnings if "names" in w]


def test_a_schedule_a_defendant_without_a_schedule_is_refused_in_one_line(run_cli, tmp_path):
    answers = order_answers("ilnd", defendants=[{
        "name": "The Partnerships and Unincorporated Associations Identified on Schedule A",
        "short_name": "Defendants", "kind": "other"}])
    answers.pop("enjoined", None)
    source = tmp_path / "a.yaml"
    source.write_text(yaml.safe_dump(answers), encoding="utf-8")
    out = tmp_path / "order.docx"
    code, stdout, stderr = run_cli("render", "pi-order", "--answers", source, "-o", out, "--no-layout")
    assert code == 2
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    assert "a.yaml" in stderr and "Schedule A" in stderr and "'schedule_a' lists none" in stderr
    assert not out.exists()


def test_several_sections_of_one_code_are_one_citation(builtin):
    formatter = CitationFormatter(builtin.registry)
    cited = strip_markers(formatter.cite("usc-28-1331", "usc-28-1338:(a)"))
    assert cited == "28 U.S.C. §§ 1331, 1338(a)"
    three = strip_markers(formatter.cite("usc-15-1114:(1)(a)", "usc-15-1125:(a)", "usc-28-1331", "frcp-65"))
    assert three == "15 U.S.C. §§ 1114(1)(a), 1125(a); 28 U.S.C. § 1331; Fed. R. Civ. P. 65"


def test_an_order_is_not_checked_against_a_memorandum_word_limit(builtin, tmp_path):
    out = tmp_path / "order.docx"
    render_document(builtin, "pi-order", order_answers(), out)
    report = check_draft(builtin, out, word_limit=50, layout=False)
    assert report.kind == "order" and report.applied == "Fed. R. Civ. P. 65"
    assert not [f for f in report.findings if "words" in f.message]
    assert any("word limits bind memoranda" in n for n in report.notes)


def order_text(builtin, tmp_path, **changes) -> str:
    out = tmp_path / "order.docx"
    render_document(builtin, "pi-order", order_answers(**changes), out, force=True)
    numbered_paragraphs(out)  # the numbers run 1, 2, 3 ... whatever the answers
    # read as the court does: a non-breaking space is a space (the typesetting is tested in test_typography)
    return plain("\n".join(p.text for p in Document(str(out)).paragraphs)).replace("\u202f", " ")


STATEMENTS = ["that AlibabaCoin is a product of Alibaba", "that Alibaba endorses the AlibabaCoin token sale"]


@pytest.mark.parametrize("extra", [
    {}, {"false_statements": STATEMENTS}, {"confusion_findings": ["the marks are identical"]},
    {"false_statements": STATEMENTS[:1], "confusion_findings": ["the marks are identical", "the goods overlap"]},
], ids=["plain", "false-statements", "confusion-findings", "both"])
@pytest.mark.parametrize("court", ["nysd", "cacd", "mad"])
def test_no_optional_finding_leaves_markup_or_runs_two_sentences_together(builtin, tmp_path, extra, court):
    text = order_text(builtin, tmp_path, court=court, **extra)
    assert "#." not in text and ".." not in text
    assert not re.search(r"[a-z)][.][A-Z]", text), re.findall(r".{30}[a-z)][.][A-Z].{10}", text)


def test_false_statements_are_found_under_1125a_and_restrained_exactly_as_found(builtin, tmp_path):
    text = order_text(builtin, tmp_path, false_statements=STATEMENTS)
    assert "also likely to succeed on its claim under 15 U.S.C. § 1125(a)(1)(A)" in text
    assert ("have represented, in advertising or promotion directed to persons in the United States, that "
            "AlibabaCoin is a product of Alibaba, and that Alibaba endorses the AlibabaCoin token sale.") in text
    assert ("are enjoined from stating or implying, in any advertising or promotion directed to persons in the "
            "United States, (a) that AlibabaCoin is a product of Alibaba; or (b) that Alibaba endorses the "
            "AlibabaCoin token sale.") in text
    assert "any other false or misleading statement" not in text  # no obey-the-law clause (Rule 65(d)(1))


def test_without_false_statements_there_is_no_1125a_finding_or_restraint(builtin, tmp_path):
    text = order_text(builtin, tmp_path)
    assert "1125(a)" not in text and "false or misleading" not in text and "stating or implying" not in text


def test_the_order_that_finds_likely_success_omits_the_serious_questions_alternative(builtin, tmp_path):
    text = order_text(builtin, tmp_path)
    assert "serious questions" not in text and "decidedly" not in text
    # the legal standard comes before the numbered findings, not between them
    lines = [line for line in text.splitlines() if line.strip()]
    standard = next(i for i, line in enumerate(lines) if line.startswith("A party seeking a preliminary injunction"))
    assert lines[standard + 1].startswith("1.\tThe Court has subject-matter jurisdiction")


def test_the_serious_questions_clause_states_the_whole_alternative(builtin):
    clause, version = builtin.resolve("pi-standard-serious-questions-2d-cir")
    assert str(version.version) == "2.0.0" and version.status == "approved"
    formatter = CitationFormatter(builtin.registry)
    text = strip_markers(" ".join(render_text(version.text, {}, formatter.cite).split()))
    assert "it must still show that it is likely to suffer irreparable harm" in text
    assert "would not disserve the public interest" in text
    assert "(quoting Jackson Dairy, Inc. v. H. P. Hood & Sons, Inc., 596 F.2d 70, 72 (2d Cir. 1979) (per curiam))" in text
    assert "clear or substantial likelihood of success" in text and "Tom Doherty" in text and "960 F.3d 119, 127-28" in text
    assert "satisfies this alternative" not in text
    assert builtin.resolve("pi-standard-serious-questions-2d-cir@1.0.0")[1].superseded_by == "2.0.0"


@pytest.mark.parametrize("court, standard", [
    ("nysd", "See Dorchester"), ("moed", "See K-V Pharm"), ("cacd", "See Schwarzenegger"), ("mad", None)])
def test_the_jurisdiction_finding_is_complete_sentences_with_a_standard(builtin, tmp_path, court, standard):
    text = order_text(builtin, tmp_path, court=court, forum_contacts="the defendants sold goods to forum buyers")
    finding = next(line for line in text.splitlines() if "burden of showing the Court's personal jurisdiction" in line)
    assert "The Court finds that the defendants sold goods to forum buyers." in finding
    assert "as due process requires. See Ford Motor Co." in finding and finding.endswith("(2021).")
    assert ("prima facie showing" in finding) is bool(standard)
    if standard:
        assert standard in finding
    assert ("N.Y. C.P.L.R. § 302(a)(1)" in finding) is (court == "nysd")
    assert "Weitzman" not in text  # unverified: an approved version may not cite it
    assert "15 U.S.C. § 1121(a) and 28 U.S.C. §§ 1331, 1338(a)." in text


def test_security_service_and_report_follow_one_another(builtin, tmp_path):
    text = order_text(builtin, tmp_path, tro_date="2026-11-05", tro_bond_amount=2500, notice_date="2026-11-10",
                      notice_method="email to the addresses on their website")
    assert ("This Order takes effect when the security is posted. The temporary restraining order entered on "
            "November 5, 2026, remains in effect until then. The security of $2,500.00 posted for the temporary "
            "restraining order remains with the Clerk of Court") in text
    assert "Within three days after the security is posted, Alibaba shall serve a copy of this Order" in text
    assert "Within 30 days after service of this Order, Alibabacoin Foundation, ABBC" in text and "requested" not in text
    assert "the manner and form in which they have complied with this Order." in text
    assert "On November 10, 2026, Alibabacoin Foundation, " in text
    assert ("were given notice of the motion by email to the addresses on their website, as "
            "Fed. R. Civ. P. 65(a)(1) requires.") in text


def test_schedule_a_defendants_are_those_listed(builtin, tmp_path):
    sellers = [{"name": "Seller One", "marketplace": "Amazon"}, {"name": "Seller Two", "marketplace": "eBay"}]
    # sellers who are no party: the order would annex a schedule of people it does not restrain
    with pytest.raises(AssemblerError, match="no enjoined defendant is the sellers identified on Schedule A"):
        order_text(builtin, tmp_path, schedule_a=sellers)
    collective = order_text(builtin, tmp_path, court="ilnd", schedule_a=sellers, enjoined=None, defendants=[{
        "name": "The Partnerships and Unincorporated Associations Identified on Schedule A",
        "short_name": "Defendants", "kind": "other"}], forum_contacts="Defendants sold goods to Illinois buyers")
    assert "Defendants, as this Order uses that term, means the two defendants identified by name" in collective
    assert "Defendants have not rebutted that presumption" in collective  # P23: not "Defendants has"
    one = order_text(builtin, tmp_path, court="ilnd", schedule_a=sellers[:1], enjoined=None, defendants=[{
        "name": "The Partnerships and Unincorporated Associations Identified on Schedule A",
        "short_name": "Defendants", "kind": "other"}], forum_contacts="Defendants sold goods to Illinois buyers")
    assert "Defendants, as this Order uses that term, means the one defendant identified by name" in one


def test_one_enjoined_individual_is_spoken_of_as_one_person(builtin, tmp_path):
    defendants = [{"name": "Daniel R. Keating", "short_name": "Keating", "kind": "individual", "pronoun": "he"},
                  {"name": "Keating Supply Co. LLC", "short_name": "Keating Supply", "kind": "llc"}]
    marks = [{"mark": "HARBORVIEW", "registration_number": "5123456", "goods": "backpacks"}]
    text = order_text(builtin, tmp_path, court="mad", defendants=defendants, enjoined=["Keating"], marks=marks,
                      marks_term="HARBORVIEW Mark", forum_contacts="Keating sold backpacks to Massachusetts buyers",
                      infringing_conduct="has sold backpacks bearing the HARBORVIEW mark")
    assert "against Defendant Daniel R. Keating (\"Keating\") under" in text and "Keating was given notice" in text
    assert "Those contacts are Keating's own" in text
    assert "infringed its registered mark in violation" in text and '(the "HARBORVIEW Mark")' in text
    assert "Keating has not rebutted that presumption" in text and "to which he has no right" in text
    assert "Keating is enjoined from using in commerce" in text
    assert "(b) his officers, agents, servants, employees and attorneys" in text
    assert "in which he has complied with this Order" in text
    assert "Keating Supply" not in text.split("PRELIMINARY INJUNCTION ORDER")[1].split("SO ORDERED")[0]


# --- findings the partner review asked for (P19) ---------------------------------------------------------------


def _order_text(court: str = "nysd", **changes) -> str:
    from assembler.library.loading import load_library
    return assemble(load_library(), "pi-order", order_answers(court, **changes)).plain_text()


def test_the_polaroid_factors_are_found_one_by_one_from_their_answers_in_polaroids_order():
    text = _order_text(polaroid_actual_confusion="consumers wrote to Alibaba asking whether it issued AlibabaCoin.",
                       polaroid_strength="the ALIBABA mark is arbitrary and widely recognized")
    assert ("likelihood of confusion is weighed under the factors of Polaroid Corp. v. Polarad Elecs. Corp., 287 F.2d "
            "492, 495 (2d Cir. 1961): the strength of the mark, the similarity of the marks,") in text
    strength = text.index("As to the strength of the mark, the ALIBABA mark is arbitrary and widely recognized.")
    confusion = text.index("As to actual confusion, consumers wrote to Alibaba asking whether it issued AlibabaCoin.")
    assert strength < confusion  # Polaroid's order, not the order typed
    assert "As to the similarity of the marks" not in text  # a factor the answers leave blank is not found
    assert "Weighing those factors, the Court finds that confusion is likely." in text
    assert "support that conclusion" not in text


def test_without_factor_answers_the_order_states_the_test_and_no_finding_it_lacks():
    text = _order_text()
    assert "under the factors of Polaroid" in text and "As to " not in text and "Weighing" not in text


def test_public_interest_rests_on_a_trademark_case_in_the_second_circuit():
    text = _order_text()
    assert ("enforcing the rights that federal trademark registration confers. See N.Y.C. Triathlon, LLC v. NYC "
            "Triathlon Club, Inc., 704 F. Supp. 2d 305 (S.D.N.Y. 2010).") in text
    assert "Winter, 555 U.S. at 24" not in text


def test_colorable_imitation_is_defined_in_the_order_by_section_1127():
    text = _order_text()
    assert ('A "colorable imitation" of a mark is, as 15 U.S.C. § 1127 defines it, a mark that so resembles it that '
            "its use is likely to cause confusion or mistake or to deceive.") in plain(text)


def test_the_irreparable_harm_finding_claims_nothing_about_the_record_no_answer_gives():
    text = _order_text()
    assert "The record shows, moreover" not in text
    assert "Continued use of the ALIBABA Marks in the way found above would, moreover, take from Alibaba control" in text


@pytest.mark.parametrize("court, finding", [
    ("mad", "the claims arise from acts of Alibabacoin Foundation, ABBC, Alibabacoin Trading, Alibabacoin LLC, Philip, "
            "and Abbas of the kinds the long-arm statute of Massachusetts enumerates, Mass. Gen. Laws ch. 223A, § 3."),
    ("cacd", "The long-arm statute of California, Cal. Civ. Proc. Code § 410.10, reaches as far as due process allows, "
             "so the question is one of due process."),
    ("nysd", "transacted business in New York, and the claims arise from that business, within the meaning of "
             "N.Y. C.P.L.R. § 302(a)(1)."),
])
def test_the_jurisdiction_finding_takes_the_forums_long_arm_step_before_due_process(builtin, tmp_path, court, finding):
    text = " ".join(order_text(builtin, tmp_path, court=court).split())
    assert finding in text
    assert text.index(finding) < text.index("as due process requires")
