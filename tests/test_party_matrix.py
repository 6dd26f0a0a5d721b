"""Every template over the party matrix (tests/party_matrix.py): the caption, the way the parties are
introduced, and the party names in the signature block read right for one party or several, individuals or
entities, all defendants or only some moving or enjoined."""

from __future__ import annotations

import pytest

from assembler.assembly.answers import build_context

from party_matrix import (
    MOTION_TEMPLATES, SETUPS, TEMPLATES, Setup, caption_names, intro, rendered, role_word, serial,
)

# Laying a draft out in Word takes a tenth of a second or more, so the Word text (caption, signature) is read
# for a spread of setups; every setup of the matrix is assembled and its text checked.
WORD_SETUPS = [Setup(1, 1, "entity", "all"), Setup(1, 1, "individual", "all"), Setup(2, 2, "entity", "some"),
               Setup(2, 3, "individual", "some"), Setup(3, 2, "individual", "all"), Setup(3, 3, "entity", "all"),
               Setup(1, 3, "entity", "some"), Setup(2, 1, "individual", "all")]


def _expect_caption(text: str, setup: Setup, versus: str) -> None:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    plaintiffs, defendants = caption_names(setup, "Plaintiff"), caption_names(setup, "Defendant")
    against = lines.index(versus)
    assert lines[:against] == plaintiffs + [role_word(setup.plaintiffs, "Plaintiff") + ","]
    assert lines[against + 1: against + 2 + len(defendants)] == defendants + [
        role_word(setup.defendants, "Defendant") + "."]


@pytest.mark.parametrize("setup", WORD_SETUPS, ids=str)
@pytest.mark.parametrize("template_id", TEMPLATES)
def test_caption_parties_and_signature_in_word(template_id: str, setup: Setup) -> None:
    paper = rendered(template_id, setup)
    # S.D.N.Y. (the order, and the notice: E.D. Mo. takes a motion, not a notice) or E.D. Mo.
    _expect_caption(paper.caption, setup, "– against –" if template_id in ("pi-order", "rule-12b2-notice") else "v.")
    _expect_parties(template_id, paper.body, setup)
    if template_id in ("rule-12b2-motion", "rule-12b2-notice", "rule-12b2-motion-paper"):
        movants = [p for p in setup.parties("Defendant") if p["short_name"] in setup.chosen]
        full_names = serial([p["name"] for p in movants])  # counsel appear for the client by its full legal name
        assert f"\nAttorneys for {role_word(len(movants), 'Defendant')} {full_names}\n" in paper.body
    else:
        judge = "J. Paul Oetken" if template_id == "pi-order" else "Stephen N. Limbaugh, Jr."
        assert f"\n{judge.upper()}\nUnited States District Judge" in paper.body and "Hon." not in paper.body


@pytest.mark.parametrize("setup", SETUPS, ids=str)
@pytest.mark.parametrize("template_id", TEMPLATES)
def test_party_lists_in_the_clause_context(template_id: str, setup: Setup) -> None:
    draft = rendered(template_id, setup, word=False).draft
    _expect_parties(template_id, f"{draft.title}\n{draft.plain_text()}", setup)
    assert draft.caption.plaintiffs.role == role_word(setup.plaintiffs, "Plaintiff")
    assert draft.caption.defendants.role == role_word(setup.defendants, "Defendant")
    context = build_context(draft.answers, draft.template.questions, draft.court)
    plaintiffs, defendants = setup.parties("Plaintiff"), setup.parties("Defendant")
    assert context["plaintiffs"].names == serial([p["short_name"] for p in plaintiffs])
    assert context["plaintiffs"].word == role_word(setup.plaintiffs, "Plaintiff")
    assert context["defendants"].word == role_word(setup.defendants, "Defendant")
    chosen = context["movants"] if template_id in MOTION_TEMPLATES else context["enjoined"]
    assert chosen.names == serial(setup.chosen)
    assert chosen.verb("has", "have") == ("has" if len(setup.chosen) == 1 else "have")
    if len(setup.chosen) > 1:
        assert (chosen.it, chosen.its, chosen.itself) == ("they", "their", "themselves")
    elif setup.kind == "entity":
        assert (chosen.it, chosen.its, chosen.itself) == ("it", "its", "itself")
    else:
        pronoun = next(p.get("pronoun") for p in defendants if p["short_name"] == setup.chosen[0])
        assert chosen.it == {"he": "he", "she": "she", None: "he or she"}[pronoun]
    assert chosen.individual is (setup.kind == "individual")
    assert chosen.entity is (setup.kind == "entity")
    # the names written before party lists still mean the same
    assert context["plaintiff_word"] == context["plaintiffs"].word
    assert context["movant_names" if template_id in MOTION_TEMPLATES else "enjoined_names"] == chosen.names


def _expect_parties(template_id: str, body: str, setup: Setup) -> None:
    """How the paper introduces the parties (text outside the clauses, and the names clauses are given)."""
    if template_id == "pi-order":
        # full names with their defined terms (the order's other sentences: tests/test_pi_party_matrix.py)
        def named(parties):
            return serial([p["name"] + (f' ("{p["short_name"]}")' if p["short_name"] != p["name"] else "")
                           for p in parties])
        plaintiffs = setup.parties("Plaintiff")
        enjoined = [p for p in setup.parties("Defendant") if p["short_name"] in setup.chosen]
        assert (f"on the motion of {role_word(len(plaintiffs), 'Plaintiff')} {named(plaintiffs)} for a preliminary "
                f"injunction against {role_word(len(enjoined), 'Defendant')} {named(enjoined)} under") in body
        return
    movants = [p for p in setup.parties("Defendant") if p["short_name"] in setup.chosen]
    names = serial(setup.chosen)
    word = role_word(len(movants), "Defendant")
    if template_id == "rule-12b2-motion":
        plaintiffs = serial([intro(p, "Plaintiff") for p in setup.parties("Plaintiff")])
        assert f"{plaintiffs} " in body
        assert serial([intro(p, "Defendant") for p in movants]) in body
        assert f"IN SUPPORT OF {word.upper()} {names.upper()}'S MOTION" in body
    if template_id == "rule-12b2-notice":
        assert f"NOTICE OF {word.upper()} {names.upper()}'S MOTION" in body
        # the notice and the order name each movant in full with its defined term (partner review P26, P39)
        assert f"{serial([intro(p, 'Defendant') for p in movants])} will move this Court" in body
    if template_id == "rule-12b2-proposed-order":
        assert f"on the motion of {serial([intro(p, 'Defendant') for p in movants])} to dismiss" in body
