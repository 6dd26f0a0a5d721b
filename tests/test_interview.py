"""The interview asks only what a case still needs, with real questionary prompts."""

from __future__ import annotations

import copy

import docx
import pytest
import yaml

from assembler.errors import InterviewAborted
from assembler.assembly.interview import QuestionaryAsker, run_interview
from assembler.library.templates import find_template
from samples import motion_answers, order_answers


class Refused:
    """A reply the prompt must refuse as it is typed, with ``message``; the next reply is asked for."""

    def __init__(self, typed, message):
        self.typed, self.message = typed, message


class ScriptedAsker:
    """Answers from a script, recording every prompt it was asked."""

    def __init__(self, replies):
        self.replies = list(replies)
        self.asked = []
        self.said = []  # headings and explanations shown between questions

    def _next(self, prompt):
        self.asked.append(prompt)
        if not self.replies:
            raise AssertionError(f"unexpected question: {prompt}")
        reply = self.replies.pop(0)
        if reply is KeyboardInterrupt:
            raise KeyboardInterrupt
        return reply

    def text(self, prompt, default="", validate=None, help=""):
        reply = self._next(prompt)
        if isinstance(reply, Refused):  # the prompt's validator must refuse it, with this message
            assert validate(reply.typed) == reply.message
            return self.text(prompt, default, validate, help)
        assert validate is None or validate(reply) is True, validate(reply)
        return reply

    def select(self, prompt, choices, default=None):
        reply = self._next(prompt)
        assert reply in choices
        return reply

    def checkbox(self, prompt, choices, validate=None):
        reply = self._next(prompt)
        assert set(reply) <= set(choices)
        self.choices = choices
        return reply

    def say(self, text):
        self.said.append(text)

    def confirm(self, prompt, default=False):
        return self._next(prompt)

    def autocomplete(self, prompt, choices, validate=None):
        reply = self._next(prompt)
        assert reply in choices
        return reply


def questions(builtin, template_id):
    return find_template(builtin.template_dirs, template_id).questions


def answered_in_full(answers, questions_):
    """The file answers every question, leaving the optional ones it does not need deliberately blank."""
    for question in questions_:
        answers.setdefault(question.name, question.default)
    return answers


def test_a_complete_answers_file_asks_nothing(builtin):
    spec = questions(builtin, "rule-12b2-motion")
    answers = answered_in_full(motion_answers(), spec)
    asker = ScriptedAsker([])
    assert run_interview(spec, answers, asker) == answers
    assert asker.asked == []


def test_an_optional_answer_left_out_is_asked_but_one_left_blank_is_not(builtin):
    spec = questions(builtin, "rule-12b2-motion")
    answers = answered_in_full(motion_answers(), spec)
    del answers["judge"]
    asker = ScriptedAsker(["Stephen N. Limbaugh, Jr."])
    assert run_interview(spec, answers, asker)["judge"] == "Stephen N. Limbaugh, Jr."
    assert asker.asked == ["Assigned judge (leave blank if not yet assigned) (optional)"]


def test_only_missing_answers_are_asked(builtin):
    spec = questions(builtin, "rule-12b2-motion")
    answers = answered_in_full(motion_answers(), spec)
    del answers["case_number"]
    answers["movants"] = ["Nobody"]  # invalid: asked again
    asker = ScriptedAsker(["4:26-cv-00001", ["Alibaba Holding"]])
    result = run_interview(spec, answers, asker)
    assert result["case_number"] == "4:26-cv-00001" and result["movants"] == ["Alibaba Holding"]
    assert len(asker.asked) == 2


def test_conditional_questions_are_asked_only_when_they_apply(builtin):
    spec = questions(builtin, "rule-12b2-motion")
    answers = answered_in_full(motion_answers(jurisdiction_theories=["general"]), spec)
    del answers["related_entity"]
    assert run_interview(spec, answers, ScriptedAsker([])) == answers
    answers["jurisdiction_theories"] = ["attribution"]
    asker = ScriptedAsker(["Alibaba.com"])
    assert run_interview(spec, answers, asker)["related_entity"] == "Alibaba.com"


def test_a_list_of_parties_is_asked_one_by_one_with_add_another(builtin):
    spec = questions(builtin, "pi-order")
    answers = answered_in_full(order_answers(), spec)
    del answers["defendants"]
    answers["enjoined"] = []
    asker = ScriptedAsker([
        "Seller One Ltd.", "Seller One", "corporation", "China", "Shenzhen, China",
        True, "Jane Roe", "Roe", "individual", "", "(leave blank)",
        False,
    ])
    result = run_interview(spec, answers, asker)
    assert [d["short_name"] for d in result["defendants"]] == ["Seller One", "Roe"]
    assert "organized_under" not in result["defendants"][1]  # not asked of an individual
    assert "pronoun" not in result["defendants"][1]  # left blank: "he or she"
    assert "Add another defendant?" in asker.asked


def test_ctrl_c_stops_the_interview_and_keeps_the_answers_so_far(builtin):
    spec = questions(builtin, "pi-order")
    answers = answered_in_full(order_answers(), spec)
    del answers["case_number"], answers["bond_amount"]
    asker = ScriptedAsker(["1:26-cv-00002", KeyboardInterrupt])
    with pytest.raises(InterviewAborted) as stopped:
        run_interview(spec, answers, asker)
    assert stopped.value.answers["case_number"] == "1:26-cv-00002"
    assert "bond_amount" not in stopped.value.answers


class TypingAsker(QuestionaryAsker):
    """The real questionary prompts, with a user's keystrokes typed into prompt_toolkit's pipe input as each
    prompt opens (one string of keys per prompt)."""

    def __init__(self, pipe, keys):
        from prompt_toolkit.output import DummyOutput

        super().__init__(input=pipe, output=DummyOutput())
        self.pipe, self.keys = pipe, list(keys)

    def _ask(self, question):
        self.pipe.send_text(self.keys.pop(0))
        return super()._ask(question)


def drive(questions_, answers, keys):
    from prompt_toolkit.input import create_pipe_input

    with create_pipe_input() as pipe:
        asker = TypingAsker(pipe, keys)
        result = run_interview(questions_, answers, asker)
    assert asker.keys == [], "some prompts were never shown"
    return result


def test_real_prompts_take_a_court_by_name_and_validate_typed_answers(builtin):
    spec = questions(builtin, "pi-order")
    answers = answered_in_full(order_answers(), spec)
    del answers["court"], answers["bond_amount"]
    keys = ["Southern District of New York (nysd)\r", "lots\r" + "\x7f" * 4 + "25,000\r"]
    result = drive(spec, answers, keys)
    assert result["court"] == "nysd"
    assert result["bond_amount"] == 25000


@pytest.mark.parametrize("typed", ["southern district of new\r", "nysd\r", "Southern District of New York (nysd)\r"])
def test_the_court_is_found_by_part_of_its_name_or_by_its_id(builtin, typed):
    spec = questions(builtin, "pi-order")
    answers = answered_in_full(order_answers(court="moed"), spec)
    del answers["court"]
    assert drive(spec, answers, [typed])["court"] == "nysd"


def test_saved_answers_round_trip(builtin, tmp_path):
    from assembler.assembly.answers import load_answers, save_answers

    answers = copy.deepcopy(order_answers())
    answers["hearing_date"] = "2026-12-01"
    save_answers(answers, tmp_path / "case.yaml")
    assert load_answers(tmp_path / "case.yaml") == answers


@pytest.fixture
def typing(monkeypatch):
    """`assembler new` with the user's keystrokes typed into its real prompts, one string per prompt."""
    from prompt_toolkit.input import create_pipe_input

    from assembler.assembly import interview

    with create_pipe_input() as pipe:
        def type_keys(*keys):
            monkeypatch.setattr(interview, "terminal_asker", lambda: TypingAsker(pipe, keys))

        yield type_keys


def partial_order(builtin, tmp_path):
    answers = answered_in_full(order_answers(court="ilnd"), questions(builtin, "pi-order"))
    del answers["case_number"]
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(answers), encoding="utf-8")
    return path


def test_new_asks_what_is_missing_then_writes_the_draft_and_the_answers(builtin, run_cli, typing, tmp_path, monkeypatch):
    case = partial_order(builtin, tmp_path)
    typing("1:26-cv-05555\r")
    code, out, err = run_cli("new", "pi-order", "--answers", case, "--save-answers", case,
                             "-o", tmp_path / "order.docx")
    assert code == 0, err
    assert (tmp_path / "order.docx").exists() and (tmp_path / "order.assembly.yaml").exists()
    assert yaml.safe_load(case.read_text())["case_number"] == "1:26-cv-05555"
    caption = docx.Document(tmp_path / "order.docx").tables[0]
    assert "1:26-cv-05555" in "\n".join(cell.text for row in caption.rows for cell in row.cells)


def test_ctrl_c_writes_no_draft_and_keeps_the_answers_typed_so_far(builtin, run_cli, typing, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    case = partial_order(builtin, tmp_path)
    typing("1:26-cv-05555\r", "\x03", "\r")  # case number, then Ctrl-C at the next prompt, then "yes, save"
    answers_yaml = yaml.safe_load(case.read_text())
    del answers_yaml["bond_amount"]
    case.write_text(yaml.safe_dump(answers_yaml))
    code, _, err = run_cli("new", "pi-order", "--answers", case, "-o", tmp_path / "order.docx")
    assert code == 130
    assert not (tmp_path / "order.docx").exists()
    saved = tmp_path / "pi-order-answers.yaml"
    assert "answers so far saved" in err
    assert yaml.safe_load(saved.read_text())["case_number"] == "1:26-cv-05555"


def test_new_without_a_terminal_says_to_use_render(builtin, run_cli, tmp_path):
    code, _, err = run_cli("new", "pi-order", "--answers", partial_order(builtin, tmp_path), "-o", tmp_path / "o.docx")
    assert code == 2
    assert "needs a terminal" in err and "assembler render" in err
    assert not (tmp_path / "o.docx").exists()


# --- Q18: the interview refuses a wrong answer as it is typed, says what it asks, and asks only what is read ---

def party(name, short, kind="corporation"):
    return {"name": name, "short_name": short, "kind": kind}


def test_a_short_name_another_party_has_is_refused_as_it_is_typed(builtin):
    spec = questions(builtin, "pi-order")
    answers = answered_in_full(order_answers(), spec)
    del answers["defendants"]
    answers["enjoined"] = []
    asker = ScriptedAsker([
        "ABBC Block Chain IT Solutions LLC", "ABBC", "llc", "", "",
        True, "ABBC Holdings Ltd.",
        Refused("ABBC", "ABBC is already the short name of ABBC Block Chain IT Solutions LLC; give each party its own"),
        Refused("Alibaba", "Alibaba is already the short name of Alibaba Group Holding Limited; give each party its "
                           "own"),
        "ABBC Holdings", "corporation", "", "",
        False,
    ])
    result = run_interview(spec, answers, asker)
    assert [d["short_name"] for d in result["defendants"]] == ["ABBC", "ABBC Holdings"]
    assert asker.asked.count('Defendant 2 — short name used in the papers (e.g. "Cepia")') == 3


def test_a_short_name_doubled_in_the_answers_file_is_asked_again_for_the_later_party_only(builtin):
    spec = questions(builtin, "pi-order")
    answers = answered_in_full(order_answers(), spec)
    answers["defendants"][1]["short_name"] = "Philip"  # ABBC's, doubling the fifth defendant's
    asker = ScriptedAsker(["Jason Philip", "", "(leave blank)", False])  # the blank optional fields; no more
    result = run_interview(spec, answers, asker)
    assert asker.asked[0] == 'Defendant 5 — short name used in the papers (e.g. "Cepia")'
    assert all(prompt.startswith("Defendant 5 — ") for prompt in asker.asked[:-1])
    assert [d["short_name"] for d in result["defendants"]][1:5:3] == ["Philip", "Jason Philip"]
