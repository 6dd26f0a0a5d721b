"""The Rule 12(b)(2) papers rendered over many courts and party setups, read as a partner reads them: the state's
own rule on consent by registration, a movant at home in the forum, answers that leave a party nameless, facts
the answers do not give, and the text slips the review found. Each test reads the rendered text."""

from __future__ import annotations

import pytest

from assembler.assembly.assemble import assemble
from assembler.errors import AnswersError, AssemblerError
from samples import example, motion_answers, plain

FOREIGN = {"name": "Sunrise Holdings Limited", "short_name": "Sunrise", "kind": "corporation",
           "organized_under": "the Cayman Islands", "principal_place_of_business": "Hong Kong"}
FOREIGN_2 = {"name": "Blue Ridge Trading Limited", "short_name": "Blue Ridge", "kind": "corporation",
             "organized_under": "Hong Kong", "principal_place_of_business": "Kowloon, Hong Kong"}
TEXAS_LLC = {"name": "Blue Ridge Ventures LLC", "short_name": "Blue Ridge", "kind": "llc",
             "organized_under": "Delaware", "principal_place_of_business": "Austin, Texas"}
PERSON = {"name": "Jack Ma", "short_name": "Ma", "kind": "individual", "pronoun": "he",
          "principal_place_of_business": "Hangzhou, China"}
PERSON_2 = {"name": "Sam Doe", "short_name": "Doe", "kind": "individual"}
AFFILIATE = {"name": "Sunrise Trading Co.", "short_name": "Sunrise Trading", "kind": "corporation",
             "organized_under": "Hong Kong", "principal_place_of_business": "Kowloon, Hong Kong"}

_LIBRARY = []


def _library():
    if not _LIBRARY:
        from assembler.library.loading import load_library

        _LIBRARY.append(load_library())
    return _LIBRARY[0]


def answers(*movants: dict, court: str = "ilnd", others: tuple[dict, ...] = (AFFILIATE,), **changes) -> dict:
    parties = list(movants) + list(others)
    found = motion_answers(court, defendants=parties, movants=[p["short_name"] for p in movants],
                           filer={**example("cepia-motion.yaml")["filer"], "represents": [movants[0]["short_name"]]},
                           related_entity=parties[-1]["short_name"])
    found.update(changes)
    if court == "ilnd":
        found["division"] = "Eastern"
    return found


def render(*movants: dict, template: str = "rule-12b2-motion", court: str = "ilnd", others: tuple[dict, ...] = (AFFILIATE,),
           **changes) -> str:
    return plain(assemble(_library(), template, answers(*movants, court=court, others=others, **changes)).plain_text())


def consent_section(text: str) -> str:
    start = text.index("Consent to Jurisdiction")
    return text[start: text.index("Specific Jurisdiction", start)]


REGISTRATION = dict(jurisdiction_theories=["general", "consent_by_registration", "specific"])


# --- 1. consent by registration: the forum state's own rule ---------------------------------------------------


@pytest.mark.parametrize("court, rule", [("paed", "42 Pa. Cons. Stat. § 5301(a)(2)(i)"), ("pamd", "Mallory"),
                                          ("gand", "Cooper Tire & Rubber Co. v. McCall, 312 Ga. 422 (2021)")])
@pytest.mark.parametrize("template", ["rule-12b2-motion", "rule-12b2-proposed-order"])
def test_a_movant_registered_where_registration_is_consent_is_refused_naming_the_rule(court, rule, template):
    with pytest.raises(AssemblerError) as refused:
        render(FOREIGN, court=court, template=template, registered_in_forum=True, **REGISTRATION)
    message = plain(str(refused.value))
    assert rule in message and "registered_in_forum" in message and "\n" not in message


def test_the_refusal_exits_2_with_one_line_and_writes_nothing(run_cli, tmp_path):
    import yaml

    source = tmp_path / "case.yaml"
    source.write_text(yaml.safe_dump(answers(FOREIGN, court="paed", registered_in_forum=True, **REGISTRATION)))
    code, out, err = run_cli("render", "rule-12b2-motion", "--answers", source, "-o", tmp_path / "m.docx", "--no-layout")
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert "Pennsylvania makes a corporation's registration to do business there consent" in plain(err)
    assert not (tmp_path / "m.docx").exists()


@pytest.mark.parametrize("court, state", [("paed", "Pennsylvania"), ("gand", "Georgia")])
def test_an_unregistered_movant_in_a_consent_state_is_outside_the_statute_and_the_rule_is_stated(court, state):
    text = consent_section(render(FOREIGN, court=court, registered_in_forum=False, **REGISTRATION))
    assert f"Sunrise has not registered to do business in {state}, so no {state} registration statute reaches it" in text
    assert f"{state}'s law makes a corporation's registration to do business there consent to general jurisdiction" in text
    assert "That rule reaches only a corporation that has registered, and Sunrise has not." in text
    assert "is not consent" not in text and "identifies no" not in text


def test_illinois_cites_aspen_american_for_registration_not_being_consent():
    text = consent_section(render(FOREIGN, registered_in_forum=True, **REGISTRATION))
    assert "That Sunrise registered to do business in Illinois is not consent to general jurisdiction there." in text
    assert "See Aspen Am. Ins. Co. v. Interstate Warehousing, Inc., 90 N.E.3d 440" in text


@pytest.mark.parametrize("court, state", [("njd", "New Jersey"), ("txnd", "Texas"), ("mad", "Massachusetts")])
def test_a_state_whose_rule_is_unsettled_is_argued_as_open(court, state):
    text = consent_section(render(FOREIGN, court=court, registered_in_forum=True, **REGISTRATION))
    assert f"Whether registering to do business in {state} is consent to general jurisdiction there is not settled." in text
    assert "is not consent to general jurisdiction there" not in text
    assert "does not establish that it consented to general jurisdiction there" in text


def test_several_registered_movants_are_named_with_or():
    text = consent_section(render(FOREIGN, FOREIGN_2, registered_in_forum=True, **REGISTRATION))
    assert "Registration to do business in Illinois by Sunrise or Blue Ridge is not consent" in text
    assert "any of" not in text


# --- 2. a movant at home in the forum ---------------------------------------------------------------------------


@pytest.mark.parametrize("template", ["rule-12b2-motion", "rule-12b2-motion-paper", "rule-12b2-proposed-order"])
def test_a_movant_headquartered_in_the_forum_state_is_refused_citing_daimler(template):
    with pytest.raises(AnswersError) as refused:
        render(TEXAS_LLC, court="txed", template=template)
    message = str(refused.value)
    assert "Blue Ridge is at home in Texas (its principal place of business is in Austin, Texas)" in message
    assert "Daimler AG v. Bauman, 571 U.S. 117, 137 (2014)" in message


@pytest.mark.parametrize("movant, court, why", [
    ({**FOREIGN, "organized_under": "New Jersey", "principal_place_of_business": "Hong Kong"}, "njd",
     "it is organized under the laws of New Jersey"),
    ({**PERSON, "principal_place_of_business": "Chicago, Illinois"}, "ilnd", "domiciled in Chicago, Illinois"),
])
def test_a_movant_organized_or_domiciled_in_the_forum_is_refused(movant, court, why):
    with pytest.raises(AnswersError, match=why):
        render(movant, court=court)


def test_a_movant_at_home_elsewhere_is_not_refused():
    assert "Blue Ridge Is Not Subject to General Jurisdiction in Illinois" in render(TEXAS_LLC)


# --- 4. answers that would leave a party nameless ----------------------------------------------------------------


def test_the_affiliate_named_as_the_only_movant_is_refused():
    with pytest.raises(AnswersError, match="'related_entity': Sunrise is the only movant"):
        render(FOREIGN, related_entity="Sunrise", jurisdiction_theories=["general", "attribution"])


def test_registration_answered_yes_for_individuals_only_is_refused():
    with pytest.raises(AnswersError, match="'registered_in_forum': Ma and Doe are individuals"):
        render(PERSON, PERSON_2, registered_in_forum=True, **REGISTRATION)


# --- 5, 6. facts the answers do not give; the motion paper agrees with the memorandum ----------------------------


def test_the_forum_interest_factor_says_nothing_of_a_plaintiff_whose_home_is_not_answered():
    nowhere = [{"name": "Kai Lee", "short_name": "Lee", "kind": "individual"}]
    text = render(FOREIGN, court="moed", plaintiffs=nowhere)
    assert "Missouri resident" not in text[text.index("On the fourth"): text.index("On the fifth")]
    assert "Missouri's interest in providing a forum for its residents is a secondary factor" in text
    placed = [{"name": "Beta Brands LLC", "short_name": "Beta", "kind": "llc", "organized_under": "New York",
               "principal_place_of_business": "New York, New York"}]
    assert "On the fourth, Plaintiff is not a Missouri resident" in render(FOREIGN, court="moed", plaintiffs=placed)


def test_the_motion_paper_denies_a_home_only_where_the_answers_place_the_movant():
    text = render(PERSON, PERSON_2, template="rule-12b2-motion-paper")
    assert "Ma is not domiciled in Illinois, and Plaintiff has not shown that Doe is at home in Illinois" in text
    assert "Ma and Doe are not domiciled" not in text


def test_the_missouri_motion_paper_does_not_decide_the_long_arm_statute_the_memorandum_leaves_open():
    text = render(FOREIGN, court="moed", template="rule-12b2-motion-paper")
    assert "the Due Process Clause does not permit specific jurisdiction, however far Missouri's long-arm statute reaches" in text
    assert "neither Missouri's long-arm law" not in text
    assert "the Court need not decide how far the statute reaches" in render(FOREIGN, court="moed")


@pytest.mark.parametrize("court", ["nysd", "cand", "njd", "dcd"])
def test_the_notice_recites_declarations_only_when_the_answers_give_them(court):
    text = render(FOREIGN, court=court, template="rule-12b2-notice", declarations=[], return_date="2027-01-14")
    assert "upon the accompanying memorandum of law and all prior pleadings" in text
    assert "declaration" not in text.lower()
    given = render(FOREIGN, court=court, template="rule-12b2-notice", return_date="2027-01-14",
                   declarations=["the Declaration of Jane Roe dated November 20, 2026"])
    assert "the Declaration of Jane Roe dated November 20, 2026, and the exhibits to it, and all prior" in given


# --- 8. D. Mass. L.R. 7.1(a)(2) ----------------------------------------------------------------------------------


def test_the_massachusetts_motion_certifies_that_counsel_conferred_from_an_answer():
    text = render(FOREIGN, court="mad", template="rule-12b2-motion-paper", conferral="by telephone on November 20, 2026")
    assert ("Under Local Rule 7.1(a)(2), counsel for Sunrise certify that they conferred with counsel for Cepia by "
            "telephone on November 20, 2026 and attempted in good faith to resolve or narrow the issues") in text
    assert "7.1(a)(2)" not in render(FOREIGN, court="moed", template="rule-12b2-motion-paper")


def test_the_massachusetts_motion_is_refused_without_the_conferral_answer():
    with pytest.raises(AnswersError, match="'conferral' is missing"):
        render(FOREIGN, court="mad", template="rule-12b2-motion-paper", conferral=None)


# --- 9. text slips -----------------------------------------------------------------------------------------------


def test_a_claim_typed_with_its_period_loses_it_inside_the_list():
    text = render(FOREIGN, claims=["trademark infringement.", "dilution", "unfair competition by Acme, Inc."])
    assert "trademark infringement, dilution, and unfair competition by Acme, Inc." in text
    assert "infringement." not in text


def test_two_individual_movants_sentences_are_spaced():
    text = render(PERSON, PERSON_2)
    assert "so general jurisdiction over Ma is absent. Doe is an individual." in text
    assert "absent.Doe" not in text


def test_the_subject_clause_takes_its_verb_without_a_comma():
    text = render(FOREIGN, court="cand", plaintiffs=[{"name": "Kai Lee", "short_name": "Lee", "kind": "individual"}])
    assert "That Plaintiff says he or she felt harm in California therefore says nothing about whether Sunrise" in text
    assert ", therefore says nothing" not in text


@pytest.mark.parametrize("division", ["Atlanta", "Gainesville", "Newnan", "Rome"])
def test_the_northern_district_of_georgia_has_its_four_statutory_divisions(division):
    caption = assemble(_library(), "rule-12b2-motion", answers(FOREIGN, court="gand", division=division)).caption
    assert f"{division.upper()} DIVISION" in caption.court_lines
    with pytest.raises(AnswersError, match="Atlanta, Gainesville, Newnan, and Rome"):
        render(FOREIGN, court="gand", division="Macon")


def test_the_seventh_circuit_standard_cites_purdue_again_by_id():
    text = render(FOREIGN)
    assert ("Purdue Rsch. Found. v. Sanofi-Synthelabo, S.A., 338 F.3d 773, 782 (7th Cir. 2003). Where the motion "
            "under Fed. R. Civ. P. 12(b)(2) is decided") in text
    assert "supporting it. Id. at 782-83." in text
    assert "Purdue Research, 338 F.3d at 782-83" not in text


# --- 3, 10. what render warns of and what check catches in a draft ------------------------------------------------


def _draft(tmp_path, name="memo.docx", *movants, **changes):
    from assembler.api import render_document

    return render_document(_library(), "rule-12b2-motion", answers(*(movants or (FOREIGN,)), **changes),
                           tmp_path / name)


def _findings(path) -> list[str]:
    from assembler.checks.check import check_draft

    return [str(f) for f in check_draft(_library(), path, layout=False).findings if f.rule != "typography"]


def _edit(source, tmp_path, find: str, replace: str):
    import docx

    document = docx.Document(str(source))
    runs = [r for p in document.paragraphs for r in p.runs if find in r.text]
    assert runs, find
    for run in runs:  # the heading and its Table of Contents entry alike
        run.text = run.text.replace(find, replace)
    out = tmp_path / "edited.docx"
    document.save(str(out))
    # the manifest goes along: the draft keeps its identifier through an edit in Word
    (tmp_path / "edited.assembly.yaml").write_bytes(source.with_suffix(".assembly.yaml").read_bytes())
    return out


def test_a_judges_limit_below_the_count_is_warned_at_render_and_held_by_check(tmp_path):
    result = _draft(tmp_path, "memo.docx", court="nysd", judge_word_limit=1000)
    count = result.manifest["word_count"]
    warning = next(w for w in result.warnings if "certificate of compliance" in w)
    assert f"{count:,} words, over the limit of 1,000 words" in warning and "judge_word_limit" in warning
    assert f"certificate of compliance: {count:,} words, over the limit of 1,000 words the certificate states" in \
        _findings(result.docx_path)
    assert not any("certificate" in w for w in _draft(tmp_path, "clean.docx", court="nysd").warnings)


def test_check_finds_a_certificate_that_certifies_a_count_over_its_own_limit(tmp_path):
    clean = _draft(tmp_path, court="nysd").docx_path
    assert _findings(clean) == []
    edited = _edit(clean, tmp_path, "8,750", "1,000")
    assert any("it certifies" in f and "as within the limit of 1,000 words" in f for f in _findings(edited))


def test_check_finds_two_sentences_run_together(tmp_path):
    clean = _draft(tmp_path, "memo.docx", PERSON, PERSON_2).docx_path
    assert _findings(clean) == []
    edited = _edit(clean, tmp_path, "absent. Doe", "absent.Doe")
    assert _findings(edited) == ['drafting: two sentences run together in "…neral jurisdiction over Ma is '
                                 'absent.Doe is an individual. Plaintiff…"']


def test_check_finds_a_party_name_left_empty(tmp_path):
    clean = _draft(tmp_path, jurisdiction_theories=["general", "specific", "attribution"]).docx_path
    assert _findings(clean) == []
    edited = _edit(clean, tmp_path, "Attributed to Sunrise", "Attributed to ")
    findings = _findings(edited)
    assert findings and all(f.startswith("completeness: a party's name is missing after 'Attributed to'")
                            and "Sunrise Trading Cannot Be Attributed to" in f for f in findings)


@pytest.mark.parametrize("text", ["see www.example.com.Sellers", "write to Legal.Dept@example.com", "U.S.C.A.",
                                  "F.3d", "e.g.Smith", "Rev.Stat."])
def test_addresses_abbreviations_and_citations_are_not_run_together_sentences(text):
    from assembler.checks.drafting import run_together

    assert run_together([text]) == []


# --- 7. the party's kind ------------------------------------------------------------------------------------------


def test_individual_movants_get_only_the_individuals_attribution_paragraph():
    text = render(PERSON, PERSON_2, jurisdiction_theories=["general", "specific", "attribution"])
    section = text[text.index("Cannot Be Attributed to Ma and Doe"):text.index("Exercising Jurisdiction Would Be Unreasonable")]
    assert "Plaintiff alleges no facts showing that Ma and Doe directed or controlled the forum activity" in section
    assert "That Ma and Doe may own, direct or hold office in Sunrise Trading would not change the result" in section
    for corporate in ("corporate affiliation", "to a corporation", "alter ego", "dominated", "corporate family"):
        assert corporate not in section
    corporate = render(FOREIGN, jurisdiction_theories=["general", "specific", "attribution"])
    assert "corporate affiliation or common ownership does not make one company's forum activity another's" in corporate


@pytest.mark.parametrize("court", ["nysd", "nyed", "moed"])
def test_rule_4k2_states_a_limited_liability_companys_home_by_its_kind(court):
    text = render(FOREIGN, TEXAS_LLC, court=court, rule_4k2_names_state=False)
    section = text[text.index("Rule 4(k)(2) reaches a defendant"):]
    assert ("Blue Ridge is at home where it is organized and where it has its principal place of business, as a "
            "corporation is in its state of incorporation") in section
    assert "A corporation is subject to general jurisdiction in its state of incorporation" not in section



@pytest.mark.parametrize("court, rule", [("cand", "N.D. Cal. Civil L.R. 7-2"), ("njd", "D.N.J. L. Civ. R. 7.1")])
def test_a_notice_in_a_court_with_hearing_or_motion_days_needs_its_return_date(court, rule):
    with pytest.raises(AnswersError, match=r"'return_date' is missing: in the .* the notice names the hearing") as refused:
        render(FOREIGN, court=court, template="rule-12b2-notice", return_date=None)
    assert rule in str(refused.value)
    text = render(FOREIGN, court=court, template="rule-12b2-notice", return_date="2027-01-14")
    assert "on January 14, 2027 or as soon thereafter as counsel may be heard" in text
    assert "on a date and at a time to be set by the Court" in render(FOREIGN, court="nysd", template="rule-12b2-notice")


def test_the_interview_refuses_these_answers_as_they_are_typed():
    from assembler.assembly.answers import typed_problem

    typed = answers(TEXAS_LLC, court="txed")
    assert "at home in Texas" in typed_problem("movants", "Blue Ridge", typed)
    assert typed_problem("movants", "Sunrise Trading", typed) is None
    assert "is the only movant" in typed_problem("related_entity", "Blue Ridge",
                                                 {**typed, "jurisdiction_theories": ["attribution"]})
    people = answers(PERSON, PERSON_2, **REGISTRATION)
    assert "a person does not register" in typed_problem("registered_in_forum", True, people)


def test_with_a_company_and_a_person_moving_only_the_company_is_said_to_have_registered(builtin):
    from assembler.assembly.assemble import assemble

    answers = motion_answers("nysd")
    answers["defendants"] = [
        {"name": "Sunrise Holdings Limited", "short_name": "Sunrise", "kind": "corporation",
         "organized_under": "the Cayman Islands", "principal_place_of_business": "Hong Kong"},
        {"name": "Priya Raman", "short_name": "Raman", "kind": "individual", "pronoun": "she",
         "principal_place_of_business": "Toronto, Ontario"}]
    answers.update(movants=["Sunrise", "Raman"], registered_in_forum=True,
                   jurisdiction_theories=["general", "specific", "consent_by_registration"])
    answers["filer"] = {**answers["filer"], "represents": ["Sunrise", "Raman"]}
    answers.pop("related_entity", None)
    text = " ".join(assemble(builtin, "rule-12b2-motion", answers).plain_text().split())
    assert "That Sunrise registered to do business in New York is not consent to general jurisdiction there." in text
    assert "Raman registered" not in text and "by Sunrise or Raman" not in text


@pytest.mark.parametrize("court, summary", [
    ("nysd", "Registering to do business in New York was not consent to suit there."),
    ("dcd", "Registering to do business in the District of Columbia did not establish consent to suit there."),
])
def test_the_consent_heading_and_summary_follow_the_forums_rule(builtin, court, summary):
    answers = motion_answers(court, registered_in_forum=True)
    answers["jurisdiction_theories"] = answers["jurisdiction_theories"] + ["consent_by_registration"]
    draft = assemble(builtin, "rule-12b2-motion", answers)
    text = " ".join(plain(draft.plain_text()).split())
    assert summary in text
    heading = "Was Not Consent to Jurisdiction" if court == "nysd" else "Did Not Establish Consent to Jurisdiction"
    assert heading in text


def test_a_heading_that_opens_with_the_district_of_columbia_capitalises_it(builtin):
    text = " ".join(plain(assemble(builtin, "rule-12b2-motion", motion_answers("dcd")).plain_text()).split())
    assert "The District of Columbia's Long-Arm Statute Does Not Reach" in text


@pytest.mark.parametrize("court, state", [("ilnd", "Illinois"), ("wied", "Wisconsin")])
def test_a_seventh_circuit_memorandum_meets_curry_and_nba_properties(builtin, court, state):
    text = " ".join(plain(assemble(builtin, "rule-12b2-motion", motion_answers(court)).plain_text()).split())
    assert ("shipped the accused product to 767 Illinois buyers, purposefully directed its conduct at Illinois. "
            "Curry, 949 F.3d at 398-99.") in text
    assert "NBA Props., Inc. v. HANWJH, 46 F.4th 614 (7th Cir. 2022)" in text
    assert f"Plaintiff alleges no sale or shipment by Alibaba Holding into {state}, so neither decision reaches" in text


def test_the_movants_facts_never_read_as_allegations_of_the_complaint(builtin):
    answers = motion_answers("moed", facts=["Alibaba Holding has no office in Missouri. (Decl. ¶ 3.)"],
                             complaint_allegations=["Defendants sell goods in Missouri. (Compl. ¶ 9.)"])
    text = plain(assemble(builtin, "rule-12b2-motion", answers).plain_text())
    lead_in = text.index("The Complaint rests personal jurisdiction over Alibaba Holding on these allegations:")
    assert text.index("Alibaba Holding has no office in Missouri. (Decl. ¶ 3.)") < lead_in
    assert text.index("Defendants sell goods in Missouri. (Compl. ¶ 9.)") > lead_in


def test_the_notice_names_the_plaintiffs_in_full_on_first_mention(builtin):
    text = " ".join(plain(assemble(builtin, "rule-12b2-notice", motion_answers("nysd")).plain_text()).split())
    assert 'dismissing all claims asserted against it by Plaintiff Cepia, L.L.C. ("Cepia") for lack' in text
