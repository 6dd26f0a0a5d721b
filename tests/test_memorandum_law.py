"""What the Rule 12(b)(2) papers say, read from the rendered text, across movants (domestic, foreign, an
individual, two at once) and courts (S.D.N.Y., E.D. Mo., N.D. Cal.): the partner review's S1 and S2 points."""

from __future__ import annotations

import re

import pytest

from assembler.assembly.assemble import assemble
from assembler.errors import AnswersError
from samples import example, motion_answers

DOMESTIC = {"name": "Lone Star Brands Holdings, Inc.", "short_name": "Lone Star", "kind": "corporation",
            "organized_under": "Delaware", "principal_place_of_business": "Austin, Texas"}
FOREIGN = {"name": "Lone Star Trading (HK) Limited", "short_name": "Lone Star HK", "kind": "corporation",
           "organized_under": "Hong Kong", "principal_place_of_business": "Kowloon, Hong Kong"}
PERSON = {"name": "Dana Defendant", "short_name": "Defendant Dana", "kind": "individual",
          "principal_place_of_business": "Chicago, Illinois"}


def memo(court: str = "moed", template: str = "rule-12b2-motion", **changes) -> str:
    return assemble(_library(), template, motion_answers(court, **changes)).plain_text()


def _library():
    from assembler.library.loading import load_library

    global _LIB
    try:
        return _LIB
    except NameError:
        _LIB = load_library()
        return _LIB


AFFILIATE = {"name": "Lone Star Trading Co.", "short_name": "Lone Star Trading", "kind": "corporation",
             "organized_under": "Hong Kong", "principal_place_of_business": "Kowloon, Hong Kong"}


def movant(*parties: dict, court: str = "nysd", **changes) -> str:
    # a lone movant's affiliate is another defendant: the affiliate whose contacts are attributed is never the movant
    defendants = list(parties) + ([AFFILIATE] if len(parties) == 1 else [])
    answers = dict(defendants=defendants, movants=[p["short_name"] for p in parties],
                   filer={**example("cepia-motion.yaml")["filer"], "represents": [parties[0]["short_name"]]},
                   related_entity=defendants[-1]["short_name"])
    answers.update(changes)
    return memo(court, **answers)


def section(text: str, heading: str) -> str:
    start = text.index(heading)
    following = re.search(r"\n[IVX]+\.\t|\nCONCLUSION", text[start + len(heading):])
    return text[start: start + len(heading) + (following.start() if following else len(text))]


# --- Rule 4(k)(2) after Fuld (P1, P13) ------------------------------------------------------------------------


def test_rule_4k2_fails_at_element_a_for_a_movant_at_home_in_a_us_state():
    text = section(movant(DOMESTIC, rule_4k2_names_state=False), "Rule 4(k)(2) Does Not Supply Jurisdiction")
    assert "subject to jurisdiction in the courts of Delaware and Texas" in text
    assert "Element (A) therefore fails as to Lone Star" in text
    assert "Fuld" not in text and "Fifth Amendment" not in text  # no national-contacts argument for a Texas company
    assert "did not direct the conduct at issue at the United States" not in memo("nysd")


def test_a_foreign_movant_that_names_no_state_meets_fuld_by_stating_its_holding_with_no_signal():
    text = section(movant(FOREIGN, rule_4k2_names_state=False), "Rule 4(k)(2) Does Not Supply Jurisdiction")
    assert "Lone Star HK does not concede that it is subject to suit in any state's courts" in text
    assert ("In Fuld, the Supreme Court held that the Fifth Amendment does not carry the Fourteenth Amendment's "
            "minimum-contacts framework over to the federal courts") in text
    assert "instead. Fuld v. Palestine Liberation Org., No. 24-20 (U.S. June 20, 2025). That decision" in text
    assert "cf. Fuld" not in text
    assert "The same requirements apply" not in text


def test_a_foreign_movant_that_names_a_state_defeats_the_rule_and_the_choice_is_an_answer():
    text = section(movant(FOREIGN, rule_4k2_names_state=True, rule_4k2_state="Delaware"),
                   "Rule 4(k)(2) Does Not Supply Jurisdiction")
    assert "Lone Star HK is subject to jurisdiction in the courts of Delaware" in text
    assert "takes itself outside Rule 4(k)(2)" in text and "Fuld" not in text
    answers = motion_answers("nysd")
    del answers["rule_4k2_names_state"]
    with pytest.raises(AnswersError, match="rule_4k2_names_state"):
        assemble(_library(), "rule-12b2-motion", answers)


# --- Ninth, Eighth and Second Circuit online-sales authority (P2, P3, P4, P11) --------------------------------


def test_ninth_circuit_states_what_briskin_and_herbal_brands_held_and_cites_them_with_no_signal():
    text = memo("cand")
    assert "Two recent decisions found express aiming" in text
    assert "the defendant's own. Briskin v. Shopify, Inc., 135 F.4th 739 (9th Cir. 2025) (en banc)" in text
    assert "But see Briskin" not in text
    assert "Herbal Brands, Inc. v. PhotoPlaza, Inc., 72 F.4th 1085 (9th Cir. 2023)" in text
    assert "See generally Briskin" not in text


def test_eighth_circuit_states_zazzle_as_it_held_and_drops_creative_calling():
    text = memo("moed")
    assert "arranged at the plaintiff's instance" not in text
    assert "even though Missouri's long-arm statute was satisfied" in text
    assert "Creative Calling" not in text
    assert "Walden" in text and "290 n.9" in text  # virtual contacts reserved


def test_second_circuit_states_chloes_holding_as_the_measure_the_plaintiff_must_meet():
    text = memo("nysd")
    assert ("The Second Circuit has upheld jurisdiction where a defendant actually used its website to sell and ship "
            "goods") in text
    assert "business plan. Chloé v. Queen Bee of Beverly Hills, LLC, 616 F.3d 158, 167, 170-71 (2d Cir. 2010)." in text
    assert "Cf. Chloé" not in text
    assert ", See Chloé" not in text and "See Chloé" not in text


# --- attribution in the Second Circuit (P5) -----------------------------------------------------------------


def test_second_circuit_attribution_states_new_yorks_agency_test_and_alter_ego_separately():
    text = section(movant(DOMESTIC, FOREIGN, jurisdiction_theories=["attribution"]), "The Contacts of Lone Star HK")
    assert "The Contacts of Lone Star HK Cannot Be Attributed to Lone Star\n" in text
    assert '"for the benefit of and with the knowledge and consent of"' in text and '"exercised some control"' in text
    assert "(quoting Kreutter v. McFadden Oil Corp., 71 N.Y.2d 460, 467, 522 N.E.2d 40 (1988))" in text
    assert "Alter ego is a separate route" in text and "Jazini" in text
    eighth = memo("moed", jurisdiction_theories=["attribution"])
    assert "alter ego" in eighth and "Kreutter" not in eighth


# --- Asahi (P10), general jurisdiction (P14, item 5), consent (P16) ------------------------------------------


def test_asahis_foreign_legal_system_burden_only_for_a_foreign_movant():
    assert "foreign legal system" not in movant(DOMESTIC)
    assert "foreign legal system" in movant(FOREIGN)


def test_general_jurisdiction_is_argued_from_consent_and_the_forum():
    text = memo("nysd", jurisdiction_theories=["general"])
    assert "Absent consent" in text and '"truly exceptional" case. Brown v. Lockheed Martin Corp.' in text
    assert "is at home in New York" in text and "at home elsewhere" not in text


def test_general_jurisdiction_over_an_individual_is_argued_from_domicile():
    text = section(movant(PERSON, court="moed", jurisdiction_theories=["general"]), "Defendant Dana Is Not Subject")
    assert "the paradigm forum for general jurisdiction is the individual's domicile" in text
    assert "Defendant Dana is not domiciled in Missouri" in text
    assert "paradigm forums are the corporation's" not in text and "exceptional case" not in text


def test_consent_heading_does_not_imply_registration_and_mallorys_holding_is_stated_as_part_iii_b():
    text = memo("nysd", jurisdiction_theories=["consent_by_registration"], registered_in_forum=False)
    assert "Did Not Consent to Jurisdiction in New York" in text and "by Registering" not in text
    assert "In Mallory, the Supreme Court held, in the part of its opinion that a majority joined (Part III-B)" in text
    assert "dormant Commerce Clause. Mallory v. Norfolk S. Ry. Co., 600 U.S. 122 (2023). Justice Alito" in text
    assert "Id. (Alito, J., concurring in part and concurring in the judgment)" in text
    assert 'rested that holding "solely on New York law grounds,"' in text
    assert "Aybar v. Aybar, 37 N.Y.3d 274, 291, 177 N.E.3d 1257 (2021)" in text
    assert "A. 7769, 2021–2022 Leg., Reg. Sess. (N.Y. 2021) (vetoed Dec. 31, 2021)" in text
    assert "S. 7476, 2023–2024 Leg., Reg. Sess. (N.Y. 2023) (vetoed Dec. 22, 2023)" in text
    assert "2025" not in section(text, "Did Not Consent")  # the 2025 veto is reported by one source only


def test_missouri_consent_keeps_dolans_statutory_holding():
    text = memo("moed", jurisdiction_theories=["consent_by_registration"], registered_in_forum=True)
    assert "That Alibaba Holding registered to do business in Missouri is not consent" in text
    assert "State ex rel. Norfolk S. Ry. Co. v. Dolan, 512 S.W.3d 41 (Mo. 2017) (en banc)" in text
    assert "That statutory holding survives Mallory" in text


def test_several_registered_movants_are_not_each_said_to_have_registered():
    text = movant(DOMESTIC, FOREIGN, jurisdiction_theories=["consent_by_registration"], registered_in_forum=True)
    assert "Registration to do business in New York by Lone Star or Lone Star HK is not consent" in text
    assert "That Lone Star and Lone Star HK registered" not in text


# --- long-arm statutes and Calder (P12, P15) -----------------------------------------------------------------


def test_new_york_answers_302a2_and_302a3_when_the_claims_sound_in_tort():
    text = memo("nysd", jurisdiction_theories=["specific"])
    assert "Absent a federal statute authorizing service" in text and "only to the extent" not in text
    assert "§ 302(a)(2)" in text and "§ 302(a)(3)" in text and "Bensusan" in text
    assert "cf. Penguin Grp. (USA) Inc. v. Am. Buddha, 16 N.Y.3d 295 (2011)" in text
    contract = memo("nysd", jurisdiction_theories=["specific"], claims_sound_in_tort=False)
    assert "§ 302(a)(2)" not in contract and "§ 302(a)(1)" in contract


def test_missouri_cites_506_500_3_and_the_extraterritorial_tort_rule():
    text = memo("moed", jurisdiction_theories=["specific"])
    assert "Mo. Rev. Stat. § 506.500.3" in text and "acts outside Missouri that produce consequences in Missouri" in text
    assert "Long-Arm Statute Does Not Reach" not in text  # Zazzle found the statute met: the section rests on due process


@pytest.mark.parametrize("court, circuit_case", [("moed", "Johnson v. Arden"), ("nysd", "Walden"), ("cand", "Schwarzenegger")])
def test_the_calder_effects_argument_is_answered(court, circuit_case):
    text = memo(court, jurisdiction_theories=["specific"])
    assert "But cf. Calder v. Jones, 465 U.S. 783, 788-90 (1984)" in text and circuit_case in text


# --- standards, sections, discovery (P18, P27, P32) ----------------------------------------------------------


def test_the_second_circuit_standard_follows_the_stage_of_the_case():
    before = memo("nysd")
    after = memo("nysd", jurisdictional_discovery_taken=True)
    assert "Before discovery" in before and "Where, as here" not in before
    assert "After jurisdictional discovery" in after and "(quoting Ball v. Metallurgie" in after
    assert "Is Not Entitled to Jurisdictional Discovery" in before and "Jurisdictional Discovery" not in after


def test_argument_sections_come_in_the_reviewed_order():
    text = memo("nysd", jurisdiction_theories=["general", "specific", "attribution", "rule_4k2", "consent_by_registration"],
                registered_in_forum=True)
    order = ["General Jurisdiction", "Was Not Consent", "Lacks Specific Jurisdiction", "Cannot Be Attributed",
             "Would Be Unreasonable", "Rule 4(k)(2) Does Not Supply", "Not Entitled to Jurisdictional Discovery"]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)


def test_duplicate_movants_are_refused():
    with pytest.raises(AnswersError, match="movants"):
        assemble(_library(), "rule-12b2-motion", motion_answers(movants=["Alibaba Holding", "Alibaba Holding"]))


def test_the_eighth_circuit_factors_are_weighed_including_the_forums_interest():
    text = memo("moed", jurisdiction_theories=["specific"])
    assert "not determinative" in text and "totality of the circumstances" in text
    assert "Missouri has an interest in providing a forum for Cepia" in text
    assert "cannot by themselves establish jurisdiction" not in text


# --- notice and proposed order (P26, P39) --------------------------------------------------------------------


def test_the_notice_raises_the_defense_so_it_is_not_waived_and_gives_the_sdny_schedule():
    sdny = memo("nysd", template="rule-12b2-notice", declarations=["the Declaration of the Chief Financial Officer dated November 20, 2026"])
    assert "so that it is not waived under Fed. R. Civ. P. 12(h)(1)" in sdny and "requires" not in sdny.split("12(h)(1)")[0][-40:]
    assert "Defendant Alibaba Group Holding Limited (\"Alibaba Holding\") will move" in sdny
    assert "the Declaration of the Chief Financial Officer dated November 20, 2026" in sdny
    assert "Local Civil Rule 6.1(b)" in sdny
    assert "Local Civil Rule 6.1(b)" not in memo("cand", template="rule-12b2-notice")  # E.D. Mo. takes a motion, not a notice


def test_the_proposed_order_directs_the_clerk_and_agrees_with_several_plaintiffs():
    plaintiffs = example("cepia-motion.yaml")["plaintiffs"] + [{"name": "Second Brand LLC", "short_name": "Second", "kind": "llc"}]
    text = memo("nysd", template="rule-12b2-proposed-order", motion_ecf="24", plaintiffs=plaintiffs)
    assert "(ECF No. 24)" in text and "terminate the motion at ECF No. 24" in text
    assert "Cepia and Second have not made a prima facie showing" in text


def test_second_circuit_reasonableness_is_a_sliding_scale_and_sentences_stay_apart():
    text = section(movant(FOREIGN), "Exercising Jurisdiction Would Be Unreasonable")
    assert "sliding scale" in text and "See Metro. Life Ins. Co. v. Robertson-Ceco Corp., 84 F.3d 560, 568-69" in text
    assert '(2d Cir. 1996). "The unique burdens' in text
    assert "sliding scale" not in memo("moed")


@pytest.mark.parametrize("template", ["rule-12b2-motion", "rule-12b2-notice", "rule-12b2-proposed-order"])
def test_an_individual_movant_is_named_or_given_her_pronoun_never_called_it(template):
    dana = dict(PERSON, pronoun="she")
    text = movant(dana, court="cand", template=template, jurisdiction_theories=["general", "specific"])
    assert "against Defendant Dana" in text
    assert "against it " not in text and "burden it " not in text and "aimed its own" not in text
    if template == "rule-12b2-motion":
        assert "expressly aimed her own conduct" in text


# --- an individual movant, and facts only as the answers give them (issue 11, last items) ---------------------

SHE = {**PERSON, "pronoun": "she"}
QUIET = {"name": "Quiet Co.", "short_name": "Quiet", "kind": "corporation"}  # answers give no home
ABROAD = {"name": "Pat Abroad", "short_name": "Abroad", "kind": "individual", "pronoun": "they",
          "principal_place_of_business": "Toronto, Ontario, Canada"}
EVERY_THEORY = ["general", "specific", "attribution", "rule_4k2", "consent_by_registration"]


def test_an_individual_movant_is_who_and_her_in_rule_4k2_and_the_preliminary_statement():
    text = movant(SHE, FOREIGN, jurisdiction_theories=EVERY_THEORY, registered_in_forum=False,
                  rule_4k2_names_state=False)
    rule = section(text, "Rule 4(k)(2) Does Not Supply Jurisdiction")
    assert "The rule cannot reach Defendant Dana, who is an individual domiciled in Chicago, Illinois." in rule
    assert "the rule supplies no basis for jurisdiction over her." in rule
    assert "Rule 4(k)(2) does not apply to Defendant Dana, who is subject to jurisdiction in the courts of Illinois" in text
    assert "acted there for her with her knowledge and consent" in text


def test_attribution_to_an_individual_speaks_of_her_control_not_a_corporate_family():
    text = section(movant(SHE, FOREIGN, jurisdiction_theories=["attribution"]), "The Contacts of Lone Star HK")
    # a person is not held to the corporate agency and alter-ego tests: the own-contacts rule and her paragraph
    assert "Plaintiff alleges no facts showing that Defendant Dana directed or controlled the forum activity" in text
    assert "dominated" not in text and "corporate affiliation" not in text
    assert "That Defendant Dana may own, direct or hold office in Lone Star HK would not change the result" in text
    assert "share officers or directors" not in text and "its knowledge" not in text


@pytest.mark.parametrize("court", ["nysd", "moed", "cand"])
@pytest.mark.parametrize("pronoun, obj", [("she", "her"), ("he", "him"), ("they", "them"), (None, "him or her")])
def test_no_sentence_calls_an_individual_movant_it(court, pronoun, obj):
    person = {**PERSON, "pronoun": pronoun} if pronoun else PERSON
    theories = ["general", "specific", "rule_4k2"] + (["consent_by_registration"] if court != "cand" else [])
    text = movant(person, court=court, jurisdiction_theories=theories, registered_in_forum=False,
                  rule_4k2_names_state=False)
    for wrong in ("Defendant Dana, which", "over it.", "burden it ", "Defendant Dana itself", "against it "):
        assert wrong not in text, (wrong, court, pronoun)
    assert f"the rule supplies no basis for jurisdiction over {obj}." in text


def test_a_foreign_movant_is_described_from_its_answers_and_a_domestic_one_never_as_foreign():
    foreign = section(movant(FOREIGN), "Exercising Jurisdiction Would Be Unreasonable")
    assert ("foreign legal system should have significant weight,\" Asahi, 480 U.S. at 114, and Lone Star HK is a "
            "corporation organized under the laws of Hong Kong with its principal place of business in Kowloon, "
            "Hong Kong.") in foreign
    assert "outside the United States" not in foreign
    registered = dict(jurisdiction_theories=EVERY_THEORY, registered_in_forum=True, rule_4k2_names_state=False)
    for domestic in (movant(DOMESTIC, **registered), movant(QUIET, **registered)):
        assert "foreign legal system" not in domestic and "outside the United States" not in domestic
        assert "foreign corporation" not in domestic
    abroad = section(movant(ABROAD), "Exercising Jurisdiction Would Be Unreasonable")
    assert "Abroad is an individual domiciled in Toronto, Ontario, Canada." in abroad


def test_a_movant_whose_answers_give_no_home_is_not_said_to_be_at_home_elsewhere():
    text = movant(QUIET, jurisdiction_theories=["general", "rule_4k2"], rule_4k2_names_state=False)
    general = section(text, "Quiet Is Not Subject to General Jurisdiction")
    assert "Quiet is a corporation. Plaintiff must show that New York is Quiet's place of incorporation" in general
    assert "Neither paradigm forum" not in general
    assert "General jurisdiction is unavailable: Plaintiff identifies no basis for treating Quiet as at home" in text
    assert "neither incorporated nor headquartered" not in text
    assert "Rule 4(k)(2) does not apply to Quiet, because" in text  # its own choice not to name a state


def test_the_motion_paper_in_a_motion_court_never_calls_an_individual_movant_it():
    text = movant(SHE, FOREIGN, court="moed", template="rule-12b2-motion-paper", related_entity="Lone Star HK",
                  jurisdiction_theories=["general", "specific", "attribution", "rule_4k2"], rule_4k2_names_state=False)
    alone = movant(SHE, court="moed", template="rule-12b2-motion-paper", jurisdiction_theories=["general"])
    assert "Defendant Dana is not domiciled in Missouri, so the Court lacks general jurisdiction over Defendant Dana." in alone
    assert "claims asserted against Defendant Dana by Cepia" in alone and "against it" not in alone
    assert "The contacts of Lone Star HK cannot be attributed to Defendant Dana." in text


def test_the_plaintiff_is_said_to_be_based_in_the_forum_only_where_its_answers_put_it_there():
    away = movant(SHE, FOREIGN, court="nysd", jurisdiction_theories=["specific"])  # Cepia is a Missouri company
    assert "That Plaintiff says it felt harm in New York therefore says nothing about whether Defendant Dana or " \
           "Lone Star HK reached into New York." in away
    assert "Plaintiff is based in New York" not in away
    home = memo("moed", jurisdiction_theories=["specific"])
    assert "That Plaintiff is based in Missouri or says it felt harm there therefore says nothing" in home
