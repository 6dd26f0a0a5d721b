"""The interview's court question knows what the library serves: a court the document cannot be assembled in is refused
as it is typed, naming the missing piece (QA Q18), and a court it can be is accepted with what the draft will rest on
there said at once."""

from __future__ import annotations

from assembler.assembly.interview import run_interview
from assembler.library.coverage import court_service
from assembler.library.templates import find_template
from samples import everything, motion_answers
from test_interview import ScriptedAsker, TypingAsker, answered_in_full


class CourtAsker(ScriptedAsker):
    """Types each scripted court in turn until the question's validator accepts one; keeps what it was told."""

    def __init__(self, replies):
        super().__init__(replies)
        self.refused, self.said = [], []

    def autocomplete(self, prompt, choices, validate=None):
        while True:
            reply = self._next(prompt)
            assert reply in choices
            verdict = validate(reply)
            if verdict is True:
                return reply
            self.refused.append(verdict)

    def say(self, text):
        self.said.append(text)


def _interview(builtin, template_id, answers, typed):
    template = find_template(builtin.template_dirs, template_id)
    answers = answered_in_full(answers, template.questions)
    if typed:
        del answers["court"]
    asker = CourtAsker(typed)
    result = run_interview(template.questions, answers, asker, court_service(builtin, template))
    return result, asker


def test_a_served_court_is_accepted_with_its_circuit_statute_and_local_rules_said_at_once(builtin):
    result, asker = _interview(builtin, "rule-12b2-motion", motion_answers("paed"),
                               ["Eastern District of Pennsylvania (paed)"])
    assert result["court"] == "paed" and asker.refused == []
    (said,) = asker.said
    assert said.startswith("E.D. Pa.: Third Circuit standard: verified; Pennsylvania long-arm 42 Pa. Cons. Stat. "
                           "§ 5322: verified; local rules E.D. Pa. L.R. 7.1")


def test_an_unverified_state_is_said_as_unverified(builtin):
    _, asker = _interview(builtin, "rule-12b2-motion", motion_answers("akd"), ["District of Alaska (akd)"])
    assert asker.said == ["D. Alaska: Ninth Circuit standard: verified; Alaska long-arm Alaska Stat. § 09.05.015: "
                          "unverified; local rules: none"]


def test_a_court_that_takes_the_other_paper_is_refused_when_typed(builtin):
    result, asker = _interview(builtin, "rule-12b2-notice", motion_answers("njd"),
                               ["Eastern District of Pennsylvania (paed)", "District of New Jersey (njd)"])
    assert result["court"] == "njd"
    (refusal,) = asker.refused
    assert refusal.startswith("template rule-12b2-notice: the Eastern District of Pennsylvania takes a motion stating "
                              "its grounds (E.D. Pa. L.R.")
    assert refusal.endswith("assemble rule-12b2-motion-paper instead")


def test_a_court_without_the_circuits_clauses_is_refused_naming_the_missing_clause(builtin):
    result, asker = _interview(builtin, "tro-order", everything("ilnd"),
                               ["Southern District of New York (nysd)", "Northern District of Illinois (ilnd)"])
    assert result["court"] == "ilnd"
    assert asker.refused == ["template tro-order needs one of pi-finding-jurisdiction-7th-cir, but none applies in the "
                             "Southern District of New York (Second Circuit); add one to your firm library (--library)"]
    assert asker.said == ["N.D. Ill.: Seventh Circuit law: verified"]


def test_an_answers_file_naming_a_court_the_document_cannot_use_asks_the_court_again(builtin):
    template = find_template(builtin.template_dirs, "rule-12b2-notice")
    answers = answered_in_full(motion_answers("paed"), template.questions)
    asker = CourtAsker(["District of New Jersey (njd)"])
    result = run_interview(template.questions, answers, asker, court_service(builtin, template))
    assert result["court"] == "njd"
    assert asker.said[0].startswith("paed: template rule-12b2-notice: the Eastern District of Pennsylvania takes a "
                                    "motion stating its grounds")
    assert asker.said[1].startswith("D.N.J.: local rules D.N.J. L. Civ. R.")


def test_without_coverage_the_question_takes_any_court(builtin):
    template = find_template(builtin.template_dirs, "tro-order")
    answers = answered_in_full(everything("nysd"), template.questions)
    del answers["court"]
    asker = CourtAsker(["Southern District of New York (nysd)"])
    assert run_interview(template.questions, answers, asker)["court"] == "nysd"
    assert asker.said == []


def test_real_prompts_refuse_the_unserved_court_and_take_the_next(builtin):
    """Typed into questionary's own prompt: E.D. Pa. is refused for a notice of motion, erased, and D.N.J. taken."""
    from prompt_toolkit.input import create_pipe_input

    template = find_template(builtin.template_dirs, "rule-12b2-notice")
    answers = answered_in_full(motion_answers("njd"), template.questions)
    del answers["court"]
    with create_pipe_input() as pipe:
        asker = TypingAsker(pipe, ["paed\r" + "\x7f" * 4 + "njd\r"])
        result = run_interview(template.questions, answers, asker, court_service(builtin, template))
    assert asker.keys == [] and result["court"] == "njd"
