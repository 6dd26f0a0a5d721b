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


def movant(*parties: dict, court: str = "nysd", **changes) -> str:
    answers = dict(defendants=list(parties), movants=[p["short_name"] for p in parties],
                   filer={**example("cepia-motion.yaml")["filer"], "represents": [parties[0]["short_name"]]},
                   related_entity=parties[-1]["short_name"])
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


def test_a_foreign_movant_that_names_no_state_meets_fuld_as_contrary_authority():
    text = section(movant(FOREIGN, rule_4k2_names_state=False), "Rule 4(k)(2) Does Not Supply Jurisdiction")
    assert "Lone Star HK does not concede that it is subject to suit in any state's courts" in text
    assert "But cf. Fuld v. Palestine Liberation Org., No. 24-20 (U.S. June 20, 2025)" in text
    assert "does not carry the Fourteenth Amendment's minimum-contacts framework over" in text
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


def test_ninth_circuit_meets_briskin_and_herbal_brands_as_contrary_authority():
    text = memo("cand")
    assert "But see Briskin v. Shopify, Inc., 135 F.4th 739 (9th Cir. 2025) (en banc)" in text
    assert "Herbal Brands, Inc. v. PhotoPlaza, Inc., 72 F.4th 1085 (9th Cir. 2023)" in text
    assert "See generally Briskin" not in text


def test_eighth_circuit_states_zazzle_as_it_held_and_drops_creative_calling():
    text = memo("moed")
    assert "arranged at the plaintiff's instance" not in text
    assert "even though Missouri's long-arm statute was satisfied" in text
    assert "Creative Calling" not in text
    assert "Walden" in text and "290 n.9" in text  # virtual contacts reserved


def test_second_circuit_cites_chloe_only_as_the_measure_the_plaintiff_must_meet():
    text = memo("nysd")
    assert "Cf. Chloé v. Queen Bee of Beverly Hills, LLC, 616 F.3d 158, 167, 170-71 (2d Cir. 2010)." in text
    assert ", See Chloé" not in text and "See Chloé" not in text


# --- attribution in the Second Circuit (P5) -----------------------------------------------------------------


def test_second_circuit_attribution_states_new_yorks_agency_test_and_alter_ego_separately():
    text = section(movant(DOMESTIC, FOREIGN, jurisdiction_theories=["attribution"]), "The Contacts of Lone Star HK")
    assert "The Contacts of Lone Star HK Cannot Be Attributed to Lone Star\n" in text
    assert '"for the benefit of and with the knowledge and consent of"' in text and '"exercised some control"' in text
    assert "(quoting Kreutter v. McFadden Oil Corp., 71 N.Y.2d 460, 467 (1988))" in text
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


def test_consent_heading_does_not_imply_registration_and_mallory_carries_a_signal():
    text = memo("nysd", jurisdiction_theories=["consent_by_registration"], registered_in_forum=False)
    assert "Did Not Consent to Jurisdiction in New York" in text and "by Registering" not in text
    assert "cf. Mallory v. Norfolk S. Ry. Co., 600 U.S. 122 (2023) (upholding" in text
    assert "Aybar" in text and "New York law alone" in text


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
