"""What the N.D. Ill. Schedule A TRO and the injunction converting it may say: the ex parte TRO assumes no notice
or appearance; the converting order says only what the answers support about opposition, appearance, security
and sealing; the Rule 4(f)(3) finding meets China's Article 10 objection with the authority on both sides; and a
2,000-seller Schedule A lays out. Assertions are on the text a judge would read."""

from __future__ import annotations

import copy
import io
import re
import subprocess

import docx
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from assembler.api import render_document
from assembler.assembly.assemble import assemble
from assembler.errors import AssemblerError
from assembler.word.writer import render_docx
from conftest import require_layout_tools, to_pdf
from samples import EXAMPLES, example, plain


def sellers(n: int) -> list[dict[str, str]]:
    return [{"name": f"Seller {i:04d} Trading Co.", "store": f"Store{i:04d}", "marketplace": "AliExpress",
             "seller_id": f"ID{i:06d}"} for i in range(1, n + 1)]


def answers(**changes) -> dict:
    made = copy.deepcopy(example("ndil-schedule-a-tro.yaml"))
    made["schedule_a"] = sellers(3)
    made.update(changes)
    return made


def text_of(builtin, template: str, **changes) -> str:
    """The body of the order as the court reads it, with the typesetting undone."""
    document = docx.Document(io.BytesIO(render_docx(assemble(builtin, template, answers(**changes)))))
    return plain("\n".join(p.text for p in document.paragraphs))


def paragraph(text: str, words: str) -> str:
    """The paragraph holding ``words``, without its number."""
    return re.sub(r"^\d+\.\t", "", next(line for line in text.splitlines() if words in line))


# --- the ex parte TRO ----------------------------------------------------------------------------------------


def test_the_ex_parte_tro_finds_the_presumption_unrebutted_without_saying_anyone_tried(builtin):
    tro = text_of(builtin, "tro-order")
    harm = paragraph(tro, "rebuttable presumption of irreparable harm")
    assert "The presumption applies, and nothing in the record rebuts it." in harm
    for assumed in ("have not rebutted", "has not rebutted", "come forward", "in opposition to it",
                    "arguments of counsel", "were given notice", "was given notice", "appeared"):
        assert assumed not in tro, assumed
    assert "The Court issues this Order without notice to Defendants" in tro


@pytest.mark.parametrize("template, restraint", [("tro-order", "this Order"), ("pi-order", "the injunction")])
def test_a_seventh_circuit_order_weighs_the_harms_without_second_circuit_authority(builtin, template, restraint):
    order = text_of(builtin, template)
    balance = paragraph(order, "The balance of harms favors Example Brands.")
    assert f"The only harm {restraint} does Defendants is the loss of sales of goods bearing the EXAMPLE Marks" in balance
    assert "sliding scale" in balance
    assert "WPIX" not in order and "2d Cir." not in balance


def test_the_converting_order_defines_defendants_by_schedule_a_before_restraining_them(builtin):
    decree = text_of(builtin, "pi-order").split("PRELIMINARY INJUNCTION\n", 1)[1]
    first, second = decree.splitlines()[:2]
    assert first.endswith('"Defendants" in this Order are the persons and entities identified in Schedule A, each by '
                          "seller alias, online store and marketplace and, where the marketplace assigns one, seller "
                          "identification number. Schedule A is annexed to and forms part of this Order.")
    assert "are restrained from" in second
    assert "as this Order uses that term" not in decree


TWO_PLAINTIFFS = [{"name": "Example Brands, Inc.", "short_name": "Example Brands", "kind": "corporation"},
                  {"name": "Example Licensing LLC", "short_name": "Example Licensing", "kind": "llc"}]


def test_the_findings_agree_with_two_plaintiffs(builtin):
    tro = text_of(builtin, "tro-order", plaintiffs=TWO_PLAINTIFFS)
    assert ("Because Example Brands and Example Licensing have shown a likelihood of success on the merits of their "
            "infringement claim, they are entitled to a rebuttable presumption") in tro
    assert "Given the strength of their showing that they are likely to succeed" in tro
    order = text_of(builtin, "pi-order", plaintiffs=TWO_PLAINTIFFS)
    assert "the arguments of counsel for Example Brands and Example Licensing at the hearing" in order
    assert "The $10,000.00 security that Example Brands and Example Licensing posted" in order


def test_the_tro_prints_registration_numbers_as_the_uspto_does(builtin):
    tro = text_of(builtin, "tro-order", marks=[{"mark": "EXAMPLE", "registration_number": "1,234,567",
                                                "goods": "apparel"}])
    assert "EXAMPLE (U.S. Reg. No. 1,234,567, for apparel)" in tro
    assert "EXAMPLE (U.S. Reg. No. 1,234,567)." in tro
    with pytest.raises(AssemblerError, match="registration_number"):
        text_of(builtin, "tro-order", marks=[{"mark": "EXAMPLE", "registration_number": "12345678", "goods": "x"}])


ABBREVIATIONS = {"etc", "approx", "incl", "misc"}  # these keep their period: "gadgets, etc.)"
GOODS = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9).filter(
    lambda word: word not in ABBREVIATIONS), min_size=1, max_size=4)


@settings(max_examples=8, deadline=None, print_blob=False, suppress_health_check=[HealthCheck.too_slow])
@given(words=GOODS, template=st.sampled_from(["tro-order", "pi-order"]))
def test_goods_typed_as_a_sentence_keep_no_period_inside_the_list_of_marks(builtin, words, template):
    goods = " ".join(words)
    marks = [{"mark": "ALPHA", "registration_number": "1234567", "goods": goods + "."},
             {"mark": "BETA", "registration_number": "2345678", "goods": goods + "."}]
    order = text_of(builtin, template, marks=marks)
    assert f"ALPHA (U.S. Reg. No. 1,234,567, for {goods}); BETA (U.S. Reg. No. 2,345,678, for {goods})." in order
    assert not re.search(re.escape(goods) + r"\.[;,)]", order)


# --- the injunction converting the TRO: only what the answers support ---------------------------------------------


def test_no_appearance_no_opposition_the_bond_posted_and_schedule_a_unsealed(builtin):
    order = text_of(builtin, "pi-order")  # the example's defaults
    assert ("The Court has considered the motion and the papers submitted in support of it, and the arguments of "
            "counsel for Example Brands at the hearing held on December 22, 2026.") in order
    assert "No Defendant has appeared or opposed the motion for a preliminary injunction." in order
    assert "No Defendant has come forward to rebut that presumption, and nothing in the record rebuts it." in order
    assert "Schedule A, filed under seal with the motion for the temporary restraining order, has since been unsealed." in order
    assert "The $10,000.00 security that Example Brands posted under the temporary restraining order shall remain" in order
    assert "Within three days after entry of this Order, Example Brands shall serve" in order
    for contradiction in ("in opposition to it", "shall remain under seal", "directed to unseal",
                          "shall post security", "after the security is posted", "summons, the complaint and this Order"):
        assert contradiction not in order, contradiction


NAMED_SELLERS = sellers(3) + [{"name": name, "marketplace": "eBay"} for name in ("Alpha Store", "Beta Shop", "Gamma Co.")]


def test_a_defendant_who_opposed_and_one_who_appeared_are_named_and_no_one_else(builtin):
    order = text_of(builtin, "pi-order", tro_opposed_by=["Alpha Store"], tro_appeared_by=["Beta Shop", "Gamma Co."],
                    schedule_a=NAMED_SELLERS)
    assert "the motion and the papers submitted in support of and in opposition to it, and the arguments of counsel at" in order
    assert ("Alpha Store appeared and opposed the motion for a preliminary injunction; Beta Shop and Gamma Co. appeared "
            "and did not oppose it; no other Defendant has appeared.") in order
    assert "Alpha Store has not rebutted that presumption, and nothing else in the record rebuts it." in order
    assert "No Defendant has appeared" not in order and "counsel for Example Brands at" not in order


def test_a_defendant_who_appeared_without_opposing_leaves_no_opposition_papers(builtin):
    order = text_of(builtin, "pi-order", tro_appeared_by=["Beta Shop"], schedule_a=NAMED_SELLERS)
    assert "the motion and the papers submitted in support of it, and the arguments of counsel at the hearing" in order
    assert ("Beta Shop appeared and did not oppose the motion for a preliminary injunction; no other Defendant has "
            "appeared or opposed it.") in order
    assert "in opposition to it" not in order


def test_a_tro_bond_never_posted_is_not_said_to_be_posted_and_security_is_required(builtin):
    order = text_of(builtin, "pi-order", tro_bond_posted=False)
    assert "Under Fed. R. Civ. P. 65(c), Example Brands shall post security in the amount of $10,000.00" in order
    assert "This Order takes effect when the security is posted." in order
    assert "This Order replaces the temporary restraining order, and the restraint of funds it imposed" in order
    assert "Within three days after the security is posted, Example Brands shall serve" in order
    assert "posted under the temporary restraining order" not in order and "posted for the temporary" not in order
    assert "no further security is required" not in order


@pytest.mark.parametrize("sealed, says, never", [
    (True, "shall remain under seal until proof is filed", "directed to unseal"),
    (False, "The Clerk is directed to unseal Schedule A", "shall remain under seal"),
])
def test_schedule_a_still_sealed_is_kept_sealed_or_unsealed_as_answered(builtin, sealed, says, never):
    order = text_of(builtin, "pi-order", tro_schedule_unsealed=False, schedule_sealed=sealed)
    assert says in order and never not in order
    assert "has since been unsealed" not in order


def test_the_converting_order_authorizes_continued_email_service_not_a_second_summons(builtin):
    service = paragraph(text_of(builtin, "pi-order"), "Fed. R. Civ. P. 4(f)(3), made applicable")
    assert service.startswith("Example Brands may continue to serve this Order and the other papers in this action")
    assert "summons" not in service


def test_the_sdny_order_keeps_its_own_text(builtin):
    answers_ = copy.deepcopy(example("alibabacoin-pi-order.yaml"))
    document = docx.Document(io.BytesIO(render_docx(assemble(builtin, "pi-order", answers_))))
    order = plain("\n".join(p.text for p in document.paragraphs))
    assert "have not rebutted that presumption" in order
    assert "Within three days after the security is posted" in order


# --- Rule 4(f)(3) and China's Article 10 objection -------------------------------------------------------------


def test_the_unknown_address_ground_states_the_search_and_distinguishes_the_contrary_cases(builtin):
    service = paragraph(text_of(builtin, "tro-order"), "Fed. R. Civ. P. 4(f)(3), made applicable")
    assert ('The Hague Service Convention does not apply "where the address of the person to be served with the '
            'document is not known."') in service
    assert "The record shows that the Plaintiff's investigator checked each seller's marketplace profile" in service
    assert "no objection a State has made under Article 10 to service by postal channels, China's among them" in service
    assert re.search(r"But cf\. Luxottica Grp\. S\.p\.A\. v\. P'ships .*391 F\. Supp\. 3d 816 \(N\.D\. Ill\. 2019\) "
                     r"\(Convention applied.*\); Smart Study Co\. v\. Shenzhenshixindajixieyouxiangongsi, No\. 24-313 "
                     r"\(2d Cir\. Dec\. 18, 2025\)", service)
    assert "Unlike the defendants in those cases" in service


def test_the_unknown_address_ground_without_the_search_is_refused_naming_the_answer(builtin):
    with pytest.raises(AssemblerError, match=r"'address_diligence' is missing"):
        assemble(builtin, "tro-order", answers(address_diligence=None))


def test_the_email_not_postal_ground_cites_the_district_for_it_and_the_second_circuit_against_it(builtin):
    service = paragraph(text_of(builtin, "tro-order", hague_ground="email_not_postal"),
                        "Fed. R. Civ. P. 4(f)(3), made applicable")
    assert "China has objected to it. Courts divide on whether that objection reaches email." in service
    assert re.search(r"See Peanuts Worldwide LLC v\. P'ships .*No\. 23 C 2965 \(N\.D\. Ill\. June 25, 2024\)", service)
    assert re.search(r"But see Smart Study Co\. v\. Shenzhenshixindajixieyouxiangongsi, No\. 24-313 \(2d Cir\. Dec\. 18, "
                     r"2025\) \(holding .*\); Luxottica", service)
    assert "Those decisions do not bind this Court" in service
    assert "Seventh Circuit" not in service  # no Seventh Circuit decision was found: the order claims none


def test_the_not_party_ground_cites_no_china_authority(builtin):
    service = paragraph(text_of(builtin, "tro-order", hague_ground="not_party"),
                        "Fed. R. Civ. P. 4(f)(3), made applicable")
    assert "not parties to the Hague Service Convention" in service
    assert "Luxottica" not in service and "Smart Study" not in service and "Article 10" not in service


# --- a 2,000-seller Schedule A laid out ------------------------------------------------------------------------


@pytest.mark.layout
def test_a_2000_seller_schedule_a_lays_out_from_the_first_seller_to_the_last(builtin, tmp_path):
    require_layout_tools()
    many = [{"name": f"Seller {i:04d} Trading Co.", "store": f"Store{i:04d}", "marketplace": "AliExpress",
             "seller_id": f"ID{i:06d}", "url": f"https://shop.example/{i}"} for i in range(1, 2001)]
    order = render_document(builtin, "pi-order", answers(schedule_a=many), tmp_path / "pi.docx").docx_path
    to_pdf(tmp_path, tmp_path / "profile", order)
    info = subprocess.run(["pdfinfo", str(tmp_path / "pi.pdf")], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    text = re.sub(r"\s+", " ", subprocess.run(["pdftotext", str(tmp_path / "pi.pdf"), "-"], capture_output=True,
                                              text=True, check=True).stdout)
    assert 60 <= pages <= 100, pages  # 75 when measured: about 28 sellers a page after the order
    assert "SCHEDULE A" in text
    assert "Seller 0001 Trading Co." in text and "Seller 2000 Trading Co." in text
    assert text.index("Seller 0001 Trading Co.") < text.index("Seller 2000 Trading Co.")


# --- judges' standing orders as data ------------------------------------------------------------------------------


def test_no_judge_practice_is_entered_that_was_not_read(builtin):
    assert builtin.judge_practices == {}  # see templates/judge-practices.yaml: no order's text could be read


def practice_library(tmp_path, entry: str):
    from assembler.library.loading import load_library

    (tmp_path / "firm" / "templates").mkdir(parents=True)
    (tmp_path / "firm" / "templates" / "judge-practices.yaml").write_text(entry, encoding="utf-8")
    return tmp_path / "firm", load_library(tmp_path / "firm")


PRACTICE = """judges:
  - court: ilnd
    judge: Presiding Judge
    checked: 2026-12-04
    source: the judge's standing order on Schedule A cases (the court's page for the judge)
    sets: {bond_amount: 25000, dissolve_notice_days: 3}
"""


def test_the_assigned_judges_practice_fills_what_the_answers_leave_open_and_says_so(tmp_path):
    _, library = practice_library(tmp_path, PRACTICE)
    made = answers(judge="Hon. Presiding Judge")
    del made["bond_amount"]
    draft = assemble(library, "tro-order", made)
    order = plain("\n".join(p.text for p in docx.Document(io.BytesIO(render_docx(draft))).paragraphs))
    assert "security of $25,000.00" in order
    assert "move to dissolve or modify this Order on 3 days' notice" in order
    said = "Judge Presiding Judge's standing order (read 2026-12-04: the judge's standing order on Schedule A cases"
    assert any(w.startswith(said) and "sets 'bond_amount' to 25000; used" in w for w in draft.warnings)


def test_an_answer_that_differs_from_the_judges_practice_is_kept_and_reported(tmp_path):
    _, library = practice_library(tmp_path, PRACTICE)
    draft = assemble(library, "tro-order", answers(bond_amount=10000))
    order = plain("\n".join(p.text for p in docx.Document(io.BytesIO(render_docx(draft))).paragraphs))
    assert "security of $10,000.00" in order
    assert any("sets 'bond_amount' to 25000; the answers say 10000 (kept)" in w for w in draft.warnings)
    other = assemble(library, "tro-order", answers(judge="Another Judge", bond_amount=10000))
    assert not any("standing order" in w for w in other.warnings)


@pytest.mark.parametrize("entry, message", [
    ("judges:\n  - {court: ilnd, judge: X, checked: 2026-12-04, source: s, sets: {bond: 1}}",
     "judge-practices.yaml: X: sets 'bond', which no standing order entry may set"),
    ("judges:\n  - {court: ilnd, judge: X, checked: 2026-12-04, source: s, sets: {tro_days: 21}}",
     "judge-practices.yaml: X: sets 'tro_days' to 21; it must be a whole number of days from 1 to 14"),
    ("judges:\n  - {court: ilnd, judge: X, source: s, sets: {bond_days: 3}}",
     "judge-practices.yaml: X: missing 'checked' (the date the standing order's text was read)"),
    ("judges:\n  - {court: ilnd, judge: X, checked: 2026-12-04, sets: {bond_days: 3}}",
     "judge-practices.yaml: X: missing 'source'"),
    ("judges:\n  - {court: ilnd, judge: X, checked: 2026-12-04, source: s, sets: {}, bond: 3}",
     "judge-practices.yaml: X: unknown key(s) bond"),
    ("judges:\n  - {court: ILND, judge: X, checked: 2026-12-04, source: s, sets: {bond_days: 3}}",
     "judge-practices.yaml: X: court 'ILND' is not a district court id (e.g. ilnd, in lower case"),
    ("judges:\n  - {court: ilnd, judge: X, checked: 2099-12-01, source: s, sets: {bond_days: 3}}",
     "judge-practices.yaml: X: checked 2099-12-01 is in the future"),
    ("judges:\n  - {court: ilnd, judge: X, checked: 2026-12-04, source: s, sets: {bond_amount: .inf}}",
     "judge-practices.yaml: X: sets 'bond_amount' to inf; it must be an amount in dollars"),
    ("judges:\n  - {court: ilnd, judge: 123, checked: 2026-12-04, source: s, sets: {bond_days: 3}}",
     "judge-practices.yaml: 123: 'judge' must be text, not 123"),
    ("judges:\n  - {court: ilnd, judge: X, checked: 2026-12-04, source: s, sets: {bond_days: 3, bond_days: 4}}",
     "judge-practices.yaml: not valid YAML at line 2: 'bond_days' is given twice"),
    ("judges:\n  - {court: ilnd, judge: X, checked: 2026-12-04, source: s, sets: {bond_days: 3}}\n"
     "  - {court: ilnd, judge: Hon. X, checked: 2026-12-04, source: t, sets: {bond_days: 4}}",
     "judge-practices.yaml: Hon. X (ilnd) has two entries; keep one"),
])
def test_a_malformed_practice_is_refused_in_one_line_naming_the_judge(tmp_path, run_cli, entry, message):
    firm, _ = practice_library(tmp_path, entry + "\n")
    example_answers = EXAMPLES / "ndil-schedule-a-tro.yaml"
    code, out, err = run_cli("--library", firm, "render", "tro-order", "--answers", example_answers, "--sellers",
                             EXAMPLES / "ndil-sellers.csv", "-o", tmp_path / "t.docx", "--no-layout")
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1, err
    assert not (tmp_path / "t.docx").exists()


def test_an_answer_that_says_the_judges_amount_another_way_is_not_reported_as_different(tmp_path):
    _, library = practice_library(tmp_path, PRACTICE)
    draft = assemble(library, "tro-order", answers(bond_amount="$25,000.00"))
    assert not any("'bond_amount'" in w for w in draft.warnings)


def test_a_tro_saved_under_a_new_name_is_still_held_to_rule_65(builtin, tmp_path, run_cli):
    render_document(builtin, "tro-order", answers(), tmp_path / "tro.docx")
    document = docx.Document(str(tmp_path / "tro.docx"))
    expiry = next(p for p in document.paragraphs if "This Order expires" in p.text)
    for run in expiry.runs:
        run.text = run.text.replace("14", "21")
    document.save(str(tmp_path / "copy for partner.docx"))  # Word's Save As: no manifest beside it
    code, out, _ = run_cli("check", tmp_path / "copy for partner.docx", "--no-layout")
    assert code == 1 and "(order, ilnd; rules: Fed. R. Civ. P. 65)" in out
    assert "Fed. R. Civ. P. 65(b)(2): the TRO runs 21 days; at most 14 without consent" in out
