"""The interview asks only what a case still needs, with real questionary prompts."""

from __future__ import annotations

import copy
import io
import sys

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


def order_without_defendants(builtin):
    """The PI order's questions, and answers to all of them but the defendants (none enjoined yet)."""
    spec = questions(builtin, "pi-order")
    answers = answered_in_full(order_answers(), spec)
    del answers["defendants"]
    answers["enjoined"] = []
    return spec, answers


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
    spec, answers = order_without_defendants(builtin)
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
    assert err == ("error: the interview needs a terminal to ask its questions (standard input is not one); to "
                   "assemble without questions, use `assembler render TEMPLATE --answers FILE`\n")
    assert not (tmp_path / "o.docx").exists()


def test_new_with_its_input_piped_is_one_line_without_prompt_toolkits_warning(tmp_path):
    """The QA recipe, `echo | assembler new pi-order -o out.docx`, as a real process."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "assembler", "new", "pi-order", "-o", "out.docx"], input="\n",
                          capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("error: the interview needs a terminal")
    assert "Input is not a terminal" not in done.stderr + done.stdout
    assert list(tmp_path.iterdir()) == []


# --- Q18: the interview refuses a wrong answer as it is typed, says what it asks, and asks only what is read ---

def party(name, short, kind="corporation"):
    return {"name": name, "short_name": short, "kind": kind}


def test_a_short_name_another_party_has_is_refused_as_it_is_typed(builtin):
    spec, answers = order_without_defendants(builtin)
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


def test_a_client_who_is_no_party_is_refused_as_it_is_typed(builtin):
    spec = questions(builtin, "rule-12b2-motion")
    answers = answered_in_full(motion_answers(), spec)
    del answers["filer"]["represents"], answers["filer"]["firm"]  # so counsel's details are asked
    asker = ScriptedAsker([
        "Counsel LLP", True, Refused("Ghost LLC", "Ghost LLC is not a party's short name (one of Cepia, Alibaba Holding, and "
                                   "Alibaba.com)"), "Alibaba Holding",
        True, "Alibaba Holding", "Alibaba.com", False,  # the same client twice is said and asked again
    ])
    result = run_interview(spec, answers, asker)
    assert result["filer"]["represents"] == ["Alibaba Holding", "Alibaba.com"]
    assert asker.asked.count("Short names of the parties you represent — party 1") == 2
    assert asker.said == ["Filing counsel", "Short names of the parties you represent (optional)",
                          "  Alibaba Holding is already in the list"]


def test_an_affiliate_who_is_no_party_is_asked_again_from_the_file(builtin):
    spec = questions(builtin, "rule-12b2-motion")
    answers = answered_in_full(motion_answers(jurisdiction_theories=["attribution"], related_entity="Nobody Inc"), spec)
    asker = ScriptedAsker([Refused("Nobody Inc", "Nobody Inc is not a party's short name (one of Cepia, Alibaba "
                                                 "Holding, and Alibaba.com)"), "Alibaba.com"])
    assert run_interview(spec, answers, asker)["related_entity"] == "Alibaba.com"


def test_a_multi_select_lists_each_name_once_and_explains_an_empty_pick(builtin):
    from assembler.assembly.answers import choices_for

    spec = questions(builtin, "rule-12b2-motion")
    movants = next(q for q in spec if q.name == "movants")
    doubled = {"defendants": [party("A Ltd.", "A"), party("B Ltd.", "B"), party("A Corp.", "A")]}
    assert choices_for(movants, doubled) == ["A", "B"]
    answers = answered_in_full(motion_answers(), spec)
    del answers["movants"]
    asker = ScriptedAsker([[], ["Alibaba Holding"]])
    assert run_interview(spec, answers, asker)["movants"] == ["Alibaba Holding"]
    assert asker.said == ["  choose at least one: Space ticks a name, Enter finishes"]
    assert asker.choices == ["Alibaba Holding", "Alibaba.com"]


def test_list_prompts_say_which_item_of_which_list(builtin):
    spec, answers = order_without_defendants(builtin)
    del answers["supporting_papers"]
    asker = ScriptedAsker(["Roe Trading Ltd.", "Roe", "corporation", "", "", False,
                           True, "the Declaration of J. Smith and its exhibits", False])
    result = run_interview(spec, answers, asker)
    assert result["supporting_papers"] == ["the Declaration of J. Smith and its exhibits"]
    assert asker.asked[:2] == ["Defendant 1 — full legal name", 'Defendant 1 — short name used in the papers (e.g. "Cepia")']
    assert asker.asked[-3:] == ["Add a paper?", "Papers the Court considered — paper 1", "Add another paper?"]
    assert asker.said == ["Defendants", 'Papers the Court considered (e.g. "the Declaration of ... and its exhibits") '
                                        "(optional)"]


@pytest.mark.parametrize("typed, message", [
    ("2026-02-30", "'hearing_date' must be a real date like 2026-11-23: 2026-02-30 is not a real date (February 2026 "
                   "has 28 days)"),
    ("2026-13-01", "'hearing_date' must be a real date like 2026-11-23: 2026-13-01 has no month 13"),
    ("12/15/2026", "'hearing_date' must be a real date like 2026-11-23 (got '12/15/2026')"),
])
def test_an_impossible_date_is_told_it_is_not_a_real_date(builtin, typed, message):
    spec = questions(builtin, "pi-order")
    answers = answered_in_full(order_answers(), spec)
    del answers["hearing_date"]
    asker = ScriptedAsker([Refused(typed, message), "2026-12-01"])
    assert run_interview(spec, answers, asker)["hearing_date"] == "2026-12-01"


@pytest.mark.parametrize("email", ["attorney", "attorney@", "attorney@example", "@example.com", "a b@example.com"])
def test_an_email_without_a_domain_is_refused(builtin, email):
    spec = questions(builtin, "rule-12b2-motion")
    answers = answered_in_full(motion_answers(), spec)
    answers["filer"]["attorneys"] = []
    asker = ScriptedAsker(["Ann Counsel", "12345MO", Refused(email, f"'email' must be an email address such as name@firm.com (got "
                                                     f"'{email}')"), "ann@counsel-firm.com", False])
    result = run_interview(spec, answers, asker)
    assert result["filer"]["attorneys"] == [{"name": "Ann Counsel", "bar_number": "12345MO",
                                             "email": "ann@counsel-firm.com"}]


def test_a_default_is_offered_not_typed_in(builtin):
    """At "Days to post the security" (default 7), typing n is refused as "n", not "7n"; Enter on an empty
    answer takes the 7; typing 10 gives 10, not 710."""
    spec = questions(builtin, "pi-order")
    answers = answered_in_full(order_answers(), spec)
    del answers["bond_days"], answers["marks_term"]
    result = drive(spec, answers, ["ALIBABA Marks\r", "n\r\x7f\r"])
    assert (result["bond_days"], result["marks_term"]) == (7, "ALIBABA Marks")
    result = drive(spec, answers, ["\r", "10\r"])
    assert (result["bond_days"], result["marks_term"]) == (10, "Marks")


def test_a_typed_answer_is_checked_against_its_default_only_when_left_empty(builtin):
    from assembler.assembly.interview import _validator

    days = next(q for q in questions(builtin, "pi-order") if q.name == "bond_days")
    validate = _validator(days, {}, lambda text: text, default="7")
    assert validate("") is True
    assert validate("n") == "'bond_days' must be a number (got 'n')"


def test_only_what_the_document_reads_is_asked(builtin):
    from assembler.assembly.reading import answers_read

    order = find_template(builtin.template_dirs, "pi-order")
    read = answers_read(builtin, order)
    assert {"filer", "filing_date"}.isdisjoint(read)  # an order ends with the judge's line: no firm, no bar number
    assert {"court", "case_number", "judge", "plaintiffs", "defendants", "marks", "bond_amount", "bond_days",
            "enjoined", "supporting_papers", "schedule_a", "schedule_a_provisions", "tro_date"} <= read
    memorandum = answers_read(builtin, find_template(builtin.template_dirs, "rule-12b2-motion"))
    assert {"filer", "filing_date", "movants", "facts", "related_entity", "jurisdiction_theories"} <= memorandum
    assert {"courthouse", "return_date"}.isdisjoint(memorandum)  # the notice's, not the memorandum's
    notice = answers_read(builtin, find_template(builtin.template_dirs, "rule-12b2-notice"))
    assert {"filer", "filing_date", "movants"} <= notice and "facts" not in notice


def test_a_proposed_order_is_drafted_without_counsels_details(builtin, run_cli, typing, tmp_path):
    answers = answered_in_full(order_answers(court="ilnd"), questions(builtin, "pi-order"))
    for name in ("filer", "filing_date", "case_number"):
        answers.pop(name)
    case = tmp_path / "case.yaml"
    case.write_text(yaml.safe_dump(answers), encoding="utf-8")
    typing("1:26-cv-05555\r")  # the one answer the order reads that the file lacks
    code, _, err = run_cli("new", "pi-order", "--answers", case, "-o", tmp_path / "order.docx", "--no-layout")
    assert code == 0, err
    text = "\n".join(p.text for p in docx.Document(tmp_path / "order.docx").paragraphs)
    assert "SO ORDERED" in text and "Counsel for the Plaintiff" not in text


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_spinner_says_what_is_being_done_while_a_draft_is_laid_out(monkeypatch):
    from assembler.cli.common import assembling, working

    screen = _Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    with working(assembling("rule-12b2-motion", layout=True)):
        pass
    shown = " ".join(screen.getvalue().split())  # wrapped at the terminal's width
    assert "Assembling rule-12b2-motion; LibreOffice lays it out (the first time takes a few seconds)…" in shown
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    with working(assembling("rule-12b2-motion", layout=True)):
        pass
    assert piped.getvalue() == ""  # nothing in a log or a pipe


def test_q5_a_pasted_soft_line_break_is_refused_as_it_is_typed(builtin):
    spec = questions(builtin, "pi-order")
    answers = answered_in_full(order_answers(), spec)
    del answers["infringing_conduct"]
    pasted = Refused("sold counterfeit\vgoods",
                     "'infringing_conduct' contains a soft line break (U+000B) at character 17; retype it as plain text")
    asker = ScriptedAsker([pasted, "sold counterfeit goods"])
    assert run_interview(spec, answers, asker)["infringing_conduct"] == "sold counterfeit goods"


def test_q7_facts_skipped_in_the_interview_still_give_a_memorandum(builtin, run_cli, tmp_path, monkeypatch):
    from assembler.assembly import interview

    answers = answered_in_full(motion_answers(), questions(builtin, "rule-12b2-motion"))
    del answers["facts"]
    case = tmp_path / "case.yaml"
    case.write_text(yaml.safe_dump(answers), encoding="utf-8")
    asker = ScriptedAsker([False])  # "Add a fact?" no
    monkeypatch.setattr(interview, "terminal_asker", lambda: asker)
    code, _, err = run_cli("new", "rule-12b2-motion", "--answers", case, "-o", tmp_path / "memo.docx", "--no-layout")
    assert code == 0, err
    assert asker.asked == ["Add a fact?"]
    assert "PRELIMINARY STATEMENT" in "\n".join(p.text for p in docx.Document(tmp_path / "memo.docx").paragraphs)


def test_an_empty_pick_in_an_optional_multi_select_says_none_was_chosen(builtin):
    spec = questions(builtin, "pi-order")
    answers = answered_in_full(order_answers(), spec)
    del answers["enjoined"]
    asker = ScriptedAsker([[]])
    assert "enjoined" not in run_interview(spec, answers, asker)  # blank: every defendant is enjoined
    assert asker.asked == ["Which defendants are enjoined? (blank means all) (optional)"]
    assert asker.said == ["  none chosen"]


def test_a_division_the_court_does_not_have_is_refused_as_it_is_typed(builtin):
    spec = questions(builtin, "rule-12b2-motion")
    answers = answered_in_full(motion_answers(), spec)  # E.D. Mo.: Eastern, Northern, Southeastern
    del answers["division"]
    asker = ScriptedAsker([
        Refused("Western", "the Eastern District of Missouri has the divisions Eastern, Northern, and Southeastern "
                           "(got 'Western')"),
        "Eastern"])
    assert run_interview(spec, answers, asker)["division"] == "Eastern"


def test_a_bad_division_in_the_file_is_asked_again_and_none_is_asked_where_the_court_has_none(builtin):
    spec = questions(builtin, "rule-12b2-motion")
    answers = answered_in_full(motion_answers(), spec)
    answers["division"] = "Western"
    asker = ScriptedAsker(["Northern"])
    assert run_interview(spec, answers, asker)["division"] == "Northern" and len(asker.asked) == 1
    answers = answered_in_full(motion_answers(court="nysd"), spec)
    answers.pop("division", None)
    asker = ScriptedAsker([])
    assert "division" not in run_interview(spec, answers, asker) and asker.asked == []
