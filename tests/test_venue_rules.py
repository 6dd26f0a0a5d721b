"""The busiest venues' local rules as data, and motion papers that follow the court: a notice of motion where
the court wants one, a motion stating its grounds where it wants that."""

from __future__ import annotations

import pytest

from assembler.assembly.assemble import assemble
from assembler.errors import TemplateError
from assembler.library.courtrules import rules_table
from assembler.text.markup import strip_markers
from samples import motion_answers

VENUES = {  # court -> (the paper it takes, the limit the memorandum must meet)
    "ilnd": ("motion", "15 pages"), "njd": ("notice", "30 pages"), "ded": ("motion", "20 pages"),
    "txed": ("motion", "30 pages"), "txwd": ("motion", "20 pages"), "flsd": ("motion", "20 pages"),
    "cacd": ("notice", "7000 words"), "cand": ("notice", "25 pages"), "mad": ("motion", "20 pages"),
    "paed": ("motion", None), "mnd": ("motion", "12000 words"), "nyed": ("notice", "8750 words"),
}


@pytest.fixture(scope="module")
def table(builtin):
    return rules_table(builtin.template_dirs)


@pytest.mark.parametrize("court_id", sorted(VENUES))
def test_each_busy_venue_records_its_rule_limit_paper_caption_and_the_date_it_was_checked(table, court_id):
    rules = table[court_id]
    form, limit = VENUES[court_id]
    assert rules.motion_form == form and rules.motion_rule and rules.caption
    assert rules.checked == "2026-12-04" and rules.rule and rules.source
    recorded = f"{rules.limit_pages} pages" if rules.limit_pages else f"{rules.limit_words} words" if rules.limit_words else None
    assert recorded == limit
    assert rules.certificate == bool(rules.limit_words)


# Read from the rule's text, or from a court's order or standing order reciting it, on the date checked; the others
# could not be read and say so on every paper.
CONFIRMED = {"ilnd", "njd", "ded", "flsd", "cand", "mad", "nyed", "paed"}


@pytest.mark.parametrize("court_id", sorted(VENUES))
def test_a_confirmed_entry_names_where_it_was_read_and_an_unconfirmed_one_says_it_was_not(table, court_id):
    rules = table[court_id]
    assert rules.confirmed == (court_id in CONFIRMED)
    if rules.confirmed:
        assert "https://" in rules.source
    else:
        assert "not read" in rules.source and "could not be read" in rules.note


def _paper(library, template_id, court_id, **changes):
    draft = assemble(library, template_id, motion_answers(court_id, **changes))
    return draft, strip_markers(draft.plain_text())


def test_a_motion_court_refuses_a_notice_of_motion_naming_its_rule_and_the_paper_to_use(builtin):
    with pytest.raises(TemplateError, match=r"^template rule-12b2-notice: the Northern District of Illinois takes a "
                                            r"motion stating its grounds \(N\.D\. Ill\. L\.R\. 5\.3\(b\).*\); assemble "
                                            r"rule-12b2-motion-paper instead$"):
        assemble(builtin, "rule-12b2-notice", motion_answers("ilnd"))


def test_a_notice_court_refuses_a_bare_motion(builtin):
    with pytest.raises(TemplateError, match="Northern District of California takes a notice of motion .*assemble rule-12b2-notice"):
        assemble(builtin, "rule-12b2-motion-paper", motion_answers("cand"))


def test_a_court_with_no_recorded_rule_takes_either_paper(builtin):
    assert assemble(builtin, "rule-12b2-notice", motion_answers("akd")).title.startswith("NOTICE OF")
    assert "MOTION TO DISMISS" in assemble(builtin, "rule-12b2-motion-paper", motion_answers("akd")).title


def test_the_motion_states_the_grounds_the_plaintiffs_theories_call_for(builtin):
    draft, text = _paper(builtin, "rule-12b2-motion-paper", "ilnd", jurisdiction_theories=["general", "specific"])
    assert draft.title == "DEFENDANT ALIBABA HOLDING'S MOTION TO DISMISS FOR LACK OF PERSONAL JURISDICTION"
    assert 'Defendant Alibaba Group Holding Limited ("Alibaba Holding") moves under Fed. R. Civ. P. 12(b)(2)' in text
    assert "Alibaba Holding is not at home in Illinois, so the Court lacks general jurisdiction over it." in text
    assert "purposefully directed at Illinois" in text
    assert "attributed" not in text and "4(k)(2)" not in text
    assert "not waived under Fed. R. Civ. P. 12(h)(1)" in text and "as Fed. R. Civ. P. 12(h)(1) requires" not in text


def test_several_movants_move_together(builtin):
    answers = motion_answers("mad")
    second = dict(answers["defendants"][0], name="Taobao China Holding Limited", short_name="Taobao")
    draft, text = _paper(builtin, "rule-12b2-motion-paper", "mad", defendants=answers["defendants"] + [second],
                         movants=answers["movants"] + ["Taobao"], jurisdiction_theories=["general"])
    assert draft.title.startswith("DEFENDANTS ALIBABA HOLDING AND TAOBAO'S MOTION")
    assert "move under Fed. R. Civ. P. 12(b)(2) to dismiss all claims asserted against them" in text
    assert "Alibaba Holding and Taobao are not at home in Massachusetts" in text
    assert "respectfully request that the Court dismiss all claims against them" in text


def test_a_court_that_wants_the_memorandum_in_the_motion_says_so(builtin):
    draft, _ = _paper(builtin, "rule-12b2-motion-paper", "flsd")
    assert any("S.D. Fla. wants the memorandum of law in the motion itself (S.D. Fla. L.R. 7.1(a)(1)" in w
               for w in draft.warnings)


def test_rules_recorded_from_practice_knowledge_warn_and_confirmed_ones_do_not(builtin):
    draft, _ = _paper(builtin, "rule-12b2-motion", "txed")
    assert any(w.startswith("E.D. Tex. rules (E.D. Tex. L.R. CV-7(a)) are recorded from practice knowledge") for w in draft.warnings)
    draft, _ = _paper(builtin, "rule-12b2-motion", "ilnd")
    assert not any("practice knowledge" in w for w in draft.warnings)


def test_a_word_limit_court_gets_a_certificate_stating_its_limit(builtin):
    _, text = _paper(builtin, "rule-12b2-motion", "cacd")
    assert "CERTIFICATE OF COMPLIANCE" in text and "7,000" in text and "C.D. Cal. L.R. 11-6.1" in text


@pytest.mark.parametrize("court_id, body, notes", [
    ("cacd", 14, 14),  # C.D. Cal. L.R. 11-3.1.1: proportional type 14-point or larger
    ("flsd", 12, 12),  # S.D. Fla. L.R. 5.1(a)(4): 12-point, footnotes included
    ("njd", 12, 12),   # D.N.J. L. Civ. R. 7.2(d): footnotes the size of the text
    ("cand", 12, 12),  # N.D. Cal. Civil L.R. 3-4(c)(2): 12-point, footnotes included
    ("ilnd", 12, 11),  # N.D. Ill. L.R. 5.2: footnotes 11-point
    ("nyed", 12, 10),  # E.D.N.Y. Local Civ. R. 7.1(b): footnotes may be 10-point
    ("mnd", 13, 13),   # D. Minn.: 13-point type, as an order of the court recites the local rules
])
def test_the_memorandum_and_the_notice_are_set_in_the_type_the_court_requires(builtin, court_id, body, notes):
    import io

    import docx

    from assembler.word.writer import render_docx

    paper = "rule-12b2-notice" if court_id in ("cacd", "njd", "cand", "nyed") else "rule-12b2-motion-paper"
    for template_id in ("rule-12b2-motion", paper):
        styles = docx.Document(io.BytesIO(render_docx(assemble(builtin, template_id, motion_answers(court_id))))).styles
        assert styles["Body Text"].font.size.pt == body and styles["Heading 1"].font.size.pt == body
        assert styles["Footnote Text"].font.size.pt == notes


STATUTE = {"il": "735 Ill. Comp. Stat. 5/2-209", "nj": "N.J. Ct. R. 4:4-4(b)(1)", "de": "Del. Code Ann. tit. 10, § 3104(c)",
           "tx": "Tex. Civ. Prac. & Rem. Code Ann. § 17.042", "fl": "Fla. Stat. § 48.193(1)(a)",
           "ca": "Cal. Civ. Proc. Code § 410.10", "ma": "Mass. Gen. Laws ch. 223A, § 3", "pa": "42 Pa. Cons. Stat. § 5322",
           "mn": "Minn. Stat. § 543.19", "ny": "N.Y. C.P.L.R. § 302"}


@pytest.mark.parametrize("court_id", sorted(VENUES))
def test_each_venue_gets_its_full_motion_papers_in_its_own_form(builtin, table, court_id):
    """The memorandum, the paper the court takes and the proposed order, for one matter, in each busy venue: the
    state's statute cited, the certificate of compliance only where the court counts words, at its limit."""
    rules = table[court_id]
    memo, memo_text = _paper(builtin, "rule-12b2-motion", court_id, jurisdiction_theories=["general", "specific"])
    assert STATUTE[memo.court.state_code] in memo_text
    if rules.limit_words:
        assert "CERTIFICATE OF COMPLIANCE" in memo_text and f"{rules.limit_words:,}" in memo_text
    else:
        assert "CERTIFICATE OF COMPLIANCE" not in memo_text
    paper_id = "rule-12b2-notice" if rules.motion_form == "notice" else "rule-12b2-motion-paper"
    paper, _ = _paper(builtin, paper_id, court_id, jurisdiction_theories=["general", "specific"])
    assert paper.title.startswith("NOTICE OF" if rules.motion_form == "notice" else "DEFENDANT ALIBABA HOLDING'S MOTION")
    order, order_text = _paper(builtin, "rule-12b2-proposed-order", court_id)
    assert "GRANTED" in order_text.upper() and order.court.id == court_id
